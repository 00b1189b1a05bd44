"""2강(퍼셉트론과 비선형 활성화 함수) 연습 문제 채점기.

    from dlcourse import check
    check.l02.perceptron_gate(w, b, gate="AND")        # 직접 해보기 1
    check.l02.xor_network(W1, b1, W2, b2)              # 직접 해보기 2
    check.l02.linear_collapse(collapse)                # 직접 해보기 3
    check.l02.losses_by_hand(mse, cross_entropy)       # 직접 해보기 4 (선택)

퍼셉트론의 계단 함수는 강의와 같이 step(z) = 1 (z > 0), 0 (z ≤ 0) 입니다.
입력은 dl.data.xor()와 같은 순서 (0, 0), (0, 1), (1, 0), (1, 1)입니다.
채점 함수는 언제나 Feedback을 돌려줍니다. 틀린 답이면 학생의 가중치가 실제로 계산하는
진리표를 보여 주고, 어느 입력에서 무엇이 어긋났는지 알려 줍니다.
"""

from __future__ import annotations

import math

import numpy as np

from ._feedback import Feedback, failed, guarded, passed

__all__ = [
    "INPUTS",
    "GATES",
    "SIGMOID_MARGIN",
    "MSE_EXAMPLE",
    "CROSS_ENTROPY_EXAMPLE",
    "step",
    "gate_name",
    "perceptron_gate",
    "xor_network",
    "linear_collapse",
    "losses_by_hand",
]

INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
"""네 입력 (x₁, x₂). dl.data.xor()의 X와 같은 순서입니다."""

GATES = {
    "AND": (0, 0, 0, 1),
    "OR": (0, 1, 1, 1),
    "NAND": (1, 1, 1, 0),
    "NOR": (1, 0, 0, 0),
}
"""직접 해보기 1에서 고를 수 있는 논리 게이트와 그 진리표 (INPUTS 순서)."""

# 입력 두 개짜리 논리 함수 16개 전부의 이름 (진리표 → 이름). 피드백에서 '지금 무엇을
# 계산하는지' 알려 줄 때 씁니다.
_ALL_FUNCTIONS = {
    (0, 0, 0, 0): "항상 0",
    (1, 1, 1, 1): "항상 1",
    (0, 0, 0, 1): "AND",
    (0, 1, 1, 1): "OR",
    (1, 1, 1, 0): "NAND",
    (1, 0, 0, 0): "NOR",
    (0, 1, 1, 0): "XOR",
    (1, 0, 0, 1): "XNOR",
    (0, 0, 1, 1): "x₁ 그대로",
    (0, 1, 0, 1): "x₂ 그대로",
    (1, 1, 0, 0): "NOT x₁",
    (1, 0, 1, 0): "NOT x₂",
    (0, 0, 1, 0): "x₁ AND NOT x₂",
    (0, 1, 0, 0): "NOT x₁ AND x₂",
    (1, 0, 1, 1): "x₁ OR NOT x₂",
    (1, 1, 0, 1): "NOT x₁ OR x₂",
}

XOR_TARGET = (0, 1, 1, 0)

SIGMOID_MARGIN = 0.1
"""직접 해보기 2를 시그모이드 유닛으로 풀 때, 출력이 0.5에서 이만큼은 떨어져야 합니다."""


def step(z) -> np.ndarray:
    """계단 함수: z > 0 이면 1, 아니면 0 (정수 배열)."""
    return (np.asarray(z, dtype=np.float64) > 0).astype(int)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """f(z) = 1 / (1 + e^(−z)). 큰 |z|에서도 넘치지 않도록 tanh로 씁니다: (1 + tanh(z/2)) / 2."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def gate_name(outputs) -> str:
    """진리표 (INPUTS 순서의 0/1 네 개)가 어떤 논리 함수인지 이름을 돌려줍니다."""
    key = tuple(int(v) for v in np.asarray(outputs).ravel())
    return _ALL_FUNCTIONS.get(key, "알 수 없는 함수")


def _line_text(w1: float, w2: float, b: float) -> str:
    """직선 w₁x₁ + w₂x₂ + b = 0 을 부호를 살려 적습니다. 예: 'x₁ + x₂ − 1.5 = 0'."""
    terms = []
    for coef, name in ((w1, "x₁"), (w2, "x₂"), (b, "")):
        if coef == 0.0:
            continue
        size = abs(coef)
        text = name if (name and size == 1.0) else (f"{size:.3g}·{name}" if name else f"{size:.3g}")
        sign = "−" if coef < 0 else "+"
        terms.append((sign, text))
    if not terms:
        return "0 = 0"
    first_sign, first_text = terms[0]
    out = ("−" if first_sign == "−" else "") + first_text
    for sign, text in terms[1:]:
        out += f" {sign} {text}"
    return out + " = 0"


def _bits(values) -> str:
    return ", ".join(str(int(v)) for v in values)


def _input_text(row: np.ndarray) -> str:
    return f"({int(row[0])}, {int(row[1])})"


def _number(value) -> float | None:
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


def _array(value, shape: tuple[int, ...], what: str, example: str) -> np.ndarray | Feedback:
    """value를 모양 shape인 유한한 float 배열로 바꿉니다. 못 바꾸면 Feedback을 돌려줍니다.

    크기가 같으면 모양은 맞춰 줍니다 (예: W2를 (2,)로 주든 (2, 1)로 주든 됩니다).
    """
    if value is None or isinstance(value, (str, bytes)):
        return failed(
            f"{what}에 숫자가 아닌 값이 들어 있습니다 (받은 값: {value!r}).",
            f"예: {example}",
        )
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return failed(
            f"{what}: 숫자 배열로 바꿀 수 없습니다 (받은 자료형: {type(value).__name__}).",
            f"예: {example}",
        )
    size = int(np.prod(shape))
    if array.size != size:
        return failed(
            f"{what}의 숫자 개수가 {array.size}개입니다 (모양 {array.shape}). "
            f"모양 {shape}, 곧 {size}개여야 합니다.",
            f"예: {example}",
        )
    if not np.all(np.isfinite(array)):
        return failed(f"{what}에 inf나 NaN이 있습니다.", "유한한 숫자만 넣으세요.")
    return array.reshape(shape)


# ---------------------------------------------------------------------------
# 직접 해보기 1: 퍼셉트론 하나로 논리 게이트 만들기
# ---------------------------------------------------------------------------

_GATE_HINTS = {
    "AND": "AND는 (1, 1)에서만 z > 0 이어야 합니다. w₁ = w₂ = 1로 두면, b를 어느 범위로 골라야 "
    "1 + b ≤ 0 이면서 2 + b > 0 일까요?",
    "OR": "OR는 (0, 0)에서만 z ≤ 0 이어야 합니다. w₁ = w₂ = 1로 두면, b를 어느 범위로 골라야 "
    "b ≤ 0 이면서 1 + b > 0 일까요?",
    "NAND": "NAND는 AND의 반대입니다. AND를 만드는 w, b의 부호를 모두 바꾸면 z의 부호가 뒤집힙니다 "
    "(단, z = 0인 점이 없어야 합니다).",
    "NOR": "NOR는 OR의 반대입니다. (0, 0)에서만 z > 0 이어야 하므로 b > 0 이고, 가중치는 음수여야 합니다.",
}


@guarded
def perceptron_gate(w, b, gate: str = "AND") -> Feedback:
    """퍼셉트론 ŷ = step(w₁x₁ + w₂x₂ + b)가 논리 게이트 gate를 계산하는지 네 입력에서 확인합니다.

    w: 가중치 두 개 (w₁, w₂).  b: 편향 하나.  gate: "AND", "OR", "NAND", "NOR".
    """
    name = str(gate).strip().upper() if isinstance(gate, str) else gate
    if name == "XOR":
        return failed(
            "XOR은 퍼셉트론 하나로 만들 수 없습니다. 2절에서 본 것처럼 직선 하나로는 네 점을 나눌 수 없습니다.",
            'gate="AND"나 gate="OR"로 해 보고, XOR은 직접 해보기 2에서 은닉층을 써서 만드세요.',
        )
    if name not in GATES:
        return failed(
            f"알 수 없는 게이트입니다: {gate!r}.",
            f"고를 수 있는 게이트: {', '.join(GATES)}.",
        )
    weights = _array(w, (2,), "가중치 w", "w = [1.0, 1.0]")
    if isinstance(weights, Feedback):
        return weights
    bias = _number(b)
    if bias is None or not math.isfinite(bias):
        return failed(
            f"편향 b는 숫자 하나여야 합니다 (받은 값: {b!r}).",
            "예: b = -0.5",
        )
    z = INPUTS @ weights + bias
    outputs = step(z)
    target = np.array(GATES[name])
    table = "; ".join(
        f"{_input_text(x)} → z = {zi:.3g}, ŷ = {int(o)}" for x, zi, o in zip(INPUTS, z, outputs, strict=True)
    )
    if np.array_equal(outputs, target):
        on_line = [_input_text(x) for x, zi in zip(INPUTS, z, strict=True) if zi == 0.0]
        note = ""
        if on_line:
            note = (
                f" 다만 {', '.join(on_line)}에서 z = 0으로 경계선 바로 위에 있습니다. 약속(z > 0일 때만 1)"
                "으로는 맞지만, 가중치가 조금만 바뀌어도 답이 달라집니다. 여유를 두면 더 좋습니다."
            )
        return passed(
            f"네 입력 모두 {name}의 진리표와 같습니다: {table}. 결정 경계는 직선 "
            f"{_line_text(weights[0], weights[1], bias)} 입니다.{note}"
        )
    wrong = [
        (x, zi, int(t)) for x, zi, o, t in zip(INPUTS, z, outputs, target, strict=True) if o != t
    ]
    details = " ".join(
        f"입력 {_input_text(x)}: z = {zi:.3g}, 정답 출력 = {t} → z {'>' if t else '≤'} 0 이어야 합니다."
        for x, zi, t in wrong
    )
    computed = gate_name(outputs)
    return failed(
        f"지금 퍼셉트론이 계산하는 함수: {computed} ({table}). {name}의 진리표는 ({_bits(target)})입니다. "
        + details,
        _GATE_HINTS[name],
    )


# ---------------------------------------------------------------------------
# 직접 해보기 2: 손으로 정한 2-2-1 신경망으로 XOR 만들기
# ---------------------------------------------------------------------------


def _forward_221(W1, b1, W2, b2, activation: str):
    """2-2-1 신경망의 순전파: h = f(x W1 + b1), ŷ = f(h · W2 + b2). (h, 출력 값, 0/1 판정)."""
    if activation == "step":
        hidden = step(INPUTS @ W1 + b1).astype(float)
        out = step(hidden @ W2 + b2).astype(float)
        return hidden, out, out.astype(int), (hidden > 0).astype(int)
    hidden = _sigmoid(INPUTS @ W1 + b1)
    out = _sigmoid(hidden @ W2 + b2)
    return hidden, out, (out > 0.5).astype(int), (hidden > 0.5).astype(int)


def _xor_table(hidden, out, activation: str) -> str:
    fmt = (lambda v: str(int(v))) if activation == "step" else (lambda v: f"{v:.2f}")
    rows = [
        f"{_input_text(x)} → h = ({fmt(h[0])}, {fmt(h[1])}), ŷ = {fmt(o)}"
        for x, h, o in zip(INPUTS, hidden, out, strict=True)
    ]
    return "; ".join(rows)


@guarded
def xor_network(W1, b1, W2, b2, activation: str = "step") -> Feedback:
    """손으로 정한 2-2-1 신경망이 XOR을 계산하는지 확인합니다.

        h = f(x W1 + b1)   (W1: (2, 2), 열 j가 은닉 유닛 j의 가중치, b1: (2,))
        ŷ = f(h W2 + b2)   (W2: (2,) 또는 (2, 1), b2: 숫자 하나)

    activation: "step" (계단 함수, z > 0 이면 1) 또는 "sigmoid" (출력 > 0.5 를 1로 읽고,
    0.5에서 SIGMOID_MARGIN 이상 떨어져야 합니다).
    """
    activation = str(activation).strip().lower() if isinstance(activation, str) else activation
    if activation not in ("step", "sigmoid"):
        return failed(
            f"알 수 없는 활성화 함수입니다: {activation!r}.",
            'activation="step" (계단 함수) 또는 activation="sigmoid"를 쓰세요.',
        )
    W1 = _array(W1, (2, 2), "W1", "W1 = [[1.0, -1.0], [1.0, -1.0]]")
    if isinstance(W1, Feedback):
        return W1
    b1 = _array(b1, (2,), "b1", "b1 = [-0.5, 1.5]")
    if isinstance(b1, Feedback):
        return b1
    W2 = _array(W2, (2,), "W2", "W2 = [1.0, 1.0]")
    if isinstance(W2, Feedback):
        return W2
    b2 = _array(b2, (1,), "b2", "b2 = -1.5")
    if isinstance(b2, Feedback):
        return b2
    hidden, out, decided, hidden_bits = _forward_221(W1, b1, W2, b2[0], activation)
    table = _xor_table(hidden, out, activation)
    target = np.array(XOR_TARGET)
    if np.array_equal(decided, target):
        if activation == "sigmoid" and np.min(np.abs(out - 0.5)) < SIGMOID_MARGIN:
            return failed(
                f"0.5를 기준으로 읽으면 XOR이 맞지만, 출력이 0.5에 너무 가깝습니다 ({table}). "
                f"모든 출력이 0.5에서 {SIGMOID_MARGIN} 이상 떨어져야 합니다.",
                "시그모이드는 z가 클수록 계단 함수에 가까워집니다. 계단 함수로 맞는 가중치와 편향을 "
                "모두 10배쯤 키워 보세요.",
            )
        units = ", ".join(
            f"h{j + 1} = {gate_name(hidden_bits[:, j])}" for j in range(2)
        )
        return passed(
            f"네 입력 모두 XOR과 같습니다: {table}. 은닉 유닛은 {units}를 계산하고, "
            "출력 유닛은 그 둘을 받아 직선 하나로 나눕니다. 은닉층이 점들을 직선으로 나눌 수 있는 "
            "자리로 옮겨 준 것입니다."
        )

    computed = gate_name(decided)
    message = f"지금 신경망이 계산하는 함수: {computed} ({table}). XOR의 진리표는 (0, 1, 1, 0)입니다."
    # 은닉층이 정답이 다른 두 입력을 같은 자리로 보내면, 출력층은 둘을 구별할 수 없습니다.
    for i in range(4):
        for k in range(i + 1, 4):
            if target[i] != target[k] and np.array_equal(hidden_bits[i], hidden_bits[k]):
                same = "(" + ", ".join(str(int(v)) for v in hidden_bits[i]) + ")"
                units = ", ".join(f"h{j + 1} = {gate_name(hidden_bits[:, j])}" for j in range(2))
                advice = (
                    "XOR = (x₁ OR x₂) AND NAND(x₁, x₂) 입니다. 은닉 유닛 하나는 OR, 다른 하나는 NAND를 "
                    "계산하게 해 보세요 (직접 해보기 1의 퍼셉트론을 떠올리세요)."
                )
                if np.array_equal(hidden_bits[:, 0], hidden_bits[:, 1]):
                    advice = "두 은닉 유닛이 똑같은 함수를 계산합니다. 두 유닛이 서로 다른 직선을 그어야 합니다. " + advice
                return failed(
                    message
                    + f" 은닉층({units})이 정답이 다른 두 입력을 같은 자리로 보냅니다: "
                    f"{_input_text(INPUTS[i])} (정답 {target[i]}), {_input_text(INPUTS[k])} (정답 {target[k]}) "
                    f"→ 둘 다 h = {same}. 그러면 출력 유닛은 둘을 구별할 수 없습니다.",
                    advice,
                )
    if activation == "sigmoid":
        _, _, step_decided, _ = _forward_221(W1, b1, W2, b2[0], "step")
        if np.array_equal(step_decided, target):
            return failed(
                message + " 같은 가중치로 계단 함수를 쓰면 XOR이 맞습니다. 시그모이드는 z가 0 근처일 때 "
                "출력이 0과 1이 아니라 0.5 근처의 값이라, 다음 층에 흐릿한 신호를 넘깁니다.",
                "가중치와 편향을 모두 10배쯤 키워 보세요. z가 커지면 시그모이드가 계단 함수처럼 됩니다.",
            )
    # 은닉층은 충분히 나눴으므로 출력 유닛만 고치면 됩니다.
    pairs = {}
    for h, t in zip(hidden_bits, target, strict=True):
        pairs.setdefault((int(h[0]), int(h[1])), int(t))
    needs = "; ".join(f"h = ({h1}, {h2}) → {t}" for (h1, h2), t in pairs.items())
    return failed(
        message + " 은닉층은 정답이 다른 입력들을 서로 다른 자리로 보내므로 충분합니다. "
        f"이제 출력 유닛이 다음 표를 계산하도록 W2와 b2를 고르세요: {needs}.",
        "출력 유닛도 퍼셉트론 하나입니다. 직접 해보기 1처럼 z = h₁w₁ + h₂w₂ + b가 0보다 커야 할 "
        "자리와 아니어야 할 자리를 적어 보세요.",
    )


# ---------------------------------------------------------------------------
# 직접 해보기 3: 선형 층 두 개를 층 하나로 합치기
# ---------------------------------------------------------------------------


def _collapse_cases() -> list[tuple[np.ndarray, ...]]:
    """(W1, b1, W2, b2) 세 벌. 첫째는 정사각 행렬이라 순서를 바꾼 곱도 계산되어, 그 실수를 짚을 수 있습니다."""
    rng = np.random.default_rng(202)
    cases = []
    for n_in, n_hidden, n_out in ((3, 3, 3), (4, 5, 2), (2, 3, 1)):
        cases.append(
            (
                rng.normal(size=(n_in, n_hidden)),
                rng.normal(size=n_hidden),
                rng.normal(size=(n_hidden, n_out)),
                rng.normal(size=n_out),
            )
        )
    return cases


def _collapse_mistakes(W1, b1, W2, b2):
    """흔한 실수: (W, b, 설명, 힌트). 모양이 맞지 않아 계산할 수 없는 것은 건너뜁니다."""
    W = W1 @ W2
    b = b1 @ W2 + b2
    candidates = [
        (
            lambda: (W1, b1),
            "첫 번째 층의 W₁, b₁을 그대로 돌려주었습니다.",
            "y = (x W₁ + b₁) W₂ + b₂ 의 괄호를 풀어 x (…) + (…) 꼴로 정리해 보세요.",
        ),
        (
            lambda: (W2 @ W1, b),
            "가중치를 W₂W₁ 순서로 곱했습니다. 행렬 곱은 순서를 바꾸면 값이 달라집니다.",
            "입력 x가 먼저 W₁을, 그다음 W₂를 지나므로 x W₁ W₂ 입니다: W = W1 @ W2.",
        ),
        (
            lambda: (W1 * W2, b),
            "가중치를 원소별로 곱했습니다 (W1 * W2).",
            "층을 지나는 것은 행렬 곱입니다: W = W1 @ W2.",
        ),
        (
            lambda: (W, b1 + b2),
            "가중치는 맞습니다. 편향을 b₁ + b₂로 그냥 더했습니다.",
            "첫 층의 편향 b₁도 두 번째 층의 W₂를 지나갑니다: (x W₁ + b₁) W₂ = x W₁W₂ + b₁W₂.",
        ),
        (
            lambda: (W, b2),
            "가중치는 맞습니다. 편향에서 첫 층의 b₁이 빠졌습니다.",
            "(x W₁ + b₁) W₂ + b₂ 를 풀면 편향 자리에 b₁W₂ + b₂가 남습니다.",
        ),
        (
            lambda: (W, b1 @ W2),
            "가중치는 맞습니다. 편향에서 두 번째 층의 b₂가 빠졌습니다.",
            "편향 = b₁W₂ + b₂ 입니다.",
        ),
        (
            lambda: (W, W2 @ b1 + b2) if W2.shape[0] == W2.shape[1] else (W, None),
            "가중치는 맞습니다. 편향에서 W₂ @ b₁ 순서로 곱했습니다.",
            "b₁은 행 벡터처럼 x와 같은 자리에 있으므로 b1 @ W2 입니다.",
        ),
    ]
    for make, message, hint in candidates:
        try:
            cand_W, cand_b = make()
        except ValueError:
            continue
        if cand_b is None or np.shape(cand_W) != W.shape or np.shape(cand_b) != b.shape:
            continue
        yield cand_W, cand_b, message, hint


@guarded
def linear_collapse(collapse) -> Feedback:
    """학생의 collapse(W1, b1, W2, b2) → (W, b)가 선형 층 두 개를 층 하나로 합치는지 확인합니다.

        (x W₁ + b₁) W₂ + b₂ = x (W₁W₂) + (b₁W₂ + b₂),   곧 W = W₁W₂, b = b₁W₂ + b₂

    모양이 다른 세 벌의 무작위 가중치와 편향으로 확인하고, 합친 층의 출력이 두 층의 출력과
    같은지도 무작위 입력으로 봅니다.
    """
    if not callable(collapse):
        return failed(
            f"함수를 넘겨야 합니다 (받은 자료형: {type(collapse).__name__}).",
            "괄호 없이 함수 이름만 넘기세요: check.l02.linear_collapse(collapse)",
        )
    rng = np.random.default_rng(7)
    for number, (W1, b1, W2, b2) in enumerate(_collapse_cases()):
        result = collapse(W1.copy(), b1.copy(), W2.copy(), b2.copy())
        if not (isinstance(result, (tuple, list)) and len(result) == 2):
            return failed(
                "함수는 (W, b) 두 개를 돌려주어야 합니다"
                + (" (받은 값: None)." if result is None else f" (받은 자료형: {type(result).__name__})."),
                "마지막 줄을 return W, b 로 쓰세요.",
            )
        W_correct = W1 @ W2
        b_correct = b1 @ W2 + b2
        try:
            W = np.asarray(result[0], dtype=np.float64)
            b = np.asarray(result[1], dtype=np.float64)
        except (TypeError, ValueError):
            return failed(
                "돌려준 W나 b를 숫자 배열로 바꿀 수 없습니다.",
                "NumPy 배열 두 개를 돌려주세요: return W, b",
            )
        shapes = f"W₁ {W1.shape}, W₂ {W2.shape}"
        if W.shape != W_correct.shape:
            return failed(
                f"{shapes}일 때 돌려준 W의 모양이 {W.shape}입니다. 합친 층은 입력 {W1.shape[0]}개를 받아 "
                f"출력 {W2.shape[1]}개를 내므로 W는 {W_correct.shape}이어야 합니다.",
                "W = W1 @ W2 의 모양은 (W1의 행 수, W2의 열 수)입니다.",
            )
        if b.shape == (1, b_correct.size):
            b = b.reshape(-1)
        if b.shape != b_correct.shape:
            return failed(
                f"{shapes}일 때 돌려준 b의 모양이 {b.shape}입니다. 출력이 {b_correct.size}개이므로 "
                f"b는 {b_correct.shape}이어야 합니다.",
                "b = b1 @ W2 + b2 의 모양은 b2와 같습니다.",
            )
        ok_W = np.allclose(W, W_correct, rtol=1e-9, atol=1e-12)
        ok_b = np.allclose(b, b_correct, rtol=1e-9, atol=1e-12)
        if ok_W and ok_b:
            continue
        for cand_W, cand_b, message, hint in _collapse_mistakes(W1, b1, W2, b2):
            if np.allclose(W, cand_W, rtol=1e-9, atol=1e-12) and np.allclose(
                b, cand_b, rtol=1e-9, atol=1e-12
            ):
                return failed(message, hint)
        if number > 0:
            return failed(
                f"첫 번째 경우에는 맞지만, 모양이 다른 경우 ({shapes})에는 틀립니다.",
                "숫자나 모양을 직접 적지 말고 인자 W1, b1, W2, b2로만 계산하세요.",
            )
        part = "가중치 W" if not ok_W else "편향 b"
        return failed(
            f"{part}가 두 층을 지난 결과와 다릅니다.",
            "(x W₁ + b₁) W₂ + b₂ 를 분배 법칙으로 풀어 x가 곱해진 부분(W)과 나머지(b)로 나누어 보세요.",
        )
    # 합친 층과 두 층의 출력이 무작위 입력에서 같은지 마지막으로 봅니다.
    W1, b1, W2, b2 = _collapse_cases()[1]
    W, b = collapse(W1.copy(), b1.copy(), W2.copy(), b2.copy())
    X = rng.normal(size=(6, W1.shape[0]))
    two_layers = (X @ W1 + b1) @ W2 + b2
    one_layer = X @ np.asarray(W, dtype=np.float64) + np.asarray(b, dtype=np.float64).reshape(-1)
    difference = float(np.max(np.abs(two_layers - one_layer)))
    return passed(
        "모양이 다른 세 경우 모두 W = W₁W₂, b = b₁W₂ + b₂ 입니다. 무작위 입력 6개에서 두 층과 "
        f"합친 층의 출력 차이는 반올림 오차 수준({'1e-12보다 작음' if difference < 1e-12 else f'{difference:.1e}'})입니다. "
        "활성화 함수가 선형이면 층을 몇 개 쌓아도 층 하나와 같습니다."
    )


# ---------------------------------------------------------------------------
# 직접 해보기 4 (선택): 평균 제곱 오차와 교차 엔트로피를 손으로
# ---------------------------------------------------------------------------

MSE_EXAMPLE = {"y_hat": (2.5, 0.5, 2.0), "y": (3.0, -0.5, 2.0)}
"""회귀 예: 샘플 세 개의 예측 ŷ와 정답 y (출력은 샘플마다 하나)."""

CROSS_ENTROPY_EXAMPLE = {
    "probabilities": ((0.7, 0.2, 0.1), (0.1, 0.5, 0.4)),
    "labels": (0, 2),
}
"""분류 예: 샘플 두 개, 클래스 세 개. 샘플마다 소프트맥스가 낸 확률과 정답 레이블."""


def _close(value: float, reference: float) -> bool:
    return math.isclose(value, reference, rel_tol=2e-3, abs_tol=1e-4)


def _mse_feedback(value: float) -> tuple[bool, str, str]:
    y_hat = np.array(MSE_EXAMPLE["y_hat"])
    y = np.array(MSE_EXAMPLE["y"])
    squares = (y_hat - y) ** 2
    n = len(y)
    correct = float(0.5 * squares.sum() / n)
    if _close(value, correct):
        return True, f"평균 제곱 오차 = (1/{n})·Σ ½(ŷ − y)² = {correct:.4f}", ""
    mistakes = [
        (
            float(squares.mean()),
            f"½을 빠뜨렸습니다: (1/N)·Σ(ŷ − y)² = {squares.mean():.4f}. 이 강의(dl.nn.MSE)는 ½을 곱하는 관례를 씁니다.",
            "(1/N)·Σ ½(ŷ − y)²: 미분할 때 나오는 2를 ½이 지워 줍니다.",
        ),
        (
            float(0.5 * squares.sum()),
            "N으로 나누지 않았습니다 (합을 구했습니다).",
            "평균을 내려면 샘플 수 N = 3으로 나누세요.",
        ),
        (
            float(squares.sum()),
            "½을 곱하지 않았고 N으로 나누지도 않았습니다.",
            "(1/N)·Σ ½(ŷ − y)² 입니다.",
        ),
        (
            float(0.5 * np.abs(y_hat - y).sum() / n),
            "차이를 제곱하지 않고 절댓값을 썼습니다.",
            "평균 제곱 오차는 차이를 제곱합니다: (ŷ − y)².",
        ),
        (
            float(0.5 * (y_hat - y).sum() / n),
            "차이를 제곱하지 않았습니다. 그러면 +와 − 오차가 서로 지워집니다.",
            "차이를 제곱한 뒤 더하세요: (ŷ − y)².",
        ),
        (
            0.0,
            "평균 제곱 오차가 0입니다. 예측과 정답이 다른 샘플이 있으므로 0보다 커야 합니다.",
            "샘플마다 ½(ŷ − y)²을 구해 평균을 내세요.",
        ),
    ]
    for wrong, message, hint in mistakes:
        if _close(value, wrong):
            return False, message, hint
    return (
        False,
        f"평균 제곱 오차가 맞지 않습니다 (받은 값: {value:.4g}).",
        "샘플마다 ½(ŷ − y)²을 구한 뒤 샘플 수로 나누세요.",
    )


def _cross_entropy_feedback(value: float) -> tuple[bool, str, str]:
    probabilities = np.array(CROSS_ENTROPY_EXAMPLE["probabilities"])
    labels = np.array(CROSS_ENTROPY_EXAMPLE["labels"])
    picked = probabilities[np.arange(len(labels)), labels]
    n = len(labels)
    correct = float(-np.log(picked).mean())
    if _close(value, correct):
        return True, f"교차 엔트로피 = −(1/{n})·Σ log p(정답) = {correct:.4f}", ""
    largest = probabilities.max(axis=1)
    mistakes = [
        (
            float(-np.log10(picked).mean()),
            "상용로그(log₁₀)를 썼습니다.",
            "교차 엔트로피는 자연로그 ln을 씁니다: np.log.",
        ),
        (
            float(-np.log2(picked).mean()),
            "밑이 2인 로그를 썼습니다.",
            "교차 엔트로피는 자연로그 ln을 씁니다: np.log.",
        ),
        (
            float(np.log(picked).mean()),
            "부호가 반대입니다. 확률의 로그는 음수이므로 −를 붙여야 손실이 양수가 됩니다.",
            "−(1/N)·Σ log p(정답).",
        ),
        (
            float(-np.log(picked).sum()),
            "N으로 나누지 않았습니다 (합을 구했습니다).",
            "샘플 수 N = 2로 나누어 평균을 내세요.",
        ),
        (
            float(-np.log(largest).mean()),
            "정답 레이블이 아니라 가장 큰 확률을 골랐습니다.",
            "둘째 샘플의 정답은 레이블 2입니다. 모델이 가장 믿는 클래스가 아니라 정답 클래스의 확률을 씁니다.",
        ),
        (
            float((1.0 - picked).mean()),
            "1 − p(정답)의 평균을 구했습니다. 교차 엔트로피는 로그를 씁니다.",
            "−log p는 p가 0에 가까울수록 아주 커집니다. 자신 있게 틀린 예측에 큰 벌을 줍니다.",
        ),
        (
            float(-np.log(probabilities).sum(axis=1).mean()),
            "모든 클래스의 log p를 더했습니다. 정답 클래스 하나의 확률만 씁니다.",
            "샘플마다 −log p(정답)을 구해 평균을 내세요.",
        ),
    ]
    for wrong, message, hint in mistakes:
        if _close(value, wrong):
            return False, message, hint
    return (
        False,
        f"교차 엔트로피가 맞지 않습니다 (받은 값: {value:.4g}).",
        "샘플마다 정답 레이블의 확률 p를 골라 −ln p를 구하고, 샘플 수로 나누세요.",
    )


@guarded
def losses_by_hand(mse, cross_entropy) -> Feedback:
    """MSE_EXAMPLE의 평균 제곱 오차 (½ 관례)와 CROSS_ENTROPY_EXAMPLE의 교차 엔트로피를 확인합니다.

        평균 제곱 오차 = (1/N) Σᵢ ½ (ŷᵢ − yᵢ)²,    교차 엔트로피 = −(1/N) Σᵢ ln pᵢ(정답 yᵢ)
    """
    values = {}
    for name, value in (("mse", mse), ("cross_entropy", cross_entropy)):
        number = _number(value)
        if number is None or not math.isfinite(number):
            return failed(
                f"{name}에는 숫자 하나를 넣어야 합니다 (받은 값: {value!r}).",
                "예: mse = (0.5**2 + 1.0**2) / 2 처럼 계산식이나 숫자를 적으세요.",
            )
        values[name] = number
    ok_mse, message_mse, hint_mse = _mse_feedback(values["mse"])
    ok_ce, message_ce, hint_ce = _cross_entropy_feedback(values["cross_entropy"])
    if ok_mse and ok_ce:
        return passed(
            f"{message_mse}, {message_ce}. dl.nn.MSE와 dl.nn.SoftmaxCrossEntropy로도 확인할 수 있습니다 "
            "(소프트맥스에 log p를 로짓으로 넣으면 확률 p가 그대로 나옵니다)."
        )
    if not ok_mse:
        extra = " 교차 엔트로피는 맞습니다." if ok_ce else ""
        return failed(message_mse + extra, hint_mse)
    return failed("평균 제곱 오차는 맞습니다. " + message_ce, hint_ce)
