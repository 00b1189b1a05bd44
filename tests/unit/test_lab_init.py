"""dlcourse.labs.init 테스트: 초기화와 활성화 함수에 따른 층별 분포, 대칭, 그림, 탐색기.

기준값은 테스트가 직접 쓴 식과 NumPy 계산에서 옵니다: ReLU + He의 첫 층 표준편차
√(1 − 1/π), Glorot + ReLU의 층마다 1/√2, 작은 가중치에서 tanh(z) ≈ z이면 층마다 σ√n,
그리고 NumPy만으로 다시 한 순전파.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from lab_helpers import (
    HANGUL,
    assert_no_plot_warnings,
    assert_no_plotting_imports,
    assert_unknown_preset_lists,
    call_quietly,
    drive,
    open_preset,
    watch_plot_warnings,
    without_description,
)

from dlcourse.labs import init as init_lab


def preset(name):
    return without_description(init_lab.PRESETS[name])


def run_quietly(**params):
    return call_quietly(init_lab.run, **params)


# ---------------------------------------------------------------------------
# 물리
# ---------------------------------------------------------------------------


def test_tanh_with_large_weights_saturates_in_deep_layers():
    result = run_quietly(initializer="random_normal_large", activation="tanh")
    deep = result.samples[-3:]
    saturated = (np.abs(deep) > 0.99).mean(axis=1)  # 히스토그램 표본에서 직접 셉니다
    assert (saturated > 0.5).all()
    assert (result.saturation[-3:] > 0.5).all()
    assert result.kind == "saturated" and result.message.startswith("포화")


def test_tanh_with_small_weights_collapses_by_sigma_root_n_per_layer():
    result = run_quietly(initializer="random_normal_small", activation="tanh")
    assert result.stds[-1] < 1e-3
    assert result.kind == "collapsed"
    # 작은 z에서 tanh(z) ≈ z이므로 표준편차는 층마다 σ√n = 0.01 × √100 = 0.1배가 됩니다.
    assert result.stds[0] == pytest.approx(0.1, rel=0.1)
    np.testing.assert_allclose(result.stds[1:] / result.stds[:-1], 0.1, rtol=0.15)


def test_tanh_with_glorot_stays_in_a_healthy_band():
    for initializer in ("glorot_uniform", "glorot_normal"):
        for seed in (0, 1):
            result = run_quietly(initializer=initializer, activation="tanh", seed=seed)
            assert (result.stds > 0.15).all() and (result.stds < 0.75).all()
            assert (result.saturation < 0.05).all()
            assert result.kind == "healthy"


def test_relu_with_he_keeps_the_spread_over_ten_layers():
    # He: Var(z) = 2/n · n · E[x²] = 2, E[h²] = Var(z)/2 = 1, E[h] = √2 / √(2π) = 1/√π.
    expected_first = math.sqrt(1 - 1 / math.pi)
    for initializer in ("he_normal", "he_uniform"):
        result = run_quietly(initializer=initializer, activation="relu")
        assert result.stds[0] == pytest.approx(expected_first, rel=0.05)
        assert 0.3 <= result.stds[-1] / result.stds[0] <= 3
        assert result.kind == "healthy"


def test_relu_with_glorot_shrinks_by_about_one_over_root_two_per_layer():
    for initializer in ("glorot_uniform", "glorot_normal"):
        result = run_quietly(initializer=initializer, activation="relu")
        assert result.stds[-1] / result.stds[0] < 0.1
        assert 0.55 < result.layer_factor < 0.85  # 이론값 1/√2 ≈ 0.71
        assert result.kind == "shrinking" and "He 초기화" in result.message
    he = run_quietly(initializer="he_normal", activation="relu")
    glorot = run_quietly(initializer="glorot_normal", activation="relu")
    assert glorot.stds[-1] < 0.1 * he.stds[-1]


def test_relu_with_large_weights_explodes():
    result = run_quietly(initializer="random_normal_large", activation="relu")
    # σ = 1, n = 100: 층마다 표준편차가 약 √(n/2) ≈ 7배
    assert 5 < result.layer_factor < 10
    assert result.kind == "exploded"


def test_sigmoid_presets_collapse_to_one_half_or_saturate():
    small = run_quietly(**preset("sigmoid_small"))
    assert small.kind == "collapsed" and "0.5" in small.message
    np.testing.assert_allclose(small.means, 0.5, atol=0.02)
    assert (small.stds < 0.03).all()
    large = run_quietly(**preset("sigmoid_large"))
    assert large.kind == "saturated"
    assert ((large.samples[-1] < 0.01) | (large.samples[-1] > 0.99)).mean() > 1 / 3


def test_zero_init_gives_identical_units():
    result = run_quietly(**preset("zeros"))
    assert result.identical_units.all()
    assert (result.stds == 0).all()
    np.testing.assert_array_equal(result.samples, 0.5)  # 시그모이드(0) = 1/2
    assert result.kind == "symmetric"
    for activation in init_lab.ACTIVATIONS:
        assert run_quietly(initializer="zeros", activation=activation).identical_units.all()
    assert not run_quietly(initializer="he_normal", activation="relu").identical_units.any()


def test_stds_match_a_plain_numpy_forward_pass():
    for initializer, activation in (
        ("glorot_uniform", "tanh"),
        ("he_normal", "relu"),
        ("random_normal_small", "sigmoid"),
    ):
        result = run_quietly(
            initializer=initializer,
            activation=activation,
            n_layers=4,
            units=20,
            n_samples=50,
            seed=5,
        )
        rng = np.random.default_rng(5)
        h = rng.standard_normal((50, 20))
        weights = init_lab.get_initializer(initializer)
        f = {
            "tanh": np.tanh,
            "relu": lambda z: np.maximum(z, 0),
            "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
        }[activation]
        stds = []
        for _ in range(4):
            h = f(h @ weights((20, 20), rng))
            stds.append(h.std())
        np.testing.assert_allclose(result.stds, stds, rtol=1e-12)
        np.testing.assert_allclose(result.samples[-1], h.reshape(-1), rtol=1e-12)


def test_histogram_samples_are_an_even_subsample():
    result = run_quietly(n_layers=3, units=100, n_samples=500)
    assert result.samples.shape == (3, init_lab.HIST_SAMPLES)
    np.testing.assert_allclose(result.samples.std(axis=1), result.stds, rtol=0.05)


# ---------------------------------------------------------------------------
# 대칭
# ---------------------------------------------------------------------------


def test_count_distinct_units_by_hand():
    base = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    values = base[:, [0, 1, 0, 2, 1, 1]]
    assert init_lab.count_distinct_units(values) == 3
    assert init_lab.count_distinct_units(values + 1e-13 * np.arange(6)) == 3
    assert init_lab.count_distinct_units(values + 1e-3 * np.arange(6)) == 6
    assert init_lab.count_distinct_units(np.zeros((4, 5))) == 1
    with pytest.raises(ValueError, match="[가-힣]"):
        init_lab.count_distinct_units(np.zeros(5))


@pytest.mark.parametrize("activation", list(init_lab.ACTIVATIONS))
def test_zero_or_constant_weights_stay_symmetric_after_training(activation):
    for initializer in ("zeros", "constant"):
        result = init_lab.symmetry_demo(initializer, activation, steps=10)
        assert (result.distinct_activations == 1).all()
        assert (result.distinct_gradients == 1).all()
        assert "1개뿐" in result.message
    broken = init_lab.symmetry_demo("glorot_uniform", activation, steps=10)
    if activation == "relu":
        # 죽은 ReLU 유닛(모든 샘플에서 0)끼리는 같은 값이므로 하나로 셉니다.
        assert (broken.distinct_activations > broken.units // 2).all()
        assert (broken.distinct_gradients > broken.units // 2).all()
    else:
        assert (broken.distinct_activations == broken.units).all()
        assert (broken.distinct_gradients == broken.units).all()


def test_constant_weights_get_nonzero_but_identical_gradients():
    result = init_lab.symmetry_demo("constant", "tanh", units=6, steps=15)
    assert (result.gradient_norms > 1e-4).all()
    assert (result.distinct_gradients == 1).all()
    assert "0이 아니지만" in result.message


# ---------------------------------------------------------------------------
# 입력 검사와 층 나누기
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"initializer": "xavier"}, ValueError),
        ({"initializer": None}, TypeError),
        ({"activation": "elu"}, ValueError),
        ({"n_layers": 0}, ValueError),
        ({"n_layers": 3.0}, TypeError),
        ({"n_layers": 50}, ValueError),
        ({"units": 1}, ValueError),
        ({"units": 10_000}, ValueError),
        ({"n_samples": 5}, ValueError),
        ({"seed": -3}, ValueError),
        ({"seed": 1.5}, TypeError),
    ],
)
def test_bad_input_gives_korean_errors(kwargs, error):
    with pytest.raises(error) as caught:
        init_lab.run(**kwargs)
    assert HANGUL.search(str(caught.value))


def test_symmetry_demo_checks_its_input():
    with pytest.raises(ValueError, match="constant"):
        init_lab.symmetry_demo("ones")
    with pytest.raises(ValueError, match="[가-힣]"):
        init_lab.symmetry_demo(learning_rate=0)


def test_run_does_not_import_plotting_or_widgets():
    assert_no_plotting_imports(
        "from dlcourse.labs.init import run, symmetry_demo\n"
        "run(n_layers=3, units=10, n_samples=20); symmetry_demo(steps=1)"
    )


# ---------------------------------------------------------------------------
# 그림
# ---------------------------------------------------------------------------


mpl_log = pytest.fixture(watch_plot_warnings, name="mpl_log")


def _figure_texts(fig):
    texts = [t.get_text() for t in fig.texts] + [fig.get_suptitle()]
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        texts += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        texts += [t.get_text() for t in ax.texts]
    return "\n".join(texts)


def test_plot_has_one_histogram_per_layer_with_std_in_the_title(mpl_log):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = init_lab.run(**preset("relu_glorot"))
        fig = init_lab.plot(result)
        fig.canvas.draw()
    text = _figure_texts(fig)
    for words in ("층마다 활성화 값의 분포", "ReLU", "Glorot 균등", "활성화 값", "비율", "층 10"):
        assert words in text, words
    assert result.message in text
    histogram_axes = [ax for ax in fig.axes if ax.get_visible() and ax.patches]
    assert len(histogram_axes) == result.n_layers
    for ax, std in zip(histogram_axes, result.stds, strict=True):
        assert f"σ = {std:.2g}" in ax.get_title()
    assert_no_plot_warnings(mpl_log.records)


def test_plot_rejects_other_objects():
    with pytest.raises(TypeError, match="[가-힣]"):
        init_lab.plot("결과")


# ---------------------------------------------------------------------------
# 탐색기
# ---------------------------------------------------------------------------

CONTROL_VALUES = {
    "initializer": list(init_lab.INITIALIZERS),
    "activation": list(init_lab.ACTIVATIONS),
    "n_layers": [3, 10],
    "units": [10, 200],
}


def _diagnosis_and_one_histogram_per_layer(live, name, value):
    from dlcourse import viz

    assert live.last_error is None, live.last_error
    assert HANGUL.search(viz.current_message(live.figure).get_text())
    visible = [ax for ax in live.figure.axes if ax.get_visible() and ax.patches]
    assert len(visible) == live.values["n_layers"]


def test_explorer_drives_every_control(mpl_log):
    live = init_lab.explorer()
    assert set(live.controls) == set(CONTROL_VALUES)
    defaults = dict(live.values)
    assert defaults == init_lab.DEFAULTS
    for name, values in CONTROL_VALUES.items():
        for value in values:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                drive(live, name, value, _diagnosis_and_one_histogram_per_layer)
        live.set_values(**{name: defaults[name]})
    assert_no_plot_warnings(mpl_log.records)
    live.close()


def test_explorer_lays_out_fewer_layers_across_the_full_width():
    live = init_lab.explorer(n_layers=3)
    visible = [ax for ax in live.figure.axes if ax.get_visible() and ax.patches]
    assert len(visible) == 3
    right_edge = max(ax.get_position().x1 for ax in visible)
    assert right_edge > 0.95
    live.close()


@pytest.mark.parametrize("name", list(init_lab.PRESETS))
def test_every_preset_opens_and_renders(name):
    live = open_preset(init_lab.explorer, init_lab.PRESETS, name)
    assert live.values == preset(name)
    assert init_lab.PRESETS[name]["설명"] in live.widget.children[0].value
    live.close()


def test_unknown_preset_lists_names():
    assert_unknown_preset_lists(init_lab.explorer, "relu_xavier", init_lab.PRESETS)


def test_explorer_rejects_bad_overrides_before_building_widgets():
    with pytest.raises(ValueError, match="[가-힣]"):
        init_lab.explorer(layers=3)
    with pytest.raises(ValueError, match="[가-힣]"):
        init_lab.explorer(n_layers=15)  # run은 받지만 슬라이더 범위(3~10) 밖입니다
