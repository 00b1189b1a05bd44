"""dlcourse.data 테스트: 실제 데이터, 장난감 데이터, 나누기, 미니배치, 잘못된 입력.

기대값은 모두 코드 밖에서 왔습니다: 원본 파일에서 손으로 옮겨 적은 행,
널리 알려진 붓꽃 통계, 곡선의 식, ceil/floor 같은 직접 계산.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
from importlib import resources

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dlcourse as dl

HANGUL = re.compile("[가-힣]")


def assert_korean(excinfo, *fragments):
    """오류 메시지가 한국어이고, 주어진 조각(크기, 이름 등)을 모두 담고 있는지."""
    message = str(excinfo.value)
    assert HANGUL.search(message), message
    for fragment in fragments:
        assert fragment in message, (fragment, message)


# ---------------------------------------------------------------- XOR


def test_xor_is_the_truth_table():
    X, y = dl.data.xor()
    assert X.shape == (4, 2) and X.dtype == np.float64
    assert y.shape == (4,) and np.issubdtype(y.dtype, np.integer)
    np.testing.assert_array_equal(X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(y, [0, 1, 1, 0])


# ---------------------------------------------------------------- Iris


def test_iris_shape_dtype_and_class_counts():
    X, y = dl.data.iris()
    assert X.shape == (150, 4) and X.dtype == np.float64
    assert y.shape == (150,) and y.dtype == np.int64
    assert set(np.unique(y)) == {0, 1, 2}
    np.testing.assert_array_equal(np.bincount(y), [50, 50, 50])
    # 원본 파일은 품종별로 50개씩 차례로 놓여 있습니다.
    np.testing.assert_array_equal(y, np.repeat([0, 1, 2], 50))


def test_iris_known_rows():
    X, y = dl.data.iris()
    np.testing.assert_array_equal(X[0], [5.1, 3.5, 1.4, 0.2])
    assert y[0] == 0
    np.testing.assert_array_equal(X[-1], [5.9, 3.0, 5.1, 1.8])
    assert y[-1] == 2
    # Fisher 논문(=R의 iris) 값: UCI iris.data는 35번째와 38번째 샘플이 이 값과 다릅니다.
    np.testing.assert_array_equal(X[34], [4.9, 3.1, 1.5, 0.2])
    np.testing.assert_array_equal(X[37], [4.9, 3.6, 1.4, 0.1])


def test_iris_column_means_match_the_published_values():
    # R: colMeans(iris[, 1:4]) = 5.843333 3.057333 3.758000 1.199333
    X, _ = dl.data.iris()
    np.testing.assert_allclose(X.mean(axis=0), [5.843333, 3.057333, 3.758000, 1.199333], atol=5e-7)


def test_iris_names():
    assert dl.data.IRIS_FEATURE_NAMES == (
        "sepal length (cm)",
        "sepal width (cm)",
        "petal length (cm)",
        "petal width (cm)",
    )
    assert dl.data.IRIS_FEATURE_NAMES_KO == (
        "꽃받침 길이 (cm)",
        "꽃받침 너비 (cm)",
        "꽃잎 길이 (cm)",
        "꽃잎 너비 (cm)",
    )
    assert dl.data.IRIS_CLASS_NAMES == ("setosa", "versicolor", "virginica")
    assert dl.data.IRIS_CLASS_NAMES_KO == ("세토사", "버시컬러", "버지니카")
    info = dl.data.IRIS
    assert isinstance(info, dl.data.DatasetInfo)
    assert info.feature_names == dl.data.IRIS_FEATURE_NAMES
    assert info.feature_names_ko == dl.data.IRIS_FEATURE_NAMES_KO
    assert info.class_names_ko == dl.data.IRIS_CLASS_NAMES_KO
    assert (info.n_samples, info.n_features, info.n_classes) == (150, 4, 3)
    assert "Fisher" in info.source and "CC BY 4.0" in info.licence


# ---------------------------------------------------------------- Digits

# 원본 파일(scikit-learn digits.csv.gz)의 첫 줄을 손으로 8개씩 옮겨 적은 것입니다.
FIRST_DIGIT_IMAGE = [
    [0, 0, 5, 13, 9, 1, 0, 0],
    [0, 0, 13, 15, 10, 15, 5, 0],
    [0, 3, 15, 2, 0, 11, 8, 0],
    [0, 4, 12, 0, 0, 8, 8, 0],
    [0, 5, 8, 0, 0, 9, 8, 0],
    [0, 4, 11, 0, 1, 12, 7, 0],
    [0, 2, 14, 5, 10, 12, 0, 0],
    [0, 0, 6, 13, 10, 0, 0, 0],
]


def test_digits_shape_dtype_values_and_class_counts():
    X, y = dl.data.digits()
    assert X.shape == (1797, 64) and X.dtype == np.float64
    assert y.shape == (1797,) and y.dtype == np.int64
    assert X.min() == 0 and X.max() == 16
    np.testing.assert_array_equal(X, np.round(X))  # 픽셀은 0~16의 정수
    np.testing.assert_array_equal(
        np.bincount(y), [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    )


def test_digits_known_samples():
    X, y = dl.data.digits()
    np.testing.assert_array_equal(X[0], np.ravel(FIRST_DIGIT_IMAGE))
    assert y[0] == 0
    # 원본 파일의 마지막 줄: 첫 8픽셀 0,0,10,14,8,1,0,0 ... 레이블 8
    np.testing.assert_array_equal(X[-1, :8], [0, 0, 10, 14, 8, 1, 0, 0])
    assert y[-1] == 8


def test_digits_images_flag_gives_8x8_in_row_major_order():
    images, y = dl.data.digits(images=True)
    assert images.shape == (1797, 8, 8) and images.dtype == np.float64
    np.testing.assert_array_equal(images[0], FIRST_DIGIT_IMAGE)
    flat, _ = dl.data.digits()
    assert images[123, 3, 5] == flat[123, 8 * 3 + 5]
    assert dl.data.DIGITS.feature_names[8 * 3 + 5] == "pixel_3_5"
    assert dl.data.DIGITS.n_classes == 10 and dl.data.DIGITS.n_features == 64


# ---------------------------------------------------------------- loading and caching


def test_loaders_return_fresh_copies():
    X, y = dl.data.iris()
    X[0, 0] = -1.0
    y[0] = 7
    X2, y2 = dl.data.iris()
    assert X2[0, 0] == 5.1 and y2[0] == 0
    D, _ = dl.data.digits()
    D[:] = 99.0
    assert dl.data.digits()[0].max() == 16


def test_loaders_parse_the_file_only_once():
    from dlcourse.data import datasets

    dl.data.digits()
    before = datasets._load_digits_arrays.cache_info()
    for _ in range(3):
        dl.data.digits()
    after = datasets._load_digits_arrays.cache_info()
    assert after.misses == before.misses
    assert after.hits == before.hits + 3


def test_import_is_lazy_and_does_not_pull_plotting():
    code = (
        "import sys, dlcourse.data\n"
        "from dlcourse.data import datasets\n"
        "assert datasets._load_iris_arrays.cache_info().currsize == 0\n"
        "assert datasets._load_digits_arrays.cache_info().currsize == 0\n"
        "assert 'matplotlib' not in sys.modules and 'ipywidgets' not in sys.modules\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_shipped_files_are_plain_text_csv_with_sources():
    folder = resources.files("dlcourse.data") / "files"
    iris_text = (folder / "iris.csv").read_text(encoding="ascii")
    assert iris_text.splitlines()[0] == (
        "sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,species"
    )
    assert len(iris_text.splitlines()) == 151
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    for needle in ("iris.csv", "digits.csv.gz", "CC BY 4.0", "BSD-3-Clause"):
        assert needle in sources
    names = {entry.name for entry in folder.iterdir()}
    assert not any(name.endswith((".pkl", ".pickle", ".npy", ".npz")) for name in names)


# ---------------------------------------------------------------- toy data


@pytest.mark.parametrize(
    "make, kwargs, n_expected, counts",
    [
        (dl.data.spirals, {}, 300, [150, 150]),
        (dl.data.spirals, {"n_samples": 100, "n_classes": 3}, 100, [34, 33, 33]),
        (dl.data.moons, {}, 200, [100, 100]),
        (dl.data.moons, {"n_samples": 51}, 51, [26, 25]),
        (dl.data.circles, {}, 200, [100, 100]),
        (dl.data.circles, {"n_samples": 7}, 7, [4, 3]),
    ],
)
def test_toy_data_shapes_and_balanced_classes(make, kwargs, n_expected, counts):
    X, y = make(**kwargs)
    assert X.shape == (n_expected, 2) and X.dtype == np.float64
    assert y.shape == (n_expected,) and np.issubdtype(y.dtype, np.integer)
    np.testing.assert_array_equal(np.bincount(y), counts)
    assert np.isfinite(X).all()
    # 행이 섞여 있어 첫 절반이 한 클래스로만 채워져 있지 않습니다.
    assert len(np.unique(y[: n_expected // 2])) > 1


@pytest.mark.parametrize("make", [dl.data.spirals, dl.data.moons, dl.data.circles])
def test_toy_data_is_deterministic_per_seed(make):
    X1, y1 = make(seed=3)
    X2, y2 = make(seed=3)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    X3, _ = make(seed=4)
    assert not np.allclose(X1, X3)
    # Generator를 넘기면 같은 씨앗의 정수를 넘긴 것과 같은 수를 씁니다.
    X4, y4 = make(seed=np.random.default_rng(3))
    np.testing.assert_array_equal(X1, X4)
    np.testing.assert_array_equal(y1, y4)


def test_shared_generator_advances_between_calls():
    rng = np.random.default_rng(0)
    X1, _ = dl.data.moons(seed=rng)
    X2, _ = dl.data.moons(seed=rng)
    assert not np.allclose(X1, X2)


@pytest.mark.parametrize("n_classes, turns", [(2, 1.0), (3, 1.0), (3, 0.75)])
def test_spirals_without_noise_lie_on_the_formula(n_classes, turns):
    X, y = dl.data.spirals(n_samples=60 * n_classes, n_classes=n_classes, noise=0.0, turns=turns)
    r = np.hypot(X[:, 0], X[:, 1])
    for k in range(n_classes):
        rk = np.sort(r[y == k])
        # r = (i + 1) / n_k, i = 0..n_k-1
        np.testing.assert_allclose(rk, np.arange(1, 61) / 60, atol=1e-12)
    # 각도: θ = 2π (k/K + turns · r)  (2π의 배수만큼 차이는 같은 방향)
    expected = 2 * np.pi * (y / n_classes + turns * r)
    angle_gap = np.angle(np.exp(1j * (np.arctan2(X[:, 1], X[:, 0]) - expected)))
    np.testing.assert_allclose(angle_gap, 0.0, atol=1e-9)


def test_moons_without_noise_lie_on_two_half_circles():
    X, y = dl.data.moons(n_samples=101, noise=0.0)
    upper, lower = X[y == 0], X[y == 1]
    np.testing.assert_allclose(np.hypot(upper[:, 0], upper[:, 1]), 1.0, atol=1e-12)
    assert (upper[:, 1] >= -1e-12).all()
    np.testing.assert_allclose(np.hypot(lower[:, 0] - 1.0, lower[:, 1] - 0.5), 1.0, atol=1e-12)
    assert (lower[:, 1] <= 0.5 + 1e-12).all()


def test_circles_without_noise_have_radius_one_and_factor():
    X, y = dl.data.circles(n_samples=80, noise=0.0, factor=0.3)
    r = np.hypot(X[:, 0], X[:, 1])
    np.testing.assert_allclose(r[y == 0], 1.0, atol=1e-12)
    np.testing.assert_allclose(r[y == 1], 0.3, atol=1e-12)


def test_noise_has_the_requested_standard_deviation():
    # 잡음 ε ~ N(0, σ² I)이면 바깥 원 위 점에서 반지름 방향 편차의 표준편차도 σ입니다 (σ ≪ 1).
    X, y = dl.data.circles(n_samples=20000, noise=0.01, seed=1)
    deviation = np.hypot(X[y == 0, 0], X[y == 0, 1]) - 1.0
    assert abs(deviation.std() - 0.01) < 0.0005
    assert abs(deviation.mean()) < 0.0005


# ---------------------------------------------------------------- train_val_split


def test_split_iris_is_stratified_and_sized():
    X, y = dl.data.iris()
    X_train, X_val, y_train, y_val = dl.data.train_val_split(X, y, val_fraction=0.2, seed=0)
    assert X_train.shape == (120, 4) and X_val.shape == (30, 4)
    assert y_train.shape == (120,) and y_val.shape == (30,)
    np.testing.assert_array_equal(np.bincount(y_val), [10, 10, 10])
    np.testing.assert_array_equal(np.bincount(y_train), [40, 40, 40])


def test_split_digits_keeps_class_proportions():
    X, y = dl.data.digits()
    _, X_val, y_train, y_val = dl.data.train_val_split(X, y, val_fraction=0.2, seed=1)
    # 클래스마다 round(0.2 · N_c): 178→35.6→36, 182→36.4→36, 177→35.4→35, 183→36.6→37, ...
    np.testing.assert_array_equal(np.bincount(y_val), [36, 36, 35, 37, 36, 36, 36, 36, 35, 36])
    assert len(y_val) == 359 and len(y_train) == 1797 - 359
    assert X_val.shape == (359, 64)


def test_split_is_a_partition_that_keeps_rows_and_labels_together():
    n = 97
    X = np.column_stack([np.arange(n), 10.0 * np.arange(n)])
    y = np.arange(n) % 4
    X_train, X_val, y_train, y_val = dl.data.train_val_split(X, y, val_fraction=0.3, seed=5)
    ids = np.concatenate([X_train[:, 0], X_val[:, 0]]).astype(int)
    np.testing.assert_array_equal(np.sort(ids), np.arange(n))  # 겹침도 빠짐도 없음
    np.testing.assert_array_equal(y_train, X_train[:, 0].astype(int) % 4)
    np.testing.assert_array_equal(y_val, X_val[:, 0].astype(int) % 4)
    np.testing.assert_array_equal(X_val[:, 1], 10.0 * X_val[:, 0])
    # 두 세트 안의 순서도 섞여 있습니다.
    assert not np.all(np.diff(X_train[:, 0]) > 0)


def test_split_is_deterministic_per_seed_and_differs_across_seeds():
    X, y = dl.data.iris()
    a = dl.data.train_val_split(X, y, seed=7)
    b = dl.data.train_val_split(X, y, seed=7)
    c = dl.data.train_val_split(X, y, seed=8)
    for left, right in zip(a, b, strict=True):
        np.testing.assert_array_equal(left, right)
    assert not np.array_equal(a[1], c[1])


def test_split_without_stratify_and_for_real_valued_targets():
    X, y = dl.data.iris()
    _, X_val, _, y_val = dl.data.train_val_split(X, y, val_fraction=0.2, stratify=False, seed=0)
    assert len(y_val) == 30 and X_val.shape == (30, 4)
    # 실수 목표값이면 층화 없이 round(0.25 · 10) = 3 (0.5는 올림)
    Xr = np.arange(10.0).reshape(10, 1)
    yr = 2.0 * Xr
    Xt, Xv, yt, yv = dl.data.train_val_split(Xr, yr, val_fraction=0.25, seed=0)
    assert Xv.shape == (3, 1) and Xt.shape == (7, 1)
    np.testing.assert_array_equal(yv, 2.0 * Xv)
    assert yr.dtype == yv.dtype


def test_split_keeps_float32_and_returns_copies():
    X = np.arange(20, dtype=np.float32).reshape(10, 2)
    y = np.array([0, 1] * 5)
    X_train, X_val, y_train, _ = dl.data.train_val_split(X, y, val_fraction=0.2, seed=0)
    assert X_train.dtype == np.float32 and X_val.dtype == np.float32
    assert y_train.dtype == y.dtype
    X_train[:] = -1
    assert X.min() == 0


# ---------------------------------------------------------------- minibatches


@pytest.mark.parametrize("n", [0, 1, 7, 15, 149, 150, 151])
@pytest.mark.parametrize("batch_size", [1, 15, 40, 200])
def test_n_batches_is_ceil_or_floor(n, batch_size):
    assert dl.data.n_batches(n, batch_size) == math.ceil(n / batch_size)
    assert dl.data.n_batches(n, batch_size, drop_last=True) == n // batch_size


def _epoch(batches):
    return [(Xb.copy(), yb.copy()) for Xb, yb in batches]


def test_minibatches_cover_every_sample_once_with_right_sizes():
    n = 150
    X = np.column_stack([np.arange(n), -np.arange(n)]).astype(float)
    y = np.arange(n)
    epoch = _epoch(dl.data.minibatches(X, y, 40, seed=0))
    assert [len(yb) for _, yb in epoch] == [40, 40, 40, 30]
    seen = np.concatenate([yb for _, yb in epoch])
    np.testing.assert_array_equal(np.sort(seen), np.arange(n))
    for Xb, yb in epoch:
        np.testing.assert_array_equal(Xb[:, 0], yb)  # 입력과 정답이 같은 샘플
        np.testing.assert_array_equal(Xb[:, 1], -yb)
    assert not np.array_equal(seen, np.arange(n))  # 섞였음


def test_minibatches_drop_last():
    X = np.arange(23.0).reshape(23, 1)
    y = np.arange(23)
    epoch = _epoch(dl.data.minibatches(X, y, 5, seed=1, drop_last=True))
    assert [len(yb) for _, yb in epoch] == [5, 5, 5, 5]
    seen = np.concatenate([yb for _, yb in epoch])
    assert len(np.unique(seen)) == 20  # 20개가 한 번씩, 3개는 이번 에폭에서 빠짐


def test_minibatches_without_shuffle_keep_order():
    X = np.arange(10.0).reshape(5, 2)
    y = np.arange(5)
    epoch = _epoch(dl.data.minibatches(X, y, 2, shuffle=False))
    assert [yb.tolist() for _, yb in epoch] == [[0, 1], [2, 3], [4]]
    np.testing.assert_array_equal(epoch[2][0], [[8.0, 9.0]])


def test_batch_larger_than_data_is_one_full_batch():
    X, y = dl.data.xor()
    batches = dl.data.MiniBatches(X, y, 32, seed=0)
    assert len(batches) == 1
    ((Xb, yb),) = list(batches)
    assert Xb.shape == (4, 2) and np.array_equal(np.sort(yb), [0, 0, 1, 1])


def test_minibatch_object_reshuffles_each_epoch_reproducibly():
    X, y = dl.data.iris()
    a = dl.data.MiniBatches(X, y, batch_size=15, seed=0)
    b = dl.data.MiniBatches(X, y, batch_size=15, seed=0)
    assert len(a) == 10
    epochs_a = [np.concatenate([yb for _, yb in a]) for _ in range(3)]
    epochs_b = [np.concatenate([yb for _, yb in b]) for _ in range(3)]
    for ea, eb in zip(epochs_a, epochs_b, strict=True):
        np.testing.assert_array_equal(ea, eb)
    assert not np.array_equal(epochs_a[0], epochs_a[1])
    c = dl.data.MiniBatches(X, y, batch_size=15, seed=1)
    assert not np.array_equal(np.concatenate([yb for _, yb in c]), epochs_a[0])


def test_minibatches_with_an_owned_generator_match_the_object():
    # 학습 루프가 생성기 하나를 가지고 에폭마다 minibatches(seed=rng)를 부르는 경우
    X = np.arange(30.0).reshape(30, 1)
    y = np.arange(30)
    rng = np.random.default_rng(42)
    loop_epochs = [
        np.concatenate([yb for _, yb in dl.data.minibatches(X, y, 7, seed=rng)]) for _ in range(2)
    ]
    obj = dl.data.MiniBatches(X, y, 7, seed=np.random.default_rng(42))
    obj_epochs = [np.concatenate([yb for _, yb in obj]) for _ in range(2)]
    for a, b in zip(loop_epochs, obj_epochs, strict=True):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(loop_epochs[0], loop_epochs[1])


def test_minibatches_are_read_only_and_leave_the_data_alone():
    X = np.arange(12.0).reshape(6, 2)
    y = np.arange(6)
    for shuffle in (True, False):
        Xb, yb = next(dl.data.minibatches(X, y, 4, shuffle=shuffle, seed=0))
        assert not Xb.flags.writeable and not yb.flags.writeable
        with pytest.raises(ValueError):
            Xb[0, 0] = 100.0
    assert X.flags.writeable and y.flags.writeable
    np.testing.assert_array_equal(X, np.arange(12.0).reshape(6, 2))


def test_minibatches_keep_float32_and_label_dtype_and_2d_targets():
    X = np.ones((9, 3), dtype=np.float32)
    y = np.zeros((9, 2))
    Xb, yb = next(dl.data.minibatches(X, y, 4, seed=0))
    assert Xb.dtype == np.float32 and Xb.shape == (4, 3)
    assert yb.shape == (4, 2) and yb.dtype == np.float64
    _, yb_int = next(dl.data.minibatches(X, np.arange(9, dtype=np.int32), 4, seed=0))
    assert yb_int.dtype == np.int32


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=200),
    batch_size=st.integers(min_value=1, max_value=250),
    shuffle=st.booleans(),
    drop_last=st.booleans(),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_minibatch_properties(n, batch_size, shuffle, drop_last, seed):
    if drop_last and batch_size > n:
        with pytest.raises(ValueError):
            dl.data.MiniBatches(np.zeros((n, 1)), np.zeros(n), batch_size, drop_last=drop_last)
        return
    X = np.arange(n, dtype=float).reshape(n, 1)
    y = np.arange(n)
    batches = dl.data.MiniBatches(X, y, batch_size, shuffle=shuffle, seed=seed, drop_last=drop_last)
    sizes, seen = [], []
    for Xb, yb in batches:
        np.testing.assert_array_equal(Xb[:, 0], yb)
        sizes.append(len(yb))
        seen.append(yb)
    seen = np.concatenate(seen)
    expected_batches = n // batch_size if drop_last else math.ceil(n / batch_size)
    assert len(sizes) == len(batches) == expected_batches
    assert all(size == batch_size for size in sizes[:-1])
    assert 1 <= sizes[-1] <= batch_size
    if drop_last:
        assert sizes[-1] == batch_size
        assert len(np.unique(seen)) == len(seen) == expected_batches * batch_size
    else:
        np.testing.assert_array_equal(np.sort(seen), np.arange(n))
    if not shuffle:
        np.testing.assert_array_equal(seen, np.arange(len(seen)))


# ---------------------------------------------------------------- bad input


def test_length_mismatch_names_both_sizes():
    X, y = dl.data.iris()
    with pytest.raises(ValueError) as excinfo:
        dl.data.train_val_split(X, y[:-1])
    assert_korean(excinfo, "150", "149", "X", "y")
    with pytest.raises(ValueError) as excinfo:
        dl.data.minibatches(X[:10], y, 4)  # 반복하기 전, 부르는 순간 오류
    assert_korean(excinfo, "10", "150")
    with pytest.raises(ValueError) as excinfo:
        dl.data.MiniBatches(X, y[:3], 4)
    assert_korean(excinfo, "150", "3")


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_inputs_are_rejected(bad):
    X = np.ones((6, 2))
    X[2, 1] = bad
    y = np.arange(6) % 2
    with pytest.raises(ValueError) as excinfo:
        dl.data.train_val_split(X, y)
    assert_korean(excinfo, "X")
    with pytest.raises(ValueError) as excinfo:
        dl.data.minibatches(X, y, 2)
    assert_korean(excinfo, "X")
    y_bad = np.ones(6)
    y_bad[0] = bad
    with pytest.raises(ValueError) as excinfo:
        dl.data.minibatches(np.ones((6, 2)), y_bad, 2)
    assert_korean(excinfo, "y")


def test_non_numeric_inputs_are_rejected():
    with pytest.raises(TypeError) as excinfo:
        dl.data.minibatches([["a", "b"], ["c", "d"]], [0, 1], 1)
    assert_korean(excinfo, "X")
    with pytest.raises(TypeError) as excinfo:
        dl.data.train_val_split(np.ones((4, 2)), ["setosa", "setosa", "virginica", "virginica"])
    assert_korean(excinfo, "y")
    with pytest.raises(ValueError) as excinfo:
        dl.data.minibatches(3.0, 1, 1)
    assert_korean(excinfo, "X")
    with pytest.raises(ValueError) as excinfo:
        dl.data.minibatches(np.zeros((0, 2)), np.zeros(0), 1)
    assert_korean(excinfo)


@pytest.mark.parametrize(
    "batch_size, error", [(0, ValueError), (-3, ValueError), (2.5, TypeError), (True, TypeError)]
)
def test_bad_batch_size(batch_size, error):
    X, y = dl.data.xor()
    with pytest.raises(error) as excinfo:
        dl.data.minibatches(X, y, batch_size)
    assert_korean(excinfo, "batch_size")
    with pytest.raises(error):
        dl.data.n_batches(10, batch_size)


def test_drop_last_with_batch_larger_than_data():
    X, y = dl.data.xor()
    with pytest.raises(ValueError) as excinfo:
        dl.data.MiniBatches(X, y, 5, drop_last=True)
    assert_korean(excinfo, "4", "5", "drop_last")


@pytest.mark.parametrize("fraction", [0, 0.0, 1, 1.0, -0.2, 1.5])
def test_bad_val_fraction(fraction):
    X, y = dl.data.iris()
    with pytest.raises(ValueError) as excinfo:
        dl.data.train_val_split(X, y, val_fraction=fraction)
    assert_korean(excinfo, "val_fraction")


def test_split_that_would_leave_a_set_empty():
    X = np.ones((4, 1))
    y = np.array([0, 0, 1, 1])
    with pytest.raises(ValueError) as excinfo:
        dl.data.train_val_split(X, y, val_fraction=0.1)
    assert_korean(excinfo, "4", "0")


def test_bad_flags_and_seeds():
    X, y = dl.data.xor()
    with pytest.raises(TypeError) as excinfo:
        dl.data.train_val_split(X, y, val_fraction=0.5, seed="zero")
    assert_korean(excinfo, "seed")
    with pytest.raises(ValueError) as excinfo:
        dl.data.spirals(seed=-1)
    assert_korean(excinfo, "seed")
    with pytest.raises(TypeError) as excinfo:
        dl.data.minibatches(X, y, 2, shuffle="yes")
    assert_korean(excinfo, "shuffle")
    with pytest.raises(TypeError) as excinfo:
        dl.data.digits(images=1)
    assert_korean(excinfo, "images")


@pytest.mark.parametrize(
    "call, error, fragment",
    [
        (lambda: dl.data.spirals(n_samples=0), ValueError, "n_samples"),
        (lambda: dl.data.spirals(n_samples=-10), ValueError, "n_samples"),
        (lambda: dl.data.spirals(n_samples=2, n_classes=3), ValueError, "n_samples"),
        (lambda: dl.data.moons(n_samples=1), ValueError, "n_samples"),
        (lambda: dl.data.circles(n_samples=12.5), TypeError, "n_samples"),
        (lambda: dl.data.spirals(n_classes=1), ValueError, "n_classes"),
        (lambda: dl.data.spirals(n_classes=2.0), TypeError, "n_classes"),
        (lambda: dl.data.spirals(noise=-0.1), ValueError, "noise"),
        (lambda: dl.data.spirals(turns=0), ValueError, "turns"),
        (lambda: dl.data.moons(noise=float("nan")), ValueError, "noise"),
        (lambda: dl.data.circles(factor=1.0), ValueError, "factor"),
        (lambda: dl.data.circles(factor=0.0), ValueError, "factor"),
    ],
)
def test_bad_toy_data_arguments(call, error, fragment):
    with pytest.raises(error) as excinfo:
        call()
    assert_korean(excinfo, fragment)
