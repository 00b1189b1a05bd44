"""1강 탐색기: 경사 하강법(gradient descent)이 곡면을 내려가는 길.

무엇을 보여 주나
----------------
2차원 목적 함수(objective function) J(x₁, x₂)의 등고선 그림(contour plot) 위에
경사 하강법이 지나간 길을 그리고, 오른쪽에는 스텝마다의 J(x(t))를 그립니다.
갱신 규칙은 하나뿐입니다::

    x(t+1) = x(t) − η ∇J(x(t))          η: 학습률(learning rate), t: 갱신 횟수

1강의 예제는 J(x) = x₁² + 2x₂² − x₁x₂, ∇J(x) = [2x₁ − x₂, 4x₂ − x₁], x(0) = [−5, 4]입니다.
η = 0.1이면 x(1) = [−3.6, 1.9], x(2) = [−2.69, 0.78], ..., x(30) ≈ [−0.0161, −0.00665]로
최솟값 (0, 0)에 다가갑니다. η = 0.01은 너무 느리고 (x(30) ≈ [−2.32, 0.606]),
η = 0.5는 발산합니다 (x(30) ≈ [−608, 1468]). 헤세 행렬의 고윳값이 3 ± √2이므로
η가 2/(3 + √2) ≈ 0.45보다 크면 |1 − ηλ| > 1인 방향이 생겨 스텝마다 커집니다.

다른 곡면(dl.surfaces)도 고를 수 있습니다: 길쭉한 그릇, 로젠브록 함수, 안장점(saddle
point)이 있는 안장 함수, 지역 최솟값(local minimum)이 여럿인 여러 골짜기 함수.

쓰는 법
-------
    from dlcourse.labs import descent
    result = descent.run(learning_rate=0.1, steps=30)    # 숫자만 담은 결과
    print(descent.table(result))                          # 1강의 표 (t, x(t), ∇J(x(t)))
    descent.plot(result)                                  # 그림 한 장
    descent.explorer()                                    # 슬라이더와 그림
    descent.explorer(preset="diverges")                   # 강사용 설정 (PRESETS)

발산: 경로가 그림 범위를 벗어나고 J가 시작점보다 커지면(또는 |x|가 1e6을 넘으면)
result.diverged가 True이고 result.message에 "발산했습니다: ..."가 들어갑니다. 그림에서는
경로를 범위의 테두리에서 자르고, 이 문장을 오른쪽 칸(J 곡선) 안에서 곡선이 지나지 않는
아래 구석에 띄웁니다 (축 이름을 가리지 않게).

갱신 시간: 기본 설정에서 학습률 슬라이더를 10번 바꾼 LiveFigure.set_values의 중앙값
(계산 + 다시 그리기 + PNG 만들기, 코어 두 개를 다른 작업과 나눠 쓰는 기계)은 기계가 한가할
때 50~60 ms였습니다 (이 프로세스의 CPU 시간 52~64 ms). 다른 작업이 코어를 함께 쓸 때는
벽시계 시간이 110~140 ms까지 늘었습니다. 시간의 대부분은 matplotlib의 그리기입니다.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from numbers import Integral

import numpy as np

from .. import surfaces as _surfaces
from .._validate import check_int_range, check_positive, check_positive_int
from ._common import (
    LOG_SCALE_SURFACES,
    SURFACE_MATH_TITLES,
    check_result,
    contour_options,
    curve_limits,
    figure_and_axes,
    inside_window,
    merge_settings,
    read_only,
    text_table,
    text_width,
)

__all__ = [
    "DEFAULTS",
    "PRESETS",
    "SURFACE_LABELS",
    "MAX_STEPS",
    "DescentResult",
    "run",
    "table",
    "format_number",
    "format_pair",
    "plot",
    "explorer",
]

MAX_STEPS = 1000
"""run()이 받는 스텝 수의 상한 (탐색기 슬라이더는 0~100)."""

# 드롭다운에 보일 짧은 한국어 이름. 그림 제목에는 곡면의 전체 식(surface.title)을 씁니다.
SURFACE_LABELS = {
    "quadratic": "이차 함수 (1강 예제)",
    "elongated_bowl": "길쭉한 그릇",
    "rosenbrock": "로젠브록 함수",
    "saddle": "안장 함수 (안장점)",
    "multi_minima": "여러 골짜기 함수 (지역 최솟값)",
}

DEFAULTS: dict = {
    "surface": "quadratic",
    "learning_rate": 0.1,
    "steps": 30,
    "start": None,  # None이면 곡면의 기본 시작점 (이차 함수는 [−5, 4])
}

PRESETS: dict[str, dict] = {
    "lesson1_eta_0.1": {
        "surface": "quadratic",
        "learning_rate": 0.1,
        "steps": 30,
        "start": None,
        "설명": "1강의 표와 같은 설정입니다. 30스텝 뒤 x(30) ≈ [−0.0161, −0.00665]로 "
        "최솟값 (0, 0)에 거의 닿는 것을 보세요.",
    },
    "too_small": {
        "surface": "quadratic",
        "learning_rate": 0.01,
        "steps": 30,
        "start": None,
        "설명": "학습률이 너무 작으면 방향은 맞아도 걸음이 작아서, 30스텝 뒤에도 "
        "x(30) ≈ [−2.32, 0.606]으로 최솟값에서 멉니다.",
    },
    "diverges": {
        "surface": "quadratic",
        "learning_rate": 0.5,
        "steps": 30,
        "start": None,
        "설명": "학습률 0.5에서는 x가 스텝마다 골짜기 건너편으로 더 멀리 튀어 발산합니다 "
        "(x(30) ≈ [−608, 1468]). 경로가 그림 범위를 벗어나는 것을 보세요.",
    },
    "saddle": {
        "surface": "saddle",
        "learning_rate": 0.1,
        "steps": 40,
        "start": None,
        "설명": "안장점 (0, 0) 근처에서는 기울기가 거의 0이라 한참 머뭇거리다가, "
        "x₂ 방향으로 빠져나갑니다. 기울기가 0인 점이 늘 최솟값은 아닙니다.",
    },
    "local_minimum": {
        "surface": "multi_minima",
        "learning_rate": 0.3,
        "steps": 50,
        "start": None,
        "설명": "시작점 가까운 지역 최솟값 (0.47, −1.78)에 갇혀, 더 깊은 전역 최솟값 "
        "(1.90, 0.95)에는 가지 못합니다. 시작점을 옮겨 보세요.",
    },
    "rosenbrock": {
        "surface": "rosenbrock",
        "learning_rate": 0.002,
        "steps": 100,
        "start": None,
        "설명": "휘어진 좁은 골짜기입니다. η = 0.002이면 골짜기를 따라 최솟값 (1, 1) 근처까지 "
        "가지만, 0.003으로 조금만 키워도 발산하고 0.001이면 한참 모자랍니다.",
    },
}

_CONTOUR_LEVELS = 14  # 등고선 수 (로그 간격인 곡면; 나머지는 두 개 더, _common.contour_options)
_MESSAGE_WIDTH = 38  # 그림 속 안내 문장 한 줄의 칸 수 (오른쪽 칸의 너비에 맞춤)


# ---------------------------------------------------------------------------
# 계산
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DescentResult:
    """run()의 결과: 숫자와 문장만 담습니다.

    surface, title      곡면 이름과 한국어 제목 (식 포함)
    window              그림 범위 ((x₁ 최소, x₁ 최대), (x₂ 최소, x₂ 최대))
    learning_rate, steps, start   받은 설정 (start는 실제로 쓴 시작점)
    path (n, 2)         x(0), x(1), ..., 발산해서 멈췄으면 그 앞까지
    values (n,)         J(x(t))
    gradients (n, 2)    ∇J(x(t))
    rows (n, 5)         1강의 표: 행마다 (t, x₁, x₂, ∂J/∂x₁, ∂J/∂x₂)
    diverged            발산했는지
    left_window         경로가 그림 범위를 벗어났는지
    message             그림에 띄울 한국어 문장 (없으면 None)
    minima, saddle_points (k, 2)   곡면의 알려진 최솟값과 안장점
    """

    surface: str
    title: str
    window: tuple
    learning_rate: float
    steps: int
    start: np.ndarray
    path: np.ndarray
    values: np.ndarray
    gradients: np.ndarray
    rows: np.ndarray
    diverged: bool
    left_window: bool
    message: str | None
    minima: np.ndarray
    saddle_points: np.ndarray

    @property
    def steps_done(self) -> int:
        """실제로 기록한 갱신 횟수."""
        return len(self.path) - 1

    @property
    def final(self) -> np.ndarray:
        """마지막으로 기록한 점 x(steps_done)."""
        return self.path[-1]


def _surface_name(surface) -> str:
    if isinstance(surface, _surfaces.Surface):
        return surface.name
    return _surfaces.get(surface).name


def run(
    surface: str = "quadratic",
    learning_rate: float = 0.1,
    steps: int = 30,
    start=None,
) -> DescentResult:
    """곡면 surface 위에서 x(t+1) = x(t) − η ∇J(x(t))를 steps번 되풀이합니다.

    surface: 곡면 이름 (quadratic, elongated_bowl, rosenbrock, saddle, multi_minima).
    learning_rate: 학습률 η (0보다 큰 수). steps: 갱신 횟수 (0 이상, 1000 이하).
    start: 시작점 [x₁, x₂] (None이면 곡면의 기본 시작점).

    계산은 dl.surfaces.descend가 합니다. 발산해도 예외를 내지 않고 diverged와 message에
    적습니다: |x|가 1e6을 넘거나, 경로가 그림 범위를 벗어났는데 J가 시작점보다 커졌으면
    발산으로 봅니다. 최솟값이 없는 곡면(안장 함수)에서 범위를 벗어나면 발산이 아니라
    '범위를 벗어났다'는 안내를 적습니다.
    """
    name = _surface_name(surface)
    target = _surfaces.get(name)
    learning_rate = check_positive(learning_rate, "learning_rate(학습률)")
    steps = check_int_range(steps, "steps(스텝 수)", 0, MAX_STEPS)
    start_point = _surfaces.check_start(target, start)

    descent = _surfaces.descend(target, learning_rate=learning_rate, steps=steps, start=start_point)
    path = descent.path
    left_window = bool(not inside_window(path, target.window).all())
    diverged = descent.diverged
    message = descent.message
    if not diverged and left_window:
        last = descent.steps_done
        where = f"x({last}) ≈ [{format_number(path[-1, 0])}, {format_number(path[-1, 1])}]"
        if target.minima and descent.values[-1] > descent.values[0]:
            diverged = True
            message = (
                f"발산했습니다: 경로가 그림 범위를 벗어났고 J가 시작점보다 커졌습니다 ({where}). "
                "학습률을 줄여 보세요."
            )
        elif not target.minima:
            message = (
                f"경로가 그림 범위를 벗어났습니다 ({where}). 이 곡면에는 최솟값이 없어서 "
                "J가 끝없이 작아질 수 있습니다."
            )
        else:
            message = f"경로 일부가 그림 범위 밖을 지나갔습니다 ({where})."

    t = np.arange(len(path), dtype=np.float64)[:, None]
    rows = np.hstack([t, path, descent.gradients])
    return DescentResult(
        surface=name,
        title=target.title,
        window=target.window,
        learning_rate=learning_rate,
        steps=steps,
        start=read_only(start_point),
        path=read_only(path),
        values=read_only(descent.values),
        gradients=read_only(descent.gradients),
        rows=read_only(rows),
        diverged=bool(diverged),
        left_window=left_window,
        message=message,
        minima=read_only(np.array(target.minima, dtype=np.float64).reshape(-1, 2)),
        saddle_points=read_only(np.array(target.saddle_points, dtype=np.float64).reshape(-1, 2)),
    )


# ---------------------------------------------------------------------------
# 1강의 표
# ---------------------------------------------------------------------------


def format_number(value: float) -> str:
    """강의 글이 숫자를 쓰는 방식으로 적습니다: 유효숫자 세 자리, 100 이상은 정수.

    예: −3.6, 0.78, −6.16, 11.2, −0.0161, −0.00665, −608, 1468 (빼기는 '-'로 씁니다).
    아주 크거나(10⁶ 이상) 아주 작은(10⁻⁴ 미만) 수는 1.23e+06처럼 씁니다.
    """
    value = float(value)
    if not math.isfinite(value):
        return "inf" if value > 0 else ("-inf" if value < 0 else "nan")
    size = abs(value)
    if size == 0:
        text = "0"
    elif size >= 1e6 or size < 1e-4:
        text = f"{value:.3g}"
    elif size >= 100:
        text = str(round(value))
    else:
        text = f"{value:.3g}"
    return "0" if text in ("-0", "-0.0") else text


def format_pair(a: float, b: float) -> str:
    """점이나 기울기 [a, b]를 강의 글처럼 적습니다 (format_number 두 개). 예: "[-3.6, 1.9]"."""
    return f"[{format_number(a)}, {format_number(b)}]"


def _table_steps(rows, count: int) -> list[int]:
    """표에 넣을 t들. None이면 0, 1, 2와 마지막, 정수 k면 처음 k개, 목록이면 그 t들."""
    last = count - 1
    if rows is None:
        return sorted({t for t in (0, 1, 2, last) if t <= last})
    if isinstance(rows, Integral) and not isinstance(rows, bool):
        k = check_positive_int(rows, "rows(보여 줄 행 수)")
        return list(range(min(k, count)))
    if isinstance(rows, (str, bytes)) or not isinstance(rows, Iterable):
        raise TypeError(
            "rows에는 None, 정수(처음 몇 행), 또는 t 값의 목록을 넣어야 합니다 "
            f"(받은 값: {rows!r}). 예: rows=[0, 1, 2, 30]"
        )
    chosen = []
    for t in rows:
        if isinstance(t, bool) or not isinstance(t, Integral):
            raise TypeError(f"rows의 t 값은 정수여야 합니다 (받은 값: {t!r}).")
        if not 0 <= t <= last:
            raise ValueError(
                f"rows에 범위 밖의 t가 있습니다: {t}. 기록된 t는 0부터 {last}까지입니다."
            )
        chosen.append(int(t))
    if not chosen:
        raise ValueError("rows가 비어 있습니다. 보여 줄 t를 하나 이상 주세요.")
    return sorted(set(chosen))


def table(result: DescentResult, rows=None) -> str:
    """1강의 표를 글자로 만듭니다: 행마다 t, x(t), ∇J(x(t)).

    rows: None이면 t = 0, 1, 2와 마지막 스텝, 정수 k면 처음 k행, 목록이면 그 t들.
    숫자는 강의 글처럼 적습니다 (format_number 참고). 건너뛴 행은 '⋮'로 표시합니다.
    노트북에서 print(table(result))로 보여 주면 nbval이 출력을 비교합니다.
    """
    check_result(result, DescentResult, "descent.run()")
    steps = _table_steps(rows, len(result.rows))
    header = ("t", "x(t)", "∇J(x(t))")
    body = []
    previous = None
    for t in steps:
        if previous is not None and t > previous + 1:
            body.append(("⋮", "", ""))
        _, x1, x2, g1, g2 = result.rows[t]
        body.append((str(t), format_pair(x1, x2), format_pair(g1, g2)))
        previous = t
    caption = (
        f"경사 하강법: {result.title}, 학습률 η = {format_number(result.learning_rate)}, "
        f"시작점 x(0) = {format_pair(*result.start)}"
    )
    lines = [caption, *text_table(header, body, right=(0,))]
    if result.diverged:
        lines.append(f"({result.message})")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# 그림
# ---------------------------------------------------------------------------


class _DescentView:
    """왼쪽: 등고선 + 경로, 오른쪽: 스텝마다의 J(x(t)). show(result)가 artist만 바꿉니다."""

    def __init__(self, fig=None) -> None:
        from matplotlib.ticker import LogLocator, MaxNLocator, NullLocator

        from .. import viz

        self._viz = viz
        self._log_locator = LogLocator
        self._null_locator = NullLocator
        fig, (ax_path, ax_value) = figure_and_axes(fig, 1, 2, figsize=(8.4, 4.0))
        self.figure = fig
        self.ax_path, self.ax_value = ax_path, ax_value
        self.surface = None
        self.contour = None
        (self.saddles,) = ax_path.plot(
            [], [], ls="none", marker="X", ms=9, color="white", mec=viz.BLACK, mew=1.2,
            zorder=6, label="안장점",
        )
        (self.value_line,) = ax_value.plot([], [], color=viz.VERMILLION, lw=1.8, marker="o", ms=3)
        ax_value.set_xlabel(viz.LABELS["step"] + " t")
        ax_value.set_ylabel("$J(x(t))$")
        ax_value.set_title("목적 함수 값", fontsize=11, y=1.0)
        ax_value.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        # 눈금은 적게, 정수 간격으로: 곡면을 바꿔도 눈금 글자 폭이 거의 같습니다.
        for axis in (ax_path.xaxis, ax_path.yaxis):
            axis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))
        self.readout = ax_value.text(
            0.97, 0.95, "", transform=ax_value.transAxes, ha="right", va="top", fontsize=9,
            linespacing=viz.LINESPACING,
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "alpha": 0.8, "lw": 0},
        )

    def _set_surface(self, result: DescentResult) -> None:
        target = _surfaces.get(result.surface)
        options = contour_options(result.surface, _CONTOUR_LEVELS)
        if self.contour is None:
            self.contour = self._viz.contour_with_path(
                self.ax_path, target.value, target.window, resolution=90,
                minima=result.minima, label="경사 하강 경로", **options,
            )
            contour = self.contour
            handles = [contour.line, contour.start, contour.end, contour.minima, self.saddles]
            # 범례는 그림 아래 한 줄에 둡니다 (등고선과 경로를 가리지 않게).
            self.figure.legend(
                handles=handles, loc="outside lower center", ncols=len(handles), fontsize=9,
                frameon=False, markerscale=0.8,
            )
        else:
            self.contour.set_surface(target.value, target.window, minima=result.minima, **options)
        self.saddles.set_data(result.saddle_points[:, 0], result.saddle_points[:, 1])
        self.ax_path.set_title(
            SURFACE_MATH_TITLES.get(result.surface, result.title), fontsize=10, y=1.0
        )
        ax = self.ax_value
        log = result.surface in LOG_SCALE_SURFACES
        ax.set_yscale("log" if log else "linear")
        if log:
            ax.yaxis.set_major_locator(self._log_locator(numticks=6))
            ax.yaxis.set_minor_locator(self._null_locator())
        self.log_values = log
        self.surface = result.surface

    def show(self, result: DescentResult) -> None:
        if result.surface != self.surface:
            self._set_surface(result)
        self.contour.update_path(result.path)
        values = np.array(result.values, dtype=np.float64)
        if self.log_values:
            values = np.where(values > 0, values, np.nan)
        self.value_line.set_data(np.arange(len(values)), values)
        ax = self.ax_value
        ax.set_xlim(0, max(result.steps, 1))
        limits = curve_limits(values, log=self.log_values)
        if limits is not None:
            ax.set_ylim(*limits)
        t = result.steps_done
        x1, x2 = result.final
        self.readout.set_text(
            f"η = {format_number(result.learning_rate)}\n"
            f"x({t}) = {format_pair(x1, x2)}\nJ = {format_number(result.values[-1])}"
        )
        if result.message is not None:
            self._show_message(result)

    def _show_message(self, result: DescentResult) -> None:
        """안내 문장을 오른쪽 칸 안, 곡선이 지나지 않는 아래 구석에 띄웁니다.

        J가 커졌으면(발산) 곡선이 왼쪽 아래에서 오른쪽 위로 가므로 오른쪽 아래에, 줄었으면
        왼쪽 위에서 내려오므로 왼쪽 아래에 둡니다. 칸 안에 두므로 축 이름을 가리지 않습니다.
        """
        kind = "error" if result.diverged else "info"
        rose = result.values[-1] > result.values[0]
        self._viz.show_message(
            self.ax_value, _wrap(result.message, width=_MESSAGE_WIDTH), kind=kind,
            loc="lower right" if rose else "lower left",
        )



def _wrap(text: str, width: int = 60) -> str:
    """긴 한국어 문장을 그림 안 상자에 맞게 낱말 사이에서 줄을 나눕니다."""
    lines, current = [], ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate) > width and current:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return "\n".join(lines)


def plot(result: DescentResult, fig=None):
    """run()의 결과를 그림으로 그립니다: 왼쪽 등고선과 경로, 오른쪽 J(x(t)).

    fig를 주면 그 그림을 비우고 다시 그립니다. matplotlib Figure를 돌려줍니다.
    """
    check_result(result, DescentResult, "descent.run()")
    view = _DescentView(fig)
    view.show(result)
    return view.figure


# ---------------------------------------------------------------------------
# 탐색기
# ---------------------------------------------------------------------------


def _slider_step(low: float, high: float) -> float:
    return 0.05 if high - low <= 20 else 0.1


def _retarget(slider, low: float, high: float, value: float) -> None:
    """슬라이더의 범위와 값을 함께 바꿉니다 (최솟값 > 최댓값이 되는 순간이 없게)."""
    slider.min = min(slider.min, low)
    slider.max = max(slider.max, high)
    slider.value = value
    slider.min = low
    slider.max = high
    slider.step = _slider_step(low, high)


def explorer(preset: str | None = None, **overrides):
    """경사 하강법 탐색기: 학습률 η, 스텝 수, 시작점, 곡면을 바꾸며 경로를 봅니다.

    preset: PRESETS의 이름 (예: "diverges", "saddle", "local_minimum").
    overrides: run()의 인자 (surface, learning_rate, steps, start)로 설정을 덮어씁니다.
    곡면을 바꾸면 시작점 슬라이더의 범위가 그 곡면의 그림 범위로 바뀌고, 시작점은
    그 곡면의 기본 시작점으로 돌아갑니다. dlcourse.viz.LiveFigure를 돌려줍니다.
    """
    from .. import viz

    settings = merge_settings(DEFAULTS, PRESETS, preset, overrides)
    first = run(**settings)  # 잘못된 설정은 위젯을 만들기 전에 한국어 오류로 알립니다.
    target = _surfaces.get(first.surface)
    (x_low, x_high), (y_low, y_high) = target.window
    x1, x2 = (float(v) for v in first.start)
    if not (x_low <= x1 <= x_high and y_low <= x2 <= y_high):
        raise ValueError(
            f"탐색기의 시작점은 그림 범위 {target.window} 안에 있어야 합니다 "
            f"(받은 값: [{x1}, {x2}])."
        )
    steps = first.steps
    if steps > 100:
        raise ValueError(f"탐색기의 스텝 수는 0~100입니다 (받은 값: {steps}).")
    learning_rate = first.learning_rate
    if not 1e-3 <= learning_rate <= 1.0:
        raise ValueError(
            f"탐색기의 학습률 η는 0.001~1 범위입니다 (받은 값: {learning_rate})."
        )
    controls = {
        "surface": viz.dropdown(
            "곡면", {label: name for name, label in SURFACE_LABELS.items()}, first.surface
        ),
        "learning_rate": viz.log_slider(
            "학습률 η", 1e-3, 1.0, learning_rate, tooltip="learning rate"
        ),
        "steps": viz.int_slider("스텝 수 (0~100)", 0, 100, steps),
        "x1": viz.float_slider(
            "시작점 x₁", x_low, x_high, x1, step=_slider_step(x_low, x_high)
        ),
        "x2": viz.float_slider(
            "시작점 x₂", y_low, y_high, x2, step=_slider_step(y_low, y_high)
        ),
    }
    view = _DescentView()
    shown = {"surface": first.surface, "start": (x1, x2)}

    def update(surface, learning_rate, steps, x1, x2):
        if surface != shown["surface"]:
            new = _surfaces.get(surface)
            (a_low, a_high), (b_low, b_high) = new.window
            moved = (x1, x2) != shown["start"]
            if not (moved and a_low <= x1 <= a_high and b_low <= x2 <= b_high):
                x1, x2 = (float(v) for v in new.default_start)
            _retarget(controls["x1"], a_low, a_high, x1)
            _retarget(controls["x2"], b_low, b_high, x2)
        shown["surface"], shown["start"] = surface, (x1, x2)
        view.show(run(surface=surface, learning_rate=learning_rate, steps=steps, start=(x1, x2)))

    return viz.LiveFigure(view.figure, update, controls)
