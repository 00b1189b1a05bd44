"""학습률 스케줄(learning-rate schedule): 학습이 진행될수록 학습률을 바꿉니다.

스케줄은 ``schedule(step) -> 학습률``인 호출 가능한 객체이고, Keras
(``keras.optimizers.schedules``)와 같은 이름, 같은 인자, 같은 식을 씁니다.
step은 0부터 세는 갱신 번호입니다. 옵티마이저의 learning_rate로 넘기면
k번째 갱신(0부터)에서 schedule(k)를 학습률로 씁니다.

step에 숫자 하나를 넣으면 float 하나를, 배열을 넣으면 같은 모양의 배열을 돌려주므로
그래프를 그릴 때 ``schedule(np.arange(1000))``처럼 한 번에 계산할 수 있습니다.
"""

from __future__ import annotations

import math
from numbers import Integral, Real
from typing import Any

import numpy as np

from .._validate import _describe, check_in_range, check_nonnegative, check_positive

__all__ = [
    "LearningRateSchedule",
    "PiecewiseConstantDecay",
    "ExponentialDecay",
    "PolynomialDecay",
    "CosineDecay",
    "InverseTimeDecay",
]


def _check_bool(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name}에는 True나 False를 넣어야 합니다 (받은 값: {_describe(value)}).")
    return bool(value)


def _check_steps(value: Any, name: str, *, allow_zero: bool = False) -> float:
    """decay_steps 같은 '스텝 수' 인자: 0보다 큰 (allow_zero이면 0 이상) 실수, 보통 정수.

    정수로 받으면 정수로 돌려주어 repr이 읽기 좋게 합니다.
    """
    checked = check_nonnegative(value, name) if allow_zero else check_positive(value, name)
    if isinstance(value, Integral):
        return int(value)
    return checked


class LearningRateSchedule:
    """모든 학습률 스케줄의 바탕 클래스입니다.

    하위 클래스는 ``_rate(step)``에 식을 씁니다. step은 float64 배열이나 float이고,
    ``_rate``는 NumPy 함수만 써서 두 경우 모두 원소별로 계산합니다.
    직접 스케줄을 만들 때도 이 클래스를 상속하거나, 그냥 step을 받아
    학습률을 돌려주는 함수를 옵티마이저에 넘기면 됩니다.
    """

    def __call__(self, step: Any) -> Any:
        if isinstance(step, Real) and not isinstance(step, (bool, np.bool_)):
            step = float(step)
            if not 0.0 <= step < math.inf:
                raise ValueError(
                    f"step은 0 이상의 유한한 수여야 합니다 (받은 값: {step}). "
                    "step은 0부터 세는 갱신 번호입니다."
                )
            return float(self._rate(step))
        steps = np.asarray(step)
        if steps.dtype.kind not in "iuf":
            raise TypeError(
                "step에는 0 이상의 정수(또는 실수)나 그런 수의 배열을 넣어야 합니다 "
                f"(받은 값: {_describe(step)})."
            )
        steps = steps.astype(np.float64)
        if not (np.isfinite(steps).all() and (steps >= 0).all()):
            raise ValueError(
                "step 배열에 음수, NaN 또는 무한대가 있습니다. step은 0 이상의 유한한 수여야 합니다 "
                "(예: np.arange(1000))."
            )
        rates = np.asarray(self._rate(steps), dtype=np.float64)
        if rates.ndim == 0:
            return float(rates)
        return np.broadcast_to(rates, steps.shape).copy()

    def _rate(self, step: Any) -> Any:
        raise NotImplementedError

    def get_config(self) -> dict[str, Any]:
        """이 스케줄을 다시 만드는 데 필요한 인자를 사전으로 돌려줍니다 (repr에도 씁니다)."""
        return {}

    def __repr__(self) -> str:
        args = ", ".join(f"{name}={value!r}" for name, value in self.get_config().items())
        return f"{type(self).__name__}({args})"


class PiecewiseConstantDecay(LearningRateSchedule):
    """구간별 상수 감쇠(piecewise constant decay): 구간마다 정해진 상수 학습률을 씁니다.

    경계 b₀ < b₁ < … < b_{n−1}과 값 v₀, …, v_n (값이 경계보다 하나 많음)에 대해::

        step ≤ b₀            →  v₀
        b₀ < step ≤ b₁       →  v₁
        …
        step > b_{n−1}       →  v_n

    경계 위의 step은 왼쪽 구간에 속합니다 (Keras와 같음). 예:
    PiecewiseConstantDecay([700, 900], [0.1, 0.05, 0.01])는 step 0~700에서 0.1,
    701~900에서 0.05, 901부터 0.01입니다.
    """

    def __init__(self, boundaries: Any, values: Any) -> None:
        try:
            boundaries = list(boundaries)
            values = list(values)
        except TypeError:
            raise TypeError(
                "boundaries와 values에는 숫자 목록(list)을 넣어야 합니다 "
                f"(받은 값: boundaries={_describe(boundaries)}, values={_describe(values)})."
            ) from None
        if len(boundaries) < 1:
            raise ValueError(
                "boundaries에는 경계가 하나 이상 있어야 합니다 (받은 값: []). "
                "학습률을 바꾸지 않으려면 스케줄 대신 고정 학습률을 쓰세요."
            )
        if len(values) != len(boundaries) + 1:
            raise ValueError(
                "values는 boundaries보다 정확히 하나 많아야 합니다: 경계 n개가 구간 n+1개를 "
                f"만들기 때문입니다 (받은 값: boundaries 길이 {len(boundaries)}, "
                f"values 길이 {len(values)})."
            )
        checked_boundaries = []
        for i, b in enumerate(boundaries):
            if isinstance(b, Integral) and not isinstance(b, (bool, np.bool_)):
                checked_boundaries.append(int(b))
            else:
                checked_boundaries.append(check_nonnegative(b, f"boundaries[{i}]"))
            if i > 0 and checked_boundaries[i] <= checked_boundaries[i - 1]:
                raise ValueError(
                    "boundaries는 순서대로 커져야 합니다 (강한 증가): "
                    f"boundaries[{i - 1}]={checked_boundaries[i - 1]}, "
                    f"boundaries[{i}]={checked_boundaries[i]}. 경계를 작은 것부터 적어 주세요."
                )
        if checked_boundaries[0] < 0:
            raise ValueError(
                f"boundaries[0] 값은 0 이상이어야 합니다 (받은 값: {checked_boundaries[0]})."
            )
        self.boundaries = checked_boundaries
        self.values = [check_nonnegative(v, f"values[{i}]") for i, v in enumerate(values)]
        self._boundary_array = np.asarray(self.boundaries, dtype=np.float64)
        self._value_array = np.asarray(self.values, dtype=np.float64)

    def _rate(self, step: Any) -> Any:
        # searchsorted(side="left")는 b_{i−1} < step ≤ b_i 인 i를 돌려줍니다.
        index = np.searchsorted(self._boundary_array, step, side="left")
        return self._value_array[index]

    def get_config(self) -> dict[str, Any]:
        return {"boundaries": self.boundaries, "values": self.values}


class ExponentialDecay(LearningRateSchedule):
    """지수 감쇠(exponential decay): 지수 함수 모양으로 줄어드는 학습률입니다.

    η(step) = η₀ · r^(step / decay_steps)

    decay_steps 스텝마다 학습률이 r(decay_rate)배가 됩니다. staircase=True이면
    지수를 정수로 내림(⌊step / decay_steps⌋)하여 계단 모양으로 줄어듭니다.
    예: ExponentialDecay(0.1, 500, 0.5)는 step 0, 500, 1000에서 0.1, 0.05, 0.025입니다.
    """

    def __init__(
        self,
        initial_learning_rate: float,
        decay_steps: float,
        decay_rate: float,
        staircase: bool = False,
    ) -> None:
        self.initial_learning_rate = check_positive(initial_learning_rate, "initial_learning_rate")
        self.decay_steps = _check_steps(decay_steps, "decay_steps")
        self.decay_rate = check_positive(decay_rate, "decay_rate")
        self.staircase = _check_bool(staircase, "staircase")

    def _rate(self, step: Any) -> Any:
        exponent = np.divide(step, self.decay_steps)
        if self.staircase:
            exponent = np.floor(exponent)
        return self.initial_learning_rate * np.power(self.decay_rate, exponent)

    def get_config(self) -> dict[str, Any]:
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "decay_rate": self.decay_rate,
            "staircase": self.staircase,
        }


class PolynomialDecay(LearningRateSchedule):
    """다항식 감쇠(polynomial decay): decay_steps 동안 다항식 모양으로 end_learning_rate까지
    줄어드는 학습률입니다.

    cycle=False (기본)::

        s = min(step, decay_steps)
        η(step) = (η₀ − η_end) · (1 − s / decay_steps)^power + η_end

    decay_steps가 지나면 η_end에 머뭅니다. cycle=True이면 decay_steps 대신
    step 이상인 decay_steps의 배수 D = decay_steps · ⌈step / decay_steps⌉를 씁니다
    (step = 0이면 D = decay_steps)::

        η(step) = (η₀ − η_end) · (1 − step / D)^power + η_end

    그래서 decay_steps를 지날 때마다 학습률이 다시 올라갔다가 줄어듭니다.
    예: PolynomialDecay(0.1, 900, 0.01, power=0.5)는 step 450에서
    0.09 · √0.5 + 0.01 ≈ 0.0736입니다.
    """

    def __init__(
        self,
        initial_learning_rate: float,
        decay_steps: float,
        end_learning_rate: float = 1e-4,
        power: float = 1.0,
        cycle: bool = False,
    ) -> None:
        self.initial_learning_rate = check_positive(initial_learning_rate, "initial_learning_rate")
        self.decay_steps = _check_steps(decay_steps, "decay_steps")
        self.end_learning_rate = check_nonnegative(end_learning_rate, "end_learning_rate")
        self.power = check_positive(power, "power")
        self.cycle = _check_bool(cycle, "cycle")

    def _rate(self, step: Any) -> Any:
        if self.cycle:
            multiplier = np.where(step == 0, 1.0, np.ceil(np.divide(step, self.decay_steps)))
            decay_steps = self.decay_steps * multiplier
        else:
            decay_steps = self.decay_steps
            step = np.minimum(step, decay_steps)
        remaining = 1.0 - np.divide(step, decay_steps)
        span = self.initial_learning_rate - self.end_learning_rate
        return span * np.power(remaining, self.power) + self.end_learning_rate

    def get_config(self) -> dict[str, Any]:
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "end_learning_rate": self.end_learning_rate,
            "power": self.power,
            "cycle": self.cycle,
        }


class CosineDecay(LearningRateSchedule):
    """코사인 감쇠(cosine decay): 코사인 모양으로 줄어드는 학습률입니다.

    앞에 선형 워밍업(warmup)을 붙일 수 있습니다 (Keras 3과 같은 식).

    워밍업 없음 (warmup_target=None)::

        s = min(step, decay_steps)
        η(step) = η₀ · ((1 − α) · ½(1 + cos(π · s / decay_steps)) + α)

    워밍업 있음 (warmup_target = η_w, warmup_steps = W)::

        s = min(step, W + decay_steps)
        s < W  →  η(step) = η₀ + (η_w − η₀) · s / W          (η₀에서 η_w까지 직선으로 올림)
        s ≥ W  →  η(step) = η_w · ((1 − α) · ½(1 + cos(π · (s − W) / decay_steps)) + α)

    α(alpha)는 마지막 학습률의 비율입니다: 끝에서 학습률은 α · (시작 학습률)이 됩니다.
    """

    def __init__(
        self,
        initial_learning_rate: float,
        decay_steps: float,
        alpha: float = 0.0,
        warmup_target: float | None = None,
        warmup_steps: float = 0,
    ) -> None:
        self.decay_steps = _check_steps(decay_steps, "decay_steps")
        self.alpha = check_in_range(alpha, "alpha", 0.0, 1.0, high_inclusive=True)
        self.warmup_steps = _check_steps(warmup_steps, "warmup_steps", allow_zero=True)
        if warmup_target is None:
            self.initial_learning_rate = check_positive(
                initial_learning_rate, "initial_learning_rate"
            )
            if self.warmup_steps > 0:
                raise ValueError(
                    "워밍업(warmup)을 쓰려면 워밍업이 끝날 때의 학습률 warmup_target도 "
                    f"지정해야 합니다 (받은 값: warmup_steps={warmup_steps}, warmup_target=None). "
                    "예: CosineDecay(0.0, 1000, warmup_target=0.1, warmup_steps=100)"
                )
            self.warmup_target = None
        else:
            self.initial_learning_rate = check_nonnegative(
                initial_learning_rate, "initial_learning_rate"
            )
            self.warmup_target = check_positive(warmup_target, "warmup_target")

    def _cosine(self, step: Any, start: float) -> Any:
        fraction = np.divide(step, self.decay_steps)
        cosine = 0.5 * (1.0 + np.cos(np.pi * fraction))
        return start * ((1.0 - self.alpha) * cosine + self.alpha)

    def _rate(self, step: Any) -> Any:
        if self.warmup_target is None:
            return self._cosine(np.minimum(step, self.decay_steps), self.initial_learning_rate)
        warmup = self.warmup_steps
        step = np.minimum(step, warmup + self.decay_steps)
        decayed = self._cosine(np.maximum(step - warmup, 0.0), self.warmup_target)
        if warmup == 0:
            return decayed
        start = self.initial_learning_rate
        rising = start + (self.warmup_target - start) * np.divide(step, warmup)
        return np.where(step < warmup, rising, decayed)

    def get_config(self) -> dict[str, Any]:
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "alpha": self.alpha,
            "warmup_target": self.warmup_target,
            "warmup_steps": self.warmup_steps,
        }


class InverseTimeDecay(LearningRateSchedule):
    """역시간 감쇠(inverse time decay): 스텝 수에 반비례하여 줄어드는 학습률입니다.

    η(step) = η₀ / (1 + r · step / decay_steps)

    staircase=True이면 step / decay_steps를 정수로 내림(⌊·⌋)합니다.
    r(decay_rate)이 0이면 학습률이 바뀌지 않습니다.
    """

    def __init__(
        self,
        initial_learning_rate: float,
        decay_steps: float,
        decay_rate: float,
        staircase: bool = False,
    ) -> None:
        self.initial_learning_rate = check_positive(initial_learning_rate, "initial_learning_rate")
        self.decay_steps = _check_steps(decay_steps, "decay_steps")
        self.decay_rate = check_nonnegative(decay_rate, "decay_rate")
        self.staircase = _check_bool(staircase, "staircase")

    def _rate(self, step: Any) -> Any:
        progress = np.divide(step, self.decay_steps)
        if self.staircase:
            progress = np.floor(progress)
        return self.initial_learning_rate / (1.0 + self.decay_rate * progress)

    def get_config(self) -> dict[str, Any]:
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "decay_rate": self.decay_rate,
            "staircase": self.staircase,
        }
