"""9강(가중치 초기화) 연습 문제 채점기.

    from dlcourse import check
    check.l09.init_formulas(he_normal_std, glorot_uniform_limit)   # 직접 해보기 1
    check.l09.tanh_initializer(my_initializer)                      # 직접 해보기 2
    check.l09.distinct_units(count_distinct_units)                  # 직접 해보기 3
    check.l09.custom_initializer(lecun_uniform)                     # 직접 해보기 4 (선택)

채점 함수는 언제나 Feedback을 돌려줍니다. 정답은 학생의 코드와 상관없이 채점기가 따로
구합니다: 공식은 채점기 안에 적어 둔 식으로, 층별 표준편차는 dlcourse.labs.init.run()을
다시 실행해서, 서로 다른 유닛 수는 채점기가 한 스텝 훈련한 가중치의 열을 직접 비교해서,
직접 만든 초기화 함수는 모양, 범위, 표준편차, 시드 재현성을 재서 확인합니다. 틀린 답이면
흔한 실수(fan_in 대신 fan_out, 제곱근 빠뜨림, 균등분포의 한계와 정규분포의 σ 혼동 등)와
비교해 무엇이 다른지 알려 줍니다.
"""

from __future__ import annotations

import math

import numpy as np

from .. import data as datasets
from .. import init as initializers
from .. import nn, optim
from ..labs import init as init_lab
from ._feedback import Feedback, failed, guarded, passed

__all__ = [
    "SHAPES",
    "N_LAYERS",
    "UNITS",
    "STD_BAND",
    "init_formulas",
    "tanh_initializer",
    "distinct_units",
    "custom_initializer",
]


# ---------------------------------------------------------------------------
# 직접 해보기 1: He 정규의 σ, Glorot 균등의 한계
# ---------------------------------------------------------------------------

# (fan_in, fan_out). 정사각 모양은 fan_in과 fan_out을 바꿔 써도 구별되지 않으므로 모두 직사각입니다.
SHAPES = ((400, 600), (784, 256), (3, 5), (64, 10), (10, 250))


def _he_std(shape) -> float:
    """He 정규: σ = √(2 / fan_in)."""
    return math.sqrt(2.0 / shape[0])


def _glorot_limit(shape) -> float:
    """Glorot 균등: U(−l, l), l = √(6 / (fan_in + fan_out))."""
    return math.sqrt(6.0 / (shape[0] + shape[1]))


def _he_mistakes():
    return [
        (
            lambda s: math.sqrt(2.0 / s[1]),
            "fan_out(shape[1])을 썼습니다. He 초기화는 fan_in = shape[0]만 씁니다.",
            "가중치 행렬의 모양은 (fan_in, fan_out)입니다. 순전파에서 유닛 하나의 입력 합은 fan_in개 항의 합입니다.",
        ),
        (
            lambda s: math.sqrt(2.0 / (s[0] + s[1])),
            "√(2 / (fan_in + fan_out))을 돌려주었습니다. 이것은 Glorot 정규의 σ입니다.",
            "He 정규는 fan_in만 씁니다: σ = √(2 / fan_in).",
        ),
        (
            lambda s: 2.0 / s[0],
            "2 / fan_in을 돌려주었습니다. 이것은 분산 σ²입니다. 제곱근을 빠뜨렸습니다.",
            "표준편차는 분산의 제곱근입니다: math.sqrt(2 / fan_in).",
        ),
        (
            lambda s: math.sqrt(6.0 / s[0]),
            "√(6 / fan_in)을 돌려주었습니다. 이것은 He 균등의 한계 l입니다.",
            "He 정규의 표준편차는 √(2 / fan_in)입니다. (균등분포 U(−l, l)의 표준편차는 l / √3입니다.)",
        ),
        (
            lambda s: math.sqrt(1.0 / s[0]),
            "√(1 / fan_in)을 돌려주었습니다. 이것은 LeCun 정규의 σ입니다.",
            "ReLU는 음수를 0으로 만들어 분산을 절반으로 줄이므로, He는 분자를 2로 키웁니다: √(2 / fan_in).",
        ),
    ]


def _glorot_mistakes():
    return [
        (
            lambda s: math.sqrt(2.0 / (s[0] + s[1])),
            "√(2 / (fan_in + fan_out))을 돌려주었습니다. 이것은 Glorot 정규의 표준편차 σ입니다.",
            "균등분포 U(−l, l)의 분산은 l²/3입니다. 분산을 2 / (fan_in + fan_out)으로 맞추려면 "
            "l = √(6 / (fan_in + fan_out))입니다.",
        ),
        (
            lambda s: math.sqrt(6.0 / s[0]),
            "√(6 / fan_in)을 돌려주었습니다. 이것은 He 균등의 한계입니다.",
            "Glorot은 fan_in과 fan_out을 모두 씁니다: √(6 / (fan_in + fan_out)).",
        ),
        (
            lambda s: 6.0 / (s[0] + s[1]),
            "6 / (fan_in + fan_out)을 돌려주었습니다. 제곱근을 빠뜨렸습니다.",
            "math.sqrt(6 / (fan_in + fan_out))",
        ),
        (
            lambda s: math.sqrt(6.0 / (s[0] * s[1])),
            "fan_in × fan_out으로 나누었습니다. 더해야 합니다.",
            "l = √(6 / (fan_in + fan_out)).",
        ),
        (
            lambda s: math.sqrt(6.0) / (s[0] + s[1]),
            "√6 / (fan_in + fan_out)을 돌려주었습니다. 제곱근이 분모까지 덮어야 합니다.",
            "math.sqrt(6 / (fan_in + fan_out)) 처럼 괄호 전체에 제곱근을 씌우세요.",
        ),
        (
            lambda s: math.sqrt(3.0 / (s[0] + s[1])),
            "√(3 / (fan_in + fan_out))을 돌려주었습니다. 분자는 6입니다.",
            "Glorot의 목표 분산은 2 / (fan_in + fan_out)이고, 균등분포의 분산 l²/3을 여기에 맞추면 l² = 6 / (fan_in + fan_out)입니다.",
        ),
    ]


def _number(value, what: str) -> float | Feedback:
    if value is None:
        return failed(
            f"{what}가 아무것도 돌려주지 않았습니다 (None).",
            "함수의 마지막 줄에서 return 으로 계산한 값을 돌려주세요.",
        )
    if isinstance(value, str | bytes | bool):
        return failed(
            f"{what}가 숫자가 아닌 값을 돌려주었습니다 (받은 자료형: {type(value).__name__}).",
            "math.sqrt(...)로 계산한 실수 하나를 돌려주세요.",
        )
    array = np.asarray(value, dtype=np.float64)
    if array.size != 1:
        return failed(
            f"{what}가 숫자 하나가 아니라 배열을 돌려주었습니다 (모양: {array.shape}).",
            "가중치 값을 뽑지 말고, 공식으로 σ나 l 하나만 계산해 돌려주세요.",
        )
    return float(array.reshape(-1)[0])


def _check_formula(student_fn, reference, mistakes, what: str, formula: str) -> Feedback | None:
    """한 공식을 모든 모양에서 확인합니다. 맞으면 None, 틀리면 Feedback."""
    if not callable(student_fn):
        return failed(
            f"{what}에는 함수를 넘겨야 합니다 (받은 자료형: {type(student_fn).__name__}).",
            "괄호 없이 함수 이름만 넘기세요.",
        )
    answers = []
    for shape in SHAPES:
        value = _number(student_fn(shape), what)
        if isinstance(value, Feedback):
            return value
        answers.append(value)
    expected = [reference(s) for s in SHAPES]

    def same(a, b):
        return all(math.isclose(x, y, rel_tol=1e-9) for x, y in zip(a, b, strict=True))

    if same(answers, expected):
        return None
    for mistake, message, hint in mistakes:
        if same(answers, [mistake(s) for s in SHAPES]):
            return failed(f"{what}: {message}", hint)
    for shape, answer, value in zip(SHAPES, answers, expected, strict=True):
        if not math.isclose(answer, value, rel_tol=1e-9):
            return failed(
                f"{what}: 모양 {shape}일 때 돌려준 값 {answer:.6g}, 정답 {value:.6g} ({formula}).",
                "fan_in = shape[0], fan_out = shape[1]입니다.",
            )
    return None  # pragma: no cover


@guarded
def init_formulas(he_normal_std, glorot_uniform_limit) -> Feedback:
    """he_normal_std(shape) = √(2 / fan_in)과 glorot_uniform_limit(shape) = √(6 / (fan_in + fan_out))을
    SHAPES의 다섯 모양에서 확인합니다 (상대 오차 10⁻⁹). fan_in = shape[0], fan_out = shape[1].
    """
    he = _check_formula(
        he_normal_std, _he_std, _he_mistakes(), "he_normal_std", "σ = √(2 / fan_in)"
    )
    if he is not None:
        return he
    glorot = _check_formula(
        glorot_uniform_limit,
        _glorot_limit,
        _glorot_mistakes(),
        "glorot_uniform_limit",
        "l = √(6 / (fan_in + fan_out))",
    )
    if glorot is not None:
        return glorot
    shape = SHAPES[0]
    return passed(
        f"두 공식 모두 맞습니다. 모양 {shape}에서 He 정규의 σ = {_he_std(shape):.4f}, "
        f"Glorot 균등의 한계 l = {_glorot_limit(shape):.4f} (표준편차 l/√3 = {_glorot_limit(shape) / math.sqrt(3):.4f}). "
        "dl.init.get(이름)(shape, rng=0)으로 뽑은 값의 표준편차와 비교해 보세요."
    )


# ---------------------------------------------------------------------------
# 직접 해보기 2: 10층 tanh 신경망의 초기화 방법 고르기
# ---------------------------------------------------------------------------

N_LAYERS = 10
UNITS = 100
STD_BAND = (0.1, 0.9)


@guarded
def tanh_initializer(name) -> Feedback:
    """init.run(initializer=name, activation="tanh", n_layers=10, units=100)의 마지막 층
    활성화 값 표준편차가 STD_BAND = [0.1, 0.9] 안에 있는지 봅니다.

    name: dlcourse.labs.init.INITIALIZERS의 이름 (예: "glorot_uniform").
    """
    if not isinstance(name, str):
        return failed(
            f"초기화 방법은 이름(문자열)으로 적어 주세요 (받은 자료형: {type(name).__name__}).",
            f"쓸 수 있는 이름: {', '.join(init_lab.INITIALIZERS)}.",
        )
    if name.strip().lower().replace("-", "_") not in init_lab.INITIALIZERS:
        return failed(
            f"이 탐색기에 없는 초기화 방법 이름입니다: '{name}'.",
            f"쓸 수 있는 이름: {', '.join(init_lab.INITIALIZERS)}.",
        )
    result = init_lab.run(initializer=name, activation="tanh", n_layers=N_LAYERS, units=UNITS)
    low, high = STD_BAND
    first, last = float(result.stds[0]), float(result.stds[-1])
    stds = f"표준편차: 1층 {first:.3g}, {N_LAYERS}층 {last:.3g}"
    label = init_lab.INITIALIZERS[result.initializer][0]
    if result.kind == "symmetric":
        return failed(
            f"{label}: 모든 층의 값이 0입니다 ({stds}). 가중치가 모두 같아 유닛들이 똑같이 움직이고, "
            "0이면 신호가 아예 전해지지 않습니다.",
            "평균 0, 적당한 분산의 난수로 초기화해야 합니다. Glorot 초기화를 생각해 보세요.",
        )
    if last > high:
        return failed(
            f"{label}: {stds} (목표: {low} 이상 {high} 이하). 마지막 층 값의 "
            f"{result.saturation[-1]:.0%}가 −1이나 1 근처에 붙었습니다 (포화).",
            "가중치가 너무 큽니다. 포화된 tanh의 도함수는 0에 가까워 기울기가 사라집니다. "
            "σ가 √(1 / fan_in) 정도인 초기화를 골라 보세요.",
        )
    if last < low:
        return failed(
            f"{label}: {stds} (목표: {low} 이상 {high} 이하). 층을 지날 때마다 값이 약 "
            f"{result.layer_factor:.2g}배로 줄어 0 근처에 모였습니다.",
            "가중치가 너무 작습니다. Var(z) = fan_in · σ² · E[h²] 이므로 σ²이 1 / fan_in보다 훨씬 작으면 "
            "신호가 층마다 줄어듭니다.",
        )
    note = (
        " Glorot 초기화는 tanh처럼 0 근처에서 기울기가 1인 활성화 함수를 생각하고 만든 방법입니다."
        if result.initializer.startswith(("glorot", "lecun"))
        else " He 초기화는 ReLU를 위해 분산을 두 배로 잡은 방법이지만, tanh에서도 신호가 줄지 않고 "
        "아직 포화되지 않을 만큼입니다."
    )
    return passed(
        f"{label}: {stds}. 목표 [{low}, {high}] 안입니다. 값이 −1과 1 사이에 퍼져 있어 "
        "포화되지도, 0으로 모이지도 않습니다." + note
    )


# ---------------------------------------------------------------------------
# 직접 해보기 3: 한 스텝 훈련한 뒤 서로 다른 유닛 세기
# ---------------------------------------------------------------------------

_SYMMETRY_SIZES = [2, 8, 8, 1]


def _one_step_first_layer(init, seed: int = 0) -> np.ndarray:
    """반달 데이터(점 100개)로 2-8-8-1 시그모이드 신경망(출력도 시그모이드, 이진 교차 엔트로피)을
    한 스텝(학습률 0.5) 훈련한 뒤 첫 층의 가중치 W (모양 (2, 8), 열 하나가 유닛 하나)의 복사본을
    돌려줍니다. 출력이 하나라서, 모든 가중치가 0.5면 한 스텝 만에 은닉층 가중치가 (똑같이) 움직입니다.
    """
    X, y = datasets.moons(100, noise=0.1, seed=seed)
    net = nn.mlp(_SYMMETRY_SIZES, activation="sigmoid", output_activation="sigmoid", init=init, seed=seed)
    loss = nn.BinaryCrossEntropy()
    loss.forward(net.forward(X), y.reshape(-1, 1).astype(np.float64))
    net.backward(loss.backward())
    optim.SGD(learning_rate=0.5).update(net.params, net.grads)
    return net.layers[0].W.copy()


def _reference_distinct(W: np.ndarray, rtol: float = 1e-9) -> int:
    """열(유닛)끼리 비교해, 모든 원소의 차이가 rtol × max(1, max|W|) 이하이면 같은 유닛으로 셉니다."""
    tolerance = rtol * max(1.0, float(np.max(np.abs(W))))
    kept: list[np.ndarray] = []
    for column in W.T:
        if not any(np.max(np.abs(column - other)) <= tolerance for other in kept):
            kept.append(column)
    return len(kept)


def _distinct_cases() -> list[tuple[str, np.ndarray]]:
    """(설명, 가중치 행렬) 다섯 가지. 정답은 _reference_distinct로 셉니다.

    1. 모두 0으로 초기화하고 한 스텝 훈련한 첫 층 (유닛 1개).
    2. 모두 0.5로 초기화하고 한 스텝 훈련한 첫 층 (기울기는 0이 아니지만 유닛 1개).
    3. He 정규로 초기화하고 한 스텝 훈련한 첫 층 (유닛 8개).
    4. 같은 열이 되풀이되고, 그 가운데 하나는 반올림 오차(10⁻¹⁴)만큼만 다른 (3, 5) 행렬 (유닛 3개).
    5. 모든 열이 다른 (4, 3) 행렬 (유닛 3개; 행과 열을 바꿔 세면 4개).
    """
    rng = np.random.default_rng(909)
    a, b, c = rng.normal(size=(3, 3))
    crafted = np.column_stack([a, b, a, a + 1e-14, c])
    return [
        ("모두 0으로 초기화 → 한 스텝", _one_step_first_layer("zeros")),
        ("모두 0.5로 초기화 → 한 스텝", _one_step_first_layer(initializers.get("constant", value=0.5))),
        ("He 정규로 초기화 → 한 스텝", _one_step_first_layer("he_normal")),
        ("반올림 오차만큼 다른 열이 있는 (3, 5) 행렬", crafted),
        ("모든 열이 다른 (4, 3) 행렬", rng.normal(size=(4, 3))),
    ]


def _as_count(value) -> int | Feedback:
    if value is None:
        return failed(
            "함수가 아무것도 돌려주지 않았습니다 (None).",
            "서로 다른 유닛의 개수(정수)를 return 으로 돌려주세요.",
        )
    if isinstance(value, bool) or not isinstance(value, int | np.integer | float | np.floating):
        return failed(
            f"함수가 정수가 아닌 값을 돌려주었습니다 (받은 자료형: {type(value).__name__}).",
            "len(...)처럼 개수 하나를 돌려주세요.",
        )
    if not float(value).is_integer():
        return failed(
            f"유닛 수는 정수여야 합니다 (받은 값: {value}).",
            "서로 다른 열의 개수를 세어 돌려주세요.",
        )
    return int(value)


@guarded
def distinct_units(student_fn) -> Feedback:
    """학생의 count_distinct_units(W)가 서로 다른 열(유닛)의 수를 세는지 봅니다.

    다섯 사례(_distinct_cases)에서 채점기가 따로 센 값과 같아야 합니다. 두 열은 모든 원소의
    차이가 10⁻⁹ × max(1, max|W|) 이하이면 같은 유닛입니다.
    """
    if not callable(student_fn):
        return failed(
            f"함수를 넘겨야 합니다 (받은 자료형: {type(student_fn).__name__}).",
            "괄호 없이 함수 이름만 넘기세요: check.l09.distinct_units(count_distinct_units)",
        )
    cases = _distinct_cases()
    answers = []
    for _, W in cases:
        count = _as_count(student_fn(W.copy()))
        if isinstance(count, Feedback):
            return count
        answers.append(count)
    expected = [_reference_distinct(W) for _, W in cases]
    if answers == expected:
        return passed(
            "다섯 사례 모두 맞습니다. 모두 0으로 초기화한 층은 한 스텝 뒤에도 가중치가 그대로 0이고, "
            "모두 0.5로 초기화한 층은 가중치가 움직였지만 8개 유닛이 똑같이 움직여 여전히 1개입니다. "
            "He 정규로 초기화한 층은 8개가 모두 다릅니다. 같은 값에서 출발한 유닛은 같은 기울기를 받아 "
            "영원히 같으므로(대칭), 가중치는 난수로 초기화해야 합니다."
        )
    by_name = dict(zip((name for name, _ in cases), answers, strict=True))
    shapes = [W.shape for _, W in cases]
    if all(a == s[1] for a, s in zip(answers, shapes, strict=True)):
        return failed(
            "언제나 열의 개수(유닛 수)를 그대로 돌려주었습니다. 0이나 0.5로 초기화한 층의 "
            "8개 유닛이 모두 다르다고 센 셈입니다.",
            "열을 하나씩 꺼내(W[:, j] 또는 W.T) 앞에서 본 열과 np.allclose로 비교하고, "
            "처음 보는 열만 세세요.",
        )
    if answers == [_reference_distinct(W.T) for _, W in cases]:
        return failed(
            "열이 아니라 행을 비교했습니다. W의 모양은 (fan_in, fan_out)이고 유닛 하나는 열 하나입니다.",
            "W.T를 돌면 열을 하나씩 꺼낼 수 있습니다.",
        )
    if answers == [int(np.unique(W).size) for _, W in cases]:
        return failed(
            "서로 다른 원소의 개수를 셌습니다 (np.unique(W)). 세어야 하는 것은 서로 다른 열(유닛)입니다.",
            "열 단위로 비교하세요: 열 j와 앞의 열들을 np.allclose(W[:, j], W[:, i])로 비교합니다.",
        )
    if answers == [int(np.unique(W, axis=1).shape[1]) for _, W in cases]:
        return failed(
            "열을 정확히 같은지(==)로 비교했습니다. 반올림 오차(10⁻¹⁴)만큼만 다른 열을 다른 유닛으로 셌습니다.",
            "계산 순서가 조금만 달라도 마지막 자리가 달라질 수 있습니다. np.allclose(a, b, rtol=0, atol=1e-9)처럼 "
            "허용 오차를 두고 비교하세요.",
        )
    for (name, W), answer, value in zip(cases, answers, expected, strict=True):
        if answer != value:
            return failed(
                f"'{name}' (모양 {W.shape}): 돌려준 개수 {answer}, 정답 {value}.",
                "열을 하나씩 앞에서 본 열들과 비교해, 어느 것과도 같지 않을 때만 세세요.",
            )
    return failed(f"개수가 정답과 다릅니다: {by_name}.", "")  # pragma: no cover


# ---------------------------------------------------------------------------
# 직접 해보기 4 (선택): 직접 만든 초기화 함수 (LeCun 균등)
# ---------------------------------------------------------------------------

_TEST_SHAPE = (400, 600)


def _lecun_limit(shape) -> float:
    """LeCun 균등: U(−l, l), l = √(3 / fan_in) (표준편차 √(1 / fan_in))."""
    return math.sqrt(3.0 / shape[0])


@guarded
def custom_initializer(student_fn) -> Feedback:
    """학생의 초기화 함수 f(shape, rng)가 LeCun 균등 U(−l, l), l = √(3 / fan_in)인지 봅니다.

    확인하는 것: (400, 600) 모양을 돌려주는지, 모든 값이 [−l, l] 안인지, 표본 표준편차가
    √(1 / fan_in)의 3% 안인지, 평균이 0 근처인지, 같은 시드는 같은 값을 주고 다른 시드는
    다른 값을 주는지, dl.nn.Dense(400, 600, init=f, rng=7)가 이 함수로 가중치를 만드는지.
    """
    if not callable(student_fn):
        return failed(
            f"함수를 넘겨야 합니다 (받은 자료형: {type(student_fn).__name__}).",
            "괄호 없이 함수 이름만 넘기세요: check.l09.custom_initializer(lecun_uniform)",
        )
    shape = _TEST_SHAPE
    values = student_fn(shape, np.random.default_rng(1))
    if values is None:
        return failed(
            "함수가 아무것도 돌려주지 않았습니다 (None).",
            "rng.uniform(-limit, limit, size=shape)로 만든 배열을 돌려주세요.",
        )
    W = np.asarray(values, dtype=np.float64)
    if W.shape != shape:
        return failed(
            f"돌려준 배열의 모양이 받은 shape와 다릅니다 (돌려준 모양: {W.shape}, 받은 shape: {shape}).",
            "rng.uniform(..., size=shape)처럼 size에 shape를 넘기세요.",
        )
    if not np.all(np.isfinite(W)):
        return failed("돌려준 배열에 inf나 NaN이 있습니다.", "0으로 나누지 않았는지 확인하세요.")
    limit = _lecun_limit(shape)
    sigma = limit / math.sqrt(3.0)
    std = float(W.std())
    if std == 0.0:
        return failed(
            f"모든 값이 같습니다 ({float(W.flat[0]):g}). 그러면 유닛들의 대칭이 깨지지 않습니다.",
            "rng.uniform(-limit, limit, size=shape)로 난수를 뽑으세요. limit = √(3 / fan_in).",
        )
    if np.max(np.abs(W)) > limit * (1 + 1e-12):
        if math.isclose(std, sigma, rel_tol=0.03):
            return failed(
                f"표준편차({std:.4f})는 맞지만 한계 l = {limit:.4f} 밖의 값이 있습니다 "
                f"(최대 |w| = {np.max(np.abs(W)):.4f}). 정규분포에서 뽑은 것 같습니다.",
                "LeCun 균등은 균등분포 rng.uniform(-limit, limit, size=shape)입니다.",
            )
        return failed(
            f"한계 l = √(3 / fan_in) = {limit:.4f} 밖의 값이 있습니다 (최대 |w| = {np.max(np.abs(W)):.4f}).",
            "limit = math.sqrt(3 / fan_in), fan_in = shape[0] 입니다.",
        )
    if not math.isclose(std, sigma, rel_tol=0.03):
        wrong_fan = math.sqrt(1.0 / shape[1])
        if math.isclose(std, wrong_fan, rel_tol=0.03):
            return failed(
                f"표본 표준편차 {std:.4f}: fan_out = shape[1]로 계산한 값(√(1 / {shape[1]}) = {wrong_fan:.4f})과 같습니다.",
                "fan_in = shape[0]을 쓰세요.",
            )
        return failed(
            f"표본 표준편차 {std:.4f}, 목표 √(1 / fan_in) = {sigma:.4f} (모양 {shape}).",
            "U(−l, l)의 표준편차는 l / √3입니다. l = √(3 / fan_in)이면 표준편차가 √(1 / fan_in)이 됩니다.",
        )
    if abs(float(W.mean())) > 0.05 * sigma:
        return failed(
            f"평균 {float(W.mean()):.4f}: 0에서 너무 멉니다.",
            "−l에서 l까지, 0을 가운데로 두고 뽑으세요.",
        )
    again = np.asarray(student_fn(shape, np.random.default_rng(1)), dtype=np.float64)
    other = np.asarray(student_fn(shape, np.random.default_rng(2)), dtype=np.float64)
    if not np.array_equal(W, again):
        return failed(
            "같은 시드의 난수 생성기를 넘겼는데 다른 값이 나왔습니다. 인자 rng를 쓰지 않은 것 같습니다.",
            "np.random.uniform 대신 rng = np.random.default_rng(rng) 로 만든 생성기의 rng.uniform을 쓰세요.",
        )
    if np.array_equal(W, other):
        return failed(
            "다른 시드를 넘겨도 같은 값이 나왔습니다. 함수 안에서 시드를 고정한 것 같습니다.",
            "함수 안에서 default_rng(0)처럼 시드를 정하지 말고, 인자로 받은 rng를 쓰세요.",
        )
    dense = nn.Dense(shape[0], shape[1], init=student_fn, rng=7)
    direct = np.asarray(student_fn(shape, np.random.default_rng(7)), dtype=np.float64)
    if not np.array_equal(dense.W, direct):
        return failed(
            "dl.nn.Dense(400, 600, init=함수, rng=7)의 가중치가 이 함수로 시드 7에서 뽑은 값과 다릅니다.",
            "함수는 f(shape, rng) 모양이어야 합니다. Dense가 넘기는 rng(numpy Generator)를 그대로 쓰세요.",
        )
    return passed(
        f"모양 {shape}: 모든 값이 [−{limit:.4f}, {limit:.4f}] 안이고, 표준편차 {std:.4f} "
        f"(목표 √(1 / fan_in) = {sigma:.4f}). 같은 시드는 같은 값을 주고, dl.nn.Dense에 init=함수로 "
        "넘겨도 그대로 쓰입니다."
    )
