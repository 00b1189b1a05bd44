"""손실 함수 테스트: 손으로 계산한 값, 기울기 확인, 레이블 형식, 극단값, 잘못된 입력.

기대값은 모두 테스트 안에서 손으로 (또는 numpy로 식을 따로 써서) 계산합니다.
"""

from __future__ import annotations

import contextlib
import math
import re
import warnings

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import dlcourse as dl

HANGUL = re.compile("[가-힣]")


def assert_korean(excinfo, *fragments):
    message = str(excinfo.value)
    assert HANGUL.search(message), message
    for fragment in fragments:
        assert fragment in message, (fragment, message)


def values(low, high):
    """0 이거나 low <= |x| <= high 인 실수.

    y_hat = 0, y = 1e-51 처럼 기울기가 h = 1e-6 의 반올림 아래로 사라지는 값은
    중앙 차분으로 잴 수 없으므로 (L(±h) 계산에서 y가 그냥 지워집니다) 피합니다.
    """
    magnitude = st.floats(low, high)
    return st.one_of(st.just(0.0), magnitude, magnitude.map(lambda v: -v))


def assume_measurable(loss, y_hat, y, result, h=1e-6):
    """기울기가 손실 값의 반올림 오차에 비해 너무 작아 중앙 차분으로 잴 수 없는 예제를 건너뜁니다.

    L의 반올림 오차가 delta 이면 수치 미분 한 원소의 오차는 약 delta / h 입니다.
    MSE는 delta = eps |L| 이지만, 교차 엔트로피는 log(sum e^z) 처럼 크기 1 안팎의 값에서
    L을 얻으므로 L이 작아도 delta = eps (|L| + 1) 입니다. 예: 로짓 [9, 0], 정답 0 이면
    L = 1.2e-4, dL/dz = ±1.2e-4 라서 상대 오차가 5e-7 쯤 됩니다. 또 부드러운 정답이
    softmax(z) 와 거의 같으면 dL/dz = p - y 는 거의 0인데 L은 엔트로피(약 log C) 입니다.
    참 기울기가 모두 정확히 0인 경우(y_hat = y)는 비율 자체가 뜻이 없습니다.
    여유를 두어, 예상 상대 오차가 1e-8 (기준의 1/10) 을 넘는 예제는 건너뜁니다.
    """
    value = abs(loss.forward(y_hat, y))
    delta = np.finfo(np.float64).eps * (value if isinstance(loss, dl.nn.MSE) else value + 1.0)
    g = result.analytic["y_hat"]
    norm = np.linalg.norm(g)
    assume(norm > 0 and delta / h * np.sqrt(g.size) / norm < 1e-8)


@contextlib.contextmanager
def no_warnings():
    """이 블록 안에서 경고(overflow, log(0) 등)가 나면 실패합니다."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


# -------------------------------------------------------------------- MSE


def test_mse_hand_values():
    loss = dl.nn.MSE()
    # 1/2 * (1^2 + 2^2) = 2.5, 배치 1개
    assert loss.forward(np.array([[1.0, 2.0]]), np.array([[0.0, 0.0]])) == 2.5
    np.testing.assert_array_equal(loss.backward(), [[1.0, 2.0]])
    # 배치 2개: (1/2 * 5 + 1/2 * 1) / 2 = 1.5,  기울기 = (y_hat - y) / 2
    y_hat = np.array([[1.0, 2.0], [0.0, 1.0]])
    assert loss.forward(y_hat, np.zeros((2, 2))) == 1.5
    np.testing.assert_array_equal(loss.backward(), y_hat / 2)
    # y_hat = y 이면 0
    assert loss(y_hat, y_hat.copy()) == 0.0
    assert repr(loss) == "MSE()"


def test_mse_column_and_flat_targets_agree():
    y_hat = np.array([[0.5], [2.0], [-1.0]])
    flat = np.array([1.0, 1.0, 1.0])
    loss = dl.nn.MSE()
    a = loss.forward(y_hat, flat)
    ga = loss.backward()
    b = loss.forward(y_hat, flat.reshape(-1, 1))
    gb = loss.backward()
    assert a == b == pytest.approx((0.25 + 1.0 + 4.0) / 2 / 3, rel=1e-15)
    assert ga.shape == (3, 1)
    np.testing.assert_array_equal(ga, gb)


def test_mse_shape_mismatch():
    with pytest.raises(ValueError) as excinfo:
        dl.nn.MSE().forward(np.zeros((3, 2)), np.zeros(3))
    assert_korean(excinfo, "(3, 2)", "(3,)")
    with pytest.raises(ValueError):
        dl.nn.MSE().forward(np.zeros((3, 1)), np.zeros(4))


@given(
    shape=hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=5),
    data=st.data(),
)
def test_mse_gradcheck(shape, data):
    y_hat = data.draw(hnp.arrays(np.float64, shape, elements=values(1e-3, 10)))
    y = data.draw(hnp.arrays(np.float64, shape, elements=values(1e-3, 10)))
    result = dl.nn.gradcheck(dl.nn.MSE(), y_hat, y)
    assume_measurable(dl.nn.MSE(), y_hat, y, result)
    assert result.max_error < 1e-7, str(result)


# ------------------------------------------------------ SoftmaxCrossEntropy


@given(
    n=st.integers(1, 6),
    c=st.integers(1, 8),
    level=st.floats(-1000, 1000),
    data=st.data(),
)
def test_cross_entropy_of_uniform_logits_is_log_c(n, c, level, data):
    labels = data.draw(hnp.arrays(np.int64, n, elements=st.integers(0, c - 1)))
    loss = dl.nn.SoftmaxCrossEntropy()
    value = loss.forward(np.full((n, c), level), labels)
    assert value == pytest.approx(math.log(c), abs=1e-12)
    expected = np.full((n, c), 1.0 / c)
    expected[np.arange(n), labels] -= 1.0
    np.testing.assert_allclose(loss.backward(), expected / n, atol=1e-15)


def test_cross_entropy_hand_value():
    # 로짓 log([1, 2, 3]) -> 확률 [1/6, 2/6, 3/6]
    logits = np.log(np.array([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]]))
    loss = dl.nn.SoftmaxCrossEntropy()
    value = loss.forward(logits, np.array([2, 0]))
    assert value == pytest.approx((math.log(2) + math.log(6)) / 2, rel=1e-14)
    expected = np.array([[1 / 6, 2 / 6, 3 / 6 - 1], [1 / 6 - 1, 2 / 6, 3 / 6]]) / 2
    np.testing.assert_allclose(loss.backward(), expected, rtol=1e-14, atol=1e-16)
    np.testing.assert_allclose(dl.nn.softmax(logits), [[1 / 6, 2 / 6, 3 / 6]] * 2, rtol=1e-14)


@given(n=st.integers(1, 5), c=st.integers(2, 6), data=st.data())
def test_one_hot_and_integer_labels_agree(n, c, data):
    logits = data.draw(hnp.arrays(np.float64, (n, c), elements=st.floats(-20, 20)))
    labels = data.draw(hnp.arrays(np.int64, n, elements=st.integers(0, c - 1)))
    onehot = np.eye(c)[labels]
    loss = dl.nn.SoftmaxCrossEntropy()
    a = loss.forward(logits, labels)
    ga = loss.backward()
    b = loss.forward(logits, onehot)
    gb = loss.backward()
    assert a == pytest.approx(b, rel=1e-14, abs=1e-14)
    np.testing.assert_allclose(ga, gb, rtol=1e-14, atol=1e-17)
    # 독립 계산: -mean(z_y - log sum exp z)
    m = logits.max(axis=1, keepdims=True)
    lse = (m + np.log(np.exp(logits - m).sum(axis=1, keepdims=True)))[:, 0]
    assert a == pytest.approx(np.mean(lse - logits[np.arange(n), labels]), rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("label_dtype", [np.int64, np.int32, np.uint8])
def test_integer_label_dtypes(label_dtype):
    logits = np.array([[2.0, 0.0], [0.0, 2.0]])
    value = dl.nn.SoftmaxCrossEntropy().forward(logits, np.array([0, 1], dtype=label_dtype))
    assert value == pytest.approx(math.log(1 + math.exp(-2)), rel=1e-14)
    assert dl.nn.SoftmaxCrossEntropy().forward(logits, [0, 1]) == pytest.approx(value)


@given(n=st.integers(1, 4), c=st.integers(2, 5), data=st.data())
def test_cross_entropy_gradcheck(n, c, data):
    # 아주 확신하는 로짓(|z| ~ 10)은 기울기가 L의 반올림보다 작아져 잴 수 없으므로
    # 보통 범위에서 확인하고, 극단값은 test_cross_entropy_extreme_logits 가 맡습니다.
    logits = data.draw(hnp.arrays(np.float64, (n, c), elements=st.floats(-5, 5)))
    labels = data.draw(hnp.arrays(np.int64, n, elements=st.integers(0, c - 1)))
    result = dl.nn.gradcheck(dl.nn.SoftmaxCrossEntropy(), logits, labels)
    assume_measurable(dl.nn.SoftmaxCrossEntropy(), logits, labels, result)
    assert result.max_error < 1e-7, str(result)


@given(n=st.integers(1, 4), c=st.integers(2, 5), data=st.data())
def test_cross_entropy_gradcheck_soft_targets(n, c, data):
    # 부드러운(soft) 정답 (행마다 합이 1인 확률) 도 같은 식 dL/dz = (p - y) / N 을 따릅니다.
    logits = data.draw(hnp.arrays(np.float64, (n, c), elements=st.floats(-5, 5)))
    soft = data.draw(hnp.arrays(np.float64, (n, c), elements=st.floats(0.01, 1)))
    soft /= soft.sum(axis=1, keepdims=True)
    result = dl.nn.gradcheck(dl.nn.SoftmaxCrossEntropy(), logits, soft)
    assume_measurable(dl.nn.SoftmaxCrossEntropy(), logits, soft, result)
    assert result.max_error < 1e-7, str(result)


def test_cross_entropy_extreme_logits():
    logits = np.array([[1000.0, -1000.0], [-1000.0, 1000.0], [1e6, -1e6]])
    loss = dl.nn.SoftmaxCrossEntropy()
    with no_warnings():
        value = loss.forward(logits, np.array([0, 0, 1]))
        grad = loss.backward()
        p = dl.nn.softmax(logits)
    # 정답 확률이 1이면 0, 틀린 쪽에 2000 차이면 -log p = 2000, 2e6 차이면 2e6
    assert value == pytest.approx((0.0 + 2000.0 + 2e6) / 3, rel=1e-15)
    assert np.all(np.isfinite(grad))
    np.testing.assert_allclose(grad, [[0, 0], [-1 / 3, 1 / 3], [1 / 3, -1 / 3]], atol=1e-16)
    np.testing.assert_allclose(p, [[1, 0], [0, 1], [1, 0]], atol=0)


@given(
    logits=hnp.arrays(
        np.float64,
        hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=5),
        elements=st.floats(-1e4, 1e4),
    ),
    shift=st.floats(-1e3, 1e3),
)
def test_softmax_rows_sum_to_one_and_ignore_shifts(logits, shift):
    p = dl.nn.softmax(logits)
    assert np.all(p >= 0) and np.all(p <= 1)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-13)
    np.testing.assert_allclose(dl.nn.softmax(logits + shift), p, atol=1e-12)


@pytest.mark.parametrize(
    ("labels", "fragments"),
    [
        (np.array([0, 3]), ["0", "2", "3"]),  # 클래스 수(3) 이상
        (np.array([-1, 0]), ["-1"]),  # 음수
        (np.array([0.0, 1.0]), ["float64"]),  # 실수 레이블
        (np.array([True, False]), ["bool"]),  # bool은 인덱스가 아니라 마스크로 읽히므로 거부
        (np.array([0, 1, 2]), ["(3,)", "2"]),  # 길이가 다름
        (np.zeros((2, 2)), ["(2, 2)", "(2, 3)"]),  # 원-핫 모양이 다름
        (np.array([[0], [1]]), ["(2, 1)", "ravel"]),  # (N, 1) 정수 레이블 -> 펴라는 안내
    ],
)
def test_bad_labels_raise_korean_errors(labels, fragments):
    logits = np.zeros((2, 3))
    with pytest.raises(ValueError) as excinfo:
        dl.nn.SoftmaxCrossEntropy().forward(logits, labels)
    assert_korean(excinfo, *fragments)


def test_cross_entropy_needs_two_dimensional_logits():
    with pytest.raises(ValueError) as excinfo:
        dl.nn.SoftmaxCrossEntropy().forward(np.zeros(3), np.array([0, 1, 2]))
    assert_korean(excinfo, "(3,)")


# ----------------------------------------------------- BinaryCrossEntropy


def test_bce_hand_values():
    loss = dl.nn.BinaryCrossEntropy()
    assert loss.forward(np.array([[0.8]]), np.array([[1.0]])) == pytest.approx(
        -math.log(0.8), rel=1e-15
    )
    # dL/dp = (p - y) / (p (1 - p)) = -0.2 / 0.16 = -1.25
    np.testing.assert_allclose(loss.backward(), [[-1.25]], rtol=1e-14)
    p = np.array([[0.25], [0.5]])
    value = loss.forward(p, np.array([[0.0], [1.0]]))
    assert value == pytest.approx((-math.log(0.75) - math.log(0.5)) / 2, rel=1e-15)
    np.testing.assert_allclose(
        loss.backward(), [[0.25 / (0.25 * 0.75) / 2], [-0.5 / 0.25 / 2]], rtol=1e-14
    )


@given(
    shape=hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=4),
    data=st.data(),
)
def test_bce_matches_formula(shape, data):
    p = data.draw(hnp.arrays(np.float64, shape, elements=st.floats(1e-6, 1 - 1e-6)))
    y = data.draw(hnp.arrays(np.float64, shape, elements=st.floats(0, 1)))
    value = dl.nn.BinaryCrossEntropy().forward(p, y)
    expected = -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) / shape[0]
    assert value == pytest.approx(expected, rel=1e-12, abs=1e-12)


def test_bce_column_and_flat_targets_agree():
    p = np.array([[0.9], [0.2], [0.6]])
    loss = dl.nn.BinaryCrossEntropy()
    a = loss.forward(p, np.array([1, 0, 1]))
    ga = loss.backward()
    b = loss.forward(p, np.array([[1], [0], [1]]))
    gb = loss.backward()
    assert a == b == pytest.approx(-(math.log(0.9) + math.log(0.8) + math.log(0.6)) / 3)
    np.testing.assert_array_equal(ga, gb)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_bce_is_finite_at_probabilities_zero_and_one(dtype):
    p = np.array([[0.0], [1.0], [0.0], [1.0]], dtype=dtype)
    loss = dl.nn.BinaryCrossEntropy()
    with no_warnings():
        right = loss.forward(p, np.array([0, 1, 0, 1]))
        g_right = loss.backward()
        wrong = loss.forward(p, np.array([1, 0, 1, 0]))
        g_wrong = loss.backward()
    for v in (right, wrong):
        assert math.isfinite(v)
    assert np.all(np.isfinite(g_right)) and np.all(np.isfinite(g_wrong))
    # 맞힌 경우 손실은 거의 0, 완전히 틀린 경우는 잘린 값 -log(eps) 근처로 큽니다.
    eps = max(1e-12, float(np.finfo(dtype).epsneg))
    assert 0 <= right < 1e-6
    assert wrong == pytest.approx(-math.log(eps), rel=1e-3)


def test_bce_gradient_is_zero_where_clipped():
    # 문서대로: 자른 곳에서는 손실이 변하지 않으므로 기울기가 0입니다.
    loss = dl.nn.BinaryCrossEntropy()
    loss.forward(np.array([[0.0], [0.5]]), np.array([[1.0], [1.0]]))
    g = loss.backward()
    assert g[0, 0] == 0.0 and g[1, 0] == pytest.approx(-0.5 / 0.25 / 2)


@given(
    shape=hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=4),
    data=st.data(),
)
def test_bce_gradcheck(shape, data):
    p = data.draw(hnp.arrays(np.float64, shape, elements=st.floats(0.01, 0.99)))
    y = data.draw(hnp.arrays(np.float64, shape, elements=st.sampled_from([0.0, 1.0, 0.3])))
    result = dl.nn.gradcheck(dl.nn.BinaryCrossEntropy(), p, y)
    assume_measurable(dl.nn.BinaryCrossEntropy(), p, y, result)
    assert result.max_error < 1e-7, str(result)


def test_bce_shape_mismatch():
    with pytest.raises(ValueError) as excinfo:
        dl.nn.BinaryCrossEntropy().forward(np.full((2, 2), 0.5), np.zeros(2))
    assert_korean(excinfo, "(2, 2)", "(2,)")


def test_sigmoid_then_bce_gradient_is_p_minus_y():
    # 연쇄 법칙 확인: 시그모이드 뒤 BCE 의 dL/dz = (sigmoid(z) - y) / N
    z = np.array([[-2.0], [0.5], [3.0]])
    y = np.array([[0.0], [1.0], [1.0]])
    s = dl.nn.Sigmoid()
    loss = dl.nn.BinaryCrossEntropy()
    loss.forward(s.forward(z), y)
    dz = s.backward(loss.backward())
    np.testing.assert_allclose(dz, (1 / (1 + np.exp(-z)) - y) / 3, rtol=1e-12)


def test_losses_are_plain_floats():
    for loss, y_hat, y in [
        (dl.nn.MSE(), np.zeros((2, 1)), np.ones(2)),
        (dl.nn.SoftmaxCrossEntropy(), np.zeros((2, 3)), np.array([0, 2])),
        (dl.nn.BinaryCrossEntropy(), np.full((2, 1), 0.5), np.ones(2)),
    ]:
        value = loss(y_hat, y)
        assert type(value) is float
        assert loss.backward().shape == y_hat.shape
