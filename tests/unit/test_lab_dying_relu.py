"""dlcourse.labs.dying_relu 테스트: 죽은 ReLU의 물리, 그림, 탐색기, 층 규칙.

기댓값은 테스트가 따로 계산합니다: 같은 조리법으로 신경망을 만들어 SGD 갱신을
손으로 돌리고, 죽은 유닛은 평범한 NumPy 순전파 max(0, XW + b)로 판정합니다.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from lab_helpers import (
    HANGUL,
    assert_no_plot_warnings,
    assert_no_plotting_imports,
    assert_unknown_preset_lists,
    call_quietly,
    drive_and_reset,
    open_preset,
    watch_plot_warnings,
    without_description,
)

import dlcourse as dl
from dlcourse.labs import dying_relu


def preset(name: str) -> dict:
    return without_description(dying_relu.PRESETS[name])


def run_quietly(**params):
    return call_quietly(dying_relu.run, **params)


# ---------------------------------------------------------------------------
# 테스트가 따로 만드는 기준값
# ---------------------------------------------------------------------------


def reference_setup(bias: float, seed: int = 0):
    """run()과 같은 조리법의 데이터와 ReLU 신경망 (He 정규, 상수 편향)."""
    X, y = dl.data.moons(200, noise=0.15, seed=seed)
    net = dl.nn.mlp(
        [2, 8, 8, 8, 2],
        activation=dl.nn.ReLU(),
        init="he_normal",
        seed=seed,
        bias_init=lambda shape, rng: np.full(shape, bias),
    )
    return X, y, net


def dense_params(net):
    dense = [layer for layer in net.layers if isinstance(layer, dl.nn.Dense)]
    return [(d.W.copy(), d.b.copy()) for d in dense]


def numpy_dead_masks(X, params):
    """평범한 NumPy 순전파: 은닉층마다 모든 샘플에서 max(0, z) = 0인 유닛."""
    h, masks = X, []
    for W, b in params[:-1]:
        h = np.maximum(h @ W + b, 0.0)
        masks.append(np.all(h == 0.0, axis=0))
    return masks


def train_by_hand(learning_rate: float, steps: int, bias: float = 0.0, seed: int = 0):
    """전체 배치 SGD를 직접 돌리며 스텝마다 매개변수를 복사해 둡니다 (θ_0 ... θ_T)."""
    X, y, net = reference_setup(bias, seed)
    loss = dl.nn.SoftmaxCrossEntropy()
    dense = [layer for layer in net.layers if isinstance(layer, dl.nn.Dense)]
    history = [dense_params(net)]
    for _ in range(steps):
        loss.forward(net.forward(X), y)
        net.backward(loss.backward())
        for d in dense:
            d.W -= learning_rate * d.dW
            d.b -= learning_rate * d.db
        history.append(dense_params(net))
    return X, y, history


# ---------------------------------------------------------------------------
# 물리
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 3])
def test_large_learning_rate_kills_more_units_than_healthy(seed):
    healthy = run_quietly(**preset("healthy"), seed=seed)
    high = run_quietly(**preset("high_lr"), seed=seed)
    assert not healthy.diverged and not high.diverged
    healthy_fraction = healthy.n_dead / healthy.n_units
    high_fraction = high.n_dead / high.n_units
    assert high_fraction > healthy_fraction + 0.3
    assert healthy.final_accuracy > 0.9
    # 이 시드들에서는 죽은 유닛이 너무 많아 정확도가 떨어집니다 (dying이 해가 되는 경우).
    assert high.final_accuracy < healthy.final_accuracy - 0.1


def test_dead_fraction_curve_matches_final_masks_and_starts_at_step_zero():
    result = run_quietly(**preset("high_lr"))
    assert result.eval_steps[0] == 0 and result.eval_steps[-1] == result.params["steps"]
    assert result.dead_fraction.shape == (len(result.eval_steps), 3)
    final = [mask.mean() for mask in result.dead]
    np.testing.assert_allclose(result.dead_fraction[-1], final)
    initial = [mask.mean() for mask in result.initial_dead]
    np.testing.assert_allclose(result.dead_fraction[0], initial)
    assert result.n_dead == sum(int(m.sum()) for m in result.dead)
    assert f"죽은 유닛 {result.n_dead}/{result.n_units}개" in result.summary


@pytest.mark.parametrize(
    "params",
    [
        {"learning_rate": 2.0, "alpha": 0.05},  # leaky_fix
        {"learning_rate": 2.0, "alpha": 0.01},
        {"learning_rate": 0.3, "alpha": 0.3},
        {"learning_rate": 0.3, "alpha": 0.01, "bias_init": -2.0},
    ],
)
def test_leaky_relu_has_exactly_zero_dead_units(params):
    result = run_quietly(**params)
    assert not result.diverged
    assert result.n_dead == 0
    assert np.all(result.dead_fraction == 0.0)
    assert all(not mask.any() for mask in result.initial_dead)


def test_leaky_fix_preset_beats_relu_at_the_same_learning_rate():
    leaky = run_quietly(**preset("leaky_fix"))
    relu = run_quietly(**preset("high_lr"))
    assert leaky.params["learning_rate"] == relu.params["learning_rate"]
    assert leaky.n_dead == 0 and relu.n_dead > relu.n_units / 2
    assert leaky.final_accuracy > relu.final_accuracy + 0.2


def test_negative_bias_units_are_dead_at_step_zero():
    result = run_quietly(**preset("negative_bias"))
    X, _, net = reference_setup(bias=result.params["bias_init"])
    expected = numpy_dead_masks(X, dense_params(net))
    for got, want in zip(result.initial_dead, expected, strict=True):
        np.testing.assert_array_equal(got, want)
    initial_fraction = sum(int(m.sum()) for m in expected) / 24
    assert initial_fraction >= 0.75
    assert result.dead_fraction[0].mean() == pytest.approx(initial_fraction)
    # 기울기가 흐르지 않으니 끝까지 살아나지 않습니다.
    assert result.n_dead >= 0.75 * result.n_units
    assert result.final_accuracy < 0.6


def test_dead_units_receive_no_update_after_death_with_sgd():
    params = preset("high_lr")
    result = run_quietly(**params)
    X, _, history = train_by_hand(params["learning_rate"], result.params["steps"])
    dead_history = [numpy_dead_masks(X, theta) for theta in history]
    final = dead_history[-1]
    for got, want in zip(result.dead, final, strict=True):
        np.testing.assert_array_equal(got, want)

    frozen_checked = 0
    for layer in range(3):
        for unit in np.flatnonzero(final[layer]):
            alive_at = [t for t, masks in enumerate(dead_history) if not masks[layer][unit]]
            death = alive_at[-1] + 1 if alive_at else 0
            assert result.death_step[layer][unit] == death
            W_in, b_in = history[death][layer]
            W_out, _ = history[death][layer + 1]
            for theta in history[death:]:
                # 정확히 같아야 합니다: 기울기가 0이면 w − η·0 = w.
                np.testing.assert_array_equal(theta[layer][0][:, unit], W_in[:, unit])
                assert theta[layer][1][unit] == b_in[unit]
                np.testing.assert_array_equal(theta[layer + 1][0][unit, :], W_out[unit, :])
            assert result.change_since_death[layer][unit] == 0.0
            frozen_checked += len(history) - death
        alive = ~final[layer]
        assert np.all(np.isnan(result.change_since_death[layer][alive]))
        assert np.all(result.death_step[layer][alive] == -1)
    assert result.dead_weight_change == 0.0
    assert frozen_checked > 1000  # 죽은 유닛들이 오래 (합쳐서 1000 스텝 넘게) 얼어 있었습니다.
    # 비교: 살아 있던 유닛의 가중치는 훈련 중에 바뀌었습니다.
    first, last = history[0][0][0], history[-1][0][0]
    assert np.abs(last[:, ~final[0]] - first[:, ~final[0]]).max() > 0.1


def test_adam_moves_dead_weights_only_through_old_momentum():
    result = run_quietly(**preset("adam"))
    assert not result.diverged and result.final_accuracy > 0.95
    died_later = []
    for layer in range(3):
        for unit in np.flatnonzero(result.dead[layer]):
            change = result.change_since_death[layer][unit]
            if result.death_step[layer][unit] == 0:
                # 처음부터 죽어 있었다면 기울기도 모멘텀도 0이라 움직이지 않습니다.
                assert change == 0.0
            else:
                died_later.append(change)
    assert died_later and max(died_later) > 1e-3


def test_divergence_is_reported_without_warnings():
    result = run_quietly(learning_rate=3.0, alpha=0.3)
    assert result.diverged
    assert result.message.startswith("발산했습니다")
    assert "발산" in result.summary
    assert len(result.eval_steps) == len(result.loss) == len(result.accuracy)
    assert len(result.eval_steps) < result.params["steps"]


def test_healthy_preset_description_matches_the_run():
    # 설명: 은닉층 1, 2는 하나도 죽지 않고, 은닉층 3은 처음 죽어 있던 유닛이 살아나 끝나며 다른
    # 유닛 하나가 스텝 1에 죽어 끝까지 죽어 있고, 은닉층 3의 죽은 비율은 12.5%와 25% 사이를
    # 오가며, 정확도는 0.98.
    result = run_quietly(**preset("healthy"))
    assert result.params["seed"] == 0
    assert np.all(result.dead_fraction[:, :2] == 0.0)
    first_dead = np.flatnonzero(result.initial_dead[2])
    last_dead = np.flatnonzero(result.dead[2])
    assert len(first_dead) == 1 and len(last_dead) == 1 and first_dead[0] != last_dead[0]
    assert result.death_step[2][last_dead[0]] == 1
    layer_3 = result.dead_fraction[:, 2]
    assert set(np.round(layer_3, 4)) == {0.125, 0.25}
    assert np.count_nonzero(np.diff(layer_3)) > 2  # 여러 번 오갑니다
    assert round(result.final_accuracy, 2) == 0.98
    description = dying_relu.PRESETS["healthy"]["설명"]
    for words in ("0.98", "12.5%", "25%", "첫 갱신 뒤에 죽어"):
        assert words in description


def test_run_is_deterministic():
    a, b = run_quietly(seed=2), run_quietly(seed=2)
    np.testing.assert_array_equal(a.loss, b.loss)
    np.testing.assert_array_equal(a.dead_fraction, b.dead_fraction)


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"learning_rate": 0.0}, ValueError),
        ({"learning_rate": "크게"}, TypeError),
        ({"alpha": -0.1}, ValueError),
        ({"bias_init": float("nan")}, ValueError),
        ({"optimizer": "rmsprop"}, ValueError),
        ({"init": "zeros"}, ValueError),
        ({"dataset": "iris"}, ValueError),
        ({"steps": 0}, ValueError),
        ({"steps": 2.5}, TypeError),
        ({"hidden": (8, 0)}, ValueError),
        ({"hidden": 8}, TypeError),
        ({"seed": -1}, ValueError),
        ({"seed": 1.5}, TypeError),
        ({"batchsize": 3}, TypeError),
    ],
)
def test_bad_input_gives_korean_errors(kwargs, error):
    with pytest.raises(error) as info:
        dying_relu.run(**kwargs)
    assert HANGUL.search(str(info.value))


def test_unknown_choice_lists_allowed_names():
    with pytest.raises(ValueError, match="sgd, adam"):
        dying_relu.run(optimizer="rmsprop")


# ---------------------------------------------------------------------------
# 그림과 탐색기
# ---------------------------------------------------------------------------


def _figure_texts(fig) -> str:
    texts = [t.get_text() for t in fig.texts]
    if fig._suptitle is not None:
        texts.append(fig._suptitle.get_text())
    for ax in fig.axes:
        texts += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        texts += [t.get_text() for t in ax.texts]
        legend = ax.get_legend()
        if legend is not None:
            texts += [t.get_text() for t in legend.get_texts()]
    return "\n".join(texts)


mpl_log = pytest.fixture(watch_plot_warnings, name="mpl_log")


def test_plot_has_korean_labels_and_no_warnings(mpl_log):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = dying_relu.run(**preset("high_lr"))
        fig = dying_relu.plot(result)
        fig.canvas.draw()
    text = _figure_texts(fig)
    for words in ("죽은 유닛", "훈련이 끝났을 때의 신경망", "스텝", "손실", "정확도", "은닉층 2"):
        assert words in text
    assert result.summary in text
    assert_no_plot_warnings(mpl_log.records)
    diagram_ax = fig.axes[0]
    dead_marks = [line for line in diagram_ax.lines if line.get_marker() == "X"]
    assert len(dead_marks[0].get_xdata()) == min(result.n_dead, 24)


def test_plot_of_diverged_run_shows_korean_message():
    from dlcourse import viz

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = dying_relu.plot(dying_relu.run(learning_rate=3.0, alpha=0.3))
        fig.canvas.draw()
    message = viz.current_message(fig)
    assert message is not None and "발산했습니다" in message.get_text()


def test_plot_rejects_other_objects():
    with pytest.raises(TypeError, match="run"):
        dying_relu.plot({"n_dead": 3})


CONTROL_VALUES = {
    "learning_rate": [1e-3, 3.0],
    "bias_init": [-3.0, 1.0],
    "alpha": [0.0, 0.3],
    "optimizer": ["adam", "sgd"],
    "init": ["glorot_uniform", "random_normal", "he_normal"],
    "steps": [10, 300],
    "dataset": ["spirals", "moons"],
    "seed": [9, 0],
}


def _only_divergence_messages(live, name, value):
    from dlcourse import viz

    assert live.last_error is None, live.last_error
    message = viz.current_message(live.figure)
    assert message is None or "발산했습니다" in message.get_text()


def test_explorer_drives_every_control(mpl_log):
    live = dying_relu.explorer()
    drive_and_reset(live, CONTROL_VALUES, _only_divergence_messages)
    assert_no_plot_warnings(mpl_log.records)
    live.close()


def test_explorer_shows_divergence_as_message():
    from dlcourse import viz

    live = dying_relu.explorer(learning_rate=3.0, alpha=0.3)
    assert live.last_error is None
    message = viz.current_message(live.figure)
    assert message is not None and "발산했습니다" in message.get_text()
    live.set_values(learning_rate=0.3)
    assert viz.current_message(live.figure) is None
    live.close()


@pytest.mark.parametrize("name", list(dying_relu.PRESETS))
def test_every_preset_opens_and_renders(name):
    live = open_preset(dying_relu.explorer, dying_relu.PRESETS, name)
    for key, value in preset(name).items():
        if isinstance(value, str):
            assert live.values[key] == value
        else:
            assert live.values[key] == pytest.approx(value)
    live.close()


def test_unknown_preset_lists_names():
    assert_unknown_preset_lists(dying_relu.explorer, "very_high", dying_relu.PRESETS)


def test_explorer_rejects_bad_override_before_building_widgets():
    with pytest.raises(ValueError) as info:
        dying_relu.explorer(learning_rate=-1.0)
    assert HANGUL.search(str(info.value))


def test_run_does_not_import_plotting_or_widgets():
    assert_no_plotting_imports("from dlcourse.labs.dying_relu import run\nrun(steps=20)")
