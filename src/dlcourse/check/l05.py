"""5강(죽은 ReLU) 연습 문제 채점기.

    from dlcourse import check
    check.l05.dead_units(dead_units)                          # 직접 해보기 1
    check.l05.no_dead_units(my_settings)                      # 직접 해보기 2
    check.l05.leaky_relu_backward(MyLeakyReLU)                # 직접 해보기 3
    check.l05.weight_change_after_death(sgd_change, adam_change)  # 직접 해보기 4

채점 함수는 언제나 Feedback을 돌려줍니다. 정답은 학생의 코드와 상관없이 채점기가 따로
구합니다: 죽은 유닛은 z = XW + b 가 모든 샘플에서 0 이하인 유닛(NumPy 한 줄), Leaky ReLU의
역전파는 식 dL/dz = dL/dh · f′(z) 와 수치 미분(dl.nn.gradcheck), 훈련 결과는
dlcourse.labs.dying_relu.run()을 다시 실행해서 얻습니다. 틀린 답이면 흔한 실수(편향을
빠뜨림, all 대신 any, z = 0 을 빠뜨림, α를 빠뜨림 등)와 비교해 무엇이 다른지 알려 줍니다.
"""

from __future__ import annotations

import math

import numpy as np

from .. import nn
from ..labs import dying_relu
from ._feedback import Feedback, failed, guarded, passed

__all__ = [
    "SETTING_KEYS",
    "TARGET_ACCURACY",
    "SGD_SETTINGS",
    "ADAM_SETTINGS",
    "dead_units",
    "no_dead_units",
    "leaky_relu_backward",
    "weight_change_after_death",
]


def _format_units(indices) -> str:
    """유닛 번호 목록을 "[0, 3]" 처럼 씁니다 (비어 있으면 "없음")."""
    indices = [int(i) for i in indices]
    return str(indices) if indices else "없음"


# ---------------------------------------------------------------------------
# 직접 해보기 1: 죽은 유닛 마스크
# ---------------------------------------------------------------------------


def _dead_unit_cases() -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """채점에 쓰는 (X, W, b) 네 가지. 샘플 수와 유닛 수를 일부러 다르게 둡니다.

    1. 평범한 난수 입력에 큰 음수 편향 두 개 (그 두 유닛은 확실히 죽습니다).
    2. 편향이 답을 바꾸는 경우: XW는 모두 음수지만 b가 커서 살아 있는 유닛,
       XW는 모두 양수지만 b가 아주 작아서 죽은 유닛.
    3. z = 0 이 정확히 나오는 유닛(가중치 0, 편향 0)과, 한 샘플에서만 z > 0 인 유닛.
    4. 샘플이 하나뿐인 경우.
    """
    rng = np.random.default_rng(505)
    cases = []

    X1 = rng.normal(size=(20, 4))
    W1 = rng.normal(size=(4, 5))
    b1 = np.array([-30.0, 0.0, -30.0, 0.5, 0.0])
    cases.append((X1, W1, b1))

    X2 = rng.uniform(0.1, 1.0, size=(10, 3))  # 입력이 모두 양수
    W2 = np.column_stack([
        -rng.uniform(0.1, 1.0, size=3),  # XW < 0, b = +5 → 살아 있음
        rng.uniform(0.1, 1.0, size=3),  # XW > 0, b = −10 → 죽음
        -rng.uniform(0.1, 1.0, size=3),  # XW < 0, b = 0 → 죽음
        rng.uniform(0.1, 1.0, size=3),  # XW > 0, b = 0 → 살아 있음
    ])
    b2 = np.array([5.0, -10.0, 0.0, 0.0])
    cases.append((X2, W2, b2))

    X3 = rng.normal(size=(7, 2))
    X3[:, 0] = -np.abs(X3[:, 0])
    X3[3, 0] = 0.8  # 첫 번째 입력은 샘플 3에서만 양수
    W3 = np.array([[0.0, 0.0, 1.0], [0.0, 0.0, 0.0]])
    b3 = np.array([0.0, 0.1, 0.0])  # 유닛 0: z = 0 (죽음), 유닛 1: z = 0.1, 유닛 2: 샘플 3에서만 z > 0
    cases.append((X3, W3, b3))

    X4 = rng.normal(size=(1, 3))
    W4 = rng.normal(size=(3, 6))
    b4 = np.where(np.arange(6) % 2 == 0, -20.0, 20.0)
    cases.append((X4, W4, b4))
    return cases


def _reference_dead(X, W, b) -> np.ndarray:
    """죽은 유닛: 모든 샘플에서 z = XW + b ≤ 0 (ReLU의 출력과 도함수가 모두 0)."""
    return np.all(X @ W + b <= 0.0, axis=0)


def _dead_unit_mistakes():
    """흔한 실수: (계산 함수, 설명, 힌트)."""
    return [
        (
            lambda X, W, b: ~_reference_dead(X, W, b),
            "살아 있는 유닛을 True로 표시했습니다. True와 False가 정답과 정확히 반대입니다.",
            "죽은 유닛이 True여야 합니다. 부등호의 방향(z ≤ 0)을 확인하세요.",
        ),
        (
            lambda X, W, b: np.any(X @ W + b <= 0.0, axis=0),
            "한 샘플에서라도 z ≤ 0 이면 죽었다고 판정했습니다 (np.any).",
            "어떤 샘플에서 z > 0 이면 그 샘플에서는 기울기가 흐르므로 유닛은 살아 있습니다. "
            "모든 샘플에서 z ≤ 0 인지 보세요 (np.all).",
        ),
        (
            lambda X, W, b: np.all(X @ W + b < 0.0, axis=0),
            "z = 0 인 유닛을 살아 있다고 판정했습니다 (부등호 < 를 썼습니다).",
            "ReLU는 z = 0 에서 출력이 0이고, 도함수도 0으로 정합니다. 그래서 z ≤ 0 (<=) 이어야 합니다.",
        ),
        (
            lambda X, W, b: np.all(X @ W <= 0.0, axis=0),
            "편향 b를 더하지 않았습니다. 편향이 크면 XW가 음수여도 유닛은 살아 있습니다.",
            "입력 합은 z = XW + b 입니다: Z = X @ W + b.",
        ),
    ]


def _as_mask(value, n_samples: int, n_units: int) -> np.ndarray | Feedback:
    """학생 함수의 반환값을 (유닛 수,) 불 배열로 바꿉니다. 안 되면 Feedback."""
    if value is None:
        return failed(
            "함수가 아무것도 돌려주지 않았습니다 (None).",
            "함수의 마지막 줄에서 return 으로 불 배열을 돌려주세요.",
        )
    try:
        mask = np.asarray(value)
    except (TypeError, ValueError):
        return failed(
            f"함수가 돌려준 값을 배열로 바꿀 수 없습니다 (받은 자료형: {type(value).__name__}).",
            "np.all(...) 처럼 NumPy 불 배열을 돌려주세요.",
        )
    if mask.shape != (n_units,):
        if n_samples != n_units and mask.shape == (n_samples,):
            return failed(
                f"샘플마다 값을 하나씩 돌려주었습니다 (모양 {mask.shape}). "
                f"유닛마다 하나씩, 모양 ({n_units},)이어야 합니다.",
                "Z의 행은 샘플, 열은 유닛입니다. 유닛마다 모든 샘플을 보려면 axis=0 으로 모으세요.",
            )
        if mask.shape == (n_samples, n_units):
            return failed(
                f"샘플과 유닛마다 값을 돌려주었습니다 (모양 {mask.shape}). "
                f"유닛마다 하나로 모은 모양 ({n_units},)이어야 합니다.",
                "Z <= 0 은 샘플마다의 판정입니다. 유닛마다 모든 샘플을 한꺼번에 보려면 np.all에 axis 인자를 주세요.",
            )
        return failed(
            f"돌려준 배열의 모양이 맞지 않습니다: {mask.shape}. 유닛 수만큼, 모양 ({n_units},)이어야 합니다.",
            "X는 (샘플 수, 입력 수), W는 (입력 수, 유닛 수)입니다. Z = X @ W + b 의 열이 유닛입니다.",
        )
    if mask.dtype != bool:
        if mask.dtype.kind not in "biuf" or not np.all(np.isin(mask, (0, 1))):
            return failed(
                "돌려준 배열이 True/False(또는 1/0)로만 되어 있지 않습니다.",
                "z 값을 그대로 돌려주지 말고, 비교(<=)와 np.all로 만든 불 배열을 돌려주세요.",
            )
        mask = mask.astype(bool)
    return mask


@guarded
def dead_units(student_fn) -> Feedback:
    """학생의 dead_units(X, W, b)가 죽은 유닛 마스크 np.all(XW + b ≤ 0, axis=0)을 돌려주는지 봅니다.

    네 가지 사례(편향이 답을 바꾸는 경우, z = 0 인 경우, 샘플이 하나인 경우 포함)에서
    채점기가 따로 구한 답과 비교합니다. 학생 함수에는 배열의 복사본을 넘깁니다.
    """
    if not callable(student_fn):
        return failed(
            f"함수를 넘겨야 합니다 (받은 자료형: {type(student_fn).__name__}).",
            "괄호 없이 함수 이름만 넘기세요: check.l05.dead_units(dead_units)",
        )
    cases = _dead_unit_cases()
    answers = []
    for X, W, b in cases:
        mask = _as_mask(student_fn(X.copy(), W.copy(), b.copy()), X.shape[0], W.shape[1])
        if isinstance(mask, Feedback):
            return mask
        answers.append(mask)
    references = [_reference_dead(X, W, b) for X, W, b in cases]
    if not any(a.any() for a in answers):
        return failed(
            "어떤 유닛도 죽었다고 하지 않았습니다 (모두 False). 네 사례에 죽은 유닛이 모두 "
            f"{sum(int(r.sum()) for r in references)}개 있습니다. 첫 사례의 죽은 유닛: "
            f"{_format_units(np.flatnonzero(references[0]))}.",
            "Z = X @ W + b 를 구한 뒤, 유닛(열)마다 모든 샘플(행)에서 Z ≤ 0 인지 보세요. "
            "np.all에 axis 인자를 주면 한 축을 따라 모을 수 있습니다.",
        )
    if all(np.array_equal(a, r) for a, r in zip(answers, references, strict=True)):
        n_dead = sum(int(r.sum()) for r in references)
        n_units = sum(r.size for r in references)
        return passed(
            f"네 가지 사례의 유닛 {n_units}개 중 죽은 유닛 {n_dead}개를 모두 정확히 찾았습니다. "
            "편향, z = 0, 샘플이 하나뿐인 경우도 맞습니다."
        )
    for mistake, message, hint in _dead_unit_mistakes():
        guesses = [mistake(X, W, b) for X, W, b in cases]
        if all(np.array_equal(a, g) for a, g in zip(answers, guesses, strict=True)):
            return failed(message, hint)
    for k, (answer, reference) in enumerate(zip(answers, references, strict=True), start=1):
        if np.array_equal(answer, reference):
            continue
        X, W, _ = cases[k - 1]
        missed = np.flatnonzero(reference & ~answer)
        extra = np.flatnonzero(answer & ~reference)
        parts = []
        if missed.size:
            parts.append(f"죽었는데 살아 있다고 한 유닛: {_format_units(missed)}")
        if extra.size:
            parts.append(f"살아 있는데 죽었다고 한 유닛: {_format_units(extra)}")
        return failed(
            f"판정이 다른 사례가 있습니다: 사례 {k} (X 모양 {X.shape}, W 모양 {W.shape}). "
            + "; ".join(parts)
            + f". 정답의 죽은 유닛: {_format_units(np.flatnonzero(reference))}.",
            "Z = X @ W + b 를 구한 뒤, 유닛(열)마다 모든 샘플(행)에서 Z ≤ 0 인지 보세요. "
            "np.all에 axis 인자를 주면 한 축을 따라 모을 수 있습니다.",
        )
    return failed("판정이 정답과 다릅니다.", "np.all(X @ W + b <= 0, axis=0) 과 비교해 보세요.")


# ---------------------------------------------------------------------------
# 직접 해보기 2: 죽은 유닛 없이 정확도 0.9 이상
# ---------------------------------------------------------------------------

SETTING_KEYS = ("learning_rate", "bias_init", "alpha", "optimizer", "init")
TARGET_ACCURACY = 0.9


def _dead_list(result) -> list[tuple[int, int, int]]:
    """끝까지 죽어 있는 유닛마다 (은닉층 번호 1부터, 유닛 번호, 죽은 스텝)."""
    rows = []
    for k, steps in enumerate(result.death_step, start=1):
        for j in np.flatnonzero(np.asarray(steps) >= 0):
            rows.append((k, int(j), int(steps[j])))
    return rows


@guarded
def no_dead_units(settings) -> Feedback:
    """학생이 고른 설정으로 dying_relu.run()을 실행해, 훈련이 끝났을 때 죽은 유닛이 0개이고
    훈련 세트 정확도가 0.9 이상인지 봅니다.

    settings: SETTING_KEYS 중 일부를 키로 가진 사전 (예: {"learning_rate": 0.3}).
    나머지(스텝 150, 시드 0, 반달 데이터, 은닉층 8-8-8)는 DEFAULTS 그대로 둡니다.
    """
    if not isinstance(settings, dict):
        return failed(
            f"설정은 사전(dict)이어야 합니다 (받은 자료형: {type(settings).__name__}).",
            '예: my_settings = {"learning_rate": 0.3, "bias_init": 0.0, "alpha": 0.0}',
        )
    unknown = sorted(str(k) for k in settings if k not in SETTING_KEYS)
    if unknown:
        return failed(
            f"이 연습에서 바꿀 수 없는 키가 있습니다: {', '.join(unknown)}. "
            f"바꿀 수 있는 키: {', '.join(SETTING_KEYS)}.",
            "스텝 수, 시드, 데이터셋, 은닉층 크기는 그대로 두고 나머지 하이퍼파라미터로 해결해 보세요.",
        )
    try:
        result = dying_relu.run(**settings)
    except (TypeError, ValueError) as exc:
        return failed(
            f"설정값이 올바르지 않습니다: {exc}",
            "학습률은 0보다 커야 하고, alpha는 0 이상 1 이하입니다. optimizer는 \"sgd\" 또는 \"adam\"입니다.",
        )
    used = "설정: " + ", ".join(f"{k}={result.params[k]!r}" for k in SETTING_KEYS) + "."
    if result.diverged:
        return failed(
            f"{used} 훈련이 발산했습니다. {result.message}",
            "학습률을 낮춰 보세요.",
        )
    accuracy = result.final_accuracy
    if result.n_dead > 0:
        rows = _dead_list(result)
        born = [r for r in rows if r[2] == 0]
        during = [r for r in rows if r[2] > 0]
        per_layer = ", ".join(
            f"은닉층 {k} {int(np.sum(mask))}개" for k, mask in enumerate(result.dead, start=1)
        )
        message = (
            f"{used} 훈련이 끝났을 때 죽은 유닛 {result.n_dead}/{result.n_units}개 "
            f"({per_layer}), 정확도 {accuracy:.2f}."
        )
        if during:
            message += f" 훈련 중에 죽은 유닛: {len(during)}개."
        if born:
            where = ", ".join(f"은닉층 {k}의 유닛 {j}" for k, j, _ in born)
            message += f" 처음(스텝 0)부터 끝까지 죽어 있던 유닛: {where}."
        if during and result.params["learning_rate"] >= 1.0 and result.params["optimizer"] == "sgd":
            hint = (
                "학습률이 크면 처음 몇 번의 큰 갱신이 편향과 가중치를 음수 쪽으로 밀어 유닛을 죽입니다. "
                "학습률을 낮춰 보세요."
            )
        elif born:
            hint = (
                "처음부터 죽어 있는 유닛은 기울기가 0이라 학습률을 바꿔도 스스로 살아나지 않습니다. "
                "음수 쪽에도 기울기가 남는 활성화 함수(alpha > 0)나, 다른 초기화(init, bias_init)를 생각해 보세요."
            )
        else:
            hint = (
                "학습률을 낮추거나, Leaky ReLU의 기울기 alpha를 0보다 크게 해 보세요. "
                "음수 쪽에도 기울기가 있으면 유닛이 죽지 않습니다."
            )
        return failed(message, hint)
    if accuracy < TARGET_ACCURACY:
        lr = result.params["learning_rate"]
        small = lr < (0.1 if result.params["optimizer"] == "sgd" else 0.003)
        hint = (
            "학습률이 작아서 150스텝 안에 충분히 배우지 못했을 수 있습니다. 학습률을 조금 올려 보세요."
            if small
            else "학습률이 커서 손실이 출렁이며 잘 내려가지 않았을 수 있습니다. 학습률을 낮춰 보세요 "
            "(탐색기로 손실 곡선을 보면 알 수 있습니다)."
        )
        return failed(
            f"{used} 죽은 유닛은 없지만 정확도가 목표({TARGET_ACCURACY} 이상)보다 낮습니다: "
            f"{accuracy:.2f}.",
            hint,
        )
    return passed(
        f"{used} 죽은 유닛 0/{result.n_units}개, 정확도 {accuracy:.2f}. "
        "죽은 유닛을 막으면서도 신경망이 잘 배웠습니다."
    )


# ---------------------------------------------------------------------------
# 직접 해보기 3: Leaky ReLU의 역전파
# ---------------------------------------------------------------------------


def _leaky_mistakes(z: np.ndarray, dh: np.ndarray, alpha: float, other_alpha: float):
    """Leaky ReLU 역전파의 흔한 실수: (계산 결과, 설명, 힌트)."""
    positive = z > 0
    return [
        (
            dh * positive,
            "음수 쪽(z ≤ 0)에서 기울기가 0입니다. 이것은 ReLU의 역전파라서 유닛이 죽을 수 있습니다.",
            "Leaky ReLU는 z ≤ 0 에서 f′(z) = α 입니다. 층마다 다른 α를 쓰도록 self.alpha를 쓰세요. "
            "np.where(조건, 참일 때 값, 거짓일 때 값)이 도움이 됩니다.",
        ),
        (
            dh,
            "돌려준 값이 dh 그대로입니다. 음수 쪽에서도 기울기에 α를 곱하지 않았습니다.",
            "z ≤ 0 인 자리에서는 f′(z) = α (self.alpha) 입니다. np.where로 자리마다 다른 값을 곱하세요.",
        ),
        (
            np.where(positive, 1.0, alpha),
            "도함수 f′(z)만 돌려주었습니다. 위에서 내려온 기울기 dh를 곱하지 않았습니다.",
            "연쇄 법칙: dL/dz = dL/dh × f′(z). 만든 f′(z)에 dh를 원소별로 곱하세요.",
        ),
        (
            dh * np.where(positive, alpha, 1.0),
            "양수 쪽과 음수 쪽이 바뀌었습니다: z > 0 에서 α, z ≤ 0 에서 1을 곱했습니다.",
            "Leaky ReLU는 z > 0 에서 f(z) = z (f′ = 1), z ≤ 0 에서 f(z) = αz (f′ = α) 입니다.",
        ),
        (
            dh * np.where(positive, 1.0, other_alpha),
            "α를 숫자로 적어 두었습니다. 다른 α로 만든 층에서 기울기가 틀립니다.",
            "고정된 숫자 대신 self.alpha를 쓰세요.",
        ),
        (
            dh * np.where(positive, 1.0, alpha * z),
            "음수 쪽에서 dh에 αz를 곱했습니다. 그것은 f(z)이고, 도함수는 α입니다.",
            "f(z) = αz 를 z로 미분하면 α 입니다.",
        ),
    ]


def _student_layer(student_cls, alpha: float):
    """학생의 클래스로 α짜리 층을 만듭니다. 안 되면 Feedback."""
    try:
        return student_cls(alpha=alpha)
    except TypeError:
        try:
            return student_cls(alpha)
        except TypeError:
            return failed(
                "클래스로 층을 만들 수 없습니다. __init__이 alpha 인자를 받아야 합니다.",
                "def __init__(self, alpha=0.05): self.alpha = alpha",
            )


@guarded
def leaky_relu_backward(student_cls) -> Feedback:
    """학생의 Leaky ReLU 클래스(forward, backward)를 확인합니다.

    α = 0.05 와 α = 0.2 로 층을 만들어, backward(dh)가 dh · f′(z)
    (f′(z) = 1 (z > 0), α (z ≤ 0)) 와 같은지 보고, dl.nn.gradcheck로 수치 미분과 비교합니다
    (상대 오차 < 1e-7). 입력은 꺾이는 점 z = 0 에서 0.1 이상 떨어지게 고릅니다.
    """
    if not isinstance(student_cls, type):
        if hasattr(student_cls, "backward"):
            return failed(
                "층 하나(인스턴스)를 넘겼습니다. 채점기는 α를 바꿔 가며 층을 여러 개 만들어야 합니다.",
                "괄호 없이 클래스 이름만 넘기세요: check.l05.leaky_relu_backward(MyLeakyReLU)",
            )
        return failed(
            f"클래스를 넘겨야 합니다 (받은 자료형: {type(student_cls).__name__}).",
            "괄호 없이 클래스 이름만 넘기세요: check.l05.leaky_relu_backward(MyLeakyReLU)",
        )
    for name in ("forward", "backward"):
        if not callable(getattr(student_cls, name, None)):
            return failed(
                f"클래스에 {name} 메서드가 없습니다.",
                "forward(self, z)와 backward(self, dh)를 모두 정의하세요.",
            )
    rng = np.random.default_rng(5050)
    z = rng.uniform(0.1, 2.0, size=(6, 4)) * rng.choice([-1.0, 1.0], size=(6, 4))
    z[0, :2] = [-1.5, 0.7]  # 양쪽 부호가 모두 들어가게 합니다.
    dh = rng.normal(size=z.shape)
    alphas = (0.05, 0.2)
    for alpha, other in zip(alphas, alphas[::-1], strict=True):
        layer = _student_layer(student_cls, alpha)
        if isinstance(layer, Feedback):
            return layer
        out = np.asarray(layer.forward(z.copy()), dtype=np.float64)
        expected_out = np.where(z > 0, z, alpha * z)
        if out.shape != z.shape or not np.allclose(out, expected_out, rtol=1e-12, atol=1e-15):
            return failed(
                f"(α = {alpha}) forward의 출력이 f(z) = z (z > 0), αz (z ≤ 0) 와 다릅니다.",
                "forward는 처음 주어진 그대로 두고 backward만 고치세요.",
            )
        dz = layer.backward(dh.copy())
        if dz is None:
            return failed(
                "backward가 아무것도 돌려주지 않았습니다 (None).",
                "backward의 마지막 줄에서 return 으로 dL/dz 배열을 돌려주세요.",
            )
        dz = np.asarray(dz, dtype=np.float64)
        if dz.shape != z.shape:
            return failed(
                f"backward가 돌려준 배열의 모양이 맞지 않습니다: {dz.shape}. 입력 z와 같은 모양이어야 합니다: {z.shape}.",
                "원소별 곱(*)을 쓰세요. 행렬 곱(@)이나 합(sum)은 필요 없습니다.",
            )
        expected = dh * np.where(z > 0, 1.0, alpha)
        if not np.allclose(dz, expected, rtol=1e-10, atol=1e-12):
            for guess, message, hint in _leaky_mistakes(z, dh, alpha, other):
                if np.allclose(dz, guess, rtol=1e-10, atol=1e-12):
                    return failed(f"(α = {alpha}) {message}", hint)
            wrong = ~np.isclose(dz, expected, rtol=1e-10, atol=1e-12)
            n_neg = int(np.sum(wrong & (z <= 0)))
            n_pos = int(np.sum(wrong & (z > 0)))
            return failed(
                f"(α = {alpha}) backward의 값이 dh · f′(z)와 다릅니다 "
                f"(틀린 원소: z > 0 쪽 {n_pos}개, z ≤ 0 쪽 {n_neg}개).",
                "dL/dz = dh × f′(z), f′(z) = 1 (z > 0), α (z ≤ 0). forward에서 기억해 둔 z를 쓰세요.",
            )
        grad_check = nn.gradcheck(layer, z)
        if not grad_check.passed:
            return failed(
                f"(α = {alpha}) 기울기 확인을 통과하지 못했습니다 (최대 상대 오차 {grad_check.max_error:.1e}).",
                "backward가 forward 때 기억한 z를 쓰는지 확인하세요.",
            )
    return passed(
        "α = 0.05 와 α = 0.2 에서 backward가 dh · f′(z)와 같고, 기울기 확인(수치 미분)도 통과했습니다. "
        "z ≤ 0 인 쪽에도 기울기 α × dh가 흐르므로 유닛이 죽지 않습니다."
    )


# ---------------------------------------------------------------------------
# 직접 해보기 4: 죽은 뒤 가중치는 얼마나 바뀌었나
# ---------------------------------------------------------------------------

SGD_SETTINGS = {"learning_rate": 1.0}
ADAM_SETTINGS = {"optimizer": "adam", "learning_rate": 0.03}


def _as_number(value, name: str) -> float | Feedback:
    """학생이 넣은 값을 실수 하나로 바꿉니다. 안 되면 Feedback을 돌려줍니다."""
    if value is None:
        return failed(
            f"아직 값을 넣지 않았습니다 (None): {name}.",
            "결과 객체에서 죽은 뒤 가중치 변화의 최댓값을 찾아 숫자로 넣으세요.",
        )
    array = np.asarray(None if isinstance(value, bool | str) else value)
    if array.dtype.kind not in "iuf" or array.size != 1:
        return failed(
            f"숫자 하나를 넣어야 합니다: {name} (받은 자료형: {type(value).__name__}).",
            "배열이라면 np.nanmax(...)로 최댓값 하나를 구하세요. 글자('0')가 아니라 숫자(0)를 넣으세요.",
        )
    number = float(array.item())
    if math.isnan(number):
        return failed(
            f"NaN을 넣었습니다: {name}.",
            "NaN은 '살아 있는 유닛이라 잴 것이 없음'을 뜻합니다. 죽은 유닛만 모으려면 np.nanmax를 쓰세요.",
        )
    return number


@guarded
def weight_change_after_death(sgd_change, adam_change) -> Feedback:
    """죽은 유닛에 닿은 가중치가 죽은 뒤 바뀐 최대 크기를 SGD(SGD_SETTINGS)와
    Adam(ADAM_SETTINGS)에서 구했는지 봅니다. 채점기는 dying_relu.run()을 다시 실행해
    dead_weight_change와 비교합니다. SGD는 정확히 0, Adam은 상대 오차 3% 안이면 맞습니다.
    """
    sgd = _as_number(sgd_change, "sgd_change")
    if isinstance(sgd, Feedback):
        return sgd
    adam = _as_number(adam_change, "adam_change")
    if isinstance(adam, Feedback):
        return adam
    r_sgd = dying_relu.run(**SGD_SETTINGS)
    r_adam = dying_relu.run(**ADAM_SETTINGS)
    if sgd != 0.0:
        if math.isclose(sgd, r_sgd.alive_weight_change, rel_tol=0.03):
            return failed(
                f"sgd_change = {sgd:.3g}: 살아 있는 유닛의 변화(alive_weight_change)를 넣었습니다.",
                "죽은 유닛 쪽의 값은 dead_weight_change 또는 change_since_death에 있습니다.",
            )
        return failed(
            f"sgd_change = {sgd:.3g}: SGD에서는 0이 아닌 값이 나올 수 없습니다.",
            "죽은 유닛으로 들어오는 가중치의 기울기는 정확히 0이고, SGD의 갱신은 −η × 기울기뿐입니다. "
            "dead_weight_change를 다시 확인하세요.",
        )
    expected = r_adam.dead_weight_change
    if adam == 0.0:
        return failed(
            "adam_change = 0: Adam에서는 죽은 뒤에도 가중치가 조금 움직입니다.",
            "기울기가 0이 되어도 모멘텀 m(지난 기울기의 이동 평균)이 남아 있어서 갱신 η · m̂ / (√v̂ + ε)가 바로 0이 되지 않습니다. "
            "Adam 결과의 dead_weight_change를 보세요.",
        )
    if math.isclose(adam, r_adam.alive_weight_change, rel_tol=0.03) and not math.isclose(
        adam, expected, rel_tol=0.03
    ):
        return failed(
            f"adam_change = {adam:.3g}: 살아 있는 유닛의 변화(alive_weight_change)를 넣었습니다.",
            "죽은 유닛 쪽의 값은 dead_weight_change에 있습니다.",
        )
    if not math.isclose(adam, expected, rel_tol=0.03):
        return failed(
            f"adam_change = {adam:.3g}: Adam 설정의 측정값과 다릅니다. 설정: {ADAM_SETTINGS}.",
            "r_adam = dying_relu.run(optimizer=\"adam\", learning_rate=0.03) 의 dead_weight_change를 넣으세요. "
            "η × 10 은 대략의 상한일 뿐, 측정값이 아닙니다.",
        )
    return passed(
        f"SGD에서는 정확히 0이고, Adam에서는 0이 아닙니다 (약 {expected:.2f}). 기울기가 0이어도 Adam은 남아 있는 "
        "모멘텀 때문에 몇십 스텝 동안 가중치를 더 움직이고, 그 크기는 대략 η × 10 이하입니다."
    )
