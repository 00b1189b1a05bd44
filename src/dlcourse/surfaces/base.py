"""Surface: 경사 하강법 실험에 쓰는 2차원 목적 함수 J(x₁, x₂)의 공통 틀.

곡면 하나는 다음을 압니다.

    value(x)     J(x)          점 하나 (모양 (2,)) 또는 점 여러 개 (모양 (..., 2))
    gradient(x)  ∇J(x) = [∂J/∂x₁, ∂J/∂x₂]   해석적으로 구한 식, 모양은 x와 같습니다
    window       그림에 보여 줄 범위 ((x₁ 최소, x₁ 최대), (x₂ 최소, x₂ 최대))
    default_start, minima, saddle_points   기본 시작점, 알려진 최솟값들, 안장점들

새 곡면을 만들 때는 formula(x1, x2)와 formula_gradient(x1, x2)만 적으면 됩니다.
두 메서드는 같은 모양의 배열 x1, x2를 받아 원소마다 계산하므로, 점 하나든
등고선(contour)용 격자든 같은 식 그대로 쓸 수 있습니다.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .._validate import as_float_array, check_finite, check_positive_int

__all__ = ["Surface"]

Window = tuple[tuple[float, float], tuple[float, float]]


def _frozen_point(point: Sequence[float]) -> np.ndarray:
    """길이 2인 float64 배열을 읽기 전용으로 만듭니다 (실수로 바꾸지 못하게)."""
    arr = np.array(point, dtype=np.float64)
    arr.flags.writeable = False
    return arr


class Surface:
    """2차원 목적 함수 J(x₁, x₂)와 그 기울기 ∇J.

    하위 클래스는 formula와 formula_gradient에 식을 적습니다. value와 gradient는
    입력 모양을 확인한 뒤 그 식을 부릅니다.
    """

    def __init__(
        self,
        name: str,
        title: str,
        window: Window,
        default_start: Sequence[float],
        minima: Iterable[Sequence[float]] = (),
        saddle_points: Iterable[Sequence[float]] = (),
    ) -> None:
        self.name = name
        self.title = title
        (x_low, x_high), (y_low, y_high) = window
        self.window: Window = ((float(x_low), float(x_high)), (float(y_low), float(y_high)))
        self.default_start = _frozen_point(default_start)
        self.minima = [_frozen_point(p) for p in minima]
        self.saddle_points = [_frozen_point(p) for p in saddle_points]

    # 하위 클래스가 채우는 두 식 ------------------------------------------------
    def formula(self, x1: np.ndarray, x2: np.ndarray) -> np.ndarray:
        """J(x₁, x₂)를 원소마다 계산합니다."""
        raise NotImplementedError

    def formula_gradient(self, x1: np.ndarray, x2: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(∂J/∂x₁, ∂J/∂x₂)를 원소마다 계산합니다."""
        raise NotImplementedError

    # 공개 메서드 ----------------------------------------------------------------
    def value(self, x) -> float | np.ndarray:
        """J(x). x가 점 하나(모양 (2,))이면 float, 모양 (..., 2)이면 모양 (...)인 배열입니다."""
        points = self._as_points(x)
        result = self.formula(points[..., 0], points[..., 1])
        if points.ndim == 1:
            return float(result)
        return result

    def gradient(self, x) -> np.ndarray:
        """∇J(x) = [∂J/∂x₁, ∂J/∂x₂]. 결과의 모양은 x와 같습니다."""
        points = self._as_points(x)
        d1, d2 = self.formula_gradient(points[..., 0], points[..., 1])
        return np.stack([d1, d2], axis=-1).astype(points.dtype, copy=False)

    @property
    def global_minimum(self) -> np.ndarray | None:
        """알려진 최솟값 가운데 J가 가장 작은 점 (최솟값이 없으면 None)."""
        if not self.minima:
            return None
        return min(self.minima, key=self.value)

    def grid(self, n: int = 101) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """등고선 그림용 격자 X, Y와 그 위의 값 Z = J(X, Y) (모두 모양 (n, n)).

        X는 열 방향으로 x₁이, Y는 행 방향으로 x₂가 window 범위에서 고르게 변합니다.
        """
        n = check_positive_int(n, "격자 크기 n", minimum=2)
        (x_low, x_high), (y_low, y_high) = self.window
        X, Y = np.meshgrid(np.linspace(x_low, x_high, n), np.linspace(y_low, y_high, n))
        Z = self.formula(X, Y)
        return X, Y, Z

    def _as_points(self, x) -> np.ndarray:
        points = as_float_array(x, "x")
        if points.ndim == 0 or points.shape[-1] != 2:
            raise ValueError(
                f"x의 마지막 축 길이는 2여야 합니다 (x₁, x₂). 받은 모양: {points.shape}. "
                "점 하나는 [x1, x2], 여러 점은 모양 (..., 2)인 배열로 넘겨 주세요."
            )
        check_finite(points, "x")
        return points

    def __repr__(self) -> str:
        return f"<Surface '{self.name}': {self.title}>"
