"""훈련 루프와 모니터.

    history = dl.train.fit(net, X, y, loss="cross_entropy", optimizer=dl.optim.Adam(0.01),
                           epochs=100, batch_size=15, monitors=True)
    history.monitors["grad_norm"].values   # (기록 수, 층 수)
"""

from .history import DivergenceWarning, History
from .loop import evaluate, fit, get_loss
from .monitors import (
    MONITOR_NAMES,
    ActivationStats,
    DeadUnits,
    GradientNorms,
    Monitor,
    flatten_layers,
    make_monitors,
)

__all__ = [
    "fit",
    "evaluate",
    "get_loss",
    "History",
    "DivergenceWarning",
    "Monitor",
    "GradientNorms",
    "ActivationStats",
    "DeadUnits",
    "make_monitors",
    "flatten_layers",
    "MONITOR_NAMES",
]
