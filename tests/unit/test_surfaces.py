"""dlcourse.surfaces: 2차원 목적 함수, 기울기, descend.

오라클(oracle): 중앙 차분, torch autograd로 따로 적은 식, 손으로 푼 값,
1강 강의안(syllabus)에 적힌 숫자, 선형 반복 x(t) = (I − ηH)^t x(0)의 닫힌 꼴.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dlcourse as dl
from dlcourse import surfaces

HANGUL = re.compile(r"[가-힣]")
ALL_SURFACES = [surfaces.get(name) for name in surfaces.NAMES]
SURFACE_IDS = list(surfaces.NAMES)
QUADRATIC_HESSIAN = np.array([[2.0, -1.0], [-1.0, 4.0]])


# ---------------------------------------------------------------- 도우미 (오라클)
def central_difference(surface, x, h=1e-6):
    """∂J/∂xᵢ ≈ (J(x + h eᵢ) − J(x − h eᵢ)) / 2h."""
    grad = np.zeros(2)
    for i in range(2):
        step = np.zeros(2)
        step[i] = h
        grad[i] = (surface.value(x + step) - surface.value(x - step)) / (2 * h)
    return grad


def numerical_hessian(surface, x, h=1e-5):
    """해석적 기울기의 중앙 차분으로 헤세 행렬을 구하고 대칭으로 맞춥니다."""
    hessian = np.zeros((2, 2))
    for i in range(2):
        step = np.zeros(2)
        step[i] = h
        hessian[:, i] = (surface.gradient(x + step) - surface.gradient(x - step)) / (2 * h)
    return (hessian + hessian.T) / 2


def newton_critical_point(surface, x, iterations=60):
    """∇J = 0 인 점을 뉴턴 방법으로 찾습니다 (수렴하지 않으면 None)."""
    x = np.array(x, dtype=np.float64)
    for _ in range(iterations):
        hessian = numerical_hessian(surface, x)
        if abs(np.linalg.det(hessian)) < 1e-12:
            return None
        x = x - np.linalg.solve(hessian, surface.gradient(x))
        if not np.isfinite(x).all() or np.abs(x).max() > 100:
            return None
    if np.linalg.norm(surface.gradient(x)) > 1e-11:
        return None
    return x


def in_window(surface, x):
    (x_low, x_high), (y_low, y_high) = surface.window
    return x_low <= x[0] <= x_high and y_low <= x[1] <= y_high


def points_in_window(surface):
    (x_low, x_high), (y_low, y_high) = surface.window
    return st.tuples(
        st.floats(x_low, x_high, allow_nan=False, allow_infinity=False),
        st.floats(y_low, y_high, allow_nan=False, allow_infinity=False),
    ).map(np.array)


class StandInGradientDescent:
    """테스트 전용 옵티마이저: x ← x − η g (update(params, grads) 약속만 지킵니다)."""

    def __init__(self, learning_rate):
        self.learning_rate = learning_rate

    def update(self, params, grads):
        for key in params:
            params[key] -= self.learning_rate * grads[key]


class StandInMomentum:
    """테스트 전용 모멘텀 (Keras 꼴): v ← μv − η g, x ← x + v."""

    def __init__(self, learning_rate, momentum):
        self.learning_rate = learning_rate
        self.momentum = momentum
        self.velocity = {}

    def update(self, params, grads):
        for key in params:
            v = self.velocity.get(key, np.zeros_like(params[key]))
            v = self.momentum * v - self.learning_rate * grads[key]
            self.velocity[key] = v
            params[key] += v


# ---------------------------------------------------------------- 기울기
@pytest.mark.parametrize("surface", ALL_SURFACES, ids=SURFACE_IDS)
def test_gradient_matches_central_difference(surface):
    @settings(max_examples=60, deadline=None)
    @given(points_in_window(surface))
    def check(x):
        analytic = surface.gradient(x)
        numeric = central_difference(surface, x)
        # 상대 오차; 기울기가 1보다 작은 곳에서는 절대 오차로 봅니다.
        scale = max(np.linalg.norm(analytic), np.linalg.norm(numeric), 1.0)
        assert np.linalg.norm(analytic - numeric) / scale < 1e-7

    check()


def _torch_formulas():
    torch = pytest.importorskip("torch")

    def multi_minima(x1, x2):
        value = (x1**2 + x2**2) / 20
        for (c1, c2), a in [((2.0, 1.0), 2.0), ((-2.0, 1.5), 1.4), ((0.5, -2.0), 1.0)]:
            value = value - a * torch.exp(-((x1 - c1) ** 2 + (x2 - c2) ** 2) / 2)
        return value

    return torch, {
        "quadratic": lambda x1, x2: x1**2 + 2 * x2**2 - x1 * x2,
        "elongated_bowl": lambda x1, x2: x1**2 / 20 + x2**2,
        "rosenbrock": lambda x1, x2: (1 - x1) ** 2 + 100 * (x2 - x1**2) ** 2,
        "saddle": lambda x1, x2: x1**2 - x2**2,
        "multi_minima": multi_minima,
    }


@pytest.mark.parametrize("name", SURFACE_IDS)
def test_value_and_gradient_match_torch_autograd(name):
    torch, formulas = _torch_formulas()
    surface = surfaces.get(name)
    rng = np.random.default_rng(7)
    (x_low, x_high), (y_low, y_high) = surface.window
    points = np.column_stack([rng.uniform(x_low, x_high, 50), rng.uniform(y_low, y_high, 50)])
    x = torch.tensor(points, dtype=torch.float64, requires_grad=True)
    values = formulas[name](x[:, 0], x[:, 1])
    values.sum().backward()
    np.testing.assert_allclose(
        surface.value(points), values.detach().numpy(), rtol=1e-13, atol=1e-13
    )
    np.testing.assert_allclose(surface.gradient(points), x.grad.numpy(), rtol=1e-12, atol=1e-12)


def test_hand_computed_values():
    assert surfaces.QUADRATIC.value([-5, 4]) == 25 + 32 + 20
    np.testing.assert_array_equal(surfaces.QUADRATIC.gradient([-5, 4]), [-14, 21])
    assert surfaces.ELONGATED_BOWL.value([-7, 2]) == pytest.approx(49 / 20 + 4)
    assert surfaces.ROSENBROCK.value([0, 0]) == 1.0
    assert surfaces.ROSENBROCK.value([-1, 2]) == 4 + 100
    assert surfaces.SADDLE.value([3, 2]) == 5.0
    # 우물에서 아주 먼 곳에서는 그릇 ‖x‖²/20 만 남습니다.
    assert surfaces.MULTI_MINIMA.value([40, 0]) == pytest.approx(80.0, abs=1e-12)


@pytest.mark.parametrize("surface", ALL_SURFACES, ids=SURFACE_IDS)
def test_vectorised_value_and_gradient_equal_pointwise(surface):
    X, Y, Z = surface.grid(n=7)
    assert X.shape == Y.shape == Z.shape == (7, 7)
    (x_low, x_high), (y_low, y_high) = surface.window
    assert X[0, 0] == x_low and X[0, -1] == x_high
    assert Y[0, 0] == y_low and Y[-1, 0] == y_high
    stacked = np.stack([X, Y], axis=-1)
    values = surface.value(stacked)
    gradients = surface.gradient(stacked)
    assert values.shape == (7, 7)
    assert gradients.shape == (7, 7, 2)
    for i in range(7):
        for j in range(7):
            point = np.array([X[i, j], Y[i, j]])
            assert values[i, j] == surface.value(point)
            assert Z[i, j] == surface.value(point)
            np.testing.assert_array_equal(gradients[i, j], surface.gradient(point))


def test_single_point_gives_float_and_float32_is_kept():
    assert isinstance(surfaces.QUADRATIC.value([1.0, 2.0]), float)
    grad = surfaces.ROSENBROCK.gradient(np.array([[0.5, 0.5]], dtype=np.float32))
    assert grad.dtype == np.float32 and grad.shape == (1, 2)
    np.testing.assert_allclose(grad[0], surfaces.ROSENBROCK.gradient([0.5, 0.5]), rtol=1e-6)


# ---------------------------------------------------------------- 최솟값, 안장점
@pytest.mark.parametrize("surface", ALL_SURFACES, ids=SURFACE_IDS)
def test_listed_minima_are_minima(surface):
    for minimum in surface.minima:
        assert np.linalg.norm(surface.gradient(minimum)) < 1e-9
        assert np.linalg.eigvalsh(numerical_hessian(surface, minimum)).min() > 0
        assert in_window(surface, minimum)
    assert in_window(surface, surface.default_start)


@pytest.mark.parametrize("surface", ALL_SURFACES, ids=SURFACE_IDS)
def test_listed_saddle_points_are_saddles(surface):
    for point in surface.saddle_points:
        assert np.linalg.norm(surface.gradient(point)) < 1e-9
        eigenvalues = np.linalg.eigvalsh(numerical_hessian(surface, point))
        assert eigenvalues.min() < 0 < eigenvalues.max()


def test_rosenbrock_minimum_is_zero_at_one_one():
    np.testing.assert_array_equal(surfaces.ROSENBROCK.minima[0], [1.0, 1.0])
    assert surfaces.ROSENBROCK.value([1.0, 1.0]) == 0.0
    np.testing.assert_array_equal(surfaces.ROSENBROCK.gradient([1.0, 1.0]), [0.0, 0.0])


def test_rosenbrock_parameters_move_the_minimum():
    surface = surfaces.Rosenbrock(a=2.0, b=10.0)
    assert surface.value([2.0, 4.0]) == 0.0
    np.testing.assert_array_equal(surface.minima[0], [2.0, 4.0])
    assert surface.value([0.0, 0.0]) == 4.0
    assert "10" in surface.title
    assert in_window(surface, surface.minima[0]) and in_window(surface, surface.default_start)


def test_saddle_origin_has_zero_gradient_but_is_not_a_minimum():
    origin = np.zeros(2)
    np.testing.assert_array_equal(surfaces.SADDLE.gradient(origin), [0.0, 0.0])
    eigenvalues = np.linalg.eigvalsh(numerical_hessian(surfaces.SADDLE, origin))
    np.testing.assert_allclose(sorted(eigenvalues), [-2.0, 2.0], atol=1e-8)
    assert surfaces.SADDLE.minima == []
    assert surfaces.SADDLE.value([0.0, 0.1]) < surfaces.SADDLE.value(origin)


def test_multi_minima_lists_every_critical_point_in_its_window():
    """격자의 여러 시작점에서 뉴턴 방법을 돌려 찾은 임계점이 목록과 꼭 같은지 봅니다."""
    surface = surfaces.MULTI_MINIMA
    found = []
    (x_low, x_high), (y_low, y_high) = surface.window
    for x0 in np.linspace(x_low, x_high, 13):
        for y0 in np.linspace(y_low, y_high, 13):
            point = newton_critical_point(surface, [x0, y0])
            if point is None or not in_window(surface, point):
                continue
            if not any(np.linalg.norm(point - other) < 1e-6 for other in found):
                found.append(point)
    minima, saddles, maxima = [], [], []
    for point in found:
        eigenvalues = np.linalg.eigvalsh(numerical_hessian(surface, point))
        if eigenvalues.min() > 0:
            minima.append(point)
        elif eigenvalues.max() < 0:
            maxima.append(point)
        else:
            saddles.append(point)

    def same_set(a, b):
        return len(a) == len(b) and all(min(np.linalg.norm(p - q) for q in b) < 1e-9 for p in a)

    assert same_set(minima, surface.minima)
    assert same_set(saddles, surface.saddle_points)
    assert maxima == []
    # 깊이가 서로 다른 최솟값: 전역 최솟값 하나, 나머지는 지역 최솟값
    values = sorted(surface.value(m) for m in surface.minima)
    assert len(values) == 3 and np.diff(values).min() > 0.2
    assert surface.value(surface.global_minimum) == values[0]


def test_multi_minima_default_start_traps_plain_descent_but_momentum_escapes():
    surface = surfaces.MULTI_MINIMA
    local = min(surface.minima, key=lambda m: np.linalg.norm(m - surface.default_start))
    assert surface.value(local) > surface.value(surface.global_minimum)
    plain = surfaces.descend(surface, learning_rate=0.1, steps=300)
    np.testing.assert_allclose(plain.final, local, atol=1e-4)
    rolling = surfaces.descend(surface, StandInMomentum(0.1, 0.9), steps=300)
    np.testing.assert_allclose(rolling.final, surface.global_minimum, atol=1e-3)


# ---------------------------------------------------------------- descend: 1강의 숫자
def test_lesson_one_table_with_learning_rate_0_1():
    result = surfaces.descend("quadratic", learning_rate=0.1, start=[-5, 4], steps=30)
    rows = surfaces.gd_table(result)
    assert rows == result.table()
    assert len(rows) == 31 and [row[0] for row in rows] == list(range(31))
    expected = [  # (x₁, x₂, ∂J/∂x₁, ∂J/∂x₂) 강의안의 숫자
        (-5.0, 4.0, -14.0, 21.0),
        (-3.6, 1.9, -9.1, 11.2),
        (-2.69, 0.78, -6.16, 5.81),
    ]
    for row, numbers in zip(rows[:3], expected, strict=True):
        np.testing.assert_allclose(row[1:], numbers, rtol=0, atol=1e-12)
    x30 = result.final
    assert abs(x30[0] - (-0.0161)) < 0.00005
    assert abs(x30[1] - (-0.00665)) < 0.000005
    assert not result.diverged and result.message is None and result.diverged_at is None


@pytest.mark.parametrize(
    ("learning_rate", "printed", "half_unit"),
    [(0.01, (-2.32, 0.606), (0.005, 0.0005)), (0.5, (-608.0, 1468.0), (0.5, 0.5))],
)
def test_lesson_one_other_learning_rates(learning_rate, printed, half_unit):
    result = surfaces.descend("quadratic", learning_rate=learning_rate, steps=30)
    assert not result.diverged and result.steps_done == 30
    assert abs(result.final[0] - printed[0]) < half_unit[0]
    assert abs(result.final[1] - printed[1]) < half_unit[1]


@pytest.mark.parametrize("learning_rate", [0.01, 0.1, 0.3, 0.5])
def test_quadratic_path_matches_closed_form(learning_rate):
    """J가 이차식이므로 x(t) = (I − ηH)^t x(0) 입니다."""
    result = surfaces.descend("quadratic", learning_rate=learning_rate, steps=30)
    step_matrix = np.eye(2) - learning_rate * QUADRATIC_HESSIAN
    start = np.array([-5.0, 4.0])
    for t in range(31):
        expected = np.linalg.matrix_power(step_matrix, t) @ start
        np.testing.assert_allclose(result.path[t], expected, rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(
            result.gradients[t], QUADRATIC_HESSIAN @ expected, rtol=1e-10, atol=1e-12
        )
        assert result.values[t] == pytest.approx(
            0.5 * expected @ QUADRATIC_HESSIAN @ expected, rel=1e-10, abs=1e-14
        )


def test_optimizer_objects_follow_the_same_contract():
    shorthand = surfaces.descend("elongated_bowl", learning_rate=0.9, steps=40)
    stand_in = surfaces.descend("elongated_bowl", StandInGradientDescent(0.9), steps=40)
    np.testing.assert_array_equal(shorthand.path, stand_in.path)
    # 모멘텀 (Keras 꼴)을 손으로 적은 반복과 비교
    x, v = np.array([-7.0, 2.0]), np.zeros(2)
    result = surfaces.descend("elongated_bowl", StandInMomentum(0.1, 0.9), steps=20)
    for t in range(1, 21):
        v = 0.9 * v - 0.1 * np.array([x[0] / 10, 2 * x[1]])
        x = x + v
        np.testing.assert_allclose(result.path[t], x, rtol=1e-13, atol=1e-15)


def test_descend_with_dlcourse_optimizers():
    optim = pytest.importorskip("dlcourse.optim")
    result = surfaces.descend("quadratic", optim.SGD(learning_rate=0.1), steps=30)
    reference = surfaces.descend("quadratic", learning_rate=0.1, steps=30)
    np.testing.assert_allclose(result.path, reference.path, rtol=1e-14, atol=1e-15)
    rolling = surfaces.descend(
        "multi_minima", optim.SGD(learning_rate=0.1, momentum=0.9), steps=300
    )
    hand = surfaces.descend("multi_minima", StandInMomentum(0.1, 0.9), steps=300)
    np.testing.assert_allclose(rolling.path, hand.path, rtol=1e-10, atol=1e-12)
    adam = surfaces.descend("rosenbrock", optim.Adam(learning_rate=0.05), steps=50)
    assert not adam.diverged and adam.values[-1] < adam.values[0]


def test_descend_keeps_inputs_and_defaults_untouched():
    start = np.array([-5.0, 4.0])
    surfaces.descend("quadratic", learning_rate=0.1, start=start)
    np.testing.assert_array_equal(start, [-5.0, 4.0])
    surfaces.descend("quadratic", learning_rate=0.1)
    np.testing.assert_array_equal(surfaces.QUADRATIC.default_start, [-5.0, 4.0])
    with pytest.raises(ValueError):
        surfaces.QUADRATIC.default_start[0] = 1.0


def test_zero_steps_records_only_the_start():
    result = surfaces.descend("rosenbrock", learning_rate=1e-3, steps=0)
    assert result.path.shape == (1, 2) and result.values.shape == (1,)
    np.testing.assert_array_equal(result.path[0], surfaces.ROSENBROCK.default_start)


def test_float32_start_stays_float32():
    result = surfaces.descend(
        "quadratic", learning_rate=0.1, start=np.array([-5, 4], dtype=np.float32)
    )
    assert result.path.dtype == np.float32
    np.testing.assert_allclose(result.final, [-0.0161, -0.00665], atol=1e-4)


# ---------------------------------------------------------------- descend: 안장점, 발산
def test_saddle_stalls_then_escapes():
    near = surfaces.descend("saddle", learning_rate=0.1, steps=30)
    # x₁은 0.8배씩 줄고 x₂는 1.2배씩 늘어납니다.
    np.testing.assert_allclose(near.final, [-2 * 0.8**30, 1e-3 * 1.2**30], rtol=1e-12)
    assert np.linalg.norm(near.final) < 0.5 and not near.diverged
    escaped = surfaces.descend("saddle", learning_rate=0.1, steps=60)
    assert not in_window(surfaces.SADDLE, escaped.final) and not escaped.diverged
    assert np.all(np.diff(escaped.values) < 0)


def test_divergence_is_cut_cleanly_without_warnings():
    learning_rate = 0.6
    step_matrix = np.eye(2) - learning_rate * QUADRATIC_HESSIAN
    start = np.array([-5.0, 4.0])
    first_too_big = next(
        t
        for t in range(1, 200)
        if np.abs(np.linalg.matrix_power(step_matrix, t) @ start).max() > 1e6
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = surfaces.descend("quadratic", learning_rate=learning_rate, steps=200)
    assert result.diverged and result.diverged_at == first_too_big
    assert len(result.path) == len(result.values) == len(result.gradients) == first_too_big
    assert np.isfinite(result.path).all() and np.abs(result.path).max() <= 1e6
    assert result.message.startswith("발산했습니다")
    assert f"스텝 {first_too_big}에서" in result.message and "학습률" in result.message


def test_overflowing_value_is_reported_not_warned():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = surfaces.descend(
            "rosenbrock", learning_rate=0.1, steps=100, divergence_bound=1e300
        )
    assert result.diverged
    assert np.isfinite(result.values).all() and np.isfinite(result.path).all()
    assert "무한대" in result.message


def test_nan_from_the_optimizer_is_reported():
    class Broken:
        def update(self, params, grads):
            params["x"][:] = np.nan

    result = surfaces.descend("quadratic", Broken(), steps=5)
    assert result.diverged and result.diverged_at == 1 and len(result.path) == 1
    assert "NaN" in result.message


def test_saddle_divergence_explains_missing_minimum():
    result = surfaces.descend("saddle", learning_rate=0.1, steps=500)
    assert result.diverged and "최솟값이 없" in result.message


# ---------------------------------------------------------------- 잘못된 입력
def _assert_korean(error):
    assert HANGUL.search(str(error.value)), str(error.value)


def test_unknown_surface_names_list_the_valid_ones():
    for call in (lambda: surfaces.get("bowl"), lambda: surfaces.descend("bowl", learning_rate=0.1)):
        with pytest.raises(ValueError) as error:
            call()
        _assert_korean(error)
        assert all(name in str(error.value) for name in surfaces.NAMES)
    assert surfaces.get("Elongated-Bowl") is surfaces.ELONGATED_BOWL
    assert dl.surfaces.get(surfaces.SADDLE) is surfaces.SADDLE


@pytest.mark.parametrize(
    ("kwargs", "error_type"),
    [
        ({"start": [1.0, 2.0, 3.0], "learning_rate": 0.1}, ValueError),
        ({"start": [np.nan, 1.0], "learning_rate": 0.1}, ValueError),
        ({"start": [np.inf, 1.0], "learning_rate": 0.1}, ValueError),
        ({"start": [1e7, 1.0], "learning_rate": 0.1}, ValueError),
        ({"start": ["a", "b"], "learning_rate": 0.1}, TypeError),
        ({"steps": -1, "learning_rate": 0.1}, ValueError),
        ({"steps": 2.5, "learning_rate": 0.1}, TypeError),
        ({"steps": True, "learning_rate": 0.1}, TypeError),
        ({"learning_rate": 0.0}, ValueError),
        ({"learning_rate": -0.1}, ValueError),
        ({"learning_rate": np.nan}, ValueError),
        ({}, ValueError),
        ({"optimizer": StandInGradientDescent(0.1), "learning_rate": 0.1}, ValueError),
        ({"optimizer": "sgd"}, TypeError),
        ({"learning_rate": 0.1, "divergence_bound": 0}, ValueError),
    ],
)
def test_bad_descend_inputs_raise_korean_errors(kwargs, error_type):
    with pytest.raises(error_type) as error:
        surfaces.descend("quadratic", **kwargs)
    _assert_korean(error)


@pytest.mark.parametrize(
    ("call", "error_type"),
    [
        (lambda: surfaces.QUADRATIC.value([1.0, 2.0, 3.0]), ValueError),
        (lambda: surfaces.QUADRATIC.gradient(np.zeros((4, 3))), ValueError),
        (lambda: surfaces.QUADRATIC.value(1.0), ValueError),
        (lambda: surfaces.QUADRATIC.value([np.nan, 0.0]), ValueError),
        (lambda: surfaces.QUADRATIC.grid(n=1), ValueError),
        (lambda: surfaces.Rosenbrock(b=0.0), ValueError),
        (lambda: surfaces.Rosenbrock(a="1"), TypeError),
        (lambda: surfaces.Rosenbrock(a=np.inf), ValueError),
    ],
)
def test_bad_surface_inputs_raise_korean_errors(call, error_type):
    with pytest.raises(error_type) as error:
        call()
    _assert_korean(error)


def test_registry_and_titles():
    assert surfaces.NAMES == ("quadratic", "elongated_bowl", "rosenbrock", "saddle", "multi_minima")
    for name in surfaces.NAMES:
        surface = dl.surfaces.get(name)
        assert surface.name == name
        assert HANGUL.search(surface.title) and "J =" in surface.title
    assert surfaces.SADDLE.global_minimum is None
