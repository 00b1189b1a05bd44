"""1강(경사 하강법) 연습 문제 채점기.

    from dlcourse import check
    check.l01.gradient_and_step(grad_J, gd_step)     # 직접 해보기 1
    check.l01.learning_rate_30_steps(learning_rate)   # 직접 해보기 2
    check.l01.first_step(x1)                          # 직접 해보기 3
    check.l01.global_minimum_start(start)             # 직접 해보기 4 (선택)

1강의 목적 함수는 J(x) = x₁² + 2x₂² − x₁x₂이고 기울기는 ∇J(x) = [2x₁ − x₂, 4x₂ − x₁],
시작점은 x(0) = [−5, 4]입니다. 정답은 학생의 식과 상관없이 이 식과 dl.surfaces로 구합니다.
채점 함수는 언제나 Feedback을 돌려줍니다. 틀린 답이면 흔한 실수(부호, 빠진 계수,
뒤바뀐 성분 등)와 비교해서 무엇이 다른지 알려 줍니다.
"""

from __future__ import annotations

import math

import numpy as np

from .. import surfaces
from ._feedback import Feedback, failed, guarded, passed

__all__ = [
    "START",
    "TARGET_STEPS",
    "TARGET_NORM",
    "HAND_LEARNING_RATE",
    "GLOBAL_SEARCH",
    "gradient_and_step",
    "learning_rate_30_steps",
    "first_step",
    "global_minimum_start",
]

START = (-5.0, 4.0)
"""1강의 시작점 x(0)."""

TARGET_STEPS = 30
TARGET_NORM = 0.01
"""직접 해보기 2: 30스텝 뒤 ‖x(30)‖ < 0.01 이면 통과합니다."""

HAND_LEARNING_RATE = 0.2
"""직접 해보기 3: 손으로 x(1)을 계산할 때의 학습률."""

GLOBAL_SEARCH = {"learning_rate": 0.3, "steps": 50, "tolerance": 0.05}
"""직접 해보기 4: 여러 골짜기 함수에서 쓰는 학습률, 스텝 수, 전역 최솟값까지 허용 거리."""


def _formula_gradient(x: np.ndarray) -> np.ndarray:
    """∇J(x) = [2x₁ − x₂, 4x₂ − x₁] (정답, 강의의 식을 그대로 적었습니다)."""
    return np.array([2.0 * x[0] - x[1], 4.0 * x[1] - x[0]])


def _close(a, b) -> bool:
    return bool(np.allclose(a, b, rtol=1e-9, atol=1e-9))


def _as_pair(value, what: str) -> np.ndarray | Feedback:
    """숫자 두 개 [a, b]로 바꿉니다. 바꿀 수 없으면 Feedback을 돌려줍니다."""
    if value is None:
        return failed(
            f"{what}: None입니다. 숫자 두 개가 필요합니다.",
            "return 으로 np.array([첫째 성분, 둘째 성분])을 돌려주세요.",
        )
    if isinstance(value, (str, bytes)):
        return failed(
            f"{what}: 글자가 들어 있습니다 (받은 값: {value!r}). 숫자 두 개가 필요합니다.",
            "따옴표 없이 [-1.5, 2.0]처럼 적으세요.",
        )
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return failed(
            f"{what}: 숫자 배열로 바꿀 수 없습니다 (받은 자료형: {type(value).__name__}).",
            "np.array([a, b])나 [a, b]처럼 숫자 두 개를 주세요.",
        )
    if array.size != 2:
        return failed(
            f"{what}: 숫자가 {array.size}개입니다 (모양 {array.shape}). 두 개여야 합니다: "
            "[x₁ 성분, x₂ 성분].",
            "x₁ 방향과 x₂ 방향의 값을 하나씩, 모두 두 개를 돌려주세요.",
        )
    array = array.reshape(2)
    if not np.all(np.isfinite(array)):
        return failed(f"{what}: inf나 NaN이 있습니다.", "계산식을 다시 확인하세요.")
    return array


def _pair_text(pair) -> str:
    return "[" + ", ".join(f"{float(v):.4g}" for v in pair) + "]"


# ---------------------------------------------------------------------------
# 직접 해보기 1: 기울기 함수와 갱신 한 번
# ---------------------------------------------------------------------------


def _gradient_mistakes(x: np.ndarray):
    """기울기에서 흔한 실수: (계산 결과, 설명, 힌트)."""
    x1, x2 = x
    return [
        (
            np.zeros(2),
            "grad_J가 돌려준 기울기가 모두 0입니다. 식을 채우지 않았나요?",
            "J를 x₁로 편미분하면 2x₁ − x₂, x₂로 편미분하면 4x₂ − x₁입니다.",
        ),
        (
            np.array([2 * x1 + x2, 4 * x2 + x1]),
            "−x₁x₂ 항의 부호가 틀렸습니다: 기울기에 +x₂, +x₁이 들어갔습니다.",
            "−x₁x₂를 x₁로 편미분하면 −x₂, x₂로 편미분하면 −x₁입니다.",
        ),
        (
            np.array([4 * x2 - x1, 2 * x1 - x2]),
            "두 성분의 순서가 뒤바뀌었습니다.",
            "첫째 성분은 ∂J/∂x₁ = 2x₁ − x₂, 둘째 성분은 ∂J/∂x₂ = 4x₂ − x₁입니다.",
        ),
        (
            np.array([x1 - x2, 2 * x2 - x1]),
            "제곱 항의 미분에서 계수가 빠졌습니다: x₁²의 미분은 2x₁, 2x₂²의 미분은 4x₂입니다.",
            "(xⁿ)′ = n·xⁿ⁻¹ 을 떠올려 보세요.",
        ),
        (
            np.array([2 * x1, 4 * x2]),
            "−x₁x₂ 항의 미분이 빠졌습니다.",
            "−x₁x₂를 x₁로 편미분하면 −x₂ (x₂는 상수 취급), x₂로 편미분하면 −x₁입니다.",
        ),
        (
            -np.array([2 * x1 - x2, 4 * x2 - x1]),
            "부호가 반대입니다: −∇J를 돌려주었습니다.",
            "기울기 함수는 ∇J 자체를 돌려주고, 빼기는 갱신할 때 x − η∇J에서 합니다.",
        ),
    ]


def _step_mistakes(x: np.ndarray, eta: float):
    """갱신에서 흔한 실수: (계산 결과, 설명, 힌트)."""
    g = _formula_gradient(x)
    return [
        (
            x,
            "x가 그대로입니다. 아직 한 걸음도 움직이지 않았습니다.",
            "x(t+1) = x(t) − η ∇J(x(t))를 돌려주세요: return x - learning_rate * grad_J(x)",
        ),
        (
            x + eta * g,
            "기울기 방향으로 올라갔습니다: x + η∇J를 돌려주었습니다.",
            "경사 하강법은 기울기의 반대 방향으로 갑니다: x − η∇J.",
        ),
        (
            x - g,
            "학습률 η를 곱하지 않았습니다: x − ∇J를 돌려주었습니다.",
            "한 걸음의 크기는 학습률이 정합니다: x − learning_rate * grad_J(x).",
        ),
        (
            -eta * g,
            "움직인 양 −η∇J만 돌려주었습니다. 지금 위치 x를 더하지 않았습니다.",
            "새 위치 = 지금 위치 + 움직인 양 = x − η∇J.",
        ),
        (
            x - eta * x,
            "기울기 대신 x를 곱했습니다: x − ηx를 돌려주었습니다.",
            "갱신에는 기울기 ∇J(x)가 들어갑니다: x − η ∇J(x).",
        ),
    ]


def _call_pair(fn, args, what: str):
    value = fn(*args)
    return _as_pair(value, what)


@guarded
def gradient_and_step(grad_J, gd_step) -> Feedback:
    """학생의 grad_J(x)와 gd_step(x, learning_rate)를 확인합니다.

    grad_J(x)는 ∇J(x) = [2x₁ − x₂, 4x₂ − x₁]을, gd_step(x, η)는 x − η∇J(x)를 돌려주어야
    합니다. 시작점 [−5, 4]와 시드로 만든 점 여러 개에서 식과 비교합니다.
    """
    for fn, name in ((grad_J, "grad_J"), (gd_step, "gd_step")):
        if not callable(fn):
            return failed(
                f"{name}에는 함수를 넘겨야 합니다 (받은 자료형: {type(fn).__name__}).",
                "괄호 없이 함수 이름만 넘기세요: check.l01.gradient_and_step(grad_J, gd_step)",
            )
    rng = np.random.default_rng(101)
    points = [np.array(START)] + [rng.uniform(-5.0, 5.0, size=2) for _ in range(6)]

    for number, x in enumerate(points):
        out = _call_pair(grad_J, (x.copy(),), "grad_J(x)가 돌려준 값")
        if isinstance(out, Feedback):
            return out
        correct = _formula_gradient(x)
        if _close(out, correct):
            continue
        if number > 0:
            return failed(
                f"x(0) = [−5, 4]에서는 맞지만, 다른 점 x = {_pair_text(x)}에서는 틀립니다 "
                f"(받은 값 {_pair_text(out)}, 정답 {_pair_text(correct)}).",
                "숫자를 직접 적지 말고 x[0], x[1]로 식을 쓰세요.",
            )
        for wrong, message, hint in _gradient_mistakes(x):
            if _close(out, wrong):
                return failed(message, hint)
        return failed(
            f"x = [−5, 4]에서 grad_J가 돌려준 값이 ∇J(x(0)) = [−14, 21]과 다릅니다 (받은 값: {_pair_text(out)}).",
            "∂J/∂x₁ = 2x₁ − x₂, ∂J/∂x₂ = 4x₂ − x₁. x₁은 x[0], x₂는 x[1]입니다.",
        )

    rates = [0.1, 0.03, 0.25, 0.1, 0.4, 0.01, 0.2]
    for number, (x, eta) in enumerate(zip(points, rates, strict=True)):
        original = x.copy()
        out = _call_pair(gd_step, (x, eta), "gd_step(x, learning_rate)가 돌려준 값")
        if isinstance(out, Feedback):
            return out
        correct = original - eta * _formula_gradient(original)
        if _close(out, correct):
            continue
        if number > 0:
            return failed(
                f"x = {_pair_text(original)}, η = {eta}에서 틀립니다 (받은 값 {_pair_text(out)}, "
                f"정답 {_pair_text(correct)}).",
                "학습률과 위치를 숫자로 적지 말고 인자 x, learning_rate를 쓰세요.",
            )
        for wrong, message, hint in _step_mistakes(original, eta):
            if _close(out, wrong):
                return failed(message, hint)
        return failed(
            f"x(0) = [−5, 4], η = 0.1에서 gd_step이 돌려준 값이 x(1) = [−3.6, 1.9]와 다릅니다 "
            f"(받은 값: {_pair_text(out)}).",
            "x(t+1) = x(t) − η ∇J(x(t)): return x - learning_rate * grad_J(x)",
        )
    return passed(
        "grad_J는 시작점과 다른 점 여섯 개에서 ∇J = [2x₁ − x₂, 4x₂ − x₁]과 같고, gd_step은 "
        "x − η∇J(x)를 돌려줍니다. x(0) = [−5, 4], η = 0.1이면 x(1) = [−3.6, 1.9]입니다."
    )


# ---------------------------------------------------------------------------
# 직접 해보기 2: 30스텝 안에 ‖x‖ < 0.01
# ---------------------------------------------------------------------------


def _as_number(value) -> float | None:
    """숫자 하나(파이썬 수, NumPy 스칼라, 원소 하나인 배열)를 float로, 아니면 None."""
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
def learning_rate_30_steps(learning_rate) -> Feedback:
    """x(0) = [−5, 4]에서 30스텝 경사 하강법을 돌려 ‖x(30)‖ < 0.01인지 확인합니다.

    계산은 dl.surfaces.descend("quadratic", learning_rate=η, steps=30)이 합니다.
    너무 작으면 단조롭게 다가가다 멈추고, 너무 크면 골짜기를 건너뛰며 지그재그합니다.
    """
    eta = _as_number(learning_rate)
    if eta is None:
        return failed(
            f"학습률에는 숫자 하나를 넣어야 합니다 (받은 자료형: {type(learning_rate).__name__}).",
            "예: learning_rate = 0.05",
        )
    if not (math.isfinite(eta) and eta > 0):
        return failed(
            f"학습률은 0보다 큰 유한한 수여야 합니다 (받은 값: {eta}).",
            "0과 1 사이의 값부터 시도해 보세요.",
        )
    result = surfaces.descend("quadratic", learning_rate=eta, steps=TARGET_STEPS)
    if result.diverged:
        return failed(
            f"η = {eta:g}에서는 스텝 {result.diverged_at}에서 발산했습니다 (|x|가 끝없이 커짐).",
            "학습률이 너무 큽니다. 이 곡면에서는 η가 약 0.45보다 크면 발산합니다.",
        )
    final = result.final
    norm = float(np.linalg.norm(final))
    where = f"x(30) = {_pair_text(final)}, ‖x(30)‖ = {norm:.3g}"
    if norm < TARGET_NORM:
        return passed(
            f"η = {eta:g}에서 {where}. 0.01보다 작습니다. 너무 작지도 크지도 않은 학습률입니다. "
            "이 곡면에서는 대략 0.11에서 0.41 사이가 통과하고, η ≈ 1/3 근처가 가장 빠릅니다."
        )
    start_norm = math.hypot(*START)
    if norm > start_norm:
        return failed(
            f"η = {eta:g}에서 {where}. 시작점(‖x(0)‖ ≈ 6.40)보다 멀어졌습니다.",
            "학습률이 너무 커서 스텝마다 골짜기 건너편으로 더 멀리 튑니다. η를 줄여 보세요.",
        )
    last, before, earlier = result.path[-1], result.path[-2], result.path[-3]
    zigzag = float(np.dot(last - before, before - earlier)) < 0.0
    if zigzag:
        return failed(
            f"η = {eta:g}에서 {where}. 마지막 스텝들이 방향을 바꾸며 지그재그합니다.",
            "학습률이 조금 큽니다: 최솟값을 넘어갔다가 돌아오기를 되풀이합니다. η를 조금 줄여 보세요.",
        )
    if norm < 0.1:
        return failed(
            f"η = {eta:g}에서 {where}. 거의 다 왔지만 아직 0.01보다 큽니다.",
            "방향은 맞고 걸음이 조금 짧습니다. η를 조금 더 키워 보세요.",
        )
    return failed(
        f"η = {eta:g}에서 {where}. 방향은 맞지만 아직 멀리 있습니다.",
        "학습률이 작아서 한 걸음이 짧습니다. η를 키워 보세요.",
    )


# ---------------------------------------------------------------------------
# 직접 해보기 3: 손으로 x(1) 계산하기
# ---------------------------------------------------------------------------


@guarded
def first_step(x1) -> Feedback:
    """η = 0.2일 때 손으로 계산한 x(1) = x(0) − 0.2 ∇J(x(0))을 확인합니다.

    x(0) = [−5, 4], ∇J(x(0)) = [−14, 21] 이므로 x(1) = [−5 + 2.8, 4 − 4.2] = [−2.2, −0.2]입니다.
    """
    answer = _as_pair(x1, "x1")
    if isinstance(answer, Feedback):
        return answer
    eta = HAND_LEARNING_RATE
    x0 = np.array(START)
    g = _formula_gradient(x0)
    correct = x0 - eta * g

    def near(a, b) -> bool:
        return bool(np.allclose(a, b, rtol=0.0, atol=5e-3))

    if near(answer, correct):
        return passed(
            "∇J(x(0)) = [2·(−5) − 4, 4·4 − (−5)] = [−14, 21] 이고, "
            "x(1) = [−5, 4] − 0.2 × [−14, 21] = [−5 + 2.8, 4 − 4.2] = [−2.2, −0.2]입니다."
        )
    mistakes = [
        (
            np.zeros(2),
            "답이 처음 값 [0, 0] 그대로입니다.",
            "먼저 ∇J(x(0))를 구하고, x(1) = x(0) − 0.2 × ∇J(x(0))에 넣으세요.",
        ),
        (
            x0 - 0.1 * g,
            "η = 0.1일 때의 x(1) = [−3.6, 1.9]입니다. 이번에는 η = 0.2입니다.",
            "x(1) = [−5, 4] − 0.2 × [−14, 21].",
        ),
        (
            x0 + eta * g,
            "부호가 반대입니다: x(0) + η∇J를 계산했습니다. 기울기 방향으로 올라간 것입니다.",
            "경사 하강법은 기울기의 반대 방향으로 갑니다: x(1) = x(0) − η∇J(x(0)).",
        ),
        (
            x0 - g,
            "학습률 0.2를 곱하지 않았습니다: x(0) − ∇J를 계산했습니다.",
            "움직이는 양은 η × ∇J = 0.2 × [−14, 21] = [−2.8, 4.2]입니다.",
        ),
        (
            -eta * g,
            "움직인 양 −η∇J = [2.8, −4.2]만 적었습니다.",
            "새 위치 = x(0) + 움직인 양 = [−5, 4] + [2.8, −4.2].",
        ),
        (
            eta * g,
            "η∇J = [−2.8, 4.2]만 적었습니다. x(0)에서 빼야 새 위치가 나옵니다.",
            "x(1) = [−5, 4] − [−2.8, 4.2].",
        ),
        (
            g,
            "∇J(x(0)) = [−14, 21]을 적었습니다. 이것은 기울기이고, 문제는 x(1)입니다.",
            "x(1) = x(0) − 0.2 × ∇J(x(0)).",
        ),
        (
            x0 - eta * np.array([g[1], g[0]]),
            "기울기의 두 성분을 바꿔 썼습니다.",
            "x₁ 성분에는 ∂J/∂x₁ = −14를, x₂ 성분에는 ∂J/∂x₂ = 21을 씁니다.",
        ),
        (
            x0 - eta * np.array([2 * x0[0] + x0[1], 4 * x0[1] + x0[0]]),
            "기울기를 [2x₁ + x₂, 4x₂ + x₁] = [−6, 11]로 계산했습니다. −x₁x₂ 항의 부호가 틀렸습니다.",
            "∇J = [2x₁ − x₂, 4x₂ − x₁] 이므로 ∇J(x(0)) = [−10 − 4, 16 + 5] = [−14, 21]입니다.",
        ),
    ]
    for wrong, message, hint in mistakes:
        if near(answer, wrong):
            return failed(message, hint)
    wrong_parts = [name for name, a, c in zip(("x₁", "x₂"), answer, correct, strict=True)
                   if not near(a, c)]
    return failed(
        f"받은 값 {_pair_text(answer)}에서 {', '.join(wrong_parts)} 성분이 다릅니다.",
        "∇J(x(0)) = [2·(−5) − 4, 4·4 − (−5)]를 먼저 구하고, 성분마다 x − 0.2 × 기울기를 계산하세요.",
    )


# ---------------------------------------------------------------------------
# 직접 해보기 4 (선택): 전역 최솟값에 닿는 시작점
# ---------------------------------------------------------------------------


@guarded
def global_minimum_start(start) -> Feedback:
    """여러 골짜기 함수에서 start부터 경사 하강법(η = 0.3, 50스텝)이 전역 최솟값에 닿는지 봅니다.

    닿았다 = x(50)이 전역 최솟값 (1.900, 0.945)에서 0.05보다 가깝습니다.
    시작점은 그림 범위 [−4, 4] × [−4, 4] 안이어야 합니다.
    """
    point = _as_pair(start, "start")
    if isinstance(point, Feedback):
        return point
    surface = surfaces.MULTI_MINIMA
    (x_low, x_high), (y_low, y_high) = surface.window
    if not (x_low <= point[0] <= x_high and y_low <= point[1] <= y_high):
        return failed(
            f"시작점이 그림 범위 [−4, 4] × [−4, 4] 밖에 있습니다 (받은 값: {_pair_text(point)}).",
            "탐색기의 시작점 슬라이더 범위 안에서 골라 보세요.",
        )
    settings = GLOBAL_SEARCH
    result = surfaces.descend(
        surface, learning_rate=settings["learning_rate"], steps=settings["steps"], start=point
    )
    final = result.final
    minima = [np.asarray(m) for m in surface.minima]
    distances = [float(np.linalg.norm(final - m)) for m in minima]
    nearest = int(np.argmin(distances))
    best = surface.global_minimum
    best_index = next(i for i, m in enumerate(minima) if np.array_equal(m, best))
    where = f"x(50) = {_pair_text(final)}, J = {surface.value(final):.3f}"
    if nearest == best_index and distances[nearest] < settings["tolerance"]:
        return passed(
            f"시작점 {_pair_text(point)}: {where}. 전역 최솟값 (1.90, 0.945)에 닿았습니다. "
            "경사 하강법은 시작점이 속한 골짜기의 바닥으로 내려갑니다."
        )
    if nearest == best_index:
        return failed(
            f"전역 최솟값 쪽으로 가고 있지만 50스텝 뒤에도 {distances[nearest]:.3f}만큼 떨어져 있습니다 ({where}).",
            "전역 최솟값에 더 가까운 곳에서 출발하거나, 기울기가 0에 가까운 평평한 곳(안장점 근처)을 피하세요.",
        )
    return failed(
        f"이 시작점에서는 지역 최솟값에 갇힙니다 (시작점 {_pair_text(point)}, {where}, "
        f"가까운 지역 최솟값 {_pair_text(minima[nearest])}).",
        "전역 최솟값 (1.90, 0.945)은 오른쪽 위 골짜기에 있습니다. 그 골짜기 쪽 비탈에서 출발해 보세요.",
    )
