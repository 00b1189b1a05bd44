"""PyTorch autograd를 기준(oracle)으로 삼아 신경망 기울기와 손실 값을 비교합니다.

같은 mlp를 torch에서도 만들고 가중치를 그대로 옮깁니다. 우리 W는 (fan_in, fan_out),
torch.nn.Linear의 weight는 (fan_out, fan_in) 이므로 전치해서 넣고, 기울기도 전치해서
비교합니다. 모든 계산은 float64, CPU 입니다. torch는 테스트 전용 의존성입니다
(pyproject의 [test] 추가 항목).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import dlcourse as dl

torch = pytest.importorskip("torch", reason="torch는 [test] 추가 의존성입니다")
F = torch.nn.functional

# (이름, 인자, torch 모듈을 만드는 함수)
ACTIVATIONS = [
    ("sigmoid", {}, lambda: torch.nn.Sigmoid()),
    ("tanh", {}, lambda: torch.nn.Tanh()),
    ("relu", {}, lambda: torch.nn.ReLU()),
    ("leaky_relu", {"alpha": 0.01}, lambda: torch.nn.LeakyReLU(0.01)),
    ("leaky_relu", {"alpha": 0.3}, lambda: torch.nn.LeakyReLU(0.3)),
    ("elu", {"alpha": 1.0}, lambda: torch.nn.ELU(1.0)),
    ("elu", {"alpha": 0.5}, lambda: torch.nn.ELU(0.5)),
    # torch의 Softplus는 z > threshold(=20) 에서 f(z) = z 로 바꿔 계산하므로 (도함수 1),
    # 그 영역에서는 참 도함수 sigmoid(20) = 1 - 2e-9 와 달라집니다. 아래에서 |z| < 20 인
    # 경우만 비교합니다.
    ("softplus", {}, lambda: torch.nn.Softplus()),
    ("linear", {}, lambda: torch.nn.Identity()),
]
ACT_IDS = [f"{name}{kw.get('alpha', '')}" for name, kw, _ in ACTIVATIONS]
LOSSES = ["mse", "cross_entropy", "cross_entropy_onehot", "bce"]

RTOL = 1e-10


def assert_close(ours, theirs, what):
    """원소별 rtol 1e-10. 다만 여러 항이 상쇄되어 거의 0이 된 원소는 상대 오차가 뜻이
    없으므로 (예: dW의 한 원소 = 여러 샘플 기여의 합이 1e-17), 그 배열의 가장 큰 값의
    1e-13 배를 절대 허용 오차로 둡니다. float64 반올림 (1e-16) 보다 천 배 큰 값입니다."""
    theirs = theirs.detach().numpy()
    assert ours.shape == theirs.shape, what
    atol = 1e-13 * max(np.abs(theirs).max(), 1e-300)
    np.testing.assert_allclose(ours, theirs, rtol=RTOL, atol=atol, err_msg=what)


def build_torch_twin(net, make_torch_act, with_sigmoid_output):
    modules = []
    for layer in net.layers:
        if isinstance(layer, dl.nn.Dense):
            lin = torch.nn.Linear(layer.fan_in, layer.fan_out, dtype=torch.float64)
            with torch.no_grad():
                lin.weight.copy_(torch.from_numpy(layer.W.T.copy()))
                lin.bias.copy_(torch.from_numpy(layer.b.copy()))
            modules.append(lin)
        elif isinstance(layer, dl.nn.Sigmoid) and layer is net.layers[-1] and with_sigmoid_output:
            modules.append(torch.nn.Sigmoid())
        else:
            modules.append(make_torch_act())
    return torch.nn.Sequential(*modules)


def hidden_preactivations(net, X):
    """은닉 Dense 층의 출력들 (활성화 함수의 입력 z)."""
    zs, h = [], X
    for i, layer in enumerate(net.layers):
        h = layer.forward(h)
        if isinstance(layer, dl.nn.Dense) and i + 1 < len(net.layers):
            zs.append(h)
    return zs


@pytest.mark.parametrize("loss_name", LOSSES)
@pytest.mark.parametrize(("act_name", "act_kwargs", "make_torch_act"), ACTIVATIONS, ids=ACT_IDS)
@given(
    seed=st.integers(0, 2**32 - 1),
    hidden=st.lists(st.integers(1, 6), min_size=1, max_size=3),
    n_in=st.integers(1, 5),
    n_out=st.integers(2, 4),
    batch=st.integers(1, 8),
)
def test_network_gradients_match_torch(
    act_name, act_kwargs, make_torch_act, loss_name, seed, hidden, n_in, n_out, batch
):
    rng = np.random.default_rng(seed)
    bce = loss_name == "bce"
    if bce:
        n_out = 1  # BCE는 출력 하나 (시그모이드 확률)
    sizes = [n_in, *hidden, n_out]
    net = dl.nn.mlp(
        sizes,
        activation=dl.nn.get_activation(act_name, **act_kwargs),
        output_activation="sigmoid" if bce else None,
        seed=rng,
        bias_init="random_normal",
    )
    X = rng.standard_normal((batch, n_in))
    zs = hidden_preactivations(net, X)
    if act_name == "softplus":
        assume(all(np.abs(z).max() < 20 for z in zs))

    # ---- 우리 쪽
    if loss_name == "mse":
        y = rng.standard_normal((batch, n_out))
        loss = dl.nn.MSE()
    elif loss_name == "bce":
        y = rng.integers(0, 2, size=(batch, 1)).astype(np.float64)
        loss = dl.nn.BinaryCrossEntropy()
    else:
        labels = rng.integers(0, n_out, size=batch)
        y = labels if loss_name == "cross_entropy" else np.eye(n_out)[labels]
        loss = dl.nn.SoftmaxCrossEntropy()
    out_ours = net.forward(X)
    if bce:
        # 확률이 1에 아주 가까우면 (z > 14) 두 라이브러리 모두 1 - p 를 절대 오차 1e-16
        # 으로만 알아서, exp 구현의 1 ulp 차이가 log(1 - p) 에서 1e-12 넘게 벌어질 수 있습니다.
        assume(np.all(np.minimum(out_ours, 1 - out_ours) > 1e-6))
    value = loss.forward(out_ours, y)
    dX = net.backward(loss.backward())

    # ---- torch 쪽
    twin = build_torch_twin(net, make_torch_act, with_sigmoid_output=bce)
    Xt = torch.from_numpy(X.copy()).requires_grad_(True)
    out = twin(Xt)
    if loss_name == "mse":
        # 우리 MSE는 (1/N) sum_i (1/2) sum_j (y_hat - y)^2 이므로 torch에서 직접 씁니다.
        t_loss = 0.5 * ((out - torch.from_numpy(y)) ** 2).sum() / batch
    elif loss_name == "bce":
        t_loss = F.binary_cross_entropy(out, torch.from_numpy(y))
    elif loss_name == "cross_entropy":
        t_loss = F.cross_entropy(out, torch.from_numpy(y))
    else:
        t_loss = F.cross_entropy(out, torch.from_numpy(y))  # 확률(원-핫) 정답
    t_loss.backward()

    assert value == pytest.approx(t_loss.item(), rel=1e-12, abs=1e-300)
    assert_close(dX, Xt.grad, "dX")
    dense = [layer for layer in net.layers if isinstance(layer, dl.nn.Dense)]
    linears = [m for m in twin if isinstance(m, torch.nn.Linear)]
    assert len(dense) == len(linears) == len(sizes) - 1
    for k, (ours, lin) in enumerate(zip(dense, linears, strict=True)):
        assert_close(ours.dW, lin.weight.grad.T, f"dW (Dense {k})")
        assert_close(ours.db, lin.bias.grad, f"db (Dense {k})")


# -------------------------------------------------- 손실 값만 따로 비교


@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 6), c=st.integers(2, 6))
def test_cross_entropy_values_match_torch_including_extreme_logits(seed, n, c):
    rng = np.random.default_rng(seed)
    for scale in (1.0, 30.0, 1000.0):
        logits = scale * rng.standard_normal((n, c))
        labels = rng.integers(0, c, size=n)
        ours = dl.nn.SoftmaxCrossEntropy()
        value = ours.forward(logits, labels)
        zt = torch.from_numpy(logits.copy()).requires_grad_(True)
        ref = F.cross_entropy(zt, torch.from_numpy(labels))
        ref.backward()
        assert np.isfinite(value)
        assert value == pytest.approx(ref.item(), rel=1e-12, abs=1e-12)
        np.testing.assert_allclose(ours.backward(), zt.grad.numpy(), rtol=1e-10, atol=1e-15)


@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 8))
def test_bce_values_match_torch(seed, n):
    rng = np.random.default_rng(seed)
    p = rng.uniform(1e-6, 1 - 1e-6, size=(n, 1))
    y = rng.integers(0, 2, size=(n, 1)).astype(np.float64)
    ours = dl.nn.BinaryCrossEntropy()
    value = ours.forward(p, y)
    pt = torch.from_numpy(p.copy()).requires_grad_(True)
    ref = F.binary_cross_entropy(pt, torch.from_numpy(y))
    ref.backward()
    assert value == pytest.approx(ref.item(), rel=1e-12)
    np.testing.assert_allclose(ours.backward(), pt.grad.numpy(), rtol=1e-10)


@pytest.mark.parametrize(("act_name", "act_kwargs", "make_torch_act"), ACTIVATIONS, ids=ACT_IDS)
def test_activation_values_and_derivatives_match_torch(act_name, act_kwargs, make_torch_act):
    # 0 을 뺀 넓은 구간 (0 에서의 도함수 관례는 test_activations 에서 따로 확인합니다)
    z = np.concatenate([-np.geomspace(1e-3, 19.5, 200), np.geomspace(1e-3, 19.5, 200)])
    act = dl.nn.get_activation(act_name, **act_kwargs)
    out = act.forward(z)
    dz = act.backward(np.ones_like(z))
    zt = torch.from_numpy(z.copy()).requires_grad_(True)
    ref = make_torch_act()(zt)
    ref.sum().backward()
    np.testing.assert_allclose(out, ref.detach().numpy(), rtol=1e-13, atol=1e-16)
    # 포화된 곳의 도함수는 두 구현 모두 절대 오차 약 1e-16 까지만 정확합니다.
    np.testing.assert_allclose(dz, zt.grad.numpy(), rtol=1e-12, atol=3e-16)
