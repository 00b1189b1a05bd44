"""훈련 중에 신경망 안을 들여다보는 모니터(monitor).

모니터는 훈련 단계마다 (또는 every 단계마다) 신경망의 상태를 읽어 기록합니다.
역전파가 이미 계산해 둔 값(기울기, 활성화 값)만 읽으므로 계산을 다시 하지 않습니다.
활성화 값 통계와 죽은 유닛은 그 단계의 미니배치에서 잰 값입니다.

- GradientNorms  ("grad_norm"):  층마다 가중치 기울기의 노름 ||dL/dW||
- ActivationStats ("activations"): 활성화 함수 층마다 출력의 평균, 표준편차, 표본 일부
- DeadUnits      ("dead_units"):  활성화 함수 층마다 '죽은 유닛'의 비율.
  미니배치의 모든 샘플에서 출력이 정확히 0인 유닛을 죽었다고 봅니다 (ReLU).
"""

from __future__ import annotations

import numpy as np

from .._validate import check_positive_int, lookup
from ..nn.activations import Activation
from ..nn.layers import Dense

__all__ = [
    "Monitor",
    "GradientNorms",
    "ActivationStats",
    "DeadUnits",
    "make_monitors",
    "flatten_layers",
    "MONITOR_NAMES",
]


def flatten_layers(net) -> list:
    """Sequential과 Residual 안까지 들어가 층을 순서대로 펼칩니다."""
    out = []
    for layer in getattr(net, "layers", [net]):
        if hasattr(layer, "layers"):
            out.extend(flatten_layers(layer))
        elif hasattr(layer, "block"):
            out.extend(flatten_layers(layer.block))
        else:
            out.append(layer)
    return out


class Monitor:
    """모니터의 바탕 클래스. ``steps`` 와 기록 목록을 가집니다."""

    name = "monitor"

    def __init__(self, every: int = 1):
        self.every = check_positive_int(every, "every (모니터 기록 간격)")
        self.steps: list[int] = []
        self.dense_layers: list = []
        self.activation_layers: list = []

    def bind(self, net) -> None:
        """훈련을 시작할 때 한 번, 살펴볼 층을 찾아 둡니다."""
        layers = flatten_layers(net)
        self.dense_layers = [layer for layer in layers if isinstance(layer, Dense)]
        self.activation_layers = [layer for layer in layers if isinstance(layer, Activation)]

    @staticmethod
    def _table(rows: list, columns: int) -> np.ndarray:
        """기록 목록을 (기록 수, 열 수) 배열로 만듭니다. 기록이 없어도 모양은 (0, 열 수)입니다."""
        if not rows:
            return np.zeros((0, columns))
        return np.array(rows).reshape(len(rows), -1)

    def record(self, step: int) -> None:
        raise NotImplementedError


class GradientNorms(Monitor):
    """층마다 ||dL/dW||_F (프로베니우스 노름). ``values``: (기록 수, Dense 층 수)."""

    name = "grad_norm"

    def __init__(self, every: int = 1):
        super().__init__(every)
        self._rows: list[np.ndarray] = []

    def record(self, step: int) -> None:
        self.steps.append(step)
        self._rows.append(np.array([np.sqrt(np.vdot(d.dW, d.dW)) for d in self.dense_layers]))

    @property
    def values(self) -> np.ndarray:
        return self._table(self._rows, len(self.dense_layers))


class ActivationStats(Monitor):
    """활성화 함수 층마다 출력의 평균과 표준편차, 그리고 히스토그램용 표본 (최대 sample_size개)."""

    name = "activations"

    def __init__(self, every: int = 1, sample_size: int = 500):
        super().__init__(every)
        self.sample_size = sample_size
        self._means: list[np.ndarray] = []
        self._stds: list[np.ndarray] = []
        self.samples: list[list[np.ndarray]] = []

    def record(self, step: int) -> None:
        self.steps.append(step)
        outs = [layer.output for layer in self.activation_layers]
        self._means.append(np.array([o.mean() for o in outs]))
        self._stds.append(np.array([o.std() for o in outs]))
        samples = []
        for o in outs:
            flat = o.reshape(-1)
            stride = max(1, flat.size // self.sample_size)
            samples.append(flat[::stride][: self.sample_size].copy())
        self.samples.append(samples)

    @property
    def mean(self) -> np.ndarray:
        return self._table(self._means, len(self.activation_layers))

    @property
    def std(self) -> np.ndarray:
        return self._table(self._stds, len(self.activation_layers))


class DeadUnits(Monitor):
    """활성화 함수 층마다 죽은 유닛 비율: 배치의 모든 샘플에서 출력이 0인 유닛 수 / 유닛 수."""

    name = "dead_units"

    def __init__(self, every: int = 1):
        super().__init__(every)
        self._rows: list[np.ndarray] = []
        self.last_mask: list[np.ndarray] = []

    def record(self, step: int) -> None:
        self.steps.append(step)
        masks = [~np.any(layer.output, axis=0) for layer in self.activation_layers]
        self.last_mask = masks
        self._rows.append(np.array([m.mean() for m in masks]))

    @property
    def values(self) -> np.ndarray:
        return self._table(self._rows, len(self.activation_layers))


_MONITORS = {
    "grad_norm": GradientNorms,
    "activations": ActivationStats,
    "dead_units": DeadUnits,
}

MONITOR_NAMES: tuple[str, ...] = tuple(_MONITORS)


def make_monitors(spec, every: int = 1) -> dict[str, Monitor]:
    """모니터 지정을 모니터 객체 사전으로 바꿉니다.

    spec: None/False (없음), True/"all" (모두), 이름 목록, 또는 Monitor 객체 목록.
    이름으로 만든 모니터는 every 단계마다 기록하고, Monitor 객체는 자기 ``every`` 를 씁니다.
    """
    if spec is None or spec is False:
        return {}
    if spec is True or (isinstance(spec, str) and spec == "all"):
        spec = MONITOR_NAMES
    if isinstance(spec, (str, Monitor)):
        spec = [spec]
    if not isinstance(spec, (list, tuple)):
        raise TypeError(
            "monitors에는 None, True, 모니터 이름 목록이나 Monitor 객체 목록을 넣어야 합니다 "
            f"(받은 값: {spec!r}). 사용할 수 있는 이름: {', '.join(MONITOR_NAMES)}"
        )
    monitors = {}
    for item in spec:
        monitor = item if isinstance(item, Monitor) else lookup(item, _MONITORS, "모니터")(every)
        monitors[monitor.name] = monitor
    return monitors
