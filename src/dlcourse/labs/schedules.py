"""8강 탐색기: 학습률 스케줄(learning-rate schedule)과 그 효과.

무엇을 보여 주나
----------------
위 칸은 스텝 0~1000의 학습률 η(t)입니다. 다섯 가지 스케줄을 모두 흐리게, 고른 스케줄을
굵게 그리고, 비교용 상수 학습률 η₀를 회색 점선으로 그립니다. 아래 칸은 그 학습률로
잡음 섞인 기울기를 따라 1강의 이차 함수 J = x₁² + 2x₂² − x₁x₂를 내려갈 때 최솟값
(0, 0)까지의 거리 ‖x(t)‖입니다. 미니배치 기울기처럼 기울기에 잡음을 더합니다::

    g(t) = ∇J(x(t)) + σ ξ(t),   ξ(t) ~ N(0, I)      (시드를 정한 난수)
    x(t+1) = x(t) − η(t) g(t)                       (dl.optim.SGD(learning_rate=schedule)와 같음)

상수 학습률이면 최솟값 근처에서도 잡음 때문에 계속 흔들립니다 (흔들림의 크기는 대략 √η에
비례합니다). 학습률을 줄여 가면 흔들림이 가라앉습니다. 두 실행은 같은 잡음을 씁니다.

스케줄 (Keras와 같은 이름과 식, step은 0부터 세는 갱신 번호)::

    구간별 상수 감쇠  PiecewiseConstantDecay([700, 900], [0.1, 0.05, 0.01])
                      step ≤ 700 → 0.1,  700 < step ≤ 900 → 0.05,  step > 900 → 0.01
    지수 감쇠        ExponentialDecay(0.1, 500, 0.5):  η = 0.1 · 0.5^(step/500)
                      (staircase=True이면 지수를 ⌊step/500⌋로 내림)
    다항식 감쇠      PolynomialDecay(0.1, 900, 0.01, power=0.5):
                      η = (0.1 − 0.01) · (1 − min(step, 900)/900)^0.5 + 0.01
    코사인 감쇠      CosineDecay: η = η₀ · ((1 − α) · ½(1 + cos(π · step/decay_steps)) + α)
                      (워밍업 W > 0이면 처음 W 스텝 동안 0에서 η₀까지 직선으로 올림)
    역시간 감쇠      InverseTimeDecay: η = η₀ / (1 + r · step/decay_steps)

기본값은 강의 개요의 값입니다. 처음 학습률 η₀ 슬라이더는 모든 스케줄에 함께 쓰입니다.

쓰는 법
-------
    from dlcourse.labs import schedules
    print(schedules.syllabus_table())           # 세 스케줄의 값 (스텝 0, 500, 700, 701, 900, 901, 1000)
    result = schedules.run(schedule="exponential")
    schedules.plot(result)
    schedules.explorer()                        # 고른 스케줄의 인자만 슬라이더로 보입니다
    schedules.explorer(preset="piecewise")      # PRESETS

갱신 시간: 기본 설정에서 잡음 σ 슬라이더를 10번 바꾼 LiveFigure.set_values의 중앙값
(계산 + 다시 그리기 + PNG 만들기, 코어 두 개를 다른 작업과 나눠 쓰는 기계)은 기계가 한가할
때 60~65 ms였습니다 (CPU 시간 54~62 ms, 그중 계산은 약 2 ms). 다른 작업이 코어를 함께 쓸
때는 벽시계 시간이 80~120 ms까지 늘었습니다.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from numbers import Integral

import numpy as np

from .. import optim as _optim
from .. import surfaces as _surfaces
from .._validate import check_in_range, check_nonnegative, check_positive, check_positive_int
from ._common import (
    check_flag,
    check_result,
    check_seed,
    check_setting_names,
    choose,
    curve_limits,
    figure_and_axes,
    merge_settings,
    read_only,
    text_table,
)

__all__ = [
    "SCHEDULES",
    "SCHEDULE_LABELS",
    "SCHEDULE_PARAMETERS",
    "DEFAULTS",
    "PRESETS",
    "TABLE_STEPS",
    "ScheduleResult",
    "make_schedule",
    "syllabus_schedules",
    "syllabus_table",
    "run",
    "plot",
    "explorer",
]

SCHEDULES = ("piecewise", "exponential", "polynomial", "cosine", "inverse_time")
SCHEDULE_LABELS = {
    "piecewise": "구간별 상수 감쇠",
    "exponential": "지수 감쇠",
    "polynomial": "다항식 감쇠",
    "cosine": "코사인 감쇠",
    "inverse_time": "역시간 감쇠",
}
# 스케줄마다 그 스케줄만 쓰는 인자 (탐색기는 고른 스케줄의 것만 보여 줍니다).
SCHEDULE_PARAMETERS = {
    "piecewise": ("boundary_1", "boundary_2", "middle_rate", "final_rate"),
    "exponential": ("exp_decay_steps", "exp_decay_rate", "exp_staircase"),
    "polynomial": ("poly_decay_steps", "poly_end_rate", "poly_power", "poly_cycle"),
    "cosine": ("cos_decay_steps", "cos_alpha", "cos_warmup_steps"),
    "inverse_time": ("inv_decay_steps", "inv_decay_rate", "inv_staircase"),
}

TABLE_STEPS = (0, 500, 700, 701, 900, 901, 1000)
"""syllabus_table이 기본으로 보여 주는 스텝: 구간의 경계 양쪽과 끝."""

_STEPS = 1000
_START = (-5.0, 4.0)  # 1강의 시작점
_TAIL = 100  # 마지막 몇 스텝의 평균 거리를 비교할지
_BOUND = 1e6  # |x|가 이 값을 넘으면 발산으로 봅니다

DEFAULTS: dict = {
    "schedule": "exponential",
    "initial_rate": 0.1,
    # 구간별 상수 감쇠: PiecewiseConstantDecay([700, 900], [η₀, 0.05, 0.01])
    "boundary_1": 700,
    "boundary_2": 900,
    "middle_rate": 0.05,
    "final_rate": 0.01,
    # 지수 감쇠: ExponentialDecay(η₀, 500, 0.5)
    "exp_decay_steps": 500,
    "exp_decay_rate": 0.5,
    "exp_staircase": False,
    # 다항식 감쇠: PolynomialDecay(η₀, 900, 0.01, power=0.5)
    "poly_decay_steps": 900,
    "poly_end_rate": 0.01,
    "poly_power": 0.5,
    "poly_cycle": False,
    # 코사인 감쇠: CosineDecay(η₀, 1000, alpha=0), 워밍업 없음
    "cos_decay_steps": 1000,
    "cos_alpha": 0.0,
    "cos_warmup_steps": 0,
    # 역시간 감쇠: InverseTimeDecay(η₀, 500, 1.0)
    "inv_decay_steps": 500,
    "inv_decay_rate": 1.0,
    "inv_staircase": False,
    # 훈련: 기울기 잡음의 표준편차 σ와 시드
    "noise": 2.0,
    "seed": 0,
}

PRESETS: dict[str, dict] = {
    "piecewise": {
        "schedule": "piecewise",
        "설명": "스텝 700과 900에서 학습률을 0.1 → 0.05 → 0.01로 뚝 떨어뜨립니다. "
        "떨어질 때마다 아래 칸의 흔들림이 한 단계씩 줄어드는 것을 보세요.",
    },
    "exponential": {
        "schedule": "exponential",
        "설명": "500스텝마다 학습률이 절반이 됩니다 (η = 0.1 · 0.5^(step/500)). "
        "흔들림이 천천히, 꾸준히 줄어듭니다.",
    },
    "exponential_staircase": {
        "schedule": "exponential",
        "exp_staircase": True,
        "설명": "staircase=True이면 지수를 내림하므로 500스텝 동안 학습률이 그대로 있다가 "
        "계단처럼 절반으로 떨어집니다.",
    },
    "polynomial": {
        "schedule": "polynomial",
        "설명": "900스텝 동안 (1 − step/900)^0.5 모양으로 0.01까지 줄이고 그 뒤로는 0.01에 "
        "머뭅니다. power를 바꾸면 곡선이 휘는 정도가 달라집니다.",
    },
    "cosine_warmup": {
        "schedule": "cosine",
        "cos_warmup_steps": 100,
        "cos_decay_steps": 900,
        "설명": "처음 100스텝은 학습률을 0에서 0.1까지 올리고(워밍업), 그다음 코사인 모양으로 "
        "0까지 내립니다. 처음에는 거의 움직이지 않는 것도 보세요.",
    },
    "no_noise": {
        "schedule": "exponential",
        "noise": 0.0,
        "설명": "잡음이 없으면 상수 학습률이 오히려 더 빨리 최솟값에 다가갑니다. "
        "학습률을 줄이는 것은 잡음을 가라앉히기 위한 것입니다.",
    },
}


# ---------------------------------------------------------------------------
# 스케줄 만들기와 강의 표
# ---------------------------------------------------------------------------


def make_schedule(name: str, **params):
    """이름과 인자(DEFAULTS와 같은 이름)로 dl.optim의 스케줄 객체를 만듭니다.

    빠진 인자는 DEFAULTS를 씁니다. 예: make_schedule("exponential", exp_decay_rate=0.3).
    """
    name = choose(name, SCHEDULES, "학습률 스케줄")
    allowed = {"initial_rate", *SCHEDULE_PARAMETERS[name]}
    unknown = sorted(set(params) - allowed)
    if unknown:
        raise ValueError(
            f"{SCHEDULE_LABELS[name]}에 쓸 수 없는 인자입니다: {', '.join(unknown)}. "
            f"쓸 수 있는 인자: {', '.join(sorted(allowed))}"
        )
    p = {**DEFAULTS, **params}
    rate = check_positive(p["initial_rate"], "initial_rate(처음 학습률 η₀)")
    if name == "piecewise":
        first = _whole_steps(p["boundary_1"], "boundary_1(경계 1)")
        second = _whole_steps(p["boundary_2"], "boundary_2(경계 2)")
        if not first < second:
            raise ValueError(
                f"경계 1은 경계 2보다 작아야 합니다 (받은 값: 경계 1 = {first}, 경계 2 = {second}). "
                "경계 1을 줄이거나 경계 2를 늘려 주세요."
            )
        values = [
            rate,
            check_positive(p["middle_rate"], "middle_rate(경계 1 뒤 학습률)"),
            check_positive(p["final_rate"], "final_rate(경계 2 뒤 학습률)"),
        ]
        return _optim.PiecewiseConstantDecay([first, second], values)
    if name == "exponential":
        return _optim.ExponentialDecay(
            rate,
            _whole_steps(p["exp_decay_steps"], "exp_decay_steps(감쇠 스텝 수)", minimum=1),
            check_positive(p["exp_decay_rate"], "exp_decay_rate(감쇠율)"),
            staircase=check_flag(p["exp_staircase"], "exp_staircase(계단식)"),
        )
    if name == "polynomial":
        return _optim.PolynomialDecay(
            rate,
            _whole_steps(p["poly_decay_steps"], "poly_decay_steps(감쇠 스텝 수)", minimum=1),
            end_learning_rate=check_nonnegative(p["poly_end_rate"], "poly_end_rate(끝 학습률)"),
            power=check_positive(p["poly_power"], "poly_power(거듭제곱)"),
            cycle=check_flag(p["poly_cycle"], "poly_cycle(되풀이)"),
        )
    if name == "cosine":
        decay_steps = _whole_steps(p["cos_decay_steps"], "cos_decay_steps(감쇠 스텝 수)", minimum=1)
        alpha = check_in_range(p["cos_alpha"], "cos_alpha(끝 비율 α)", 0.0, 1.0,
                               high_inclusive=True)
        warmup = _whole_steps(p["cos_warmup_steps"], "cos_warmup_steps(워밍업 스텝 수)")
        if warmup == 0:
            return _optim.CosineDecay(rate, decay_steps, alpha=alpha)
        return _optim.CosineDecay(
            0.0, decay_steps, alpha=alpha, warmup_target=rate, warmup_steps=warmup
        )
    return _optim.InverseTimeDecay(
        rate,
        _whole_steps(p["inv_decay_steps"], "inv_decay_steps(감쇠 스텝 수)", minimum=1),
        check_nonnegative(p["inv_decay_rate"], "inv_decay_rate(감쇠율)"),
        staircase=check_flag(p["inv_staircase"], "inv_staircase(계단식)"),
    )


def _whole_steps(value, name: str, minimum: int = 0) -> int:
    return check_positive_int(value, name, minimum=minimum)


def syllabus_schedules() -> dict:
    """강의 개요(8강)의 세 스케줄: {한국어 이름: dl.optim 스케줄 객체}."""
    return {
        SCHEDULE_LABELS["piecewise"]: _optim.PiecewiseConstantDecay([700, 900], [0.1, 0.05, 0.01]),
        SCHEDULE_LABELS["exponential"]: _optim.ExponentialDecay(0.1, 500, 0.5),
        SCHEDULE_LABELS["polynomial"]: _optim.PolynomialDecay(0.1, 900, 0.01, power=0.5),
    }


def syllabus_table(steps: Sequence[int] = TABLE_STEPS, schedules: Mapping | None = None) -> str:
    """스케줄들의 학습률을 몇몇 스텝에서 계산해 한국어 표(글자)로 만듭니다.

    steps: 보여 줄 스텝 (0 이상의 정수). schedules: {이름: 스케줄} (None이면 강의 개요의
    세 스케줄). 학습률은 유효숫자 네 자리로 적습니다. 노트북에서 print()로 보여 주세요.
    """
    if schedules is None:
        schedules = syllabus_schedules()
    if not isinstance(schedules, Mapping) or not schedules:
        raise TypeError("schedules에는 {이름: 스케줄} 사전을 하나 이상 넣어야 합니다.")
    if isinstance(steps, (str, bytes)) or not isinstance(steps, Sequence) or not steps:
        raise TypeError(f"steps에는 스텝 번호의 목록을 넣어야 합니다 (받은 값: {steps!r}).")
    checked = []
    for step in steps:
        if isinstance(step, bool) or not isinstance(step, Integral) or step < 0:
            raise ValueError(f"steps에는 0 이상의 정수만 넣을 수 있습니다 (받은 값: {step!r}).")
        checked.append(int(step))
    header = ["스텝", *(str(name) for name in schedules)]
    rows = [
        [str(step), *(f"{float(schedule(step)):.4g}" for schedule in schedules.values())]
        for step in checked
    ]
    lines = text_table(header, rows, right=range(len(header)))
    return "학습률 스케줄: 스텝마다의 학습률 η\n" + "\n".join(lines)


# ---------------------------------------------------------------------------
# 계산
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduleResult:
    """run()의 결과: 숫자와 문장만 담습니다.

    schedule, label         고른 스케줄의 이름과 한국어 이름
    steps (T+1,)            0, 1, ..., T (T = 1000)
    rates (T+1,)            고른 스케줄의 η(t)
    all_rates (5, T+1)      SCHEDULES 순서로 다섯 스케줄의 η(t) (같은 인자)
    constant_rate           비교용 상수 학습률 η₀
    distance_constant (T+1,)  상수 학습률일 때 ‖x(t) − x*‖ (발산 뒤는 NaN)
    distance_schedule (T+1,)  스케줄을 쓸 때 ‖x(t) − x*‖
    tail_constant, tail_schedule   마지막 100스텝의 평균 거리
    noise, seed             기울기 잡음의 표준편차 σ와 시드
    diverged                어느 한쪽이라도 발산했는지
    message                 그림에 띄울 한국어 문장 (없으면 None)
    """

    schedule: str
    label: str
    steps: np.ndarray
    rates: np.ndarray
    all_rates: np.ndarray
    constant_rate: float
    distance_constant: np.ndarray
    distance_schedule: np.ndarray
    tail_constant: float
    tail_schedule: float
    noise: float
    seed: int
    diverged: bool
    message: str | None


def _noisy_descent(rates: np.ndarray, noise: np.ndarray) -> tuple[np.ndarray, int | None]:
    """x(t+1) = x(t) − η(t) (∇J(x(t)) + 잡음(t)), J는 1강의 이차 함수. 거리 ‖x(t)‖를 돌려줍니다.

    스텝 1000개를 빨리 돌리려고 파이썬 실수로 계산합니다. 기울기 식은 dl.surfaces의
    이차 함수(formula_gradient)를 그대로 부릅니다. |x|가 1e6을 넘으면 멈추고 그 뒤는 NaN입니다.
    """
    gradient = _surfaces.QUADRATIC.formula_gradient
    x1, x2 = _START
    distances = [math.hypot(x1, x2)]
    diverged_at = None
    for t, (rate, (n1, n2)) in enumerate(zip(rates.tolist(), noise.tolist(), strict=True)):
        g1, g2 = gradient(x1, x2)
        x1 -= rate * (g1 + n1)
        x2 -= rate * (g2 + n2)
        if not (abs(x1) <= _BOUND and abs(x2) <= _BOUND):  # NaN도 여기서 걸립니다
            diverged_at = t + 1
            break
        distances.append(math.hypot(x1, x2))
    result = np.full(len(rates) + 1, np.nan)
    result[: len(distances)] = distances
    return result, diverged_at


def run(**params) -> ScheduleResult:
    """학습률 스케줄의 η(t)와, 그 스케줄로 잡음 섞인 기울기를 따라간 거리를 계산합니다.

    인자는 DEFAULTS와 같은 이름입니다 (빠진 것은 DEFAULTS): schedule(스케줄 이름),
    initial_rate(η₀), 스케줄마다의 인자, noise(기울기 잡음의 표준편차 σ, 0 이상),
    seed(시드). 잡음 ξ(t)는 np.random.default_rng(seed).standard_normal((1000, 2))의 t번째
    행이고, 비교용 실행은 같은 잡음에 상수 학습률 η₀를 씁니다. 시작점은 1강의 x(0) = [−5, 4]
    입니다. 발산해도 예외를 내지 않고 diverged와 message에 적습니다.
    """
    check_setting_names(params, list(DEFAULTS))
    settings = {**DEFAULTS, **params}
    name = choose(settings["schedule"], SCHEDULES, "학습률 스케줄")
    noise = check_nonnegative(settings["noise"], "noise(기울기 잡음 σ)")
    seed = check_seed(settings["seed"])
    built = {
        key: make_schedule(
            key,
            **{p: settings[p] for p in ("initial_rate", *SCHEDULE_PARAMETERS[key])},
        )
        for key in SCHEDULES
    }
    steps = np.arange(_STEPS + 1)
    all_rates = np.vstack([built[key](steps) for key in SCHEDULES])
    rates = all_rates[SCHEDULES.index(name)]
    constant = float(settings["initial_rate"])

    rng = np.random.default_rng(seed)
    kicks = noise * rng.standard_normal((_STEPS, 2))
    distance_constant, broke_constant = _noisy_descent(np.full(_STEPS, constant), kicks)
    distance_schedule, broke_schedule = _noisy_descent(rates[:_STEPS], kicks)
    tail_constant = float(np.mean(distance_constant[-_TAIL:]))
    tail_schedule = float(np.mean(distance_schedule[-_TAIL:]))

    problems = []
    if broke_constant is not None:
        problems.append(f"상수 학습률 {constant:.3g} (스텝 {broke_constant})")
    if broke_schedule is not None:
        problems.append(f"{SCHEDULE_LABELS[name]} (스텝 {broke_schedule})")
    message = None
    if problems:
        message = (
            f"발산했습니다 (|x| > 1e6): {', '.join(problems)}.\n"
            "처음 학습률 η₀를 줄여 보세요. 이 곡면에서는 η > 0.45이면 발산합니다."
        )
    return ScheduleResult(
        schedule=name,
        label=SCHEDULE_LABELS[name],
        steps=read_only(steps),
        rates=read_only(rates),
        all_rates=read_only(all_rates),
        constant_rate=constant,
        distance_constant=read_only(distance_constant),
        distance_schedule=read_only(distance_schedule),
        tail_constant=tail_constant,
        tail_schedule=tail_schedule,
        noise=noise,
        seed=seed,
        diverged=bool(problems),
        message=message,
    )


# ---------------------------------------------------------------------------
# 그림
# ---------------------------------------------------------------------------

_COLORS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7")  # Okabe–Ito
_LINESTYLES = ("-", "--", "-.", ":", (0, (6, 2)))


def _moving_average(values: np.ndarray, window: int = 25) -> np.ndarray:
    """t번째 값 = 스텝 t까지 최근 window개의 평균 (처음에는 있는 만큼만). NaN은 뒤로 퍼집니다."""
    sums = np.concatenate([[0.0], np.cumsum(values)])
    ends = np.arange(1, len(values) + 1)
    starts = np.maximum(ends - window, 0)
    return (sums[ends] - sums[starts]) / (ends - starts)


def _tail_text(value: float) -> str:
    return "발산" if not math.isfinite(value) else f"{value:.3g}"


class _ScheduleView:
    """위: 학습률 η(t) (다섯 스케줄, 고른 것은 굵게). 아래: 최솟값까지의 거리 ‖x(t)‖.

    그리기를 가볍게 하려고 범례(legend) 대신 글자 한두 줄로 선을 설명합니다.
    """

    def __init__(self, fig=None) -> None:
        from matplotlib.ticker import LogLocator, MaxNLocator, NullLocator

        from .. import viz

        self._viz = viz
        fig, (ax_rate, ax_dist) = figure_and_axes(fig, 2, 1, figsize=(8.0, 5.2))
        self.figure = fig
        self.ax_rate, self.ax_dist = ax_rate, ax_dist
        self.rate_lines = {}
        for i, name in enumerate(SCHEDULES):
            (self.rate_lines[name],) = ax_rate.plot(
                [], [], color=_COLORS[i], linestyle=_LINESTYLES[i], label=SCHEDULE_LABELS[name]
            )
        self.constant_rate = ax_rate.axhline(
            0.1, color=viz.GREY, lw=1.2, linestyle=(0, (2, 2)), label="상수 학습률 η₀"
        )
        ax_rate.set_ylabel(viz.LABELS["learning_rate"] + " η")
        ax_rate.yaxis.set_major_locator(MaxNLocator(nbins=4))
        self.title = ax_rate.set_title("", fontsize=11, y=1.0)
        ax_rate.text(
            0.01, 0.04, "굵은 선: 고른 스케줄   흐린 선: 다른 스케줄   회색 점선: 상수 η₀",
            transform=ax_rate.transAxes, ha="left", va="bottom", fontsize=8, color="#444444",
        )

        # 흐린 선: 스텝마다의 거리, 굵은 선: 최근 25스텝의 이동 평균 (흔들림의 크기가 잘 보입니다)
        (self.constant_line,) = ax_dist.plot([], [], color=viz.GREY, lw=0.7, alpha=0.45)
        (self.schedule_line,) = ax_dist.plot([], [], lw=0.7, alpha=0.45)
        (self.constant_mean,) = ax_dist.plot([], [], color=viz.GREY, lw=2.0)
        (self.schedule_mean,) = ax_dist.plot([], [], lw=2.0)
        ax_dist.set_yscale("log")
        ax_dist.yaxis.set_major_locator(LogLocator(numticks=5))
        ax_dist.yaxis.set_minor_locator(NullLocator())
        ax_dist.set_xlabel(viz.LABELS["step"])
        ax_dist.set_ylabel("최솟값까지의 거리 ‖x(t)‖")
        for ax in (ax_rate, ax_dist):
            ax.set_xlim(0, _STEPS)
            ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
        ax_rate.tick_params(labelbottom=False)
        ax_dist.axvspan(_STEPS - _TAIL, _STEPS, color=viz.GREY, alpha=0.12, lw=0)
        box = {"boxstyle": "round,pad=0.25", "facecolor": "white", "alpha": 0.85, "lw": 0}
        self.constant_text = ax_dist.text(
            0.99, 0.95, "", transform=ax_dist.transAxes, ha="right", va="top", fontsize=8.5,
            color="#555555", bbox=box,
        )
        self.schedule_text = ax_dist.text(
            0.99, 0.80, "", transform=ax_dist.transAxes, ha="right", va="top", fontsize=8.5,
            bbox=box,
        )

    def show(self, result: ScheduleResult) -> None:
        steps = result.steps
        for i, name in enumerate(SCHEDULES):
            line = self.rate_lines[name]
            line.set_data(steps, result.all_rates[i])
            selected = name == result.schedule
            line.set_linewidth(2.6 if selected else 1.1)
            line.set_linestyle("-" if selected else _LINESTYLES[i])
            line.set_alpha(1.0 if selected else 0.35)
            line.set_zorder(4 if selected else 2)
        self.constant_rate.set_ydata([result.constant_rate, result.constant_rate])
        top = max(float(np.nanmax(result.all_rates)), result.constant_rate)
        self.ax_rate.set_ylim(0, top * 1.15)
        self.title.set_text(f"학습률 스케줄: {result.label}")

        color = _COLORS[SCHEDULES.index(result.schedule)]
        self.schedule_line.set_color(color)
        self.schedule_mean.set_color(color)
        self.constant_line.set_data(steps, result.distance_constant)
        self.schedule_line.set_data(steps, result.distance_schedule)
        self.constant_mean.set_data(steps, _moving_average(result.distance_constant))
        self.schedule_mean.set_data(steps, _moving_average(result.distance_schedule))
        self.constant_text.set_text(
            f"━ 상수 학습률 {result.constant_rate:.3g}: 마지막 {_TAIL}스텝 평균 거리 "
            f"{_tail_text(result.tail_constant)}"
        )
        self.schedule_text.set_text(
            f"━ {result.label}: 마지막 {_TAIL}스텝 평균 거리 {_tail_text(result.tail_schedule)}"
        )
        self.schedule_text.set_color(color)
        both = np.concatenate([result.distance_constant, result.distance_schedule])
        limits = curve_limits(both, log=True, floor=1e-6)
        if limits is not None:
            self.ax_dist.set_ylim(*limits)
        if result.message is not None:
            self._viz.show_message(self.ax_dist, result.message, kind="error")


def plot(result: ScheduleResult, fig=None):
    """run()의 결과를 그립니다: 위는 학습률 η(t), 아래는 최솟값까지의 거리.

    fig를 주면 그 그림을 비우고 다시 그립니다. matplotlib Figure를 돌려줍니다.
    """
    check_result(result, ScheduleResult, "schedules.run()")
    view = _ScheduleView(fig)
    view.show(result)
    return view.figure


# ---------------------------------------------------------------------------
# 탐색기
# ---------------------------------------------------------------------------


def _controls(settings: dict) -> dict:
    from .. import viz

    s = settings
    return {
        "schedule": viz.dropdown(
            "학습률 스케줄", {label: name for name, label in SCHEDULE_LABELS.items()},
            s["schedule"],
        ),
        "initial_rate": viz.log_slider(
            "처음 학습률 η₀", 1e-3, 1.0, s["initial_rate"], tooltip="initial_learning_rate"
        ),
        "boundary_1": viz.int_slider("경계 1 (스텝)", 0, 1000, s["boundary_1"], step=10,
                                     tooltip="boundaries[0]"),
        "boundary_2": viz.int_slider("경계 2 (스텝)", 0, 1000, s["boundary_2"], step=10,
                                     tooltip="boundaries[1]"),
        "middle_rate": viz.log_slider("경계 1 뒤 학습률", 1e-4, 1.0, s["middle_rate"],
                                      tooltip="values[1]"),
        "final_rate": viz.log_slider("경계 2 뒤 학습률", 1e-4, 1.0, s["final_rate"],
                                     tooltip="values[2]"),
        "exp_decay_steps": viz.int_slider("감쇠 스텝 수", 50, 1000, s["exp_decay_steps"],
                                          step=50, tooltip="decay_steps"),
        "exp_decay_rate": viz.float_slider("감쇠율 r", 0.05, 1.0, s["exp_decay_rate"],
                                           step=0.05, tooltip="decay_rate"),
        "exp_staircase": viz.toggle("계단식 (staircase)", s["exp_staircase"]),
        "poly_decay_steps": viz.int_slider("감쇠 스텝 수", 50, 1000, s["poly_decay_steps"],
                                           step=50, tooltip="decay_steps"),
        "poly_end_rate": viz.log_slider("끝 학습률", 1e-4, 1.0, s["poly_end_rate"],
                                        tooltip="end_learning_rate"),
        "poly_power": viz.float_slider("거듭제곱 (power)", 0.1, 3.0, s["poly_power"], step=0.1),
        "poly_cycle": viz.toggle("되풀이 (cycle)", s["poly_cycle"]),
        "cos_decay_steps": viz.int_slider("감쇠 스텝 수", 50, 1000, s["cos_decay_steps"],
                                          step=50, tooltip="decay_steps"),
        "cos_alpha": viz.float_slider("끝 비율 α", 0.0, 1.0, s["cos_alpha"], step=0.05,
                                      tooltip="alpha"),
        "cos_warmup_steps": viz.int_slider("워밍업 스텝 수", 0, 500, s["cos_warmup_steps"],
                                           step=10, tooltip="warmup_steps"),
        "inv_decay_steps": viz.int_slider("감쇠 스텝 수", 50, 1000, s["inv_decay_steps"],
                                          step=50, tooltip="decay_steps"),
        "inv_decay_rate": viz.float_slider("감쇠율 r", 0.0, 5.0, s["inv_decay_rate"],
                                           step=0.1, tooltip="decay_rate"),
        "inv_staircase": viz.toggle("계단식 (staircase)", s["inv_staircase"]),
        "noise": viz.float_slider("기울기 잡음 σ", 0.0, 5.0, s["noise"], step=0.1),
    }


def _show_parameters_of(controls: dict, schedule: str) -> None:
    """고른 스케줄의 인자 위젯만 보이고 나머지 스케줄의 인자 위젯은 숨깁니다."""
    for name, params in SCHEDULE_PARAMETERS.items():
        for param in params:
            controls[param].layout.display = None if name == schedule else "none"


def explorer(preset: str | None = None, **overrides):
    """학습률 스케줄 탐색기: 스케줄과 그 인자, 처음 학습률, 기울기 잡음을 바꿔 봅니다.

    preset: PRESETS의 이름 (예: "piecewise", "cosine_warmup"). overrides: DEFAULTS의 이름으로
    설정을 덮어씁니다. 고른 스케줄의 인자 슬라이더만 보입니다 (숨은 스케줄의 인자도 위 칸의
    흐린 곡선에는 쓰입니다). dlcourse.viz.LiveFigure를 돌려줍니다.
    """
    from .. import viz

    settings = merge_settings(DEFAULTS, PRESETS, preset, overrides)
    run(**settings)  # 잘못된 설정은 위젯을 만들기 전에 한국어 오류로 알립니다.
    seed = settings["seed"]
    values = {k: v for k, v in settings.items() if k != "seed"}
    try:
        controls = _controls(values)
    except ValueError as exc:
        raise ValueError(f"탐색기 슬라이더 범위 밖의 설정입니다. {exc}") from None
    _show_parameters_of(controls, values["schedule"])
    view = _ScheduleView()

    def update(**current):
        _show_parameters_of(controls, current["schedule"])
        view.show(run(seed=seed, **current))

    return viz.LiveFigure(view.figure, update, controls)

