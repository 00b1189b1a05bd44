"""10강(과적합과 규제) 연습 문제 채점기.

    from dlcourse import check
    check.l10.dropout(dropout_forward, dropout_backward)   # 직접 해보기 1
    check.l10.l2_regularization(l2_penalty_and_grads)      # 직접 해보기 2
    check.l10.small_gap(my_settings)                       # 직접 해보기 3
    check.l10.batchnorm_forward(batchnorm_forward)         # 직접 해보기 4 (선택)

채점 함수는 언제나 Feedback을 돌려줍니다. 정답은 학생의 코드와 상관없이 채점기가 따로
구합니다: 드롭아웃은 역 드롭아웃의 식 y = x · m / (1 − p)로, L2 규제는 dl.nn.l2_penalty와
dl.nn.add_l2_gradient로, 일반화 간격은 dlcourse.labs.regularization.run()을 다시 실행해서,
배치 정규화는 dl.nn.BatchNorm의 훈련 모드 순전파로 구합니다. 틀린 답이면 흔한 실수
(1 − p로 나누지 않음, 마스크를 뒤집음, 1/2을 빠뜨림, 편향까지 규제함, 불편 분산을 씀,
행 방향으로 정규화함 등)와 비교해 무엇이 다른지 알려 줍니다.
"""

from __future__ import annotations

import math

import numpy as np

from .. import nn
from ..labs import regularization as regularization_lab
from ._feedback import Feedback, failed, guarded, passed

__all__ = [
    "GAP_MAX",
    "VAL_ACCURACY_MIN",
    "SETTING_KEYS",
    "dropout",
    "l2_regularization",
    "small_gap",
    "batchnorm_forward",
]


def _not_callable(value, call: str) -> Feedback:
    return failed(
        f"함수를 넘겨야 합니다 (받은 자료형: {type(value).__name__}).",
        f"괄호 없이 함수 이름만 넘기세요: {call}",
    )


def _as_array(value, what: str, shape) -> np.ndarray | Feedback:
    """학생이 돌려준 값을 float64 배열로 바꿉니다. 모양이 다르거나 숫자가 아니면 Feedback."""
    if value is None:
        return failed(
            f"{what}가 아무것도 돌려주지 않았습니다 (None).",
            "함수의 마지막 줄에서 return 으로 계산한 배열을 돌려주세요.",
        )
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return failed(
            f"{what}가 숫자 배열이 아닌 값을 돌려주었습니다 (받은 자료형: {type(value).__name__}).",
            "NumPy 배열을 돌려주세요.",
        )
    if array.shape != tuple(shape):
        return failed(
            f"{what}가 돌려준 배열의 모양이 {array.shape}입니다. 입력과 같은 모양 {tuple(shape)}이어야 합니다.",
            "원소마다 계산하는 식이므로 모양이 바뀌지 않아야 합니다. 합(sum)이나 평균(mean)을 내지 않았는지 보세요.",
        )
    if not np.all(np.isfinite(array)):
        return failed(
            f"{what}가 돌려준 배열에 inf나 NaN이 있습니다.",
            "0으로 나누지 않았는지 확인하세요.",
        )
    return array


def _close(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=1e-9, atol=1e-12))


# ---------------------------------------------------------------------------
# 직접 해보기 1: 역 드롭아웃의 순전파와 역전파
# ---------------------------------------------------------------------------


def _dropout_cases() -> list[tuple[np.ndarray, np.ndarray, float]]:
    """(x, mask, rate) 세 가지. mask는 0과 1로 된 float 배열이고 1이 '남기는 유닛'입니다.

    비율은 0.5가 아닌 값을 앞에 둡니다: 0.5에서는 1 − p와 p가 같아서 'p로 나눔' 실수가
    드러나지 않습니다.
    """
    rng = np.random.default_rng(1010)
    cases = []
    for shape, rate in (((4, 6), 0.25), ((5, 3), 0.4), ((3, 8), 0.5)):
        x = rng.normal(size=shape)
        mask = (rng.random(shape) >= rate).astype(np.float64)
        mask.flat[0], mask.flat[1] = 1.0, 0.0  # 남는 유닛과 꺼지는 유닛이 적어도 하나씩
        cases.append((x, mask, rate))
    return cases


def _dropout_reference(x, mask, rate, training):
    """역 드롭아웃: 훈련 모드 y = x · m / (1 − p), 평가 모드 y = x. 역전파도 같은 식입니다."""
    return x * mask / (1.0 - rate) if training else x.copy()


def _forward_mistakes(training: bool):
    """(틀린 식, 메시지, 힌트). 틀린 식은 (x, mask, p)를 받습니다."""
    if training:
        return [
            (
                lambda x, m, p: x,
                "훈련 모드인데 입력을 그대로 돌려주었습니다. 유닛을 끄지 않았습니다.",
                "훈련 모드에서는 y = x · mask / (1 − rate)입니다.",
            ),
            (
                lambda x, m, p: x * m,
                "마스크는 곱했지만 1 − p로 나누지 않았습니다. 그러면 훈련 때 출력의 기댓값이 "
                "(1 − p)x로 줄어, 평가 때(출력 x)와 크기가 달라집니다.",
                "남은 값을 1 / (1 − rate)배 해서 기댓값을 x로 되돌리세요: x * mask / (1 - rate).",
            ),
            (
                lambda x, m, p: x * m * (1.0 - p),
                "1 − p를 곱했습니다. 나누어야 합니다.",
                "꺼진 만큼 남은 값을 키워야 기댓값이 x로 유지됩니다: x * mask / (1 - rate).",
            ),
            (
                lambda x, m, p: x * m / p,
                "드롭아웃 비율 p로 나누었습니다. 남기는 확률 1 − p로 나누어야 합니다.",
                "rate는 '끄는' 비율입니다. 유닛이 남을 확률은 1 − rate입니다.",
            ),
            (
                lambda x, m, p: x * (1.0 - m) / (1.0 - p),
                "마스크를 뒤집어 썼습니다. mask가 1인 곳이 남기는 유닛이고, 0인 곳이 끄는 유닛입니다.",
                "x * mask / (1 - rate): mask를 그대로 곱하세요.",
            ),
            (
                lambda x, m, p: x / (1.0 - p),
                "1 − p로 나누었지만 마스크를 곱하지 않아 어떤 유닛도 꺼지지 않았습니다.",
                "x * mask / (1 - rate)",
            ),
        ]
    return [
        (
            lambda x, m, p: x * m / (1.0 - p),
            "평가 모드(training=False)에서도 드롭아웃을 했습니다.",
            "평가 때는 유닛을 끄지 않고 입력을 그대로 돌려줍니다: if not training: return x",
        ),
        (
            lambda x, m, p: x * (1.0 - p),
            "평가 모드에서 1 − p를 곱했습니다. 이것은 훈련 때 크기를 고치지 않는 원래 방식의 드롭아웃입니다. "
            "역 드롭아웃은 훈련 때 이미 1 / (1 − p)배 했으므로 평가 때는 아무것도 하지 않습니다.",
            "평가 모드에서는 x를 그대로 돌려주세요.",
        ),
        (
            lambda x, m, p: x * m,
            "평가 모드에서 마스크를 곱했습니다. 평가 때는 모든 유닛을 씁니다.",
            "평가 모드에서는 x를 그대로 돌려주세요.",
        ),
    ]


def _backward_mistakes(training: bool):
    """(틀린 식, 메시지, 힌트). 틀린 식은 (dout, mask, p)를 받습니다."""
    if training:
        return [
            (
                lambda d, m, p: d,
                "역전파에서 기울기를 그대로 돌려주었습니다. 꺼진 유닛은 출력에 영향을 주지 않았으므로 "
                "그 자리의 기울기는 0이어야 합니다.",
                "순전파가 y = x · m / (1 − p)이면 ∂y/∂x = m / (1 − p)입니다: dout * mask / (1 - rate).",
            ),
            (
                lambda d, m, p: d * m,
                "역전파에서 마스크만 곱하고 1 − p로 나누지 않았습니다.",
                "순전파에서 곱한 것을 그대로 곱합니다: dout * mask / (1 - rate).",
            ),
            (
                lambda d, m, p: d * m * (1.0 - p),
                "역전파에서 1 − p를 곱했습니다. 순전파처럼 나누어야 합니다.",
                "dout * mask / (1 - rate)",
            ),
            (
                lambda d, m, p: d * m / p,
                "역전파에서 드롭아웃 비율 p로 나누었습니다. 1 − p로 나누어야 합니다.",
                "dout * mask / (1 - rate)",
            ),
            (
                lambda d, m, p: d * (1.0 - m) / (1.0 - p),
                "역전파에서 마스크를 뒤집어 썼습니다. 순전파에서 남긴 유닛으로만 기울기가 흐릅니다.",
                "dout * mask / (1 - rate)",
            ),
        ]
    return [
        (
            lambda d, m, p: d * m / (1.0 - p),
            "평가 모드의 역전파에서도 마스크를 곱했습니다. 평가 모드의 순전파가 y = x이므로 dx = dout입니다.",
            "평가 모드에서는 dout을 그대로 돌려주세요.",
        ),
    ]


def _diagnose(answer, reference, mistakes, x, mask, rate) -> tuple[str, str]:
    for mistake, message, hint in mistakes:
        if _close(answer, mistake(x, mask, rate)):
            return message, hint
    index = np.unravel_index(np.argmax(np.abs(answer - reference)), answer.shape)
    return (
        f"값이 식과 다릅니다. 원소 {tuple(int(i) for i in index)}: 입력 {x[index]:.4g}, "
        f"mask {mask[index]:g}, rate {rate}에서 돌려준 값 {answer[index]:.4g}, 정답 {reference[index]:.4g}.",
        "",
    )


@guarded
def dropout(forward_fn, backward_fn) -> Feedback:
    """역 드롭아웃의 순전파 forward_fn(x, mask, rate, training)과 역전파
    backward_fn(dout, mask, rate, training)을 확인합니다.

    mask는 x와 모양이 같은 0/1 배열이고 1이 남기는 유닛입니다 (m ~ Bernoulli(1 − p)).
    정답: 훈련 모드 y = x · m / (1 − p), dx = dout · m / (1 − p); 평가 모드 y = x, dx = dout.
    세 가지 (x, mask, rate)에서 상대 오차 10⁻⁹ 안이어야 합니다.
    """
    for fn in (forward_fn, backward_fn):
        if not callable(fn):
            return _not_callable(fn, "check.l10.dropout(dropout_forward, dropout_backward)")
    cases = _dropout_cases()
    steps = (
        (forward_fn, "dropout_forward", True, _forward_mistakes, "순전파, 훈련 모드"),
        (forward_fn, "dropout_forward", False, _forward_mistakes, "순전파, 평가 모드"),
        (backward_fn, "dropout_backward", True, _backward_mistakes, "역전파, 훈련 모드"),
        (backward_fn, "dropout_backward", False, _backward_mistakes, "역전파, 평가 모드"),
    )
    for fn, name, training, mistakes, label in steps:
        for x, mask, rate in cases:
            value = fn(x.copy(), mask.copy(), rate, training)
            answer = _as_array(value, name, x.shape)
            if isinstance(answer, Feedback):
                return answer
            reference = _dropout_reference(x, mask, rate, training)
            if not _close(answer, reference):
                message, hint = _diagnose(answer, reference, mistakes(training), x, mask, rate)
                return failed(f"{name} ({label}, rate = {rate}): {message}", hint)
    x, mask, rate = cases[0]
    kept = float(mask.mean())
    return passed(
        f"순전파와 역전파 모두 맞습니다. rate = {rate}이면 남은 값은 1 / (1 − {rate}) = "
        f"{1 / (1 - rate):.4g}배가 됩니다 (이 마스크가 남긴 비율: {mask.size}개 가운데 {kept:.0%}). "
        "역전파는 순전파와 같은 마스크와 배율을 곱하므로, 꺼진 유닛으로는 기울기가 흐르지 않습니다. "
        "평가 모드에서는 둘 다 아무것도 하지 않습니다 (dl.nn.Dropout과 같은 방식)."
    )


# ---------------------------------------------------------------------------
# 직접 해보기 2: L2 규제 항과 그 기울기
# ---------------------------------------------------------------------------


def _is_weight(key: str) -> bool:
    """규제할 가중치: 이름이 'W'로 끝나는 배열 (dl.nn.l2_penalty와 같은 규칙)."""
    return key == "W" or key.endswith(".W")


def _l2_cases() -> list[tuple[dict[str, np.ndarray], float]]:
    """(params, λ) 세 가지. 편향, gamma, beta는 0이 아닌 값으로 바꿔 두어 '모두 규제' 실수가 드러납니다."""
    rng = np.random.default_rng(2010)
    first = nn.mlp([3, 4, 2], activation="relu", seed=1).params
    second = nn.mlp([2, 5, 5, 1], activation="tanh", batch_norm=True, seed=2).params
    cases = []
    for params, strength in ((first, 0.1), (second, 0.03), (first, 0.5)):
        copied = {}
        for key, value in params.items():
            copied[key] = value.copy() if _is_weight(key) else rng.normal(size=value.shape)
        cases.append((copied, strength))
    return cases


def _l2_reference(params, strength):
    penalty = nn.l2_penalty(params, strength)
    grads = {key: np.zeros_like(value) for key, value in params.items()}
    nn.add_l2_gradient(params, grads, strength)
    return penalty, grads


def _sum_over(params, keys, fn) -> float:
    return float(sum(np.sum(fn(params[k])) for k in keys))


def _penalty_mistakes(params, strength):
    weights = [k for k in params if _is_weight(k)]
    everything = list(params)
    has_bn = any(k.endswith(("gamma", "beta")) for k in params)
    others = "편향, gamma, beta" if has_bn else "편향"
    return [
        (
            strength * _sum_over(params, weights, np.square),
            "λ Σ||W||²을 돌려주었습니다. 1/2을 빠뜨렸습니다.",
            "규제 항은 (λ/2) Σ||W||²입니다. 1/2은 미분했을 때 기울기가 깔끔하게 λW가 되도록 붙입니다.",
        ),
        (
            0.5 * strength * _sum_over(params, everything, np.square),
            f"가중치만이 아니라 {others}까지 모두 더했습니다.",
            "이름이 'W'로 끝나는 키(예: '0.W')만 더하세요. 편향은 경계를 옮길 뿐 구불구불하게 만들지 않으므로 규제하지 않습니다.",
        ),
        (
            0.5 * strength * float(sum(np.linalg.norm(params[k]) for k in weights)),
            "노름 ||W||를 제곱하지 않고 더했습니다.",
            "||W||²은 원소 제곱의 합입니다: np.sum(W ** 2).",
        ),
        (
            strength * _sum_over(params, weights, np.abs),
            "λ Σ|w|를 돌려주었습니다. 이것은 L1 규제입니다.",
            "L2 규제는 원소의 제곱을 더합니다: (λ/2) Σ w².",
        ),
        (
            0.5 * strength * float(sum(np.mean(params[k] ** 2) for k in weights)),
            "원소 제곱의 평균을 냈습니다. 합이어야 합니다.",
            "np.mean 대신 np.sum을 쓰세요.",
        ),
        (
            0.5 * _sum_over(params, weights, np.square),
            "λ를 곱하지 않았습니다.",
            "규제 강도 λ(인자 strength)를 곱하세요: 0.5 * strength * Σ||W||².",
        ),
    ]


def _grad_mistakes(params, strength, weights):
    def weights_only(fn):
        return {k: fn(params[k]) if k in weights else np.zeros_like(params[k]) for k in params}

    has_bn = any(k.endswith(("gamma", "beta")) for k in params)
    others = "편향, gamma, beta" if has_bn else "편향"
    return [
        (
            weights_only(lambda w: 2.0 * strength * w),
            "기울기로 2λW를 돌려주었습니다. (λ/2)||W||²을 W로 미분하면 λW입니다.",
            "(λ/2) · 2W = λW: 1/2과 지수 2가 서로 지웁니다.",
        ),
        (
            weights_only(lambda w: 0.5 * strength * w),
            "기울기로 (λ/2)W를 돌려주었습니다. w²을 미분하면 2w이므로 λW입니다.",
            "(λ/2) · 2W = λW",
        ),
        (
            {k: strength * params[k] for k in params},
            f"{others}의 기울기에도 λ × 값을 넣었습니다. 규제 항에 없는 매개변수의 기울기는 0입니다.",
            "이름이 'W'로 끝나는 키만 strength * W, 나머지는 np.zeros_like(...)로 두세요.",
        ),
        (
            weights_only(lambda w: strength * np.sign(w)),
            "기울기로 λ sign(W)를 돌려주었습니다. 이것은 L1 규제의 기울기입니다.",
            "L2 규제의 기울기는 λW입니다.",
        ),
        (
            weights_only(lambda w: w.copy()),
            "기울기로 W를 돌려주었습니다. λ를 곱하지 않았습니다.",
            "strength * W",
        ),
        (
            weights_only(lambda w: -strength * w),
            "기울기의 부호가 반대입니다 (−λW). 규제 항은 W가 커질수록 커지므로 기울기는 W와 같은 방향입니다.",
            "strength * W. 경사 하강법이 이 기울기를 빼면서 가중치가 줄어듭니다.",
        ),
    ]


def _grads_close(answer: dict, expected: dict) -> bool:
    return all(_close(answer[k], expected[k]) for k in expected)


@guarded
def l2_regularization(student_fn) -> Feedback:
    """student_fn(params, strength) -> (penalty, grads)를 확인합니다.

    penalty = (λ/2) Σ ||W||² (이름이 'W'로 끝나는 키만), grads[key] = λW (가중치), 0 (편향, gamma,
    beta; 사전에 없어도 0으로 봅니다). 정답은 dl.nn.l2_penalty와 dl.nn.add_l2_gradient로 구합니다.
    세 가지 (params, λ)에서 상대 오차 10⁻⁹ 안이어야 하고, params를 바꾸면 안 됩니다.
    """
    if not callable(student_fn):
        return _not_callable(student_fn, "check.l10.l2_regularization(l2_penalty_and_grads)")
    for case_number, (params, strength) in enumerate(_l2_cases(), start=1):
        weights = [k for k in params if _is_weight(k)]
        before = {k: v.copy() for k, v in params.items()}
        given = {k: v.copy() for k, v in params.items()}
        result = student_fn(given, strength)
        if not all(np.array_equal(given[k], before[k]) for k in before):
            return failed(
                "함수가 받은 params의 배열을 바꾸었습니다. 규제 항을 계산할 때는 매개변수를 건드리지 않습니다.",
                "W *= ... 나 W -= ... 대신 새 배열을 만드세요 (strength * W).",
            )
        if not isinstance(result, tuple | list) or len(result) != 2:
            return failed(
                f"(penalty, grads) 두 개를 돌려주어야 합니다 (받은 값의 자료형: {type(result).__name__}).",
                "마지막 줄을 return penalty, grads 로 쓰세요.",
            )
        penalty, grads = result
        expected_penalty, expected_grads = _l2_reference(params, strength)
        if penalty is None or isinstance(penalty, str | bytes | bool):
            return failed(
                f"penalty가 숫자가 아닙니다 (받은 자료형: {type(penalty).__name__}).",
                "규제 항의 값 (λ/2) Σ||W||²을 숫자 하나로 돌려주세요.",
            )
        penalty_array = np.asarray(penalty, dtype=np.float64)
        if penalty_array.size != 1:
            return failed(
                f"penalty가 숫자 하나가 아니라 모양 {penalty_array.shape}인 배열입니다.",
                "가중치 배열마다의 합을 다시 모두 더해 숫자 하나로 만드세요.",
            )
        penalty_value = float(penalty_array.reshape(-1)[0])
        where = f"사례 {case_number} (λ = {strength}, 키: {', '.join(params)})"
        if not math.isclose(penalty_value, expected_penalty, rel_tol=1e-9, abs_tol=1e-12):
            for value, message, hint in _penalty_mistakes(params, strength):
                if math.isclose(penalty_value, value, rel_tol=1e-9, abs_tol=1e-12):
                    return failed(f"penalty, {where}: {message}", hint)
            return failed(
                f"penalty, {where}: 돌려준 값 {penalty_value:.6g}, 정답 (λ/2) Σ||W||² = {expected_penalty:.6g}.",
                "이름이 'W'로 끝나는 배열마다 np.sum(W ** 2)를 구해 모두 더하고 strength / 2를 곱하세요.",
            )
        if not isinstance(grads, dict):
            return failed(
                f"grads는 params와 같은 키를 가진 사전이어야 합니다 (받은 자료형: {type(grads).__name__}).",
                "grads = {key: ... for key in params} 처럼 사전을 만드세요.",
            )
        missing = [k for k in weights if k not in grads]
        if missing:
            return failed(
                f"grads에 가중치 키가 빠졌습니다: {', '.join(missing)}.",
                "params의 키를 모두 넣고, 가중치는 strength * W, 나머지는 0으로 두세요.",
            )
        unknown = [k for k in grads if k not in params]
        if unknown:
            return failed(
                f"grads에 params에 없는 키가 있습니다: {', '.join(map(str, unknown))}.",
                "params와 같은 키를 쓰세요 (예: '0.W', '0.b').",
            )
        answer = {}
        for key, value in params.items():
            if key in grads:
                array = _as_array(grads[key], f"grads['{key}']", value.shape)
                if isinstance(array, Feedback):
                    return array
                answer[key] = array
            else:
                answer[key] = np.zeros_like(value)
        if not _grads_close(answer, expected_grads):
            for candidate, message, hint in _grad_mistakes(params, strength, weights):
                if _grads_close(answer, candidate):
                    return failed(f"grads, {where}: {message}", hint)
            wrong = next(k for k in params if not _close(answer[k], expected_grads[k]))
            return failed(
                f"grads['{wrong}'], {where}: 값이 정답과 다릅니다 "
                f"(정답은 {'λW' if wrong in weights else '0'}).",
                "가중치 키는 strength * W, 편향과 gamma, beta는 0입니다.",
            )
    params, strength = _l2_cases()[0]
    penalty, _ = _l2_reference(params, strength)
    return passed(
        f"세 사례 모두 맞습니다. 사례 1 (λ = {strength})의 규제 항은 {penalty:.4f}이고, 가중치의 기울기는 "
        f"{strength} × W입니다. 경사 하강법으로 갱신하면 W ← (1 − ηλ)W − η∇J, 곧 스텝마다 가중치가 "
        "조금씩 줄어듭니다 (가중치 감쇠). dl.train.fit(..., l2=λ)가 바로 이 두 함수를 씁니다."
    )


# ---------------------------------------------------------------------------
# 직접 해보기 3: 일반화 간격을 줄이는 설정 찾기
# ---------------------------------------------------------------------------

GAP_MAX = 0.2
VAL_ACCURACY_MIN = 0.85
SETTING_KEYS = ("dropout", "l2", "n_train")


def _describe(settings: dict) -> str:
    return f"dropout = {settings['dropout']}, l2 = {settings['l2']}, n_train = {settings['n_train']}"


@guarded
def small_gap(settings) -> Feedback:
    """regularization.run(**settings) (100에폭, 시드 0)의 마지막 에폭에서 일반화 간격
    (검증 손실 − 훈련 손실)이 GAP_MAX = 0.2 이하이고 검증 정확도가 VAL_ACCURACY_MIN = 0.85
    이상인지 봅니다.

    settings: {"dropout": p, "l2": λ, "n_train": 훈련 세트 크기} 가운데 일부 (없는 키는 기본값
    dropout 0, l2 0, n_train 30).
    """
    if not isinstance(settings, dict):
        return failed(
            f"설정은 사전으로 적어 주세요 (받은 자료형: {type(settings).__name__}).",
            '예: {"dropout": 0.0, "l2": 0.0, "n_train": 30}',
        )
    unknown = [key for key in settings if key not in SETTING_KEYS]
    if unknown:
        return failed(
            f"이 문제에서 쓸 수 없는 키입니다: {', '.join(map(str, unknown))}.",
            f"쓸 수 있는 키: {', '.join(SETTING_KEYS)}. 에폭 수(100)와 시드(0)는 바꾸지 않습니다.",
        )
    chosen = {key: settings.get(key, regularization_lab.DEFAULTS[key]) for key in SETTING_KEYS}
    try:
        result = regularization_lab.run(**chosen)
    except (TypeError, ValueError) as exc:
        return failed(
            f"설정값을 쓸 수 없습니다: {exc}",
            "dropout은 0 이상 0.9 이하, l2는 0 이상 10 이하, n_train은 4 이상 300 이하의 정수입니다.",
        )
    if result.diverged:
        return failed(f"훈련이 발산했습니다 ({_describe(chosen)}): {result.message}", "값을 줄여 보세요.")
    train_loss, val_loss = float(result.train_loss[-1]), float(result.val_loss[-1])
    train_acc, val_acc = float(result.train_accuracy[-1]), float(result.val_accuracy[-1])
    numbers = (
        f"{_describe(chosen)}: 훈련 손실 {train_loss:.3f}, 검증 손실 {val_loss:.3f}, "
        f"간격 {result.gap:.3f} (목표 {GAP_MAX} 이하), 검증 정확도 {val_acc:.1%} "
        f"(목표 {VAL_ACCURACY_MIN:.0%} 이상, 훈련 정확도 {train_acc:.1%})"
    )
    gap_ok = result.gap <= GAP_MAX
    accuracy_ok = val_acc >= VAL_ACCURACY_MIN
    if gap_ok and accuracy_ok:
        used = []
        if chosen["dropout"] > 0:
            used.append("드롭아웃")
        if chosen["l2"] > 0:
            used.append("L2 규제")
        if chosen["n_train"] > regularization_lab.DEFAULTS["n_train"]:
            used.append("더 많은 데이터")
        remedies = f" 쓴 처방: {', '.join(used)}." if used else ""
        return passed(
            f"{numbers}.{remedies} 신경망이 훈련 세트의 잡음까지 외우지 못하게 되어, 처음 본 점에서도 "
            "훈련 세트에서와 비슷하게 맞힙니다."
        )
    if not gap_ok:
        if chosen["dropout"] == 0 and chosen["l2"] == 0 and chosen["n_train"] <= 30:
            hint = "지금은 처방이 없습니다. L2 규제(예: l2 = 0.01), 드롭아웃, 더 큰 훈련 세트 가운데 하나를 켜 보세요."
        elif chosen["l2"] == 0 and chosen["dropout"] > 0:
            hint = ("드롭아웃만으로는 간격이 충분히 줄지 않았습니다. 훈련 점이 30개뿐이면 L2 규제를 더하거나 "
                    "훈련 세트를 늘려 보세요.")
        elif 0 < chosen["l2"] < 0.01:
            hint = "λ가 작아 가중치가 아직 큽니다. l2를 0.01 근처까지 키워 보세요."
        else:
            hint = "규제를 조금 더 세게 하거나 (l2를 키우거나) 훈련 세트를 늘려 보세요."
        return failed(
            f"{numbers}. 검증 손실이 훈련 손실보다 훨씬 커서 아직 과적합입니다.",
            hint,
        )
    return failed(
        f"{numbers}. 간격은 작지만 검증 정확도가 낮습니다. 훈련 손실도 검증 손실만큼 높은, "
        "규제가 너무 세서 훈련 세트조차 잘 맞히지 못하는 과소적합(underfitting)입니다.",
        "l2나 dropout을 줄여 보세요. 규제는 약하게 시작해 간격이 줄어드는 만큼만 키웁니다.",
    )


# ---------------------------------------------------------------------------
# 직접 해보기 4 (선택): 배치 정규화의 훈련 모드 순전파
# ---------------------------------------------------------------------------

BN_EPSILON = 1e-5


def _batchnorm_cases() -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(x, gamma, beta) 세 가지. 첫 사례에는 분산이 ε보다 작은 특성(척도 10⁻³)이 있어 ε을
    빠뜨리거나 제곱근 밖에 두는 실수가 드러나고, 샘플 수(8)와 특성 수(4)가 달라 행과 열을
    바꾸는 실수도 드러납니다."""
    rng = np.random.default_rng(3010)
    cases = []
    for n, scales, offsets in (
        (8, [1.0, 10.0, 1e-3, 0.5], [0.0, 5.0, -2.0, 1.0]),
        (5, [2.0, 0.1, 3.0], [1.0, -1.0, 0.0]),
        (16, [1.0, 4.0], [10.0, -3.0]),
    ):
        scales, offsets = np.asarray(scales), np.asarray(offsets)
        x = offsets + scales * rng.normal(size=(n, len(scales)))
        gamma = rng.uniform(0.5, 2.0, size=len(scales))
        beta = rng.normal(size=len(scales))
        cases.append((x, gamma, beta))
    return cases


def _batchnorm_reference(x, gamma, beta, epsilon):
    layer = nn.BatchNorm(x.shape[1], epsilon=epsilon)
    layer.gamma[...] = gamma
    layer.beta[...] = beta
    return layer.train().forward(x)


def _batchnorm_mistakes():
    """(틀린 식, 메시지, 힌트). 틀린 식은 (x, gamma, beta, eps)를 받습니다."""

    def normalize(x, eps, ddof=0, axis=0, eps_inside=True):
        mu = x.mean(axis=axis, keepdims=True)
        var = x.var(axis=axis, ddof=ddof, keepdims=True)
        if eps_inside:
            return (x - mu) / np.sqrt(var + eps)
        return (x - mu) / (np.sqrt(var) + eps)

    return [
        (
            lambda x, g, b, e: x,
            "입력을 그대로 돌려주었습니다.",
            "mu = x.mean(axis=0), var = x.var(axis=0)로 특성마다 배치의 평균과 분산을 구하세요.",
        ),
        (
            lambda x, g, b, e: normalize(x, e),
            "정규화한 x̂에서 멈추었습니다. γ와 β를 적용하지 않았습니다.",
            "y = gamma * x_hat + beta. γ와 β는 학습하는 매개변수라서, 필요하면 신경망이 정규화를 되돌릴 수 있습니다.",
        ),
        (
            lambda x, g, b, e: b * normalize(x, e) + g,
            "γ와 β를 바꾸어 썼습니다.",
            "y = gamma * x_hat + beta: γ는 곱하고(늘이기), β는 더합니다(옮기기).",
        ),
        (
            lambda x, g, b, e: g * normalize(x, e, ddof=1) + b,
            "분산을 N − 1로 나누었습니다 (불편 분산, ddof=1). 훈련 모드의 정규화는 배치 분산 "
            "(1/N) Σ (x − μ)²을 씁니다.",
            "np.var(x, axis=0)의 기본값(ddof=0)을 쓰세요. 불편 분산은 평가 때 쓸 이동 평균(running_var)에만 씁니다.",
        ),
        (
            lambda x, g, b, e: g * normalize(x, e, axis=1) + b,
            "샘플마다(행 방향, axis=1) 평균과 분산을 구했습니다. 배치 정규화는 특성마다 배치 방향(axis=0)으로 구합니다.",
            "x.mean(axis=0): 모양 (배치, 특성)에서 열 하나가 특성 하나입니다. 행 방향으로 구하는 것은 층 정규화에 가깝습니다.",
        ),
        (
            lambda x, g, b, e: g * normalize(x, 0.0) + b,
            "ε을 빠뜨렸습니다. 분산이 아주 작은 특성(세 번째 열)에서 결과가 달라집니다.",
            "x_hat = (x − μ) / √(σ² + ε): ε은 분산이 0에 가까울 때 0으로 나누는 것을 막습니다.",
        ),
        (
            lambda x, g, b, e: g * normalize(x, e, eps_inside=False) + b,
            "ε을 제곱근 밖에서 더했습니다 ((x − μ) / (σ + ε)).",
            "ε은 분산에 더한 뒤 제곱근을 씌웁니다: np.sqrt(var + eps).",
        ),
        (
            lambda x, g, b, e: g * (x - x.mean(axis=0)) / (x.var(axis=0) + e) + b,
            "표준편차가 아니라 분산으로 나누었습니다.",
            "x_hat = (x − μ) / √(σ² + ε): 분산에 제곱근을 씌우세요.",
        ),
        (
            lambda x, g, b, e: g * (x - x.mean(axis=0)) + b,
            "평균만 빼고 표준편차로 나누지 않았습니다.",
            "x_hat = (x − μ) / √(σ² + ε)",
        ),
    ]


@guarded
def batchnorm_forward(student_fn) -> Feedback:
    """student_fn(x, gamma, beta, eps)가 배치 정규화의 훈련 모드 순전파인지 봅니다.

    정답: μ = (1/N) Σ x, σ² = (1/N) Σ (x − μ)² (특성마다, 배치 방향), x̂ = (x − μ) / √(σ² + ε),
    y = γ x̂ + β. dl.nn.BatchNorm(특성 수, epsilon=ε)의 훈련 모드 순전파와 비교합니다 (ε = 10⁻⁵,
    상대 오차 10⁻⁹).
    """
    if not callable(student_fn):
        return _not_callable(student_fn, "check.l10.batchnorm_forward(batchnorm_forward)")
    for case_number, (x, gamma, beta) in enumerate(_batchnorm_cases(), start=1):
        value = student_fn(x.copy(), gamma.copy(), beta.copy(), BN_EPSILON)
        answer = _as_array(value, "batchnorm_forward", x.shape)
        if isinstance(answer, Feedback):
            return answer
        reference = _batchnorm_reference(x, gamma, beta, BN_EPSILON)
        if _close(answer, reference):
            continue
        where = f"사례 {case_number} (배치 {x.shape[0]}개, 특성 {x.shape[1]}개)"
        for mistake, message, hint in _batchnorm_mistakes():
            if _close(answer, mistake(x, gamma, beta, BN_EPSILON)):
                return failed(f"{where}: {message}", hint)
        column = int(np.argmax(np.max(np.abs(answer - reference), axis=0)))
        return failed(
            f"{where}: 특성 {column}의 출력이 정답과 다릅니다 (돌려준 값의 평균 {answer[:, column].mean():.4g}, "
            f"표준편차 {answer[:, column].std():.4g}; 정답은 평균 β = {beta[column]:.4g}, "
            f"표준편차 ≈ γ = {gamma[column]:.4g}).",
            "특성마다(axis=0) μ와 σ²을 구하고, x̂ = (x − μ) / √(σ² + ε), y = γ x̂ + β입니다.",
        )
    x, gamma, beta = _batchnorm_cases()[0]
    y = _batchnorm_reference(x, gamma, beta, BN_EPSILON)
    def listed(values) -> str:
        return ", ".join(f"{v:.3g}" for v in values)

    return passed(
        "세 사례 모두 dl.nn.BatchNorm의 훈련 모드와 같습니다. 사례 1의 입력은 특성마다 크기가 "
        f"제각각이었지만 (표준편차: {listed(x.std(axis=0))}), 출력은 특성마다 평균이 β, 표준편차가 γ에 "
        f"맞춰졌습니다 (출력의 표준편차: {listed(y.std(axis=0))}; γ: {listed(gamma)}). 셋째 특성은 "
        "분산(약 10⁻⁶)이 ε = 10⁻⁵보다 작아서 γ보다 작게 나옵니다. 평가 모드에서는 배치 통계 대신 "
        "훈련 중에 모은 이동 평균(running_mean, running_var)을 씁니다."
    )
