"""강의 웹사이트와 JupyterLite 빌드 시험.

문서에 적은 명령 그대로 두 빌드를 임시 폴더에 돌리고, lessons/의 모든 강의가 결과에
들어갔는지 확인합니다.

    python course/build_site.py --out <임시>/site      # Jupyter Book 1, 저장된 출력 사용
    python course/build_lite.py --out <임시>/lite      # JupyterLite + Pyodide 커널

빌드 도구(`pip install -e ".[site]"`, [test]에 들어 있음)가 없으면 건너뛰지 않고, 무엇을
설치해야 하는지 적은 메시지로 실패합니다. JupyterLite 사이트를 '실행'하려면 브라우저가
Pyodide CDN에 닿아야 하므로 여기서는 빌드 결과만 검사합니다.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: pip에 들어 있는 tomli
    from pip._vendor import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
LESSONS_DIR = ROOT / "lessons"
BUILD_SITE = ROOT / "course" / "build_site.py"
BUILD_LITE = ROOT / "course" / "build_lite.py"
LESSONS = sorted(LESSONS_DIR.glob("[0-9]*.ipynb"))

SITE_TOOLS = {"jupyter_book": "jupyter-book>=1.0.4,<2", "yaml": "pyyaml"}
LITE_TOOLS = {
    "jupyterlite_core": "jupyterlite-core==0.8.6",
    "jupyterlite_pyodide_kernel": "jupyterlite-pyodide-kernel==0.8.6",
    "jupyter_server": "jupyter-server",
}


def _require(tools: dict[str, str]) -> None:
    missing = [spec for module, spec in tools.items() if importlib.util.find_spec(module) is None]
    if missing:
        pytest.fail(
            f"빌드 도구가 설치되어 있지 않습니다: {', '.join(missing)}. "
            '저장소 폴더에서 pip install -e ".[site]" (또는 ".[test]")를 실행하세요.',
            pytrace=False,
        )


def _run(script: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True, text=True, timeout=timeout, cwd=ROOT,
    )


def _notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else value


def _title(path: Path) -> str:
    """노트북 첫 마크다운 셀의 '# ' 제목 (시험 쪽에서 따로 읽습니다)."""
    first_markdown = next(c for c in _notebook(path)["cells"] if c["cell_type"] == "markdown")
    match = re.search(r"^# (.+)$", _text(first_markdown["source"]), re.M)
    assert match, f"{path.name}: 첫 마크다운 셀에 '# 제목' 줄이 없습니다"
    return match.group(1).strip()


def _png_hashes(nb: dict) -> set[str]:
    """노트북에 저장된 PNG 출력(위젯이 함께 저장한 그림 포함)의 SHA-256."""
    found = set()
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            png = out.get("data", {}).get("image/png")
            if png:
                found.add(hashlib.sha256(base64.b64decode(_text(png))).hexdigest())
    return found


def test_there_are_lessons_to_build():
    assert LESSONS, f"{LESSONS_DIR}에 강의 노트북(NN_이름.ipynb)이 하나도 없습니다"


# ---------------------------------------------------------------------------
# 정적 웹사이트 (Jupyter Book 1)
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    _require(SITE_TOOLS)
    out = tmp_path_factory.mktemp("site")
    proc = _run(BUILD_SITE, "--out", str(out))
    assert proc.returncode == 0, f"사이트 빌드 실패:\n{proc.stdout}\n{proc.stderr}"
    assert "사이트를 만들었습니다" in proc.stdout
    return out / "html"


def _page(site: Path, lesson: Path) -> Path:
    return site / "lessons" / f"{lesson.stem}.html"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_site_has_a_page_per_lesson_with_its_korean_title(site, lesson):
    page = _page(site, lesson)
    assert page.is_file(), f"{lesson.name}의 페이지가 없습니다: {page}"
    text = page.read_text(encoding="utf-8")
    title = _title(lesson)
    head_title = html.unescape(re.search(r"<title>(.*?)</title>", text, re.S).group(1))
    assert head_title.startswith(title), f"<title>이 '{head_title}'이고 '{title}'로 시작하지 않습니다"
    headings = [
        html.unescape(re.sub(r"<[^>]+>", "", re.sub(r'<a class="headerlink".*?</a>', "", h))).strip()
        for h in re.findall(r"<h1[^>]*>(.*?)</h1>", text, re.S)
    ]
    assert title in headings, f"페이지의 h1 제목 {headings}에 '{title}'이 없습니다"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_site_shows_the_stored_pictures_and_no_live_widgets(site, lesson):
    page = _page(site, lesson)
    text = page.read_text(encoding="utf-8")
    shown = set()
    for src in re.findall(r'<img[^>]+src="([^"]+)"', text):
        image = (page.parent / unquote(src)).resolve()
        if image.is_file():
            shown.add(hashlib.sha256(image.read_bytes()).hexdigest())
    missing = _png_hashes(_notebook(lesson)) - shown
    assert not missing, f"{lesson.name}: 저장된 그림 {len(missing)}개가 페이지에 없습니다"
    assert "application/vnd.jupyter.widget" not in text
    assert "@jupyter-widgets/html-manager" not in text


def test_site_pages_are_korean_utf8_with_the_cjk_font_stack(site):
    css = site / "_static" / "korean.css"
    assert css.is_file()
    stack = css.read_text(encoding="utf-8")
    for font in ("Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic"):
        assert font in stack
    pages = [site / "README.html", *(_page(site, lesson) for lesson in LESSONS)]
    for page in pages:
        raw = page.read_bytes()
        raw.decode("utf-8")  # UTF-8이 아니면 여기서 실패합니다
        text = raw.decode("utf-8")
        assert '<html lang="ko"' in text, page.name
        assert re.search(r'<meta charset="utf-8"', text, re.I), page.name
        assert "korean.css" in text, page.name
    # 테마의 화면 글(검색 상자 등)도 한국어입니다.
    assert "검색" in (site / "README.html").read_text(encoding="utf-8")


def test_site_contains_the_course_documents_and_lists_every_lesson(site):
    assert (site / "index.html").is_file()
    for doc in ("README.html", "course/syllabus.html", "course/glossary.html"):
        assert (site / doc).is_file(), f"{doc}가 사이트에 없습니다"
    for guide in sorted((ROOT / "course" / "instructor").glob("*.md")):
        assert (site / "course" / "instructor" / f"{guide.stem}.html").is_file(), guide.name
    nav = {unquote(h) for h in re.findall(r'href="([^"#]+)', (site / "README.html").read_text("utf-8"))}
    for lesson in LESSONS:
        assert f"lessons/{lesson.stem}.html" in nav, f"목차에 {lesson.stem}이 없습니다"
    assert "course/syllabus.html" in nav


def test_site_build_fails_on_a_broken_link(tmp_path):
    """경고(여기서는 없는 문서로 가는 링크)가 있으면 빌드가 0이 아닌 코드로 끝납니다."""
    _require(SITE_TOOLS)
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    nb = {
        "cells": [{"cell_type": "markdown", "metadata": {},
                   "source": "# 99강. 시험\n\n[없는 문서](없는_문서.md)로 가는 링크입니다."}],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                    "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }
    (lessons / "99_시험.ipynb").write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    proc = _run(BUILD_SITE, "--lessons", str(lessons), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert "사이트 빌드가 실패했습니다" in proc.stderr
    assert "없는_문서.md" in proc.stderr
    assert not (tmp_path / "out" / "html").exists()


def test_table_of_contents_follows_the_lessons_folder(tmp_path):
    """목차는 lessons/*.ipynb에서 만들어지므로 새 강의가 저절로 들어갑니다 (빌드 없이 확인)."""
    _require(SITE_TOOLS)
    import yaml

    spec = importlib.util.spec_from_file_location("build_site", BUILD_SITE)
    build_site = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_site)
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    for stem in ("00_시작", "02_둘째", "11_새_강의"):
        nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": f"# {stem}"}],
              "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        (lessons / f"{stem}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    (lessons / "메모.ipynb").write_text("{}", encoding="utf-8")  # 번호가 없으면 강의가 아닙니다
    dest = tmp_path / "book"
    dest.mkdir()
    info = build_site.stage(ROOT, lessons, dest)
    toc = yaml.safe_load((dest / "_toc.yml").read_text(encoding="utf-8"))
    lesson_part = [p for p in toc["parts"] if p["caption"] == "강의"][0]
    assert [c["file"] for c in lesson_part["chapters"]] == [
        "lessons/00_시작", "lessons/02_둘째", "lessons/11_새_강의",
    ]
    assert toc["root"] == "README"
    assert info["titles"]["11_새_강의"] == "11_새_강의"
    guide = [c for c in toc["parts"][0]["chapters"] if c["file"] == "course/instructor/README"]
    assert guide and len(guide[0]["sections"]) == len(list((ROOT / "course/instructor").glob("*.md"))) - 1


# ---------------------------------------------------------------------------
# JupyterLite
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lite(tmp_path_factory) -> Path:
    _require(LITE_TOOLS)
    out = tmp_path_factory.mktemp("lite") / "lite"
    proc = _run(BUILD_LITE, "--out", str(out))
    assert proc.returncode == 0, f"JupyterLite 빌드 실패:\n{proc.stdout}\n{proc.stderr}"
    return out


def test_lite_contents_list_every_lesson(lite):
    listing = json.loads((lite / "api" / "contents" / "all.json").read_text(encoding="utf-8"))
    names = {item["name"] for item in listing["content"] if item["type"] == "notebook"}
    assert names == {lesson.name for lesson in LESSONS}
    for lesson in LESSONS:
        assert (lite / "files" / lesson.name).is_file()


def _install_cell(nb: dict) -> str:
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code, "코드 칸이 없습니다"
    return _text(code[0]["source"])


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_lite_lessons_install_dlcourse_first_and_keep_everything_else(lite, lesson):
    original = _notebook(lesson)
    copy = _notebook(lite / "files" / lesson.name)
    install = _install_cell(copy)
    assert re.search(r"^%pip install .*--no-deps dlcourse$", install, re.M)
    assert copy["cells"][0]["source"] == _text(original["cells"][0]["source"]), "제목 칸이 맨 위여야 합니다"
    # 설치 안내와 설치 칸 두 개만 늘고, 원래 칸의 코드는 그대로입니다.
    added = [c for c in copy["cells"] if "dlcourse-lite-install" in c["metadata"].get("tags", [])]
    assert len(added) == 2
    rest = [c for c in copy["cells"] if c not in added]
    assert [_text(c["source"]) for c in rest] == [_text(c["source"]) for c in original["cells"]]
    # JupyterLite는 줄 목록을 합치지 않으므로 복사본의 글은 모두 문자열입니다.
    for cell in copy["cells"]:
        assert isinstance(cell["source"], str)
        for out in cell.get("outputs", []):
            assert not isinstance(out.get("text", ""), list)
            assert "application/vnd.jupyter.widget-view+json" not in out.get("data", {})
    assert _png_hashes(original) <= _png_hashes(copy), "저장된 그림이 빠졌습니다"
    assert "widgets" not in copy["metadata"]


def test_lite_install_cell_covers_every_runtime_dependency(lite):
    """pyproject의 런타임 의존성마다: 설치 칸이 설치하거나, 브라우저에 넣지 않는 까닭이 있습니다."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    spec = importlib.util.spec_from_file_location("build_lite", BUILD_LITE)
    build_lite = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_lite)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {canonicalize_name(Requirement(r).name) for r in project["dependencies"]}
    install = _install_cell(_notebook(lite / "files" / LESSONS[0].name))
    installed = set()
    for line in install.splitlines():
        if line.startswith("%pip install"):
            installed |= {canonicalize_name(w) for w in line.split()[2:] if not w.startswith("-")}
    skipped = {canonicalize_name(name) for name in build_lite.NOT_IN_BROWSER}
    assert "dlcourse" in installed
    assert runtime - installed == skipped, (
        f"설치 칸에 없는 의존성 {sorted(runtime - installed)}; 까닭을 적어 둔 것 {sorted(skipped)}"
    )
    assert all(build_lite.NOT_IN_BROWSER.values())


def test_lite_serves_the_dlcourse_wheel_from_its_pypi_index(lite):
    index = json.loads((lite / "pypi" / "all.json").read_text(encoding="utf-8"))
    assert "dlcourse" in index
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    (release,) = index["dlcourse"]["releases"][version]
    wheel = lite / "pypi" / release["filename"]
    assert wheel.is_file() and wheel.name == f"dlcourse-{version}-py3-none-any.whl"
    assert release["digests"]["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    package = ROOT / "src" / "dlcourse"
    expected = [*package.rglob("*.py"), *(package / "data" / "files").glob("*"),
                *(package / "viz" / "fonts").glob("*")]
    for path in expected:
        rel = path.relative_to(package.parent).as_posix()
        assert rel in names, f"휠에 {rel}이 없습니다 (패키지 데이터가 빠지면 브라우저에서 글꼴이나 데이터를 못 읽습니다)"


def test_lite_has_the_pyodide_kernel_and_widget_extensions(lite):
    config = json.loads((lite / "jupyter-lite.json").read_text(encoding="utf-8"))["jupyter-config-data"]
    extensions = {ext["name"] for ext in config["federated_extensions"]}
    assert {"@jupyterlite/pyodide-kernel-extension", "@jupyter-widgets/jupyterlab-manager"} <= extensions
    assert config["appName"].startswith("dlcourse")
    piplite = config["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert any(url.startswith("./pypi/all.json") for url in piplite["pipliteUrls"])
    assert (lite / "index.html").is_file() and (lite / "lab" / "index.html").is_file()
