"""dlcourse.optim 기울기 클리핑 테스트. 기준: torch.nn.utils.clip_grad_norm_ / clip_grad_value_."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import dlcourse as dl

HANGUL = re.compile("[가-힣]")


@pytest.fixture(scope="module")
def torch():
    return pytest.importorskip("torch")


def random_grads(seed: int = 0, scale: float = 3.0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        "W1": scale * rng.normal(size=(4, 5)),
        "b1": 0.01 * rng.normal(size=5),  # 노름이 작은 배열 (배열별 클리핑에서 그대로 남아야 함)
        "W2": scale * rng.normal(size=(5, 3, 2)),
        "s": np.array(scale * rng.normal()),
    }


def torch_clipped(torch, grads, how, value):
    """torch 매개변수에 기울기를 넣고 torch.nn.utils로 자른 결과 (사전, 반환값)."""
    params = {}
    for key, g in grads.items():
        p = torch.zeros(g.shape, dtype=torch.float64, requires_grad=True)
        p.grad = torch.tensor(g, dtype=torch.float64)
        params[key] = p
    returned = None
    if how == "value":
        torch.nn.utils.clip_grad_value_(list(params.values()), value)
    elif how == "norm":
        for p in params.values():
            torch.nn.utils.clip_grad_norm_(p, value)
    else:
        returned = float(torch.nn.utils.clip_grad_norm_(list(params.values()), value))
    return {key: p.grad.numpy() for key, p in params.items()}, returned


def test_clip_by_value_matches_torch(torch):
    grads = random_grads(1)
    ours = dl.optim.clip_by_value(grads, 1.5)
    theirs, _ = torch_clipped(torch, grads, "value", 1.5)
    for key in grads:
        np.testing.assert_array_equal(ours[key], theirs[key])
    assert max(np.abs(ours[k]).max() for k in ours) == 1.5  # 실제로 잘렸음


def test_clip_by_norm_matches_torch_per_tensor(torch):
    grads = random_grads(2)
    ours = dl.optim.clip_by_norm(grads, 2.0)
    theirs, _ = torch_clipped(torch, grads, "norm", 2.0)
    for key in grads:
        np.testing.assert_allclose(ours[key], theirs[key], rtol=1e-14, atol=0)
        assert np.linalg.norm(ours[key]) <= 2.0
    np.testing.assert_array_equal(ours["b1"], grads["b1"])  # 작은 배열은 그대로
    assert np.linalg.norm(ours["W1"]) == pytest.approx(2.0, rel=1e-6)  # 큰 배열은 2.0 근처로


def test_clip_by_global_norm_matches_torch(torch):
    grads = random_grads(3)
    ours, norm = dl.optim.clip_by_global_norm(grads, 5.0)
    theirs, torch_norm = torch_clipped(torch, grads, "global", 5.0)
    everything = np.concatenate([g.ravel() for g in grads.values()])
    assert norm == pytest.approx(np.linalg.norm(everything), rel=1e-14)
    assert norm == pytest.approx(torch_norm, rel=1e-14)
    for key in grads:
        np.testing.assert_allclose(ours[key], theirs[key], rtol=1e-14, atol=0)
    # 모든 배열에 같은 배율: 방향이 그대로입니다.
    ratios = {key: ours[key].ravel()[0] / grads[key].ravel()[0] for key in grads}
    expected = 5.0 / (np.linalg.norm(everything) + 1e-6)
    for ratio in ratios.values():
        assert ratio == pytest.approx(expected, rel=1e-13)


def test_torch_epsilon_is_used_at_the_threshold(torch):
    """노름이 정확히 max_norm이면 torch처럼 max_norm / (max_norm + 1e-6)배가 됩니다 (Keras는 그대로 둠)."""
    grads = {"g": np.array([3.0, 4.0])}  # 노름 5
    ours, norm = dl.optim.clip_by_global_norm(grads, 5.0)
    theirs, _ = torch_clipped(torch, grads, "global", 5.0)
    assert norm == 5.0
    np.testing.assert_allclose(ours["g"], np.array([3.0, 4.0]) * 5.0 / (5.0 + 1e-6), rtol=1e-15)
    np.testing.assert_allclose(ours["g"], theirs["g"], rtol=1e-15)
    assert ours["g"][0] < 3.0


def test_below_threshold_is_unchanged_and_inputs_are_not_modified():
    grads = random_grads(4, scale=0.01)
    originals = {key: g.copy() for key, g in grads.items()}
    for clipped in (
        dl.optim.clip_by_value(grads, 10.0),
        dl.optim.clip_by_norm(grads, 10.0),
        dl.optim.clip_by_global_norm(grads, 10.0)[0],
    ):
        for key in grads:
            np.testing.assert_array_equal(clipped[key], originals[key])
            assert clipped[key] is not grads[key]  # 새 배열
    big = random_grads(5, scale=100.0)
    big_copy = {key: g.copy() for key, g in big.items()}
    dl.optim.clip_by_norm(big, 1.0)
    dl.optim.clip_by_global_norm(big, 1.0)
    dl.optim.clip_by_value(big, 1.0)
    for key in big:
        np.testing.assert_array_equal(big[key], big_copy[key])


def test_global_norm_helper():
    grads = {"a": np.array([3.0, 0.0]), "b": np.array([[4.0]]), "c": np.array(12.0)}
    assert dl.optim.global_norm(grads) == 13.0


def test_nan_gradient_makes_global_clipping_nan_like_torch(torch):
    grads = {"a": np.array([1.0, np.nan]), "b": np.array([2.0])}
    ours, norm = dl.optim.clip_by_global_norm(grads, 1.0)
    theirs, _ = torch_clipped(torch, grads, "global", 1.0)
    assert np.isnan(norm)
    for key in grads:
        np.testing.assert_array_equal(ours[key], theirs[key])  # NaN 자리도 같아야 함
    assert np.isnan(ours["b"]).all()


def test_float32_stays_float32():
    grads = {"w": np.full((2, 2), 10.0, dtype=np.float32)}
    for clipped in (
        dl.optim.clip_by_value(grads, 1.0),
        dl.optim.clip_by_norm(grads, 1.0),
        dl.optim.clip_by_global_norm(grads, 1.0)[0],
    ):
        assert clipped["w"].dtype == np.float32


@settings(deadline=None)
@given(
    arrays=st.lists(
        hnp.arrays(
            np.float64,
            hnp.array_shapes(min_dims=0, max_dims=3, max_side=4),
            elements=st.floats(-1e3, 1e3),
        ),
        min_size=1,
        max_size=4,
    ),
    max_norm=st.floats(1e-3, 1e3),
)
def test_global_clipping_properties(arrays, max_norm):
    grads = {f"g{i}": a for i, a in enumerate(arrays)}
    clipped, norm = dl.optim.clip_by_global_norm(grads, max_norm)
    expected_norm = np.sqrt(sum(float(np.sum(a * a)) for a in arrays))
    assert norm == pytest.approx(expected_norm, rel=1e-12, abs=1e-300)
    assert dl.optim.global_norm(clipped) <= max_norm * (1 + 1e-12)
    factor = min(1.0, max_norm / (expected_norm + 1e-6))
    for key, g in grads.items():
        np.testing.assert_allclose(clipped[key], g * factor, rtol=1e-12, atol=1e-300)
        assert clipped[key].shape == g.shape


@pytest.mark.parametrize(
    "call,error,mentions",
    [
        (lambda: dl.optim.clip_by_value({"g": np.ones(2)}, 0.0), ValueError, "clip_value"),
        (lambda: dl.optim.clip_by_norm({"g": np.ones(2)}, -1.0), ValueError, "max_norm"),
        (lambda: dl.optim.clip_by_global_norm({"g": np.ones(2)}, "1"), TypeError, "max_norm"),
        (lambda: dl.optim.clip_by_global_norm([np.ones(2)], 1.0), TypeError, "grads"),
        (lambda: dl.optim.clip_by_norm({"g": np.array(["a"])}, 1.0), TypeError, "'g'"),
        (lambda: dl.optim.global_norm(np.ones(3)), TypeError, "grads"),
    ],
)
def test_invalid_input_raises_korean_errors(call, error, mentions):
    with pytest.raises(error) as info:
        call()
    message = str(info.value)
    assert HANGUL.search(message), message
    assert mentions in message, message
