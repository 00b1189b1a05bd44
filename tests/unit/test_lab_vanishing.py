"""dlcourse.labs.vanishing 테스트: 기울기 소실과 폭발의 물리, 도함수와 상한, 그림, 탐색기.

기준값은 torch 자동 미분(개발용 의존성), 테스트가 직접 쓴 식(중앙 차분, (1/4)ⁿ의 분수
계산, 시그모이드 도함수의 해석적 최댓값)에서 옵니다.
"""

from __future__ import annotations

import math
import warnings
from fractions import Fraction

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

from dlcourse.labs import vanishing


def preset(name):
    return without_description(vanishing.PRESETS[name])


def run_quietly(**params):
    """경고를 오류로 바꾸고 run을 부릅니다: 어떤 RuntimeWarning도 새어 나오면 안 됩니다."""
    return call_quietly(vanishing.run, **params)


# ---------------------------------------------------------------------------
# 물리: 소실, 건강한 흐름, 폭발
# ---------------------------------------------------------------------------


def test_deep_sigmoid_gradient_vanishes_toward_the_input():
    result = run_quietly(depth=20, width=32, activation="sigmoid", steps=2)
    first = result.grad_norms_first
    assert result.ratio == pytest.approx(first[0] / first[-1])
    assert result.ratio < 1e-3
    assert result.kind == "vanishing"
    assert result.message.startswith("기울기 소실: 첫 층의 기울기가 마지막 층의")
    # 시그모이드의 도함수는 1/4 이하라 은닉층을 하나 내려갈 때마다 기울기가 줄어듭니다.
    shrink = first[1:] / first[:-1]
    assert (shrink > 2).all()
    assert 3 < np.median(shrink) < 6


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_relu_with_he_init_keeps_first_and_last_layer_within_10x(seed):
    result = run_quietly(
        depth=20, width=32, activation="relu", initializer="he_normal", steps=2, seed=seed
    )
    assert 0.1 < result.ratio < 10
    assert result.kind == "healthy"


def test_presets_sigmoid_deep_vanishes_and_relu_he_learns():
    deep = run_quietly(**preset("sigmoid_deep"))
    healthy = run_quietly(**preset("relu_he"))
    assert deep.ratio < 1e-3 and deep.kind == "vanishing"
    assert 0.1 < healthy.ratio < 10
    # 기울기가 입력 쪽까지 오는 신경망만 손실이 크게 내려갑니다.
    assert healthy.losses[-1] < 0.5 * healthy.losses[0]
    assert deep.losses[-1] > 0.9 * math.log(2)  # 두 클래스를 반반으로 맞히는 손실 log 2 근처


def test_exploding_preset_diverges_and_clipping_keeps_the_loss_finite():
    exploding = run_quietly(**preset("exploding"))
    first = exploding.grad_norms_first
    assert exploding.diverged or first[0] > first[-1]
    assert exploding.diverged and exploding.kind == "diverged"
    assert exploding.message.startswith("발산했습니다")
    assert len(exploding.losses) == exploding.diverged_at_step < exploding.steps
    # 마지막으로 기록된 기울기는 첫 스텝보다 훨씬 큽니다 (스텝마다 폭발).
    last = np.where(np.isfinite(exploding.grad_norms_last), exploding.grad_norms_last, np.inf)
    assert (last > 1e3 * first).all()

    clipped = run_quietly(**preset("exploding_clipped"))
    assert not clipped.diverged
    assert len(clipped.losses) == clipped.steps
    assert np.isfinite(clipped.losses).all()
    assert clipped.losses[-1] < 0.5 * clipped.losses[0]


@pytest.mark.parametrize("seed", [1, 3, 5])
def test_exploding_settings_diverge_for_other_seeds_too(seed):
    exploding = run_quietly(**preset("exploding"), seed=seed)
    clipped = run_quietly(**preset("exploding_clipped"), seed=seed)
    assert exploding.diverged
    assert not clipped.diverged and clipped.losses[-1] < clipped.losses[0]


def test_large_init_with_tanh_grows_toward_the_input():
    result = run_quietly(
        depth=20, width=32, activation="tanh", initializer="random_normal_large", steps=1
    )
    first = result.grad_norms_first
    assert first[0] > first[-1]
    assert result.ratio > 1e3
    assert result.kind == "exploding"
    assert result.message.startswith("기울기 폭발")


def test_extreme_settings_report_divergence_without_warnings():
    result = run_quietly(
        depth=30,
        width=32,
        activation="linear",
        initializer="random_normal_large",
        learning_rate=3.0,
        steps=20,
    )
    assert result.diverged
    assert result.message.startswith("발산했습니다")
    assert math.isnan(result.accuracy)
    # 같은 설정에 기울기 클리핑을 켜면 손실은 크지만 유한하게 남습니다.
    clipped = run_quietly(
        depth=30,
        width=32,
        activation="linear",
        initializer="random_normal_large",
        learning_rate=3.0,
        steps=20,
        clip=True,
    )
    assert not clipped.diverged and np.isfinite(clipped.losses).all()
    assert clipped.kind == "exploding" and "기울기 클리핑" in clipped.message


def test_grad_norms_match_torch_autograd_at_the_first_step():
    torch = pytest.importorskip("torch")
    functions = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}
    for activation, initializer in (
        ("sigmoid", "glorot_uniform"),
        ("relu", "he_normal"),
        ("tanh", "random_normal_large"),
    ):
        result = run_quietly(
            depth=6, width=8, activation=activation, initializer=initializer, steps=1, seed=3
        )
        X, y = vanishing.make_data(3)
        net = vanishing.make_network(6, 8, activation, initializer, 3)
        dense = [layer for layer in net.layers if hasattr(layer, "W")]
        weights = [torch.tensor(d.W, requires_grad=True) for d in dense]
        biases = [torch.tensor(d.b, requires_grad=True) for d in dense]
        h = torch.tensor(X)
        for i, (W, b) in enumerate(zip(weights, biases, strict=True)):
            h = h @ W + b
            if i < len(weights) - 1:
                h = functions[activation](h)
        loss = torch.nn.functional.cross_entropy(h, torch.tensor(y))
        loss.backward()
        expected = np.array([W.grad.norm().item() for W in weights])
        np.testing.assert_allclose(result.grad_norms_first, expected, rtol=1e-9)
        assert result.losses[0] == pytest.approx(loss.item(), rel=1e-12)
        every = torch.cat([p.grad.reshape(-1) for p in weights + biases])
        assert result.global_norms[0] == pytest.approx(every.norm().item(), rel=1e-9)


def test_clipping_counts_the_steps_it_shortens():
    settings = preset("exploding_clipped")
    clipped = run_quietly(**settings)
    plain = run_quietly(**{**settings, "clip": False})
    assert clipped.clipped_steps == np.count_nonzero(clipped.global_norms > vanishing.CLIP_NORM)
    assert 0 < clipped.clipped_steps < clipped.steps
    assert plain.clipped_steps == 0
    # 같은 초깃값이라 첫 스텝은 같고, 첫 기울기가 1보다 커서 잘렸다면 두 번째 손실부터 달라집니다.
    assert clipped.losses[0] == plain.losses[0]
    assert clipped.global_norms[0] > vanishing.CLIP_NORM
    assert clipped.losses[1] != plain.losses[1]


def test_data_is_standardised_two_class_moons():
    X, y = vanishing.make_data(0)
    assert X.shape == (vanishing.N_SAMPLES, 2) and set(np.unique(y)) == {0, 1}
    np.testing.assert_allclose(X.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(X.std(axis=0), 1.0, rtol=1e-12)


def test_run_is_deterministic_and_the_seed_matters():
    a = run_quietly(depth=5, steps=5, seed=7)
    b = run_quietly(depth=5, steps=5, seed=7)
    c = run_quietly(depth=5, steps=5, seed=8)
    np.testing.assert_array_equal(a.grad_norms_first, b.grad_norms_first)
    np.testing.assert_array_equal(a.losses, b.losses)
    assert not np.array_equal(a.grad_norms_first, c.grad_norms_first)


def test_result_shapes_and_read_only_arrays():
    result = run_quietly(depth=4, width=8, steps=7)
    assert result.grad_norms_first.shape == (5,) == result.grad_norms_last.shape
    assert result.n_dense_layers == 5
    assert len(result.losses) == 7 and result.last_step == 6
    with pytest.raises(ValueError):
        result.losses[0] = 1.0


# ---------------------------------------------------------------------------
# (1/4)ⁿ 상한과 도함수
# ---------------------------------------------------------------------------


def test_sigmoid_bound_is_a_quarter_to_the_n():
    assert vanishing.sigmoid_bound(10) == 9.5367431640625e-07 == 1 / 2**20
    for n in range(0, 40):
        assert vanishing.sigmoid_bound(n) == float(Fraction(1, 4) ** n)
    for bad in (-1, 1.5, "3"):
        with pytest.raises((TypeError, ValueError), match="[가-힣]"):
            vanishing.sigmoid_bound(bad)


def test_derivatives_match_central_differences_and_known_maxima():
    from dlcourse import nn

    curves = vanishing.derivative_curves()
    assert curves.names == tuple(vanishing.ACTIVATIONS)
    h = 1e-5
    away_from_kinks = np.abs(curves.z) > 0.05
    for name, curve in zip(curves.names, curves.derivatives, strict=True):
        f = nn.get_activation(name).function
        numeric = (f(curves.z + h) - f(curves.z - h)) / (2 * h)
        np.testing.assert_allclose(curve[away_from_kinks], numeric[away_from_kinks], atol=1e-8)
    top = dict(zip(curves.names, curves.maxima, strict=True))
    where = dict(zip(curves.names, curves.argmax_z, strict=True))
    # 시그모이드 σ'(z) = σ(1 − σ)는 σ = 1/2 (z = 0)에서 최대 1/4, tanh' = 1 − tanh²는 z = 0에서 1.
    assert top["sigmoid"] == 0.25 and where["sigmoid"] == 0.0
    assert top["tanh"] == 1.0 and where["tanh"] == 0.0
    for name in ("relu", "leaky_relu", "elu", "linear"):
        assert top[name] == 1.0
    assert where["relu"] > 0 and where["linear"] == 0.0
    # 소프트플러스의 도함수는 시그모이드라 격자 끝 z = 6에서 가장 큽니다: 1 / (1 + e⁻⁶).
    assert top["softplus"] == pytest.approx(1 / (1 + math.exp(-6)), rel=1e-14)
    assert where["softplus"] == 6.0


# ---------------------------------------------------------------------------
# 입력 검사와 층 나누기
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"depth": 0}, ValueError),
        ({"depth": 2.5}, TypeError),
        ({"depth": 1000}, ValueError),
        ({"width": 0}, ValueError),
        ({"activation": "sigmoidd"}, ValueError),
        ({"activation": 3}, TypeError),
        ({"initializer": "uniform"}, ValueError),
        ({"learning_rate": 0.0}, ValueError),
        ({"learning_rate": -0.1}, ValueError),
        ({"learning_rate": float("nan")}, ValueError),
        ({"steps": 0}, ValueError),
        ({"steps": 10**6}, ValueError),
        ({"clip": "yes"}, TypeError),
        ({"seed": -1}, ValueError),
        ({"seed": "0"}, TypeError),
    ],
)
def test_bad_input_gives_korean_errors(kwargs, error):
    with pytest.raises(error) as caught:
        vanishing.run(**kwargs)
    assert HANGUL.search(str(caught.value))


def test_unknown_names_list_the_allowed_ones():
    with pytest.raises(ValueError) as caught:
        vanishing.run(activation="swish")
    for name in vanishing.ACTIVATIONS:
        assert name in str(caught.value)
    with pytest.raises(ValueError) as caught:
        vanishing.run(initializer="xavier")
    for name in vanishing.INITIALIZERS:
        assert name in str(caught.value)


def test_run_does_not_import_plotting_or_widgets():
    assert_no_plotting_imports(
        "from dlcourse.labs.vanishing import run, sigmoid_bound, derivative_curves\n"
        "run(depth=3, steps=2); sigmoid_bound(3); derivative_curves()"
    )


# ---------------------------------------------------------------------------
# 그림
# ---------------------------------------------------------------------------


mpl_log = pytest.fixture(watch_plot_warnings, name="mpl_log")


def _figure_texts(fig):
    texts = [t.get_text() for t in fig.texts] + [fig.get_suptitle()]
    for ax in fig.axes:
        texts += [ax.get_title(loc) for loc in ("left", "center", "right")]
        texts += [ax.get_xlabel(), ax.get_ylabel()]
        texts += [t.get_text() for t in ax.texts]
        legend = ax.get_legend()
        if legend is not None:
            texts += [t.get_text() for t in legend.get_texts()]
    return "\n".join(texts)


def test_plot_has_korean_labels_and_the_diagnosis(mpl_log):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = vanishing.run(**preset("sigmoid_deep"))
        fig = vanishing.plot(result)
        fig.canvas.draw()
    text = _figure_texts(fig)
    for words in (
        "층별 기울기 노름",
        "손실 곡선",
        "첫 스텝",
        "마지막 스텝",
        "입력 쪽",
        "출력층",
        "시그모이드",
        "은닉층 20개",
    ):
        assert words in text, words
    assert result.message in text
    assert_no_plot_warnings(mpl_log.records)
    bars_ax = fig.axes[0]
    assert len(bars_ax.patches) == result.n_dense_layers
    heights = np.array([patch.get_height() for patch in bars_ax.patches])
    np.testing.assert_allclose(heights, result.grad_norms_last)
    marker_line = [line for line in bars_ax.lines if line.get_marker() == "o"][0]
    np.testing.assert_allclose(marker_line.get_ydata(), result.grad_norms_first)


def test_plot_of_diverged_run_shows_the_message_and_hatched_bars(mpl_log):
    from dlcourse import viz

    result = run_quietly(
        depth=30,
        width=32,
        activation="linear",
        initializer="random_normal_large",
        learning_rate=3.0,
        steps=20,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = vanishing.plot(result)
        fig.canvas.draw()
    assert viz.current_message(fig).get_text().endswith(result.message)
    assert_no_plot_warnings(mpl_log.records)


def test_plot_reuses_a_given_figure_and_rejects_other_objects():
    from dlcourse import viz

    fig, _ = viz.new_figure()
    result = run_quietly(depth=3, steps=3)
    assert vanishing.plot(result, fig=fig) is fig
    assert len(fig.axes) == 3  # 막대, 손실, 메시지 칸
    with pytest.raises(TypeError, match="[가-힣]"):
        vanishing.plot({"depth": 3})


def test_derivative_plot_marks_each_maximum(mpl_log):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = vanishing.derivative_plot()
        fig.canvas.draw()
    text = _figure_texts(fig)
    assert "최댓값 0.25" in text and "최댓값 1" in text
    for korean in vanishing.ACTIVATIONS.values():
        assert korean in text
    assert "9.5e-07" in text  # (1/4)^10
    # 소프트플러스의 도함수(시그모이드)는 격자 안에서 1에 닿지 않습니다: 다가가는 값을 적습니다.
    softplus = fig.axes[list(vanishing.ACTIVATIONS).index("softplus")]
    label = [t.get_text() for t in softplus.texts if "최댓값" in t.get_text()]
    assert label == [r"최댓값 $\to$ 1 ($z \to \infty$)"]
    assert "0.998" not in text
    # 최댓값 글은 점 위에 있어 뾰족한 tanh 봉우리를 가리지 않습니다.
    renderer = fig.canvas.get_renderer()
    for name in ("sigmoid", "tanh"):
        ax = fig.axes[list(vanishing.ACTIVATIONS).index(name)]
        (note,) = [t for t in ax.texts if "최댓값" in t.get_text()]
        top = max(np.max(line.get_ydata()) for line in ax.lines)
        assert note.get_window_extent(renderer).y0 > ax.transData.transform((0.0, top))[1]
    assert_no_plot_warnings(mpl_log.records)


# ---------------------------------------------------------------------------
# 탐색기
# ---------------------------------------------------------------------------

CONTROL_VALUES = {
    "depth": [1, 40],
    "width": [4, 64],
    "activation": list(vanishing.ACTIVATIONS),
    "initializer": list(vanishing.INITIALIZERS),
    "learning_rate": [1e-3, 3.0],
    "steps": [10, 300],
    "clip": [True, False],
}


def _korean_diagnosis(live, name, value):
    from dlcourse import viz

    assert live.last_error is None, live.last_error
    assert HANGUL.search(viz.current_message(live.figure).get_text())


def test_explorer_drives_every_control(mpl_log):
    live = vanishing.explorer()
    assert set(live.controls) == set(CONTROL_VALUES)
    defaults = dict(live.values)
    assert defaults == vanishing.DEFAULTS
    for name, values in CONTROL_VALUES.items():
        for value in values:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                drive(live, name, value, _korean_diagnosis)
        live.set_values(**{name: defaults[name]})
    assert_no_plot_warnings(mpl_log.records)
    live.close()


def test_explorer_redraws_in_place():
    live = vanishing.explorer()
    axes = list(live.figure.axes)
    bars = live.figure.axes[0].patches[0]
    live.set_values(learning_rate=0.2)
    assert list(live.figure.axes) == axes
    assert live.figure.axes[0].patches[0] is bars  # 층 수가 같으면 막대를 새로 만들지 않습니다
    live.set_values(depth=5)
    assert len(live.figure.axes[0].patches) == 6
    live.close()


@pytest.mark.parametrize("name", list(vanishing.PRESETS))
def test_every_preset_opens_and_renders(name):
    live = open_preset(vanishing.explorer, vanishing.PRESETS, name)
    assert live.values == preset(name)
    header = live.widget.children[0].value
    assert vanishing.PRESETS[name]["설명"] in header
    live.close()


def test_unknown_preset_lists_names():
    assert_unknown_preset_lists(vanishing.explorer, "sigmoid_shallow", vanishing.PRESETS)


def test_explorer_rejects_bad_overrides_before_building_widgets():
    with pytest.raises(ValueError, match="[가-힣]"):
        vanishing.explorer(dept=3)
    with pytest.raises(ValueError, match="[가-힣]"):
        vanishing.explorer(activation="swish")
    with pytest.raises(ValueError, match="[가-힣]"):
        vanishing.explorer(depth=55)  # run은 받지만 슬라이더 범위(1~40) 밖입니다
