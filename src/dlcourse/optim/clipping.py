"""기울기 클리핑(gradient clipping): 너무 큰 기울기를 잘라 기울기 폭발을 막습니다.

세 가지 방법이 있고, 모두 '이름 → 배열' 사전을 받아 새 사전을 돌려줍니다
(입력 배열은 바꾸지 않습니다).

- ``clip_by_value(grads, clip_value)``: 원소마다 g ← min(max(g, −c), c).
- ``clip_by_norm(grads, max_norm)``: 배열마다 따로 L2 노름 ‖g‖를 재어
  g ← g · min(1, c / (‖g‖ + 10⁻⁶)).
- ``clip_by_global_norm(grads, max_norm)``: 모든 배열을 이어 붙인 한 벡터의 노름
  ‖G‖ = √(Σ_k ‖g_k‖²)를 재어 모든 배열에 같은 배율 min(1, c / (‖G‖ + 10⁻⁶))을 곱합니다.
  방향은 그대로 두고 길이만 줄이는 셈입니다.

분모의 10⁻⁶은 PyTorch의 ``torch.nn.utils.clip_grad_norm_``과 똑같이 맞춘 것입니다.
Keras는 g · c / max(‖g‖, c)로 계산하므로 10⁻⁶이 없습니다. 그래서 노름이 c보다
클 때 잘린 뒤의 노름이 Keras에서는 정확히 c, 여기서는 c · ‖g‖ / (‖g‖ + 10⁻⁶)이고,
상대 차이는 10⁻⁶ / ‖g‖ 이하입니다. 이 강의는 torch와 반올림 오차 수준까지 같은
값을 내는 쪽을 택했습니다.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from .._validate import check_positive

__all__ = ["clip_by_value", "clip_by_norm", "clip_by_global_norm", "global_norm"]

_NORM_EPSILON = 1e-6  # torch.nn.utils.clip_grad_norm_과 같은 값


def _squared_norm(grad: np.ndarray) -> float:
    """배열을 한 벡터로 보았을 때 L2 노름의 제곱 Σ g²."""
    return float(np.vdot(grad, grad))


def _scale_factor(norm: float, max_norm: float) -> float:
    """min(1, max_norm / (norm + 1e-6)). norm이 NaN이면 NaN을 돌려줍니다 (torch와 같음)."""
    factor = max_norm / (norm + _NORM_EPSILON)
    if factor >= 1.0:
        return 1.0
    return factor  # NaN은 어떤 비교도 거짓이므로 여기로 와서 그대로 나갑니다.


# 옵티마이저의 갱신마다 부르는 빠른 판 (입력 검사 없음) --------------------------------
def _clip_by_value(grads: Mapping[str, np.ndarray], clip_value: float) -> dict[str, np.ndarray]:
    return {key: np.clip(grad, -clip_value, clip_value) for key, grad in grads.items()}


def _clip_by_norm(grads: Mapping[str, np.ndarray], max_norm: float) -> dict[str, np.ndarray]:
    return {
        key: grad * _scale_factor(math.sqrt(_squared_norm(grad)), max_norm)
        for key, grad in grads.items()
    }


def _clip_by_global_norm(
    grads: Mapping[str, np.ndarray], max_norm: float
) -> tuple[dict[str, np.ndarray], float]:
    total = math.sqrt(sum(_squared_norm(grad) for grad in grads.values()))
    factor = _scale_factor(total, max_norm)
    return {key: grad * factor for key, grad in grads.items()}, total


# 공개 함수 (입력 검사 포함) ---------------------------------------------------------------
def _checked_grads(grads: object) -> dict[str, np.ndarray]:
    if not isinstance(grads, Mapping):
        raise TypeError(
            "grads에는 '이름 → 배열' 사전(dict)을 넘겨야 합니다 "
            f'(받은 자료형: {type(grads).__name__}). 예: net.grads 또는 {{"x": g}}'
        )
    checked = {}
    for key, grad in grads.items():
        arr = np.asarray(grad)
        if arr.dtype.kind not in "biuf":
            raise TypeError(
                f"숫자 배열이 아닌 기울기가 있습니다: grads[{key!r}] (dtype: {arr.dtype}). "
                "실수 배열을 넘겨 주세요."
            )
        checked[key] = arr if arr.dtype.kind == "f" else arr.astype(np.float64)
    return checked


def global_norm(grads: Mapping[str, np.ndarray]) -> float:
    """모든 기울기를 한 벡터로 이어 붙였을 때의 L2 노름 √(Σ_k Σ g_k²)을 돌려줍니다."""
    checked = _checked_grads(grads)
    return math.sqrt(sum(_squared_norm(grad) for grad in checked.values()))


def clip_by_value(grads: Mapping[str, np.ndarray], clip_value: float) -> dict[str, np.ndarray]:
    """원소마다 [−clip_value, clip_value] 범위로 자른 새 기울기 사전을 돌려줍니다.

    g ← min(max(g, −c), c). ``torch.nn.utils.clip_grad_value_``와 같습니다.
    """
    clip_value = check_positive(clip_value, "clip_value")
    return _clip_by_value(_checked_grads(grads), clip_value)


def clip_by_norm(grads: Mapping[str, np.ndarray], max_norm: float) -> dict[str, np.ndarray]:
    """배열마다 따로 L2 노름을 max_norm 이하로 줄인 새 기울기 사전을 돌려줍니다.

    g ← g · min(1, c / (‖g‖ + 10⁻⁶)). 배열(torch의 텐서) 하나씩 ``torch.nn.utils.clip_grad_norm_``을
    부른 것과 같습니다 (Keras의 ``clipnorm``에 해당합니다).
    """
    max_norm = check_positive(max_norm, "max_norm")
    return _clip_by_norm(_checked_grads(grads), max_norm)


def clip_by_global_norm(
    grads: Mapping[str, np.ndarray], max_norm: float
) -> tuple[dict[str, np.ndarray], float]:
    """전체 노름 ‖G‖ = √(Σ_k ‖g_k‖²)가 max_norm 이하가 되도록 모든 기울기에 같은 배율을 곱합니다.

    g_k ← g_k · min(1, c / (‖G‖ + 10⁻⁶)). (잘린 기울기 사전, 자르기 전 전체 노름 ‖G‖)를
    돌려줍니다. 모든 매개변수를 한꺼번에 넘긴 ``torch.nn.utils.clip_grad_norm_``과 같습니다
    (Keras의 ``global_clipnorm``에 해당합니다).
    """
    max_norm = check_positive(max_norm, "max_norm")
    return _clip_by_global_norm(_checked_grads(grads), max_norm)
