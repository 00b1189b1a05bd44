"""dlcourse.check.l04 (4강 기울기 소실과 폭발의 연습 문제 채점기) 테스트.

맞는 답은 통과하고, 흔한 틀린 답은 그 실수를 짚는 메시지로 떨어지며, 학생 코드가 오류를
내도 예외 대신 한국어 Feedback이 나오는지 봅니다. 기준값은 테스트가 따로 구합니다:
도함수의 곱은 math.exp로 한 원소씩, 기울기 노름의 비는 신경망을 손으로 순전파·역전파해서,
기울기 클리핑은 torch.nn.utils.clip_grad_norm_으로, 층 수는 손으로 계산한 거듭제곱으로.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

import dlcourse as dl
from dlcourse import check
from dlcourse.check import Feedback
from dlcourse.labs import vanishing

l04 = check.l04
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
# 직접 해보기 1: 시그모이드 도함수의 곱
# ---------------------------------------------------------------------------


def chain_product_loop(z):
    """정답 (원소 하나씩, math.exp로): Π σ(z)(1 − σ(z))."""
    product = 1.0
    for value in np.asarray(z, dtype=float).ravel():
        s = 1.0 / (1.0 + math.exp(-value))
        product *= s * (1.0 - s)
    return product


def test_chain_product_accepts_loop_and_vectorised_answers():
    assert_passed(l04.sigmoid_chain_product(chain_product_loop))

    def vectorised(z):
        s = 1 / (1 + np.exp(-z))
        return np.prod(s * (1 - s))

    assert_passed(l04.sigmoid_chain_product(vectorised))
    # 0차원 배열이나 원소 하나짜리 배열도 숫자 하나로 받습니다.
    assert_passed(l04.sigmoid_chain_product(lambda z: np.array([chain_product_loop(z)])))


def test_chain_cases_include_the_exact_bound():
    """첫 사례는 z = 0 열 개: 곱이 정확히 (1/4)^10 = 2^-20 이어야 합니다."""
    cases = l04._chain_cases()
    assert np.array_equal(cases[0], np.zeros(10))
    assert chain_product_loop(cases[0]) == 2.0**-20
    # 포화된 z가 있는 사례는 층이 적어도 곱이 더 작습니다 (통과 메시지가 말하는 내용).
    assert chain_product_loop(cases[2]) < 2.0**-20


def _sig(z):
    return 1 / (1 + np.exp(-z))


@pytest.mark.parametrize(
    ("answer", "fragments"),
    [
        (lambda z: np.prod(_sig(z)), ["f(z)를 곱했습니다", "s * (1 - s)"]),
        (lambda z: np.prod(z * (1 - z)), ["z(1 − z)를 곱했습니다"]),
        (lambda z: np.sum(_sig(z) * (1 - _sig(z))), ["더했습니다", "np.prod"]),
        (lambda z: 0.25 ** len(z), ["상한 (1/4)ⁿ"]),
        (lambda z: np.prod(1 - np.tanh(z) ** 2), ["tanh의 도함수"]),
        (lambda z: _sig(z) * (1 - _sig(z)), ["배열을 돌려주었습니다"]),
        (lambda z: None, ["None"]),
        (lambda z: "0.25", ["글자"]),
        (lambda z: chain_product_loop(z) * 1.001, ["사례 1", "정답"]),
    ],
)
def test_chain_product_wrong_answers(answer, fragments):
    assert_failed(l04.sigmoid_chain_product(answer), *fragments)


def test_chain_product_student_error_becomes_feedback():
    def broken(z):
        return undefined_name * 2  # noqa: F821

    assert_failed(l04.sigmoid_chain_product(broken), "NameError")
    assert_failed(l04.sigmoid_chain_product(3), "함수를 넘겨야")


# ---------------------------------------------------------------------------
# 직접 해보기 2: 15층에서 기울기 노름의 비
# ---------------------------------------------------------------------------


def first_step_ratio(activation: str, initializer: str, depth: int = 15) -> float:
    """vanishing.run을 쓰지 않고, 같은 신경망을 한 번 순전파·역전파해서 첫 층/출력층의
    ‖∂L/∂W‖ 비를 잽니다 (교차 엔트로피, 첫 스텝)."""
    X, y = vanishing.make_data(0)
    net = vanishing.make_network(depth, vanishing.DEFAULTS["width"], activation, initializer, 0)
    loss = dl.nn.SoftmaxCrossEntropy()
    loss.forward(net.forward(X), y)
    net.backward(loss.backward())
    dense = [layer for layer in net.layers if isinstance(layer, dl.nn.Dense)]
    return float(np.linalg.norm(dense[0].dW) / np.linalg.norm(dense[-1].dW))


def test_deep_ratio_verdict_agrees_with_an_independent_measurement():
    sigmoid = first_step_ratio("sigmoid", "glorot_uniform")
    relu = first_step_ratio("relu", "he_normal")
    assert sigmoid < l04.RATIO_LOW  # 시그모이드 15층은 기울기가 사라집니다.
    assert l04.RATIO_LOW <= relu <= l04.RATIO_HIGH
    assert_failed(l04.deep_ratio({"activation": "sigmoid"}), "0.01배 이상")
    feedback = l04.deep_ratio({"activation": "relu", "initializer": "he_normal"})
    assert_passed(feedback)
    assert f"{relu:.2g}배" in feedback.message


@pytest.mark.parametrize(
    "settings",
    [
        {"activation": "relu", "initializer": "he_normal"},
        {"activation": "tanh"},
        {"activation": "leaky_relu", "initializer": "glorot_uniform"},
        "relu",
    ],
)
def test_deep_ratio_accepts_good_settings(settings):
    assert_passed(l04.deep_ratio(settings))


@pytest.mark.parametrize(
    ("settings", "fragments"),
    [
        ({"activation": "sigmoid", "initializer": "glorot_uniform"}, ["1/4 이하"]),
        ({"activation": "softplus"}, ["소프트플러스의 도함수"]),
        ({"activation": "linear"}, ["선형 모델"]),
        ({"activation": "tanh", "initializer": "random_normal_large"}, ["커집니다", "10배 이하"]),
        ({"activation": "elu", "initializer": "he_normal"}, ["발산했습니다"]),
        ({"activation": "relu", "depth": 3}, ["바꿀 수 없는 키", "depth"]),
        ({"activation": "sigmodi"}, ["설정값이 올바르지 않습니다", "sigmodi"]),
        (["relu"], ["사전(dict)"]),
    ],
)
def test_deep_ratio_wrong_settings(settings, fragments):
    assert_failed(l04.deep_ratio(settings), *fragments)


# ---------------------------------------------------------------------------
# 직접 해보기 3: 전체 노름 기울기 클리핑
# ---------------------------------------------------------------------------


def clip_loop(grads, max_norm):
    """정답 (반복문): 제곱합 → 제곱근 → 배율 min(1, c/‖g‖)."""
    total = 0.0
    for g in grads.values():
        total += float(np.sum(np.asarray(g) ** 2))
    factor = min(1.0, max_norm / math.sqrt(total))
    return {name: g * factor for name, g in grads.items()}


def clip_keras_style(grads, max_norm):
    """Keras 방식 g · c / max(‖g‖, c) (10⁻⁶ 없이): 이것도 맞는 답입니다."""
    norm = math.sqrt(sum(float(np.vdot(g, g)) for g in grads.values()))
    return {name: g * max_norm / max(norm, max_norm) for name, g in grads.items()}


def clip_with_torch(grads, max_norm):
    """torch.nn.utils.clip_grad_norm_ (독립된 구현)으로 자른 결과."""
    torch = pytest.importorskip("torch")
    params = {}
    for name, g in grads.items():
        p = torch.nn.Parameter(torch.zeros(g.shape, dtype=torch.float64))
        p.grad = torch.tensor(g, dtype=torch.float64)
        params[name] = p
    torch.nn.utils.clip_grad_norm_(list(params.values()), max_norm)
    return {name: p.grad.numpy().copy() for name, p in params.items()}


@pytest.mark.parametrize("answer", [clip_loop, clip_keras_style, clip_with_torch])
def test_clip_accepts_correct_answers(answer):
    assert_passed(l04.clip_global_norm(answer))


def test_clip_cases_cover_both_sides_of_the_threshold():
    norms = [math.sqrt(sum(float(np.sum(g**2)) for g in grads.values())) for grads, _ in l04._clip_cases()]
    limits = [c for _, c in l04._clip_cases()]
    assert any(n > c for n, c in zip(norms, limits, strict=True))
    assert any(n < c for n, c in zip(norms, limits, strict=True))


def _per_array(grads, c):
    return {k: g * min(1.0, c / np.linalg.norm(g)) for k, g in grads.items()}


def _always(grads, c):
    n = math.sqrt(sum(float(np.sum(g**2)) for g in grads.values()))
    return {k: g * c / n for k, g in grads.items()}


def _sum_of_norms(grads, c):
    n = sum(float(np.linalg.norm(g)) for g in grads.values())
    return {k: g * min(1.0, c / n) for k, g in grads.items()}


def _squared(grads, c):
    n = sum(float(np.sum(g**2)) for g in grads.values())
    return {k: g * min(1.0, c / n) for k, g in grads.items()}


def _in_place(grads, c):
    n = math.sqrt(sum(float(np.sum(g**2)) for g in grads.values()))
    for g in grads.values():
        g *= min(1.0, c / n)
    return grads


@pytest.mark.parametrize(
    ("answer", "fragments"),
    [
        (lambda grads, c: {k: g.copy() for k, g in grads.items()}, ["하나도 줄이지 않았습니다"]),
        (_per_array, ["배열마다 따로"]),
        (_always, ["늘렸습니다", "min(1, max_norm / ‖g‖)"]),
        (_sum_of_norms, ["Σ‖g_k‖"]),
        (_squared, ["제곱근을 빠뜨렸습니다"]),
        (lambda grads, c: {k: np.clip(g, -c, c) for k, g in grads.items()}, ["원소마다"]),
        (_in_place, ["제자리", "직접 바꾸었습니다"]),
        (lambda grads, c: None, ["None"]),
        (lambda grads, c: list(grads.values()), ["사전(dict)이 아닌"]),
        (lambda grads, c: {"W": np.zeros(1)}, ["키가 입력과 다릅니다"]),
        (lambda grads, c: {k: g * 0.5 for k, g in grads.items()}, ["사례 1", "전체 노름"]),
    ],
)
def test_clip_wrong_answers(answer, fragments):
    assert_failed(l04.clip_global_norm(answer), *fragments)


def test_clip_student_error_becomes_feedback():
    def broken(grads, max_norm):
        return {k: g @ g.T @ np.ones(7) for k, g in grads.items()}

    feedback = l04.clip_global_norm(broken)
    assert_failed(feedback, "오류")


# ---------------------------------------------------------------------------
# 직접 해보기 4: 상한이 10⁻⁶ 아래로 내려가는 가장 작은 층 수
# ---------------------------------------------------------------------------


def test_smallest_depth_is_ten_by_hand():
    # 손으로: 4^9 = 262144 < 10^6 < 4^10 = 1048576.
    assert 4**9 < 10**6 < 4**10
    assert_passed(l04.smallest_depth(10))
    assert_passed(l04.smallest_depth(np.int64(10)))
    assert_passed(l04.smallest_depth(10.0))


@pytest.mark.parametrize(
    ("answer", "fragments"),
    [
        (9, ["아직 10⁻⁶ 이상"]),
        (11, ["더 적은 층"]),
        (20, ["(1/2)ⁿ", "1/4"]),
        (0, ["1 이상"]),
        (10.5, ["정수여야"]),
        ("10", ["자료형: str"]),
        (None, ["None"]),
        (True, ["자료형: bool"]),
    ],
)
def test_smallest_depth_wrong_answers(answer, fragments):
    assert_failed(l04.smallest_depth(answer), *fragments)
