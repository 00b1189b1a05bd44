"""8강(학습률 스케줄) 연습 문제 채점기.

    from dlcourse import check
    check.l08.exponential_decay(my_exponential_decay)      # 직접 해보기 1
    check.l08.piecewise_boundaries(answers)                 # 직접 해보기 2
    check.l08.quiet_schedule(settings)                      # 직접 해보기 3
    check.l08.polynomial_decay_cycle(my_polynomial_decay)  # 직접 해보기 4 (선택)

정답은 학생의 식과 상관없이 dl.optim의 스케줄(Keras와 같은 식)과 8강 탐색기의 계산
(dlcourse.labs.schedules.run)으로 구합니다. 채점 함수는 언제나 Feedback을 돌려줍니다.
"""

from __future__ import annotations

import math

import numpy as np

from .. import optim
from ..labs import schedules as _lab
from ._feedback import Feedback, failed, guarded, passed

__all__ = [
    "EXPONENTIAL_CASES",
    "PIECEWISE_STEPS",
    "QUIET_TARGET",
    "QUIET_SEEDS",
    "POLYNOMIAL_CASES",
    "exponential_decay",
    "piecewise_boundaries",
    "quiet_schedule",
    "polynomial_decay_cycle",
]

# 채점에 쓰는 스텝: 0, 경계 바로 앞과 뒤, 사이의 값들.
_STEPS = (0, 1, 7, 100, 249, 250, 251, 499, 500, 501, 750, 999, 1000, 1001, 1499, 1500, 2345, 5000)

EXPONENTIAL_CASES = (
    # (initial_learning_rate, decay_steps, decay_rate, staircase)
    (0.1, 500, 0.5, False),
    (0.1, 500, 0.5, True),
    (0.05, 300, 0.9, False),
    (0.05, 300, 0.9, True),
    (1.0, 7, 0.3, True),
    (0.02, 1000, 0.25, False),
)
"""직접 해보기 1에서 비교하는 인자 묶음."""

POLYNOMIAL_CASES = (
    # (initial_learning_rate, decay_steps, end_learning_rate, power, cycle)
    (0.1, 900, 0.01, 0.5, False),
    (0.1, 900, 0.01, 0.5, True),
    (0.1, 500, 0.0001, 1.0, True),
    (0.05, 300, 0.005, 2.0, True),
    (0.05, 300, 0.005, 2.0, False),
)
"""직접 해보기 4에서 비교하는 인자 묶음."""

PIECEWISE_STEPS = (700, 701, 900, 901)
"""직접 해보기 2: PiecewiseConstantDecay([700, 900], [0.1, 0.05, 0.01])의 학습률을 묻는 스텝."""

QUIET_TARGET = 0.1
QUIET_SEEDS = tuple(range(10))
"""직접 해보기 3: 시드 0~9에서 마지막 100스텝 평균 거리의 평균이 0.1보다 작으면 통과합니다."""

_QUIET_FIXED = {"initial_rate": 0.1, "noise": 2.0}


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-15)


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


class _StudentError(Exception):
    """학생 함수가 어떤 인자에서 오류를 냈거나 숫자가 아닌 값을 돌려주었습니다."""

    def __init__(self, feedback: Feedback) -> None:
        super().__init__(feedback.message)
        self.feedback = feedback


def _describe_args(names, values) -> str:
    return ", ".join(f"{n}={v!r}" for n, v in zip(names, values, strict=True))


_ZERO_STEP_HINT = "step = 0에서 0으로 나누지 않는지, 인자 이름과 순서가 맞는지 확인하세요."
_BAD_POWER_HINT = (
    "음수를 0.5제곱하면 파이썬은 복소수를, NumPy는 NaN을 만듭니다. "
    "거듭제곱하기 전의 값(예: 1 − step/decay_steps)이 음수가 되지 않게 하세요."
)


def _table(fn, cases, names, zero_step_hint: str = _ZERO_STEP_HINT) -> dict:
    """학생 함수를 인자 묶음마다, 스텝마다 부릅니다: {(묶음 번호, step): 값}."""
    table = {}
    for number, case in enumerate(cases):
        for step in _STEPS:
            args = (step, *case)
            where = _describe_args(names, args)
            try:
                value = fn(*args)
            except ZeroDivisionError:
                raise _StudentError(
                    failed(f"0으로 나누었습니다 ({where}).", zero_step_hint)
                ) from None
            except Exception as exc:  # 어느 인자에서 났는지 알려 주려고 여기서 잡습니다.
                raise _StudentError(
                    failed(
                        f"함수를 부르다가 오류가 났습니다 ({where}): {type(exc).__name__}: {exc}",
                        "인자 이름과 순서, 변수 이름을 확인하세요.",
                    )
                ) from None
            if isinstance(value, complex) or np.iscomplexobj(value):
                raise _StudentError(
                    failed(f"함수가 복소수를 돌려주었습니다 ({where}, 받은 값: {value!r}).",
                           _BAD_POWER_HINT)
                )
            number_value = _as_number(value)
            if number_value is not None and math.isnan(number_value):
                raise _StudentError(
                    failed(f"함수가 NaN을 돌려주었습니다 ({where}).", _BAD_POWER_HINT)
                )
            if number_value is None or not math.isfinite(number_value):
                raise _StudentError(
                    failed(
                        f"함수가 유한한 숫자 하나를 돌려주지 않았습니다 ({where}, "
                        f"받은 값: {value!r}).",
                        "return 으로 학습률(실수 하나)을 돌려주세요.",
                    )
                )
            table[number, step] = number_value
    return table


def _matches(table: dict, formula, cases, which=None) -> bool:
    """table이 formula(step, *case)와 모든 (고른) 묶음과 스텝에서 같은지."""
    for number, case in enumerate(cases):
        if which is not None and not which(case):
            continue
        for step in _STEPS:
            expected = formula(step, *case)
            if not (math.isfinite(expected) and _close(table[number, step], expected)):
                return False
    return True


def _first_difference(table: dict, reference, cases, names):
    for number, case in enumerate(cases):
        for step in _STEPS:
            expected = reference(step, *case)
            if not _close(table[number, step], expected):
                return (step, *case), table[number, step], expected
    return None


# ---------------------------------------------------------------------------
# 직접 해보기 1: 지수 감쇠의 식
# ---------------------------------------------------------------------------

_EXP_NAMES = ("step", "initial_learning_rate", "decay_steps", "decay_rate", "staircase")


def _exp_reference(step, rate, decay_steps, decay_rate, staircase) -> float:
    return float(optim.ExponentialDecay(rate, decay_steps, decay_rate, staircase=staircase)(step))


def _exp_mistakes():
    """지수 감쇠에서 흔한 실수: (식, 적용할 묶음, 설명, 힌트)."""
    every = None

    def smooth(case):
        return not case[3]

    def stairs(case):
        return case[3]

    return [
        (
            lambda s, r, d, q, st: r,
            every,
            "학습률이 바뀌지 않습니다: 모든 스텝에서 initial_learning_rate를 돌려주었습니다.",
            "η = η₀ · r^(step / decay_steps)를 계산해 돌려주세요.",
        ),
        (
            lambda s, r, d, q, st: r * q**s,
            every,
            "η₀ · r^step을 계산했습니다. 지수를 decay_steps로 나누지 않아서 너무 빨리 줄어듭니다.",
            "decay_steps 스텝이 지날 때마다 r배가 되어야 하므로 지수는 step / decay_steps입니다.",
        ),
        (
            lambda s, r, d, q, st: r * q * s / d,
            every,
            "η₀ · r · (step / decay_steps)를 계산했습니다. 곱하기가 아니라 거듭제곱입니다.",
            "파이썬의 거듭제곱은 ** 입니다: decay_rate ** (step / decay_steps).",
        ),
        (
            lambda s, r, d, q, st: r * q ** (s / d),
            stairs,
            "staircase=True를 무시했습니다. 계단식이면 지수를 정수로 내림해야 합니다.",
            "if staircase: 지수 = math.floor(step / decay_steps) 를 넣으세요.",
        ),
        (
            lambda s, r, d, q, st: r * q ** round(s / d),
            stairs,
            "staircase=True에서 지수를 반올림했습니다. 내림(floor)이어야 합니다.",
            "round 대신 math.floor(step / decay_steps)나 step // decay_steps를 쓰세요.",
        ),
        (
            lambda s, r, d, q, st: r * q ** math.ceil(s / d),
            stairs,
            "staircase=True에서 지수를 올림했습니다. 내림(floor)이어야 합니다.",
            "스텝 0~decay_steps−1에서는 아직 η₀ 그대로입니다: math.floor(step / decay_steps).",
        ),
        (
            lambda s, r, d, q, st: r * q ** math.floor(s / d),
            smooth,
            "staircase=False인데도 지수를 내림했습니다. 계단식은 staircase=True일 때만 씁니다.",
            "staircase가 False이면 지수는 step / decay_steps 그대로입니다.",
        ),
    ]


@guarded
def exponential_decay(student_fn) -> Feedback:
    """학생의 my_exponential_decay(step, initial_learning_rate, decay_steps, decay_rate, staircase)를
    dl.optim.ExponentialDecay와 비교합니다.

    η(step) = η₀ · r^(step / decay_steps),  staircase=True이면 지수를 ⌊step / decay_steps⌋로.
    인자 묶음 여섯 개(EXPONENTIAL_CASES) × 스텝 18개(경계 앞뒤 포함)에서 비교합니다.
    """
    if not callable(student_fn):
        return failed(
            f"함수를 넘겨야 합니다 (받은 자료형: {type(student_fn).__name__}).",
            "괄호 없이 함수 이름만 넘기세요: check.l08.exponential_decay(my_exponential_decay)",
        )
    try:
        table = _table(student_fn, EXPONENTIAL_CASES, _EXP_NAMES)
    except _StudentError as error:
        return error.feedback
    if _matches(table, _exp_reference, EXPONENTIAL_CASES):
        return passed(
            "인자 묶음 여섯 개, 스텝 18개에서 모두 dl.optim.ExponentialDecay와 같습니다. "
            "staircase=True일 때 decay_steps의 배수에서만 학습률이 떨어지는 것도 맞습니다."
        )
    smooth_ok = _matches(table, _exp_reference, EXPONENTIAL_CASES, which=lambda c: not c[3])
    for formula, which, message, hint in _exp_mistakes():
        # 계단식(staircase=True)만의 실수는 staircase=False 쪽이 맞을 때만 짚습니다.
        only_stairs = which is not None and which((0.1, 1, 0.5, True))
        if only_stairs and not smooth_ok:
            continue
        if _matches(table, formula, EXPONENTIAL_CASES, which=which):
            return failed(message, hint)
    args, got, expected = _first_difference(table, _exp_reference, EXPONENTIAL_CASES, _EXP_NAMES)
    part = "staircase=True" if args[-1] else "staircase=False"
    return failed(
        f"{part}에서 dl.optim.ExponentialDecay와 다릅니다: {_describe_args(_EXP_NAMES, args)}에서 "
        f"돌려준 값 {got:.6g}, 정답 {expected:.6g}.",
        "η = initial_learning_rate * decay_rate ** (step / decay_steps). "
        "staircase이면 지수를 math.floor(step / decay_steps)로 바꿉니다.",
    )


# ---------------------------------------------------------------------------
# 직접 해보기 2: 구간별 상수 감쇠의 경계
# ---------------------------------------------------------------------------


def _piecewise_answers(answers) -> dict | Feedback:
    if isinstance(answers, dict):
        missing = [s for s in PIECEWISE_STEPS if s not in answers]
        if missing:
            return failed(
                f"답이 빠진 스텝이 있습니다: {', '.join(map(str, missing))}.",
                "answers = {700: ..., 701: ..., 900: ..., 901: ...}처럼 네 스텝을 모두 적으세요.",
            )
        values = [answers[s] for s in PIECEWISE_STEPS]
    elif isinstance(answers, (list, tuple)):
        if len(answers) != len(PIECEWISE_STEPS):
            return failed(
                f"숫자 네 개가 필요합니다 (스텝 700, 701, 900, 901). 받은 개수: {len(answers)}.",
                "answers = {700: ..., 701: ..., 900: ..., 901: ...}처럼 적으세요.",
            )
        values = list(answers)
    else:
        return failed(
            f"사전이나 목록을 넣어야 합니다 (받은 자료형: {type(answers).__name__}).",
            "answers = {700: ..., 701: ..., 900: ..., 901: ...}",
        )
    result = {}
    for step, value in zip(PIECEWISE_STEPS, values, strict=True):
        number = _as_number(value)
        if number is None:
            return failed(
                f"스텝 {step}의 답이 숫자가 아닙니다 (받은 값: {value!r}).",
                "0.1처럼 따옴표 없이 숫자를 적으세요.",
            )
        result[step] = number
    return result


@guarded
def piecewise_boundaries(answers) -> Feedback:
    """PiecewiseConstantDecay([700, 900], [0.1, 0.05, 0.01])의 스텝 700, 701, 900, 901 학습률을
    확인합니다. 정답은 dl.optim으로 구합니다 (경계 위의 스텝은 왼쪽 구간: 0.1, 0.05, 0.05, 0.01).

    answers: {700: η, 701: η, 900: η, 901: η} 사전이나 같은 순서의 숫자 네 개.
    """
    given = _piecewise_answers(answers)
    if isinstance(given, Feedback):
        return given
    schedule = optim.PiecewiseConstantDecay([700, 900], [0.1, 0.05, 0.01])
    correct = {step: float(schedule(step)) for step in PIECEWISE_STEPS}

    def same(a: float, b: float) -> bool:
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)

    wrong = [s for s in PIECEWISE_STEPS if not same(given[s], correct[s])]
    if not wrong:
        return passed(
            "스텝 700 → 0.1, 701 → 0.05, 900 → 0.05, 901 → 0.01. 경계 위의 스텝은 왼쪽 구간에 "
            "속합니다: step ≤ 700이면 0.1, 700 < step ≤ 900이면 0.05, step > 900이면 0.01."
        )
    if all(given[s] == 0.0 for s in PIECEWISE_STEPS):
        return failed(
            "네 답이 모두 0입니다.",
            "values = [0.1, 0.05, 0.01]에서 골라 적으세요. 경계가 700과 900입니다.",
        )
    right_side = {700: 0.05, 701: 0.05, 900: 0.01, 901: 0.01}
    if all(same(given[s], right_side[s]) for s in PIECEWISE_STEPS):
        return failed(
            "스텝 700과 900을 경계 오른쪽 구간에 넣었습니다.",
            "Keras처럼 경계 위의 스텝은 왼쪽 구간에 속합니다: step ≤ 700이면 0.1입니다. "
            "학습률이 바뀌는 첫 스텝은 701과 901입니다.",
        )
    boundary_steps = [s for s in wrong if s in (700, 900)]
    if boundary_steps and len(wrong) == len(boundary_steps):
        return failed(
            f"경계 위의 스텝이 틀렸습니다: {', '.join(map(str, boundary_steps))}.",
            "경계 위의 스텝은 왼쪽 구간에 속합니다 (step ≤ 경계).",
        )
    return failed(
        f"틀린 스텝: {', '.join(map(str, wrong))}.",
        "구간은 셋입니다: step ≤ 700 → 0.1, 700 < step ≤ 900 → 0.05, step > 900 → 0.01.",
    )


# ---------------------------------------------------------------------------
# 직접 해보기 3: 흔들림을 가라앉히는 스케줄
# ---------------------------------------------------------------------------


def _quiet_settings(settings) -> dict | Feedback:
    if not isinstance(settings, dict):
        return failed(
            f"설정 사전을 넣어야 합니다 (받은 자료형: {type(settings).__name__}).",
            'settings = {"schedule": "exponential", "exp_decay_steps": 500, "exp_decay_rate": 0.5}',
        )
    if "schedule" not in settings:
        return failed(
            "설정에 'schedule'(스케줄 이름)이 없습니다.",
            f"쓸 수 있는 이름: {', '.join(_lab.SCHEDULES)}",
        )
    fixed = sorted(set(settings) & {"initial_rate", "noise", "seed"})
    if fixed:
        return failed(
            f"이 문제에서는 바꿀 수 없는 설정이 있습니다: {', '.join(fixed)}.",
            "처음 학습률 η₀ = 0.1, 잡음 σ = 2.0은 그대로 두고 스케줄의 인자만 바꾸세요 "
            "(시드는 채점기가 0~9를 모두 씁니다).",
        )
    name = settings["schedule"]
    if name not in _lab.SCHEDULES:
        return failed(
            f"알 수 없는 스케줄 이름입니다: {name!r}.",
            f"쓸 수 있는 이름: {', '.join(_lab.SCHEDULES)}",
        )
    allowed = set(_lab.SCHEDULE_PARAMETERS[name])
    unknown = sorted(set(settings) - allowed - {"schedule"})
    if unknown:
        return failed(
            f"{_lab.SCHEDULE_LABELS[name]}에 쓸 수 없는 인자입니다: {', '.join(unknown)}.",
            f"쓸 수 있는 인자: {', '.join(_lab.SCHEDULE_PARAMETERS[name])}",
        )
    try:
        _lab.make_schedule(name, **{k: v for k, v in settings.items() if k != "schedule"})
    except (TypeError, ValueError) as exc:
        return failed(f"스케줄을 만들 수 없습니다: {exc}", "인자의 값 범위를 확인하세요.")
    return dict(settings)


@guarded
def quiet_schedule(settings) -> Feedback:
    """settings의 스케줄로 8강의 잡음 섞인 경사 하강법(σ = 2, η₀ = 0.1, 1000스텝)을 돌립니다.

    시드 0~9 각각에서 labs.schedules.run이 구한 '마지막 100스텝의 평균 거리'를 평균해
    0.1보다 작으면 통과입니다. 상수 학습률 0.1은 약 0.37, 강의의 지수 감쇠(500, 0.5)는 약 0.2입니다.
    """
    chosen = _quiet_settings(settings)
    if isinstance(chosen, Feedback):
        return chosen
    results = [_lab.run(seed=seed, **_QUIET_FIXED, **chosen) for seed in QUIET_SEEDS]
    label = results[0].label
    if any(r.diverged for r in results):
        return failed(f"{label}: 발산했습니다.", "학습률이 0.45보다 커지지 않게 하세요.")
    tail = float(np.mean([r.tail_schedule for r in results]))
    constant = float(np.mean([r.tail_constant for r in results]))
    final_rate = float(results[0].rates[-1])
    summary = (
        f"{label}: 마지막 100스텝 평균 거리 {tail:.3f} (시드 10개의 평균, 상수 학습률 0.1은 "
        f"{constant:.3f}), 스텝 1000의 학습률 {final_rate:.3g}"
    )
    if tail < QUIET_TARGET:
        return passed(
            f"{summary}. 0.1보다 작습니다. 학습률을 줄여 최솟값 근처의 흔들림을 가라앉혔습니다."
        )
    noiseless = _lab.run(seed=0, initial_rate=0.1, noise=0.0, **chosen)
    if noiseless.tail_schedule > QUIET_TARGET / 2:
        return failed(
            f"{summary}. 잡음이 없어도 최솟값에 닿지 못합니다 (잡음 없을 때 {noiseless.tail_schedule:.3f}).",
            "학습률을 너무 빨리 줄여서 걸음이 모자랍니다. 감쇠를 조금 늦춰 보세요.",
        )
    if final_rate > 0.01:
        return failed(
            f"{summary}. 끝까지 학습률이 커서 흔들림이 남습니다.",
            "마지막 구간의 학습률을 0.01 아래로 더 줄여 보세요 (감쇠율을 작게, 또는 감쇠 스텝 수를 작게).",
        )
    return failed(
        f"{summary}. 끝의 학습률은 작지만, 거리가 아직 큽니다.",
        "학습률이 충분히 작아지는 시점이 너무 늦거나(마지막 100스텝 전에 줄여야 합니다), "
        "너무 일러서 초반의 흔들림을 바로잡을 시간이 없습니다. 탐색기에서 곡선을 보며 조절해 보세요.",
    )


# ---------------------------------------------------------------------------
# 직접 해보기 4 (선택): cycle이 있는 다항식 감쇠
# ---------------------------------------------------------------------------

_POLY_NAMES = ("step", "initial_learning_rate", "decay_steps", "end_learning_rate", "power", "cycle")


def _poly_reference(step, rate, decay_steps, end, power, cycle) -> float:
    schedule = optim.PolynomialDecay(rate, decay_steps, end, power=power, cycle=cycle)
    return float(schedule(step))


def _poly(step, rate, end, power, horizon) -> float:
    return (rate - end) * (1.0 - step / horizon) ** power + end


def _poly_mistakes():
    """다항식 감쇠에서 흔한 실수: (식, 적용할 묶음, 설명, 힌트)."""

    def with_cycle(case):
        return case[4]

    def modulo(s, r, d, e, p, c):
        return _poly(s % d, r, e, p, d)

    def ignore_cycle(s, r, d, e, p, c):
        return _poly(min(s, d), r, e, p, d)

    return [
        (
            lambda s, r, d, e, p, c: r,
            None,
            "학습률이 바뀌지 않습니다: 모든 스텝에서 initial_learning_rate를 돌려주었습니다.",
            "η = (η₀ − η_end)(1 − step/decay_steps)^power + η_end를 계산해 돌려주세요.",
        ),
        (
            ignore_cycle,
            with_cycle,
            "cycle=True를 무시했습니다: decay_steps가 지난 뒤에도 end_learning_rate에 머뭅니다.",
            "cycle=True이면 D = decay_steps · ⌈step / decay_steps⌉ (step = 0이면 D = decay_steps)를 "
            "decay_steps 대신 씁니다.",
        ),
        (
            modulo,
            with_cycle,
            "cycle=True에서 step % decay_steps(나머지)를 썼습니다. 그러면 매번 η₀에서 다시 시작합니다.",
            "Keras의 cycle은 나머지가 아니라, decay_steps를 step 이상인 배수 "
            "D = decay_steps · ⌈step / decay_steps⌉로 늘립니다. 그래서 다시 올라가는 높이가 점점 낮아집니다.",
        ),
    ]


@guarded
def polynomial_decay_cycle(student_fn) -> Feedback:
    """학생의 my_polynomial_decay(step, initial_learning_rate, decay_steps, end_learning_rate,
    power, cycle)를 dl.optim.PolynomialDecay와 비교합니다.

    cycle=False:  s = min(step, decay_steps),  η = (η₀ − η_end)(1 − s/decay_steps)^power + η_end
    cycle=True:   D = decay_steps · ⌈step/decay_steps⌉ (step = 0이면 D = decay_steps),
                  η = (η₀ − η_end)(1 − step/D)^power + η_end
    """
    if not callable(student_fn):
        return failed(
            f"함수를 넘겨야 합니다 (받은 자료형: {type(student_fn).__name__}).",
            "괄호 없이 함수 이름만 넘기세요: check.l08.polynomial_decay_cycle(my_polynomial_decay)",
        )
    try:
        table = _table(student_fn, POLYNOMIAL_CASES, _POLY_NAMES, zero_step_hint=(
            "cycle=True에서 step = 0이면 ⌈0 / decay_steps⌉ = 0이라 D = 0이 됩니다. "
            "step = 0일 때는 D = decay_steps로 두세요 (Keras와 같습니다)."
        ))
    except _StudentError as error:
        return error.feedback
    if _matches(table, _poly_reference, POLYNOMIAL_CASES):
        return passed(
            "cycle=False와 cycle=True 모두, 인자 묶음 다섯 개와 스텝 18개에서 "
            "dl.optim.PolynomialDecay와 같습니다. decay_steps의 배수를 지날 때마다 학습률이 "
            "다시 올라갔다가 줄어듭니다."
        )
    for formula, which, message, hint in _poly_mistakes():
        if _matches(table, formula, POLYNOMIAL_CASES, which=which):
            return failed(message, hint)
    args, got, expected = _first_difference(table, _poly_reference, POLYNOMIAL_CASES, _POLY_NAMES)
    part = "cycle=True" if args[-1] else "cycle=False"
    return failed(
        f"{part}에서 dl.optim.PolynomialDecay와 다릅니다: {_describe_args(_POLY_NAMES, args)}에서 "
        f"돌려준 값 {got:.6g}, 정답 {expected:.6g}.",
        "cycle=True이면 D = decay_steps · ⌈step / decay_steps⌉ (step = 0이면 decay_steps), "
        "cycle=False이면 step = min(step, decay_steps).",
    )
