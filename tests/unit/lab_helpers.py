"""탐색기(dlcourse.labs) 테스트들이 함께 쓰는 도구.

각 test_lab_*.py가 되풀이하던 일들입니다.

- 위젯 하나를 바꾸고, 한 번 다시 그렸는지, 그림(PNG)이 바뀌었는지 확인하기 (drive),
  모든 위젯을 양 끝값과 모든 선택지로 돌리기 (control_grid, drive_every_control)
- 프리셋으로 탐색기를 열어 그려지는지 확인하기 (open_preset), 모르는 프리셋 이름의 오류
- run()이 matplotlib과 ipywidgets를 불러오지 않는지 새 파이썬 프로세스에서 확인하기
- 그림 속 글자 모으기, matplotlib 경고나 '갱신 중 경고' 기록이 없는지 확인하기

무엇이 맞는지(기댓값)는 여기서 정하지 않습니다: 메시지를 어떻게 확인할지 같은 판단은
각 테스트 파일이 check 함수로 넘깁니다.
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
import warnings
from collections.abc import Callable, Mapping

import pytest

HANGUL = re.compile("[가-힣]")


def without_description(preset: Mapping) -> dict:
    """프리셋 사전에서 설명 글("설명")을 뺀 설정만 돌려줍니다."""
    return {key: value for key, value in preset.items() if key != "설명"}


def call_quietly(function: Callable, **params):
    """경고를 오류로 바꾸고 function(**params)를 부릅니다: 어떤 경고도 새어 나오면 안 됩니다."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return function(**params)


# ---------------------------------------------------------------------------
# 위젯 돌리기
# ---------------------------------------------------------------------------


def control_grid(live) -> list[tuple[str, list]]:
    """위젯마다 시험할 값: 드롭다운은 모든 선택지, 로그 슬라이더는 10^최소와 10^최대,
    체크 상자는 지금과 반대 값, 그 밖의 슬라이더는 최솟값과 최댓값."""
    grid = []
    for name, control in live.controls.items():
        if hasattr(control, "options"):
            grid.append((name, [value for _, value in control.options]))
        elif type(control).__name__ == "FloatLogSlider":
            grid.append((name, [10.0**control.min, 10.0**control.max]))
        elif type(control).__name__ == "Checkbox":
            grid.append((name, [not control.value]))
        else:
            grid.append((name, [control.min, control.max]))
    return grid


def expect_quiet(live, name, value) -> None:
    """오류도 없고 그림 속 메시지도 없어야 합니다 (drive의 기본 확인)."""
    from dlcourse import viz

    assert live.last_error is None, live.last_error
    assert viz.current_message(live.figure) is None, (name, value)


def drive(live, name: str, value, check: Callable = expect_quiet) -> None:
    """위젯 name을 value로 바꾸고 확인합니다: 정확히 한 번 다시 그렸고, check(live, name, value)가
    통과하고, 값이 실제로 바뀌었다면 그림(PNG)도 바뀌었습니다."""
    before, previous, count = live.png(), live.values[name], live.render_count
    live.set_values(**{name: value})
    assert live.render_count == count + 1
    check(live, name, value)
    if value != previous:
        assert live.png() != before, f"{name}={value!r}에서 그림이 바뀌지 않았습니다"


def drive_every_control(live, check: Callable = expect_quiet, grid=None) -> None:
    """모든 위젯을 control_grid(live)의 값들로 돌린 뒤 처음 값으로 되돌립니다 (되돌리기도 확인).

    이미 그 값인 위젯은 건너뜁니다. grid를 주면 그 (이름, 값 목록)들을 씁니다.
    """
    for name, values in grid if grid is not None else control_grid(live):
        default = live.controls[name].value
        for value in [*values, default]:
            if live.controls[name].value == value:
                continue
            drive(live, name, value, check)


def drive_and_reset(
    live, values_by_name: Mapping[str, list], check: Callable = expect_quiet
) -> None:
    """위젯마다 주어진 값들을 차례로 넣어 drive로 확인하고, 끝나면 그 위젯을 처음 값으로 되돌립니다
    (되돌리기는 확인하지 않습니다). 위젯 이름은 values_by_name과 정확히 같아야 합니다."""
    assert set(live.controls) == set(values_by_name)
    defaults = dict(live.values)
    for name, values in values_by_name.items():
        for value in values:
            drive(live, name, value, check)
        live.set_values(**{name: defaults[name]})


# ---------------------------------------------------------------------------
# 프리셋
# ---------------------------------------------------------------------------


def open_preset(explorer: Callable, presets: Mapping, name: str, **options):
    """프리셋 name의 설명이 한국어 문장(마침표로 끝남)인지 보고, explorer(preset=name)를 열어
    한 번 그렸고 오류가 없고 PNG가 나오는지 확인합니다. 연 탐색기(LiveFigure)를 돌려줍니다."""
    description = presets[name]["설명"]
    assert HANGUL.search(description) and description.endswith(".")
    live = explorer(preset=name, **options)
    assert live.render_count == 1 and live.last_error is None
    assert live.png().startswith(b"\x89PNG")
    return live


def assert_unknown_preset_lists(explorer: Callable, bad_name: str, names) -> None:
    """모르는 프리셋 이름이면 '프리셋'을 말하고 names를 모두 알려 주는 ValueError가 나야 합니다."""
    with pytest.raises(ValueError, match="프리셋") as info:
        explorer(preset=bad_name)
    for name in names:
        assert name in str(info.value), name


# ---------------------------------------------------------------------------
# run()은 그림 없이
# ---------------------------------------------------------------------------


def assert_no_plotting_imports(code: str) -> None:
    """새 파이썬 프로세스에서 code를 실행한 뒤 matplotlib과 ipywidgets가 불려 오지 않았는지 봅니다."""
    check = (
        "\nimport sys\n"
        "bad = [m for m in ('matplotlib', 'ipywidgets') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", code + check], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# ---------------------------------------------------------------------------
# 그림 속 글자와 경고 기록
# ---------------------------------------------------------------------------


def all_text(fig) -> str:
    """그림 안의 모든 글자 (축, 제목, 범례, 그림에 직접 쓴 글)를 한 문자열로."""
    from matplotlib.text import Text

    return " ".join(t.get_text() for t in fig.findobj(match=Text))


def assert_no_plot_warnings(records) -> None:
    """기록(logging.LogRecord들)에 matplotlib의 경고나 LiveFigure의 '갱신 중 경고'가 없어야 합니다."""
    bad = [
        r.getMessage()
        for r in records
        if (r.name.startswith("matplotlib") and r.levelno >= logging.WARNING)
        or "갱신 중 경고" in r.getMessage()
    ]
    assert bad == []


def watch_plot_warnings(caplog):
    """고정물(fixture)로 쓰는 생성기: 테스트 동안 INFO 이상의 기록을 모으고, 테스트가 끝나면
    그 기록에 matplotlib 경고나 '갱신 중 경고'가 없었는지 확인합니다. 테스트 파일에서

        mpl_log = pytest.fixture(watch_plot_warnings, name="mpl_log")

    처럼 이름을 붙여 씁니다. 테스트 안에서 중간에 확인하려면 assert_no_plot_warnings(mpl_log.records).
    (끝난 뒤에는 caplog.records가 정리 단계의 기록만 담으므로 실행 단계의 기록을 따로 봅니다.)
    """
    caplog.set_level(logging.INFO)
    yield caplog
    assert_no_plot_warnings(caplog.get_records("call"))
