"""dlcourse.check.l05 (5강 죽은 ReLU의 연습 문제 채점기) 테스트.

맞는 답은 통과하고, 흔한 틀린 답은 그 실수를 짚는 메시지로 떨어지며, 학생 코드가 오류를
내도 예외 대신 한국어 Feedback이 나오는지 봅니다. 기준값은 테스트가 따로 구합니다:
죽은 유닛은 평범한 NumPy 순전파로, Adam의 '죽은 뒤 변화'는 같은 조리법의 신경망을
테스트 안에서 손으로 훈련해서 잽니다.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

import dlcourse as dl
from dlcourse import check
from dlcourse.check import Feedback
from dlcourse.labs import dying_relu

l05 = check.l05
HANGUL = re.compile("[가-힣]")


def assert_failed(feedback, *fragments):
    assert isinstance(feedback, Feedback)
    assert not feedback.ok, str(feedback)
    text = f"{feedback.message}\n{feedback.hint}"
    assert HANGUL.search(text)
    for fragment in fragments:
        assert fragment in text, f"'{fragment}' 가 메시지에 없습니다:\n{text}"


def assert_passed(feedback):
    assert isinstance(feedback, Feedback)
    assert feedback.ok, str(feedback)


# ---------------------------------------------------------------------------
# 직접 해보기 1: 죽은 유닛 마스크
# ---------------------------------------------------------------------------


def dead_units_loop(X, W, b):
    """정답 (반복문으로 쓴 것): 유닛마다 모든 샘플의 z를 하나씩 확인합니다."""
    n_samples, n_units = X.shape[0], W.shape[1]
    dead = []
    for j in range(n_units):
        z = [sum(X[n, i] * W[i, j] for i in range(X.shape[1])) + b[j] for n in range(n_samples)]
        dead.append(all(value <= 0 for value in z))
    return np.array(dead)


def test_dead_units_accepts_loop_and_vectorised_answers():
    assert_passed(l05.dead_units(dead_units_loop))
    assert_passed(l05.dead_units(lambda X, W, b: np.all(X @ W + b <= 0, axis=0)))
    # 0/1 정수 배열과 파이썬 리스트도 받습니다.
    assert_passed(l05.dead_units(lambda X, W, b: (X @ W + b <= 0).all(axis=0).astype(int).tolist()))


def test_dead_units_cases_contain_the_traps_the_messages_talk_about():
    """채점 사례에 z = 0, 편향이 답을 바꾸는 유닛, 한 샘플만 양수인 유닛이 정말 있는지."""
    cases = l05._dead_unit_cases()
    found_zero = found_bias_alive = found_bias_dead = found_single = False
    for X, W, b in cases:
        Z = X @ W + b
        loop = dead_units_loop(X, W, b)
        assert loop.any() and not loop.all()  # 사례마다 죽은 유닛과 산 유닛이 섞여 있습니다.
        for j in range(W.shape[1]):
            found_zero |= bool(np.all(Z[:, j] == 0))
            found_bias_alive |= bool(np.all(X @ W[:, j] <= 0) and np.any(Z[:, j] > 0))
            found_bias_dead |= bool(np.any(X @ W[:, j] > 0) and np.all(Z[:, j] <= 0))
            found_single |= bool(np.sum(Z[:, j] > 0) == 1 and X.shape[0] > 1)
    assert found_zero and found_bias_alive and found_bias_dead and found_single


@pytest.mark.parametrize(
    ("answer", "fragments"),
    [
        (lambda X, W, b: np.zeros(W.shape[1], dtype=bool), ["어떤 유닛도 죽었다고 하지 않았습니다"]),
        (lambda X, W, b: np.any(X @ W + b <= 0, axis=0), ["np.any", "np.all"]),
        (lambda X, W, b: np.all(X @ W + b < 0, axis=0), ["z = 0", "<="]),
        (lambda X, W, b: np.all(X @ W <= 0, axis=0), ["편향 b를 더하지 않았습니다"]),
        (lambda X, W, b: np.any(X @ W + b > 0, axis=0), ["살아 있는 유닛을 True로"]),
        (lambda X, W, b: np.all(X @ W + b <= 0, axis=1), ["샘플마다", "axis=0"]),
        (lambda X, W, b: X @ W + b <= 0, ["샘플과 유닛마다"]),
        (lambda X, W, b: None, ["None"]),
        (lambda X, W, b: (X @ W + b).max(axis=0), ["True/False"]),
    ],
)
def test_dead_units_names_the_mistake(answer, fragments):
    assert_failed(l05.dead_units(answer), *fragments)


def test_dead_units_reports_which_units_differ_for_other_mistakes():
    def off_by_one(X, W, b):
        mask = np.all(X @ W + b <= 0, axis=0)
        mask[-1] = not mask[-1]
        return mask

    assert_failed(l05.dead_units(off_by_one), "사례 1", "정답의 죽은 유닛")


def test_dead_units_does_not_let_student_change_the_cases():
    def vandal(X, W, b):
        b[:] = -1e9  # 받은 배열을 망가뜨려도 채점 기준은 그대로여야 합니다.
        return np.ones(W.shape[1], dtype=bool)

    assert_failed(l05.dead_units(vandal))
    assert_passed(l05.dead_units(dead_units_loop))


def test_dead_units_turns_exceptions_into_feedback():
    def broken(X, W, b):
        return X @ W.T  # 모양이 맞지 않아 ValueError

    assert_failed(l05.dead_units(broken), "오류가 났습니다", "ValueError")
    assert_failed(l05.dead_units("dead_units"), "함수를 넘겨야 합니다")


# ---------------------------------------------------------------------------
# 직접 해보기 2: 죽은 유닛 없이 정확도 0.9 이상
# ---------------------------------------------------------------------------


def initial_dead_masks(bias: float = 0.0):
    """run()과 같은 조리법(반달 200개, 2-8-8-8-2, He 정규, 시드 0)의 훈련 전 죽은 유닛 (NumPy)."""
    X, _ = dl.data.moons(200, noise=0.15, seed=0)
    net = dl.nn.mlp(
        [2, 8, 8, 8, 2],
        activation=dl.nn.ReLU(),
        init="he_normal",
        seed=0,
        bias_init=lambda shape, rng: np.full(shape, bias),
    )
    dense = [layer for layer in net.layers if isinstance(layer, dl.nn.Dense)]
    h, masks = X, []
    for layer in dense[:-1]:
        h = np.maximum(h @ layer.W + layer.b, 0.0)
        masks.append(~np.any(h > 0, axis=0))
    return masks


@pytest.mark.parametrize(
    "settings",
    [
        {"learning_rate": 0.3, "alpha": 0.05},
        {"learning_rate": 0.5, "alpha": 0.01},
        {"learning_rate": 0.3, "bias_init": 0.01, "init": "glorot_uniform"},
    ],
)
def test_no_dead_units_passes_good_settings(settings):
    assert_passed(l05.no_dead_units(settings))


def test_no_dead_units_large_learning_rate_asks_to_lower_it():
    feedback = l05.no_dead_units({"learning_rate": 2.0, "bias_init": 0.0, "alpha": 0.0})
    assert_failed(feedback, "훈련 중에 죽은 유닛", "학습률을 낮춰")
    assert "정확도 0.50" in feedback.message  # 은닉층 2가 모두 죽으면 한 클래스만 맞힙니다 (반반).


def test_no_dead_units_names_units_dead_from_the_start():
    # 테스트가 따로 확인: 시드 0의 신경망은 훈련 전부터 은닉층 3의 유닛 7이 죽어 있습니다.
    masks = initial_dead_masks()
    assert [np.flatnonzero(m).tolist() for m in masks] == [[], [], [7]]
    feedback = l05.no_dead_units({"learning_rate": 0.1})
    assert_failed(feedback, "처음(스텝 0)부터", "은닉층 3의 유닛 7", "alpha > 0")


def test_no_dead_units_negative_bias_is_dead_from_step_zero():
    masks = initial_dead_masks(bias=-2.0)
    assert sum(int(m.sum()) for m in masks) >= 20
    assert_failed(l05.no_dead_units({"learning_rate": 0.3, "bias_init": -2.0}), "처음(스텝 0)부터")


@pytest.mark.parametrize(
    ("settings", "fragment"),
    [
        ({"learning_rate": 2.0, "alpha": 0.05}, "학습률을 낮춰"),
        ({"learning_rate": 0.01, "alpha": 0.05}, "학습률을 조금 올려"),
    ],
)
def test_no_dead_units_without_dead_units_but_low_accuracy(settings, fragment):
    assert_failed(l05.no_dead_units(settings), "죽은 유닛은 없지만", fragment)


@pytest.mark.parametrize(
    ("settings", "fragment"),
    [
        ({"steps": 10}, "바꿀 수 없는 키"),
        ({"hidden": (64,)}, "바꿀 수 없는 키"),
        ({"learning_rate": -1.0}, "설정값이 올바르지 않습니다"),
        ({"optimizer": "rmsprop"}, "설정값이 올바르지 않습니다"),
        ([("learning_rate", 0.3)], "사전(dict)"),
    ],
)
def test_no_dead_units_rejects_bad_settings_in_korean(settings, fragment):
    assert_failed(l05.no_dead_units(settings), fragment)


# ---------------------------------------------------------------------------
# 직접 해보기 3: Leaky ReLU의 역전파
# ---------------------------------------------------------------------------


class GoodLeaky:
    def __init__(self, alpha=0.05):
        self.alpha = alpha

    def forward(self, z):
        self.z = z
        return np.where(z > 0, z, self.alpha * z)

    def backward(self, dh):
        return dh * np.where(self.z > 0, 1.0, self.alpha)


class ReluBackward(GoodLeaky):
    def backward(self, dh):
        return dh * (self.z > 0)


class IdentityBackward(GoodLeaky):
    def backward(self, dh):
        return dh


class ForgotUpstream(GoodLeaky):
    def backward(self, dh):
        return np.where(self.z > 0, 1.0, self.alpha)


class HardCodedAlpha(GoodLeaky):
    def backward(self, dh):
        return dh * np.where(self.z > 0, 1.0, 0.05)


class Swapped(GoodLeaky):
    def backward(self, dh):
        return dh * np.where(self.z > 0, self.alpha, 1.0)


class Raises(GoodLeaky):
    def backward(self, dh):
        return dh * self.slope  # 없는 속성


class PositionalOnly:
    """alpha를 위치 인자로만 받는 클래스도 괜찮습니다."""

    def __init__(self, a):
        self.a = a

    def forward(self, z):
        self.z = z
        return np.where(z > 0, z, self.a * z)

    def backward(self, dh):
        return dh * np.where(self.z > 0, 1.0, self.a)


def test_leaky_relu_backward_passes_correct_classes():
    assert_passed(l05.leaky_relu_backward(GoodLeaky))
    assert_passed(l05.leaky_relu_backward(PositionalOnly))


def test_correct_backward_agrees_with_torch_leaky_relu():
    """테스트의 정답 클래스 자체를 torch autograd로 확인해 둡니다."""
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(1)
    z = rng.normal(size=(5, 3))
    dh = rng.normal(size=(5, 3))
    zt = torch.tensor(z, requires_grad=True)
    torch.nn.functional.leaky_relu(zt, negative_slope=0.2).backward(torch.tensor(dh))
    layer = GoodLeaky(0.2)
    layer.forward(z)
    np.testing.assert_allclose(layer.backward(dh), zt.grad.numpy(), rtol=1e-12)


@pytest.mark.parametrize(
    ("cls", "fragments"),
    [
        (ReluBackward, ["ReLU의 역전파", "self.alpha"]),
        (IdentityBackward, ["dh 그대로"]),
        (ForgotUpstream, ["dh를 곱하지 않았습니다"]),
        (HardCodedAlpha, ["α = 0.2", "self.alpha"]),
        (Swapped, ["바뀌었습니다"]),
    ],
)
def test_leaky_relu_backward_names_the_mistake(cls, fragments):
    assert_failed(l05.leaky_relu_backward(cls), *fragments)


def test_leaky_relu_backward_handles_errors_and_wrong_objects():
    assert_failed(l05.leaky_relu_backward(Raises), "오류가 났습니다", "AttributeError")
    assert_failed(l05.leaky_relu_backward(GoodLeaky()), "클래스 이름만")
    assert_failed(l05.leaky_relu_backward(42), "클래스를 넘겨야 합니다")

    class NoBackward:
        def __init__(self, alpha=0.05):
            self.alpha = alpha

        def forward(self, z):
            return z

    assert_failed(l05.leaky_relu_backward(NoBackward), "backward 메서드가 없습니다")


def test_leaky_relu_backward_rejects_a_changed_forward():
    class ReluForward(GoodLeaky):
        def forward(self, z):
            self.z = z
            return np.maximum(z, 0.0)

    assert_failed(l05.leaky_relu_backward(ReluForward), "forward의 출력")


# ---------------------------------------------------------------------------
# 직접 해보기 4: 죽은 뒤 가중치 변화 (SGD는 0, Adam은 0이 아님)
# ---------------------------------------------------------------------------


def hand_trained_change_since_death(optimizer, learning_rate: float, steps: int = 150) -> float:
    """run()과 같은 조리법을 테스트 안에서 직접 훈련해, 끝까지 죽은 유닛에 닿은 가중치와 편향이
    죽은 뒤 바뀐 최댓값을 잽니다 (전체 배치, 교차 엔트로피, 시드 0)."""
    X, y = dl.data.moons(200, noise=0.15, seed=0)
    net = dl.nn.mlp(
        [2, 8, 8, 8, 2],
        activation=dl.nn.ReLU(),
        init="he_normal",
        seed=0,
        bias_init=lambda shape, rng: np.full(shape, 0.0),
    )
    dense = [layer for layer in net.layers if isinstance(layer, dl.nn.Dense)]
    opt = optimizer(learning_rate=learning_rate)
    loss = dl.nn.SoftmaxCrossEntropy()

    def snapshot():
        h, dead = X, []
        for layer in dense[:-1]:
            h = np.maximum(h @ layer.W + layer.b, 0.0)
            dead.append(~np.any(h > 0, axis=0))
        return dead, [(d.W.copy(), d.b.copy()) for d in dense]

    history = [snapshot()]
    for _ in range(steps):
        loss.forward(net.forward(X), y)
        net.backward(loss.backward())
        opt.update(net.params, net.grads)
        history.append(snapshot())

    biggest = 0.0
    for k in range(len(dense) - 1):
        dead_over_time = np.array([dead[k] for dead, _ in history])
        for j in np.flatnonzero(dead_over_time[-1]):
            alive = np.flatnonzero(~dead_over_time[:, j])
            t_d = 0 if alive.size == 0 else alive[-1] + 1
            W_d, b_d = history[t_d][1][k]
            W_out_d = history[t_d][1][k + 1][0]
            for _, params in history[t_d:]:
                W, b = params[k]
                W_out = params[k + 1][0]
                biggest = max(
                    biggest,
                    np.abs(W[:, j] - W_d[:, j]).max(),
                    abs(b[j] - b_d[j]),
                    np.abs(W_out[j] - W_out_d[j]).max(),
                )
    return float(biggest)


@pytest.fixture(scope="module")
def hand_changes():
    assert l05.SGD_SETTINGS == {"learning_rate": 1.0}
    assert l05.ADAM_SETTINGS == {"optimizer": "adam", "learning_rate": 0.03}
    sgd = hand_trained_change_since_death(dl.optim.SGD, 1.0)
    adam = hand_trained_change_since_death(dl.optim.Adam, 0.03)
    return sgd, adam


def test_hand_training_shows_the_physics(hand_changes):
    sgd, adam = hand_changes
    assert sgd == 0.0
    # Adam: 남은 모멘트 때문에 0이 아니지만, 대략 η / (1 − β₁/√β₂) ≈ 10η 를 넘지 않습니다.
    assert 0.0 < adam < 0.03 / (1.0 - 0.9 / np.sqrt(0.999))


def test_weight_change_after_death_accepts_measured_values(hand_changes):
    sgd, adam = hand_changes
    assert_passed(l05.weight_change_after_death(sgd, adam))
    assert_passed(l05.weight_change_after_death(0, round(adam, 2)))  # 두 자리로 반올림해도 됩니다.
    assert_passed(l05.weight_change_after_death(np.float64(0.0), np.float32(adam)))


@pytest.mark.parametrize(
    ("sgd", "adam_factor", "fragments"),
    [
        (None, 1.0, ["sgd_change", "None"]),
        (0.0, None, ["adam_change", "None"]),
        (0.0, 0.0, ["Adam에서는 죽은 뒤에도"]),
        (0.05, 1.0, ["SGD에서는 0이 아닌 값이 나올 수 없습니다"]),
        (0.0, 1.5, ["측정값과 다릅니다"]),
        (float("nan"), 1.0, ["NaN", "np.nanmax"]),
        ("0", 1.0, ["숫자 하나"]),
    ],
)
def test_weight_change_after_death_names_the_mistake(hand_changes, sgd, adam_factor, fragments):
    _, adam = hand_changes
    adam_value = None if adam_factor is None else adam * adam_factor
    assert_failed(l05.weight_change_after_death(sgd, adam_value), *fragments)


def test_weight_change_after_death_spots_the_alive_field():
    alive = dying_relu.run(**l05.SGD_SETTINGS).alive_weight_change
    assert alive > 0.01
    assert_failed(l05.weight_change_after_death(alive, 0.2), "alive_weight_change")
