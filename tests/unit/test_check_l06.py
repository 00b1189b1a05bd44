"""6강 채점기(dlcourse.check.l06): 맞는 답은 통과, 흔한 틀린 답은 그 실수를 짚는 메시지.

기대값은 이 파일에서 따로 구합니다: 갱신 횟수는 손으로 적은 표, 손실은 여기서 NumPy로 쓴
소프트맥스 회귀의 경사 하강법, 기울기 평균은 샘플마다 도는 반복문으로 계산합니다.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from dlcourse import check, data
from dlcourse.check import Feedback, l06


def _assert_failed_with(feedback, *fragments):
    assert isinstance(feedback, Feedback)
    assert not feedback.ok, str(feedback)
    text = feedback.message + " " + feedback.hint
    for fragment in fragments:
        assert fragment in text, f"'{fragment}'이 메시지에 없습니다: {text}"


def test_module_is_reachable_from_check():
    assert check.l06 is l06


# ---------------------------------------------------------------------------
# 직접 해보기 1: update_counts
# ---------------------------------------------------------------------------

# (N, N_B, 에폭 수) → (한 에폭의 갱신 횟수, 전체): 손으로 센 값
HAND_COUNTS = {
    (150, 15, 100): (10, 1000),
    (150, 1, 2): (150, 300),
    (150, 150, 1000): (1, 1000),
    (1000, 32, 20): (32, 640),     # 31.25 → 32
    (150, 40, 10): (4, 40),        # 3.75 → 4
    (60000, 128, 5): (469, 2345),  # 468.75 → 469
    (100, 200, 3): (1, 3),         # 배치가 데이터보다 큼 → 한 번
}


def test_update_cases_are_hand_checked():
    assert set(l06.UPDATE_CASES) == set(HAND_COUNTS)


def _ceil_counts(n, b, e):
    per_epoch = -(-n // b)
    return per_epoch, e * per_epoch


@pytest.mark.parametrize(
    "fn",
    [
        _ceil_counts,
        lambda n, b, e: (math.ceil(n / b), e * math.ceil(n / b)),
        lambda n, b, e: HAND_COUNTS[(n, b, e)],
        lambda n, b, e: [float(math.ceil(n / b)), float(e * math.ceil(n / b))],
        lambda n, b, e: (np.int64(np.ceil(n / b)), np.int64(e * np.ceil(n / b))),
    ],
)
def test_update_counts_correct(fn):
    feedback = l06.update_counts(fn)
    assert feedback.ok, str(feedback)
    assert "640" in feedback.message


@pytest.mark.parametrize(
    ("fn", "fragment"),
    [
        (lambda n, b, e: (n // b, e * (n // b)), "내림"),
        (lambda n, b, e: (round(n / b), e * round(n / b)), "반올림"),
        (lambda n, b, e: (b, e * b), "배치 크기 N_B를 넣었습니다"),
        (lambda n, b, e: (n, e * n), "확률적 경사 하강법일 때만"),
        (lambda n, b, e: (math.ceil(n / b), e), "에폭 수로 적었습니다"),
        (lambda n, b, e: (n / b, e * n / b), "정수가 아닙니다"),
        (lambda n, b, e: (0, 0), "받은 답 (0, 0), 정답 (10, 1000)"),
    ],
)
def test_update_counts_typical_mistakes(fn, fragment):
    _assert_failed_with(l06.update_counts(fn), fragment)


def test_update_counts_batch_larger_than_data():
    def fn(n, b, e):
        per_epoch = math.ceil(n / b) if b <= n else 0
        return per_epoch, e * per_epoch

    _assert_failed_with(l06.update_counts(fn), "배치 크기가 샘플 수보다 크면")


def test_update_counts_returning_one_value():
    _assert_failed_with(l06.update_counts(lambda n, b, e: math.ceil(n / b)), "두 개를 돌려주어야")


def test_update_counts_student_exception_becomes_korean_feedback():
    def fn(n, b, e):
        return n / (b - b)

    _assert_failed_with(l06.update_counts(fn), "오류", "ZeroDivisionError")


def test_update_counts_not_callable():
    _assert_failed_with(l06.update_counts((10, 100)), "함수를 넘겨야")


# ---------------------------------------------------------------------------
# 직접 해보기 2: minibatch_indices
# ---------------------------------------------------------------------------


def _split(order, b):
    return [order[start:start + b] for start in range(0, len(order), b)]


def good_list(n, b, rng):
    order = rng.permutation(n)
    return [order[start:start + b] for start in range(0, n, b)]


def good_generator(n, b, rng):
    order = np.arange(n)
    rng.shuffle(order)
    for start in range(0, n, b):
        yield order[start:start + b]


@pytest.mark.parametrize("fn", [good_list, good_generator])
def test_minibatch_indices_correct(fn):
    feedback = l06.minibatch_indices(fn)
    assert feedback.ok, str(feedback)


def test_minibatch_indices_correct_answer_really_has_the_properties():
    # 채점기와 따로, 정답 함수가 조건을 지키는지 여기서 확인합니다.
    for n, b in l06.INDEX_CASES:
        batches = good_list(n, b, np.random.default_rng(3))
        assert len(batches) == math.ceil(n / b)
        assert all(len(x) == b for x in batches[:-1]) and 1 <= len(batches[-1]) <= b
        assert sorted(np.concatenate(batches).tolist()) == list(range(n))


@pytest.mark.parametrize(
    ("fn", "fragment"),
    [
        (lambda n, b, rng: [np.arange(n)], "⌈10 / 3⌉ = 4개"),
        (
            lambda n, b, rng: [rng.permutation(n)[s:s + b] for s in range(0, n - b + 1, b)],
            "마지막 작은 미니배치를 버렸습니다",
        ),
        (lambda n, b, rng: [np.arange(n)[s:s + b] for s in range(0, n, b)], "섞지 않았습니다"),
        # 학생의 흔한 실수를 흉내 냅니다: 전역 난수 함수.
        (lambda n, b, rng: _split(np.random.permutation(n), b), "인자로 받은 rng가 아닌"),  # noqa: NPY002
        (lambda n, b, rng: _split(np.random.default_rng(0).permutation(n), b), "시드를 고정한"),
        (
            lambda n, b, rng: [rng.integers(0, n, size=n)[s:s + b] for s in range(0, n, b)],
            "두 번 이상 나온 번호",
        ),
        (
            lambda n, b, rng: np.array_split(rng.permutation(n), math.ceil(n / b)),
            "미니배치 크기가",
        ),
        (lambda n, b, rng: rng.permutation(n), "1차원 배열 하나"),
        (lambda n, b, rng: _split(rng.permutation(n) + 1, b), "범위를 벗어났습니다"),
        (lambda n, b, rng: _split(rng.permutation(n) * 1.0, b), "정수 번호"),
        (lambda n, b, rng: None, "None"),
    ],
)
def test_minibatch_indices_typical_mistakes(fn, fragment):
    _assert_failed_with(l06.minibatch_indices(fn), fragment)


def test_minibatch_indices_student_exception_becomes_korean_feedback():
    def fn(n, b, rng):
        return rng.permutation(n).reshape(b, -1)  # 10은 3으로 나뉘지 않아 오류

    _assert_failed_with(l06.minibatch_indices(fn), "오류", "ValueError")


# ---------------------------------------------------------------------------
# 직접 해보기 3: batch_and_learning_rate
# ---------------------------------------------------------------------------


def _full_batch_softmax_regression_loss(learning_rate: float, steps: int = 150) -> float:
    """표준화한 붓꽃으로 W, b = 0에서 시작하는 배치 경사 하강법을 NumPy로 직접 돌린 손실."""
    X, y = data.iris()
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    onehot = np.eye(3)[y]
    W, b = np.zeros((4, 3)), np.zeros(3)

    def loss_and_probs():
        z = X @ W + b
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        return -np.mean(np.log(p[np.arange(len(y)), y])), p

    for _ in range(steps):
        _, p = loss_and_probs()
        W -= learning_rate * X.T @ (p - onehot) / len(y)
        b -= learning_rate * (p - onehot).mean(axis=0)
    return float(loss_and_probs()[0])


def test_batch_and_learning_rate_passing_choice_agrees_with_independent_numpy():
    reference = _full_batch_softmax_regression_loss(2.0)
    assert reference < l06.LOSS_TARGET
    feedback = l06.batch_and_learning_rate({"batch_size": 150, "learning_rate": 2.0})
    assert feedback.ok, str(feedback)
    assert f"{reference:.3f}" in feedback.message


def test_batch_and_learning_rate_minibatch_choice_passes():
    feedback = l06.batch_and_learning_rate({"batch_size": 15, "learning_rate": 2.0})
    assert feedback.ok, str(feedback)
    assert "15에폭" in feedback.message


def test_batch_and_learning_rate_starter_is_too_slow():
    reference = _full_batch_softmax_regression_loss(0.01)
    assert reference > l06.LOSS_TARGET
    feedback = l06.batch_and_learning_rate({"batch_size": 150, "learning_rate": 0.01})
    _assert_failed_with(feedback, f"{reference:.3f}", "아직 내려가는 중", "학습률을 몇 배 키워")


def test_batch_and_learning_rate_sgd_noise_is_named():
    feedback = l06.batch_and_learning_rate({"batch_size": 1, "learning_rate": 3.0})
    _assert_failed_with(feedback, "잡음", "배치 크기를 키우거나")


def test_batch_and_learning_rate_far_too_large():
    feedback = l06.batch_and_learning_rate({"batch_size": 15, "learning_rate": 1e4})
    _assert_failed_with(feedback, "너무 커서", "학습률을 줄여")


@pytest.mark.parametrize(
    ("choice", "fragment"),
    [
        ({"batch_size": 15}, "빠진 키: learning_rate"),
        ({"batch_size": 15, "learning_rate": 1.0, "momentum": 0.9}, "쓰지 않는 키: momentum"),
        ({"batch_size": 0, "learning_rate": 1.0}, "설정값이 올바르지 않습니다"),
        ({"batch_size": 15, "learning_rate": -1.0}, "설정값이 올바르지 않습니다"),
        ([15, 1.0], "사전(dict)"),
    ],
)
def test_batch_and_learning_rate_bad_input(choice, fragment):
    _assert_failed_with(l06.batch_and_learning_rate(choice), fragment)


# ---------------------------------------------------------------------------
# 직접 해보기 4: average_gradient
# ---------------------------------------------------------------------------


def per_sample_average(net, loss, X, y):
    total = {key: np.zeros_like(grad) for key, grad in net.grads.items()}
    for i in range(len(X)):
        loss.forward(net.forward(X[i:i + 1]), y[i:i + 1])
        net.backward(loss.backward())
        for key, grad in net.grads.items():
            total[key] += grad
    return {key: value / len(X) for key, value in total.items()}


def test_average_gradient_correct_passes():
    feedback = l06.average_gradient(per_sample_average)
    assert feedback.ok, str(feedback)


def test_average_gradient_correct_with_copies_passes():
    def fn(net, loss, X, y):
        collected = []
        for i in range(len(X)):
            loss.forward(net.forward(X[i:i + 1]), y[i:i + 1])
            net.backward(loss.backward())
            collected.append({k: g.copy() for k, g in net.grads.items()})
        return {k: np.mean([c[k] for c in collected], axis=0) for k in collected[0]}

    assert l06.average_gradient(fn).ok


def test_average_gradient_without_copy():
    def fn(net, loss, X, y):
        collected = []
        for i in range(len(X)):
            loss.forward(net.forward(X[i:i + 1]), y[i:i + 1])
            net.backward(loss.backward())
            collected.append(net.grads)  # 같은 배열을 가리킵니다
        return {k: sum(c[k] for c in collected) / len(X) for k in collected[0]}

    _assert_failed_with(l06.average_gradient(fn), "마지막 샘플의 기울기", ".copy()")


def test_average_gradient_sum_instead_of_mean():
    def fn(net, loss, X, y):
        return {k: v * len(X) for k, v in per_sample_average(net, loss, X, y).items()}

    _assert_failed_with(l06.average_gradient(fn), "나누지 않았습니다")


def test_average_gradient_divided_twice():
    def fn(net, loss, X, y):
        return {k: v / len(X) for k, v in per_sample_average(net, loss, X, y).items()}

    _assert_failed_with(l06.average_gradient(fn), "두 번 나누었습니다")


def test_average_gradient_full_batch_shortcut_is_caught():
    def fn(net, loss, X, y):
        loss.forward(net.forward(X), y)
        net.backward(loss.backward())
        return {k: g.copy() for k, g in net.grads.items()}

    _assert_failed_with(l06.average_gradient(fn), "하나씩 순전파하지 않았습니다")


def test_average_gradient_starter_zeros():
    def fn(net, loss, X, y):
        return {key: np.zeros_like(grad) for key, grad in net.grads.items()}

    _assert_failed_with(l06.average_gradient(fn), "모두 0")


def test_average_gradient_wrong_keys():
    def fn(net, loss, X, y):
        return {"W": np.zeros((4, 3))}

    _assert_failed_with(l06.average_gradient(fn), "키")


def test_average_gradient_student_exception_becomes_korean_feedback():
    def fn(net, loss, X, y):
        loss.forward(net.forward(X[0]), y[0])  # 1차원으로 잘라 모양 오류
        return {}

    _assert_failed_with(l06.average_gradient(fn), "오류")
