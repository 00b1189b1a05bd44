"""훈련 루프 dl.train.fit / evaluate 테스트.

기준(oracle): 테스트 안에서 손으로 쓴 훈련 루프 (교차 엔트로피, L2, SGD 식을 직접 계산),
직접 센 단계 수, 직접 계산한 정확도와 손실, 학습률 스케줄의 정의.
"""

from __future__ import annotations

import copy
import re
import warnings

import numpy as np
import pytest

import dlcourse as dl

HANGUL = re.compile("[가-힣]")


@pytest.fixture(scope="module")
def iris():
    X, y = dl.data.iris()
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    return X, y


def cross_entropy_by_hand(logits, y):
    """(평균 교차 엔트로피, dL/dlogits) 를 식 그대로 계산합니다."""
    n = len(y)
    z = logits - logits.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    onehot = np.eye(logits.shape[1])[y]
    return -np.sum(onehot * log_p) / n, (np.exp(log_p) - onehot) / n


def weights(net):
    return {key: value.copy() for key, value in net.params.items()}


# --------------------------------------------------------------------------- 학습이 되는지


def test_fit_learns_iris_with_adam(iris):
    X, y = iris
    net = dl.nn.mlp([4, 16, 3], activation="tanh", seed=0)
    history = dl.train.fit(net, X, y, loss="cross_entropy", optimizer=dl.optim.Adam(0.01),
                           epochs=100, batch_size=15, seed=0)
    assert history.epochs == 100 and not history.diverged
    assert history.accuracy[-1] >= 0.95
    predicted = net.predict(X).argmax(axis=1)
    assert np.mean(predicted == y) >= 0.95
    assert history.loss[-1] < history.loss[0] / 5


def test_fit_learns_xor_with_sigmoid_2_3_1():
    X, y = dl.data.xor()
    net = dl.nn.mlp([2, 3, 1], activation="sigmoid", output_activation="sigmoid", seed=0)
    history = dl.train.fit(net, X, y.astype(float), loss="mse",
                           optimizer=dl.optim.Adam(0.1), epochs=500)
    predictions = net.predict(X).ravel()
    assert np.array_equal(predictions > 0.5, y == 1), predictions
    assert history.accuracy == []  # 회귀(MSE)에는 정확도가 없습니다.


# --------------------------------------------------------------------------- 단계와 에폭


@pytest.mark.parametrize(("batch_size", "steps_per_epoch"),
                         [(15, 10), (None, 1), (1, 150), (40, 4), (150, 1), (1000, 1)])
def test_step_and_epoch_counts(iris, batch_size, steps_per_epoch):
    X, y = iris
    net = dl.nn.mlp([4, 3, 3], seed=0)
    opt = dl.optim.SGD(0.01)
    history = dl.train.fit(net, X, y, "cross_entropy", opt, epochs=2, batch_size=batch_size)
    assert history.steps_per_epoch == steps_per_epoch
    assert history.steps == len(history.step_loss) == 2 * steps_per_epoch
    assert len(history.learning_rate) == 2 * steps_per_epoch
    assert opt.iterations == 2 * steps_per_epoch
    assert history.epochs == len(history.loss) == len(history.accuracy) == 2


def test_epoch_loss_is_sample_weighted_mean_of_step_losses(iris):
    X, y = iris
    net = dl.nn.mlp([4, 5, 3], seed=0)
    history = dl.train.fit(net, X, y, "cross_entropy", dl.optim.SGD(0.1), epochs=2,
                           batch_size=40)
    sizes = np.array([40, 40, 40, 30])
    for epoch in range(2):
        steps = np.array(history.step_loss[4 * epoch: 4 * epoch + 4])
        assert history.loss[epoch] == pytest.approx(np.sum(steps * sizes) / 150, rel=1e-13)


def test_zero_epochs_changes_nothing(iris):
    X, y = iris
    net = dl.nn.mlp([4, 5, 3], seed=0)
    before = weights(net)
    history = dl.train.fit(net, X, y, "cross_entropy", dl.optim.SGD(0.1), epochs=0,
                           monitors=True)
    assert history.steps == 0 and history.epochs == 0
    for key, value in before.items():
        np.testing.assert_array_equal(value, net.params[key])
    assert history.monitors["grad_norm"].values.shape == (0, 2)
    assert history.monitors["activations"].mean.shape == (0, 1)


# --------------------------------------------------------------------------- 재현성


def test_same_seed_same_history_different_seed_different(iris):
    X, y = iris

    def run(seed):
        net = dl.nn.mlp([4, 8, 3], activation="relu", dropout=0.3, seed=0)
        history = dl.train.fit(net, X, y, "cross_entropy", dl.optim.Adam(0.01), epochs=3,
                               batch_size=15, seed=seed, monitors=True)
        return history, net

    (h1, n1), (h2, n2), (h3, n3) = run(5), run(5), run(6)
    assert h1.step_loss == h2.step_loss and h1.loss == h2.loss and h1.accuracy == h2.accuracy
    np.testing.assert_array_equal(h1.monitors["grad_norm"].values, h2.monitors["grad_norm"].values)
    for key in n1.params:
        np.testing.assert_array_equal(n1.params[key], n2.params[key])
    assert h1.step_loss != h3.step_loss
    assert any(not np.array_equal(n1.params[k], n3.params[k]) for k in n1.params)


# --------------------------------------------------------------------------- 검증 세트


def test_validation_metrics_use_eval_mode(iris):
    X, y = iris
    Xt, Xv, yt, yv = dl.data.train_val_split(X, y, val_fraction=0.3, seed=0)
    net = dl.nn.mlp([4, 16, 3], activation="relu", dropout=0.5, seed=0)
    history = dl.train.fit(net, Xt, yt, "cross_entropy", dl.optim.Adam(0.01), epochs=4,
                           batch_size=15, validation_data=(Xv, yv))
    assert len(history.val_loss) == len(history.val_accuracy) == 4
    assert net.training  # fit이 끝나도 훈련 모드 그대로
    net.eval()
    logits = net.forward(Xv)
    net.train()
    expected_loss, _ = cross_entropy_by_hand(logits, yv)
    assert history.val_loss[-1] == pytest.approx(expected_loss, rel=1e-12)
    assert history.val_accuracy[-1] == pytest.approx(np.mean(logits.argmax(axis=1) == yv))
    # 훈련 모드(드롭아웃 켜짐)라면 손실이 달랐을 것입니다.
    train_mode_loss, _ = cross_entropy_by_hand(net.forward(Xv), yv)
    assert abs(train_mode_loss - expected_loss) > 1e-3
    value, accuracy = dl.train.evaluate(net, Xv, yv, "cross_entropy")
    assert value == pytest.approx(expected_loss, rel=1e-12)
    assert accuracy == history.val_accuracy[-1]
    assert net.training


def test_validation_does_not_touch_batchnorm_running_statistics(iris):
    X, y = iris
    Xt, Xv, yt, yv = dl.data.train_val_split(X, y, val_fraction=0.3, seed=0)

    def run(validation):
        net = dl.nn.mlp([4, 6, 3], activation="relu", batch_norm=True, seed=0)
        dl.train.fit(net, Xt, yt, "cross_entropy", dl.optim.SGD(0.1), epochs=2, batch_size=21,
                     validation_data=validation)
        return net.layers[1]

    with_val, without_val = run((Xv, yv)), run(None)
    np.testing.assert_array_equal(with_val.running_mean, without_val.running_mean)
    np.testing.assert_array_equal(with_val.running_var, without_val.running_var)


def test_evaluate_uses_eval_mode_for_any_layer_and_restores_mode():
    X = np.random.default_rng(0).standard_normal((20, 4))
    block = dl.nn.Residual(dl.nn.Sequential([dl.nn.Dense(4, 4, rng=0), dl.nn.Dropout(0.5, seed=0)]))
    value, accuracy = dl.train.evaluate(block, X, X, "mse")
    W, b = block.block.layers[0].W, block.block.layers[0].b
    out = X + X @ W + b
    assert value == pytest.approx(0.5 * np.sum((out - X) ** 2) / 20, rel=1e-12)
    assert accuracy is None and block.training
    block.eval()
    dl.train.evaluate(block, X, X, "mse")
    assert not block.training


def test_evaluate_binary_accuracy():
    X, y = dl.data.xor()
    net = dl.nn.Sequential([dl.nn.Dense(2, 1, rng=0), dl.nn.Sigmoid()])
    net.layers[0].W[:] = [[1.0], [1.0]]
    net.layers[0].b[:] = [-0.5]  # OR 게이트: 예측 [0, 1, 1, 1], XOR 정답과 3개 일치
    value, accuracy = dl.train.evaluate(net, X, y.astype(float), "binary_cross_entropy")
    assert accuracy == 0.75
    p = 1 / (1 + np.exp(-(X.sum(axis=1) - 0.5)))
    assert value == pytest.approx(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)), rel=1e-12)


# --------------------------------------------------------------------------- 학습률과 콜백


def test_learning_rate_follows_schedule_per_step(iris):
    X, y = iris
    schedule = dl.optim.PiecewiseConstantDecay([3, 6], [0.1, 0.05, 0.01])
    net = dl.nn.mlp([4, 5, 3], seed=0)
    manual = copy.deepcopy(net)
    history = dl.train.fit(net, X, y, "cross_entropy", dl.optim.SGD(schedule), epochs=1,
                           batch_size=15, seed=3)
    # Keras 규칙: step <= 3 -> 0.1, 3 < step <= 6 -> 0.05, 그 뒤 0.01
    expected = [0.1] * 4 + [0.05] * 3 + [0.01] * 3
    assert history.learning_rate == expected
    # 실제 갱신도 그 학습률로 했는지 손으로 쓴 SGD와 비교합니다.
    batches = dl.data.MiniBatches(X, y, batch_size=15, seed=3)
    dense = [layer for layer in manual.layers if isinstance(layer, dl.nn.Dense)]
    for lr, (Xb, yb) in zip(expected, batches, strict=True):
        _, dlogits = cross_entropy_by_hand(manual.forward(Xb), yb)
        manual.backward(dlogits)
        for layer in dense:
            layer.W -= lr * layer.dW
            layer.b -= lr * layer.db
    for key in net.params:
        np.testing.assert_allclose(net.params[key], manual.params[key], rtol=1e-12, atol=1e-15)


def test_schedule_sees_step_zero_first(iris):
    X, y = iris
    calls = []

    def schedule(step):
        calls.append(step)
        return 0.05

    history = dl.train.fit(dl.nn.mlp([4, 3, 3], seed=0), X, y, "cross_entropy",
                           dl.optim.SGD(schedule), epochs=2, batch_size=50)
    assert calls[0] == 0
    assert sorted(set(calls)) == list(range(6))
    assert history.learning_rate == [0.05] * 6


def test_on_epoch_end_can_stop_training(iris):
    X, y = iris
    seen = []

    def stop_after_third(epoch, history):
        seen.append((epoch, history.epochs))
        return epoch < 2

    history = dl.train.fit(dl.nn.mlp([4, 3, 3], seed=0), X, y, "cross_entropy",
                           dl.optim.SGD(0.1), epochs=10, batch_size=50,
                           on_epoch_end=stop_after_third)
    assert seen == [(0, 1), (1, 2), (2, 3)]
    assert history.epochs == 3 and history.steps == 9

    # None(아무것도 돌려주지 않음)은 멈추라는 뜻이 아닙니다.
    history = dl.train.fit(dl.nn.mlp([4, 3, 3], seed=0), X, y, "cross_entropy",
                           dl.optim.SGD(0.1), epochs=4, batch_size=50,
                           on_epoch_end=lambda epoch, history: None)
    assert history.epochs == 4


# --------------------------------------------------------------------------- L2 규제


def test_fit_with_l2_equals_manual_training(iris):
    X, y = iris
    lam, lr = 0.01, 0.2
    net = dl.nn.mlp([4, 5, 3], activation="tanh", seed=0)
    manual = copy.deepcopy(net)
    history = dl.train.fit(net, X, y, "cross_entropy", dl.optim.SGD(lr), epochs=2,
                           batch_size=50, l2=lam, seed=2)
    dense = [layer for layer in manual.layers if isinstance(layer, dl.nn.Dense)]
    expected_losses = []
    batches = dl.data.MiniBatches(X, y, batch_size=50, seed=2)
    for _ in range(2):
        for Xb, yb in batches:
            data_loss, dlogits = cross_entropy_by_hand(manual.forward(Xb), yb)
            penalty = lam / 2 * sum(np.sum(layer.W ** 2) for layer in dense)
            expected_losses.append(data_loss + penalty)
            manual.backward(dlogits)
            for layer in dense:
                layer.W -= lr * (layer.dW + lam * layer.W)
                layer.b -= lr * layer.db  # 편향은 규제하지 않습니다.
    np.testing.assert_allclose(history.step_loss, expected_losses, rtol=1e-12)
    for key in net.params:
        np.testing.assert_allclose(net.params[key], manual.params[key], rtol=1e-12, atol=1e-15)
    # 규제가 정말 효과가 있었는지: l2=0 인 훈련과는 가중치가 다릅니다.
    plain = dl.nn.mlp([4, 5, 3], activation="tanh", seed=0)
    dl.train.fit(plain, X, y, "cross_entropy", dl.optim.SGD(lr), epochs=2, batch_size=50, seed=2)
    assert not np.allclose(plain.params["0.W"], net.params["0.W"], rtol=1e-6)


# --------------------------------------------------------------------------- 발산


def diverging_run(**kwargs):
    X, y = dl.data.iris()
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    net = dl.nn.mlp([4, 8, 1], activation="relu", seed=0)
    return dl.train.fit(net, X, y.astype(float), "mse", dl.optim.SGD(100.0), epochs=20,
                        batch_size=15, **kwargs)


def test_divergence_stops_cleanly_with_one_warning_and_no_runtime_warning(iris):
    Xv, yv = iris[0][:30], iris[1][:30].astype(float)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        history = diverging_run(monitors=True, validation_data=(Xv, yv))
    categories = [w.category for w in caught]
    assert categories == [dl.train.DivergenceWarning], [str(w.message) for w in caught]
    assert not any(issubclass(c, RuntimeWarning) for c in categories)
    assert history.diverged
    assert history.diverged_at_step == history.steps  # 그 단계의 손실이 inf/NaN이었습니다.
    assert 0 < history.steps < 200
    assert "발산했습니다" in history.message
    assert f"스텝 {history.diverged_at_step}에서" in history.message
    assert str(caught[0].message) == history.message
    assert all(np.isfinite(history.step_loss))
    assert "발산했습니다" in repr(history)


def test_divergence_warning_is_catchable_with_pytest_warns():
    with pytest.warns(dl.train.DivergenceWarning, match="발산했습니다"):
        history = diverging_run()
    assert history.diverged
    assert issubclass(dl.train.DivergenceWarning, UserWarning)


def test_divergence_in_parameters_is_caught_at_epoch_end(iris):
    # 손실은 유한했지만 갱신이 매개변수를 inf로 만든 경우: 에폭 끝 검사가 잡습니다.
    X, _ = iris
    net = dl.nn.mlp([4, 1], seed=0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        history = dl.train.fit(net, X, np.full(150, 1e3), "mse", dl.optim.SGD(1e306), epochs=3)
    assert [w.category for w in caught] == [dl.train.DivergenceWarning]
    assert history.diverged and history.diverged_at_step == 1 and history.steps == 1
    assert history.epochs == 0  # 그 에폭의 평균은 기록하지 않습니다.
    assert "매개변수" in history.message and "발산했습니다" in history.message


def test_no_divergence_no_warning(iris):
    X, y = iris
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        history = dl.train.fit(dl.nn.mlp([4, 5, 3], seed=0), X, y, "cross_entropy",
                               dl.optim.SGD(0.1), epochs=2)
    assert not history.diverged and history.diverged_at_step is None and history.message is None


# --------------------------------------------------------------------------- 잘못된 입력


def _with_nan(X):
    X = X.copy()
    X[3, 1] = np.nan
    return X


def _out_of_range(y):
    y = y.copy()
    y[7] = 3
    return y


BAD_INPUTS = {
    "nan_in_X": (lambda X, y: {"X": _with_nan(X)}, ValueError, ["NaN"]),
    "label_count": (lambda X, y: {"y": y[:-1]}, ValueError, ["150", "149"]),
    "label_range": (lambda X, y: {"y": _out_of_range(y)}, ValueError, ["레이블", "2"]),
    "float_labels": (lambda X, y: {"y": y.astype(float)}, ValueError, ["정수", "astype"]),
    "scalar_label": (lambda X, y: {"y": 1}, ValueError, ["150"]),
    "wrong_width": (lambda X, y: {"X": X[:, :3]}, ValueError, ["4"]),
    "one_dim_X": (lambda X, y: {"X": X[:, 0]}, ValueError, ["2차원"]),
    "unknown_loss": (lambda X, y: {"loss": "crossentropyy"}, ValueError, ["crossentropyy", "mse"]),
    "loss_class": (lambda X, y: {"loss": dl.nn.MSE}, TypeError, ["MSE()"]),
    "negative_epochs": (lambda X, y: {"epochs": -1}, ValueError, ["epochs"]),
    "float_epochs": (lambda X, y: {"epochs": 2.5}, TypeError, ["epochs"]),
    "optimizer_string": (lambda X, y: {"optimizer": "adam"}, TypeError, ["dl.optim"]),
    "optimizer_dict": (lambda X, y: {"optimizer": {"lr": 0.1}}, TypeError, ["dl.optim"]),
    "optimizer_class": (lambda X, y: {"optimizer": dl.optim.Adam}, TypeError, ["객체"]),
    "optimizer_object": (lambda X, y: {"optimizer": object()}, TypeError, ["dl.optim"]),
    "batch_size_zero": (lambda X, y: {"batch_size": 0}, ValueError, ["batch_size"]),
    "negative_l2": (lambda X, y: {"l2": -0.1}, ValueError, ["L2"]),
    "monitor_every_zero": (lambda X, y: {"monitor_every": 0}, ValueError, ["monitor_every"]),
    "unknown_monitor": (lambda X, y: {"monitors": ["grad"]}, ValueError, ["grad_norm"]),
    "callback_not_callable": (lambda X, y: {"on_epoch_end": 3}, TypeError, ["on_epoch_end"]),
    "val_width": (lambda X, y: {"validation_data": (X[:, :2], y)}, ValueError, ["검증"]),
    "val_labels": (lambda X, y: {"validation_data": (X, y[:10])}, ValueError, ["150", "10"]),
    "batchnorm_batch_of_one": (lambda X, y: {"batch_size": 149}, ValueError, ["BatchNorm"]),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_rejected_before_training(iris, case):
    X, y = iris
    change, error, fragments = BAD_INPUTS[case]
    net = dl.nn.mlp([4, 6, 3], activation="relu", batch_norm=True, dropout=0.2, seed=0)
    bn = net.layers[1]
    opt = dl.optim.SGD(0.1)
    args = {"X": X, "y": y, "loss": "cross_entropy", "optimizer": opt, "epochs": 2,
            "batch_size": 15}
    args.update(change(X, y))
    before = weights(net)
    running = (bn.running_mean.copy(), bn.running_var.copy())
    with pytest.raises(error) as info:
        dl.train.fit(net, **args)
    message = str(info.value)
    assert HANGUL.search(message), message
    for fragment in fragments:
        assert fragment in message, message
    for key, value in before.items():
        np.testing.assert_array_equal(value, net.params[key])
    np.testing.assert_array_equal(bn.running_mean, running[0])
    np.testing.assert_array_equal(bn.running_var, running[1])
    assert opt.iterations == 0


def test_regression_and_binary_targets_are_checked():
    X = np.random.default_rng(0).standard_normal((10, 3))
    net = dl.nn.mlp([3, 4, 2], seed=0)
    with pytest.raises(ValueError, match="모양") as info:
        dl.train.fit(net, X, np.zeros((10, 3)), "mse", dl.optim.SGD(0.1), epochs=1)
    assert "(10, 2)" in str(info.value)
    with pytest.raises(ValueError, match="0과 1 사이"):
        dl.train.fit(net, X, np.full((10, 2), 2.0), "bce", dl.optim.SGD(0.1), epochs=1)
    with pytest.raises(ValueError, match="NaN"):
        dl.train.fit(net, X, np.full((10, 2), np.nan), "mse", dl.optim.SGD(0.1), epochs=1)


def test_get_loss_accepts_names_and_objects():
    assert isinstance(dl.train.get_loss("MSE"), dl.nn.MSE)
    assert isinstance(dl.train.get_loss("cross-entropy"), dl.nn.SoftmaxCrossEntropy)
    assert isinstance(dl.train.get_loss("bce"), dl.nn.BinaryCrossEntropy)
    loss = dl.nn.MSE()
    assert dl.train.get_loss(loss) is loss


# --------------------------------------------------------------------------- 그 밖의 입력 형태


def test_one_hot_labels_give_the_same_training_as_integer_labels(iris):
    X, y = iris
    runs = []
    for labels in (y, np.eye(3)[y]):
        net = dl.nn.mlp([4, 5, 3], seed=0)
        runs.append((dl.train.fit(net, X, labels, "cross_entropy", dl.optim.SGD(0.1), epochs=2,
                                  batch_size=30), net))
    (h_int, n_int), (h_hot, n_hot) = runs
    np.testing.assert_allclose(h_hot.step_loss, h_int.step_loss, rtol=1e-13)
    assert h_hot.accuracy == h_int.accuracy
    np.testing.assert_allclose(n_hot.params["0.W"], n_int.params["0.W"], rtol=1e-13)


def test_float32_inputs_are_accepted(iris):
    X, y = iris
    net = dl.nn.mlp([4, 5, 3], seed=0)
    history = dl.train.fit(net, X.astype(np.float32), y, "cross_entropy", dl.optim.Adam(0.01),
                           epochs=3, batch_size=50)
    assert history.epochs == 3 and np.all(np.isfinite(history.step_loss))


def test_shuffle_false_ignores_seed(iris):
    X, y = iris
    losses = []
    for seed in (1, 2):
        history = dl.train.fit(dl.nn.mlp([4, 5, 3], seed=0), X, y, "cross_entropy",
                               dl.optim.SGD(0.1), epochs=2, batch_size=40, seed=seed,
                               shuffle=False)
        losses.append(history.step_loss)
    assert losses[0] == losses[1]


def test_duck_typed_optimizer_works_like_sgd(iris):
    X, y = iris

    class HandSGD:
        """학생이 직접 만든 옵티마이저: update(params, grads) 만 있습니다."""

        def update(self, params, grads):
            for key in params:
                params[key] -= 0.1 * grads[key]

    a, b = dl.nn.mlp([4, 5, 3], seed=0), dl.nn.mlp([4, 5, 3], seed=0)
    h_hand = dl.train.fit(a, X, y, "cross_entropy", HandSGD(), epochs=2, batch_size=50)
    h_sgd = dl.train.fit(b, X, y, "cross_entropy", dl.optim.SGD(0.1), epochs=2, batch_size=50)
    assert h_hand.step_loss == h_sgd.step_loss
    assert np.all(np.isnan(h_hand.learning_rate))  # 학습률을 알 수 없는 옵티마이저
    assert h_sgd.learning_rate == [0.1] * 6


def test_progress_bar_and_history_arrays(iris, capsys):
    X, y = iris
    history = dl.train.fit(dl.nn.mlp([4, 5, 3], seed=0), X, y, "cross_entropy",
                           dl.optim.SGD(0.1), epochs=3, batch_size=50, progress=True)
    assert "3/3" in capsys.readouterr().err
    arrays = history.as_arrays()
    assert arrays["step_loss"].shape == (9,) and arrays["loss"].shape == (3,)
    assert arrays["val_loss"].shape == (0,)
    text = repr(history)
    assert "에폭 3" in text and "스텝 9" in text
