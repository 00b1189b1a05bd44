"""6강 탐색기: 배치 / 확률적 / 미니배치 경사 하강법을 같은 갱신 횟수로 비교합니다.

무엇을 보여 주나
----------------
붓꽃 데이터셋(150개, 세 품종, 특성 4개를 표준화)으로 층 하나짜리 신경망
(Dense(4, 3) + 소프트맥스 교차 엔트로피)을 세 방법으로 똑같이 150번 갱신합니다.
학습률, 시드, 시작점(모든 가중치와 편향 0)은 셋이 같고, 한 스텝에 보는 샘플 수만 다릅니다.

- 배치 경사 하강법(batch gradient descent): 배치 크기 150. 한 스텝에 데이터 전체의 평균
  기울기 ∇J(w) = (1/N) Σᵢ ∇Eᵢ(w)를 씁니다. 한 에폭 = 1스텝이므로 150스텝 = 150에폭.
- 확률적 경사 하강법(SGD): 배치 크기 1. 섞은 순서대로 샘플 하나의 기울기 ∇Eᵢ(w)로
  갱신합니다. 한 에폭 = 150스텝이므로 150스텝 = 1에폭.
- 미니배치 경사 하강법: 배치 크기 N_B (기본 15). 한 에폭 = ceil(N / N_B)스텝
  (dl.data.n_batches). N_B = 15이면 10스텝이므로 150스텝 = 15에폭.

갱신 규칙은 셋 다 w ← w − η·g 입니다 (모멘텀 μ > 0이면 v ← μ·v − η·g, w ← w + v).
g가 무엇의 평균인지만 다릅니다.

그림
----
- 왼쪽: 스텝마다 갱신한 직후 '훈련 세트 전체'에서 잰 손실 J(w) (셋을 같은 잣대로 비교할 수
  있습니다). 흐린 선은 그 스텝이 실제로 본 미니배치의 손실입니다 (SGD에서는 샘플 하나의
  손실이라 크게 출렁입니다). 범례에 '에폭 수 × 한 에폭의 스텝 수 = 150스텝'을 적습니다.
- 오른쪽: 매개변수 경로. 가중치 12개와 편향 3개, 모두 15개의 값이 움직인 길을 세 경로를
  모두 모은 점들이 가장 많이 퍼진 두 방향(주성분, 특잇값 분해로 구합니다)에 비춰 그립니다.
  가중치 두 개를 골라 그리는 것보다 세 경로의 차이가 잘 보입니다. 축 이름에 그 방향이
  전체 움직임의 몇 %를 담는지 적습니다.

SGD의 경로는 들쭉날쭉하고 손실 곡선이 출렁이지만, 셋 모두 손실을 낮춥니다. 이 출렁임을
숫자로도 돌려줍니다: 전체 손실의 총변동 Σ|J(t+1) − J(t)| 와 경로 길이 ÷ 시작점과 끝점
사이 거리 (곧게 가면 1).

Keras처럼 쓰기: ``reference_fit()`` 은 강의 개요의 Keras 예 (SGD(0.1, momentum=0.9),
batch_size=15)를 dl.train.fit으로 그대로 부릅니다. run()의 미니배치 경로는 같은 시드,
같은 섞기(dl.data.MiniBatches)를 쓰므로 fit()과 한 자리도 다르지 않은 값을 냅니다
(테스트가 확인합니다).

쓰는 법
-------
    from dlcourse.labs import batching
    batching.explorer()                         # 기본: 학습률 0.1, 미니배치 15
    batching.explorer(preset="sgd_noise")
    result = batching.run(learning_rate=0.3, batch_size=30)
    batching.plot(result)
    batching.updates_per_epoch()                # {1: 150, 10: 15, 15: 10, ...}

갱신 시간 (학습률 슬라이더를 기본값 근처에서 열 번 바꾸며 LiveFigure.set_values로 잰 중앙값,
코어 두 개를 다른 작업과 나눠 쓰는 기계, 부하 평균 2~3): 기본 설정에서 한 번 갱신에
84~115 ms(대개 90 ms 안팎)입니다. tests/benchmarks/bench_explorers.py로는 중앙값 83 ms,
기준 작업(빈 그림 + PNG)의 2.4배였습니다. 그중 run()이 약 28 ms(세 방법 × 150스텝; 전체 손실은 경로를 다 모은 뒤
한 번에 계산합니다)이고 나머지는 다시 그리기와 PNG 만들기입니다. 슬라이더는 손을 뗄 때만
다시 계산합니다 (continuous_update=False).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .. import data as dl_data
from .. import nn, optim, train
from .._validate import check_in_range, check_int_range, check_positive, check_positive_int
from ._common import (
    axes_for_plot,
    check_result,
    check_seed,
    divergence_message,
    merge_settings,
)

__all__ = [
    "DEFAULTS",
    "PRESETS",
    "METHODS",
    "BatchingResult",
    "run",
    "plot",
    "explorer",
    "updates_per_epoch",
    "reference_fit",
    "standardized_iris",
    "single_layer_network",
    "full_data_losses",
    "method_labels",
]

N_SAMPLES = 150
UPDATES = 150
METHODS = ("batch", "sgd", "minibatch")
METHOD_NAMES_KO = {
    "batch": "배치 경사 하강법",
    "sgd": "확률적 경사 하강법",
    "minibatch": "미니배치 경사 하강법",
}
# 그림의 범례는 짧게 (글자가 많을수록 다시 그리기가 느려집니다).
METHOD_SHORT_KO = {"batch": "배치 GD", "sgd": "SGD", "minibatch": "미니배치"}

DEFAULTS = {"learning_rate": 0.1, "batch_size": 15, "momentum": 0.0, "seed": 0}

PRESETS = {
    "compare": {
        **DEFAULTS,
        "설명": "같은 학습률로 150번 갱신하면 세 방법 모두 손실이 비슷하게 내려가지만, SGD의 "
        "경로만 들쭉날쭉합니다. 에폭 수가 150, 1, 15로 크게 다른 것도 보세요.",
    },
    "sgd_noise": {
        "learning_rate": 0.5,
        "batch_size": 15,
        "momentum": 0.0,
        "seed": 0,
        "설명": "학습률을 키우면 샘플 하나로 가는 SGD의 출렁임이 훨씬 커집니다. 최솟값 근처에서도 "
        "멈추지 않고 계속 움직이는 것이 8강에서 학습률을 줄이는 까닭입니다.",
    },
    "large_batch": {
        "learning_rate": 0.1,
        "batch_size": 75,
        "momentum": 0.0,
        "seed": 0,
        "설명": "미니배치를 75개로 키우면 경로와 손실 곡선이 배치 경사 하강법과 거의 겹칩니다. "
        "미니배치가 클수록 기울기의 잡음이 줄어듭니다.",
    },
}


# ---------------------------------------------------------------------------
# 결과
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchingResult:
    """run()의 결과. 배열의 첫 축은 METHODS 순서 (배치, SGD, 미니배치)입니다.

    batch_sizes: 세 방법의 배치 크기 (150, 1, N_B).
    steps_per_epoch: 한 에폭의 스텝 수 ceil(150 / N_B).
    epochs: 150스텝이 몇 에폭인지 (150 / 한 에폭의 스텝 수, 나누어떨어지지 않으면 소수).
    full_loss: (3, 151) 스텝 t번 갱신한 뒤 훈련 세트 전체의 손실 (t = 0은 시작점, ln 3).
    batch_loss: (3, 150) 스텝마다 갱신에 쓴 미니배치의 손실 (갱신 전).
    trajectory: (3, 151, 15) 매개변수 [W를 행 순서로 편 12개, b 3개]의 경로.
    path_2d: (3, 151, 2) 경로를 주성분 두 방향에 비춘 좌표. explained: 두 방향이 담는
        움직임(분산)의 비율 (2,).
    accuracy: (3,) 마지막 매개변수로 잰 훈련 세트 정확도.
    total_variation: (3,) Σ|full_loss[t+1] − full_loss[t]|.
    path_ratio: (3,) 경로 길이 ÷ 시작점과 끝점 사이 거리 (곧은 길이면 1).
    diverged, message: 발산했는지와 한국어 설명.
    """

    learning_rate: float
    batch_size: int
    momentum: float
    seed: int
    updates: int
    batch_sizes: tuple[int, int, int]
    steps_per_epoch: tuple[int, int, int]
    epochs: tuple[float, float, float]
    full_loss: np.ndarray
    batch_loss: np.ndarray
    trajectory: np.ndarray
    path_2d: np.ndarray
    explained: np.ndarray
    accuracy: np.ndarray
    total_variation: np.ndarray
    path_ratio: np.ndarray
    diverged: bool
    message: str


# ---------------------------------------------------------------------------
# 계산
# ---------------------------------------------------------------------------


def standardized_iris() -> tuple[np.ndarray, np.ndarray]:
    """붓꽃 데이터 (150, 4)를 특성마다 평균 0, 표준편차 1로 바꿔 돌려줍니다: (x − 평균) / 표준편차."""
    X, y = dl_data.iris()
    return (X - X.mean(axis=0)) / X.std(axis=0), y


def single_layer_network() -> nn.Sequential:
    """Dense(4, 3) 하나. 가중치와 편향을 모두 0에서 시작합니다.

    층 하나짜리 소프트맥스 분류기의 손실은 매개변수에 대해 볼록 함수이므로 0에서 시작해도
    됩니다. 시작점의 손실은 세 클래스를 똑같이 1/3로 보는 ln 3 ≈ 1.099입니다.
    """
    return nn.Sequential([nn.Dense(4, 3, init="zeros")])


def updates_per_epoch(n_samples: int = N_SAMPLES, batch_sizes=(1, 10, 15, 32, 50, 150)) -> dict:
    """배치 크기마다 한 에폭의 스텝(갱신) 수 ceil(N / N_B)를 {N_B: 스텝 수}로 돌려줍니다.

    예 (N = 150): 배치 1 → 150, 10 → 15, 15 → 10, 32 → 5, 50 → 3, 150 → 1.
    """
    n_samples = check_positive_int(n_samples, "n_samples (샘플 수)")
    return {
        check_positive_int(b, "batch_size (배치 크기)"): dl_data.n_batches(n_samples, b)
        for b in batch_sizes
    }


def _train(X, y, batch_size, learning_rate, momentum, seed, updates):
    """한 방법으로 updates번 갱신하며 미니배치 손실과 매개변수 경로를 기록합니다.

    섞기와 갱신은 dl.train.fit과 똑같은 순서입니다: 에폭마다 MiniBatches가 새로 섞고,
    미니배치마다 순전파 → 손실 → 역전파 → optimizer.update.
    돌려주는 값: (미니배치 손실 (updates,), 경로 (updates + 1, 15), 발산한 스텝 또는 None).
    """
    net = single_layer_network()
    layer = net.layers[0]
    n_weights = layer.W.size
    loss = nn.SoftmaxCrossEntropy()
    optimizer = optim.SGD(learning_rate, momentum=momentum)
    batches = dl_data.MiniBatches(X, y, batch_size=batch_size, seed=seed)
    params, grads = net.params, net.grads
    batch_loss = np.full(updates, np.nan)
    trajectory = np.full((updates + 1, n_weights + layer.b.size), np.nan)
    trajectory[0, :n_weights] = layer.W.reshape(-1)
    trajectory[0, n_weights:] = layer.b
    step = 0
    while step < updates:
        for Xb, yb in batches:
            value = loss.forward(net.forward(Xb), yb)
            net.backward(loss.backward())
            optimizer.update(params, grads)
            batch_loss[step] = value
            step += 1
            trajectory[step, :n_weights] = layer.W.reshape(-1)
            trajectory[step, n_weights:] = layer.b
            if not (math.isfinite(value) and np.isfinite(layer.W).all()):
                return batch_loss, trajectory, step
            if step == updates:
                break
    return batch_loss, trajectory, None


def full_data_losses(trajectory: np.ndarray, X: np.ndarray, y: np.ndarray):
    """경로의 모든 점에서 훈련 세트 전체의 손실과 정확도를 한 번에 계산합니다.

    점 t의 매개변수 W_t (4, 3), b_t (3,)로 로짓 z = X W_t + b_t 를 만들고
        J(w_t) = −(1/N) Σᵢ log softmax(zᵢ)[yᵢ],
        log softmax(z)_c = z_c − max(z) − log Σ_k exp(z_k − max(z))
    입니다. 돌려주는 값: (손실 (점 수,), 정확도 (점 수,)).
    """
    n_features = X.shape[1]
    W = trajectory[:, : n_features * 3].reshape(-1, n_features, 3)
    b = trajectory[:, n_features * 3 :]
    logits = X @ W + b[:, None, :]  # (점 수, N, 3)
    shifted = logits - logits.max(axis=2, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=2, keepdims=True))
    rows = np.arange(len(y))
    losses = -log_p[:, rows, y].mean(axis=1)
    accuracy = (logits.argmax(axis=2) == y).mean(axis=1)
    return losses, accuracy


def _principal_plane(trajectories: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """세 경로의 모든 점을 모아 가장 많이 퍼진 두 방향(주성분)에 비춥니다.

    점들의 평균 μ를 빼고 특잇값 분해 P − μ = U S Vᵀ 를 하면 Vᵀ의 첫 두 행이 그 방향이고,
    방향 k가 담는 분산의 비율은 S_k² / Σ S² 입니다. 비춘 좌표는 (p − μ) · v_k 입니다.
    부호는 시작점이 음수 쪽에 오도록 맞춥니다 (그림이 늘 같은 방향으로 읽히게).
    값이 너무 커도 넘치지 않도록 분해 전에 가장 큰 절댓값으로 나눕니다 (방향은 같습니다).
    """
    points = trajectories.reshape(-1, trajectories.shape[-1])
    finite = np.isfinite(points).all(axis=1)
    flat = np.zeros(trajectories.shape[:-1] + (2,))
    scale = np.abs(points[finite]).max() if finite.sum() >= 3 else 0.0
    if not (np.isfinite(scale) and scale > 0):
        return flat, np.zeros(2)
    scaled = points[finite] / scale
    center = scaled.mean(axis=0)
    try:
        _, singular, vt = np.linalg.svd(scaled - center, full_matrices=False)
    except np.linalg.LinAlgError:
        return flat, np.zeros(2)
    directions = vt[:2]
    start = trajectories[0, 0] / scale - center
    signs = np.where(directions @ start > 0, -1.0, 1.0)
    directions = directions * signs[:, None]
    total = np.sum(singular**2)
    explained = singular[:2] ** 2 / total if total > 0 else np.zeros(2)
    return ((trajectories / scale - center) @ directions.T) * scale, explained


def _roughness(full_loss: np.ndarray, trajectory: np.ndarray) -> tuple[float, float]:
    """(전체 손실의 총변동, 경로 길이 ÷ 이동 거리)."""
    total_variation = float(np.sum(np.abs(np.diff(full_loss))))
    length = float(np.sum(np.linalg.norm(np.diff(trajectory, axis=0), axis=1)))
    displacement = float(np.linalg.norm(trajectory[-1] - trajectory[0]))
    ratio = length / displacement if displacement > 0 else math.nan
    return total_variation, ratio


def _validate(learning_rate, batch_size, momentum, seed):
    learning_rate = check_positive(learning_rate, "learning_rate (학습률)")
    batch_size = check_int_range(batch_size, "batch_size (미니배치 크기)", 1, N_SAMPLES)
    momentum = check_in_range(momentum, "momentum (모멘텀)", 0.0, 1.0)
    seed = check_seed(seed)
    return learning_rate, batch_size, momentum, seed


def run(
    learning_rate: float = DEFAULTS["learning_rate"],
    batch_size: int = DEFAULTS["batch_size"],
    momentum: float = DEFAULTS["momentum"],
    seed: int = DEFAULTS["seed"],
) -> BatchingResult:
    """배치(150), SGD(1), 미니배치(batch_size)로 똑같이 150번 갱신하고 기록을 돌려줍니다.

    learning_rate: 학습률 η (셋 모두 같음).  batch_size: 미니배치 크기 N_B (1 ~ 150).
    momentum: 모멘텀 μ (0이면 w ← w − η·g).  seed: 섞는 순서의 시드 (셋 모두 같음).
    발산하면 (손실이 inf/NaN) diverged=True와 한국어 message를 돌려주고, 그 뒤 값은 NaN입니다.
    """
    learning_rate, batch_size, momentum, seed = _validate(learning_rate, batch_size, momentum, seed)
    X, y = standardized_iris()
    sizes = (N_SAMPLES, 1, batch_size)
    full, batch, paths, accuracy, messages = [], [], [], [], []
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        for method, size in zip(METHODS, sizes, strict=True):
            b, p, stopped = _train(X, y, size, learning_rate, momentum, seed, UPDATES)
            f, acc = full_data_losses(p, X, y)
            full.append(f)
            batch.append(b)
            paths.append(p)
            accuracy.append(float(acc[-1]) if stopped is None else math.nan)
            if stopped is not None:
                messages.append(
                    f"{METHOD_NAMES_KO[method]}: 스텝 {stopped}에서 손실이 inf나 NaN이 되었습니다"
                )
        trajectory = np.stack(paths)
        path_2d, explained = _principal_plane(trajectory)
        roughness = [_roughness(f, p) for f, p in zip(full, paths, strict=True)]
    steps_per_epoch = tuple(dl_data.n_batches(N_SAMPLES, size) for size in sizes)
    return BatchingResult(
        learning_rate=learning_rate,
        batch_size=batch_size,
        momentum=momentum,
        seed=seed,
        updates=UPDATES,
        batch_sizes=sizes,
        steps_per_epoch=steps_per_epoch,
        epochs=tuple(UPDATES / k for k in steps_per_epoch),
        full_loss=np.stack(full),
        batch_loss=np.stack(batch),
        trajectory=trajectory,
        path_2d=path_2d,
        explained=explained,
        accuracy=np.array(accuracy),
        total_variation=np.array([r[0] for r in roughness]),
        path_ratio=np.array([r[1] for r in roughness]),
        diverged=bool(messages),
        message=divergence_message(messages),
    )


def reference_fit(
    batch_size: int = 15,
    epochs: int = 15,
    learning_rate: float = 0.1,
    momentum: float = 0.9,
    seed: int = 0,
    validation_data=None,
):
    """강의 개요의 Keras 예를 dl.train.fit으로 그대로 씁니다. (신경망, History)를 돌려줍니다.

    Keras:      model.compile(optimizer=SGD(0.1, momentum=0.9),
                              loss=SparseCategoricalCrossentropy(...), metrics=["accuracy"])
                model.fit(X, y, batch_size=15, epochs=..., validation_data=...)
    dlcourse:   dl.train.fit(net, X, y, loss="cross_entropy",
                             optimizer=dl.optim.SGD(0.1, momentum=0.9),
                             epochs=..., batch_size=15, validation_data=...)

    신경망과 데이터는 run()과 같습니다 (표준화한 붓꽃, 0에서 시작하는 Dense(4, 3)).
    batch_size=15, epochs=15이면 한 에폭 10스텝 × 15에폭 = 150스텝으로, run(batch_size=15,
    momentum=0.9, learning_rate=0.1)의 미니배치 경로와 같은 훈련입니다.
    """
    X, y = standardized_iris()
    net = single_layer_network()
    history = train.fit(
        net,
        X,
        y,
        loss="cross_entropy",
        optimizer=optim.SGD(learning_rate, momentum=momentum),
        epochs=epochs,
        batch_size=batch_size,
        validation_data=validation_data,
        seed=seed,
    )
    return net, history


# ---------------------------------------------------------------------------
# 그림
# ---------------------------------------------------------------------------


def _format_epochs(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def method_labels(result: BatchingResult) -> list[str]:
    """범례 글: '이름 (배치 크기): 에폭 수 = 갱신 횟수'. 에폭 수 = 150 ÷ ceil(150 / N_B).

    예: '배치 GD (150): 150에폭 = 150번 갱신', 'SGD (1): 1에폭 = 150번 갱신',
    '미니배치 (15): 15에폭 = 150번 갱신'.
    """
    return [
        f"{METHOD_SHORT_KO[method]} ({size}): {_format_epochs(epochs)}에폭 = {result.updates}번 갱신"
        for method, size, epochs in zip(METHODS, result.batch_sizes, result.epochs, strict=True)
    ]


class _Figure:
    """손실 곡선 축과 매개변수 경로 축. show(result)가 선의 자료만 바꿉니다."""

    def __init__(self, fig, axes, viz):
        from matplotlib.ticker import MaxNLocator

        self.fig = fig
        self.viz = viz
        loss_ax, path_ax = axes
        self.loss_ax, self.path_ax = loss_ax, path_ax
        colors = (viz.BLUE, viz.ORANGE, viz.BLUISH_GREEN)
        self.colors = colors
        steps = np.arange(UPDATES + 1)
        self.noisy = [
            loss_ax.plot(steps[1:], np.zeros(UPDATES), color=c, lw=0.7, alpha=0.25, zorder=1)[0]
            for c in colors
        ]
        self.curves = [
            viz.loss_curve(loss_ax, color=c, label=" ", xlabel="스텝 (갱신 횟수)") for c in colors
        ]
        loss_ax.set_xticks(np.arange(0, UPDATES + 1, 50))
        loss_ax.yaxis.set_major_locator(MaxNLocator(4))
        self.legend = loss_ax.legend(loc="upper right", fontsize=8.5, framealpha=0.9)
        loss_ax.set_title("훈련 세트 전체의 손실 (흐린 선: 미니배치 손실)", fontsize=10)
        self.paths = [path_ax.plot([], [], color=c, lw=1.3, zorder=3)[0] for c in colors]
        self.ends = [
            path_ax.plot(
                [], [], ls="none", marker="*", ms=12, color=c, mec=viz.BLACK, mew=0.8, zorder=5
            )[0]
            for c in colors
        ]
        (self.start,) = path_ax.plot(
            [],
            [],
            ls="none",
            marker="o",
            ms=9,
            mfc="white",
            mec=viz.BLACK,
            mew=1.5,
            zorder=6,
            label=viz.LABELS["start"],
        )
        path_ax.set_title("매개변수 15개의 경로를 주성분 두 방향에 비춤", fontsize=10)
        path_ax.text(
            0.02,
            0.98,
            "가중치 12개 + 편향 3개가 움직인 길을\n가장 많이 퍼진 두 방향에서 본 그림\n(흰 동그라미: 시작점, 별: 끝점)",
            transform=path_ax.transAxes,
            ha="left",
            va="top",
            fontsize=8.5,
            color=viz.GREY,
            linespacing=viz.LINESPACING,
        )
        # 주성분 좌표의 숫자 자체에는 뜻이 없고, 눈금 글자는 다시 그리기 시간의 큰 몫이라 뺍니다.
        path_ax.set_xticks([])
        path_ax.set_yticks([])

    def show(self, result: BatchingResult) -> None:
        steps = np.arange(result.updates + 1)
        labels = method_labels(result)
        for i in range(len(METHODS)):
            self.noisy[i].set_data(steps[1:], result.batch_loss[i])
            self.curves[i].update(result.full_loss[i], steps)
            self.curves[i].line.set_label(labels[i])
            self.paths[i].set_data(result.path_2d[i, :, 0], result.path_2d[i, :, 1])
            last = np.flatnonzero(np.isfinite(result.path_2d[i]).all(axis=1))[-1:]
            self.ends[i].set_data(result.path_2d[i, last, 0], result.path_2d[i, last, 1])
        for text, label in zip(self.legend.get_texts(), labels, strict=True):
            text.set_text(label)
        start = result.path_2d[0, 0]
        self.start.set_data([start[0]], [start[1]])
        # 흐린 미니배치 손실은 범위 밖으로 크게 튀므로, 축은 전체 손실에 맞춥니다.
        finite = result.full_loss[np.isfinite(result.full_loss)]
        top = float(finite.max()) if finite.size else 1.0
        self.loss_ax.set_ylim(0.0, 1.25 * top)
        self.loss_ax.set_xlim(0, result.updates)
        self._fit_path_limits(result.path_2d)
        self.path_ax.set_xlabel(f"주성분 1 (움직임의 {100 * result.explained[0]:.0f}%)")
        self.path_ax.set_ylabel(f"주성분 2 ({100 * result.explained[1]:.0f}%)")
        self.fig.suptitle(
            f"붓꽃 150개 · Dense(4, 3) · η = {result.learning_rate:.3g}"
            + (f", μ = {result.momentum:.2g}" if result.momentum else "")
            + f" · 셋 모두 {result.updates}번 갱신",
            fontsize=11,
        )
        if result.diverged:
            self.viz.show_message(self.fig, result.message, kind="error")

    def _fit_path_limits(self, path_2d: np.ndarray) -> None:
        points = path_2d.reshape(-1, 2)
        points = points[np.isfinite(points).all(axis=1)]
        if not len(points):
            return
        low, high = points.min(axis=0), points.max(axis=0)
        margin = 0.06 * np.maximum(high - low, 1e-9)
        self.path_ax.set_xlim(low[0] - margin[0], high[0] + margin[0])
        self.path_ax.set_ylim(low[1] - margin[1], high[1] + margin[1])


FIGSIZE = (10.5, 4.4)


def plot(result: BatchingResult, fig=None):
    """손실 곡선(왼쪽)과 매개변수 경로(오른쪽)를 그립니다."""
    from .. import viz

    check_result(result, BatchingResult, "batching.run()")
    fig, axes = axes_for_plot(fig, 2, FIGSIZE)
    _Figure(fig, axes, viz).show(result)
    return fig


def explorer(preset: str | None = None, **overrides):
    """학습률, 미니배치 크기, 모멘텀, 시드를 바꾸며 세 방법을 비교하는 탐색기.

    preset: PRESETS의 이름 (예: "sgd_noise"). overrides: DEFAULTS의 이름으로 값을 바꿉니다.
    """
    from .. import viz

    values = merge_settings(DEFAULTS, PRESETS, preset, overrides)
    _validate(**values)  # 잘못된 값은 위젯을 만들기 전에 한국어 오류로 알립니다.
    fig, axes = viz.new_figure(1, 2, figsize=FIGSIZE)
    view = _Figure(fig, axes, viz)
    controls = {
        "learning_rate": viz.log_slider(
            "학습률 η", 1e-3, 3.0, values["learning_rate"], tooltip="learning rate"
        ),
        "batch_size": viz.int_slider("미니배치 크기 N_B (1~150)", 1, 150, values["batch_size"]),
        "momentum": viz.float_slider(
            "모멘텀 μ", 0.0, 0.95, values["momentum"], step=0.05, tooltip="momentum"
        ),
        "seed": viz.int_slider("시드 (섞는 순서)", 0, 9, values["seed"]),
    }

    def update(**current):
        view.show(run(**current))

    return viz.LiveFigure(fig, update, controls)
