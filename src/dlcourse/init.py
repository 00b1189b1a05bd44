"""가중치 초기화(weight initialization) 함수들.

모든 초기화 함수는 같은 모양을 가집니다: ``f(shape, rng=None) -> ndarray``.
``rng`` 자리에는 정수 시드, ``numpy.random.Generator``, ``None`` 을 넣을 수 있고,
같은 시드는 언제나 같은 값을 줍니다.

공식은 Keras를 따릅니다. 모양이 ``(fan_in, fan_out)`` 인 가중치 행렬에서

- Glorot(Xavier) 균등:  U(-limit, limit),  limit = sqrt(6 / (fan_in + fan_out))
- Glorot 정규:          표준편차 sigma = sqrt(2 / (fan_in + fan_out))
- He 균등:              limit = sqrt(6 / fan_in)
- He 정규:              sigma = sqrt(2 / fan_in)
- LeCun 균등:           limit = sqrt(3 / fan_in)
- LeCun 정규:           sigma = sqrt(1 / fan_in)

'정규' 쪽은 Keras처럼 평균에서 2 표준편차를 넘는 값을 버리고 다시 뽑는
절단 정규분포(truncated normal)를 씁니다. 잘라 낸 만큼 분산이 줄어들기 때문에
뽑기 전 표준편차를 sigma / 0.87962566... 로 키워서, 결과 표준편차가 sigma가 되게
맞춥니다.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import numpy as np

from ._validate import as_generator, check_nonnegative, check_positive, lookup

__all__ = [
    "zeros",
    "ones",
    "constant",
    "random_normal",
    "random_uniform",
    "glorot_uniform",
    "glorot_normal",
    "he_uniform",
    "he_normal",
    "lecun_uniform",
    "lecun_normal",
    "get",
    "fans",
    "NAMES",
]

# 평균 0, 표준편차 1인 정규분포를 [-2, 2] 에서 자르면 표준편차가 이 값이 됩니다.
_TRUNCATED_STD = 0.87962566103423978


def _shape(shape) -> tuple[int, ...]:
    if isinstance(shape, (int, np.integer)):
        shape = (int(shape),)
    shape = tuple(shape)
    if not shape or any((not isinstance(s, (int, np.integer))) or s <= 0 for s in shape):
        raise ValueError(f"가중치 모양은 양의 정수들의 튜플이어야 합니다 (받은 값: {shape}).")
    return tuple(int(s) for s in shape)


def fans(shape) -> tuple[int, int]:
    """모양에서 (fan_in, fan_out)을 구합니다: 2차원이면 (shape[0], shape[1]).

    1차원 모양(편향 등)은 fan_in = fan_out = shape[0] 으로 봅니다.
    """
    shape = _shape(shape)
    if len(shape) == 1:
        return shape[0], shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    raise ValueError(
        f"fan_in/fan_out은 1차원이나 2차원 모양에서만 정할 수 있습니다 (받은 모양: {shape})."
    )


def _truncated_normal(shape, stddev: float, rng) -> np.ndarray:
    """평균 0, 표준편차 stddev인 정규분포에서 |x| > 2*stddev 인 값을 다시 뽑습니다."""
    gen = as_generator(rng, "rng")
    out = gen.standard_normal(shape)
    bad = np.abs(out) > 2.0
    while bad.any():
        out[bad] = gen.standard_normal(int(bad.sum()))
        bad = np.abs(out) > 2.0
    return out * stddev


def zeros(shape, rng=None) -> np.ndarray:
    """모든 값을 0으로 둡니다. (편향의 기본값. 가중치에 쓰면 대칭이 깨지지 않습니다.)"""
    return np.zeros(_shape(shape))


def ones(shape, rng=None) -> np.ndarray:
    """모든 값을 1로 둡니다."""
    return np.ones(_shape(shape))


def constant(shape, rng=None, value: float = 0.0) -> np.ndarray:
    """모든 값을 value로 둡니다. 예: ``get("constant", value=0.1)``."""
    return np.full(_shape(shape), float(value))


def random_normal(shape, rng=None, mean: float = 0.0, stddev: float = 0.05) -> np.ndarray:
    """N(mean, stddev^2) 에서 뽑습니다 (Keras 기본 stddev = 0.05)."""
    check_nonnegative(stddev, "stddev")
    return mean + stddev * as_generator(rng, "rng").standard_normal(_shape(shape))


def random_uniform(shape, rng=None, minval: float = -0.05, maxval: float = 0.05) -> np.ndarray:
    """U(minval, maxval) 에서 뽑습니다 (Keras 기본 범위 [-0.05, 0.05])."""
    if not maxval > minval:
        raise ValueError(
            f"maxval은 minval보다 커야 합니다 (받은 값: minval={minval}, maxval={maxval})."
        )
    return as_generator(rng, "rng").uniform(minval, maxval, size=_shape(shape))


def _scaled_uniform(shape, rng, scale: float, fan: float) -> np.ndarray:
    limit = np.sqrt(3.0 * scale / fan)
    return as_generator(rng, "rng").uniform(-limit, limit, size=_shape(shape))


def _scaled_normal(shape, rng, scale: float, fan: float) -> np.ndarray:
    sigma = np.sqrt(scale / fan)
    return _truncated_normal(_shape(shape), sigma / _TRUNCATED_STD, rng)


def glorot_uniform(shape, rng=None) -> np.ndarray:
    """Glorot(Xavier) 균등 초기화: U(-l, l), l = sqrt(6 / (fan_in + fan_out))."""
    fan_in, fan_out = fans(shape)
    return _scaled_uniform(shape, rng, 1.0, (fan_in + fan_out) / 2.0)


def glorot_normal(shape, rng=None) -> np.ndarray:
    """Glorot(Xavier) 정규 초기화: 표준편차 sqrt(2 / (fan_in + fan_out)), 절단 정규분포."""
    fan_in, fan_out = fans(shape)
    return _scaled_normal(shape, rng, 1.0, (fan_in + fan_out) / 2.0)


def he_uniform(shape, rng=None) -> np.ndarray:
    """He 균등 초기화: U(-l, l), l = sqrt(6 / fan_in). ReLU 계열에 맞춘 값입니다."""
    fan_in, _ = fans(shape)
    return _scaled_uniform(shape, rng, 2.0, fan_in)


def he_normal(shape, rng=None) -> np.ndarray:
    """He 정규 초기화: 표준편차 sqrt(2 / fan_in), 절단 정규분포."""
    fan_in, _ = fans(shape)
    return _scaled_normal(shape, rng, 2.0, fan_in)


def lecun_uniform(shape, rng=None) -> np.ndarray:
    """LeCun 균등 초기화: U(-l, l), l = sqrt(3 / fan_in)."""
    fan_in, _ = fans(shape)
    return _scaled_uniform(shape, rng, 1.0, fan_in)


def lecun_normal(shape, rng=None) -> np.ndarray:
    """LeCun 정규 초기화: 표준편차 sqrt(1 / fan_in), 절단 정규분포."""
    fan_in, _ = fans(shape)
    return _scaled_normal(shape, rng, 1.0, fan_in)


_TABLE: dict[str, Callable] = {
    "zeros": zeros,
    "ones": ones,
    "constant": constant,
    "random_normal": random_normal,
    "random_uniform": random_uniform,
    "glorot_uniform": glorot_uniform,
    "glorot_normal": glorot_normal,
    "he_uniform": he_uniform,
    "he_normal": he_normal,
    "lecun_uniform": lecun_uniform,
    "lecun_normal": lecun_normal,
}

# 다른 곳에서 흔히 쓰는 이름도 받아 줍니다.
_ALIASES = {
    "xavier_uniform": "glorot_uniform",
    "xavier_normal": "glorot_normal",
    "kaiming_uniform": "he_uniform",
    "kaiming_normal": "he_normal",
}

NAMES: tuple[str, ...] = tuple(_TABLE)


def get(name, **kwargs) -> Callable:
    """이름으로 초기화 함수를 찾아 ``f(shape, rng)`` 를 돌려줍니다.

    예: ``get("he_normal")((784, 256), rng=0)``,
    ``get("random_normal", stddev=1.0)``. 함수를 넘기면 그대로 돌려줍니다.
    """
    if callable(name):
        return partial(name, **kwargs) if kwargs else name
    if isinstance(name, str):
        # 별칭이 아니면 받은 이름 그대로 넘겨, 오류 메시지에 사용자가 쓴 이름이 나오게 합니다.
        name = _ALIASES.get(name.strip().lower().replace("-", "_"), name)
    func = lookup(name, _TABLE, "초기화 방법")
    if "stddev" in kwargs:
        check_positive(kwargs["stddev"], "stddev")
    return partial(func, **kwargs) if kwargs else func
