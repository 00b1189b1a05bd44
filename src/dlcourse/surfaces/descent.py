"""곡면 위에서 한 걸음씩 내려가 보기: descend와 그 결과 DescentPath.

경사 하강법(gradient descent)은 기울기의 반대 방향으로 조금씩 움직입니다.

    x(t+1) = x(t) − η ∇J(x(t))        η: 학습률(learning rate), t: 갱신 횟수

descend는 이 갱신을 steps번 되풀이하며 지나간 점, 그 점의 값 J와 기울기 ∇J를
모두 기록합니다. 갱신 규칙은 옵티마이저(optimizer)가 정합니다:
`update(params, grads)`로 params["x"]를 제자리에서 바꾸는 객체라면 무엇이든
됩니다 (예: dl.optim.SGD(learning_rate=0.1), dl.optim.Adam(...)).
옵티마이저 없이 learning_rate만 주면 위 식 그대로의 경사 하강법을 씁니다.

값이 무한대나 NaN이 되거나 |x|가 divergence_bound(기본 1e6)를 넘으면
"발산했습니다"라고 기록하고 그 자리에서 깨끗하게 멈춥니다 (경고 없이).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .._validate import as_float_array, check_finite, check_positive, check_positive_int
from .base import Surface
from .catalog import get

__all__ = ["descend", "DescentPath", "gd_table", "check_start", "DIVERGENCE_BOUND"]

DIVERGENCE_BOUND = 1e6


class _GradientDescent:
    """가장 단순한 경사 하강법 x ← x − η ∇J(x). descend(learning_rate=η)가 씁니다."""

    def __init__(self, learning_rate: float) -> None:
        self.learning_rate = learning_rate

    def update(self, params: dict, grads: dict) -> None:
        for key, grad in grads.items():
            params[key] -= self.learning_rate * grad


@dataclass
class DescentPath:
    """descend의 결과. 행 t는 t번 갱신한 뒤의 점입니다 (행 0은 시작점).

    path       모양 (n, 2)   지나간 점 x(0), x(1), ...
    values     모양 (n,)     그 점의 J(x(t))
    gradients  모양 (n, 2)   그 점의 ∇J(x(t))
    diverged   발산했는지. 발산하면 path는 발산한 단계 바로 앞에서 끝납니다.
    diverged_at  발산한 단계 번호 (발산하지 않았으면 None)
    message    발산했을 때 보여 줄 한국어 설명 (아니면 None)
    """

    surface: Surface
    path: np.ndarray = field(repr=False)
    values: np.ndarray = field(repr=False)
    gradients: np.ndarray = field(repr=False)
    requested_steps: int
    diverged: bool = False
    diverged_at: int | None = None
    message: str | None = None

    @property
    def steps_done(self) -> int:
        """실제로 기록한 갱신 횟수 (발산하지 않았으면 requested_steps와 같습니다)."""
        return len(self.path) - 1

    @property
    def final(self) -> np.ndarray:
        """마지막으로 기록한 점."""
        return self.path[-1]

    def table(self) -> list[tuple[int, float, float, float, float]]:
        """gd_table(self)와 같습니다."""
        return gd_table(self)


def gd_table(result: DescentPath) -> list[tuple[int, float, float, float, float]]:
    """1강의 표에 쓸 행 (t, x₁, x₂, ∂J/∂x₁, ∂J/∂x₂)의 목록. 숫자만 담고, 꾸미기는 하지 않습니다."""
    return [
        (t, float(x[0]), float(x[1]), float(g[0]), float(g[1]))
        for t, (x, g) in enumerate(zip(result.path, result.gradients, strict=True))
    ]


def descend(
    surface: Surface | str,
    optimizer=None,
    start=None,
    steps: int = 30,
    *,
    learning_rate: float | None = None,
    divergence_bound: float = DIVERGENCE_BOUND,
) -> DescentPath:
    """곡면 surface 위에서 start부터 steps번 갱신하며 지나간 길을 기록합니다.

    optimizer: update(params, grads)로 params["x"]를 바꾸는 옵티마이저. 상태(모멘텀 등)를
        가지므로 descend를 부를 때마다 새로 만들어 넘기세요.
    learning_rate: optimizer 대신 주면 경사 하강법 x(t+1) = x(t) − η ∇J(x(t))를 씁니다.
    start: 시작점 [x₁, x₂] (None이면 surface.default_start). steps: 갱신 횟수 (0이면 시작점만).
    divergence_bound: |x|가 이 값을 넘으면 발산으로 봅니다.
    """
    surface = get(surface)
    optimizer = _choose_optimizer(optimizer, learning_rate)
    steps = check_positive_int(steps, "steps(갱신 횟수)", minimum=0)
    divergence_bound = check_positive(divergence_bound, "divergence_bound")
    x = check_start(surface, start, divergence_bound)

    params = {"x": x}
    value, gradient = _evaluate(surface, x)
    points, values, gradients = [x.copy()], [value], [gradient]
    diverged_at = None
    message = None
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for t in range(1, steps + 1):
            optimizer.update(params, {"x": gradient.copy()})
            x = params["x"]
            problem = _divergence_problem(x, divergence_bound)
            if problem is None:
                value, gradient = _evaluate(surface, x)
                if not (math.isfinite(value) and _finite_pair(gradient)):
                    problem = "J나 기울기가 무한대 또는 NaN이 되었습니다"
            if problem is not None:
                diverged_at = t
                message = f"발산했습니다: 스텝 {t}에서 {problem}. {_advice(surface)}"
                break
            points.append(x.copy())
            values.append(value)
            gradients.append(gradient)

    return DescentPath(
        surface=surface,
        path=np.array(points),
        values=np.array(values, dtype=np.float64),
        gradients=np.array(gradients),
        requested_steps=steps,
        diverged=diverged_at is not None,
        diverged_at=diverged_at,
        message=message,
    )


def _choose_optimizer(optimizer, learning_rate):
    if optimizer is not None and learning_rate is not None:
        raise ValueError(
            "optimizer와 learning_rate를 함께 줄 수 없습니다. 옵티마이저를 쓰려면 학습률은 "
            "옵티마이저에 넣고(예: dl.optim.SGD(learning_rate=0.1)), 단순한 경사 하강법이면 "
            "learning_rate만 주세요."
        )
    if optimizer is None and learning_rate is None:
        raise ValueError(
            "갱신 방법이 없습니다. optimizer(예: dl.optim.SGD(learning_rate=0.1))나 "
            "learning_rate(예: learning_rate=0.1) 가운데 하나를 주세요."
        )
    if optimizer is None:
        return _GradientDescent(check_positive(learning_rate, "learning_rate(학습률)"))
    if not callable(getattr(optimizer, "update", None)):
        raise TypeError(
            "optimizer에는 update(params, grads) 메서드가 있는 옵티마이저를 넘겨야 합니다 "
            f"(받은 자료형: {type(optimizer).__name__}). 예: dl.optim.SGD(learning_rate=0.1)"
        )
    return optimizer


def check_start(
    surface: Surface, start, divergence_bound: float = DIVERGENCE_BOUND
) -> np.ndarray:
    """시작점 start를 검사해 복사본으로 돌려줍니다 (None이면 곡면의 기본 시작점).

    start는 유한한 두 수 [x₁, x₂]이고, 좌표의 절댓값이 divergence_bound 이하여야 합니다
    (그보다 크면 첫 스텝부터 발산으로 보기 때문입니다). descend와 탐색기가 함께 씁니다.
    """
    if start is None:
        return surface.default_start.copy()
    x = as_float_array(start, "start(시작점)")
    if x.shape != (2,):
        raise ValueError(
            f"start(시작점)는 점 하나, 곧 [x₁, x₂] 두 수여야 합니다 (받은 모양: {x.shape}). "
            "예: start=[-5, 4]. 곡면의 기본 시작점을 쓰려면 None을 주세요."
        )
    check_finite(x, "start(시작점)")
    if np.abs(x).max() > divergence_bound:
        raise ValueError(
            f"start(시작점)의 좌표는 절댓값이 {_short(divergence_bound)} 이하여야 합니다 "
            f"(받은 값: {x.tolist()}). 곡면의 그림 범위 {surface.window} 안의 점을 권합니다."
        )
    return x.copy()


def _evaluate(surface: Surface, x: np.ndarray) -> tuple[float, np.ndarray]:
    """J(x)와 ∇J(x). x는 descend가 이미 검사했으므로 입력 검사 없이 식을 바로 부릅니다."""
    x1, x2 = x[0], x[1]
    d1, d2 = surface.formula_gradient(x1, x2)
    return float(surface.formula(x1, x2)), np.array([d1, d2], dtype=x.dtype)


def _finite_pair(pair: np.ndarray) -> bool:
    return math.isfinite(pair[0]) and math.isfinite(pair[1])


def _divergence_problem(x: np.ndarray, bound: float) -> str | None:
    """x가 발산했으면 그 까닭을, 아니면 None을 돌려줍니다."""
    if not _finite_pair(x):
        return "x가 무한대 또는 NaN이 되었습니다"
    if max(abs(x[0]), abs(x[1])) > bound:
        return f"x가 너무 커졌습니다 (|x| > {_short(bound)})"
    return None


def _advice(surface: Surface) -> str:
    if not surface.minima:
        return "이 곡면에는 최솟값이 없어서 J가 끝없이 작아질 수 있습니다."
    return "학습률을 줄여 보세요."


def _short(number: float) -> str:
    """1000000.0 -> '1e6'처럼 짧게 씁니다."""
    return f"{number:.3g}".replace("e+0", "e").replace("e+", "e").replace("e-0", "e-")
