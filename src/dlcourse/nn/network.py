"""층을 차례로 쌓은 신경망: Sequential 과 mlp.

순전파는 층을 앞에서부터, 역전파는 뒤에서부터 부릅니다.

    h_0 = X,   h_k = layer_k(h_(k-1))           (순전파)
    g_n = dL/dh_n,   g_(k-1) = layer_k.backward(g_k)  (역전파: 연쇄 법칙)

``params`` 와 ``grads`` 의 키는 ``"<층 번호>.<이름>"`` 입니다. 예를 들어
``mlp([2, 3, 1])`` 에서는 ``"0.W", "0.b", "2.W", "2.b"`` (1번 층은 활성화 함수라
매개변수가 없습니다). PyTorch의 state_dict와 같은 방식입니다.
"""

from __future__ import annotations

import copy

import numpy as np

from .._validate import as_generator, check_positive_int
from .activations import get_activation
from .layers import Dense, Layer

__all__ = ["Sequential", "mlp", "RELU_FAMILY"]

RELU_FAMILY = ("relu", "leaky_relu", "elu")


class Sequential(Layer):
    """층 목록을 차례로 연결한 신경망입니다."""

    def __init__(self, layers):
        layers = list(layers)
        for i, layer in enumerate(layers):
            if not (hasattr(layer, "forward") and hasattr(layer, "backward")):
                raise TypeError(
                    f"{i}번째 항목은 층이 아닙니다 (받은 값: {layer!r}). "
                    "forward와 backward 메서드가 있는 객체만 넣을 수 있습니다."
                )
        self.layers = layers

    def forward(self, X):
        for layer in self.layers:
            X = layer.forward(X)
        return X

    def backward(self, dout):
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        return dout

    def predict(self, X):
        """평가 모드에서 순전파한 결과를 돌려주고, 원래 모드로 되돌립니다."""
        was_training = self.training
        self.eval()
        try:
            return self.forward(X)
        finally:
            if was_training:
                self.train()

    @property
    def params(self) -> dict[str, np.ndarray]:
        return {
            f"{i}.{key}": value
            for i, layer in enumerate(self.layers)
            for key, value in layer.params.items()
        }

    @property
    def grads(self) -> dict[str, np.ndarray]:
        return {
            f"{i}.{key}": value
            for i, layer in enumerate(self.layers)
            for key, value in layer.grads.items()
        }

    def train(self):
        self.training = True
        for layer in self.layers:
            layer.train()
        return self

    def eval(self):
        self.training = False
        for layer in self.layers:
            layer.eval()
        return self

    @property
    def n_params(self) -> int:
        """학습할 매개변수의 개수."""
        return int(sum(p.size for p in self.params.values()))

    def summary(self, n_inputs: int | None = None) -> str:
        """층마다 종류, 출력 모양, 매개변수 개수를 한국어 표로 보여 줍니다.

        출력 모양은 Dense 층의 크기로 따라갑니다 (배치 크기는 '배치'로 적습니다).
        문자열을 돌려주고, 화면에도 출력합니다.
        """
        width = n_inputs
        rows = []
        for i, layer in enumerate(self.layers):
            if isinstance(layer, Dense):
                width = layer.fan_out
            count = sum(p.size for p in layer.params.values())
            shape = f"(배치, {width})" if width is not None else "?"
            rows.append((str(i), _short_name(layer), shape, f"{count:,}"))
        headers = ("번호", "층", "출력 모양", "매개변수 수")
        widths = [max(_display_width(r[c]) for r in [headers, *rows]) for c in range(4)]
        lines = [_format_row(headers, widths), "-" * (sum(widths) + 6)]
        lines += [_format_row(r, widths) for r in rows]
        lines.append("-" * (sum(widths) + 6))
        lines.append(f"전체 매개변수 수: {self.n_params:,}")
        text = "\n".join(lines)
        print(text)
        return text

    def __repr__(self) -> str:
        inner = ",\n  ".join(repr(layer) for layer in self.layers)
        return f"Sequential([\n  {inner}\n])"

    def __len__(self) -> int:
        return len(self.layers)

    def __getitem__(self, index):
        return self.layers[index]


def _short_name(layer) -> str:
    """표에 넣을 한 줄짜리 층 이름. 안에 층을 품은 블록은 층 수만 적습니다."""
    inner = getattr(layer, "block", None)
    if inner is not None:
        count = len(getattr(inner, "layers", [inner]))
        return f"{type(layer).__name__}(층 {count}개)"
    return repr(layer)


def _display_width(text: str) -> int:
    """한글은 화면에서 두 칸을 차지하므로 표 너비를 맞출 때 2로 셉니다."""
    return sum(2 if "\uac00" <= ch <= "\ud7a3" else 1 for ch in text)


def _format_row(cells, widths) -> str:
    return "  ".join(c + " " * (w - _display_width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()


def mlp(sizes, activation="sigmoid", output_activation=None, init=None, seed=0,
        bias_init="zeros", batch_norm=False, dropout=0.0, residual=False) -> Sequential:
    """다층 퍼셉트론을 만듭니다: Dense, 활성화, Dense, 활성화, ..., Dense[, 출력 활성화].

    sizes: 층마다 유닛 수. 예: ``[2, 3, 1]`` = 입력 2, 은닉 3, 출력 1.
    activation: 은닉층 활성화 함수 이름 또는 Activation 객체.
    output_activation: 출력층 뒤에 붙일 활성화 함수 (None이면 붙이지 않음).
    init: 가중치 초기화 이름. None이면 ReLU 계열(relu, leaky_relu, elu)에는
        he_normal, 그 밖에는 glorot_uniform 을 고릅니다.
    seed: 정수 시드나 numpy Generator. 같은 시드는 같은 가중치를 줍니다.
    bias_init: 편향 초기화 이름 (예: ``"zeros"``, 또는 함수).
    batch_norm: True면 은닉층마다 Dense 뒤, 활성화 앞에 BatchNorm을 넣습니다.
    dropout: 0보다 크면 은닉층마다 활성화 뒤에 Dropout(dropout)을 넣습니다.
    residual: True면 입력과 출력 크기가 같은 은닉 블록을 Residual(스킵 연결)로 감쌉니다.
    """
    from .regularization import BatchNorm, Dropout, Residual

    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(
            f"sizes에는 입력 크기와 출력 크기를 포함해 적어도 두 개의 수가 필요합니다 (받은 값: {sizes})."
        )
    sizes = [check_positive_int(s, f"sizes[{i}] (층 크기)") for i, s in enumerate(sizes)]
    hidden_template = get_activation(activation)
    if output_activation is not None:
        get_activation(output_activation)
    if init is None:
        init = "he_normal" if hidden_template.name in RELU_FAMILY else "glorot_uniform"
    rng = as_generator(seed)
    layers: list[Layer] = []
    for fan_in, fan_out in zip(sizes[:-2], sizes[1:-1], strict=True):
        block: list[Layer] = [Dense(fan_in, fan_out, init=init, rng=rng, bias_init=bias_init)]
        if batch_norm:
            block.append(BatchNorm(fan_out))
        # 층마다 자기 값을 기억해야 하므로 활성화 객체를 따로 만듭니다.
        block.append(copy.copy(hidden_template))
        if dropout:
            block.append(Dropout(dropout, seed=rng))
        if residual and fan_in == fan_out:
            layers.append(Residual(Sequential(block)))
        else:
            layers.extend(block)
    layers.append(Dense(sizes[-2], sizes[-1], init=init, rng=rng, bias_init=bias_init))
    if output_activation is not None:
        layers.append(get_activation(output_activation))
    return Sequential(layers)
