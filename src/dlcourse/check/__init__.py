"""연습 문제(직접 해보기) 채점기.

강의마다 모듈이 하나씩 있습니다 (``dl.check.l03`` 은 3강의 연습 문제).
채점 함수는 언제나 Feedback을 돌려주고, 학생 코드가 오류를 내도 트레이스백 대신
한국어 설명을 보여 줍니다.

    from dlcourse import check
    check.l03.sigmoid_backward(my_sigmoid_backward)
"""

from __future__ import annotations

import importlib

from ._feedback import Feedback, failed, guarded, passed

__all__ = ["Feedback", "passed", "failed", "guarded"]

_LESSON_MODULES = tuple(f"l{i:02d}" for i in range(0, 11))


def __getattr__(name: str):
    if name in _LESSON_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"dlcourse.check에 없는 이름입니다: '{name}'.")
