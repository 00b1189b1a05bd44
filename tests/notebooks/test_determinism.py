"""같은 강의를 두 번 실행하면 글자 출력이 똑같아야 합니다 (시드 고정)."""

from __future__ import annotations

import copy
import os

import nbformat
import pytest
from nbclient import NotebookClient
from nbval.plugin import coalesce_streams

from conftest import lesson_paths


def _text_outputs(nb) -> list[str]:
    texts = []
    for cell in nb.cells:
        if cell.cell_type != "code" or "nbval-ignore-output" in cell.metadata.get("tags", []):
            continue
        # 커널은 한 셀의 print 출력을 때에 따라 다른 곳에서 나누어 보내므로, nbval처럼 합쳐서 비교합니다.
        for out in coalesce_streams(cell.get("outputs", [])):
            if out.output_type == "stream":
                texts.append(out.text)
            elif "data" in out and "text/plain" in out.data and "image/png" not in out.data:
                texts.append(out.data["text/plain"])
    return texts


def _execute(nb, path):
    nb = copy.deepcopy(nb)
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


@pytest.mark.parametrize("path", lesson_paths(), ids=lambda p: p.stem)
def test_executing_twice_gives_identical_text(path):
    nb = nbformat.read(path, as_version=4)
    first = _text_outputs(_execute(nb, path))
    second = _text_outputs(_execute(nb, path))
    assert first, "비교할 글자 출력이 없습니다"
    assert first == second
