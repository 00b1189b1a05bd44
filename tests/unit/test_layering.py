"""design.md의 층 규칙: 각 층은 자기보다 아래층만 불러옵니다.

1. 엔진 (nn, optim, data, train, surfaces, init, _validate): NumPy만, matplotlib/ipywidgets 없음
2. labs: 엔진 + (plot/explorer 안에서만) viz
3. viz: 엔진까지
4. 얼굴 (__init__, check, cli, doctor)
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "dlcourse"
ENGINE = ["nn", "optim", "data", "train", "surfaces", "init.py", "_validate.py"]
GUI = ("matplotlib", "ipywidgets", "IPython", "PIL")


def _files(parts):
    for part in parts:
        path = SRC / part
        yield from ([path] if path.is_file() else sorted(path.rglob("*.py")))


def _imports(path: Path, top_level_only: bool = False):
    """(모듈 이름, 줄 번호) 목록. 상대 import는 dlcourse 기준 이름으로 바꿉니다."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(("dlcourse",) + path.relative_to(SRC).with_suffix("").parts[:-1])
    nodes = tree.body if top_level_only else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
                if not node.module:
                    for alias in node.names:
                        yield f"{name}.{alias.name}", node.lineno
                    continue
                yield name, node.lineno
            else:
                yield node.module, node.lineno


@pytest.mark.parametrize("path", list(_files(ENGINE)), ids=lambda p: str(p.relative_to(SRC)))
def test_engine_imports_only_numpy_and_lower_engine_modules(path):
    for name, line in _imports(path):
        assert not name.startswith(GUI), f"{path.name}:{line} 엔진이 {name}을 불러옵니다"
        assert not name.startswith(("dlcourse.labs", "dlcourse.viz", "dlcourse.check", "dlcourse.cli")), (
            f"{path.name}:{line} 엔진이 위층 {name}을 불러옵니다"
        )
    # 진행 막대(tqdm)는 fit(progress=True)일 때만 함수 안에서 불러옵니다.
    for name, line in _imports(path, top_level_only=True):
        assert not name.startswith("tqdm"), f"{path.name}:{line} tqdm은 함수 안에서만 불러옵니다"


@pytest.mark.parametrize("path", sorted((SRC / "viz").rglob("*.py")), ids=lambda p: p.name)
def test_viz_never_imports_labs_or_the_face(path):
    for name, line in _imports(path):
        assert not name.startswith(("dlcourse.labs", "dlcourse.check", "dlcourse.cli")), (
            f"viz/{path.name}:{line} {name}"
        )


@pytest.mark.parametrize("path", sorted((SRC / "labs").glob("*.py")), ids=lambda p: p.name)
def test_labs_import_plotting_only_inside_functions(path):
    for name, line in _imports(path, top_level_only=True):
        assert not name.startswith(GUI + ("dlcourse.viz",)), (
            f"labs/{path.name}:{line} 모듈 맨 위에서 {name}을 불러옵니다 (run()이 가벼워야 합니다)"
        )
        assert not name.startswith(("dlcourse.check", "dlcourse.cli")), f"labs/{path.name}:{line} {name}"


def test_importing_the_engine_loads_no_plotting_or_widget_library():
    code = (
        "import sys, dlcourse as dl\n"
        "dl.nn, dl.optim, dl.data, dl.train, dl.surfaces, dl.init\n"
        "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'IPython') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
