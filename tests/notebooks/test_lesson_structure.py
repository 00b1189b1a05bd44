"""강의 노트북의 구조 검사: 실행된 출력, 커널, 태그, 필수 절, 연습 문제."""

from __future__ import annotations

import re

from conftest import load

REQUIRED_SECTIONS = ("학습 목표", "정리", "더 알아보기")


def _source(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _text(out) -> str:
    if "text" in out:
        t = out["text"]
        return "".join(t) if isinstance(t, list) else t
    data = out.get("data", {}).get("text/plain", "")
    return "".join(data) if isinstance(data, list) else data


def test_kernel_is_python3(lesson):
    nb = load(lesson)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert nb["nbformat"] == 4


def test_every_code_cell_was_executed_in_order(lesson):
    counts = [c["execution_count"] for c in load(lesson)["cells"] if c["cell_type"] == "code"]
    assert counts, "코드 셀이 없습니다"
    assert all(isinstance(c, int) for c in counts), f"실행되지 않은 셀이 있습니다: {counts}"
    assert counts == list(range(1, len(counts) + 1)), "셀이 위에서부터 한 번씩 실행되지 않았습니다"


def test_no_error_or_warning_outputs(lesson):
    for i, cell in enumerate(load(lesson)["cells"]):
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"셀 {i}에 오류 출력: {out.get('ename')}"
            text = _text(out)
            if out.get("name") == "stderr":
                raise AssertionError(f"셀 {i}에 stderr 출력: {text[:200]}")
            for bad in ("Warning", "Glyph", "Traceback", "missing from font"):
                assert bad not in text, f"셀 {i} 출력에 '{bad}': {text[:200]}"


def test_explorer_cells_are_not_compared_by_nbval(lesson):
    for i, cell in enumerate(load(lesson)["cells"]):
        if cell["cell_type"] != "code":
            continue
        src = _source(cell)
        if re.search(r"\bexplorer\(|deep_explorer\(|LiveFigure\(", src):
            tags = cell.get("metadata", {}).get("tags", [])
            assert "nbval-ignore-output" in tags, f"셀 {i}: 위젯 셀에 nbval-ignore-output 태그가 없습니다"


def test_required_sections_and_exercises(lesson):
    cells = load(lesson)["cells"]
    markdown = "\n".join(_source(c) for c in cells if c["cell_type"] == "markdown")
    code = "\n".join(_source(c) for c in cells if c["cell_type"] == "code")
    assert markdown.lstrip().startswith("#"), "첫 셀은 제목이어야 합니다"
    if lesson.stem.startswith("00"):
        return
    for section in REQUIRED_SECTIONS:
        assert re.search(rf"^#+ .*{section}", markdown, re.M), f"'{section}' 절이 없습니다"
    n_exercises = len(re.findall(r"^#+ .*직접 해보기", markdown, re.M))
    assert n_exercises >= 3, f"직접 해보기가 {n_exercises}개뿐입니다 (3개 이상 필요)"
    n_checks = len(re.findall(r"\bcheck\.l\d\d\.\w+\(", code))
    assert n_checks >= 3, f"dlcourse.check 채점 호출이 {n_checks}개뿐입니다"


def test_no_trailing_semicolon_tricks(lesson):
    for i, cell in enumerate(load(lesson)["cells"]):
        if cell["cell_type"] == "code":
            last = _source(cell).rstrip().splitlines()[-1:] or [""]
            assert not last[0].rstrip().endswith(";"), f"셀 {i}: 마지막 줄의 ';' 대신 '_ = ...' 를 쓰세요"
