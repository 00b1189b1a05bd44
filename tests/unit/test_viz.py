"""dlcourse.viz 테스트: 한글 글꼴, 색, 그림 도우미, 메시지, 위젯, LiveFigure.

모두 화면 없이(Agg) 돌아갑니다. 기댓값은 손으로 계산한 좌표, 글꼴 파일의 실제
글리프, 발표된 Okabe–Ito 색 값처럼 코드 밖에서 온 것만 씁니다.
"""

from __future__ import annotations

import hashlib
import io
import logging
import subprocess
import sys
import warnings

import matplotlib
import numpy as np
import PIL.Image
import pytest
from matplotlib import font_manager, ft2font
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from dlcourse import viz
from dlcourse.viz import font as viz_font

# Debian fonts-nanum 20200506-1에서 꺼낸 원본 파일의 SHA-256
NANUM_SHA256 = {
    "NanumGothic.ttf": "48a28e97b34fc8e5b157657633670cd1b7de126cfc414da65ce9c3d5bc8be733",
    "NanumGothicBold.ttf": "454eb3f503f377782a99eb84fc4bb7dde22a0f075d41b47427737f2985053bc9",
}


@pytest.fixture
def mpl_log(caplog):
    """matplotlib이 logging으로 남기는 경고(글리프 없음, 굵기 없음 등)를 모읍니다."""
    caplog.set_level(logging.WARNING, logger="matplotlib")
    return caplog


def _matplotlib_warnings(caplog) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name.startswith("matplotlib") and r.levelno >= logging.WARNING
    ]


def _render_text(text: str, family, size: int = 40) -> np.ndarray:
    """글자 하나를 흰 바탕에 그린 회색조 화소 (0 = 검정)."""
    fig = Figure(figsize=(3, 1), dpi=50)
    FigureCanvasAgg(fig)
    fig.text(0.5, 0.5, text, family=family, size=size, ha="center", va="center")
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].mean(axis=2)


def _ink(pixels: np.ndarray) -> int:
    return int((pixels < 128).sum())


def _crop(pixels: np.ndarray) -> np.ndarray:
    """흰색이 아닌 화소를 담는 가장 작은 직사각형 (글자의 위치 차이를 없앱니다)."""
    rows = np.flatnonzero((pixels < 255).any(axis=1))
    cols = np.flatnonzero((pixels < 255).any(axis=0))
    return pixels[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def _decode(png: bytes) -> np.ndarray:
    return np.asarray(PIL.Image.open(io.BytesIO(png)))


# ---------------------------------------------------------------------------
# 글꼴
# ---------------------------------------------------------------------------


def test_bundled_font_files_are_unmodified_and_licensed():
    for name, digest in NANUM_SHA256.items():
        data = (viz_font.FONT_DIR / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest
    licence = (viz_font.FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert licence.startswith("Copyright (c) 2010, NAVER Corporation")
    assert "Reserved Font Name Nanum" in licence
    assert "SIL OPEN FONT LICENSE\n\nVersion 1.1 - 26 February 2007" in licence
    assert "OTHER DEALINGS IN THE FONT SOFTWARE." in licence
    # Debian 형식의 흔적(" ." 빈 줄 표시, 한 칸 들여쓰기)이 남아 있지 않아야 합니다.
    assert all(line != " ." and not line.startswith(" ") for line in licence.splitlines())


def test_font_family_resolves_to_bundled_nanum_gothic():
    family = matplotlib.rcParams["font.family"]
    assert family[:2] == ["NanumGothic", "DejaVu Sans"]
    registered = {e.fname for e in font_manager.fontManager.ttflist if e.name == "NanumGothic"}
    assert {str(viz_font.REGULAR_FONT), str(viz_font.BOLD_FONT)} <= registered
    resolved = str(
        font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    )
    # 시스템에 같은 글꼴이 따로 깔려 있으면 그쪽이 골라질 수도 있지만, 나눔고딕 보통이어야 합니다.
    assert resolved == str(viz_font.REGULAR_FONT) or resolved.endswith("NanumGothic.ttf")
    bold = str(
        font_manager.findfont(
            font_manager.FontProperties(family=family, weight="bold"), fallback_to_default=False
        )
    )
    assert bold in registered and ft2font.FT2Font(bold).style_name == "Bold"
    # 글자 단위 대체 목록: 나눔고딕 다음에 DejaVu Sans
    chain = font_manager.fontManager._find_fonts_by_props(
        font_manager.FontProperties(family=family)
    )
    assert [ft2font.FT2Font(str(p)).family_name for p in chain][:2] == [
        "NanumGothic",
        "DejaVu Sans",
    ]


def test_nanum_gothic_has_the_glyphs_the_course_uses():
    charmap = ft2font.FT2Font(str(viz_font.REGULAR_FONT)).get_charmap()
    korean = "".join(viz.LABELS.values()) + "발산했습니다 학습률 η ∇ θ"
    missing = {ch for ch in korean if not ch.isspace() and ord(ch) not in charmap}
    assert missing == set()


def test_setup_is_idempotent():
    before = len(font_manager.fontManager.ttflist)
    viz.setup_korean_font()
    viz.setup_korean_font()
    assert len(font_manager.fontManager.ttflist) == before


def test_korean_greek_and_minus_render_without_any_warning(mpl_log):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, (ax1, ax2, ax3) = viz.new_figure(1, 3, figsize=(10, 3))
        ax1.plot([-3, -1, 2], [-2, 1, -5])
        ax1.set_title("학습률 η에 따른 손실 ∇J, θ², −1")
        ax1.set_xlabel(viz.LABELS["step"])
        ax1.set_ylabel(viz.LABELS["loss"])
        ax2.set_title("$\\eta = -0.5$일 때의 경로")  # 한글과 수식이 한 문자열에
        ax2.set_yscale("log")  # 눈금 10⁻⁷ … : 수식 모드의 빼기 기호
        ax2.plot([1, 2, 3], [1e-7, 1e-3, 1e2])
        ax3.set_title("굵은 제목", fontweight="bold")
        ax3.plot([0, 1], [-1e-5, 2e-5])  # 눈금 위의 오프셋 글자 1e−5
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
    assert buffer.getvalue().startswith(b"\x89PNG")
    assert "−" in ax1.get_yticklabels()[0].get_text()  # 진짜 빼기 기호 U+2212를 씁니다
    assert _matplotlib_warnings(mpl_log) == []


def test_log_ticks_would_lose_the_minus_without_prepare_axes(mpl_log):
    """대조 실험: 눈금 글꼴을 나눔고딕 먼저로 두면 경고가 난다 → 위 검사가 실제로 잡아냅니다."""
    fig = Figure()
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()  # prepare_axes를 부르지 않은 축
    ax.set_yscale("log")
    ax.plot([1, 2], [1e-5, 1e2])
    fig.canvas.draw()
    assert any("does not have a glyph" in m for m in _matplotlib_warnings(mpl_log))


def test_hangul_is_really_drawn_with_nanum_gothic():
    nanum = viz_font.TEXT_FAMILY
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # DejaVu Sans에는 한글이 없어 경고가 납니다 (대조군)
        dejavu_ga, dejavu_na = (
            _render_text("가", ["DejaVu Sans"]),
            _render_text("나", ["DejaVu Sans"]),
        )
    nanum_ga, nanum_na = _render_text("가", nanum), _render_text("나", nanum)
    # 한글이 없는 글꼴은 두 글자를 똑같은 빈 상자로 그립니다.
    assert np.array_equal(dejavu_ga, dejavu_na)
    # 나눔고딕은 두 글자를 서로 다르게, 빈 상자와도 다르게, 잉크를 묻혀 그립니다.
    assert not np.array_equal(nanum_ga, nanum_na)
    assert not np.array_equal(nanum_ga, dejavu_ga)
    assert _ink(nanum_ga) > 50 and _ink(nanum_na) > 50


def test_minus_sign_comes_from_dejavu_sans_by_per_glyph_fallback():
    """나눔고딕에는 U+2212가 없으므로, 목록의 다음 글꼴(DejaVu Sans)의 글리프가 쓰여야 합니다."""
    assert ord("−") not in ft2font.FT2Font(str(viz_font.REGULAR_FONT)).get_charmap()
    with_fallback = _render_text("−", viz_font.TEXT_FAMILY)
    dejavu_only = _render_text("−", ["DejaVu Sans"])
    assert _ink(with_fallback) > 20
    # 줄 높이는 첫 글꼴로 정해져 세로 위치가 화소 아래 단위로 다를 수 있으므로, 잘라 낸
    # 글리프의 크기와 진한 화소의 모양을 비교합니다.
    glyph, reference = _crop(with_fallback), _crop(dejavu_only)
    assert glyph.shape == reference.shape
    assert np.array_equal(glyph < 128, reference < 128)
    # 나눔고딕의 붙임표(-)로 바뀌어 그려진 것이 아닙니다: 빼기 기호가 훨씬 넓습니다.
    assert glyph.shape[1] > 1.5 * _crop(_render_text("-", viz_font.TEXT_FAMILY)).shape[1]


def test_importing_dlcourse_does_not_import_matplotlib_and_viz_does_not_use_pyplot():
    code = (
        "import sys, dlcourse\n"
        "assert 'matplotlib' not in sys.modules, 'dlcourse가 matplotlib을 불렀습니다'\n"
        "import dlcourse.viz\n"
        "assert 'matplotlib' in sys.modules\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'viz가 pyplot을 불렀습니다'\n"
        "assert 'dlcourse.labs' not in sys.modules\n"
        "fig, ax = dlcourse.viz.new_figure()\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------------------
# 색과 모양
# ---------------------------------------------------------------------------


def test_palette_is_okabe_ito():
    published = {
        "#000000",
        "#E69F00",
        "#56B4E9",
        "#009E73",
        "#F0E442",
        "#0072B2",
        "#D55E00",
        "#CC79A7",
    }
    assert set(viz.PALETTE) == published
    assert len(viz.PALETTE) == 8


def test_dead_style_differs_from_alive_in_more_than_colour():
    for key in ("color", "marker", "linestyle", "hatch"):
        assert viz.DEAD_STYLE[key] != viz.ALIVE_STYLE[key]
    assert viz.DEAD_STYLE["color"] == viz.VERMILLION
    assert viz.DEAD_STYLE["hatch"]  # 빗금이 있어야 흑백에서도 보입니다


def test_new_figure_has_agg_canvas_size_and_palette():
    fig, axes = viz.new_figure(1, 2, figsize=(8, 4), dpi=90)
    assert isinstance(fig.canvas, FigureCanvasAgg)
    assert axes.shape == (2,)
    fig.canvas.draw()
    assert np.asarray(fig.canvas.buffer_rgba()).shape == (360, 720, 4)
    (line,) = axes[0].plot([0, 1])
    assert matplotlib.colors.to_hex(line.get_color()).upper() == viz.PALETTE[0]


def test_new_figure_shows_itself_as_png_in_a_notebook_without_pyplot():
    fig, ax = viz.new_figure(figsize=(4, 2), dpi=50)
    ax.set_title("손실")
    image = _decode(fig._repr_png_())
    assert image.shape == (100, 200, 4)
    assert (image[..., :3] < 128).any()  # 무언가 그려져 있습니다


# ---------------------------------------------------------------------------
# 등고선 + 경로
# ---------------------------------------------------------------------------

SQUARE = ((-1.0, 1.0), (-1.0, 1.0))


def _segments(xs, ys):
    """[시작, 끝, NaN] 묶음을 ((x0, y0), (x1, y1)) 목록으로."""
    points = np.column_stack([xs, ys]).reshape(-1, 3, 2)[:, :2]
    return [tuple(map(tuple, seg)) for seg in points]


def test_clip_path_keeps_inside_parts_along_the_original_direction():
    # (0,0)→(4,0): 창 테두리 x=1에서 끊깁니다.
    assert _segments(*viz.clip_path_to_window([[0, 0], [4, 0]], SQUARE)) == [((0, 0), (1, 0))]
    # 창을 가로지르기만 하는 선분: (−5,0)→(5,0) 중 (−1,0)→(1,0)
    assert _segments(*viz.clip_path_to_window([[-5, 0], [5, 0]], SQUARE)) == [((-1, 0), (1, 0))]
    # 발산한 점 (1e300, 1e300)으로 가는 선분은 대각선 방향 그대로 (1, 1)에서 끊깁니다.
    (segment,) = _segments(*viz.clip_path_to_window([[0, 0], [1e300, 1e300]], SQUARE))
    assert segment[0] == (0, 0)
    assert segment[1] == pytest.approx((1, 1))
    # 창 밖에서만 움직이는 선분과 NaN/inf로 이어지는 선분은 사라집니다.
    xs, ys = viz.clip_path_to_window([[2, 2], [3, 3], [np.inf, 0], [np.nan, np.nan]], SQUARE)
    assert xs.size == 0 and ys.size == 0


def quadratic(points):
    x1, x2 = points[..., 0], points[..., 1]
    return x1**2 + 2 * x2**2 - x1 * x2


def test_contour_with_path_markers_limits_and_update():
    fig, ax = viz.new_figure()
    window = ((-6, 6), (-6, 6))
    path = np.array([[-5.0, 4.0], [-3.6, 1.9], [-2.69, 0.78]])  # 1강 η=0.1의 처음 세 점
    cp = viz.contour_with_path(ax, quadratic, window, path, minima=[[0, 0]])
    assert cp.start.get_xydata().tolist() == [[-5.0, 4.0]]
    assert cp.end.get_xydata().tolist() == [[-2.69, 0.78]]
    assert cp.points.get_xydata().tolist() == path.tolist()
    assert cp.minima.get_xydata().tolist() == [[0.0, 0.0]]
    # 발산하는 경로: 축 범위는 창 그대로, 끝점은 창 밖이라 표시하지 않습니다.
    diverging = np.array([[-5.0, 4.0], [60.0, -150.0], [-600.0, 1400.0]])
    cp.update_path(diverging)
    assert ax.get_xlim() == (-6, 6) and ax.get_ylim() == (-6, 6)
    assert cp.end.get_xydata().size == 0
    assert cp.points.get_xydata().tolist() == [[-5.0, 4.0]]
    drawn = cp.line.get_xydata()
    finite = drawn[np.isfinite(drawn).all(axis=1)]
    assert np.all(np.abs(finite) <= 6 + 1e-9)
    fig.canvas.draw()


def test_log_levels_are_geometric_above_the_minimum():
    fig, ax = viz.new_figure()
    cp = viz.contour_with_path(
        ax, quadratic, ((-6, 6), (-6, 6)), levels=10, log_levels=True, resolution=61
    )
    levels = np.asarray(cp.lines.levels)
    grid = np.linspace(-6, 6, 61)
    gx, gy = np.meshgrid(grid, grid)
    values = quadratic(np.stack([gx, gy], axis=-1))
    heights = levels - values.min()
    ratios = heights[1:] / heights[:-1]
    assert np.allclose(ratios, ratios[0])
    assert heights[-1] == pytest.approx(values.max() - values.min())
    assert heights[0] == pytest.approx((values.max() - values.min()) * 1e-3)


def test_contour_rejects_bad_window_and_shapes():
    fig, ax = viz.new_figure()
    with pytest.raises(ValueError, match="범위"):
        viz.contour_with_path(ax, quadratic, ((1, -1), (0, 1)))
    with pytest.raises(ValueError, match="모양"):
        viz.contour_with_path(ax, lambda p: p.sum(), ((-1, 1), (-1, 1)))
    cp = viz.contour_with_path(ax, quadratic, ((-1, 1), (-1, 1)))
    with pytest.raises(ValueError, match="모양"):
        cp.update_path([1.0, 2.0, 3.0])


# ---------------------------------------------------------------------------
# 층별 막대, 손실 곡선
# ---------------------------------------------------------------------------


def test_layer_bars_update_changes_heights_in_place():
    fig, ax = viz.new_figure()
    bars = viz.layer_bars(ax, [1e-6, 1e-3, 0.5])
    patches = list(bars.bars)
    bars.update([2e-5, 3e-2, 0.2])
    assert list(bars.bars) == patches  # 같은 막대 객체
    assert [p.get_height() for p in patches] == [2e-5, 3e-2, 0.2]
    assert ax.get_ylim() == pytest.approx((1e-5, 1.0))  # 10의 거듭제곱 경계
    assert ax.get_yscale() == "log"
    assert ax.get_ylabel() == "기울기 노름" and ax.get_xlabel() == "층"
    fig.canvas.draw()


def test_layer_bars_mark_exploded_values_and_rebuild_on_new_depth():
    fig, ax = viz.new_figure()
    bars = viz.layer_bars(ax, [0.1, 0.2])
    bars.update([0.1, np.inf])
    exploded = bars.bars[1]
    assert matplotlib.colors.to_hex(exploded.get_facecolor()).upper() == viz.VERMILLION
    assert exploded.get_hatch() == viz.DEAD_STYLE["hatch"]
    assert exploded.get_height() == ax.get_ylim()[1]
    assert bars.bars[0].get_hatch() is None
    bars.update([1.0, 2.0, 3.0, 4.0])
    assert len(bars.bars) == 4
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "2", "3", "4"]
    linear = viz.layer_bars(viz.new_figure()[1], [1.0, 3.0], log=False)
    assert linear.ax.get_ylim() == pytest.approx((0.0, 3.3))


def test_layer_bars_update_can_fix_the_y_range():
    fig, ax = viz.new_figure()
    bars = viz.layer_bars(ax, [1e-3, 0.5])
    assert ax.get_ylim() == pytest.approx((1e-3, 1.0))
    bars.update([1e-3, 0.5], ylim=(1e-8, 10.0))
    assert ax.get_ylim() == pytest.approx((1e-8, 10.0))
    bars.update([2e-2, 0.3])  # 고정한 범위는 다음 update에도 그대로
    assert ax.get_ylim() == pytest.approx((1e-8, 10.0))
    assert [p.get_height() for p in bars.bars] == [2e-2, 0.3]
    for bad in ((1.0, 0.5), (0.0, np.inf), "ab", (1.0,)):
        with pytest.raises(ValueError, match="ylim"):
            bars.update([0.1, 0.2], ylim=bad)


def test_decade_limits_cover_every_series():
    from dlcourse.viz.plots import decade_limits

    # 10^⌊log₁₀ 최소⌋ = 10^⌊log₁₀ 0.03⌋ = 0.01, 10^⌈log₁₀ 최대⌉ = 10^⌈log₁₀ 2⌉ = 10
    assert decade_limits([0.03, 2.0]) == pytest.approx((0.01, 10.0))
    assert decade_limits([0.5], [3e-7, np.nan, -1.0]) == pytest.approx((1e-7, 1.0))
    assert decade_limits([1.0]) == pytest.approx((1.0, 10.0))  # 적어도 한 자릿수
    assert decade_limits([0.0, -2.0, np.inf], [np.nan]) is None


@pytest.mark.parametrize(
    ("loc", "right", "top"),
    [("lower right", True, False), ("upper left", False, True), ("lower left", False, False)],
)
def test_show_message_can_sit_in_a_corner_of_the_axes(loc, right, top):
    fig, (ax1, ax2) = viz.new_figure(1, 2, figsize=(8.0, 4.0))
    ax2.set_ylabel("세로축 이름")
    artist = viz.show_message(ax2, "발산했습니다: 학습률을 줄여 보세요.", kind="error", loc=loc)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = artist.get_bbox_patch().get_window_extent(renderer)
    panel = ax2.get_window_extent(renderer)
    # 상자(여백 포함)는 축 안에 있고 고른 구석 쪽에 붙어 있으며 축 이름을 가리지 않습니다.
    assert panel.x0 < box.x0 and box.x1 < panel.x1 and panel.y0 < box.y0 and box.y1 < panel.y1
    gap_left, gap_right = box.x0 - panel.x0, panel.x1 - box.x1
    gap_bottom, gap_top = box.y0 - panel.y0, panel.y1 - box.y1
    assert (gap_right < gap_left) == right and (gap_top < gap_bottom) == top
    assert not box.overlaps(ax2.yaxis.label.get_window_extent(renderer))
    assert viz.current_message(fig) is artist
    center = viz.show_message(fig, "가운데")
    assert center.get_position() == (0.5, 0.5) and center.get_ha() == "center"
    with pytest.raises(ValueError, match="loc"):
        viz.show_message(fig, "x", loc="middle")


def test_loss_curve_update_and_non_finite_values():
    fig, ax = viz.new_figure()
    curve = viz.loss_curve(ax, [3.0, 2.0, 1.0])
    assert curve.line.get_xydata().tolist() == [[0, 3.0], [1, 2.0], [2, 1.0]]
    curve.update([4.0, np.inf, np.nan, 1.0], steps=[10, 20, 30, 40])
    y = curve.line.get_ydata()
    assert y[0] == 4.0 and np.isnan(y[1]) and np.isnan(y[2]) and y[3] == 1.0
    assert ax.get_xlabel() == "스텝" and ax.get_ylabel() == "손실"
    with pytest.raises(ValueError, match="길이"):
        curve.update([1.0, 2.0], steps=[1, 2, 3])


# ---------------------------------------------------------------------------
# 신경망 그림
# ---------------------------------------------------------------------------


def test_network_diagram_draws_dead_units_red_with_a_different_marker():
    fig, ax = viz.new_figure()
    # 2-3-1 신경망, 은닉층의 두 번째 유닛(번호 1)이 죽음
    state = [np.zeros(2, bool), np.array([False, True, False]), np.zeros(1, bool)]
    diagram = viz.network_diagram(ax, [2, 3, 1], node_state=state)
    dead_xy = diagram.dead_nodes.get_xydata()
    assert dead_xy.tolist() == [diagram.positions[1][1].tolist()]
    assert len(diagram.alive_nodes.get_xydata()) == 5
    assert matplotlib.colors.to_hex(diagram.dead_nodes.get_color()).upper() == viz.VERMILLION
    assert diagram.dead_nodes.get_marker() == viz.DEAD_STYLE["marker"]
    assert diagram.alive_nodes.get_marker() == viz.ALIVE_STYLE["marker"]
    # 죽은 유닛에 닿는 연결: 들어오는 2개 + 나가는 1개 = 3개. 나머지 2·3 + 3·1 − 3 = 6개.
    assert len(diagram.dead_edges.get_segments()) == 3
    assert len(diagram.alive_edges.get_segments()) == 6
    edge_colour = matplotlib.colors.to_hex(diagram.dead_edges.get_edgecolor()[0]).upper()
    assert edge_colour == viz.VERMILLION
    assert diagram.dead_edges.get_linestyle() != diagram.alive_edges.get_linestyle()
    assert "33%" in diagram.layer_texts[1].get_text()
    fig.canvas.draw()


def test_network_diagram_recolours_in_place_and_accepts_edge_state():
    fig, ax = viz.new_figure()
    diagram = viz.network_diagram(ax, [2, 3, 1])
    alive_nodes, dead_edges = diagram.alive_nodes, diagram.dead_edges
    assert len(diagram.dead_nodes.get_xydata()) == 0
    edges = [np.zeros((2, 3), bool), np.zeros((3, 1), bool)]
    edges[0][0, 2] = True
    diagram.set_state(edge_state=edges)
    assert diagram.alive_nodes is alive_nodes and diagram.dead_edges is dead_edges
    (segment,) = diagram.dead_edges.get_segments()
    assert segment.tolist() == [diagram.positions[0][0].tolist(), diagram.positions[1][2].tolist()]
    with pytest.raises(ValueError, match="edge_state"):
        diagram.set_state(edge_state=[np.zeros((3, 2), bool), np.zeros((3, 1), bool)])
    with pytest.raises(ValueError, match="node_state"):
        diagram.set_state(node_state=[np.zeros(2), np.zeros(2), np.zeros(1)])


def test_network_diagram_elides_wide_layers():
    fig, ax = viz.new_figure()
    dead = np.zeros(20, bool)
    dead[[3, 10, 11]] = True  # 10, 11번은 생략되는 유닛
    diagram = viz.network_diagram(
        ax, [2, 20, 1], node_state=[np.zeros(2), dead, np.zeros(1)], max_nodes=8
    )
    assert diagram.visible[1].tolist() == [0, 1, 2, 3, 4, 5, 6, 19]
    assert len(diagram.dead_nodes.get_xydata()) == 1  # 보이는 죽은 유닛은 3번 하나
    note = diagram.gap_texts[1].get_text()
    assert "외 12개" in note and "죽은 유닛 2개" in note
    # 보이는 연결만 그립니다: 2·8 + 8·1
    total = len(diagram.alive_edges.get_segments()) + len(diagram.dead_edges.get_segments())
    assert total == 24
    fig.canvas.draw()


# ---------------------------------------------------------------------------
# 결정 경계, 히스토그램
# ---------------------------------------------------------------------------


def test_decision_boundary_binary_and_update():
    fig, ax = viz.new_figure()
    X = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [1.0, 0.0]])
    y = np.array([0, 0, 1, 1])
    db = viz.decision_boundary(ax, lambda P: (P[:, 0] > 0.5).astype(float), X, y, resolution=20)
    field = np.asarray(db.image.get_array())
    expected = (db.grid[:, 0] > 0.5).astype(float).reshape(20, 20)
    assert np.array_equal(field, expected)
    assert db.boundary is not None
    assert [len(p.get_xydata()) for p in db.points] == [2, 2]
    assert db.points[0].get_marker() != db.points[1].get_marker()
    db.update(lambda P: (P[:, 1] > 0.5).astype(float))
    assert np.array_equal(
        np.asarray(db.image.get_array()), (db.grid[:, 1] > 0.5).astype(float).reshape(20, 20)
    )
    with pytest.raises(ValueError, match="모양"):
        db.update(lambda P: np.zeros(3))
    fig.canvas.draw()


def test_decision_boundary_multiclass_uses_argmax():
    fig, ax = viz.new_figure()
    X = np.array([[-1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    db = viz.decision_boundary(
        ax,
        lambda P: np.column_stack([-P[:, 0], P[:, 0], P[:, 1]]),
        X,
        np.array([0, 1, 2]),
        resolution=10,
    )
    expected = np.column_stack([-db.grid[:, 0], db.grid[:, 0], db.grid[:, 1]]).argmax(axis=1)
    assert np.array_equal(np.asarray(db.image.get_array()).ravel(), expected)


def test_histograms_fractions_clipping_and_update():
    fig, axes = viz.new_figure(1, 2)
    samples = [np.array([0.1, 0.1, 0.6, 0.9]), np.array([0.2, 5.0])]
    hist = viz.histograms(axes, samples, bins=2, value_range=(0.0, 1.0))
    first, second = (step.get_data().values for step in hist.steps)
    assert first.tolist() == [0.5, 0.5]
    assert second.tolist() == [0.5, 0.5]  # 5.0은 범위 밖이라 마지막 칸에 모입니다
    hist.update([np.array([0.9, 0.8]), np.array([0.1, 0.2])])
    assert hist.steps[0].get_data().values.tolist() == [0.0, 1.0]
    assert axes[0].get_ylim() == pytest.approx((0, 1.05))
    assert axes[0].get_title() == "층 1"
    with pytest.raises(ValueError, match="층"):
        hist.update([np.zeros(3)])


# ---------------------------------------------------------------------------
# 메시지
# ---------------------------------------------------------------------------


def test_show_message_draws_korean_box_replaces_and_clears():
    fig, (ax1, ax2) = viz.new_figure(1, 2)
    fig.canvas.draw()
    before = np.array(fig.canvas.buffer_rgba())
    text = "발산했습니다: 스텝 12에서 손실이 inf가 되었습니다"
    artist = viz.show_message(fig, text, kind="error")
    assert text in artist.get_text() and artist in fig.texts
    assert (
        matplotlib.colors.to_hex(artist.get_bbox_patch().get_edgecolor()).upper() == viz.VERMILLION
    )
    fig.canvas.draw()
    assert not np.array_equal(before, np.asarray(fig.canvas.buffer_rgba()))
    second = viz.show_message(ax2, "정보", kind="info")  # 그림에는 메시지가 하나뿐
    assert artist not in fig.texts and second in ax2.texts
    assert viz.current_message(fig) is second
    assert viz.clear_message(ax1) is True
    assert second not in ax2.texts and viz.current_message(fig) is None
    assert viz.clear_message(fig) is False
    fig.canvas.draw()
    assert np.array_equal(before, np.asarray(fig.canvas.buffer_rgba()))
    with pytest.raises(ValueError, match="kind"):
        viz.show_message(fig, "x", kind="fatal")


# ---------------------------------------------------------------------------
# 위젯
# ---------------------------------------------------------------------------


def test_log_slider_uses_exponents_and_keeps_korean_label_whole():
    slider = viz.log_slider("학습률 η", 1e-4, 1.0, 0.1)
    assert (slider.min, slider.max, slider.base) == (-4.0, 0.0, 10)
    assert slider.value == pytest.approx(0.1)
    assert slider.step == pytest.approx(1 / 20)
    assert slider.continuous_update is False
    assert slider.description == "학습률 η"
    assert slider.style.description_width == "initial"
    with pytest.raises(ValueError, match="0보다 커야"):
        viz.log_slider("학습률 η", 0.0, 1.0, 0.1)
    with pytest.raises(ValueError, match="범위"):
        viz.log_slider("학습률 η", 1e-3, 1.0, 5.0)


def test_other_controls_validate_their_inputs():
    depth = viz.int_slider("층 수", 1, 30, 10)
    assert (depth.min, depth.max, depth.value, depth.continuous_update) == (1, 30, 10, False)
    with pytest.raises(TypeError, match="정수"):
        viz.int_slider("층 수", 1, 30, 2.5)
    rate = viz.float_slider("드롭아웃 비율", 0.0, 0.9, 0.5)
    assert rate.step == pytest.approx(0.009)
    choice = viz.dropdown("활성화 함수", {"시그모이드": "sigmoid", "ReLU": "relu"}, "relu")
    assert choice.value == "relu" and choice.label == "ReLU"
    with pytest.raises(ValueError, match="선택지에 없습니다"):
        viz.dropdown("활성화 함수", ["sigmoid", "relu"], "tanh")
    box = viz.toggle("배치 정규화 사용")
    assert box.value is False and box.description == "배치 정규화 사용"


# ---------------------------------------------------------------------------
# LiveFigure
# ---------------------------------------------------------------------------


def _live(update_extra=None, backend="image"):
    """η를 바꾸면 경로가 바뀌는 작은 탐색기. update_extra(eta)로 문제를 일으킵니다."""
    fig, (left, right) = viz.new_figure(1, 2)
    contour = viz.contour_with_path(left, quadratic, ((-6, 6), (-6, 6)))
    curve = viz.loss_curve(right)
    calls = []

    def update(eta, steps):
        calls.append((eta, steps))
        x = np.array([-5.0, 4.0])
        path = [x]
        for _ in range(steps):
            x = x - eta * np.array([2 * x[0] - x[1], 4 * x[1] - x[0]])
            path.append(x)
        path = np.array(path)
        contour.update_path(path)
        curve.update(quadratic(path))
        if update_extra is not None:
            update_extra(eta)

    controls = {
        "eta": viz.log_slider("학습률 η", 1e-3, 1.0, 0.1),
        "steps": viz.int_slider("스텝 수", 1, 50, 10),
    }
    return viz.LiveFigure(fig, update, controls, backend=backend), calls


def test_live_figure_renders_on_set_values_and_on_widget_change():
    live, calls = _live()
    assert live.render_count == 1 and calls == [(pytest.approx(0.1), 10)]
    first = live.png()
    live.set_values(eta=0.3, steps=20)
    assert live.render_count == 2  # 두 값을 바꿔도 한 번만 그립니다
    assert calls[-1] == (pytest.approx(0.3), 20)
    second = live.png()
    assert second != first
    assert not np.array_equal(_decode(first), _decode(second))
    live.controls["steps"].value = 5  # 학생이 슬라이더를 움직인 것과 같은 길
    assert live.render_count == 3 and calls[-1][1] == 5
    assert live.to_rgba().shape == (360, 720, 4)
    assert np.array_equal(_decode(live.png()), live.to_rgba())
    with pytest.raises(ValueError, match="알 수 없는 위젯 이름"):
        live.set_values(momentum=0.9)


def test_live_figure_shows_korean_message_instead_of_raising(caplog):
    def fail(eta):
        if eta > 0.5:
            raise ValueError("학습률이 너무 큽니다")
        if eta > 0.4:
            raise ZeroDivisionError("division by zero")

    live, _ = _live(fail)
    caplog.set_level(logging.ERROR, logger="dlcourse.viz.live")
    live.set_values(eta=0.8)  # 예외가 밖으로 나오지 않아야 합니다
    message = viz.current_message(live.figure)
    assert message is not None and "학습률이 너무 큽니다" in message.get_text()
    assert "ValueError" in live.last_error
    assert any("ValueError" in r.getMessage() for r in caplog.records)
    live.set_values(eta=0.45)  # 한국어 메시지가 없는 예외: 일반 안내
    text = viz.current_message(live.figure).get_text()
    assert "ZeroDivisionError" in text and "오류" in text and "division" not in text
    live.set_values(eta=0.1)  # 정상으로 돌아오면 메시지가 사라집니다
    assert viz.current_message(live.figure) is None and live.last_error is None
    assert live.render_count == 4


def test_live_figure_captures_runtime_warnings():
    def overflow(eta):
        if eta > 0.5:
            np.exp(np.array([1000.0]))  # RuntimeWarning: overflow

    live, _ = _live(overflow)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # 경고가 새어 나오면 여기서 예외가 됩니다
        live.set_values(eta=0.9)
    text = viz.current_message(live.figure).get_text()
    assert "수치 경고" in text and "overflow" in text
    assert live.last_error is None


def test_live_figure_keeps_the_message_the_update_showed():
    def diverge(eta):
        if eta > 0.5:
            with np.errstate(over="warn"):
                np.exp(np.array([1000.0]))
            viz.show_message(
                live_figure.figure, "발산했습니다: 스텝 3에서 손실이 inf가 되었습니다", kind="error"
            )

    live_figure, _ = _live(diverge)
    live_figure.set_values(eta=0.9)
    assert "발산했습니다" in viz.current_message(live_figure.figure).get_text()


def test_live_figure_survives_an_artist_that_cannot_be_drawn():
    class Broken(matplotlib.artist.Artist):
        def draw(self, renderer):
            raise RuntimeError("cannot draw")

    def add_broken(eta):
        if eta > 0.5:
            live_figure.figure.axes[0].add_artist(Broken())

    live_figure, _ = _live(add_broken)
    live_figure.set_values(eta=0.9)
    assert live_figure.render_count == 2
    assert "RuntimeError" in live_figure.last_error
    assert "그리지 못했습니다" in live_figure._status.value


def test_live_figure_bundle_has_static_png_fallback():
    live, _ = _live()
    bundle = live._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == live.widget.model_id
    import base64

    assert base64.b64decode(bundle["image/png"]) == live.png()


def test_live_figure_with_ipympl_backend():
    pytest.importorskip("ipympl")
    live, calls = _live(backend="ipympl")
    first = live.png()
    live.set_values(eta=0.3)
    assert live.render_count == 2 and live.png() != first
    assert live.last_error is None


def test_live_figure_validates_its_arguments():
    fig, _ = viz.new_figure()
    with pytest.raises(TypeError, match="Figure"):
        viz.LiveFigure("그림", lambda: None)
    with pytest.raises(TypeError, match="함수"):
        viz.LiveFigure(fig, None)
    with pytest.raises(ValueError, match="backend"):
        viz.LiveFigure(fig, lambda: None, backend="svg")
    with pytest.raises(TypeError, match="위젯"):
        viz.LiveFigure(fig, lambda x: None, {"x": 3})


def test_live_figure_prepares_axes_it_did_not_create(mpl_log):
    fig = Figure(figsize=(4, 3), dpi=50)
    ax = fig.add_subplot()  # new_figure를 거치지 않은 축: 로그 눈금의 '−'가 위험합니다
    (line,) = ax.plot([1, 2], [1e-5, 1e2])
    ax.set_yscale("log")

    def update(scale):
        line.set_ydata([1e-5 * scale, 1e2])

    live = viz.LiveFigure(fig, update, {"scale": viz.float_slider("배율", 1.0, 10.0, 1.0)})
    live.set_values(scale=5.0)
    assert live.last_error is None and live.render_count == 2
    assert _matplotlib_warnings(mpl_log) == []


def test_live_figure_does_not_recurse_when_update_moves_a_widget():
    fig, ax = viz.new_figure()
    controls = {"a": viz.int_slider("a", 0, 10, 0), "b": viz.int_slider("b", 0, 10, 0)}
    seen = []

    def update(a, b):
        seen.append((a, b))
        controls["b"].value = a  # update가 다른 위젯을 맞추는 경우

    live = viz.LiveFigure(fig, update, controls)
    live.set_values(a=3)
    assert live.render_count == 2 and seen == [(0, 0), (3, 0)]
    assert controls["b"].value == 3
