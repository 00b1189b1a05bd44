"""2강 채점기(dlcourse.check.l02): 맞는 답은 통과, 흔한 틀린 답은 그 실수를 짚는 메시지.

정답은 이 파일에서 손으로 적었습니다 (진리표, 가중치, 손실 값). 채점기의 계산을 기대값으로
쓰지 않습니다.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from dlcourse import check
from dlcourse.check import Feedback, l02

INPUTS = [(0, 0), (0, 1), (1, 0), (1, 1)]
TRUTH = {
    "AND": [0, 0, 0, 1],
    "OR": [0, 1, 1, 1],
    "NAND": [1, 1, 1, 0],
    "NOR": [1, 0, 0, 0],
}


def _assert_failed_with(feedback, *fragments):
    assert isinstance(feedback, Feedback)
    assert not feedback.ok, str(feedback)
    text = feedback.message + " " + feedback.hint
    for fragment in fragments:
        assert fragment in text, f"'{fragment}'이 메시지에 없습니다: {text}"


def test_module_is_reachable_from_check():
    assert check.l02 is l02


# ---------------------------------------------------------------------------
# 직접 해보기 1: perceptron_gate
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gate", "w", "b"),
    [
        ("AND", [1.0, 1.0], -1.5),
        ("AND", [2.0, 1.0], -2.5),
        ("AND", (0.3, 0.7), -0.9),
        ("OR", [1.0, 1.0], -0.5),
        ("OR", [3.0, 0.5], -0.25),
        ("NAND", [-1.0, -1.0], 1.5),
        ("NOR", [-1.0, -1.0], 0.5),
    ],
)
def test_perceptron_gate_correct_weights_pass(gate, w, b):
    feedback = l02.perceptron_gate(w, b, gate=gate)
    assert feedback.ok, str(feedback)
    assert gate in feedback.message


def test_perceptron_gate_gate_name_is_case_insensitive():
    assert l02.perceptron_gate([1, 1], -1.5, gate="and").ok


def test_perceptron_gate_agrees_with_hand_truth_table_on_random_weights():
    # 무작위 (w, b)마다 진리표를 여기서 따로 계산해, 채점 결과가 그것과 맞는지 봅니다.
    rng = np.random.default_rng(12)
    seen_pass = seen_fail = 0
    for _ in range(150):
        w1, w2, b = (float(v) for v in rng.uniform(-2, 2, size=3))
        table = [1 if w1 * x1 + w2 * x2 + b > 0 else 0 for x1, x2 in INPUTS]
        feedback = l02.perceptron_gate([w1, w2], b, gate="OR")
        assert feedback.ok == (table == TRUTH["OR"]), (w1, w2, b, str(feedback))
        seen_pass += feedback.ok
        seen_fail += not feedback.ok
    assert seen_pass > 0 and seen_fail > 0


def test_perceptron_gate_boundary_point_passes_with_a_note():
    # (0, 1)과 (1, 0)에서 z = 0 → 약속대로 0이므로 AND가 맞지만, 여유가 없다고 알려 줍니다.
    feedback = l02.perceptron_gate([1, 1], -1.0, gate="AND")
    assert feedback.ok
    assert "경계선" in feedback.message


def test_perceptron_gate_starter_zeros_fails_specifically():
    feedback = l02.perceptron_gate([0.0, 0.0], 0.0, gate="AND")
    _assert_failed_with(feedback, "항상 0", "(1, 1): z = 0", "z > 0")


def test_perceptron_gate_or_weights_for_and_names_or():
    feedback = l02.perceptron_gate([1, 1], -0.5, gate="AND")
    _assert_failed_with(feedback, "계산하는 함수: OR", "(0, 1)", "z ≤ 0", "1 + b ≤ 0")


def test_perceptron_gate_nand_weights_for_and_names_nand():
    _assert_failed_with(l02.perceptron_gate([-1, -1], 1.5, gate="AND"), "NAND")


def test_perceptron_gate_xor_is_impossible():
    _assert_failed_with(l02.perceptron_gate([1, 1], -0.5, gate="XOR"), "만들 수 없습니다", "은닉층")


@pytest.mark.parametrize(
    ("w", "b", "fragment"),
    [
        ([1.0, 1.0, 1.0], -1.5, "3개"),
        ("1, 1", -1.5, "숫자가 아닌"),
        ([1.0, np.nan], -1.5, "NaN"),
        ([1.0, 1.0], "b", "숫자 하나"),
        ([1.0, 1.0], [1.0, 2.0], "숫자 하나"),
    ],
)
def test_perceptron_gate_bad_input_is_explained(w, b, fragment):
    _assert_failed_with(l02.perceptron_gate(w, b, gate="AND"), fragment)


def test_perceptron_gate_unknown_gate():
    _assert_failed_with(l02.perceptron_gate([1, 1], -1.5, gate="XAND"), "알 수 없는 게이트", "AND")


def test_perceptron_gate_student_exception_becomes_korean_feedback():
    class Exploding:
        def __array__(self, *args, **kwargs):
            raise RuntimeError("펑")

    _assert_failed_with(l02.perceptron_gate(Exploding(), -1.5), "오류", "RuntimeError")


# ---------------------------------------------------------------------------
# 직접 해보기 2: xor_network
# ---------------------------------------------------------------------------

OR_NAND = {"W1": [[1.0, -1.0], [1.0, -1.0]], "b1": [-0.5, 1.5], "W2": [1.0, 1.0], "b2": -1.5}
# 다른 답: h1 = OR, h2 = AND, 출력 = h1 AND NOT h2
OR_AND = {"W1": [[1.0, 1.0], [1.0, 1.0]], "b1": [-0.5, -1.5], "W2": [1.0, -1.0], "b2": -0.5}


@pytest.mark.parametrize("answer", [OR_NAND, OR_AND])
def test_xor_network_correct_step_answers_pass(answer):
    feedback = l02.xor_network(**answer)
    assert feedback.ok, str(feedback)
    assert "XOR" in feedback.message


def test_xor_network_names_the_hidden_units_it_found():
    feedback = l02.xor_network(**OR_AND)
    assert "h1 = OR" in feedback.message and "h2 = AND" in feedback.message


def test_xor_network_accepts_column_vector_w2():
    answer = dict(OR_NAND, W2=[[1.0], [1.0]], b2=[-1.5])
    assert l02.xor_network(**answer).ok


def test_xor_network_scaled_sigmoid_passes():
    # 계단 함수의 답을 20배 하면 시그모이드 출력이 0과 1에 가까워집니다 (σ(±10) ≈ 0.99995).
    answer = {k: 20 * np.asarray(v, dtype=float) for k, v in OR_NAND.items()}
    feedback = l02.xor_network(**answer, activation="sigmoid")
    assert feedback.ok, str(feedback)


def test_xor_network_unscaled_sigmoid_fails_with_scaling_hint():
    feedback = l02.xor_network(**OR_NAND, activation="sigmoid")
    _assert_failed_with(feedback, "계단 함수를 쓰면 XOR이 맞습니다", "10배")


def test_xor_network_sigmoid_too_close_to_half_fails():
    # 맞는 쪽이지만 0.5에 너무 가까운 출력: 출력층 가중치를 아주 작게 하면 σ(z)가 0.5 근처입니다.
    answer = {k: 20 * np.asarray(v, dtype=float) for k, v in OR_NAND.items()}
    answer["W2"] = answer["W2"] / 100.0
    answer["b2"] = answer["b2"] / 100.0
    feedback = l02.xor_network(**answer, activation="sigmoid")
    _assert_failed_with(feedback, "0.5에 너무 가깝습니다")


def test_xor_network_starter_zeros_fails_specifically():
    zeros = {"W1": [[0.0, 0.0], [0.0, 0.0]], "b1": [0.0, 0.0], "W2": [0.0, 0.0], "b2": 0.0}
    _assert_failed_with(l02.xor_network(**zeros), "항상 0", "같은 자리", "NAND")


def test_xor_network_identical_hidden_units():
    same = {"W1": [[1.0, 1.0], [1.0, 1.0]], "b1": [-0.5, -0.5], "W2": [1.0, 1.0], "b2": -1.5}
    _assert_failed_with(l02.xor_network(**same), "똑같은 함수", "h1 = OR, h2 = OR")


def test_xor_network_good_hidden_layer_wrong_output_unit():
    wrong_output = dict(OR_NAND, b2=-0.5)   # 출력이 OR(h1, h2) → 언제나 1
    _assert_failed_with(l02.xor_network(**wrong_output), "항상 1", "출력 유닛", "h = (1, 1) → 1")


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"W1": [1.0, -1.0, 1.0]}, "W1"),
        ({"b1": [0.5]}, "b1"),
        ({"W2": [1.0, 1.0, 1.0]}, "W2"),
        ({"b2": [1.0, 2.0]}, "b2"),
    ],
)
def test_xor_network_wrong_shapes(change, fragment):
    _assert_failed_with(l02.xor_network(**dict(OR_NAND, **change)), fragment, "모양")


def test_xor_network_unknown_activation():
    _assert_failed_with(l02.xor_network(**OR_NAND, activation="relu"), "알 수 없는 활성화 함수")


# ---------------------------------------------------------------------------
# 직접 해보기 3: linear_collapse
# ---------------------------------------------------------------------------


def test_linear_collapse_correct_passes():
    feedback = l02.linear_collapse(lambda W1, b1, W2, b2: (W1 @ W2, b1 @ W2 + b2))
    assert feedback.ok, str(feedback)
    assert "W = W₁W₂" in feedback.message


def test_linear_collapse_correct_with_row_bias_and_lists_passes():
    def collapse(W1, b1, W2, b2):
        W = np.dot(W1, W2)
        b = (np.dot(b1, W2) + b2).reshape(1, -1)
        return W.tolist(), b

    assert l02.linear_collapse(collapse).ok


def test_linear_collapse_matches_two_layers_on_independent_numbers():
    # 손으로 적은 2 → 2 → 1 예: W1 = [[1, 2], [3, 4]], b1 = [1, -1], W2 = [[1], [2]], b2 = [0.5]
    # W = W1 W2 = [[5], [11]], b = b1 W2 + b2 = [1 − 2 + 0.5] = [−0.5]
    W1 = np.array([[1.0, 2.0], [3.0, 4.0]])
    b1 = np.array([1.0, -1.0])
    W2 = np.array([[1.0], [2.0]])
    b2 = np.array([0.5])
    W = W1 @ W2
    b = b1 @ W2 + b2
    np.testing.assert_allclose(W, [[5.0], [11.0]])
    np.testing.assert_allclose(b, [-0.5])
    x = np.array([[2.0, -1.0]])
    np.testing.assert_allclose(x @ W + b, (x @ W1 + b1) @ W2 + b2)


@pytest.mark.parametrize(
    ("collapse", "fragment"),
    [
        (lambda W1, b1, W2, b2: (W1, b1), "그대로"),
        (lambda W1, b1, W2, b2: (W2 @ W1, b1 @ W2 + b2), "W₂W₁ 순서"),
        (lambda W1, b1, W2, b2: (W1 * W2, b1 @ W2 + b2), "원소별"),
        (lambda W1, b1, W2, b2: (W1 @ W2, b1 + b2), "그냥 더했습니다"),
        (lambda W1, b1, W2, b2: (W1 @ W2, b2), "b₁이 빠졌습니다"),
        (lambda W1, b1, W2, b2: (W1 @ W2, b1 @ W2), "b₂가 빠졌습니다"),
        (lambda W1, b1, W2, b2: (W1 @ W2, W2 @ b1 + b2), "W₂ @ b₁"),
    ],
)
def test_linear_collapse_typical_mistakes(collapse, fragment):
    _assert_failed_with(l02.linear_collapse(collapse), fragment)


def test_linear_collapse_only_right_for_square_case():
    def collapse(W1, b1, W2, b2):
        W = W1 @ W2
        if W1.shape[0] != W1.shape[1]:
            W = W + 1.0
        return W, b1 @ W2 + b2

    _assert_failed_with(l02.linear_collapse(collapse), "첫 번째 경우에는 맞지만")


def test_linear_collapse_wrong_shape_is_explained():
    # 정사각이 아닌 경우에 (W1 모양 그대로) 돌려주면 모양을 짚습니다.
    def collapse(W1, b1, W2, b2):
        return (W1 @ W2, b1 @ W2 + b2) if W1.shape == (3, 3) else (W1, b2)

    _assert_failed_with(l02.linear_collapse(collapse), "모양")


def test_linear_collapse_returning_none():
    def collapse(W1, b1, W2, b2):
        W1 @ W2  # return을 잊었습니다

    _assert_failed_with(l02.linear_collapse(collapse), "두 개", "return W, b")


def test_linear_collapse_unrecognised_wrong_weight():
    def collapse(W1, b1, W2, b2):
        return 2.0 * W1 @ W2, b1 @ W2 + b2

    _assert_failed_with(l02.linear_collapse(collapse), "가중치 W가 두 층을 지난 결과와 다릅니다", "분배 법칙")


def test_linear_collapse_raising_student_function():
    def collapse(W1, b1, W2, b2):
        raise ValueError("아직 모르겠어요")

    _assert_failed_with(l02.linear_collapse(collapse), "오류", "ValueError")


def test_linear_collapse_not_callable():
    _assert_failed_with(l02.linear_collapse(np.eye(2)), "함수를 넘겨야")


# ---------------------------------------------------------------------------
# 직접 해보기 4: losses_by_hand
# ŷ = (2.5, 0.5, 2.0), y = (3.0, −0.5, 2.0): 차이 −0.5, 1.0, 0 → ½ 제곱 0.125, 0.5, 0 → 평균 0.625/3
# p(정답) = 0.7, 0.4 → 교차 엔트로피 = −(ln 0.7 + ln 0.4)/2
# ---------------------------------------------------------------------------

MSE_CORRECT = 0.625 / 3
CE_CORRECT = -(math.log(0.7) + math.log(0.4)) / 2


def test_loss_examples_are_the_ones_the_lesson_states():
    assert l02.MSE_EXAMPLE == {"y_hat": (2.5, 0.5, 2.0), "y": (3.0, -0.5, 2.0)}
    assert l02.CROSS_ENTROPY_EXAMPLE["labels"] == (0, 2)


@pytest.mark.parametrize(
    ("mse", "ce"),
    [(MSE_CORRECT, CE_CORRECT), (0.2083, 0.6365), (np.float64(MSE_CORRECT), np.array([CE_CORRECT]))],
)
def test_losses_by_hand_correct(mse, ce):
    feedback = l02.losses_by_hand(mse, ce)
    assert feedback.ok, str(feedback)
    assert "0.2083" in feedback.message and "0.6365" in feedback.message


@pytest.mark.parametrize(
    ("mse", "ce", "fragment"),
    [
        (0.0, 0.0, "0입니다"),
        (1.25 / 3, CE_CORRECT, "½을 빠뜨렸습니다"),
        (0.625, CE_CORRECT, "N으로 나누지 않았습니다"),
        (MSE_CORRECT, -(math.log10(0.7) + math.log10(0.4)) / 2, "상용로그"),
        (MSE_CORRECT, (math.log(0.7) + math.log(0.4)) / 2, "부호가 반대"),
        (MSE_CORRECT, -(math.log(0.7) + math.log(0.4)), "N으로 나누지 않았습니다"),
        (MSE_CORRECT, -(math.log(0.7) + math.log(0.5)) / 2, "가장 큰 확률"),
        (MSE_CORRECT, 3.0, "교차 엔트로피가 맞지 않습니다"),
    ],
)
def test_losses_by_hand_typical_mistakes(mse, ce, fragment):
    _assert_failed_with(l02.losses_by_hand(mse, ce), fragment)


def test_losses_by_hand_mse_right_ce_wrong_says_which():
    feedback = l02.losses_by_hand(MSE_CORRECT, 1.0)
    _assert_failed_with(feedback, "평균 제곱 오차는 맞습니다")


def test_losses_by_hand_not_a_number():
    _assert_failed_with(l02.losses_by_hand("0.2", CE_CORRECT), "숫자 하나")
    _assert_failed_with(l02.losses_by_hand(MSE_CORRECT, [0.1, 0.2]), "숫자 하나")
