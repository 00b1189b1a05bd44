"""신경망의 부품: 활성화 함수, 층, 손실 함수, Sequential/mlp, 기울기 확인, 초기화.

    import dlcourse as dl
    net = dl.nn.mlp([2, 3, 1], activation="sigmoid", seed=0)
    out = net.forward(X)
    dX = net.backward(dout)
"""

from .. import init
from .activations import (
    ACTIVATION_NAMES,
    ELU,
    Activation,
    Identity,
    LeakyReLU,
    ReLU,
    Sigmoid,
    Softplus,
    Tanh,
    get_activation,
)
from .gradcheck import GradcheckResult, gradcheck, numerical_gradient, relative_error
from .layers import Dense, Layer
from .losses import MSE, BinaryCrossEntropy, Loss, SoftmaxCrossEntropy, softmax
from .network import Sequential, mlp
from .regularization import BatchNorm, Dropout, Residual, add_l2_gradient, l2_penalty

__all__ = [
    "init",
    "Layer",
    "Dense",
    "Activation",
    "Sigmoid",
    "Tanh",
    "ReLU",
    "LeakyReLU",
    "ELU",
    "Softplus",
    "Identity",
    "get_activation",
    "ACTIVATION_NAMES",
    "Dropout",
    "BatchNorm",
    "Residual",
    "l2_penalty",
    "add_l2_gradient",
    "Sequential",
    "mlp",
    "Loss",
    "MSE",
    "SoftmaxCrossEntropy",
    "BinaryCrossEntropy",
    "softmax",
    "gradcheck",
    "numerical_gradient",
    "relative_error",
    "GradcheckResult",
]
