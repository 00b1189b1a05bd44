"""3강 채점기(dlcourse.check.l03): 맞는 답은 통과, 흔한 틀린 답은 그 실수를 짚는 메시지.

정답 함수와 숫자는 이 파일에서 손으로 적었고, 채점기가 쓰는 기준값(dlcourse 역전파)은
torch autograd로 따로 확인합니다.
"""

from __future__ import annotations

import numpy as np
import pytest

from dlcourse.check import Feedback, l03

# 강의의 2-3-1 신경망 (backprop.DEFAULTS와 같은 숫자를 여기에 직접 적습니다)
X = np.array([1.0, 0.5])
Y = 1.0
W1 = np.array([[0.4, -0.5, 0.5], [0.6, 0.2, -0.3]])
W2 = np.array([0.6, -0.4, 0.3])


def _sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def _assert_failed_with(feedback, *fragments):
    assert isinstance(feedback, Feedback)
    assert not feedback.ok, str(feedback)
    text = feedback.message + " " + feedback.hint
    for fragment in fragments:
        assert fragment in text, f"'{fragment}'이 메시지에 없습니다: {text}"


# ---------------------------------------------------------------------------
# 직접 해보기 1: sigmoid_backward
# ---------------------------------------------------------------------------


def test_sigmoid_backward_correct_passes_gradcheck():
    def sigmoid_backward(dh, h):
        return dh * h * (1 - h)

    feedback = l03.sigmoid_backward(sigmoid_backward)
    assert feedback.ok, str(feedback)
    assert "기울기 확인" in feedback.message


def test_sigmoid_backward_recomputing_from_z_is_also_fine():
    # h에서 z를 되살려 도함수를 다시 구해도 값이 같으면 통과해야 합니다.
    def sigmoid_backward(dh, h):
        z = np.log(h / (1 - h))
        s = 1 / (1 + np.exp(-z))
        return dh * s * (1 - s)

    assert l03.sigmoid_backward(sigmoid_backward).ok


def test_sigmoid_backward_identity_starter_fails_specifically():
    _assert_failed_with(l03.sigmoid_backward(lambda dh, h: dh), "dh 그대로", "h(1 − h)")


def test_sigmoid_backward_missing_upstream_gradient():
    _assert_failed_with(l03.sigmoid_backward(lambda dh, h: h * (1 - h)), "dh를 곱하지 않았습니다")


def test_sigmoid_backward_missing_one_minus_h():
    _assert_failed_with(l03.sigmoid_backward(lambda dh, h: dh * h), "(1 − h)가 빠졌습니다")


def test_sigmoid_backward_applies_sigmoid_twice():
    _assert_failed_with(
        l03.sigmoid_backward(lambda dh, h: dh * _sig(h) * (1 - _sig(h))), "한 번 더"
    )


def test_sigmoid_backward_sign_flipped():
    _assert_failed_with(l03.sigmoid_backward(lambda dh, h: -dh * h * (1 - h)), "부호가 반대")


def test_sigmoid_backward_slightly_wrong_is_caught_by_gradcheck():
    feedback = l03.sigmoid_backward(lambda dh, h: 1.001 * dh * h * (1 - h))
    _assert_failed_with(feedback, "상대 오차")


def test_sigmoid_backward_matrix_product_gives_shape_message():
    _assert_failed_with(l03.sigmoid_backward(lambda dh, h: dh @ h.T), "모양", "(4, 3)")


def test_sigmoid_backward_returning_none():
    def sigmoid_backward(dh, h):
        dh * h * (1 - h)  # return을 잊었습니다

    _assert_failed_with(l03.sigmoid_backward(sigmoid_backward), "None", "return")


def test_sigmoid_backward_student_exception_becomes_korean_feedback():
    def sigmoid_backward(dh, h):
        return dh * undefined_name  # noqa: F821

    feedback = l03.sigmoid_backward(sigmoid_backward)
    _assert_failed_with(feedback, "오류", "NameError")


def test_sigmoid_backward_not_implemented():
    def sigmoid_backward(dh, h):
        raise NotImplementedError

    _assert_failed_with(l03.sigmoid_backward(sigmoid_backward), "구현하지 않은")


def test_sigmoid_backward_not_callable():
    _assert_failed_with(l03.sigmoid_backward(0.25), "함수를 넘겨야")


# ---------------------------------------------------------------------------
# 직접 해보기 2: output_delta  (y_o = 0.7, t = 0.2  →  δ = 0.5 × 0.7 × 0.3 = 0.105)
# ---------------------------------------------------------------------------


def test_output_delta_values_are_the_ones_the_lesson_states():
    assert l03.OUTPUT_DELTA_VALUES == {"y_o": 0.7, "target": 0.2}


@pytest.mark.parametrize("answer", [0.105, (0.7 - 0.2) * 0.7 * (1 - 0.7), np.float64(0.105), np.array([0.105])])
def test_output_delta_correct(answer):
    feedback = l03.output_delta(answer)
    assert feedback.ok, str(feedback)
    assert "0.105" in feedback.message


@pytest.mark.parametrize(
    ("answer", "fragment"),
    [
        (0.0, "아직 0"),
        (0.5, "오차 y_o − t = 0.5만"),
        (-0.105, "부호가 반대"),
        (0.21, "국소적 미분 y_o(1 − y_o) = 0.21만"),
        (0.35, "(1 − y_o)가 빠졌습니다"),
        (0.15, "y_o가 빠졌습니다"),
        (0.125, "손실 E"),
        (0.11, "가깝지만"),
        (3.0, "δ가 아닙니다"),
    ],
)
def test_output_delta_typical_mistakes(answer, fragment):
    _assert_failed_with(l03.output_delta(answer), fragment)


def test_output_delta_sigmoid_applied_again():
    s = 1 / (1 + np.exp(-0.7))
    _assert_failed_with(l03.output_delta(0.5 * s * (1 - s)), "한 번 더")


@pytest.mark.parametrize("answer", ["0.105", [0.1, 0.2], None, True])
def test_output_delta_not_a_number(answer):
    _assert_failed_with(l03.output_delta(answer), "숫자 하나")


# ---------------------------------------------------------------------------
# 직접 해보기 3: hidden_gradient
# ---------------------------------------------------------------------------


def _correct_hidden_gradient(x, y, W1, W2):
    h = _sig(x @ W1)
    y_hat = h @ W2
    return np.outer(x, -(y - y_hat) * W2 * h * (1 - h))


def test_hidden_gradient_reference_agrees_with_torch_autograd():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(7)
    cases = [(X, Y, W1, W2)] + [
        (rng.normal(size=2), float(rng.normal()), rng.normal(size=(2, 3)), rng.normal(size=3))
        for _ in range(3)
    ]
    for x, y, w1, w2 in cases:
        tw1 = torch.tensor(w1, dtype=torch.float64, requires_grad=True)
        tx = torch.tensor(x, dtype=torch.float64)
        y_hat = torch.sigmoid(tx @ tw1) @ torch.tensor(w2, dtype=torch.float64)
        loss = 0.5 * (y - y_hat) ** 2
        loss.backward()
        np.testing.assert_allclose(
            l03._backprop_hidden_gradient(x, y, w1, w2), tw1.grad.numpy(), rtol=1e-12, atol=1e-15
        )


def test_hidden_gradient_worked_numbers_by_hand():
    # 손 계산: z = (0.7, −0.4, 0.35), ŷ = Σ h_j W2_j, ∂E/∂W1_11 = −(1 − ŷ)·0.6·h1(1 − h1)·1
    z = np.array([0.7, -0.4, 0.35])
    h = 1 / (1 + np.exp(-z))
    y_hat = 0.6 * h[0] - 0.4 * h[1] + 0.3 * h[2]
    expected_11 = -(1 - y_hat) * 0.6 * h[0] * (1 - h[0]) * 1.0
    assert l03._backprop_hidden_gradient(X, Y, W1, W2)[0, 0] == pytest.approx(expected_11, rel=1e-12)
    assert expected_11 == pytest.approx(-0.0776385713, abs=1e-10)


def test_hidden_gradient_correct_passes():
    feedback = l03.hidden_gradient(_correct_hidden_gradient)
    assert feedback.ok, str(feedback)


def test_hidden_gradient_zeros_starter():
    _assert_failed_with(l03.hidden_gradient(lambda x, y, W1, W2: np.zeros_like(W1)), "모두 0")


def test_hidden_gradient_sign_flipped():
    _assert_failed_with(
        l03.hidden_gradient(lambda *a: -_correct_hidden_gradient(*a)), "부호가 반대"
    )


def test_hidden_gradient_missing_activation_derivative():
    def wrong(x, y, W1, W2):
        h = _sig(x @ W1)
        return np.outer(x, -(y - h @ W2) * W2)

    _assert_failed_with(l03.hidden_gradient(wrong), "f′(z_j)가 빠졌습니다")


def test_hidden_gradient_missing_output_weight():
    def wrong(x, y, W1, W2):
        h = _sig(x @ W1)
        return np.outer(x, -(y - h @ W2) * h * (1 - h))

    _assert_failed_with(l03.hidden_gradient(wrong), "W⁽²⁾_j가 빠졌습니다")


def test_hidden_gradient_transposed():
    _assert_failed_with(
        l03.hidden_gradient(lambda *a: _correct_hidden_gradient(*a).T), "(3, 2)", "np.outer"
    )


def test_hidden_gradient_hard_coded_numbers_fail_on_other_inputs():
    fixed = _correct_hidden_gradient(X, Y, W1, W2)
    _assert_failed_with(l03.hidden_gradient(lambda *a: fixed.copy()), "다른 입력")


def test_hidden_gradient_student_exception():
    def broken(x, y, W1, W2):
        return np.outer(x, W2) @ W1  # (2, 3) @ (2, 3): 모양이 맞지 않아 오류

    _assert_failed_with(l03.hidden_gradient(broken), "오류", "ValueError")


# ---------------------------------------------------------------------------
# 직접 해보기 4: relu_zero_gradients
# ---------------------------------------------------------------------------


def test_relu_zero_set_matches_hand_reasoning():
    # z = x W1 = (1·0.4 + 0.5·0.6, 1·(−0.5) + 0.5·0.2, 1·0.5 + 0.5·(−0.3)) = (0.7, −0.4, 0.35)
    np.testing.assert_allclose(X @ W1, [0.7, -0.4, 0.35])
    assert l03._relu_zero_set() == {"W2_2", "W1_12", "W1_22"}


@pytest.mark.parametrize(
    "answer",
    [{"W2_2", "W1_12", "W1_22"}, ["W1_22", "W2_2", "W1_12"], ("w2_2", "w1_12", " W1_22")],
)
def test_relu_zero_gradients_correct(answer):
    feedback = l03.relu_zero_gradients(answer)
    assert feedback.ok, str(feedback)


def test_relu_zero_gradients_empty_starter():
    _assert_failed_with(l03.relu_zero_gradients(set()), "아무 가중치도")


def test_relu_zero_gradients_forgot_output_weight():
    _assert_failed_with(l03.relu_zero_gradients({"W1_12", "W1_22"}), "출력층 가중치 하나", "h₂")


def test_relu_zero_gradients_only_output_weight():
    _assert_failed_with(l03.relu_zero_gradients({"W2_2"}), "2개", "f′(z₂) = 0")


def test_relu_zero_gradients_confuses_input_and_unit_index():
    _assert_failed_with(
        l03.relu_zero_gradients({"W2_2", "W1_21", "W1_22", "W1_23"}), "입력 x₂에서 나가는"
    )


def test_relu_zero_gradients_extra_nonzero_weight():
    feedback = l03.relu_zero_gradients({"W2_2", "W1_12", "W1_22", "W1_11"})
    _assert_failed_with(feedback, "0이 아닌", "W1_11")


def test_relu_zero_gradients_unknown_name():
    _assert_failed_with(l03.relu_zero_gradients({"W3_1"}), "알 수 없는 이름", "'W3_1'")


def test_relu_zero_gradients_not_a_collection():
    _assert_failed_with(l03.relu_zero_gradients(5), "집합이나 목록")
