"""`dlcourse` 명령 테스트: 도움말, 강의 목록, 점검, 다시 실행, JupyterLab 시작."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from dlcourse import cli

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted((ROOT / "lessons").glob("[0-9][0-9]_*.ipynb"))
HANGUL = re.compile("[가-힣]")


def test_lesson_files_are_numbered_00_to_10():
    numbers = [p.name[:2] for p in LESSONS]
    assert numbers == [f"{i:02d}" for i in range(11)]


def test_help_is_korean(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "사용법:" in out and "옵션:" in out
    for command in ("lab", "doctor", "lessons", "execute"):
        assert command in out


def test_lessons_lists_every_lesson_with_its_title(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert cli.main(["lessons"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == len(LESSONS)
    for line, path in zip(lines, LESSONS, strict=True):
        assert line.startswith(path.stem)
        assert HANGUL.search(line.removeprefix(path.stem))


def test_unknown_lesson_gives_korean_message(monkeypatch):
    monkeypatch.chdir(ROOT)
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["execute", "99"])
    assert "강의를 찾을 수 없습니다" in str(exit_info.value.code)


def test_execute_refreshes_outputs_of_a_copy(tmp_path, capsys):
    source = LESSONS[0]
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    nb = json.loads(copy.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
    copy.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    assert cli.main(["execute", str(copy)]) == 0
    assert "초" in capsys.readouterr().out
    executed = json.loads(copy.read_text(encoding="utf-8"))
    counts = [c["execution_count"] for c in executed["cells"] if c["cell_type"] == "code"]
    assert counts == list(range(1, len(counts) + 1))
    assert any(c.get("outputs") for c in executed["cells"] if c["cell_type"] == "code")


def test_doctor_reports_every_check_in_korean():
    from dlcourse.doctor import run_checks

    lines: list[str] = []
    problems = run_checks(lines.append)
    text = "\n".join(lines)
    for name in ("Python", "numpy", "JupyterLab 확장", "한글 글꼴", "탐색기 그리기"):
        assert name in text
    assert problems == [], text
    assert lines[-1] == "모두 정상입니다."


def test_doctor_gives_a_fix_for_a_missing_package(monkeypatch):
    from dlcourse import doctor

    monkeypatch.setitem(doctor.REQUIRED, "surely-not-installed-pkg", "1.0")
    results = {c.name: c for c in doctor.check_packages()}
    missing = results["surely-not-installed-pkg"]
    assert not missing.ok and "pip install" in missing.fix


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_lab_starts_jupyterlab_on_loopback_with_a_token(tmp_path):
    port = _free_port()
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
               JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "ws"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "dlcourse.cli", "lab", "--no-browser", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )
    output = []
    try:
        deadline = time.time() + 90
        url = None
        while time.time() < deadline and url is None:
            line = proc.stdout.readline()
            if not line:
                time.sleep(0.1)
                continue
            output.append(line)
            match = re.search(r"http://127\.0\.0\.1:(\d+)/lab\?token=(\w+)", line)
            if match:
                url = match
        assert url, "JupyterLab 주소가 출력되지 않았습니다:\n" + "".join(output)
        assert int(url.group(1)) == port
        token = url.group(2)
        # 주소가 출력된 직후에는 아직 연결을 받지 않을 수 있어 잠시 다시 시도합니다.
        status = None
        for _ in range(60):
            try:
                status = urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/api/status?token={token}", timeout=10)
                break
            except urllib.error.URLError:
                time.sleep(0.5)
        assert status is not None and status.status == 200
        with pytest.raises(urllib.error.HTTPError) as denied:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents", timeout=10)
        assert denied.value.code == 403
        assert any("JupyterLab을 시작합니다" in line for line in output)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
