"""기울기 확인(gradient checking): 역전파 결과를 수치 미분과 비교합니다.

수치 미분(numerical differentiation)은 중앙 차분(central difference)으로 합니다.

    dL/dθ  ≈  (L(θ + h) - L(θ - h)) / (2h)          (오차는 h^2 정도)

두 기울기 a(역전파)와 n(수치 미분)의 상대 오차는 배열 전체에 대해

    상대 오차 = ||a - n|| / max(||a||, ||n||)

로 잽니다. 참 기울기가 정확히 0인 매개변수(예: 배치 정규화 바로 앞 층의 편향)는
수치 미분에도 반올림 잡음만 남아서 이 비율이 뜻을 잃습니다. 그래서 두 기울기가 모두
반올림 잡음 수준 (100 * 기계 엡실론 * |L| / h * sqrt(원소 수)) 보다 작으면
'둘 다 0'으로 보고 오차를 0으로 적습니다. float64에서 제대로 구현한 층은 보통 1e-7보다 작고,
틀린 구현은 1e-2보다 큰 값이 나옵니다. 기본 기준(threshold)은 1e-7입니다.

쓰는 방법은 세 가지입니다.

    gradcheck(layer_or_net, X)        # 층이나 신경망: 매개변수와 입력 X의 기울기
    gradcheck(loss, y_hat, y)         # 손실 함수: y_hat에 대한 기울기
    gradcheck(f, params, grads)       # 아무 함수 f(params) -> float 와 그 기울기 사전
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .losses import Loss

__all__ = ["gradcheck", "numerical_gradient", "relative_error", "GradcheckResult"]

DEFAULT_THRESHOLD = 1e-7


def relative_error(analytic: np.ndarray, numeric: np.ndarray, zero_below: float = 0.0) -> float:
    """||a - n|| / max(||a||, ||n||). 두 노름이 모두 zero_below 이하이면 0을 돌려줍니다."""
    a = np.asarray(analytic, dtype=np.float64)
    n = np.asarray(numeric, dtype=np.float64)
    if a.shape != n.shape:
        raise ValueError(
            f"두 기울기의 모양이 다릅니다 (역전파 {a.shape}, 수치 미분 {n.shape}). "
            "기울기는 그 매개변수(또는 입력)와 같은 모양이어야 합니다."
        )
    scale = max(np.linalg.norm(a), np.linalg.norm(n))
    if scale <= zero_below:
        return 0.0
    return float(np.linalg.norm(a - n) / scale)


def numerical_gradient(f: Callable[[], float], x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """x의 원소를 하나씩 ±h 만큼 움직여 f의 중앙 차분을 구합니다.

    f는 인자 없이 현재 x로 값을 계산하는 함수입니다. x는 제자리에서 잠깐 바뀌었다가
    원래 값으로 돌아옵니다.
    """
    if x.dtype != np.float64:
        raise TypeError(
            f"수치 미분은 float64 배열에서만 믿을 수 있습니다 (받은 자료형: {x.dtype}). "
            "배열을 np.float64로 바꾼 뒤 다시 확인하세요."
        )
    grad = np.zeros_like(x)
    # x[idx] 로 원래 배열을 직접 바꿉니다. (x.reshape(-1) 은 x가 전치(transpose)
    # 같은 비연속 배열이면 복사본을 만들어, f가 바뀐 값을 보지 못합니다.)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        f_plus = f()
        x[idx] = old - h
        f_minus = f()
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / (2.0 * h)
    return grad


def _noise_floor(value: float, h: float, size: int) -> float:
    """중앙 차분의 반올림 잡음 크기: 100 * eps * |L| / h * sqrt(원소 수)."""
    return 100.0 * np.finfo(np.float64).eps * abs(value) / h * np.sqrt(size)


@dataclass
class GradcheckResult:
    """기울기 확인 결과. errors: 이름별 상대 오차, passed: 모두 기준보다 작은지."""

    errors: dict[str, float]
    threshold: float
    analytic: dict[str, np.ndarray] = field(repr=False)
    numeric: dict[str, np.ndarray] = field(repr=False)

    @property
    def passed(self) -> bool:
        return all(err < self.threshold for err in self.errors.values())

    @property
    def max_error(self) -> float:
        return max(self.errors.values(), default=0.0)

    def __str__(self) -> str:
        lines = [f"기울기 확인 (기준: 상대 오차 < {self.threshold:.0e})"]
        for name, err in self.errors.items():
            mark = "통과" if err < self.threshold else "실패"
            lines.append(f"  {name:<12} 상대 오차 {err:.2e}  {mark}")
        lines.append("결과: " + ("모두 통과했습니다." if self.passed else "기준을 넘은 항목이 있습니다."))
        return "\n".join(lines)


def _check_same_keys(params, grads) -> None:
    missing = set(params) ^ set(grads)
    if missing:
        raise ValueError(
            f"params와 grads의 키가 다릅니다: {sorted(missing)}. 두 사전은 같은 키를 가져야 합니다."
        )


def _check_function(f, params, grads, h, threshold) -> GradcheckResult:
    _check_same_keys(params, grads)
    errors, numeric = {}, {}
    f0 = float(f(params))
    for name, value in params.items():
        numeric[name] = numerical_gradient(lambda: float(f(params)), value, h)
        floor = _noise_floor(f0, h, value.size)
        errors[name] = relative_error(grads[name], numeric[name], floor)
    analytic = {k: np.array(v, dtype=np.float64) for k, v in grads.items()}
    return GradcheckResult(errors, threshold, analytic, numeric)


def _check_layer(layer, X, h, threshold, seed) -> GradcheckResult:
    X = np.array(X, dtype=np.float64)
    out = layer.forward(X)
    # 임의의 고정 가중치 R로 L = sum(out * R) 를 만들면 dL/dout = R 입니다.
    R = np.random.default_rng(seed).standard_normal(out.shape)
    dX = layer.backward(R)
    # 학생이 만든 층에는 params/grads가 없을 수도 있습니다: 그때는 입력 X만 확인합니다.
    params = getattr(layer, "params", {})
    grads = getattr(layer, "grads", {})
    _check_same_keys(params, grads)
    analytic = {name: np.array(g, dtype=np.float64) for name, g in grads.items()}
    analytic["X"] = np.array(dX, dtype=np.float64)

    def loss() -> float:
        return float(np.sum(layer.forward(X) * R))

    targets = dict(params)
    targets["X"] = X
    f0 = loss()
    errors, numeric = {}, {}
    for name, value in targets.items():
        numeric[name] = numerical_gradient(loss, value, h)
        floor = _noise_floor(f0, h, value.size)
        errors[name] = relative_error(analytic[name], numeric[name], floor)
    return GradcheckResult(errors, threshold, analytic, numeric)


def _check_loss(loss: Loss, y_hat, y, h, threshold) -> GradcheckResult:
    y_hat = np.array(y_hat, dtype=np.float64)
    loss.forward(y_hat, y)
    analytic = {"y_hat": np.array(loss.backward(), dtype=np.float64)}
    f0 = loss.forward(y_hat, y)
    numeric = {"y_hat": numerical_gradient(lambda: loss.forward(y_hat, y), y_hat, h)}
    floor = _noise_floor(f0, h, y_hat.size)
    errors = {"y_hat": relative_error(analytic["y_hat"], numeric["y_hat"], floor)}
    return GradcheckResult(errors, threshold, analytic, numeric)


def gradcheck(target, *args, h: float = 1e-6, threshold: float = DEFAULT_THRESHOLD,
              seed: int = 0) -> GradcheckResult:
    """역전파로 구한 기울기를 중앙 차분 수치 미분과 비교합니다 (float64).

    - ``gradcheck(layer, X)``: forward/backward/params/grads가 있는 층이나 신경망.
      L = sum(출력 * R) (R은 seed로 만든 고정 난수) 로 두고, 모든 매개변수와 입력 X의
      기울기를 확인합니다. 학생이 직접 만든 층에도 그대로 쓸 수 있습니다.
    - ``gradcheck(loss, y_hat, y)``: 손실 함수의 y_hat에 대한 기울기.
    - ``gradcheck(f, params, grads)``: f(params) -> float 인 함수와, 같은 키를 가진
      기울기 사전.

    돌려주는 GradcheckResult의 ``errors`` 는 이름별 상대 오차, ``passed`` 는 모두
    threshold보다 작은지를 알려 줍니다. ``print(result)`` 로 표를 볼 수 있습니다.
    """
    if isinstance(target, Loss):
        if len(args) != 2:
            raise TypeError("손실 함수를 확인할 때는 gradcheck(loss, y_hat, y) 처럼 호출하세요.")
        return _check_loss(target, args[0], args[1], h, threshold)
    if hasattr(target, "forward") and hasattr(target, "backward"):
        if len(args) != 1:
            raise TypeError("층을 확인할 때는 gradcheck(layer, X) 처럼 입력 X 하나를 넘기세요.")
        params = getattr(target, "params", {})
        bad = [k for k, v in params.items() if np.asarray(v).dtype != np.float64]
        if bad:
            raise TypeError(
                f"기울기 확인은 float64 매개변수에서만 믿을 수 있습니다 (float64가 아닌 매개변수: {bad})."
            )
        return _check_layer(target, args[0], h, threshold, seed)
    if callable(target):
        if len(args) != 2:
            raise TypeError("함수를 확인할 때는 gradcheck(f, params, grads) 처럼 호출하세요.")
        return _check_function(target, args[0], args[1], h, threshold)
    raise TypeError(
        f"gradcheck로 확인할 수 없는 대상입니다: {target!r}. 층, 신경망, 손실 함수, 함수 중 하나를 넘기세요."
    )
