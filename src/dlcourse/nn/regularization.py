"""깊은 신경망을 위한 층과 규제(regularization): 드롭아웃, 배치 정규화, 스킵 연결, L2.

- Dropout: 훈련 때 유닛을 확률 rate로 끄고, 남은 값은 1/(1-rate) 배 합니다
  (역 드롭아웃, inverted dropout). 평가 때는 아무것도 하지 않습니다.
- BatchNorm: 배치 평균과 분산으로 정규화한 뒤 gamma, beta로 다시 늘이고 옮깁니다.
- Residual: 출력 = x + F(x). 기울기가 F를 거치지 않고 바로 흐르는 길을 만듭니다.
- l2_penalty / add_l2_gradient: 손실에 (λ/2) Σ ||W||^2 를 더하는 L2 규제.
"""

from __future__ import annotations

import numpy as np

from .._validate import (
    as_generator,
    check_in_range,
    check_nonnegative,
    check_positive,
    check_positive_int,
)
from .layers import Layer

__all__ = ["Dropout", "BatchNorm", "Residual", "l2_penalty", "add_l2_gradient"]


class Dropout(Layer):
    """드롭아웃(dropout), 역 드롭아웃 방식.

    훈련 모드:  m_i ~ Bernoulli(1 - rate),   y = x * m / (1 - rate),   dx = dy * m / (1 - rate)
    평가 모드:  y = x,  dx = dy

    1/(1 - rate) 를 곱해 두면 훈련과 평가에서 출력의 기댓값이 같아서, 평가 때는
    아무것도 고칠 필요가 없습니다.

    ``freeze_mask = True`` 로 두면 직전 마스크를 다시 씁니다 (기울기 확인용).
    """

    def __init__(self, rate: float, seed=None):
        self.rate = check_in_range(rate, "rate (드롭아웃 비율)", 0.0, 1.0)
        self._rng = as_generator(seed)
        self.freeze_mask = False
        self._scaled_mask = None

    def forward(self, X):
        if not self.training or self.rate == 0.0:
            self._scaled_mask = None
            return X
        if not (self.freeze_mask and self._scaled_mask is not None
                and self._scaled_mask.shape == X.shape):
            keep = self._rng.random(X.shape) >= self.rate
            self._scaled_mask = keep / (1.0 - self.rate)
        return X * self._scaled_mask

    def backward(self, dout):
        if self._scaled_mask is None:
            return dout
        return dout * self._scaled_mask

    def __repr__(self) -> str:
        return f"Dropout(rate={self.rate})"


class BatchNorm(Layer):
    """배치 정규화(batch normalization). 입력 (배치, features).

    훈련 모드 (배치 통계 사용):
        mu = mean(x),  var = mean((x - mu)^2)
        x_hat = (x - mu) / sqrt(var + eps),    y = gamma * x_hat + beta
        이동 평균:  running = momentum * running + (1 - momentum) * 배치 값
        (running_var 에는 PyTorch처럼 불편 분산 var * N / (N - 1) 을 씁니다.)
    평가 모드 (이동 평균 사용):
        y = gamma * (x - running_mean) / sqrt(running_var + eps) + beta

    역전파 (훈련 모드, g = dL/dx_hat = dy * gamma, 합은 배치 방향):
        dgamma = sum(dy * x_hat),   dbeta = sum(dy)
        dx = (1 / (N sqrt(var + eps))) * (N g - sum(g) - x_hat * sum(g * x_hat))
    """

    def __init__(self, features: int, momentum: float = 0.9, epsilon: float = 1e-5):
        self.features = check_positive_int(features, "features (특성 수)")
        self.momentum = check_in_range(momentum, "momentum", 0.0, 1.0)
        self.epsilon = check_positive(epsilon, "epsilon")
        self.gamma = np.ones(self.features)
        self.beta = np.zeros(self.features)
        self.dgamma = np.zeros(self.features)
        self.dbeta = np.zeros(self.features)
        self.running_mean = np.zeros(self.features)
        self.running_var = np.ones(self.features)

    def forward(self, X):
        if X.ndim != 2 or X.shape[1] != self.features:
            raise ValueError(
                f"입력 크기가 BatchNorm과 맞지 않습니다: 특성 {self.features}개를 받는데 "
                f"모양이 {X.shape}인 입력이 들어왔습니다."
            )
        if self.training:
            n = X.shape[0]
            if n < 2:
                raise ValueError(
                    "훈련 모드의 BatchNorm은 배치 크기가 2 이상이어야 합니다 (한 개로는 분산을 구할 수 "
                    "없습니다). 배치를 키우거나 eval() 모드에서 실행하세요."
                )
            mu = X.mean(axis=0)
            centered = X - mu
            var = (centered * centered).mean(axis=0)
            inv_std = 1.0 / np.sqrt(var + self.epsilon)
            m = self.momentum
            self.running_mean = m * self.running_mean + (1.0 - m) * mu
            self.running_var = m * self.running_var + (1.0 - m) * var * (n / (n - 1))
        else:
            centered = X - self.running_mean
            inv_std = 1.0 / np.sqrt(self.running_var + self.epsilon)
        x_hat = centered * inv_std
        self._x_hat, self._inv_std = x_hat, inv_std
        self._used_batch_stats = self.training
        return self.gamma * x_hat + self.beta

    def backward(self, dout):
        x_hat, inv_std = self._x_hat, self._inv_std
        np.sum(dout * x_hat, axis=0, out=self.dgamma)
        np.sum(dout, axis=0, out=self.dbeta)
        g = dout * self.gamma
        if not self._used_batch_stats:
            return g * inv_std
        n = dout.shape[0]
        return (inv_std / n) * (n * g - g.sum(axis=0) - x_hat * (g * x_hat).sum(axis=0))

    @property
    def params(self) -> dict[str, np.ndarray]:
        return {"gamma": self.gamma, "beta": self.beta}

    @property
    def grads(self) -> dict[str, np.ndarray]:
        return {"gamma": self.dgamma, "beta": self.dbeta}

    def __repr__(self) -> str:
        return f"BatchNorm({self.features})"


class Residual(Layer):
    """스킵 연결(skip connection)로 감싼 블록:  y = x + F(x).

    역전파:  dx = dy + F.backward(dy).  dy가 F를 거치지 않고 그대로 더해지므로,
    F 안에서 기울기가 작아져도 앞쪽 층까지 기울기가 전해집니다.
    F의 출력 모양은 입력 모양과 같아야 합니다.
    """

    def __init__(self, block):
        if not (hasattr(block, "forward") and hasattr(block, "backward")):
            raise TypeError(
                f"Residual에는 forward와 backward가 있는 층을 넣어야 합니다 (받은 값: {block!r})."
            )
        self.block = block

    def forward(self, X):
        out = self.block.forward(X)
        if out.shape != X.shape:
            raise ValueError(
                f"스킵 연결을 하려면 블록의 출력 모양이 입력 모양과 같아야 합니다 "
                f"(입력 {X.shape}, 블록 출력 {out.shape})."
            )
        return X + out

    def backward(self, dout):
        return dout + self.block.backward(dout)

    @property
    def params(self) -> dict[str, np.ndarray]:
        return self.block.params

    @property
    def grads(self) -> dict[str, np.ndarray]:
        return self.block.grads

    def train(self):
        self.training = True
        self.block.train()
        return self

    def eval(self):
        self.training = False
        self.block.eval()
        return self

    def __repr__(self) -> str:
        return f"Residual({self.block!r})"


def _weight_keys(params):
    """규제할 가중치: 이름이 'W'로 끝나는 배열 (편향, gamma, beta는 빼고)."""
    return [key for key in params if key == "W" or key.endswith(".W")]


def l2_penalty(params: dict, strength: float) -> float:
    """L2 규제 항: (λ/2) Σ ||W||^2  (가중치 행렬만, 편향은 제외)."""
    strength = check_nonnegative(strength, "L2 강도")
    if strength == 0.0:
        return 0.0
    return 0.5 * strength * float(sum(np.sum(params[k] * params[k]) for k in _weight_keys(params)))


def add_l2_gradient(params: dict, grads: dict, strength: float) -> None:
    """L2 규제 항의 기울기 λ W 를 grads에 제자리에서 더합니다."""
    strength = check_nonnegative(strength, "L2 강도")
    if strength == 0.0:
        return
    for key in _weight_keys(params):
        grads[key] += strength * params[key]
