"""2강 탐색기: 왜 비선형 활성화 함수가 필요한가 (선형 대 비선형 결정 경계).

무엇을 보여 주나
----------------
똑같은 신경망(같은 층 수, 같은 유닛 수, 같은 시드, 같은 옵티마이저)을 두 번 훈련합니다.
왼쪽은 은닉층의 활성화 함수가 항등 함수(identity) f(z) = z 인 '선형' 신경망이고, 오른쪽은
고른 비선형 활성화 함수(시그모이드, tanh, ReLU)를 쓴 신경망입니다. 데이터는 XOR(점 4개),
반달(moons), 나선(spirals)처럼 직선 하나로는 나눌 수 없는 2차원 점들입니다.

- 선형 신경망의 결정 경계(decision boundary)는 층을 몇 개 쌓아도 언제나 직선입니다. 그래서
  XOR에서는 정확도가 50% 안팎에 머뭅니다. 은닉층이 없는 선형 모델(로지스틱 회귀)과 같은
  결과이고, 제목에 그 값을 함께 적습니다.
- 비선형 활성화 함수를 쓰면 경계가 휘어져 XOR을 100% 맞힙니다.

왜 그런가: 선형 층을 쌓으면 하나로 합쳐집니다 (collapse)
------------------------------------------------------
활성화 함수가 φ(z) = 10z 라면 층 세 개를 지난 출력은

    φ(φ(φ(w·x))) = 10·10·10·w·x = 1000·w·x

로, 활성화 함수가 φ₂(z) = 1000z 인 층 하나와 같습니다. 행렬로 쓰면 (h = φ(xW + b))

    y = c³·x W₁W₂W₃ + (c³·b₁W₂W₃ + c²·b₂W₃ + c·b₃)  =  x W + b,   W = c³·W₁W₂W₃

입니다. 가중치 행렬의 곱 W₁W₂W₃ 가 행렬 하나이므로, 선형 층을 아무리 쌓아도 모델은
선형 회귀(분류라면 로지스틱 회귀) 하나일 뿐입니다. ``linear_collapse()`` 가 이것을
dl.nn.Dense 층으로 직접 계산해 확인합니다 (두 출력의 차이가 반올림 오차 수준).

훈련 방법
---------
손실 함수는 소프트맥스 교차 엔트로피(cross entropy), 옵티마이저는 Adam(7강)이고, 데이터가
작으므로 스텝마다 데이터 전체를 씁니다 (스텝 = 에폭). 은닉층 초기화는 dl.nn.mlp의 기본값
(ReLU는 He, 나머지는 Glorot)입니다. 정확도는 '클래스 1일 확률' p가 0.5 ± 0.001 안이면
모델이 아무것도 정하지 못한 것(동전 던지기)으로 보고 반만 맞힌 것으로 셉니다. XOR에서
선형 모델이 도달하는 최적점은 모든 점에 p = 0.5 (손실 ln 2 ≈ 0.693)이기 때문입니다.

쓰는 법
-------
    from dlcourse.labs import nonlinearity
    nonlinearity.explorer()                           # 기본: XOR, 시그모이드
    nonlinearity.explorer(preset="spirals_relu")      # PRESETS에 강사용 설정
    result = nonlinearity.run(dataset="xor", activation="tanh", hidden_layers=3)
    nonlinearity.plot(result)
    nonlinearity.linear_collapse()                    # φ(z) = 10z 로 층 세 개 = 층 하나

갱신 시간 (학습률 슬라이더를 기본값 근처에서 열 번 바꾸며 LiveFigure.set_values로 잰 중앙값,
코어 두 개를 다른 작업과 나눠 쓰는 기계, 부하 평균 2 안팎): 기본 설정(XOR, 은닉층 1개 ×
유닛 8개, 150스텝)에서 한 번 갱신에 66~93 ms(대개 70 ms 안팎)입니다. 그중 run()이 약
30 ms(신경망 세 개 훈련)이고 나머지는 다시 그리기와 PNG 만들기입니다.
tests/benchmarks/bench_explorers.py (위젯마다 바꿨다 되돌리기)로는 중앙값 78 ms, 같은 실행의
기준 작업(빈 그림 + PNG)의 2.3배였습니다. 결정 경계 그림에서 눈금 숫자를 뺀 것도
이 때문입니다 (눈금 글자가 그리기 시간의 절반쯤을 차지했습니다). 나선·반달(점 200개)과
``spirals_relu`` (400스텝, 은닉층 2개 × 유닛 16개)는 0.2~0.3초가 걸려 예산(100 ms)을
넘습니다. 그래서 모든 슬라이더는 손을 뗄 때만 다시 계산합니다 (continuous_update=False).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .. import data as dl_data
from .. import nn, optim
from .._validate import check_in_range, check_int_range, check_positive, check_positive_int
from ._common import (
    axes_for_plot,
    check_result,
    check_seed,
    choose,
    divergence_message,
    fixed_prediction,
    merge_settings,
    mesh_points,
    padded_mesh,
)

__all__ = [
    "DEFAULTS",
    "PRESETS",
    "DATASETS",
    "ACTIVATIONS",
    "NonlinearityResult",
    "CollapseResult",
    "ScaledIdentity",
    "run",
    "plot",
    "explorer",
    "linear_collapse",
    "tie_aware_accuracy",
    "decision_grid",
]

DATASETS = ("xor", "moons", "spirals")
ACTIVATIONS = ("linear", "sigmoid", "tanh", "relu")

DATASET_NAMES_KO = {"xor": "XOR", "moons": "반달(moons)", "spirals": "나선(spirals)"}
ACTIVATION_NAMES_KO = {
    "linear": "항등 함수(선형)",
    "sigmoid": "시그모이드",
    "tanh": "tanh",
    "relu": "ReLU",
}

N_POINTS = 200  # 반달과 나선의 점 개수 (위젯 시간 예산 안에 훈련이 끝나도록)
GRID_RESOLUTION = 100  # 결정 경계를 그릴 격자: 100 x 100 점
GRID_PADDING = 0.5  # 데이터 범위 밖으로 더 그리는 폭
TIE_TOLERANCE = 1e-3  # |p - 0.5| 가 이보다 작으면 '정하지 못함'
FIGSIZE = (8.0, 4.4)  # 두 칸 (선형 | 비선형) 그림의 크기 (인치)

DEFAULTS = {
    "dataset": "xor",
    "activation": "sigmoid",
    "hidden_units": 8,
    "hidden_layers": 1,
    "steps": 150,
    "learning_rate": 0.1,
    "seed": 0,
}

PRESETS = {
    "xor_linear_vs_sigmoid": {
        **DEFAULTS,
        "설명": "XOR에서 선형 신경망은 직선 경계 하나로 50%에 머물고, 시그모이드 신경망은 "
        "휘어진 경계로 네 점을 모두 맞힙니다.",
    },
    "spirals_relu": {
        "dataset": "spirals",
        "activation": "relu",
        "hidden_units": 16,
        "hidden_layers": 2,
        "steps": 400,
        "learning_rate": 0.03,
        "seed": 0,
        "설명": "나선 두 팔을 ReLU 신경망은 꺾은선 조각을 이어 붙인 경계로 감아 나누지만, "
        "선형 신경망은 같은 크기여도 직선 하나밖에 긋지 못합니다.",
    },
    "deep_linear": {
        "dataset": "xor",
        "activation": "tanh",
        "hidden_units": 8,
        "hidden_layers": 6,
        "steps": 150,
        "learning_rate": 0.1,
        "seed": 0,
        "설명": "선형 은닉층을 6개나 쌓아도 경계는 직선이고 정확도는 층 하나짜리 선형 모델과 "
        "같습니다. 층 수 슬라이더를 움직여 확인해 보세요.",
    },
}


# ---------------------------------------------------------------------------
# 결과
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NonlinearityResult:
    """run()의 결과: 같은 구조의 선형 신경망과 비선형 신경망을 훈련한 숫자들.

    X, y: 데이터 (n, 2)와 레이블 (n,).
    grid: 결정 경계를 그린 격자 점 (m, 2). viz.decision_boundary와 같은 방식
        (데이터 범위 ± padding, 축마다 resolution개)으로 만듭니다.
    linear_probabilities, nonlinear_probabilities: 격자 점마다 '클래스 1일 확률' (m,).
    linear_losses, nonlinear_losses: 스텝마다의 훈련 손실 (갱신 전 값).
    linear_accuracy, nonlinear_accuracy, single_layer_accuracy: 훈련이 끝난 뒤 데이터 전체의
        정확도 (tie_aware_accuracy). single_layer는 은닉층이 없는 선형 모델입니다.
    linear_loss, nonlinear_loss, single_layer_loss: 훈련이 끝난 뒤 데이터 전체의 손실.
    diverged, message: 발산했는지와 한국어 설명 (발산하지 않았으면 message는 "").
    """

    dataset: str
    activation: str
    hidden_units: int
    hidden_layers: int
    steps: int
    learning_rate: float
    seed: int
    X: np.ndarray
    y: np.ndarray
    grid: np.ndarray
    resolution: int
    padding: float
    linear_probabilities: np.ndarray
    nonlinear_probabilities: np.ndarray
    linear_losses: np.ndarray
    nonlinear_losses: np.ndarray
    linear_accuracy: float
    nonlinear_accuracy: float
    single_layer_accuracy: float
    linear_loss: float
    nonlinear_loss: float
    single_layer_loss: float
    diverged: bool
    message: str


# ---------------------------------------------------------------------------
# 계산 (엔진만 씁니다)
# ---------------------------------------------------------------------------


def _load(dataset: str, seed: int) -> tuple[np.ndarray, np.ndarray]:
    if dataset == "xor":
        return dl_data.xor()
    if dataset == "moons":
        return dl_data.moons(N_POINTS, noise=0.1, seed=seed)
    return dl_data.spirals(N_POINTS, noise=0.05, seed=seed)


def decision_grid(X: np.ndarray, resolution: int = GRID_RESOLUTION, padding: float = GRID_PADDING):
    """결정 경계용 격자 점 (resolution², 2).

    축마다 [최솟값 − padding, 최댓값 + padding]을 resolution개로 고르게 나눕니다
    (dlcourse.viz.decision_boundary가 쓰는 격자와 같습니다).
    """
    return mesh_points(*padded_mesh(X, resolution, padding))


def tie_aware_accuracy(prob_class1: np.ndarray, y: np.ndarray, tol: float = TIE_TOLERANCE) -> float:
    """두 클래스 정확도. 점마다 p = P(클래스 1)로 점수를 매겨 평균합니다.

        |p − 0.5| ≤ tol         → 0.5  (정하지 못함: 동전을 던지면 반은 맞습니다)
        p > 0.5 이고 y = 1,
        또는 p < 0.5 이고 y = 0  → 1
        그 밖                   → 0

    반올림 오차만큼 기운 확률로 맞힘과 틀림이 갈리지 않게 하려는 것입니다.
    """
    p = np.asarray(prob_class1, dtype=float)
    undecided = np.abs(p - 0.5) <= tol
    right = (p > 0.5) == (np.asarray(y) == 1)
    return float(np.mean(np.where(undecided, 0.5, right.astype(float))))


def _train_full_batch(net, X, y, steps: int, learning_rate: float):
    """데이터 전체로 Adam 갱신을 steps번 합니다. (스텝마다 손실, 발산한 스텝 또는 None)."""
    loss = nn.SoftmaxCrossEntropy()
    optimizer = optim.Adam(learning_rate)
    params, grads = net.params, net.grads
    losses = np.empty(steps)
    for step in range(steps):
        value = loss.forward(net.forward(X), y)
        if not math.isfinite(value):
            return losses[:step], step
        losses[step] = value
        net.backward(loss.backward())
        optimizer.update(params, grads)
    return losses, None


def _class1_probability(net, points: np.ndarray) -> np.ndarray:
    return nn.softmax(net.forward(points))[:, 1]


def _validate(dataset, activation, hidden_units, hidden_layers, steps, learning_rate, seed):
    dataset = choose(dataset, DATASETS, "데이터셋")
    activation = choose(activation, ACTIVATIONS, "활성화 함수")
    hidden_units = check_int_range(hidden_units, "hidden_units (은닉층 유닛 수)", 1, 256)
    hidden_layers = check_int_range(hidden_layers, "hidden_layers (은닉층 수)", 1, 10)
    steps = check_int_range(steps, "steps (스텝 수)", 1, 20000)
    learning_rate = check_positive(learning_rate, "learning_rate (학습률)")
    seed = check_seed(seed)
    return dataset, activation, hidden_units, hidden_layers, steps, learning_rate, seed


def run(
    dataset: str = DEFAULTS["dataset"],
    activation: str = DEFAULTS["activation"],
    hidden_units: int = DEFAULTS["hidden_units"],
    hidden_layers: int = DEFAULTS["hidden_layers"],
    steps: int = DEFAULTS["steps"],
    learning_rate: float = DEFAULTS["learning_rate"],
    seed: int = DEFAULTS["seed"],
) -> NonlinearityResult:
    """같은 구조의 선형 신경망과 비선형 신경망을 훈련하고 결정 경계를 계산합니다.

    구조: 입력 2 → (유닛 hidden_units개인 은닉층) × hidden_layers → 출력 2 (소프트맥스).
    가중치 초기화는 dl.nn.mlp의 기본값 (ReLU는 He, 나머지는 Glorot)입니다.
    왼쪽 신경망의 은닉층 활성화 함수는 항등 함수 f(z) = z, 오른쪽은 activation입니다.
    두 신경망은 같은 시드로 가중치를 만들고 Adam(learning_rate)으로 steps번 갱신합니다.
    비교용으로 은닉층이 없는 선형 모델 (입력 2 → 출력 2)도 같은 방법으로 훈련합니다.

    dataset: "xor", "moons", "spirals".  activation: "linear", "sigmoid", "tanh", "relu".
    발산하면 (손실이 inf/NaN) 예외 대신 diverged=True와 한국어 message를 돌려줍니다.
    """
    dataset, activation, hidden_units, hidden_layers, steps, learning_rate, seed = _validate(
        dataset, activation, hidden_units, hidden_layers, steps, learning_rate, seed
    )
    X, y = _load(dataset, seed)
    grid = decision_grid(X)
    sizes = [2] + [hidden_units] * hidden_layers + [2]
    nets = {
        "linear": nn.mlp(sizes, activation="linear", seed=seed),
        "nonlinear": nn.mlp(sizes, activation=activation, seed=seed),
        "single": nn.mlp([2, 2], seed=seed),
    }
    losses, probabilities, accuracy, final_loss = {}, {}, {}, {}
    messages = []
    loss_fn = nn.SoftmaxCrossEntropy()
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        for name, net in nets.items():
            losses[name], diverged_at = _train_full_batch(net, X, y, steps, learning_rate)
            if diverged_at is not None:
                label = {"linear": "선형 신경망", "nonlinear": "비선형 신경망"}.get(
                    name, "은닉층 없는 선형 모델"
                )
                messages.append(f"{label}: 스텝 {diverged_at}에서 손실이 inf나 NaN이 되었습니다")
            p_data = _class1_probability(net, X)
            probabilities[name] = _class1_probability(net, grid)
            accuracy[name] = tie_aware_accuracy(p_data, y) if np.isfinite(p_data).all() else 0.0
            final_loss[name] = loss_fn.forward(net.forward(X), y)
    return NonlinearityResult(
        dataset=dataset,
        activation=activation,
        hidden_units=hidden_units,
        hidden_layers=hidden_layers,
        steps=steps,
        learning_rate=learning_rate,
        seed=seed,
        X=X,
        y=y,
        grid=grid,
        resolution=GRID_RESOLUTION,
        padding=GRID_PADDING,
        linear_probabilities=probabilities["linear"],
        nonlinear_probabilities=probabilities["nonlinear"],
        linear_losses=losses["linear"],
        nonlinear_losses=losses["nonlinear"],
        linear_accuracy=accuracy["linear"],
        nonlinear_accuracy=accuracy["nonlinear"],
        single_layer_accuracy=accuracy["single"],
        linear_loss=float(final_loss["linear"]),
        nonlinear_loss=float(final_loss["nonlinear"]),
        single_layer_loss=float(final_loss["single"]),
        diverged=bool(messages),
        message=divergence_message(messages),
    )


# ---------------------------------------------------------------------------
# 선형 층이 하나로 합쳐지는 것 확인하기
# ---------------------------------------------------------------------------


class ScaledIdentity(nn.Activation):
    """선형 활성화 함수 φ(z) = c·z,  φ'(z) = c  (강의의 예: c = 10)."""

    name = "scaled_identity"

    def __init__(self, scale: float = 10.0):
        self.scale = float(scale)

    def function(self, z):
        return self.scale * z

    def derivative(self, z):
        return np.full_like(z, self.scale)

    def forward(self, z):
        self.output = self.scale * z
        return self.output

    def backward(self, dh):
        return self.scale * dh

    def __repr__(self) -> str:
        return f"ScaledIdentity(scale={self.scale})"


@dataclass(frozen=True)
class CollapseResult:
    """linear_collapse()의 결과.

    스칼라 예 (강의 개요의 식): 층 세 개 (가중치 w, 1, 1, 편향 0) 뒤마다 φ(z) = c·z 를
    붙인 신경망의 출력 scalar_stacked, 가중치 w인 층 하나 뒤에 φ₂(z) = c³·z 를 붙인
    신경망의 출력 scalar_single. 둘 다 c³·w·x 입니다.

    행렬 예: 크기 sizes인 Dense 층 세 개 (무작위 가중치와 편향) 뒤마다 φ를 붙인 출력
    matrix_stacked와, W = c³·W₁W₂W₃, b = c³·b₁W₂W₃ + c²·b₂W₃ + c·b₃ 인 Dense 층 하나의
    출력 matrix_single. weights, biases는 세 층의 W, b (복사본)입니다.
    max_difference_*: 두 출력의 차이의 절댓값 중 가장 큰 값.
    """

    scale: float
    w: float
    x: np.ndarray
    scalar_stacked: np.ndarray
    scalar_single: np.ndarray
    max_difference_scalar: float
    X: np.ndarray
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    W_equivalent: np.ndarray
    b_equivalent: np.ndarray
    matrix_stacked: np.ndarray
    matrix_single: np.ndarray
    max_difference_matrix: float


def _dense_with(W: np.ndarray, b: np.ndarray) -> nn.Dense:
    """가중치와 편향을 주어진 값으로 채운 Dense 층."""
    layer = nn.Dense(W.shape[0], W.shape[1], init="zeros")
    layer.W[...] = W
    layer.b[...] = b
    return layer


def linear_collapse(
    w: float = 0.5,
    scale: float = 10.0,
    sizes: tuple[int, int, int, int] = (3, 4, 4, 2),
    n_samples: int = 5,
    seed: int = 0,
) -> CollapseResult:
    """φ(z) = scale·z 인 선형 층 세 개가 층 하나와 똑같다는 것을 Dense 층으로 계산합니다.

    스칼라:  φ(φ(φ(w·x))) = scale³·w·x  (scale = 10 이면 1000·w·x)
    행렬:    h₁ = φ(x W₁ + b₁), h₂ = φ(h₁ W₂ + b₂), y = φ(h₂ W₃ + b₃)
             = x (c³ W₁W₂W₃) + (c³ b₁W₂W₃ + c² b₂W₃ + c b₃)      (c = scale)
    무작위 값은 seed로 정합니다.
    """
    w = float(check_in_range(w, "w (가중치)", -1e6, 1e6, high_inclusive=True))
    scale = check_positive(scale, "scale (φ(z) = scale·z 의 배율)")
    if not (isinstance(sizes, (tuple, list)) and len(sizes) == 4):
        raise ValueError(
            f"sizes는 층 크기 네 개 (입력, 은닉 1, 은닉 2, 출력)여야 합니다 (받은 값: {sizes!r}). "
            "예: (3, 4, 4, 2)"
        )
    sizes = tuple(check_positive_int(s, f"sizes[{i}] (층 크기)") for i, s in enumerate(sizes))
    n_samples = check_positive_int(n_samples, "n_samples (샘플 수)")
    seed = check_seed(seed)
    rng = np.random.default_rng(seed)

    # 스칼라 예: 입력 x 여러 개를 (n, 1) 배치로 한 번에 넣습니다.
    x = np.linspace(-2.0, 2.0, n_samples).reshape(-1, 1)
    one, zero = np.ones((1, 1)), np.zeros(1)
    stacked = nn.Sequential(
        [
            _dense_with(np.full((1, 1), w), zero),
            ScaledIdentity(scale),
            _dense_with(one, zero),
            ScaledIdentity(scale),
            _dense_with(one, zero),
            ScaledIdentity(scale),
        ]
    )
    single = nn.Sequential([_dense_with(np.full((1, 1), w), zero), ScaledIdentity(scale**3)])
    scalar_stacked = stacked.forward(x)
    scalar_single = single.forward(x)

    # 행렬 예: 무작위 가중치와 편향을 가진 Dense 층 세 개.
    layers = [
        nn.Dense(fan_in, fan_out, rng=rng, bias_init="glorot_uniform")
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:], strict=True)
    ]
    net = nn.Sequential([item for layer in layers for item in (layer, ScaledIdentity(scale))])
    (W1, W2, W3), (b1, b2, b3) = [d.W for d in layers], [d.b for d in layers]
    W_equivalent = scale**3 * (W1 @ W2 @ W3)
    b_equivalent = scale**3 * (b1 @ W2 @ W3) + scale**2 * (b2 @ W3) + scale * b3
    X = rng.standard_normal((n_samples, sizes[0]))
    matrix_stacked = net.forward(X)
    matrix_single = _dense_with(W_equivalent, b_equivalent).forward(X)

    return CollapseResult(
        scale=scale,
        w=w,
        x=x,
        scalar_stacked=scalar_stacked,
        scalar_single=scalar_single,
        max_difference_scalar=float(np.max(np.abs(scalar_stacked - scalar_single))),
        X=X,
        weights=tuple(W.copy() for W in (W1, W2, W3)),
        biases=tuple(b.copy() for b in (b1, b2, b3)),
        W_equivalent=W_equivalent,
        b_equivalent=b_equivalent,
        matrix_stacked=matrix_stacked,
        matrix_single=matrix_single,
        max_difference_matrix=float(np.max(np.abs(matrix_stacked - matrix_single))),
    )


# ---------------------------------------------------------------------------
# 그림
# ---------------------------------------------------------------------------


def _percent(value: float) -> str:
    return f"{100 * value:.0f}%"


def _undecided(probabilities: np.ndarray) -> bool:
    """격자 전체에서 |p − 0.5| ≤ 0.001 이면 모델이 어디서도 클래스를 정하지 못한 것입니다."""
    return bool(np.all(np.abs(probabilities - 0.5) <= TIE_TOLERANCE))


def _display_field(probabilities: np.ndarray) -> np.ndarray:
    """그릴 확률. 어디서도 정하지 못했으면 반올림 오차로 생긴 가짜 경계선을 그리지 않도록
    모든 곳을 정확히 0.5 (흰색)로 둡니다."""
    if _undecided(probabilities):
        return np.full_like(probabilities, 0.5)
    return probabilities


def _titles(result: NonlinearityResult) -> tuple[str, str, str]:
    undecided = " · 어디서나 확률 0.5" if _undecided(result.linear_probabilities) else ""
    left = (
        f"{ACTIVATION_NAMES_KO['linear']}: 정확도 {_percent(result.linear_accuracy)}{undecided}\n"
        f"은닉층 없는 선형 모델: {_percent(result.single_layer_accuracy)}"
    )
    right = (
        f"{ACTIVATION_NAMES_KO[result.activation]}: 정확도 {_percent(result.nonlinear_accuracy)}\n"
        f"손실 {result.nonlinear_loss:.3g} (선형: {result.linear_loss:.3g})"
    )
    top = (
        f"{DATASET_NAMES_KO[result.dataset]} · 은닉층 {result.hidden_layers}개 × "
        f"유닛 {result.hidden_units}개 · Adam {result.steps}스텝, 학습률 {result.learning_rate:.3g}"
    )
    return left, right, top


class _Panels:
    """두 축의 결정 경계. 데이터(점)가 바뀌면 그 축을 비우고 새로 그립니다."""

    def __init__(self, fig, axes, viz):
        self.fig = fig
        self.axes = axes
        self.viz = viz
        self.boundaries = None
        self.key = None

    def show(self, result: NonlinearityResult) -> None:
        fields = (
            _display_field(result.linear_probabilities),
            _display_field(result.nonlinear_probabilities),
        )
        key = (result.dataset, result.seed)
        if key != self.key:
            self.boundaries = []
            for ax, probs in zip(self.axes, fields, strict=True):
                ax.clear()
                self.boundaries.append(
                    self.viz.decision_boundary(
                        ax,
                        fixed_prediction(probs),
                        result.X,
                        result.y,
                        resolution=result.resolution,
                        padding=result.padding,
                    )
                )
                # 눈금 숫자는 그리기 시간의 절반쯤을 차지하고 결정 경계를 읽는 데는
                # 필요 없으므로 뺍니다 (축 이름 x₁, x₂는 남깁니다).
                ax.set_xticks([])
                ax.set_yticks([])
            self.key = key
        else:
            for boundary, probs in zip(self.boundaries, fields, strict=True):
                boundary.update(fixed_prediction(probs))
        left, right, top = _titles(result)
        self.axes[0].set_title(left, fontsize=11, linespacing=self.viz.LINESPACING)
        self.axes[1].set_title(right, fontsize=11, linespacing=self.viz.LINESPACING)
        self.fig.suptitle(top, fontsize=11)
        if result.diverged:
            self.viz.show_message(self.fig, result.message, kind="error")


def plot(result: NonlinearityResult, fig=None):
    """선형 신경망(왼쪽)과 비선형 신경망(오른쪽)의 결정 경계를 나란히 그립니다."""
    from .. import viz

    check_result(result, NonlinearityResult, "nonlinearity.run()")
    fig, axes = axes_for_plot(fig, 2, FIGSIZE)
    _Panels(fig, list(axes), viz).show(result)
    return fig


def explorer(preset: str | None = None, **overrides):
    """슬라이더로 데이터셋, 활성화 함수, 은닉층 크기, 스텝 수, 학습률을 바꾸는 탐색기.

    preset: PRESETS의 이름 (예: "spirals_relu"). overrides: DEFAULTS의 이름으로 값을 바꿉니다.
    돌려주는 LiveFigure를 노트북 칸의 마지막 줄에 두면 위젯과 그림이 나옵니다.
    """
    from .. import viz

    values = merge_settings(DEFAULTS, PRESETS, preset, overrides)
    _validate(**values)  # 잘못된 값은 위젯을 만들기 전에 한국어 오류로 알립니다.
    fig, axes = viz.new_figure(1, 2, figsize=FIGSIZE)
    panels = _Panels(fig, list(axes), viz)
    controls = {
        "dataset": viz.dropdown(
            "데이터셋",
            {"XOR (점 4개)": "xor", "반달 (점 200개)": "moons", "나선 (점 200개)": "spirals"},
            values["dataset"],
        ),
        "activation": viz.dropdown(
            "활성화 함수 (오른쪽)",
            {ACTIVATION_NAMES_KO[name]: name for name in ACTIVATIONS},
            values["activation"],
            tooltip="activation function",
        ),
        "hidden_units": viz.int_slider("은닉층 유닛 수", 2, 32, values["hidden_units"]),
        "hidden_layers": viz.int_slider("은닉층 수 (1~6)", 1, 6, values["hidden_layers"]),
        "steps": viz.int_slider("스텝 수 (Adam)", 10, 1000, values["steps"], step=10),
        "learning_rate": viz.log_slider(
            "학습률 η", 1e-3, 1.0, values["learning_rate"], tooltip="learning rate"
        ),
        "seed": viz.int_slider("시드", 0, 9, values["seed"]),
    }

    def update(**current):
        panels.show(run(**current))

    return viz.LiveFigure(fig, update, controls)
