"""dlcourse.check.l09 (9강 가중치 초기화의 연습 문제 채점기) 테스트.

맞는 답은 통과하고, 흔한 틀린 답은 그 실수를 짚는 메시지로 떨어지며, 학생 코드가 오류를
내도 예외 대신 한국어 Feedback이 나오는지 봅니다. 기준값은 테스트가 따로 구합니다:
공식은 dl.init으로 뽑은 값의 표본 표준편차로, 층별 표준편차는 NumPy로 손수 쓴 순전파로,
한 스텝 뒤의 가중치는 NumPy로 손수 쓴 역전파로 확인합니다.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

import dlcourse as dl
from dlcourse import check
from dlcourse.check import Feedback

l09 = check.l09
HANGUL = re.compile("[가-힣]")


def assert_failed(feedback, *fragments):
    assert isinstance(feedback, Feedback)
    assert not feedback.ok, str(feedback)
    text = f"{feedback.message}\n{feedback.hint}"
    assert HANGUL.search(text)
    for fragment in fragments:
        assert fragment in text, f"'{fragment}' 가 메시지에 없습니다:\n{text}"


def assert_passed(feedback):
    assert isinstance(feedback, Feedback)
    assert feedback.ok, str(feedback)


# ---------------------------------------------------------------------------
# 직접 해보기 1: He 정규의 σ, Glorot 균등의 한계
# ---------------------------------------------------------------------------


def he_std(shape):
    fan_in, _ = shape
    return math.sqrt(2 / fan_in)


def glorot_limit(shape):
    fan_in, fan_out = shape
    return math.sqrt(6 / (fan_in + fan_out))


def test_formulas_match_the_statistics_of_dl_init():
    """정답 공식이 정말 dl.init이 뽑는 값의 통계와 맞는지 (공식 자체의 독립 확인)."""
    for shape in [(400, 600), (784, 256)]:
        he = dl.init.get("he_normal")(shape, rng=1)
        glorot = dl.init.get("glorot_uniform")(shape, rng=1)
        assert he.std() == pytest.approx(he_std(shape), rel=0.02)
        assert np.abs(glorot).max() <= glorot_limit(shape)
        assert np.abs(glorot).max() == pytest.approx(glorot_limit(shape), rel=0.01)


def test_init_formulas_accepts_correct_answers():
    assert_passed(l09.init_formulas(he_std, glorot_limit))
    # NumPy로 계산해 0차원 배열을 돌려주어도 됩니다.
    assert_passed(
        l09.init_formulas(lambda s: np.sqrt(2.0 / s[0]), lambda s: np.sqrt(6.0 / np.sum(s)))
    )


def test_shapes_are_not_square():
    """정사각 모양이면 fan_in과 fan_out을 바꿔 쓴 실수를 잡지 못합니다."""
    assert all(a != b for a, b in l09.SHAPES)


@pytest.mark.parametrize(
    ("he", "fragments"),
    [
        (lambda s: math.sqrt(2 / s[1]), ["fan_out", "shape[0]"]),
        (lambda s: math.sqrt(2 / (s[0] + s[1])), ["Glorot 정규의 σ"]),
        (lambda s: 2 / s[0], ["제곱근을 빠뜨렸습니다"]),
        (lambda s: math.sqrt(6 / s[0]), ["He 균등의 한계"]),
        (lambda s: math.sqrt(1 / s[0]), ["LeCun 정규"]),
        (lambda s: 1.0, ["he_normal_std", "정답 0.0707107"]),
        (lambda s: None, ["None"]),
        (lambda s: dl.init.he_normal(s, rng=0), ["배열"]),
    ],
)
def test_init_formulas_wrong_he(he, fragments):
    assert_failed(l09.init_formulas(he, glorot_limit), *fragments)


@pytest.mark.parametrize(
    ("glorot", "fragments"),
    [
        (lambda s: math.sqrt(2 / (s[0] + s[1])), ["Glorot 정규의 표준편차", "l²/3"]),
        (lambda s: math.sqrt(6 / s[0]), ["He 균등의 한계"]),
        (lambda s: 6 / (s[0] + s[1]), ["제곱근을 빠뜨렸습니다"]),
        (lambda s: math.sqrt(6 / (s[0] * s[1])), ["더해야"]),
        (lambda s: math.sqrt(6) / (s[0] + s[1]), ["분모까지"]),
        (lambda s: "0.077", ["숫자가 아닌"]),
    ],
)
def test_init_formulas_wrong_glorot(glorot, fragments):
    assert_failed(l09.init_formulas(he_std, glorot), "glorot_uniform_limit", *fragments)


def test_init_formulas_student_error_and_non_function():
    def broken(shape):
        fan_in, fan_out, extra = shape  # 모양은 둘뿐이라 ValueError
        return fan_in

    assert_failed(l09.init_formulas(broken, glorot_limit), "ValueError")
    assert_failed(l09.init_formulas(0.07, glorot_limit), "함수를 넘겨야")


# ---------------------------------------------------------------------------
# 직접 해보기 2: 10층 tanh 신경망의 초기화 방법
# ---------------------------------------------------------------------------


def last_layer_std(name: str, seed: int = 123) -> float:
    """init.run을 쓰지 않고 NumPy로 10층 tanh 신경망(유닛 100개)을 순전파해 마지막 층의 표준편차를 잽니다."""
    from dlcourse.labs import init as init_lab

    _, base, kwargs = init_lab.INITIALIZERS[name]
    draw = dl.init.get(base, **kwargs)
    rng = np.random.default_rng(seed)
    h = rng.standard_normal((500, 100))
    for _ in range(10):
        h = np.tanh(h @ draw((100, 100), rng))
    return float(h.std())


@pytest.mark.parametrize("name", ["glorot_uniform", "glorot_normal", "lecun_normal", "he_normal"])
def test_tanh_initializer_accepts_matched_initializers(name):
    assert 0.1 <= last_layer_std(name) <= 0.9  # 독립된 순전파로도 띠 안입니다.
    assert_passed(l09.tanh_initializer(name))


@pytest.mark.parametrize(
    ("name", "fragments", "too"),
    [
        ("random_normal_large", ["포화", "−1이나 1"], "big"),
        ("random_normal_small", ["0 근처에 모였습니다", "1 / fan_in"], "small"),
        ("zeros", ["모든 층의 값이 0"], "small"),
    ],
)
def test_tanh_initializer_rejects_bad_scales(name, fragments, too):
    std = last_layer_std(name)
    assert std > 0.9 if too == "big" else std < 0.1
    assert_failed(l09.tanh_initializer(name), *fragments)


@pytest.mark.parametrize(
    ("name", "fragments"),
    [("xavier", ["없는 초기화 방법", "glorot_uniform"]), (3, ["문자열"]), (None, ["문자열"])],
)
def test_tanh_initializer_bad_names(name, fragments):
    assert_failed(l09.tanh_initializer(name), *fragments)


# ---------------------------------------------------------------------------
# 직접 해보기 3: 한 스텝 뒤 서로 다른 유닛 세기
# ---------------------------------------------------------------------------


def count_loop(W):
    """정답 (반복문과 np.allclose)."""
    seen = []
    for j in range(W.shape[1]):
        column = W[:, j]
        if not any(np.allclose(column, other, rtol=0, atol=1e-9) for other in seen):
            seen.append(column)
    return len(seen)


def count_rounded(W):
    """정답 (열을 반올림한 뒤 np.unique): 반올림 자리가 허용 오차 역할을 합니다."""
    return int(np.unique(np.round(W, 9), axis=1).shape[1])


@pytest.mark.parametrize("answer", [count_loop, count_rounded, lambda W: float(count_loop(W))])
def test_distinct_units_accepts_correct_answers(answer):
    assert_passed(l09.distinct_units(answer))


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def test_one_step_from_a_constant_moves_every_unit_identically():
    """모든 가중치 0.5인 2-8-8-1 신경망의 한 스텝을 NumPy로 손수 계산해 채점기의 W와 비교합니다."""
    X, y = dl.data.moons(100, noise=0.1, seed=0)
    y = y.reshape(-1, 1).astype(float)
    W1, W2, W3 = np.full((2, 8), 0.5), np.full((8, 8), 0.5), np.full((8, 1), 0.5)
    h1 = _sigmoid(X @ W1)
    h2 = _sigmoid(h1 @ W2)
    p = _sigmoid(h2 @ W3)
    d3 = (p - y) / len(X)  # 이진 교차 엔트로피 + 시그모이드 출력: ∂L/∂z = (p − y)/N
    d2 = (d3 @ W3.T) * h2 * (1 - h2)
    d1 = (d2 @ W2.T) * h1 * (1 - h1)
    expected = W1 - 0.5 * (X.T @ d1)

    W = l09._one_step_first_layer(dl.init.get("constant", value=0.5))
    assert np.allclose(W, expected, rtol=1e-10, atol=1e-13)
    assert np.abs(W - 0.5).max() > 1e-4  # 정말 움직였고
    assert count_loop(W) == 1  # 모든 열이 같습니다.
    assert np.array_equal(l09._one_step_first_layer("zeros"), np.zeros((2, 8)))
    assert count_loop(l09._one_step_first_layer("he_normal")) == 8


def test_distinct_cases_contain_a_round_off_trap():
    counts = [count_loop(W) for _, W in l09._distinct_cases()]
    exact = [np.unique(W, axis=1).shape[1] for _, W in l09._distinct_cases()]
    assert counts != exact  # 정확히 같은지로 비교하면 틀리는 사례가 있습니다.
    assert counts[:3] == [1, 1, 8]


@pytest.mark.parametrize(
    ("answer", "fragments"),
    [
        (lambda W: W.shape[1], ["열의 개수", "8개 유닛이 모두 다르다고"]),
        (lambda W: count_loop(W.T), ["행을 비교했습니다"]),
        (lambda W: np.unique(W).size, ["원소의 개수"]),
        (lambda W: np.unique(W, axis=1).shape[1], ["정확히 같은지", "allclose"]),
        (lambda W: 1, ["He 정규", "정답 8"]),
        (lambda W: None, ["None"]),
        (lambda W: 2.5, ["정수여야"]),
        (lambda W: "1", ["정수가 아닌"]),
    ],
)
def test_distinct_units_wrong_answers(answer, fragments):
    assert_failed(l09.distinct_units(answer), *fragments)


def test_distinct_units_student_error_becomes_feedback():
    def broken(W):
        return len(set(W))  # 배열의 행은 해시할 수 없어 TypeError

    assert_failed(l09.distinct_units(broken), "TypeError")


# ---------------------------------------------------------------------------
# 직접 해보기 4: 직접 만든 초기화 함수
# ---------------------------------------------------------------------------


def lecun_uniform(shape, rng=None):
    rng = np.random.default_rng(rng)
    fan_in, _ = shape
    limit = math.sqrt(3 / fan_in)
    return rng.uniform(-limit, limit, size=shape)


def test_custom_initializer_accepts_correct_answers():
    assert_passed(l09.custom_initializer(lecun_uniform))
    assert_passed(l09.custom_initializer(dl.init.lecun_uniform))


def _normal(shape, rng=None):
    return np.random.default_rng(rng).normal(0.0, math.sqrt(1 / shape[0]), size=shape)


def _global_state(shape, rng=None):
    limit = math.sqrt(3 / shape[0])
    return np.random.uniform(-limit, limit, size=shape)  # noqa: NPY002 (일부러 틀린 답)


def _fixed_seed(shape, rng=None):
    limit = math.sqrt(3 / shape[0])
    return np.random.default_rng(0).uniform(-limit, limit, size=shape)


def _fan_out(shape, rng=None):
    limit = math.sqrt(3 / shape[1])
    return np.random.default_rng(rng).uniform(-limit, limit, size=shape)


def _he_uniform(shape, rng=None):
    limit = math.sqrt(6 / shape[0])
    return np.random.default_rng(rng).uniform(-limit, limit, size=shape)


def _positive_only(shape, rng=None):
    limit = math.sqrt(3 / shape[0])
    return np.random.default_rng(rng).uniform(0.0, limit, size=shape)


@pytest.mark.parametrize(
    ("answer", "fragments"),
    [
        (lambda shape, rng=None: np.zeros(shape), ["모든 값이 같습니다"]),
        (_normal, ["정규분포에서 뽑은 것 같습니다"]),
        (_global_state, ["인자 rng를 쓰지 않은"]),
        (_fixed_seed, ["시드를 고정한"]),
        (_fan_out, ["fan_out = shape[1]"]),
        (_he_uniform, ["한계 l = √(3 / fan_in)", "밖의 값"]),
        (_positive_only, ["표본 표준편차"]),
        (lambda shape, rng=None: lecun_uniform(shape[::-1], rng), ["모양이 받은 shape와 다릅니다"]),
        (lambda shape, rng=None: None, ["None"]),
    ],
)
def test_custom_initializer_wrong_answers(answer, fragments):
    assert_failed(l09.custom_initializer(answer), *fragments)


def test_custom_initializer_student_error_becomes_feedback():
    def broken(shape, rng=None):
        fan_in, fan_out = shape
        limit = ...
        return np.random.default_rng(rng).uniform(-limit, limit, size=shape)

    assert_failed(l09.custom_initializer(broken), "오류")
    assert_failed(l09.custom_initializer("lecun_uniform"), "함수를 넘겨야")
