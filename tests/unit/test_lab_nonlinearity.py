"""dlcourse.labs.nonlinearity 테스트: 선형 대 비선형 결정 경계, 선형 층의 합쳐짐.

기댓값은 코드 밖에서 옵니다: XOR에서 선형 모델의 최소 손실 ln 2 (대칭성과 볼록성),
선형 분류기가 XOR 네 점 중 많아야 세 점만 맞힌다는 사실, φ(z) = 10z 를 손으로 세 번
적용한 값, 손으로 쓴 행렬 곱.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from lab_helpers import (
    HANGUL,
    assert_no_plotting_imports,
    assert_unknown_preset_lists,
    drive,
    drive_every_control,
    open_preset,
    watch_plot_warnings,
    without_description,
)

from dlcourse.labs import nonlinearity as lab

# matplotlib이 logging으로 남기는 경고(글리프 없음 등)가 없어야 합니다.
no_matplotlib_warnings = pytest.fixture(watch_plot_warnings, name="no_matplotlib_warnings")


# ---------------------------------------------------------------------------
# 물리: 선형 신경망은 깊이와 상관없이 선형 모델 하나
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [1, 2, 3, 4, 5, 6])
def test_linear_network_cannot_solve_xor_at_any_depth(depth):
    result = lab.run(dataset="xor", activation="tanh", hidden_layers=depth)
    # 직선 하나로는 XOR 네 점 가운데 많아야 세 점을 맞힙니다.
    assert result.linear_accuracy <= 0.75
    # 선형 모델의 XOR 최소 손실은 ln 2 (모든 점에 p = 0.5). 선형 층을 쌓아도 선형 모델이므로
    # 그 아래로 내려갈 수 없습니다.
    assert result.linear_loss >= math.log(2) - 1e-9
    # 훈련을 마친 뒤에는 층 하나짜리 선형 모델과 같은 정확도 (둘 다 동전 던지기 50%)
    assert result.linear_accuracy == pytest.approx(0.5)
    assert result.single_layer_accuracy == pytest.approx(0.5)
    assert result.single_layer_loss >= math.log(2) - 1e-9


@pytest.mark.parametrize(("activation", "seed"), [("sigmoid", 0), ("tanh", 0), ("relu", 1)])
def test_nonlinear_2_8_2_network_solves_xor(activation, seed):
    result = lab.run(
        dataset="xor", activation=activation, hidden_units=8, hidden_layers=1, seed=seed
    )
    assert result.nonlinear_accuracy == 1.0
    assert result.nonlinear_loss < 0.05
    assert result.linear_accuracy <= 0.75


def test_deep_linear_equals_single_linear_layer_on_moons():
    result = lab.run(dataset="moons", activation="tanh", hidden_layers=3, steps=300)
    assert abs(result.linear_accuracy - result.single_layer_accuracy) <= 0.02
    assert abs(result.linear_loss - result.single_layer_loss) <= 0.01
    assert result.nonlinear_accuracy >= 0.97


def test_spirals_preset_separates_only_with_nonlinearity():
    values = {k: v for k, v in lab.PRESETS["spirals_relu"].items() if k != "설명"}
    result = lab.run(**values)
    assert result.nonlinear_accuracy >= 0.95
    assert result.linear_accuracy <= 0.6


def test_result_shapes_and_grid_matches_viz_decision_boundary():
    from dlcourse import viz

    result = lab.run(steps=20)
    m = result.resolution**2
    assert result.grid.shape == (m, 2)
    assert result.linear_probabilities.shape == (m,)
    assert result.nonlinear_probabilities.shape == (m,)
    assert result.linear_losses.shape == (20,)
    assert not result.diverged and result.message == ""
    fig, ax = viz.new_figure()
    boundary = viz.decision_boundary(
        ax,
        lambda pts: np.zeros(len(pts)),
        result.X,
        result.y,
        resolution=result.resolution,
        padding=result.padding,
    )
    np.testing.assert_array_equal(boundary.grid, result.grid)


def test_run_is_deterministic():
    a = lab.run(dataset="moons", steps=30, seed=3)
    b = lab.run(dataset="moons", steps=30, seed=3)
    np.testing.assert_array_equal(a.nonlinear_probabilities, b.nonlinear_probabilities)
    np.testing.assert_array_equal(a.linear_losses, b.linear_losses)


def test_tie_aware_accuracy_by_hand():
    y = np.array([0, 1, 1, 0])
    assert lab.tie_aware_accuracy(np.array([0.1, 0.9, 0.8, 0.2]), y) == 1.0
    assert lab.tie_aware_accuracy(np.array([0.9, 0.1, 0.2, 0.8]), y) == 0.0
    # 모두 0.5 근처: 네 점 모두 반씩 → 0.5
    assert lab.tie_aware_accuracy(np.array([0.5, 0.5002, 0.4999, 0.5]), y) == 0.5
    # 두 점 맞힘, 한 점 틀림, 한 점 정하지 못함: (1 + 1 + 0 + 0.5) / 4
    assert lab.tie_aware_accuracy(np.array([0.1, 0.9, 0.3, 0.5]), y) == pytest.approx(0.625)


def test_divergence_is_reported_not_raised():
    from dlcourse import viz

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = lab.run(activation="tanh", hidden_layers=6, hidden_units=32, learning_rate=1e100)
        fig = lab.plot(result)
        fig.canvas.draw()
    assert result.diverged
    assert result.message.startswith("발산했습니다: 선형 신경망: ")
    assert "발산했습니다" in viz.current_message(fig).get_text()


# ---------------------------------------------------------------------------
# 선형 층이 하나로 합쳐지는 것
# ---------------------------------------------------------------------------


def test_collapse_scalar_chain_is_1000_w_x():
    result = lab.linear_collapse(w=0.5, scale=10.0)
    expected = 1000.0 * 0.5 * result.x  # φ(φ(φ(w·x))) = 10·10·10·w·x
    np.testing.assert_allclose(result.scalar_stacked, expected, rtol=0, atol=1e-12)
    np.testing.assert_allclose(result.scalar_single, expected, rtol=0, atol=1e-12)
    assert result.max_difference_scalar <= 1e-12


def test_collapse_matrix_case_against_hand_composition():
    result = lab.linear_collapse(scale=10.0, sizes=(3, 4, 4, 2), n_samples=6, seed=1)
    (W1, W2, W3), (b1, b2, b3) = result.weights, result.biases
    X = result.X
    by_hand = 10 * ((10 * ((10 * (X @ W1 + b1)) @ W2 + b2)) @ W3 + b3)
    scale = np.abs(by_hand).max()
    np.testing.assert_allclose(result.matrix_stacked, by_hand, rtol=0, atol=1e-12 * scale)
    # 가중치 행렬의 곱 하나가 같은 일을 합니다.
    np.testing.assert_allclose(result.W_equivalent, 1000 * W1 @ W2 @ W3, rtol=1e-13)
    np.testing.assert_allclose(result.matrix_single, by_hand, rtol=0, atol=1e-12 * scale)
    assert result.max_difference_matrix <= 1e-12 * scale


def test_scaled_identity_backward_matches_central_difference():
    layer = lab.ScaledIdentity(10.0)
    z = np.array([[0.3, -1.2]])
    layer.forward(z)
    h = 1e-6
    numeric = (layer.function(z + h) - layer.function(z - h)) / (2 * h)
    np.testing.assert_allclose(layer.backward(np.ones_like(z)), numeric, rtol=1e-9)


# ---------------------------------------------------------------------------
# 그림과 탐색기
# ---------------------------------------------------------------------------


def test_plot_has_korean_titles_and_no_warnings(no_matplotlib_warnings):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = lab.plot(lab.run())
        fig.canvas.draw()
    left, right = fig.axes[:2]
    assert "항등 함수(선형)" in left.get_title() and "정확도" in left.get_title()
    assert "은닉층 없는 선형 모델" in left.get_title()
    assert "시그모이드" in right.get_title()
    assert "은닉층 1개" in fig._suptitle.get_text()
    # XOR에서 선형 모델은 어디서나 0.5: 가짜 경계선을 그리지 않습니다.
    assert "어디서나 확률 0.5" in left.get_title()


def test_explorer_drives_every_control(no_matplotlib_warnings):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        live = lab.explorer()
        assert live.last_error is None
        assert set(live.controls) == set(lab.DEFAULTS)
        # 데이터셋과 활성화 함수는 모든 선택지, 슬라이더는 양 끝값 (이미 그 값이면 건너뜀)
        drive_every_control(live)
        # 선형 신경망에서 비선형으로 돌아오는 바꾸기도 그림을 바꿉니다.
        drive(live, "activation", "linear")
        drive(live, "activation", "tanh")


@pytest.mark.parametrize("name", list(lab.PRESETS))
def test_every_preset_opens_and_renders(name):
    live = open_preset(lab.explorer, lab.PRESETS, name)
    for key, value in without_description(lab.PRESETS[name]).items():
        assert live.values[key] == pytest.approx(value)


def test_explorer_overrides_and_unknown_preset():
    live = lab.explorer(steps=50)
    assert live.values["steps"] == 50
    assert_unknown_preset_lists(lab.explorer, "없는것", lab.PRESETS)
    with pytest.raises(ValueError, match="알 수 없는 설정 이름"):
        lab.explorer(colour="red")


def test_run_does_not_import_plotting_or_widgets():
    assert_no_plotting_imports(
        "from dlcourse.labs.nonlinearity import run, linear_collapse\n"
        "run(steps=5); linear_collapse()"
    )


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"dataset": "xorr"}, ValueError),
        ({"activation": "softmaxx"}, ValueError),
        ({"hidden_units": 0}, ValueError),
        ({"hidden_units": 2.5}, TypeError),
        ({"hidden_layers": 11}, ValueError),
        ({"steps": 0}, ValueError),
        ({"learning_rate": -0.1}, ValueError),
        ({"learning_rate": float("nan")}, ValueError),
        ({"seed": -1}, ValueError),
    ],
)
def test_bad_input_gives_korean_error(kwargs, error):
    with pytest.raises(error) as info:
        lab.run(**kwargs)
    assert HANGUL.search(str(info.value))


def test_plot_rejects_wrong_result_type():
    with pytest.raises(TypeError, match="NonlinearityResult"):
        lab.plot(object())
