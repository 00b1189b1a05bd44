"""한국어 이름표를 단 위젯(ipywidgets 8) 만들기.

이름표(description)는 "학습률 η", "층 수"처럼 짧은 명사로 씁니다. 기본 스타일은
이름표 칸을 글자 길이에 맞추므로(description_width="initial") 한글 이름표가
잘리지 않습니다. 계산이 드는 위젯는 continuous_update=False가 기본이라, 손을
뗐을 때 한 번만 다시 계산합니다. tooltip에는 영어 용어를 적어도 됩니다.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import ipywidgets as widgets

from .._validate import check_positive, check_positive_int

__all__ = [
    "CONTROL_STYLE",
    "CONTROL_WIDTH",
    "log_slider",
    "float_slider",
    "int_slider",
    "dropdown",
    "toggle",
]

CONTROL_STYLE = {"description_width": "initial"}
CONTROL_WIDTH = "420px"


def _common(description: str, tooltip: str | None) -> dict:
    if not isinstance(description, str) or not description.strip():
        raise TypeError(
            f"이름표(description)는 비어 있지 않은 문자열이어야 합니다 (받은 값: {description!r})."
        )
    options = {
        "description": description,
        "style": dict(CONTROL_STYLE),
        "layout": widgets.Layout(width=CONTROL_WIDTH),
    }
    if tooltip is not None:
        options["tooltip"] = tooltip
    return options


def _check_range(low: float, high: float, value: float, description: str) -> None:
    if not low < high:
        raise ValueError(
            f"위젯 '{description}'의 범위가 잘못되었습니다: 최솟값은 최댓값보다 작아야 합니다 "
            f"(받은 값: 최솟값 {low}, 최댓값 {high})."
        )
    if not low <= value <= high:
        raise ValueError(
            f"위젯 '{description}'의 처음 값이 범위 [{low}, {high}] 밖에 있습니다 "
            f"(받은 값: {value}). 범위 안의 값을 주세요."
        )


def log_slider(
    description: str,
    min: float,
    max: float,
    value: float,
    *,
    steps_per_decade: int = 20,
    readout_format: str = ".3g",
    continuous_update: bool = False,
    tooltip: str | None = None,
) -> widgets.FloatLogSlider:
    """로그 눈금 슬라이더 (예: 학습률 1e-4 ~ 1). min, max, value는 지수가 아니라 실제 값입니다.

    슬라이더는 log₁₀(값)을 고르게 나눠 움직입니다: 한 자릿수(10배)에 steps_per_decade칸.
    """
    low = check_positive(min, f"위젯 '{description}'의 최솟값")
    high = check_positive(max, f"위젯 '{description}'의 최댓값")
    start = check_positive(value, f"위젯 '{description}'의 처음 값")
    _check_range(low, high, start, description)
    steps = check_positive_int(steps_per_decade, "한 자릿수당 칸 수(steps_per_decade)")
    return widgets.FloatLogSlider(
        value=start,
        base=10,
        min=math.log10(low),
        max=math.log10(high),
        step=1 / steps,
        readout_format=readout_format,
        continuous_update=continuous_update,
        **_common(description, tooltip),
    )


def float_slider(
    description: str,
    min: float,
    max: float,
    value: float,
    *,
    step: float | None = None,
    readout_format: str = ".3g",
    continuous_update: bool = False,
    tooltip: str | None = None,
) -> widgets.FloatSlider:
    """실수 슬라이더. step을 주지 않으면 범위를 100칸으로 나눕니다."""
    _check_range(float(min), float(max), float(value), description)
    step = (
        (max - min) / 100 if step is None else check_positive(step, f"위젯 '{description}'의 간격")
    )
    return widgets.FloatSlider(
        value=value,
        min=min,
        max=max,
        step=step,
        readout_format=readout_format,
        continuous_update=continuous_update,
        **_common(description, tooltip),
    )


def int_slider(
    description: str,
    min: int,
    max: int,
    value: int,
    *,
    step: int = 1,
    continuous_update: bool = False,
    tooltip: str | None = None,
) -> widgets.IntSlider:
    """정수 슬라이더 (예: 층 수, 스텝 수)."""
    for number, what in ((min, "최솟값"), (max, "최댓값"), (value, "처음 값")):
        if isinstance(number, bool) or not isinstance(number, int):
            raise TypeError(
                f"위젯 '{description}'의 {what} 값은 정수여야 합니다 (받은 값: {number!r})."
            )
    _check_range(min, max, value, description)
    return widgets.IntSlider(
        value=value,
        min=min,
        max=max,
        step=check_positive_int(step, f"위젯 '{description}'의 간격"),
        continuous_update=continuous_update,
        **_common(description, tooltip),
    )


def dropdown(
    description: str,
    options: Sequence | Mapping,
    value=None,
    *,
    tooltip: str | None = None,
) -> widgets.Dropdown:
    """목록에서 하나 고르기 (예: 활성화 함수). options는 값 목록이나 {보이는 이름: 값}.

    value를 주지 않으면 첫 항목을 고릅니다.
    """
    if isinstance(options, Mapping):
        choices = list(options.items())
        values = list(options.values())
    else:
        choices = list(options)
        values = choices
    if not choices:
        raise ValueError(
            f"위젯 '{description}'의 선택지(options)가 비어 있습니다. 하나 이상 주세요."
        )
    if value is None:
        value = values[0]
    elif value not in values:
        listed = ", ".join(str(v) for v in values)
        raise ValueError(
            f"위젯 '{description}'의 처음 값이 선택지에 없습니다: {value!r}. 고를 수 있는 값: {listed}"
        )
    return widgets.Dropdown(options=choices, value=value, **_common(description, tooltip))


def toggle(
    description: str, value: bool = False, *, tooltip: str | None = None
) -> widgets.Checkbox:
    """켜고 끄기 (예: "배치 정규화 사용"). 체크 상자라서 켜짐/꺼짐이 한눈에 보입니다."""
    if not isinstance(value, bool):
        raise TypeError(
            f"위젯 '{description}'의 처음 값은 True나 False여야 합니다 (받은 값: {value!r})."
        )
    return widgets.Checkbox(value=value, indent=False, **_common(description, tooltip))
