"""깊은 신경망용 층 테스트: BatchNorm, Dropout, Residual, L2 규제, mlp 옵션.

기준(oracle): 중앙 차분 수치 미분 (dl.nn.gradcheck, float64, 상대 오차 < 1e-7),
torch.nn.BatchNorm1d (float64), 그리고 테스트 안에서 직접 쓴 식과 통계.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

import dlcourse as dl

HANGUL = re.compile("[가-힣]")
GRAD_TOL = 1e-7


@pytest.fixture(scope="module")
def torch():
    return pytest.importorskip("torch")


def random_batchnorm(features, seed, momentum=0.9, epsilon=1e-5):
    """gamma, beta, 이동 평균/분산을 무작위로 채운 BatchNorm."""
    rng = np.random.default_rng(seed)
    bn = dl.nn.BatchNorm(features, momentum=momentum, epsilon=epsilon)
    bn.gamma[:] = rng.normal(1.0, 0.5, features)
    bn.beta[:] = rng.normal(0.0, 0.5, features)
    bn.running_mean = rng.normal(0.0, 1.0, features)
    bn.running_var = rng.uniform(0.5, 2.0, features)
    return bn


# --------------------------------------------------------------------------- BatchNorm


@pytest.mark.parametrize("mode", ["train", "eval"])
@pytest.mark.parametrize("batch", [3, 4, 8])
def test_batchnorm_gradcheck(mode, batch):
    bn = random_batchnorm(5, seed=batch)
    getattr(bn, mode)()
    X = np.random.default_rng(10 + batch).normal(1.0, 3.0, (batch, 5))
    result = dl.nn.gradcheck(bn, X)
    assert set(result.errors) == {"gamma", "beta", "X"}
    assert result.max_error < GRAD_TOL, str(result)
    # 확인한 기울기가 0이 아닌 값이어야 의미가 있습니다.
    assert np.linalg.norm(result.analytic["X"]) > 1e-3
    assert np.linalg.norm(result.analytic["gamma"]) > 1e-3


def test_batchnorm_batch_of_two_has_almost_no_input_gradient():
    # 샘플 2개를 정규화하면 x_hat = ±sqrt(var / (var + eps)) 이라 출력이 입력에 거의 의존하지
    # 않습니다: dL/dX 는 eps 크기라서 상대 오차는 수치 미분 잡음에 묻히므로 절대 오차로 봅니다.
    bn = random_batchnorm(5, seed=2)
    X = np.random.default_rng(12).normal(1.0, 3.0, (2, 5))
    result = dl.nn.gradcheck(bn, X)
    assert np.linalg.norm(result.analytic["X"]) < 1e-3
    assert np.abs(result.analytic["X"] - result.numeric["X"]).max() < 1e-8
    assert result.errors["gamma"] < GRAD_TOL and result.errors["beta"] < GRAD_TOL
    x_hat = (bn.forward(X) - bn.beta) / bn.gamma
    expected = np.sqrt(X.var(axis=0) / (X.var(axis=0) + bn.epsilon))
    np.testing.assert_allclose(np.abs(x_hat), np.broadcast_to(expected, X.shape), rtol=1e-12)


def test_batchnorm_train_output_is_normalised_batch():
    bn = random_batchnorm(4, seed=1)
    X = np.random.default_rng(2).normal(3.0, 2.0, (10, 4))
    out = bn.forward(X)
    x_hat = (out - bn.beta) / bn.gamma
    np.testing.assert_allclose(x_hat.mean(axis=0), 0.0, atol=1e-12)
    # 분산은 eps 때문에 1보다 아주 조금 작습니다: var / (var + eps).
    var = X.var(axis=0)
    np.testing.assert_allclose(x_hat.var(axis=0), var / (var + bn.epsilon), rtol=1e-12)


@pytest.mark.parametrize(("momentum", "epsilon"), [(0.9, 1e-5), (0.7, 1e-3)])
def test_batchnorm_matches_torch(torch, momentum, epsilon):
    features = 4
    bn = random_batchnorm(features, seed=3, momentum=momentum, epsilon=epsilon)
    bn.running_mean = np.zeros(features)
    bn.running_var = np.ones(features)
    ref = torch.nn.BatchNorm1d(features, eps=epsilon, momentum=1.0 - momentum,
                               dtype=torch.float64)
    with torch.no_grad():
        ref.weight.copy_(torch.from_numpy(bn.gamma))
        ref.bias.copy_(torch.from_numpy(bn.beta))
    rng = np.random.default_rng(4)

    def compare_step(X):
        dout = rng.standard_normal(X.shape)
        out = bn.forward(X)
        dX = bn.backward(dout)
        Xt = torch.tensor(X, requires_grad=True)
        ref.zero_grad()
        out_t = ref(Xt)
        out_t.backward(torch.from_numpy(dout))
        np.testing.assert_allclose(out, out_t.detach().numpy(), rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(dX, Xt.grad.numpy(), rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(bn.dgamma, ref.weight.grad.numpy(), rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(bn.dbeta, ref.bias.grad.numpy(), rtol=1e-10, atol=1e-12)

    bn.train()
    ref.train()
    for batch in (6, 2, 9, 5, 3):
        compare_step(rng.normal(2.0, 3.0, (batch, features)))
        np.testing.assert_allclose(bn.running_mean, ref.running_mean.numpy(), rtol=1e-12)
        np.testing.assert_allclose(bn.running_var, ref.running_var.numpy(), rtol=1e-12)
    # 이동 평균이 실제로 움직였는지도 확인합니다 (처음 값 0과 1에서).
    assert np.abs(bn.running_mean).min() > 0.1

    bn.eval()
    ref.eval()
    for batch in (1, 7):
        compare_step(rng.normal(2.0, 3.0, (batch, features)))


def test_batchnorm_eval_uses_running_statistics_only():
    bn = random_batchnorm(3, seed=5).eval()
    X = np.random.default_rng(6).normal(size=(4, 3))
    before = (bn.running_mean.copy(), bn.running_var.copy())
    expected = bn.gamma * (X - bn.running_mean) / np.sqrt(bn.running_var + bn.epsilon) + bn.beta
    np.testing.assert_allclose(bn.forward(X), expected, rtol=1e-13)
    # 한 샘플씩 넣어도 같은 답 (배치 통계를 쓰지 않으므로).
    np.testing.assert_allclose(bn.forward(X[2:3]), expected[2:3], rtol=1e-13)
    np.testing.assert_array_equal(bn.running_mean, before[0])
    np.testing.assert_array_equal(bn.running_var, before[1])


def test_batchnorm_batch_of_one_in_training_raises_korean_error():
    bn = dl.nn.BatchNorm(3)
    with pytest.raises(ValueError, match="배치 크기가 2 이상") as info:
        bn.forward(np.ones((1, 3)))
    assert "eval" in str(info.value)
    np.testing.assert_array_equal(bn.running_mean, np.zeros(3))


@pytest.mark.parametrize("shape", [(4, 2), (4, 5), (3,), (2, 3, 1)])
def test_batchnorm_wrong_width_raises(shape):
    bn = dl.nn.BatchNorm(3)
    with pytest.raises(ValueError, match="특성 3개") as info:
        bn.forward(np.ones(shape))
    assert str(shape) in str(info.value)


@pytest.mark.parametrize(
    "kwargs",
    [{"features": 0}, {"features": 3, "momentum": 1.0}, {"features": 3, "momentum": -0.1},
     {"features": 3, "epsilon": 0.0}],
)
def test_batchnorm_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError) as info:
        dl.nn.BatchNorm(**kwargs)
    assert HANGUL.search(str(info.value))


def test_batchnorm_params_are_live_arrays():
    bn = dl.nn.BatchNorm(3)
    assert bn.params["gamma"] is bn.gamma and bn.params["beta"] is bn.beta
    assert bn.grads["gamma"] is bn.dgamma and bn.grads["beta"] is bn.dbeta


# --------------------------------------------------------------------------- Dropout


@pytest.mark.parametrize("rate", [0.2, 0.5, 0.8])
def test_dropout_preserves_expected_value(rate):
    drop = dl.nn.Dropout(rate, seed=0)
    X = np.random.default_rng(1).uniform(1.0, 2.0, (40, 50))
    repeats = 400
    outs = np.stack([drop.forward(X) for _ in range(repeats)])
    # 남은 값은 정확히 x / (1 - rate), 꺼진 값은 정확히 0입니다.
    kept = outs != 0
    np.testing.assert_allclose(outs[kept], np.broadcast_to(X, outs.shape)[kept] / (1 - rate),
                               rtol=1e-15)
    # 비율 outs / X 의 평균은 1. 한 원소의 표준편차는 sqrt(rate / (1 - rate)).
    ratio = outs / X
    sigma = np.sqrt(rate / (1 - rate))
    assert abs(ratio.mean() - 1.0) < 6 * sigma / np.sqrt(ratio.size)
    # 원소마다 여러 번의 평균도 입력과 같아야 합니다 (6 시그마).
    per_element = ratio.mean(axis=0)
    assert np.abs(per_element - 1.0).max() < 6 * sigma / np.sqrt(repeats)


@pytest.mark.parametrize("rate", [0.1, 0.5, 0.9])
def test_dropout_fraction_dropped_matches_rate(rate):
    drop = dl.nn.Dropout(rate, seed=2)
    out = drop.forward(np.ones((200, 500)))
    dropped = np.mean(out == 0)
    assert abs(dropped - rate) < 5 * np.sqrt(rate * (1 - rate) / out.size)


def test_dropout_backward_uses_the_same_mask():
    drop = dl.nn.Dropout(0.5, seed=3)
    X = np.random.default_rng(4).uniform(1.0, 2.0, (6, 8))
    out = drop.forward(X)
    dout = np.random.default_rng(5).standard_normal(X.shape)
    dX = drop.backward(dout)
    np.testing.assert_array_equal(dX == 0, out == 0)
    np.testing.assert_allclose(dX[out != 0], dout[out != 0] / 0.5, rtol=1e-15)


def test_dropout_is_identity_in_eval_mode_and_with_rate_zero():
    X = np.random.default_rng(6).standard_normal((5, 7))
    dout = np.random.default_rng(7).standard_normal((5, 7))
    drop = dl.nn.Dropout(0.6, seed=0).eval()
    np.testing.assert_array_equal(drop.forward(X), X)
    np.testing.assert_array_equal(drop.backward(dout), dout)
    zero = dl.nn.Dropout(0.0, seed=0)
    assert zero.training
    np.testing.assert_array_equal(zero.forward(X), X)
    np.testing.assert_array_equal(zero.backward(dout), dout)


def test_dropout_is_deterministic_with_seed():
    X = np.ones((10, 10))
    a, b, c = dl.nn.Dropout(0.5, seed=11), dl.nn.Dropout(0.5, seed=11), dl.nn.Dropout(0.5, seed=12)
    outs_a = [a.forward(X) for _ in range(3)]
    outs_b = [b.forward(X) for _ in range(3)]
    outs_c = [c.forward(X) for _ in range(3)]
    for x, y in zip(outs_a, outs_b, strict=True):
        np.testing.assert_array_equal(x, y)
    # 호출마다 새 마스크, 다른 시드는 다른 마스크.
    assert not np.array_equal(outs_a[0], outs_a[1])
    assert not np.array_equal(outs_a[0], outs_c[0])
    gen_a = dl.nn.Dropout(0.5, seed=np.random.default_rng(3))
    gen_b = dl.nn.Dropout(0.5, seed=np.random.default_rng(3))
    np.testing.assert_array_equal(gen_a.forward(X), gen_b.forward(X))


def test_dropout_gradcheck_with_frozen_mask():
    drop = dl.nn.Dropout(0.4, seed=1)
    net = dl.nn.Sequential([dl.nn.Dense(4, 6, rng=0), dl.nn.Tanh(), drop, dl.nn.Dense(6, 3, rng=2)])
    X = np.random.default_rng(3).standard_normal((5, 4))
    net.forward(X)
    assert np.any(drop._scaled_mask == 0) and np.any(drop._scaled_mask != 0)
    drop.freeze_mask = True
    result = dl.nn.gradcheck(net, X)
    assert result.max_error < GRAD_TOL, str(result)
    # 마스크를 얼리지 않으면 순전파마다 마스크가 바뀌어 수치 미분이 엉터리가 됩니다.
    drop.freeze_mask = False
    assert not dl.nn.gradcheck(net, X).passed


@pytest.mark.parametrize(("rate", "error"), [(-0.1, ValueError), (1.0, ValueError),
                                             (1.5, ValueError), ("0.5", TypeError),
                                             (True, TypeError), (float("nan"), ValueError)])
def test_dropout_rate_validation(rate, error):
    with pytest.raises(error) as info:
        dl.nn.Dropout(rate)
    assert HANGUL.search(str(info.value))


# --------------------------------------------------------------------------- Residual


def nested_residual_net(seed=0):
    """Residual 안에 mlp 블록과 BatchNorm, 그 안에 또 Residual이 있는 신경망."""
    rng = np.random.default_rng(seed)
    bn_block = dl.nn.mlp([5, 5, 5], activation="tanh", batch_norm=True, seed=1)
    inner = dl.nn.Residual(dl.nn.mlp([5, 4, 5], activation="sigmoid", seed=2))
    net = dl.nn.Sequential([
        dl.nn.Dense(3, 5, rng=0),
        dl.nn.Residual(bn_block),
        dl.nn.Tanh(),
        dl.nn.Residual(dl.nn.Sequential([inner, dl.nn.Dense(5, 5, rng=3)])),
        dl.nn.Dense(5, 2, rng=4),
    ])
    bn = bn_block.layers[1]
    bn.gamma[:] = rng.normal(1.0, 0.3, 5)
    bn.beta[:] = rng.normal(0.0, 0.3, 5)
    bn.running_mean = rng.normal(0.0, 0.5, 5)
    bn.running_var = rng.uniform(0.5, 2.0, 5)
    for layer in dl.train.flatten_layers(net):
        if isinstance(layer, dl.nn.Dense):
            layer.b[:] = rng.normal(0.0, 0.3, layer.b.shape)
    return net


@pytest.mark.parametrize("mode", ["train", "eval"])
def test_residual_nested_gradcheck(mode):
    net = nested_residual_net()
    getattr(net, mode)()
    X = np.random.default_rng(5).standard_normal((7, 3))
    result = dl.nn.gradcheck(net, X)
    assert result.max_error < GRAD_TOL, str(result)
    assert "1.0.b" in result.errors and "3.0.0.W" in result.errors and "3.1.W" in result.errors
    bias_before_bn = np.linalg.norm(result.analytic["1.0.b"])
    if mode == "train":
        # 배치 정규화 바로 앞의 편향은 배치 평균에 흡수되어 참 기울기가 정확히 0입니다.
        # 수치 미분에는 반올림 잡음만 남으므로 gradcheck가 잡음 수준 아래를 0으로 봅니다.
        assert bias_before_bn < 1e-12
    else:
        # 평가 모드에서는 이동 평균을 빼므로 편향에 진짜 기울기가 있습니다.
        assert bias_before_bn > 1e-3


def test_residual_forward_is_input_plus_block():
    block = dl.nn.Sequential([dl.nn.Dense(4, 4, rng=0), dl.nn.Tanh()])
    res = dl.nn.Residual(block)
    X = np.random.default_rng(1).standard_normal((3, 4))
    expected = X + np.tanh(X @ block.layers[0].W + block.layers[0].b)
    np.testing.assert_allclose(res.forward(X), expected, rtol=1e-14)
    dout = np.random.default_rng(2).standard_normal((3, 4))
    h = np.tanh(X @ block.layers[0].W + block.layers[0].b)
    expected_dX = dout + (dout * (1 - h * h)) @ block.layers[0].W.T
    np.testing.assert_allclose(res.backward(dout), expected_dX, rtol=1e-13)


def test_residual_shape_mismatch_raises():
    res = dl.nn.Residual(dl.nn.Dense(3, 4, rng=0))
    with pytest.raises(ValueError, match="모양") as info:
        res.forward(np.ones((2, 3)))
    assert "(2, 3)" in str(info.value) and "(2, 4)" in str(info.value)
    with pytest.raises(TypeError) as info:
        dl.nn.Residual("dense")
    assert HANGUL.search(str(info.value))


def test_residual_params_keys_are_nested_and_live():
    first = dl.nn.Dense(3, 3, rng=0)
    inner = dl.nn.Sequential([dl.nn.Dense(3, 3, rng=1), dl.nn.Tanh(), dl.nn.Dense(3, 3, rng=2)])
    net = dl.nn.Sequential([first, dl.nn.Residual(inner)])
    assert set(net.params) == {"0.W", "0.b", "1.0.W", "1.0.b", "1.2.W", "1.2.b"}
    assert set(net.grads) == set(net.params)
    assert net.params["1.0.W"] is inner.layers[0].W
    assert net.params["1.2.b"] is inner.layers[2].b
    assert net.grads["1.2.W"] is inner.layers[2].dW


def test_residual_propagates_train_and_eval():
    net = dl.nn.mlp([4, 6, 6, 6, 2], activation="relu", batch_norm=True, dropout=0.5,
                    residual=True, seed=0)
    inner = [layer for layer in dl.train.flatten_layers(net)
             if isinstance(layer, (dl.nn.Dropout, dl.nn.BatchNorm))]
    residuals = [layer for layer in net.layers if isinstance(layer, dl.nn.Residual)]
    assert len(residuals) == 2 and len(inner) == 6
    X = np.random.default_rng(1).standard_normal((8, 4))
    net.eval()
    assert not any(layer.training for layer in inner + residuals)
    # 평가 모드: 드롭아웃이 꺼지고 이동 평균을 쓰므로 같은 입력에 같은 출력.
    np.testing.assert_array_equal(net.forward(X), net.forward(X))
    net.train()
    assert all(layer.training for layer in inner + residuals)
    assert not np.array_equal(net.forward(X), net.forward(X))


# --------------------------------------------------------------------------- mlp options


def test_mlp_options_build_expected_layers():
    net = dl.nn.mlp([4, 8, 8, 8, 3], activation="relu", batch_norm=True, dropout=0.2,
                    residual=True, seed=0)
    kinds = [type(layer).__name__ for layer in net.layers]
    assert kinds == ["Dense", "BatchNorm", "ReLU", "Dropout", "Residual", "Residual", "Dense"]
    block = net.layers[4].block
    assert [type(layer).__name__ for layer in block.layers] == ["Dense", "BatchNorm", "ReLU",
                                                              "Dropout"]
    assert net.layers[3].rate == 0.2
    assert net.forward(np.ones((5, 4))).shape == (5, 3)
    again = dl.nn.mlp([4, 8, 8, 8, 3], activation="relu", batch_norm=True, dropout=0.2,
                      residual=True, seed=0)
    for key, value in net.params.items():
        np.testing.assert_array_equal(value, again.params[key])
    plain = dl.nn.mlp([4, 8, 3], seed=0)
    assert [type(layer).__name__ for layer in plain.layers] == ["Dense", "Sigmoid", "Dense"]


@pytest.mark.parametrize("rate", [-0.5, 1.0])
def test_mlp_rejects_bad_dropout_rate(rate):
    with pytest.raises(ValueError) as info:
        dl.nn.mlp([2, 3, 1], dropout=rate)
    assert HANGUL.search(str(info.value))


# --------------------------------------------------------------------------- L2


def l2_net():
    """BatchNorm까지 든 신경망. 편향, gamma, beta를 0이 아닌 값으로 채웁니다."""
    net = dl.nn.mlp([3, 4, 4, 2], activation="tanh", batch_norm=True, seed=0)
    rng = np.random.default_rng(1)
    for value in net.params.values():
        value += rng.normal(0.0, 0.5, value.shape)
    return net


def test_l2_penalty_counts_weight_matrices_only():
    net = l2_net()
    lam = 0.3
    dense = [layer for layer in net.layers if isinstance(layer, dl.nn.Dense)]
    expected = lam / 2 * sum(float((layer.W ** 2).sum()) for layer in dense)
    assert dl.nn.l2_penalty(net.params, lam) == pytest.approx(expected, rel=1e-14)
    everything = lam / 2 * sum(float((v ** 2).sum()) for v in net.params.values())
    assert everything > expected * 1.05  # 편향, gamma, beta까지 세면 확실히 다릅니다.
    assert dl.nn.l2_penalty(net.params, 0.0) == 0.0
    with pytest.raises(ValueError):
        dl.nn.l2_penalty(net.params, -1.0)


def test_l2_gradient_matches_numerical_gradient():
    net = l2_net()
    lam = 0.7
    params = net.params
    grads = {key: np.zeros_like(value) for key, value in params.items()}
    dl.nn.add_l2_gradient(params, grads, lam)
    result = dl.nn.gradcheck(lambda p: dl.nn.l2_penalty(p, lam), params, grads)
    assert result.max_error < GRAD_TOL, str(result)
    for key in params:
        if key.endswith(".W"):
            np.testing.assert_allclose(grads[key], lam * params[key], rtol=1e-15)
        else:
            np.testing.assert_array_equal(grads[key], 0.0)


def test_add_l2_gradient_adds_in_place():
    net = l2_net()
    grads = {key: np.ones_like(value) for key, value in net.params.items()}
    arrays = dict(grads)
    dl.nn.add_l2_gradient(net.params, grads, 0.5)
    for key, value in grads.items():
        assert value is arrays[key]
        expected = 1.0 + (0.5 * net.params[key] if key.endswith(".W") else 0.0)
        np.testing.assert_allclose(value, expected, rtol=1e-15)
    with pytest.raises(ValueError):
        dl.nn.add_l2_gradient(net.params, grads, -0.1)
