"""슬라이더를 키보드로 움직이면 그림의 화소가 바뀌는지, 얼마나 빨리 바뀌는지 잽니다.

탐색기(죽은 ReLU, 기울기 소실)를 임시 노트북에서 실제 JupyterLab과 Chromium으로 열고,
한국어 이름표로 슬라이더를 찾아 그 손잡이(noUiSlider의 .noUi-handle)에 초점을 둔 뒤
ArrowRight/ArrowLeft를 번갈아 누릅니다. 탐색기의 슬라이더는 continuous_update=False라서
값이 'change' 이벤트에서 커널로 갑니다. noUiSlider는 키보드로 움직일 때도 'change'를
내므로 키 한 번이 갱신 한 번이 됩니다 (값이 커널에 닿았는지는 그림이 바뀌는 것으로 봅니다).

지연 시간은 페이지 안에서 performance.now()로 잽니다:
- keydown: 키를 누른 순간 (문서의 keydown 포착 단계).
- send / recv: 새 값을 커널에 보낸 순간, 바이너리(PNG)가 붙은 위젯 메시지를 받은 순간
  (커널 연결의 anyMessage 신호). send → recv가 커널 쪽 시간(계산, 그리기, PNG, 전송)입니다.
- src: 위젯의 <img>의 src가 새 blob: 주소로 바뀐 순간 (MutationObserver).
- load: 새 PNG를 다 읽은 순간 (<img>의 load 이벤트).
- paint: load 뒤 첫 requestAnimationFrame, 곧 새 화소가 화면에 그려지는 프레임.
'슬라이더에서 새 화소까지'는 keydown → paint입니다. 움직임마다 갱신이 끝나고 커널이
쉴 때까지 기다린 뒤 다음 키를 누릅니다. 결과는 출력(-s)과 record_property, 그리고
test-artifacts/browser/latency.json에 남깁니다.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import statistics
import time

import numpy as np
import pytest
from browser_lab import (
    ARTIFACTS,
    EXPLORER_NOTEBOOKS,
    ROUND_TRIP_NOTEBOOK,
    check_korean_in_figure,
    output_problems,
)
from PIL import Image

MOVES = 12  # 슬라이더마다 움직이는 횟수 (10번 이상)
UPDATE_TIMEOUT = 15.0  # 초: 키 한 번에 새 그림이 나올 때까지
TARGET_MEDIAN_MS = 150.0  # design.md의 목표 (참고용으로 출력)
# 단언하는 한계: 코어 두 개를 다른 작업과 나눠 쓰는 기계에서도 늘 지켜지는 값.
# 목표(150 ms)와의 비교는 출력과 latency.json에 정직하게 남깁니다.
ASSERT_MEDIAN_MS = 1000.0

# (탐색기, 슬라이더 이름표의 앞부분)
CASES = {
    "dying_relu": ["학습률"],
    "vanishing": ["학습률", "은닉층 수"],
}

_RESULTS: dict[str, dict] = {}

_JS_INSTRUMENT = """
([img]) => {
  const record = {keydown: [], send: [], recv: [], src: [], load: [], paint: []};
  window.__latency = record;
  if (!window.__latencyKernelListener) {
    // 커널과 주고받는 위젯 메시지(comm_msg): 보낸 것(값 바꿈)과 받은 것 중 바이너리가 붙은 것(그림).
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    kernel.anyMessage.connect((_, args) => {
      if (args.msg.header.msg_type !== 'comm_msg') return;
      const now = performance.now();
      if (args.direction === 'send') window.__latency.send.push(now);
      else if (args.msg.buffers && args.msg.buffers.length) window.__latency.recv.push(now);
    });
    window.__latencyKernelListener = true;
  }
  if (!window.__latencyKeyListener) {
    document.addEventListener('keydown', () => window.__latency.keydown.push(performance.now()), true);
    window.__latencyKeyListener = true;
  }
  if (window.__latencyObserver) window.__latencyObserver.disconnect();
  window.__latencyObserver = new MutationObserver((mutations) => {
    for (const m of mutations) if (m.attributeName === 'src') window.__latency.src.push(performance.now());
  });
  window.__latencyObserver.observe(img, {attributes: true, attributeFilter: ['src']});
  if (!img.__latencyLoad) {
    img.addEventListener('load', () => {
      window.__latency.load.push(performance.now());
      requestAnimationFrame(() => window.__latency.paint.push(performance.now()));
    });
    img.__latencyLoad = true;
  }
  return true;
}
"""


# 노트북의 live(LiveFigure)를 지금 값 그대로 7번 다시 그리며 잰 시간(ms) 목록을 출력합니다.
_KERNEL_RENDER_TIMING = """
import json as _json, time as _time
_times = []
for _ in range(7):
    _t0 = _time.perf_counter()
    live.render()
    _times.append(1000 * (_time.perf_counter() - _t0))
print(_json.dumps(_times))
del _json, _time, _times, _t0
"""


def _first_after(times: list[float], start: float) -> float:
    return min(t for t in times if t >= start)


def _last_before(times: list[float], end: float) -> float:
    return max(t for t in times if t <= end)


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def _wait_idle(nb, timeout: float = UPDATE_TIMEOUT) -> None:
    deadline = time.perf_counter() + timeout
    while nb.status()["kernelStatus"] != "idle":
        assert time.perf_counter() < deadline, f"{nb.name}: 커널이 {timeout}초 안에 쉬지 않습니다."
        nb.page.wait_for_timeout(50)


def _measure_slider(nb, cell_index: int, label: str, kernel_timing: bool = True) -> dict:
    page = nb.page
    output = nb.output_locator(cell_index)
    slider = output.locator(".widget-slider").filter(
        has=page.locator("label.widget-label", has_text=re.compile("^" + re.escape(label)))
    )
    assert slider.count() == 1, (
        f"{nb.name}: 이름표가 '{label}'(으)로 시작하는 슬라이더가 {slider.count()}개입니다."
    )
    handle = slider.locator(".noUi-handle")
    readout = slider.locator(".widget-readout")
    img = output.locator("img.widget-image").first
    page.evaluate(_JS_INSTRUMENT, [img.element_handle()])

    handle.focus()
    value_now = float(handle.get_attribute("aria-valuenow"))
    value_max = float(handle.get_attribute("aria-valuemax"))
    # 오른쪽 끝이면 왼쪽부터 움직입니다.
    first, second = (
        ("ArrowLeft", "ArrowRight") if value_now >= value_max else ("ArrowRight", "ArrowLeft")
    )

    previous = nb.image_bytes(cell_index)
    moves = []
    for i in range(MOVES):
        key = first if i % 2 == 0 else second
        counts = page.evaluate("() => window.__latency.paint.length")
        readout_before = readout.inner_text()
        page.keyboard.press(key)
        page.wait_for_function(
            f"() => window.__latency.paint.length > {counts}", timeout=UPDATE_TIMEOUT * 1000
        )
        _wait_idle(nb)
        page.wait_for_timeout(100)  # 늦게 오는 두 번째 갱신이 있는지 보려고 잠깐 기다립니다.
        record = page.evaluate("() => window.__latency")
        keydown = record["keydown"][-1]
        src = _first_after(record["src"], keydown)
        new_paints = len(record["paint"]) - counts
        current = nb.image_bytes(cell_index)
        changed = int(np.any(_pixels(current) != _pixels(previous)))
        moves.append(
            {
                "key": key,
                "readout": [readout_before, readout.inner_text()],
                "to_send_ms": _first_after(record["send"], keydown) - keydown,
                "to_recv_ms": _last_before(record["recv"], src) - keydown,
                "to_src_ms": src - keydown,
                "to_load_ms": _first_after(record["load"], src) - keydown,
                "to_paint_ms": record["paint"][counts] - keydown,
                "updates": new_paints,
                "pixels_changed": changed,
            }
        )
        previous = current

    # 비교용: 같은 커널에서 그 슬라이더 값으로 다시 계산하고 그리는 시간(update + 그리기 + PNG).
    # 지연 시간에서 이것을 빼면 메시지 왕복과 브라우저 쪽 시간입니다.
    kernel_ms = None
    if kernel_timing:
        kernel = nb.kernel_exec(_KERNEL_RENDER_TIMING)
        assert kernel["error"] is None, kernel["error"]
        kernel_ms = json.loads(kernel["stdout"].strip().splitlines()[-1])
        nb.page.wait_for_timeout(300)  # 이 다시 그리기들이 보낸 그림이 화면에 다 닿도록

    paint = [m["to_paint_ms"] for m in moves]
    return {
        "slider": label,
        "moves": len(moves),
        "median_ms": round(statistics.median(paint), 1),
        "max_ms": round(max(paint), 1),
        "min_ms": round(min(paint), 1),
        "median_to_send_ms": round(statistics.median(m["to_send_ms"] for m in moves), 1),
        "median_to_recv_ms": round(statistics.median(m["to_recv_ms"] for m in moves), 1),
        "median_to_src_ms": round(statistics.median(m["to_src_ms"] for m in moves), 1),
        "median_to_load_ms": round(statistics.median(m["to_load_ms"] for m in moves), 1),
        "kernel_render_median_ms": round(statistics.median(kernel_ms), 1) if kernel_ms else None,
        "all_ms": [round(v, 1) for v in paint],
        "details": moves,
    }


def _check_moves(result: dict, where: str) -> None:
    """움직임마다: 슬라이더 값이 바뀌었고, 그림의 화소가 바뀌었고, 그림이 꼭 한 번 바뀌었는지."""
    for i, move in enumerate(result["details"]):
        assert move["readout"][0] != move["readout"][1], (
            f"{where}: {i}번째 키({move['key']})에 슬라이더 값이 바뀌지 않았습니다: {move['readout']}"
        )
        assert move["pixels_changed"], (
            f"{where}: {i}번째 키({move['key']}) 뒤 그림의 화소가 그대로입니다."
        )
        assert move["updates"] == 1, (
            f"{where}: 키 한 번에 그림이 {move['updates']}번 바뀌었습니다 (한 번이어야 합니다)."
        )


def _report(result: dict, name: str, record_property) -> None:
    """pytest 출력(-s)과 record_property에 지연 시간을 남깁니다."""
    verdict = "목표 이내" if result["median_ms"] <= TARGET_MEDIAN_MS else "목표 초과"
    kernel = result["kernel_render_median_ms"]
    kernel_text = "" if kernel is None else f"; 커널의 계산+그리기 중앙값 {kernel} ms"
    line = (
        f"[latency] {name} / {result['slider']}: 슬라이더 → 새 화소 중앙값 {result['median_ms']} ms, "
        f"최대 {result['max_ms']} ms, 최소 {result['min_ms']} ms ({result['moves']}번; "
        f"중앙값: 값 보냄 {result['median_to_send_ms']}, 그림 받음 {result['median_to_recv_ms']}, "
        f"src 바뀜 {result['median_to_src_ms']} ms{kernel_text}; "
        f"목표 {TARGET_MEDIAN_MS:.0f} ms {verdict})"
    )
    print("\n" + line)
    summary = {k: v for k, v in result.items() if k != "details"}
    record_property(f"latency_{name}_{result['slider']}", json.dumps(summary, ensure_ascii=False))


def _save_results(name: str, notebook: str, results: list[dict]) -> None:
    """지금까지 잰 결과를 test-artifacts/browser/latency.json에 씁니다 (테스트마다 덧붙임)."""
    _RESULTS[name] = {
        "notebook": notebook,
        # 잴 때 기계가 얼마나 붐볐는지 (1분 평균 부하, 코어 수): 숫자를 읽을 때 참고
        "load_average_1min": round(os.getloadavg()[0], 2),
        "cpu_count": os.cpu_count(),
        "sliders": results,
    }
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    content = {
        "target_median_ms": TARGET_MEDIAN_MS,
        "asserted_median_ms": ASSERT_MEDIAN_MS,
        "explorers": _RESULTS,
    }
    (ARTIFACTS / "latency.json").write_text(
        json.dumps(content, ensure_ascii=False, indent=1, allow_nan=False),
        encoding="utf-8",
    )


@pytest.mark.parametrize("explorer", sorted(CASES))
def test_slider_moves_redraw_quickly(lab, explorer, record_property):
    notebook, _ = EXPLORER_NOTEBOOKS[explorer]
    nb = lab.open_notebook(notebook)
    try:
        nb.run_all()
        status = nb.wait_for_widgets()
        problems = output_problems(status)
        assert not problems, f"{explorer}: 출력에 문제가 있습니다:\n- " + "\n- ".join(problems)
        cell = next(c for c in status["cells"] if c["type"] == "code" and c["images"])
        nb.save_screenshot(explorer, nb.output_locator(cell["index"]))

        # 처음 그림: 커널이 보낸 PNG 그대로이고, 한글이 나눔고딕 글자로 그려졌는지.
        png = nb.image_bytes(cell["index"])
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / f"{explorer}__figure.png").write_bytes(png)
        probe = nb.kernel_probe()
        assert "NanumGothic" in probe["nanum"], (
            f"커널이 나눔고딕을 찾지 못했습니다: {probe['nanum']}"
        )
        figures = {f["sha256"]: f for f in probe["figures"]}
        figure = figures.get(hashlib.sha256(png).hexdigest())
        assert figure is not None, f"{explorer}: 브라우저의 그림이 커널의 PNG와 다릅니다."
        assert figure["last_error"] is None, f"{explorer}: 갱신 오류:\n{figure['last_error']}"
        check_korean_in_figure(png, figure, explorer)

        results = [_measure_slider(nb, cell["index"], label) for label in CASES[explorer]]
        _save_results(explorer, notebook, results)
        for result in results:
            _report(result, explorer, record_property)
        for result in results:
            _check_moves(result, f"{explorer} / {result['slider']}")
        for result in results:
            assert result["median_ms"] <= ASSERT_MEDIAN_MS, (
                f"{explorer} / {result['slider']}: 슬라이더에서 새 화소까지 중앙값 "
                f"{result['median_ms']} ms로 너무 느립니다 (한계 {ASSERT_MEDIAN_MS:.0f} ms)."
            )
    finally:
        nb.close()


def test_widget_round_trip_floor(lab, record_property):
    """기준선: 계산 없이 미리 만든 같은 크기의 PNG 두 장을 바꿔 넣기만 하는 슬라이더.

    탐색기의 지연 시간 가운데 위젯 왕복(브라우저 → 서버 → 커널 → 서버 → 브라우저)과 그림
    표시의 몫이 얼마인지 보여 줍니다. 탐색기 지연 시간 − 이 값 ≈ 커널의 계산과 그리기.
    """
    nb = lab.open_notebook(ROUND_TRIP_NOTEBOOK)
    try:
        nb.run_all()
        status = nb.wait_for_widgets()
        problems = output_problems(status)
        assert not problems, "기준선 노트북의 출력에 문제가 있습니다:\n- " + "\n- ".join(problems)
        cell = next(c for c in status["cells"] if c["type"] == "code" and c["images"])
        result = _measure_slider(nb, cell["index"], "기준선", kernel_timing=False)
        _save_results("round_trip_floor", ROUND_TRIP_NOTEBOOK, [result])
        _report(result, "round_trip_floor", record_property)
        _check_moves(result, "기준선")
        assert result["median_ms"] <= ASSERT_MEDIAN_MS
    finally:
        nb.close()
