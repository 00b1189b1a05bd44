"""탐색기 모듈(dlcourse.labs)들이 함께 쓰는 도우미.

탐색기마다 되풀이되던 작은 일들을 한곳에 모았습니다.

- 설정 합치기: DEFAULTS ← PRESETS[프리셋] (설명 글은 빼고) ← 직접 준 값 (merge_settings)
- 입력 검사: 시드, True/False, 표에 있는 이름, 모르는 인자 이름 (시작점은 dl.surfaces.check_start)
- 결과 배열을 읽기 전용 float64로 만들기 (read_only)
- 글자 표: 한글처럼 넓은 글자는 두 칸으로 세어 칸을 맞춥니다 (text_width, text_table)
- 곡면 그림의 수식 제목과 등고선 설정 (SURFACE_MATH_TITLES, contour_options)
- 결정 경계 격자와 곡선의 세로축 범위 (padded_mesh, mesh_points, curve_limits)
- 그림 만들기와 탐색기 위의 프리셋 설명 (figure_and_axes, add_preset_note)

run()은 그림 없이 돌아야 하므로 이 모듈은 matplotlib과 ipywidgets를 맨 위에서 불러오지
않습니다. 그림이나 위젯이 필요한 두 함수만 함수 안에서 불러옵니다.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from numbers import Integral

import numpy as np

from .. import init as initializers
from .._validate import check_positive_int, lookup

DESCRIPTION = "설명"
"""프리셋 사전에서 설정이 아니라 설명 글이 든 키."""


# ---------------------------------------------------------------------------
# 설정 합치기
# ---------------------------------------------------------------------------


def preset_values(presets: Mapping, preset: str | None) -> dict:
    """프리셋 preset의 설정에서 설명 글을 뺀 사전 (preset이 None이면 빈 사전).

    이름은 대소문자와 '-'/'_' 차이를 가리지 않습니다. 모르는 이름이면 있는 이름을 모두
    알려 주는 ValueError를 냅니다.
    """
    if preset is None:
        return {}
    chosen = lookup(preset, presets, "프리셋")
    return {key: value for key, value in chosen.items() if key != DESCRIPTION}


def check_setting_names(names: Iterable[str], allowed: Sequence[str]) -> None:
    """names 가운데 allowed에 없는 것이 있으면 ValueError를 냅니다 (쓸 수 있는 이름을 알려 줍니다)."""
    unknown = sorted(set(names) - set(allowed))
    if unknown:
        raise ValueError(
            f"알 수 없는 설정 이름입니다: {', '.join(unknown)}. "
            f"쓸 수 있는 이름: {', '.join(allowed)}"
        )


def check_argument_names(names: Iterable[str], allowed: Sequence[str]) -> None:
    """run(**인자)에 allowed에 없는 인자가 있으면 TypeError를 냅니다 (파이썬 함수와 같은 종류)."""
    unknown = sorted(set(names) - set(allowed))
    if unknown:
        raise TypeError(
            f"run()에 없는 인자입니다: {', '.join(unknown)}. 쓸 수 있는 인자: {', '.join(allowed)}"
        )


def merge_settings(
    defaults: Mapping,
    presets: Mapping,
    preset: str | None,
    overrides: Mapping,
    extra: Sequence[str] = (),
) -> dict:
    """탐색기의 처음 설정 = defaults ← presets[preset] (설명 빼고) ← overrides.

    overrides에는 defaults의 이름과 extra의 이름만 쓸 수 있습니다 (다른 이름이면 ValueError).
    값이 맞는지는 검사하지 않습니다: 부르는 쪽이 run()의 검사를 따로 합니다.
    """
    settings = {**defaults, **preset_values(presets, preset)}
    check_setting_names(overrides, [*defaults, *extra])
    settings.update(overrides)
    return settings


def add_preset_note(live, presets: Mapping, preset: str | None) -> None:
    """탐색기(LiveFigure) 맨 위에 '프리셋 이름: 설명' 한 줄을 붙입니다 (preset이 None이면 그대로)."""
    if preset is None:
        return
    import ipywidgets as widgets

    note = lookup(preset, presets, "프리셋")[DESCRIPTION]
    header = widgets.HTML(f"<b>프리셋 {preset}</b>: {note}")
    live.widget.children = (header, *live.widget.children)


# ---------------------------------------------------------------------------
# 입력 검사
# ---------------------------------------------------------------------------


def choose(name, names: Iterable[str], what: str) -> str:
    """name을 names 가운데 하나로 정리해 돌려줍니다 (대소문자, 앞뒤 빈칸, '-'/'_' 차이는 무시).

    예: choose("Leaky-ReLU", ("relu", "leaky_relu"), "활성화 함수") → "leaky_relu".
    없는 이름이면 쓸 수 있는 이름을 모두 알려 주는 ValueError를 냅니다.
    """
    return lookup(name, {key: key for key in names}, what)


def check_result(value, expected, source: str, name: str = "result") -> None:
    """value가 expected(클래스 또는 클래스들의 튜플)의 객체인지 확인합니다.

    아니면 "result에는 descent.run()의 결과(DescentResult)를 넣어야 합니다 (받은 자료형: str)."
    같은 TypeError를 냅니다. source는 그 결과를 만드는 함수의 이름입니다.
    """
    if not isinstance(value, expected):
        classes = expected if isinstance(expected, tuple) else (expected,)
        kinds = " 또는 ".join(cls.__name__ for cls in classes)
        raise TypeError(
            f"{name}에는 {source}의 결과({kinds})를 넣어야 합니다 "
            f"(받은 자료형: {type(value).__name__})."
        )


def check_seed(seed, *, allow_generator: bool = False):
    """시드를 검사합니다: 0 이상의 정수를 int로 돌려줍니다.

    allow_generator가 True면 numpy.random.Generator도 받아 그대로 돌려줍니다.
    """
    if allow_generator:
        if isinstance(seed, np.random.Generator):
            return seed
        if isinstance(seed, bool) or not isinstance(seed, Integral):
            raise TypeError(
                "seed(시드)는 0 이상의 정수나 numpy.random.Generator여야 합니다 "
                f"(받은 값: {seed!r})."
            )
    return check_positive_int(seed, "seed(시드)", minimum=0)


def check_flag(value, name: str) -> bool:
    """value가 True나 False인지 확인하고 bool로 돌려줍니다 (numpy의 bool도 받습니다)."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name}에는 True나 False를 넣어야 합니다 (받은 값: {value!r}).")
    return bool(value)


def table_initializer(table: Mapping, name):
    """표 {이름: (한국어 이름, dl.init 이름, dl.init 인자)}에서 name의 초기화 함수 f(shape, rng).

    예: 표에 "random_normal_large": ("정규분포 σ=1", "random_normal", {"stddev": 1.0})가 있으면
    dl.init.get("random_normal", stddev=1.0)을 돌려줍니다.
    """
    _, base, kwargs = table[choose(name, table, "초기화 방법")]
    return initializers.get(base, **kwargs)


# ---------------------------------------------------------------------------
# 결과 배열과 글자 표
# ---------------------------------------------------------------------------


def read_only(array) -> np.ndarray:
    """array의 float64 복사본을 읽기 전용으로 만들어 돌려줍니다 (결과를 실수로 바꾸지 못하게)."""
    array = np.array(array, dtype=np.float64)
    array.flags.writeable = False
    return array


def divergence_message(problems: Sequence[str]) -> str:
    """발산한 곳들을 한 문장으로: "발산했습니다: 문제 1; 문제 2. 학습률을 낮춰 보세요."

    problems가 비어 있으면 빈 문자열을 돌려줍니다.
    """
    if not problems:
        return ""
    return "발산했습니다: " + "; ".join(problems) + ". 학습률을 낮춰 보세요."


def text_width(text: str) -> int:
    """고정폭 글꼴에서 text가 차지하는 칸 수 (한글 같은 넓은 글자는 두 칸)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]], right=()) -> list[str]:
    """글자 표의 줄들: 머리글, 구분선, 행들. 칸 사이는 " | ", 구분선은 "-+-"로 잇습니다.

    칸 너비는 text_width로 잽니다 (한글은 두 칸). right에 든 열 번호는 오른쪽 정렬,
    나머지 열은 왼쪽 정렬입니다. 줄 끝의 빈칸은 지웁니다.
    """
    widths = [max(text_width(line[i]) for line in (header, *rows)) for i in range(len(header))]

    def line(cells) -> str:
        padded = []
        for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            gap = " " * max(width - text_width(cell), 0)
            padded.append(gap + cell if i in right else cell + gap)
        return " | ".join(padded).rstrip()

    rule = "-+-".join("-" * width for width in widths)
    return [line(header), rule, *(line(row) for row in rows)]


# ---------------------------------------------------------------------------
# 곡면 그림 (1강 경사 하강법, 7강 옵티마이저)
# ---------------------------------------------------------------------------

SURFACE_MATH_TITLES = {
    "quadratic": r"이차 함수  $J = x_1^2 + 2x_2^2 - x_1 x_2$",
    "elongated_bowl": r"길쭉한 그릇  $J = x_1^2/20 + x_2^2$",
    "rosenbrock": r"로젠브록 함수  $J = (1 - x_1)^2 + 100\,(x_2 - x_1^2)^2$",
    "saddle": r"안장 함수  $J = x_1^2 - x_2^2$",
    "multi_minima": r"여러 골짜기 함수  $J = \|x\|^2/20 - \Sigma_k\, a_k \exp(-\|x - c_k\|^2/2)$",
}
"""그림 제목: 곡면의 식을 수식(mathtext)으로 씁니다 (아래 첨자가 또렷합니다)."""

LOG_SCALE_SURFACES = ("quadratic", "elongated_bowl", "rosenbrock")
"""J ≥ 0인 그릇 모양 곡면. 등고선과 J 곡선을 로그 간격으로 그리면 좁은 골짜기의 바닥까지 보입니다."""


def contour_options(surface: str, levels: int) -> dict:
    """곡면 surface의 등고선 설정 {"levels", "log_levels"}.

    그릇 모양 곡면(LOG_SCALE_SURFACES)은 로그 간격으로 levels개, J가 음수로도 가는 곡면
    (안장 함수, 여러 골짜기 함수)은 고른 간격으로 levels + 2개를 그립니다.
    """
    log = surface in LOG_SCALE_SURFACES
    return {"levels": levels if log else levels + 2, "log_levels": log}


def inside_window(points: np.ndarray, window) -> np.ndarray:
    """점 (n, 2)마다 그림 범위 window 안(경계 포함)에 있는지. NaN인 점은 밖으로 봅니다."""
    (x_low, x_high), (y_low, y_high) = window
    with np.errstate(invalid="ignore"):
        return (
            (points[:, 0] >= x_low)
            & (points[:, 0] <= x_high)
            & (points[:, 1] >= y_low)
            & (points[:, 1] <= y_high)
        )


def curve_limits(values, *, log: bool, floor: float = 0.0) -> tuple[float, float] | None:
    """곡선 값들을 담는 세로축 범위. 그릴 값이 없으면 None입니다.

    로그 축: 양수이고 유한한 값의 (최소 / 2, 최대 × 2). 최소는 floor × 최대보다 작아지지
    않게 자릅니다 (아주 작은 값 하나 때문에 축이 수십 자릿수로 늘지 않게).
    보통 축: 유한한 값의 범위에 위아래로 폭의 8%씩 (값이 모두 같으면 ±0.5).
    """
    values = np.asarray(values, dtype=np.float64)
    shown = np.isfinite(values) & (values > 0) if log else np.isfinite(values)
    finite = values[shown]
    if finite.size == 0:
        return None
    low, high = float(finite.min()), float(finite.max())
    if log:
        low = max(low, high * floor)
        return low / 2, high * 2
    pad = 0.08 * (high - low) if high > low else 0.5
    return low - pad, high + pad


def axes_for_plot(fig, columns: int, figsize: tuple[float, float]):
    """plot(result, fig)의 그림과 축: fig가 None이면 1 × columns 새 그림을 만들고, 아니면 그
    그림의 앞 columns개 축을 그대로 씁니다 (탐색기가 만든 그림을 다시 쓸 때). (그림, 축)을 돌려줍니다."""
    from .. import viz

    if fig is None:
        return viz.new_figure(1, columns, figsize=figsize)
    return fig, fig.axes[:columns]


def figure_and_axes(fig, rows: int, columns: int, figsize: tuple[float, float]):
    """fig가 None이면 새 그림을 만들고, 아니면 fig를 비우고 축을 새로 만듭니다.

    (그림, 축 배열)을 돌려줍니다. 축에는 강의 그림의 기본 모양(한글 글꼴, 격자)을 입힙니다.
    """
    from .. import viz

    if fig is None:
        return viz.new_figure(rows, columns, figsize=figsize)
    fig.clear()
    axes = fig.subplots(rows, columns)
    for ax in np.ravel(axes):
        viz.prepare_axes(ax)
    return fig, axes


# ---------------------------------------------------------------------------
# 결정 경계 (2강 비선형 활성화, 7강 작은 신경망, 10강 과적합)
# ---------------------------------------------------------------------------


def padded_mesh(X: np.ndarray, resolution: int, padding: float) -> tuple[np.ndarray, np.ndarray]:
    """2차원 점 X의 범위를 축마다 padding만큼 넓혀 resolution개로 고르게 나눈 격자 (grid_x, grid_y).

    dlcourse.viz.decision_boundary가 쓰는 격자와 같습니다: 모양은 둘 다 (resolution, resolution).
    """
    low = X.min(axis=0) - padding
    high = X.max(axis=0) + padding
    return np.meshgrid(
        np.linspace(low[0], high[0], resolution), np.linspace(low[1], high[1], resolution)
    )


def mesh_points(grid_x: np.ndarray, grid_y: np.ndarray) -> np.ndarray:
    """격자의 점들을 한 줄로 편 (점 개수, 2) 배열."""
    return np.column_stack([grid_x.ravel(), grid_y.ravel()])


def fixed_prediction(values: np.ndarray):
    """격자 점을 받으면 미리 계산한 확률 values를 돌려주는 함수 (decision_boundary의 predict_fn)."""

    def predict(points: np.ndarray) -> np.ndarray:
        return values

    return predict
