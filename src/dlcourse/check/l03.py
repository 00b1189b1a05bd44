"""3강(역전파) 연습 문제 채점기.

    from dlcourse import check
    check.l03.sigmoid_backward(sigmoid_backward)      # 직접 해보기 1
    check.l03.output_delta(delta)                      # 직접 해보기 2
    check.l03.hidden_gradient(hidden_gradient)         # 직접 해보기 3
    check.l03.relu_zero_gradients(zero_gradients)      # 직접 해보기 4

채점 함수는 언제나 Feedback을 돌려줍니다. 틀린 답이면 흔히 하는 실수(국소적 미분을
빠뜨림, 부호가 반대, 모양이 뒤바뀜 등)와 비교해서 무엇이 다른지 알려 줍니다.
정답은 학생의 식과 상관없이 dlcourse의 역전파와 수치 미분(중앙 차분)으로 구합니다.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from .. import nn
from ..labs import backprop
from ._feedback import Feedback, failed, guarded, passed

__all__ = [
    "OUTPUT_DELTA_VALUES",
    "RELU_WEIGHT_NAMES",
    "sigmoid_backward",
    "output_delta",
    "hidden_gradient",
    "relu_zero_gradients",
]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """f(z) = 1 / (1 + e^(−z)). 채점에 쓰는 입력은 |z| < 10 이라 넘침 걱정이 없습니다."""
    return 1.0 / (1.0 + np.exp(-z))


def _close(a: np.ndarray, b: np.ndarray) -> bool:
    """두 배열이 반올림 오차 안에서 같은지 (상대 1e-6, 절대 1e-12)."""
    return bool(np.allclose(a, b, rtol=1e-6, atol=1e-12))


def _as_result_array(value) -> np.ndarray | Feedback:
    """학생 함수가 돌려준 값을 float 배열로 바꿉니다. 못 바꾸면 Feedback을 돌려줍니다."""
    if value is None:
        return failed(
            "함수가 아무것도 돌려주지 않았습니다 (None).",
            "함수의 마지막 줄에 return 으로 계산한 배열을 돌려주세요.",
        )
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return failed(
            f"함수가 돌려준 값을 숫자 배열로 바꿀 수 없습니다 (받은 자료형: {type(value).__name__}).",
            "NumPy 배열을 돌려주세요.",
        )
    if not np.all(np.isfinite(array)):
        return failed(
            "함수가 돌려준 배열에 inf나 NaN이 있습니다.",
            "0으로 나누거나 너무 큰 수의 exp를 계산하지 않았는지 확인하세요.",
        )
    return array


# ---------------------------------------------------------------------------
# 직접 해보기 1: 시그모이드의 역전파
# ---------------------------------------------------------------------------


class _StudentSigmoid:
    """학생의 sigmoid_backward(dh, h)를 backward로 쓰는 시그모이드 층 (기울기 확인용)."""

    def __init__(self, backward_fn: Callable):
        self._backward_fn = backward_fn
        self.h = None

    def forward(self, z):
        self.h = _sigmoid(z)
        return self.h

    def backward(self, dh):
        out = self._backward_fn(np.array(dh), np.array(self.h))
        return np.asarray(out, dtype=np.float64)


def _sigmoid_mistakes(dh: np.ndarray, h: np.ndarray):
    """시그모이드 역전파에서 흔한 실수: (계산 결과, 설명, 힌트)."""
    local = h * (1.0 - h)
    s = _sigmoid(h)
    return [
        (
            dh,
            "돌려준 값이 dh 그대로입니다. 이것은 항등 함수 f(z) = z의 역전파입니다.",
            "연쇄 법칙: dL/dz = dL/dh × (국소적 미분 f′(z)). 시그모이드의 f′(z)는 h(1 − h)입니다.",
        ),
        (
            np.zeros_like(dh),
            "돌려준 값이 모두 0입니다.",
            "dh에 시그모이드의 국소적 미분 h(1 − h)를 원소별로 곱해 돌려주세요.",
        ),
        (
            local,
            "시그모이드의 국소적 미분 h(1 − h)만 돌려주었습니다. 위에서 내려온 기울기 dh를 곱하지 않았습니다.",
            "연쇄 법칙은 '위에서 온 기울기 × 국소적 미분'입니다: dh * h * (1 - h).",
        ),
        (
            dh * h,
            "dh × h를 돌려주었습니다. (1 − h)가 빠졌습니다.",
            "f′(z) = f(z)(1 − f(z)) 이므로 h와 (1 − h)를 모두 곱해야 합니다.",
        ),
        (
            dh * (1.0 - h),
            "dh × (1 − h)를 돌려주었습니다. h가 빠졌습니다.",
            "f′(z) = f(z)(1 − f(z)) 이므로 h와 (1 − h)를 모두 곱해야 합니다.",
        ),
        (
            -dh * local,
            "부호가 반대입니다: −dh × h(1 − h)를 돌려주었습니다.",
            "시그모이드는 증가 함수라 f′(z) > 0입니다. 빼기 기호를 지우세요.",
        ),
        (
            dh * s * (1.0 - s),
            "h를 시그모이드에 한 번 더 넣었습니다. h는 이미 시그모이드의 출력 f(z)입니다.",
            "f′(z) = h(1 − h)를 그대로 쓰세요. 시그모이드를 다시 계산할 필요가 없습니다.",
        ),
        (
            dh * h * (1.0 + h),
            "dh × h(1 + h)를 돌려주었습니다. 괄호 안의 부호가 틀렸습니다.",
            "f′(z) = h(1 − h)입니다.",
        ),
    ]


@guarded
def sigmoid_backward(student_fn) -> Feedback:
    """학생의 sigmoid_backward(dh, h) (= dh · h (1 − h))를 확인합니다.

    먼저 시드로 만든 (4, 3) 입력에서 모양과 흔한 실수를 보고, 그다음 그 함수를 backward로
    쓰는 시그모이드 층을 dl.nn.gradcheck로 수치 미분과 비교합니다 (상대 오차 < 1e-7).
    """
    if not callable(student_fn):
        return failed(
            f"함수를 넘겨야 합니다 (받은 자료형: {type(student_fn).__name__}).",
            "괄호 없이 함수 이름만 넘기세요: check.l03.sigmoid_backward(sigmoid_backward)",
        )
    rng = np.random.default_rng(303)
    z = rng.normal(0.0, 2.0, size=(4, 3))
    h = _sigmoid(z)
    dh = rng.normal(size=(4, 3))
    out = _as_result_array(student_fn(dh.copy(), h.copy()))
    if isinstance(out, Feedback):
        return out
    if out.shape != dh.shape:
        return failed(
            f"돌려준 배열의 모양이 {out.shape}입니다. dh와 같은 모양 {dh.shape}이어야 합니다.",
            "원소별 곱 * 를 쓰세요. @ 나 np.dot(행렬 곱)은 모양을 바꿉니다.",
        )

    result = nn.gradcheck(_StudentSigmoid(student_fn), z)
    error = result.errors["X"]
    if result.passed:
        return passed(
            f"기울기 확인을 통과했습니다: 수치 미분과의 상대 오차가 {error:.1e}입니다 (기준 1e-7). "
            "순전파에서 구한 h만으로 도함수를 계산했습니다."
        )
    for value, message, hint in _sigmoid_mistakes(dh, h):
        if _close(out, value):
            return failed(message, hint)
    return failed(
        f"기울기 확인에서 수치 미분과의 상대 오차가 {error:.1e}입니다 (기준: 1e-7보다 작아야 합니다).",
        "dL/dz = dh × f′(z), 그리고 f′(z) = h(1 − h)입니다. 원소별로 곱했는지 확인하세요.",
    )


# ---------------------------------------------------------------------------
# 직접 해보기 2: 출력 유닛의 δ
# ---------------------------------------------------------------------------

OUTPUT_DELTA_VALUES = {"y_o": 0.7, "target": 0.2}
"""직접 해보기 2의 숫자: 시그모이드 출력 유닛의 출력 y_o와 정답 t."""


def _as_number(value) -> float | None:
    """숫자 하나(파이썬 수, NumPy 스칼라, 원소가 하나인 배열)를 float로, 아니면 None."""
    if value is None or isinstance(value, (bool, str, bytes)):
        return None
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    if array.size != 1:
        return None
    return float(array.reshape(()))


@guarded
def output_delta(delta) -> Feedback:
    """출력 유닛의 δ = (y_o − t) · y_o (1 − y_o)를 확인합니다 (y_o = 0.7, t = 0.2 → 0.105).

    δ는 출력 유닛의 입력 z에 대한 손실 E = ½ (y_o − t)²의 미분 ∂E/∂z 입니다.
    """
    y, t = OUTPUT_DELTA_VALUES["y_o"], OUTPUT_DELTA_VALUES["target"]
    value = _as_number(delta)
    if value is None:
        return failed(
            f"숫자 하나를 넣어야 합니다 (받은 자료형: {type(delta).__name__}).",
            "예: delta = (0.5 - 0.1) * 0.5 * (1 - 0.5) 처럼 계산식이나 숫자를 적으세요.",
        )
    if not math.isfinite(value):
        return failed("δ가 유한한 수가 아닙니다.", "계산식을 다시 확인하세요.")
    correct = (y - t) * y * (1.0 - y)

    def near(a: float, b: float) -> bool:
        return math.isclose(a, b, rel_tol=1e-3, abs_tol=5e-5)

    if near(value, correct):
        return passed(
            f"δ = (y_o − t) · y_o(1 − y_o) = ({y} − {t}) × {y} × {1 - y:.1f} = {correct:.4g}입니다. "
            "오차에 국소적 미분을 곱했습니다."
        )
    s = 1.0 / (1.0 + math.exp(-y))
    mistakes = [
        (
            0.0,
            "δ가 아직 0입니다. 출력 0.7과 정답 0.2가 다르므로 δ는 0이 아닙니다.",
            "δ = (y_o − t) × y_o × (1 − y_o) 에 숫자를 넣어 보세요.",
        ),
        (
            y - t,
            f"오차 y_o − t = {y - t:.1f}만 계산했습니다. 출력 유닛은 시그모이드를 지나므로 국소적 미분을 곱해야 합니다.",
            "시그모이드의 도함수는 출력으로 계산합니다: y_o(1 − y_o).",
        ),
        (
            -correct,
            "부호가 반대입니다. (t − y_o)를 쓰면 δ의 부호가 바뀝니다.",
            "δ = ∂E/∂z이고 E = ½(y_o − t)² 이므로 ∂E/∂y_o = y_o − t 입니다. "
            "빼기(−α)는 갱신할 때 붙입니다.",
        ),
        (
            t - y,
            "t − y_o만 계산했습니다. 부호도 반대이고, 국소적 미분 y_o(1 − y_o)도 빠졌습니다.",
            "δ = (y_o − t) × y_o × (1 − y_o).",
        ),
        (
            y * (1.0 - y),
            f"국소적 미분 y_o(1 − y_o) = {y * (1 - y):.2f}만 계산했습니다. 오차 (y_o − t)를 곱하지 않았습니다.",
            "δ = (오차) × (국소적 미분).",
        ),
        (
            (y - t) * y,
            "(y_o − t) × y_o 입니다. (1 − y_o)가 빠졌습니다.",
            "시그모이드의 도함수는 y_o(1 − y_o)입니다.",
        ),
        (
            (y - t) * (1.0 - y),
            "(y_o − t) × (1 − y_o) 입니다. y_o가 빠졌습니다.",
            "시그모이드의 도함수는 y_o(1 − y_o)입니다.",
        ),
        (
            (y - t) * s * (1.0 - s),
            "y_o를 시그모이드에 한 번 더 넣었습니다. y_o = 0.7은 이미 시그모이드의 출력입니다.",
            "국소적 미분은 0.7 × (1 − 0.7)을 그대로 쓰세요.",
        ),
        (
            0.5 * (y - t) ** 2,
            "손실 E = ½(y_o − t)²의 값을 계산했습니다. δ는 손실의 값이 아니라 미분입니다.",
            "δ = ∂E/∂z = (y_o − t) × y_o(1 − y_o).",
        ),
    ]
    for wrong, message, hint in mistakes:
        if near(value, wrong):
            return failed(message, hint)
    if math.isclose(value, correct, rel_tol=0.05):
        return failed(
            f"정답에 가깝지만 조금 다릅니다 (받은 값: {value}).",
            "중간에 반올림하지 말고 계산식을 그대로 적어 보세요.",
        )
    return failed(
        f"받은 값: {value}. 출력 유닛의 δ가 아닙니다.",
        "δ = (출력 − 정답) × 출력 × (1 − 출력). 출력 y_o = 0.7, 정답 t = 0.2입니다.",
    )


# ---------------------------------------------------------------------------
# 직접 해보기 3: 2-3-1 신경망의 은닉층 기울기
# ---------------------------------------------------------------------------


def _worked_cases() -> list[dict]:
    """강의의 2-3-1 신경망 숫자 하나와, 값을 외워 적는 답을 가려낼 시드 고정 입력 둘."""
    d = backprop.DEFAULTS
    cases = [
        {
            "x": np.array(d["x"], dtype=np.float64),
            "y": float(d["y"]),
            "W1": np.array(d["W1"], dtype=np.float64),
            "W2": np.array(d["W2"], dtype=np.float64),
        }
    ]
    rng = np.random.default_rng(2024)
    for _ in range(2):
        cases.append(
            {
                "x": rng.uniform(-1.5, 1.5, size=2),
                "y": float(rng.uniform(-1.0, 1.0)),
                "W1": rng.normal(0.0, 0.8, size=(2, 3)),
                "W2": rng.normal(0.0, 0.8, size=3),
            }
        )
    return cases


def _backprop_hidden_gradient(x, y, W1, W2) -> np.ndarray:
    """정답: dlcourse의 역전파(net.backward)로 구한 ∂E/∂W⁽¹⁾ (시그모이드, 편향 0, E = ½(y − ŷ)²)."""
    hidden = nn.Dense(2, 3, init="zeros")
    output = nn.Dense(3, 1, init="zeros")
    hidden.W[...] = W1
    output.W[...] = W2[:, None]
    net = nn.Sequential([hidden, nn.Sigmoid(), output])
    loss = nn.MSE()
    loss.forward(net.forward(x[None, :]), np.array([[y]]))
    net.backward(loss.backward())
    return hidden.dW.copy()


def _hidden_mistakes(x, y, W1, W2):
    """은닉층 기울기에서 흔한 실수: (계산 결과, 설명, 힌트)."""
    z = x @ W1
    h = _sigmoid(z)
    y_hat = float(h @ W2)
    dE_dyhat = -(y - y_hat)
    fp = h * (1.0 - h)
    return [
        (
            np.zeros((2, 3)),
            "돌려준 배열이 아직 모두 0입니다.",
            "∂E/∂W⁽¹⁾_ij = −(y − ŷ) · W⁽²⁾_j · f′(z_j) · x_i. np.outer(x, ...)로 (2, 3) 배열을 만드세요.",
        ),
        (
            np.outer(x, (y - y_hat) * W2 * fp),
            "부호가 반대입니다. ∂E/∂ŷ = −(y − ŷ) 입니다.",
            "E = ½(y − ŷ)²을 ŷ로 미분하면 −(y − ŷ)가 나옵니다. (y − ŷ)는 갱신량 ΔW 쪽의 식입니다.",
        ),
        (
            np.outer(x, dE_dyhat * W2),
            "시그모이드의 국소적 미분 f′(z_j)가 빠졌습니다.",
            "h_j = f(z_j)를 지나므로 f′(z_j) = h_j(1 − h_j)를 곱해야 합니다.",
        ),
        (
            np.outer(x, dE_dyhat * fp),
            "출력층 가중치 W⁽²⁾_j가 빠졌습니다.",
            "ŷ = Σ_j h_j W⁽²⁾_j 이므로 ∂ŷ/∂h_j = W⁽²⁾_j 입니다.",
        ),
        (
            np.tile(dE_dyhat * W2 * fp, (2, 1)),
            "입력 x_i를 곱하지 않았습니다: 두 행이 똑같습니다.",
            "z_j = Σ_i x_i W⁽¹⁾_ij 이므로 ∂z_j/∂W⁽¹⁾_ij = x_i 입니다. np.outer(x, ...)를 쓰세요.",
        ),
        (
            np.outer(x, dE_dyhat * W2 * z * (1.0 - z)),
            "f′(z_j)를 z_j(1 − z_j)로 계산했습니다. 시그모이드의 도함수는 출력 h로 씁니다.",
            "f′(z_j) = h_j(1 − h_j), h_j = f(z_j).",
        ),
        (
            np.outer(x, dE_dyhat * W2 * h),
            "f′(z_j) 자리에 h_j를 곱했습니다. (1 − h_j)가 빠졌습니다.",
            "f′(z_j) = h_j(1 − h_j).",
        ),
        (
            np.outer(x, dE_dyhat * h),
            "출력층 기울기의 식 −(y − ŷ) h_j를 그대로 썼습니다. 은닉층은 한 층 더 거슬러 갑니다.",
            "ŷ → h_j → z_j → W⁽¹⁾_ij 경로의 국소적 미분 W⁽²⁾_j, f′(z_j), x_i를 모두 곱하세요.",
        ),
    ]


@guarded
def hidden_gradient(student_fn) -> Feedback:
    """학생의 hidden_gradient(x, y, W1, W2) (= ∂E/∂W⁽¹⁾, 모양 (2, 3))를 확인합니다.

    ∂E/∂W⁽¹⁾_ij = −(y − ŷ) · W⁽²⁾_j · f′(z_j) · x_i  (시그모이드, f′ = h(1 − h)).
    강의의 숫자와 시드로 만든 다른 입력 두 개에서 dlcourse의 역전파와 비교합니다.
    """
    if not callable(student_fn):
        return failed(
            f"함수를 넘겨야 합니다 (받은 자료형: {type(student_fn).__name__}).",
            "괄호 없이 함수 이름만 넘기세요: check.l03.hidden_gradient(hidden_gradient)",
        )
    for number, case in enumerate(_worked_cases()):
        x, y, W1, W2 = case["x"], case["y"], case["W1"], case["W2"]
        out = _as_result_array(student_fn(x.copy(), y, W1.copy(), W2.copy()))
        if isinstance(out, Feedback):
            return out
        if out.shape == (3, 2):
            return failed(
                "돌려준 배열의 모양이 (3, 2)입니다. W1과 같은 (2, 3)이어야 합니다: 행이 입력 i, 열이 은닉 유닛 j입니다.",
                "np.outer(x, 은닉 유닛마다의 값) 순서로 쓰면 (2, 3)이 됩니다.",
            )
        if out.shape != (2, 3):
            return failed(
                f"돌려준 배열의 모양이 {out.shape}입니다. W1과 같은 (2, 3)이어야 합니다.",
                "기울기 ∂E/∂W⁽¹⁾는 가중치 W⁽¹⁾와 모양이 같습니다.",
            )
        reference = _backprop_hidden_gradient(x, y, W1, W2)
        if _close(out, reference):
            continue
        if number > 0:
            return failed(
                "강의의 숫자에서는 맞지만, 다른 입력에서는 틀립니다.",
                "숫자를 직접 적어 넣지 말고 인자 x, y, W1, W2로 계산하세요.",
            )
        for value, message, hint in _hidden_mistakes(x, y, W1, W2):
            if _close(out, value):
                return failed(message, hint)
        return failed(
            "강의의 2-3-1 신경망에서 dlcourse 역전파의 값과 다릅니다.",
            "∂E/∂W⁽¹⁾_ij = −(y − ŷ) · W⁽²⁾_j · f′(z_j) · x_i. 손으로 한 칸씩 계산해 비교해 보세요.",
        )
    return passed(
        "강의의 숫자와 다른 입력 두 개에서 모두 dlcourse의 역전파와 같습니다. "
        "국소적 미분 W⁽²⁾_j, f′(z_j), x_i를 모두 곱했습니다."
    )


# ---------------------------------------------------------------------------
# 직접 해보기 4: ReLU에서 정확히 0이 되는 기울기
# ---------------------------------------------------------------------------

RELU_WEIGHT_NAMES = ("W2_1", "W2_2", "W2_3", "W1_11", "W1_12", "W1_13", "W1_21", "W1_22", "W1_23")
"""2-3-1 신경망의 가중치 이름: W2_j = W⁽²⁾_j, W1_ij = W⁽¹⁾_ij (입력 i → 은닉 유닛 j)."""


def _relu_zero_set() -> set[str]:
    """강의의 숫자로 ReLU 신경망의 기울기를 구해, 정확히 0인 가중치의 이름을 모읍니다."""
    result = backprop.run(activation="relu")
    zero = {f"W2_{j + 1}" for j in range(3) if result.grad_backprop["W2"][j] == 0.0}
    zero |= {
        f"W1_{i + 1}{j + 1}"
        for i in range(2)
        for j in range(3)
        if result.grad_backprop["W1"][i, j] == 0.0
    }
    return zero


@guarded
def relu_zero_gradients(names) -> Feedback:
    """ReLU를 쓴 강의의 2-3-1 신경망에서 기울기가 정확히 0인 가중치를 골랐는지 확인합니다.

    z = x W⁽¹⁾ = (0.7, −0.4, 0.35) 이므로 h₂ = 0, f′(z₂) = 0 입니다. 그래서
    W⁽²⁾₂ (∂E/∂W⁽²⁾₂ = −(y − ŷ) h₂), W⁽¹⁾₁₂, W⁽¹⁾₂₂ (f′(z₂)가 곱해짐)의 기울기가 0입니다.
    names: "W2_2", "W1_12"처럼 적은 이름의 집합이나 목록.
    """
    if isinstance(names, str):
        names = [names]
    try:
        chosen = {str(n).replace(" ", "").upper() for n in names}
    except TypeError:
        return failed(
            f"이름을 모은 집합이나 목록을 넣어야 합니다 (받은 자료형: {type(names).__name__}).",
            '예: zero_gradients = {"W2_1", "W1_11"}',
        )
    unknown = sorted(chosen - set(RELU_WEIGHT_NAMES))
    if unknown:
        return failed(
            f"알 수 없는 이름입니다: {', '.join(repr(n) for n in unknown)}.",
            f"쓸 수 있는 이름: {', '.join(RELU_WEIGHT_NAMES)} (W1_ij는 입력 i에서 은닉 유닛 j로 가는 가중치).",
        )
    correct = _relu_zero_set()
    if chosen == correct:
        return passed(
            "z₂ < 0 이라 ReLU에서 h₂ = 0이고 f′(z₂) = 0입니다. 유닛 2에서 나가는 "
            "W⁽²⁾₂는 h₂ = 0을 곱하고, 유닛 2로 들어가는 W⁽¹⁾₁₂와 W⁽¹⁾₂₂는 f′(z₂) = 0을 곱해 기울기가 0입니다."
        )
    if not chosen:
        return failed(
            "아직 아무 가중치도 고르지 않았습니다.",
            "z = x @ W1 을 계산해 0 이하인 은닉 유닛을 찾고, 그 유닛을 지나는 가중치를 떠올려 보세요.",
        )
    if chosen & {"W1_21", "W1_23"}:
        return failed(
            "입력 x₂에서 나가는 가중치를 골랐습니다. 기울기가 0인 것은 은닉 유닛 2로 들어가는 가중치입니다.",
            "W1_ij는 입력 i에서 은닉 유닛 j로 갑니다: 두 번째 숫자 j가 받는 유닛입니다.",
        )
    extra = sorted(chosen - correct)
    if extra:
        return failed(
            f"기울기가 0이 아닌 가중치도 골랐습니다: {', '.join(extra)}.",
            "z = x @ W1 = (0.7, −0.4, 0.35)입니다. z_j > 0인 유닛에서는 ReLU의 f′(z_j) = 1이고 h_j > 0입니다.",
        )
    missing = correct - chosen
    if "W2_2" in missing and not (missing - {"W2_2"}):
        return failed(
            "은닉층 쪽은 맞았습니다. 출력층 가중치 하나가 빠졌습니다.",
            "∂E/∂W⁽²⁾_j = −(y − ŷ) h_j 입니다. h₂는 얼마인가요?",
        )
    if missing & {"W1_12", "W1_22"}:
        return failed(
            f"빠진 가중치가 있습니다: 유닛 2로 들어가는 가중치 {len(missing & {'W1_12', 'W1_22'})}개를 더 찾아보세요.",
            "∂E/∂W⁽¹⁾_ij = −(y − ŷ) W⁽²⁾_j f′(z_j) x_i 이고, ReLU에서 z₂ < 0 이면 f′(z₂) = 0입니다.",
        )
    return failed(
        "아직 다 맞지 않았습니다.",
        "z = x @ W1 을 계산해 0 이하인 유닛을 찾아보세요.",
    )
