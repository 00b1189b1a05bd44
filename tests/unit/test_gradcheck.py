"""gradcheck 자체의 테스트: 틀린 층을 잡아내는지, 학생이 만든 층에도 쓰이는지, 결과 표.

정답 기울기는 손으로 미분한 식(예: d(x^3)/dx = 3x^2)으로 테스트 안에서 계산합니다.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

import dlcourse as dl

HANGUL = re.compile("[가-힣]")


def assert_korean(excinfo, *fragments):
    message = str(excinfo.value)
    assert HANGUL.search(message), message
    for fragment in fragments:
        assert fragment in message, (fragment, message)


# ---------------------------------------------- 학생이 만든 층 (Layer를 상속하지 않음)


class Scale:
    """y = x * w (열마다 다른 배율 w). dL/dw = sum_n dout * x,  dL/dx = dout * w."""

    def __init__(self, width):
        self.w = np.linspace(0.5, 1.5, width)
        self.dw = np.zeros(width)

    def forward(self, X):
        self.X = X
        return X * self.w

    def backward(self, dout):
        self.dw[:] = (dout * self.X).sum(axis=0)
        return dout * self.w

    @property
    def params(self):
        return {"w": self.w}

    @property
    def grads(self):
        return {"w": self.dw}


class SquareScale(Scale):
    """y = x^2 * w.  dL/dx = dout * 2 x w,  dL/dw = sum_n dout * x^2."""

    def __init__(self, width, forget_two=False):
        super().__init__(width)
        self.forget_two = forget_two

    def forward(self, X):
        self.X = X
        return X**2 * self.w

    def backward(self, dout):
        self.dw[:] = (dout * self.X**2).sum(axis=0)
        factor = 1.0 if self.forget_two else 2.0  # 틀린 구현: 2를 빠뜨림
        return dout * factor * self.X * self.w


class Cube:
    """매개변수가 없는 층: y = x^3,  dL/dx = 3 x^2 dout. params/grads 속성도 없습니다."""

    def __init__(self, factor=3.0):
        self.factor = factor

    def forward(self, X):
        self.X = X
        return X**3

    def backward(self, dout):
        return dout * self.factor * self.X**2


X = np.array([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]])


def test_correct_custom_layer_passes():
    result = dl.nn.gradcheck(SquareScale(3), X)
    assert result.passed
    assert set(result.errors) == {"w", "X"}
    assert result.max_error < 1e-8
    # 결과에는 두 기울기도 들어 있습니다: dL/dX = R * 2 x w (R은 seed로 만든 난수)
    R = np.random.default_rng(0).standard_normal(X.shape)
    np.testing.assert_allclose(result.analytic["X"], R * 2 * X * np.linspace(0.5, 1.5, 3))
    np.testing.assert_allclose(result.numeric["X"], result.analytic["X"], rtol=1e-7)


def test_wrong_custom_layer_is_caught():
    result = dl.nn.gradcheck(SquareScale(3, forget_two=True), X)
    assert result.passed is False
    assert result.errors["X"] > 1e-3
    # 2를 빠뜨리면 ||2g - g|| / ||2g|| = 1/2
    assert result.errors["X"] == pytest.approx(0.5, rel=1e-6)
    assert result.errors["w"] < 1e-7  # w 쪽은 맞게 구현했습니다


def test_layer_without_params_attribute():
    # 학생이 forward/backward 만 쓴 층: 입력 기울기만 확인합니다.
    good = dl.nn.gradcheck(Cube(), X)
    assert good.passed and set(good.errors) == {"X"}
    bad = dl.nn.gradcheck(Cube(factor=2.0), X)
    assert not bad.passed and bad.errors["X"] == pytest.approx(1 / 3, rel=1e-6)


def test_wrong_parameter_gradient_is_caught():
    class ForgetsBatchSum(Scale):
        def backward(self, dout):
            self.dw[:] = (dout * self.X)[0]  # 첫 샘플만 쓰는 실수
            return dout * self.w

    result = dl.nn.gradcheck(ForgetsBatchSum(3), X)
    assert not result.passed and result.errors["w"] > 1e-3 and result.errors["X"] < 1e-8


def test_dense_and_network_gradients_are_checked_including_input():
    net = dl.nn.mlp([3, 4, 2], activation="tanh", seed=0)
    result = dl.nn.gradcheck(net, X)
    assert result.passed
    assert list(result.errors) == ["0.W", "0.b", "2.W", "2.b", "X"]


def test_broken_dense_backward_is_caught():
    class BrokenDense(dl.nn.Dense):
        def backward(self, dout):
            dX = super().backward(dout)
            self.db *= 2.0  # 틀린 편향 기울기
            return dX

    result = dl.nn.gradcheck(BrokenDense(3, 2, rng=0), X)
    assert not result.passed and result.errors["b"] == pytest.approx(0.5, rel=1e-6)
    assert result.errors["W"] < 1e-8


def test_gradcheck_restores_parameters_and_input():
    layer = SquareScale(3)
    w_before = layer.w.copy()
    X_in = X.copy()
    dl.nn.gradcheck(layer, X_in)
    np.testing.assert_array_equal(layer.w, w_before)
    np.testing.assert_array_equal(X_in, X)


def test_seed_changes_the_random_projection_only():
    a = dl.nn.gradcheck(SquareScale(3), X, seed=0)
    b = dl.nn.gradcheck(SquareScale(3), X, seed=1)
    assert not np.allclose(a.analytic["X"], b.analytic["X"])
    assert a.passed and b.passed


# --------------------------------------------------------------- 함수 형태


def test_function_form():
    params = {"a": np.array([1.0, -2.0, 0.5]), "b": np.array([[0.3, -0.4]])}

    def f(p):
        return float(np.sum(p["a"] ** 3) + np.sum(np.sin(p["b"])))

    grads = {"a": 3 * params["a"] ** 2, "b": np.cos(params["b"])}
    result = dl.nn.gradcheck(f, params, grads)
    assert result.passed and set(result.errors) == {"a", "b"}
    wrong = {"a": 2 * params["a"] ** 2, "b": np.cos(params["b"])}
    result = dl.nn.gradcheck(f, params, wrong)
    assert not result.passed and result.errors["a"] > 1e-3 and result.errors["b"] < 1e-8


def test_function_form_key_mismatch():
    params = {"a": np.ones(2)}
    with pytest.raises(ValueError) as excinfo:
        dl.nn.gradcheck(lambda p: float(p["a"].sum()), params, {"b": np.ones(2)})
    assert_korean(excinfo, "'a'", "'b'")


def test_layer_params_grads_key_mismatch():
    class Mismatch(Scale):
        @property
        def grads(self):
            return {"weight": self.dw}

    with pytest.raises(ValueError) as excinfo:
        dl.nn.gradcheck(Mismatch(3), X)
    assert_korean(excinfo, "'w'", "'weight'")


def test_gradient_of_wrong_shape_is_reported():
    class TransposedGrad(Scale):
        @property
        def grads(self):
            return {"w": self.dw.reshape(-1, 1)}

    with pytest.raises(ValueError) as excinfo:
        dl.nn.gradcheck(TransposedGrad(3), X)
    assert_korean(excinfo, "(3, 1)", "(3,)")


def test_loss_form():
    y_hat = np.array([[0.2, -0.3], [1.0, 0.4]])
    y = np.array([[0.0, 1.0], [1.5, 0.0]])
    assert dl.nn.gradcheck(dl.nn.MSE(), y_hat, y).passed

    class DoubleMSE(dl.nn.MSE):
        def backward(self):
            return 2 * super().backward()  # 1/2 관례를 잊은 기울기

    bad = dl.nn.gradcheck(DoubleMSE(), y_hat, y)
    assert not bad.passed and bad.errors["y_hat"] == pytest.approx(0.5, rel=1e-6)


# ---------------------------------------------------------- 잘못된 사용


def test_rejects_float32_parameters():
    d = dl.nn.Dense(3, 2, rng=0)
    d.W = d.W.astype(np.float32)
    with pytest.raises(TypeError) as excinfo:
        dl.nn.gradcheck(d, X)
    assert_korean(excinfo, "float64", "W")


def test_function_form_rejects_float32():
    params = {"a": np.ones(2, dtype=np.float32)}
    with pytest.raises(TypeError) as excinfo:
        dl.nn.gradcheck(lambda p: float(p["a"].sum()), params, {"a": np.ones(2)})
    assert_korean(excinfo, "float32", "float64")


def test_float32_input_is_upcast_not_rejected():
    result = dl.nn.gradcheck(Cube(), X.astype(np.float32))
    assert result.passed


@pytest.mark.parametrize(
    ("target", "args"),
    [
        (Cube(), ()),
        (Cube(), (X, X)),
        (dl.nn.MSE(), (X,)),
        (lambda p: 0.0, ({},)),
    ],
)
def test_wrong_number_of_arguments(target, args):
    with pytest.raises(TypeError) as excinfo:
        dl.nn.gradcheck(target, *args)
    assert_korean(excinfo, "gradcheck(")


def test_unsupported_target():
    with pytest.raises(TypeError) as excinfo:
        dl.nn.gradcheck(42, X)
    assert_korean(excinfo, "42")


# ---------------------------------------------------------------- 결과 표


def test_result_table_is_korean():
    good = dl.nn.gradcheck(SquareScale(3), X)
    text = str(good)
    assert text.startswith("기울기 확인")
    assert "1e-07" in text
    for name in ("w", "X"):
        assert re.search(rf"^\s+{name}\s+상대 오차 \d\.\d\de[-+]\d\d\s+통과$", text, re.M), text
    assert "실패" not in text and "모두 통과했습니다." in text

    bad_text = str(dl.nn.gradcheck(SquareScale(3, forget_two=True), X))
    assert re.search(r"^\s+X\s+상대 오차 5\.00e-01\s+실패$", bad_text, re.M), bad_text
    assert "기준을 넘은 항목이 있습니다." in bad_text


def test_threshold_argument():
    result = dl.nn.gradcheck(SquareScale(3, forget_two=True), X, threshold=0.6)
    assert result.passed and result.threshold == 0.6


def test_zero_true_gradient_counts_as_exact():
    # 출력에 쓰이지 않는 매개변수: 참 기울기도 수치 미분도 0이므로 오차 0으로 봅니다.
    class Unused(Scale):
        def __init__(self, width):
            super().__init__(width)
            self.u = np.ones(2)

        @property
        def params(self):
            return {"w": self.w, "u": self.u}

        @property
        def grads(self):
            return {"w": self.dw, "u": np.zeros(2)}

    result = dl.nn.gradcheck(Unused(3), X)
    assert result.errors["u"] == 0.0 and result.passed


# ------------------------------------------------ numerical_gradient, relative_error


def test_numerical_gradient_of_cubic():
    x = np.array([[0.3, -1.1], [2.0, 0.7]])
    original = x.copy()
    g = dl.nn.numerical_gradient(lambda: float(np.sum(x**3)), x)
    np.testing.assert_allclose(g, 3 * original**2, rtol=1e-8)
    np.testing.assert_array_equal(x, original)  # 원래 값으로 돌아옵니다


@pytest.mark.parametrize("layout", ["fortran", "transposed_view", "strided_view"])
def test_numerical_gradient_on_non_contiguous_arrays(layout):
    # 이전 구현은 x.reshape(-1) 에 값을 썼는데, 비연속 배열에서는 그것이 복사본이라
    # 기울기가 모두 0으로 나왔습니다.
    base = np.arange(1.0, 13.0).reshape(3, 4)
    if layout == "fortran":
        x = np.asfortranarray(base)
    elif layout == "transposed_view":
        x = base.T
    else:
        x = base[:, ::2]
    assert not x.flags.c_contiguous
    expected = 2 * x.copy()
    g = dl.nn.numerical_gradient(lambda: float(np.sum(x**2)), x)
    np.testing.assert_allclose(g, expected, rtol=1e-8)


def test_numerical_gradient_rejects_float32():
    with pytest.raises(TypeError) as excinfo:
        dl.nn.numerical_gradient(lambda: 0.0, np.ones(2, dtype=np.float32))
    assert_korean(excinfo, "float32")


def test_relative_error_values():
    assert dl.nn.relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert dl.nn.relative_error(np.array([3.0, 4.0]), np.array([3.0, 4.0])) == 0.0
    # ||(1,0) - (0,1)|| / max(1, 1) = sqrt(2)
    assert dl.nn.relative_error(np.array([1.0, 0.0]), np.array([0.0, 1.0])) == pytest.approx(
        np.sqrt(2)
    )
    # ||(2,0) - (1,0)|| / 2 = 0.5, 순서와 상관없음
    assert dl.nn.relative_error(np.array([2.0, 0.0]), np.array([1.0, 0.0])) == 0.5
    assert dl.nn.relative_error(np.array([1.0, 0.0]), np.array([2.0, 0.0])) == 0.5


def test_relative_error_shape_mismatch():
    with pytest.raises(ValueError) as excinfo:
        dl.nn.relative_error(np.zeros((2, 3)), np.zeros((3, 2)))
    assert_korean(excinfo, "(2, 3)", "(3, 2)")
