"""활성화 함수 테스트: 기울기 확인, 닫힌 식, 극단값, 이름으로 찾기.

기대값은 코드 밖에서 옵니다: 각 함수의 닫힌 식(closed form)을 테스트 안에서 따로
계산하거나, 알려진 극한값(시그모이드는 0과 1 사이, tanh'(0) = 1 등)을 씁니다.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import dlcourse as dl

HANGUL = re.compile("[가-힣]")

# (이름, 생성 인자). LeakyReLU와 ELU는 alpha를 여러 값으로 확인합니다.
CASES = [
    ("sigmoid", {}),
    ("tanh", {}),
    ("relu", {}),
    ("leaky_relu", {"alpha": 0.01}),
    ("leaky_relu", {"alpha": 0.2}),
    ("leaky_relu", {"alpha": 0.5}),
    ("elu", {"alpha": 1.0}),
    ("elu", {"alpha": 0.3}),
    ("elu", {"alpha": 2.0}),
    ("softplus", {}),
    ("identity", {}),
]
CASE_IDS = [f"{name}{kw.get('alpha', '')}" for name, kw in CASES]

# z = 0 에서 도함수가 끊기는(꺾이는) 함수들. ELU는 alpha = 1 이면 f'은 이어지지만
# f''이 끊기므로, 0 바로 옆에서는 중앙 차분의 오차가 h 정도로 커집니다. 그래서 같이 다룹니다.
KINKED = {"relu", "leaky_relu", "elu"}


def make(name, kwargs):
    return dl.nn.get_activation(name, **kwargs)


def grid(low, high, n=2001):
    return np.linspace(low, high, n).reshape(1, -1)


def shapes():
    return hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=5)


def values(zmax, kinked, kink_gap):
    """[-zmax, zmax] 의 실수. 꺾이는 함수는 |z| > kink_gap 인 값만 씁니다."""
    elems = st.floats(-zmax, zmax, allow_nan=False, allow_infinity=False)
    if kinked:
        elems = elems.filter(lambda v: abs(v) > kink_gap)
    return elems


# --------------------------------------------------------------- 기울기 확인


@pytest.mark.parametrize(("name", "kwargs"), CASES, ids=CASE_IDS)
@given(data=st.data())
def test_gradcheck_typical_values(name, kwargs, data):
    """학생이 쓰는 그대로 (기본 h = 1e-6) 보통 크기의 입력에서 기울기 확인을 통과합니다.

    ReLU 계열은 z = 0 에서 미분할 수 없어 중앙 차분 (f(z+h) - f(z-h)) / 2h 가
    꺾인 곳을 건너면 두 기울기의 평균(예: ReLU는 0.5)이 나옵니다. 입력을 0에서
    1e-4 (= 100 h) 넘게 떨어뜨려 두면 z ± h 가 꺾인 곳을 건너지 않습니다.
    """
    kinked = name in KINKED
    X = data.draw(hnp.arrays(np.float64, shapes(), elements=values(3.0, kinked, 1e-4)))
    seed = data.draw(st.integers(0, 2**16))
    result = dl.nn.gradcheck(make(name, kwargs), X, seed=seed)
    assert result.max_error < 1e-7, str(result)


# 포화(saturation) 근처. 중앙 차분의 반올림 오차는 약 ulp(L) / (2h) 이고, 참 기울기는
# 시그모이드에서 f'(z) ~ e^(-|z|) 로 작아지므로 상대 오차는 e^|z| 에 비례해 커집니다.
# 출력이 1 근처이면 ulp = 1.1e-16 이라, h = 1e-6 이면 |z| = 10 에서 이미 1e-6 쯤 됩니다.
# 그래서 여기서는 h를 1e-4 쯤으로 키웁니다. 그래도 절단 오차 h^2/6 * |f'''/f'| 는
# 1e-8 아래입니다 (시그모이드에서 |f'''/f'| <= 1, tanh에서 <= 4).
# tanh(z) = 2 sigmoid(2z) - 1 이라 tanh는 시그모이드보다 두 배 빨리 포화합니다:
# tanh의 |z| <= 5 는 시그모이드의 |z| <= 10 과 같은 포화 정도입니다. float64의 중앙 차분으로는
# tanh'(10) = 8e-9 를 상대 오차 1e-7 안으로 잴 수 없습니다 (어떤 h를 골라도 3e-6 쯤이 한계).
# 더 깊은 포화(예: 시그모이드 z = 30, f' = 1e-13)는 아래 극단값 테스트가 닫힌 식으로 확인합니다.
SATURATION = [
    # (이름, 인자, |z| 최대, h)
    ("sigmoid", {}, 10.0, 2e-4),
    ("tanh", {}, 5.0, 1e-4),
    ("softplus", {}, 30.0, 1e-4),
    ("elu", {"alpha": 1.0}, 10.0, 1e-4),
    ("elu", {"alpha": 2.0}, 10.0, 1e-4),
    ("relu", {}, 100.0, 1e-4),
    ("leaky_relu", {"alpha": 0.1}, 100.0, 1e-4),
    ("identity", {}, 100.0, 1e-4),
]


@pytest.mark.parametrize(
    ("name", "kwargs", "zmax", "h"),
    SATURATION,
    ids=[f"{c[0]}{c[1].get('alpha', '')}" for c in SATURATION],
)
@given(data=st.data())
def test_gradcheck_near_saturation(name, kwargs, zmax, h, data):
    # h = 1e-4 이므로 꺾인 점에서는 10 h = 1e-3 넘게 떨어뜨립니다.
    kinked = name in KINKED
    X = data.draw(
        hnp.arrays(
            np.float64,
            hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=4),
            elements=values(zmax, kinked, 1e-3),
        )
    )
    result = dl.nn.gradcheck(make(name, kwargs), X, h=h, seed=data.draw(st.integers(0, 99)))
    assert result.max_error < 1e-7, str(result)


# ------------------------------------------- function/derivative 와 forward/backward


@pytest.mark.parametrize(("name", "kwargs"), CASES, ids=CASE_IDS)
@given(
    z=hnp.arrays(np.float64, shapes(), elements=st.floats(-50, 50)),
    dh=st.floats(-3, 3),
)
def test_function_and_derivative_agree_with_forward_backward(name, kwargs, z, dh):
    # 0이 포함되어도 됩니다: 두 경로가 같은 관례(0에서 ReLU' = 0 등)를 따라야 합니다.
    act = make(name, kwargs)
    out = act.forward(z)
    np.testing.assert_allclose(out, act.function(z), rtol=1e-15, atol=0)
    upstream = np.full_like(z, dh)
    # atol: 곱하는 순서가 달라 1e-308 아래의 비정규 수(subnormal)에서만 생기는 반올림 차이
    np.testing.assert_allclose(
        act.backward(upstream), upstream * act.derivative(z), rtol=1e-15, atol=1e-300
    )
    assert out.shape == z.shape


@pytest.mark.parametrize(("name", "kwargs"), CASES, ids=CASE_IDS)
def test_forward_does_not_change_its_input(name, kwargs):
    z = grid(-5, 5, 11)
    before = z.copy()
    act = make(name, kwargs)
    act.forward(z)
    act.backward(np.ones_like(z))
    np.testing.assert_array_equal(z, before)


# ------------------------------------------------------------ 닫힌 식


def exact_sigmoid(z):
    """교과서 식 1 / (1 + e^(-z)). 이 식은 어디서나 상대적으로 정확하지만 z < -709 에서는
    e^(-z) 가 넘치므로, 테스트에서는 |z| <= 700 에서만 씁니다."""
    return 1.0 / (1.0 + np.exp(-z))


def exact_sigmoid_derivative(z):
    """e^(-|z|) / (1 + e^(-|z|))^2  (= sigma(z) (1 - sigma(z)), 어느 쪽에서도 넘치지 않는 꼴)."""
    e = np.exp(-np.abs(z))
    return e / (1.0 + e) ** 2


def test_sigmoid_closed_form():
    s = dl.nn.Sigmoid()
    z = grid(-700, 700, 14001)
    # 함수 값은 0 근처 (z = -700 에서 1e-304) 까지 상대 오차로 정확합니다.
    np.testing.assert_allclose(s.function(z), exact_sigmoid(z), rtol=1e-14, atol=0)
    # 도함수 f (1 - f): z <= 0 쪽은 상대적으로 정확하고, z > 0 쪽은 1 - f 를 1 근처에서
    # 빼므로 절대 오차 약 1e-16 까지만 정확합니다 (PyTorch의 역전파도 같은 식입니다).
    left, right = z[z <= 0], z[z > 0]
    np.testing.assert_allclose(
        s.derivative(left), exact_sigmoid_derivative(left), rtol=1e-13, atol=0
    )
    np.testing.assert_allclose(
        s.derivative(right), exact_sigmoid_derivative(right), rtol=1e-12, atol=2e-16
    )


def test_sigmoid_derivative_peaks_at_quarter_at_zero():
    s = dl.nn.Sigmoid()
    z = grid(-10, 10, 2001)  # 0을 정확히 포함합니다
    d = s.derivative(z)
    assert s.derivative(np.array(0.0)) == 0.25
    assert np.all(d <= 0.25)
    assert z[0, np.argmax(d)] == 0.0
    # 대칭: sigma(-z) = 1 - sigma(z),  sigma'(-z) = sigma'(z)
    np.testing.assert_allclose(s.function(-z), 1.0 - s.function(z), atol=1e-16)
    # z > 0 쪽 f (1 - f) 의 절대 오차 (약 1e-16) 만큼의 차이는 허용합니다.
    np.testing.assert_allclose(s.derivative(-z), d, rtol=1e-12, atol=2e-16)


def test_tanh_closed_form_and_peak():
    t = dl.nn.Tanh()
    z = grid(-20, 20, 4001)
    e2 = np.exp(2 * z)
    np.testing.assert_allclose(t.function(z), (e2 - 1) / (e2 + 1), rtol=1e-13, atol=1e-16)
    # 1 - tanh(z)^2 는 tanh(z) 가 1 근처에서 반올림되므로 절대 오차 약 2e-16 까지만
    # 정확합니다 (|z| > 19 에서는 정확히 0). PyTorch도 같은 식을 씁니다.
    np.testing.assert_allclose(t.derivative(z), 1.0 / np.cosh(z) ** 2, rtol=1e-8, atol=3e-16)
    assert t.derivative(np.array(0.0)) == 1.0
    assert np.all(t.derivative(z) <= 1.0)
    assert z[0, np.argmax(t.derivative(z))] == 0.0
    # tanh(z) = 2 sigmoid(2z) - 1
    np.testing.assert_allclose(t.function(z), 2 * exact_sigmoid(2 * z) - 1, atol=1e-15)


def test_relu_closed_form():
    r = dl.nn.ReLU()
    z = grid(-5, 5, 1001)
    np.testing.assert_array_equal(r.function(z), np.where(z > 0, z, 0.0))
    d = r.derivative(z)
    assert set(np.unique(d)) <= {0.0, 1.0}
    np.testing.assert_array_equal(d, (z > 0).astype(float))
    assert r.derivative(np.array(0.0)) == 0.0  # 0에서는 관례대로 0


@pytest.mark.parametrize("alpha", [0.0, 0.01, 0.2, 0.5, 1.5])
def test_leaky_relu_closed_form(alpha):
    a = dl.nn.LeakyReLU(alpha=alpha)
    z = grid(-5, 5, 1001)
    np.testing.assert_allclose(a.function(z), np.where(z > 0, z, alpha * z), rtol=1e-15)
    d = a.derivative(z)
    assert set(np.unique(d)) <= {alpha, 1.0}
    np.testing.assert_array_equal(d, np.where(z > 0, 1.0, alpha))


@pytest.mark.parametrize("alpha", [0.3, 1.0, 2.0])
def test_elu_closed_form_and_continuity(alpha):
    e = dl.nn.ELU(alpha=alpha)
    z = grid(-20, 20, 4001)
    expected = np.where(z > 0, z, alpha * (np.exp(np.minimum(z, 0)) - 1))
    np.testing.assert_allclose(e.function(z), expected, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(
        e.derivative(z), np.where(z > 0, 1.0, alpha * np.exp(np.minimum(z, 0))), rtol=1e-14
    )
    # 0에서 이어짐: f(0) = 0 이고 양쪽 극한이 0
    tiny = np.array([-1e-12, 0.0, 1e-12])
    np.testing.assert_allclose(e.function(tiny), [-alpha * 1e-12, 0.0, 1e-12], rtol=1e-9)
    # 왼쪽 기울기는 alpha, 오른쪽 기울기는 1 (alpha = 1 이면 f'도 이어집니다)
    h = 1e-7
    left = (e.function(np.array(0.0)) - e.function(np.array(-h))) / h
    right = (e.function(np.array(h)) - e.function(np.array(0.0))) / h
    assert left == pytest.approx(alpha, rel=1e-6)
    assert right == pytest.approx(1.0, rel=1e-12)
    # 음수 쪽 극한은 -alpha
    assert e.function(np.array(-50.0)) == pytest.approx(-alpha, rel=1e-15)


def test_softplus_closed_form_and_derivative_is_sigmoid():
    sp = dl.nn.Softplus()
    z = grid(-30, 30, 6001)
    np.testing.assert_allclose(sp.function(z), np.log1p(np.exp(z)), rtol=1e-13)
    np.testing.assert_allclose(sp.derivative(z), exact_sigmoid(z), rtol=1e-12, atol=2e-16)
    # softplus(z) - softplus(-z) = z
    np.testing.assert_allclose(sp.function(z) - sp.function(-z), z, atol=1e-13)
    assert sp.function(np.array(0.0)) == pytest.approx(np.log(2.0), rel=1e-15)


def test_softplus_derivative_is_relatively_accurate_in_the_left_tail():
    # f(z) = log(1 + e^z) 는 z = -24 에서도 상대 오차 1e-16 으로 계산되므로, 도함수도
    # 상대적으로 정확해야 기울기 확인을 통과합니다. (이전 구현 0.5 + 0.5 tanh(z/2) 는
    # 여기서 상대 오차가 3e-7 이었습니다.)
    z = -np.linspace(15, 700, 500)
    np.testing.assert_allclose(dl.nn.Softplus().derivative(z), exact_sigmoid(z), rtol=1e-13)


def test_identity():
    i = dl.nn.Identity()
    z = grid(-3, 3, 61)
    np.testing.assert_array_equal(i.function(z), z)
    np.testing.assert_array_equal(i.derivative(z), np.ones_like(z))


# ------------------------------------------------------------- 극단값

# (이름, 인자, f(-L) 기대값 함수, f(+L), f'(-L), f'(+L)) 은 L = 1000, 1e6 에서의 극한입니다.
LIMITS = {
    "sigmoid": (lambda L: 0.0, lambda L: 1.0, 0.0, 0.0),
    "tanh": (lambda L: -1.0, lambda L: 1.0, 0.0, 0.0),
    "relu": (lambda L: 0.0, lambda L: L, 0.0, 1.0),
    "leaky_relu": (lambda L: -0.2 * L, lambda L: L, 0.2, 1.0),
    "elu": (lambda L: -0.7, lambda L: L, 0.0, 1.0),
    "softplus": (lambda L: 0.0, lambda L: L, 0.0, 1.0),
    "identity": (lambda L: -L, lambda L: L, 1.0, 1.0),
}
LIMIT_KWARGS = {"leaky_relu": {"alpha": 0.2}, "elu": {"alpha": 0.7}}


@pytest.mark.parametrize("name", sorted(LIMITS))
@pytest.mark.parametrize("big", [1000.0, 1e6])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_extreme_inputs_have_correct_limits_and_no_warnings(name, big, dtype):
    act = make(name, LIMIT_KWARGS.get(name, {}))
    f_neg, f_pos, d_neg, d_pos = LIMITS[name]
    z = np.array([[-big, big]], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # overflow/invalid 경고가 하나라도 나면 실패
        f = act.function(z)
        d = act.derivative(z)
        out = act.forward(z)
        back = act.backward(np.ones_like(z))
    for arr in (f, d, out, back):
        assert np.all(np.isfinite(arr))
    # atol 1e-30: 시그모이드는 넘침을 막으려고 입력을 자르므로 -1000에서 0 대신
    # 1e-304 (float32는 1.6e-38) 같은 아주 작은 양수를 줍니다. 극한값으로는 같습니다.
    np.testing.assert_allclose(f[0], [f_neg(big), f_pos(big)], rtol=1e-6, atol=1e-30)
    np.testing.assert_allclose(d[0], [d_neg, d_pos], rtol=1e-6, atol=1e-30)
    np.testing.assert_allclose(out, f, rtol=1e-6)
    np.testing.assert_allclose(back, d, rtol=1e-6)


@pytest.mark.parametrize("name", sorted(LIMITS))
def test_mixed_extreme_batch_is_finite_without_warnings(name):
    act = make(name, LIMIT_KWARGS.get(name, {}))
    z = np.array([[-1e6, -1000.0, -30.0, -1e-300, 0.0, 1e-300, 30.0, 1000.0, 1e6]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = act.forward(z)
        dz = act.backward(np.ones_like(z))
    assert np.all(np.isfinite(out)) and np.all(np.isfinite(dz))


def test_sigmoid_deep_tail_against_closed_form():
    """시그모이드 z = ±30, ±40: f' 가 1e-13 아래라 중앙 차분으로는 잴 수 없으므로 닫힌 식과 비교합니다.

    (이전 구현 0.5 + 0.5 tanh(z/2) 는 sigma(-40) = 0, sigma(-37) 은 35% 틀린 값을 주었습니다.)
    """
    s = dl.nn.Sigmoid()
    z = np.array([-40.0, -37.0, -30.0])
    np.testing.assert_allclose(s.function(z), np.exp(z) / (1 + np.exp(z)), rtol=1e-14)
    np.testing.assert_allclose(s.derivative(z), exact_sigmoid_derivative(z), rtol=1e-13)
    # 양수 쪽: 1 - f 의 반올림 때문에 절대 오차 약 1e-16 (0 이상, 참값 9.4e-14 근처)
    d = s.derivative(np.array([30.0, 40.0]))
    assert np.all(d >= 0)
    np.testing.assert_allclose(d, exact_sigmoid_derivative(np.array([30.0, 40.0])), atol=2e-16)
    tail = dl.nn.Tanh().derivative(np.array([-30.0, 30.0]))
    assert np.all((tail >= 0) & (tail < 1e-20))


def test_activation_backward_is_elementwise_product():
    # 체인 규칙 한 단계: dL/dz = dL/dh * f'(z). 여러 dh에 대해 선형입니다.
    rng = np.random.default_rng(0)
    z = rng.standard_normal((4, 3))
    g1, g2 = rng.standard_normal((2, 4, 3))
    for name, kwargs in CASES:
        act = make(name, kwargs)
        act.forward(z)
        np.testing.assert_allclose(
            act.backward(g1 + 2 * g2), act.backward(g1) + 2 * act.backward(g2), atol=1e-14
        )


# ------------------------------------------------------------ 이름으로 찾기


@pytest.mark.parametrize(
    ("alias", "cls"),
    [
        ("sigmoid", dl.nn.Sigmoid),
        ("Sigmoid", dl.nn.Sigmoid),
        (" TANH ", dl.nn.Tanh),
        ("ReLU", dl.nn.ReLU),
        ("leaky_relu", dl.nn.LeakyReLU),
        ("leaky-relu", dl.nn.LeakyReLU),
        ("LeakyReLU", dl.nn.LeakyReLU),
        ("elu", dl.nn.ELU),
        ("softplus", dl.nn.Softplus),
        ("linear", dl.nn.Identity),
        ("identity", dl.nn.Identity),
    ],
)
def test_get_activation_by_name(alias, cls):
    assert type(dl.nn.get_activation(alias)) is cls


def test_get_activation_passes_arguments_and_instances():
    leaky = dl.nn.get_activation("leaky_relu", alpha=0.3)
    assert leaky.alpha == 0.3
    assert dl.nn.get_activation("elu", alpha=0.5).alpha == 0.5
    assert dl.nn.LeakyReLU().alpha == 0.01 and dl.nn.ELU().alpha == 1.0
    assert dl.nn.get_activation(leaky) is leaky
    assert set(dl.nn.ACTIVATION_NAMES) >= {
        "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "linear"
    }


def test_unknown_activation_name_lists_the_allowed_names():
    with pytest.raises(ValueError) as excinfo:
        dl.nn.get_activation("sigmoidd")
    message = str(excinfo.value)
    assert HANGUL.search(message)
    assert "sigmoidd" in message
    for allowed in ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus"):
        assert allowed in message


def test_activation_name_must_be_a_string():
    with pytest.raises(TypeError) as excinfo:
        dl.nn.get_activation(3)
    assert HANGUL.search(str(excinfo.value))


def test_extra_arguments_for_parameterless_activation_are_rejected():
    with pytest.raises(ValueError) as excinfo:
        dl.nn.get_activation("sigmoid", alpha=0.1)
    assert HANGUL.search(str(excinfo.value)) and "alpha" in str(excinfo.value)


@pytest.mark.parametrize("cls", [dl.nn.LeakyReLU, dl.nn.ELU])
@pytest.mark.parametrize("alpha", [-0.1, float("nan"), "0.1"])
def test_bad_alpha_is_rejected(cls, alpha):
    with pytest.raises((ValueError, TypeError)) as excinfo:
        cls(alpha=alpha)
    assert HANGUL.search(str(excinfo.value)) and "alpha" in str(excinfo.value)


def test_activations_have_no_parameters():
    for name, kwargs in CASES:
        act = make(name, kwargs)
        assert act.params == {} and act.grads == {}
