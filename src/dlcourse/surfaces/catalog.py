"""강의에서 쓰는 2차원 목적 함수 다섯 가지와 이름으로 찾는 표.

    quadratic       J = x₁² + 2x₂² − x₁x₂           볼록 함수, 최솟값 (0, 0)  (1강의 예제)
    elongated_bowl  J = x₁²/20 + x₂²                한쪽으로 길쭉한 그릇, 최솟값 (0, 0)
    rosenbrock      J = (a − x₁)² + b(x₂ − x₁²)²    휘어진 좁은 골짜기, 최솟값 (a, a²)
    saddle          J = x₁² − x₂²                   안장점 (0, 0), 최솟값 없음
    multi_minima    J = ‖x‖²/20 − Σₖ aₖ exp(−‖x − cₖ‖²/2)   지역 최솟값 둘, 전역 최솟값 하나

곡면은 모듈 상수(QUADRATIC 등)로 쓰거나 get("quadratic")처럼 이름으로 찾습니다.
"""

from __future__ import annotations

from numbers import Real

import numpy as np

from .._validate import check_positive, lookup
from .base import Surface

__all__ = [
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
]


class Quadratic(Surface):
    """이차 함수 J = x₁² + 2x₂² − x₁x₂, ∇J = [2x₁ − x₂, 4x₂ − x₁].

    헤세 행렬 [[2, −1], [−1, 4]]의 고윳값이 3 ± √2로 모두 양수라서 볼록 함수이고,
    최솟값은 (0, 0) 하나입니다. 1강의 표는 x(0) = [−5, 4]에서 시작합니다.
    """

    def __init__(self) -> None:
        super().__init__(
            name="quadratic",
            title="이차 함수 J = x₁² + 2x₂² − x₁x₂",
            window=((-6.0, 6.0), (-5.0, 5.0)),
            default_start=[-5.0, 4.0],
            minima=[[0.0, 0.0]],
        )

    def formula(self, x1, x2):
        return x1**2 + 2.0 * x2**2 - x1 * x2

    def formula_gradient(self, x1, x2):
        return 2.0 * x1 - x2, 4.0 * x2 - x1


class ElongatedBowl(Surface):
    """길쭉한 그릇 J = x₁²/20 + x₂², ∇J = [x₁/10, 2x₂].

    x₂ 방향은 가파르고 x₁ 방향은 아주 완만합니다. 그래서 경사 하강법은 x₂ 방향으로
    지그재그하면서 x₁ 방향으로는 느리게 나아갑니다. 최솟값은 (0, 0)입니다.
    """

    def __init__(self) -> None:
        super().__init__(
            name="elongated_bowl",
            title="길쭉한 그릇 J = x₁²/20 + x₂²",
            window=((-10.0, 10.0), (-5.0, 5.0)),
            default_start=[-7.0, 2.0],
            minima=[[0.0, 0.0]],
        )

    def formula(self, x1, x2):
        return x1**2 / 20.0 + x2**2

    def formula_gradient(self, x1, x2):
        return x1 / 10.0, 2.0 * x2


class Rosenbrock(Surface):
    """로젠브록 함수 J = (a − x₁)² + b(x₂ − x₁²)².

    ∇J = [−2(a − x₁) − 4b x₁(x₂ − x₁²),  2b(x₂ − x₁²)].
    포물선 x₂ = x₁² 을 따라 휘어진 좁은 골짜기가 있고, 최솟값은 (a, a²)에서 J = 0입니다.
    골짜기 바닥은 아주 평평해서 경사 하강법이 끝까지 가기 어렵습니다. 기본값 a = 1, b = 100.
    """

    def __init__(self, a: float = 1.0, b: float = 100.0) -> None:
        if isinstance(a, bool) or not isinstance(a, Real):
            raise TypeError(f"로젠브록 함수의 a는 실수여야 합니다 (받은 값: {a!r}).")
        if not np.isfinite(a):
            raise ValueError(f"로젠브록 함수의 a는 유한한 실수여야 합니다 (받은 값: {a!r}).")
        self.a = float(a)
        self.b = check_positive(b, "로젠브록 함수의 b")
        super().__init__(
            name="rosenbrock",
            title=f"로젠브록 함수 J = ({self.a:g} − x₁)² + {self.b:g}(x₂ − x₁²)²",
            # 최솟값 (a, a²)을 기준으로 잡은 범위와 시작점 (a = 1이면 (-2, 2) x (-1, 3), (-1.5, 2))
            window=((self.a - 3.0, self.a + 1.0), (self.a**2 - 2.0, self.a**2 + 2.0)),
            default_start=[self.a - 2.5, self.a**2 + 1.0],
            minima=[[self.a, self.a**2]],
        )

    def formula(self, x1, x2):
        return (self.a - x1) ** 2 + self.b * (x2 - x1**2) ** 2

    def formula_gradient(self, x1, x2):
        valley = x2 - x1**2
        return -2.0 * (self.a - x1) - 4.0 * self.b * x1 * valley, 2.0 * self.b * valley


class Saddle(Surface):
    """안장 함수 J = x₁² − x₂², ∇J = [2x₁, −2x₂].

    (0, 0)에서 기울기가 0이지만 최솟값이 아닙니다: x₁ 방향으로는 아래로 볼록,
    x₂ 방향으로는 위로 볼록한 안장점(saddle point)입니다 (헤세 행렬 고윳값 2와 −2).
    x₂ 방향으로는 한없이 내려가므로 최솟값이 없습니다. 기본 시작점 (−2, 0.001)에서
    경사 하강법은 안장점 근처에서 한참 머뭇거리다가 x₂ 방향으로 빠져나갑니다.
    """

    def __init__(self) -> None:
        super().__init__(
            name="saddle",
            title="안장 함수 J = x₁² − x₂²",
            window=((-2.5, 2.5), (-2.5, 2.5)),
            default_start=[-2.0, 1e-3],
            minima=[],
            saddle_points=[[0.0, 0.0]],
        )

    def formula(self, x1, x2):
        return x1**2 - x2**2

    def formula_gradient(self, x1, x2):
        return 2.0 * x1, -2.0 * x2


class MultiMinima(Surface):
    """여러 골짜기 함수: 완만한 그릇 위에 깊이가 다른 가우스 우물 세 개를 판 곡면.

        J(x) = ‖x‖²/20 − Σₖ aₖ exp(−‖x − cₖ‖²/2)
        ∇J(x) = x/10 + Σₖ aₖ exp(−‖x − cₖ‖²/2) (x − cₖ)

    우물 중심 cₖ = (2, 1), (−2, 1.5), (0.5, −2), 깊이 aₖ = 2, 1.4, 1.
    최솟값이 세 개 있고 깊이가 모두 다릅니다. 가장 낮은 (1.900, 0.945)가 전역 최솟값
    (J ≈ −1.767), 나머지 (−1.862, 1.398) (J ≈ −1.110)과 (0.471, −1.779) (J ≈ −0.820)은
    지역 최솟값입니다. 우물 사이에는 안장점이 두 개 있습니다. 아래 좌표는 뉴턴 방법으로
    구한 값이며, 테스트가 기울기 0과 헤세 행렬의 부호로 다시 확인합니다.
    기본 시작점 (−3.5, −3)에서 보통의 경사 하강법은 가까운 지역 최솟값에 갇힙니다.
    """

    centres = ((2.0, 1.0), (-2.0, 1.5), (0.5, -2.0))
    depths = (2.0, 1.4, 1.0)

    def __init__(self) -> None:
        super().__init__(
            name="multi_minima",
            title="여러 골짜기 함수 J = ‖x‖²/20 − Σₖ aₖ·exp(−‖x − cₖ‖²/2)",
            window=((-4.0, 4.0), (-4.0, 4.0)),
            default_start=[-3.5, -3.0],
            minima=[
                [1.899759821772, 0.945318511171],
                [-1.861724669376, 1.397885831982],
                [0.471383867274, -1.779348458844],
            ],
            saddle_points=[
                [-0.183935319556, 0.980304946359],
                [0.930947405802, -0.726017251120],
            ],
        )

    def formula(self, x1, x2):
        value = (x1**2 + x2**2) / 20.0
        for (c1, c2), a in zip(self.centres, self.depths, strict=True):
            value = value - a * np.exp(-((x1 - c1) ** 2 + (x2 - c2) ** 2) / 2.0)
        return value

    def formula_gradient(self, x1, x2):
        d1 = x1 / 10.0
        d2 = x2 / 10.0
        for (c1, c2), a in zip(self.centres, self.depths, strict=True):
            well = a * np.exp(-((x1 - c1) ** 2 + (x2 - c2) ** 2) / 2.0)
            d1 = d1 + well * (x1 - c1)
            d2 = d2 + well * (x2 - c2)
        return d1, d2


QUADRATIC = Quadratic()
ELONGATED_BOWL = ElongatedBowl()
ROSENBROCK = Rosenbrock()
SADDLE = Saddle()
MULTI_MINIMA = MultiMinima()

SURFACES: dict[str, Surface] = {
    surface.name: surface
    for surface in (QUADRATIC, ELONGATED_BOWL, ROSENBROCK, SADDLE, MULTI_MINIMA)
}
NAMES: tuple[str, ...] = tuple(SURFACES)


def get(name: str | Surface) -> Surface:
    """이름으로 곡면을 찾습니다 (대소문자, '-'/'_' 차이는 무시). Surface를 넘기면 그대로 돌려줍니다."""
    if isinstance(name, Surface):
        return name
    return lookup(name, SURFACES, "곡면")
