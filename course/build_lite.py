"""JupyterLite 사이트를 만듭니다: 설치 없이 브라우저에서 강의 노트북을 여는 정적 웹사이트.

    python course/build_lite.py                    # 결과: build/lite/index.html
    python course/build_lite.py --out /tmp/lite    # 다른 곳에 만들기
    python course/build_lite.py --bundle-deps      # ipywidgets 등 순수 Python 휠도 함께 넣기
                                                   # (빌드할 때 PyPI에서 받습니다)
    python -m http.server -d build/lite 8000       # 내 컴퓨터에서 열어 보기 (아래 주의)

필요한 도구: jupyterlite-core 0.8.6, jupyterlite-pyodide-kernel 0.8.6, jupyter-server
(`pip install -e ".[site]"`, `[test]`에도 들어 있습니다). 빌드는 인터넷 없이 됩니다.

주의: 만든 사이트를 '쓰려면' 학생의 브라우저가 인터넷에 닿아야 합니다. 브라우저 안의
Python(Pyodide 314.0.6)과 numpy, matplotlib 같은 패키지를 jsDelivr CDN에서 받기 때문입니다.
ipywidgets처럼 Pyodide에 들어 있지 않은 순수 Python 패키지는 PyPI에서 받습니다
(--bundle-deps로 빌드하면 사이트 안에서 받습니다).

하는 일
1. dlcourse 휠을 만듭니다 (`python -m pip wheel --no-deps --no-build-isolation`; 저장소를
   임시 폴더에 복사해서 만들므로 저장소에 build/ 찌꺼기가 생기지 않습니다).
2. 휠을 piplite가 찾는 곳(사이트의 pypi/, 목록 pypi/all.json)에 넣습니다.
3. lessons/*.ipynb를 복사해 사이트의 내용(files/)으로 씁니다. 복사본에는 제목 바로 아래에
   설치 칸을 넣습니다: `%pip install numpy matplotlib pillow tqdm ipywidgets` 와
   `%pip install --no-deps dlcourse`. dlcourse의 의존성 가운데 jupyterlab과 ipympl은
   브라우저 안에서 쓸 수 없거나 필요 없으므로 --no-deps로 dlcourse만 설치합니다.
   저장된 위젯 출력은 그림(PNG)으로 바꿉니다 (커널이 없으면 위젯이 움직이지 않으므로).
4. `jupyter lite build`로 --out 폴더(기본 build/lite)에 사이트를 만듭니다.
"""

from __future__ import annotations

import argparse
import json
import os
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
    join_multiline,
    lesson_files,
    notebook_title,
    read_notebook,
    replace_widget_outputs,
    tree_size,
    write_notebook,
)

DEFAULT_OUT = ROOT / "build" / "lite"
LITE_VERSION = "0.8.6"
APP_NAME = "dlcourse — 신경망은 어떻게 배우는가"

# 브라우저 안에서 설치할 패키지. numpy, matplotlib, pillow, tqdm은 Pyodide 배포판에 들어
# 있고(CDN), ipywidgets와 그 의존성(comm, jupyterlab_widgets)은 순수 Python 휠을 받습니다.
# widgetsnbextension은 Pyodide 커널이 빈 휠을 대신 넣어 줍니다.
PYODIDE_REQUIREMENTS = ("numpy", "matplotlib", "pillow", "tqdm", "ipywidgets")
# dlcourse의 런타임 의존성 가운데 브라우저에 설치하지 않는 것과 그 까닭.
# (tests/site/test_builds.py가 pyproject.toml의 의존성과 설치 칸을 맞춰 봅니다.)
NOT_IN_BROWSER = {
    "jupyterlab": "JupyterLite가 JupyterLab 화면을 대신합니다. jupyterlab은 pyzmq, tornado 같은 "
                  "Pyodide에 없는 패키지가 있어야 해서 브라우저 안에는 설치할 수 없습니다.",
    "ipympl": "탐색기는 기본으로 ipywidgets의 Image 위젯에 그립니다. ipympl은 "
              "LiveFigure(backend='ipympl')에만 쓰고, 필요하면 %pip install ipympl 로 설치됩니다 "
              "(순수 Python 휠, 화면 확장은 사이트에 들어 있음).",
}
# --bundle-deps가 사이트 안에 넣는 순수 Python 휠 (이 venv에 설치된 판 그대로).
BUNDLED_PURE_WHEELS = ("ipywidgets", "comm", "jupyterlab_widgets")

INSTALL_MARKDOWN = (
    "> **JupyterLite에서 보고 있습니다.** 이 노트북은 브라우저 안의 Python(Pyodide)에서\n"
    "> 돌아갑니다. 바로 아래 칸을 먼저 실행해 dlcourse와 필요한 패키지를 설치하세요.\n"
    "> 처음에는 패키지를 내려받느라 수십 초 걸릴 수 있고, 인터넷 연결이 필요합니다.\n"
    "> 저장된 출력은 미리 실행해 둔 결과이고, 슬라이더는 칸을 실행해야 움직입니다."
)
INSTALL_CODE = (
    "# JupyterLite 전용 설치 칸입니다 (JupyterLab에서는 필요 없습니다).\n"
    f"%pip install -q {' '.join(PYODIDE_REQUIREMENTS)}\n"
    "%pip install -q --no-deps dlcourse"
)
INSTALL_CELL_TAG = "dlcourse-lite-install"
WIDGET_NOTE = (
    "<div>이 자리의 탐색기(슬라이더와 그림)는 위의 설치 칸과 이 칸을 실행하면 나타납니다.</div>"
)


def check_tools() -> dict[str, str]:
    """jupyterlite-core, jupyterlite-pyodide-kernel, jupyter-server 판 번호."""
    from importlib import metadata

    found = {}
    for name in ("jupyterlite-core", "jupyterlite-pyodide-kernel", "jupyter-server"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError as exc:
            raise BuildError(
                f"{name}이 설치되어 있지 않습니다. 저장소 폴더에서 "
                'pip install -e ".[site]" 를 실행하세요.'
            ) from exc
    for name in ("jupyterlite-core", "jupyterlite-pyodide-kernel"):
        if found[name] != LITE_VERSION:
            raise BuildError(
                f"{name} {found[name]}은 맞지 않습니다. {LITE_VERSION} 판이 필요합니다 "
                "(0.8.7 커널은 core 0.8.6과 함께 쓸 수 없습니다): "
                f'pip install "jupyterlite-core=={LITE_VERSION}" '
                f'"jupyterlite-pyodide-kernel=={LITE_VERSION}"'
            )
    return found


def build_wheel(src: Path, dest: Path) -> Path:
    """src(저장소)의 dlcourse 휠을 dest에 만듭니다. 저장소는 건드리지 않습니다."""
    with tempfile.TemporaryDirectory(prefix="dlcourse-wheel-") as tmp:
        copy = Path(tmp) / "src-copy"
        copy.mkdir()
        for name in ("pyproject.toml", "README.md", "LICENSE"):
            if (src / name).exists():
                shutil.copy2(src / name, copy / name)
        shutil.copytree(
            src / "src", copy / "src",
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"),
        )
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
             "--no-index", "-q", str(copy), "-w", str(dest)],
            capture_output=True, text=True,
        )
        if proc.returncode != 0:
            raise BuildError(
                "dlcourse 휠을 만들지 못했습니다. setuptools>=68과 wheel이 설치되어 있는지 "
                f"확인하세요 (pip install setuptools wheel).\n{proc.stdout}\n{proc.stderr}"
            )
    wheels = sorted(dest.glob("dlcourse-*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise BuildError(f"dlcourse 휠이 하나여야 하는데 {len(wheels)}개입니다: {wheels}")
    return wheels[0]


def download_pure_wheels(dest: Path) -> list[Path]:
    """--bundle-deps: 이 venv에 설치된 판의 순수 Python 휠을 PyPI에서 받습니다."""
    from importlib import metadata

    specs = [f"{name}=={metadata.version(name)}" for name in BUNDLED_PURE_WHEELS]
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
         "--platform", "any", "--python-version", "3.12", "-q", "-d", str(dest), *specs],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        raise BuildError(
            f"휠을 받지 못했습니다 ({', '.join(specs)}). PyPI에 닿는지 확인하거나 "
            f"--bundle-deps 없이 빌드하세요.\n{proc.stderr}"
        )
    return sorted(p for p in dest.glob("*.whl") if not p.name.startswith("dlcourse-"))


def lite_notebook(nb: dict) -> dict:
    """JupyterLite용 복사본: 제목 칸 아래에 설치 안내와 설치 칸을 넣고 위젯 출력을 그림으로."""
    nb, _ = replace_widget_outputs(join_multiline(nb), WIDGET_NOTE)
    cells = nb["cells"]
    at = 1 if cells and cells[0].get("cell_type") == "markdown" else 0
    note = {"cell_type": "markdown", "metadata": {"tags": [INSTALL_CELL_TAG]},
            "source": INSTALL_MARKDOWN}
    code = {"cell_type": "code", "metadata": {"tags": [INSTALL_CELL_TAG]},
            "execution_count": None, "outputs": [], "source": INSTALL_CODE}
    if nb.get("nbformat", 4) >= 4 and nb.get("nbformat_minor", 0) >= 5:
        note["id"] = "dlcourse-lite-install-note"
        code["id"] = "dlcourse-lite-install-code"
    nb["cells"] = cells[:at] + [note, code] + cells[at:]
    # 브라우저 안에서는 Pyodide 커널 하나뿐입니다.
    nb.setdefault("metadata", {})["kernelspec"] = {
        "name": "python", "display_name": "Python (Pyodide)", "language": "python",
    }
    return nb


def stage(lessons_dir: Path, work: Path, bundle_deps: bool) -> dict:
    lessons = lesson_files(lessons_dir)
    if not lessons:
        raise BuildError(
            f"강의 노트북이 없습니다: {lessons_dir}/[0-9]*.ipynb. "
            "--lessons 로 노트북 폴더를 알려 주세요."
        )
    contents = work / "contents"
    contents.mkdir()
    titles = {}
    for path in lessons:
        titles[path.name] = notebook_title(path)
        write_notebook(lite_notebook(read_notebook(path)), contents / path.name)

    wheels_dir = work / "wheels"
    wheels_dir.mkdir()
    wheel = build_wheel(ROOT, wheels_dir)
    extra = download_pure_wheels(wheels_dir) if bundle_deps else []

    lite_dir = work / "lite"
    lite_dir.mkdir()
    config = {
        "jupyter-lite-schema-version": 0,
        "jupyter-config-data": {
            "appName": APP_NAME,
            # 처음 열면 강의 목록(파일 탐색기)이 보입니다.
            "defaultKernelName": "python",
        },
    }
    (lite_dir / "jupyter-lite.json").write_text(
        json.dumps(config, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return {"titles": titles, "contents": contents, "wheel": wheel, "extra_wheels": extra,
            "lite_dir": lite_dir}


def build(lessons_dir: Path, out: Path, bundle_deps: bool = False) -> dict:
    tools = check_tools()
    out = out.resolve()
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="dlcourse-lite-"))
    try:
        info = stage(lessons_dir, work, bundle_deps)
        wheels = [info["wheel"], *info["extra_wheels"]]
        cmd = [
            sys.executable, "-m", "jupyterlite_core", "build",
            "--lite-dir", str(info["lite_dir"]),
            "--contents", str(info["contents"]),
            "--output-dir", str(work / "dist"),
            "--no-sourcemaps", "--no-unused-shared-packages",
        ]
        for wheel in wheels:
            cmd += ["--piplite-wheels", str(wheel)]
        env = dict(os.environ, NO_COLOR="1")
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=info["lite_dir"], env=env)
        log = proc.stdout + proc.stderr
        out.parent.mkdir(parents=True, exist_ok=True)
        if proc.returncode != 0:
            log_path = work.parent / "dlcourse-lite-build.log"
            log_path.write_text(log, encoding="utf-8")
            raise BuildError(
                f"jupyter lite build가 실패했습니다 (종료 코드 {proc.returncode}). "
                f"전체 기록: {log_path}\n{log[-3000:]}"
            )
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(work / "dist", out)
        (out / "build.log").write_text(log, encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    info.update(out=out, tools=tools, seconds=time.perf_counter() - started, bytes=tree_size(out),
                wheel_names=[w.name for w in wheels])
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="강의 노트북을 브라우저에서 여는 JupyterLite 사이트를 만듭니다.",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"결과 폴더 (기본 {DEFAULT_OUT.relative_to(ROOT)}, 있으면 지우고 새로 만듭니다)")
    parser.add_argument("--lessons", type=Path, default=ROOT / "lessons",
                        help="강의 노트북 폴더 (기본 lessons/)")
    parser.add_argument("--bundle-deps", action="store_true",
                        help="ipywidgets, comm, jupyterlab_widgets 휠을 PyPI에서 받아 사이트에 넣습니다 "
                             "(그러면 학생의 브라우저는 PyPI 대신 이 사이트에서 받습니다)")
    args = parser.parse_args(argv)
    try:
        info = build(args.lessons.resolve(), args.out, bundle_deps=args.bundle_deps)
    except BuildError as exc:
        print(f"오류: {exc}", file=sys.stderr)
        return 1
    print(f"JupyterLite 사이트를 만들었습니다: {info['out'] / 'index.html'}")
    print(f"  강의 {len(info['titles'])}개, 휠: {', '.join(info['wheel_names'])}")
    print(f"  크기 {info['bytes'] / 1e6:.1f} MB, {info['seconds']:.1f}초 "
          f"(jupyterlite-core {info['tools']['jupyterlite-core']})")
    print("  열어 보기: python -m http.server -d " f"{info['out']} 8000 "
          "(브라우저가 Pyodide CDN에 닿아야 합니다)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
