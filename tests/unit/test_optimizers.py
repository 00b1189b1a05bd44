"""dlcourse.optim 옵티마이저 테스트.

기준(oracle): torch.optim (같은 하이퍼파라미터로 100스텝, float64 반올림 오차 수준까지 일치),
강의 1의 손으로 계산한 숫자, 그리고 테스트 안에서 직접 쓴 갱신 식.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import dlcourse as dl

HANGUL = re.compile("[가-힣]")
RTOL, ATOL = 1e-12, 1e-14
STEPS = 100
SHAPES = {"W": (3, 4), "b": (4,), "K": (2, 3, 2), "s": ()}


@pytest.fixture(scope="module")
def torch():
    return pytest.importorskip("torch")


# ---------------------------------------------------------------------------- 문제: 무작위 이차식
class Quadratic:
    """매개변수마다 J_k(w) = ½ wᵀA_k w − b_kᵀw, 기울기 g = A_k w − b_k (A_k 대칭 양의 정부호).

    |b_i|를 40~60으로 크게 두어 100스텝 동안 어떤 기울기 성분도 0 근처에 오지 않게 합니다.
    RMSprop/Adam은 기울기 성분이 0 근처에서 머물면 g/√v가 부호 함수처럼 되어 반올림
    오차(10⁻¹⁶)를 스텝마다 몇 배씩 키우므로, 그런 영역에서는 어떤 두 구현도
    10⁻¹²까지 같을 수 없습니다. 이 테스트는 식을 비교하려는 것이지 그 혼돈을 재려는 것이 아닙니다.
    """

    def __init__(self, seed: int = 0) -> None:
        rng = np.random.default_rng(seed)
        self.A, self.b, self.init = {}, {}, {}
        for key, shape in SHAPES.items():
            n = int(np.prod(shape, dtype=int))
            q, _ = np.linalg.qr(rng.normal(size=(n, n)))
            self.A[key] = q @ np.diag(rng.uniform(0.5, 2.0, size=n)) @ q.T
            self.b[key] = rng.choice([-1.0, 1.0], size=n) * rng.uniform(40.0, 60.0, size=n)
            self.init[key] = rng.normal(size=shape)

    def grad(self, key: str, w: np.ndarray) -> np.ndarray:
        return (self.A[key] @ w.ravel() - self.b[key]).reshape(w.shape)

    def grads(self, params: dict) -> dict:
        return {key: self.grad(key, w) for key, w in params.items()}


def run_dlcourse(opt, problem: Quadratic, steps: int = STEPS) -> dict:
    params = {key: value.copy() for key, value in problem.init.items()}
    for _ in range(steps):
        opt.update(params, problem.grads(params))
    return params


def run_torch(torch, make_opt, problem: Quadratic, steps: int = STEPS, clip=None, lr_at=None):
    tensors = {
        key: torch.tensor(value, dtype=torch.float64, requires_grad=True)
        for key, value in problem.init.items()
    }
    opt = make_opt(list(tensors.values()))
    for step in range(steps):
        for key, t in tensors.items():
            t.grad = torch.from_numpy(problem.grad(key, t.detach().numpy().copy()))
        if clip is not None:
            kind, value = clip
            if kind == "clipnorm":
                for t in tensors.values():
                    torch.nn.utils.clip_grad_norm_(t, value)
            elif kind == "global_clipnorm":
                torch.nn.utils.clip_grad_norm_(list(tensors.values()), value)
            else:
                torch.nn.utils.clip_grad_value_(list(tensors.values()), value)
        if lr_at is not None:
            for group in opt.param_groups:
                group["lr"] = lr_at(step)
        opt.step()
    return {key: t.detach().numpy() for key, t in tensors.items()}


def assert_same_params(ours: dict, theirs: dict) -> None:
    assert ours.keys() == theirs.keys()
    for key in ours:
        np.testing.assert_allclose(ours[key], theirs[key], rtol=RTOL, atol=ATOL, err_msg=key)


# (이름, dlcourse 옵티마이저 만들기, torch 옵티마이저 만들기)
CASES = [
    ("sgd", lambda: dl.optim.SGD(0.05), lambda t, p: t.optim.SGD(p, lr=0.05)),
    (
        "sgd_momentum",
        lambda: dl.optim.SGD(0.05, momentum=0.9),
        lambda t, p: t.optim.SGD(p, lr=0.05, momentum=0.9),
    ),
    (
        "momentum_class",
        lambda: dl.optim.Momentum(0.03, momentum=0.8),
        lambda t, p: t.optim.SGD(p, lr=0.03, momentum=0.8),
    ),
    (
        "sgd_nesterov",
        lambda: dl.optim.SGD(0.05, momentum=0.9, nesterov=True),
        lambda t, p: t.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True),
    ),
    (
        "nesterov_class",
        lambda: dl.optim.Nesterov(0.03, momentum=0.7),
        lambda t, p: t.optim.SGD(p, lr=0.03, momentum=0.7, nesterov=True),
    ),
    (
        "adagrad",
        lambda: dl.optim.AdaGrad(0.3, initial_accumulator_value=0.1, epsilon=1e-7),
        lambda t, p: t.optim.Adagrad(p, lr=0.3, initial_accumulator_value=0.1, eps=1e-7),
    ),
    (
        "adagrad_large_init",
        lambda: dl.optim.AdaGrad(0.5, initial_accumulator_value=2.5, epsilon=1e-3),
        lambda t, p: t.optim.Adagrad(p, lr=0.5, initial_accumulator_value=2.5, eps=1e-3),
    ),
    (
        "rmsprop",
        lambda: dl.optim.RMSprop(0.01, rho=0.9, epsilon=1e-7),
        lambda t, p: t.optim.RMSprop(p, lr=0.01, alpha=0.9, eps=1e-7),
    ),
    (
        "rmsprop_rho",
        lambda: dl.optim.RMSprop(0.02, rho=0.75, epsilon=1e-4),
        lambda t, p: t.optim.RMSprop(p, lr=0.02, alpha=0.75, eps=1e-4),
    ),
    (
        "adam",
        lambda: dl.optim.Adam(0.02, beta_1=0.9, beta_2=0.999, epsilon=1e-7),
        lambda t, p: t.optim.Adam(p, lr=0.02, betas=(0.9, 0.999), eps=1e-7),
    ),
    (
        "adam_betas",
        lambda: dl.optim.Adam(0.05, beta_1=0.8, beta_2=0.95, epsilon=1e-3),
        lambda t, p: t.optim.Adam(p, lr=0.05, betas=(0.8, 0.95), eps=1e-3),
    ),
    (
        "adamw",
        lambda: dl.optim.AdamW(0.02, weight_decay=0.05, beta_1=0.85, beta_2=0.99, epsilon=1e-7),
        lambda t, p: t.optim.AdamW(p, lr=0.02, betas=(0.85, 0.99), eps=1e-7, weight_decay=0.05),
    ),
]


@pytest.mark.parametrize("name,make_ours,make_theirs", CASES, ids=[c[0] for c in CASES])
def test_matches_torch_optim(torch, name, make_ours, make_theirs):
    problem = Quadratic(seed=1)
    ours = run_dlcourse(make_ours(), problem)
    theirs = run_torch(torch, lambda p: make_theirs(torch, p), problem)
    assert_same_params(ours, theirs)
    # 의미 있는 비교인지: 매개변수가 실제로 많이 움직였어야 합니다.
    moved = sum(np.abs(ours[k] - problem.init[k]).sum() for k in ours)
    assert moved > 1.0


CLIP_CASES = [("clipnorm", 1.0), ("global_clipnorm", 2.0), ("clipvalue", 0.5)]
CLIPPED_OPTIMISERS = [c for c in CASES if c[0] in ("sgd_momentum", "adagrad", "rmsprop", "adamw")]


@pytest.mark.parametrize("clip", CLIP_CASES, ids=[c[0] for c in CLIP_CASES])
@pytest.mark.parametrize(
    "name,make_ours,make_theirs", CLIPPED_OPTIMISERS, ids=[c[0] for c in CLIPPED_OPTIMISERS]
)
def test_clipping_options_match_torch(torch, clip, name, make_ours, make_theirs):
    kind, value = clip
    problem = Quadratic(seed=2)
    ours_unclipped = make_ours()
    config = ours_unclipped.get_config()
    config[kind] = value
    opt = type(ours_unclipped)(**config)
    ours = run_dlcourse(opt, problem)
    theirs = run_torch(torch, lambda p: make_theirs(torch, p), problem, clip=clip)
    assert_same_params(ours, theirs)
    # 클리핑이 실제로 결과를 바꿨는지 (안 바꿨다면 이 테스트는 아무것도 검사하지 않은 것).
    plain = run_dlcourse(make_ours(), problem)
    assert any(not np.allclose(ours[k], plain[k], rtol=1e-6) for k in ours)


def test_clipping_does_not_touch_input_grads():
    params = {"x": np.array([1.0, 2.0])}
    grads = {"x": np.array([30.0, -40.0])}
    dl.optim.SGD(0.1, clipnorm=1.0).update(params, grads)
    np.testing.assert_array_equal(grads["x"], [30.0, -40.0])
    # 노름 50 → 1/(50 + 1e-6)배 (torch.nn.utils.clip_grad_norm_과 같은 식)
    scale = 1.0 / (50.0 + 1e-6)
    np.testing.assert_allclose(params["x"], [1.0 - 0.1 * 30 * scale, 2.0 + 0.1 * 40 * scale])


@pytest.mark.parametrize(
    "make_ours,make_theirs",
    [
        (lambda s: dl.optim.SGD(s), lambda t, p: t.optim.SGD(p, lr=1.0)),
        (
            lambda s: dl.optim.AdaGrad(s, initial_accumulator_value=0.2),
            lambda t, p: t.optim.Adagrad(p, lr=1.0, initial_accumulator_value=0.2, eps=1e-7),
        ),
        (
            lambda s: dl.optim.RMSprop(s),
            lambda t, p: t.optim.RMSprop(p, lr=1.0, alpha=0.9, eps=1e-7),
        ),
        (
            lambda s: dl.optim.Adam(s),
            lambda t, p: t.optim.Adam(p, lr=1.0, eps=1e-7),
        ),
    ],
    ids=["sgd", "adagrad", "rmsprop", "adam"],
)
def test_schedule_matches_torch_with_lr_set_each_step(torch, make_ours, make_theirs):
    schedule = dl.optim.ExponentialDecay(0.05, decay_steps=20, decay_rate=0.5)
    problem = Quadratic(seed=3)
    ours = run_dlcourse(make_ours(schedule), problem)
    theirs = run_torch(
        torch,
        lambda p: make_theirs(torch, p),
        problem,
        lr_at=lambda step: 0.05 * 0.5 ** (step / 20),
    )
    assert_same_params(ours, theirs)


def test_momentum_with_schedule_is_keras_form():
    """학습률이 바뀌면 Keras 형태(v ← μv − η_t g, w ← w + v)를 따릅니다 (손으로 쓴 식과 비교)."""
    problem = Quadratic(seed=4)
    schedule = dl.optim.PiecewiseConstantDecay([10, 30], [0.05, 0.02, 0.005])
    ours = run_dlcourse(dl.optim.SGD(schedule, momentum=0.9), problem, steps=50)
    params = {k: v.copy() for k, v in problem.init.items()}
    velocity = {k: np.zeros_like(v) for k, v in params.items()}
    for step in range(50):
        lr = 0.05 if step <= 10 else (0.02 if step <= 30 else 0.005)
        for key in params:
            g = problem.grad(key, params[key])
            velocity[key] = 0.9 * velocity[key] - lr * g
            params[key] = params[key] + velocity[key]
    assert_same_params(ours, params)


# ---------------------------------------------------------------------------- 강의 1의 숫자
def lesson1_path(lr: float, steps: int) -> list[np.ndarray]:
    point = np.array([-5.0, 4.0])
    params = {"x": point}
    opt = dl.optim.SGD(learning_rate=lr)
    path = [point.copy()]
    for _ in range(steps):
        x1, x2 = params["x"]
        opt.update(params, {"x": np.array([2 * x1 - x2, 4 * x2 - x1])})  # ∇J = [2x1 − x2, 4x2 − x1]
        path.append(params["x"].copy())
    assert params["x"] is point  # 제자리 갱신
    return path


def test_lesson1_worked_example():
    path = lesson1_path(0.1, 30)
    np.testing.assert_allclose(path[1], [-3.6, 1.9], rtol=0, atol=1e-12)
    np.testing.assert_allclose(path[2], [-2.69, 0.78], rtol=0, atol=1e-12)
    # 강의 표는 x(30) ≈ [-0.0161, -0.00665] (유효숫자 세 자리)
    np.testing.assert_allclose(path[30], [-0.0161, -0.00665], rtol=5e-3)


def test_lesson1_small_and_large_learning_rates():
    np.testing.assert_allclose(lesson1_path(0.01, 30)[30], [-2.32, 0.606], rtol=5e-3)
    np.testing.assert_allclose(lesson1_path(0.5, 30)[30], [-608, 1468], rtol=5e-3)


# ---------------------------------------------------------------------------- 학습률과 스케줄
def test_schedule_sees_step_zero_on_first_update():
    seen = []

    def schedule(step):
        seen.append(step)
        return 0.1 * (step + 1)

    params = {"x": np.array([0.0])}
    opt = dl.optim.SGD(schedule)
    for _ in range(3):
        opt.update(params, {"x": np.array([1.0])})
    assert seen == [0, 1, 2]
    # 갱신 크기 0.1, 0.2, 0.3 → x = −0.6
    np.testing.assert_allclose(params["x"], [-0.6], rtol=0, atol=1e-15)
    assert opt.iterations == 3


def test_keras_schedule_first_update_uses_value_at_step_zero():
    schedule = dl.optim.PiecewiseConstantDecay([0], [1.0, 0.25])  # step 0 → 1.0, 그 뒤 0.25
    params = {"x": np.array([0.0])}
    opt = dl.optim.SGD(schedule)
    assert opt.learning_rate == 1.0
    opt.update(params, {"x": np.array([1.0])})
    assert params["x"][0] == -1.0
    assert opt.learning_rate == 0.25
    opt.update(params, {"x": np.array([1.0])})
    assert params["x"][0] == -1.25


def test_learning_rate_property_and_setter():
    opt = dl.optim.Adam()
    assert opt.learning_rate == 0.001 and opt.schedule is None
    opt.learning_rate = 0.5
    assert opt.learning_rate == 0.5
    schedule = dl.optim.ExponentialDecay(0.1, 10, 0.5)
    opt.learning_rate = schedule
    assert opt.schedule is schedule
    assert opt.learning_rate_at(10) == pytest.approx(0.05, rel=1e-15)
    with pytest.raises(ValueError, match="learning_rate"):
        opt.learning_rate = -1.0


def test_schedule_returning_bad_value_is_reported_in_korean():
    opt = dl.optim.SGD(lambda step: -0.1)
    params = {"x": np.array([1.0])}
    with pytest.raises(ValueError) as info:
        opt.update(params, {"x": np.array([1.0])})
    assert HANGUL.search(str(info.value)) and "-0.1" in str(info.value)
    assert params["x"][0] == 1.0 and opt.iterations == 0


# ---------------------------------------------------------------------------- 상태와 설정
def test_state_is_lazy_per_key_and_reset_clears_it():
    opt = dl.optim.Adam(0.1)
    assert opt.iterations == 0 and opt.state == {}
    params = {"a": np.ones(3), "b": np.ones((2, 2))}
    opt.update(params, {"a": np.ones(3), "b": np.ones((2, 2))})
    assert set(opt.state) == {"a", "b"} and opt.state["a"]["t"] == 1
    np.testing.assert_allclose(opt.state["a"]["m"], 0.1 * np.ones(3))  # (1 − β₁)·g
    # 새 키는 처음 만날 때 상태가 생깁니다 (그 키의 t는 1부터).
    params["c"] = np.zeros(2)
    opt.update(params, {"a": np.ones(3), "b": np.ones((2, 2)), "c": np.ones(2)})
    assert opt.state["a"]["t"] == 2 and opt.state["c"]["t"] == 1
    # 첫 Adam 갱신은 편향 보정 덕분에 크기가 η (ε 무시): c = 0 − 0.1·1/(1 + ε)
    np.testing.assert_allclose(params["c"], -0.1 / (1 + 1e-7))
    opt.reset()
    assert opt.iterations == 0 and opt.state == {}


def test_get_config_round_trip_and_repr():
    opt = dl.optim.AdamW(0.01, weight_decay=0.1, beta_1=0.8, clipvalue=2.0)
    clone = type(opt)(**opt.get_config())
    assert repr(clone) == repr(opt)
    assert repr(opt).startswith("AdamW(learning_rate=0.01, weight_decay=0.1, beta_1=0.8")
    assert "clipvalue=2.0" in repr(opt)
    assert repr(dl.optim.Momentum()) == "Momentum(learning_rate=0.01, momentum=0.9)"


def test_keras_defaults():
    assert dl.optim.SGD().get_config() == {
        "learning_rate": 0.01,
        "momentum": 0.0,
        "nesterov": False,
    }
    assert dl.optim.AdaGrad().get_config() == {
        "learning_rate": 0.001,
        "initial_accumulator_value": 0.1,
        "epsilon": 1e-7,
    }
    assert dl.optim.RMSprop().get_config() == {"learning_rate": 0.001, "rho": 0.9, "epsilon": 1e-7}
    assert dl.optim.Adam().get_config() == {
        "learning_rate": 0.001,
        "beta_1": 0.9,
        "beta_2": 0.999,
        "epsilon": 1e-7,
    }
    assert dl.optim.AdamW().get_config()["weight_decay"] == 0.004
    assert dl.optim.Nesterov().nesterov is True and dl.optim.Momentum().nesterov is False


# ---------------------------------------------------------------------------- 성질 (Hypothesis)
OPTIMISER_FACTORIES = {
    "sgd": lambda: dl.optim.SGD(0.1),
    "momentum": lambda: dl.optim.Momentum(0.1),
    "nesterov": lambda: dl.optim.Nesterov(0.1),
    "adagrad": lambda: dl.optim.AdaGrad(0.1),
    "rmsprop": lambda: dl.optim.RMSprop(0.1),
    "adam": lambda: dl.optim.Adam(0.1),
    "adamw": lambda: dl.optim.AdamW(0.1),
    "adam_clipnorm": lambda: dl.optim.Adam(0.1, clipnorm=1.0),
    "sgd_global_clipnorm": lambda: dl.optim.SGD(0.1, global_clipnorm=1.0),
    "rmsprop_clipvalue": lambda: dl.optim.RMSprop(0.1, clipvalue=0.5),
}
ALL_OPTIMISERS = list(OPTIMISER_FACTORIES.values())


@st.composite
def param_grad_pairs(draw):
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    shape = draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=1, max_side=4))
    elements = st.floats(-10, 10, allow_nan=False, width=32)
    param = draw(hnp.arrays(dtype, shape, elements=elements))
    grad = draw(hnp.arrays(dtype, shape, elements=elements))
    return param, grad


@settings(deadline=None)
@given(pair=param_grad_pairs(), which=st.integers(0, len(ALL_OPTIMISERS) - 1))
def test_update_is_in_place_and_keeps_shape_and_dtype(pair, which):
    param, grad = pair
    opt = ALL_OPTIMISERS[which]()
    params = {"p": param}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # 유한한 입력에서는 경고가 없어야 합니다.
        for _ in range(3):
            opt.update(params, {"p": grad})
    assert params["p"] is param
    assert param.shape == grad.shape and param.dtype == grad.dtype
    assert np.isfinite(param).all()
    for value in opt.state["p"].values():
        if isinstance(value, np.ndarray):
            assert value.dtype == param.dtype and value.shape == param.shape


@settings(deadline=None)
@given(pair=param_grad_pairs(), lr=st.floats(1e-4, 1.0))
def test_plain_sgd_is_exactly_w_minus_lr_g(pair, lr):
    param, grad = pair
    expected = param - lr * grad
    dl.optim.SGD(lr).update({"p": param}, {"p": grad})
    np.testing.assert_array_equal(param, expected)


def test_float32_params_with_float64_grads_stay_float32():
    param = np.ones((2, 3), dtype=np.float32)
    opt = dl.optim.Adam(0.1)
    opt.update({"w": param}, {"w": np.full((2, 3), 0.5)})
    assert param.dtype == np.float32
    assert opt.state["w"]["m"].dtype == np.float32
    np.testing.assert_allclose(param, 1 - 0.1 / (1 + 1e-7), rtol=1e-6)


@pytest.mark.parametrize("make", ALL_OPTIMISERS, ids=list(OPTIMISER_FACTORIES))
def test_zero_gradient_gives_no_warning(make):
    params = {"w": np.ones((3, 2)), "b": np.zeros(2)}
    opt = make()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for _ in range(3):
            opt.update(params, {"w": np.zeros((3, 2)), "b": np.zeros(2)})
    assert np.isfinite(params["w"]).all()


@pytest.mark.parametrize("make", ALL_OPTIMISERS, ids=list(OPTIMISER_FACTORIES))
def test_non_finite_gradients_do_not_crash(make):
    params = {"w": np.ones(3)}
    opt = make()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # inf·0 같은 연산의 경고는 훈련 루프가 다룹니다.
        opt.update(params, {"w": np.array([np.nan, 1.0, np.inf])})
        opt.update(params, {"w": np.array([1.0, 1.0, 1.0])})
    assert np.isnan(params["w"][0])
    assert opt.iterations == 2


# ---------------------------------------------------------------------------- 잘못된 입력
@pytest.mark.parametrize(
    "make,error,mentions",
    [
        (lambda: dl.optim.SGD(0.0), ValueError, "learning_rate"),
        (lambda: dl.optim.SGD(-0.1), ValueError, "-0.1"),
        (lambda: dl.optim.Adam(float("nan")), ValueError, "learning_rate"),
        (lambda: dl.optim.SGD("0.1"), TypeError, "learning_rate"),
        (lambda: dl.optim.SGD(None), TypeError, "learning_rate"),
        (lambda: dl.optim.SGD(True), TypeError, "learning_rate"),
        (lambda: dl.optim.SGD(dl.optim.ExponentialDecay), TypeError, "ExponentialDecay"),
        (lambda: dl.optim.SGD(0.1, momentum=1.0), ValueError, "momentum"),
        (lambda: dl.optim.SGD(0.1, momentum=-0.5), ValueError, "-0.5"),
        (lambda: dl.optim.Momentum(momentum=1.5), ValueError, "momentum"),
        (lambda: dl.optim.Nesterov(momentum=-0.1), ValueError, "momentum"),
        (lambda: dl.optim.SGD(0.1, nesterov="yes"), TypeError, "nesterov"),
        (lambda: dl.optim.RMSprop(rho=1.0), ValueError, "rho"),
        (lambda: dl.optim.RMSprop(rho=-0.2), ValueError, "rho"),
        (lambda: dl.optim.RMSprop(epsilon=-1e-8), ValueError, "epsilon"),
        (lambda: dl.optim.Adam(beta_1=1.0), ValueError, "beta_1"),
        (lambda: dl.optim.Adam(beta_2=1.2), ValueError, "beta_2"),
        (lambda: dl.optim.Adam(epsilon=-1.0), ValueError, "epsilon"),
        (lambda: dl.optim.AdamW(weight_decay=-0.01), ValueError, "weight_decay"),
        (
            lambda: dl.optim.AdaGrad(initial_accumulator_value=-1),
            ValueError,
            "initial_accumulator_value",
        ),
        (lambda: dl.optim.AdaGrad(epsilon=-1), ValueError, "epsilon"),
        (lambda: dl.optim.SGD(0.1, clipnorm=0.0), ValueError, "clipnorm"),
        (lambda: dl.optim.SGD(0.1, clipvalue=-1.0), ValueError, "clipvalue"),
        (lambda: dl.optim.Adam(global_clipnorm=0), ValueError, "global_clipnorm"),
        (lambda: dl.optim.Adam(clipnorm="1"), TypeError, "clipnorm"),
        (lambda: dl.optim.Adam(clipnorm=1.0, global_clipnorm=1.0), ValueError, "global_clipnorm"),
        (lambda: dl.optim.Adam(clipnorm=1.0, clipvalue=1.0), ValueError, "clipvalue"),
    ],
)
def test_invalid_hyperparameters_raise_korean_errors(make, error, mentions):
    with pytest.raises(error) as info:
        make()
    message = str(info.value)
    assert HANGUL.search(message), message
    assert mentions in message, message


def _update_error(params, grads, opt=None):
    opt = opt or dl.optim.SGD(0.1)
    with pytest.raises((ValueError, TypeError)) as info:
        opt.update(params, grads)
    message = str(info.value)
    assert HANGUL.search(message), message
    return info.type, message


def test_mismatched_keys_are_named():
    kind, message = _update_error(
        {"W": np.ones(2), "b": np.ones(1)}, {"W": np.ones(2), "c": np.ones(1)}
    )
    assert kind is ValueError and "'b'" in message and "'c'" in message


def test_mismatched_shapes_name_key_and_both_shapes():
    params = {"W": np.ones((2, 3))}
    kind, message = _update_error(params, {"W": np.ones((3, 2))})
    assert kind is ValueError
    assert "'W'" in message and "(2, 3)" in message and "(3, 2)" in message
    np.testing.assert_array_equal(params["W"], np.ones((2, 3)))  # 아무것도 바뀌지 않음


def test_bad_containers_and_arrays_are_reported():
    assert _update_error([np.ones(2)], [np.ones(2)])[0] is TypeError
    kind, message = _update_error({"x": [1.0, 2.0]}, {"x": np.ones(2)})
    assert kind is TypeError and "'x'" in message and "list" in message
    kind, message = _update_error({"x": np.ones(2)}, {"x": [1.0, 2.0]})
    assert kind is TypeError and "'x'" in message
    kind, message = _update_error({"x": np.arange(3)}, {"x": np.ones(3)})
    assert kind is TypeError and "int64" in message
    frozen = np.ones(2)
    frozen.flags.writeable = False
    kind, message = _update_error({"x": frozen}, {"x": np.ones(2)})
    assert kind is ValueError and "'x'" in message


def test_checks_still_run_after_structure_was_cached():
    opt = dl.optim.Momentum(0.1)
    params = {"W": np.ones((2, 2)), "b": np.zeros(2)}
    opt.update(params, {"W": np.ones((2, 2)), "b": np.ones(2)})
    before = {k: v.copy() for k, v in params.items()}
    # 같은 키, 다른 기울기 모양
    kind, message = _update_error(params, {"W": np.ones((2, 2)), "b": np.ones(3)}, opt)
    assert "'b'" in message and "(3,)" in message
    # 기울기 하나가 배열이 아님
    _update_error(params, {"W": np.ones((2, 2)), "b": [1.0, 1.0]}, opt)
    # 키 하나가 빠짐
    _update_error(params, {"W": np.ones((2, 2))}, opt)
    for key in params:
        np.testing.assert_array_equal(params[key], before[key])
    assert opt.iterations == 1


def test_changed_parameter_shape_asks_for_reset():
    opt = dl.optim.Adam(0.1)
    opt.update({"x": np.zeros(2)}, {"x": np.ones(2)})
    kind, message = _update_error({"x": np.zeros(3)}, {"x": np.ones(3)}, opt)
    assert kind is ValueError and "reset" in message and "(2,)" in message and "(3,)" in message
    opt.reset()
    point = np.zeros(3)
    opt.update({"x": point}, {"x": np.ones(3)})
    assert point.shape == (3,) and (point < 0).all()
