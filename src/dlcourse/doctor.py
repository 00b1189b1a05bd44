"""`dlcourse doctor`: 설치 상태를 점검하고, 문제마다 고치는 방법을 한국어로 알려 줍니다."""

from __future__ import annotations

import importlib
import importlib.metadata as metadata
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Check", "run_checks"]

MIN_PYTHON = (3, 10)
REQUIRED = {
    "numpy": "1.24",
    "matplotlib": "3.7",
    "ipywidgets": "8.1",
    "ipympl": "0.9.3",
    "jupyterlab": "4.0",
    "tqdm": "4.66",
}
LAB_EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", "jupyter-matplotlib")


@dataclass
class Check:
    """점검 하나의 결과. ok가 False면 fix에 고치는 방법이 있습니다."""

    name: str
    ok: bool
    detail: str
    fix: str = ""


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def check_python() -> Check:
    version = sys.version_info[:3]
    ok = version[:2] >= MIN_PYTHON
    return Check(
        "Python", ok, ".".join(map(str, version)),
        "" if ok else f"Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} 이상을 설치하고 가상 환경을 새로 만드세요.",
    )


def check_packages() -> list[Check]:
    results = []
    for name, minimum in REQUIRED.items():
        try:
            found = metadata.version(name)
        except metadata.PackageNotFoundError:
            results.append(Check(name, False, "설치되지 않음", f'pip install "{name}>={minimum}"'))
            continue
        ok = _version_tuple(found) >= _version_tuple(minimum)
        results.append(Check(name, ok, found, "" if ok else f'pip install --upgrade "{name}>={minimum}"'))
    return results


def check_lab_extensions() -> Check:
    """JupyterLab 앞단 확장(위젯 관리자, ipympl)이 Jupyter 데이터 폴더에 설치되어 있는지 봅니다."""
    try:
        from jupyter_core.paths import jupyter_path
    except ImportError:
        return Check("JupyterLab 확장", False, "jupyter_core가 없습니다", "pip install jupyterlab")
    roots = [Path(p) for p in jupyter_path("labextensions")]
    missing = [ext for ext in LAB_EXTENSIONS
               if not any((root / ext / "package.json").is_file() for root in roots)]
    ok = not missing
    return Check(
        "JupyterLab 확장", ok,
        "위젯과 ipympl 확장이 있습니다" if ok else f"없음: {', '.join(missing)}",
        "" if ok else "pip install --force-reinstall ipywidgets ipympl 을 실행한 뒤 JupyterLab을 다시 시작하세요.",
    )


def check_font() -> Check:
    try:
        from matplotlib import font_manager

        from .viz.font import setup_korean_font

        setup_korean_font()
        path = font_manager.findfont("NanumGothic", fallback_to_default=False)
    except Exception as exc:  # 글꼴 문제는 어떤 예외든 점검 결과로 바꿉니다.
        return Check("한글 글꼴", False, f"나눔고딕을 찾지 못함 ({type(exc).__name__})",
                     "패키지를 다시 설치하세요: pip install --force-reinstall -e .")
    ok = "NanumGothic" in path
    return Check("한글 글꼴", ok, path, "" if ok else "패키지를 다시 설치하세요: pip install --force-reinstall -e .")


def check_explorer() -> Check:
    """탐색기 하나를 화면 없이 만들어 그림이 그려지는지 봅니다."""
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            descent = importlib.import_module("dlcourse.labs.descent")
            live = descent.explorer()
            png = live.png()
            live.close()
    except Exception as exc:  # 어떤 예외든 학생에게는 고칠 방법으로 보여 줍니다.
        return Check("탐색기 그리기", False, f"{type(exc).__name__}: {exc}",
                     "pip install -e . 로 다시 설치하고, 그래도 안 되면 강사에게 이 출력을 보여 주세요.")
    ok = png.startswith(b"\x89PNG") and len(png) > 1000
    return Check("탐색기 그리기", ok, f"경사 하강법 탐색기 PNG {len(png):,}바이트",
                 "" if ok else "그림이 비어 있습니다. matplotlib을 다시 설치해 보세요.")


def run_checks(say: Callable[[str], None] = print) -> list[Check]:
    """모든 점검을 하고 결과를 출력합니다. 문제가 있는 점검 목록을 돌려줍니다."""
    checks = [check_python(), *check_packages(), check_lab_extensions(), check_font(), check_explorer()]
    for check in checks:
        mark = "정상" if check.ok else "문제"
        say(f"[{mark}] {check.name}: {check.detail}")
        if not check.ok:
            say(f"       고치는 방법: {check.fix}")
    problems = [c for c in checks if not c.ok]
    say("모두 정상입니다." if not problems else f"문제 {len(problems)}개를 찾았습니다.")
    return problems
