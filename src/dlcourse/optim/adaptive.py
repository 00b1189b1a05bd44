"""매개변수마다 학습률을 조절하는 옵티마이저: AdaGrad, RMSprop, Adam, AdamW.

기호: w 매개변수, g 기울기, η 학습률, ε 0으로 나누기를 막는 작은 수.
g², √ 등은 모두 원소별(elementwise) 연산입니다.

ε을 넣는 자리는 PyTorch(``torch.optim``)와 같게 √(…) 바깥, 즉 √(…) + ε입니다.
Keras는 AdaGrad와 RMSprop에서 √(… + ε)처럼 제곱근 안에 넣고, Adam에서는 편향 보정을
학습률 쪽으로 옮긴 식을 씁니다. 기울기가 아주 작을 때만 차이가 드러납니다.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .._validate import check_in_range, check_nonnegative
from .base import Optimizer

__all__ = ["AdaGrad", "RMSprop", "Adam", "AdamW"]

LearningRate = float | Callable[[int], float]


class AdaGrad(Optimizer):
    """AdaGrad: 지금까지 받은 기울기 제곱의 합으로 매개변수마다 학습률을 나눕니다.

    누적값 s는 initial_accumulator_value에서 시작합니다::

        s ← s + g²
        w ← w − η · g / (√s + ε)

    많이 움직인 매개변수일수록 s가 커져 갱신 크기가 작아집니다. s는 줄어들지 않으므로
    오래 학습하면 갱신 크기가 거의 0이 되는 것이 약점입니다 (RMSprop이 이를 고칩니다).

    ``torch.optim.Adagrad(lr, initial_accumulator_value, eps)``와 같은 식입니다.
    Keras는 분모를 √(s + ε)로 씁니다.

    인자: learning_rate=0.001, initial_accumulator_value=0.1 (0 이상), epsilon=1e-7 (0 이상),
    clipnorm / clipvalue / global_clipnorm.
    """

    def __init__(
        self,
        learning_rate: LearningRate = 0.001,
        initial_accumulator_value: float = 0.1,
        epsilon: float = 1e-7,
        *,
        clipnorm: float | None = None,
        clipvalue: float | None = None,
        global_clipnorm: float | None = None,
    ) -> None:
        super().__init__(
            learning_rate, clipnorm=clipnorm, clipvalue=clipvalue, global_clipnorm=global_clipnorm
        )
        self.initial_accumulator_value = check_nonnegative(
            initial_accumulator_value, "initial_accumulator_value"
        )
        self.epsilon = check_nonnegative(epsilon, "epsilon")

    def _hyperparameters(self) -> dict[str, Any]:
        return {
            "initial_accumulator_value": self.initial_accumulator_value,
            "epsilon": self.epsilon,
        }

    def _create_state(self, param: np.ndarray) -> dict[str, Any]:
        return {"accumulator": np.full_like(param, self.initial_accumulator_value)}

    def _update_tensor(
        self, param: np.ndarray, grad: np.ndarray, state: dict[str, Any], lr: float
    ) -> None:
        accumulator = state["accumulator"]
        accumulator += grad * grad  # s ← s + g²
        denominator = np.sqrt(accumulator)
        denominator += self.epsilon  # √s + ε
        param -= lr * grad / denominator  # w ← w − η·g / (√s + ε)


class RMSprop(Optimizer):
    """RMSprop: 기울기 제곱의 지수 이동 평균으로 학습률을 나눕니다.

    평균 v는 0에서 시작하고, ρ는 옛 값을 얼마나 기억할지 정합니다::

        v ← ρ · v + (1 − ρ) · g²
        w ← w − η · g / (√v + ε)

    AdaGrad와 달리 오래된 기울기는 점점 잊으므로 갱신 크기가 0으로 줄어들지 않습니다.

    ``torch.optim.RMSprop(lr, alpha=ρ, eps)``와 같은 식입니다 (torch에서는 ρ를 alpha라
    부릅니다). Keras는 분모를 √(v + ε)로 씁니다.

    인자: learning_rate=0.001, rho=0.9 (0 이상 1 미만), epsilon=1e-7 (0 이상),
    clipnorm / clipvalue / global_clipnorm.
    """

    def __init__(
        self,
        learning_rate: LearningRate = 0.001,
        rho: float = 0.9,
        epsilon: float = 1e-7,
        *,
        clipnorm: float | None = None,
        clipvalue: float | None = None,
        global_clipnorm: float | None = None,
    ) -> None:
        super().__init__(
            learning_rate, clipnorm=clipnorm, clipvalue=clipvalue, global_clipnorm=global_clipnorm
        )
        self.rho = check_in_range(rho, "rho", 0.0, 1.0)
        self.epsilon = check_nonnegative(epsilon, "epsilon")

    def _hyperparameters(self) -> dict[str, Any]:
        return {"rho": self.rho, "epsilon": self.epsilon}

    def _create_state(self, param: np.ndarray) -> dict[str, Any]:
        return {"mean_square": np.zeros_like(param)}

    def _update_tensor(
        self, param: np.ndarray, grad: np.ndarray, state: dict[str, Any], lr: float
    ) -> None:
        rho = self.rho
        mean_square = state["mean_square"]
        mean_square *= rho
        mean_square += (1.0 - rho) * (grad * grad)  # v ← ρ·v + (1−ρ)·g²
        denominator = np.sqrt(mean_square)
        denominator += self.epsilon  # √v + ε
        param -= lr * grad / denominator  # w ← w − η·g / (√v + ε)


class Adam(Optimizer):
    """Adam: 모멘텀(기울기의 평균)과 RMSprop(기울기 제곱의 평균)을 합친 방법입니다.

    Kingma & Ba (2015)의 Algorithm 1 그대로입니다. m, v는 0에서 시작하고,
    t는 이 매개변수를 갱신한 횟수(첫 갱신에서 1)입니다::

        m ← β₁ · m + (1 − β₁) · g          (1차 모멘트: 기울기의 평균)
        v ← β₂ · v + (1 − β₂) · g²         (2차 모멘트: 기울기 제곱의 평균)
        m̂ = m / (1 − β₁ᵗ)                  (편향 보정: 0에서 시작한 탓에 작아진 값을 키움)
        v̂ = v / (1 − β₂ᵗ)
        w ← w − η · m̂ / (√v̂ + ε)

    ``torch.optim.Adam(lr, betas=(β₁, β₂), eps)``와 같은 식입니다.
    Keras는 같은 갱신을 α_t = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ), w ← w − α_t · m / (√v + ε)로
    씁니다. 이것은 ε 대신 ε·√(1 − β₂ᵗ)을 쓴 것과 같아서, ε이 영향을 주는 아주 작은
    기울기에서만 값이 조금 다릅니다. 이 강의는 논문(=torch)의 식을 따릅니다.

    인자: learning_rate=0.001, beta_1=0.9, beta_2=0.999 (둘 다 0 이상 1 미만),
    epsilon=1e-7 (0 이상), clipnorm / clipvalue / global_clipnorm.
    """

    def __init__(
        self,
        learning_rate: LearningRate = 0.001,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
        epsilon: float = 1e-7,
        *,
        clipnorm: float | None = None,
        clipvalue: float | None = None,
        global_clipnorm: float | None = None,
    ) -> None:
        super().__init__(
            learning_rate, clipnorm=clipnorm, clipvalue=clipvalue, global_clipnorm=global_clipnorm
        )
        self.beta_1 = check_in_range(beta_1, "beta_1", 0.0, 1.0)
        self.beta_2 = check_in_range(beta_2, "beta_2", 0.0, 1.0)
        self.epsilon = check_nonnegative(epsilon, "epsilon")

    def _hyperparameters(self) -> dict[str, Any]:
        return {"beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon}

    def _create_state(self, param: np.ndarray) -> dict[str, Any]:
        return {"m": np.zeros_like(param), "v": np.zeros_like(param), "t": 0}

    def _update_tensor(
        self, param: np.ndarray, grad: np.ndarray, state: dict[str, Any], lr: float
    ) -> None:
        beta_1, beta_2 = self.beta_1, self.beta_2
        t = state["t"] + 1
        state["t"] = t
        m, v = state["m"], state["v"]
        m *= beta_1
        m += (1.0 - beta_1) * grad  # m ← β₁·m + (1−β₁)·g
        v *= beta_2
        v += (1.0 - beta_2) * (grad * grad)  # v ← β₂·v + (1−β₂)·g²
        m_hat = m / (1.0 - beta_1**t)
        v_hat = v / (1.0 - beta_2**t)
        denominator = np.sqrt(v_hat)
        denominator += self.epsilon  # √v̂ + ε
        param -= lr * m_hat / denominator  # w ← w − η·m̂ / (√v̂ + ε)


class AdamW(Adam):
    """AdamW: 가중치 감쇠(weight decay)를 기울기와 떼어 따로 적용하는 Adam입니다.

    λ = weight_decay. 먼저 가중치를 줄이고, 그다음에 Adam 갱신을 합니다::

        w ← w − η · λ · w                  (분리된 가중치 감쇠)
        (그다음 ``Adam``과 같은 m, v, m̂, v̂ 갱신)
        w ← w − η · m̂ / (√v̂ + ε)

    손실에 L2 규제 항을 더하는 방법과 달리, 감쇠가 v로 나뉘지 않으므로 모든
    가중치가 같은 비율로 줄어듭니다. ``torch.optim.AdamW``와 같은 순서입니다.

    인자: learning_rate=0.001, weight_decay=0.004 (0 이상), beta_1=0.9, beta_2=0.999,
    epsilon=1e-7, clipnorm / clipvalue / global_clipnorm.
    """

    def __init__(
        self,
        learning_rate: LearningRate = 0.001,
        weight_decay: float = 0.004,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
        epsilon: float = 1e-7,
        *,
        clipnorm: float | None = None,
        clipvalue: float | None = None,
        global_clipnorm: float | None = None,
    ) -> None:
        super().__init__(
            learning_rate,
            beta_1,
            beta_2,
            epsilon,
            clipnorm=clipnorm,
            clipvalue=clipvalue,
            global_clipnorm=global_clipnorm,
        )
        self.weight_decay = check_nonnegative(weight_decay, "weight_decay")

    def _hyperparameters(self) -> dict[str, Any]:
        return {"weight_decay": self.weight_decay, **super()._hyperparameters()}

    def _update_tensor(
        self, param: np.ndarray, grad: np.ndarray, state: dict[str, Any], lr: float
    ) -> None:
        param *= 1.0 - lr * self.weight_decay  # w ← w − η·λ·w
        super()._update_tensor(param, grad, state, lr)
