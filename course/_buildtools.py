"""build_site.py와 build_lite.py가 함께 쓰는 도구: 강의 목록, 제목, 위젯 출력 바꾸기.

패키지(dlcourse)에 넣지 않은 까닭: 사이트 빌드는 강의를 만드는 사람의 도구이고, 학생이
설치하는 패키지는 저장소 파일을 읽지 않아야 하기 때문입니다.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


class BuildError(RuntimeError):
    """빌드를 끝낼 수 없을 때 (무엇이 잘못되었고 어떻게 고치는지 적은 한국어 메시지)."""


def lesson_files(lessons_dir: Path) -> list[Path]:
    """강의 노트북: 번호로 시작하는 lessons/*.ipynb, 이름순 (00_, 01_, ...)."""
    return sorted(p for p in Path(lessons_dir).glob("[0-9]*.ipynb") if p.is_file())


def read_notebook(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def write_notebook(nb: dict, path: Path) -> None:
    Path(path).write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def cell_text(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def notebook_title(path: Path) -> str:
    """노트북의 첫 마크다운 제목 줄 ('# 1강. 경사 하강법' -> '1강. 경사 하강법')."""
    for cell in read_notebook(path).get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        for line in cell_text(cell).splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    raise BuildError(
        f"노트북에 제목이 없습니다: {Path(path).name}. 첫 마크다운 셀을 '# N강. 제목' 줄로 시작하세요."
    )


def replace_widget_outputs(nb: dict, note_html: str) -> tuple[dict, int]:
    """위젯 출력을 정적인 출력으로 바꾼 복사본과 바꾼 출력 수를 돌려줍니다.

    저장된 위젯 출력은 그 위젯을 만든 커널이 없으면 움직이지 않습니다. 탐색기(LiveFigure)는
    위젯과 함께 그 순간의 그림(image/png)을 저장하므로 그 그림만 남기고, 그림이 없는 위젯은
    note_html 안내로 바꿉니다. 노트북 메타데이터의 위젯 상태(metadata.widgets)도 지웁니다.
    원본 nb는 바꾸지 않습니다.
    """
    nb = copy.deepcopy(nb)
    nb.get("metadata", {}).pop("widgets", None)
    replaced = 0
    for cell in nb.get("cells", []):
        outputs = cell.get("outputs")
        if not outputs:
            continue
        new_outputs = []
        for out in outputs:
            data = out.get("data", {})
            if WIDGET_VIEW not in data:
                new_outputs.append(out)
                continue
            replaced += 1
            kept = {"image/png": data["image/png"]} if "image/png" in data else {"text/html": note_html}
            new_outputs.append({"output_type": "display_data", "data": kept, "metadata": {}})
        cell["outputs"] = new_outputs
    return nb, replaced


def join_multiline(nb: dict) -> dict:
    """줄 목록(["첫 줄\\n", "둘째 줄"])으로 저장된 글을 문자열 하나로 합친 복사본.

    nbformat은 파일에 여러 줄 글을 줄 목록으로 저장할 수 있습니다. JupyterLab 서버는 노트북을
    보낼 때 이것을 합쳐 주지만, JupyterLite는 파일을 그대로 읽어서 stream 출력의 목록을
    쉼표로 이어 붙여 보여 줍니다. 그래서 JupyterLite에 넣는 노트북은 미리 합쳐 둡니다.
    """
    nb = copy.deepcopy(nb)

    def joined(value):
        return "".join(value) if isinstance(value, list) else value

    for cell in nb.get("cells", []):
        cell["source"] = joined(cell.get("source", ""))
        for out in cell.get("outputs", []):
            if "text" in out:
                out["text"] = joined(out["text"])
            for mime, value in out.get("data", {}).items():
                if not mime.endswith("json"):
                    out["data"][mime] = joined(value)
    return nb


def tree_size(path: Path) -> int:
    """폴더 안 모든 파일의 바이트 수 합."""
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())
