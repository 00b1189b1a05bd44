"""dlcourse.check.l10 (10강 과적합과 규제의 연습 문제 채점기) 테스트.

맞는 답은 통과하고, 흔한 틀린 답은 그 실수를 짚는 메시지로 떨어지며, 학생 코드가 오류를
내도 예외 대신 한국어 Feedback이 나오는지 봅니다. 기준값은 테스트가 따로 구합니다:
드롭아웃은 식을 원소마다 손으로, L2 규제 항과 기울기는 torch의 자동 미분으로, 배치 정규화는
torch.nn.functional.batch_norm으로, 일반화 간격은 실습 모듈의 run()을 쓰지 않고 엔진으로
같은 신경망을 직접 훈련해서 잽니다.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

import dlcourse as dl
from dlcourse import check
from dlcourse.check import Feedback
from dlcourse.labs import regularization

torch = pytest.importorskip("torch")

l10 = check.l10
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
# 직접 해보기 1: 역 드롭아웃
# ---------------------------------------------------------------------------


def forward_loop(x, mask, rate, training=True):
    """정답 (원소 하나씩): 훈련 모드 y = x·m/(1 − p), 평가 모드 y = x."""
    out = np.empty_like(x)
    for index in np.ndindex(x.shape):
        out[index] = x[index] * mask[index] / (1.0 - rate) if training else x[index]
    return out


def backward_loop(dout, mask, rate, training=True):
    out = np.empty_like(dout)
    for index in np.ndindex(dout.shape):
        out[index] = dout[index] * mask[index] / (1.0 - rate) if training else dout[index]
    return out


def test_dropout_cases_expose_the_rate_mistakes():
    """사례의 비율에 0.5가 아닌 값이 있어야 p와 1 − p를 바꾸는 실수가 드러나고,
    마스크마다 0과 1이 모두 있어야 합니다."""
    cases = l10._dropout_cases()
    assert any(rate != 0.5 for _, _, rate in cases)
    for _, mask, _ in cases:
        assert set(np.unique(mask)) == {0.0, 1.0}


def test_dropout_accepts_correct_answers():
    assert_passed(l10.dropout(forward_loop, backward_loop))

    def forward_vectorised(x, mask, rate, training=True):
        if not training:
            return x
        return x * mask / (1 - rate)

    def backward_vectorised(dout, mask, rate, training=True):
        return dout * mask / (1 - rate) if training else dout

    assert_passed(l10.dropout(forward_vectorised, backward_vectorised))


def test_dropout_reference_agrees_with_the_engine_layer():
    """채점기의 식이 dl.nn.Dropout의 동작(같은 마스크)과 같은지: 층이 뽑은 마스크를 읽어 비교합니다."""
    layer = dl.nn.Dropout(0.3, seed=4)
    x = np.random.default_rng(0).normal(size=(6, 5))
    y = layer.forward(x)
    mask = (y != 0).astype(float)
    assert np.allclose(y, forward_loop(x, mask, 0.3))
    assert np.allclose(layer.backward(np.ones_like(x)), backward_loop(np.ones_like(x), mask, 0.3))
    assert np.array_equal(layer.eval().forward(x), x)


@pytest.mark.parametrize(
    ("forward", "fragments"),
    [
        (lambda x, m, p, t: x, ["순전파, 훈련 모드", "그대로"]),
        (lambda x, m, p, t: x * m if t else x, ["1 − p로 나누지 않았습니다"]),
        (lambda x, m, p, t: x * m * (1 - p) if t else x, ["1 − p를 곱했습니다"]),
        (lambda x, m, p, t: x * m / p if t else x, ["비율 p로 나누었습니다"]),
        (lambda x, m, p, t: x * (1 - m) / (1 - p) if t else x, ["마스크를 뒤집어"]),
        (lambda x, m, p, t: x * m / (1 - p), ["평가 모드", "드롭아웃을 했습니다"]),
        (lambda x, m, p, t: x * m / (1 - p) if t else x * (1 - p), ["평가 모드에서 1 − p를 곱했습니다"]),
        (lambda x, m, p, t: None, ["None"]),
        (lambda x, m, p, t: float(np.sum(x)), ["모양"]),
    ],
)
def test_dropout_forward_mistakes(forward, fragments):
    assert_failed(l10.dropout(forward, backward_loop), *fragments)


@pytest.mark.parametrize(
    ("backward", "fragments"),
    [
        (lambda d, m, p, t: d, ["역전파, 훈련 모드", "그대로"]),
        (lambda d, m, p, t: d * m if t else d, ["마스크만 곱하고"]),
        (lambda d, m, p, t: d * m / p if t else d, ["비율 p로 나누었습니다"]),
        (lambda d, m, p, t: d * m / (1 - p), ["역전파, 평가 모드"]),
    ],
)
def test_dropout_backward_mistakes(backward, fragments):
    assert_failed(l10.dropout(forward_loop, backward), *fragments)


def test_dropout_starter_and_student_errors_become_feedback():
    # 노트북에 저장된 처음 상태: 둘 다 입력을 그대로 돌려줍니다.
    assert_failed(l10.dropout(lambda x, m, p, t=True: x, lambda d, m, p, t=True: d), "그대로")

    def broken(x, mask, rate, training=True):
        return x * mask / (1 - undefined_rate)  # noqa: F821

    assert_failed(l10.dropout(broken, backward_loop), "NameError")
    assert_failed(l10.dropout(forward_loop, 3), "함수를 넘겨야")


# ---------------------------------------------------------------------------
# 직접 해보기 2: L2 규제 항과 기울기
# ---------------------------------------------------------------------------


def l2_torch(params, strength):
    """torch 자동 미분으로 (λ/2) Σ ||W||² 와 그 기울기를 구합니다 (이름이 'W'로 끝나는 키만)."""
    tensors = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in params.items()}
    penalty = sum(
        (t * t).sum() for k, t in tensors.items() if k.endswith(".W") or k == "W"
    ) * (strength / 2)
    penalty.backward()
    grads = {
        k: (t.grad.numpy().copy() if t.grad is not None else np.zeros_like(params[k]))
        for k, t in tensors.items()
    }
    return float(penalty.detach()), grads


def l2_numpy(params, strength):
    weights = [k for k in params if k.endswith("W")]
    penalty = 0.5 * strength * sum(float(np.sum(params[k] ** 2)) for k in weights)
    grads = {k: strength * v if k in weights else np.zeros_like(v) for k, v in params.items()}
    return penalty, grads


def test_l2_reference_agrees_with_torch_autograd():
    for params, strength in l10._l2_cases():
        expected_penalty, expected_grads = l2_torch(params, strength)
        penalty, grads = l10._l2_reference(params, strength)
        assert math.isclose(penalty, expected_penalty, rel_tol=1e-12)
        for key in params:
            np.testing.assert_allclose(grads[key], expected_grads[key], rtol=1e-12, atol=0)


def test_l2_cases_have_nonzero_biases_and_batchnorm_parameters():
    keys = set().union(*(params for params, _ in l10._l2_cases()))
    assert any(k.endswith("gamma") for k in keys) and any(k.endswith(".b") for k in keys)
    for params, _ in l10._l2_cases():
        for key, value in params.items():
            if not key.endswith("W"):
                assert np.all(value != 0), key


def test_l2_accepts_correct_answers():
    assert_passed(l10.l2_regularization(l2_numpy))
    assert_passed(l10.l2_regularization(l2_torch))

    def weights_only_dict(params, strength):
        # 편향 자리를 아예 빼도 0으로 봅니다.
        penalty, grads = l2_numpy(params, strength)
        return np.float64(penalty), {k: g for k, g in grads.items() if k.endswith("W")}

    assert_passed(l10.l2_regularization(weights_only_dict))


def _everything(params, strength):
    penalty = 0.5 * strength * sum(float(np.sum(v**2)) for v in params.values())
    return penalty, {k: strength * v for k, v in params.items()}


@pytest.mark.parametrize(
    ("answer", "fragments"),
    [
        (lambda p, s: (2 * l2_numpy(p, s)[0], l2_numpy(p, s)[1]), ["1/2을 빠뜨렸습니다"]),
        (_everything, ["penalty", "편향"]),
        (
            lambda p, s: (s * sum(float(np.sum(np.abs(v))) for k, v in p.items() if k.endswith("W")), {}),
            ["L1 규제"],
        ),
        (
            lambda p, s: (0.5 * sum(float(np.sum(v**2)) for k, v in p.items() if k.endswith("W")), {}),
            ["λ를 곱하지 않았습니다"],
        ),
        (lambda p, s: (l2_numpy(p, s)[0], {k: 2 * g for k, g in l2_numpy(p, s)[1].items()}), ["2λW"]),
        (lambda p, s: (l2_numpy(p, s)[0], {k: -g for k, g in l2_numpy(p, s)[1].items()}), ["부호"]),
        (
            lambda p, s: (l2_numpy(p, s)[0], {k: s * v for k, v in p.items()}),
            ["grads", "편향의 기울기에도"],
        ),
        (lambda p, s: l2_numpy(p, s)[0], ["두 개를 돌려주어야"]),
        (lambda p, s: (l2_numpy(p, s)[0], {}), ["가중치 키가 빠졌습니다"]),
        (lambda p, s: (0.0, {k: np.zeros_like(v) for k, v in p.items()}), ["정답 (λ/2) Σ||W||²"]),
    ],
)
def test_l2_wrong_answers(answer, fragments):
    assert_failed(l10.l2_regularization(answer), *fragments)


def test_l2_batchnorm_case_names_gamma_and_beta():
    """가중치와 편향은 맞게 고르고 gamma, beta까지 규제하면 두 번째 사례(배치 정규화)에서 걸립니다."""

    def with_gamma(params, strength):
        keys = [k for k in params if not k.endswith(".b")]
        penalty = 0.5 * strength * sum(float(np.sum(params[k] ** 2)) for k in keys)
        return penalty, {k: strength * params[k] if k in keys else np.zeros_like(v) for k, v in params.items()}

    assert_failed(l10.l2_regularization(with_gamma), "사례 2", "gamma")


def test_l2_must_not_change_params_in_place():
    def in_place(params, strength):
        penalty, grads = l2_numpy(params, strength)
        for key in params:
            params[key] *= 0.5
        return penalty, grads

    assert_failed(l10.l2_regularization(in_place), "params의 배열을 바꾸었습니다")


def test_l2_student_errors_become_feedback():
    def broken(params, strength):
        return params["W1"]

    assert_failed(l10.l2_regularization(broken), "KeyError")
    assert_failed(l10.l2_regularization("l2"), "함수를 넘겨야")


# ---------------------------------------------------------------------------
# 직접 해보기 3: 일반화 간격
# ---------------------------------------------------------------------------


def gap_by_hand(dropout=0.0, l2=0.0, n_train=30):
    """실습 모듈의 run()을 쓰지 않고 같은 설정(반달 잡음 0.3, 2-48-48-2 ReLU, Adam 0.02, 전체 배치
    100에폭, 시드 0)으로 훈련한 뒤, 평가 모드에서 규제 항 없이 잰 (검증 − 훈련 손실, 검증 정확도)."""
    X, y = dl.data.moons(500, noise=0.3, seed=0)
    X_train, y_train, X_val, y_val = X[:n_train], y[:n_train], X[300:], y[300:]
    net = dl.nn.mlp([2, 48, 48, 2], activation="relu", dropout=dropout, seed=0)
    dl.train.fit(net, X_train, y_train, loss="cross_entropy", optimizer=dl.optim.Adam(0.02),
                 epochs=100, batch_size=None, l2=l2, seed=0)
    train_loss, _ = dl.train.evaluate(net, X_train, y_train, "cross_entropy")
    val_loss, val_accuracy = dl.train.evaluate(net, X_val, y_val, "cross_entropy")
    return val_loss - train_loss, val_accuracy


def test_small_gap_verdicts_agree_with_an_independent_training_run():
    gap, accuracy = gap_by_hand()
    assert gap > l10.GAP_MAX  # 처방이 없으면 과적합입니다.
    assert_failed(l10.small_gap({"dropout": 0.0, "l2": 0.0, "n_train": 30}), "과적합", "처방이 없습니다")
    gap, accuracy = gap_by_hand(l2=0.01)
    assert gap <= l10.GAP_MAX and accuracy >= l10.VAL_ACCURACY_MIN
    feedback = l10.small_gap({"l2": 0.01})
    assert_passed(feedback)
    assert f"간격 {gap:.3f}" in feedback.message
    assert "L2 규제" in feedback.message


@pytest.mark.parametrize(
    "settings",
    [{"l2": 0.01}, {"n_train": 300}, {"dropout": 0.4, "l2": 0.01, "n_train": 30}],
)
def test_small_gap_accepts_good_settings(settings):
    assert_passed(l10.small_gap(settings))


@pytest.mark.parametrize(
    ("settings", "fragments"),
    [
        ({"dropout": 0.4}, ["과적합", "드롭아웃만으로는"]),
        ({"l2": 0.001}, ["과적합", "λ가 작아"]),
        ({"l2": 1.0}, ["과소적합", "줄여"]),
        ({"dropout": 0.3, "epochs": 10}, ["쓸 수 없는 키", "epochs"]),
        ({"dropout": 1.5}, ["설정값을 쓸 수 없습니다", "dropout"]),
        ({"n_train": 1000}, ["설정값을 쓸 수 없습니다"]),
        ([0.4, 0.01, 30], ["사전"]),
    ],
)
def test_small_gap_wrong_settings(settings, fragments):
    assert_failed(l10.small_gap(settings), *fragments)


def test_small_gap_underfit_case_really_underfits():
    """과소적합 메시지의 근거: λ = 1이면 훈련 정확도도 낮습니다 (독립적으로 훈련해서 확인)."""
    X, y = dl.data.moons(500, noise=0.3, seed=0)
    net = dl.nn.mlp([2, 48, 48, 2], activation="relu", seed=0)
    dl.train.fit(net, X[:30], y[:30], loss="cross_entropy", optimizer=dl.optim.Adam(0.02),
                 epochs=100, batch_size=None, l2=1.0, seed=0)
    _, train_accuracy = dl.train.evaluate(net, X[:30], y[:30], "cross_entropy")
    assert train_accuracy < l10.VAL_ACCURACY_MIN


def test_lab_data_split_matches_the_hand_split():
    X_train, y_train, X_val, y_val = regularization.make_data(30, seed=0)
    X, y = dl.data.moons(500, noise=0.3, seed=0)
    assert np.array_equal(X_train, X[:30]) and np.array_equal(X_val, X[300:])
    assert np.array_equal(y_train, y[:30]) and np.array_equal(y_val, y[300:])


# ---------------------------------------------------------------------------
# 직접 해보기 4: 배치 정규화의 훈련 모드 순전파
# ---------------------------------------------------------------------------


def batchnorm_torch(x, gamma, beta, eps):
    out = torch.nn.functional.batch_norm(
        torch.tensor(x), None, None, torch.tensor(gamma), torch.tensor(beta), training=True, eps=eps
    )
    return out.numpy()


def batchnorm_numpy(x, gamma, beta, eps):
    mu = x.mean(axis=0)
    var = ((x - mu) ** 2).mean(axis=0)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta


def test_batchnorm_reference_agrees_with_torch():
    for x, gamma, beta in l10._batchnorm_cases():
        np.testing.assert_allclose(
            l10._batchnorm_reference(x, gamma, beta, l10.BN_EPSILON),
            batchnorm_torch(x, gamma, beta, l10.BN_EPSILON),
            rtol=1e-10,
            atol=1e-12,
        )


def test_batchnorm_accepts_correct_answers():
    assert_passed(l10.batchnorm_forward(batchnorm_numpy))
    assert_passed(l10.batchnorm_forward(batchnorm_torch))


@pytest.mark.parametrize(
    ("answer", "fragments"),
    [
        (lambda x, g, b, e: x, ["그대로"]),
        (lambda x, g, b, e: (x - x.mean(0)) / np.sqrt(x.var(0) + e), ["γ와 β를 적용하지 않았습니다"]),
        (lambda x, g, b, e: g * (x - x.mean(0)) / np.sqrt(x.var(0, ddof=1) + e) + b, ["불편 분산"]),
        (lambda x, g, b, e: g * (x - x.mean(0)) / np.sqrt(x.var(0)) + b, ["ε을 빠뜨렸습니다"]),
        (lambda x, g, b, e: g * (x - x.mean(0)) / (x.std(0) + e) + b, ["제곱근 밖에서"]),
        (lambda x, g, b, e: g * (x - x.mean(0)) / (x.var(0) + e) + b, ["분산으로 나누었습니다"]),
        (lambda x, g, b, e: b * (x - x.mean(0)) / np.sqrt(x.var(0) + e) + g, ["바꾸어 썼습니다"]),
        (lambda x, g, b, e: x.mean(0), ["모양"]),
    ],
)
def test_batchnorm_wrong_answers(answer, fragments):
    assert_failed(l10.batchnorm_forward(answer), *fragments)


def test_batchnorm_row_wise_normalisation_is_named():
    def per_sample(x, g, b, e):
        mu = x.mean(axis=1, keepdims=True)
        var = x.var(axis=1, keepdims=True)
        return g * (x - mu) / np.sqrt(var + e) + b

    assert_failed(l10.batchnorm_forward(per_sample), "axis=1", "특성마다")


def test_batchnorm_student_errors_become_feedback():
    def broken(x, gamma, beta, eps):
        return gamma * x.nonexistent + beta

    assert_failed(l10.batchnorm_forward(broken), "AttributeError")
    assert_failed(l10.batchnorm_forward(None), "함수를 넘겨야")
