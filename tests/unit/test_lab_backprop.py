"""dlcourse.labs.backprop 테스트: 2-3-1 신경망의 손 계산, 역전파, 수치 미분, 갱신,
2-2-2 델타 규칙, 그림과 탐색기.

기준값은 torch 자동 미분(개발용 의존성)과 테스트가 직접 쓴 식에서 옵니다.
"""

from __future__ import annotations

import dataclasses
import warnings

import numpy as np
import pytest
from lab_helpers import (
    HANGUL,
    assert_no_plot_warnings,
    assert_no_plotting_imports,
    assert_unknown_preset_lists,
    call_quietly,
    drive_and_reset,
    open_preset,
    watch_plot_warnings,
    without_description,
)

from dlcourse.labs import backprop

torch = pytest.importorskip("torch")

ACTIVATIONS = ["sigmoid", "tanh", "relu"]
TORCH_F = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}


def run_quietly(**params):
    return call_quietly(backprop.run, **params)


def torch_231(activation, x, y, W1, W2):
    """torch 자동 미분으로 E = ½(y − ŷ)², ŷ = f(x W1) · W2 와 그 기울기를 구합니다."""
    x = torch.tensor(np.asarray(x), dtype=torch.float64)
    W1 = torch.tensor(np.asarray(W1), dtype=torch.float64, requires_grad=True)
    W2 = torch.tensor(np.asarray(W2), dtype=torch.float64, requires_grad=True)
    z = x @ W1
    h = TORCH_F[activation](z)
    y_hat = h @ W2
    E = 0.5 * (y - y_hat) ** 2
    E.backward()
    return {
        "z": z.detach().numpy(),
        "h": h.detach().numpy(),
        "y_hat": y_hat.item(),
        "E": E.item(),
        "W1": W1.grad.numpy(),
        "W2": W2.grad.numpy(),
    }


def defaults():
    d = backprop.DEFAULTS
    return np.array(d["x"]), float(d["y"]), np.array(d["W1"]), np.array(d["W2"])


# ---------------------------------------------------------------------------
# 2-3-1 신경망
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_forward_values_match_torch(activation):
    result = run_quietly(activation=activation)
    ref = torch_231(activation, *defaults())
    np.testing.assert_allclose(result.z, ref["z"], rtol=1e-14)
    np.testing.assert_allclose(result.h, ref["h"], rtol=1e-14)
    assert result.y_hat == pytest.approx(ref["y_hat"], rel=1e-14)
    assert result.loss == pytest.approx(ref["E"], rel=1e-13)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_hand_formulas_backprop_and_numeric_gradients_agree(activation):
    result = run_quietly(activation=activation)
    ref = torch_231(activation, *defaults())
    for key in ("W1", "W2"):
        for grads, rtol in (
            (result.grad_hand, 1e-13),
            (result.grad_backprop, 1e-13),
            (result.grad_numeric, 1e-7),
        ):
            np.testing.assert_allclose(grads[key], ref[key], rtol=rtol, atol=1e-12)
        assert result.error_backprop[key].max() < 1e-7
        assert result.error_numeric[key].max() < 1e-7
    assert result.max_error < 1e-7


def test_hand_formulas_written_out_by_the_test():
    """강의의 식을 테스트가 직접 씁니다: ∂E/∂W_j⁽²⁾ = −(y − ŷ) h_j,
    ∂E/∂W_ij⁽¹⁾ = −(y − ŷ) W_j⁽²⁾ f′(z_j) x_i (시그모이드: f′ = f(1 − f))."""
    x, y, W1, W2 = defaults()
    result = run_quietly(activation="sigmoid")
    z = x @ W1
    h = 1.0 / (1.0 + np.exp(-z))
    y_hat = h @ W2
    for j in range(3):
        assert result.grad_hand["W2"][j] == pytest.approx(-(y - y_hat) * h[j], rel=1e-14)
        for i in range(2):
            expected = -(y - y_hat) * W2[j] * h[j] * (1 - h[j]) * x[i]
            assert result.grad_hand["W1"][i, j] == pytest.approx(expected, rel=1e-14)
    assert result.f_prime == pytest.approx(h * (1 - h), rel=1e-14)


def test_relu_unit_with_negative_input_gets_exactly_zero_gradient():
    result = run_quietly(activation="relu")
    off = np.flatnonzero(result.z < 0)
    assert off.size == 1  # 강의의 숫자는 z₂ < 0이 되도록 골랐습니다.
    j = off[0]
    assert result.h[j] == 0.0 and result.f_prime[j] == 0.0
    for grads in (result.grad_hand, result.grad_backprop, result.grad_numeric):
        assert grads["W2"][j] == 0.0
        assert np.all(grads["W1"][:, j] == 0.0)
    assert np.all(result.grad_backprop["W1"][:, np.arange(3) != j] != 0.0)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_small_update_reduces_the_loss_by_alpha_times_gradient_norm_squared(activation):
    alpha = 0.01
    result = run_quietly(activation=activation, learning_rate=alpha)
    x, y, W1, W2 = defaults()
    ref = torch_231(activation, x, y, W1, W2)
    W1_new, W2_new = W1 - alpha * ref["W1"], W2 - alpha * ref["W2"]
    np.testing.assert_allclose(result.W1_new, W1_new, rtol=1e-13)
    np.testing.assert_allclose(result.W2_new, W2_new, rtol=1e-13)
    after = torch_231(activation, x, y, W1_new, W2_new)
    assert result.loss_new == pytest.approx(after["E"], rel=1e-12)
    assert result.loss_new < result.loss
    # 1차 근사: E(W − α∇E) ≈ E(W) − α‖∇E‖²
    squared_norm = np.sum(ref["W1"] ** 2) + np.sum(ref["W2"] ** 2)
    assert result.loss - result.loss_new == pytest.approx(alpha * squared_norm, rel=0.02)
    np.testing.assert_allclose(result.delta["W1"], -alpha * ref["W1"], rtol=1e-13)


def test_too_large_learning_rate_increases_the_loss():
    params = without_description(backprop.PRESETS["big_step"])
    result = run_quietly(**params)
    assert result.loss_new > result.loss
    assert not result.diverged


def test_other_numbers_are_checked_too():
    rng = np.random.default_rng(7)
    x, W1, W2 = rng.normal(size=2), rng.normal(size=(2, 3)), rng.normal(size=3)
    result = run_quietly(activation="tanh", x=x, y=-0.3, W1=W1, W2=W2)
    ref = torch_231("tanh", x, -0.3, W1, W2)
    np.testing.assert_allclose(result.grad_backprop["W1"], ref["W1"], rtol=1e-12)
    assert result.max_error < 1e-7


def test_table_lists_every_weight_with_matching_numbers():
    result = run_quietly()
    text = backprop.table(result)
    lines = text.splitlines()
    for header in ("가중치", "손으로 구한 식", "역전파", "수치 미분", "상대 오차"):
        assert header in lines[0]
    rows = [line for line in lines if line.startswith("W")]
    assert len(rows) == 9
    for line, (_, key, index) in zip(rows, backprop.weight_names(), strict=True):
        cells = [c.strip() for c in line.split("|")]
        hand, bp, numeric, error = (float(c) for c in cells[1:])
        assert hand == pytest.approx(result.grad_hand[key][index], abs=1e-10)
        assert bp == pytest.approx(result.grad_backprop[key][index], abs=1e-10)
        assert numeric == pytest.approx(result.grad_numeric[key][index], abs=1e-9)
        assert error < 1e-7
    assert "역전파의 상대 오차는 최대" in lines[-1]


def test_table_shows_no_negative_zero():
    assert "-0.0000000000" not in backprop.table(run_quietly(activation="relu"))
    assert "-0.00000000" not in backprop.table(run_quietly(activation="relu"), digits=8)


def _cells(text: str) -> list[list[str]]:
    return [[c.strip() for c in line.split("|")] for line in text.splitlines() if "|" in line]


def test_table_with_fewer_digits_and_error_bounds_prints_stably():
    result = run_quietly()
    stable = backprop.table(result, digits=8, error_below=1e-8)
    rows = [row for row in _cells(stable) if row[0].startswith("W")]
    assert len(rows) == 9
    for row, (_, key, index) in zip(rows, backprop.weight_names(), strict=True):
        hand, bp, numeric = row[1:4]
        assert len(hand.split(".")[1]) == 8
        assert float(hand) == pytest.approx(result.grad_hand[key][index], abs=5e-9)
        assert float(numeric) == pytest.approx(result.grad_numeric[key][index], abs=5e-9)
        assert row[4] == "< 1e-8"  # 수치 미분의 상대 오차는 1e-7보다 훨씬 작습니다
    assert "상대 오차는 모두 1e-8보다 작습니다." in stable.splitlines()[-1]
    # 수치 미분이 반올림 오차만큼 달라져도 (다른 기계, 다른 BLAS) 같은 글이 나옵니다.
    nudged = {key: value * (1 + 3e-12) for key, value in result.grad_numeric.items()}
    errors = {key: value + 2e-12 for key, value in result.error_numeric.items()}
    other = dataclasses.replace(result, grad_numeric=nudged, error_numeric=errors)
    assert backprop.table(other, digits=8, error_below=1e-8) == stable
    assert backprop.table(other) != backprop.table(result)  # 기본 (10자리, 값 그대로)은 다릅니다
    # 상한보다 큰 오차는 값을 그대로 적습니다.
    loose = backprop.table(result, error_below=1e-11)
    assert "< 1e-11" in loose and any("e-10" in row[4] for row in _cells(loose)[2:])
    delta = backprop.delta_table(backprop.delta_rule(), digits=6, error_below=1e-8)
    delta_rows = [row for row in _cells(delta) if row[0].startswith("w")]
    assert len(delta_rows) == 8 and all(row[4] == "< 1e-8" for row in delta_rows)
    assert all(len(row[2].split(".")[1]) == 6 for row in delta_rows)
    for bad in ({"digits": -1}, {"digits": 2.5}, {"error_below": 0.0}):
        with pytest.raises((TypeError, ValueError)) as info:
            backprop.table(result, **bad)
        assert HANGUL.search(str(info.value))


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"activation": "softmax"}, ValueError),
        ({"activation": 3}, TypeError),
        ({"learning_rate": 0}, ValueError),
        ({"learning_rate": 1000.0}, ValueError),
        ({"W1": np.ones((3, 2))}, ValueError),
        ({"W2": np.ones(4)}, ValueError),
        ({"x": [1.0, float("nan")]}, ValueError),
        ({"y": [1.0, 2.0]}, ValueError),
        ({"x": ["a", "b"]}, TypeError),
        ({"bias": 0.1}, TypeError),
    ],
)
def test_bad_input_gives_korean_errors(kwargs, error):
    with pytest.raises(error) as info:
        backprop.run(**kwargs)
    assert HANGUL.search(str(info.value))


# ---------------------------------------------------------------------------
# 2-2-2 델타 규칙
# ---------------------------------------------------------------------------


def test_delta_rule_matches_backprop_and_torch():
    result = backprop.delta_rule()
    d = backprop.DELTA_RULE_DEFAULTS
    x = torch.tensor(d["x"], dtype=torch.float64)
    t = torch.tensor(d["target"], dtype=torch.float64)
    W1 = torch.tensor(d["W1"], dtype=torch.float64, requires_grad=True)
    W2 = torch.tensor(d["W2"], dtype=torch.float64, requires_grad=True)
    y_h = torch.sigmoid(x @ W1)
    y_o = torch.sigmoid(y_h @ W2)
    E = 0.5 * torch.sum((y_o - t) ** 2)
    E.backward()
    np.testing.assert_allclose(result.grad_delta["W1"], W1.grad.numpy(), rtol=1e-12)
    np.testing.assert_allclose(result.grad_delta["W2"], W2.grad.numpy(), rtol=1e-12)
    np.testing.assert_allclose(result.grad_backprop["W1"], W1.grad.numpy(), rtol=1e-12)
    assert result.max_error < 1e-12
    assert result.loss == pytest.approx(E.item(), rel=1e-14)


def test_delta_rule_in_the_syllabus_notation():
    """강의의 두 식을 테스트가 이름 그대로 씁니다 (w_ab: 유닛 b → 유닛 a)."""
    result = backprop.delta_rule()
    d = backprop.DELTA_RULE_DEFAULTS
    x1, x2 = d["x"]
    (w11, w21), (w12, w22) = d["W1"]
    (w31, w41), (w32, w42) = d["W2"]
    t1, t2 = d["target"]

    def sig(v):
        return 1.0 / (1.0 + np.exp(-v))

    y_h1, y_h2 = sig(w11 * x1 + w12 * x2), sig(w21 * x1 + w22 * x2)
    y_o1, y_o2 = sig(w31 * y_h1 + w32 * y_h2), sig(w41 * y_h1 + w42 * y_h2)
    delta_o1 = (y_o1 - t1) * y_o1 * (1 - y_o1)
    delta_o2 = (y_o2 - t2) * y_o2 * (1 - y_o2)
    out_side = (y_o1 - t1) * y_o1 * (1 - y_o1) * y_h1  # ∂E/∂w31
    hidden_side = (delta_o1 * w31 + delta_o2 * w41) * y_h1 * (1 - y_h1) * x1  # ∂E/∂w11

    def grad(name):
        key, index = backprop.DELTA_RULE_NAMES[name]
        return result.grad_delta[key][index]

    assert grad("w31") == pytest.approx(out_side, rel=1e-13)
    assert grad("w11") == pytest.approx(hidden_side, rel=1e-13)
    assert result.delta_o == pytest.approx([delta_o1, delta_o2], rel=1e-13)
    text = backprop.delta_table(result)
    assert "델타 규칙" in text and "w31" in text and "h1→o1" in text


def test_delta_rule_rejects_bad_shapes():
    with pytest.raises(ValueError) as info:
        backprop.delta_rule(W1=np.ones((2, 3)))
    assert HANGUL.search(str(info.value))


# ---------------------------------------------------------------------------
# 그림과 탐색기
# ---------------------------------------------------------------------------


mpl_log = pytest.fixture(watch_plot_warnings, name="mpl_log")


def _all_text(fig) -> str:
    """그림에 직접 쓴 글과 축 안의 글 (신경망 그림의 값, 비교 표, 단계 설명)."""
    texts = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        texts += [t.get_text() for t in ax.texts]
    return "\n".join(texts)


@pytest.mark.parametrize("stage", [0, 1, 2, 3])
def test_plot_every_stage_in_korean_without_warnings(stage, mpl_log):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = backprop.run(activation="relu")
        fig = backprop.plot(result, stage=stage)
        fig.canvas.draw()
    text = _all_text(fig)
    assert f"역전파 단계 {stage}: {backprop.STAGES[stage]}" in text
    assert "가중치" in text and "수치 미분" in text
    assert_no_plot_warnings(mpl_log.records)


def test_plot_shows_the_right_numbers_per_stage():
    result = run_quietly()
    forward = _all_text(backprop.plot(result, stage=0))
    assert f"{result.loss:.4f}" in forward
    update = _all_text(backprop.plot(result, stage=3))
    assert f"{result.loss_new:.4f}" in update and "줄었습니다" in update
    hidden = _all_text(backprop.plot(result, stage=2))
    assert f"{result.grad_hand['W1'][0, 0]:.4f}".replace("-", "−") in hidden


def test_plot_rejects_bad_stage_and_objects():
    with pytest.raises(ValueError, match="단계"):
        backprop.plot(run_quietly(), stage=4)
    with pytest.raises(TypeError):
        backprop.plot("result")
    with pytest.raises(TypeError):
        backprop.table(None)


CONTROL_VALUES = {
    "stage": [1, 2, 3, 0],
    "activation": ["tanh", "relu", "sigmoid"],
    "learning_rate": [0.01, 10.0],
}


def test_explorer_drives_every_control(mpl_log):
    live = backprop.explorer()
    drive_and_reset(live, CONTROL_VALUES)
    # 학습률은 단계 3에서만 그림에 나옵니다.
    live.set_values(stage=3)
    before = live.png()
    live.set_values(learning_rate=10.0)
    assert live.png() != before and "오히려 커졌습니다" in _all_text(live.figure)
    assert_no_plot_warnings(mpl_log.records)
    live.close()


@pytest.mark.parametrize("name", list(backprop.PRESETS))
def test_every_preset_opens_and_renders(name):
    live = open_preset(backprop.explorer, backprop.PRESETS, name, stage=2)
    assert live.values["stage"] == 2
    assert live.values["activation"] == backprop.PRESETS[name]["activation"]
    live.close()


def test_unknown_preset_lists_names():
    assert_unknown_preset_lists(backprop.explorer, "softmax", backprop.PRESETS)


def test_run_does_not_import_plotting_or_widgets():
    assert_no_plotting_imports(
        "from dlcourse.labs.backprop import run, delta_rule, delta_table, table\n"
        "table(run()); delta_table(delta_rule())"
    )
