"""훈련 세트와 검증 세트로 나누기 (train / validation split)."""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import _validate as v
from ._checks import check_xy
from ._random import as_generator

__all__ = ["train_val_split"]


def _n_val(fraction: float, count: np.ndarray) -> np.ndarray:
    """검증 세트로 보낼 개수: fraction · count를 반올림(0.5는 올림)한 값."""
    return np.floor(fraction * count + 0.5).astype(np.int64)


def _is_label_vector(y: np.ndarray) -> bool:
    """y가 정수 클래스 레이블 벡터 (모양 (N,), 정수형)인지."""
    return y.ndim == 1 and y.dtype.kind in "biu"


def train_val_split(
    X: Any,
    y: Any,
    val_fraction: float = 0.2,
    *,
    seed: Any = 0,
    stratify: bool = True,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """데이터를 무작위로 훈련 세트와 검증 세트로 나눕니다.

    샘플 N개 가운데 n_val = round(val_fraction · N)개를 검증 세트로, 나머지를 훈련
    세트로 보냅니다 (반올림에서 0.5는 올립니다).

    층화(stratify): stratify=True이고 y가 정수 클래스 레이블 (모양 (N,))이면
    클래스 c마다 따로 n_val,c = round(val_fraction · N_c)개를 뽑습니다 (N_c는 클래스 c의
    샘플 수). 그래서 두 세트의 클래스 비율이 원래 데이터와 거의 같습니다.
    y가 실수 목표값이거나 2차원이면 층화하지 않고 전체에서 무작위로 나눕니다.

    두 세트 안의 순서도 섞여 있습니다. 같은 seed면 언제나 같은 결과가 나옵니다.

    Args:
        X: 입력, 첫 번째 축이 샘플 축. 숫자, 유한값만.
        y: 정답, 첫 번째 축 길이가 X와 같아야 합니다.
        val_fraction: 검증 세트 비율, 0과 1 사이 (양 끝 제외).
        seed: 정수, None 또는 numpy.random.Generator.
        stratify: 클래스 비율을 지켜 나눌지 여부.

    Returns:
        X_train, X_val, y_train, y_val (복사본; 원래 배열과 메모리를 나누지 않습니다).
    """
    X, y = check_xy(X, y)
    val_fraction = v.check_in_range(
        val_fraction, "val_fraction", 0.0, 1.0, low_inclusive=False, high_inclusive=False
    )
    if not isinstance(stratify, (bool, np.bool_)):
        raise TypeError(f"stratify에는 True나 False만 넣을 수 있습니다 (받은 값: {stratify!r}).")
    rng = as_generator(seed)
    n_samples = len(X)
    by_class = bool(stratify) and _is_label_vector(y)

    if by_class:
        classes, counts = np.unique(y, return_counts=True)
        n_val_per_class = _n_val(val_fraction, counts)
        n_val = int(n_val_per_class.sum())
    else:
        n_val = int(_n_val(val_fraction, np.array(n_samples)))
    if n_val == 0 or n_val == n_samples:
        raise ValueError(
            f"나눈 뒤 한쪽이 비게 됩니다: 샘플 {n_samples}개, val_fraction={val_fraction}이면 "
            f"검증 세트 {n_val}개, 훈련 세트 {n_samples - n_val}개입니다. "
            "두 세트 모두 1개 이상이 되도록 val_fraction을 조정하거나 샘플을 늘리세요."
        )

    if by_class:
        val_parts, train_parts = [], []
        for c, n_val_c in zip(classes, n_val_per_class, strict=True):
            members = rng.permutation(np.flatnonzero(y == c))
            val_parts.append(members[:n_val_c])
            train_parts.append(members[n_val_c:])
        val_idx = rng.permutation(np.concatenate(val_parts))
        train_idx = rng.permutation(np.concatenate(train_parts))
    else:
        order = rng.permutation(n_samples)
        val_idx, train_idx = order[:n_val], order[n_val:]

    return X[train_idx], X[val_idx], y[train_idx], y[val_idx]
