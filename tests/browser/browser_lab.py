"""실제 브라우저(JupyterLab 4 + Debian Chromium) 테스트의 도구 (conftest.py의 `lab` 픽스처가 씁니다).

세션마다 JupyterLab 서버 하나와 Chromium 하나(브라우저 컨텍스트 하나)를 띄우고, 테스트마다
새 페이지(탭)와 새 작업 공간(workspace)으로 노트북 하나를 엽니다. 새 작업 공간이라서 지난
테스트의 탭은 열리지 않고, 테스트가 끝나면 그 노트북의 커널을 끕니다.

- 서버: 이 venv의 `python -m jupyterlab`, 127.0.0.1의 빈 포트, 토큰 켬(무작위),
  root_dir는 lessons/를 복사한 임시 폴더라서 실행이 저장소의 노트북을 바꾸지 않습니다.
  사용자 설정 폴더도 임시 폴더이고, 그 안에 두 가지만 정합니다: 소식/업데이트 알림 끔,
  노트북 windowingMode "none"(모든 칸을 DOM에 그려 두어 화면 밖 칸도 검사할 수 있게).
- 브라우저: /usr/bin/chromium (환경 변수 DLCOURSE_CHROMIUM으로 바꿀 수 있음).
  `playwright install`은 쓰지 않습니다 (브라우저를 내려받기 때문). Playwright의
  launch()는 실행마다 새 임시 프로필(user-data-dir)을 씁니다. 네트워크가 닫힌 기계에서
  바깥 연결 시도가 쏟아지지 않도록 배경 네트워킹을 끄는 인자를 줍니다.
  브라우저의 글꼴 설정(fontconfig)에 패키지의 나눔고딕 폴더를 더해, 시스템에 한글 글꼴이
  없어도 위젯 이름표가 네모로 그려지지 않게 합니다 (스크린숏을 사람이 읽을 수 있도록).
- Chromium이 없으면 테스트가 실패합니다 (CI는 apt로 설치합니다). 환경 변수
  DLCOURSE_SKIP_BROWSER=1이면 건너뜁니다.

테스트는 conftest.py의 `lab` 픽스처를 씁니다: `nb = lab.open_notebook("01_....ipynb")`.
서버와 브라우저는 처음 open_notebook()을 부를 때 띄웁니다. 그래서 Chromium이 없을 때는
아무것도 띄우지 않고 테스트 본문에서 분명한 메시지로 실패합니다.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parents[2]
LESSONS_DIR = ROOT / "lessons"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
FONT_DIR = ROOT / "src" / "dlcourse" / "viz" / "fonts"
CHROMIUM = Path(os.environ.get("DLCOURSE_CHROMIUM", "/usr/bin/chromium"))
SKIP_ENV = "DLCOURSE_SKIP_BROWSER"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

SERVER_START_TIMEOUT = 90.0  # 초: JupyterLab 서버가 /api/status에 답할 때까지
PAGE_LOAD_TIMEOUT = 90.0  # 초: 페이지가 열리고 커널이 준비될 때까지
RUN_ALL_TIMEOUT = 180.0  # 초: 노트북 하나의 모든 칸 실행 (강의 하나당)
WIDGET_TIMEOUT = 30.0  # 초: 실행이 끝난 뒤 위젯이 그려질 때까지

# 노트북 안의 탐색기(dlcourse.viz.LiveFigure)는 ipywidgets.Image에 PNG를 넣습니다.
# ipywidgets 8의 ImageView는 그 바이트로 blob: 주소를 만들어 <img class="widget-image">에 넣습니다.
WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
STDERR_SELECTOR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
WIDGET_FAILURE_TEXTS = ("Error displaying widget", "Loading widget")
_HANGUL = re.compile("[가-힣]")


# ---------------------------------------------------------------------------
# 임시 노트북 (강의가 아직 없어도 도구 자체를 시험할 수 있게)
# ---------------------------------------------------------------------------


def make_notebook(cells: list[tuple[str, str]]) -> dict:
    """[(종류, 소스), ...]로 nbformat 4 노트북 사전을 만듭니다. 종류는 "code" 또는 "markdown"."""
    nb_cells = []
    for kind, source in cells:
        cell = {"cell_type": kind, "metadata": {}, "source": source}
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        nb_cells.append(cell)
    return {
        "cells": nb_cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


SELFTEST_NOTEBOOK = "_browser_selftest.ipynb"
NEGATIVE_NOTEBOOK = "_browser_negative.ipynb"
EXPLORER_NOTEBOOKS = {
    # 이름: (노트북 파일, 탐색기를 만드는 코드)
    "dying_relu": (
        "_explorer_dying_relu.ipynb",
        "from dlcourse.labs import dying_relu\nlive = dying_relu.explorer()\nlive",
    ),
    "vanishing": (
        "_explorer_vanishing.ipynb",
        "from dlcourse.labs import vanishing\nlive = vanishing.explorer()\nlive",
    ),
}

# 기준선: 계산 없이 미리 만든 PNG 두 장을 슬라이더 값에 따라 바꿔 넣기만 하는 위젯.
# 슬라이더 → 새 화소 지연 시간에서 '위젯 왕복(브라우저 ↔ 서버 ↔ 커널)과 그림 표시'만의 몫을 잽니다.
ROUND_TRIP_NOTEBOOK = "_round_trip_floor.ipynb"
ROUND_TRIP_CODE = """import ipywidgets as widgets
from dlcourse.labs import dying_relu

# 탐색기와 같은 크기의 실제 그림 두 장 (학습률 0.3과 0.355)
_live = dying_relu.explorer()
frames = []
for lr in (0.3, 0.355):
    _live.set_values(learning_rate=lr)
    frames.append(_live.png())
_live.close()
image = widgets.Image(value=frames[0], format="png")
slider = widgets.IntSlider(value=0, min=0, max=1, description="기준선 그림 번호",
                           continuous_update=False)
slider.observe(lambda change: setattr(image, "value", frames[change["new"]]), names="value")
widgets.VBox([slider, image])"""

_GENERATED = {
    ROUND_TRIP_NOTEBOOK: make_notebook([("code", ROUND_TRIP_CODE)]),
    SELFTEST_NOTEBOOK: make_notebook(
        [
            (
                "markdown",
                "# 브라우저 테스트 자체 점검\n\n강의가 없어도 도구를 시험하는 노트북입니다.",
            ),
            ("code", "import dlcourse\nprint(dlcourse.__version__)"),
            ("code", "from dlcourse.labs import dying_relu\ndying_relu.explorer()"),
        ]
    ),
    # 일부러 문제를 일으키는 노트북: 검사가 문제를 실제로 잡아내는지 봅니다.
    NEGATIVE_NOTEBOOK: make_notebook(
        [
            ("code", "import sys\nprint('일부러 쓴 stderr', file=sys.stderr)"),
            (
                "code",
                "from IPython.display import display\n"
                "display({'application/vnd.jupyter.widget-view+json': {'model_id': 'no-such-model',"
                " 'version_major': 2, 'version_minor': 0}, 'text/plain': '없는 위젯'}, raw=True)",
            ),
            ("code", "raise ValueError('일부러 낸 오류')"),
            ("code", "print('오류 뒤의 칸은 실행되지 않아야 합니다')"),
        ]
    ),
    **{
        file: make_notebook([("markdown", f"# 탐색기 {name}"), ("code", code)])
        for name, (file, code) in EXPLORER_NOTEBOOKS.items()
    },
}


def lesson_notebooks() -> list[str]:
    """lessons/ 안의 노트북 파일 이름 (수집할 때 있는 것만)."""
    return sorted(p.name for p in LESSONS_DIR.glob("*.ipynb"))


# ---------------------------------------------------------------------------
# 브라우저 안에서 부르는 자바스크립트
# ---------------------------------------------------------------------------

# 모든 스크립트의 앞부분: 경로로 노트북 패널을 찾습니다.
_JS_FIND_PANEL = """
const app = window.jupyterapp;
const findPanel = (path) => {
  for (const w of app.shell.widgets('main')) {
    if (w.context && w.context.path === path && w.content && w.content.model) return w;
  }
  return null;
};
"""

_JS_WAIT_READY = (
    "async ([path, timeoutMs]) => {\n"
    "const t0 = Date.now();\n"
    "const sleep = (ms) => new Promise(r => setTimeout(r, ms));\n"
    "while (!window.jupyterapp) { if (Date.now() - t0 > timeoutMs) return 'no jupyterapp'; await sleep(100); }\n"
    + _JS_FIND_PANEL
    + """
await app.restored;
let panel = null;
while (!(panel = findPanel(path))) {
  if (Date.now() - t0 > timeoutMs) return 'notebook panel not found';
  await sleep(100);
}
await panel.context.ready;
await panel.sessionContext.ready;
while (true) {
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  if (kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle') break;
  if (Date.now() - t0 > timeoutMs) return 'kernel not idle: ' + (kernel ? kernel.status : 'none');
  await sleep(100);
}
app.shell.activateById(panel.id);
return 'ok';
}"""
)

_JS_RUN_ALL = (
    "async (path) => {\n"
    + _JS_FIND_PANEL
    + """
const panel = findPanel(path);
app.shell.activateById(panel.id);
panel.content.activeCellIndex = 0;
// 저장된 출력과 실행 번호를 먼저 지워, 새로 실행된 칸만 번호를 갖게 합니다.
await app.commands.execute('notebook:clear-all-cell-outputs');
const stale = panel.content.widgets.filter(
  c => c.model.type === 'code' && c.model.executionCount !== null).length;
app.commands.execute('notebook:run-all-cells');
return stale;
}"""
)

# 실행 상태: 칸마다 실행 번호와 모델의 출력 요약, 커널 상태.
_JS_STATUS = (
    "(path) => {\n"
    + _JS_FIND_PANEL
    + """
const panel = findPanel(path);
const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
const cells = [];
panel.content.widgets.forEach((cell, index) => {
  const model = cell.model;
  const info = {index, type: model.type, source: model.sharedModel.getSource()};
  if (model.type === 'code') {
    info.executionCount = model.executionCount;
    info.outputs = model.outputs.toJSON();
    const node = cell.outputArea.node;
    info.domText = node.innerText;
    info.domStderr = node.querySelectorAll(arguments_stderr).length;
    info.widgetViews = node.querySelectorAll('.jp-OutputArea-output').length;
    info.images = Array.from(node.querySelectorAll('img.widget-image')).map(img => ({
      src: img.getAttribute('src') || '', complete: img.complete, naturalWidth: img.naturalWidth,
      naturalHeight: img.naturalHeight}));
  }
  cells.push(info);
});
return {kernelStatus: kernel ? kernel.status : 'none', cells};
}"""
).replace("arguments_stderr", json.dumps(STDERR_SELECTOR))

# 같은 커널에서 코드를 조용히 실행하고 stdout을 돌려받습니다 (노트북에는 칸이 생기지 않습니다).
_JS_KERNEL_EXEC = (
    "async ([path, code]) => {\n"
    + _JS_FIND_PANEL
    + """
const panel = findPanel(path);
const kernel = panel.sessionContext.session.kernel;
const future = kernel.requestExecute({code, silent: false, store_history: false});
let stdout = '', stderr = '', error = null;
future.onIOPub = (msg) => {
  const type = msg.header.msg_type;
  if (type === 'stream') { if (msg.content.name === 'stdout') stdout += msg.content.text; else stderr += msg.content.text; }
  else if (type === 'error') error = msg.content.ename + ': ' + msg.content.evalue + '\\n' + msg.content.traceback.join('\\n');
};
await future.done;
return {stdout, stderr, error};
}"""
)

# 칸 index의 출력 안에 있는 k번째 위젯 그림의 바이트 (base64).
_JS_IMAGE_BYTES = (
    "async ([path, index, k]) => {\n"
    + _JS_FIND_PANEL
    + """
const panel = findPanel(path);
const img = panel.content.widgets[index].outputArea.node.querySelectorAll('img.widget-image')[k];
const buffer = await (await fetch(img.src)).arrayBuffer();
const bytes = new Uint8Array(buffer);
let text = '';
for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
return btoa(text);
}"""
)


# ---------------------------------------------------------------------------
# 노트북 한 개를 연 페이지
# ---------------------------------------------------------------------------


class NotebookPage:
    """브라우저에서 연 노트북 하나. run_all(), status(), kernel_exec() 등을 제공합니다."""

    def __init__(self, lab: BrowserLab, name: str):
        self.lab = lab
        self.name = name
        self.page = lab.context.new_page()
        self.console_errors: list[str] = []
        self.page.on(
            "console",
            lambda msg: (
                self.console_errors.append(msg.text.splitlines()[0] if msg.text else "")
                if msg.type == "error"
                else None
            ),
        )
        self.page.on("pageerror", lambda exc: self.console_errors.append(f"pageerror: {exc}"))
        workspace = "t" + uuid.uuid4().hex[:12]  # 새 작업 공간: 지난 테스트의 탭이 열리지 않습니다.
        self.url = f"{lab.base_url}/lab/workspaces/{workspace}/tree/{quote(name)}?token={lab.token}"
        started = time.perf_counter()
        self.page.goto(self.url, wait_until="domcontentloaded", timeout=PAGE_LOAD_TIMEOUT * 1000)
        state = self.page.evaluate(_JS_WAIT_READY, [name, PAGE_LOAD_TIMEOUT * 1000])
        self.dismiss_dialogs()
        if state != "ok":
            self.save_screenshot(f"{Path(name).stem}__load_failed")
            raise AssertionError(f"JupyterLab에서 {name}을(를) 열지 못했습니다: {state}")
        self.load_seconds = time.perf_counter() - started

    # 기본 조작 -----------------------------------------------------------------
    def dismiss_dialogs(self) -> int:
        """떠 있는 대화 상자를 기본 단추로 닫고, 닫은 개수를 돌려줍니다."""
        closed = 0
        for _ in range(5):
            button = self.page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept")
            if button.count() == 0:
                break
            button.first.click()
            closed += 1
            self.page.wait_for_timeout(200)
        return closed

    def status(self) -> dict:
        return self.page.evaluate(_JS_STATUS, self.name)

    def run_all(self, timeout: float = RUN_ALL_TIMEOUT) -> dict:
        """모든 칸을 실행하고, 모든 코드 칸에 실행 번호가 붙고 커널이 쉴 때까지 기다립니다.

        오류가 난 칸이 있으면 JupyterLab이 뒤 칸의 실행을 멈추므로, 커널이 쉬고 있는데
        오류 출력이 있으면 곧바로 돌려줍니다 (검사는 부른 쪽에서 합니다).
        돌려주는 값: 마지막 status()에 걸린 시간(seconds)을 더한 사전.
        """
        started = time.perf_counter()
        stale = self.page.evaluate(_JS_RUN_ALL, self.name)
        assert stale == 0, f"{self.name}: 출력을 지운 뒤에도 실행 번호가 남은 칸이 {stale}개입니다."
        deadline = started + timeout
        idle_since = None
        while True:
            self.dismiss_dialogs()
            status = self.status()
            code = [c for c in status["cells"] if c["type"] == "code"]
            all_counted = all(c["executionCount"] is not None for c in code)
            idle = status["kernelStatus"] == "idle"
            errored = any(o.get("output_type") == "error" for c in code for o in c["outputs"])
            idle_since = (idle_since or time.perf_counter()) if idle else None
            settled = idle_since is not None and time.perf_counter() - idle_since > 0.5
            if settled and (all_counted or errored):
                status["seconds"] = time.perf_counter() - started
                return status
            if time.perf_counter() > deadline:
                self.save_screenshot(f"{Path(self.name).stem}__timeout")
                missing = [c["index"] for c in code if c["executionCount"] is None]
                raise AssertionError(
                    f"{self.name}: {timeout:.0f}초 안에 실행이 끝나지 않았습니다 "
                    f"(커널 상태 {status['kernelStatus']}, 실행 번호 없는 칸 {missing})."
                )
            self.page.wait_for_timeout(250)

    def wait_for_widgets(self, timeout: float = WIDGET_TIMEOUT) -> dict:
        """위젯 출력이 모두 그려질 때까지 기다립니다: 그림이 있는 위젯은 <img>가 읽혔고,
        'Loading widget' 같은 글이 남아 있지 않을 때. 시간이 지나면 그때의 상태를 돌려줍니다."""
        deadline = time.perf_counter() + timeout
        while True:
            status = self.status()
            pending = False
            for cell in status["cells"]:
                if cell["type"] != "code":
                    continue
                has_view = any(WIDGET_VIEW_MIME in o.get("data", {}) for o in cell["outputs"])
                if not has_view:
                    continue
                text = cell["domText"]
                if "Loading widget" in text:
                    pending = True
                if any(not img["complete"] or img["naturalWidth"] == 0 for img in cell["images"]):
                    pending = True
                if looks_like_explorer(cell) and not cell["images"] and "Error" not in text:
                    pending = True
            if not pending or time.perf_counter() > deadline:
                return status
            self.page.wait_for_timeout(250)

    def kernel_exec(self, code: str) -> dict:
        """노트북의 커널에서 code를 실행하고 {stdout, stderr, error}를 돌려줍니다."""
        return self.page.evaluate(_JS_KERNEL_EXEC, [self.name, code])

    def kernel_probe(self) -> dict:
        """KERNEL_PROBE를 노트북의 커널에서 실행해 결과 사전을 돌려줍니다."""
        result = self.kernel_exec(KERNEL_PROBE)
        if result["error"] or not result["stdout"].strip():
            raise AssertionError(
                f"{self.name}: 커널 검사 코드가 실패했습니다: {result['error'] or result['stderr']}"
            )
        return json.loads(result["stdout"].strip().splitlines()[-1])

    def image_bytes(self, cell_index: int, k: int = 0) -> bytes:
        """칸 cell_index의 출력에 있는 k번째 위젯 그림이 지금 보여 주는 PNG 바이트."""
        return base64.b64decode(self.page.evaluate(_JS_IMAGE_BYTES, [self.name, cell_index, k]))

    def output_locator(self, cell_index: int):
        return (
            self.page.locator(".jp-Notebook .jp-Cell")
            .nth(cell_index)
            .locator(".jp-Cell-outputArea")
        )

    def save_screenshot(self, stem: str, locator=None) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{stem}.png"
        try:
            if locator is None:
                self.page.screenshot(path=str(path), full_page=False)
            else:
                locator.scroll_into_view_if_needed()
                locator.screenshot(path=str(path))
        except Exception as exc:  # 스크린숏 실패가 원래 실패를 가리지 않게 합니다.
            print(f"[browser] 스크린숏을 저장하지 못했습니다 ({path.name}): {exc}")
        return path

    def close(self) -> None:
        """커널을 끄고 창을 닫습니다 (다음 테스트가 CPU를 온전히 쓰도록)."""
        try:
            self.page.evaluate(
                "async (path) => {" + _JS_FIND_PANEL + "const p = findPanel(path);"
                " if (p) await p.sessionContext.shutdown(); }",
                self.name,
            )
        except Exception as exc:
            print(f"[browser] 커널을 끄지 못했습니다 ({self.name}): {exc}")
        self.page.close()


def looks_like_explorer(cell: dict) -> bool:
    """탐색기를 보여 주는 칸인지: 출력에 위젯이 있고, 소스가 explorer(...)를 부르거나 그 위젯
    안에 그림(<img>)이 있습니다. (탐색기를 변수에 넣기만 하고 보여 주지 않는 칸은 아닙니다.)"""
    shows_widget = any(WIDGET_VIEW_MIME in o.get("data", {}) for o in cell.get("outputs", []))
    return shows_widget and ("explorer(" in cell.get("source", "") or bool(cell.get("images")))


# ---------------------------------------------------------------------------
# 출력 검사와 한글 글자 검사
# ---------------------------------------------------------------------------


def cell_label(cell: dict) -> str:
    """오류 메시지에 쓸 칸 이름: 번호와 소스의 첫 줄."""
    lines = cell["source"].strip().splitlines()
    first = lines[0][:60] if lines else ""
    return f"칸 {cell['index']} ({first!r})"


def output_problems(status: dict) -> list[str]:
    """실행한 노트북의 출력에서 문제를 찾아 사람이 읽을 문장 목록으로 돌려줍니다.

    - 모델의 출력: 오류(error, traceback)와 stderr 스트림 (경고 문구도 여기로 나옵니다).
    - 화면(DOM): stderr 출력 칸, 'Traceback' 글자, 위젯을 그리지 못했다는 글자.
    """
    problems = []
    for cell in status["cells"]:
        if cell["type"] != "code":
            continue
        where = cell_label(cell)
        for out in cell["outputs"]:
            kind = out.get("output_type")
            if kind == "error":
                tb = "\n".join(out.get("traceback", []))[-1500:]
                problems.append(f"{where}: 오류 {out.get('ename')}: {out.get('evalue')}\n{tb}")
            elif kind == "stream" and out.get("name") == "stderr":
                problems.append(f"{where}: stderr 출력: {''.join(out.get('text', ''))[:800]}")
        if cell["domStderr"]:
            problems.append(f"{where}: 화면에 stderr 출력 칸 {cell['domStderr']}개")
        text = cell["domText"]
        if "Traceback" in text:
            problems.append(f"{where}: 화면에 Traceback 글자가 있습니다")
        for failure in WIDGET_FAILURE_TEXTS:
            if failure in text:
                problems.append(f"{where}: 위젯을 그리지 못했습니다 ({failure!r})")
    return problems


# 노트북의 커널에서 실행합니다: 살아 있는 LiveFigure마다 지금 PNG의 해시, 한글 글자의 위치와
# 글꼴 설정, 그림을 다시 그릴 때 matplotlib이 낸 'Glyph ... missing from font(s)' 경고를
# 모읍니다. 결과는 JSON 한 줄입니다. 이름이 노트북 변수와 겹치지 않게 함수 안에서 합니다.
KERNEL_PROBE = r"""
def _dlcourse_browser_probe():
    import gc, hashlib, json, re, warnings
    import matplotlib.text
    from matplotlib import font_manager
    from matplotlib.colors import to_hex
    from dlcourse.viz import LiveFigure
    hangul = re.compile("[가-힣]")
    try:
        nanum = font_manager.findfont(
            font_manager.FontProperties(family="NanumGothic"), fallback_to_default=False)
    except ValueError as exc:
        nanum = "찾지 못함: " + str(exc)
    figures = []
    for live in [o for o in gc.get_objects() if isinstance(o, LiveFigure)]:
        fig = live.figure
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        width, height = fig.canvas.get_width_height()
        texts = []
        for text in fig.findobj(matplotlib.text.Text):
            content = text.get_text()
            if (not text.get_visible() or not hangul.search(content)
                    or text.get_rotation() % 360 or text.get_bbox_patch() is not None):
                continue
            box = text.get_window_extent(renderer)
            if box.x0 < 0 or box.y0 < 0 or box.x1 > width or box.y1 > height:
                continue
            texts.append({
                "text": content, "fontsize": text.get_fontsize(),
                "family": list(text.get_fontfamily()), "weight": text.get_fontweight(),
                "linespacing": text.get_linespacing(), "ha": text.get_horizontalalignment(),
                "color": to_hex(text.get_color()), "box": [box.x0, box.y0, box.x1, box.y1]})
        figures.append({
            "sha256": hashlib.sha256(live.png()).hexdigest(), "dpi": fig.dpi,
            "width": width, "height": height, "render_count": live.render_count,
            "last_error": live.last_error,
            "missing_glyphs": [str(w.message) for w in caught if "missing from" in str(w.message)],
            "texts": texts})
    print(json.dumps({"nanum": nanum, "figures": figures}, ensure_ascii=False))
_dlcourse_browser_probe()
del _dlcourse_browser_probe
"""


def _ink(gray):
    """흰 바탕 그림의 잉크 양 (0 = 바탕). 잉크가 있는 가장 작은 사각형으로 자릅니다."""
    import numpy as np

    ink = 255.0 - gray
    rows, cols = np.nonzero(ink > 40)
    if rows.size == 0:
        return ink[:0, :0]
    return ink[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]


def _render_reference(info: dict, dpi: float, family: list[str]):
    """시험 프로세스의 matplotlib으로 같은 글자를 같은 크기로 그립니다 (잉크 배열)."""
    import warnings

    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width_in = (info["box"][2] - info["box"][0]) / dpi * 1.6 + 1.0
    height_in = (info["box"][3] - info["box"][1]) / dpi * 1.6 + 0.5
    fig = Figure(figsize=(width_in, height_in), dpi=dpi, facecolor="white")
    FigureCanvasAgg(fig)
    fig.text(
        0.5,
        0.5,
        info["text"],
        fontsize=info["fontsize"],
        family=family,
        weight=info["weight"],
        linespacing=info["linespacing"],
        ha="center",
        va="center",
        multialignment=info["ha"] if info["ha"] in ("left", "center", "right") else "center",
        color="black",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # 한글이 없는 글꼴의 'Glyph missing' 경고 (일부러 네모)
        fig.canvas.draw()
    rgba = np.asarray(fig.canvas.buffer_rgba())
    return _ink(rgba[..., :3].mean(axis=2))


def _correlation(a, b) -> float:
    """두 잉크 배열의 상관계수. b를 a의 크기로 맞춘 뒤 잽니다."""
    import numpy as np
    from PIL import Image

    if a.size == 0 or b.size == 0:
        return 0.0
    height, width = a.shape
    b = np.asarray(
        Image.fromarray(np.clip(b, 0, 255).astype(np.uint8)).resize(
            (width, height), Image.BILINEAR
        ),
        dtype=float,
    )
    a = a - a.mean()
    b = b - b.mean()
    denominator = float(np.sqrt((a * a).sum() * (b * b).sum()))
    return float((a * b).sum() / denominator) if denominator else 0.0


def korean_glyph_scores(png: bytes, figure: dict, limit: int = 3) -> list[dict]:
    """브라우저가 보여 준 PNG에서 한글 글자 자리를 잘라, 두 기준 그림과 비교합니다.

    방법: 커널이 알려 준 글자 상자(한글 글자가 가장 많은 글자 덩어리 limit개, 보통 그림
    제목과 축 제목)를
    PNG에서 잘라 잉크 부분만 남깁니다. 시험 프로세스에서 같은 글자를 같은 크기와 dpi로
    (1) 함께 배포하는 나눔고딕(커널과 같은 글꼴 목록)으로, (2) 한글이 없는 DejaVu Sans로만
    그립니다. (2)는 글자마다 빈 네모(.notdef)가 됩니다. 잘라 낸 부분과의 상관계수가
    (1)과는 높고 (2)와는 낮아야 한글이 제대로 그려진 것입니다. 네모는 글자 폭도 달라
    (2)는 크기를 맞추는 단계에서 이미 모양이 어긋납니다.
    """
    import io

    import numpy as np
    from PIL import Image

    import dlcourse.viz  # noqa: F401  (나눔고딕을 이 프로세스의 matplotlib에도 등록합니다)

    gray = np.asarray(Image.open(io.BytesIO(png)).convert("L"), dtype=float)
    height = gray.shape[0]
    scale = height / figure["height"]
    # 한글 글자가 가장 많은 글자 덩어리부터 (숫자가 대부분인 표 글자는 네모와 구별이 약합니다).
    texts = sorted(
        figure["texts"],
        key=lambda t: (
            -len(_HANGUL.findall(t["text"])),
            -(t["box"][2] - t["box"][0]) * (t["box"][3] - t["box"][1]),
        ),
    )[:limit]
    scores = []
    for info in texts:
        x0, y0, x1, y1 = (v * scale for v in info["box"])
        top, bottom = max(0, int(height - y1) - 2), min(height, int(height - y0) + 3)
        left, right = max(0, int(x0) - 2), min(gray.shape[1], int(x1) + 3)
        crop = _ink(gray[top:bottom, left:right])
        dpi = figure["dpi"] * scale
        nanum = _render_reference(info, dpi, info["family"])
        boxes = _render_reference(info, dpi, ["DejaVu Sans"])
        scores.append(
            {
                "text": info["text"],
                "corr_nanum": round(_correlation(crop, nanum), 3),
                "corr_boxes": round(_correlation(crop, boxes), 3),
            }
        )
    return scores


MIN_NANUM_CORRELATION = 0.6
MIN_MARGIN_OVER_BOXES = 0.25


def check_korean_in_figure(png: bytes, figure: dict, where: str) -> list[dict]:
    """PNG 속 가장 큰 한글 글자들이 나눔고딕 기준 그림과 닮았고 네모 기준 그림과는 다른지."""
    assert not figure["missing_glyphs"], (
        f"{where}: 커널의 matplotlib이 글꼴에 없는 글자를 네모로 그렸습니다: "
        f"{figure['missing_glyphs'][:3]}"
    )
    assert figure["texts"], (
        f"{where}: 그림에 한글 글자가 하나도 없습니다 (제목과 축 이름은 한국어여야 합니다)."
    )
    scores = korean_glyph_scores(png, figure)
    for score in scores:
        assert score["corr_nanum"] > score["corr_boxes"], (
            f"{where}: 글자 {score['text']!r}이(가) 나눔고딕보다 빈 네모와 더 닮았습니다: {score}"
        )
    best = max(scores, key=lambda s: s["corr_nanum"] - s["corr_boxes"])
    assert best["corr_nanum"] >= MIN_NANUM_CORRELATION, (
        f"{where}: 한글 글자 모양이 다릅니다: {scores}"
    )
    assert best["corr_nanum"] - best["corr_boxes"] >= MIN_MARGIN_OVER_BOXES, (
        f"{where}: 나눔고딕과 빈 네모를 구별하지 못했습니다: {scores}"
    )
    return scores


# ---------------------------------------------------------------------------
# 서버와 브라우저
# ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _write_json(path: Path, content: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content, ensure_ascii=False, indent=1), encoding="utf-8")


def _fontconfig_file(tmp: Path) -> Path:
    """시스템 fontconfig 설정 + 패키지의 나눔고딕 폴더. 캐시는 임시 폴더에 둡니다."""
    conf = tmp / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{FONT_DIR}</dir>\n"
        f"  <cachedir>{tmp / 'fontconfig-cache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


class BrowserLab:
    """JupyterLab 서버 하나와 Chromium 하나. 처음 쓸 때 띄우고 stop()에서 끕니다."""

    def __init__(self):
        self.tmp: Path | None = None
        self.server: subprocess.Popen | None = None
        self.playwright = None
        self.browser = None
        self.context = None
        self.token = secrets.token_hex(16)
        self.base_url = ""
        self.root_dir: Path | None = None
        self.timings: dict[str, float] = {}

    # 준비 --------------------------------------------------------------------------
    def _check_browser(self) -> None:
        if not CHROMIUM.exists():
            pytest.fail(
                f"Chromium이 없습니다: {CHROMIUM}. 실제 브라우저 테스트에는 Debian의 chromium이 "
                "필요합니다: `sudo apt-get install chromium` (다른 경로면 환경 변수 "
                f"DLCOURSE_CHROMIUM). 이 테스트를 건너뛰려면 {SKIP_ENV}=1 로 실행하세요.",
                pytrace=False,
            )
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            pytest.fail(
                'Python 패키지 playwright가 없습니다: `pip install -e ".[test]"`. '
                "브라우저는 내려받지 않으므로 `playwright install`은 하지 마세요. "
                f"건너뛰려면 {SKIP_ENV}=1.",
                pytrace=False,
            )

    def ensure_started(self) -> None:
        self._check_browser()
        if self.browser is not None:
            return
        self.tmp = Path(tempfile.mkdtemp(prefix="dlcourse-browser-"))
        self._start_server()
        self._start_browser()

    def _start_server(self) -> None:
        assert self.tmp is not None
        started = time.perf_counter()
        root = self.tmp / "root"
        if LESSONS_DIR.is_dir():
            shutil.copytree(LESSONS_DIR, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        root.mkdir(exist_ok=True)
        for file, notebook in _GENERATED.items():
            _write_json(root / file, notebook)
        self.root_dir = root

        settings = self.tmp / "user-settings"
        _write_json(
            settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings",
            {"checkForUpdates": False, "fetchNews": "false"},
        )
        _write_json(
            settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings",
            {"windowingMode": "none"},
        )
        port = _free_port()
        self.base_url = f"http://127.0.0.1:{port}"
        command = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={root}",
            f"--LabApp.workspaces_dir={self.tmp / 'workspaces'}",
            f"--LabApp.user_settings_dir={settings}",
            "--LabApp.expose_app_in_browser=True",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        env = dict(os.environ)
        env.update(
            JUPYTER_CONFIG_DIR=str(self.tmp / "jupyter-config"),
            JUPYTER_RUNTIME_DIR=str(self.tmp / "jupyter-runtime"),
            IPYTHONDIR=str(self.tmp / "ipython"),
            PYDEVD_DISABLE_FILE_VALIDATION="1",
        )
        self.server_log = self.tmp / "jupyterlab.log"
        log = self.server_log.open("wb")
        self.server = subprocess.Popen(
            command,
            cwd=root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # 서버와 커널을 한 프로세스 그룹으로 끄기 위해
        )
        log.close()
        deadline = time.perf_counter() + SERVER_START_TIMEOUT
        url = f"{self.base_url}/api/status?token={self.token}"
        while True:
            if self.server.poll() is not None:
                raise RuntimeError(
                    f"JupyterLab 서버가 곧바로 끝났습니다 (종료 코드 {self.server.returncode}).\n"
                    + self.server_log.read_text(errors="replace")[-3000:]
                )
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.perf_counter() > deadline:
                self.stop()
                raise RuntimeError(
                    f"JupyterLab 서버가 {SERVER_START_TIMEOUT:.0f}초 안에 답하지 않았습니다."
                )
            time.sleep(0.25)
        self.timings["server_start"] = time.perf_counter() - started

    def _start_browser(self) -> None:
        from playwright.sync_api import sync_playwright

        assert self.tmp is not None
        started = time.perf_counter()
        env = dict(os.environ)
        env["FONTCONFIG_FILE"] = str(_fontconfig_file(self.tmp))
        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, env=env
        )
        # 한 컨텍스트를 모든 테스트가 나눠 씁니다: 페이지(탭)는 노트북마다 새로 열지만, 브라우저의
        # HTTP 캐시와 컴파일된 JupyterLab 스크립트를 다시 쓰므로 두 번째 페이지부터 빨리 열립니다.
        self.context = self.browser.new_context(
            viewport={"width": 1400, "height": 1000}, device_scale_factor=1, locale="ko-KR"
        )
        self.timings["browser_start"] = time.perf_counter() - started

    # 쓰기 --------------------------------------------------------------------------
    def open_notebook(self, name: str) -> NotebookPage:
        self.ensure_started()
        return NotebookPage(self, name)

    def stop(self) -> None:
        if self.context is not None:
            try:
                self.context.close()
            except Exception:
                pass
            self.context = None
        if self.browser is not None:
            try:
                self.browser.close()
            except Exception:
                pass
            self.browser = None
        if self.playwright is not None:
            try:
                self.playwright.stop()
            except Exception:
                pass
            self.playwright = None
        if self.server is not None and self.server.poll() is None:
            for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
                try:
                    os.killpg(self.server.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    self.server.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        if self.server is not None:
            # 서버가 끝난 뒤에도 그룹에 남은 커널이 있으면 끕니다.
            try:
                os.killpg(self.server.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self.server = None
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None
