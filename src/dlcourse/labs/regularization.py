"""10강 탐색기: 과적합(overfitting)과 그 처방 — 드롭아웃, L2 규제, 더 많은 데이터,
그리고 깊은 신경망을 위한 배치 정규화와 스킵 연결.

첫째 탐색기 ``explorer()``: 과적합과 규제
----------------------------------------
잡음이 많은 반달(moons, 잡음 0.3) 데이터에서 훈련 세트를 조금만 (기본 30개) 떼어 큰
신경망 (입력 2 → 48 → 48 → 2, ReLU)을 훈련합니다. 검증 세트(200개)는 같은 분포에서 따로
뽑은 점들로, 훈련에는 쓰지 않고 에폭마다 손실만 잽니다.

- 처방이 없으면 훈련 손실은 0에 가깝게 내려가지만 검증 손실은 도리어 올라갑니다.
  결정 경계가 훈련 점 하나하나를 감싸며 구불구불해집니다. 이 차이
  (일반화 간격 = 검증 손실 − 훈련 손실)가 과적합의 크기입니다.
- 드롭아웃(dropout): 훈련 때 은닉 유닛을 비율 p만큼 무작위로 끄고 남은 값을 1/(1 − p)배
  합니다. 평가 때는 끄지 않습니다.
- L2 규제(L2 regularization, 가중치 감쇠): 손실에 (λ/2) Σ ||W||² 를 더합니다. 기울기에
  λW가 더해져 가중치가 작게 유지되고 경계가 부드러워집니다 (dl.train.fit(l2=λ)).
- 더 많은 데이터: 훈련 세트를 키웁니다 (20 ~ 300개). 잡음 하나하나를 외우기 어려워집니다.

두 손실 모두 평가 모드(드롭아웃 끔)에서 규제 항 없이 잰 교차 엔트로피입니다. 그래야 처방이
달라도 같은 잣대로 비교할 수 있습니다. 옵티마이저는 Adam(학습률 0.02), 스텝마다 훈련 세트
전체를 씁니다 (스텝 = 에폭).

둘째 탐색기 ``deep_explorer()``: 깊은 신경망의 배치 정규화와 스킵 연결
----------------------------------------------------------------
4강의 깊은 신경망 (기본: 은닉층 10개 × 유닛 16개, 시그모이드, 스킵 연결 켬; 프리셋
deep_plain, deep_batchnorm, deep_residual은 은닉층 20개)을 반달 데이터 200개로 훈련합니다.
시그모이드의 도함수는 0.25 이하이므로 보통 신경망에서는 첫 층에 닿는 기울기가 층마다
줄어 거의 0이 됩니다 (기울기 소실). 두 처방을 켜고 끌 수 있습니다.

- 배치 정규화(batch normalization): Dense 뒤, 활성화 함수 앞에서 배치의 평균과 분산으로
  x̂ = (x − μ) / √(σ² + ε) 를 만들고 γx̂ + β 로 되돌립니다 (dl.nn.mlp(batch_norm=True)).
- 스킵 연결(skip connection): 은닉 블록마다 y = x + F(x). 역전파에서 dx = dy + F의 기울기라
  기울기가 F를 거치지 않고 바로 흐르는 길이 생깁니다 (dl.nn.mlp(residual=True)).

그림은 훈련 첫 스텝의 층별 기울기 노름 ||∂L/∂W|| (로그 축, 그림 왼쪽이 입력 쪽)과 에폭마다의
훈련 손실입니다. 처방을 켠 신경망을 색으로, 처방이 없는 같은 크기의 신경망을 회색으로
함께 그립니다. 제목의 '첫 층 ÷ 마지막 층'이 1에 가까울수록 기울기가 고르게 전해집니다.

쓰는 법
-------
    from dlcourse.labs import regularization
    regularization.explorer()                        # 기본: 처방 없음, 훈련 세트 30개
    regularization.explorer(preset="dropout")        # PRESETS: overfit, dropout, l2, more_data
    regularization.deep_explorer(preset="deep_residual")
    # DEEP_PRESETS: deep_plain, deep_batchnorm, deep_residual (explorer(preset=...)로도 열립니다)
    result = regularization.run(dropout=0.4)
    regularization.plot(result)
    regularization.plot(regularization.run_deep(batch_norm=True))

갱신 시간 (기본 설정의 계산이 그대로인 값 바꾸기를 열 번 하며 LiveFigure.set_values로 잰
중앙값, 코어 두 개를 다른 작업과 나눠 쓰는 기계, 부하 평균 2~3)
- explorer(): 한 번 갱신에 100~160 ms로 예산(100 ms)을 자주 넘습니다
  (tests/benchmarks/bench_explorers.py로는 중앙값 95 ms, 기준 작업의 2.8배). run()이 50~90 ms
  (100에폭 × [훈련 스텝 + 훈련 세트 평가 + 검증 세트 평가]), 나머지가 다시 그리기입니다.
  run()의 시간이 크게 흔들리는 것은 검증 세트(200 × 48)와 결정 경계 격자(6400 × 48)의
  행렬 곱에서 OpenBLAS가 스레드 두 개를 쓰기 때문입니다. 같은 때 OPENBLAS_NUM_THREADS=1로
  재면 run()의 중앙값이 45~58 ms로 안정됩니다. 훈련 세트 300개(``more_data``)는 약 0.5초입니다.
- deep_explorer(): 기본 설정(은닉층 10개)에서 한 번 갱신에 150~195 ms로 예산을 넘습니다.
  처방 없는 신경망과 처방을 켠 신경망 두 개를 60에폭씩 훈련하는 데 약 80 ms가 듭니다
  (층이 많아 층마다 파이썬이 하는 일이 시간을 정합니다). 같은 인자의 훈련 결과는 기억해 두므로, 배치 정규화나
  스킵 연결만 켜고 끌 때는 다시 그리기만 해서 약 70 ms입니다. 은닉층 20개의 프리셋은
  0.2~0.4초 걸립니다.
훈련이 무거우므로 모든 슬라이더는 손을 뗄 때만 다시 계산합니다 (continuous_update=False).
"""

from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass

import numpy as np

from .. import data as dl_data
from .. import nn, optim, train
from .._validate import check_in_range, check_int_range, check_positive, lookup
from ._common import (
    axes_for_plot,
    check_flag,
    check_result,
    check_seed,
    choose,
    fixed_prediction,
    merge_settings,
    mesh_points,
    padded_mesh,
)

__all__ = [
    "DEFAULTS",
    "PRESETS",
    "DEEP_DEFAULTS",
    "DEEP_PRESETS",
    "RegularizationResult",
    "DeepResult",
    "run",
    "run_deep",
    "plot",
    "explorer",
    "deep_explorer",
    "make_data",
]

NOISE = 0.3  # 반달 잡음: 두 클래스가 겹쳐서 훈련 점을 외우면 검증에서 틀립니다.
TRAIN_POOL = 300  # 훈련 세트는 이 300개의 앞에서부터 n_train개 (크기를 키우면 점이 더해집니다)
N_VAL = 200
HIDDEN_UNITS = 48
LEARNING_RATE = 0.02
GRID_RESOLUTION = 80
GRID_PADDING = 0.5

DEFAULTS = {"dropout": 0.0, "l2": 0.0, "n_train": 30, "epochs": 100, "seed": 0}

PRESETS = {
    "overfit": {
        **DEFAULTS,
        "설명": "처방 없이 훈련 점 30개로 큰 신경망을 훈련합니다. 훈련 손실은 0으로 가는데 검증 "
        "손실은 올라가고, 결정 경계가 훈련 점을 하나씩 감쌉니다.",
    },
    "dropout": {
        **DEFAULTS,
        "dropout": 0.4,
        "설명": "드롭아웃 비율 0.4: 유닛이 서로 기대지 못하게 무작위로 끄면 경계가 부드러워지고 "
        "검증 손실이 훈련 손실 가까이 머뭅니다.",
    },
    "l2": {
        **DEFAULTS,
        "l2": 0.01,
        "설명": "L2 규제 λ = 0.01: 가중치를 작게 붙잡아 두면 훈련 손실은 0까지 내려가지 않지만 "
        "검증 손실이 크게 줄어듭니다.",
    },
    "more_data": {
        **DEFAULTS,
        "n_train": 300,
        "설명": "처방 없이 훈련 세트만 300개로 늘립니다. 같은 신경망이어도 잡음을 외우기 어려워 "
        "과적합이 줄어듭니다.",
    },
}

DEEP_DEFAULTS = {
    "depth": 10,
    "activation": "sigmoid",
    "batch_norm": False,
    "residual": True,
    "epochs": 60,
    "learning_rate": 0.01,
    "seed": 0,
}

DEEP_PRESETS = {
    "deep_plain": {
        **DEEP_DEFAULTS,
        "depth": 20,
        "residual": False,
        "설명": "처방 없는 시그모이드 은닉층 20개: 첫 층의 기울기 노름이 마지막 층의 1e-11배쯤으로 "
        "사라져 손실이 ln 2 ≈ 0.693에서 움직이지 않습니다.",
    },
    "deep_batchnorm": {
        **DEEP_DEFAULTS,
        "depth": 20,
        "residual": False,
        "batch_norm": True,
        "설명": "배치 정규화를 켜면 층마다 입력의 크기가 다시 맞춰져 첫 층까지 기울기가 닿고 "
        "손실이 빠르게 내려갑니다.",
    },
    "deep_residual": {
        **DEEP_DEFAULTS,
        "depth": 20,
        "설명": "스킵 연결을 켜면 기울기가 블록을 건너뛰는 길로 곧장 흘러, 첫 층의 기울기 노름이 "
        "마지막 층과 몇 자릿수 안으로 가까워집니다.",
    },
}

DEEP_ACTIVATIONS = ("sigmoid", "tanh")
ACTIVATION_NAMES_KO = {"sigmoid": "시그모이드", "tanh": "tanh"}
DEEP_UNITS = 16
DEEP_SAMPLES = 200


# ---------------------------------------------------------------------------
# 결과
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RegularizationResult:
    """run()의 결과.

    X_train, y_train / X_val, y_val: 훈련 세트와 검증 세트.
    train_loss, val_loss, train_accuracy, val_accuracy: 에폭마다 평가 모드에서 잰 값
        (규제 항 없는 교차 엔트로피).
    gap: 마지막 에폭의 일반화 간격 val_loss − train_loss.
    grid, grid_probabilities: 결정 경계용 격자 점 (m, 2)과 점마다 '클래스 1일 확률' (m,).
        격자는 검증 세트의 범위 ± padding을 resolution개로 나눈 것입니다.
    diverged, message: 발산했는지와 한국어 설명.
    """

    dropout: float
    l2: float
    n_train: int
    epochs: int
    seed: int
    X_train: np.ndarray
    y_train: np.ndarray
    X_val: np.ndarray
    y_val: np.ndarray
    train_loss: np.ndarray
    val_loss: np.ndarray
    train_accuracy: np.ndarray
    val_accuracy: np.ndarray
    gap: float
    grid: np.ndarray
    resolution: int
    padding: float
    grid_probabilities: np.ndarray
    diverged: bool
    message: str


@dataclass(frozen=True)
class DeepResult:
    """run_deep()의 결과.

    grad_norms: 처방을 켠 신경망의 훈련 첫 스텝 층별 기울기 노름 ||∂L/∂W||_F
        (Dense 층 순서, 마지막은 출력층). 처방을 모두 껐으면 plain_grad_norms와 같습니다.
    plain_grad_norms: 같은 크기의 처방 없는 신경망의 값.
    losses, plain_losses: 에폭마다의 훈련 손실.
    ratio, plain_ratio: 첫 층 ÷ 마지막 층 (출력층)의 기울기 노름.
    diverged, message: 발산했는지와 한국어 설명.
    """

    depth: int
    activation: str
    batch_norm: bool
    residual: bool
    epochs: int
    learning_rate: float
    seed: int
    grad_norms: np.ndarray
    plain_grad_norms: np.ndarray
    losses: np.ndarray
    plain_losses: np.ndarray
    ratio: float
    plain_ratio: float
    accuracy: float
    plain_accuracy: float
    diverged: bool
    message: str


# ---------------------------------------------------------------------------
# 계산: 과적합과 규제
# ---------------------------------------------------------------------------


def make_data(n_train: int = 30, seed: int = 0):
    """잡음 0.3인 반달 500개를 만들어 앞 300개를 훈련용 풀, 뒤 200개를 검증 세트로 나눕니다.

    훈련 세트는 풀의 앞 n_train개입니다. 같은 시드에서 n_train을 키우면 점이 더해질 뿐
    이미 있던 점은 그대로입니다 (반달 데이터는 만들 때 이미 섞여 있습니다).
    돌려주는 값: X_train, y_train, X_val, y_val.
    """
    X, y = dl_data.moons(TRAIN_POOL + N_VAL, noise=NOISE, seed=seed)
    return X[:n_train], y[:n_train], X[TRAIN_POOL:], y[TRAIN_POOL:]


def _grid(X: np.ndarray) -> np.ndarray:
    """결정 경계용 격자 (viz.decision_boundary와 같은 방식: 범위 ± padding, 축마다 같은 간격)."""
    return mesh_points(*padded_mesh(X, GRID_RESOLUTION, GRID_PADDING))


def _validate(dropout, l2, n_train, epochs, seed):
    dropout = check_in_range(dropout, "dropout (드롭아웃 비율)", 0.0, 0.9, high_inclusive=True)
    l2 = check_in_range(l2, "l2 (L2 규제 강도 λ)", 0.0, 10.0, high_inclusive=True)
    n_train = check_int_range(n_train, "n_train (훈련 세트 크기)", 4, TRAIN_POOL)
    epochs = check_int_range(epochs, "epochs (에폭 수)", 1, 5000)
    seed = check_seed(seed)
    return dropout, l2, n_train, epochs, seed


def _divergence_message(history) -> str:
    return history.message or "발산했습니다. 학습률을 낮춰 보세요."


def run(
    dropout: float = DEFAULTS["dropout"],
    l2: float = DEFAULTS["l2"],
    n_train: int = DEFAULTS["n_train"],
    epochs: int = DEFAULTS["epochs"],
    seed: int = DEFAULTS["seed"],
) -> RegularizationResult:
    """반달 데이터에서 큰 신경망을 훈련하며 에폭마다 훈련/검증 손실과 정확도를 잽니다.

    dropout: 은닉층마다 드롭아웃 비율 p (0이면 없음).  l2: L2 규제 강도 λ (0이면 없음).
    n_train: 훈련 세트 크기 (4 ~ 300).  epochs: 에폭 수 (스텝 수와 같음).  seed: 시드.
    신경망: mlp([2, 48, 48, 2], ReLU, He 초기화), Adam(0.02), 미니배치 없이 전체 배치.
    """
    dropout, l2, n_train, epochs, seed = _validate(dropout, l2, n_train, epochs, seed)
    X_train, y_train, X_val, y_val = make_data(n_train, seed)
    net = nn.mlp([2, HIDDEN_UNITS, HIDDEN_UNITS, 2], activation="relu", dropout=dropout, seed=seed)
    train_loss, train_accuracy = [], []

    def measure_training_set(epoch, history):
        value, accuracy = train.evaluate(net, X_train, y_train, "cross_entropy")
        train_loss.append(value)
        train_accuracy.append(accuracy)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", train.DivergenceWarning)
        history = train.fit(
            net,
            X_train,
            y_train,
            loss="cross_entropy",
            optimizer=optim.Adam(LEARNING_RATE),
            epochs=epochs,
            batch_size=None,
            validation_data=(X_val, y_val),
            l2=l2,
            seed=seed,
            on_epoch_end=measure_training_set,
        )
    grid = _grid(X_val)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        probabilities = nn.softmax(net.predict(grid))[:, 1]
    train_loss = np.asarray(train_loss, dtype=float)
    val_loss = np.asarray(history.val_loss, dtype=float)
    gap = float(val_loss[-1] - train_loss[-1]) if len(val_loss) else float("nan")
    return RegularizationResult(
        dropout=dropout,
        l2=l2,
        n_train=n_train,
        epochs=epochs,
        seed=seed,
        X_train=X_train,
        y_train=y_train,
        X_val=X_val,
        y_val=y_val,
        train_loss=train_loss,
        val_loss=val_loss,
        train_accuracy=np.asarray(train_accuracy, dtype=float),
        val_accuracy=np.asarray(history.val_accuracy, dtype=float),
        gap=gap,
        grid=grid,
        resolution=GRID_RESOLUTION,
        padding=GRID_PADDING,
        grid_probabilities=probabilities,
        diverged=history.diverged,
        message=_divergence_message(history) if history.diverged else "",
    )


# ---------------------------------------------------------------------------
# 계산: 깊은 신경망의 배치 정규화와 스킵 연결
# ---------------------------------------------------------------------------


def _validate_deep(depth, activation, batch_norm, residual, epochs, learning_rate, seed):
    depth = check_int_range(depth, "depth (은닉층 수)", 1, 60)
    activation = choose(activation, DEEP_ACTIVATIONS, "활성화 함수")
    batch_norm = check_flag(batch_norm, "batch_norm (배치 정규화)")
    residual = check_flag(residual, "residual (스킵 연결)")
    epochs = check_int_range(epochs, "epochs (에폭 수)", 1, 5000)
    learning_rate = check_positive(learning_rate, "learning_rate (학습률)")
    seed = check_seed(seed)
    return depth, activation, batch_norm, residual, epochs, learning_rate, seed


@functools.lru_cache(maxsize=16)
def _train_deep(depth, activation, batch_norm, residual, epochs, learning_rate, seed):
    """깊은 신경망 하나를 훈련하고 (첫 스텝 층별 기울기 노름, 에폭별 손실, 정확도, 발산 메시지).

    같은 인자면 언제나 같은 결과이므로 (시드 고정) 결과를 기억해 둡니다. 배치 정규화나 스킵
    연결만 켜고 끌 때는 비교용 처방 없는 신경망을 다시 훈련하지 않습니다. 돌려주는 배열은
    읽기 전용입니다.
    """
    X, y = dl_data.moons(DEEP_SAMPLES, noise=0.2, seed=seed)
    net = nn.mlp(
        [2] + [DEEP_UNITS] * depth + [2],
        activation=activation,
        batch_norm=batch_norm,
        residual=residual,
        seed=seed,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", train.DivergenceWarning)
        history = train.fit(
            net,
            X,
            y,
            loss="cross_entropy",
            optimizer=optim.Adam(learning_rate),
            epochs=epochs,
            batch_size=None,
            seed=seed,
            monitors=["grad_norm"],
            monitor_every=epochs + 1,  # 스텝 0 (훈련 첫 스텝) 한 번만 기록합니다.
        )
    recorded = history.monitors["grad_norm"].values
    # 첫 스텝에서 이미 손실이 inf/NaN이면 기록이 없습니다: 그때는 NaN으로 채웁니다.
    grad_norms = recorded[0] if len(recorded) else np.full(depth + 1, np.nan)
    losses = np.asarray(history.loss, dtype=float)
    _, accuracy = train.evaluate(net, X, y, "cross_entropy")
    for array in (grad_norms, losses):
        array.flags.writeable = False
    return grad_norms, losses, float(accuracy), history.message if history.diverged else None


def _first_to_last(norms: np.ndarray) -> float:
    """첫 층 ÷ 마지막 층 (출력층)의 기울기 노름. 마지막 층이 0이면 NaN."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(norms[0] / norms[-1]) if norms[-1] != 0 else float("nan")


def run_deep(
    depth: int = DEEP_DEFAULTS["depth"],
    activation: str = DEEP_DEFAULTS["activation"],
    batch_norm: bool = DEEP_DEFAULTS["batch_norm"],
    residual: bool = DEEP_DEFAULTS["residual"],
    epochs: int = DEEP_DEFAULTS["epochs"],
    learning_rate: float = DEEP_DEFAULTS["learning_rate"],
    seed: int = DEEP_DEFAULTS["seed"],
) -> DeepResult:
    """은닉층 depth개 × 유닛 16개 신경망을 처방 없이, 그리고 처방을 켜고 훈련해 비교합니다.

    depth: 은닉층 수.  activation: "sigmoid" 또는 "tanh".
    batch_norm: 은닉층마다 배치 정규화.  residual: 은닉 블록마다 스킵 연결 y = x + F(x).
    데이터는 반달 200개 (잡음 0.2), Adam(learning_rate)으로 전체 배치 epochs번 갱신합니다.
    처방을 모두 끄면 처방 없는 신경망 하나만 훈련합니다.
    """
    depth, activation, batch_norm, residual, epochs, learning_rate, seed = _validate_deep(
        depth, activation, batch_norm, residual, epochs, learning_rate, seed
    )
    plain = _train_deep(depth, activation, False, False, epochs, learning_rate, seed)
    chosen = plain
    if batch_norm or residual:
        chosen = _train_deep(depth, activation, batch_norm, residual, epochs, learning_rate, seed)
    messages = [message for message in (plain[3], chosen[3]) if message]
    return DeepResult(
        depth=depth,
        activation=activation,
        batch_norm=batch_norm,
        residual=residual,
        epochs=epochs,
        learning_rate=learning_rate,
        seed=seed,
        grad_norms=chosen[0],
        plain_grad_norms=plain[0],
        losses=chosen[1],
        plain_losses=plain[1],
        ratio=_first_to_last(chosen[0]),
        plain_ratio=_first_to_last(plain[0]),
        accuracy=chosen[2],
        plain_accuracy=plain[2],
        diverged=bool(messages),
        message=messages[0] if messages else "",
    )


# ---------------------------------------------------------------------------
# 그림
# ---------------------------------------------------------------------------

FIGSIZE = (10.0, 4.4)


def _remedies(result: RegularizationResult) -> str:
    parts = []
    if result.dropout > 0:
        parts.append(f"드롭아웃 {result.dropout:.2g}")
    if result.l2 > 0:
        parts.append(f"L2 λ = {result.l2:.2g}")
    return ", ".join(parts) if parts else "처방 없음"


class _OverfitFigure:
    """손실 곡선(왼쪽)과 결정 경계(오른쪽). show(result)는 자료만 바꿉니다."""

    def __init__(self, fig, axes, viz):
        from matplotlib.ticker import MaxNLocator

        self.fig = fig
        self.viz = viz
        self.loss_ax, self.boundary_ax = axes
        # 보통(선형) 축: '훈련 손실은 0으로, 검증 손실은 위로'가 그대로 보입니다.
        self.train_curve = viz.loss_curve(
            self.loss_ax, color=viz.BLACK, label="훈련", xlabel=viz.LABELS["epoch"]
        )
        self.val_curve = viz.loss_curve(
            self.loss_ax, color=viz.REDDISH_PURPLE, label="검증", xlabel=viz.LABELS["epoch"]
        )
        self.val_curve.line.set_linestyle("--")
        self.loss_ax.legend(loc="best", fontsize=9)
        self.loss_ax.yaxis.set_major_locator(MaxNLocator(5))
        self.boundary = None
        self.train_points = None
        self.key = None

    def _build_boundary(self, result: RegularizationResult) -> None:
        ax = self.boundary_ax
        ax.clear()
        self.boundary = self.viz.decision_boundary(
            ax,
            fixed_prediction(result.grid_probabilities),
            result.X_val,
            result.y_val,
            resolution=result.resolution,
            padding=result.padding,
        )
        # 검증 점은 흐리고 작게, 훈련 점은 진하게 (테두리 검정) 따로 그립니다.
        for line in self.boundary.points:
            line.set_alpha(0.35)
            line.set_markersize(4)
            line.set_markeredgewidth(0)
        self.train_points = []
        for k, line in enumerate(self.boundary.points):
            (points,) = ax.plot(
                [],
                [],
                ls="none",
                marker=line.get_marker(),
                ms=7,
                color=line.get_color(),
                mec=self.viz.BLACK,
                mew=1.0,
                zorder=5,
            )
            self.train_points.append((k, points))
        ax.set_xticks([])
        ax.set_yticks([])
        self.key = result.seed

    def show(self, result: RegularizationResult) -> None:
        epochs = np.arange(1, len(result.train_loss) + 1)
        self.train_curve.update(result.train_loss, epochs)
        self.val_curve.update(result.val_loss, epochs)
        finite = np.concatenate([result.train_loss, result.val_loss])
        finite = finite[np.isfinite(finite)]
        if finite.size:
            self.loss_ax.set_ylim(0.0, 1.08 * float(finite.max()))
        if self.key != result.seed or self.boundary is None:
            self._build_boundary(result)
        else:
            self.boundary.update(fixed_prediction(result.grid_probabilities))
        for k, points in self.train_points:
            mask = result.y_train == k
            points.set_data(result.X_train[mask, 0], result.X_train[mask, 1])
        if len(result.train_loss):
            self.loss_ax.set_title(
                f"마지막 손실: 훈련 {result.train_loss[-1]:.3g}, 검증 {result.val_loss[-1]:.3g}"
                f" (차이 {result.gap:.3g})\n정확도: 훈련 {100 * result.train_accuracy[-1]:.0f}%, "
                f"검증 {100 * result.val_accuracy[-1]:.0f}%",
                fontsize=10,
                linespacing=self.viz.LINESPACING,
            )
        self.boundary_ax.set_title(
            f"진한 점: 훈련 {result.n_train}개, 흐린 점: 검증 {len(result.y_val)}개", fontsize=10
        )
        self.fig.suptitle(
            f"반달(잡음 {NOISE}) · 신경망 2-{HIDDEN_UNITS}-{HIDDEN_UNITS}-2 (ReLU) · "
            f"{result.epochs}에폭 · {_remedies(result)}",
            fontsize=11,
        )
        if result.diverged:
            self.viz.show_message(self.fig, result.message, kind="error")


def _structure(result: DeepResult) -> str:
    parts = []
    if result.batch_norm:
        parts.append("배치 정규화")
    if result.residual:
        parts.append("스킵 연결")
    return " + ".join(parts) if parts else "처방 없음"


class _DeepFigure:
    """층별 기울기 노름 막대(왼쪽)와 손실 곡선(오른쪽)."""

    def __init__(self, fig, axes, viz):
        from ..viz.plots import decade_limits

        self.fig = fig
        self.viz = viz
        self.decade_limits = decade_limits
        self.bar_ax, self.loss_ax = axes
        self.bars = None
        (self.plain_marks,) = self.bar_ax.plot(
            [],
            [],
            ls="none",
            marker="_",
            ms=14,
            mew=2.5,
            color=viz.GREY,
            zorder=5,
            label="처방 없음",
        )
        self.plain_curve = viz.loss_curve(
            self.loss_ax, color=viz.GREY, label="처방 없음", xlabel=viz.LABELS["epoch"]
        )
        self.plain_curve.line.set_linestyle("--")
        self.curve = viz.loss_curve(
            self.loss_ax, color=viz.BLUE, label=" ", xlabel=viz.LABELS["epoch"]
        )
        self.loss_ax.set_title("에폭마다의 훈련 손실", fontsize=10)

    def show(self, result: DeepResult) -> None:
        norms = result.grad_norms
        if self.bars is None:
            self.bars = self.viz.layer_bars(self.bar_ax, norms)
        compared = result.batch_norm or result.residual
        # 두 신경망을 같은 축 범위로 그립니다 (10의 거듭제곱 경계). 그릴 값이 없으면 전 범위 그대로.
        self.bars.update(norms, ylim=self.decade_limits(norms, result.plain_grad_norms))
        if compared:
            positions = np.arange(1, len(norms) + 1)
            self.plain_marks.set_data(positions, result.plain_grad_norms)
        else:
            self.plain_marks.set_data([], [])
        self.bar_ax.set_title(
            f"첫 스텝의 층별 기울기 노름 (왼쪽이 입력 쪽)\n{_structure(result)}: 첫 층 ÷ 마지막 층 = "
            f"{result.ratio:.1e}" + (f", 처방 없음: {result.plain_ratio:.1e}" if compared else ""),
            fontsize=10,
            linespacing=self.viz.LINESPACING,
        )
        if compared and self.bar_ax.get_legend() is None:
            self.bar_ax.legend(loc="lower right", fontsize=9)
        elif not compared and self.bar_ax.get_legend() is not None:
            self.bar_ax.get_legend().remove()
        epochs = np.arange(1, len(result.losses) + 1)
        self.curve.update(result.losses, epochs)
        self.plain_curve.update(result.plain_losses, np.arange(1, len(result.plain_losses) + 1))
        self.plain_curve.line.set_visible(compared)
        self.curve.line.set_label(f"{_structure(result)} (정확도 {100 * result.accuracy:.0f}%)")
        self.plain_curve.line.set_label(f"처방 없음 (정확도 {100 * result.plain_accuracy:.0f}%)")
        handles = [self.plain_curve.line, self.curve.line] if compared else [self.curve.line]
        self.loss_ax.legend(handles=handles, loc="upper right", fontsize=9)
        self.fig.suptitle(
            f"은닉층 {result.depth}개 × 유닛 {DEEP_UNITS}개 ({ACTIVATION_NAMES_KO[result.activation]}) · 반달 "
            f"{DEEP_SAMPLES}개 · Adam {result.epochs}에폭, 학습률 {result.learning_rate:.3g}",
            fontsize=11,
        )
        if result.diverged:
            self.viz.show_message(self.fig, result.message, kind="error")


def plot(result, fig=None):
    """run()의 결과면 손실 곡선과 결정 경계를, run_deep()의 결과면 층별 기울기 노름과
    손실 곡선을 그립니다."""
    from .. import viz

    check_result(result, (RegularizationResult, DeepResult), "regularization.run() 또는 run_deep()")
    view_class = _OverfitFigure if isinstance(result, RegularizationResult) else _DeepFigure
    fig, axes = axes_for_plot(fig, 2, FIGSIZE)
    view_class(fig, axes, viz).show(result)
    return fig


def _preset_name(preset) -> str | None:
    """프리셋 이름을 표준 이름으로 바꿉니다 (두 탐색기의 이름을 모두 알려 줍니다)."""
    if preset is None:
        return None
    every = {**PRESETS, **DEEP_PRESETS}
    lookup(preset, every, "프리셋")
    return preset.strip().lower().replace("-", "_")


def explorer(preset: str | None = None, **overrides):
    """드롭아웃 비율, L2 규제, 훈련 세트 크기, 에폭 수를 바꾸며 과적합을 보는 탐색기.

    preset: PRESETS의 이름 (overfit, dropout, l2, more_data). DEEP_PRESETS의 이름
    (deep_plain, deep_batchnorm, deep_residual)을 주면 deep_explorer(preset)를 엽니다.
    overrides: DEFAULTS의 이름으로 값을 바꿉니다.
    """
    from .. import viz

    preset = _preset_name(preset)
    if preset in DEEP_PRESETS:
        return deep_explorer(preset, **overrides)
    values = merge_settings(DEFAULTS, PRESETS, preset, overrides)
    _validate(**values)  # 잘못된 값은 위젯을 만들기 전에 한국어 오류로 알립니다.
    fig, axes = viz.new_figure(1, 2, figsize=FIGSIZE)
    view = _OverfitFigure(fig, axes, viz)
    controls = {
        "dropout": viz.float_slider(
            "드롭아웃 비율 p (0~0.6)",
            0.0,
            0.6,
            values["dropout"],
            step=0.05,
            tooltip="dropout rate",
        ),
        "use_l2": viz.toggle("L2 규제 켜기", values["l2"] > 0, tooltip="L2 regularization"),
        "l2": viz.log_slider(
            "L2 강도 λ",
            1e-4,
            1e-1,
            values["l2"] if values["l2"] > 0 else 1e-2,
            tooltip="weight decay",
        ),
        "n_train": viz.int_slider(
            "훈련 세트 크기 (20~300)", 20, TRAIN_POOL, values["n_train"], step=10
        ),
        "epochs": viz.int_slider("에폭 수", 10, 500, values["epochs"], step=10),
    }

    def update(dropout, use_l2, l2, n_train, epochs):
        view.show(
            run(
                dropout=dropout,
                l2=l2 if use_l2 else 0.0,
                n_train=n_train,
                epochs=epochs,
                seed=values["seed"],
            )
        )

    return viz.LiveFigure(fig, update, controls)


def deep_explorer(preset: str | None = None, **overrides):
    """깊은 신경망에서 배치 정규화와 스킵 연결을 켜고 끄며 층별 기울기와 손실을 보는 탐색기.

    preset: DEEP_PRESETS의 이름 (deep_plain, deep_batchnorm, deep_residual).
    overrides: DEEP_DEFAULTS의 이름으로 값을 바꿉니다.
    """
    from .. import viz

    preset = _preset_name(preset)
    if preset is not None and preset not in DEEP_PRESETS:
        raise ValueError(
            f"deep_explorer에서 쓸 수 없는 프리셋입니다: '{preset}'. "
            f"사용할 수 있는 이름: {', '.join(DEEP_PRESETS)} "
            f"(나머지는 explorer(preset=...)로 여세요)."
        )
    values = merge_settings(DEEP_DEFAULTS, DEEP_PRESETS, preset, overrides)
    _validate_deep(**values)  # 잘못된 값은 위젯을 만들기 전에 한국어 오류로 알립니다.
    fig, axes = viz.new_figure(1, 2, figsize=FIGSIZE)
    view = _DeepFigure(fig, axes, viz)
    controls = {
        "depth": viz.int_slider("은닉층 수 (2~30)", 2, 30, values["depth"]),
        "activation": viz.dropdown(
            "활성화 함수", {"시그모이드": "sigmoid", "tanh": "tanh"}, values["activation"]
        ),
        "batch_norm": viz.toggle(
            "배치 정규화", values["batch_norm"], tooltip="batch normalization"
        ),
        "residual": viz.toggle("스킵 연결", values["residual"], tooltip="skip connection"),
        "epochs": viz.int_slider("에폭 수", 10, 200, values["epochs"], step=10),
        "learning_rate": viz.log_slider(
            "학습률 η (Adam)", 1e-4, 1e-1, values["learning_rate"], tooltip="learning rate"
        ),
    }

    def update(**current):
        view.show(run_deep(seed=values["seed"], **current))

    return viz.LiveFigure(fig, update, controls)
