"""그림 속 한글 글꼴: 함께 배포하는 나눔고딕을 matplotlib에 등록합니다.

나눔고딕에는 한글, 그리스 문자(η, ∇, θ ...)가 모두 있지만 수학의 빼기 기호
U+2212(−)가 없습니다. 그래서 글꼴 이름을 하나가 아니라 목록으로 줍니다.

    글자(제목, 축 이름, 범례)    ["NanumGothic", "DejaVu Sans"]
    눈금 숫자                    ["DejaVu Sans", "NanumGothic"]

matplotlib(3.6 이상)은 목록의 첫 글꼴에 없는 글자만 다음 글꼴에서 가져옵니다
(글자 단위 대체). 그래서 보통 글자의 '−'는 DejaVu Sans로 그려집니다.

수식 모드(mathtext, "$...$")는 글자 단위 대체를 하지 않고 첫 글꼴 하나만 씁니다.
- 제목처럼 한글과 수식이 섞인 글("$\\eta$에 따른 손실")은 한글이 나와야 하므로
  나눔고딕이 첫 글꼴이어야 합니다. 수식 안의 기호는 DejaVu Sans 수식 글꼴
  (mathtext.fontset = "dejavusans")로 그려지므로 "$x=-1$"도 괜찮습니다.
- 로그 축의 눈금(10⁻³)은 matplotlib이 "$\\mathdefault{10^{-3}}$"로 만들고,
  \\mathdefault는 첫 글꼴을 씁니다. 나눔고딕이 첫 글꼴이면 빼기 기호가 빠지므로
  눈금 글꼴은 DejaVu Sans를 먼저 둡니다. 이것은 rcParams로 정할 수 없어서
  축마다 prepare_axes(ax)로 정합니다. new_figure()와 이 패키지의 그림 도우미,
  LiveFigure는 모두 이 함수를 부릅니다.

NanumGothicBold.ttf는 글꼴 파일 안에 굵기를 600으로 적어 두었지만 이름은
"Bold"입니다. matplotlib의 "bold"는 700이고 DejaVu Sans Bold도 700이므로, 목록의
두 글꼴이 같은 굵기로 찾히도록 이 파일을 700으로 등록합니다 (파일은 그대로).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import matplotlib
from matplotlib import font_manager, ft2font

__all__ = [
    "FONT_DIR",
    "REGULAR_FONT",
    "BOLD_FONT",
    "TEXT_FAMILY",
    "TICK_FAMILY",
    "setup_korean_font",
    "prepare_axes",
]

FONT_DIR = Path(__file__).with_name("fonts")
REGULAR_FONT = FONT_DIR / "NanumGothic.ttf"
BOLD_FONT = FONT_DIR / "NanumGothicBold.ttf"

TEXT_FAMILY = ["NanumGothic", "DejaVu Sans"]
TICK_FAMILY = ["DejaVu Sans", "NanumGothic"]

_BOLD_WEIGHT = 700


def _is_registered(path: Path) -> bool:
    return any(entry.fname == str(path) for entry in font_manager.fontManager.ttflist)


def setup_korean_font() -> None:
    """나눔고딕을 등록하고 글꼴 관련 rcParams를 정합니다. 여러 번 불러도 됩니다.

    바꾸는 설정은 세 가지뿐입니다: font.family(목록), axes.unicode_minus(True,
    진짜 빼기 기호), mathtext.fontset("dejavusans", 목록의 두 번째 글꼴과 같은 모양).
    """
    manager = font_manager.fontManager
    if not _is_registered(REGULAR_FONT):
        if not _is_registered(BOLD_FONT):
            bold = font_manager.ttfFontProperty(ft2font.FT2Font(str(BOLD_FONT)))
            manager.ttflist.append(dataclasses.replace(bold, weight=_BOLD_WEIGHT))
        # addfont는 글꼴 찾기 캐시를 비웁니다. 굵은 글꼴을 먼저 넣었으므로
        # 그 항목도 이 뒤로는 새로 찾힙니다.
        manager.addfont(str(REGULAR_FONT))
    matplotlib.rcParams["font.family"] = list(TEXT_FAMILY)
    matplotlib.rcParams["axes.unicode_minus"] = True
    matplotlib.rcParams["mathtext.fontset"] = "dejavusans"


def prepare_axes(ax):
    """축 하나의 눈금 숫자 글꼴을 DejaVu Sans 먼저로 바꿉니다 (로그 축의 '−' 때문).

    축을 만들 때 한 번 부르면 됩니다 (ax.clear() 뒤에도 남습니다). 같은 축을 돌려줍니다.
    """
    ax.tick_params(which="both", labelfontfamily=list(TICK_FAMILY))  # 작은 눈금(minor)까지
    return ax
