"""가중치 초기화 (L09) 탐색기: 층마다 활성화 값의 분포.

깊은 신경망(은닉층 n_layers개, 층마다 유닛 units개)에 표준정규분포에서 뽑은 입력을
넣고 순전파만 합니다 (훈련은 하지 않습니다). 층마다 활성화 값 h의 히스토그램을 나란히
그려, 초기화 방법과 활성화 함수의 짝에 따라 신호가 깊은 층까지 어떻게 전해지는지
보여 줍니다.

무엇을 보나요
-------------
층 k에서 z_k = h_(k-1) W_k, h_k = f(z_k)이고 가중치가 평균 0, 분산 σ²인 값으로 뽑혔다면
유닛 하나의 z는 fan_in개 항의 합이라

    Var(z_k) = fan_in · σ² · E[h_(k-1)²]

입니다. 그래서 σ²가 1/fan_in보다 훨씬 작으면 층마다 값이 줄어 0(시그모이드는 0.5)
근처로 모이고, 훨씬 크면 z가 커져 시그모이드는 0과 1, tanh는 −1과 1에 붙습니다
(포화, 이곳에서 도함수는 0에 가깝습니다). ReLU는 음수 절반을 0으로 만들어
E[h²] = Var(z) / 2이므로 분산을 유지하려면 σ² = 2 / fan_in (He 초기화)이 필요합니다.
Glorot 초기화(σ² = 2 / (fan_in + fan_out), 여기서는 1 / fan_in)를 ReLU에 쓰면 층마다
표준편차가 약 1/√2배로 줄어듭니다.

- Glorot 균등: U(−l, l), l = √(6 / (fan_in + fan_out)),  Glorot 정규: σ = √(2 / (fan_in + fan_out))
- He 균등: l = √(6 / fan_in),  He 정규: σ = √(2 / fan_in),  LeCun 정규: σ = √(1 / fan_in)
- 정규분포 σ = 0.01 (작은 값), σ = 1 (큰 값), 그리고 0 (모든 가중치가 0)

가중치가 모두 같으면(예: 0) 한 층의 유닛이 모두 같은 입력을 받아 같은 값을 내고,
역전파에서도 같은 기울기를 받아 똑같이 갱신됩니다. 대칭이 깨지지 않아 유닛 여러 개가
하나처럼 움직입니다. ``symmetry_demo()``가 이것을 훈련까지 해서 보여 줍니다.

쓰는 법
-------
    from dlcourse.labs import init
    init.explorer()                         # 슬라이더와 히스토그램
    init.explorer(preset="relu_he")         # 강사용 설정 (PRESETS)
    result = init.run(initializer="he_normal", activation="relu")
    result.stds                              # 층마다 활성화 값의 표준편차
    init.plot(result)
    init.symmetry_demo()                     # 0으로 초기화하면 유닛이 모두 같습니다

프리셋: sigmoid_small, sigmoid_large, tanh_glorot, relu_glorot, relu_he, zeros.

잰 갱신 시간
------------
기본값(tanh, 정규분포 σ=1, 10층 × 유닛 100개, 샘플 500개)에서 위젯 하나를 바꿀 때의 커널 쪽
시간입니다: run + 다시 그리기 + PNG 만들기, LiveFigure.set_values로 초기화 방법을 번갈아
바꾼 12번의 중앙값. 코어 두 개를 다른 작업과 나눠 쓰는(부하 평균 2.2~3) 기계에서 잰
값은 벽시계 65~257 ms였습니다. OPENBLAS_NUM_THREADS=1이면 CPU 시간이 78~99 ms(run 10~35 ms)로
고르고, OpenBLAS가 (500 × 100) @ (100 × 100) 곱셈을 스레드 두 개로 나누면 코어가 비어 있을 때는
벽시계 65~72 ms로 빠르지만 다른 작업과 코어를 다투면 run이 85 ms, 갱신이 250 ms 안팎까지
늘었습니다. 그리기 시간을 줄이려고 눈금 글자는 첫 칸에만 적습니다.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np

from .. import data as datasets
from .. import nn, optim, train
from .._validate import as_generator, check_int_range, check_positive
from ._common import (
    add_preset_note,
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
    "VALUE_RANGES",
    "InitResult",
    "SymmetryResult",
    "run",
    "plot",
    "explorer",
    "get_initializer",
    "make_network",
    "symmetry_demo",
    "count_distinct_units",
]

# 활성화 함수: 엔진 이름 → 한국어 이름
ACTIVATIONS = {
    "sigmoid": "시그모이드",
    "tanh": "하이퍼볼릭 탄젠트",
    "relu": "ReLU",
    "leaky_relu": "Leaky ReLU",
}

# 초기화 방법: 이 탐색기의 이름 → (한국어 이름, dl.init 이름, dl.init 인자)
INITIALIZERS = {
    "zeros": ("모두 0", "zeros", {}),
    "random_normal_small": ("정규분포 σ=0.01 (작은 값)", "random_normal", {"stddev": 0.01}),
    "random_normal_large": ("정규분포 σ=1 (큰 값)", "random_normal", {"stddev": 1.0}),
    "glorot_uniform": ("Glorot 균등", "glorot_uniform", {}),
    "glorot_normal": ("Glorot 정규", "glorot_normal", {}),
    "he_uniform": ("He 균등", "he_uniform", {}),
    "he_normal": ("He 정규", "he_normal", {}),
    "lecun_normal": ("LeCun 정규", "lecun_normal", {}),
}

# symmetry_demo에서만 쓰는 초기화: 위 표에 '모든 가중치가 0.5'를 더합니다.
SYMMETRY_INITIALIZERS = {**INITIALIZERS, "constant": ("모두 0.5", "constant", {"value": 0.5})}

# 히스토그램의 가로축 범위. 범위 밖 값은 양 끝 칸에 모입니다 (폭발한 값이 오른쪽 끝에 보입니다).
VALUE_RANGES = {
    "sigmoid": (0.0, 1.0),
    "tanh": (-1.0, 1.0),
    "relu": (0.0, 4.0),
    "leaky_relu": (-0.25, 4.0),
}

# 히스토그램 가로축의 눈금
_TICKS = {
    "sigmoid": (0.0, 0.5, 1.0),
    "tanh": (-1.0, 0.0, 1.0),
    "relu": (0.0, 2.0, 4.0),
    "leaky_relu": (0.0, 2.0, 4.0),
}

N_SAMPLES = 500  # 입력 샘플 수
HIST_SAMPLES = 4000  # 층마다 히스토그램에 쓰는 값의 개수 (표준편차는 모든 값으로 계산)
BINS = 30
MAX_LAYERS = 20
MAX_UNITS = 500
MAX_SAMPLES = 5000

# 진단 기준
SATURATION_MARGIN = 0.01  # 점근선(0, 1 또는 ±1)에서 이만큼 안쪽이면 포화로 셉니다.
SATURATED_FRACTION = 1 / 3  # 마지막 층에서 이 비율 넘게 포화면 "포화"
COLLAPSED_STD = 1e-3  # 마지막 층 표준편차가 이보다 작으면 "한곳으로 모임"
SMALL_FIRST_STD = 0.05  # 첫 층부터 표준편차가 이보다 작아도 "한곳으로 모임"
SHRINK_FACTOR = 0.8  # 층마다의 표준편차 비가 이보다 작으면 "줄어듦"
GROW_FACTOR = 1.25  # 층마다의 표준편차 비가 이보다 크면 "폭발"

DEFAULTS = {
    "initializer": "random_normal_large",
    "activation": "tanh",
    "n_layers": 10,
    "units": 100,
}

PRESETS = {
    # 작은 가중치: 시그모이드의 출력이 모두 0.5 근처로 모입니다.
    "sigmoid_small": {
        "initializer": "random_normal_small",
        "activation": "sigmoid",
        "n_layers": 10,
        "units": 100,
        "설명": "σ=0.01인 작은 가중치와 시그모이드: z가 거의 0이라 모든 층의 값이 0.5 근처 "
        "한곳에 모입니다.",
    },
    # 큰 가중치: 시그모이드가 0과 1에 붙습니다.
    "sigmoid_large": {
        "initializer": "random_normal_large",
        "activation": "sigmoid",
        "n_layers": 10,
        "units": 100,
        "설명": "σ=1인 큰 가중치와 시그모이드: z가 커서 값이 0과 1 양 끝에 붙습니다 (포화).",
    },
    # tanh에 맞춘 Glorot 초기화: 깊은 층까지 고르게 퍼집니다.
    "tanh_glorot": {
        "initializer": "glorot_uniform",
        "activation": "tanh",
        "n_layers": 10,
        "units": 100,
        "설명": "tanh와 Glorot 초기화: 10층까지 값이 −1과 1 사이에 고르게 퍼져 있습니다.",
    },
    # ReLU에 Glorot: 층마다 표준편차가 약 1/√2배로 줄어듭니다.
    "relu_glorot": {
        "initializer": "glorot_uniform",
        "activation": "relu",
        "n_layers": 10,
        "units": 100,
        "설명": "ReLU와 Glorot 초기화: ReLU가 음수를 0으로 만들어 층마다 표준편차가 약 "
        "1/√2배로 줄어듭니다.",
    },
    # ReLU에 He: 분산 2/fan_in이 잘린 절반을 메워 표준편차가 유지됩니다.
    "relu_he": {
        "initializer": "he_normal",
        "activation": "relu",
        "n_layers": 10,
        "units": 100,
        "설명": "ReLU와 He 초기화: 분산 2/fan_in이 ReLU가 버린 절반을 메워 10층까지 "
        "표준편차가 거의 그대로입니다.",
    },
    # 모든 가중치가 0: 유닛이 모두 같은 값을 냅니다.
    "zeros": {
        "initializer": "zeros",
        "activation": "sigmoid",
        "n_layers": 10,
        "units": 100,
        "설명": "모든 가중치가 0: 한 층의 유닛이 모두 같은 값(시그모이드는 0.5)을 내고 "
        "역전파에서도 같은 기울기를 받습니다. symmetry_demo()로 확인해 보세요.",
    },
}


# ---------------------------------------------------------------------------
# 결과
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class InitResult:
    """run()의 결과: 층마다 활성화 값의 통계와 히스토그램용 표본.

    stds, means: 층마다 모든 활성화 값(샘플 × 유닛)의 표준편차와 평균, 모양 (n_layers,).
    saturation: 층마다 포화된 값의 비율 (시그모이드: h < 0.01 또는 h > 0.99,
        tanh: |h| > 0.99). ReLU 계열은 위쪽이 포화하지 않으므로 0입니다.
    identical_units: 층마다 모든 유닛이 모든 샘플에서 같은 값을 냈는지 (대칭).
    samples: 층마다 히스토그램에 쓸 값 (n_layers, 최대 HIST_SAMPLES개; 고르게 건너뛰며 뽑음).
    layer_factor: 층마다 표준편차가 평균 몇 배가 되는지 (stds[-1] / stds[0])^(1/(n_layers−1)).
    kind: "symmetric", "exploded", "saturated", "collapsed", "shrinking", "healthy" 중 하나.
    message: kind를 설명하는 한국어 문장.
    """

    initializer: str
    activation: str
    n_layers: int
    units: int
    n_samples: int
    stds: np.ndarray
    means: np.ndarray
    saturation: np.ndarray
    identical_units: np.ndarray
    samples: np.ndarray
    layer_factor: float
    value_range: tuple[float, float]
    kind: str
    message: str


@dataclass(frozen=True)
class SymmetryResult:
    """symmetry_demo()의 결과: 훈련한 뒤 층마다 서로 다른 유닛이 몇 개인지.

    distinct_activations: 은닉층마다 활성화 값(샘플마다의 값 전체)이 서로 다른 유닛 수.
    distinct_gradients: 은닉층마다 들어오는 가중치의 기울기(∂L/∂W의 열)가 서로 다른 유닛 수.
    gradient_norms: 은닉층마다 ‖∂L/∂W‖ (0이 아니어도 유닛끼리 같을 수 있습니다).
    """

    initializer: str
    activation: str
    units: int
    steps: int
    distinct_activations: np.ndarray
    distinct_gradients: np.ndarray
    gradient_norms: np.ndarray
    message: str


# ---------------------------------------------------------------------------
# 입력 검사
# ---------------------------------------------------------------------------


def _checked(initializer, activation, n_layers, units, n_samples, seed) -> dict:
    """run()의 인자를 모두 검사하고 정리한 값을 돌려줍니다 (계산 전에)."""
    return {
        "initializer": choose(initializer, INITIALIZERS, "초기화 방법"),
        "activation": choose(activation, ACTIVATIONS, "활성화 함수"),
        "n_layers": check_int_range(n_layers, "n_layers(층 수)", 1, MAX_LAYERS),
        "units": check_int_range(units, "units(층마다 유닛 수)", 2, MAX_UNITS),
        "n_samples": check_int_range(n_samples, "n_samples(샘플 수)", 10, MAX_SAMPLES),
        "seed": check_seed(seed, allow_generator=True),
    }


# ---------------------------------------------------------------------------
# 계산
# ---------------------------------------------------------------------------


def get_initializer(name: str):
    """탐색기의 초기화 이름으로 dl.init 함수 f(shape, rng)를 돌려줍니다."""
    return table_initializer(INITIALIZERS, name)


def make_network(n_layers: int, units: int, activation: str, initializer_name: str, rng):
    """[Dense(units → units), 활성화] 를 n_layers번 쌓은 신경망 (편향은 0)."""
    weights = get_initializer(initializer_name)
    layers = []
    for _ in range(n_layers):
        layers.append(nn.Dense(units, units, init=weights, rng=rng))
        layers.append(nn.get_activation(activation))
    return nn.Sequential(layers)


def _identical_units(values: np.ndarray) -> bool:
    """모든 유닛(열)이 모든 샘플(행)에서 첫 유닛과 같은 값인지 (반올림 오차 범위 안에서)."""
    scale = max(1.0, float(np.max(np.abs(values))))
    return bool(np.all(np.abs(values - values[:, :1]) <= 1e-12 * scale))


def _saturation(values: np.ndarray, activation: str) -> float:
    if activation == "sigmoid":
        return float(np.mean((values < SATURATION_MARGIN) | (values > 1 - SATURATION_MARGIN)))
    if activation == "tanh":
        return float(np.mean(np.abs(values) > 1 - SATURATION_MARGIN))
    return 0.0


def run(
    initializer: str = DEFAULTS["initializer"],
    activation: str = DEFAULTS["activation"],
    n_layers: int = DEFAULTS["n_layers"],
    units: int = DEFAULTS["units"],
    n_samples: int = N_SAMPLES,
    seed=0,
) -> InitResult:
    """입력 X ~ N(0, 1) (모양 (n_samples, units))을 신경망에 한 번 통과시켜 층별 분포를 잽니다.

    initializer: INITIALIZERS의 이름.  activation: ACTIVATIONS의 이름.
    n_layers: 은닉층 수 (1~20).  units: 층마다 유닛 수 (2~500; 입력 크기도 같습니다).
    n_samples: 샘플 수 (10~5000).  seed: 시드 (입력을 먼저 뽑고, 그다음 가중치를 뽑습니다).
    """
    settings = _checked(initializer, activation, n_layers, units, n_samples, seed)
    rng = as_generator(settings["seed"])
    X = rng.standard_normal((settings["n_samples"], settings["units"]))
    net = make_network(
        settings["n_layers"],
        settings["units"],
        settings["activation"],
        settings["initializer"],
        rng,
    )
    with np.errstate(all="ignore"):
        net.forward(X)
        outputs = [layer.output for layer in net.layers if isinstance(layer, nn.Activation)]
        stds = np.array([values.std() for values in outputs])
        means = np.array([values.mean() for values in outputs])
        saturation = np.array([_saturation(values, settings["activation"]) for values in outputs])
        identical = np.array([_identical_units(values) for values in outputs])
        stride = max(1, outputs[0].size // HIST_SAMPLES)
        samples = np.array([values.reshape(-1)[::stride][:HIST_SAMPLES] for values in outputs])
        factor = _layer_factor(stds)
    kind, message = _diagnose(settings["activation"], stds, saturation, identical, factor)
    for array in (stds, means, saturation, identical, samples):
        array.setflags(write=False)
    return InitResult(
        initializer=settings["initializer"],
        activation=settings["activation"],
        n_layers=settings["n_layers"],
        units=settings["units"],
        n_samples=settings["n_samples"],
        stds=stds,
        means=means,
        saturation=saturation,
        identical_units=identical,
        samples=samples,
        layer_factor=factor,
        value_range=VALUE_RANGES[settings["activation"]],
        kind=kind,
        message=message,
    )


def _layer_factor(stds: np.ndarray) -> float:
    """(마지막 층 표준편차 / 첫 층 표준편차)^(1 / (층 수 − 1)). 층이 하나거나 0이면 1."""
    if len(stds) < 2 or not stds[0] > 0:
        return 1.0
    return float((stds[-1] / stds[0]) ** (1.0 / (len(stds) - 1)))


def _sci(value: float) -> str:
    """유효숫자 둘: 0.000123 → "1.2e-4", 0.57 → "0.57"."""
    if not math.isfinite(value):
        return "inf"
    if value == 0 or 1e-3 <= abs(value) < 100:
        return f"{value:.2g}"
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def _diagnose(activation, stds, saturation, identical, factor) -> tuple[str, str]:
    """층별 통계로 진단 (종류, 한국어 문장)을 정합니다. 먼저 맞는 것 하나를 고릅니다."""
    first, last = float(stds[0]), float(stds[-1])
    spread = f"표준편차: 첫 층 {_sci(first)}, 마지막 층 {_sci(last)}"
    if identical.all():
        return "symmetric", (
            "대칭: 가중치가 모두 같아서 한 층의 유닛이 모두 같은 입력을 받고 같은 값을 냅니다.\n"
            "역전파에서도 같은 기울기를 받아 훈련해도 똑같이 움직입니다 (symmetry_demo() 참고)."
        )
    if not math.isfinite(last) or factor > GROW_FACTOR:
        return "exploded", (
            f"폭발: 층을 지날 때마다 표준편차가 약 {factor:.2g}배로 커집니다 ({spread}).\n"
            "가중치가 너무 큽니다. 범위 밖의 값은 히스토그램의 오른쪽 끝 칸에 모였습니다."
        )
    if saturation[-1] > SATURATED_FRACTION:
        ends = "0과 1" if activation == "sigmoid" else "−1과 1"
        return "saturated", (
            f"포화: 마지막 층 활성화 값의 {saturation[-1]:.0%}가 {ends} 근처에 붙었습니다.\n"
            "여기서는 도함수가 0에 가까워 기울기가 전해지지 않습니다. 가중치가 너무 큽니다."
        )
    if last < COLLAPSED_STD or first < SMALL_FIRST_STD:
        center = "0.5" if activation == "sigmoid" else "0"
        return "collapsed", (
            f"활성화 값이 모두 {center} 근처 한곳으로 모였습니다 ({spread}).\n"
            "가중치가 너무 작아 층을 지날 때마다 신호가 사라집니다."
        )
    if factor < SHRINK_FACTOR:
        hint = (
            "ReLU는 음수를 0으로 만들어 분산을 절반으로 줄이므로 He 초기화(분산 2/fan_in)를 써 보세요."
            if activation in ("relu", "leaky_relu")
            else "가중치의 분산을 조금 키워 보세요."
        )
        return "shrinking", (
            f"층을 지날 때마다 표준편차가 약 {factor:.2f}배로 줄어듭니다 ({spread}).\n" + hint
        )
    return "healthy", (
        f"고르게 퍼져 있습니다 ({spread}, 층마다 약 {factor:.2f}배).\n"
        "신호가 줄지도 커지지도 않고 깊은 층까지 전해집니다."
    )


def count_distinct_units(values, rtol: float = 1e-9) -> int:
    """행렬의 열(유닛) 가운데 서로 다른 것이 몇 개인지 셉니다.

    두 열의 차이가 모든 행에서 rtol × (행렬의 최대 절댓값) 이하이면 같은 유닛으로 봅니다
    (같은 계산도 열마다 반올림 오차가 조금 다를 수 있기 때문입니다).
    """
    values = np.asarray(values, dtype=float)
    if values.ndim != 2:
        raise ValueError(
            f"values는 (샘플 수, 유닛 수) 모양의 2차원 배열이어야 합니다 (받은 모양: {values.shape})."
        )
    tolerance = rtol * max(1.0, float(np.max(np.abs(values), initial=0.0)))
    representatives: list[np.ndarray] = []
    for column in values.T:
        if not any(np.all(np.abs(column - seen) <= tolerance) for seen in representatives):
            representatives.append(column)
    return len(representatives)


def symmetry_demo(
    initializer: str = "zeros",
    activation: str = "sigmoid",
    n_layers: int = 3,
    units: int = 8,
    steps: int = 20,
    learning_rate: float = 0.5,
    seed=0,
) -> SymmetryResult:
    """가중치를 initializer로 초기화한 신경망을 steps 스텝 훈련하고 유닛의 대칭을 셉니다.

    initializer: INITIALIZERS의 이름 또는 "constant" (모든 가중치 0.5).
    반달 데이터(점 100개)를 입력 2 → 은닉층 n_layers개 (유닛 units개) → 출력 2 신경망으로
    경사 하강법(전체 배치) 훈련한 뒤, 한 번 더 순전파와 역전파를 해서 은닉층마다
    활성화 값이 서로 다른 유닛 수와 기울기(∂L/∂W의 열)가 서로 다른 유닛 수를 셉니다.
    "zeros"나 "constant"면 둘 다 1입니다: 처음에 같던 유닛은 같은 기울기를 받아 계속
    같습니다. "zeros"에서는 은닉층의 기울기가 아예 0이고 (이 데이터의 두 클래스는 개수가
    같아서 출력층 기울기도 0), "constant"에서는 기울기가 0이 아니지만 유닛끼리 같습니다.
    다른 초기화(예: "glorot_uniform")와 비교해 보세요.
    """
    initializer = choose(initializer, SYMMETRY_INITIALIZERS, "초기화 방법")
    activation = choose(activation, ACTIVATIONS, "활성화 함수")
    n_layers = check_int_range(n_layers, "n_layers(층 수)", 1, MAX_LAYERS)
    units = check_int_range(units, "units(층마다 유닛 수)", 2, MAX_UNITS)
    steps = check_int_range(steps, "steps(스텝 수)", 0, 2000)
    learning_rate = check_positive(learning_rate, "learning_rate(학습률)")
    seed = check_seed(seed, allow_generator=True)

    X, y = datasets.moons(100, noise=0.1, seed=seed)
    sizes = [2] + [units] * n_layers + [2]
    weights = table_initializer(SYMMETRY_INITIALIZERS, initializer)
    net = nn.mlp(sizes, activation=activation, init=weights, seed=seed)
    loss = nn.SoftmaxCrossEntropy()
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", train.DivergenceWarning)
        optimizer = optim.SGD(learning_rate=learning_rate)
        train.fit(net, X, y, loss, optimizer, epochs=steps, shuffle=False)
        # 훈련이 끝난 신경망으로 순전파와 역전파를 한 번 더 해서 지금의 값과 기울기를 봅니다.
        loss.forward(net.forward(X), y)
        net.backward(loss.backward())
    dense = [layer for layer in net.layers if isinstance(layer, nn.Dense)][:-1]
    hidden = [layer for layer in net.layers if isinstance(layer, nn.Activation)]
    distinct_h = np.array([count_distinct_units(layer.output) for layer in hidden])
    distinct_g = np.array([count_distinct_units(layer.dW) for layer in dense])
    norms = np.array([float(np.linalg.norm(layer.dW)) for layer in dense])
    if (distinct_h == 1).all() and (distinct_g == 1).all():
        detail = (
            "은닉층의 기울기가 모두 0에 가까워(10⁻¹² 미만) 거의 갱신되지 않습니다."
            if (norms < 1e-12).all()
            else "기울기는 0이 아니지만 유닛마다 똑같아서 모든 유닛이 똑같이 갱신됩니다."
        )
        message = (
            f"은닉층마다 유닛이 {units}개씩 있지만, {steps}스텝 훈련한 뒤에도 서로 다른 유닛은 "
            f"층마다 1개뿐입니다. {detail}"
        )
    else:
        message = (
            f"은닉층마다 서로 다른 유닛 수 (활성화 값): {', '.join(map(str, distinct_h))}, "
            f"(기울기): {', '.join(map(str, distinct_g))} (유닛 {units}개 중). "
            "무작위 초기화가 유닛들의 대칭을 깨뜨립니다."
        )
    return SymmetryResult(
        initializer=initializer,
        activation=activation,
        units=units,
        steps=steps,
        distinct_activations=distinct_h,
        distinct_gradients=distinct_g,
        gradient_norms=norms,
        message=message,
    )


# ---------------------------------------------------------------------------
# 그림
# ---------------------------------------------------------------------------

_FIGSIZE = (11.0, 3.6)
_MESSAGE_HEIGHT = 0.2
_HIST_BOTTOM, _HIST_TOP = 0.40, 0.80
_LEFT, _RIGHT, _GAP = 0.055, 0.99, 0.012
_MESSAGE_KIND = {
    "symmetric": "warning",
    "exploded": "warning",
    "saturated": "warning",
    "collapsed": "warning",
    "shrinking": "warning",
    "healthy": "info",
}


class _InitView:
    """층마다 작은 히스토그램 한 칸 (가장 많을 때 MAX_SLOTS칸), 위에 제목, 아래 진단 문장.

    축은 처음에 최대 개수만큼 만들어 두고, 층 수가 바뀌면 보이는 축만 다시 배치합니다.
    층 수나 활성화 함수(가로축 범위)가 바뀔 때만 히스토그램을 새로 만들고, 그 밖에는
    높이만 바꿉니다.
    """

    def __init__(self, fig=None, slots: int = 10):
        from .. import viz

        self.viz = viz
        if fig is None:
            fig, _ = viz.new_figure(1, slots, figsize=_FIGSIZE, layout=None)
        else:
            fig.clear()
            fig.set_layout_engine("none")
            fig.subplots(1, slots)
        self.fig = fig
        self.axes = list(fig.axes)
        self.ax_message = fig.add_axes((0.01, 0.0, 0.98, _MESSAGE_HEIGHT))
        self.ax_message.set_axis_off()
        self.xlabel = fig.text(
            0.5,
            _HIST_BOTTOM - 0.1,
            "가로축: 활성화 값 h (모든 칸이 같은 범위)",
            ha="center",
            fontsize=9,
        )
        self.histograms = None
        self.shape = None  # (층 수, 활성화 함수): 이것이 바뀌면 히스토그램을 새로 만듭니다.

    def _rebuild(self, result: InitResult) -> None:
        from matplotlib.ticker import MaxNLocator

        count = result.n_layers
        if count > len(self.axes):
            raise ValueError(
                f"이 그림에는 층을 {len(self.axes)}개까지 그릴 수 있습니다 (받은 층 수: {count})."
            )
        if self.histograms is not None:
            for step in self.histograms.steps:
                step.remove()
        width = (_RIGHT - _LEFT - _GAP * (count - 1)) / count
        ticks = _TICKS[result.activation]
        for i, ax in enumerate(self.axes):
            ax.set_visible(i < count)
            if i >= count:
                continue
            ax.set_position(
                (_LEFT + i * (width + _GAP), _HIST_BOTTOM, width, _HIST_TOP - _HIST_BOTTOM)
            )
            ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
            ax.yaxis.set_major_locator(MaxNLocator(nbins=3))
            ax.grid(False)
            # 모든 칸의 가로축 범위와 세로축 범위가 같으므로 눈금 글자는 첫 칸에만 적습니다
            # (글자가 그리기 시간의 대부분입니다).
            first = i == 0
            ax.tick_params(labelsize=8, labelleft=first, labelbottom=first, left=first)
        self.histograms = self.viz.histograms(
            self.axes[:count],
            result.samples,
            bins=BINS,
            value_range=result.value_range,
            xlabel="",
            ylabel="비율",
        )
        self.shape = (count, result.activation)

    def update(self, result: InitResult) -> None:
        if self.shape != (result.n_layers, result.activation):
            self._rebuild(result)
        else:
            self.histograms.update(result.samples)
        for k, (ax, std) in enumerate(zip(self.axes, result.stds, strict=False), start=1):
            ax.set_title(f"층 {k}\nσ = {_sci(float(std))}", fontsize=9, linespacing=1.3)
        self.fig.suptitle(
            f"층마다 활성화 값의 분포: {ACTIVATIONS[result.activation]}, "
            f"{INITIALIZERS[result.initializer][0]}, 유닛 {result.units}개",
            fontsize=11,
        )
        kind = _MESSAGE_KIND[result.kind]
        self.viz.show_message(self.ax_message, result.message, kind=kind)


def plot(result: InitResult, fig=None):
    """run()의 결과를 층마다 히스토그램으로 그립니다 (제목에 표준편차 σ). Figure를 돌려줍니다."""
    check_result(result, InitResult, "init.run()")
    view = _InitView(fig, slots=max(result.n_layers, 1))
    view.update(result)
    return view.fig


# ---------------------------------------------------------------------------
# 탐색기
# ---------------------------------------------------------------------------

_SLIDER_LAYERS = (3, 10)


def _settings(preset: str | None, overrides: dict) -> dict:
    """DEFAULTS ← 프리셋 ← overrides (seed, n_samples도 줄 수 있음)를 합치고 run()과 같은 검사를 합니다."""
    values = merge_settings(DEFAULTS, PRESETS, preset, overrides, extra=("seed", "n_samples"))
    values.setdefault("seed", 0)
    values.setdefault("n_samples", N_SAMPLES)
    checked = _checked(**values)
    checked["seed"] = values["seed"]
    return checked


def explorer(preset: str | None = None, **overrides):
    """히스토그램 탐색기 (dlcourse.viz.LiveFigure)를 돌려줍니다.

    preset: PRESETS의 이름 (없으면 DEFAULTS). overrides: 처음 값 바꾸기
    (예: explorer(activation="relu")). n_samples와 seed도 줄 수 있습니다 (위젯은 없음).
    """
    from .. import viz

    values = _settings(preset, overrides)
    fixed = {"n_samples": values.pop("n_samples"), "seed": values.pop("seed")}
    controls = {
        "initializer": viz.dropdown(
            "초기화 방법",
            {f"{label} ({name})": name for name, (label, _, _) in INITIALIZERS.items()},
            values["initializer"],
        ),
        "activation": viz.dropdown(
            "활성화 함수",
            {f"{korean} ({name})": name for name, korean in ACTIVATIONS.items()},
            values["activation"],
        ),
        "n_layers": viz.int_slider("층 수", *_SLIDER_LAYERS, values["n_layers"]),
        "units": viz.int_slider("층마다 유닛 수", 10, 200, values["units"], step=10),
    }
    view = _InitView(slots=_SLIDER_LAYERS[1])

    def update(**chosen):
        view.update(run(**chosen, **fixed))

    live = viz.LiveFigure(view.fig, update, controls)
    add_preset_note(live, PRESETS, preset)
    return live
