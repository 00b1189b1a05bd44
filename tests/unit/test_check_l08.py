"""8강 채점기(dlcourse.check.l08): 맞는 답은 통과, 흔한 틀린 답은 그 실수를 짚는 메시지.

정답 함수는 Keras 문서의 식을 이 파일에서 손으로 옮겨 적었습니다.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from dlcourse.check import Feedback, l08


def _assert_failed_with(feedback, *fragments):
    assert isinstance(feedback, Feedback)
    assert not feedback.ok, str(feedback)
    text = feedback.message + " " + feedback.hint
    for fragment in fragments:
        assert fragment in text, f"'{fragment}'이 메시지에 없습니다: {text}"


def my_exponential_decay(step, initial_learning_rate, decay_steps, decay_rate, staircase=False):
    exponent = step / decay_steps
    if staircase:
        exponent = math.floor(exponent)
    return initial_learning_rate * decay_rate**exponent


def my_polynomial_decay(step, initial_learning_rate, decay_steps, end_learning_rate, power,
                        cycle=False):
    if cycle:
        horizon = decay_steps * math.ceil(step / decay_steps) if step > 0 else decay_steps
    else:
        step = min(step, decay_steps)
        horizon = decay_steps
    return (initial_learning_rate - end_learning_rate) * (1 - step / horizon) ** power + end_learning_rate


# ---------------------------------------------------------------------------
# 직접 해보기 1: exponential_decay
# ---------------------------------------------------------------------------


def test_hand_formula_gives_syllabus_values():
    # η = 0.1 · 0.5^(step/500): 스텝 500 → 0.05, 1000 → 0.025
    assert my_exponential_decay(500, 0.1, 500, 0.5) == pytest.approx(0.05)
    assert my_exponential_decay(1000, 0.1, 500, 0.5) == pytest.approx(0.025)
    assert my_exponential_decay(499, 0.1, 500, 0.5, staircase=True) == 0.1


def test_exponential_correct_passes():
    feedback = l08.exponential_decay(my_exponential_decay)
    assert feedback.ok, str(feedback)


def test_exponential_numpy_version_passes():
    def with_numpy(step, rate, decay_steps, decay_rate, staircase=False):
        e = np.floor(step / decay_steps) if staircase else step / decay_steps
        return rate * np.power(decay_rate, e)

    assert l08.exponential_decay(with_numpy).ok


def test_exponential_starter_constant_fails():
    _assert_failed_with(
        l08.exponential_decay(lambda s, r, d, q, staircase=False: r), "바뀌지 않습니다"
    )


def test_exponential_forgot_division():
    _assert_failed_with(
        l08.exponential_decay(lambda s, r, d, q, staircase=False: r * q**s), "나누지 않아서"
    )


def test_exponential_product_instead_of_power():
    _assert_failed_with(
        l08.exponential_decay(lambda s, r, d, q, staircase=False: r * q * s / d), "거듭제곱"
    )


def test_exponential_staircase_ignored():
    _assert_failed_with(
        l08.exponential_decay(lambda s, r, d, q, staircase=False: r * q ** (s / d)),
        "staircase=True를 무시했습니다",
    )


def test_exponential_staircase_rounded():
    def rounded(s, r, d, q, staircase=False):
        return r * q ** (round(s / d) if staircase else s / d)

    _assert_failed_with(l08.exponential_decay(rounded), "반올림")


def test_exponential_always_staircase():
    _assert_failed_with(
        l08.exponential_decay(lambda s, r, d, q, staircase=False: r * q ** (s // d)),
        "staircase=False인데도",
    )


def test_exponential_small_error_reports_first_difference():
    _assert_failed_with(
        l08.exponential_decay(lambda s, r, d, q, staircase=False: 1.01 * my_exponential_decay(s, r, d, q, staircase)),
        "정답 0.1",
    )


def test_exponential_student_exception_is_feedback():
    def broken(s, r, d, q, staircase=False):
        return r * q ** (d / s)

    _assert_failed_with(l08.exponential_decay(broken), "0으로 나누었습니다", "step=0")


def test_exponential_student_name_error_is_korean_feedback():
    def typo(s, r, d, q, staircase=False):
        return initial_learning_rate * q ** (s / d)  # noqa: F821 (학생의 흔한 오타)

    feedback = l08.exponential_decay(typo)
    assert isinstance(feedback, Feedback)
    _assert_failed_with(feedback, "오류가 났습니다", "NameError")


def test_exponential_not_a_function_or_not_a_number():
    _assert_failed_with(l08.exponential_decay(0.1), "함수를 넘겨야")
    _assert_failed_with(
        l08.exponential_decay(lambda s, r, d, q, staircase=False: None), "숫자 하나"
    )


# ---------------------------------------------------------------------------
# 직접 해보기 2: piecewise_boundaries
# ---------------------------------------------------------------------------


def test_piecewise_correct_dict_and_list():
    assert l08.piecewise_boundaries({700: 0.1, 701: 0.05, 900: 0.05, 901: 0.01}).ok
    assert l08.piecewise_boundaries([0.1, 0.05, 0.05, 0.01]).ok


def test_piecewise_starter_zeros():
    _assert_failed_with(l08.piecewise_boundaries({700: 0.0, 701: 0.0, 900: 0.0, 901: 0.0}), "모두 0")


def test_piecewise_boundary_on_the_right():
    _assert_failed_with(
        l08.piecewise_boundaries({700: 0.05, 701: 0.05, 900: 0.01, 901: 0.01}), "오른쪽 구간"
    )


def test_piecewise_one_boundary_wrong():
    _assert_failed_with(
        l08.piecewise_boundaries({700: 0.1, 701: 0.05, 900: 0.01, 901: 0.01}), "경계 위의 스텝", "900"
    )


def test_piecewise_other_mistake_lists_wrong_steps():
    _assert_failed_with(
        l08.piecewise_boundaries({700: 0.1, 701: 0.1, 900: 0.05, 901: 0.05}), "701", "901"
    )


def test_piecewise_bad_input():
    _assert_failed_with(l08.piecewise_boundaries({700: 0.1}), "빠진 스텝")
    _assert_failed_with(l08.piecewise_boundaries([0.1, 0.05]), "네 개")
    _assert_failed_with(l08.piecewise_boundaries({700: "0.1", 701: 0.05, 900: 0.05, 901: 0.01}),
                        "숫자가 아닙니다")


# ---------------------------------------------------------------------------
# 직접 해보기 3: quiet_schedule
# ---------------------------------------------------------------------------


def test_quiet_faster_exponential_passes():
    feedback = l08.quiet_schedule(
        {"schedule": "exponential", "exp_decay_steps": 100, "exp_decay_rate": 0.5}
    )
    assert feedback.ok, str(feedback)


def test_quiet_syllabus_exponential_is_not_enough():
    _assert_failed_with(
        l08.quiet_schedule({"schedule": "exponential", "exp_decay_steps": 500, "exp_decay_rate": 0.5}),
        "끝까지 학습률이 커서",
    )


def test_quiet_too_fast_decay_never_arrives():
    _assert_failed_with(
        l08.quiet_schedule({"schedule": "exponential", "exp_decay_steps": 5, "exp_decay_rate": 0.01}),
        "잡음이 없어도",
        "너무 빨리",
    )


def test_quiet_late_drop_is_not_enough():
    _assert_failed_with(
        l08.quiet_schedule({"schedule": "piecewise", "final_rate": 0.001}), "끝의 학습률은 작지만"
    )


def test_quiet_rejects_changing_noise_and_unknown_names():
    _assert_failed_with(l08.quiet_schedule({"schedule": "exponential", "noise": 0.0}), "noise")
    _assert_failed_with(l08.quiet_schedule({"schedule": "exp"}), "알 수 없는 스케줄")
    _assert_failed_with(
        l08.quiet_schedule({"schedule": "exponential", "poly_power": 2.0}), "poly_power"
    )
    _assert_failed_with(
        l08.quiet_schedule({"schedule": "exponential", "exp_decay_rate": -1.0}), "만들 수 없습니다"
    )
    _assert_failed_with(l08.quiet_schedule(["exponential"]), "사전")


# ---------------------------------------------------------------------------
# 직접 해보기 4: polynomial_decay_cycle
# ---------------------------------------------------------------------------


def test_hand_polynomial_gives_syllabus_values():
    # η = (0.1 − 0.01)(1 − step/900)^0.5 + 0.01: 스텝 0 → 0.1, 450 → 0.0736, 900 이후 → 0.01
    assert my_polynomial_decay(0, 0.1, 900, 0.01, 0.5) == pytest.approx(0.1)
    assert my_polynomial_decay(450, 0.1, 900, 0.01, 0.5) == pytest.approx(0.09 * 0.5**0.5 + 0.01)
    assert my_polynomial_decay(2000, 0.1, 900, 0.01, 0.5) == pytest.approx(0.01)
    # cycle: 스텝 901에서 D = 1800, 다시 올라감
    assert my_polynomial_decay(901, 0.1, 900, 0.01, 0.5, cycle=True) > 0.07


def test_polynomial_correct_passes():
    feedback = l08.polynomial_decay_cycle(my_polynomial_decay)
    assert feedback.ok, str(feedback)


def test_polynomial_constant_starter():
    _assert_failed_with(
        l08.polynomial_decay_cycle(lambda s, r, d, e, p, cycle=False: r), "바뀌지 않습니다"
    )


def test_polynomial_cycle_ignored():
    _assert_failed_with(
        l08.polynomial_decay_cycle(
            lambda s, r, d, e, p, cycle=False: my_polynomial_decay(s, r, d, e, p, False)
        ),
        "cycle=True를 무시했습니다",
    )


def test_polynomial_cycle_with_modulo():
    def modulo(s, r, d, e, p, cycle=False):
        if cycle:
            return my_polynomial_decay(s % d, r, d, e, p, False)
        return my_polynomial_decay(s, r, d, e, p, False)

    _assert_failed_with(l08.polynomial_decay_cycle(modulo), "나머지")


def test_polynomial_cycle_zero_step_division():
    def no_zero_guard(s, r, d, e, p, cycle=False):
        if cycle:
            horizon = d * math.ceil(s / d)
            return (r - e) * (1 - s / horizon) ** p + e
        return my_polynomial_decay(s, r, d, e, p, False)

    _assert_failed_with(l08.polynomial_decay_cycle(no_zero_guard), "0으로 나누었습니다", "D = 0")


def test_polynomial_without_clamp_gives_complex_feedback():
    def no_clamp(s, r, d, e, p, cycle=False):
        return (r - e) * (1 - s / d) ** p + e

    _assert_failed_with(l08.polynomial_decay_cycle(no_clamp), "복소수", "음수")


def test_polynomial_numpy_nan_feedback():
    def no_clamp_numpy(s, r, d, e, p, cycle=False):
        return (r - e) * np.power(np.float64(1 - s / d), p) + e

    _assert_failed_with(l08.polynomial_decay_cycle(no_clamp_numpy), "NaN", "음수")
