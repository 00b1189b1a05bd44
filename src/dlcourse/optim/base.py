"""옵티마이저(optimizer)의 공통 뼈대.

모든 옵티마이저는 같은 순서로 한 번의 갱신(update)을 합니다.

1. 학습률 η를 정합니다. 고정값이면 그대로, 학습률 스케줄이면 schedule(t)를
   부릅니다. t는 지금까지 끝낸 갱신 횟수(``iterations``)이므로 첫 갱신에서는 0입니다.
2. 기울기 클리핑(gradient clipping)을 설정했다면 기울기를 먼저 자릅니다.
3. 매개변수마다 그 옵티마이저의 갱신 규칙을 적용합니다. 매개변수 배열은
   그 자리에서(in place) 바뀝니다. 층이 들고 있는 배열이 바로 이 배열이기 때문입니다.
4. ``iterations``를 1 늘립니다.

옵티마이저의 상태(속도, 누적값 등)는 매개변수 이름(사전의 키)마다 따로 두고,
그 이름을 처음 만났을 때 만듭니다.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from numbers import Real
from typing import Any

import numpy as np

from .._validate import _describe, check_positive
from .clipping import _clip_by_global_norm, _clip_by_norm, _clip_by_value

__all__ = ["Optimizer"]

_CLIP_NAMES = ("clipnorm", "clipvalue", "global_clipnorm")


class Optimizer:
    """모든 옵티마이저의 바탕 클래스입니다.

    하위 클래스는 두 메서드만 채웁니다.

    - ``_create_state(param)``: 매개변수 하나에 필요한 상태 배열을 사전으로 만듭니다.
    - ``_update_tensor(param, grad, state, lr)``: 매개변수 하나를 제자리에서 갱신합니다.

    공통 인자 (Keras와 같은 이름과 뜻):

    - ``learning_rate``: 0보다 큰 실수, 또는 ``schedule(step) -> float``인 호출 가능한 객체.
    - ``clipnorm``: 배열마다 따로 L2 노름이 이 값을 넘으면 줄입니다.
    - ``clipvalue``: 원소마다 [-clipvalue, clipvalue] 범위로 자릅니다.
    - ``global_clipnorm``: 모든 기울기를 한 벡터로 보았을 때의 L2 노름을 기준으로 줄입니다.

    클리핑 인자는 Keras 3처럼 셋 중 하나만 쓸 수 있습니다.

    속성:

    - ``iterations``: 지금까지 끝낸 갱신 횟수 (처음에는 0).
    - ``learning_rate``: 다음 갱신에 쓸 학습률 (스케줄이면 schedule(iterations)).
    - ``schedule``: 학습률 스케줄 객체, 고정 학습률이면 None.
    - ``state``: 매개변수 이름 → {상태 이름: 배열} 사전.
    """

    def __init__(
        self,
        learning_rate: float | Callable[[int], float],
        *,
        clipnorm: float | None = None,
        clipvalue: float | None = None,
        global_clipnorm: float | None = None,
    ) -> None:
        self.learning_rate = learning_rate  # 속성 setter가 검사합니다.
        clip_args = {
            "clipnorm": clipnorm,
            "clipvalue": clipvalue,
            "global_clipnorm": global_clipnorm,
        }
        chosen = [name for name, value in clip_args.items() if value is not None]
        if len(chosen) > 1:
            received = ", ".join(f"{name}={clip_args[name]}" for name in chosen)
            raise ValueError(
                "기울기 클리핑 인자는 clipnorm, clipvalue, global_clipnorm 중 하나만 "
                f"지정할 수 있습니다 (받은 값: {received}). 하나만 남기고 나머지는 None으로 두세요."
            )
        self.clipnorm = None if clipnorm is None else check_positive(clipnorm, "clipnorm")
        self.clipvalue = None if clipvalue is None else check_positive(clipvalue, "clipvalue")
        self.global_clipnorm = (
            None if global_clipnorm is None else check_positive(global_clipnorm, "global_clipnorm")
        )
        self.iterations = 0
        self.state: dict[str, dict[str, np.ndarray]] = {}
        self._shapes: dict[str, tuple[int, ...]] = {}
        self._checked: tuple = (None, None, -1)

    # ------------------------------------------------------------------ 학습률
    @property
    def learning_rate(self) -> float:
        """다음 갱신에 쓸 학습률입니다 (스케줄이면 schedule(iterations))."""
        return self.learning_rate_at(self.iterations)

    @learning_rate.setter
    def learning_rate(self, value: float | Callable[[int], float]) -> None:
        if isinstance(value, type):
            raise TypeError(
                "learning_rate에는 스케줄 클래스가 아니라 인자를 넣어 만든 스케줄 객체를 "
                f"넘겨야 합니다 (받은 값: {value.__name__}). "
                "예: learning_rate=dl.optim.ExponentialDecay(0.1, 500, 0.5)"
            )
        if callable(value):
            self.schedule: Callable[[int], float] | None = value
            self._constant_lr = math.nan
        elif isinstance(value, Real) and not isinstance(value, bool):
            self._constant_lr = check_positive(value, "learning_rate")
            self.schedule = None
        else:
            raise TypeError(
                "learning_rate에는 0보다 큰 실수나 학습률 스케줄(step을 받아 학습률을 "
                f"돌려주는 호출 가능한 객체)을 넣어야 합니다 (받은 값: {_describe(value)}). "
                "예: learning_rate=0.01 또는 learning_rate=dl.optim.ExponentialDecay(0.1, 500, 0.5)"
            )

    def learning_rate_at(self, step: int) -> float:
        """갱신 번호 step(0부터)에서 쓸 학습률을 돌려줍니다."""
        if self.schedule is None:
            return self._constant_lr
        lr = float(self.schedule(step))
        if not 0.0 <= lr < math.inf:
            raise ValueError(
                "학습률 스케줄이 쓸 수 없는 학습률을 돌려주었습니다: "
                f"step={step}, 학습률={lr}. 학습률은 0 이상의 유한한 실수여야 합니다. "
                "스케줄의 인자를 확인하세요."
            )
        return lr

    # ------------------------------------------------------------------ 갱신
    def update(self, params: Mapping[str, np.ndarray], grads: Mapping[str, np.ndarray]) -> None:
        """기울기 grads로 매개변수 params를 한 번 갱신합니다 (제자리 갱신).

        params와 grads는 키와 모양이 같은 '이름 → 배열' 사전입니다. 예를 들어
        신경망의 ``net.params``/``net.grads``, 또는 2차원 곡면 위의 점 ``{"x": point}``.
        """
        # 바로 전에 검사한 사전 두 개를 그대로 다시 받으면 (fit()처럼 net.params를 한 번만
        # 꺼내 쓰는 경우) 키와 모양 검사를 건너뜁니다.
        same_dicts = params is self._checked[0] and grads is self._checked[1]
        if not (same_dicts and len(params) == self._checked[2]):
            if not self._is_known_structure(params, grads):
                self._register(params, grads)
            self._checked = (params, grads, len(params))
        if self.schedule is None:
            lr = self._constant_lr
        else:
            lr = self.learning_rate_at(self.iterations)
        if (
            self.clipnorm is not None
            or self.clipvalue is not None
            or self.global_clipnorm is not None
        ):
            grads = self._clip_gradients(grads)
        state = self.state
        update_tensor = self._update_tensor
        for key, param in params.items():
            update_tensor(param, grads[key], state[key], lr)
        self.iterations += 1

    def reset(self) -> None:
        """상태(속도, 누적값)와 갱신 횟수를 모두 지우고 처음 상태로 되돌립니다."""
        self.iterations = 0
        self.state = {}
        self._shapes = {}
        self._checked = (None, None, -1)

    def _clip_gradients(self, grads: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        """설정된 클리핑 하나를 적용한 새 기울기 사전을 돌려줍니다 (입력은 그대로)."""
        if self.clipnorm is not None:
            return _clip_by_norm(grads, self.clipnorm)
        if self.global_clipnorm is not None:
            return _clip_by_global_norm(grads, self.global_clipnorm)[0]
        return _clip_by_value(grads, self.clipvalue)

    # ------------------------------------------------------------------ 하위 클래스가 채울 부분
    def _create_state(self, param: np.ndarray) -> dict[str, Any]:
        """매개변수 하나에 필요한 상태를 만듭니다 (기본: 상태 없음)."""
        return {}

    def _update_tensor(
        self, param: np.ndarray, grad: np.ndarray, state: dict[str, Any], lr: float
    ) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ 설정과 표시
    def get_config(self) -> dict[str, Any]:
        """이 옵티마이저를 다시 만드는 데 필요한 인자를 사전으로 돌려줍니다.

        ``type(opt)(**opt.get_config())``는 상태가 빈 같은 옵티마이저를 만듭니다.
        """
        config: dict[str, Any] = {
            "learning_rate": self.schedule if self.schedule is not None else self._constant_lr
        }
        config.update(self._hyperparameters())
        for name in _CLIP_NAMES:
            value = getattr(self, name)
            if value is not None:
                config[name] = value
        return config

    def _hyperparameters(self) -> dict[str, Any]:
        return {}

    def __repr__(self) -> str:
        args = ", ".join(f"{name}={value!r}" for name, value in self.get_config().items())
        return f"{type(self).__name__}({args})"

    # ------------------------------------------------------------------ 입력 검사
    def _is_known_structure(self, params: Any, grads: Any) -> bool:
        """이미 검사한 구조(같은 키, 같은 모양)인지 가볍게 확인합니다.

        무거운 검사(자료형, 쓰기 가능 여부 등)는 새 키나 새 모양을 만났을 때
        ``_register``에서 한 번만 합니다. 키 개수가 같고 params의 키가 모두 grads에
        있으면 두 사전의 키 집합은 같습니다.
        """
        try:
            if len(params) != len(grads):
                return False
            shapes = self._shapes
            for key, param in params.items():
                shape = param.shape
                if shapes.get(key) != shape or grads[key].shape != shape:
                    return False
        except (AttributeError, KeyError, TypeError):
            return False
        return True

    def _register(self, params: Any, grads: Any) -> None:
        """params와 grads를 자세히 검사하고, 새 키의 상태를 만듭니다.

        문제가 있으면 아무것도 바꾸기 전에 한국어 오류를 냅니다.
        """
        for name, mapping in (("params", params), ("grads", grads)):
            if not isinstance(mapping, Mapping):
                raise TypeError(
                    f"{name}에는 '이름 → 배열' 사전(dict)을 넘겨야 합니다 "
                    f"(받은 자료형: {type(mapping).__name__}). "
                    'net.params / net.grads 또는 {"x": point} 같은 사전을 넘겨 주세요.'
                )
        missing = [key for key in params if key not in grads]
        extra = [key for key in grads if key not in params]
        if missing or extra:
            raise ValueError(
                "params와 grads의 키가 서로 다릅니다. "
                f"grads에 없는 키: {missing}, params에 없는 키: {extra}. "
                "두 사전은 같은 키를 가져야 합니다."
            )
        for key, param in params.items():
            grad = grads[key]
            if not isinstance(param, np.ndarray):
                raise TypeError(
                    f"NumPy 배열이 아닌 매개변수가 있습니다: params[{key!r}] "
                    f"(자료형: {type(param).__name__}). 옵티마이저는 배열을 제자리에서 바꾸므로 "
                    "np.array(..., dtype=float)로 만든 배열을 넘겨 주세요."
                )
            if param.dtype.kind != "f":
                raise TypeError(
                    f"실수 배열이 아닌 매개변수가 있습니다: params[{key!r}] (dtype: {param.dtype}). "
                    "정수 배열은 제자리 갱신을 할 수 없으니 dtype=float64(또는 float32) 배열을 넘겨 주세요."
                )
            if not param.flags.writeable:
                raise ValueError(
                    f"쓰기가 막힌(read-only) 매개변수 배열입니다: params[{key!r}]. "
                    "복사본(.copy())을 넘겨 주세요."
                )
            if not isinstance(grad, np.ndarray):
                raise TypeError(
                    f"NumPy 배열이 아닌 기울기가 있습니다: grads[{key!r}] "
                    f"(자료형: {type(grad).__name__}). np.asarray(...)로 바꿔 넘겨 주세요."
                )
            if grad.dtype.kind not in "biuf":
                raise TypeError(
                    f"숫자 배열이 아닌 기울기가 있습니다: grads[{key!r}] (dtype: {grad.dtype}). "
                    "실수 배열을 넘겨 주세요."
                )
            if grad.shape != param.shape:
                raise ValueError(
                    f"매개변수와 기울기의 모양이 다른 키가 있습니다: {key!r} "
                    f"(params 쪽 모양: {param.shape}, grads 쪽 모양: {grad.shape}). "
                    "기울기는 매개변수와 같은 모양이어야 합니다."
                )
            known = self._shapes.get(key)
            if known is not None and known != param.shape:
                raise ValueError(
                    f"매개변수 모양이 바뀐 키가 있습니다: {key!r} (전에는 {known}, 지금은 "
                    f"{param.shape}). 옵티마이저 상태는 모양에 맞춰 만들어 두므로, "
                    "다른 문제에 쓰려면 opt.reset()을 부르거나 새 옵티마이저를 만드세요."
                )
        for key, param in params.items():
            if key not in self.state:
                self.state[key] = self._create_state(param)
            self._shapes[key] = param.shape
