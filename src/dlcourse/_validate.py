"""입력 검사 도우미.

잘못된 입력은 계산을 시작하기 전에 막고, 무엇이 잘못되었고 무엇이 허용되는지를
한국어로 알려 줍니다. 엔진의 모든 모듈이 이 함수들을 씁니다 (가장 아래층).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from numbers import Integral, Real
from typing import Any

import numpy as np

__all__ = [
    "as_float_array",
    "check_finite",
    "check_positive",
    "check_nonnegative",
    "check_in_range",
    "check_positive_int",
    "check_int_range",
    "check_choice",
    "lookup",
    "as_generator",
]


def _describe(value: Any) -> str:
    """오류 메시지에 넣을 값 표현 (너무 길면 자릅니다)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def as_float_array(x: Any, name: str, *, ndim: int | None = None) -> np.ndarray:
    """x를 실수 배열로 바꿉니다. float32는 그대로 두고, 나머지는 float64로 바꿉니다.

    숫자가 아닌 값(문자열, 객체 등)이 들어 있으면 TypeError를 냅니다.
    """
    arr = np.asarray(x)
    if arr.dtype.kind not in "biuf":
        raise TypeError(
            f"{name}에는 숫자만 넣을 수 있습니다 (받은 자료형: {arr.dtype}). "
            "실수(float)나 정수 배열을 넘겨 주세요."
        )
    if arr.dtype != np.float32:
        arr = arr.astype(np.float64, copy=False)
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(
            f"{name}의 차원 수가 맞지 않습니다: {ndim}차원 배열이 필요한데 "
            f"모양이 {arr.shape}인 {arr.ndim}차원 배열을 받았습니다."
        )
    return arr


def check_finite(arr: np.ndarray, name: str) -> np.ndarray:
    """배열에 NaN이나 무한대(inf)가 있으면 ValueError를 냅니다."""
    arr = np.asarray(arr)
    if arr.dtype.kind == "f" and not np.isfinite(arr).all():
        n_nan = int(np.isnan(arr).sum())
        n_inf = int(np.isinf(arr).sum())
        raise ValueError(
            f"{name}에 NaN {n_nan}개, 무한대(inf) {n_inf}개가 들어 있습니다. "
            "유한한 실수만 허용됩니다. 빠진 값을 채우거나 그 행을 지운 뒤 다시 시도하세요."
        )
    return arr


def _check_real(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} 값은 실수여야 합니다 (받은 값: {_describe(value)}).")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} 값은 유한한 실수여야 합니다 (받은 값: {value}).")
    return value


def check_positive(value: Any, name: str) -> float:
    """value > 0 인 실수인지 확인하고 float로 돌려줍니다."""
    value = _check_real(value, name)
    if value <= 0:
        raise ValueError(f"{name} 값은 0보다 커야 합니다 (받은 값: {value}).")
    return value


def check_nonnegative(value: Any, name: str) -> float:
    """value >= 0 인 실수인지 확인하고 float로 돌려줍니다."""
    value = _check_real(value, name)
    if value < 0:
        raise ValueError(f"{name} 값은 0 이상이어야 합니다 (받은 값: {value}).")
    return value


def check_in_range(
    value: Any,
    name: str,
    low: float,
    high: float,
    *,
    low_inclusive: bool = True,
    high_inclusive: bool = False,
) -> float:
    """low <= value < high (포함 여부는 인자로 지정) 인지 확인합니다."""
    value = _check_real(value, name)
    ok_low = value >= low if low_inclusive else value > low
    ok_high = value <= high if high_inclusive else value < high
    if not (ok_low and ok_high):
        left = "[" if low_inclusive else "("
        right = "]" if high_inclusive else ")"
        raise ValueError(
            f"{name} 값은 {left}{low}, {high}{right} 범위에 있어야 합니다 (받은 값: {value})."
        )
    return value


def check_positive_int(value: Any, name: str, *, minimum: int = 1) -> int:
    """minimum 이상의 정수인지 확인하고 int로 돌려줍니다."""
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise TypeError(f"{name} 값은 정수여야 합니다 (받은 값: {_describe(value)}).")
    value = int(value)
    if value < minimum:
        raise ValueError(f"{name} 값은 {minimum} 이상의 정수여야 합니다 (받은 값: {value}).")
    return value


def check_int_range(value: Any, name: str, low: int, high: int) -> int:
    """low <= value <= high 인 정수인지 확인하고 int로 돌려줍니다 (양 끝 포함)."""
    value = check_positive_int(value, name, minimum=low)
    if value > high:
        raise ValueError(
            f"{name} 값은 {high} 이하여야 합니다 (받은 값: {value}). "
            f"{low} 이상 {high} 이하의 정수를 넣어 주세요."
        )
    return value


def check_choice(value: Any, name: str, allowed: Iterable[Any]) -> Any:
    """value가 allowed 중 하나인지 확인합니다."""
    allowed = list(allowed)
    if value not in allowed:
        listed = ", ".join(str(a) for a in allowed)
        raise ValueError(
            f"{name}에 쓸 수 없는 값입니다: {_describe(value)}. 사용할 수 있는 값: {listed}"
        )
    return value


def lookup(name: Any, table: Mapping[str, Any], what: str) -> Any:
    """이름으로 표에서 찾아 돌려줍니다. 대소문자와 '-'/'_' 차이는 무시합니다.

    예: lookup("ReLU", ACTIVATIONS, "활성화 함수")
    찾지 못하면 사용할 수 있는 이름을 모두 알려 주는 ValueError를 냅니다.
    """
    if not isinstance(name, str):
        raise TypeError(
            f"{what} 이름은 문자열이어야 합니다 (받은 값: {_describe(name)}). "
            f"사용할 수 있는 이름: {', '.join(table)}"
        )
    key = name.strip().lower().replace("-", "_")
    if key not in table:
        raise ValueError(
            f"알 수 없는 {what} 이름입니다: '{name}'. 사용할 수 있는 이름: {', '.join(table)}"
        )
    return table[key]


def as_generator(seed: Any, name: str = "seed") -> np.random.Generator:
    """seed(정수, None, Generator)를 `numpy.random.Generator`로 바꿉니다.

    - 0 이상의 정수: 그 값으로 새 생성기를 만듭니다. 같은 정수는 언제나 같은 수열을 줍니다.
    - None: 운영체제가 주는 임의의 시드로 새 생성기를 만듭니다 (실행할 때마다 달라집니다).
    - Generator: 그 생성기를 그대로 씁니다 (복사하지 않으므로 부를 때마다 상태가 나아갑니다).
    """
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None:
        return np.random.default_rng()
    if isinstance(seed, bool) or not isinstance(seed, Integral):
        raise TypeError(
            f"{name}에는 0 이상의 정수, None, numpy.random.Generator만 넣을 수 있습니다 "
            f"(받은 자료형: {type(seed).__name__}). 예: seed=0 또는 "
            "seed=np.random.default_rng(0)"
        )
    if seed < 0:
        raise ValueError(f"{name} 값은 0 이상의 정수여야 합니다 (받은 값: {int(seed)}).")
    return np.random.default_rng(int(seed))
