"""dlcourse.optim 학습률 스케줄 테스트. 기준: Keras 문서의 식을 테스트 안에서 math로 직접 계산한 값."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dlcourse as dl

HANGUL = re.compile("[가-힣]")


# ---------------------------------------------------------------------------- 강의 8의 세 스케줄
def test_piecewise_constant_boundaries_belong_to_the_left_interval():
    schedule = dl.optim.PiecewiseConstantDecay(boundaries=[700, 900], values=[0.1, 0.05, 0.01])
    assert [schedule(step) for step in (0, 699, 700, 701, 900, 901, 5000)] == [
        0.1,
        0.1,
        0.1,
        0.05,
        0.05,
        0.01,
        0.01,
    ]


def test_exponential_decay_values():
    schedule = dl.optim.ExponentialDecay(initial_learning_rate=0.1, decay_steps=500, decay_rate=0.5)
    assert schedule(0) == 0.1
    assert schedule(500) == pytest.approx(0.05, rel=1e-15)
    assert schedule(1000) == pytest.approx(0.025, rel=1e-15)
    assert schedule(499) == pytest.approx(0.1 * 0.5 ** (499 / 500), rel=1e-15)
    assert schedule(250) == pytest.approx(0.1 / math.sqrt(2), rel=1e-15)


def test_exponential_decay_staircase():
    schedule = dl.optim.ExponentialDecay(0.1, 500, 0.5, staircase=True)
    assert schedule(0) == 0.1
    assert schedule(499) == 0.1
    assert schedule(500) == 0.05
    assert schedule(999) == 0.05
    assert schedule(1000) == 0.025


def polynomial_closed_form(step, lr0, decay_steps, end, power):
    s = min(step, decay_steps)
    return (lr0 - end) * (1 - s / decay_steps) ** power + end


def test_polynomial_decay_matches_closed_form():
    schedule = dl.optim.PolynomialDecay(
        initial_learning_rate=0.1, decay_steps=900, end_learning_rate=0.01, power=0.5
    )
    for step in (0, 1, 450, 899, 900, 2000):
        expected = polynomial_closed_form(step, 0.1, 900, 0.01, 0.5)
        assert schedule(step) == pytest.approx(expected, rel=1e-14), step
    assert schedule(0) == pytest.approx(0.1, rel=1e-15)
    assert schedule(450) == pytest.approx(0.09 * math.sqrt(0.5) + 0.01, rel=1e-14)
    assert schedule(900) == pytest.approx(0.01, rel=1e-15)
    assert schedule(2000) == pytest.approx(0.01, rel=1e-15)


def test_polynomial_decay_defaults():
    schedule = dl.optim.PolynomialDecay(0.1, 100)
    assert schedule(50) == pytest.approx((0.1 - 1e-4) * 0.5 + 1e-4, rel=1e-14)  # power=1, end=1e-4


def test_polynomial_decay_cycle():
    schedule = dl.optim.PolynomialDecay(0.1, 100, end_learning_rate=0.0, power=1.0, cycle=True)

    def expected(step):
        multiplier = 1 if step == 0 else math.ceil(step / 100)  # step 0은 Keras처럼 배수 1
        return 0.1 * (1 - step / (100 * multiplier))

    for step in (0, 1, 50, 100, 101, 150, 200, 201, 350):
        assert schedule(step) == pytest.approx(expected(step), rel=1e-14, abs=1e-18), step
    assert schedule(100) == 0.0
    assert schedule(101) == pytest.approx(0.1 * 99 / 200, rel=1e-14)  # 다시 올라감
    assert schedule(201) > schedule(200)


# ---------------------------------------------------------------------------- 그 밖의 Keras 스케줄
def test_cosine_decay_without_warmup():
    schedule = dl.optim.CosineDecay(0.2, decay_steps=100, alpha=0.1)
    assert schedule(0) == pytest.approx(0.2, rel=1e-15)
    assert schedule(50) == pytest.approx(0.2 * (0.9 * 0.5 + 0.1), rel=1e-14)
    assert schedule(25) == pytest.approx(
        0.2 * (0.9 * 0.5 * (1 + math.cos(math.pi / 4)) + 0.1), rel=1e-14
    )
    assert schedule(100) == pytest.approx(0.02, rel=1e-14)
    assert schedule(1000) == pytest.approx(0.02, rel=1e-14)


def test_cosine_decay_with_warmup():
    schedule = dl.optim.CosineDecay(
        0.0, decay_steps=100, alpha=0.1, warmup_target=0.2, warmup_steps=10
    )
    assert schedule(0) == 0.0
    assert schedule(5) == pytest.approx(0.1, rel=1e-15)  # 0 → 0.2 직선의 가운데
    assert schedule(9) == pytest.approx(0.18, rel=1e-14)
    assert schedule(10) == pytest.approx(0.2, rel=1e-15)  # 워밍업 끝 = 코사인 시작
    assert schedule(60) == pytest.approx(0.2 * (0.9 * 0.5 + 0.1), rel=1e-14)
    assert schedule(110) == pytest.approx(0.02, rel=1e-14)
    assert schedule(5000) == pytest.approx(0.02, rel=1e-14)


def test_cosine_decay_with_target_but_no_warmup_steps_starts_from_target():
    schedule = dl.optim.CosineDecay(0.05, decay_steps=10, warmup_target=0.3)
    assert schedule(0) == pytest.approx(0.3, rel=1e-15)
    assert schedule(10) == pytest.approx(0.0, abs=1e-18)


def test_inverse_time_decay():
    schedule = dl.optim.InverseTimeDecay(0.1, decay_steps=10, decay_rate=0.5)
    assert schedule(0) == 0.1
    assert schedule(20) == pytest.approx(0.1 / (1 + 0.5 * 2), rel=1e-15)
    assert schedule(19) == pytest.approx(0.1 / (1 + 0.5 * 1.9), rel=1e-15)
    stairs = dl.optim.InverseTimeDecay(0.1, decay_steps=10, decay_rate=0.5, staircase=True)
    assert stairs(19) == pytest.approx(0.1 / 1.5, rel=1e-15)
    assert stairs(20) == pytest.approx(0.05, rel=1e-15)


# ---------------------------------------------------------------------------- 배열 입력과 표시
ALL_SCHEDULES = {
    "piecewise": dl.optim.PiecewiseConstantDecay([700, 900], [0.1, 0.05, 0.01]),
    "exponential": dl.optim.ExponentialDecay(0.1, 500, 0.5),
    "exponential_stairs": dl.optim.ExponentialDecay(0.1, 500, 0.5, staircase=True),
    "polynomial": dl.optim.PolynomialDecay(0.1, 900, 0.01, power=0.5),
    "polynomial_cycle": dl.optim.PolynomialDecay(0.1, 300, 0.01, power=2.0, cycle=True),
    "cosine": dl.optim.CosineDecay(0.1, 800, alpha=0.05),
    "cosine_warmup": dl.optim.CosineDecay(0.0, 800, warmup_target=0.1, warmup_steps=100),
    "inverse_time": dl.optim.InverseTimeDecay(0.1, 100, 0.3),
    "inverse_time_stairs": dl.optim.InverseTimeDecay(0.1, 100, 0.3, staircase=True),
}


@pytest.mark.parametrize("schedule", ALL_SCHEDULES.values(), ids=list(ALL_SCHEDULES))
def test_array_input_equals_scalar_calls(schedule):
    steps = np.arange(0, 1500, 7)
    values = schedule(steps)
    assert isinstance(values, np.ndarray) and values.shape == steps.shape
    assert values.dtype == np.float64
    scalars = [schedule(int(step)) for step in steps]
    assert all(isinstance(v, float) for v in scalars)
    np.testing.assert_array_equal(values, scalars)
    grid = schedule(steps[:12].reshape(3, 4))
    assert grid.shape == (3, 4)
    np.testing.assert_array_equal(grid.ravel(), values[:12])
    np.testing.assert_array_equal(
        schedule([0, 700, 701]), [schedule(0), schedule(700), schedule(701)]
    )
    assert schedule(np.int64(700)) == schedule(700)
    assert schedule(700.0) == schedule(700)


def test_repr_is_readable():
    assert (
        repr(dl.optim.PiecewiseConstantDecay([700, 900], [0.1, 0.05, 0.01]))
        == "PiecewiseConstantDecay(boundaries=[700, 900], values=[0.1, 0.05, 0.01])"
    )
    assert (
        repr(dl.optim.ExponentialDecay(0.1, 500, 0.5))
        == "ExponentialDecay(initial_learning_rate=0.1, decay_steps=500, decay_rate=0.5, staircase=False)"
    )
    assert repr(dl.optim.PolynomialDecay(0.1, 900, 0.01, power=0.5)) == (
        "PolynomialDecay(initial_learning_rate=0.1, decay_steps=900, end_learning_rate=0.01, "
        "power=0.5, cycle=False)"
    )
    assert "warmup_target=0.1" in repr(ALL_SCHEDULES["cosine_warmup"])
    assert repr(ALL_SCHEDULES["inverse_time"]).startswith(
        "InverseTimeDecay(initial_learning_rate=0.1"
    )


def test_custom_schedule_subclass_works_with_optimizer():
    class Halving(dl.optim.LearningRateSchedule):
        def _rate(self, step):
            return 0.5 ** np.floor(np.divide(step, 2))

    schedule = Halving()
    assert repr(schedule) == "Halving()"
    np.testing.assert_array_equal(schedule(np.arange(5)), [1.0, 1.0, 0.5, 0.5, 0.25])
    params = {"x": np.array([0.0])}
    opt = dl.optim.SGD(schedule)
    for _ in range(3):
        opt.update(params, {"x": np.array([1.0])})
    assert params["x"][0] == -2.5  # 1 + 1 + 0.5


# ---------------------------------------------------------------------------- 성질 (Hypothesis)
@settings(deadline=None)
@given(
    lr0=st.floats(1e-4, 1.0),
    decay_steps=st.integers(1, 2000),
    fraction=st.floats(0.0, 0.999),
    power=st.floats(0.1, 3.0),
    alpha=st.floats(0.0, 1.0),
)
def test_decaying_schedules_stay_between_end_and_start_and_never_increase(
    lr0, decay_steps, fraction, power, alpha
):
    end = lr0 * fraction
    steps = np.arange(0, 3 * decay_steps, max(1, decay_steps // 50))
    for schedule, low in (
        (dl.optim.ExponentialDecay(lr0, decay_steps, 0.5 + 0.5 * fraction), 0.0),
        (dl.optim.PolynomialDecay(lr0, decay_steps, end, power=power), end),
        (dl.optim.CosineDecay(lr0, decay_steps, alpha=alpha), lr0 * alpha),
        (dl.optim.InverseTimeDecay(lr0, decay_steps, 1.0 + fraction), 0.0),
    ):
        values = schedule(steps)
        assert values[0] == pytest.approx(lr0, rel=1e-12)
        assert np.all(np.diff(values) <= 1e-15 * lr0), schedule
        assert np.all(values >= low * (1 - 1e-12)), schedule
        assert np.all(values <= lr0 * (1 + 1e-12)), schedule


# ---------------------------------------------------------------------------- 잘못된 입력
@pytest.mark.parametrize(
    "make,error,mentions",
    [
        (
            lambda: dl.optim.PiecewiseConstantDecay([900, 700], [0.1, 0.05, 0.01]),
            ValueError,
            "boundaries",
        ),
        (lambda: dl.optim.PiecewiseConstantDecay([700, 700], [0.1, 0.05, 0.01]), ValueError, "700"),
        (lambda: dl.optim.PiecewiseConstantDecay([700, 900], [0.1, 0.05]), ValueError, "values"),
        (lambda: dl.optim.PiecewiseConstantDecay([], [0.1]), ValueError, "boundaries"),
        (lambda: dl.optim.PiecewiseConstantDecay([-5], [0.1, 0.2]), ValueError, "boundaries[0]"),
        (lambda: dl.optim.PiecewiseConstantDecay([700], [0.1, -0.05]), ValueError, "values[1]"),
        (lambda: dl.optim.PiecewiseConstantDecay(700, [0.1, 0.05]), TypeError, "boundaries"),
        (lambda: dl.optim.PiecewiseConstantDecay([700], [0.1, "a"]), TypeError, "values[1]"),
        (lambda: dl.optim.ExponentialDecay(0.0, 500, 0.5), ValueError, "initial_learning_rate"),
        (lambda: dl.optim.ExponentialDecay(0.1, 0, 0.5), ValueError, "decay_steps"),
        (lambda: dl.optim.ExponentialDecay(0.1, -10, 0.5), ValueError, "-10"),
        (lambda: dl.optim.ExponentialDecay(0.1, 500, 0.0), ValueError, "decay_rate"),
        (lambda: dl.optim.ExponentialDecay(0.1, 500, 0.5, staircase="no"), TypeError, "staircase"),
        (lambda: dl.optim.PolynomialDecay(0.1, 0), ValueError, "decay_steps"),
        (
            lambda: dl.optim.PolynomialDecay(0.1, 900, end_learning_rate=-0.01),
            ValueError,
            "end_learning_rate",
        ),
        (lambda: dl.optim.PolynomialDecay(0.1, 900, power=0.0), ValueError, "power"),
        (lambda: dl.optim.PolynomialDecay(0.1, 900, cycle=1), TypeError, "cycle"),
        (lambda: dl.optim.CosineDecay(0.1, 0), ValueError, "decay_steps"),
        (lambda: dl.optim.CosineDecay(0.1, 100, alpha=1.5), ValueError, "alpha"),
        (lambda: dl.optim.CosineDecay(0.0, 100), ValueError, "initial_learning_rate"),
        (lambda: dl.optim.CosineDecay(0.1, 100, warmup_steps=10), ValueError, "warmup_target"),
        (
            lambda: dl.optim.CosineDecay(0.0, 100, warmup_target=-1.0, warmup_steps=10),
            ValueError,
            "warmup_target",
        ),
        (
            lambda: dl.optim.CosineDecay(0.0, 100, warmup_target=0.1, warmup_steps=-1),
            ValueError,
            "warmup_steps",
        ),
        (lambda: dl.optim.InverseTimeDecay(0.1, 10, -0.5), ValueError, "decay_rate"),
        (lambda: dl.optim.InverseTimeDecay(0.1, 0.0, 0.5), ValueError, "decay_steps"),
    ],
)
def test_invalid_arguments_raise_korean_errors(make, error, mentions):
    with pytest.raises(error) as info:
        make()
    message = str(info.value)
    assert HANGUL.search(message), message
    assert mentions in message, message


@pytest.mark.parametrize(
    "step,error",
    [
        (-1, ValueError),
        (float("nan"), ValueError),
        (math.inf, ValueError),
        ("3", TypeError),
        (np.array([0, -2]), ValueError),
        (np.array([0.0, np.nan]), ValueError),
        ([True], TypeError),
    ],
)
def test_invalid_steps_raise_korean_errors(step, error):
    schedule = dl.optim.ExponentialDecay(0.1, 500, 0.5)
    with pytest.raises(error) as info:
        schedule(step)
    assert HANGUL.search(str(info.value)) and "step" in str(info.value)
