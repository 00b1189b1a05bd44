"""옵티마이저(optimizer), 기울기 클리핑(gradient clipping), 학습률 스케줄(learning-rate schedule).

역전파는 각 가중치의 기울기를 알려 주고, 옵티마이저는 그 기울기로 가중치를
얼마나, 어느 쪽으로 움직일지 정합니다. 이름과 인자는 Keras를 따르고, 같은
하이퍼파라미터라면 ``torch.optim``과 반올림 오차 수준까지 같은 값을 냅니다.

    import dlcourse as dl
    opt = dl.optim.SGD(learning_rate=0.1, momentum=0.9)
    opt.update(net.params, net.grads)          # 매개변수를 제자리에서 갱신

    schedule = dl.optim.ExponentialDecay(0.1, decay_steps=500, decay_rate=0.5)
    opt = dl.optim.Adam(learning_rate=schedule, global_clipnorm=1.0)

옵티마이저: SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam, AdamW
클리핑: clip_by_value, clip_by_norm, clip_by_global_norm, global_norm
스케줄: PiecewiseConstantDecay, ExponentialDecay, PolynomialDecay, CosineDecay,
InverseTimeDecay (바탕 클래스 LearningRateSchedule)
"""

from __future__ import annotations

from .adaptive import AdaGrad, Adam, AdamW, RMSprop
from .base import Optimizer
from .clipping import clip_by_global_norm, clip_by_norm, clip_by_value, global_norm
from .schedules import (
    CosineDecay,
    ExponentialDecay,
    InverseTimeDecay,
    LearningRateSchedule,
    PiecewiseConstantDecay,
    PolynomialDecay,
)
from .sgd import SGD, Momentum, Nesterov

__all__ = [
    "Optimizer",
    "SGD",
    "Momentum",
    "Nesterov",
    "AdaGrad",
    "RMSprop",
    "Adam",
    "AdamW",
    "clip_by_value",
    "clip_by_norm",
    "clip_by_global_norm",
    "global_norm",
    "LearningRateSchedule",
    "PiecewiseConstantDecay",
    "ExponentialDecay",
    "PolynomialDecay",
    "CosineDecay",
    "InverseTimeDecay",
]
