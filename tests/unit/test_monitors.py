"""훈련 모니터 테스트: 층별 기울기 노름, 활성화 값 통계, 죽은 유닛 비율.

기준(oracle): 같은 초기 가중치의 복사본으로 테스트 안에서 직접 순전파/역전파해 계산한
값, 그리고 강의 4(기울기 소실)와 5(죽은 ReLU)가 보여 주려는 현상의 크기.
"""

from __future__ import annotations

import copy
import re

import numpy as np
import pytest

import dlcourse as dl

HANGUL = re.compile("[가-힣]")


@pytest.fixture(scope="module")
def moons():
    X, y = dl.data.moons(n_samples=200, noise=0.1, seed=0)
    return (X - X.mean(axis=0)) / X.std(axis=0), y


def dense_layers(net):
    return [layer for layer in dl.train.flatten_layers(net) if isinstance(layer, dl.nn.Dense)]


def activation_layers(net):
    return [layer for layer in dl.train.flatten_layers(net) if isinstance(layer, dl.nn.Activation)]


# --------------------------------------------------------------------------- 기울기 소실


def deep_run(moons, activation, init):
    X, y = moons
    net = dl.nn.mlp([2] + [32] * 19 + [2], activation=activation, init=init, seed=0)
    assert len(dense_layers(net)) == 20
    history = dl.train.fit(net, X, y, "cross_entropy", dl.optim.SGD(0.01), epochs=1,
                           batch_size=50, monitors=["grad_norm"])
    norms = history.monitors["grad_norm"].values
    assert norms.shape == (4, 20)
    return norms[:, 0] / norms[:, -1]


def test_sigmoid_deep_net_vanishes(moons):
    ratio = deep_run(moons, "sigmoid", "glorot_uniform")
    # sigmoid' <= 1/4 이 19번 곱해집니다: 첫 층 기울기는 마지막 층의 1e-3 보다 훨씬 작습니다.
    assert np.all(ratio < 1e-3), ratio


def test_relu_he_deep_net_keeps_gradients(moons):
    ratio = deep_run(moons, "relu", "he_normal")
    assert np.all((ratio > 0.1) & (ratio < 10.0)), ratio


# --------------------------------------------------------------------------- 죽은 ReLU


def dead_run(moons, activation, lr):
    X, y = moons
    net = dl.nn.mlp([2, 32, 32, 2], activation=activation, seed=0)
    history = dl.train.fit(net, X, y, "cross_entropy", dl.optim.SGD(lr), epochs=10,
                           batch_size=20, monitors=["dead_units"])
    assert not history.diverged
    return history.monitors["dead_units"].values


def test_dead_relu_fraction_rises_with_large_learning_rate(moons):
    dead = dead_run(moons, "relu", 2.0)
    assert dead.shape == (100, 2)
    start = dead[:3].mean()
    end = dead[-10:].mean()
    assert start < 0.2 and end > 0.5, (start, end)
    # 작은 학습률에서는 그렇게까지 죽지 않습니다.
    assert dead_run(moons, "relu", 0.01)[-10:].mean() < 0.3


def test_leaky_relu_never_dies_under_the_same_setting(moons):
    dead = dead_run(moons, "leaky_relu", 2.0)
    assert dead.shape == (100, 2)
    np.testing.assert_array_equal(dead, 0.0)


# --------------------------------------------------------------------------- 직접 계산과 비교


def test_monitor_values_equal_direct_computation(moons):
    X, y = moons
    net = dl.nn.mlp([2, 6, 5, 3], activation="relu", seed=0)
    net.layers[0].b[:3] = -100.0  # 첫 은닉층의 유닛 0, 1, 2 는 어떤 입력에도 죽어 있습니다.
    start = copy.deepcopy(net)
    history = dl.train.fit(net, X, y, "cross_entropy", dl.optim.SGD(0.05), epochs=1,
                           batch_size=None, monitors=True)
    # 기록은 단계 0, 즉 처음 가중치로 한 전체 배치 순전파/역전파에서 잰 값입니다.
    logits = start.forward(X)
    z = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    start.backward((p - np.eye(3)[y]) / len(y))
    outputs = [layer.output for layer in activation_layers(start)]

    grad = history.monitors["grad_norm"]
    expected_norms = [np.sqrt(np.sum(layer.dW ** 2)) for layer in dense_layers(start)]
    assert grad.steps == [0]
    np.testing.assert_allclose(grad.values[0], expected_norms, rtol=1e-10)

    stats = history.monitors["activations"]
    np.testing.assert_allclose(stats.mean[0], [o.mean() for o in outputs], rtol=1e-12)
    np.testing.assert_allclose(stats.std[0], [o.std() for o in outputs], rtol=1e-12)
    assert len(stats.samples[0]) == 2
    for sample, o in zip(stats.samples[0], outputs, strict=True):
        assert 0 < sample.size <= stats.sample_size
        assert np.isin(sample, o).all()

    dead = history.monitors["dead_units"]
    expected_dead = [np.mean(np.all(o == 0, axis=0)) for o in outputs]
    np.testing.assert_array_equal(dead.values[0], expected_dead)
    assert dead.values[0, 0] >= 0.5  # 적어도 일부러 죽인 3/6
    np.testing.assert_array_equal(dead.last_mask[0][:3], True)


def test_activation_stats_follow_sigmoid_outputs_over_steps(moons):
    X, y = moons
    net = dl.nn.mlp([2, 4, 2], activation="sigmoid", seed=1)
    replay = copy.deepcopy(net)
    history = dl.train.fit(net, X, y, "cross_entropy", dl.optim.SGD(0.5), epochs=1,
                           batch_size=50, seed=4, monitors=["activations"])
    stats = history.monitors["activations"]
    assert stats.steps == [0, 1, 2, 3]
    batches = dl.data.MiniBatches(X, y, batch_size=50, seed=4)
    for row, (Xb, yb) in enumerate(batches):
        logits = replay.forward(Xb)
        h = replay.layers[1].output
        assert stats.mean[row, 0] == pytest.approx(h.mean(), rel=1e-12)
        assert stats.std[row, 0] == pytest.approx(h.std(), rel=1e-12)
        z = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        replay.backward((p - np.eye(2)[yb]) / len(yb))
        for layer in dense_layers(replay):
            layer.W -= 0.5 * layer.dW
            layer.b -= 0.5 * layer.db


# --------------------------------------------------------------------------- 기록 간격


@pytest.mark.parametrize("every", [1, 3, 4, 7])
def test_every_monitor_respects_monitor_every(moons, every):
    X, y = moons
    net = dl.nn.mlp([2, 5, 5, 2], activation="tanh", seed=0)
    history = dl.train.fit(net, X, y, "cross_entropy", dl.optim.SGD(0.1), epochs=2,
                           batch_size=20, monitors=True, monitor_every=every)
    assert history.steps == 20
    expected = list(range(0, 20, every))
    assert set(history.monitors) == set(dl.train.MONITOR_NAMES)
    for name, monitor in history.monitors.items():
        assert monitor.steps == expected, name
    rows = len(expected)
    assert history.monitors["grad_norm"].values.shape == (rows, 3)
    assert history.monitors["activations"].mean.shape == (rows, 2)
    assert history.monitors["activations"].std.shape == (rows, 2)
    assert len(history.monitors["activations"].samples) == rows
    assert history.monitors["dead_units"].values.shape == (rows, 2)


def test_monitor_objects_keep_their_own_interval(moons):
    X, y = moons
    grad = dl.train.GradientNorms(every=5)
    dead = dl.train.DeadUnits(every=2)
    history = dl.train.fit(dl.nn.mlp([2, 5, 2], activation="relu", seed=0), X, y,
                           "cross_entropy", dl.optim.SGD(0.1), epochs=2, batch_size=20,
                           monitors=[grad, dead])
    assert history.monitors == {"grad_norm": grad, "dead_units": dead}
    assert grad.steps == [0, 5, 10, 15]
    assert dead.steps == list(range(0, 20, 2))


def test_monitors_see_layers_inside_residual_blocks(moons):
    X, y = moons
    net = dl.nn.mlp([2, 6, 6, 6, 2], activation="relu", residual=True, batch_norm=True, seed=0)
    history = dl.train.fit(net, X, y, "cross_entropy", dl.optim.SGD(0.1), epochs=1,
                           batch_size=50, monitors=True)
    assert history.monitors["grad_norm"].values.shape == (4, 4)
    assert history.monitors["activations"].mean.shape == (4, 3)


# --------------------------------------------------------------------------- make_monitors


def test_make_monitors_specs():
    assert dl.train.make_monitors(None) == {} and dl.train.make_monitors(False) == {}
    assert list(dl.train.make_monitors(True)) == list(dl.train.MONITOR_NAMES)
    assert list(dl.train.make_monitors("all")) == list(dl.train.MONITOR_NAMES)
    made = dl.train.make_monitors("dead_units", every=3)
    assert list(made) == ["dead_units"] and made["dead_units"].every == 3


@pytest.mark.parametrize(("spec", "error"), [(["gradients"], ValueError), (7, TypeError),
                                             ([3], TypeError)])
def test_make_monitors_rejects_bad_specs(spec, error):
    with pytest.raises(error) as info:
        dl.train.make_monitors(spec)
    assert HANGUL.search(str(info.value))


@pytest.mark.parametrize("every", [0, -2, 1.5])
def test_monitor_interval_must_be_positive_int(every):
    with pytest.raises((ValueError, TypeError)) as info:
        dl.train.ActivationStats(every=every)
    assert HANGUL.search(str(info.value))
