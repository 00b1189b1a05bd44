"""`dlcourse` 명령: 강의 열기, 설치 점검, 강의 목록, 강의 다시 실행.

    dlcourse lab                 JupyterLab으로 강의를 엽니다 (127.0.0.1, 토큰 사용)
    dlcourse doctor              설치 상태를 점검하고, 문제마다 고치는 방법을 알려 줍니다
    dlcourse lessons             강의 목록과 제목을 보여 줍니다
    dlcourse execute [강의 ...]  강의를 처음부터 다시 실행해 저장된 출력을 새로 고칩니다
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

__all__ = ["main", "find_lessons_dir", "list_lessons", "execute_lessons"]

_KERNEL = "python3"


def find_lessons_dir(start: Path | None = None) -> Path | None:
    """lessons 폴더를 찾습니다: 현재 폴더부터 위로, 그다음 패키지 소스 옆."""
    candidates = []
    here = (start or Path.cwd()).resolve()
    candidates += [p / "lessons" for p in (here, *here.parents)]
    candidates.append(Path(__file__).resolve().parents[2] / "lessons")
    for path in candidates:
        if path.is_dir() and any(path.glob("*.ipynb")):
            return path
    return None


def _lesson_title(path: Path) -> str:
    """노트북 첫 마크다운 셀의 첫 제목 줄을 제목으로 씁니다."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "(읽을 수 없는 노트북)"
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return path.stem


def list_lessons(lessons_dir: Path) -> list[tuple[Path, str]]:
    return [(p, _lesson_title(p)) for p in sorted(lessons_dir.glob("[0-9]*.ipynb"))]


def _resolve(lessons_dir: Path, names: list[str]) -> list[Path]:
    """'03', '03_역전파', 파일 경로 중 무엇으로 불러도 노트북을 찾습니다."""
    all_lessons = [p for p, _ in list_lessons(lessons_dir)]
    if not names:
        return all_lessons
    chosen = []
    for name in names:
        direct = Path(name)
        if direct.suffix == ".ipynb" and direct.exists():
            chosen.append(direct)
            continue
        matches = [p for p in all_lessons if p.stem == name or p.stem.split("_")[0] == name.zfill(2)]
        if not matches:
            available = ", ".join(p.stem for p in all_lessons)
            raise SystemExit(f"강의를 찾을 수 없습니다: '{name}'. 사용할 수 있는 강의: {available}")
        chosen.extend(matches)
    return chosen


def execute_lessons(paths: list[Path], timeout: int = 600) -> list[tuple[Path, float]]:
    """노트북을 새 커널에서 처음부터 실행하고 출력을 저장합니다. (경로, 걸린 초) 목록을 돌려줍니다."""
    import time

    import nbformat
    from nbclient import NotebookClient

    results = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        env_backup = os.environ.get("MPLBACKEND")
        os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
        try:
            # 커널의 정보성 경고(예: TCP 암호화 안내)는 감추고 오류만 터미널에 보입니다.
            NotebookClient(nb, timeout=timeout, kernel_name=_KERNEL,
                           extra_arguments=["--IPKernelApp.log_level=ERROR"],
                           resources={"metadata": {"path": str(path.parent)}}).execute()
        finally:
            if env_backup is None:
                os.environ.pop("MPLBACKEND", None)
            else:
                os.environ["MPLBACKEND"] = env_backup
        elapsed = time.perf_counter() - start
        nbformat.write(nb, path)
        results.append((path, elapsed))
    return results


def _cmd_lessons(args) -> int:
    lessons_dir = find_lessons_dir()
    if lessons_dir is None:
        print("lessons 폴더를 찾지 못했습니다. 저장소 폴더 안에서 실행하세요.", file=sys.stderr)
        return 1
    for path, title in list_lessons(lessons_dir):
        print(f"{path.stem:<28} {title}")
    return 0


def _cmd_execute(args) -> int:
    lessons_dir = find_lessons_dir()
    if lessons_dir is None:
        print("lessons 폴더를 찾지 못했습니다. 저장소 폴더 안에서 실행하세요.", file=sys.stderr)
        return 1
    paths = _resolve(lessons_dir, args.lessons)
    total = 0.0
    for path, seconds in execute_lessons(paths, timeout=args.timeout):
        total += seconds
        print(f"{path.name:<36} {seconds:6.1f}초")
    print(f"{'합계':<34} {total:6.1f}초")
    return 0


def _cmd_lab(args) -> int:
    lessons_dir = find_lessons_dir()
    if lessons_dir is None:
        print("lessons 폴더를 찾지 못했습니다. 저장소 폴더 안에서 실행하세요.", file=sys.stderr)
        return 1
    cmd = [sys.executable, "-m", "jupyterlab", f"--notebook-dir={lessons_dir}",
           "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={args.port}"]
    if args.no_browser:
        cmd.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # 컨테이너 등에서 root로 실행할 때 필요합니다.
    print("JupyterLab을 시작합니다. 아래에 나오는 http://127.0.0.1:... 주소(토큰 포함)를 브라우저에서 여세요.",
          flush=True)
    os.execv(sys.executable, cmd)
    return 0  # pragma: no cover


def _cmd_doctor(args) -> int:
    from .doctor import run_checks

    problems = run_checks(print)
    return 1 if problems else 0


class _KoreanHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="사용법: ")


def _korean_parser(**kwargs) -> argparse.ArgumentParser:
    """도움말의 제목과 -h 설명을 한국어로 바꾼 ArgumentParser."""
    kwargs.setdefault("formatter_class", _KoreanHelpFormatter)
    parser = argparse.ArgumentParser(add_help=False, **kwargs)
    parser._positionals.title = "인자"
    parser._optionals.title = "옵션"
    parser.add_argument("-h", "--help", action="help", help="이 도움말을 보여 주고 끝냅니다")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _korean_parser(
        prog="dlcourse",
        description="신경망 학습 과정을 직접 움직여 보는 한국어 강의 dlcourse의 명령입니다.",
    )
    sub = parser.add_subparsers(dest="command", metavar="명령", title="명령",
                                parser_class=_korean_parser)
    lab = sub.add_parser("lab", help="JupyterLab으로 강의를 엽니다 (127.0.0.1에서만, 토큰 사용)")
    lab.add_argument("--port", type=int, default=8888, help="포트 번호 (기본 8888)")
    lab.add_argument("--no-browser", action="store_true", help="브라우저를 자동으로 열지 않습니다")
    lab.set_defaults(func=_cmd_lab)
    doctor = sub.add_parser("doctor", help="설치 상태를 점검합니다")
    doctor.set_defaults(func=_cmd_doctor)
    lessons = sub.add_parser("lessons", help="강의 목록을 보여 줍니다")
    lessons.set_defaults(func=_cmd_lessons)
    execute = sub.add_parser("execute", help="강의를 다시 실행해 저장된 출력을 새로 고칩니다")
    execute.add_argument("lessons", nargs="*", help="강의 번호나 이름 (없으면 모두). 예: 03 04_기울기_소실")
    execute.add_argument("--timeout", type=int, default=600, help="셀 하나의 제한 시간(초)")
    execute.set_defaults(func=_cmd_execute)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    return int(args.func(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
