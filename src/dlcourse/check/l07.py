"""7강(옵티마이저) 연습 문제 채점기.

    from dlcourse import check
    check.l07.momentum_step(momentum_step)             # 직접 해보기 1
    check.l07.adam_step(adam_step)                     # 직접 해보기 2
    check.l07.momentum_learning_rate(learning_rate)    # 직접 해보기 3
    check.l07.rmsprop_step(rmsprop_step)               # 직접 해보기 4 (선택)

채점 함수는 언제나 Feedback을 돌려줍니다. 정답은 학생의 식과 상관없이 dlcourse의
옵티마이저(dl.optim.SGD, Adam, RMSprop)로 구합니다. 이 옵티마이저들은 테스트에서
torch.optim과 float64 반올림 오차 수준까지 같은 값을 내는지 확인합니다.
틀린 답이면 흔한 실수(부호, 빠진 항, PyTorch 형태, 편향 보정 없음 등)와 비교해서
무엇이 다른지 알려 줍니다.

학생 함수는 언제나 '상태 먼저, 그다음 w, g' 순서로 인자를 받고, 같은 순서로
새 상태와 새 w를 돌려줍니다.

    momentum_step(v, w, g, learning_rate, momentum)                   -> (v_new, w_new)
    adam_step(m, v, w, g, t, learning_rate, beta_1, beta_2, epsilon)  -> (m_new, v_new, w_new)
    rmsprop_step(s, w, g, learning_rate, rho, epsilon)                -> (s_new, w_new)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from numbers import Real

import numpy as np

from .. import optim, surfaces
from ._feedback import Feedback, failed, guarded, passed

__all__ = [
    "MOMENTUM_SETTINGS",
    "ADAM_SETTINGS",
    "ADAM_FIRST_GRADIENT",
    "RMSPROP_SETTINGS",
    "LEARNING_RATE_TASK",
    "momentum_step",
    "adam_step",
    "momentum_learning_rate",
    "rmsprop_step",
]

MOMENTUM_SETTINGS = ({"learning_rate": 0.1, "momentum": 0.9}, {"learning_rate": 0.05, "momentum": 0.5})
"""직접 해보기 1에서 확인하는 (η, μ) 두 가지. 설정마다 5스텝을 이어서 확인합니다."""

ADAM_SETTINGS = (
    {"learning_rate": 0.1, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7},
    {"learning_rate": 0.05, "beta_1": 0.8, "beta_2": 0.99, "epsilon": 1e-7},
)
"""직접 해보기 2에서 확인하는 하이퍼파라미터 두 가지 (첫째가 Keras의 기본값에 η = 0.1)."""

ADAM_FIRST_GRADIENT = (1e-3, -1.0, 1e3)
"""직접 해보기 2의 첫 스텝(t = 1) 기울기: 크기가 10⁶배까지 다른 세 원소."""

RMSPROP_SETTINGS = ({"learning_rate": 0.01, "rho": 0.9, "epsilon": 1e-7},
                    {"learning_rate": 0.05, "rho": 0.8, "epsilon": 1e-7})
"""직접 해보기 4에서 확인하는 (η, ρ, ε) 두 가지."""

LEARNING_RATE_TASK = {"surface": "elongated_bowl", "momentum": 0.9, "steps": 100, "target": 1e-3}
"""직접 해보기 3: 길쭉한 그릇에서 모멘텀 0.9, 100스텝 뒤 J < 1e-3 (시작점은 곡면의 기본값)."""

_STEPS = 5  # 설정마다 이어서 확인하는 스텝 수
_SHAPE = (3, 4)  # 모멘텀·RMSprop 확인에 쓰는 배열 모양


def _close(a: np.ndarray, b: np.ndarray) -> bool:
    """두 배열이 반올림 오차 안에서 같은지 (상대 1e-7, 절대 1e-12)."""
    return bool(np.allclose(a, b, rtol=1e-7, atol=1e-12))


def _all_close(outputs: tuple, expected: tuple) -> bool:
    return all(_close(a, b) for a, b in zip(outputs, expected, strict=True))


def _not_callable(student_fn, name: str) -> Feedback | None:
    if callable(student_fn):
        return None
    return failed(
        f"함수를 넘겨야 합니다 (받은 자료형: {type(student_fn).__name__}).",
        f"괄호 없이 함수 이름만 넘기세요: check.l07.{name}({name})",
    )


def _unpack(result, names: tuple[str, ...], shape: tuple, nan_hint: str) -> tuple | Feedback:
    """학생 함수가 돌려준 값 여러 개를 float 배열로 바꿉니다. 문제가 있으면 Feedback."""
    listing = ", ".join(names)
    if result is None:
        return failed(
            "함수가 아무것도 돌려주지 않았습니다 (None).",
            f"함수의 마지막 줄에서 return {listing} 처럼 값 {len(names)}개를 돌려주세요.",
        )
    if not isinstance(result, (tuple, list)) or len(result) != len(names):
        got = f"길이 {len(result)}인 {type(result).__name__}" if isinstance(
            result, (tuple, list)
        ) else type(result).__name__
        return failed(
            f"값 {len(names)}개를 돌려주어야 합니다: {listing} (받은 것: {got}).",
            f"함수의 마지막 줄을 return {listing} 로 쓰세요.",
        )
    arrays = []
    for name, value in zip(names, result, strict=True):
        try:
            array = np.asarray(value, dtype=np.float64)
        except (TypeError, ValueError):
            return failed(
                f"숫자 배열로 바꿀 수 없는 값이 있습니다: {name} (자료형: {type(value).__name__}).",
                "NumPy 배열을 돌려주세요.",
            )
        if array.shape != shape:
            return failed(
                f"모양이 맞지 않는 값이 있습니다: {name}의 모양 {array.shape}, 필요한 모양 {shape}.",
                "갱신은 원소별 연산(+, −, *, /, np.sqrt)만 씁니다. @나 np.dot(행렬 곱), "
                "np.sum은 모양을 바꿉니다.",
            )
        if not np.all(np.isfinite(array)):
            return failed(f"돌려준 값에 inf나 NaN이 있습니다: {name}.", nan_hint)
        arrays.append(array)
    return tuple(arrays)


def _first_match(outputs: tuple, mistakes) -> Feedback | None:
    """돌려준 값이 흔한 실수 가운데 하나와 같으면 그 설명을 Feedback으로 돌려줍니다."""
    for expected, message, hint in mistakes:
        if _all_close(outputs, expected):
            return failed(message, hint)
    return None


def _where(step_name: str, step: int, setting: dict) -> str:
    """메시지 앞에 붙일 위치: '스텝 2 (learning_rate=0.1, momentum=0.9)'."""
    values = ", ".join(f"{key}={value:g}" for key, value in setting.items())
    return f"{step_name} {step} ({values})"


# ---------------------------------------------------------------------------
# 직접 해보기 1: 모멘텀 한 스텝 (Keras 형태)
# ---------------------------------------------------------------------------


def _momentum_mistakes(v, w, g, lr, mu):
    """모멘텀 한 스텝의 흔한 실수: ((v_new, w_new), 설명, 힌트)."""
    v_keras = mu * v - lr * g
    buffer = mu * v + g  # PyTorch의 b ← μ·b + g
    return [
        (
            (v, w),
            "v와 w가 그대로입니다. 아직 아무것도 갱신하지 않았습니다.",
            "먼저 v_new = momentum * v - learning_rate * g, 그다음 w_new = w + v_new 입니다.",
        ),
        (
            (v_keras, w),
            "v는 맞게 갱신했지만 w가 그대로입니다.",
            "w_new = w + v_new 로 새 속도만큼 움직이세요.",
        ),
        (
            (-lr * g, w - lr * g),
            "이전 속도 v를 쓰지 않았습니다 (μ·v가 빠짐). 첫 스텝은 v = 0이라 맞지만, 둘째 "
            "스텝부터 틀립니다. 이것은 모멘텀이 없는 SGD입니다.",
            "v_new = momentum * v - learning_rate * g: 이전 속도의 μ배를 이어 갑니다.",
        ),
        (
            (mu * v + lr * g, w + mu * v + lr * g),
            "기울기의 부호가 반대입니다. 내리막이 아니라 오르막으로 갑니다.",
            "v ← μv − ηg: 기울기 g 앞에는 빼기가 붙습니다.",
        ),
        (
            (v_keras, w - v_keras),
            "w ← w − v로 갱신했습니다. Keras 형태의 v에는 이미 −ηg가 들어 있으므로 w ← w + v입니다.",
            "w_new = w + v_new",
        ),
        (
            (v_keras, w + v),
            "w를 새 속도가 아니라 이전 속도 v로 움직였습니다.",
            "v_new를 먼저 계산하고 w_new = w + v_new 로 쓰세요.",
        ),
        (
            (buffer, w - lr * buffer),
            "PyTorch 형태(b ← μb + g, w ← w − ηb)입니다. η가 일정하면 w는 똑같이 움직이지만 "
            "속도의 뜻이 다릅니다: Keras의 v는 −η·b입니다.",
            "이 문제는 Keras 형태입니다: v_new = momentum * v - learning_rate * g, w_new = w + v_new",
        ),
        (
            (lr * v - mu * g, w + lr * v - mu * g),
            "학습률 η와 모멘텀 계수 μ의 자리가 바뀌었습니다.",
            "v ← μ·v − η·g: μ는 이전 속도에, η는 기울기에 곱합니다.",
        ),
        (
            (v_keras, w + mu * v_keras - lr * g),
            "네스테로프 가속 경사의 갱신(w ← w + μv − ηg)입니다.",
            "보통의 모멘텀은 w ← w + v 입니다.",
        ),
        (
            (mu * (v - lr * g), w + mu * (v - lr * g)),
            "μ를 η·g에도 곱했습니다: μ(v − ηg)가 되었습니다.",
            "v ← μ·v − η·g: μ는 이전 속도에만 곱합니다.",
        ),
    ]


@guarded
def momentum_step(student_fn: Callable) -> Feedback:
    """학생의 momentum_step(v, w, g, learning_rate, momentum) -> (v_new, w_new)를 확인합니다.

    Keras 형태의 모멘텀: v_new = μ·v − η·g, w_new = w + v_new.
    MOMENTUM_SETTINGS의 (η, μ) 두 가지에서 v = 0부터 5스텝을 이어 가며 (시드로 만든 (3, 4)
    배열) dl.optim.SGD(learning_rate=η, momentum=μ)의 w와 속도(velocity)와 비교합니다.
    """
    problem = _not_callable(student_fn, "momentum_step")
    if problem is not None:
        return problem
    rng = np.random.default_rng(707)
    nan_hint = "v_new와 w_new는 v, w, g를 더하고 곱한 값이라 유한해야 합니다. 식을 다시 보세요."
    for setting in MOMENTUM_SETTINGS:
        lr, mu = setting["learning_rate"], setting["momentum"]
        reference = optim.SGD(learning_rate=lr, momentum=mu)
        w_ref = rng.normal(size=_SHAPE)
        v, w = np.zeros(_SHAPE), w_ref.copy()
        for step in range(1, _STEPS + 1):
            g = rng.normal(size=_SHAPE)
            outputs = _unpack(
                student_fn(v.copy(), w.copy(), g.copy(), lr, mu), ("v_new", "w_new"), _SHAPE,
                nan_hint,
            )
            if isinstance(outputs, Feedback):
                return outputs
            reference.update({"w": w_ref}, {"w": g.copy()})
            expected = (reference.state["w"]["velocity"], w_ref)
            if _all_close(outputs, expected):
                v, w = outputs
                continue
            where = _where("스텝", step, setting)
            if _all_close(outputs, expected[::-1]):
                return failed(
                    f"{where}: 값은 맞지만 순서가 바뀌었습니다.",
                    "return v_new, w_new 순서로 돌려주세요 (속도가 먼저, 가중치가 다음).",
                )
            mistake = None
            if step == 1:
                # 첫 스텝은 v = 0이라 여러 실수가 같은 값을 냅니다. 0이 아닌 v로 한 번 더
                # 불러 어떤 실수인지 가려냅니다.
                v_probe = np.random.default_rng(17).normal(size=_SHAPE)
                probe = _unpack(
                    student_fn(v_probe.copy(), w.copy(), g.copy(), lr, mu), ("v_new", "w_new"),
                    _SHAPE, nan_hint,
                )
                if not isinstance(probe, Feedback):
                    mistake = _first_match(probe, _momentum_mistakes(v_probe, w, g, lr, mu))
            if mistake is None:
                mistake = _first_match(outputs, _momentum_mistakes(v, w, g, lr, mu))
            if mistake is not None:
                return failed(f"{where}: {mistake.message}", mistake.hint)
            if _close(outputs[1], expected[1]):
                return failed(
                    f"{where}: w_new는 맞지만 v_new가 dl.optim.SGD의 속도와 다릅니다.",
                    "v_new = momentum * v - learning_rate * g",
                )
            return failed(
                f"{where}: dl.optim.SGD(momentum=...)와 다른 값입니다.",
                "v ← μv − ηg, w ← w + v. 두 줄을 이 순서로 계산하세요.",
            )
    return passed(
        f"두 가지 설정 (η, μ) = (0.1, 0.9), (0.05, 0.5)에서 {_STEPS}스텝 동안 "
        "dl.optim.SGD(momentum=μ)와 같은 v와 w를 냈습니다. 같은 기울기 g가 계속 오면 속도의 "
        "크기는 η·g/(1 − μ)까지 자랍니다: μ = 0.9이면 η·g의 10배, μ = 0.5이면 2배입니다."
    )


# ---------------------------------------------------------------------------
# 직접 해보기 2: Adam의 편향 보정 스텝
# ---------------------------------------------------------------------------


def _adam_mistakes(m, v, w, g, t, lr, beta_1, beta_2, eps):
    """Adam 한 스텝의 흔한 실수: ((m_new, v_new, w_new), 설명, 힌트)."""
    m_new = beta_1 * m + (1.0 - beta_1) * g
    v_new = beta_2 * v + (1.0 - beta_2) * g * g
    m_hat = m_new / (1.0 - beta_1**t)
    v_hat = v_new / (1.0 - beta_2**t)
    no_t_m = m_new / (1.0 - beta_1)
    no_t_v = v_new / (1.0 - beta_2)
    ratio = (1.0 - beta_1) / math.sqrt(1.0 - beta_2)
    return [
        (
            (m, v, w),
            "m, v, w가 모두 그대로입니다. 아직 아무것도 갱신하지 않았습니다.",
            "m_new = beta_1 * m + (1 - beta_1) * g 부터 채우세요.",
        ),
        (
            (m_new, v_new, w - lr * m_new / (np.sqrt(v_new) + eps)),
            "편향 보정을 하지 않았습니다 (m̂, v̂ 대신 m, v를 씀). m과 v는 0에서 시작하므로 처음에는 "
            f"너무 작고, t = 1에서 스텝이 η의 (1 − β₁)/√(1 − β₂) ≈ {ratio:.2f}배가 됩니다.",
            "m_hat = m_new / (1 - beta_1 ** t), v_hat = v_new / (1 - beta_2 ** t)",
        ),
        (
            (m_new, v_new, w - lr * m_hat / np.sqrt(v_hat + eps)),
            "ε을 제곱근 안에 넣었습니다 (√(v̂ + ε)). 기울기가 작은 원소에서 스텝이 달라집니다.",
            "분모는 np.sqrt(v_hat) + epsilon 입니다 (Kingma & Ba, Algorithm 1).",
        ),
        (
            (m_new, v_new, w + lr * m_hat / (np.sqrt(v_hat) + eps)),
            "w를 기울기 방향(오르막)으로 움직였습니다.",
            "w_new = w - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon)",
        ),
        (
            (m_new, v_new, w - lr * no_t_m / (np.sqrt(no_t_v) + eps)),
            "편향 보정에서 t를 쓰지 않았습니다 (1 − β₁ 대신 1 − β₁ᵗ). t = 1에서만 맞습니다.",
            "m_hat = m_new / (1 - beta_1 ** t): 스텝이 늘수록 보정이 1에 가까워집니다.",
        ),
        (
            (m_hat, v_hat, w - lr * m_hat / (np.sqrt(v_hat) + eps)),
            "w는 맞지만 m_new, v_new 자리에 보정한 m̂, v̂을 돌려주었습니다. 다음 스텝에 넘길 "
            "상태는 보정 전의 m, v입니다.",
            "return m_new, v_new, w_new (m_hat, v_hat은 w를 갱신할 때만 씁니다).",
        ),
        (
            (m_new, v_new, w - lr * m_new / (np.sqrt(v_hat) + eps)),
            "m은 보정하지 않고 v만 보정했습니다.",
            "m_hat = m_new / (1 - beta_1 ** t)도 계산해 분자에 쓰세요.",
        ),
        (
            (m_new, v_new, w - lr * m_hat / (np.sqrt(v_new) + eps)),
            "v는 보정하지 않고 m만 보정했습니다.",
            "v_hat = v_new / (1 - beta_2 ** t)도 계산해 분모에 쓰세요.",
        ),
        (
            (m_new, v_new, w - lr * m_hat / (v_hat + eps)),
            "분모에 제곱근이 빠졌습니다 (v̂ + ε). v̂은 기울기 제곱의 평균이므로 √v̂이 기울기의 크기입니다.",
            "np.sqrt(v_hat) + epsilon",
        ),
    ]


@guarded
def adam_step(student_fn: Callable) -> Feedback:
    """학생의 adam_step(m, v, w, g, t, learning_rate, beta_1, beta_2, epsilon)을 확인합니다.

    돌려줄 값은 (m_new, v_new, w_new)이고, 식은 Kingma & Ba (2015)의 Algorithm 1입니다::

        m_new = β₁·m + (1 − β₁)·g,   v_new = β₂·v + (1 − β₂)·g²
        m̂ = m_new / (1 − β₁ᵗ),       v̂ = v_new / (1 − β₂ᵗ)
        w_new = w − η·m̂ / (√v̂ + ε)

    ADAM_SETTINGS의 두 설정에서 m = v = 0, t = 1부터 4스텝을 이어 가며
    dl.optim.Adam의 m, v, w와 비교합니다. 첫 기울기는 ADAM_FIRST_GRADIENT입니다.
    """
    problem = _not_callable(student_fn, "adam_step")
    if problem is not None:
        return problem
    rng = np.random.default_rng(7007)
    first = np.array(ADAM_FIRST_GRADIENT)
    shape = first.shape
    nan_hint = (
        "v에는 g가 아니라 g²(g * g)를 쌓습니다. 그리고 β₂ᵗ는 beta_2 ** t (거듭제곱)입니다. "
        "음수의 제곱근이나 0으로 나누기가 NaN을 만듭니다."
    )
    first_steps = None
    for number, setting in enumerate(ADAM_SETTINGS):
        lr, b1, b2, eps = (setting[k] for k in ("learning_rate", "beta_1", "beta_2", "epsilon"))
        reference = optim.Adam(learning_rate=lr, beta_1=b1, beta_2=b2, epsilon=eps)
        w_ref = rng.normal(size=shape)
        m, v, w = np.zeros(shape), np.zeros(shape), w_ref.copy()
        for t in range(1, 5):
            g = first.copy() if t == 1 else rng.normal(size=shape) * np.abs(first)
            outputs = _unpack(
                student_fn(m.copy(), v.copy(), w.copy(), g.copy(), t, lr, b1, b2, eps),
                ("m_new", "v_new", "w_new"), shape, nan_hint,
            )
            if isinstance(outputs, Feedback):
                return outputs
            reference.update({"w": w_ref}, {"w": g.copy()})
            state = reference.state["w"]
            expected = (state["m"], state["v"], w_ref)
            if _all_close(outputs, expected):
                if number == 0 and t == 1:
                    first_steps = np.abs(outputs[2] - w)
                m, v, w = outputs
                continue
            where = _where("t =", t, setting)
            if _all_close(outputs, (expected[1], expected[0], expected[2])):
                return failed(
                    f"{where}: 값은 맞지만 m_new와 v_new의 순서가 바뀌었습니다.",
                    "return m_new, v_new, w_new 순서로 돌려주세요.",
                )
            mistake = _first_match(outputs, _adam_mistakes(m, v, w, g, t, lr, b1, b2, eps))
            if mistake is not None:
                return failed(f"{where}: {mistake.message}", mistake.hint)
            if not _close(outputs[0], expected[0]):
                return failed(
                    f"{where}: m_new가 다릅니다.",
                    "m_new = beta_1 * m + (1 - beta_1) * g: 기울기의 이동 평균입니다.",
                )
            if not _close(outputs[1], expected[1]):
                return failed(
                    f"{where}: v_new가 다릅니다.",
                    "v_new = beta_2 * v + (1 - beta_2) * g**2: 기울기 제곱의 이동 평균입니다.",
                )
            return failed(
                f"{where}: m_new와 v_new는 맞지만 w_new가 다릅니다.",
                "m_hat = m_new / (1 - beta_1**t), v_hat = v_new / (1 - beta_2**t), "
                "w_new = w - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon)",
            )
    sizes = ", ".join(f"{s:.4f}" for s in first_steps)
    scales = ", ".join(f"{abs(x):g}" for x in ADAM_FIRST_GRADIENT)
    return passed(
        "두 가지 설정에서 t = 1부터 4스텝 동안 dl.optim.Adam과 같은 m, v, w를 냈습니다. "
        f"t = 1에서 기울기의 크기({scales})가 10⁶배까지 달라도 첫 스텝의 크기는 모두 "
        f"η = 0.1에 가깝습니다: {sizes}. m̂ = g, v̂ = g²이므로 스텝 = η·|g|/(|g| + ε) ≈ η입니다."
    )


# ---------------------------------------------------------------------------
# 직접 해보기 3: 모멘텀 0.9에 맞는 학습률 고르기
# ---------------------------------------------------------------------------


def _bowl_run(learning_rate: float):
    task = LEARNING_RATE_TASK
    optimizer = optim.SGD(learning_rate=learning_rate, momentum=task["momentum"])
    return surfaces.descend(task["surface"], optimizer, steps=task["steps"])


def _passing_range() -> tuple[float, float]:
    """로그 간격 격자에서 통과하는 학습률의 가장 작은 값과 가장 큰 값 (채점 메시지용)."""
    target = LEARNING_RATE_TASK["target"]
    good = [
        float(rate)
        for rate in np.geomspace(1e-3, 3.0, 71)
        if not (run := _bowl_run(float(rate))).diverged and run.values[-1] < target
    ]
    return min(good), max(good)


@guarded
def momentum_learning_rate(learning_rate) -> Feedback:
    """길쭉한 그릇 J = x₁²/20 + x₂²에서 SGD(momentum=0.9)의 학습률 learning_rate를 확인합니다.

    기본 시작점 (−7, 2)에서 dl.surfaces.descend로 100스텝을 가서, 발산하지 않고
    마지막 J(x(100))가 1e-3보다 작으면 통과입니다.
    """
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, (Real, np.floating)):
        return failed(
            f"학습률에는 숫자 하나를 넣어야 합니다 (받은 자료형: {type(learning_rate).__name__}).",
            "예: learning_rate = 0.05",
        )
    rate = float(learning_rate)
    if not math.isfinite(rate) or rate <= 0.0:
        return failed(
            f"학습률은 0보다 큰 유한한 수여야 합니다 (받은 값: {rate}).",
            "0.001, 0.01, 0.1, 1처럼 10배씩 바꿔 가며 찾아보세요.",
        )
    task = LEARNING_RATE_TASK
    run = _bowl_run(rate)
    target, steps = task["target"], task["steps"]
    if run.diverged:
        return failed(
            f"η = {rate:g}: {run.message}",
            "가파른 x₂ 방향(곡률 2)이 학습률의 상한을 정합니다. 모멘텀이 속도를 모아 주므로 "
            "η는 모멘텀 없이 쓰던 값보다 작아도 됩니다. 학습률을 절반씩 줄여 보세요.",
        )
    final = float(run.values[-1])
    if final < target:
        below = int(np.argmax(run.values < target))
        low, high = _passing_range()
        return passed(
            f"η = {rate:g}: {steps}스텝 뒤 J = {final:.2e} < {target:g}입니다 "
            f"(J가 처음 {target:g}보다 작아진 스텝: {below}). 이 그릇에서 통과하는 학습률의 "
            f"범위는 꽤 넓습니다: 대략 {low:.2g}~{high:.2g}. 모멘텀 0.9의 속도는 η·g의 최대 "
            "10배까지 자라므로 작은 η로도 완만한 x₁ 방향을 빨리 내려갑니다."
        )
    start = float(run.values[0])
    if float(run.values.max()) > start:
        return failed(
            f"η = {rate:g}: 발산하지는 않았지만 J가 시작값 {start:.2f}보다 커졌다가 "
            f"({float(run.values.max()):.3g}) {steps}스텝 뒤에도 J = {final:.3g}입니다. 너무 크게 출렁입니다.",
            "학습률을 줄여 보세요. 가파른 x₂ 방향에서 멀리 튀어 나가고 있습니다.",
        )
    return failed(
        f"η = {rate:g}: {steps}스텝 뒤에도 J = {final:.3g}, 아직 {target:g}보다 큽니다. 너무 느립니다.",
        "학습률을 키워 보세요 (예: 10배씩). 완만한 x₁ 방향의 기울기(x₁/10)는 아주 작습니다.",
    )


# ---------------------------------------------------------------------------
# 직접 해보기 4 (선택): RMSprop 한 스텝
# ---------------------------------------------------------------------------


def _rmsprop_mistakes(s, w, g, lr, rho, eps):
    """RMSprop 한 스텝의 흔한 실수: ((s_new, w_new), 설명, 힌트)."""
    s_new = rho * s + (1.0 - rho) * g * g
    accumulated = s + g * g
    no_one_minus = rho * s + g * g
    swapped = (1.0 - rho) * s + rho * g * g
    return [
        (
            (s, w),
            "s와 w가 그대로입니다. 아직 아무것도 갱신하지 않았습니다.",
            "s_new = rho * s + (1 - rho) * g**2 부터 채우세요.",
        ),
        (
            (accumulated, w - lr * g / (np.sqrt(accumulated) + eps)),
            "AdaGrad처럼 g²를 계속 더했습니다 (s ← s + g²). 이러면 s가 줄지 않아 스텝이 점점 0으로 줄어듭니다.",
            "RMSprop은 이동 평균입니다: s_new = rho * s + (1 - rho) * g**2",
        ),
        (
            (no_one_minus, w - lr * g / (np.sqrt(no_one_minus) + eps)),
            "새 기울기 제곱에 (1 − ρ)를 곱하지 않았습니다 (s ← ρs + g²).",
            "이동 평균의 두 무게 ρ와 (1 − ρ)의 합은 1입니다: s_new = rho * s + (1 - rho) * g**2",
        ),
        (
            (swapped, w - lr * g / (np.sqrt(swapped) + eps)),
            "ρ와 (1 − ρ)의 자리가 바뀌었습니다. ρ는 옛 평균 s를 얼마나 기억할지 정합니다.",
            "s_new = rho * s + (1 - rho) * g**2",
        ),
        (
            (s_new, w - lr * g / (s_new + eps)),
            "분모에 제곱근이 빠졌습니다. s는 기울기 제곱의 평균이므로 √s가 기울기의 크기입니다.",
            "w_new = w - learning_rate * g / (np.sqrt(s_new) + epsilon)",
        ),
        (
            (s_new, w + lr * g / (np.sqrt(s_new) + eps)),
            "w를 기울기 방향(오르막)으로 움직였습니다.",
            "w_new = w - learning_rate * g / (np.sqrt(s_new) + epsilon)",
        ),
        (
            (s_new, w - lr * g / (np.sqrt(s) + eps)),
            "w를 갱신할 때 새 평균 s_new가 아니라 이전 값 s를 썼습니다.",
            "s_new를 먼저 계산하고 그 값으로 나누세요.",
        ),
    ]


@guarded
def rmsprop_step(student_fn: Callable) -> Feedback:
    """학생의 rmsprop_step(s, w, g, learning_rate, rho, epsilon) -> (s_new, w_new)를 확인합니다.

    s_new = ρ·s + (1 − ρ)·g²,  w_new = w − η·g / (√s_new + ε).
    RMSPROP_SETTINGS의 두 설정에서 s = 0부터 5스텝을 이어 가며 dl.optim.RMSprop과
    비교합니다. ε을 제곱근 안에 넣은 Keras의 식 (√(s_new + ε))도 정답으로 받습니다.
    """
    problem = _not_callable(student_fn, "rmsprop_step")
    if problem is not None:
        return problem
    rng = np.random.default_rng(77)
    nan_hint = "s에는 g²(g * g)를 쌓으므로 음수가 될 수 없습니다. 식을 다시 보세요."
    keras_form = False
    for setting in RMSPROP_SETTINGS:
        lr, rho, eps = setting["learning_rate"], setting["rho"], setting["epsilon"]
        reference = optim.RMSprop(learning_rate=lr, rho=rho, epsilon=eps)
        w_ref = rng.normal(size=_SHAPE)
        s, w = np.zeros(_SHAPE), w_ref.copy()
        for step in range(1, _STEPS + 1):
            g = rng.normal(size=_SHAPE)
            outputs = _unpack(
                student_fn(s.copy(), w.copy(), g.copy(), lr, rho, eps), ("s_new", "w_new"),
                _SHAPE, nan_hint,
            )
            if isinstance(outputs, Feedback):
                return outputs
            s_keras = rho * s + (1.0 - rho) * g * g
            w_keras = w - lr * g / np.sqrt(s_keras + eps)
            reference.update({"w": w_ref}, {"w": g.copy()})
            expected = (reference.state["w"]["mean_square"], w_ref)
            if _all_close(outputs, (s_keras, w_keras)) and not _all_close(outputs, expected):
                keras_form = True
                expected = (s_keras, w_keras)
                w_ref[...] = w_keras  # 학생의 경로를 따라갑니다 (s는 두 식에서 같음).
            if _all_close(outputs, expected):
                s, w = outputs
                continue
            where = _where("스텝", step, setting)
            if _all_close(outputs, expected[::-1]):
                return failed(
                    f"{where}: 값은 맞지만 순서가 바뀌었습니다.",
                    "return s_new, w_new 순서로 돌려주세요.",
                )
            mistake = None
            if step == 1:
                # 첫 스텝은 s = 0이라 AdaGrad의 s + g²와 ρs + g²가 같은 값입니다. 0이 아닌
                # s로 한 번 더 불러 어떤 실수인지 가려냅니다.
                s_probe = np.random.default_rng(17).uniform(0.5, 2.0, size=_SHAPE)
                probe = _unpack(
                    student_fn(s_probe.copy(), w.copy(), g.copy(), lr, rho, eps),
                    ("s_new", "w_new"), _SHAPE, nan_hint,
                )
                if not isinstance(probe, Feedback):
                    mistake = _first_match(probe, _rmsprop_mistakes(s_probe, w, g, lr, rho, eps))
            if mistake is None:
                mistake = _first_match(outputs, _rmsprop_mistakes(s, w, g, lr, rho, eps))
            if mistake is not None:
                return failed(f"{where}: {mistake.message}", mistake.hint)
            if not _close(outputs[0], expected[0]):
                return failed(
                    f"{where}: s_new가 다릅니다.",
                    "s_new = rho * s + (1 - rho) * g**2: 기울기 제곱의 이동 평균입니다.",
                )
            return failed(
                f"{where}: s_new는 맞지만 w_new가 다릅니다.",
                "w_new = w - learning_rate * g / (np.sqrt(s_new) + epsilon)",
            )
    note = (
        " ε을 제곱근 안에 넣은 Keras의 식 √(s + ε)을 썼습니다. dlcourse와 PyTorch는 √s + ε을 "
        "쓰며, 기울기가 아주 작을 때만 차이가 납니다."
        if keras_form
        else ""
    )
    return passed(
        f"두 가지 설정에서 {_STEPS}스텝 동안 dl.optim.RMSprop과 같은 s와 w를 냈습니다. "
        "AdaGrad와 달리 옛 기울기는 ρ배씩 잊으므로, 스텝이 0으로 줄어들지 않습니다." + note
    )
