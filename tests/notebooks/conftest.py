"""강의 노트북 테스트의 공통 도구."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LESSONS_DIR = ROOT / "lessons"


def lesson_paths() -> list[Path]:
    return sorted(LESSONS_DIR.glob("[0-9][0-9]_*.ipynb"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(params=lesson_paths(), ids=lambda p: p.stem)
def lesson(request) -> Path:
    return request.param
