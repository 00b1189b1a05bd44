"""dlcourse: 신경망이 어떻게 학습하는지 직접 움직여 보는 한국어 강의용 NumPy 패키지.

    import dlcourse as dl
    net = dl.nn.mlp([2, 3, 1], activation="sigmoid", seed=0)

하위 모듈(nn, optim, data, train, surfaces, init, labs, viz, check)은 처음 쓸 때
불러옵니다. 그래서 `import dlcourse` 자체는 가볍고, matplotlib이나 ipywidgets는
그림이나 위젯이 필요할 때만 올라옵니다.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_SUBMODULES = ("nn", "optim", "data", "train", "surfaces", "init", "labs", "viz", "check")

__all__ = ["__version__", *_SUBMODULES]


def __getattr__(name: str):
    if name in _SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"모듈 'dlcourse'에는 '{name}' 속성이 없습니다.")


def __dir__():
    return sorted(list(globals()) + list(_SUBMODULES))
