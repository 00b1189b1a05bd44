"""강의 주제마다 하나씩 있는 탐색기(explorer) 모듈.

각 모듈에는 세 가지가 있습니다.

- ``run(...)``: 엔진만으로 계산하고 숫자만 담은 결과를 돌려줍니다 (그림, 위젯 없음).
- ``plot(result)``: 결과를 한국어 그림으로 그립니다.
- ``explorer(preset=None, ...)``: 슬라이더와 그림을 묶은 위젯. ``PRESETS`` 에 강사용
  설정이 있습니다.

    from dlcourse.labs import vanishing
    vanishing.explorer(preset="sigmoid_deep")
"""

from __future__ import annotations

import importlib

TOPICS = (
    "descent",
    "nonlinearity",
    "backprop",
    "vanishing",
    "dying_relu",
    "batching",
    "optimizers",
    "schedules",
    "init",
    "regularization",
)

__all__ = list(TOPICS)


def __getattr__(name: str):
    if name in TOPICS:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"dlcourse.labs에 없는 주제입니다: '{name}'. 주제 목록: {', '.join(TOPICS)}")
