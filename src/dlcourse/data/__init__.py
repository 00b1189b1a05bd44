"""강의용 데이터: 실제 데이터, 장난감 데이터, 나누기, 미니배치.

모든 데이터는 인터넷 없이 씁니다. 실제 데이터는 패키지 안의 CSV에서 읽고,
장난감 데이터는 식으로 만듭니다. 무작위가 들어가는 함수는 모두 `seed`
(정수, None 또는 numpy.random.Generator)를 받으며, 같은 seed면 같은 결과가 나옵니다.

실제 데이터 (처음 부를 때 한 번 읽고 캐시합니다)
    X, y = dl.data.xor()        # (4, 2), XOR의 네 점
    X, y = dl.data.iris()       # (150, 4), 붓꽃 세 품종; 이름은 dl.data.IRIS
    X, y = dl.data.digits()     # (1797, 64), 8×8 손글씨 숫자 0~9; 이름은 dl.data.DIGITS

장난감 데이터 (직선으로 나눌 수 없는 2차원 점들)
    X, y = dl.data.spirals(n_samples=300, n_classes=2, noise=0.05, seed=0)
    X, y = dl.data.moons(n_samples=200, noise=0.1, seed=0)
    X, y = dl.data.circles(n_samples=200, noise=0.05, factor=0.5, seed=0)

나누기와 미니배치
    X_train, X_val, y_train, y_val = dl.data.train_val_split(X, y, val_fraction=0.2, seed=0)
    batches = dl.data.MiniBatches(X_train, y_train, batch_size=15, seed=0)
    for epoch in range(10):
        for Xb, yb in batches:      # 에폭마다 새로 섞은 미니배치
            ...
    dl.data.n_batches(150, 15)      # 한 에폭의 미니배치 수 ceil(N / N_B) = 10
"""

from __future__ import annotations

from .batches import MiniBatches, minibatches, n_batches
from .datasets import (
    DIGITS,
    IRIS,
    IRIS_CLASS_NAMES,
    IRIS_CLASS_NAMES_KO,
    IRIS_FEATURE_NAMES,
    IRIS_FEATURE_NAMES_KO,
    DatasetInfo,
    digits,
    iris,
    xor,
)
from .split import train_val_split
from .synthetic import circles, moons, spirals

__all__ = [
    "xor",
    "iris",
    "digits",
    "DatasetInfo",
    "IRIS",
    "DIGITS",
    "IRIS_FEATURE_NAMES",
    "IRIS_FEATURE_NAMES_KO",
    "IRIS_CLASS_NAMES",
    "IRIS_CLASS_NAMES_KO",
    "spirals",
    "moons",
    "circles",
    "train_val_split",
    "n_batches",
    "MiniBatches",
    "minibatches",
]
