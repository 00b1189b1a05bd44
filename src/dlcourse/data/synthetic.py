"""직선으로는 나눌 수 없는 2차원 장난감 데이터: 나선(spirals), 반달(moons), 동심원(circles).

세 함수 모두 같은 규칙을 따릅니다.

- 점의 좌표는 식으로 정해진 곡선 위의 점에 가우스 잡음 noise * N(0, 1)을 더한 것입니다.
- 클래스마다 점의 수가 같습니다 (나누어떨어지지 않으면 앞 클래스부터 하나씩 더 받아
  차이는 많아야 1개입니다).
- 행의 순서는 섞어서 돌려줍니다 (클래스별로 몰려 있지 않습니다).
- 같은 seed(정수)를 주면 언제나 같은 데이터가, 다른 seed를 주면 다른 잡음이 나옵니다.
  `numpy.random.Generator`를 넘겨도 됩니다.

Returns 는 모두 (X, y)입니다: X는 모양 (n_samples, 2) float64, y는 (n_samples,) int64.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import _validate as v
from ._random import as_generator

__all__ = ["spirals", "moons", "circles"]


def _class_sizes(n_samples: int, n_classes: int) -> list[int]:
    """n_samples개를 n_classes개 클래스에 고르게 나눈 개수 (차이는 많아야 1)."""
    base, extra = divmod(n_samples, n_classes)
    return [base + (1 if k < extra else 0) for k in range(n_classes)]


def _check_n_samples(n_samples: Any, n_classes: int) -> int:
    n_samples = v.check_positive_int(n_samples, "n_samples")
    if n_samples < n_classes:
        raise ValueError(
            f"n_samples가 클래스 수보다 작습니다 (n_samples={n_samples}, 클래스 {n_classes}개). "
            f"클래스마다 점이 하나 이상 있도록 n_samples를 {n_classes} 이상으로 주세요."
        )
    return n_samples


def _add_noise_and_shuffle(
    points: np.ndarray, labels: np.ndarray, noise: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """점에 가우스 잡음을 더하고, 점과 레이블을 같은 순서로 섞습니다."""
    noisy = points + noise * rng.standard_normal(points.shape)
    order = rng.permutation(len(labels))
    return noisy[order], labels[order]


def spirals(
    n_samples: int = 300,
    n_classes: int = 2,
    *,
    noise: float = 0.05,
    turns: float = 1.0,
    seed: Any = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """원점에서 바깥으로 감겨 나가는 나선 팔 n_classes개를 만듭니다.

    클래스 k (k = 0, ..., K-1)의 i번째 점은 t = (i + 1) / n_k 에서

        r = t,    θ = 2π (k / K + turns · t)
        x = (r cos θ, r sin θ) + noise · ε,   ε ~ N(0, I)

    입니다. 팔들은 서로 2π/K만큼 돌아가 있고, 반지름 r은 0에서 1까지 커집니다.
    같은 방향의 이웃한 팔 사이 거리는 반지름으로 1 / (K · turns)이므로
    noise가 그보다 훨씬 작아야 클래스가 잘 보입니다.

    Args:
        n_samples: 점의 총 개수 (n_classes 이상).
        n_classes: 팔(클래스)의 수, 2 이상의 정수 (강의에서는 2나 3을 씁니다).
        noise: 좌표에 더하는 가우스 잡음의 표준편차 (0 이상).
        turns: 팔 하나가 감기는 바퀴 수 (0보다 큼).
        seed: 정수, None 또는 numpy.random.Generator.
    """
    n_classes = v.check_positive_int(n_classes, "n_classes", minimum=2)
    n_samples = _check_n_samples(n_samples, n_classes)
    noise = v.check_nonnegative(noise, "noise")
    turns = v.check_positive(turns, "turns")
    rng = as_generator(seed)

    points, labels = [], []
    for k, n_k in enumerate(_class_sizes(n_samples, n_classes)):
        t = np.arange(1, n_k + 1) / n_k
        theta = 2.0 * np.pi * (k / n_classes + turns * t)
        points.append(np.column_stack([t * np.cos(theta), t * np.sin(theta)]))
        labels.append(np.full(n_k, k, dtype=np.int64))
    return _add_noise_and_shuffle(np.concatenate(points), np.concatenate(labels), noise, rng)


def moons(
    n_samples: int = 200, *, noise: float = 0.1, seed: Any = 0
) -> tuple[np.ndarray, np.ndarray]:
    """서로 맞물린 반달 두 개를 만듭니다.

    θ를 0부터 π까지 고르게 나눈 각도라고 하면

        클래스 0 (위쪽 반달):   (cos θ,       sin θ)
        클래스 1 (아래쪽 반달): (1 - cos θ,  1/2 - sin θ)

    에 잡음 noise · ε (ε ~ N(0, I))을 더합니다. 두 반달은 반지름 1인 반원이고,
    아래쪽 반달은 위쪽 반달을 뒤집어 (1, 1/2)만큼 옮긴 것이라 서로 파고듭니다.

    Args:
        n_samples: 점의 총 개수 (2 이상).
        noise: 좌표에 더하는 가우스 잡음의 표준편차 (0 이상).
        seed: 정수, None 또는 numpy.random.Generator.
    """
    n_samples = _check_n_samples(n_samples, 2)
    noise = v.check_nonnegative(noise, "noise")
    rng = as_generator(seed)

    n_upper, n_lower = _class_sizes(n_samples, 2)
    theta_upper = np.linspace(0.0, np.pi, n_upper)
    theta_lower = np.linspace(0.0, np.pi, n_lower)
    upper = np.column_stack([np.cos(theta_upper), np.sin(theta_upper)])
    lower = np.column_stack([1.0 - np.cos(theta_lower), 0.5 - np.sin(theta_lower)])
    labels = np.concatenate([np.zeros(n_upper, np.int64), np.ones(n_lower, np.int64)])
    return _add_noise_and_shuffle(np.concatenate([upper, lower]), labels, noise, rng)


def circles(
    n_samples: int = 200, *, noise: float = 0.05, factor: float = 0.5, seed: Any = 0
) -> tuple[np.ndarray, np.ndarray]:
    """원점을 중심으로 하는 큰 원(클래스 0)과 작은 원(클래스 1)을 만듭니다.

    θ를 0부터 2π까지 (2π는 빼고) 고르게 나눈 각도라고 하면

        클래스 0 (바깥 원): (cos θ, sin θ)                 반지름 1
        클래스 1 (안쪽 원): factor · (cos θ, sin θ)        반지름 factor

    에 잡음 noise · ε (ε ~ N(0, I))을 더합니다. 안쪽 원이 바깥 원에 완전히 둘러싸여
    있어서 직선 하나로는 나눌 수 없습니다.

    Args:
        n_samples: 점의 총 개수 (2 이상).
        noise: 좌표에 더하는 가우스 잡음의 표준편차 (0 이상).
        factor: 안쪽 원의 반지름, 0과 1 사이 (양 끝 제외).
        seed: 정수, None 또는 numpy.random.Generator.
    """
    n_samples = _check_n_samples(n_samples, 2)
    noise = v.check_nonnegative(noise, "noise")
    factor = v.check_in_range(factor, "factor", 0.0, 1.0, low_inclusive=False)
    rng = as_generator(seed)

    n_outer, n_inner = _class_sizes(n_samples, 2)
    theta_outer = np.linspace(0.0, 2.0 * np.pi, n_outer, endpoint=False)
    theta_inner = np.linspace(0.0, 2.0 * np.pi, n_inner, endpoint=False)
    outer = np.column_stack([np.cos(theta_outer), np.sin(theta_outer)])
    inner = factor * np.column_stack([np.cos(theta_inner), np.sin(theta_inner)])
    labels = np.concatenate([np.zeros(n_outer, np.int64), np.ones(n_inner, np.int64)])
    return _add_noise_and_shuffle(np.concatenate([outer, inner]), labels, noise, rng)
