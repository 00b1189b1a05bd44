"""층(layer)의 바탕 클래스와 완전 연결층 Dense.

모든 층은 같은 약속을 지킵니다.

- ``forward(X)``: 출력을 계산하고, 역전파에 필요한 값을 기억합니다.
- ``backward(dout)``: dL/d(출력) 을 받아 자기 매개변수의 기울기를 채우고
  dL/d(입력) 을 돌려줍니다 (연쇄 법칙 한 단계).
- ``params`` / ``grads``: 같은 키를 가진 배열 사전. 옵티마이저가 params 배열을
  제자리에서(in place) 바꿉니다.
- ``train()`` / ``eval()``: 드롭아웃·배치 정규화처럼 훈련 때와 평가 때 동작이
  다른 층을 위한 모드 전환입니다.
"""

from __future__ import annotations

import numpy as np

from .. import init as initializers
from .._validate import as_generator, check_positive_int

__all__ = ["Layer", "Dense"]


class Layer:
    """모든 층의 바탕. 매개변수가 없는 층은 params/grads가 빈 사전입니다."""

    training: bool = True

    def forward(self, X):
        raise NotImplementedError

    def backward(self, dout):
        raise NotImplementedError

    @property
    def params(self) -> dict[str, np.ndarray]:
        return {}

    @property
    def grads(self) -> dict[str, np.ndarray]:
        return {}

    def train(self):
        """훈련 모드로 바꿉니다."""
        self.training = True
        return self

    def eval(self):
        """평가 모드로 바꿉니다."""
        self.training = False
        return self

    def __call__(self, X):
        return self.forward(X)


class Dense(Layer):
    """완전 연결층: Y = X W + b.

    X: (배치, fan_in),  W: (fan_in, fan_out),  b: (fan_out,),  Y: (배치, fan_out).

    역전파 (dY = dL/dY 가 주어질 때):

        dW = X^T dY,    db = dY 를 배치 방향으로 더한 값,    dX = dY W^T

    dW, db 배열은 한 번 만들어 두고 제자리에 덮어씁니다. 그래서 ``grads`` 가 돌려주는
    배열은 다음 역전파 뒤에도 같은 객체입니다.
    """

    def __init__(self, fan_in: int, fan_out: int, init="glorot_uniform", rng=None,
                 bias_init="zeros"):
        self.fan_in = check_positive_int(fan_in, "fan_in (입력 크기)")
        self.fan_out = check_positive_int(fan_out, "fan_out (출력 크기)")
        weight_init = initializers.get(init)
        bias_fn = initializers.get(bias_init)
        gen = as_generator(rng, "rng")
        self.W = np.array(weight_init((self.fan_in, self.fan_out), gen), dtype=np.float64)
        self.b = np.array(bias_fn((self.fan_out,), gen), dtype=np.float64)
        self.dW = np.zeros_like(self.W)
        self.db = np.zeros_like(self.b)
        self._X = None

    def forward(self, X):
        if X.ndim != 2 or X.shape[1] != self.fan_in:
            got = f"특성 수가 {X.shape[1]}인 입력" if X.ndim == 2 else f"{X.ndim}차원 입력"
            raise ValueError(
                f"입력 크기가 층과 맞지 않습니다: 이 Dense 층은 특성 {self.fan_in}개를 받는데 "
                f"{got}이 들어왔습니다 (입력 모양: {X.shape}). "
                f"입력은 (배치, {self.fan_in}) 모양이어야 합니다."
            )
        self._X = X
        return X @ self.W + self.b

    def backward(self, dout):
        if self._X is None:
            raise RuntimeError("backward 전에 forward를 먼저 호출해야 합니다.")
        np.matmul(self._X.T, dout, out=self.dW)
        np.sum(dout, axis=0, out=self.db)
        return dout @ self.W.T

    @property
    def params(self) -> dict[str, np.ndarray]:
        return {"W": self.W, "b": self.b}

    @property
    def grads(self) -> dict[str, np.ndarray]:
        return {"W": self.dW, "b": self.db}

    def __repr__(self) -> str:
        return f"Dense({self.fan_in}, {self.fan_out})"
