"""8강 탐색기 dlcourse.labs.schedules 테스트.

학습률의 기댓값은 강의 개요의 닫힌 식을 테스트에서 따로 적어 계산합니다. 잡음 섞인
경사 하강법은 dl.optim.SGD(learning_rate=스케줄)로 다시 돌려 비교합니다.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from lab_helpers import (
    HANGUL,
    all_text,
    assert_no_plotting_imports,
    assert_unknown_preset_lists,
    drive_every_control,
    open_preset,
)

import dlcourse as dl
from dlcourse.labs import schedules

STEPS = np.arange(1001)


def piecewise(step):
    # 경계 위의 스텝은 왼쪽 구간: step ≤ 700 → 0.1, 700 < step ≤ 900 → 0.05, 그 뒤 0.01
    return 0.1 if step <= 700 else (0.05 if step <= 900 else 0.01)


def exponential(step):
    return 0.1 * 0.5 ** (step / 500)


def polynomial(step):
    return (0.1 - 0.01) * (1 - min(step, 900) / 900) ** 0.5 + 0.01


# ---------------------------------------------------------------------------
# 물리: 학습률 식
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "formula"),
    [("piecewise", piecewise), ("exponential", exponential), ("polynomial", polynomial)],
)
def test_syllabus_schedules_match_the_closed_forms(name, formula):
    result = schedules.run(schedule=name)
    expected = np.array([formula(int(step)) for step in STEPS])
    np.testing.assert_allclose(result.rates, expected, rtol=1e-12)
    np.testing.assert_allclose(result.all_rates[schedules.SCHEDULES.index(name)], expected,
                               rtol=1e-12)
    for step in schedules.TABLE_STEPS:
        assert result.rates[step] == pytest.approx(formula(step), rel=1e-12)


def test_boundary_values_from_the_syllabus():
    rates = schedules.run(schedule="piecewise").rates
    assert (rates[700], rates[701], rates[900], rates[901]) == (0.1, 0.05, 0.05, 0.01)
    exp_rates = schedules.run(schedule="exponential").rates
    assert exp_rates[500] == pytest.approx(0.05) and exp_rates[1000] == pytest.approx(0.025)
    poly = schedules.run(schedule="polynomial").rates
    assert poly[450] == pytest.approx(0.09 * math.sqrt(0.5) + 0.01)
    assert poly[900] == pytest.approx(0.01) and poly[1000] == pytest.approx(0.01)


def test_other_schedules_and_options_follow_their_formulas():
    stairs = schedules.run(schedule="exponential", exp_staircase=True).rates
    np.testing.assert_allclose(stairs, 0.1 * 0.5 ** np.floor(STEPS / 500), rtol=1e-12)
    cosine = schedules.run(schedule="cosine").rates
    np.testing.assert_allclose(cosine, 0.1 * 0.5 * (1 + np.cos(np.pi * STEPS / 1000)),
                               rtol=1e-12, atol=1e-15)
    warm = schedules.run(schedule="cosine", cos_warmup_steps=100, cos_decay_steps=900).rates
    np.testing.assert_allclose(warm[:101], 0.1 * STEPS[:101] / 100, rtol=1e-12)
    inverse = schedules.run(schedule="inverse_time").rates
    np.testing.assert_allclose(inverse, 0.1 / (1 + 1.0 * STEPS / 500), rtol=1e-12)
    cycled = schedules.run(schedule="polynomial", poly_cycle=True).rates
    assert cycled[901] > cycled[900]  # 900을 지나면 다시 올라갑니다 (D = 1800)
    assert cycled[901] == pytest.approx(0.09 * (1 - 901 / 1800) ** 0.5 + 0.01)


def test_syllabus_table_prints_the_boundary_values():
    text = schedules.syllabus_table()
    lines = text.splitlines()
    assert HANGUL.search(lines[0])
    header = [cell.strip() for cell in lines[1].split("|")]
    assert header == ["스텝", "구간별 상수 감쇠", "지수 감쇠", "다항식 감쇠"]
    rows = {int(line.split("|")[0]): [float(c) for c in line.split("|")[1:]] for line in lines[3:]}
    assert sorted(rows) == [0, 500, 700, 701, 900, 901, 1000]
    for step, (pc, ex, po) in rows.items():
        assert pc == pytest.approx(piecewise(step), rel=1e-3)
        assert ex == pytest.approx(exponential(step), rel=1e-3)
        assert po == pytest.approx(polynomial(step), rel=1e-3)


# ---------------------------------------------------------------------------
# 물리: 잡음 섞인 기울기
# ---------------------------------------------------------------------------


def sgd_with_engine(schedule, sigma: float, seed: int, steps: int = 1000) -> np.ndarray:
    """dl.optim.SGD로 같은 실험을 합니다: g = ∇J + σ ξ, ξ는 default_rng(seed)의 표준정규."""
    noise = sigma * np.random.default_rng(seed).standard_normal((steps, 2))
    optimizer = dl.optim.SGD(learning_rate=schedule)
    x = np.array([-5.0, 4.0])
    distances = [np.linalg.norm(x)]
    for t in range(steps):
        grad = dl.surfaces.QUADRATIC.gradient(x) + noise[t]
        optimizer.update({"x": x}, {"x": grad})
        distances.append(np.linalg.norm(x))
    return np.array(distances)


def test_noisy_run_equals_engine_sgd_with_the_schedule():
    result = schedules.run(schedule="exponential", noise=2.0, seed=3)
    expected = sgd_with_engine(dl.optim.ExponentialDecay(0.1, 500, 0.5), 2.0, 3)
    np.testing.assert_allclose(result.distance_schedule, expected, rtol=1e-9)
    constant = sgd_with_engine(0.1, 2.0, 3)
    np.testing.assert_allclose(result.distance_constant, constant, rtol=1e-9)


def test_without_noise_the_constant_run_is_lesson_one():
    result = schedules.run(noise=0.0)
    # 1강: η = 0.1이면 x(30) = [−0.0161, −0.00665]
    assert result.distance_constant[30] == pytest.approx(math.hypot(0.0161, 0.00665), rel=5e-3)
    assert result.distance_constant[0] == pytest.approx(math.hypot(5, 4))


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("name", ["exponential", "piecewise", "polynomial"])
def test_schedule_calms_the_noise_near_the_minimum(seed, name):
    result = schedules.run(schedule=name, noise=2.0, seed=seed)
    tail = slice(-100, None)
    assert result.tail_schedule == pytest.approx(np.mean(result.distance_schedule[tail]))
    assert result.tail_constant == pytest.approx(np.mean(result.distance_constant[tail]))
    assert result.tail_schedule < 0.8 * result.tail_constant
    assert not result.diverged


def test_both_runs_share_the_same_noise():
    # 감쇠율 1이면 지수 감쇠가 상수 학습률과 같으므로 두 곡선이 똑같아야 합니다.
    result = schedules.run(schedule="exponential", exp_decay_rate=1.0, noise=2.0, seed=5)
    np.testing.assert_array_equal(result.distance_schedule, result.distance_constant)


def test_divergence_is_reported_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = schedules.run(initial_rate=1.0)
    assert result.diverged and result.message.startswith("발산했습니다")
    assert np.isnan(result.distance_constant[-1])
    assert math.isnan(result.tail_constant)


# ---------------------------------------------------------------------------
# 그림과 탐색기
# ---------------------------------------------------------------------------


def test_plot_draws_with_korean_labels_and_no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = schedules.plot(schedules.run(schedule="piecewise"))
        fig.canvas.draw()
        broken = schedules.plot(schedules.run(initial_rate=1.0))
        broken.canvas.draw()
    text = all_text(fig)
    assert "구간별 상수 감쇠" in text and "학습률" in text and "최솟값까지의 거리" in text
    assert "발산했습니다" in all_text(broken)


def _boundary_error_or_divergence(live, name, value):
    from dlcourse import viz

    message = viz.current_message(live.figure)
    if live.last_error is not None:
        # 경계 1이 경계 2보다 크거나 같으면 계산할 수 없습니다: 한국어 안내
        assert name in ("boundary_1", "boundary_2")
        assert "경계 1은 경계 2보다 작아야" in message.get_text()
    elif message is not None:
        assert "발산했습니다" in message.get_text()


def test_explorer_drives_every_control_through_its_range():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        live = schedules.explorer()
        assert live.render_count == 1 and live.last_error is None
        drive_every_control(live, _boundary_error_or_divergence)
        assert live.last_error is None


def test_explorer_shows_only_the_selected_schedule_parameters():
    live = schedules.explorer()

    def visible(name):
        return live.controls[name].layout.display != "none"

    assert visible("exp_decay_steps") and not visible("boundary_1")
    live.set_values(schedule="piecewise")
    assert visible("boundary_1") and not visible("exp_decay_steps")
    assert visible("initial_rate") and visible("noise")


@pytest.mark.parametrize("name", sorted(schedules.PRESETS))
def test_every_preset_opens_and_renders(name):
    live = open_preset(schedules.explorer, schedules.PRESETS, name)
    assert live.controls["schedule"].value == schedules.PRESETS[name]["schedule"]


def test_unknown_preset_lists_the_names():
    assert_unknown_preset_lists(schedules.explorer, "step_decay", schedules.PRESETS)


def test_run_does_not_import_plotting_or_widgets():
    assert_no_plotting_imports(
        "from dlcourse.labs.schedules import run, syllabus_table\nrun()\nsyllabus_table()"
    )


# ---------------------------------------------------------------------------
# 잘못된 입력
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"schedule": "step"}, ValueError, "piecewise"),
        ({"initial_rate": 0.0}, ValueError, "0보다 커야"),
        ({"noise": -1.0}, ValueError, "0 이상"),
        ({"boundary_1": 950}, ValueError, "경계 1은 경계 2보다 작아야"),
        ({"exp_decay_steps": 0}, ValueError, "1 이상"),
        ({"exp_staircase": "yes"}, TypeError, "True나 False"),
        ({"cos_alpha": 1.5}, ValueError, "cos_alpha"),
        ({"seed": 1.5}, TypeError, "정수"),
        ({"seed": -1}, ValueError, "0 이상"),
        ({"decay": 0.5}, ValueError, "알 수 없는 설정"),
    ],
)
def test_bad_input_gives_korean_errors(kwargs, error, words):
    with pytest.raises(error) as info:
        schedules.run(**kwargs)
    assert words in str(info.value) and HANGUL.search(str(info.value))


def test_bad_table_and_schedule_arguments():
    with pytest.raises(ValueError, match="0 이상의 정수"):
        schedules.syllabus_table(steps=[0, -1])
    with pytest.raises(ValueError, match="쓸 수 없는 인자"):
        schedules.make_schedule("exponential", poly_power=2.0)
    with pytest.raises(TypeError, match="schedules.run"):
        schedules.plot(None)
