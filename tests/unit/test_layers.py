"""Dense, Sequential, mlp 테스트: 모양, 식, 기울기, 매개변수 사전, 요약 표, 초기화 선택.

기대값은 테스트 안에서 따로 계산합니다: 행렬 곱을 원소별 합으로 다시 쓰거나,
매개변수 개수를 손으로 세거나, 초기화 공식의 표준편차를 씁니다.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import dlcourse as dl

HANGUL = re.compile("[가-힣]")
KINKED = {"relu", "leaky_relu", "elu"}
ACTIVATIONS = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "linear"]


def inputs(low, high):
    """입력 원소: 0 이거나 low <= |x| <= high.

    dL/dW = X^T dY 는 X에 비례하므로 X가 아주 작으면 (예: 1e-7) 기울기가 L 자체보다
    훨씬 작아지고, 중앙 차분의 반올림 오차 (약 eps |L| / h) 가 상대 오차 1e-7을 넘습니다.
    그것은 수치 미분의 한계이지 역전파의 오류가 아니므로, 입력은 0 (그때 dW의 그 행은
    정확히 0) 이거나 보통 크기의 값으로 고릅니다.
    """
    magnitude = st.floats(low, high)
    return st.one_of(st.just(0.0), magnitude, magnitude.map(lambda v: -v))


def measurable(net, X, seed, result, h=1e-6, margin=1e-8):
    """중앙 차분이 이 기울기를 상대 오차 1e-7 보다 정밀하게 잴 수 있는 경우인지.

    gradcheck는 L = sum(출력 * R) 을 씁니다 (R = seed로 만든 표준정규 난수, 문서에 적힌 대로).
    L을 계산할 때의 반올림 오차는 약 eps |L| 이므로, 수치 미분 한 원소의 오차는 약
    eps |L| / h 이고, 기울기 배열 g 전체의 상대 오차는 약 eps |L| sqrt(g.size) / (h ||g||)
    입니다. 기울기 소실(예: 폭이 1인 층을 지나는 시그모이드 신경망의 dL/dX)처럼 ||g|| 가
    |L| 보다 훨씬 작으면 이 값이 1e-7을 넘으므로, 그런 예제는 건너뜁니다 (margin = 기준의
    1/10). 기울기가 정확히 0인 배열은 수치 미분도 정확히 0이라 그대로 확인합니다.
    """
    out = net.forward(X)
    R = np.random.default_rng(seed).standard_normal(out.shape)
    noise = np.finfo(np.float64).eps * abs(float(np.sum(out * R))) / h
    for g in result.numeric.values():
        norm = np.linalg.norm(g)
        if norm > 0 and noise * np.sqrt(g.size) / norm > margin:
            return False
    return True


def assert_korean(excinfo, *fragments):
    message = str(excinfo.value)
    assert HANGUL.search(message), message
    for fragment in fragments:
        assert fragment in message, (fragment, message)


# ------------------------------------------------------------------ Dense


def test_dense_shapes_and_dtypes():
    d = dl.nn.Dense(3, 5, rng=0)
    assert d.W.shape == (3, 5) and d.b.shape == (5,)
    assert d.dW.shape == (3, 5) and d.db.shape == (5,)
    assert d.W.dtype == np.float64 and d.b.dtype == np.float64
    np.testing.assert_array_equal(d.b, np.zeros(5))  # 편향 기본값은 0
    out = d.forward(np.ones((7, 3)))
    assert out.shape == (7, 5)
    assert repr(d) == "Dense(3, 5)"


def test_dense_forward_is_xw_plus_b():
    rng = np.random.default_rng(1)
    d = dl.nn.Dense(4, 3, rng=2)
    d.b[:] = rng.standard_normal(3)
    X = rng.standard_normal((6, 4))
    out = d.forward(X)
    # 원소별로 다시 씀: Y[n, j] = sum_i X[n, i] W[i, j] + b[j]
    expected = np.array(
        [[sum(X[n, i] * d.W[i, j] for i in range(4)) + d.b[j] for j in range(3)] for n in range(6)]
    )
    np.testing.assert_allclose(out, expected, rtol=1e-13)


def test_dense_backward_formulas():
    rng = np.random.default_rng(3)
    d = dl.nn.Dense(4, 3, rng=4)
    X = rng.standard_normal((5, 4))
    dY = rng.standard_normal((5, 3))
    d.forward(X)
    dX = d.backward(dY)
    # dW = sum_n outer(X[n], dY[n]),  db = sum_n dY[n],  dX[n] = W dY[n]
    dW = sum(np.outer(X[n], dY[n]) for n in range(5))
    db = sum(dY[n] for n in range(5))
    dX_expected = np.array([d.W @ dY[n] for n in range(5)])
    np.testing.assert_allclose(d.dW, dW, rtol=1e-13)
    np.testing.assert_allclose(d.db, db, rtol=1e-13)
    np.testing.assert_allclose(dX, dX_expected, rtol=1e-13)


def test_dense_gradient_arrays_are_reused_and_overwritten():
    rng = np.random.default_rng(5)
    d = dl.nn.Dense(3, 2, rng=0)
    dW_obj, db_obj = d.dW, d.db
    grads = d.grads
    assert grads["W"] is d.dW and grads["b"] is d.db
    X = rng.standard_normal((4, 3))
    d.forward(X)
    d.backward(np.ones((4, 2)))
    first = d.dW.copy()
    d.forward(X)
    d.backward(2 * np.ones((4, 2)))
    assert d.dW is dW_obj and d.db is db_obj
    assert d.grads["W"] is dW_obj and d.grads["b"] is db_obj
    # 더해지지 않고 덮어써집니다: 두 번째 dout이 2배이므로 정확히 2배
    np.testing.assert_allclose(d.dW, 2 * first, rtol=1e-15)
    np.testing.assert_allclose(d.db, [8.0, 8.0])


def test_dense_params_are_live_arrays():
    d = dl.nn.Dense(2, 2, rng=0)
    assert d.params["W"] is d.W and d.params["b"] is d.b
    d.params["W"][0, 0] = 42.0
    assert d.W[0, 0] == 42.0


@pytest.mark.parametrize("width", [2, 5])
def test_dense_wrong_input_width_names_both_sizes(width):
    d = dl.nn.Dense(3, 4)
    with pytest.raises(ValueError) as excinfo:
        d.forward(np.zeros((6, width)))
    assert_korean(excinfo, "3", str(width), str((6, width)))


def test_dense_rejects_one_dimensional_input():
    d = dl.nn.Dense(3, 4)
    with pytest.raises(ValueError) as excinfo:
        d.forward(np.zeros(3))
    assert_korean(excinfo, "3", "(3,)")


def test_dense_backward_before_forward():
    with pytest.raises(RuntimeError) as excinfo:
        dl.nn.Dense(2, 2).backward(np.ones((1, 2)))
    assert_korean(excinfo, "forward")


@pytest.mark.parametrize(
    ("fan_in", "fan_out", "error"),
    [(0, 3, ValueError), (3, -1, ValueError), (2.5, 3, TypeError), (3, "4", TypeError)],
)
def test_dense_bad_sizes(fan_in, fan_out, error):
    with pytest.raises(error) as excinfo:
        dl.nn.Dense(fan_in, fan_out)
    assert_korean(excinfo)


def test_dense_unknown_initialiser():
    with pytest.raises(ValueError) as excinfo:
        dl.nn.Dense(2, 3, init="he_normall")
    assert_korean(excinfo, "he_normall", "he_normal", "glorot_uniform")


def test_dense_seed_determinism():
    a, b, c = dl.nn.Dense(5, 4, rng=7), dl.nn.Dense(5, 4, rng=7), dl.nn.Dense(5, 4, rng=8)
    np.testing.assert_array_equal(a.W, b.W)
    assert not np.array_equal(a.W, c.W)
    g1 = dl.nn.Dense(5, 4, rng=np.random.default_rng(7))
    np.testing.assert_array_equal(a.W, g1.W)


def test_dense_accepts_float32_input():
    d = dl.nn.Dense(3, 2, rng=0)
    X = np.arange(6, dtype=np.float32).reshape(2, 3)
    out = d.forward(X)
    np.testing.assert_allclose(out, X.astype(np.float64) @ d.W + d.b, rtol=1e-6)
    dX = d.backward(np.ones((2, 2)))
    assert np.all(np.isfinite(dX)) and np.all(np.isfinite(d.dW))


@given(
    fan_in=st.integers(1, 5),
    fan_out=st.integers(1, 5),
    batch=st.integers(1, 5),
    seed=st.integers(0, 2**16),
    data=st.data(),
)
def test_dense_gradcheck(fan_in, fan_out, batch, seed, data):
    d = dl.nn.Dense(fan_in, fan_out, rng=seed, bias_init="random_normal")
    X = data.draw(hnp.arrays(np.float64, (batch, fan_in), elements=inputs(0.1, 10)))
    result = dl.nn.gradcheck(d, X, seed=seed)
    assume(measurable(d, X, seed, result))
    assert result.passed and result.max_error < 1e-7, str(result)
    assert set(result.errors) == {"W", "b", "X"}


# ------------------------------------------------------------- Sequential


def test_sequential_forward_backward_is_the_chain_rule():
    rng = np.random.default_rng(0)
    d1, act, d2 = dl.nn.Dense(3, 4, rng=1), dl.nn.Tanh(), dl.nn.Dense(4, 2, rng=2)
    net = dl.nn.Sequential([d1, act, d2])
    X = rng.standard_normal((5, 3))
    dout = rng.standard_normal((5, 2))
    out = net.forward(X)
    # 손으로 쓴 순전파와 역전파
    z1 = X @ d1.W + d1.b
    h1 = np.tanh(z1)
    np.testing.assert_allclose(out, h1 @ d2.W + d2.b, rtol=1e-14)
    dX = net.backward(dout)
    dh1 = dout @ d2.W.T
    dz1 = dh1 * (1 - np.tanh(z1) ** 2)
    np.testing.assert_allclose(d2.dW, h1.T @ dout, rtol=1e-13)
    np.testing.assert_allclose(d1.dW, X.T @ dz1, rtol=1e-13)
    np.testing.assert_allclose(d1.db, dz1.sum(axis=0), rtol=1e-13)
    np.testing.assert_allclose(dX, dz1 @ d1.W.T, rtol=1e-13)


def test_params_and_grads_keys():
    net = dl.nn.mlp([2, 3, 1], activation="sigmoid", seed=0)
    assert list(net.params) == ["0.W", "0.b", "2.W", "2.b"]
    assert list(net.grads) == list(net.params)
    deep = dl.nn.mlp([4, 5, 6, 3], activation="relu", seed=0)
    assert list(deep.params) == ["0.W", "0.b", "2.W", "2.b", "4.W", "4.b"]
    for key, value in deep.params.items():
        assert deep.grads[key].shape == value.shape


def test_params_are_the_live_arrays():
    net = dl.nn.mlp([2, 3, 1], seed=0)
    assert net.params["0.W"] is net.layers[0].W
    assert net.params["2.b"] is net.layers[2].b
    net.params["0.W"][1, 2] += 5.0  # 제자리 수정 (옵티마이저가 하는 일)
    before = net.layers[0].W[1, 2]
    assert before == net.params["0.W"][1, 2]
    net.params["0.W"] -= 1.0
    assert net.layers[0].W[1, 2] == before - 1.0
    X = np.ones((2, 2))
    net.forward(X)
    net.backward(np.ones((2, 1)))
    assert net.grads["0.W"] is net.layers[0].dW
    assert net.grads["2.b"] is net.layers[2].db


def test_sequential_rejects_non_layers():
    with pytest.raises(TypeError) as excinfo:
        dl.nn.Sequential([dl.nn.Dense(2, 2), "relu"])
    assert_korean(excinfo, "'relu'")


def test_sequential_container_behaviour():
    layers = [dl.nn.Dense(2, 3), dl.nn.ReLU(), dl.nn.Dense(3, 1)]
    net = dl.nn.Sequential(layers)
    assert len(net) == 3 and net[1] is layers[1] and net.layers == layers
    assert net.n_params == (2 * 3 + 3) + (3 * 1 + 1)
    assert "Dense(2, 3)" in repr(net) and "ReLU()" in repr(net)


def test_train_eval_modes_propagate():
    net = dl.nn.mlp([2, 3, 1], seed=0)
    net.eval()
    assert not net.training and all(not layer.training for layer in net.layers)
    net.train()
    assert net.training and all(layer.training for layer in net.layers)
    out = net.predict(np.ones((1, 2)))
    assert out.shape == (1, 1) and net.training  # predict 뒤에 원래 모드로 돌아옵니다


def test_sequential_call_is_forward():
    net = dl.nn.mlp([3, 2], seed=0)
    X = np.arange(6.0).reshape(2, 3)
    np.testing.assert_array_equal(net(X), net.forward(X))


# ----------------------------------------------------------------- summary


def test_summary_table_for_784_256_256_10(capsys):
    net = dl.nn.mlp([784, 256, 256, 10], activation="relu", seed=0)
    text = net.summary(784)
    printed = capsys.readouterr().out
    assert text.strip() in printed
    for header in ("번호", "층", "출력 모양", "매개변수 수"):
        assert header in text
    # 손으로 센 개수: 784*256+256, 256*256+256, 256*10+10
    assert "200,960" in text and "65,792" in text and "2,570" in text
    assert "전체 매개변수 수: 269,322" in text
    assert net.n_params == 269_322
    assert "(배치, 256)" in text and "(배치, 10)" in text
    rows = [line for line in text.splitlines() if line[:1].isdigit()]
    assert len(rows) == 5  # Dense, ReLU, Dense, ReLU, Dense


def test_summary_without_input_size(capsys):
    net = dl.nn.Sequential([dl.nn.Sigmoid(), dl.nn.Dense(2, 3)])
    text = net.summary()
    capsys.readouterr()
    assert "?" in text and "(배치, 3)" in text and "전체 매개변수 수: 9" in text


# -------------------------------------------------------------------- mlp


def test_mlp_structure():
    net = dl.nn.mlp([2, 3, 4, 1], activation="tanh", output_activation="sigmoid", seed=0)
    kinds = [type(layer).__name__ for layer in net.layers]
    assert kinds == ["Dense", "Tanh", "Dense", "Tanh", "Dense", "Sigmoid"]
    dense = [layer for layer in net.layers if isinstance(layer, dl.nn.Dense)]
    assert [(d.fan_in, d.fan_out) for d in dense] == [(2, 3), (3, 4), (4, 1)]
    # 활성화 층은 층마다 따로 있어야 합니다 (각자 자기 입력을 기억하므로).
    assert net.layers[1] is not net.layers[3]
    out = net.forward(np.zeros((5, 2)))
    assert out.shape == (5, 1) and np.all((out > 0) & (out < 1))
    assert type(dl.nn.mlp([2, 1]).layers[-1]) is dl.nn.Dense  # 은닉층이 없으면 Dense 하나


def test_mlp_accepts_an_activation_object():
    template = dl.nn.LeakyReLU(alpha=0.3)
    net = dl.nn.mlp([2, 3, 3, 1], activation=template, seed=0)
    acts = [layer for layer in net.layers if isinstance(layer, dl.nn.LeakyReLU)]
    assert len(acts) == 2 and acts[0] is not acts[1]
    assert all(a.alpha == 0.3 for a in acts)


def _std_and_max(net):
    W = net.layers[0].W
    return W.std(), np.abs(W).max()


@pytest.mark.parametrize("activation", ["relu", "leaky_relu", "elu"])
def test_mlp_uses_he_normal_for_relu_family(activation):
    # 첫 층 (600, 400): He 정규는 sigma = sqrt(2 / 600) = 0.0577,
    # Glorot 균등이었다면 sqrt(2 / 1000) = 0.0447 이고 |w| <= sqrt(6 / 1000) = 0.0775 입니다.
    std, biggest = _std_and_max(dl.nn.mlp([600, 400, 1], activation=activation, seed=0))
    sigma = np.sqrt(2 / 600)
    assert std == pytest.approx(sigma, rel=0.02)
    assert biggest <= 2 * sigma / 0.87962566103423978  # 절단 정규분포의 경계
    assert biggest > np.sqrt(6 / 1000)  # 균등분포였다면 넘을 수 없는 값


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "softplus", "linear"])
def test_mlp_uses_glorot_uniform_otherwise(activation):
    std, biggest = _std_and_max(dl.nn.mlp([600, 400, 1], activation=activation, seed=0))
    limit = np.sqrt(6 / 1000)
    assert std == pytest.approx(limit / np.sqrt(3), rel=0.02)
    assert limit * 0.99 < biggest <= limit


def test_mlp_explicit_init_wins():
    std, _ = _std_and_max(dl.nn.mlp([600, 400, 1], activation="relu", init="lecun_normal"))
    assert std == pytest.approx(np.sqrt(1 / 600), rel=0.02)


def test_mlp_seed_determinism():
    a = dl.nn.mlp([3, 4, 2], activation="relu", seed=11)
    b = dl.nn.mlp([3, 4, 2], activation="relu", seed=11)
    c = dl.nn.mlp([3, 4, 2], activation="relu", seed=12)
    g = dl.nn.mlp([3, 4, 2], activation="relu", seed=np.random.default_rng(11))
    for key in a.params:
        np.testing.assert_array_equal(a.params[key], b.params[key])
        np.testing.assert_array_equal(a.params[key], g.params[key])
    assert not np.array_equal(a.params["0.W"], c.params["0.W"])
    # 층마다 다른 난수를 씁니다
    square = dl.nn.mlp([3, 3, 3], seed=0)
    assert not np.array_equal(square.params["0.W"], square.params["2.W"])


@pytest.mark.parametrize(
    ("sizes", "error", "fragment"),
    [
        ([3], ValueError, "[3]"),
        ([], ValueError, "[]"),
        ([2, 0, 1], ValueError, "0"),
        ([2, -3, 1], ValueError, "-3"),
        ([2, 2.5, 1], TypeError, "2.5"),
    ],
)
def test_mlp_bad_sizes(sizes, error, fragment):
    with pytest.raises(error) as excinfo:
        dl.nn.mlp(sizes)
    assert_korean(excinfo, fragment)


def test_mlp_unknown_activation_lists_names():
    with pytest.raises(ValueError) as excinfo:
        dl.nn.mlp([2, 3, 1], activation="sigmoidd")
    assert_korean(excinfo, "sigmoidd", "sigmoid", "relu", "tanh")
    with pytest.raises(ValueError) as excinfo:
        dl.nn.mlp([2, 3, 1], output_activation="softmaxx")
    assert_korean(excinfo, "softmaxx")


# ----------------------------------------------------- 신경망 기울기 확인


def min_abs_preactivation(net, X):
    """은닉 Dense 층 출력(활성화 함수에 들어가는 z)의 최소 |z|."""
    smallest = np.inf
    h = X
    for i, layer in enumerate(net.layers):
        h = layer.forward(h)
        is_hidden = isinstance(layer, dl.nn.Dense) and i + 1 < len(net.layers)
        if is_hidden and h.size:
            smallest = min(smallest, float(np.abs(h).min()))
    return smallest


@pytest.mark.parametrize("activation", ACTIVATIONS)
@given(
    sizes=st.lists(st.integers(1, 4), min_size=2, max_size=4),
    batch=st.integers(1, 4),
    seed=st.integers(0, 2**16),
    data=st.data(),
)
def test_mlp_gradcheck(activation, sizes, batch, seed, data):
    net = dl.nn.mlp(sizes, activation=activation, seed=seed, bias_init="random_normal")
    X = data.draw(hnp.arrays(np.float64, (batch, sizes[0]), elements=inputs(0.1, 1)))
    if activation in KINKED:
        # 꺾인 점 z = 0 에서는 중앙 차분이 정의되지 않습니다 (한쪽 기울기 두 개의 평균이 나옴).
        # 기본 h = 1e-6 이 z를 건너지 못하도록 |z| > 1e-4 인 경우만 봅니다.
        assume(min_abs_preactivation(net, X) > 1e-4)
    result = dl.nn.gradcheck(net, X, seed=seed)
    assume(measurable(net, X, seed, result))
    assert result.max_error < 1e-7, str(result)
    assert set(result.errors) == set(net.params) | {"X"}


@given(seed=st.integers(0, 2**16), data=st.data())
def test_net_with_output_activation_gradcheck(seed, data):
    net = dl.nn.mlp([3, 4, 2], activation="tanh", output_activation="sigmoid", seed=seed)
    X = data.draw(hnp.arrays(np.float64, (3, 3), elements=inputs(0.1, 2)))
    result = dl.nn.gradcheck(net, X, seed=seed)
    assume(measurable(net, X, seed, result))
    assert result.max_error < 1e-7, str(result)
