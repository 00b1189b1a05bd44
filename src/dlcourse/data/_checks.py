"""입력 데이터 (X, y) 쌍을 한 번에 검사하는 도우미.

train_val_split과 미니배치가 함께 씁니다. 검사는 계산을 시작하기 전에 한 번만 합니다.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import _validate as v

__all__ = ["check_xy"]


def check_xy(X: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    """X와 y가 샘플 수가 같은 숫자 배열인지, NaN이나 inf가 없는지 확인합니다.

    X는 실수 배열로 바꿔 돌려줍니다 (float32는 그대로, 나머지는 float64).
    y는 자료형을 바꾸지 않습니다 (정수 레이블은 정수로, 실수 목표값은 실수로 남습니다).
    첫 번째 축이 샘플 축입니다: X[i]와 y[i]가 샘플 i의 입력과 정답입니다.
    """
    X = v.as_float_array(X, "X")
    if X.ndim == 0:
        raise ValueError(
            "X는 샘플 축이 있는 배열이어야 합니다 (받은 것은 스칼라 하나). "
            "모양이 (샘플 수, 특성 수)인 배열을 넘겨 주세요."
        )
    y = np.asarray(y)
    if y.dtype.kind not in "biuf":
        raise TypeError(
            f"y에는 숫자만 넣을 수 있습니다 (받은 자료형: {y.dtype}). "
            "정수 레이블이나 실수 목표값 배열을 넘겨 주세요. 클래스 이름 문자열이라면 "
            "먼저 0, 1, 2, ... 같은 정수로 바꿔 주세요."
        )
    if y.ndim == 0:
        raise ValueError(
            "y는 샘플 축이 있는 배열이어야 합니다 (받은 것은 스칼라 하나). "
            "모양이 (샘플 수,)나 (샘플 수, 출력 수)인 배열을 넘겨 주세요."
        )
    if len(X) != len(y):
        raise ValueError(
            f"X와 y의 샘플 수가 다릅니다: X는 {len(X)}개 (모양 {X.shape}), "
            f"y는 {len(y)}개 (모양 {y.shape})입니다. "
            "X[i]와 y[i]가 같은 샘플이 되도록 두 배열의 첫 번째 축 길이를 맞춰 주세요."
        )
    if len(X) == 0:
        raise ValueError("X와 y에 샘플이 하나도 없습니다. 샘플이 1개 이상 있어야 합니다.")
    v.check_finite(X, "X")
    v.check_finite(y, "y")
    return X, y
