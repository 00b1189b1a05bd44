"""활성화 함수(activation function).

각 활성화 함수는 층(layer)처럼 쓰입니다.

- ``forward(z)``: h = f(z) 를 계산하고, 역전파에 필요한 값을 기억합니다.
  출력 h는 ``output`` 속성에 남아서 모니터(활성화 값 분포, 죽은 유닛)가 읽습니다.
- ``backward(dh)``: dL/dz = dL/dh * f'(z) 를 돌려줍니다 (원소별 곱).
- ``function(z)``, ``derivative(z)``: 기억 없이 f(z), f'(z) 만 계산합니다 (그림 그리기용).

큰 입력(예: ±1000)에서도 overflow 경고나 inf가 생기지 않도록 계산 순서를 골랐습니다.
"""

from __future__ import annotations

import numpy as np

from .._validate import check_nonnegative, lookup
from .layers import Layer

__all__ = [
    "Activation",
    "Sigmoid",
    "Tanh",
    "ReLU",
    "LeakyReLU",
    "ELU",
    "Softplus",
    "Identity",
    "get_activation",
    "ACTIVATION_NAMES",
]


class Activation(Layer):
    """활성화 함수의 바탕 클래스. 학습할 매개변수가 없습니다.

    하위 클래스는 ``function`` 과 ``derivative`` 를 정의합니다. 기본 forward는
    입력 z를 기억하고, backward는 dh * f'(z) 를 계산합니다. 출력만으로 도함수를
    구할 수 있는 함수(시그모이드, tanh)는 더 빠른 방법으로 바꿔 씁니다.
    """

    name = "activation"

    def function(self, z):
        raise NotImplementedError

    def derivative(self, z):
        raise NotImplementedError

    def forward(self, z):
        self._z = z
        self.output = self.function(z)
        return self.output

    def backward(self, dh):
        return dh * self.derivative(self._z)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


def _sigmoid(z):
    """1 / (1 + e^(-z)) 를 넘침(overflow) 없이 계산합니다.

    e^(-z) 는 z < -709 에서 float64 범위를 넘어 inf와 경고를 냅니다 (float32는 z < -88).
    그래서 z를 -700 (float32는 -87) 아래로는 내려가지 않게 자른 뒤 같은 식을 씁니다.
    잘린 곳의 참값은 1e-304 (float32는 1.6e-38) 보다 작아서 결과는 사실상 같습니다. 이 식은 z = -40 (4.2e-18) 처럼 0에 가까운 값도 자릿수를
    잃지 않습니다. 새 배열은 한 번만 만들고 나머지 계산은 그 배열 위에서 합니다.
    """
    low = -87.0 if getattr(z, "dtype", None) == np.float32 else -700.0
    t = np.maximum(z, low)
    if not isinstance(t, np.ndarray):  # 0차원 입력은 numpy 스칼라로 나옵니다.
        t = np.array(t)
    np.negative(t, out=t)
    np.exp(t, out=t)
    t += 1.0
    return np.reciprocal(t, out=t)


class Sigmoid(Activation):
    """시그모이드: f(z) = 1 / (1 + e^(-z)),  f'(z) = f(z) (1 - f(z)).

    e^(-z) 는 z = -1000 에서 넘쳐 버리므로, e^(-|z|) 만 쓰는 같은 식으로 계산합니다
    (``_sigmoid`` 참고). 도함수는 순전파 때 구한 출력만으로 계산할 수 있어서,
    출력 h를 기억해 두었다가 dh * h (1 - h) 를 돌려줍니다.
    """

    name = "sigmoid"

    def function(self, z):
        return _sigmoid(z)

    def derivative(self, z):
        s = self.function(z)
        return s * (1.0 - s)

    def forward(self, z):
        h = _sigmoid(z)
        self.output = h
        return h

    def backward(self, dh):
        h = self.output
        return dh * h * (1.0 - h)


class Tanh(Activation):
    """하이퍼볼릭 탄젠트: f(z) = tanh(z),  f'(z) = 1 - tanh(z)^2."""

    name = "tanh"

    def function(self, z):
        return np.tanh(z)

    def derivative(self, z):
        t = np.tanh(z)
        return 1.0 - t * t

    def forward(self, z):
        h = np.tanh(z)
        self.output = h
        return h

    def backward(self, dh):
        h = self.output
        return dh * (1.0 - h * h)


class ReLU(Activation):
    """ReLU: f(z) = max(0, z),  f'(z) = 1 (z > 0), 0 (z <= 0).

    z = 0 에서는 미분할 수 없지만, 흔히 그렇듯 도함수를 0으로 둡니다.
    """

    name = "relu"

    def function(self, z):
        return np.maximum(z, 0.0)

    def derivative(self, z):
        return (z > 0).astype(np.result_type(z, np.float32))

    def forward(self, z):
        mask = z > 0
        self._mask = mask
        self.output = z * mask
        return self.output

    def backward(self, dh):
        return dh * self._mask


class LeakyReLU(Activation):
    """Leaky ReLU: f(z) = z (z > 0), alpha * z (z <= 0);  f'(z) = 1 또는 alpha.

    음수 쪽에도 작은 기울기 alpha를 남겨 두어 죽은 ReLU를 막습니다.
    """

    name = "leaky_relu"

    def __init__(self, alpha: float = 0.01):
        self.alpha = check_nonnegative(alpha, "alpha")

    def function(self, z):
        return np.where(z > 0, z, self.alpha * z)

    def derivative(self, z):
        return np.where(z > 0, 1.0, self.alpha)

    def forward(self, z):
        self._slope = np.where(z > 0, 1.0, self.alpha)
        self.output = z * self._slope
        return self.output

    def backward(self, dh):
        return dh * self._slope

    def __repr__(self) -> str:
        return f"LeakyReLU(alpha={self.alpha})"


class ELU(Activation):
    """ELU: f(z) = z (z > 0), alpha (e^z - 1) (z <= 0);  f'(z) = 1 또는 alpha e^z.

    음수 쪽만 지수를 계산하므로 z = 1000 에서도 넘치지 않습니다 (np.expm1 사용).
    """

    name = "elu"

    def __init__(self, alpha: float = 1.0):
        self.alpha = check_nonnegative(alpha, "alpha")

    def function(self, z):
        return np.where(z > 0, z, self.alpha * np.expm1(np.minimum(z, 0.0)))

    def derivative(self, z):
        return np.where(z > 0, 1.0, self.alpha * np.exp(np.minimum(z, 0.0)))


class Softplus(Activation):
    """소프트플러스: f(z) = log(1 + e^z),  f'(z) = 1 / (1 + e^(-z)) (= 시그모이드).

    log(1 + e^z) = logaddexp(0, z) 로 계산하여 큰 z에서도 넘치지 않습니다.
    도함수는 시그모이드와 같은 식으로 계산하므로, z = -24 처럼 f'(z) 가 아주 작은
    곳에서도 상대 오차가 1e-15 수준으로 정확합니다.
    """

    name = "softplus"

    def function(self, z):
        return np.logaddexp(0.0, z)

    def derivative(self, z):
        return _sigmoid(z)


class Identity(Activation):
    """항등 함수(선형 활성화): f(z) = z,  f'(z) = 1."""

    name = "linear"

    def function(self, z):
        return z

    def derivative(self, z):
        return np.ones_like(z)

    def forward(self, z):
        self.output = z
        return z

    def backward(self, dh):
        return dh


_ACTIVATIONS = {
    "sigmoid": Sigmoid,
    "tanh": Tanh,
    "relu": ReLU,
    "leaky_relu": LeakyReLU,
    "elu": ELU,
    "softplus": Softplus,
    "linear": Identity,
    "identity": Identity,
}

ACTIVATION_NAMES: tuple[str, ...] = tuple(_ACTIVATIONS)


def get_activation(name, **kwargs) -> Activation:
    """이름으로 활성화 함수 객체를 만듭니다. 예: ``get_activation("leaky_relu", alpha=0.1)``.

    Activation 객체를 넘기면 그대로 돌려줍니다.
    """
    if isinstance(name, Activation):
        return name
    if isinstance(name, str):
        name = name.strip().lower().replace("-", "_").replace("leakyrelu", "leaky_relu")
    cls = lookup(name, _ACTIVATIONS, "활성화 함수")
    if kwargs and cls not in (LeakyReLU, ELU):
        raise ValueError(
            f"활성화 함수 '{cls.name}'에는 추가 인자를 줄 수 없습니다 (받은 인자: {sorted(kwargs)})."
        )
    return cls(**kwargs)
