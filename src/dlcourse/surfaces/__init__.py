"""경사 하강법 실험용 2차원 목적 함수(곡면)와 그 위를 내려가는 descend.

    import dlcourse as dl
    surface = dl.surfaces.get("quadratic")          # J = x₁² + 2x₂² − x₁x₂
    surface.value([-5, 4]), surface.gradient([-5, 4])
    X, Y, Z = surface.grid(101)                       # 등고선 그림용
    result = dl.surfaces.descend(surface, learning_rate=0.1, steps=30)
    result.path, result.values, result.diverged, result.message
    result = dl.surfaces.descend("rosenbrock", dl.optim.Adam(learning_rate=0.05), steps=200)

곡면 이름: quadratic, elongated_bowl, rosenbrock, saddle, multi_minima (NAMES).
"""

from .base import Surface
from .catalog import (
    ELONGATED_BOWL,
    MULTI_MINIMA,
    NAMES,
    QUADRATIC,
    ROSENBROCK,
    SADDLE,
    SURFACES,
    ElongatedBowl,
    MultiMinima,
    Quadratic,
    Rosenbrock,
    Saddle,
    get,
)
from .descent import DIVERGENCE_BOUND, DescentPath, check_start, descend, gd_table

__all__ = [
    "Surface",
    "Quadratic",
    "ElongatedBowl",
    "Rosenbrock",
    "Saddle",
    "MultiMinima",
    "QUADRATIC",
    "ELONGATED_BOWL",
    "ROSENBROCK",
    "SADDLE",
    "MULTI_MINIMA",
    "SURFACES",
    "NAMES",
    "get",
    "descend",
    "DescentPath",
    "gd_table",
    "check_start",
    "DIVERGENCE_BOUND",
]
