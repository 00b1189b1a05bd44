"""LiveFigure: 위젯을 움직이면 그림을 다시 그리는 탐색기의 뼈대.

    fig, (ax1, ax2) = new_figure(1, 2)
    bars, curve = layer_bars(ax1, [1, 1, 1]), loss_curve(ax2)
    def update(depth, learning_rate):
        result = run(depth=depth, learning_rate=learning_rate)     # 계산
        bars.update(result.grad_norms); curve.update(result.losses)  # 제자리 갱신
    live = LiveFigure(fig, update, {"depth": int_slider("층 수", 1, 30, 10),
                                    "learning_rate": log_slider("학습률 η", 1e-4, 1, 0.1)})
    live            # 노트북 칸의 마지막 줄: 위젯과 그림이 나옵니다

update는 위젯 이름을 키워드 인자로 받아 그림의 artist를 바꾸기만 합니다 (그림을
새로 만들지 않습니다). 그리기와 화면 보내기는 LiveFigure가 합니다.

학생은 오류 추적(traceback)이나 RuntimeWarning을 보지 않습니다. update 안에서
예외가 나면 그림 위에 한국어 메시지를 띄우고, 경고는 모아서 수치 경고라면 한국어로
알립니다. 원래 예외와 경고는 logging의 "dlcourse.viz.live" 기록기에 남습니다
(강사는 logging.basicConfig(level=logging.INFO)로 볼 수 있고, live.last_error에도
남습니다). update가 show_message로 직접 띄운 메시지(예: "발산했습니다")가 있으면
경고 메시지로 덮어쓰지 않습니다. 매번 그리기 전에 지난번 메시지는 지웁니다.

화면에 보내는 방법(backend)은 두 가지이고 기본값은 "image"입니다. 고른 이유와 잰
숫자는 dlcourse.viz 모듈 설명에 있습니다.

- "image": Agg로 그린 PNG 바이트를 ipywidgets.Image의 value에 넣습니다. 메시지 한
  번으로 그림 전체가 바뀌고 깜박임이 없습니다. 위젯 상태를 저장한 노트북, nbconvert
  HTML, 위젯을 못 그리는 화면에서도 마지막 그림이 PNG로 남습니다.
- "ipympl": ipympl의 Canvas 위젯. 화면이 그림을 요청할 때 바뀐 부분만 보냅니다.
  확대/이동 도구가 필요할 때 씁니다.
"""

from __future__ import annotations

import base64
import logging
import re
import traceback
import warnings
import weakref
from collections.abc import Callable, Mapping

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .._validate import check_choice
from .font import prepare_axes
from .message import clear_message, current_message, show_message
from .style import png_bytes

__all__ = ["LiveFigure", "BACKENDS", "DEFAULT_BACKEND"]

log = logging.getLogger(__name__)
# 라이브러리 관례: 기록기에 아무 처리기도 없을 때 stderr로 새어 나가지 않게 합니다.
logging.getLogger("dlcourse.viz").addHandler(logging.NullHandler())

BACKENDS = ("image", "ipympl")
DEFAULT_BACKEND = "image"

_HANGUL = re.compile("[가-힣]")

# numpy 경고 문구 → 학생에게 보일 한국어 설명
_NUMERIC_WARNINGS = (
    ("overflow", "값이 너무 커져 넘쳤습니다(overflow)"),
    ("divide by zero", "0으로 나누었습니다"),
    ("invalid value", "정의되지 않는 값(NaN)이 나왔습니다"),
    ("underflow", "값이 너무 작아져 0이 되었습니다(underflow)"),
)


def _error_text(exc: BaseException) -> str:
    """예외를 학생에게 보일 한국어 문장으로. 한국어 메시지(우리 검사)는 그대로 보여 줍니다."""
    detail = str(exc)
    if _HANGUL.search(detail):
        return f"이 설정으로는 계산할 수 없습니다.\n{detail}"
    return (
        f"계산 중 예상하지 못한 오류가 났습니다 ({type(exc).__name__}).\n"
        "다른 값으로 바꿔 보세요. 자세한 내용은 강사용 기록(logging)에 남겼습니다."
    )


def _warning_text(caught: list[warnings.WarningMessage]) -> str | None:
    """수치 경고(RuntimeWarning)가 있으면 한국어 설명을, 없으면 None을 돌려줍니다."""
    numeric = [str(item.message) for item in caught if issubclass(item.category, RuntimeWarning)]
    if not numeric:
        return None
    reasons = [korean for key, korean in _NUMERIC_WARNINGS if any(key in text for text in numeric)]
    detail = ", ".join(reasons) if reasons else "계산 결과를 믿기 어렵습니다"
    return f"계산 중 수치 경고가 있었습니다: {detail}.\n그림이 정확하지 않을 수 있습니다."


class _ImageView:
    """그림을 PNG로 만들어 ipywidgets.Image에 넣습니다."""

    def __init__(self, figure: Figure):
        if not isinstance(figure.canvas, FigureCanvasAgg):
            FigureCanvasAgg(figure)
        self.canvas = figure.canvas
        width = round(figure.get_figwidth() * figure.dpi)
        self.widget = widgets.Image(
            format="png",
            layout=widgets.Layout(width=f"{width}px", max_width="100%", height="auto"),
        )

    def draw(self) -> None:
        self.canvas.draw()
        self.widget.value = png_bytes(self.canvas)

    def png(self) -> bytes:
        return bytes(self.widget.value)


class _IpymplView:
    """ipympl Canvas 위젯. draw()가 Agg로 그리고 바뀐 화소를 바로 화면에 보냅니다.

    canvas.draw_idle()은 화면에 '다시 그려 달라'고 부탁만 하고, 실제 그리기는 화면의
    요청이 돌아올 때 커널의 다른 처리기에서 일어납니다. 그러면 그리기 중 오류를 잡을
    수 없고 왕복이 한 번 더 생기므로, 여기서는 draw()를 바로 부릅니다.
    """

    def __init__(self, figure: Figure):
        from ipympl.backend_nbagg import Canvas, FigureManager

        with warnings.catch_warnings():
            # ipympl 0.10의 Toolbar가 traitlets DeprecationWarning을 냅니다 (우리 코드와 무관).
            warnings.simplefilter("ignore", DeprecationWarning)
            self.canvas = Canvas(figure)
            self.manager = FigureManager(self.canvas, 0)
        self.canvas.header_visible = False
        self.canvas.footer_visible = False
        self.canvas.resizable = False
        self.widget = self.canvas

    def draw(self) -> None:
        self.canvas.draw()

    def png(self) -> bytes:
        return png_bytes(self.canvas)


class LiveFigure:
    """그림 하나 + update 함수 + 위젯들. 위젯 값이 바뀌면 update를 부르고 다시 그립니다.

    figure: matplotlib Figure (new_figure()로 만든 것을 권합니다; pyplot은 쓰지 않습니다).
    update: update(**값들) — 위젯 이름이 인자 이름입니다. artist만 바꿉니다.
    controls: {인자 이름: 위젯} (value가 있는 ipywidgets; controls 모듈의 함수로 만든 것).
    backend: "image"(기본) 또는 "ipympl".
    relayout: False(기본)면 배치(layout, 예: constrained)를 첫 그림에서 한 번만 계산하고
        고정합니다. 매번 다시 계산하면 그리기 시간이 크게 늘기 때문입니다. 눈금 글자
        폭이 크게 바뀌는 그림이면 True로 두세요.

    만들 때 한 번 그립니다. render_count는 지금까지 그린 횟수, last_error는 마지막
    오류의 traceback 문자열(없으면 None)입니다.
    """

    def __init__(
        self,
        figure: Figure,
        update: Callable[..., object],
        controls: Mapping[str, widgets.ValueWidget] | None = None,
        *,
        backend: str = DEFAULT_BACKEND,
        relayout: bool = False,
    ) -> None:
        if not isinstance(figure, Figure):
            raise TypeError(
                f"figure는 matplotlib Figure여야 합니다 (받은 자료형: {type(figure).__name__}). "
                "dlcourse.viz.new_figure()로 만든 그림을 넘겨 주세요."
            )
        if not callable(update):
            raise TypeError(
                f"update는 함수여야 합니다 (받은 자료형: {type(update).__name__}). "
                "위젯 값을 키워드 인자로 받는 함수를 넘겨 주세요."
            )
        check_choice(backend, "그리기 방식(backend)", BACKENDS)
        self.controls = dict(controls or {})
        for name, control in self.controls.items():
            if not hasattr(control, "value") or not hasattr(control, "observe"):
                raise TypeError(
                    f"위젯은 value가 있는 ipywidgets 위젯이어야 합니다: '{name}' "
                    f"(받은 자료형: {type(control).__name__})."
                )
        self.figure = figure
        self.backend = backend
        self.relayout = relayout
        self.render_count = 0
        self.last_error: str | None = None
        self._update = update
        self._paused = False
        self._rendering = False
        self._prepared_axes: weakref.WeakSet = weakref.WeakSet()
        self._view = _ImageView(figure) if backend == "image" else _IpymplView(figure)
        self._status = widgets.HTML(layout=widgets.Layout(display="none"))
        self.widget = widgets.VBox(
            [widgets.VBox(list(self.controls.values())), self._status, self._view.widget]
        )
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.render()

    # 값 ------------------------------------------------------------------------
    @property
    def values(self) -> dict:
        """지금 위젯 값들 {이름: 값}."""
        return {name: control.value for name, control in self.controls.items()}

    def set_values(self, **values) -> None:
        """여러 위젯 값을 한꺼번에 바꾸고 한 번만 다시 그립니다 (테스트, 강의 시연용).

        ipywidgets 슬라이더는 범위 밖 값을 범위 끝으로 맞춥니다.
        """
        unknown = sorted(set(values) - set(self.controls))
        if unknown:
            raise ValueError(
                f"알 수 없는 위젯 이름입니다: {', '.join(unknown)}. "
                f"있는 이름: {', '.join(self.controls) or '(없음)'}"
            )
        self._paused = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._paused = False
        self.render()

    def _on_change(self, change) -> None:
        if not self._paused:
            self.render()

    # 그리기 -----------------------------------------------------------------------
    def render(self) -> None:
        """update를 부르고 그림을 다시 그립니다. 어떤 예외나 경고도 밖으로 내보내지 않습니다."""
        if self._rendering:  # update가 위젯 값을 바꿔도 그리기가 겹치지 않게 합니다.
            return
        self._rendering = True
        try:
            self._render()
        except Exception as exc:  # 여기까지 오면 LiveFigure 자신의 문제입니다.
            self._record_error(exc)
            self._show_status(
                "그림을 새로 그리지 못했습니다. 자세한 내용은 강사용 기록에 남겼습니다."
            )
        finally:
            self._rendering = False

    def _render(self) -> None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            clear_message(self.figure)
            if self._call_update():
                warning_text = _warning_text(caught)
                if warning_text is not None and current_message(self.figure) is None:
                    show_message(self.figure, warning_text, kind="warning")
            self._draw()
        for item in caught:
            log.info(
                "갱신 중 경고 %s: %s (%s:%s)",
                item.category.__name__,
                item.message,
                item.filename,
                item.lineno,
            )
        self.render_count += 1

    def _call_update(self) -> bool:
        """update를 부릅니다. 예외가 나면 기록하고 그림에 알린 뒤 False를 돌려줍니다."""
        try:
            self._update(**self.values)
        except Exception as exc:
            self._record_error(exc)
            show_message(self.figure, _error_text(exc), kind="error")
            return False
        self.last_error = None
        return True

    def _draw(self) -> None:
        try:
            for ax in self.figure.axes:
                if ax not in self._prepared_axes:
                    prepare_axes(ax)
                    self._prepared_axes.add(ax)
            self._view.draw()
        except Exception as exc:
            self._record_error(exc)
            self._show_status(
                "그림을 그리지 못했습니다. 다른 값으로 바꿔 보세요. "
                "자세한 내용은 강사용 기록(logging)에 남겼습니다."
            )
            return
        self._show_status(None)
        if not self.relayout and self.figure.get_layout_engine() is not None:
            # 첫 그림에서 정해진 축 위치를 그대로 두고 배치 계산을 멈춥니다.
            self.figure.set_layout_engine("none")

    def _record_error(self, exc: BaseException) -> None:
        self.last_error = "".join(traceback.format_exception(exc))
        log.error("LiveFigure 갱신 실패 (값: %s)\n%s", self.values, self.last_error)

    def _show_status(self, text: str | None) -> None:
        self._status.value = "" if text is None else f"<b>⚠ {text}</b>"
        self._status.layout.display = "none" if text is None else None

    # 결과 읽기 -------------------------------------------------------------------------
    def png(self) -> bytes:
        """지금 화면에 보낸 그림의 PNG 바이트."""
        return self._view.png()

    def to_rgba(self) -> np.ndarray:
        """지금 그림의 화소 (높이, 너비, 4) uint8 배열의 복사본."""
        return np.array(self._view.canvas.buffer_rgba())

    # 노트북 표시 -------------------------------------------------------------------------
    def _repr_mimebundle_(self, include=None, exclude=None):
        """위젯과 함께 지금 그림의 PNG도 넣습니다. 위젯을 그리지 못하는 곳(nbconvert HTML,
        GitHub 미리보기 등)에서는 PNG가 대신 보입니다."""
        bundle = self.widget._repr_mimebundle_()
        bundle["image/png"] = base64.b64encode(self.png()).decode("ascii")
        return bundle

    def close(self) -> None:
        """위젯 값 감시를 멈추고 위젯을 닫습니다."""
        for control in self.controls.values():
            control.unobserve(self._on_change, names="value")
        self.widget.close()
        self._view.widget.close()
