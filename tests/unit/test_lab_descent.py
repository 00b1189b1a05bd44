"""1강 탐색기 dlcourse.labs.descent 테스트.

기댓값은 강의 개요(syllabus)의 숫자, 테스트 안에서 따로 적은 경사 하강법 식, 헤세 행렬의
고윳값처럼 코드 밖에서 온 것만 씁니다.
"""

from __future__ import annotations

import re
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
    without_description,
)

from dlcourse.labs import descent


def hand_descent(learning_rate: float, steps: int, start=(-5.0, 4.0)) -> np.ndarray:
    """J = x₁² + 2x₂² − x₁x₂의 경사 하강법을 테스트에서 따로 계산합니다."""
    x = np.array(start, dtype=float)
    path = [x.copy()]
    for _ in range(steps):
        gradient = np.array([2 * x[0] - x[1], 4 * x[1] - x[0]])
        x = x - learning_rate * gradient
        path.append(x.copy())
    return np.array(path)


# ---------------------------------------------------------------------------
# 물리: 1강의 숫자
# ---------------------------------------------------------------------------


def test_rows_match_the_syllabus_numbers():
    result = descent.run(surface="quadratic", learning_rate=0.1, steps=30)
    assert result.rows.shape == (31, 5)
    np.testing.assert_allclose(result.rows[0], [0, -5, 4, -14, 21], atol=1e-12)
    np.testing.assert_allclose(result.rows[1], [1, -3.6, 1.9, -9.1, 11.2], atol=1e-12)
    np.testing.assert_allclose(result.rows[2, :3], [2, -2.69, 0.78], atol=1e-12)
    np.testing.assert_allclose(result.rows[2, 3:], [-6.16, 5.81], atol=1e-12)
    np.testing.assert_allclose(result.path, hand_descent(0.1, 30), rtol=1e-12, atol=1e-14)
    # 강의 개요: x(30) = [−0.0161, −0.00665] (유효숫자 세 자리)
    np.testing.assert_allclose(result.final, [-0.0161, -0.00665], rtol=5e-3)
    assert np.linalg.norm(result.final) < 0.02
    assert not result.diverged and result.message is None


def test_small_and_large_learning_rates_match_the_syllabus():
    slow = descent.run(learning_rate=0.01, steps=30)
    np.testing.assert_allclose(slow.final, [-2.32, 0.606], rtol=5e-3)
    assert not slow.diverged
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        wild = descent.run(learning_rate=0.5, steps=30)
    np.testing.assert_allclose(wild.final, [-608, 1468], rtol=1e-3)
    assert wild.diverged and wild.left_window
    assert wild.message.startswith("발산했습니다")


def test_divergence_threshold_follows_the_hessian_eigenvalues():
    # 헤세 행렬 [[2, −1], [−1, 4]]의 고윳값 3 ± √2: η < 2/(3 + √2)이면 수렴, 넘으면 발산.
    critical = 2 / (3 + np.sqrt(2))
    below = descent.run(learning_rate=0.95 * critical, steps=100)
    above = descent.run(learning_rate=1.05 * critical, steps=100)
    assert not below.diverged and np.linalg.norm(below.final) < np.linalg.norm(below.start)
    assert above.diverged


def test_huge_learning_rate_stops_cleanly_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = descent.run(learning_rate=1.0, steps=100)
    assert result.diverged
    assert result.steps_done < 100  # |x| > 1e6에서 멈춤
    assert np.isfinite(result.path).all() and np.isfinite(result.values).all()
    assert "발산했습니다" in result.message


def test_saddle_lingers_then_escapes_and_is_not_called_divergence():
    result = descent.run(surface="saddle", learning_rate=0.1, steps=100)
    # x₂(t) = x₂(0) · (1 + 2η)^t, x₁(t) = x₁(0) · (1 − 2η)^t
    t = np.arange(result.steps_done + 1)
    np.testing.assert_allclose(result.path[:, 1], 1e-3 * 1.2**t, rtol=1e-9)
    np.testing.assert_allclose(result.path[:, 0], -2.0 * 0.8**t, rtol=1e-9, atol=1e-300)
    gradient_norms = np.linalg.norm(result.gradients, axis=1)
    assert gradient_norms.min() < gradient_norms[0] / 40  # 안장점 근처: 기울기가 거의 0
    assert result.left_window and not result.diverged
    assert "최솟값이 없어서" in result.message


def test_local_minimum_preset_gets_stuck_away_from_the_global_minimum():
    settings = without_description(descent.PRESETS["local_minimum"])
    result = descent.run(**settings)
    local = np.array([0.471383867274, -1.779348458844])
    best = np.array([1.899759821772, 0.945318511171])
    assert np.linalg.norm(result.final - local) < 1e-3
    assert np.linalg.norm(result.final - best) > 2.0
    assert np.linalg.norm(result.gradients[-1]) < 1e-3


def test_table_prints_numbers_as_the_syllabus_quotes_them():
    text = descent.table(descent.run(learning_rate=0.1, steps=30))
    lines = text.splitlines()
    assert HANGUL.search(lines[0]) and "η = 0.1" in lines[0]
    assert lines[1].split("|")[1].strip() == "x(t)" and "∇J(x(t))" in lines[1]
    for expected in ("[-5, 4]", "[-14, 21]", "[-3.6, 1.9]", "[-9.1, 11.2]", "[-2.69, 0.78]",
                     "[-6.16, 5.81]", "[-0.0161, -0.00665]"):
        assert expected in text
    assert "⋮" in text  # 3..29는 건너뜀
    assert "[-608, 1468]" in descent.table(descent.run(learning_rate=0.5, steps=30))
    chosen = descent.table(descent.run(learning_rate=0.01, steps=30), rows=[0, 30])
    assert "[-2.32, 0.606]" in chosen and "[-4.86, 3.79]" not in chosen
    first_rows = descent.table(descent.run(learning_rate=0.01, steps=30), rows=2)
    assert "[-4.86, 3.79]" in first_rows and "[-2.32, 0.606]" not in first_rows


def test_table_columns_line_up():
    text = descent.table(descent.run(learning_rate=0.1, steps=30))
    body = text.splitlines()[1:]
    positions = {tuple(m.start() for m in re.finditer(r"[|+]", line)) for line in body}
    assert len(positions) == 1  # 모든 줄에서 구분선 위치가 같습니다


@pytest.mark.parametrize(
    ("value", "text"),
    [(-3.6, "-3.6"), (0.78, "0.78"), (-6.159999, "-6.16"), (11.2, "11.2"), (-14.0, "-14"),
     (-0.0160618, "-0.0161"), (-0.00665285, "-0.00665"), (-608.26, "-608"), (1468.47, "1468"),
     (0.0, "0"), (-0.0, "0"), (2.5e6, "2.5e+06"), (float("inf"), "inf")],
)
def test_format_number(value, text):
    assert descent.format_number(value) == text


def test_format_pair_writes_two_numbers_like_the_lesson():
    assert descent.format_pair(-3.6, 1.9) == "[-3.6, 1.9]"
    assert descent.format_pair(-608.26, 1468.47) == "[-608, 1468]"
    assert descent.format_pair(-0.0, 2.5e6) == "[0, 2.5e+06]"


# ---------------------------------------------------------------------------
# 그림과 탐색기
# ---------------------------------------------------------------------------


def test_plot_draws_with_korean_labels_and_no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = descent.plot(descent.run())
        fig.canvas.draw()
        diverged = descent.plot(descent.run(learning_rate=0.5))
        diverged.canvas.draw()
    text = all_text(fig)
    assert "이차 함수" in text and "목적 함수 값" in text and "스텝" in text
    assert "경사 하강 경로" in text
    assert "발산했습니다" in all_text(diverged)


@pytest.mark.parametrize(
    ("settings", "corner"),
    [({"learning_rate": 0.5}, "right"), ({"surface": "saddle", "steps": 100}, "left")],
)
def test_message_sits_inside_the_value_panel_away_from_its_axis_label(settings, corner):
    from dlcourse import viz

    result = descent.run(**settings)
    fig = descent.plot(result)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    message = viz.current_message(fig)
    assert message is not None and result.message in message.get_text().replace("\n", " ")
    ax_value = fig.axes[1]
    box = message.get_bbox_patch().get_window_extent(renderer)
    panel = ax_value.get_window_extent(renderer)
    label = ax_value.yaxis.label.get_window_extent(renderer)
    # 상자는 오른쪽 칸 안에 있고 J(x(t)) 축 이름과 겹치지 않습니다.
    assert panel.x0 <= box.x0 and box.x1 <= panel.x1
    assert panel.y0 <= box.y0 and box.y1 <= panel.y1
    assert not box.overlaps(label)
    # J가 커졌으면(발산) 오른쪽 아래, 줄었으면 왼쪽 아래 구석: 곡선이 지나지 않는 곳입니다.
    gap_left, gap_right = box.x0 - panel.x0, panel.x1 - box.x1
    assert (gap_right < gap_left) if corner == "right" else (gap_left < gap_right)
    assert box.y0 - panel.y0 < panel.y1 - box.y1


def _divergence_or_range_message(live, name, value):
    from dlcourse import viz

    assert live.last_error is None, live.last_error
    message = viz.current_message(live.figure)
    if message is not None:
        assert "발산했습니다" in message.get_text() or "범위" in message.get_text()


def test_explorer_drives_every_control_through_its_range():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        live = descent.explorer()
        assert live.render_count == 1 and live.last_error is None
        drive_every_control(live, _divergence_or_range_message)


def test_explorer_moves_the_start_sliders_with_the_surface():
    live = descent.explorer()
    live.set_values(surface="rosenbrock")
    (x_low, x_high), (y_low, y_high) = ((-2.0, 2.0), (-1.0, 3.0))
    x1, x2 = live.controls["x1"], live.controls["x2"]
    assert (x1.min, x1.max, x2.min, x2.max) == (x_low, x_high, y_low, y_high)
    assert (x1.value, x2.value) == (-1.5, 2.0)  # 로젠브록 함수의 기본 시작점
    live.set_values(surface="saddle", x1=1.0, x2=0.5)  # 같이 준 시작점은 그대로 씁니다
    assert (x1.value, x2.value) == (1.0, 0.5)
    assert live.last_error is None


def test_explorer_shows_divergence_message_in_the_figure():
    from dlcourse import viz

    live = descent.explorer(preset="diverges")
    message = viz.current_message(live.figure)
    assert message is not None and "발산했습니다" in message.get_text()
    live.set_values(learning_rate=0.1)
    assert viz.current_message(live.figure) is None


@pytest.mark.parametrize("name", sorted(descent.PRESETS))
def test_every_preset_opens_and_renders(name):
    live = open_preset(descent.explorer, descent.PRESETS, name)
    assert live.controls["surface"].value == descent.PRESETS[name]["surface"]


def test_unknown_preset_lists_the_names():
    assert_unknown_preset_lists(descent.explorer, "no_such_preset", descent.PRESETS)


def test_run_does_not_import_plotting_or_widgets():
    assert_no_plotting_imports("from dlcourse.labs.descent import run, table\ntable(run())")


# ---------------------------------------------------------------------------
# 잘못된 입력
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"learning_rate": -0.1}, ValueError, "0보다 커야"),
        ({"learning_rate": "0.1"}, TypeError, "실수"),
        ({"surface": "bowl"}, ValueError, "quadratic"),
        ({"steps": 2.5}, TypeError, "정수"),
        ({"steps": -1}, ValueError, "0 이상"),
        ({"steps": 5000}, ValueError, "1000 이하"),
        ({"start": [1.0, 2.0, 3.0]}, ValueError, "두 수"),
        ({"start": [np.nan, 1.0]}, ValueError, "NaN"),
    ],
)
def test_bad_input_gives_korean_errors(kwargs, error, words):
    with pytest.raises(error) as info:
        descent.run(**kwargs)
    assert words in str(info.value) and HANGUL.search(str(info.value))


def test_bad_table_and_explorer_arguments():
    result = descent.run(steps=5)
    with pytest.raises(ValueError, match="범위 밖"):
        descent.table(result, rows=[0, 9])
    with pytest.raises(TypeError, match="descent.run"):
        descent.table("표")
    with pytest.raises(ValueError, match="알 수 없는 설정"):
        descent.explorer(momentum=0.9)
    with pytest.raises(ValueError, match="0.001~1"):
        descent.explorer(learning_rate=5.0)
