"""7강 탐색기 dlcourse.labs.optimizers 테스트.

기댓값은 닫힌 식(길쭉한 그릇에서 SGD는 축마다 등비수열), Adam의 첫 걸음이 ±η라는 성질,
테스트 안에서 따로 계산한 교차 엔트로피처럼 코드 밖에서 온 것만 씁니다.
"""

from __future__ import annotations

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

import dlcourse as dl
from dlcourse.labs import optimizers

BOWL_START = np.array([-7.0, 2.0])  # 길쭉한 그릇의 기본 시작점


def race(**kwargs):
    return optimizers.run_surface("elongated_bowl", **kwargs)


def sign_changes(values: np.ndarray) -> int:
    signs = np.sign(values)
    return int(np.count_nonzero(signs[1:] * signs[:-1] < 0))


# ---------------------------------------------------------------------------
# 물리
# ---------------------------------------------------------------------------


def test_sgd_on_the_bowl_follows_the_closed_form():
    # J = x₁²/20 + x₂², ∇J = [x₁/10, 2x₂] → x₁(t) = x₁(0)(1 − η/10)^t, x₂(t) = x₂(0)(1 − 2η)^t
    result = race(steps=100, learning_rates={"sgd": 0.1}, enabled=["sgd"])
    t = np.arange(101)
    path = result.paths[0]
    np.testing.assert_allclose(path[:, 0], -7.0 * 0.99**t, rtol=1e-12)
    np.testing.assert_allclose(path[:, 1], 2.0 * 0.8**t, rtol=1e-12)
    np.testing.assert_allclose(result.gaps[0], path[:, 0] ** 2 / 20 + path[:, 1] ** 2, rtol=1e-12)


def test_adam_first_step_is_learning_rate_times_sign_of_gradient():
    # 첫 갱신에서 m̂ = g, v̂ = g²이므로 걸음은 η·g/(|g| + ε) ≈ η·sign(g), ε = 1e-7
    result = race(steps=1, learning_rates={"adam": 0.1}, enabled=["adam"])
    gradient = np.array([-7.0 / 10, 2 * 2.0])
    expected = BOWL_START - 0.1 * gradient / (np.abs(gradient) + 1e-7)
    np.testing.assert_allclose(result.paths[0][1], expected, rtol=1e-12)
    np.testing.assert_allclose(result.paths[0][1], BOWL_START - 0.1 * np.sign(gradient),
                               rtol=1e-6)


def test_adam_beats_plain_sgd_on_the_elongated_bowl():
    result = race(steps=100, learning_rates={"sgd": 0.1, "adam": 0.1}, enabled=["sgd", "adam"])
    sgd, adam = result.gaps
    assert adam[-1] < sgd[-1] / 10
    assert result.final_distance("adam") < result.final_distance("sgd") / 3
    # SGD의 x₁은 0.99^100 ≈ 0.366배만 줄었습니다.
    assert result.final_distance("sgd") > 2.5


def test_momentum_reduces_zigzag_on_the_bowl():
    zigzag = race(steps=100, learning_rates={"sgd": 0.9, "momentum": 0.1},
                  enabled=["sgd", "momentum"])
    sgd_path, momentum_path = zigzag.paths
    # SGD η = 0.9: x₂(t) = 2 · (−0.8)^t 이므로 스텝마다 부호가 바뀝니다.
    np.testing.assert_allclose(sgd_path[:, 1], 2.0 * (-0.8) ** np.arange(101), rtol=1e-9)
    assert sign_changes(sgd_path[:, 1]) == 100
    assert sign_changes(momentum_path[:, 1]) < 25
    same_rate = race(steps=100, learning_rates={"sgd": 0.1, "momentum": 0.1},
                     enabled=["sgd", "momentum"])
    assert same_rate.gaps[1][-1] < same_rate.gaps[0][-1] / 100


def test_divergence_is_reported_per_optimizer_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = race(steps=100, learning_rates={"sgd": 3.0, "adam": 0.1}, enabled=["sgd", "adam"])
    assert result.diverged == (True, False)
    assert result.message.startswith("발산했습니다") and "SGD" in result.message
    assert "Adam" not in result.message
    assert np.isfinite(result.paths[0]).all()


def test_local_minimum_race_separates_momentum_from_sgd():
    settings = without_description(optimizers.PRESETS["local_minimum"])
    result = optimizers.run(**settings)
    best = dl.surfaces.MULTI_MINIMA.global_minimum
    final = {name: path[-1] for name, path in zip(result.names, result.paths, strict=True)}
    assert np.linalg.norm(final["momentum"] - best) < 0.1
    assert np.linalg.norm(final["sgd"] - best) > 2.0


@pytest.mark.parametrize("surface", ["saddle", "rosenbrock", "network"])
def test_run_uses_the_recommended_rates_of_the_chosen_problem(surface):
    result = optimizers.run(surface=surface, steps=20)
    recommended = optimizers.RECOMMENDED_RATES[surface]
    assert result.learning_rates == tuple(recommended[name] for name in optimizers.OPTIMIZERS)
    # 같은 문제를 run_surface/run_network로 직접 부른 것과 같은 경주입니다.
    if surface == "network":
        direct = optimizers.run_network(steps=20)
        for got, want in zip(result.losses, direct.losses, strict=True):
            np.testing.assert_array_equal(got, want)
    else:
        direct = optimizers.run_surface(surface, steps=20)
        for got, want in zip(result.paths, direct.paths, strict=True):
            np.testing.assert_array_equal(got, want)
    # 직접 준 학습률은 그대로 씁니다 (주지 않은 것만 추천값).
    mixed = optimizers.run(surface=surface, steps=20, lr_sgd=0.005)
    assert mixed.learning_rates[0] == 0.005
    assert mixed.learning_rates[1:] == result.learning_rates[1:]


def test_saddle_run_escapes_with_its_own_rates():
    # 안장 함수에서 SGD(η = 0.03): x₂(t) = x₂(0)·(1 + 2η)^t (그릇의 학습률 0.1이면 1.2^t)
    result = optimizers.run(surface="saddle", steps=40, show_momentum=False,
                            show_nesterov=False, show_adagrad=False, show_rmsprop=False,
                            show_adam=False)
    start = dl.surfaces.SADDLE.default_start
    t = np.arange(41)
    np.testing.assert_allclose(result.paths[0][:, 1], start[1] * 1.06**t, rtol=1e-9)


def test_network_race_starts_from_the_same_net_and_adam_wins():
    result = optimizers.run_network(steps=200)
    assert result.names == optimizers.OPTIMIZERS
    first = [losses[0] for losses in result.losses]
    np.testing.assert_allclose(first, first[0], rtol=1e-12)  # 같은 초깃값
    # 처음 손실을 테스트에서 따로 계산합니다: 같은 시드의 2-8-2 tanh 신경망, 교차 엔트로피.
    X, y = dl.data.moons(n_samples=100, noise=0.15, seed=0)
    net = dl.nn.mlp([2, 8, 2], activation="tanh", seed=0)
    logits = net.forward(X)
    logits = logits - logits.max(axis=1, keepdims=True)
    log_prob = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    assert first[0] == pytest.approx(-log_prob[np.arange(100), y].mean(), rel=1e-12)
    losses = dict(zip(result.names, result.losses, strict=True))
    assert all(len(curve) == 201 for curve in losses.values())
    assert losses["adam"][-1] < losses["sgd"][-1] / 10
    assert losses["sgd"][-1] < losses["sgd"][0]
    assert all(0.0 <= acc[-1] <= 1.0 for acc in result.accuracies)
    for probabilities in result.probabilities:
        assert probabilities.shape == result.grid_x.shape
        assert 0.0 <= probabilities.min() <= probabilities.max() <= 1.0


def test_network_prefix_equals_shorter_training():
    long = optimizers.run_network(steps=150, enabled=["adam"])
    short = optimizers.run_network(steps=40, enabled=["adam"])
    np.testing.assert_array_equal(short.losses[0], long.losses[0][:41])
    assert not np.allclose(short.probabilities[0], long.probabilities[0])


# ---------------------------------------------------------------------------
# 그림과 탐색기
# ---------------------------------------------------------------------------


def test_plot_draws_with_korean_labels_and_no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        surface = optimizers.plot(optimizers.run())
        surface.canvas.draw()
        network = optimizers.plot(optimizers.run_network(steps=50))
        network.canvas.draw()
    text = all_text(surface)
    assert "길쭉한 그릇" in text and "최솟값과의 차이" in text and "스텝" in text
    assert "모멘텀" in text and "Adam" in text
    assert "결정 경계" in all_text(network) and "훈련 손실" in all_text(network)
    lines = surface.axes[1].get_lines()
    styles = {(line.get_color(), str(line.get_linestyle()), line.get_marker()) for line in lines}
    assert len(styles) == 6  # 색, 선 모양, 표시가 모두 다릅니다


def _only_divergence_messages(live, name, value):
    from dlcourse import viz

    assert live.last_error is None, live.last_error
    message = viz.current_message(live.figure)
    if message is not None:
        assert "발산했습니다" in message.get_text()


def test_explorer_drives_every_control_through_its_range():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        live = optimizers.explorer()
        assert live.render_count == 1 and live.last_error is None
        drive_every_control(live, _only_divergence_messages)


def test_explorer_switches_learning_rates_with_the_problem():
    from dlcourse import viz

    live = optimizers.explorer()
    live.set_values(surface="rosenbrock")
    assert live.controls["lr_sgd"].value == pytest.approx(0.002)
    assert live.controls["lr_adagrad"].value == pytest.approx(0.3)
    live.set_values(surface="network", lr_adam=0.03)  # 같이 바꾼 학습률은 그대로 둡니다
    assert live.controls["lr_adam"].value == pytest.approx(0.03)
    assert live.controls["lr_sgd"].value == pytest.approx(0.1)
    for name in optimizers.OPTIMIZERS:
        live.controls[f"show_{name}"].value = False
    message = viz.current_message(live.figure)
    assert message is not None and "하나도" in message.get_text()
    assert live.last_error is None


@pytest.mark.parametrize("name", sorted(optimizers.PRESETS))
def test_every_preset_opens_and_renders(name):
    live = open_preset(optimizers.explorer, optimizers.PRESETS, name)
    assert live.controls["surface"].value == optimizers.PRESETS[name]["surface"]


def test_unknown_preset_lists_the_names():
    assert_unknown_preset_lists(optimizers.explorer, "fastest", optimizers.PRESETS)


def test_run_does_not_import_plotting_or_widgets():
    assert_no_plotting_imports(
        "from dlcourse.labs.optimizers import run, run_network\n"
        "run()\n"
        "run_network(steps=10, enabled=['adam'])"
    )


# ---------------------------------------------------------------------------
# 잘못된 입력
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"surface": "bowl"}, ValueError, "elongated_bowl"),
        ({"lr_adam": 0.0}, ValueError, "0보다 커야"),
        ({"lr_sgd": None}, TypeError, "실수"),
        ({"show_sgd": "yes"}, TypeError, "True나 False"),
        ({"steps": 0}, ValueError, "1 이상"),
        ({"steps": 10.0}, TypeError, "정수"),
        ({"momentum": 1.0}, ValueError, "momentum"),
        ({"surface": "network", "steps": 300}, ValueError, "200 이하"),
        ({"learning_rate": 0.1}, ValueError, "알 수 없는 설정"),
    ],
)
def test_bad_input_gives_korean_errors(kwargs, error, words):
    with pytest.raises(error) as info:
        optimizers.run(**kwargs)
    assert words in str(info.value) and HANGUL.search(str(info.value))


def test_bad_direct_arguments():
    with pytest.raises(ValueError, match="옵티마이저"):
        optimizers.run_surface(enabled=["sgd", "lion"])
    with pytest.raises(TypeError, match="사전"):
        optimizers.run_network(learning_rates=[0.1])
    with pytest.raises(ValueError, match="두 수"):
        optimizers.run(start=[1.0])
    with pytest.raises(TypeError, match="결과"):
        optimizers.plot({"paths": []})
    with pytest.raises(ValueError, match="범위"):
        optimizers.explorer(lr_sgd=10.0)
