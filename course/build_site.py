"""강의 웹사이트(정적 HTML)를 만듭니다: 강의 노트북과 저장된 출력, 강의 계획서, 강사용 안내, 용어집.

    python course/build_site.py                     # 결과: build/site/html/index.html
    python course/build_site.py --out /tmp/site     # 다른 곳에 만들기
    python course/build_site.py --lessons 폴더       # 다른 노트북 폴더로 만들기 (시험용)

필요한 도구: Jupyter Book 1 (`pip install -e ".[site]"`, `[test]`에도 들어 있습니다).
Jupyter Book 2(MyST)는 빌드할 때 인터넷에서 테마를 받아 오므로 쓰지 않습니다. 이 스크립트는
인터넷 없이 돌아갑니다.

하는 일
1. 임시 폴더에 저장소와 같은 배치로 복사합니다: README.md, course/의 글(강의 계획서,
   강사용 안내, 용어집), lessons/*.ipynb, 그리고 course/site/의 설정(_config.yml,
   _static/). 배치가 같아서 글 속의 상대 링크(../lessons/01_....ipynb)가 그대로 맞습니다.
2. 목차(_toc.yml)를 lessons/ 안의 노트북 목록으로 새로 만듭니다. 새 강의를 더하면 목차를
   고칠 필요 없이 사이트에 들어갑니다.
3. 노트북은 다시 실행하지 않고(execute_notebooks: "off") 저장된 출력을 씁니다. 다만 위젯
   출력은 정적 페이지에서 움직일 수 없으므로, 복사본에서 위젯 대신 함께 저장된 그림(PNG)을
   남기고, 그림이 없는 위젯은 "JupyterLab에서 실행하면 나타납니다" 안내로 바꿉니다.
   노트북 메타데이터의 위젯 상태도 복사본에서 지웁니다 (위젯 자바스크립트를 싣지 않음).
4. Sphinx 경고를 오류로 다룹니다 (-W --keep-going): 깨진 링크, 목차에 없는 문서, 읽지
   못한 출력 같은 경고가 하나라도 있으면 종료 코드 1로 끝나고 경고를 보여 줍니다.
5. 결과 HTML을 --out/html 로 옮깁니다 (기본 build/site/html).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _buildtools import (  # noqa: E402  (course/ 폴더의 도구)
    ROOT,
    BuildError,
    lesson_files,
    notebook_title,
    read_notebook,
    replace_widget_outputs,
    tree_size,
    write_notebook,
)

SITE_CONFIG_DIR = ROOT / "course" / "site"
DEFAULT_OUT = ROOT / "build" / "site"

# 사이트에 넣는 글 (저장소 안의 경로). 없는 글은 건너뜁니다 (README.md만 꼭 있어야 합니다).
COURSE_PAGES = ("course/syllabus.md", "course/instructor", "course/glossary.md")
ROOT_PAGE = "README.md"

WIDGET_NOTE = (
    '<div class="dlcourse-widget-note">이 자리의 탐색기(슬라이더와 그림)는 노트북을 '
    "JupyterLab이나 JupyterLite에서 실행하면 나타납니다.</div>"
)


# ---------------------------------------------------------------------------
# 강의 목록과 목차
# ---------------------------------------------------------------------------


def instructor_pages(instructor_dir: Path) -> list[str]:
    """강사용 안내 폴더의 글: README.md(목차 쪽)를 맨 앞에, 나머지는 이름순."""
    pages = sorted(p.name for p in instructor_dir.glob("*.md"))
    if "README.md" in pages:
        pages.remove("README.md")
        pages.insert(0, "README.md")
    return pages


def make_toc(course_pages: list[str], lesson_stems: list[str]) -> dict:
    """Jupyter Book 1 목차 (jb-book 형식). 경로는 확장자 없이 씁니다.

    course_pages: 사이트 폴더 안의 글 경로 (예: 'course/syllabus.md',
    'course/instructor/README.md', 'course/instructor/01_경사_하강법.md').
    강사용 안내 폴더의 README.md는 한 장(chapter)이 되고 같은 폴더의 다른 글은 그 아래 절이 됩니다.
    """
    chapters: list[dict] = []
    instructor_children: list[dict] = []
    for page in course_pages:
        stem = page.removesuffix(".md")
        if page.startswith("course/instructor/"):
            if page.endswith("/README.md"):
                chapters.append({"file": stem, "sections": instructor_children})
            else:
                instructor_children.append({"file": stem})
        else:
            chapters.append({"file": stem})
    for chapter in chapters:
        if "sections" in chapter and not chapter["sections"]:
            del chapter["sections"]
    parts = []
    if chapters:
        parts.append({"caption": "강의 안내", "chapters": chapters})
    parts.append({"caption": "강의", "chapters": [{"file": f"lessons/{s}"} for s in lesson_stems]})
    return {"format": "jb-book", "root": ROOT_PAGE.removesuffix(".md"), "parts": parts}


# ---------------------------------------------------------------------------
# 빌드
# ---------------------------------------------------------------------------


def check_tools() -> str:
    """Jupyter Book 1과 PyYAML이 있는지 보고, jupyter-book 판 번호를 돌려줍니다."""
    try:
        import jupyter_book
        import yaml  # noqa: F401  (jupyter-book이 함께 설치합니다)
    except ImportError as exc:
        raise BuildError(
            f"Jupyter Book 1이 설치되어 있지 않습니다 ({exc.name}). "
            '저장소 폴더에서 pip install -e ".[site]" 를 실행하세요.'
        ) from exc
    version = jupyter_book.__version__
    if not version.startswith("1."):
        raise BuildError(
            f"jupyter-book {version}은 쓸 수 없습니다. 1.x 판이 필요합니다 (2.x는 빌드할 때 "
            ' 인터넷에서 테마를 받습니다): pip install "jupyter-book>=1.0.4,<2"'
        )
    return version


def stage(src: Path, lessons_dir: Path, dest: Path) -> dict:
    """사이트 원본 폴더 dest를 만듭니다. 돌려주는 값: 목차와 강의 정보."""
    import yaml

    readme = src / ROOT_PAGE
    if not readme.is_file():
        raise BuildError(f"{readme}가 없습니다. 저장소 맨 위 폴더에서 실행하세요.")
    lessons = lesson_files(lessons_dir)
    if not lessons:
        raise BuildError(
            f"강의 노트북이 없습니다: {lessons_dir}/[0-9]*.ipynb. "
            "--lessons 로 노트북 폴더를 알려 주세요."
        )
    shutil.copy2(SITE_CONFIG_DIR / "_config.yml", dest / "_config.yml")
    if (SITE_CONFIG_DIR / "_static").is_dir():
        shutil.copytree(SITE_CONFIG_DIR / "_static", dest / "_static")
    shutil.copy2(readme, dest / ROOT_PAGE)

    course_pages: list[str] = []
    for page in COURSE_PAGES:
        path = src / page
        if path.is_dir():
            (dest / page).mkdir(parents=True, exist_ok=True)
            for name in instructor_pages(path):
                shutil.copy2(path / name, dest / page / name)
                course_pages.append(f"{page}/{name}")
        elif path.is_file():
            (dest / page).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest / page)
            course_pages.append(page)

    (dest / "lessons").mkdir()
    titles = {}
    widgets = 0
    for path in lessons:
        titles[path.stem] = notebook_title(path)
        nb, replaced = replace_widget_outputs(read_notebook(path), WIDGET_NOTE)
        widgets += replaced
        write_notebook(nb, dest / "lessons" / path.name)
    toc = make_toc(course_pages, [p.stem for p in lessons])
    (dest / "_toc.yml").write_text(
        "# build_site.py가 lessons/*.ipynb 목록으로 만든 목차입니다.\n"
        + yaml.safe_dump(toc, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return {"titles": titles, "course_pages": course_pages, "widget_outputs": widgets}


ANSI_COLOR = re.compile(r"\x1b\[[0-9;]*m")


def warnings_in(log: str) -> list[str]:
    """Sphinx 출력에서 경고와 오류 줄만 모읍니다 (터미널 색 코드는 지웁니다)."""
    keys = ("WARNING:", "ERROR:", "CRITICAL:")
    return [line for line in ANSI_COLOR.sub("", log).splitlines() if any(k in line for k in keys)]


def build(src: Path, lessons_dir: Path, out: Path, keep_source: bool = False) -> dict:
    """사이트를 out/html에 만듭니다. 경고가 있으면 BuildError."""
    version = check_tools()
    out = out.resolve()
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="dlcourse-site-"))
    try:
        source = work / "book"
        source.mkdir()
        info = stage(src, lessons_dir, source)
        env = dict(os.environ, NO_COLOR="1", PYTHONWARNINGS="ignore::DeprecationWarning")
        cmd = [
            sys.executable, "-c", "from jupyter_book.cli.main import main; main()",
            "build", str(source), "--path-output", str(work / "out"),
            "--builder", "html", "--all", "-W", "--keep-going",
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
        log = ANSI_COLOR.sub("", proc.stdout + proc.stderr)
        out.mkdir(parents=True, exist_ok=True)
        (out / "build.log").write_text(log, encoding="utf-8")
        problems = warnings_in(log)
        if proc.returncode != 0 or problems:
            shown = "\n".join(problems[:40]) or log[-3000:]
            raise BuildError(
                f"사이트 빌드가 실패했습니다 (종료 코드 {proc.returncode}, 경고 {len(problems)}개). "
                f"전체 기록: {out / 'build.log'}\n{shown}"
            )
        html = work / "out" / "_build" / "html"
        target = out / "html"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(html, target)
        if keep_source:
            shutil.copytree(source, out / "source", dirs_exist_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    info.update(
        html=target, jupyter_book=version, seconds=time.perf_counter() - started,
        bytes=tree_size(target),
    )
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="강의 웹사이트(정적 HTML)를 Jupyter Book 1로 만듭니다.",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"결과 폴더 (기본 {DEFAULT_OUT.relative_to(ROOT)}; HTML은 그 안의 html/)")
    parser.add_argument("--lessons", type=Path, default=ROOT / "lessons",
                        help="강의 노트북 폴더 (기본 lessons/)")
    parser.add_argument("--keep-source", action="store_true",
                        help="Jupyter Book에 넘긴 원본 폴더(_toc.yml 포함)를 --out/source 에 남깁니다")
    args = parser.parse_args(argv)
    try:
        info = build(ROOT, args.lessons.resolve(), args.out, keep_source=args.keep_source)
    except BuildError as exc:
        print(f"오류: {exc}", file=sys.stderr)
        return 1
    print(f"사이트를 만들었습니다: {info['html'] / 'index.html'}")
    print(f"  강의 {len(info['titles'])}개, 안내 글 {len(info['course_pages'])}개, "
          f"위젯 출력 {info['widget_outputs']}개를 그림이나 안내로 바꿈")
    print(f"  크기 {info['bytes'] / 1e6:.1f} MB, {info['seconds']:.1f}초 "
          f"(jupyter-book {info['jupyter_book']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
