"""가중치 초기화(dl.init) 와 입력 검사 도우미(dlcourse._validate) 테스트.

초기화는 큰 모양 (400, 600) 에서 뽑은 값의 통계를 Keras 공식과 비교합니다
(fan_in = 400, fan_out = 600). 표본이 24만 개라 표준편차 추정의 상대 오차는
약 0.2% 이고, 허용 오차 2% 는 그보다 열 배쯤 넉넉합니다.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

import dlcourse as dl
from dlcourse import _validate as v

HANGUL = re.compile("[가-힣]")
SHAPE = (400, 600)
FAN_IN, FAN_OUT = SHAPE
TRUNC = 0.87962566103423978  # 표준정규분포를 [-2, 2] 에서 자른 분포의 표준편차


def assert_korean(excinfo, *fragments):
    message = str(excinfo.value)
    assert HANGUL.search(message), message
    for fragment in fragments:
        assert fragment in message, (fragment, message)


def check_mean_zero(w):
    # 평균 0: 표준오차 std / sqrt(n) 의 5배 안
    assert abs(w.mean()) < 5 * w.std() / math.sqrt(w.size)


# ------------------------------------------------------------- 균등 분포


@pytest.mark.parametrize(
    ("name", "limit"),
    [
        ("glorot_uniform", math.sqrt(6 / (FAN_IN + FAN_OUT))),
        ("he_uniform", math.sqrt(6 / FAN_IN)),
        ("lecun_uniform", math.sqrt(3 / FAN_IN)),
    ],
)
def test_uniform_initialisers_match_their_limits(name, limit):
    w = dl.init.get(name)(SHAPE, 0)
    assert w.shape == SHAPE and w.dtype == np.float64
    assert np.all(np.abs(w) <= limit)
    assert np.abs(w).max() > 0.999 * limit  # 범위를 끝까지 씁니다
    # U(-l, l) 의 표준편차는 l / sqrt(3)
    assert w.std() == pytest.approx(limit / math.sqrt(3), rel=0.02)
    check_mean_zero(w)


# -------------------------------------------------------- 절단 정규 분포


@pytest.mark.parametrize(
    ("name", "sigma"),
    [
        ("glorot_normal", math.sqrt(2 / (FAN_IN + FAN_OUT))),
        ("he_normal", math.sqrt(2 / FAN_IN)),
        ("lecun_normal", math.sqrt(1 / FAN_IN)),
    ],
)
def test_truncated_normal_initialisers(name, sigma):
    w = dl.init.get(name)(SHAPE, 0)
    # Keras: 뽑기 전 표준편차 s = sigma / 0.8796..., 그리고 |w| <= 2 s 로 자름
    bound = 2 * sigma / TRUNC
    assert np.all(np.abs(w) <= bound)
    assert np.abs(w).max() > 0.98 * bound
    assert w.std() == pytest.approx(sigma, rel=0.02)
    check_mean_zero(w)
    # 잘린 정규분포의 모양: |w| < s 인 비율은 (Phi(1) - Phi(-1)) / (Phi(2) - Phi(-2))
    s = sigma / TRUNC
    inside = math.erf(1 / math.sqrt(2)) / math.erf(2 / math.sqrt(2))
    assert np.mean(np.abs(w) < s) == pytest.approx(inside, abs=0.01)


# ------------------------------------------------------ 단순 분포와 상수


def test_random_normal_defaults_and_arguments():
    w = dl.init.random_normal(SHAPE, 0)
    assert w.std() == pytest.approx(0.05, rel=0.02)
    check_mean_zero(w)
    w2 = dl.init.get("random_normal", mean=1.0, stddev=2.0)(SHAPE, 1)
    assert w2.mean() == pytest.approx(1.0, abs=5 * 2 / math.sqrt(w2.size))
    assert w2.std() == pytest.approx(2.0, rel=0.02)
    # 자르지 않은 정규분포: 24만 개면 4 표준편차 밖의 값이 (기대값 약 15개) 나옵니다
    assert np.any(np.abs(w2 - 1.0) > 4 * 2.0)


def test_random_uniform_defaults_and_arguments():
    w = dl.init.random_uniform(SHAPE, 0)
    assert np.all((w >= -0.05) & (w < 0.05))
    assert w.std() == pytest.approx(0.1 / math.sqrt(12), rel=0.02)
    w2 = dl.init.get("random_uniform", minval=1.0, maxval=3.0)(SHAPE, 0)
    assert np.all((w2 >= 1.0) & (w2 < 3.0))
    assert w2.mean() == pytest.approx(2.0, abs=0.01)
    assert w2.std() == pytest.approx(2 / math.sqrt(12), rel=0.02)


def test_constant_initialisers():
    np.testing.assert_array_equal(dl.init.zeros((3, 2)), np.zeros((3, 2)))
    np.testing.assert_array_equal(dl.init.ones(4), np.ones(4))
    np.testing.assert_array_equal(dl.init.get("constant", value=0.3)((2, 2)), np.full((2, 2), 0.3))
    np.testing.assert_array_equal(dl.init.constant((2,)), np.zeros(2))  # Keras 기본값 0


# ------------------------------------------------------------- 결정성


@pytest.mark.parametrize("name", [n for n in dl.init.NAMES if n not in ("zeros", "ones", "constant")])
def test_same_seed_same_numbers(name):
    f = dl.init.get(name)
    a, b, c = f((30, 20), 5), f((30, 20), 5), f((30, 20), 6)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    # Generator도 받습니다: 같은 시드의 Generator는 같은 값을, 한 Generator를 두 번 쓰면 다른 값을
    g1, g2 = np.random.default_rng(5), np.random.default_rng(5)
    np.testing.assert_array_equal(f((30, 20), g1), f((30, 20), g2))
    assert not np.array_equal(f((30, 20), g1), a)  # g1은 이미 한 번 썼습니다
    # rng=None 도 됩니다 (매번 다른 값)
    assert f((30, 20)).shape == (30, 20)


def test_int_seed_equals_generator_with_that_seed():
    a = dl.init.he_normal((50, 40), 3)
    b = dl.init.he_normal((50, 40), np.random.default_rng(3))
    np.testing.assert_array_equal(a, b)


# ---------------------------------------------------------------- 이름과 별칭


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("xavier_uniform", "glorot_uniform"),
        ("xavier_normal", "glorot_normal"),
        ("kaiming_uniform", "he_uniform"),
        ("kaiming_normal", "he_normal"),
        ("He-Normal", "he_normal"),
        ("  GLOROT_UNIFORM ", "glorot_uniform"),
    ],
)
def test_aliases(alias, canonical):
    assert dl.init.get(alias) is dl.init.get(canonical)
    np.testing.assert_array_equal(dl.init.get(alias)((8, 8), 1), dl.init.get(canonical)((8, 8), 1))


def test_unknown_name_lists_allowed_names():
    with pytest.raises(ValueError) as excinfo:
        dl.init.get("He-Normall")
    # 메시지에는 사용자가 쓴 그대로의 이름과, 쓸 수 있는 이름이 모두 나옵니다.
    assert_korean(excinfo, "'He-Normall'", *dl.init.NAMES)


def test_name_must_be_string_or_callable():
    with pytest.raises(TypeError) as excinfo:
        dl.init.get(3)
    assert_korean(excinfo, "3", "glorot_uniform")


def test_callable_passes_through():
    def mine(shape, rng=None, scale=1.0):
        return np.full(shape, scale)

    assert dl.init.get(mine) is mine
    np.testing.assert_array_equal(dl.init.get(mine, scale=2.0)((2,)), [2.0, 2.0])


def test_names_tuple():
    assert set(dl.init.NAMES) == {
        "zeros", "ones", "constant", "random_normal", "random_uniform",
        "glorot_uniform", "glorot_normal", "he_uniform", "he_normal",
        "lecun_uniform", "lecun_normal",
    }
    assert dl.nn.init is dl.init


# ------------------------------------------------------ 모양과 잘못된 인자


def test_fans():
    assert dl.init.fans((3, 5)) == (3, 5)
    assert dl.init.fans(7) == (7, 7)
    assert dl.init.fans((np.int64(4), 2)) == (4, 2)
    with pytest.raises(ValueError) as excinfo:
        dl.init.fans((2, 3, 4))
    assert_korean(excinfo, "(2, 3, 4)")


def test_one_dimensional_shape_uses_fan_in_equals_fan_out():
    w = dl.init.he_uniform(20000, 0)
    assert w.shape == (20000,)
    assert np.abs(w).max() <= math.sqrt(6 / 20000)


@pytest.mark.parametrize("shape", [(0, 3), (3, -1), (2.5, 3), ()])
def test_bad_shapes(shape):
    with pytest.raises(ValueError) as excinfo:
        dl.init.glorot_uniform(shape, 0)
    assert_korean(excinfo)


def test_bad_arguments():
    with pytest.raises(ValueError) as excinfo:
        dl.init.random_uniform((2, 2), 0, minval=1.0, maxval=1.0)
    assert_korean(excinfo, "minval=1.0", "maxval=1.0")
    with pytest.raises(ValueError) as excinfo:
        dl.init.random_normal((2, 2), 0, stddev=-1.0)
    assert_korean(excinfo, "stddev", "-1.0")
    with pytest.raises(ValueError) as excinfo:
        dl.init.get("random_normal", stddev=-0.5)
    assert_korean(excinfo, "stddev")


# ======================================================= dlcourse._validate


def test_as_float_array():
    a = v.as_float_array([1, 2, 3], "x")
    assert a.dtype == np.float64 and a.tolist() == [1.0, 2.0, 3.0]
    f32 = np.ones(3, dtype=np.float32)
    assert v.as_float_array(f32, "x").dtype == np.float32  # float32는 그대로
    assert v.as_float_array(np.array([True, False]), "x").dtype == np.float64
    with pytest.raises(TypeError) as excinfo:
        v.as_float_array(["a", "b"], "X")
    assert_korean(excinfo, "X", "<U1")
    with pytest.raises(ValueError) as excinfo:
        v.as_float_array(np.zeros((2, 3)), "X", ndim=1)
    assert_korean(excinfo, "X", "(2, 3)", "1차원", "2차원")


def test_check_finite():
    ok = np.array([1.0, 2.0])
    assert v.check_finite(ok, "X") is not None
    assert v.check_finite(np.array([1, 2]), "X") is not None  # 정수는 늘 유한
    with pytest.raises(ValueError) as excinfo:
        v.check_finite(np.array([1.0, np.nan, np.inf, -np.inf]), "X")
    assert_korean(excinfo, "X", "NaN 1개", "무한대(inf) 2개")


@pytest.mark.parametrize(
    ("func", "good", "bad_value", "bad_type"),
    [
        (v.check_positive, 0.5, 0.0, "0.5"),
        (v.check_nonnegative, 0.0, -0.1, None),
    ],
)
def test_check_positive_and_nonnegative(func, good, bad_value, bad_type):
    assert func(good, "learning_rate") == good
    assert isinstance(func(np.float32(1.0), "learning_rate"), float)
    with pytest.raises(ValueError) as excinfo:
        func(bad_value, "learning_rate")
    assert_korean(excinfo, "learning_rate", str(bad_value))
    with pytest.raises(TypeError) as excinfo:
        func("0.5", "learning_rate")
    assert_korean(excinfo, "learning_rate", "'0.5'")
    with pytest.raises(TypeError) as excinfo:
        func(True, "learning_rate")  # bool은 수로 받지 않습니다
    assert_korean(excinfo, "True")
    with pytest.raises(ValueError) as excinfo:
        func(float("nan"), "learning_rate")
    assert_korean(excinfo, "nan")
    with pytest.raises(ValueError) as excinfo:
        func(float("inf"), "learning_rate")
    assert_korean(excinfo, "inf")


def test_check_in_range():
    assert v.check_in_range(0.0, "rate", 0.0, 1.0) == 0.0
    with pytest.raises(ValueError) as excinfo:
        v.check_in_range(1.0, "rate", 0.0, 1.0)  # 기본: 위쪽 끝은 제외
    assert_korean(excinfo, "rate", "[0.0, 1.0)", "1.0")
    assert v.check_in_range(1.0, "rate", 0.0, 1.0, high_inclusive=True) == 1.0
    with pytest.raises(ValueError) as excinfo:
        v.check_in_range(0.0, "rate", 0.0, 1.0, low_inclusive=False, high_inclusive=True)
    assert_korean(excinfo, "(0.0, 1.0]")
    with pytest.raises(TypeError):
        v.check_in_range(None, "rate", 0.0, 1.0)


def test_check_positive_int():
    assert v.check_positive_int(3, "epochs") == 3
    assert v.check_positive_int(np.int64(3), "epochs") == 3
    assert type(v.check_positive_int(np.int64(3), "epochs")) is int
    with pytest.raises(ValueError) as excinfo:
        v.check_positive_int(0, "epochs")
    assert_korean(excinfo, "epochs", "0")
    with pytest.raises(ValueError) as excinfo:
        v.check_positive_int(1, "depth", minimum=2)
    assert_korean(excinfo, "depth", "2", "1")
    for bad in (2.0, "3", True, None):
        with pytest.raises(TypeError) as excinfo:
            v.check_positive_int(bad, "epochs")
        assert_korean(excinfo, "epochs", repr(bad))


def test_check_int_range():
    assert v.check_int_range(1, "depth", 1, 60) == 1
    assert v.check_int_range(np.int64(60), "depth", 1, 60) == 60
    assert type(v.check_int_range(np.int64(5), "depth", 1, 60)) is int
    with pytest.raises(ValueError) as excinfo:
        v.check_int_range(61, "depth", 1, 60)
    assert_korean(excinfo, "depth", "60 이하", "61", "1 이상 60 이하")
    with pytest.raises(ValueError) as excinfo:
        v.check_int_range(0, "depth", 1, 60)
    assert_korean(excinfo, "depth", "1 이상", "0")
    for bad in (2.0, "3", True, None):
        with pytest.raises(TypeError) as excinfo:
            v.check_int_range(bad, "depth", 1, 60)
        assert_korean(excinfo, "depth", repr(bad))


def test_as_generator_accepts_seeds_none_and_generators():
    first, again = v.as_generator(7).standard_normal(5), v.as_generator(7).standard_normal(5)
    np.testing.assert_array_equal(first, again)
    np.testing.assert_array_equal(first, np.random.default_rng(7).standard_normal(5))
    np.testing.assert_array_equal(
        v.as_generator(np.int64(7)).standard_normal(5), first
    )
    gen = np.random.default_rng(3)
    assert v.as_generator(gen) is gen  # 복사하지 않고 그대로 씁니다
    assert isinstance(v.as_generator(None), np.random.Generator)
    with pytest.raises(ValueError) as excinfo:
        v.as_generator(-1, "rng")
    assert_korean(excinfo, "rng", "-1")
    for bad in (1.5, "0", True, [1, 2]):
        with pytest.raises(TypeError) as excinfo:
            v.as_generator(bad)
        assert_korean(excinfo, "seed", type(bad).__name__)
    # 예전 자리(dlcourse.data._random)에서 불러와도 같은 함수입니다.
    from dlcourse.data._random import as_generator as old_place

    assert old_place is v.as_generator


def test_layers_and_initializers_take_seeds_through_as_generator():
    np.testing.assert_array_equal(dl.nn.Dense(3, 2, rng=5).W, dl.nn.Dense(3, 2, rng=5).W)
    np.testing.assert_array_equal(
        dl.nn.Dense(3, 2, rng=np.random.default_rng(5)).W, dl.nn.Dense(3, 2, rng=5).W
    )
    np.testing.assert_array_equal(
        dl.init.he_normal((4, 3), 9), dl.init.he_normal((4, 3), np.random.default_rng(9))
    )
    for make in (
        lambda: dl.nn.Dense(3, 2, rng=-1),
        lambda: dl.nn.Dropout(0.5, seed=-1),
        lambda: dl.nn.mlp([2, 3, 1], seed=-1),
        lambda: dl.init.glorot_uniform((3, 2), -1),
    ):
        with pytest.raises(ValueError) as excinfo:
            make()
        assert_korean(excinfo, "0 이상", "-1")
    with pytest.raises(TypeError) as excinfo:
        dl.nn.Dense(3, 2, rng=1.5)
    assert_korean(excinfo, "rng", "float")


def test_check_choice():
    assert v.check_choice("sgd", "optimizer", ["sgd", "adam"]) == "sgd"
    with pytest.raises(ValueError) as excinfo:
        v.check_choice("adamm", "optimizer", ("sgd", "adam"))
    assert_korean(excinfo, "optimizer", "'adamm'", "sgd, adam")


def test_lookup():
    table = {"relu": 1, "leaky_relu": 2}
    assert v.lookup("ReLU", table, "활성화 함수") == 1
    assert v.lookup(" Leaky-ReLU ", table, "활성화 함수") == 2
    with pytest.raises(ValueError) as excinfo:
        v.lookup("gelu", table, "활성화 함수")
    assert_korean(excinfo, "활성화 함수", "'gelu'", "relu, leaky_relu")
    with pytest.raises(TypeError) as excinfo:
        v.lookup(None, table, "활성화 함수")
    assert_korean(excinfo, "None", "relu, leaky_relu")


def test_long_values_are_shortened_in_messages():
    with pytest.raises(TypeError) as excinfo:
        v.check_positive("x" * 200, "lr")
    message = str(excinfo.value)
    assert "..." in message and len(message) < 150
