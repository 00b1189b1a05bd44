"""4강(기울기 소실과 폭발) 연습 문제 채점기.

    from dlcourse import check
    check.l04.sigmoid_chain_product(chain_product)    # 직접 해보기 1
    check.l04.deep_ratio(my_settings)                  # 직접 해보기 2
    check.l04.clip_global_norm(clip_global_norm)       # 직접 해보기 3
    check.l04.smallest_depth(smallest_depth)           # 직접 해보기 4 (선택)

채점 함수는 언제나 Feedback을 돌려줍니다. 정답은 학생의 코드와 상관없이 채점기가 따로
구합니다: 도함수의 곱은 f′(z) = f(z)(1 − f(z))를 NumPy로 곱해서, 기울기 노름의 비는
dlcourse.labs.vanishing.run()을 다시 실행해서, 기울기 클리핑은 dl.optim.clip_by_global_norm
으로, 층 수는 (1/4)ⁿ을 n = 1부터 차례로 계산해서 얻습니다. 틀린 답이면 흔한 실수(f 대신
f′를 쓰지 않음, 곱 대신 합, 배열마다 따로 자름 등)와 비교해 무엇이 다른지 알려 줍니다.
"""

from __future__ import annotations

import math
from numbers import Integral, Real

import numpy as np

from .. import optim
from ..labs import vanishing
from ._feedback import Feedback, failed, guarded, passed

__all__ = [
    "DEPTH",
    "RATIO_LOW",
    "RATIO_HIGH",
    "SETTING_KEYS",
    "BOUND_TARGET",
    "sigmoid_chain_product",
    "deep_ratio",
    "clip_global_norm",
    "smallest_depth",
]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """f(z) = 1 / (1 + e^(−z)). 채점에 쓰는 z는 |z| ≤ 8 이라 넘침 걱정이 없습니다."""
    return 1.0 / (1.0 + np.exp(-z))


# ---------------------------------------------------------------------------
# 직접 해보기 1: 시그모이드 도함수의 곱
# ---------------------------------------------------------------------------


def _chain_cases() -> list[np.ndarray]:
    """채점에 쓰는 입력 합(z) 배열들.

    1. 10층 모두 z = 0: 도함수가 모두 최댓값 1/4이라 곱은 정확히 (1/4)¹⁰ = 2⁻²⁰.
    2. 시드로 뽑은 보통 크기의 z 여섯 개.
    3. 포화된 z(±5, ±8)가 섞인 다섯 개: 곱이 훨씬 작아집니다.
    4. 층 하나.
    5. 15층, 부호가 섞인 z.
    """
    rng = np.random.default_rng(404)
    return [
        np.zeros(10),
        rng.normal(0.0, 1.0, size=6),
        np.array([5.0, -0.3, 0.8, -8.0, 1.5]),
        np.array([0.7]),
        rng.uniform(-3.0, 3.0, size=15),
    ]


def _reference_chain(z: np.ndarray) -> float:
    """Π_k f′(z_k), f′(z) = f(z)(1 − f(z))."""
    s = _sigmoid(z)
    return float(np.prod(s * (1.0 - s)))


def _chain_mistakes():
    """흔한 실수: (계산 함수, 설명, 힌트)."""

    def sig(z):
        return _sigmoid(z)

    return [
        (
            lambda z: float(np.prod(sig(z))),
            "시그모이드의 값 f(z)를 곱했습니다. 역전파에서 곱해지는 것은 도함수 f′(z)입니다.",
            "s = 1 / (1 + np.exp(-z)) 를 구한 뒤 s * (1 - s) 를 곱하세요.",
        ),
        (
            lambda z: float(np.prod(z * (1.0 - z))),
            "z(1 − z)를 곱했습니다. 식 f′(z) = f(z)(1 − f(z))에서 f(z) 자리에 z를 넣었습니다.",
            "먼저 s = f(z) = 1 / (1 + e^(−z))를 계산하고, 그다음 s(1 − s)를 구하세요.",
        ),
        (
            lambda z: float(np.sum(sig(z) * (1.0 - sig(z)))),
            "도함수를 더했습니다 (np.sum). 연쇄 법칙에서 층마다의 국소적 미분은 곱해집니다.",
            "np.sum 대신 np.prod를 쓰세요.",
        ),
        (
            lambda z: float(np.mean(sig(z) * (1.0 - sig(z)))),
            "도함수의 평균을 구했습니다. 층을 지날 때마다 곱해지므로 곱(np.prod)이어야 합니다.",
            "np.mean 대신 np.prod를 쓰세요.",
        ),
        (
            lambda z: 0.25 ** len(z),
            "상한 (1/4)ⁿ을 돌려주었습니다. 이 값은 모든 z가 0일 때만 맞고, 다른 z에서는 실제 곱이 더 작습니다.",
            "z마다 실제 도함수 f(z)(1 − f(z))를 계산해서 곱하세요.",
        ),
        (
            lambda z: float(np.prod(1.0 - np.tanh(z) ** 2)),
            "tanh의 도함수 1 − tanh²(z)를 곱했습니다. 이 연습은 시그모이드입니다.",
            "시그모이드의 도함수는 f(z)(1 − f(z)), f(z) = 1 / (1 + e^(−z))입니다.",
        ),
        (
            lambda z: float(np.prod(sig(z) * (1.0 + sig(z)))),
            "f(z)(1 + f(z))를 곱했습니다. 괄호 안의 부호가 틀렸습니다.",
            "f′(z) = f(z)(1 − f(z))입니다.",
        ),
    ]


def _as_scalar(value, what: str) -> float | Feedback:
    """학생 함수가 돌려준 값을 실수 하나로 바꿉니다. 안 되면 Feedback."""
    if value is None:
        return failed(
            f"{what} 아무것도 돌려주지 않았습니다 (None).",
            "함수의 마지막 줄에서 return 으로 계산한 값을 돌려주세요.",
        )
    if isinstance(value, str | bytes):
        return failed(
            f"{what} 글자를 돌려주었습니다. 숫자를 돌려주세요.",
            "따옴표 없이 계산한 값을 그대로 돌려주세요.",
        )
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return failed(
            f"{what} 돌려준 값을 숫자로 바꿀 수 없습니다 (받은 자료형: {type(value).__name__}).",
            "실수 하나를 돌려주세요.",
        )
    if array.size != 1:
        return failed(
            f"{what} 숫자 하나가 아니라 배열을 돌려주었습니다 (모양: {array.shape}).",
            "층마다의 값을 모두 곱해서 숫자 하나로 만드세요 (np.prod).",
        )
    return float(array.reshape(-1)[0])


@guarded
def sigmoid_chain_product(student_fn) -> Feedback:
    """학생의 chain_product(z)가 Π_k f′(z_k) (f′(z) = f(z)(1 − f(z)))를 돌려주는지 봅니다.

    z = 0 열 개(정답 2⁻²⁰), 보통 크기의 z, 포화된 z, 층 하나, 15층의 다섯 사례에서
    채점기가 따로 계산한 곱과 상대 오차 10⁻⁹ 안에서 같아야 합니다.
    """
    if not callable(student_fn):
        return failed(
            f"함수를 넘겨야 합니다 (받은 자료형: {type(student_fn).__name__}).",
            "괄호 없이 함수 이름만 넘기세요: check.l04.sigmoid_chain_product(chain_product)",
        )
    cases = _chain_cases()
    answers = []
    for z in cases:
        value = _as_scalar(student_fn(z.copy()), "함수가")
        if isinstance(value, Feedback):
            return value
        answers.append(value)
    references = [_reference_chain(z) for z in cases]

    def same(a: float, b: float) -> bool:
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=0.0)

    if all(same(a, r) for a, r in zip(answers, references, strict=True)):
        return passed(
            f"다섯 사례 모두 맞습니다. z가 모두 0인 10층의 곱은 최댓값 (1/4)¹⁰ = {references[0]:.3g}, "
            f"포화된 z(±5, ±8)가 섞인 5층의 곱은 {references[2]:.2g} (층이 절반인데도 더 작습니다). "
            "층마다 1/4 이하인 수를 곱하니 입력 쪽 층의 기울기는 사라질 수밖에 없습니다."
        )
    for mistake, message, hint in _chain_mistakes():
        guesses = [mistake(z) for z in cases]
        if all(same(a, g) for a, g in zip(answers, guesses, strict=True)):
            return failed(message, hint)
    for k, (z, answer, reference) in enumerate(zip(cases, answers, references, strict=True), 1):
        if not same(answer, reference):
            shown = np.array2string(z, precision=2, separator=", ", max_line_width=200)
            return failed(
                f"사례 {k} (z = {shown})에서 곱이 다릅니다: 돌려준 값 {answer:.6g}, 정답 {reference:.6g}.",
                "층마다 s = 1 / (1 + e^(−z)), f′ = s(1 − s)를 구해 모두 곱하세요 (np.prod).",
            )
    return failed("값이 정답과 다릅니다.", "np.prod(s * (1 - s)) 와 비교해 보세요.")  # pragma: no cover


# ---------------------------------------------------------------------------
# 직접 해보기 2: 15층에서 기울기가 입력 쪽까지 전해지게 하기
# ---------------------------------------------------------------------------

DEPTH = 15
RATIO_LOW = 1e-2  # 첫 층 / 마지막 층 기울기 노름 비의 하한
RATIO_HIGH = 1e1  # 이보다 크면 입력 쪽으로 갈수록 기울기가 커집니다 (기울기 폭발 쪽).
SETTING_KEYS = ("activation", "initializer")

_ACTIVATION_NOTES = {
    "sigmoid": "시그모이드의 도함수는 1/4 이하라 층을 지날 때마다 기울기가 4분의 1 이하로 줄어듭니다.",
    "softplus": "소프트플러스의 도함수는 시그모이드 f(z) 자체라 z ≈ 0 근처에서 약 1/2입니다. "
    "시그모이드보다는 낫지만 15층을 지나면 여전히 크게 줄어듭니다.",
}


@guarded
def deep_ratio(settings) -> Feedback:
    """학생이 고른 설정으로 vanishing.run(depth=15, ...)을 실행해, 첫 스텝에서
    첫 층과 마지막 층의 기울기 노름 비 r이 RATIO_LOW 이상 RATIO_HIGH 이하이고
    훈련이 발산하지 않는지 봅니다.

    settings: {"activation": ..., "initializer": ...} 사전 (initializer는 빼도 됩니다),
    또는 활성화 함수 이름 문자열. 나머지(유닛 16개, 학습률 0.1, 40스텝, 시드 0)는
    vanishing.DEFAULTS 그대로입니다. 항등 함수(linear)는 기울기는 잘 전해지지만 선형
    모델이 되므로 통과시키지 않습니다.
    """
    if isinstance(settings, str):
        settings = {"activation": settings}
    if not isinstance(settings, dict):
        return failed(
            f"설정은 사전(dict)이어야 합니다 (받은 자료형: {type(settings).__name__}).",
            '예: my_settings = {"activation": "relu", "initializer": "he_normal"}',
        )
    unknown = sorted(str(k) for k in settings if k not in SETTING_KEYS)
    if unknown:
        return failed(
            f"이 연습에서 바꿀 수 없는 키가 있습니다: {', '.join(unknown)}. "
            f"바꿀 수 있는 키: {', '.join(SETTING_KEYS)}.",
            f"은닉층 수({DEPTH}개)는 고정입니다. 활성화 함수(와 초기화 방법)만 골라 보세요.",
        )
    try:
        result = vanishing.run(depth=DEPTH, **settings)
    except (TypeError, ValueError) as exc:
        return failed(
            f"설정값이 올바르지 않습니다: {exc}",
            f"활성화 함수 이름: {', '.join(vanishing.ACTIVATIONS)}.",
        )
    used = (
        f"활성화 함수 {result.activation}, 초기화 방법 {result.initializer}, 은닉층 {DEPTH}개"
    )
    ratio = result.ratio
    if result.diverged:
        return failed(
            f"{used}: {result.message.splitlines()[0]}",
            "첫 스텝의 비는 괜찮아도 훈련이 발산하면 쓸 수 없습니다. 초기화 방법을 Glorot 쪽으로 바꿔 보세요.",
        )
    if not math.isfinite(ratio) or ratio > RATIO_HIGH:
        return failed(
            f"{used}: 첫 층의 기울기가 마지막 층의 {ratio:.2g}배입니다 (목표: {RATIO_HIGH:g}배 이하). "
            "이번에는 입력 쪽으로 갈수록 기울기가 커집니다. 층을 더 쌓으면 기울기 폭발입니다.",
            "가중치 초깃값이 너무 큽니다. Glorot이나 He 초기화를 써 보세요.",
        )
    if ratio < RATIO_LOW:
        note = _ACTIVATION_NOTES.get(
            result.activation, "이 짝에서는 층을 지날 때마다 기울기가 줄어듭니다."
        )
        return failed(
            f"{used}: 첫 층의 기울기가 마지막 층의 {ratio:.2g}배뿐입니다 "
            f"(목표: {RATIO_LOW:g}배 이상). {note}",
            "도함수의 최댓값이 1인 활성화 함수(tanh, ReLU 계열)를 골라 보세요. "
            "탐색기에서 은닉층 수를 15로 두고 막대 높이를 비교하면 바로 보입니다.",
        )
    if result.activation == "linear":
        return failed(
            f"{used}: 기울기 노름의 비({ratio:.2g})는 목표 안이지만, 항등 함수만 쌓은 신경망은 "
            f"층이 몇 개든 선형 모델 하나와 같습니다 (2강; 훈련 정확도: {result.accuracy:.2f}).",
            "기울기를 잘 전하면서도 비선형인 활성화 함수를 골라 보세요.",
        )
    return passed(
        f"{used}: 첫 층의 기울기가 마지막 층의 {ratio:.2g}배입니다 (목표: {RATIO_LOW:g}배 이상 {RATIO_HIGH:g}배 이하). "
        f"같은 깊이의 시그모이드는 약 {vanishing.run(depth=DEPTH).ratio:.0e}배입니다. "
        "도함수가 1에 가까운 활성화 함수는 기울기를 입력 쪽 층까지 전해 줍니다."
    )


# ---------------------------------------------------------------------------
# 직접 해보기 3: 전체 노름 기울기 클리핑
# ---------------------------------------------------------------------------


def _clip_cases() -> list[tuple[dict[str, np.ndarray], float]]:
    """채점에 쓰는 (기울기 사전, max_norm) 네 가지.

    1. 전체 노름 약 13인 세 배열, max_norm = 1 (잘라야 함).
    2. 전체 노름 0.5 (max_norm = 1보다 작아 그대로 두어야 함).
    3. 전체 노름 약 20, max_norm = 5. 한 배열만 아주 크고 나머지는 작습니다.
    4. 배열 하나, 노름이 정확히 2, max_norm = 3 (그대로).
    """
    rng = np.random.default_rng(4004)
    g1 = {
        "W1": rng.normal(0.0, 2.0, size=(3, 4)),
        "b1": rng.normal(0.0, 2.0, size=4),
        "W2": rng.normal(0.0, 2.0, size=(4, 2)),
    }
    small = {"W": rng.normal(size=(2, 3)), "b": rng.normal(size=3)}
    scale = 0.5 / math.sqrt(sum(float(np.sum(g**2)) for g in small.values()))
    g2 = {k: v * scale for k, v in small.items()}
    g3 = {
        "W1": np.full((2, 2), 10.0),
        "b1": np.array([0.01, -0.02]),
        "W2": rng.normal(0.0, 0.1, size=(2, 1)),
    }
    g4 = {"x": np.array([1.2, -1.6])}
    return [(g1, 1.0), (g2, 1.0), (g3, 5.0), (g4, 3.0)]


def _global(grads) -> float:
    return math.sqrt(sum(float(np.sum(np.asarray(g) ** 2)) for g in grads.values()))


def _clip_mistakes():
    """흔한 실수: (계산 함수, 설명, 힌트)."""

    def no_clip(grads, c):
        return {k: g.copy() for k, g in grads.items()}

    def per_array(grads, c):
        return {k: g * min(1.0, c / float(np.linalg.norm(g))) for k, g in grads.items()}

    def always(grads, c):
        n = _global(grads)
        return {k: g * (c / n) for k, g in grads.items()}

    def sum_of_norms(grads, c):
        n = sum(float(np.linalg.norm(g)) for g in grads.values())
        return {k: g * min(1.0, c / n) for k, g in grads.items()}

    def squared(grads, c):
        n = _global(grads) ** 2
        return {k: g * min(1.0, c / n) for k, g in grads.items()}

    def by_value(grads, c):
        return {k: np.clip(g, -c, c) for k, g in grads.items()}

    def upside_down(grads, c):
        n = _global(grads)
        return {k: g * min(1.0, n / c) for k, g in grads.items()}

    return [
        (
            no_clip,
            "기울기를 하나도 줄이지 않았습니다. 전체 노름이 max_norm보다 큰 사례에서도 그대로입니다.",
            "‖g‖ = √(모든 원소의 제곱의 합)을 구하고, ‖g‖ > max_norm 이면 모든 배열에 max_norm / ‖g‖를 곱하세요.",
        ),
        (
            per_array,
            "배열마다 따로 노름을 재어 잘랐습니다 (clipnorm 방식). 이 연습은 모든 배열을 한 벡터로 보는 "
            "전체 노름(global norm) 클리핑입니다.",
            "먼저 모든 배열의 제곱합을 더해 전체 노름 하나를 구하고, 모든 배열에 같은 배율을 곱하세요. "
            "그래야 기울기의 방향이 그대로 남습니다.",
        ),
        (
            always,
            "노름이 max_norm보다 작은 기울기까지 max_norm 길이로 늘렸습니다.",
            "배율은 min(1, max_norm / ‖g‖)입니다. 이미 충분히 작은 기울기는 그대로 두세요.",
        ),
        (
            sum_of_norms,
            "배열마다의 노름을 더해서(Σ‖g_k‖) 전체 노름으로 썼습니다. 전체 노름은 √(Σ‖g_k‖²)입니다.",
            "배열마다 제곱합 np.sum(g**2)을 더한 뒤 마지막에 한 번만 제곱근을 씌우세요.",
        ),
        (
            squared,
            "제곱근을 빠뜨렸습니다: 노름 대신 제곱합 ‖g‖²으로 나누었습니다.",
            "‖g‖ = math.sqrt(제곱합) 입니다.",
        ),
        (
            by_value,
            "원소마다 [−c, c]로 잘랐습니다 (clipvalue 방식). 이것은 방향을 바꿀 수 있고, 전체 노름 클리핑이 아닙니다.",
            "원소를 자르지 말고, 모든 배열에 같은 배율 min(1, max_norm / ‖g‖)를 곱하세요.",
        ),
        (
            upside_down,
            "배율을 거꾸로 썼습니다: ‖g‖ / max_norm 을 곱했습니다.",
            "배율은 max_norm / ‖g‖ 입니다 (1보다 작아지도록).",
        ),
    ]


def _matches(answer: dict, expected: dict) -> bool:
    """두 기울기 사전이 같은 키와 (상대 10⁻⁵ 안에서) 같은 값을 가지는지.

    허용 오차는 분모에 10⁻⁶을 더하는 방식(torch)과 더하지 않는 방식(Keras)을 모두 받을
    만큼 넉넉하고, 흔한 실수와는 구별될 만큼 좁습니다.
    """
    if set(answer) != set(expected):
        return False
    return all(
        np.shape(answer[k]) == np.shape(expected[k])
        and np.allclose(answer[k], expected[k], rtol=1e-5, atol=1e-12)
        for k in expected
    )


@guarded
def clip_global_norm(student_fn) -> Feedback:
    """학생의 clip_global_norm(grads, max_norm)이 전체 노름 클리핑을 하는지 봅니다.

    ‖g‖ = √(Σ_k Σ g_k²), g_k ← g_k · min(1, c / ‖g‖). 네 가지 사례에서
    dl.optim.clip_by_global_norm과 비교하고(상대 오차 10⁻⁵), 입력 사전과 배열을
    바꾸지 않았는지도 봅니다.
    """
    if not callable(student_fn):
        return failed(
            f"함수를 넘겨야 합니다 (받은 자료형: {type(student_fn).__name__}).",
            "괄호 없이 함수 이름만 넘기세요: check.l04.clip_global_norm(clip_global_norm)",
        )
    cases = _clip_cases()
    answers = []
    for k, (grads, max_norm) in enumerate(cases, start=1):
        given = {key: g.copy() for key, g in grads.items()}
        answer = student_fn(given, max_norm)
        if answer is None:
            return failed(
                "함수가 아무것도 돌려주지 않았습니다 (None).",
                "잘린 기울기를 담은 새 사전을 return 으로 돌려주세요.",
            )
        if not isinstance(answer, dict):
            return failed(
                f"함수가 사전(dict)이 아닌 값을 돌려주었습니다 (받은 자료형: {type(answer).__name__}).",
                "입력과 같은 키를 가진 사전을 돌려주세요: {name: g * factor for name, g in grads.items()}",
            )
        if set(answer) != set(grads):
            return failed(
                f"돌려준 사전의 키가 입력과 다릅니다: 받은 키 {sorted(answer)}, 필요한 키 {sorted(grads)}.",
                "입력 사전의 키를 그대로 쓰세요.",
            )
        if set(given) != set(grads) or any(
            not np.array_equal(given[key], grads[key]) for key in grads
        ):
            return failed(
                f"사례 {k}에서 입력으로 받은 기울기 배열을 직접 바꾸었습니다.",
                "g *= factor 처럼 제자리에서 바꾸지 말고 g * factor 로 새 배열을 만들어 돌려주세요. "
                "원래 기울기를 다른 곳에서 다시 쓸 수 있어야 합니다.",
            )
        answer = {key: np.asarray(value, dtype=np.float64) for key, value in answer.items()}
        answers.append(answer)
    references = [optim.clip_by_global_norm(grads, c)[0] for grads, c in cases]
    if all(_matches(a, r) for a, r in zip(answers, references, strict=True)):
        before = _global(cases[0][0])
        return passed(
            f"네 사례 모두 맞습니다. 첫 사례의 전체 노름: {before:.1f} → 1.0. "
            "노름이 max_norm보다 작은 사례는 그대로입니다. 모든 배열에 같은 배율을 곱하므로 "
            "기울기의 방향은 바뀌지 않고 길이만 줄어듭니다."
        )
    for mistake, message, hint in _clip_mistakes():
        guesses = [mistake(grads, c) for grads, c in cases]
        if all(_matches(a, g) for a, g in zip(answers, guesses, strict=True)):
            return failed(message, hint)
    for k, (answer, reference, (grads, c)) in enumerate(
        zip(answers, references, cases, strict=True), start=1
    ):
        if not _matches(answer, reference):
            return failed(
                f"사례 {k} (전체 노름 {_global(grads):.3g}, max_norm {c:g})에서 결과가 다릅니다: "
                f"돌려준 기울기의 전체 노름 {_global(answer):.4g}, 정답 {_global(reference):.4g}.",
                "‖g‖ = √(Σ 모든 원소²), 배율 = min(1, max_norm / ‖g‖), 모든 배열에 같은 배율을 곱합니다.",
            )
    return failed("결과가 정답과 다릅니다.", "dl.optim.clip_by_global_norm 과 비교해 보세요.")  # pragma: no cover


# ---------------------------------------------------------------------------
# 직접 해보기 4 (선택): 상한이 10⁻⁶ 아래로 내려가는 가장 작은 층 수
# ---------------------------------------------------------------------------

BOUND_TARGET = 1e-6


def _first_depth_below(factor: float, target: float) -> int:
    """factor**n < target 인 가장 작은 n (n = 1부터 차례로 봅니다)."""
    n = 1
    while factor**n >= target:
        n += 1
    return n


@guarded
def smallest_depth(answer) -> Feedback:
    """(1/4)ⁿ < 10⁻⁶ 인 가장 작은 층 수 n을 맞혔는지 봅니다.

    채점기는 n = 1, 2, 3, …에서 0.25ⁿ을 차례로 계산해 처음으로 10⁻⁶보다 작아지는 n을 찾습니다.
    """
    if answer is None:
        return failed(
            "smallest_depth에 아직 값이 없습니다 (None).",
            "sigmoid_bound(n)을 n = 1부터 키워 가며 계산해 보세요.",
        )
    if isinstance(answer, bool) or not isinstance(answer, Real | np.integer | np.floating):
        return failed(
            f"층 수는 정수 하나여야 합니다 (받은 자료형: {type(answer).__name__}).",
            "예: smallest_depth = 5",
        )
    if not isinstance(answer, Integral | np.integer) and not float(answer).is_integer():
        return failed(
            f"층 수는 정수여야 합니다 (받은 값: {answer}). 층을 반 개만 쌓을 수는 없습니다.",
            "log로 구했다면 올림(math.ceil)을 하고, 그 층 수에서 정말 10⁻⁶ 아래인지 확인하세요.",
        )
    n = int(answer)
    expected = _first_depth_below(0.25, BOUND_TARGET)
    if n == expected:
        return passed(
            f"n = {n}: (1/4)^{n - 1} = {0.25 ** (n - 1):.2g} (아직 10⁻⁶ 이상), "
            f"(1/4)^{n} = {0.25**n:.2g} (처음으로 10⁻⁶ 아래). "
            "시그모이드 층이 10개만 되어도 입력 쪽 기울기는 백만분의 일 이하입니다."
        )
    if n < 1:
        return failed(
            f"n = {n}: 층 수는 1 이상이어야 합니다.",
            "sigmoid_bound(n)을 n = 1부터 키워 가며 계산해 보세요.",
        )
    bound = 0.25**n
    if n == _first_depth_below(0.5, BOUND_TARGET):
        return failed(
            f"n = {n}: (1/2)ⁿ로 계산한 답입니다. 시그모이드 도함수의 최댓값은 1/2이 아니라 1/4입니다.",
            "(1/4)ⁿ = 1/2²ⁿ 이므로 층 하나에 2의 거듭제곱이 두 번씩 들어갑니다.",
        )
    if bound >= BOUND_TARGET:
        return failed(
            f"n = {n}: (1/4)^{n} = {bound:.2g}, 아직 10⁻⁶ 이상입니다.",
            "층을 더 쌓아 보세요. sigmoid_bound(n)으로 값을 확인할 수 있습니다.",
        )
    return failed(
        f"n = {n}: (1/4)^{n} = {bound:.2g}, 10⁻⁶보다 작지만 더 적은 층에서도 이미 10⁻⁶ 아래입니다 "
        f"(예: (1/4)^{n - 1} = {0.25 ** (n - 1):.2g}).",
        "'가장 작은' n을 찾으세요. n을 하나씩 줄여 가며 확인해 보세요.",
    )
