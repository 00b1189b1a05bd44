"""색과 크기: 색각 이상이 있어도 구별되는 팔레트, 노트북에 맞는 그림 크기.

팔레트는 Okabe–Ito의 여덟 색입니다. 색만으로 뜻을 전하지 않습니다. '죽은'
(dead) 유닛이나 연결은 언제나 빨간색(VERMILLION)과 함께 X 표시, 점선, 빗금을
씁니다 (DEAD_STYLE). 그래서 흑백으로 인쇄해도, 빨강과 초록을 구별하기 어려워도
알아볼 수 있습니다.

그림 글자(축 이름 등)는 LABELS 한 곳에 모아 두었습니다. 용어는
course/glossary.md를 따릅니다.
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .font import prepare_axes

__all__ = [
    "BLACK",
    "ORANGE",
    "SKY_BLUE",
    "BLUISH_GREEN",
    "YELLOW",
    "BLUE",
    "VERMILLION",
    "REDDISH_PURPLE",
    "GREY",
    "PALETTE",
    "ALIVE_STYLE",
    "DEAD_STYLE",
    "LINESPACING",
    "DPI",
    "FIGSIZE",
    "FIGSIZE_SQUARE",
    "FIGSIZE_ROW",
    "LABELS",
    "new_figure",
    "CourseFigure",
    "png_bytes",
]

# Okabe–Ito 팔레트 (Okabe & Ito, "Color Universal Design", 2008)
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#999999"  # 팔레트 밖의 보조색: 격자, 생략된 부분

# 선을 여러 개 그릴 때 쓰는 순서. 노랑은 흰 바탕에서 흐려서 맨 뒤에 둡니다.
PALETTE = (BLUE, ORANGE, BLUISH_GREEN, VERMILLION, REDDISH_PURPLE, SKY_BLUE, BLACK, YELLOW)

# 살아 있는 것과 죽은 것: 색, 표시(marker), 선 모양, 빗금이 모두 다릅니다.
ALIVE_STYLE = {"color": BLUE, "marker": "o", "linestyle": "-", "hatch": ""}
DEAD_STYLE = {"color": VERMILLION, "marker": "X", "linestyle": "--", "hatch": "//"}

# 여러 줄 한글 글자의 줄 간격 (글자 크기의 배수). matplotlib 기본값으로는 나눔고딕의
# 줄 사이가 거의 붙으므로, 여러 줄 Text에는 linespacing=LINESPACING을 주세요.
LINESPACING = 1.5

# 노트북 한 칸에 알맞은 크기 (인치). DPI 90에서 FIGSIZE는 720x360 화소입니다.
DPI = 90
FIGSIZE = (8.0, 4.0)
FIGSIZE_SQUARE = (5.0, 4.5)
FIGSIZE_ROW = (11.0, 3.6)

LABELS = {
    "step": "스텝",
    "epoch": "에폭",
    "loss": "손실",
    "layer": "층",
    "grad_norm": "기울기 노름",
    "learning_rate": "학습률",
    "activation_value": "활성화 값",
    "fraction": "비율",
    "input_layer": "입력층",
    "hidden_layer": "은닉층",
    "output_layer": "출력층",
    "dead_unit": "죽은 유닛",
    "dead_short": "죽음",
    "alive_unit": "살아 있는 유닛",
    "start": "시작점",
    "end": "끝점",
    "minimum": "최솟값",
    "class": "클래스",
}

_COURSE_RC = {
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "axes.grid": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def png_bytes(canvas: FigureCanvasAgg) -> bytes:
    """이미 그려진 Agg 캔버스의 화소를 PNG 바이트로 만듭니다 (다시 그리지 않습니다).

    압축 수준 1은 기본값 6보다 파일이 조금 크지만 눈에 띄게 빠릅니다.
    """
    pixels = np.asarray(canvas.buffer_rgba())
    buffer = io.BytesIO()
    PIL.Image.fromarray(pixels).save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


class CourseFigure(Figure):
    """new_figure가 만드는 그림. 노트북 칸의 마지막 줄에 두면 PNG로 보입니다.

    pyplot을 쓰지 않은 그림은 IPython이 그림으로 보여 주지 않으므로(글자 설명만 나옴),
    IPython이 찾는 _repr_png_를 직접 제공합니다.
    """

    def _repr_png_(self) -> bytes:
        self.canvas.draw()
        return png_bytes(self.canvas)


def new_figure(
    nrows: int = 1,
    ncols: int = 1,
    *,
    figsize: tuple[float, float] = FIGSIZE,
    dpi: float = DPI,
    layout: str | None = "constrained",
    **subplot_kw,
):
    """강의 모양(팔레트, 격자, 한글 눈금)을 입힌 그림과 축을 만듭니다.

    pyplot을 쓰지 않으므로 그림이 저절로 화면에 뜨지 않고 전역 상태도 남지
    않습니다. 그림에는 Agg 캔버스가 붙어 있어 바로 PNG로 저장할 수 있습니다.
    plt.subplots처럼 (fig, axes)를 돌려주며, 축이 하나면 axes는 Axes 하나,
    여러 개면 numpy 배열입니다.
    """
    with matplotlib.rc_context(_COURSE_RC):
        fig = CourseFigure(figsize=figsize, dpi=dpi, layout=layout)
        FigureCanvasAgg(fig)
        axes = fig.subplots(nrows, ncols, squeeze=True, subplot_kw=subplot_kw or None)
    for ax in fig.axes:
        prepare_axes(ax)
    return fig, axes
