"""역전파(backpropagation) 한 단계씩 따라가기 (L03).

강의의 2-3-1 신경망을 숫자 하나하나까지 따라갑니다.

    입력        x = (x₁, x₂)
    은닉층      z_j = Σ_i x_i W_ij⁽¹⁾,   h_j = f(z_j)        (j = 1, 2, 3)
    출력층      ŷ = Σ_j h_j W_j⁽²⁾                            (선형, 유닛 하나)
    손실        E = ½ (y − ŷ)²

W_ij⁽¹⁾은 입력 i에서 은닉 유닛 j로 가는 가중치입니다 (Dense의 W[i, j]와 같은 배치:
모양 (fan_in, fan_out)). 강의의 식과 맞추려고 편향은 두지 않습니다: 두 Dense 층의 b는
0으로 고정하고 비교와 갱신에서 뺍니다.

연쇄 법칙(chain rule)으로 구한 기울기 (국소적 미분의 곱):

    ∂E/∂ŷ        = −(y − ŷ)
    ∂E/∂W_j⁽²⁾   = ∂E/∂ŷ · ∂ŷ/∂W_j⁽²⁾ = −(y − ŷ) h_j
    ∂E/∂W_ij⁽¹⁾  = ∂E/∂ŷ · ∂ŷ/∂h_j · ∂h_j/∂z_j · ∂z_j/∂W_ij⁽¹⁾
                 = −(y − ŷ) W_j⁽²⁾ f′(z_j) x_i
    갱신          W ← W − α ∂E/∂W   (α: 학습률)

f′는 시그모이드 f(1 − f), tanh 1 − f², ReLU 0 또는 1 입니다.

run()은 이 식을 손으로 쓴 NumPy로 계산하고, 같은 기울기를 dlcourse의 역전파
(net.backward)와 수치 미분(중앙 차분, dl.nn.numerical_gradient)으로도 구해 상대 오차를
비교합니다 (1e-7보다 작아야 합니다). delta_rule()은 2-2-2 시그모이드 신경망의
델타 규칙(delta rule)을 같은 방식으로 확인합니다.

쓰는 법

    from dlcourse.labs import backprop
    backprop.explorer()                        # 단계 0~3, 활성화 함수, 학습률
    result = backprop.run(activation="relu")
    print(backprop.table(result))              # 손 계산 | 역전파 | 수치 미분 | 상대 오차
    print(backprop.table(result, digits=8, error_below=1e-8))   # 기계마다 같은 글 (노트북용)
    print(backprop.delta_table(backprop.delta_rule()))

탐색기의 '단계': 0 순전파 값, 1 출력층 기울기, 2 은닉층 기울기, 3 갱신한 뒤의 새 손실.
연결의 색은 값의 부호(주황 = 양수, 파랑 = 음수), 굵기는 크기입니다.

갱신 시간 (기본 설정에서 LiveFigure.set_values로 값을 10번 남짓 바꾼 중앙값, 코어 두 개를
다른 작업과 나눠 쓰는 기계): 학습률이나 활성화 함수를 바꿀 때 52~54 ms, 단계를 바꿀 때
69~74 ms입니다 (단계 2, 3은 표의 행이 많아 글자가 늘어납니다). run()은 0.5 ms 안팎이고
나머지는 글자 그리기와 PNG 만들기입니다. 다른 작업이 함께 돌 때는 150 ms까지 늘었습니다.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .. import nn
from .._validate import (
    as_float_array,
    check_finite,
    check_int_range,
    check_positive,
    check_positive_int,
)
from ._common import (
    check_argument_names,
    check_result,
    choose,
    figure_and_axes,
    preset_values,
    text_table,
)

__all__ = [
    "DEFAULTS",
    "PRESETS",
    "STAGES",
    "BackpropResult",
    "DeltaRuleResult",
    "DELTA_RULE_NAMES",
    "DELTA_RULE_DEFAULTS",
    "run",
    "weight_names",
    "table",
    "delta_rule",
    "delta_table",
    "plot",
    "explorer",
]

# 강의에 싣는 숫자. x₂의 입력과 가중치를 골라 z₂ < 0이 되게 했습니다: ReLU에서는 h₂ = 0,
# f′(z₂) = 0 이라 h₂에 닿은 기울기가 모두 0이 되는 것을 볼 수 있습니다.
DEFAULTS: dict = {
    "activation": "sigmoid",
    "learning_rate": 0.5,
    "x": (1.0, 0.5),
    "y": 1.0,
    "W1": ((0.4, -0.5, 0.5), (0.6, 0.2, -0.3)),
    "W2": (0.6, -0.4, 0.3),
}

STAGES = {0: "순전파", 1: "출력층 기울기", 2: "은닉층 기울기", 3: "갱신"}

PRESETS: dict[str, dict] = {
    "sigmoid": {
        "activation": "sigmoid",
        "설명": "시그모이드의 도함수 f′ = f(1 − f)는 0.25를 넘지 않아 은닉층 기울기가 출력층보다 작습니다.",
    },
    "relu_off": {
        "activation": "relu",
        "설명": "ReLU에서 z₂ < 0인 유닛은 h₂ = 0, f′(z₂) = 0이라 그 유닛에 닿은 기울기가 모두 0입니다.",
    },
    "tanh": {
        "activation": "tanh",
        "설명": "tanh의 도함수 1 − tanh²은 0 근처에서 1에 가까워 시그모이드보다 기울기가 크게 전해집니다.",
    },
    "big_step": {
        "activation": "sigmoid",
        "learning_rate": 8.0,
        "설명": "학습률이 너무 크면 단계 3에서 새 손실이 오히려 커집니다: 기울기는 맞아도 너무 멀리 갑니다.",
    },
}

_ACTIVATIONS = {"sigmoid": "시그모이드", "tanh": "tanh", "relu": "ReLU"}


# ---------------------------------------------------------------------------
# 활성화 함수와 도함수를 손으로
# ---------------------------------------------------------------------------


def _f(name: str, z: np.ndarray) -> np.ndarray:
    """f(z): 시그모이드 1/(1 + e^(−z)), tanh, ReLU max(0, z)."""
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if name == "tanh":
        return np.tanh(z)
    return np.maximum(z, 0.0)


def _f_prime(name: str, z: np.ndarray) -> np.ndarray:
    """f′(z): 시그모이드 f(1 − f), tanh 1 − f², ReLU 1 (z > 0) 또는 0."""
    if name == "sigmoid":
        s = _f(name, z)
        return s * (1.0 - s)
    if name == "tanh":
        return 1.0 - np.tanh(z) ** 2
    return (z > 0).astype(float)


def _noise_floor(loss: float, h: float = 1e-6) -> float:
    """중앙 차분의 반올림 잡음 크기 100·ε·|E|/h. 두 값이 모두 이보다 작으면 '둘 다 0'으로 봅니다."""
    return 100.0 * np.finfo(np.float64).eps * abs(loss) / h


def _relative_errors(a: np.ndarray, b: np.ndarray, floor: float) -> np.ndarray:
    """원소마다 |a − b| / max(|a|, |b|). 둘 다 floor 이하이면 0입니다."""
    scale = np.maximum(np.abs(a), np.abs(b))
    safe = np.where(scale > floor, scale, 1.0)
    return np.where(scale > floor, np.abs(a - b) / safe, 0.0)


# ---------------------------------------------------------------------------
# 입력 검사
# ---------------------------------------------------------------------------


def _as_matrix(value, name: str, shape: tuple) -> np.ndarray:
    arr = check_finite(as_float_array(value, name), name)
    if arr.shape != shape:
        if shape == (3,) and arr.shape == (3, 1):
            arr = arr[:, 0]
        else:
            raise ValueError(
                f"{name}의 모양은 {shape}이어야 합니다 (받은 모양: {arr.shape}). "
                "2-3-1 신경망의 숫자를 넣어 주세요."
            )
    return np.array(arr, dtype=np.float64)


def _check_params(params: dict) -> dict:
    check_argument_names(params, list(DEFAULTS))
    p = {**DEFAULTS, **params}
    p["activation"] = choose(p["activation"], _ACTIVATIONS, "활성화 함수")
    p["learning_rate"] = check_positive(p["learning_rate"], "학습률(learning_rate)")
    if p["learning_rate"] > 100:
        raise ValueError(
            f"학습률(learning_rate)은 100 이하여야 합니다 (받은 값: {p['learning_rate']})."
        )
    p["x"] = _as_matrix(p["x"], "입력 x", (2,))
    y = as_float_array(p["y"], "정답 y")
    if y.size != 1:
        raise ValueError(f"정답 y는 숫자 하나여야 합니다 (받은 모양: {y.shape}).")
    p["y"] = float(check_finite(y, "정답 y").reshape(()))
    p["W1"] = _as_matrix(p["W1"], "은닉층 가중치 W1", (2, 3))
    p["W2"] = _as_matrix(p["W2"], "출력층 가중치 W2", (3,))
    return p


# ---------------------------------------------------------------------------
# 2-3-1 신경망
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BackpropResult:
    """run()의 결과. 배열은 모두 float64이고 강의의 기호를 그대로 씁니다.

    - x (2,), y, W1 (2, 3) = W_ij⁽¹⁾, W2 (3,) = W_j⁽²⁾, activation, learning_rate
    - 순전파: z (3,), h (3,), y_hat, loss (= E)
    - 국소적 미분: f_prime (3,) = f′(z_j), dE_dyhat = −(y − ŷ), dE_dz (3,) = −(y − ŷ) W_j⁽²⁾ f′(z_j)
    - 기울기: grad_hand, grad_backprop, grad_numeric — 각각 {"W1": (2, 3), "W2": (3,)}
    - 상대 오차: error_backprop (손 계산 대 역전파), error_numeric (손 계산 대 수치 미분),
      같은 키와 모양. max_error는 둘을 통틀어 가장 큰 값.
    - 갱신: delta {"W1", "W2"} = −α ∂E/∂W, W1_new, W2_new, h_new, y_hat_new, loss_new
    - diverged, message: 새 손실이 유한하지 않으면 True와 한국어 설명.
    """

    activation: str
    learning_rate: float
    x: np.ndarray
    y: float
    W1: np.ndarray
    W2: np.ndarray
    z: np.ndarray
    h: np.ndarray
    y_hat: float
    loss: float
    f_prime: np.ndarray
    dE_dyhat: float
    dE_dz: np.ndarray
    grad_hand: dict
    grad_backprop: dict
    grad_numeric: dict
    error_backprop: dict
    error_numeric: dict
    max_error: float
    delta: dict
    W1_new: np.ndarray
    W2_new: np.ndarray
    h_new: np.ndarray
    y_hat_new: float
    loss_new: float
    diverged: bool = False
    message: str | None = None


def _forward_by_hand(name: str, x, W1, W2, y):
    """z = x W⁽¹⁾, h = f(z), ŷ = h · W⁽²⁾, E = ½ (y − ŷ)²."""
    z = x @ W1
    h = _f(name, z)
    y_hat = float(h @ W2)
    return z, h, y_hat, 0.5 * (y - y_hat) ** 2


def _network(name: str, W1: np.ndarray, W2: np.ndarray) -> nn.Sequential:
    """dlcourse 층으로 만든 같은 신경망. 편향은 0으로 두고 쓰지 않습니다."""
    hidden = nn.Dense(2, 3, init="zeros")
    output = nn.Dense(3, 1, init="zeros")
    hidden.W[...] = W1
    output.W[...] = W2[:, None]
    return nn.Sequential([hidden, nn.get_activation(name), output])


def run(**params) -> BackpropResult:
    """2-3-1 신경망에서 순전파, 손으로 구한 기울기, 역전파, 수치 미분, 갱신을 계산합니다.

    인자 (모두 선택, 기본값은 DEFAULTS): activation ("sigmoid", "tanh", "relu"),
    learning_rate (α > 0), x (2,), y (숫자), W1 (2, 3), W2 (3,).
    """
    p = _check_params(params)
    name, alpha = p["activation"], p["learning_rate"]
    x, y, W1, W2 = p["x"], p["y"], p["W1"], p["W2"]

    with np.errstate(over="ignore", invalid="ignore"):
        # 1) 순전파와 손으로 쓴 연쇄 법칙
        z, h, y_hat, loss = _forward_by_hand(name, x, W1, W2, y)
        f_prime = _f_prime(name, z)
        dE_dyhat = -(y - y_hat)
        dE_dz = dE_dyhat * W2 * f_prime
        grad_hand = {
            "W1": np.outer(x, dE_dz),  # −(y − ŷ) W_j⁽²⁾ f′(z_j) x_i
            "W2": dE_dyhat * h,  # −(y − ŷ) h_j
        }

        # 2) dlcourse의 역전파
        net = _network(name, W1, W2)
        X, Y = x[None, :], np.array([[y]])
        mse = nn.MSE()  # 샘플 하나: ½ (ŷ − y)² 그대로
        mse.forward(net.forward(X), Y)
        net.backward(mse.backward())
        hidden, output = net.layers[0], net.layers[2]
        grad_backprop = {"W1": hidden.dW.copy(), "W2": output.dW[:, 0].copy()}

        # 3) 수치 미분 (중앙 차분)
        def energy() -> float:
            return mse.forward(net.forward(X), Y)

        grad_numeric = {
            "W1": nn.numerical_gradient(energy, hidden.W),
            "W2": nn.numerical_gradient(energy, output.W)[:, 0],
        }

        # 4) 갱신 W ← W − α ∂E/∂W 과 새 손실
        delta = {key: -alpha * grad_hand[key] for key in grad_hand}
        W1_new, W2_new = W1 + delta["W1"], W2 + delta["W2"]
        _, h_new, y_hat_new, loss_new = _forward_by_hand(name, x, W1_new, W2_new, y)

    floor = _noise_floor(loss)
    error_backprop = {k: _relative_errors(grad_hand[k], grad_backprop[k], floor) for k in grad_hand}
    error_numeric = {k: _relative_errors(grad_hand[k], grad_numeric[k], floor) for k in grad_hand}
    max_error = max(float(e.max()) for e in (*error_backprop.values(), *error_numeric.values()))
    diverged = not math.isfinite(loss_new)
    message = None
    if diverged:
        message = "발산했습니다: 갱신한 뒤의 손실이 유한한 값이 아닙니다. 학습률을 낮춰 보세요."
    return BackpropResult(
        activation=name,
        learning_rate=alpha,
        x=x,
        y=y,
        W1=W1,
        W2=W2,
        z=z,
        h=h,
        y_hat=y_hat,
        loss=loss,
        f_prime=f_prime,
        dE_dyhat=dE_dyhat,
        dE_dz=dE_dz,
        grad_hand=grad_hand,
        grad_backprop=grad_backprop,
        grad_numeric=grad_numeric,
        error_backprop=error_backprop,
        error_numeric=error_numeric,
        max_error=max_error,
        delta=delta,
        W1_new=W1_new,
        W2_new=W2_new,
        h_new=h_new,
        y_hat_new=y_hat_new,
        loss_new=loss_new,
        diverged=diverged,
        message=message,
    )


# ---------------------------------------------------------------------------
# 글 표
# ---------------------------------------------------------------------------


def _text_table(headers, rows, footer: str) -> str:
    """머리글, 구분선, 행들, 구분선, 맺음 글 한 줄 (모든 열 왼쪽 정렬)."""
    header, rule, *body = text_table(headers, rows)
    return "\n".join([header, rule, *body, rule, footer])


def _check_table_options(digits, error_below) -> tuple[int, float | None]:
    digits = check_int_range(digits, "digits(소수점 아래 자릿수)", 0, 16)
    if error_below is not None:
        error_below = check_positive(error_below, "error_below(상대 오차의 상한)")
    return digits, error_below


def _fixed(value: float, digits: int) -> str:
    """소수점 아래 digits자리 (양수 앞은 빈칸). 반올림해서 0이 되는 음수는 −0 대신 0으로 적습니다."""
    return f"{round(float(value), digits) + 0.0: .{digits}f}"


def _power_of_ten_text(value: float) -> str:
    """유효숫자 하나의 과학 표기: 1e-08 → "1e-8", 5e-10 → "5e-10"."""
    mantissa, exponent = f"{value:.0e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def _error_text(error: float, error_below: float | None) -> str:
    """상대 오차 글. error_below보다 작으면 "< 1e-8"처럼 상한만 적습니다 (마지막 자리가 기계마다
    달라도 같은 글이 되게)."""
    if error_below is not None and error < error_below:
        return f"< {_power_of_ten_text(error_below)}"
    return f"{error:.1e}"


_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def weight_names() -> list[tuple[str, str, tuple]]:
    """2-3-1 신경망의 가중치 이름 목록: (글 이름, 키, 번호). 예: ("W⁽¹⁾₁₂", "W1", (0, 1))."""
    names = [(f"W⁽²⁾{str(j + 1).translate(_SUB)}", "W2", (j,)) for j in range(3)]
    names += [
        (f"W⁽¹⁾{f'{i + 1}{j + 1}'.translate(_SUB)}", "W1", (i, j))
        for i in range(2)
        for j in range(3)
    ]
    return names


def table(result: BackpropResult, digits: int = 10, error_below: float | None = None) -> str:
    """가중치마다 손으로 구한 식, 역전파, 수치 미분의 값과 상대 오차를 한국어 글 표로 돌려줍니다.

    상대 오차 열은 손으로 구한 식과 수치 미분의 |a − n| / max(|a|, |n|)이고, 맨 아래 줄에
    손으로 구한 식과 역전파의 최대 상대 오차를 적습니다.

    digits: 기울기 값의 소수점 아래 자릿수 (기본 10, 0~16).
    error_below: 주면 이보다 작은 상대 오차를 "< 1e-8"처럼 상한으로만 적습니다.
    수치 미분의 마지막 자리와 1e-12 안팎의 상대 오차는 기계와 BLAS에 따라 달라지므로,
    노트북에 저장해 nbval로 비교할 출력은 table(result, digits=8, error_below=1e-8)처럼 쓰세요.
    """
    check_result(result, BackpropResult, "backprop.run()")
    digits, error_below = _check_table_options(digits, error_below)
    headers = ("가중치", "손으로 구한 식", "역전파", "수치 미분", "상대 오차")
    rows = []
    for label, key, index in weight_names():
        rows.append(
            (
                label,
                _fixed(result.grad_hand[key][index], digits),
                _fixed(result.grad_backprop[key][index], digits),
                _fixed(result.grad_numeric[key][index], digits),
                _error_text(result.error_numeric[key][index], error_below),
            )
        )
    worst = max(float(e.max()) for e in result.error_backprop.values())
    if error_below is not None and worst < error_below:
        agreement = f"모두 {_power_of_ten_text(error_below)}보다 작습니다."
    else:
        agreement = f"최대 {worst:.1e}입니다."
    footer = (
        f"활성화 함수: {_ACTIVATIONS[result.activation]}, 손실 E = {result.loss:.6f}. "
        f"손으로 구한 식과 역전파의 상대 오차는 {agreement}"
    )
    return _text_table(headers, rows, footer)


# ---------------------------------------------------------------------------
# 2-2-2 시그모이드 신경망의 델타 규칙
# ---------------------------------------------------------------------------

# 강의 표기: w_ab 는 유닛 b에서 유닛 a로 가는 가중치입니다. 유닛 번호는 은닉 h1 = 1,
# h2 = 2, 출력 o1 = 3, o2 = 4 이고, b 자리의 1, 2는 앞 층의 첫째, 둘째 유닛입니다.
# Dense 배치(W[보내는 유닛, 받는 유닛])로 옮기면 아래와 같습니다.
DELTA_RULE_NAMES = {
    "w11": ("W1", (0, 0)),  # x1 → h1
    "w12": ("W1", (1, 0)),  # x2 → h1
    "w21": ("W1", (0, 1)),  # x1 → h2
    "w22": ("W1", (1, 1)),  # x2 → h2
    "w31": ("W2", (0, 0)),  # h1 → o1
    "w32": ("W2", (1, 0)),  # h2 → o1
    "w41": ("W2", (0, 1)),  # h1 → o2
    "w42": ("W2", (1, 1)),  # h2 → o2
}

DELTA_RULE_DEFAULTS = {
    "x": (0.5, 0.8),
    "target": (0.2, 0.9),
    "W1": ((0.3, -0.4), (0.6, 0.2)),  # [[w11, w21], [w12, w22]]
    "W2": ((0.5, 0.7), (-0.3, 0.1)),  # [[w31, w41], [w32, w42]]
}


@dataclass(frozen=True)
class DeltaRuleResult:
    """delta_rule()의 결과.

    - y_h (2,), y_o (2,): 은닉층과 출력층의 시그모이드 출력, loss = ½ Σ_k (y_ok − t_k)²
    - delta_o (2,) = (y_o − t) y_o (1 − y_o)
    - delta_h (2,) = (Σ_k δ_ok w_(k+2) j) y_h (1 − y_h),  예: δ_h1 = (δ_o1 w31 + δ_o2 w41) y_h1 (1 − y_h1)
    - grad_delta {"W1", "W2"}: 델타 규칙의 기울기 ∂E/∂w = δ(받는 유닛) × 보내는 유닛의 출력
    - grad_backprop {"W1", "W2"}: dlcourse 역전파 (net.backward)
    - error {"W1", "W2"}: 원소별 상대 오차, max_error
    """

    x: np.ndarray
    target: np.ndarray
    W1: np.ndarray
    W2: np.ndarray
    y_h: np.ndarray
    y_o: np.ndarray
    loss: float
    delta_o: np.ndarray
    delta_h: np.ndarray
    grad_delta: dict
    grad_backprop: dict
    error: dict
    max_error: float


def delta_rule(x=None, target=None, W1=None, W2=None) -> DeltaRuleResult:
    """2-2-2 시그모이드 신경망 (x1, x2 → h1, h2 → o1, o2, 편향 없음)의 델타 규칙.

    출력층: ∂E/∂w31 = (y_o1 − t1) · y_o1 (1 − y_o1) · y_h1 = δ_o1 · y_h1
    은닉층: ∂E/∂w11 = (δ_o1 w31 + δ_o2 w41) · y_h1 (1 − y_h1) · x1 = δ_h1 · x1
    두 식 모두 out(1 − out) 꼴이 들어 있고, 층을 거슬러 올라가며 같은 모양이 되풀이됩니다.

    x, target: 길이 2. W1, W2: 모양 (2, 2), Dense 배치 W[보내는 유닛, 받는 유닛]
    (이름과 자리의 대응은 DELTA_RULE_NAMES). 주지 않으면 DELTA_RULE_DEFAULTS를 씁니다.
    같은 기울기를 dlcourse 역전파로 구해 상대 오차와 함께 돌려줍니다.
    """
    given = {"x": x, "target": target, "W1": W1, "W2": W2}
    values = {k: DELTA_RULE_DEFAULTS[k] if v is None else v for k, v in given.items()}
    x = _as_matrix(values["x"], "입력 x", (2,))
    target = _as_matrix(values["target"], "정답 target", (2,))
    W1 = _as_matrix(values["W1"], "은닉층 가중치 W1", (2, 2))
    W2 = _as_matrix(values["W2"], "출력층 가중치 W2", (2, 2))

    with np.errstate(over="ignore", invalid="ignore"):
        y_h = _f("sigmoid", x @ W1)
        y_o = _f("sigmoid", y_h @ W2)
        loss = 0.5 * float(np.sum((y_o - target) ** 2))
        delta_o = (y_o - target) * y_o * (1.0 - y_o)
        delta_h = (W2 @ delta_o) * y_h * (1.0 - y_h)  # Σ_k δ_ok · (h_j → o_k 가중치)
        grad_delta = {"W1": np.outer(x, delta_h), "W2": np.outer(y_h, delta_o)}

        hidden, output = nn.Dense(2, 2, init="zeros"), nn.Dense(2, 2, init="zeros")
        hidden.W[...], output.W[...] = W1, W2
        net = nn.Sequential([hidden, nn.Sigmoid(), output, nn.Sigmoid()])
        mse = nn.MSE()
        mse.forward(net.forward(x[None, :]), target[None, :])
        net.backward(mse.backward())
    grad_backprop = {"W1": hidden.dW.copy(), "W2": output.dW.copy()}
    floor = _noise_floor(loss)
    error = {k: _relative_errors(grad_delta[k], grad_backprop[k], floor) for k in grad_delta}
    return DeltaRuleResult(
        x=x,
        target=target,
        W1=W1,
        W2=W2,
        y_h=y_h,
        y_o=y_o,
        loss=loss,
        delta_o=delta_o,
        delta_h=delta_h,
        grad_delta=grad_delta,
        grad_backprop=grad_backprop,
        error=error,
        max_error=max(float(e.max()) for e in error.values()),
    )


def delta_table(
    result: DeltaRuleResult, digits: int = 10, error_below: float | None = None
) -> str:
    """2-2-2 델타 규칙의 가중치마다 델타 규칙, 역전파, 상대 오차를 한국어 글 표로 돌려줍니다.

    digits, error_below는 table()과 같습니다 (예: delta_table(result, digits=8, error_below=1e-8)).
    """
    check_result(result, DeltaRuleResult, "backprop.delta_rule()")
    digits, error_below = _check_table_options(digits, error_below)
    headers = ("가중치", "연결", "델타 규칙", "역전파", "상대 오차")
    links = {
        "w11": "x1→h1",
        "w12": "x2→h1",
        "w21": "x1→h2",
        "w22": "x2→h2",
        "w31": "h1→o1",
        "w32": "h2→o1",
        "w41": "h1→o2",
        "w42": "h2→o2",
    }
    rows = []
    for name in ("w31", "w32", "w41", "w42", "w11", "w12", "w21", "w22"):
        key, index = DELTA_RULE_NAMES[name]
        rows.append(
            (
                name,
                links[name],
                _fixed(result.grad_delta[key][index], digits),
                _fixed(result.grad_backprop[key][index], digits),
                _error_text(result.error[key][index], error_below),
            )
        )
    footer = (
        f"δ_o = ({result.delta_o[0]:.6f}, {result.delta_o[1]:.6f}), "
        f"δ_h = ({result.delta_h[0]:.6f}, {result.delta_h[1]:.6f}), 손실 E = {result.loss:.6f}"
    )
    return _text_table(headers, rows, footer)


# ---------------------------------------------------------------------------
# 그림
# ---------------------------------------------------------------------------

_FIGSIZE = (11.0, 4.6)
# 신경망 그림의 좌표: 입력 x₁, x₂ / 은닉 h₁..h₃ / 출력 ŷ
_INPUT_XY = np.array([[0.0, 0.8], [0.0, -0.8]])
_HIDDEN_XY = np.array([[1.0, 1.35], [1.0, 0.0], [1.0, -1.35]])
_OUTPUT_XY = np.array([[2.0, 0.0]])
_LABEL_AT_INPUT_SIDE = 0.3  # 입력→은닉 연결의 값은 선분의 30% 지점에 적습니다 (겹치지 않게).
_INACTIVE = "#BBBBBB"

_STAGE_FORMULAS = {
    0: [
        r"$z_j = \sum_i x_i W^{(1)}_{ij}$,   $h_j = f(z_j)$",
        r"$\hat{y} = \sum_j h_j W^{(2)}_j$,   $E = \frac{1}{2}(y - \hat{y})^2$",
    ],
    1: [
        r"$\partial E/\partial \hat{y} = -(y - \hat{y})$",
        r"$\partial E/\partial W^{(2)}_j = -(y - \hat{y})\, h_j$",
    ],
    2: [
        r"$\partial E/\partial z_j = -(y - \hat{y})\, W^{(2)}_j\, f'(z_j)$",
        r"$\partial E/\partial W^{(1)}_{ij} = -(y - \hat{y})\, W^{(2)}_j\, f'(z_j)\, x_i$",
    ],
    3: [
        r"$\Delta W = -\alpha\, \partial E/\partial W$,   $W \leftarrow W + \Delta W$",
        "",
    ],
}


def _num(value: float, digits: int = 3) -> str:
    """표시용 숫자: −0은 0으로, 빼기는 '−'(U+2212)로 씁니다."""
    value = float(value) + 0.0
    return f"{value:.{digits}f}".replace("-", "−")


def _edge_values(result: BackpropResult, stage: int):
    """단계마다 연결(입력→은닉 6개, 은닉→출력 3개)에 적을 값과 활성 여부."""
    W1, W2 = result.W1.ravel(), result.W2
    if stage == 0:
        return np.concatenate([W1, W2]), np.ones(9, dtype=bool)
    if stage == 1:
        values = np.concatenate([W1, result.grad_hand["W2"]])
        return values, np.r_[np.zeros(6, dtype=bool), np.ones(3, dtype=bool)]
    if stage == 2:
        values = np.concatenate([result.grad_hand["W1"].ravel(), result.grad_hand["W2"]])
        return values, np.r_[np.ones(6, dtype=bool), np.zeros(3, dtype=bool)]
    return np.concatenate([result.delta["W1"].ravel(), result.delta["W2"]]), np.ones(9, dtype=bool)


def _node_texts(result: BackpropResult, stage: int) -> list[str]:
    """입력 2개, 은닉 3개, 출력 1개 유닛 옆에 적을 글."""
    sub = [str(k).translate(_SUB) for k in range(4)]
    inputs = [f"x{sub[i + 1]} = {_num(v, 2)}" for i, v in enumerate(result.x)]
    if stage == 0:
        hidden = [
            f"z{sub[j + 1]} = {_num(z)}\nh{sub[j + 1]} = {_num(h)}"
            for j, (z, h) in enumerate(zip(result.z, result.h, strict=True))
        ]
        output = f"ŷ = {_num(result.y_hat)}\ny = {_num(result.y, 2)}\nE = {_num(result.loss, 4)}"
    elif stage == 1:
        hidden = [f"h{sub[j + 1]} = {_num(h)}" for j, h in enumerate(result.h)]
        output = f"∂E/∂ŷ = −(y − ŷ)\n= {_num(result.dE_dyhat)}"
    elif stage == 2:
        hidden = [
            f"f′(z{sub[j + 1]}) = {_num(fp)}\n∂E/∂z{sub[j + 1]} = {_num(d, 4)}"
            for j, (fp, d) in enumerate(zip(result.f_prime, result.dE_dz, strict=True))
        ]
        output = f"∂E/∂ŷ = −(y − ŷ)\n= {_num(result.dE_dyhat)}"
    else:
        hidden = [f"새 h{sub[j + 1]} = {_num(h)}" for j, h in enumerate(result.h_new)]
        output = f"새 ŷ = {_num(result.y_hat_new)}\n새 E = {_num(result.loss_new, 4)}"
    return [*inputs, *hidden, output]


def _table_columns(result: BackpropResult, stage: int) -> list[str]:
    """비교 표의 다섯 열 (가중치, 손 계산, 역전파, 수치 미분, 상대 오차). 단계마다 행이 늘어납니다."""
    headers = ["가중치", "손 계산", "역전파", "수치 미분", "상대 오차"]
    rows = {0: 0, 1: 3, 2: 9, 3: 9}[stage]
    names = weight_names()
    columns = [[h] for h in headers]
    for label, key, index in names[:rows]:
        error = max(result.error_numeric[key][index], result.error_backprop[key][index])
        cells = (
            label,
            _num(result.grad_hand[key][index], 5),
            _num(result.grad_backprop[key][index], 5),
            _num(result.grad_numeric[key][index], 5),
            f"{error:.0e}".replace("-", "−"),
        )
        for column, cell in zip(columns, cells, strict=True):
            column.append(cell)
    if rows == 0:
        columns[0].append("(단계 1부터 채웁니다)")
    return ["\n".join(c) for c in columns]


def _stage_note(result: BackpropResult, stage: int) -> str:
    """그림 아래에 적는 단계 설명 (숫자를 넣은 예)."""
    e = _num(result.dE_dyhat)
    if stage == 0:
        return f"순전파: 입력에서 출력 쪽으로 값을 계산합니다. 손실 E = {_num(result.loss, 4)}"
    if stage == 1:
        return (
            f"출력층: ∂E/∂W⁽²⁾₁ = −(y − ŷ)·h₁ = {e} × {_num(result.h[0])} "
            f"= {_num(result.grad_hand['W2'][0], 4)}"
        )
    if stage == 2:
        return (
            f"은닉층: ∂E/∂W⁽¹⁾₁₁ = {e} × {_num(result.W2[0], 2)} × {_num(result.f_prime[0])}"
            f" × {_num(result.x[0], 2)} = {_num(result.grad_hand['W1'][0, 0], 4)}"
        )
    change = "줄었습니다" if result.loss_new < result.loss else "오히려 커졌습니다"
    return (
        f"갱신 (α = {result.learning_rate:.3g}) 뒤 손실: {_num(result.loss, 4)} → "
        f"{_num(result.loss_new, 4)} ({change})"
    )


class _Panels:
    """plot()과 explorer()가 함께 쓰는 그림: 값을 적은 2-3-1 신경망과 기울기 비교 표."""

    def __init__(self, fig, axes, result: BackpropResult, stage: int):
        from matplotlib.collections import LineCollection
        from matplotlib.colors import LinearSegmentedColormap

        from .. import viz
        from ..viz.font import TICK_FAMILY

        # ∂, ŷ, ⁽²⁾, ₁ 같은 기호는 DejaVu Sans로, 한글은 나눔고딕으로 그립니다 (글자 단위 대체).
        # 나눔고딕에도 이 기호들이 있지만 크기가 작고 모양이 어긋납니다.
        family = list(TICK_FAMILY)
        self.viz = viz
        self.fig = fig
        ax_net, ax_table = axes
        axes[0].get_gridspec().set_width_ratios([1.35, 1.0])
        # 음수 = 파랑, 0 = 회색, 양수 = 주황 (Okabe–Ito, 색각 이상에도 구별됩니다)
        self.cmap = LinearSegmentedColormap.from_list("sign", [viz.BLUE, "#DDDDDD", viz.ORANGE])
        nodes = np.concatenate([_INPUT_XY, _HIDDEN_XY, _OUTPUT_XY])
        starts = np.concatenate([np.repeat(_INPUT_XY, 3, axis=0), _HIDDEN_XY])
        ends = np.concatenate([np.tile(_HIDDEN_XY, (2, 1)), np.repeat(_OUTPUT_XY, 3, axis=0)])
        self.edges = LineCollection(np.stack([starts, ends], axis=1), zorder=1)
        ax_net.add_collection(self.edges)
        t = np.r_[np.full(6, _LABEL_AT_INPUT_SIDE), np.full(3, 0.5)][:, None]
        label_xy = starts + t * (ends - starts)
        box = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"}
        self.edge_texts = [
            ax_net.text(
                px, py, "", ha="center", va="center", fontsize=8, bbox=box, zorder=3, family=family
            )
            for px, py in label_xy
        ]
        ax_net.plot(
            nodes[:, 0],
            nodes[:, 1],
            ls="none",
            marker="o",
            ms=24,
            mfc="white",
            mec=viz.BLACK,
            mew=1.5,
            zorder=2,
        )
        names = ["$x_1$", "$x_2$", "$h_1$", "$h_2$", "$h_3$", r"$\hat{y}$"]
        for (nx, ny), name in zip(nodes, names, strict=True):
            ax_net.text(nx, ny, name, ha="center", va="center", fontsize=10, zorder=4)
        offsets = [(-0.17, 0, "right")] * 2 + [(0.0, 0.27, "center")] * 3 + [(0.17, 0, "left")]
        self.node_texts = [
            ax_net.text(
                nx + dx,
                ny + dy,
                "",
                ha=ha,
                va="bottom" if dy else "center",
                fontsize=8.5,
                linespacing=1.3,
                bbox=box,
                zorder=5,
                family=family,
            )
            for (nx, ny), (dx, dy, ha) in zip(nodes, offsets, strict=True)
        ]
        ax_net.set_xlim(-0.75, 2.75)
        ax_net.set_ylim(-1.75, 2.05)
        ax_net.set_axis_off()
        self.ax_net = ax_net

        ax_table.set_axis_off()
        ax_table.set_xlim(0, 1)
        ax_table.set_ylim(0, 1)
        self.formulas = [
            ax_table.text(0.0, 0.98 - 0.1 * k, "", ha="left", va="top", fontsize=10.5)
            for k in range(2)
        ]
        column_x = [0.0, 0.36, 0.56, 0.76, 1.0]
        self.columns = [
            ax_table.text(
                x,
                0.72,
                "",
                ha="left" if k == 0 else "right",
                va="top",
                fontsize=9,
                linespacing=1.55,
                multialignment="left" if k == 0 else "right",
                family=family,
            )
            for k, x in enumerate(column_x)
        ]
        self.title = fig.suptitle("", fontsize=12, family=family)
        self.note = fig.text(0.5, 0.02, "", ha="center", va="bottom", fontsize=10, family=family)
        self.update(result, stage)

    def update(self, result: BackpropResult, stage: int) -> None:
        values, active = _edge_values(result, stage)
        scale = np.abs(values[active]).max() if active.any() else 1.0
        scale = scale if scale > 0 else 1.0
        colors = self.cmap(0.5 + 0.5 * values / scale)
        colors[~active] = (0.8, 0.8, 0.8, 1.0)
        widths = np.where(active, 1.0 + 5.0 * np.abs(values) / scale, 0.8)
        self.edges.set_color(colors)
        self.edges.set_linewidth(widths)
        digits = 3 if stage == 0 else 4
        for text, value, on in zip(self.edge_texts, values, active, strict=True):
            text.set_text(_num(value, digits))
            text.set_color(self.viz.BLACK if on else _INACTIVE)
        for text, content in zip(self.node_texts, _node_texts(result, stage), strict=True):
            text.set_text(content)
        for text, formula in zip(self.formulas, _STAGE_FORMULAS[stage], strict=True):
            text.set_text(formula)
        for text, column in zip(self.columns, _table_columns(result, stage), strict=True):
            text.set_text(column)
        what = {
            0: "연결: 가중치 W",
            1: "연결: 출력층 기울기 ∂E/∂W⁽²⁾",
            2: "연결: 은닉층 기울기 ∂E/∂W⁽¹⁾",
            3: "연결: 갱신량 ΔW = −α ∂E/∂W",
        }[stage]
        self.title.set_text(
            f"역전파 단계 {stage}: {STAGES[stage]} ({_ACTIVATIONS[result.activation]}, "
            f"α = {result.learning_rate:.3g}) — {what}  (주황 = 양수, 파랑 = 음수, 굵기 = 크기)"
        )
        self.note.set_text(_stage_note(result, stage))
        if result.diverged:
            self.viz.show_message(self.fig, result.message, kind="error")


def _check_stage(stage) -> int:
    stage = check_positive_int(stage, "단계(stage)", minimum=0)
    if stage not in STAGES:
        raise ValueError(
            f"단계(stage)는 0, 1, 2, 3 중 하나여야 합니다 (받은 값: {stage}). "
            "0 순전파, 1 출력층 기울기, 2 은닉층 기울기, 3 갱신."
        )
    return stage


def plot(result: BackpropResult, fig=None, stage: int = 3):
    """run()의 결과를 그립니다: 값을 적은 2-3-1 신경망과 손 계산·역전파·수치 미분 비교 표.

    stage: 0 순전파, 1 출력층 기울기, 2 은닉층 기울기, 3 갱신 (기본). fig를 주면 그 그림을
    비우고 그립니다. matplotlib Figure를 돌려줍니다.
    """
    check_result(result, BackpropResult, "backprop.run()")
    stage = _check_stage(stage)
    fig, axes = figure_and_axes(fig, 1, 2, figsize=_FIGSIZE)
    _Panels(fig, axes, result, stage)
    return fig


def explorer(preset: str | None = None, stage: int = 0, **overrides):
    """역전파 탐색기: 단계(0~3), 활성화 함수, 학습률을 바꾸며 값과 기울기를 따라갑니다.

    preset: PRESETS의 이름. stage: 처음 단계. overrides: run()의 인자 (예: x, y, W1, W2도
    바꿀 수 있습니다). dlcourse.viz.LiveFigure를 돌려줍니다.
    """
    from .. import viz

    # DEFAULTS ← 프리셋 ← overrides. 잘못된 값은 위젯을 만들기 전에 한국어로 알립니다.
    settings = {**DEFAULTS, **preset_values(PRESETS, preset), **overrides}
    _check_params(settings)
    stage = _check_stage(stage)
    controls = {
        "stage": viz.int_slider(
            "단계 (0 순전파 · 1 출력층 · 2 은닉층 · 3 갱신)", 0, 3, stage, continuous_update=True
        ),
        "activation": viz.dropdown(
            "활성화 함수",
            {"시그모이드 (sigmoid)": "sigmoid", "tanh": "tanh", "ReLU": "relu"},
            settings["activation"],
        ),
        "learning_rate": viz.log_slider(
            "학습률 α", 0.01, 10.0, settings["learning_rate"], tooltip="learning rate"
        ),
    }
    fixed = {k: v for k, v in settings.items() if k not in controls}
    fig, axes = viz.new_figure(1, 2, figsize=_FIGSIZE)
    panels = _Panels(fig, axes, run(**settings), stage)

    def update(stage, **values):
        panels.update(run(**fixed, **values), stage)

    return viz.LiveFigure(fig, update, controls)
