"""강의에서 쓰는 작은 실제 데이터: XOR, 붓꽃(Iris), 손글씨 숫자(digits).

붓꽃과 손글씨 숫자는 패키지 안의 CSV 파일(`dlcourse/data/files/`)에서 읽습니다.
인터넷에서 내려받지 않으며, 파일의 출처와 라이선스는 같은 폴더의 `SOURCES.md`에
적혀 있습니다.

파일은 처음 부를 때 한 번만 읽어 메모리에 담아 두고(캐시), 그 뒤로는 담아 둔 배열의
복사본을 돌려줍니다. 그래서 여러 번 불러도 빠르고, 돌려받은 배열을 고쳐도 다음 호출의
결과는 그대로입니다. `import dlcourse.data`만으로는 파일을 읽지 않습니다.
"""

from __future__ import annotations

import functools
import gzip
from dataclasses import dataclass
from importlib import resources

import numpy as np

__all__ = [
    "DatasetInfo",
    "IRIS",
    "DIGITS",
    "IRIS_FEATURE_NAMES",
    "IRIS_FEATURE_NAMES_KO",
    "IRIS_CLASS_NAMES",
    "IRIS_CLASS_NAMES_KO",
    "xor",
    "iris",
    "digits",
]


@dataclass(frozen=True)
class DatasetInfo:
    """데이터셋 하나에 대한 설명 (이름, 특성 이름, 클래스 이름, 출처).

    특성 이름과 클래스 이름은 영어(`feature_names`, `class_names`)와
    한국어(`feature_names_ko`, `class_names_ko`)를 같은 순서로 가집니다.
    `class_names[k]`는 정답 레이블 k의 이름입니다.
    """

    name: str
    name_ko: str
    n_samples: int
    feature_names: tuple[str, ...]
    feature_names_ko: tuple[str, ...]
    class_names: tuple[str, ...]
    class_names_ko: tuple[str, ...]
    source: str
    licence: str

    @property
    def n_features(self) -> int:
        """특성(입력 열)의 개수입니다."""
        return len(self.feature_names)

    @property
    def n_classes(self) -> int:
        """클래스(정답 종류)의 개수입니다."""
        return len(self.class_names)


IRIS_FEATURE_NAMES = (
    "sepal length (cm)",
    "sepal width (cm)",
    "petal length (cm)",
    "petal width (cm)",
)
IRIS_FEATURE_NAMES_KO = (
    "꽃받침 길이 (cm)",
    "꽃받침 너비 (cm)",
    "꽃잎 길이 (cm)",
    "꽃잎 너비 (cm)",
)
IRIS_CLASS_NAMES = ("setosa", "versicolor", "virginica")
# 품종 이름은 한국어 머신러닝 교재에서 흔히 쓰는 음역을 따릅니다.
# setosa는 우리나라에도 자라는 종이라 식물 이름으로는 '부채붓꽃'이라고도 합니다.
IRIS_CLASS_NAMES_KO = ("세토사", "버시컬러", "버지니카")

IRIS = DatasetInfo(
    name="iris",
    name_ko="붓꽃",
    n_samples=150,
    feature_names=IRIS_FEATURE_NAMES,
    feature_names_ko=IRIS_FEATURE_NAMES_KO,
    class_names=IRIS_CLASS_NAMES,
    class_names_ko=IRIS_CLASS_NAMES_KO,
    source=(
        "R. A. Fisher (1936), UCI Machine Learning Repository 'Iris'; "
        "파일은 scikit-learn의 sklearn/datasets/data/iris.csv에서 가져왔습니다."
    ),
    licence="데이터: CC BY 4.0 (UCI), 파일: BSD-3-Clause (scikit-learn)",
)

DIGITS = DatasetInfo(
    name="digits",
    name_ko="손글씨 숫자 (8×8)",
    n_samples=1797,
    feature_names=tuple(f"pixel_{r}_{c}" for r in range(8) for c in range(8)),
    feature_names_ko=tuple(f"픽셀 ({r}행, {c}열)" for r in range(8) for c in range(8)),
    class_names=tuple(str(d) for d in range(10)),
    class_names_ko=tuple(f"숫자 {d}" for d in range(10)),
    source=(
        "E. Alpaydin, C. Kaynak (1998), UCI Machine Learning Repository "
        "'Optical Recognition of Handwritten Digits' (테스트 세트 1797개); "
        "파일은 scikit-learn의 sklearn/datasets/data/digits.csv.gz에서 가져왔습니다."
    ),
    licence="데이터: CC BY 4.0 (UCI), 파일: BSD-3-Clause (scikit-learn)",
)


def xor() -> tuple[np.ndarray, np.ndarray]:
    """XOR(배타적 논리합) 문제의 네 점을 돌려줍니다.

    입력 x = (x1, x2)는 0과 1의 네 조합이고, 정답은 둘 중 하나만 1일 때 1입니다.

        y = x1 XOR x2 = x1 + x2 - 2 * x1 * x2

    | x1 | x2 | y |
    |----|----|---|
    | 0  | 0  | 0 |
    | 0  | 1  | 1 |
    | 1  | 0  | 1 |
    | 1  | 1  | 0 |

    두 클래스를 직선 하나로 나눌 수 없어서, 은닉층 없는 퍼셉트론은 풀지 못하고
    은닉층이 있는 다층 퍼셉트론은 풀 수 있습니다.

    Returns:
        X: 모양 (4, 2), float64.
        y: 모양 (4,), int64 정답 레이블 [0, 1, 1, 0].
            MSE처럼 열 벡터가 필요하면 `y[:, None]`로 (4, 1)을 만들어 쓰세요.
    """
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([0, 1, 1, 0], dtype=np.int64)
    return X, y


def _data_file(filename: str):
    """패키지에 들어 있는 데이터 파일의 위치를 돌려줍니다."""
    return resources.files("dlcourse.data") / "files" / filename


def _read_only(*arrays: np.ndarray) -> None:
    """캐시에 담아 둘 배열이 실수로 바뀌지 않도록 쓰기를 막습니다."""
    for array in arrays:
        array.flags.writeable = False


@functools.lru_cache(maxsize=1)
def _load_iris_arrays() -> tuple[np.ndarray, np.ndarray]:
    """iris.csv를 한 번 읽어 (X, y)를 만듭니다. 결과는 캐시됩니다."""
    lines = _data_file("iris.csv").read_text(encoding="ascii").splitlines()
    rows = [line.split(",") for line in lines[1:] if line]
    X = np.array([[float(value) for value in row[:4]] for row in rows])
    y = np.array([IRIS_CLASS_NAMES.index(row[4]) for row in rows], dtype=np.int64)
    _read_only(X, y)
    return X, y


@functools.lru_cache(maxsize=1)
def _load_digits_arrays() -> tuple[np.ndarray, np.ndarray]:
    """digits.csv.gz를 한 번 읽어 (X, y)를 만듭니다. 결과는 캐시됩니다."""
    with (
        _data_file("digits.csv.gz").open("rb") as raw,
        gzip.open(raw, "rt", encoding="ascii") as text,
    ):
        table = np.loadtxt(text, delimiter=",", skiprows=1, dtype=np.int64)
    X = table[:, :64].astype(np.float64)
    y = table[:, 64].copy()
    _read_only(X, y)
    return X, y


def iris() -> tuple[np.ndarray, np.ndarray]:
    """붓꽃(Iris) 데이터 150개를 돌려줍니다 (R. A. Fisher, 1936).

    붓꽃 세 품종(setosa, versicolor, virginica)에서 50송이씩 꽃받침과 꽃잎의
    길이와 너비를 cm 단위로 잰 값입니다. 행은 품종 순서대로 50개씩 놓여 있으므로
    학습에 쓸 때는 섞어서(미니배치의 shuffle, train_val_split) 쓰세요.

    특성과 클래스의 이름은 `dl.data.IRIS` (DatasetInfo)에 있습니다:
    `IRIS.feature_names_ko` = 꽃받침 길이, 꽃받침 너비, 꽃잎 길이, 꽃잎 너비 (cm),
    `IRIS.class_names_ko` = 세토사, 버시컬러, 버지니카 (레이블 0, 1, 2).

    Returns:
        X: 모양 (150, 4), float64, 단위 cm.
        y: 모양 (150,), int64, 값은 0, 1, 2 (품종마다 50개).
    """
    X, y = _load_iris_arrays()
    return X.copy(), y.copy()


def digits(*, images: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """8×8 손글씨 숫자 데이터 1797개를 돌려줍니다 (UCI optical digits).

    숫자 0~9를 손으로 쓴 32×32 흑백 그림을 겹치지 않는 4×4 칸으로 나누고, 칸마다 켜진(글씨가 지나간)
    픽셀 수를 센 값입니다. 그래서 각 픽셀은 0(빈 칸)부터 16(꽉 찬 칸)까지의 정수입니다.
    신경망에 넣기 전에 흔히 `X / 16`으로 0~1 범위로 맞춥니다.

    Args:
        images: False(기본값)이면 그림 하나를 한 줄로 편 (1797, 64) 배열을,
            True이면 (1797, 8, 8) 그림 배열을 돌려줍니다. 한 줄로 편 순서는
            행 우선입니다: 특성 번호 = 8 * 행 + 열.

    Returns:
        X: 모양 (1797, 64) 또는 (1797, 8, 8), float64, 값은 0~16.
        y: 모양 (1797,), int64, 그림 속 숫자 0~9.
    """
    if not isinstance(images, bool):
        raise TypeError(f"images에는 True나 False만 넣을 수 있습니다 (받은 값: {images!r}).")
    X, y = _load_digits_arrays()
    X = X.copy()
    if images:
        X = X.reshape(-1, 8, 8)
    return X, y.copy()
