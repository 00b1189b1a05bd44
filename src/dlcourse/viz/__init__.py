"""dlcourse.viz: 강의 그림과 위젯의 공통 층 (한글 글꼴, 색, 그림 도우미, LiveFigure).

불러오면 함께 배포하는 나눔고딕을 matplotlib에 등록합니다 (font 모듈 설명 참고).
pyplot은 쓰지 않습니다: 그림은 new_figure()가 Figure와 Agg 캔버스로 직접 만들므로
저절로 화면에 뜨거나 전역 상태를 남기지 않습니다. 엔진(dlcourse.nn 등)은 쓸 수
있지만 dlcourse.labs는 부르지 않습니다.

    from dlcourse import viz
    fig, (ax1, ax2) = viz.new_figure(1, 2)
    path_plot = viz.contour_with_path(ax1, surface.value, surface.window, path)
    bars = viz.layer_bars(ax2, grad_norms)          # 기울기 노름, 로그 축
    live = viz.LiveFigure(fig, update, {"learning_rate": viz.log_slider("학습률 η", 1e-4, 1, 0.1)})

LiveFigure의 그리기 방식: 잰 값으로 고른 기본값 "image"
-------------------------------------------------------
tests/benchmarks/bench_render.py가 커널 쪽 갱신 시간(계산 제외, artist 갱신 + 다시
그리기 + 화면에 보낼 PNG 만들기)을 방식마다 한 실행 안에서 번갈아 잽니다. 그림은
등고선 + 경로 + 손실 곡선(8x4 인치, dpi 90)과 층별 막대 + 손실 곡선 + 막대 세 칸
(11x3.6 인치, dpi 90)입니다. 코어 두 개를 다른 작업과 나눠 쓰는 기계에서 네 번 돌린
결과 (같은 실행 안에서 image를 1로 둔 비율, 중앙값 20~30회):

    방식                                   등고선 그림     막대 세 칸
    image   (PNG → ipywidgets.Image)       1.00            1.00
    ipympl  (Canvas, 바뀐 부분 PNG)         0.99 ~ 1.08     0.95 ~ 1.08
    ipympl, 고해상도 화면(화소 비 2)        1.29 ~ 1.46     1.20 ~ 1.40
    inline  (Output + display, tight)      2.46 ~ 2.78     2.61 ~ 2.90
    image, 배치(constrained)를 매번 계산    1.45 ~ 1.65     1.47 ~ 1.63
    그리기만 (이미지 만들기 없음)            0.88 ~ 0.97     0.90 ~ 0.93

절대 시간은 기계가 붐비는 정도에 따라 두 배까지 흔들렸습니다. 벤치마크 실행 중(다른
작업이 함께 돌 때) image 방식 한 번 갱신이 등고선 그림 89~99 ms(첫 실행 149 ms), 막대
세 칸 102~110 ms(첫 실행 145 ms)였고, 기계가 한가할 때 따로 잰 등고선 그림의 그리기는
42~49 ms였습니다. 시간의 90% 안팎은 matplotlib의 그리기(대부분 눈금과 글자)이고 PNG
만들기(압축 수준 1)는 3~12%입니다.

고른 까닭:
- 커널 쪽 시간은 image와 ipympl이 같은 수준입니다 (차이 ±8%). 시간을 가르는 것은
  그리기 자체라서, 배치 계산을 첫 그림 뒤에 고정하는 것(relayout=False, 약 1.5배
  절약)과 로그 축의 작은 눈금 줄이기가 방식 선택보다 훨씬 큰 효과를 냅니다.
- ipympl은 고해상도 화면에서 화소 비만큼 큰 그림을 그려 1.3~1.5배 느려지고,
  화면이 '다시 그려 달라'를 받아 되묻는 왕복(draw_idle)이 한 번 더 있습니다
  (LiveFigure는 draw()를 바로 불러 이 왕복을 없앴습니다).
- image는 그림 전체를 메시지 한 번(PNG 바이트)으로 바꾸고, ipywidgets의 기본 위젯만
  쓰므로 따로 설치할 확장이 없습니다. ipympl은 프런트엔드 확장이 있어야 합니다 (이
  환경의 JupyterLab 4.6에는 jupyter-matplotlib 0.12.0이 설치·활성화되어 있어 둘 다
  쓸 수 있습니다).
- 위젯을 돌릴 수 없는 곳으로의 후퇴: LiveFigure는 위젯과 함께 지금 그림의 PNG를
  같은 출력(image/png)에 넣습니다. nbconvert HTML은 위젯 상태가 없으면 이 PNG를 쓰고,
  위젯 상태를 저장한 노트북에서는 Image 위젯의 값(마지막 PNG)이 그대로 보입니다.
  ipympl은 화면이 연결된 뒤에는 저장용 그림(_data_url)을 갱신하지 않습니다.
- inline(Output 위젯 + clear_output + display)은 bbox_inches="tight" 때문에 그림을
  두 번 그려 2.5~2.9배 느립니다. 쓰지 않습니다.
확대/이동 도구가 필요하면 LiveFigure(..., backend="ipympl")을 쓰세요.
"""

from __future__ import annotations

from .controls import dropdown, float_slider, int_slider, log_slider, toggle
from .font import prepare_axes, setup_korean_font
from .live import LiveFigure
from .message import clear_message, current_message, show_message
from .network import NetworkDiagram, network_diagram
from .plots import (
    ContourPath,
    DecisionBoundary,
    Histograms,
    LayerBars,
    LossCurve,
    clip_path_to_window,
    contour_with_path,
    decision_boundary,
    histograms,
    layer_bars,
    loss_curve,
)
from .style import (
    ALIVE_STYLE,
    BLACK,
    BLUE,
    BLUISH_GREEN,
    DEAD_STYLE,
    DPI,
    FIGSIZE,
    FIGSIZE_ROW,
    FIGSIZE_SQUARE,
    GREY,
    LABELS,
    LINESPACING,
    ORANGE,
    PALETTE,
    REDDISH_PURPLE,
    SKY_BLUE,
    VERMILLION,
    YELLOW,
    CourseFigure,
    new_figure,
    png_bytes,
)

setup_korean_font()

__all__ = [
    # 글꼴
    "setup_korean_font",
    "prepare_axes",
    # 색과 크기
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
    "DPI",
    "FIGSIZE",
    "LINESPACING",
    "FIGSIZE_SQUARE",
    "FIGSIZE_ROW",
    "LABELS",
    "new_figure",
    "CourseFigure",
    "png_bytes",
    # 그림 도우미
    "contour_with_path",
    "ContourPath",
    "clip_path_to_window",
    "layer_bars",
    "LayerBars",
    "loss_curve",
    "LossCurve",
    "network_diagram",
    "NetworkDiagram",
    "decision_boundary",
    "DecisionBoundary",
    "histograms",
    "Histograms",
    # 메시지
    "show_message",
    "clear_message",
    "current_message",
    # 위젯
    "log_slider",
    "float_slider",
    "int_slider",
    "dropdown",
    "toggle",
    "LiveFigure",
]
