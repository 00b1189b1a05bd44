"""연습 문제 채점 결과: 맞았는지와 한국어 설명.

채점 함수는 예외를 내지 않고 Feedback을 돌려줍니다. 학생 코드가 오류를 내도
트레이스백 대신 무엇이 잘못되었는지를 한국어로 보여 줍니다. 노트북에서는 색 있는
상자로, 텍스트 환경(nbval 비교, 터미널)에서는 한 줄 글로 보입니다.
"""

from __future__ import annotations

import functools
import html
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = ["Feedback", "passed", "failed", "guarded"]


@dataclass(frozen=True)
class Feedback:
    """채점 결과. ok: 맞았는지, message: 한국어 설명, hint: 다음에 해 볼 일 (없으면 빈 문자열)."""

    ok: bool
    message: str
    hint: str = ""

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        head = "정답입니다!" if self.ok else "아직 아닙니다."
        text = f"{head} {self.message}"
        if self.hint:
            text += f"\n힌트: {self.hint}"
        return text

    __repr__ = __str__

    def _repr_html_(self) -> str:
        colour, border, icon = (
            ("#e8f4ea", "#0072B2", "✔") if self.ok else ("#fdf1e6", "#D55E00", "✘")
        )
        hint = f"<br><b>힌트:</b> {html.escape(self.hint)}" if self.hint else ""
        head = "정답입니다!" if self.ok else "아직 아닙니다."
        return (
            f'<div style="background:{colour};border-left:4px solid {border};'
            f'padding:8px 12px;margin:4px 0">{icon} <b>{head}</b> '
            f"{html.escape(self.message)}{hint}</div>"
        )


def passed(message: str) -> Feedback:
    return Feedback(True, message)


def failed(message: str, hint: str = "") -> Feedback:
    return Feedback(False, message, hint)


def guarded(check: Callable[..., Feedback]) -> Callable[..., Feedback]:
    """학생 코드가 예외를 내면 트레이스백 대신 Feedback으로 바꿔 주는 장식자."""
    @functools.wraps(check)
    def wrapper(*args, **kwargs) -> Feedback:
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                return check(*args, **kwargs)
        except NotImplementedError:
            return failed("아직 구현하지 않은 부분이 있습니다.", "함수 안의 '...' 이나 raise NotImplementedError 를 지우고 코드를 채우세요.")
        except Exception as exc:  # 학생 코드의 어떤 오류도 화면에 트레이스백으로 내보내지 않습니다.
            return failed(
                f"코드를 실행하다가 오류가 났습니다: {type(exc).__name__}: {exc}",
                "배열의 모양(shape)과 변수 이름을 확인해 보세요.",
            )

    return wrapper
