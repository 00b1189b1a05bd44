"""미니배치(mini-batch): 훈련 데이터를 에폭마다 섞어 N_B개씩 잘라 줍니다.

샘플이 N개이고 미니배치 크기가 N_B이면 한 에폭(epoch)은

    ceil(N / N_B)  개의 미니배치 (마지막 것은 N_B보다 작을 수 있음)

로 이루어집니다. drop_last=True이면 모자란 마지막 미니배치를 버려 floor(N / N_B)개가
됩니다. 어느 쪽이든 버리지 않는 한 모든 샘플이 한 에폭에 정확히 한 번씩 나옵니다.

    batches = dl.data.MiniBatches(X, y, batch_size=15, seed=0)   # 검사는 여기서 한 번
    for epoch in range(100):
        for Xb, yb in batches:       # 에폭마다 새로 섞습니다
            ...

섞는 방법: 에폭을 시작할 때 순열(permutation) 하나를 뽑아 X와 y를 그 순서로 한 번에
다시 늘어놓고, 미니배치는 그 배열을 앞에서부터 자른 조각(뷰, view)으로 줍니다.
미니배치마다 따로 검사하거나 복사하지 않으므로 빠릅니다. 미니배치는 읽기 전용이라
실수로 고쳐 써서 원래 데이터가 바뀌는 일은 없습니다.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from .. import _validate as v
from ._checks import check_xy
from ._random import as_generator

__all__ = ["n_batches", "MiniBatches", "minibatches"]


def _check_bool(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name}에는 True나 False만 넣을 수 있습니다 (받은 값: {value!r}).")
    return bool(value)


def n_batches(n_samples: int, batch_size: int, drop_last: bool = False) -> int:
    """한 에폭의 미니배치 개수를 셉니다.

        drop_last=False:  ceil(N / N_B)   (마지막의 작은 미니배치도 셉니다)
        drop_last=True:   floor(N / N_B)  (N_B개가 다 찬 미니배치만 셉니다)

    예: N = 150, N_B = 15 이면 10개, N = 150, N_B = 40 이면 4개 (drop_last=True면 3개).
    """
    n_samples = v.check_positive_int(n_samples, "n_samples", minimum=0)
    batch_size = v.check_positive_int(batch_size, "batch_size")
    drop_last = _check_bool(drop_last, "drop_last")
    full, remainder = divmod(n_samples, batch_size)
    return full if drop_last or remainder == 0 else full + 1


class MiniBatches:
    """(X, y)를 미니배치로 나누는 반복 가능한(iterable) 객체입니다.

    `for Xb, yb in batches:` 한 번이 한 에폭입니다. shuffle=True이면 에폭마다 seed의
    생성기로 새 순서를 뽑으므로, 같은 seed로 만든 MiniBatches는 에폭별 순서까지
    똑같이 재현됩니다. `len(batches)`는 한 에폭의 미니배치 개수입니다.

    Args:
        X: 입력, 첫 번째 축이 샘플 축 (예: 모양 (N, 특성 수)). 숫자, 유한값만.
        y: 정답, 첫 번째 축 길이가 N (정수 레이블 (N,)이나 목표값 (N, 출력 수)).
        batch_size: 미니배치 크기 N_B (1 이상의 정수). N보다 크면 미니배치 하나에
            전체가 들어갑니다 (배치 경사 하강법).
        shuffle: True이면 에폭마다 섞고, False이면 주어진 순서대로 자릅니다.
        seed: 섞을 때 쓸 정수, None 또는 numpy.random.Generator.
            Generator를 주면 그 생성기를 함께 쓰며 상태를 앞으로 나아가게 합니다.
        drop_last: True이면 N_B보다 작은 마지막 미니배치를 버립니다.
    """

    def __init__(
        self,
        X: Any,
        y: Any,
        batch_size: int,
        *,
        shuffle: bool = True,
        seed: Any = None,
        drop_last: bool = False,
    ) -> None:
        X, y = check_xy(X, y)
        self.batch_size = v.check_positive_int(batch_size, "batch_size")
        self.shuffle = _check_bool(shuffle, "shuffle")
        self.drop_last = _check_bool(drop_last, "drop_last")
        self.rng = as_generator(seed)
        self.n_samples = len(X)
        self.n_batches = n_batches(self.n_samples, self.batch_size, self.drop_last)
        if self.n_batches == 0:
            raise ValueError(
                f"미니배치가 하나도 만들어지지 않습니다: 샘플은 {self.n_samples}개인데 "
                f"batch_size는 {self.batch_size}이고 drop_last=True입니다. "
                f"batch_size를 {self.n_samples} 이하로 줄이거나 drop_last=False로 두세요."
            )
        # 원래 배열은 건드리지 않도록 읽기 전용 뷰로 들고 있습니다.
        self.X = X.view()
        self.y = y.view()
        self.X.flags.writeable = False
        self.y.flags.writeable = False
        # 마지막 미니배치가 끝나는 위치: drop_last면 다 찬 미니배치까지만.
        self._end = self.n_batches * self.batch_size if self.drop_last else self.n_samples

    def __len__(self) -> int:
        return self.n_batches

    def __iter__(self) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """한 에폭 동안 (Xb, yb)를 차례로 돌려줍니다."""
        if self.shuffle:
            order = self.rng.permutation(self.n_samples)
            X, y = self.X[order], self.y[order]
            X.flags.writeable = False
            y.flags.writeable = False
        else:
            X, y = self.X, self.y
        step = self.batch_size
        for start in range(0, self._end, step):
            yield X[start : start + step], y[start : start + step]

    def __repr__(self) -> str:
        return (
            f"MiniBatches(n_samples={self.n_samples}, batch_size={self.batch_size}, "
            f"n_batches={self.n_batches}, shuffle={self.shuffle}, drop_last={self.drop_last})"
        )


def minibatches(
    X: Any,
    y: Any,
    batch_size: int,
    *,
    shuffle: bool = True,
    seed: Any = None,
    drop_last: bool = False,
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """한 에폭 분량의 미니배치 (Xb, yb)를 차례로 돌려주는 반복자(iterator)입니다.

    `iter(MiniBatches(X, y, batch_size, ...))`와 같습니다. 입력 검사는 이 함수를
    부르는 순간 한 번 합니다.

    여러 에폭을 돌 때 정수 seed를 에폭마다 똑같이 넘기면 매번 같은 순서가 나옵니다.
    에폭마다 다른 순서를 원하면 생성기 하나를 만들어 넘기거나
    (`rng = np.random.default_rng(0)` 후 `seed=rng`), MiniBatches 객체를 한 번 만들어
    여러 번 반복하세요.
    """
    batches = MiniBatches(X, y, batch_size, shuffle=shuffle, seed=seed, drop_last=drop_last)
    return iter(batches)
