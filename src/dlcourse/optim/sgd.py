"""경사 하강법 계열: SGD, 모멘텀(momentum), 네스테로프 가속 경사(NAG).

기호: w 매개변수, g 기울기 ∇J(w), η 학습률, μ 모멘텀 계수, v 속도(velocity).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .._validate import check_in_range
from .base import Optimizer

__all__ = ["SGD", "Momentum", "Nesterov"]


class SGD(Optimizer):
    """확률적 경사 하강법(SGD), 모멘텀(momentum)과 네스테로프 가속 경사(NAG)를 고를 수 있습니다.

    momentum = 0 이면 가장 기본적인 경사 하강법입니다::

        w ← w − η · g

    momentum = μ > 0 이면 Keras 형태의 모멘텀입니다. 속도 v는 0에서 시작합니다::

        v ← μ · v − η · g
        w ← w + v

    nesterov=True 이면 Keras 형태의 네스테로프 가속 경사입니다::

        v ← μ · v − η · g
        w ← w + μ · v − η · g

    이 식은 '미리 가 본 점 w + μ·v에서 기울기를 잰다'는 원래 NAG를 변수를 한 칸
    옮겨 다시 쓴 것이라, 기울기는 지금의 w에서 잰 g 하나만 있으면 됩니다.

    PyTorch(``torch.optim.SGD``)는 버퍼 b를 b ← μ·b + g, w ← w − η·b로 씁니다
    (네스테로프: w ← w − η·(g + μ·b)). 학습률 η가 일정하면 언제나 v = −η·b이므로
    (수학적 귀납법: v₁ = −η·g₁ = −η·b₁, v_t = μ·(−η·b_{t−1}) − η·g_t = −η·b_t)
    두 형태는 똑같은 경로를 만듭니다. 학습률 스케줄로 η가 바뀔 때만 다릅니다:
    Keras 형태는 새 기울기에만 지금의 η를 곱하고, torch 형태는 쌓인 버퍼 전체에 곱합니다.

    인자: learning_rate=0.01, momentum=0.0 (0 이상 1 미만), nesterov=False,
    clipnorm / clipvalue / global_clipnorm (``Optimizer`` 참고).
    """

    def __init__(
        self,
        learning_rate: float | Callable[[int], float] = 0.01,
        momentum: float = 0.0,
        nesterov: bool = False,
        *,
        clipnorm: float | None = None,
        clipvalue: float | None = None,
        global_clipnorm: float | None = None,
    ) -> None:
        super().__init__(
            learning_rate, clipnorm=clipnorm, clipvalue=clipvalue, global_clipnorm=global_clipnorm
        )
        self.momentum = check_in_range(momentum, "momentum", 0.0, 1.0)
        if not isinstance(nesterov, (bool, np.bool_)):
            raise TypeError(f"nesterov에는 True나 False를 넣어야 합니다 (받은 값: {nesterov!r}).")
        self.nesterov = bool(nesterov)

    def _hyperparameters(self) -> dict[str, Any]:
        return {"momentum": self.momentum, "nesterov": self.nesterov}

    def _create_state(self, param: np.ndarray) -> dict[str, Any]:
        return {"velocity": np.zeros_like(param)}

    def _update_tensor(
        self, param: np.ndarray, grad: np.ndarray, state: dict[str, Any], lr: float
    ) -> None:
        mu = self.momentum
        if mu == 0.0:
            param -= lr * grad  # w ← w − η·g
            return
        step = lr * grad  # η·g
        velocity = state["velocity"]
        velocity *= mu
        velocity -= step  # v ← μ·v − η·g
        if self.nesterov:
            param += mu * velocity
            param -= step  # w ← w + μ·v − η·g
        else:
            param += velocity  # w ← w + v


class Momentum(SGD):
    """모멘텀(momentum) 경사 하강법: ``SGD(learning_rate, momentum, nesterov=False)``와 같습니다.

    관성처럼 이전 갱신의 방향과 크기를 μ만큼 이어 가므로, 골짜기에서 이리저리
    튀는 움직임(지그재그)이 줄어듭니다::

        v ← μ · v − η · g
        w ← w + v

    인자: learning_rate=0.01, momentum=0.9, clipnorm / clipvalue / global_clipnorm.
    """

    def __init__(
        self,
        learning_rate: float | Callable[[int], float] = 0.01,
        momentum: float = 0.9,
        *,
        clipnorm: float | None = None,
        clipvalue: float | None = None,
        global_clipnorm: float | None = None,
    ) -> None:
        super().__init__(
            learning_rate,
            momentum,
            nesterov=False,
            clipnorm=clipnorm,
            clipvalue=clipvalue,
            global_clipnorm=global_clipnorm,
        )

    def _hyperparameters(self) -> dict[str, Any]:
        return {"momentum": self.momentum}


class Nesterov(SGD):
    """네스테로프 가속 경사(NAG): ``SGD(learning_rate, momentum, nesterov=True)``와 같습니다.

    모멘텀이 데려갈 곳을 미리 보고 고치는 방법입니다. Keras 형태::

        v ← μ · v − η · g
        w ← w + μ · v − η · g

    인자: learning_rate=0.01, momentum=0.9, clipnorm / clipvalue / global_clipnorm.
    """

    def __init__(
        self,
        learning_rate: float | Callable[[int], float] = 0.01,
        momentum: float = 0.9,
        *,
        clipnorm: float | None = None,
        clipvalue: float | None = None,
        global_clipnorm: float | None = None,
    ) -> None:
        super().__init__(
            learning_rate,
            momentum,
            nesterov=True,
            clipnorm=clipnorm,
            clipvalue=clipvalue,
            global_clipnorm=global_clipnorm,
        )

    def _hyperparameters(self) -> dict[str, Any]:
        return {"momentum": self.momentum}
