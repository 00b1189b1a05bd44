"""강의 그림 도우미: 등고선과 경로, 층별 막대, 손실 곡선, 결정 경계, 히스토그램.

모든 도우미는 이미 있는 축(ax)에 그리고, 그린 것(artist)을 쥔 작은 객체를
돌려줍니다. 위젯이 값을 바꿀 때는 그림을 새로 만들지 말고 그 객체의 update를
부르세요. 막대 높이, 선의 점 같은 것만 바꾸므로 다시 그리기가 빠릅니다.

    fig, (ax1, ax2) = new_figure(1, 2)
    bars = layer_bars(ax1, grad_norms)          # 처음 한 번
    bars.update(new_grad_norms)                 # 슬라이더를 움직일 때마다
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap, ListedColormap
from matplotlib.ticker import LogLocator

from .._validate import as_float_array, check_positive_int
from .font import prepare_axes
from .style import (
    BLACK,
    BLUE,
    DEAD_STYLE,
    LABELS,
    PALETTE,
    VERMILLION,
    YELLOW,
)

__all__ = [
    "Window",
    "clip_path_to_window",
    "contour_with_path",
    "ContourPath",
    "layer_bars",
    "LayerBars",
    "decade_limits",
    "loss_curve",
    "LossCurve",
    "decision_boundary",
    "DecisionBoundary",
    "histograms",
    "Histograms",
]

Window = tuple[tuple[float, float], tuple[float, float]]
"""그림 범위 ((x₁ 최소, x₁ 최대), (x₂ 최소, x₂ 최대)). dlcourse.surfaces의 window와 같은 모양."""


def _as_window(window) -> Window:
    try:
        (x_low, x_high), (y_low, y_high) = window
        box = ((float(x_low), float(x_high)), (float(y_low), float(y_high)))
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"범위(window)는 ((x₁ 최소, x₁ 최대), (x₂ 최소, x₂ 최대)) 모양이어야 합니다 "
            f"(받은 값: {window!r})."
        ) from exc
    for low, high in box:
        if not (np.isfinite(low) and np.isfinite(high) and low < high):
            raise ValueError(
                f"범위(window)의 각 축은 유한한 두 수 (최소, 최대)이고 최소 < 최대여야 합니다 "
                f"(받은 값: {window!r})."
            )
    return box


def _as_points(path, name: str) -> np.ndarray:
    points = as_float_array(path, name)
    if points.ndim != 2 or points.shape[1] != 2:
        raise ValueError(
            f"{name}의 모양은 (점 개수, 2)여야 합니다 (받은 모양: {points.shape}). "
            "점 하나마다 [x₁, x₂]를 한 줄로 쌓아 주세요."
        )
    return points


# ---------------------------------------------------------------------------
# 등고선 + 경사 하강 경로
# ---------------------------------------------------------------------------


def clip_path_to_window(path, window) -> tuple[np.ndarray, np.ndarray]:
    """경로(꺾은선)에서 window 안에 들어오는 부분만 남깁니다 (Liang–Barsky 자르기).

    선분 a→b 위의 점은 a + t(b − a), 0 ≤ t ≤ 1 입니다. 축마다
    최소 ≤ a + t·d ≤ 최대 를 만족하는 t의 구간을 구해 교집합 [t_in, t_out]을
    남깁니다. 발산해서 창 밖으로 멀리 나간 점이 있어도, 보이는 부분은 원래
    선분과 같은 방향으로 창의 테두리에서 끊깁니다. NaN이나 inf인 점과 이어진
    선분은 버립니다.

    돌려주는 x, y는 선분마다 [시작, 끝, NaN]이어서 Line2D.set_data에 바로 넣을 수
    있습니다 (NaN은 선을 끊습니다).
    """
    points = _as_points(path, "경로(path)")
    (x_low, x_high), (y_low, y_high) = _as_window(window)
    if len(points) < 2:
        return np.empty(0), np.empty(0)
    start, stop = points[:-1], points[1:]
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        delta = stop - start
        usable = np.isfinite(start).all(axis=1) & np.isfinite(delta).all(axis=1)
        t_in = np.zeros(len(start))
        t_out = np.ones(len(start))
        for axis, (low, high) in enumerate(((x_low, x_high), (y_low, y_high))):
            origin, step = start[:, axis], delta[:, axis]
            moving = step != 0
            t_low = (low - origin) / np.where(moving, step, 1.0)
            t_high = (high - origin) / np.where(moving, step, 1.0)
            inside = (origin >= low) & (origin <= high)
            enter = np.where(moving, np.minimum(t_low, t_high), np.where(inside, -np.inf, np.inf))
            leave = np.where(moving, np.maximum(t_low, t_high), np.where(inside, np.inf, -np.inf))
            t_in = np.maximum(t_in, enter)
            t_out = np.minimum(t_out, leave)
        keep = usable & (t_in <= t_out)
        seg_start = start[keep] + t_in[keep, None] * delta[keep]
        seg_stop = start[keep] + t_out[keep, None] * delta[keep]
    triples = np.stack([seg_start, seg_stop, np.full_like(seg_start, np.nan)], axis=1)
    triples = triples.reshape(-1, 2)
    return triples[:, 0], triples[:, 1]


def _contour_levels(values: np.ndarray, levels, log_levels: bool) -> np.ndarray:
    if not isinstance(levels, int):
        return np.sort(as_float_array(levels, "등고선 값(levels)").ravel())
    count = check_positive_int(levels, "등고선 개수(levels)", minimum=2)
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        raise ValueError("등고선을 그릴 수 없습니다: 범위 안의 함숫값이 모두 NaN이나 inf입니다.")
    low, high = float(finite.min()), float(finite.max())
    if high <= low:
        high = low + 1.0
    if log_levels:
        # 최솟값 위로 로그 간격: low + span·10^(-3 … 0). 좁은 골짜기 바닥도 보입니다.
        span = high - low
        return low + np.geomspace(span * 1e-3, span, count)
    return np.linspace(low, high, count + 2)[1:-1]


class ContourPath:
    """2차원 함수의 등고선과 그 위의 경사 하강 경로 (contour_with_path가 만듭니다).

    artist: contour(색칠한 등고선 영역, filled=False면 None), lines(등고선),
    line(경로 선), points(스텝마다 찍는 점), start(시작점), end(끝점),
    minima(알려진 최솟값). update_path로 경로만 바꾸고, set_surface로 함수나 범위를
    바꿉니다.
    """

    def __init__(
        self,
        ax: Axes,
        f: Callable[[np.ndarray], np.ndarray],
        window,
        path=None,
        *,
        levels: int | Sequence[float] = 15,
        log_levels: bool = False,
        resolution: int = 120,
        cmap: str = "viridis",
        filled: bool = True,
        minima=(),
        color: str = VERMILLION,
        label: str | None = None,
    ) -> None:
        self.ax = prepare_axes(ax)
        self.resolution = check_positive_int(resolution, "격자 해상도(resolution)", minimum=8)
        self.cmap = cmap
        self.filled = filled
        self.contour = None
        self.lines = None
        (self.line,) = ax.plot(
            [], [], color=color, lw=1.8, solid_capstyle="round", label=label, zorder=4
        )
        (self.points,) = ax.plot([], [], ls="none", marker="o", ms=3, color=color, zorder=5)
        (self.start,) = ax.plot(
            [],
            [],
            ls="none",
            marker="o",
            ms=9,
            mfc="white",
            mec=BLACK,
            mew=1.5,
            zorder=6,
            label=LABELS["start"],
        )
        (self.end,) = ax.plot(
            [],
            [],
            ls="none",
            marker="*",
            ms=13,
            color=YELLOW,
            mec=BLACK,
            mew=1.0,
            zorder=6,
            label=LABELS["end"],
        )
        (self.minima,) = ax.plot(
            [],
            [],
            ls="none",
            marker="P",
            ms=10,
            color="white",
            mec=BLACK,
            mew=1.2,
            zorder=6,
            label=LABELS["minimum"],
        )
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$")
        self.set_surface(f, window, levels=levels, log_levels=log_levels, minima=minima)
        if path is not None:
            self.update_path(path)

    def set_surface(self, f, window, *, levels=15, log_levels=False, minima=()) -> None:
        """함수 f와 범위를 바꾸고 등고선을 다시 그립니다 (경로는 그대로 둡니다).

        f는 모양 (..., 2)인 점 배열을 받아 모양 (...)인 함숫값을 돌려줘야 합니다
        (예: dlcourse.surfaces의 surface.value).
        """
        if not callable(f):
            raise TypeError(
                f"f는 함수여야 합니다 (받은 자료형: {type(f).__name__}). "
                "점 배열 (..., 2)을 받아 함숫값을 돌려주는 함수를 넘겨 주세요."
            )
        self.window = _as_window(window)
        (x_low, x_high), (y_low, y_high) = self.window
        xs = np.linspace(x_low, x_high, self.resolution)
        ys = np.linspace(y_low, y_high, self.resolution)
        grid_x, grid_y = np.meshgrid(xs, ys)
        with np.errstate(over="ignore", invalid="ignore"):
            values = np.asarray(f(np.stack([grid_x, grid_y], axis=-1)), dtype=float)
        if values.shape != grid_x.shape:
            raise ValueError(
                f"f가 돌려준 값의 모양이 {values.shape}입니다. 점 배열 모양 (..., 2)을 받아 "
                f"모양 (...)인 배열, 여기서는 {grid_x.shape}을 돌려줘야 합니다."
            )
        level_values = _contour_levels(values, levels, log_levels)
        masked = np.ma.masked_invalid(values)
        for old in (self.contour, self.lines):
            if old is not None:
                old.remove()
        self.contour = None
        if self.filled:
            self.contour = self.ax.contourf(
                grid_x,
                grid_y,
                masked,
                levels=level_values,
                cmap=self.cmap,
                alpha=0.35,
                extend="both",
                zorder=1,
            )
        self.lines = self.ax.contour(
            grid_x, grid_y, masked, levels=level_values, cmap=self.cmap, linewidths=0.8, zorder=2
        )
        minima = np.asarray(minima, dtype=float).reshape(-1, 2)
        self.minima.set_data(minima[:, 0], minima[:, 1])
        self.ax.set_xlim(x_low, x_high)
        self.ax.set_ylim(y_low, y_high)

    def update_path(self, path) -> None:
        """경로(모양 (n, 2))를 바꿉니다. 창 밖 부분은 잘라 내고 축 범위는 그대로 둡니다."""
        points = _as_points(path, "경로(path)")
        line_x, line_y = clip_path_to_window(points, self.window)
        self.line.set_data(line_x, line_y)
        (x_low, x_high), (y_low, y_high) = self.window
        inside = (
            np.isfinite(points).all(axis=1)
            & (points[:, 0] >= x_low)
            & (points[:, 0] <= x_high)
            & (points[:, 1] >= y_low)
            & (points[:, 1] <= y_high)
        )
        self.points.set_data(points[inside, 0], points[inside, 1])
        first = np.flatnonzero(inside[:1])  # 시작점이 창 안에 있으면 [0], 아니면 []
        self.start.set_data(points[first, 0], points[first, 1])
        last = np.flatnonzero(np.isfinite(points).all(axis=1))[-1:]  # 마지막 유한한 점
        last = last[inside[last]]
        self.end.set_data(points[last, 0], points[last, 1])


def contour_with_path(ax: Axes, f, window, path=None, **options) -> ContourPath:
    """f의 등고선을 window 범위에 그리고, 그 위에 경로 path를 그립니다.

    f: 점 배열 (..., 2) → 함숫값 (...). window: ((x₁ 최소, x₁ 최대), (x₂ 최소, x₂ 최대)).
    path: 반복마다의 점 x(0), x(1), ... 을 쌓은 모양 (n, 2) 배열 (없어도 됩니다).
    options: levels(개수나 값 목록), log_levels(최솟값 위 로그 간격), resolution,
    cmap, filled, minima(표시할 최솟값 점들), color, label.
    돌려받은 객체의 update_path(path)로 경로를 바꿉니다.
    """
    return ContourPath(ax, f, window, path, **options)


# ---------------------------------------------------------------------------
# 층별 막대 (예: 층마다 기울기 노름)
# ---------------------------------------------------------------------------


def decade_limits(*series) -> tuple[float, float] | None:
    """양수 값들을 담는 10의 거듭제곱 경계 (10^⌊log₁₀ 최소⌋, 10^⌈log₁₀ 최대⌉).

    series: 값 배열 하나 이상 (모두 합쳐서 봅니다). 양수이고 유한한 값이 없으면 None입니다.
    예: decade_limits([0.03, 2.0]) → (0.01, 10.0). 두 경계는 적어도 한 자릿수 떨어져 있습니다.
    """
    values = np.concatenate([np.ravel(np.asarray(s, dtype=np.float64)) for s in series])
    positive = values[np.isfinite(values) & (values > 0)]
    if positive.size == 0:
        return None
    low = 10.0 ** np.floor(np.log10(positive.min()))
    high = 10.0 ** np.ceil(np.log10(positive.max()))
    if high <= low:
        high = low * 10.0
    return float(low), float(high)


def _check_ylim(ylim) -> tuple[float, float]:
    try:
        low, high = (float(v) for v in ylim)
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"ylim은 (아래, 위) 두 수여야 합니다 (받은 값: {ylim!r}). 예: ylim=(1e-6, 1.0)"
        ) from exc
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise ValueError(
            f"ylim은 유한한 두 수이고 아래 < 위여야 합니다 (받은 값: ({low}, {high}))."
        )
    return low, high


class LayerBars:
    """층마다 값 하나를 막대로 보여 줍니다 (layer_bars가 만듭니다).

    update(values)는 막대 높이만 바꿉니다. 층 수가 바뀌면 막대를 새로 만듭니다.
    update(values, ylim=(아래, 위))는 y 범위를 그 값으로 고정합니다 (다음 update에도 그대로).
    두 신경망을 같은 잣대로 비교하려면 decade_limits(값1, 값2)로 범위를 구해 넘기세요.
    inf나 NaN인 값은 축 끝까지 닿는 빗금 친 빨간 막대(DEAD_STYLE)로 그립니다.
    로그 축에서 0 이하인 값은 그릴 수 없으므로 빈 칸으로 남습니다.
    """

    def __init__(
        self,
        ax: Axes,
        values,
        *,
        log: bool = True,
        labels: Sequence[str] | None = None,
        color: str = BLUE,
        xlabel: str = LABELS["layer"],
        ylabel: str = LABELS["grad_norm"],
        ylim: tuple[float, float] | None = None,
    ) -> None:
        self.ax = prepare_axes(ax)
        self.log = log
        self.color = color
        self.fixed_ylim = ylim
        self.labels = labels
        self.bars = None
        ax.set_yscale("log" if log else "linear")
        # y 범위는 update가 정합니다. 높이 0인 새 막대로 자동 범위를 잡지 않게 합니다.
        ax.set_ylim(*(ylim or ((1e-3, 1.0) if log else (0.0, 1.0))))
        ax.set_autoscaley_on(False)
        # y 범위가 늘 10의 거듭제곱 경계라 큰 눈금만으로 읽을 수 있습니다. 작은 눈금은
        # 여러 자릿수에 걸치면 수십 개가 되어 그리기 시간을 크게 늘리므로 끕니다.
        ax.minorticks_off()
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.grid(axis="x", visible=False)
        self.update(values)

    def update(self, values, ylim: tuple[float, float] | None = None) -> None:
        """막대 높이를 values로 바꿉니다 (길이 = 층 수).

        ylim: (아래, 위)를 주면 y 범위를 그 값으로 고정합니다. 주지 않으면 전에 고정한
        범위를 그대로 쓰고, 고정한 적이 없으면 values를 담는 10의 거듭제곱 경계로 맞춥니다.
        """
        values = as_float_array(values, "막대 값(values)", ndim=1)
        if ylim is not None:
            self.fixed_ylim = _check_ylim(ylim)
        if self.bars is None or len(self.bars) != len(values):
            self._rebuild(len(values))
        low, high = self._limits(values)
        for bar, value in zip(self.bars, values, strict=True):
            broken = not np.isfinite(value)
            bar.set_height(high if broken else max(float(value), 0.0))
            bar.set_facecolor(DEAD_STYLE["color"] if broken else self.color)
            bar.set_hatch(DEAD_STYLE["hatch"] if broken else None)
        self.ax.set_ylim(low, high)

    def _rebuild(self, count: int) -> None:
        if self.bars is not None:
            self.bars.remove()
        positions = np.arange(1, count + 1)
        self.bars = self.ax.bar(
            positions, np.zeros(count), color=self.color, edgecolor="white", width=0.8
        )
        labels = self.labels if self.labels is not None else [str(i) for i in positions]
        if len(labels) != count:
            raise ValueError(
                f"막대 이름(labels)이 {len(labels)}개인데 값은 {count}개입니다. 개수를 맞춰 주세요."
            )
        step = max(1, count // 15)  # 층이 많으면 눈금 이름을 건너뛰며 씁니다.
        self.ax.set_xticks(positions[::step], list(labels)[::step])
        self.ax.set_xlim(0.4, count + 0.6)

    def _limits(self, values: np.ndarray) -> tuple[float, float]:
        if self.fixed_ylim is not None:
            return self.fixed_ylim
        if self.log:
            return decade_limits(values) or (1e-3, 1.0)
        finite = values[np.isfinite(values)]
        top = float(finite.max()) * 1.1 if finite.size and finite.max() > 0 else 1.0
        return 0.0, top


def layer_bars(ax: Axes, values, **options) -> LayerBars:
    """층별 값(예: 기울기 노름 ||∂L/∂W||)을 막대그래프로 그립니다. 기본은 로그 축입니다.

    options: log, labels(막대 이름), color, xlabel, ylabel, ylim(고정 범위).
    y 범위를 고정하지 않으면 값들을 담는 10의 거듭제곱 경계로 맞춥니다
    (값이 조금 변할 때 축이 흔들리지 않습니다).
    """
    return LayerBars(ax, values, **options)


# ---------------------------------------------------------------------------
# 손실 곡선
# ---------------------------------------------------------------------------


class LossCurve:
    """스텝마다의 손실을 잇는 선 하나 (loss_curve가 만듭니다). update로 자료를 바꿉니다."""

    def __init__(
        self,
        ax: Axes,
        losses=None,
        steps=None,
        *,
        log: bool = False,
        label: str | None = None,
        color: str | None = None,
        xlabel: str = LABELS["step"],
        ylabel: str = LABELS["loss"],
    ) -> None:
        self.ax = prepare_axes(ax)
        (self.line,) = ax.plot([], [], lw=1.8, color=color, label=label)
        if log:
            ax.set_yscale("log")
            # 작은 눈금은 2와 5에만: 범위가 한 자릿수보다 좁아도 읽을 눈금이 남고,
            # 기본(2~9의 여덟 개)보다 그리기가 빠릅니다.
            ax.yaxis.set_minor_locator(LogLocator(subs=(2.0, 5.0)))
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        if losses is not None:
            self.update(losses, steps)

    def update(self, losses, steps=None) -> None:
        """손실 값(길이 n)과 스텝(없으면 0, 1, ..., n−1)로 선을 바꾸고 축 범위를 맞춥니다.

        inf나 NaN인 손실은 그리지 않습니다 (발산은 show_message로 알려 주세요).
        """
        losses = as_float_array(losses, "손실(losses)", ndim=1)
        steps = (
            np.arange(len(losses))
            if steps is None
            else as_float_array(steps, "스텝(steps)", ndim=1)
        )
        if steps.shape != losses.shape:
            raise ValueError(
                f"스텝(steps)과 손실(losses)의 길이가 다릅니다: {len(steps)}, {len(losses)}."
            )
        self.line.set_data(steps, np.where(np.isfinite(losses), losses, np.nan))
        self.ax.relim()
        self.ax.autoscale_view()


def loss_curve(ax: Axes, losses=None, steps=None, **options) -> LossCurve:
    """손실 곡선을 그립니다. options: log, label, color, xlabel, ylabel.

    한 축에 여러 곡선(예: 훈련/검증, 옵티마이저별)을 그리려면 label을 주고 여러 번
    부른 뒤 ax.legend()를 부르세요.
    """
    return LossCurve(ax, losses, steps, **options)


# ---------------------------------------------------------------------------
# 결정 경계
# ---------------------------------------------------------------------------

_CLASS_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
_TWO_CLASS_CMAP = LinearSegmentedColormap.from_list(
    "two_classes", [PALETTE[0], "white", PALETTE[1]]
)


def _class_labels(y, count: int) -> np.ndarray:
    labels = np.asarray(y)
    if labels.ndim == 2 and labels.shape[1] > 1:  # 원-핫
        labels = labels.argmax(axis=1)
    labels = labels.reshape(-1)
    if len(labels) != count:
        raise ValueError(f"y의 샘플 수({len(labels)})가 X의 샘플 수({count})와 다릅니다.")
    return np.rint(labels).astype(int)


class DecisionBoundary:
    """2차원 입력 분류기의 예측 영역, 경계선, 데이터 점 (decision_boundary가 만듭니다).

    image: 격자 위 예측 (두 클래스면 확률 0~1, 여러 클래스면 가장 큰 클래스),
    boundary: 경계선 (확률 0.5 또는 클래스가 바뀌는 곳), points: 클래스별 점.
    update(predict_fn)는 격자 예측만 다시 계산합니다.
    """

    def __init__(
        self,
        ax: Axes,
        predict_fn: Callable[[np.ndarray], np.ndarray],
        X,
        y,
        *,
        resolution: int = 150,
        padding: float = 0.5,
    ) -> None:
        self.ax = prepare_axes(ax)
        X = _as_points(X, "입력(X)")
        labels = _class_labels(y, len(X))
        self.resolution = check_positive_int(resolution, "격자 해상도(resolution)", minimum=8)
        low = X.min(axis=0) - padding
        high = X.max(axis=0) + padding
        xs = np.linspace(low[0], high[0], self.resolution)
        ys = np.linspace(low[1], high[1], self.resolution)
        self.grid_x, self.grid_y = np.meshgrid(xs, ys)
        self.grid = np.column_stack([self.grid_x.ravel(), self.grid_y.ravel()])
        self.extent = (low[0], high[0], low[1], high[1])
        self.image = None
        self.boundary = None
        self.points = []
        for k in np.unique(labels):
            mask = labels == k
            color = PALETTE[k % len(PALETTE)]
            (points,) = ax.plot(
                X[mask, 0],
                X[mask, 1],
                ls="none",
                marker=_CLASS_MARKERS[k % len(_CLASS_MARKERS)],
                ms=6,
                color=color,
                mec="white",
                mew=0.8,
                zorder=4,
                label=f"{LABELS['class']} {k}",
            )
            self.points.append(points)
        ax.set_xlim(low[0], high[0])
        ax.set_ylim(low[1], high[1])
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$")
        ax.grid(False)
        self.update(predict_fn)

    def update(self, predict_fn) -> None:
        """predict_fn(점 배열 (m, 2)) → 확률 (m,) 또는 (m, 1), 여러 클래스면 (m, k)."""
        scores = np.asarray(predict_fn(self.grid), dtype=float)
        if scores.ndim not in (1, 2) or scores.shape[0] != len(self.grid):
            raise ValueError(
                f"predict_fn이 돌려준 값의 모양이 {scores.shape}입니다. 점 {len(self.grid)}개를 "
                f"넣었으므로 ({len(self.grid)},) 또는 ({len(self.grid)}, 클래스 수)여야 합니다."
            )
        if scores.ndim == 1 or scores.shape[1] == 1:
            field = scores.reshape(self.grid_x.shape)
            cmap = _TWO_CLASS_CMAP
            norm_range, boundary_levels = (0.0, 1.0), [0.5]
        else:
            count = scores.shape[1]
            field = scores.argmax(axis=1).reshape(self.grid_x.shape).astype(float)
            cmap = ListedColormap([PALETTE[k % len(PALETTE)] for k in range(count)])
            norm_range, boundary_levels = (-0.5, count - 0.5), np.arange(count - 1) + 0.5
        if self.image is None:
            self.image = self.ax.imshow(
                field,
                origin="lower",
                extent=self.extent,
                aspect="auto",
                cmap=cmap,
                vmin=norm_range[0],
                vmax=norm_range[1],
                alpha=0.35,
                interpolation="nearest",
                zorder=1,
            )
        else:
            self.image.set_data(field)
            self.image.set_cmap(cmap)
            self.image.set_clim(*norm_range)
        if self.boundary is not None:
            self.boundary.remove()
            self.boundary = None
        finite = np.isfinite(field)
        if (
            finite.any()
            and np.nanmin(field) < boundary_levels[-1]
            and np.nanmax(field) > boundary_levels[0]
        ):
            self.boundary = self.ax.contour(
                self.grid_x,
                self.grid_y,
                np.ma.masked_invalid(field),
                levels=boundary_levels,
                colors=[BLACK],
                linewidths=1.5,
                zorder=3,
            )


def decision_boundary(ax: Axes, predict_fn, X, y, **options) -> DecisionBoundary:
    """2차원 데이터 X (n, 2), 클래스 y 위에 predict_fn의 결정 경계를 그립니다.

    predict_fn은 점 배열 (m, 2)를 받아 확률을 돌려줍니다: 두 클래스면 (m,) 또는
    (m, 1)의 '클래스 1일 확률', 여러 클래스면 (m, k). options: resolution, padding.
    """
    return DecisionBoundary(ax, predict_fn, X, y, **options)


# ---------------------------------------------------------------------------
# 층별 히스토그램 (예: 활성화 값 분포)
# ---------------------------------------------------------------------------


class Histograms:
    """층마다 축 하나에 값의 분포를 계단 모양 히스토그램으로 그립니다 (histograms가 만듭니다).

    막대 높이는 비율(칸의 개수 ÷ 전체 개수)이라 층마다 표본 수가 달라도 비교할 수
    있습니다. 칸 경계는 처음에 정한 value_range로 고정되고, 범위 밖 값은 양 끝 칸에
    모입니다 (포화된 값이 끝에 쌓이는 것이 그대로 보입니다).
    """

    def __init__(
        self,
        axes: Sequence[Axes],
        samples_per_layer,
        *,
        bins: int = 40,
        value_range: tuple[float, float] | None = None,
        color: str = BLUE,
        titles: Sequence[str] | None = None,
        xlabel: str = LABELS["activation_value"],
        ylabel: str = LABELS["fraction"],
    ) -> None:
        self.axes = [prepare_axes(ax) for ax in np.ravel(axes)]
        samples = self._as_samples(samples_per_layer)
        bins = check_positive_int(bins, "칸 수(bins)")
        if value_range is None:
            finite = np.concatenate(samples) if samples else np.zeros(0)
            low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
            if high <= low:
                low, high = low - 0.5, high + 0.5
        else:
            low, high = (float(v) for v in value_range)
        self.edges = np.linspace(low, high, bins + 1)
        self.steps = []
        titles = (
            titles
            if titles is not None
            else [f"{LABELS['layer']} {i + 1}" for i in range(len(samples))]
        )
        for i, ax in enumerate(self.axes[: len(samples)]):
            step = ax.stairs(np.zeros(bins), self.edges, fill=True, color=color, alpha=0.8)
            self.steps.append(step)
            ax.set_title(titles[i], fontsize=10)
            ax.set_xlim(low, high)
            ax.set_xlabel(xlabel)
        self.axes[0].set_ylabel(ylabel)
        self.update(samples)

    def _as_samples(self, samples_per_layer) -> list[np.ndarray]:
        samples = [
            as_float_array(s, f"{i + 1}번째 층의 표본").ravel()
            for i, s in enumerate(samples_per_layer)
        ]
        if len(samples) > len(self.axes):
            raise ValueError(
                f"층이 {len(samples)}개인데 축은 {len(self.axes)}개입니다. 층마다 축이 하나씩 필요합니다."
            )
        return [s[np.isfinite(s)] for s in samples]

    def update(self, samples_per_layer) -> None:
        """층별 표본으로 히스토그램 높이를 바꿉니다 (칸 경계는 그대로)."""
        samples = self._as_samples(samples_per_layer)
        if len(samples) != len(self.steps):
            raise ValueError(
                f"처음에 층 {len(self.steps)}개로 만들었는데 {len(samples)}개를 받았습니다. "
                "층 수가 바뀌면 histograms를 새로 부르세요."
            )
        low, high = self.edges[0], self.edges[-1]
        top = 0.0
        for step, values in zip(self.steps, samples, strict=True):
            counts, _ = np.histogram(np.clip(values, low, high), bins=self.edges)
            fractions = counts / max(len(values), 1)
            step.set_data(fractions)
            top = max(top, float(fractions.max(initial=0.0)))
        for ax in self.axes[: len(self.steps)]:
            ax.set_ylim(0.0, top * 1.05 if top > 0 else 1.0)


def histograms(axes, samples_per_layer, **options) -> Histograms:
    """층마다 표본의 히스토그램을 그립니다 (axes는 층 수 이상의 축 목록).

    options: bins, value_range(칸 범위, 없으면 처음 표본의 최소~최대), color, titles,
    xlabel, ylabel. 모든 축의 y 범위를 같게 맞춰 층끼리 비교하기 쉽게 합니다.
    """
    return Histograms(axes, samples_per_layer, **options)
