"""기울기 소실과 폭발 (L04) 탐색기.

깊은 신경망을 실제로 훈련하면서 층마다 가중치 기울기의 크기 ‖∂L/∂W‖를 막대로
보여 줍니다. 은닉층 수, 유닛 수, 활성화 함수, 초기화 방법, 학습률, 스텝 수, 기울기
클리핑을 바꾸면 막대와 손실 곡선이 바로 바뀝니다.

무엇을 계산하나요
-----------------
두 클래스의 반달 데이터(dl.data.moons, 점 200개, 특성마다 평균 0, 표준편차 1로 맞춤)를
은닉층 depth개, 층마다 유닛 width개인 다층 퍼셉트론으로 분류합니다. 손실은 교차
엔트로피, 옵티마이저는 경사 하강법(SGD, 미니배치 없이 전체 배치)입니다.

층 k의 순전파가 z_k = h_(k-1) W_k + b_k, h_k = f(z_k)일 때 역전파는

    δ_k = ∂L/∂z_k,    δ_(k-1) = (δ_k W_kᵀ) ⊙ f′(z_(k-1)),    ∂L/∂W_k = h_(k-1)ᵀ δ_k

입니다. 입력 쪽 층의 기울기에는 그 위 모든 층의 f′와 W가 곱해져 들어갑니다.
시그모이드는 f′(z) = f(z)(1 − f(z)) ≤ 1/4이므로 층 n개를 지나면 도함수만으로
(1/4)ⁿ배 이하가 됩니다. 10층이면 (1/4)¹⁰ = 1/2²⁰ ≈ 9.5 × 10⁻⁷입니다
(``sigmoid_bound(10)``). 이것이 기울기 소실(vanishing gradient)입니다. 거꾸로
가중치가 크면 층마다 곱해지는 값이 1보다 커져 입력 쪽 기울기가 커지거나, 학습률이
크면 갱신 w ← w − η ∂L/∂w가 가중치를 점점 키워 손실이 inf가 됩니다. 이것이 기울기
폭발(exploding gradient)이고, 훈련은 발산합니다.

기울기 클리핑(gradient clipping)을 켜면 모든 기울기를 한 벡터 g로 보고
g ← g · min(1, c / ‖g‖), c = 1 (Keras의 global_clipnorm)로 줄인 뒤 갱신합니다.
그래서 한 스텝에 매개변수가 움직이는 거리는 η · c 이하입니다.

그림
----
- 왼쪽: 층별 기울기 노름(로그 축). 막대는 마지막 스텝, 주황 점선과 점은 첫 스텝입니다.
  1번 층이 입력 쪽, 마지막 막대가 출력층입니다. inf나 NaN은 빗금 친 빨간 막대입니다.
- 오른쪽: 스텝마다의 손실. 제목에 마지막 훈련 정확도와, 클리핑을 켰다면 기울기를 실제로
  줄인 스텝 수(‖g‖ > 1이었던 스텝)를 적습니다.
- 아래: 진단 문장. 첫 스텝에서 첫 층과 마지막 층(출력층)의 기울기 노름 비 r로 판단합니다.
  r < 10⁻⁶이면 기울기 소실, r > 10³이거나 기울기 노름이 10³을 넘으면 기울기 폭발,
  손실이 inf나 NaN이 되면 "발산했습니다"를 띄웁니다. 그 사이(10⁻⁶ ≤ r < 10⁻², 10 < r ≤ 10³)는
  줄어들거나 커지는 중이라고 알려 줍니다.

쓰는 법
-------
    from dlcourse.labs import vanishing
    vanishing.explorer()                        # 슬라이더와 그림
    vanishing.explorer(preset="sigmoid_deep")   # 강사용 설정 (PRESETS)
    result = vanishing.run(depth=20, activation="relu", initializer="he_normal")
    vanishing.plot(result)                      # 같은 그림을 정적으로
    vanishing.derivative_plot()                 # 활성화 함수의 도함수와 최댓값
    vanishing.sigmoid_bound(10)                 # (1/4)^10 = 9.5367431640625e-07

프리셋: sigmoid_deep, relu_he, tanh_glorot, exploding, exploding_clipped,
shallow_sigmoid. 초기화 방법에서 "정규분포 σ=1 (큰 값)"과 tanh를 함께 고르면
기울기가 입력 쪽으로 갈수록 커지는 모습도 볼 수 있습니다. 은닉층 20개, 시드 0에서 첫 스텝의
첫 층/출력층 기울기 노름 비는 유닛 32개면 약 7 × 10³배, 기본값인 유닛 16개면 약 400배입니다
(시드에 따라 몇 배씩 달라집니다).

잰 갱신 시간
------------
기본값(시그모이드, 은닉층 12개 × 유닛 16개, 40스텝)에서 위젯 하나를 바꿀 때의 커널 쪽
시간입니다: run + 다시 그리기 + PNG 만들기, LiveFigure.set_values로 학습률을 번갈아 바꾼
12번의 중앙값. 코어 두 개를 다른 작업과 나눠 쓰는(부하 평균 2.2~3) 기계에서 여덟 번 잰
값은 이 프로세스의 CPU 시간 78~95 ms, 벽시계 79~187 ms(코어를 다툰 만큼 늘어남)였고,
그 가운데 run은 23~50 ms입니다. 시간의 대부분은 matplotlib의 글자(눈금, 제목, 진단 문장)
그리기이므로 눈금 수를 줄여 두었습니다. 은닉층 40개 × 유닛 32개 × 50스텝의 run은
160~520 ms입니다 (유닛 64개처럼 큰 행렬에서는 OpenBLAS 스레드가 다른 작업과 코어를 다퉈
더 느려질 수 있습니다).
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np

from .. import data as datasets
from .. import nn, optim, train
from .._validate import check_int_range, check_positive, check_positive_int
from ._common import (
    add_preset_note,
    check_flag,
    check_result,
    check_seed,
    choose,
    merge_settings,
    table_initializer,
)

__all__ = [
    "DEFAULTS",
    "PRESETS",
    "ACTIVATIONS",
    "INITIALIZERS",
    "CLIP_NORM",
    "VanishingResult",
    "DerivativeCurves",
    "run",
    "plot",
    "explorer",
    "make_data",
    "make_network",
    "get_initializer",
    "sigmoid_bound",
    "derivative_curves",
    "derivative_plot",
]

# 활성화 함수: 엔진 이름 → 그림과 위젯에 보일 한국어 이름
ACTIVATIONS = {
    "sigmoid": "시그모이드",
    "tanh": "하이퍼볼릭 탄젠트",
    "relu": "ReLU",
    "leaky_relu": "Leaky ReLU",
    "softplus": "소프트플러스",
    "elu": "ELU",
    "linear": "항등 함수",
}

# 초기화 방법: 이 탐색기의 이름 → (한국어 이름, dl.init 이름, dl.init 인자)
INITIALIZERS = {
    "glorot_uniform": ("Glorot 균등", "glorot_uniform", {}),
    "glorot_normal": ("Glorot 정규", "glorot_normal", {}),
    "he_uniform": ("He 균등", "he_uniform", {}),
    "he_normal": ("He 정규", "he_normal", {}),
    "lecun_normal": ("LeCun 정규", "lecun_normal", {}),
    "random_normal_large": ("정규분포 σ=1 (큰 값)", "random_normal", {"stddev": 1.0}),
    "random_normal_small": ("정규분포 σ=0.01 (작은 값)", "random_normal", {"stddev": 0.01}),
}

CLIP_NORM = 1.0  # 기울기 클리핑을 켰을 때의 global_clipnorm
N_SAMPLES = 200  # 반달 데이터의 점 개수
NOISE = 0.1  # 반달 데이터의 잡음 표준편차

# 값의 범위: 위젯 슬라이더보다 넉넉하지만, 실수로 몇 분씩 걸리는 계산은 막습니다.
MAX_DEPTH = 60
MAX_WIDTH = 256
MAX_STEPS = 2000

# 진단 기준 (첫 스텝의 첫 층 / 마지막 층 기울기 노름 비 r, 기울기 노름의 최댓값)
VANISHING_RATIO = 1e-6
SHRINKING_RATIO = 1e-2
GROWING_RATIO = 1e1
EXPLODING_RATIO = 1e3
EXPLODING_NORM = 1e3

DEFAULTS = {
    "depth": 12,
    "width": 16,
    "activation": "sigmoid",
    "initializer": "glorot_uniform",
    "learning_rate": 0.1,
    "steps": 40,
    "clip": False,
}

PRESETS = {
    # 고전적인 기울기 소실: 층마다 기울기가 약 1/4로 줄어듭니다.
    "sigmoid_deep": {
        "depth": 20,
        "width": 32,
        "activation": "sigmoid",
        "initializer": "glorot_uniform",
        "learning_rate": 0.1,
        "steps": 60,
        "clip": False,
        "설명": "시그모이드 20층: 첫 스텝의 기울기가 층을 하나 내려갈 때마다 약 4분의 1로 줄어 "
        "입력 쪽 층은 거의 갱신되지 않고 손실도 내려가지 않습니다.",
    },
    # 같은 깊이에서 ReLU + He 초기화: 기울기가 고르게 전해집니다.
    "relu_he": {
        "depth": 20,
        "width": 32,
        "activation": "relu",
        "initializer": "he_normal",
        "learning_rate": 0.1,
        "steps": 60,
        "clip": False,
        "설명": "ReLU와 He 초기화 20층: 막대 높이가 층마다 비슷하고 손실이 내려갑니다.",
    },
    # tanh의 도함수 최댓값은 1이라 Glorot 초기화와 함께면 깊어도 버팁니다.
    "tanh_glorot": {
        "depth": 20,
        "width": 32,
        "activation": "tanh",
        "initializer": "glorot_uniform",
        "learning_rate": 0.1,
        "steps": 60,
        "clip": False,
        "설명": "tanh와 Glorot 초기화 20층: tanh의 도함수 최댓값은 1이라 시그모이드와 달리 "
        "기울기가 입력 쪽까지 전해집니다.",
    },
    # 학습률이 너무 커서 기울기와 가중치가 스텝마다 커지다가 발산합니다.
    "exploding": {
        "depth": 12,
        "width": 32,
        "activation": "relu",
        "initializer": "he_normal",
        "learning_rate": 1.0,
        "steps": 60,
        "clip": False,
        "설명": "학습률 1.0은 이 신경망에 너무 큽니다: 스텝마다 기울기가 커지다가(기울기 폭발) "
        "몇 스텝 만에 손실이 inf가 됩니다.",
    },
    # 같은 설정에 기울기 클리핑만 켭니다.
    "exploding_clipped": {
        "depth": 12,
        "width": 32,
        "activation": "relu",
        "initializer": "he_normal",
        "learning_rate": 1.0,
        "steps": 60,
        "clip": True,
        "설명": "exploding과 같은 설정에 기울기 클리핑(전체 노름 ≤ 1)만 켰습니다: 한 스텝의 "
        "갱신이 η × 1 이하로 묶여 발산하지 않고 손실이 내려갑니다.",
    },
    # 얕은 신경망에서는 시그모이드도 잘 학습합니다.
    "shallow_sigmoid": {
        "depth": 3,
        "width": 32,
        "activation": "sigmoid",
        "initializer": "glorot_uniform",
        "learning_rate": 1.0,
        "steps": 100,
        "clip": False,
        "설명": "은닉층이 3개뿐이면 시그모이드도 기울기가 입력 쪽까지 전해져 손실이 내려갑니다.",
    },
}

# 도함수 그림에 쓰는 z의 범위
Z_RANGE = (-6.0, 6.0)


# ---------------------------------------------------------------------------
# 결과
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class VanishingResult:
    """run()의 결과: 숫자만 담습니다.

    grad_norms_first, grad_norms_last: 층마다 ‖∂L/∂W‖_F, 모양 (depth + 1,).
        [0]이 입력 쪽 첫 층, [-1]이 출력층입니다. first는 첫 스텝(스텝 0),
        last는 기록된 마지막 스텝(last_step)의 값입니다.
    losses: 스텝마다의 손실 (발산하면 발산 직전까지).
    global_norms: 스텝마다 모든 기울기를 한 벡터로 본 노름 ‖g‖ (클리핑 전의 값).
    clipped_steps: 기울기 클리핑이 실제로 기울기를 줄인 스텝 수 (‖g‖ > CLIP_NORM; 꺼져 있으면 0).
    accuracy: 마지막 스텝의 훈련 정확도 (발산하면 NaN).
    ratio: 첫 스텝에서 grad_norms_first[0] / grad_norms_first[-1].
    kind: "vanishing", "exploding", "diverged", "shrinking", "growing", "healthy" 중 하나.
    message: kind를 설명하는 한국어 문장 (그림 아래에 보입니다).
    """

    depth: int
    width: int
    activation: str
    initializer: str
    learning_rate: float
    steps: int
    clip: bool
    grad_norms_first: np.ndarray
    grad_norms_last: np.ndarray
    last_step: int
    losses: np.ndarray
    global_norms: np.ndarray
    clipped_steps: int
    accuracy: float
    ratio: float
    diverged: bool
    diverged_at_step: int | None
    kind: str
    message: str

    @property
    def n_dense_layers(self) -> int:
        """가중치가 있는 층의 수 (은닉층 depth개 + 출력층 1개)."""
        return self.depth + 1


# ---------------------------------------------------------------------------
# 입력 검사
# ---------------------------------------------------------------------------


def _checked(depth, width, activation, initializer, learning_rate, steps, clip, seed) -> dict:
    """run()의 인자를 모두 검사하고 정리한 값을 돌려줍니다 (계산 전에)."""
    clip = check_flag(clip, "clip(기울기 클리핑)")
    return {
        "depth": check_int_range(depth, "depth(은닉층 수)", 1, MAX_DEPTH),
        "width": check_int_range(width, "width(층마다 유닛 수)", 1, MAX_WIDTH),
        "activation": choose(activation, ACTIVATIONS, "활성화 함수"),
        "initializer": choose(initializer, INITIALIZERS, "초기화 방법"),
        "learning_rate": check_positive(learning_rate, "learning_rate(학습률)"),
        "steps": check_int_range(steps, "steps(스텝 수)", 1, MAX_STEPS),
        "clip": clip,
        "seed": check_seed(seed, allow_generator=True),
    }


# ---------------------------------------------------------------------------
# 계산
# ---------------------------------------------------------------------------


def get_initializer(name: str):
    """탐색기의 초기화 이름으로 dl.init 함수 f(shape, rng)를 돌려줍니다.

    예: get_initializer("random_normal_large")는 표준편차 1인 정규분포 N(0, 1²)입니다.
    """
    return table_initializer(INITIALIZERS, name)


def make_data(seed=0) -> tuple[np.ndarray, np.ndarray]:
    """반달 데이터 200개를 만들고 특성마다 (x − 평균) / 표준편차로 정규화합니다.

    돌려주는 X의 모양은 (200, 2), y는 0 또는 1인 정수 레이블 (200,)입니다.
    """
    X, y = datasets.moons(N_SAMPLES, noise=NOISE, seed=seed)
    return (X - X.mean(axis=0)) / X.std(axis=0), y


def make_network(depth: int, width: int, activation: str, initializer_name: str, seed=0):
    """입력 2 → 은닉층 depth개 (유닛 width개) → 출력 2 인 다층 퍼셉트론 (편향은 0)."""
    sizes = [2] + [width] * depth + [2]
    return nn.mlp(sizes, activation=activation, init=get_initializer(initializer_name), seed=seed)


class _GradientMonitor(train.GradientNorms):
    """층별 ‖∂L/∂W‖와 함께, 모든 기울기(가중치와 편향)를 한 벡터 g로 본 전체 노름 ‖g‖도
    스텝마다 기록합니다. 옵티마이저가 자르기 전의 값이라 클리핑이 일어난 스텝을 셀 수 있습니다.
    """

    def __init__(self):
        super().__init__(every=1)
        self.global_norms: list[float] = []

    def record(self, step: int) -> None:
        super().record(step)
        squared = sum(np.vdot(d.dW, d.dW) + np.vdot(d.db, d.db) for d in self.dense_layers)
        self.global_norms.append(float(np.sqrt(squared)))


def run(
    depth: int = DEFAULTS["depth"],
    width: int = DEFAULTS["width"],
    activation: str = DEFAULTS["activation"],
    initializer: str = DEFAULTS["initializer"],
    learning_rate: float = DEFAULTS["learning_rate"],
    steps: int = DEFAULTS["steps"],
    clip: bool = DEFAULTS["clip"],
    seed=0,
) -> VanishingResult:
    """신경망을 steps 스텝 훈련하고 층별 기울기 노름, 손실, 진단을 돌려줍니다.

    depth: 은닉층 수 (1~60).  width: 층마다 유닛 수 (1~256).
    activation: ACTIVATIONS의 이름.  initializer: INITIALIZERS의 이름.
    learning_rate: 학습률 η (> 0).  steps: 스텝 수 (1~2000, 전체 배치라 스텝 = 에폭).
    clip: True면 기울기 클리핑 (전체 노름 ≤ CLIP_NORM).  seed: 데이터와 가중치의 시드.

    발산해도 예외를 내지 않습니다: diverged=True와 "발산했습니다"로 시작하는 message를
    돌려줍니다. 수치 경고(RuntimeWarning)도 밖으로 내보내지 않습니다.
    """
    settings = _checked(depth, width, activation, initializer, learning_rate, steps, clip, seed)
    X, y = make_data(settings["seed"])
    net = make_network(
        settings["depth"],
        settings["width"],
        settings["activation"],
        settings["initializer"],
        settings["seed"],
    )
    optimizer = optim.SGD(
        learning_rate=settings["learning_rate"],
        global_clipnorm=CLIP_NORM if settings["clip"] else None,
    )
    monitor = _GradientMonitor()
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", train.DivergenceWarning)
        history = train.fit(
            net,
            X,
            y,
            loss="cross_entropy",
            optimizer=optimizer,
            epochs=settings["steps"],
            shuffle=False,
            monitors=[monitor],
        )
        return _result(settings, history, monitor)


def _result(settings: dict, history, monitor) -> VanishingResult:
    count = settings["depth"] + 1
    norms = monitor.values
    if len(norms) == 0:  # 첫 스텝의 손실부터 inf/NaN이었던 경우
        norms = np.full((1, count), np.nan)
    first, last = norms[0].copy(), norms[-1].copy()
    ratio = float(first[0] / first[-1]) if first[-1] != 0 else math.inf
    if first[0] == 0 and first[-1] == 0:
        ratio = 0.0
    losses = np.asarray(history.step_loss, dtype=float)
    global_norms = np.asarray(monitor.global_norms, dtype=float)
    clipped = int(np.count_nonzero(global_norms > CLIP_NORM)) if settings["clip"] else 0
    accuracy = (
        float(history.accuracy[-1]) if history.accuracy and not history.diverged else math.nan
    )
    kind, message = _diagnose(settings, first, ratio, history)
    for array in (first, last, losses, global_norms):
        array.setflags(write=False)
    return VanishingResult(
        depth=settings["depth"],
        width=settings["width"],
        activation=settings["activation"],
        initializer=settings["initializer"],
        learning_rate=settings["learning_rate"],
        steps=settings["steps"],
        clip=settings["clip"],
        grad_norms_first=first,
        grad_norms_last=last,
        last_step=int(monitor.steps[-1]) if monitor.steps else 0,
        losses=losses,
        global_norms=global_norms,
        clipped_steps=clipped,
        accuracy=accuracy,
        ratio=ratio,
        diverged=bool(history.diverged),
        diverged_at_step=history.diverged_at_step,
        kind=kind,
        message=message,
    )


def _sci(value: float) -> str:
    """유효숫자 하나의 과학 표기: 2.4e-08 → "2e-8", 6600 → "7e3"."""
    if not math.isfinite(value):
        return "inf" if value > 0 else str(value)
    mantissa, exponent = f"{value:.0e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def _diagnose(settings: dict, first: np.ndarray, ratio: float, history) -> tuple[str, str]:
    """첫 스텝의 기울기 노름과 훈련 결과로 진단 (종류, 한국어 문장)을 정합니다."""
    if history.diverged:
        step = history.diverged_at_step
        return "diverged", (
            f"발산했습니다: 스텝 {step}에서 손실이나 가중치가 inf 또는 NaN이 되었습니다.\n"
            "기울기가 스텝마다 커져(기울기 폭발) 가중치가 무한대로 갔습니다. "
            "학습률을 낮추거나 기울기 클리핑을 켜 보세요."
        )
    finite = first[np.isfinite(first)]
    largest = float(finite.max()) if finite.size else math.inf
    clip_note = (
        " 기울기 클리핑이 한 스텝의 갱신 크기를 η × 1 이하로 묶어 발산하지는 않습니다."
        if settings["clip"]
        else " 가중치 초깃값을 줄이거나 기울기 클리핑을 켜 보세요."
    )
    if ratio > EXPLODING_RATIO:
        return "exploding", (
            f"기울기 폭발: 첫 층의 기울기가 마지막 층의 {_sci(ratio)}배입니다 (첫 스텝).\n"
            "입력 쪽으로 갈수록 기울기가 커집니다." + clip_note
        )
    if largest > EXPLODING_NORM or finite.size < first.size:
        return "exploding", (
            f"기울기 폭발: 첫 스텝의 기울기 노름이 {_sci(largest)}까지 커졌습니다.\n"
            "가중치 초깃값이 너무 커서 층마다 값이 불어납니다." + clip_note
        )
    if ratio < VANISHING_RATIO:
        if first[-1] == 0:
            detail = "모든 층의 기울기가 0입니다"
        else:
            detail = f"첫 층의 기울기가 마지막 층의 {_sci(ratio)}배입니다 (첫 스텝)"
        return "vanishing", (
            f"기울기 소실: {detail}.\n"
            "입력 쪽 층은 거의 갱신되지 않습니다. ReLU 계열 활성화 함수나 He 초기화로 바꿔 보세요."
        )
    if ratio < SHRINKING_RATIO:
        return "shrinking", (
            f"첫 층의 기울기가 마지막 층의 {_sci(ratio)}배로 줄었습니다 (첫 스텝).\n"
            "층을 더 쌓으면 기울기 소실이 됩니다."
        )
    if ratio > GROWING_RATIO:
        return "growing", (
            f"첫 층의 기울기가 마지막 층의 {ratio:.0f}배입니다 (첫 스텝).\n"
            "입력 쪽으로 갈수록 기울기가 커집니다. 층을 더 쌓으면 기울기 폭발이 됩니다."
        )
    return "healthy", (
        f"첫 층과 마지막 층의 기울기 노름 비는 {ratio:.2g}입니다 (첫 스텝).\n"
        "기울기가 입력 쪽 층까지 고르게 전해집니다."
    )


def sigmoid_bound(n: int) -> float:
    """시그모이드 층 n개를 지난 기울기에 곱해지는 도함수의 곱의 상한 (1/4)ⁿ.

    시그모이드의 도함수 f′(z) = f(z)(1 − f(z))는 z = 0에서 최댓값 1/4이므로
    f′(z₁) f′(z₂) ⋯ f′(zₙ) ≤ (1/4)ⁿ = 1 / 2²ⁿ 입니다. 예: sigmoid_bound(10) = 1/2²⁰.
    """
    n = check_positive_int(n, "n(층 수)", minimum=0)
    return 0.25**n


# ---------------------------------------------------------------------------
# 활성화 함수의 도함수
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DerivativeCurves:
    """활성화 함수마다 z 격자 위의 도함수 f′(z)와 그 최댓값.

    names: 활성화 함수 이름들.  z: 격자 (점 개수,).
    derivatives: (함수 개수, 점 개수).  maxima: 격자 위 최댓값 (함수 개수,).
    argmax_z: 최댓값을 내는 z. 최댓값이 구간 전체에서 나오면(ReLU의 z > 0) 그 구간의 가운데.
    """

    names: tuple[str, ...]
    z: np.ndarray
    derivatives: np.ndarray
    maxima: np.ndarray
    argmax_z: np.ndarray


def derivative_curves(names=tuple(ACTIVATIONS), points: int = 601) -> DerivativeCurves:
    """각 활성화 함수의 도함수를 z ∈ [−6, 6]에서 계산합니다 (dl.nn.get_activation(이름).derivative).

    points개의 고른 격자(기본 601개, 간격 0.02, z = 0 포함) 위에서 최댓값과 그 위치를 찾습니다.
    """
    names = tuple(choose(name, ACTIVATIONS, "활성화 함수") for name in names)
    points = check_positive_int(points, "points(격자 점 개수)", minimum=3)
    z = np.linspace(*Z_RANGE, points)
    derivatives = np.array([nn.get_activation(name).derivative(z) for name in names], dtype=float)
    maxima = derivatives.max(axis=1)
    argmax_z = np.empty(len(names))
    for i, (curve, top) in enumerate(zip(derivatives, maxima, strict=True)):
        at_top = z[curve >= top - 1e-12]
        argmax_z[i] = 0.5 * (at_top.min() + at_top.max())
    for array in (z, derivatives, maxima, argmax_z):
        array.setflags(write=False)
    return DerivativeCurves(names, z, derivatives, maxima, argmax_z)


def _maximum_label(name: str, top: float, at_end: bool) -> str:
    """도함수의 최댓값 글. 격자 끝에서도 아직 커지고 있으면 z → ∞에서 다가가는 값을 적습니다."""
    if at_end:
        far = float(nn.get_activation(name).derivative(np.array([100.0]))[0])
        if far > top:
            # 화살표와 ∞는 수식(mathtext)으로 씁니다 (나눔고딕의 화살표는 아주 작게 보입니다).
            return f"최댓값 $\\to$ {far:.3g} ($z \\to \\infty$)"
    return f"최댓값 {top:.3g}"


def derivative_plot(curves: DerivativeCurves | None = None, fig=None):
    """활성화 함수마다 도함수 f′(z)를 작은 그림으로 그리고 최댓값을 표시합니다.

    최댓값 글은 점 위에 적습니다 (뾰족한 봉우리를 가리지 않게). 최댓값이 격자의 오른쪽 끝에서
    나오고 z가 더 커지면 도함수도 더 커지는 함수(소프트플러스: f′ = 시그모이드)는 격자 위의
    최댓값 대신 z → ∞에서 다가가는 값(z = 100에서 잰 값)을 "최댓값 → 1 (z → ∞)"처럼 적습니다.
    마지막 칸에는 시그모이드 층 n개의 상한 (1/4)ⁿ을 로그 축으로 그립니다.
    돌려주는 것은 matplotlib Figure입니다.
    """
    from matplotlib.ticker import LogLocator

    from .. import viz

    curves = derivative_curves() if curves is None else curves
    check_result(curves, DerivativeCurves, "derivative_curves()", name="curves")
    columns = 4
    rows = math.ceil((len(curves.names) + 1) / columns)
    if fig is None:
        fig, _ = viz.new_figure(rows, columns, figsize=(11.0, 2.6 * rows))
    else:
        fig.clear()
        fig.subplots(rows, columns)
    axes = list(fig.axes)
    for ax, name, curve, top, where in zip(
        axes, curves.names, curves.derivatives, curves.maxima, curves.argmax_z, strict=False
    ):
        viz.prepare_axes(ax)
        ax.plot(curves.z, curve, color=viz.BLUE, lw=2)
        ax.axhline(top, color=viz.GREY, lw=1, ls="--")
        ax.plot([where], [top], ls="none", marker="o", ms=7, color=viz.VERMILLION, mec="white")
        at_end = where >= curves.z[-1]
        ax.annotate(
            _maximum_label(name, top, at_end),
            xy=(where, top),
            xytext=(-2 if at_end else 0, 6),
            textcoords="offset points",
            ha="right" if at_end else "center",
            va="bottom",
            fontsize=9,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"},
        )
        ax.set_title(f"{ACTIVATIONS[name]} ({name})", fontsize=10)
        ax.set_xlim(*Z_RANGE)
        ax.set_ylim(-0.08, 1.32)
        ax.set_xlabel("$z$")
    for ax in axes[::columns]:
        ax.set_ylabel("$f'(z)$")
    bound_ax = axes[len(curves.names)]
    viz.prepare_axes(bound_ax)
    layers = np.arange(1, 21)
    bound_ax.semilogy(layers, 0.25**layers, color=viz.VERMILLION, marker="o", ms=3)
    bound_ax.yaxis.set_minor_locator(LogLocator(subs=()))
    ten = sigmoid_bound(10)
    bound_ax.annotate(
        f"n = 10: {ten:.2g}",
        xy=(10, ten),
        xytext=(6, 6),
        textcoords="offset points",
        fontsize=9,
    )
    bound_ax.set_title("시그모이드 n층의 상한 $(1/4)^n$", fontsize=10)
    bound_ax.set_xlabel("층 수 $n$")
    for ax in axes[len(curves.names) + 1 :]:
        ax.set_visible(False)
    fig.suptitle("활성화 함수의 도함수와 최댓값", fontsize=12)
    return fig


# ---------------------------------------------------------------------------
# 그림
# ---------------------------------------------------------------------------

_FIGSIZE = (11.0, 4.3)
_MESSAGE_HEIGHT = 0.16  # 그림 아래 진단 문장 칸의 높이 (그림 높이의 비율)
_MESSAGE_KIND = {
    "diverged": "error",
    "exploding": "warning",
    "vanishing": "warning",
    "shrinking": "info",
    "growing": "info",
    "healthy": "info",
}


class _VanishingView:
    """그림 한 장: 왼쪽 층별 기울기 노름 막대, 오른쪽 손실 곡선, 아래 진단 문장.

    처음 update에서 artist를 만들고, 그 뒤로는 값만 바꿉니다. 그리기 시간의 대부분은
    눈금 글자이므로 눈금 수를 줄여 두었습니다. show_settings=True면 설정을 그림 제목에
    적습니다 (정적 그림용; 탐색기에서는 위젯이 설정을 보여 줍니다).
    """

    def __init__(self, fig=None, *, show_settings: bool = True):
        from .. import viz
        from ..viz.plots import decade_limits

        self.viz = viz
        self.decade_limits = decade_limits
        self.show_settings = show_settings
        if fig is None:
            fig, (ax_bars, ax_loss) = viz.new_figure(1, 2, figsize=_FIGSIZE)
        else:
            fig.clear()
            fig.set_layout_engine("constrained")
            ax_bars, ax_loss = fig.subplots(1, 2)
        fig.get_layout_engine().set(rect=(0.0, _MESSAGE_HEIGHT, 1.0, 1.0 - _MESSAGE_HEIGHT))
        self.fig = fig
        self.ax_bars = ax_bars
        self.ax_loss = ax_loss
        self.ax_message = fig.add_axes((0.01, 0.0, 0.98, _MESSAGE_HEIGHT))
        self.ax_message.set_axis_off()
        self.bars = None
        self.tick_count = 0

    def _build(self, result: VanishingResult) -> None:
        from matplotlib.patches import Patch
        from matplotlib.ticker import LogLocator, MaxNLocator

        viz = self.viz
        self.bars = viz.layer_bars(self.ax_bars, result.grad_norms_last, color=viz.BLUE)
        self.ax_bars.yaxis.set_major_locator(LogLocator(numticks=6))
        (self.first_line,) = self.ax_bars.plot(
            [], [], ls="--", lw=1.2, marker="o", ms=4, color=viz.ORANGE, zorder=3
        )
        # 범례는 축 위 오른쪽에 둡니다: 막대가 어느 층에서 높아져도 가리지 않습니다.
        self.legend = self.ax_bars.legend(
            handles=[Patch(facecolor=viz.BLUE), self.first_line],
            labels=["마지막 스텝", "첫 스텝"],
            loc="lower right",
            bbox_to_anchor=(1.0, 1.0),
            ncols=2,
            fontsize=8,
            frameon=False,
            borderaxespad=0.2,
        )
        self.ax_bars.set_title(
            r"층별 기울기 노름 $\|\partial L / \partial W\|$", loc="left", fontsize=11
        )
        self.curve = viz.loss_curve(self.ax_loss, color=viz.BLUE)
        self.ax_loss.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        self.ax_loss.yaxis.set_major_locator(MaxNLocator(nbins=4))

    def _set_layer_ticks(self, count: int) -> None:
        """층 번호는 8개 남짓만 적고, 마지막(출력층) 번호는 늘 적습니다."""
        ticks = list(range(1, count + 1, max(1, math.ceil(count / 8))))
        if ticks[-1] != count:
            if count - ticks[-1] < 2 and len(ticks) > 1:
                ticks.pop()
            ticks.append(count)
        self.ax_bars.set_xticks(ticks, [str(i) for i in ticks])
        self.ax_bars.set_xlabel(f"층 (1 = 입력 쪽, {count} = 출력층)")
        self.tick_count = count

    def update(self, result: VanishingResult) -> None:
        if self.bars is None:
            self._build(result)
        first, last = result.grad_norms_first, result.grad_norms_last
        count = len(first)
        # 첫 스텝(점)과 마지막 스텝(막대)을 같은 축에 그리므로 둘을 모두 담는 범위로 고정합니다.
        limits = self.decade_limits(first, last) or (1e-3, 1.0)
        self.bars.update(last, ylim=limits)
        if count != self.tick_count:
            self._set_layer_ticks(count)
        shown = np.where(np.isfinite(first) & (first > 0), first, np.nan)
        self.first_line.set_data(np.arange(1, count + 1), shown)
        self.legend.get_texts()[0].set_text(f"마지막 스텝 ({result.last_step})")
        self.legend.get_texts()[1].set_text("첫 스텝 (0)")
        self.curve.update(result.losses if len(result.losses) else np.array([np.nan]))
        notes = [] if math.isnan(result.accuracy) else [f"훈련 정확도 {result.accuracy:.2f}"]
        if result.clip:
            notes.append(f"클리핑한 스텝 {result.clipped_steps}/{len(result.global_norms)}")
        self.ax_loss.set_title(
            "손실 곡선" + (f" ({', '.join(notes)})" if notes else ""), fontsize=11
        )
        if self.show_settings:
            self.fig.suptitle(_settings_title(result), fontsize=11)
        self.viz.show_message(self.ax_message, result.message, kind=_MESSAGE_KIND[result.kind])


def _settings_title(result: VanishingResult) -> str:
    clip = ", 기울기 클리핑" if result.clip else ""
    return (
        f"{ACTIVATIONS[result.activation]}, {INITIALIZERS[result.initializer][0]}, "
        f"은닉층 {result.depth}개 × 유닛 {result.width}개, 학습률 η = {result.learning_rate:.3g}{clip}"
    )


def plot(result: VanishingResult, fig=None):
    """run()의 결과를 그림으로 그립니다: 층별 기울기 노름, 손실 곡선, 진단 문장.

    fig를 주면 그 그림을 비우고 다시 그립니다. matplotlib Figure를 돌려줍니다.
    """
    check_result(result, VanishingResult, "vanishing.run()")
    view = _VanishingView(fig)
    view.update(result)
    return view.fig


# ---------------------------------------------------------------------------
# 탐색기
# ---------------------------------------------------------------------------


def _settings(preset: str | None, overrides: dict) -> dict:
    """DEFAULTS ← 프리셋 ← overrides (seed도 줄 수 있음)를 합치고 run()과 같은 검사를 합니다."""
    values = merge_settings(DEFAULTS, PRESETS, preset, overrides, extra=("seed",))
    values.setdefault("seed", 0)
    checked = _checked(**values)
    checked["seed"] = values["seed"]
    return checked


def explorer(preset: str | None = None, **overrides):
    """슬라이더와 그림을 묶은 탐색기 (dlcourse.viz.LiveFigure)를 돌려줍니다.

    preset: PRESETS의 이름 (없으면 DEFAULTS). overrides: 처음 값 바꾸기
    (예: explorer(depth=30)). 노트북 칸의 마지막 줄에 두면 위젯과 그림이 나옵니다.
    """
    from .. import viz

    values = _settings(preset, overrides)
    seed = values.pop("seed")
    controls = {
        "depth": viz.int_slider("은닉층 수", 1, 40, values["depth"]),
        "width": viz.int_slider("층마다 유닛 수", 4, 64, values["width"], step=4),
        "activation": viz.dropdown(
            "활성화 함수",
            {f"{korean} ({name})": name for name, korean in ACTIVATIONS.items()},
            values["activation"],
        ),
        "initializer": viz.dropdown(
            "초기화 방법",
            {f"{label} ({name})": name for name, (label, _, _) in INITIALIZERS.items()},
            values["initializer"],
        ),
        "learning_rate": viz.log_slider("학습률 η", 1e-3, 3.0, values["learning_rate"]),
        "steps": viz.int_slider("스텝 수", 10, 300, values["steps"], step=10),
        "clip": viz.toggle(
            f"기울기 클리핑 (전체 노름 ≤ {CLIP_NORM:g})",
            values["clip"],
            tooltip="gradient clipping, global_clipnorm",
        ),
    }
    view = _VanishingView(show_settings=False)

    def update(**chosen):
        view.update(run(**chosen, seed=seed))

    live = viz.LiveFigure(view.fig, update, controls)
    add_preset_note(live, PRESETS, preset)
    return live
