"""7강 채점기(dlcourse.check.l07): 맞는 답은 통과, 흔한 틀린 답은 그 실수를 짚는 메시지.

정답 함수는 이 파일에서 논문과 문서의 식으로 직접 적었습니다. 채점기가 기준으로 쓰는
dl.optim의 값은 여기서 torch.optim과 따로 비교하고, 직접 해보기 3의 숫자는 이 파일의
손으로 쓴 모멘텀 반복으로 확인합니다.
"""

from __future__ import annotations

import numpy as np
import pytest

from dlcourse.check import Feedback, l07


def _assert_passed(feedback):
    assert isinstance(feedback, Feedback)
    assert feedback.ok, str(feedback)


def _assert_failed_with(feedback, *fragments):
    assert isinstance(feedback, Feedback)
    assert not feedback.ok, str(feedback)
    text = feedback.message + " " + feedback.hint
    for fragment in fragments:
        assert fragment in text, f"'{fragment}'이 메시지에 없습니다: {text}"


# ---------------------------------------------------------------------------
# 직접 해보기 1: momentum_step (Keras 형태 v ← μv − ηg, w ← w + v)
# ---------------------------------------------------------------------------


def keras_momentum(v, w, g, learning_rate, momentum):
    v_new = momentum * v - learning_rate * g
    return v_new, w + v_new


def test_momentum_correct_passes():
    feedback = l07.momentum_step(keras_momentum)
    _assert_passed(feedback)
    assert "10배" in feedback.message


def test_momentum_in_place_version_also_passes():
    def momentum_step(v, w, g, learning_rate, momentum):
        v *= momentum
        v -= learning_rate * g
        w += v
        return v, w

    _assert_passed(l07.momentum_step(momentum_step))


def test_momentum_starter_that_changes_nothing_fails_specifically():
    def starter(v, w, g, learning_rate, momentum):
        v_new = v
        w_new = w + v_new
        return v_new, w_new

    _assert_failed_with(l07.momentum_step(starter), "그대로", "스텝 1")


def test_momentum_forgetting_previous_velocity_is_caught_at_step_two():
    def plain_sgd(v, w, g, learning_rate, momentum):
        v_new = -learning_rate * g
        return v_new, w + v_new

    _assert_failed_with(l07.momentum_step(plain_sgd), "이전 속도 v를 쓰지 않았습니다", "스텝 2")


def test_momentum_pytorch_form_is_named():
    def torch_form(v, w, g, learning_rate, momentum):
        b = momentum * v + g
        return b, w - learning_rate * b

    _assert_failed_with(l07.momentum_step(torch_form), "PyTorch 형태", "−η·b")


def test_momentum_sign_mistakes():
    def uphill(v, w, g, learning_rate, momentum):
        v_new = momentum * v + learning_rate * g
        return v_new, w + v_new

    def minus_v(v, w, g, learning_rate, momentum):
        v_new = momentum * v - learning_rate * g
        return v_new, w - v_new

    _assert_failed_with(l07.momentum_step(uphill), "오르막")
    _assert_failed_with(l07.momentum_step(minus_v), "w ← w − v")


def test_momentum_old_velocity_in_weight_update():
    def old_v(v, w, g, learning_rate, momentum):
        return momentum * v - learning_rate * g, w + v

    _assert_failed_with(l07.momentum_step(old_v), "이전 속도 v로 움직였습니다")


def test_momentum_swapped_hyperparameters_and_nesterov():
    def swapped(v, w, g, learning_rate, momentum):
        v_new = learning_rate * v - momentum * g
        return v_new, w + v_new

    def nesterov(v, w, g, learning_rate, momentum):
        v_new = momentum * v - learning_rate * g
        return v_new, w + momentum * v_new - learning_rate * g

    _assert_failed_with(l07.momentum_step(swapped), "자리가 바뀌었습니다")
    _assert_failed_with(l07.momentum_step(nesterov), "네스테로프")


def test_momentum_swapped_return_order():
    def reversed_order(v, w, g, learning_rate, momentum):
        v_new = momentum * v - learning_rate * g
        return w + v_new, v_new

    _assert_failed_with(l07.momentum_step(reversed_order), "순서", "return v_new, w_new")


def test_momentum_unrecognised_wrong_answer_still_explains():
    def slightly_off(v, w, g, learning_rate, momentum):
        v_new = momentum * v - 1.01 * learning_rate * g
        return v_new, w + v_new

    _assert_failed_with(l07.momentum_step(slightly_off), "v ← μv − ηg")


def test_momentum_bad_return_values():
    _assert_failed_with(l07.momentum_step(lambda v, w, g, lr, mu: None), "None", "return")
    _assert_failed_with(l07.momentum_step(lambda v, w, g, lr, mu: v), "값 2개")
    _assert_failed_with(
        l07.momentum_step(lambda v, w, g, lr, mu: (np.sum(v), w)), "모양", "(3, 4)"
    )


def test_momentum_student_exception_becomes_korean_feedback():
    def broken(v, w, g, learning_rate, momentum):
        return velocity, w  # noqa: F821

    _assert_failed_with(l07.momentum_step(broken), "오류", "NameError")


def test_momentum_not_callable():
    _assert_failed_with(l07.momentum_step(0.9), "함수를 넘겨야")


def test_momentum_reference_agrees_with_torch():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    for setting in l07.MOMENTUM_SETTINGS:
        lr, mu = setting["learning_rate"], setting["momentum"]
        w0 = rng.normal(size=(3, 4))
        grads = rng.normal(size=(5, 3, 4))
        v, w = np.zeros((3, 4)), w0.copy()
        for g in grads:
            v, w = keras_momentum(v, w, g, lr, mu)
        p = torch.tensor(w0, requires_grad=True)
        opt = torch.optim.SGD([p], lr=lr, momentum=mu)
        for g in grads:
            p.grad = torch.tensor(g)
            opt.step()
        np.testing.assert_allclose(w, p.detach().numpy(), rtol=1e-12, atol=1e-14)


# ---------------------------------------------------------------------------
# 직접 해보기 2: adam_step (Kingma & Ba, Algorithm 1)
# ---------------------------------------------------------------------------


def paper_adam(m, v, w, g, t, learning_rate, beta_1, beta_2, epsilon):
    m_new = beta_1 * m + (1 - beta_1) * g
    v_new = beta_2 * v + (1 - beta_2) * g**2
    m_hat = m_new / (1 - beta_1**t)
    v_hat = v_new / (1 - beta_2**t)
    return m_new, v_new, w - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon)


def test_adam_correct_passes_and_reports_first_step_near_eta():
    feedback = l07.adam_step(paper_adam)
    _assert_passed(feedback)
    # 첫 스텝의 크기는 η·|g|/(|g| + ε): 여기서 손으로 계산한 값과 같아야 합니다.
    g = np.abs(np.array(l07.ADAM_FIRST_GRADIENT))
    expected = 0.1 * g / (g + 1e-7)
    assert ", ".join(f"{s:.4f}" for s in expected) in feedback.message
    assert "0.1000, 0.1000, 0.1000" in feedback.message


def test_adam_starter_that_changes_nothing_fails_specifically():
    def starter(m, v, w, g, t, learning_rate, beta_1, beta_2, epsilon):
        m_new = m
        v_new = v
        m_hat = m_new
        v_hat = v_new
        w_new = w - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon)
        return m_new, v_new, w_new

    _assert_failed_with(l07.adam_step(starter), "그대로", "t = 1")


def test_adam_without_bias_correction_names_the_factor():
    def no_correction(m, v, w, g, t, learning_rate, beta_1, beta_2, epsilon):
        m_new = beta_1 * m + (1 - beta_1) * g
        v_new = beta_2 * v + (1 - beta_2) * g**2
        return m_new, v_new, w - learning_rate * m_new / (np.sqrt(v_new) + epsilon)

    # (1 − 0.9)/√(1 − 0.999) = 3.162...
    _assert_failed_with(l07.adam_step(no_correction), "편향 보정을 하지 않았습니다", "3.16")


def test_adam_bias_correction_without_t_is_caught_at_t2():
    def fixed_correction(m, v, w, g, t, learning_rate, beta_1, beta_2, epsilon):
        m_new = beta_1 * m + (1 - beta_1) * g
        v_new = beta_2 * v + (1 - beta_2) * g**2
        m_hat = m_new / (1 - beta_1)
        v_hat = v_new / (1 - beta_2)
        return m_new, v_new, w - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon)

    _assert_failed_with(l07.adam_step(fixed_correction), "t를 쓰지 않았습니다", "t = 2")


def test_adam_epsilon_inside_sqrt_and_corrected_state_returned():
    def eps_inside(m, v, w, g, t, learning_rate, beta_1, beta_2, epsilon):
        m_new = beta_1 * m + (1 - beta_1) * g
        v_new = beta_2 * v + (1 - beta_2) * g**2
        m_hat = m_new / (1 - beta_1**t)
        v_hat = v_new / (1 - beta_2**t)
        return m_new, v_new, w - learning_rate * m_hat / np.sqrt(v_hat + epsilon)

    def returns_hat(m, v, w, g, t, learning_rate, beta_1, beta_2, epsilon):
        m_new, v_new, w_new = paper_adam(m, v, w, g, t, learning_rate, beta_1, beta_2, epsilon)
        return m_new / (1 - beta_1**t), v_new / (1 - beta_2**t), w_new

    _assert_failed_with(l07.adam_step(eps_inside), "ε을 제곱근 안에")
    _assert_failed_with(l07.adam_step(returns_hat), "보정 전의 m, v")


def test_adam_gradient_not_squared_gives_nan_hint():
    def not_squared(m, v, w, g, t, learning_rate, beta_1, beta_2, epsilon):
        m_new = beta_1 * m + (1 - beta_1) * g
        v_new = beta_2 * v + (1 - beta_2) * g
        m_hat = m_new / (1 - beta_1**t)
        v_hat = v_new / (1 - beta_2**t)
        return m_new, v_new, w - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon)

    _assert_failed_with(l07.adam_step(not_squared), "NaN", "g²")


def test_adam_wrong_first_moment_is_reported():
    def wrong_m(m, v, w, g, t, learning_rate, beta_1, beta_2, epsilon):
        m_new, v_new, w_new = paper_adam(m, v, w, g, t, learning_rate, beta_1, beta_2, epsilon)
        return 2 * m_new, v_new, w_new

    _assert_failed_with(l07.adam_step(wrong_m), "m_new가 다릅니다")


def test_adam_student_exception_becomes_korean_feedback():
    def broken(m, v, w, g, t, learning_rate, beta_1, beta_2, epsilon):
        return m, v, w[10]

    _assert_failed_with(l07.adam_step(broken), "오류", "IndexError")


def test_adam_reference_first_step_agrees_with_torch():
    torch = pytest.importorskip("torch")
    setting = l07.ADAM_SETTINGS[0]
    g = np.array(l07.ADAM_FIRST_GRADIENT)
    w0 = np.array([0.5, -1.0, 2.0])
    _, _, w = paper_adam(np.zeros(3), np.zeros(3), w0, g, 1, *setting.values())
    p = torch.tensor(w0, requires_grad=True)
    opt = torch.optim.Adam([p], lr=setting["learning_rate"],
                           betas=(setting["beta_1"], setting["beta_2"]), eps=setting["epsilon"])
    p.grad = torch.tensor(g)
    opt.step()
    np.testing.assert_allclose(w, p.detach().numpy(), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(np.abs(w - w0), 0.1, rtol=1e-3)


# ---------------------------------------------------------------------------
# 직접 해보기 3: momentum_learning_rate
# ---------------------------------------------------------------------------


def hand_momentum_on_bowl(learning_rate, steps=100, mu=0.9):
    """J = x₁²/20 + x₂², ∇J = (x₁/10, 2x₂), 시작점 (−7, 2)에서 손으로 쓴 모멘텀 반복."""
    x = np.array([-7.0, 2.0])
    v = np.zeros(2)
    for _ in range(steps):
        g = np.array([x[0] / 10, 2 * x[1]])
        v = mu * v - learning_rate * g
        x = x + v
    return x[0] ** 2 / 20 + x[1] ** 2


@pytest.mark.parametrize("rate", [0.05, 0.1, 0.5])
def test_learning_rate_good_values_pass(rate):
    assert hand_momentum_on_bowl(rate) < 1e-3  # 채점기와 상관없이 확인한 사실
    feedback = l07.momentum_learning_rate(rate)
    _assert_passed(feedback)
    assert f"J = {hand_momentum_on_bowl(rate):.2e}" in feedback.message


def test_learning_rate_too_small_says_too_slow():
    assert hand_momentum_on_bowl(0.001) > 1.0
    _assert_failed_with(l07.momentum_learning_rate(0.001), "너무 느립니다", "키워")


def test_learning_rate_too_large_diverges_or_overshoots():
    assert not np.isfinite(hand_momentum_on_bowl(2.0)) or hand_momentum_on_bowl(2.0) > 1e6
    _assert_failed_with(l07.momentum_learning_rate(2.0), "발산했습니다", "줄여")
    assert 1e-3 < hand_momentum_on_bowl(1.8) < 6.45
    _assert_failed_with(l07.momentum_learning_rate(1.8), "출렁", "줄여")


def test_learning_rate_bad_inputs():
    _assert_failed_with(l07.momentum_learning_rate("0.1"), "숫자 하나")
    _assert_failed_with(l07.momentum_learning_rate(True), "숫자 하나")
    _assert_failed_with(l07.momentum_learning_rate(-0.1), "0보다 큰")
    _assert_failed_with(l07.momentum_learning_rate(float("nan")), "0보다 큰")
    _assert_passed(l07.momentum_learning_rate(np.float64(0.1)))


# ---------------------------------------------------------------------------
# 직접 해보기 4: rmsprop_step
# ---------------------------------------------------------------------------


def torch_style_rmsprop(s, w, g, learning_rate, rho, epsilon):
    s_new = rho * s + (1 - rho) * g**2
    return s_new, w - learning_rate * g / (np.sqrt(s_new) + epsilon)


def test_rmsprop_correct_passes():
    _assert_passed(l07.rmsprop_step(torch_style_rmsprop))


def test_rmsprop_keras_epsilon_placement_is_accepted_with_a_note():
    def keras_style(s, w, g, learning_rate, rho, epsilon):
        s_new = rho * s + (1 - rho) * g**2
        return s_new, w - learning_rate * g / np.sqrt(s_new + epsilon)

    feedback = l07.rmsprop_step(keras_style)
    _assert_passed(feedback)
    assert "Keras" in feedback.message


def test_rmsprop_adagrad_starter_fails_specifically():
    def starter(s, w, g, learning_rate, rho, epsilon):
        s_new = s + g**2
        w_new = w - learning_rate * g / (np.sqrt(s_new) + epsilon)
        return s_new, w_new

    _assert_failed_with(l07.rmsprop_step(starter), "AdaGrad처럼", "rho * s + (1 - rho)")


def test_rmsprop_common_mistakes():
    def no_one_minus(s, w, g, learning_rate, rho, epsilon):
        s_new = rho * s + g**2
        return s_new, w - learning_rate * g / (np.sqrt(s_new) + epsilon)

    def no_sqrt(s, w, g, learning_rate, rho, epsilon):
        s_new = rho * s + (1 - rho) * g**2
        return s_new, w - learning_rate * g / (s_new + epsilon)

    def swapped(s, w, g, learning_rate, rho, epsilon):
        s_new = (1 - rho) * s + rho * g**2
        return s_new, w - learning_rate * g / (np.sqrt(s_new) + epsilon)

    _assert_failed_with(l07.rmsprop_step(no_one_minus), "(1 − ρ)를 곱하지 않았습니다")
    _assert_failed_with(l07.rmsprop_step(no_sqrt), "제곱근이 빠졌습니다")
    _assert_failed_with(l07.rmsprop_step(swapped), "자리가 바뀌었습니다")


def test_rmsprop_student_exception_becomes_korean_feedback():
    def broken(s, w, g, learning_rate, rho, epsilon):
        raise ValueError("일부러 낸 오류")

    _assert_failed_with(l07.rmsprop_step(broken), "오류", "ValueError")


def test_rmsprop_reference_agrees_with_torch():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(1)
    setting = l07.RMSPROP_SETTINGS[1]
    w0 = rng.normal(size=(3, 4))
    grads = rng.normal(size=(5, 3, 4))
    s, w = np.zeros((3, 4)), w0.copy()
    for g in grads:
        s, w = torch_style_rmsprop(s, w, g, *setting.values())
    p = torch.tensor(w0, requires_grad=True)
    opt = torch.optim.RMSprop([p], lr=setting["learning_rate"], alpha=setting["rho"],
                              eps=setting["epsilon"])
    for g in grads:
        p.grad = torch.tensor(g)
        opt.step()
    np.testing.assert_allclose(w, p.detach().numpy(), rtol=1e-12, atol=1e-14)
