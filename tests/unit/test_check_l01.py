"""1강 채점기(dlcourse.check.l01): 맞는 답은 통과, 흔한 틀린 답은 그 실수를 짚는 메시지.

정답 함수와 숫자는 이 파일에서 손으로 적었습니다 (J = x₁² + 2x₂² − x₁x₂, x(0) = [−5, 4]).
"""

from __future__ import annotations

import numpy as np
import pytest

from dlcourse.check import Feedback, l01


def _assert_failed_with(feedback, *fragments):
    assert isinstance(feedback, Feedback)
    assert not feedback.ok, str(feedback)
    text = feedback.message + " " + feedback.hint
    for fragment in fragments:
        assert fragment in text, f"'{fragment}'이 메시지에 없습니다: {text}"


def grad_J(x):
    return np.array([2 * x[0] - x[1], 4 * x[1] - x[0]])


def gd_step(x, learning_rate):
    return x - learning_rate * grad_J(x)


# ---------------------------------------------------------------------------
# 직접 해보기 1: gradient_and_step
# ---------------------------------------------------------------------------


def test_gradient_and_step_correct_passes():
    feedback = l01.gradient_and_step(grad_J, gd_step)
    assert feedback.ok, str(feedback)
    assert "[−3.6, 1.9]" in feedback.message


def test_gradient_and_step_accepts_lists_and_in_place_update():
    def grad_list(x):
        return [2 * x[0] - x[1], 4 * x[1] - x[0]]

    def step_in_place(x, learning_rate):
        x -= learning_rate * np.asarray(grad_list(x))
        return x

    assert l01.gradient_and_step(grad_list, step_in_place).ok


def test_starter_gradient_of_zeros_fails_specifically():
    _assert_failed_with(
        l01.gradient_and_step(lambda x: np.zeros(2), lambda x, lr: x), "모두 0", "2x₁ − x₂"
    )


def test_cross_term_sign_mistake():
    _assert_failed_with(
        l01.gradient_and_step(lambda x: np.array([2 * x[0] + x[1], 4 * x[1] + x[0]]), gd_step),
        "−x₁x₂ 항의 부호",
    )


def test_swapped_components():
    _assert_failed_with(
        l01.gradient_and_step(lambda x: np.array([4 * x[1] - x[0], 2 * x[0] - x[1]]), gd_step),
        "순서가 뒤바뀌었습니다",
    )


def test_missing_power_rule_factor():
    _assert_failed_with(
        l01.gradient_and_step(lambda x: np.array([x[0] - x[1], 2 * x[1] - x[0]]), gd_step),
        "계수가 빠졌습니다",
    )


def test_hard_coded_gradient_at_start_is_caught_at_other_points():
    _assert_failed_with(
        l01.gradient_and_step(lambda x: np.array([-14.0, 21.0]), gd_step), "다른 점"
    )


def test_step_going_uphill():
    _assert_failed_with(
        l01.gradient_and_step(grad_J, lambda x, lr: x + lr * grad_J(x)), "올라갔습니다"
    )


def test_step_without_learning_rate():
    _assert_failed_with(
        l01.gradient_and_step(grad_J, lambda x, lr: x - grad_J(x)), "학습률 η를 곱하지 않았습니다"
    )


def test_starter_step_returning_x_fails():
    _assert_failed_with(l01.gradient_and_step(grad_J, lambda x, lr: x), "그대로")


def test_step_with_fixed_learning_rate_is_caught():
    _assert_failed_with(
        l01.gradient_and_step(grad_J, lambda x, lr: x - 0.1 * grad_J(x)), "η = 0.03"
    )


def test_wrong_shape_and_none_and_not_callable():
    _assert_failed_with(
        l01.gradient_and_step(lambda x: np.array([1.0, 2.0, 3.0]), gd_step), "3개"
    )
    _assert_failed_with(l01.gradient_and_step(lambda x: None, gd_step), "None")
    _assert_failed_with(l01.gradient_and_step(grad_J(np.array([1.0, 2.0])), gd_step), "함수를 넘겨야")


def test_student_exception_becomes_korean_feedback():
    def broken(x):
        return x[5]

    feedback = l01.gradient_and_step(broken, gd_step)
    assert isinstance(feedback, Feedback)
    _assert_failed_with(feedback, "오류가 났습니다", "IndexError")


def test_step_exception_becomes_korean_feedback():
    def broken_step(x, learning_rate):
        return x - learning_rate * undefined_gradient(x)  # noqa: F821

    _assert_failed_with(l01.gradient_and_step(grad_J, broken_step), "오류가 났습니다", "NameError")


# ---------------------------------------------------------------------------
# 직접 해보기 2: learning_rate_30_steps
# ---------------------------------------------------------------------------


def _norm_after_30(eta):
    x = np.array([-5.0, 4.0])
    for _ in range(30):
        x = gd_step(x, eta)
    return np.linalg.norm(x)


@pytest.mark.parametrize("eta", [0.15, 0.2, 1 / 3, 0.38])
def test_good_learning_rates_pass(eta):
    assert _norm_after_30(eta) < 0.01  # 손으로 돌린 경사 하강법으로 먼저 확인합니다.
    feedback = l01.learning_rate_30_steps(eta)
    assert feedback.ok, str(feedback)


def test_syllabus_rate_is_close_but_not_enough():
    # 강의 표: η = 0.1이면 x(30) = [−0.0161, −0.00665], ‖x(30)‖ ≈ 0.0174
    assert 0.017 < _norm_after_30(0.1) < 0.018
    _assert_failed_with(l01.learning_rate_30_steps(0.1), "거의 다 왔지만", "키워")


def test_tiny_rate_is_too_slow():
    _assert_failed_with(l01.learning_rate_30_steps(0.01), "아직 멀리", "키워 보세요")


def test_slightly_too_large_rate_zigzags():
    assert _norm_after_30(0.43) > 0.01
    _assert_failed_with(l01.learning_rate_30_steps(0.43), "지그재그", "줄여")


def test_syllabus_divergent_rate():
    # 강의 표: η = 0.5이면 x(30) ≈ [−608, 1468]
    _assert_failed_with(l01.learning_rate_30_steps(0.5), "멀어졌습니다", "줄여")


def test_huge_rate_diverges():
    _assert_failed_with(l01.learning_rate_30_steps(2.0), "발산했습니다")


@pytest.mark.parametrize("bad", ["0.2", None, [0.1, 0.2], -0.1, 0.0, float("nan")])
def test_invalid_learning_rates(bad):
    feedback = l01.learning_rate_30_steps(bad)
    assert isinstance(feedback, Feedback) and not feedback.ok
    assert "학습률" in feedback.message


# ---------------------------------------------------------------------------
# 직접 해보기 3: first_step
# ---------------------------------------------------------------------------


def test_first_step_correct():
    # ∇J(x0) = [−14, 21], x(1) = [−5, 4] − 0.2 [−14, 21] = [−2.2, −0.2]
    assert l01.first_step([-2.2, -0.2]).ok
    assert l01.first_step(np.array([-2.2, -0.2])).ok
    assert l01.first_step((-2.2000001, -0.2)).ok


def test_first_step_starter_zeros():
    _assert_failed_with(l01.first_step([0.0, 0.0]), "[0, 0]")


def test_first_step_with_lesson_rate():
    _assert_failed_with(l01.first_step([-3.6, 1.9]), "η = 0.1")


def test_first_step_sign_error():
    _assert_failed_with(l01.first_step([-7.8, 8.2]), "부호가 반대")


def test_first_step_forgot_learning_rate():
    _assert_failed_with(l01.first_step([9.0, -17.0]), "학습률 0.2를 곱하지 않았습니다")


def test_first_step_wrong_gradient_sign_of_cross_term():
    # ∇J를 [2x₁ + x₂, 4x₂ + x₁] = [−6, 11]로 잘못 구하면 x(1) = [−3.8, 1.8]
    _assert_failed_with(l01.first_step([-3.8, 1.8]), "−x₁x₂ 항의 부호")


def test_first_step_one_component_wrong():
    _assert_failed_with(l01.first_step([-2.2, 0.2]), "x₂ 성분")


def test_first_step_bad_input():
    _assert_failed_with(l01.first_step("-2.2, -0.2"), "글자")
    _assert_failed_with(l01.first_step([-2.2]), "1개")


# ---------------------------------------------------------------------------
# 직접 해보기 4: global_minimum_start
# ---------------------------------------------------------------------------


def test_start_in_global_basin_passes():
    feedback = l01.global_minimum_start([3.0, 3.0])
    assert feedback.ok, str(feedback)


def test_default_start_is_trapped_in_local_minimum():
    _assert_failed_with(l01.global_minimum_start([-3.5, -3.0]), "지역 최솟값에 갇힙니다", "0.471")


def test_upper_left_start_reaches_other_local_minimum():
    _assert_failed_with(l01.global_minimum_start([-3.0, 3.0]), "지역 최솟값에 갇힙니다", "-1.862")


def test_start_outside_window():
    _assert_failed_with(l01.global_minimum_start([5.0, 5.0]), "그림 범위", "밖에 있습니다")
