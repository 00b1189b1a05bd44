"""그림 안의 안내 상자: 발산이나 오류를 학생에게 그림 속 한국어 문장으로 알립니다.

    show_message(fig, "발산했습니다: 스텝 12에서 손실이 inf가 되었습니다", kind="error")
    show_message(ax, "범위를 벗어났습니다", kind="info", loc="lower right")   # 축의 오른쪽 아래
    clear_message(fig)

그림 하나에는 메시지가 하나만 있습니다. 새 메시지를 띄우면 앞의 것은 지워집니다.
종류(kind)는 색과 앞머리 기호로 함께 구별되므로 색을 구별하지 못해도 알 수 있습니다.
"""

from __future__ import annotations

import weakref

from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.text import Text
from matplotlib.transforms import ScaledTranslation

from .._validate import check_choice
from .style import BLUE, LINESPACING, ORANGE, VERMILLION

__all__ = ["MESSAGE_KINDS", "MESSAGE_PLACES", "show_message", "clear_message", "current_message"]

# 종류: (테두리 색, 바탕 색, 앞머리 기호)
MESSAGE_KINDS = {
    "error": (VERMILLION, "#FBE5D6", "✖"),
    "warning": (ORANGE, "#FDF1D8", "⚠"),
    "info": (BLUE, "#DCEBF5", "ℹ"),
}

# 자리: 이름 → (x, y). x, y는 축(또는 그림)의 너비와 높이에 대한 비율로 0, 0.5, 1 중 하나입니다.
# 0이나 1이면 그 테두리에 상자를 붙이되, 상자(글자 + 여백)가 테두리 밖으로 나가지 않게
# _INSET_POINTS만큼 안쪽으로 들입니다.
MESSAGE_PLACES = {
    "center": (0.5, 0.5),
    "upper center": (0.5, 1.0),
    "lower center": (0.5, 0.0),
    "upper left": (0.0, 1.0),
    "upper right": (1.0, 1.0),
    "lower left": (0.0, 0.0),
    "lower right": (1.0, 0.0),
}
_FONT_SIZE = 12
_PAD = 0.6  # 상자 여백 (글자 크기의 배수)
_INSET_POINTS = _PAD * _FONT_SIZE + 3  # 테두리에서 글자까지: 여백 + 3 pt

# 그림마다 지금 떠 있는 메시지. 그림이 사라지면 항목도 저절로 사라집니다.
_messages: weakref.WeakKeyDictionary[Figure, Text] = weakref.WeakKeyDictionary()


def _root_figure(target: Axes | Figure) -> Figure:
    if isinstance(target, Axes):
        target = target.figure
    if isinstance(target, SubFigure):
        target = target.figure
    if not isinstance(target, Figure):
        raise TypeError(
            "메시지는 matplotlib의 Axes나 Figure에만 띄울 수 있습니다 "
            f"(받은 값: {type(target).__name__}). 축(ax)이나 그림(fig)을 넘겨 주세요."
        )
    return target


def show_message(
    target: Axes | Figure, text: str, kind: str = "warning", *, loc: str = "center"
) -> Text:
    """target(축이면 그 축 안, 그림이면 그림 안)에 메시지 상자를 그립니다.

    kind는 "error", "warning", "info" 중 하나입니다. loc은 상자를 놓을 자리로 기본은
    가운데("center")이고, 곡선이나 축 이름을 가리지 않게 "lower right"처럼 구석을 고를 수
    있습니다 (MESSAGE_PLACES의 이름). 그린 Text를 돌려줍니다.
    화면에 반영하려면 그림을 다시 그려야 합니다 (LiveFigure는 저절로 합니다).
    """
    check_choice(kind, "메시지 종류(kind)", MESSAGE_KINDS)
    check_choice(loc, "메시지 자리(loc)", MESSAGE_PLACES)
    if not isinstance(text, str):
        raise TypeError(f"메시지는 문자열이어야 합니다 (받은 자료형: {type(text).__name__}).")
    figure = _root_figure(target)
    clear_message(figure)
    edge, face, symbol = MESSAGE_KINDS[kind]
    x, y = MESSAGE_PLACES[loc]
    style = {
        "ha": {0.0: "left", 0.5: "center", 1.0: "right"}[x],
        "va": {0.0: "bottom", 0.5: "center", 1.0: "top"}[y],
        "multialignment": "center",  # 여러 줄은 자리와 상관없이 상자 안 가운데에 맞춥니다
        "fontsize": _FONT_SIZE,
        "wrap": True,
        "linespacing": LINESPACING,
        "zorder": 100,
        "bbox": {"boxstyle": f"round,pad={_PAD}", "facecolor": face, "edgecolor": edge, "lw": 2},
    }
    # 테두리에 붙인 쪽은 안쪽으로 _INSET_POINTS만큼 옮깁니다: 0이면 +, 1이면 −, 가운데(0.5)는 0.
    inset = _INSET_POINTS / 72  # 인치
    shift = ScaledTranslation(inset * (1 - 2 * x), inset * (1 - 2 * y), figure.dpi_scale_trans)
    frame = target.transAxes if isinstance(target, Axes) else target.transSubfigure
    artist = target.text(x, y, f"{symbol} {text}", transform=frame + shift, **style)
    _messages[figure] = artist
    return artist


def current_message(target: Axes | Figure) -> Text | None:
    """target이 속한 그림에 떠 있는 메시지(Text)를 돌려줍니다. 없으면 None입니다."""
    artist = _messages.get(_root_figure(target))
    if artist is None or not _is_shown(artist):
        return None
    return artist


def clear_message(target: Axes | Figure) -> bool:
    """target이 속한 그림의 메시지를 지웁니다. 지운 것이 있으면 True입니다.

    메시지가 놓인 축을 그사이 ax.clear()로 지웠다면 메시지도 이미 없어졌으므로
    False를 돌려줍니다.
    """
    figure = _root_figure(target)
    artist = _messages.pop(figure, None)
    if artist is None or not _is_shown(artist):
        return False
    artist.remove()
    return True


def _is_shown(artist: Text) -> bool:
    """아직 축이나 그림에 붙어 있는지 (ax.clear()로 떨어져 나가지 않았는지)."""
    container = artist.axes.texts if artist.axes is not None else artist.figure.texts
    return artist in container
