"""7강 탐색기: 옵티마이저(optimizer) 경주.

무엇을 보여 주나
----------------
같은 곡면, 같은 시작점에서 옵티마이저 여섯 개가 동시에 내려갑니다. 왼쪽은 등고선
그림 위의 경로, 오른쪽은 스텝마다 최솟값과의 차이 J(x(t)) − J*입니다 (로그 축).
'작은 신경망'을 고르면 같은 2-8-2 신경망을 옵티마이저마다 따로 훈련하여, 왼쪽에는
데이터와 결정 경계(decision boundary), 오른쪽에는 훈련 손실을 그립니다.

갱신 규칙 (g = ∇J(w), η 학습률, μ 모멘텀 계수, ε 작은 수, 연산은 원소별)::

    SGD       w ← w − η g
    모멘텀     v ← μ v − η g,   w ← w + v
    NAG       v ← μ v − η g,   w ← w + μ v − η g        (네스테로프 가속 경사)
    AdaGrad   s ← s + g²,      w ← w − η g / (√s + ε)
    RMSprop   s ← ρ s + (1 − ρ) g²,   w ← w − η g / (√s + ε)
    Adam      m ← β₁ m + (1 − β₁) g,  v ← β₂ v + (1 − β₂) g²,
              w ← w − η m̂ / (√v̂ + ε),  m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)

기본 곡면은 길쭉한 그릇 J = x₁²/20 + x₂²입니다. x₂ 방향은 가파르고 x₁ 방향은 완만해서,
같은 학습률 0.1에서 SGD는 x₁ 방향으로 느리게 기어가고, 모멘텀은 관성으로 속도를 붙이며,
AdaGrad·RMSprop·Adam은 방향마다 걸음 크기를 맞춥니다. SGD의 학습률을 0.9로 키우면
x₂ 방향으로 지그재그하는 것이 보입니다 (프리셋 "zigzag").

쓰는 법
-------
    from dlcourse.labs import optimizers
    result = optimizers.run()                      # 곡면 경주 (숫자만)
    optimizers.plot(result)
    net = optimizers.run_network(steps=200)        # 작은 신경망 경주: 손실 곡선
    optimizers.explorer()                          # 옵티마이저마다 학습률 슬라이더와 보이기 상자
    optimizers.explorer(preset="rosenbrock")       # PRESETS: bowl, zigzag, rosenbrock, saddle,
                                                   #          local_minimum, network

곡면을 바꾸면 학습률 슬라이더가 그 곡면에 알맞은 값(RECOMMENDED_RATES)으로 바뀝니다.
경로와 훈련 결과는 옵티마이저마다 따로 기억해 두므로(같은 설정이면 다시 계산하지
않음), 학습률 하나를 바꾸면 그 옵티마이저만 다시 계산합니다. 신경망은 처음에 200스텝을
한 번 훈련해 두고 스텝 수 슬라이더는 그 앞부분을 보여 줍니다.

갱신 시간: 기본 설정에서 스텝 수 슬라이더를 10번 바꾼 LiveFigure.set_values의 중앙값
(계산 + 다시 그리기 + PNG 만들기, 코어 두 개를 다른 작업과 나눠 쓰는 기계)은 기계가 한가할
때 55~60 ms였습니다 (CPU 시간 56~65 ms). SGD 학습률을 바꿀 때는 55~75 ms, 신경망 모드에서
학습률 하나를 바꿀 때(그 신경망만 200스텝 다시 훈련)는 약 80 ms, 신경망 모드의 스텝 수는
약 60 ms입니다. 다른 작업이 코어를 함께 쓸 때는 벽시계 시간이 두 배 가까이 늘었습니다.
프리셋 "network"를 처음 열 때는 신경망 여섯 개를 훈련하느라 0.2~1초 걸립니다.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .. import data as _data
from .. import nn as _nn
from .. import optim as _optim
from .. import surfaces as _surfaces
from .. import train as _train
from .._validate import check_choice, check_in_range, check_int_range, check_positive
from ._common import (
    SURFACE_MATH_TITLES,
    check_flag,
    check_result,
    check_seed,
    check_setting_names,
    choose,
    contour_options,
    curve_limits,
    figure_and_axes,
    inside_window,
    merge_settings,
    mesh_points,
    padded_mesh,
    read_only,
)

__all__ = [
    "OPTIMIZERS",
    "OPTIMIZER_LABELS",
    "PROBLEMS",
    "PROBLEM_LABELS",
    "RECOMMENDED_RATES",
    "NETWORK_MAX_STEPS",
    "DEFAULTS",
    "PRESETS",
    "SurfaceRaceResult",
    "NetworkRaceResult",
    "run",
    "run_surface",
    "run_network",
    "plot",
    "explorer",
]

OPTIMIZERS = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
OPTIMIZER_LABELS = {
    "sgd": "SGD",
    "momentum": "모멘텀",
    "nesterov": "NAG",
    "adagrad": "AdaGrad",
    "rmsprop": "RMSprop",
    "adam": "Adam",
}

PROBLEMS = ("elongated_bowl", "quadratic", "rosenbrock", "saddle", "multi_minima", "network")
PROBLEM_LABELS = {
    "elongated_bowl": "길쭉한 그릇",
    "quadratic": "이차 함수 (1강 예제)",
    "rosenbrock": "로젠브록 함수",
    "saddle": "안장 함수 (안장점)",
    "multi_minima": "여러 골짜기 함수 (지역 최솟값)",
    "network": "작은 신경망 (반달 데이터, 2-8-2)",
}

# 문제마다 알맞은 학습률. 경주가 잘 보이도록 고른 값이며 '가장 좋은 값'은 아닙니다.
RECOMMENDED_RATES: dict[str, dict[str, float]] = {
    "elongated_bowl": {
        "sgd": 0.1, "momentum": 0.1, "nesterov": 0.1, "adagrad": 0.5, "rmsprop": 0.1, "adam": 0.1,
    },
    "quadratic": {
        "sgd": 0.1, "momentum": 0.05, "nesterov": 0.05, "adagrad": 0.5, "rmsprop": 0.1, "adam": 0.1,
    },
    "rosenbrock": {
        "sgd": 0.002, "momentum": 0.001, "nesterov": 0.001, "adagrad": 0.3, "rmsprop": 0.1,
        "adam": 0.1,
    },
    "saddle": {
        "sgd": 0.03, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.1, "rmsprop": 0.03,
        "adam": 0.03,
    },
    "multi_minima": {
        "sgd": 0.1, "momentum": 0.1, "nesterov": 0.1, "adagrad": 0.5, "rmsprop": 0.1, "adam": 0.1,
    },
    "network": {
        "sgd": 0.1, "momentum": 0.1, "nesterov": 0.1, "adagrad": 0.1, "rmsprop": 0.1, "adam": 0.1,
    },
}

NETWORK_MAX_STEPS = 200
"""신경망 경주의 최대 스텝 수 (전체 배치라서 스텝 = 에폭)."""
_NETWORK_SIZES = (2, 8, 2)
_NETWORK_SAMPLES = 100
_NETWORK_NOISE = 0.15
_GRID = 60  # 결정 경계를 그릴 격자 한 변의 점 수
_MAX_SURFACE_STEPS = 1000
_RATE_RANGE = (1e-4, 3.0)  # 탐색기 학습률 슬라이더 범위

DEFAULTS: dict = {
    "surface": "elongated_bowl",
    "steps": 100,
    **{f"lr_{name}": rate for name, rate in RECOMMENDED_RATES["elongated_bowl"].items()},
    **{f"show_{name}": True for name in OPTIMIZERS},
    "momentum": 0.9,
    "seed": 0,
}


def _preset(surface: str, steps: int, description: str, **changes) -> dict:
    preset = {"surface": surface, "steps": steps}
    preset.update({f"lr_{n}": r for n, r in RECOMMENDED_RATES[surface].items()})
    preset.update({f"show_{n}": True for n in OPTIMIZERS})
    preset.update(changes)
    preset["설명"] = description
    return preset


PRESETS: dict[str, dict] = {
    "bowl": _preset(
        "elongated_bowl", 100,
        "같은 학습률 0.1에서 SGD는 완만한 x₁ 방향으로 느리게 가고, 모멘텀과 Adam은 훨씬 빨리 "
        "최솟값 (0, 0)에 닿습니다. 오른쪽 로그 축에서 J − J*가 줄어드는 기울기를 비교하세요.",
    ),
    "zigzag": _preset(
        "elongated_bowl", 60,
        "SGD의 학습률을 0.9로 키우면 가파른 x₂ 방향으로 스텝마다 부호가 바뀌며 지그재그합니다. "
        "모멘텀(학습률 0.1)은 이전 갱신을 이어 가므로 흔들림이 훨씬 적습니다.",
        lr_sgd=0.9, show_nesterov=False, show_adagrad=False, show_rmsprop=False, show_adam=False,
    ),
    "rosenbrock": _preset(
        "rosenbrock", 200,
        "휘어진 좁은 골짜기에서는 SGD와 모멘텀이 아주 작은 학습률에서만 버티고, "
        "Adam과 RMSprop은 큰 학습률로도 발산하지 않지만 골짜기 바닥에서 느려집니다.",
    ),
    "saddle": _preset(
        "saddle", 100,
        "안장점 (0, 0) 근처는 기울기가 거의 0이라 SGD는 100스텝 내내 그 근처에 머뭅니다. 모멘텀과 NAG는 속도를 "
        "모아 조금 늦게, AdaGrad·RMSprop·Adam은 작은 기울기로도 큰 걸음을 내딛어 가장 먼저 "
        "빠져나갑니다.",
    ),
    "local_minimum": _preset(
        "multi_minima", 100,
        "SGD, NAG, AdaGrad, RMSprop은 가까운 지역 최솟값에 갇히고, 모멘텀과 Adam은 관성 덕분에 "
        "언덕을 넘어 가장 깊은 전역 최솟값 (1.90, 0.95)까지 갑니다.",
    ),
    "network": _preset(
        "network", 200,
        "같은 2-8-2 신경망, 같은 초깃값으로 반달 데이터를 훈련합니다. 학습률이 모두 0.1일 때 "
        "RMSprop과 Adam의 손실이 가장 빨리 줄고 결정 경계도 먼저 반달 모양이 됩니다.",
    ),
}

_COLORS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9")  # Okabe–Ito
_LINESTYLES = ("-", "--", "-.", ":", (0, (6, 2)), (0, (3, 1, 1, 1, 1, 1)))
_MARKERS = ("o", "s", "^", "D", "v", "P")

_CONTOUR_LEVELS = 12  # 등고선 수 (로그 간격인 곡면; 나머지는 두 개 더, _common.contour_options)


# ---------------------------------------------------------------------------
# 결과
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SurfaceRaceResult:
    """곡면 경주의 결과 (run_surface, 또는 run(surface=곡면 이름)).

    surface, title, window, start   곡면 이름, 한국어 제목, 그림 범위, 시작점
    names, labels, learning_rates   켠 옵티마이저 (OPTIMIZERS 순서), 이름표, 학습률
    steps                           요청한 스텝 수
    paths[i] (n_i, 2)               옵티마이저 i의 경로 x(0), x(1), ... (발산하면 그 앞까지)
    values[i] (n_i,)                J(x(t))
    gaps[i] (n_i,)                  J(x(t)) − J* (J*는 전역 최솟값의 J, 최솟값이 없으면 0)
    diverged[i]                     발산했는지
    best_value                      J* (최솟값이 없으면 None)
    minima, saddle_points (k, 2)    곡면의 최솟값과 안장점
    message                         그림에 띄울 한국어 문장 (없으면 None)
    """

    surface: str
    title: str
    window: tuple
    start: np.ndarray
    names: tuple
    labels: tuple
    learning_rates: tuple
    steps: int
    paths: tuple
    values: tuple
    gaps: tuple
    diverged: tuple
    best_value: float | None
    minima: np.ndarray
    saddle_points: np.ndarray
    message: str | None

    def final_distance(self, name: str) -> float:
        """옵티마이저 name의 마지막 점과 전역 최솟값 사이의 거리 (최솟값이 없으면 원점까지)."""
        path = self.paths[self.names.index(name)]
        target = np.zeros(2)
        if len(self.minima):
            values = _surfaces.get(self.surface).value(self.minima)
            target = self.minima[int(np.argmin(values))]
        return float(np.linalg.norm(path[-1] - target))


@dataclass(frozen=True)
class NetworkRaceResult:
    """작은 신경망 경주의 결과 (run_network, 또는 run(surface="network")).

    names, labels, learning_rates, steps   켠 옵티마이저와 설정
    losses[i] (n_i,)        t = 0, 1, ..., steps 에서의 훈련 손실 (교차 엔트로피, 전체 배치)
    accuracies[i] (n_i,)    같은 때의 훈련 정확도
    diverged[i]             발산했는지
    X (N, 2), y (N,)        반달 데이터
    grid_x, grid_y (G, G)   결정 경계 격자
    probabilities[i] (G, G) 마지막 스텝의 신경망이 격자에서 낸 '클래스 1일 확률'
    message                 그림에 띄울 한국어 문장 (없으면 None)
    """

    names: tuple
    labels: tuple
    learning_rates: tuple
    steps: int
    losses: tuple
    accuracies: tuple
    diverged: tuple
    X: np.ndarray
    y: np.ndarray
    grid_x: np.ndarray
    grid_y: np.ndarray
    probabilities: tuple
    message: str | None


# ---------------------------------------------------------------------------
# 계산
# ---------------------------------------------------------------------------


def _make_optimizer(name: str, learning_rate: float, momentum: float):
    if name == "sgd":
        return _optim.SGD(learning_rate)
    if name == "momentum":
        return _optim.Momentum(learning_rate, momentum)
    if name == "nesterov":
        return _optim.Nesterov(learning_rate, momentum)
    if name == "adagrad":
        return _optim.AdaGrad(learning_rate)
    if name == "rmsprop":
        return _optim.RMSprop(learning_rate)
    return _optim.Adam(learning_rate)


def _check_rates_and_shows(params: Mapping) -> tuple[dict, dict]:
    rates, shows = {}, {}
    for name in OPTIMIZERS:
        label = OPTIMIZER_LABELS[name]
        rates[name] = check_positive(params[f"lr_{name}"], f"lr_{name} ({label}의 학습률)")
        shows[name] = check_flag(params[f"show_{name}"], f"show_{name} ({label} 보이기)")
    return rates, shows


def _check_common(steps, momentum, maximum: int) -> tuple[int, float]:
    steps = check_int_range(steps, "steps(스텝 수)", 1, maximum)
    momentum = check_in_range(momentum, "momentum(모멘텀 계수 μ)", 0.0, 1.0)
    return steps, momentum


@functools.lru_cache(maxsize=256)
def _surface_path(surface: str, name: str, learning_rate: float, momentum: float, start: tuple,
                  horizon: int) -> tuple[np.ndarray, np.ndarray, int | None]:
    """옵티마이저 하나의 경로를 horizon 스텝까지 계산합니다 (같은 인자면 기억해 둔 값).

    경로는 결정적이므로 k 스텝의 경로는 horizon 스텝 경로의 앞부분입니다. 그래서 스텝 수
    슬라이더를 움직여도 다시 계산하지 않습니다. 돌려주는 값: 경로, J, 발산한 스텝 (없으면 None).
    """
    optimizer = _make_optimizer(name, learning_rate, momentum)
    descent = _surfaces.descend(surface, optimizer, start=np.array(start), steps=horizon)
    return read_only(descent.path), read_only(descent.values), descent.diverged_at


def _prefix(surface, name, learning_rate, momentum, start, steps):
    """steps 스텝까지의 경로, J, 발산 여부."""
    horizon = max(steps, NETWORK_MAX_STEPS)
    path, values, diverged_at = _surface_path(
        surface, name, learning_rate, momentum, start, horizon
    )
    path, values = path[: steps + 1], values[: steps + 1]
    diverged = diverged_at is not None and diverged_at <= steps
    target = _surfaces.get(surface)
    if not diverged and target.minima:
        # 그림 범위를 벗어났는데 J가 시작점보다 커졌으면 발산으로 봅니다.
        outside = not inside_window(path[-1:], target.window)[0]
        diverged = outside and values[-1] > values[0]
    return path, values, bool(diverged)


def run_surface(
    surface: str = "elongated_bowl",
    steps: int = 100,
    learning_rates: Mapping[str, float] | None = None,
    enabled=None,
    momentum: float = 0.9,
    start=None,
) -> SurfaceRaceResult:
    """곡면 surface에서 옵티마이저들을 같은 시작점으로 steps번씩 갱신합니다.

    learning_rates: {옵티마이저 이름: 학습률} (빠진 것은 RECOMMENDED_RATES[surface]).
    enabled: 계산할 옵티마이저 이름들 (None이면 여섯 개 모두). momentum: 모멘텀·NAG의 μ.
    start: 시작점 [x₁, x₂] (None이면 곡면의 기본 시작점).
    """
    name = check_choice(surface, "surface(곡면)", PROBLEMS[:-1])
    rates, chosen = _rates_and_enabled(name, learning_rates, enabled)
    steps, momentum = _check_common(steps, momentum, _MAX_SURFACE_STEPS)
    target = _surfaces.get(name)
    start_point = _surfaces.check_start(target, start)
    best = float(target.value(target.global_minimum)) if target.minima else None
    paths, values, gaps, diverged = [], [], [], []
    for opt in chosen:
        path, value, broke = _prefix(
            name, opt, rates[opt], momentum, tuple(float(v) for v in start_point), steps
        )
        paths.append(path)
        values.append(value)
        gaps.append(read_only(value - (best if best is not None else 0.0)))
        diverged.append(broke)
    labels = tuple(OPTIMIZER_LABELS[opt] for opt in chosen)
    return SurfaceRaceResult(
        surface=name,
        title=target.title,
        window=target.window,
        start=read_only(start_point),
        names=tuple(chosen),
        labels=labels,
        learning_rates=tuple(rates[opt] for opt in chosen),
        steps=steps,
        paths=tuple(paths),
        values=tuple(values),
        gaps=tuple(gaps),
        diverged=tuple(diverged),
        best_value=best,
        minima=read_only(np.array(target.minima).reshape(-1, 2)),
        saddle_points=read_only(np.array(target.saddle_points).reshape(-1, 2)),
        message=_race_message(labels, diverged),
    )


def _race_message(labels, diverged) -> str | None:
    if not labels:
        return "옵티마이저가 하나도 켜져 있지 않습니다. 보이기 상자를 하나 이상 켜 주세요."
    broken = [label for label, broke in zip(labels, diverged, strict=True) if broke]
    if not broken:
        return None
    return f"발산했습니다: {', '.join(broken)}.\n그 옵티마이저의 학습률을 줄여 보세요."


def _rates_and_enabled(problem: str, learning_rates, enabled) -> tuple[dict, list]:
    rates = dict(RECOMMENDED_RATES[problem])
    if learning_rates is not None:
        if not isinstance(learning_rates, Mapping):
            raise TypeError(
                "learning_rates에는 {옵티마이저 이름: 학습률} 사전을 넣어야 합니다 "
                f"(받은 값: {learning_rates!r}). 예: {{'sgd': 0.1, 'adam': 0.05}}"
            )
        for key, rate in learning_rates.items():
            opt = choose(key, OPTIMIZERS, "옵티마이저")
            rates[opt] = check_positive(rate, f"{OPTIMIZER_LABELS[opt]}의 학습률")
    if enabled is None:
        chosen = list(OPTIMIZERS)
    else:
        if isinstance(enabled, str):
            enabled = [enabled]
        wanted = {choose(n, OPTIMIZERS, "옵티마이저") for n in enabled}
        chosen = [opt for opt in OPTIMIZERS if opt in wanted]
    return rates, chosen


@functools.lru_cache(maxsize=1)
def _network_data(seed: int):
    X, y = _data.moons(n_samples=_NETWORK_SAMPLES, noise=_NETWORK_NOISE, seed=seed)
    grid_x, grid_y = padded_mesh(X, _GRID, 0.4)
    labels = np.array(y)
    labels.flags.writeable = False
    return read_only(X), labels, read_only(grid_x), read_only(grid_y), mesh_points(grid_x, grid_y)


@functools.lru_cache(maxsize=64)
def _train_network(name: str, learning_rate: float, momentum: float, seed: int):
    """신경망 하나를 NETWORK_MAX_STEPS 스텝 훈련하고, 스텝마다 손실·정확도·매개변수를 남깁니다."""
    X, y, _, _, _ = _network_data(seed)
    net = _nn.mlp(list(_NETWORK_SIZES), activation="tanh", seed=seed)
    snapshots = [{key: value.copy() for key, value in net.params.items()}]

    def remember(epoch, history):
        snapshots.append({key: value.copy() for key, value in net.params.items()})

    optimizer = _make_optimizer(name, learning_rate, momentum)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", _train.DivergenceWarning)
        # 전체 배치이므로 에폭 하나가 스텝 하나입니다. t = NETWORK_MAX_STEPS의 손실까지 재려고
        # 한 에폭을 더 돌립니다 (손실은 갱신 전에 잽니다).
        history = _train.fit(
            net, X, y, "cross_entropy", optimizer, epochs=NETWORK_MAX_STEPS + 1,
            batch_size=None, shuffle=False, seed=seed, on_epoch_end=remember,
        )
    losses = np.array(history.step_loss[: NETWORK_MAX_STEPS + 1], dtype=np.float64)
    accuracies = np.array(history.accuracy[: NETWORK_MAX_STEPS + 1], dtype=np.float64)
    finite = [s for s in snapshots if all(np.isfinite(v).all() for v in s.values())]
    return read_only(losses), read_only(accuracies), tuple(finite), bool(history.diverged)


def run_network(
    steps: int = 100,
    learning_rates: Mapping[str, float] | None = None,
    enabled=None,
    momentum: float = 0.9,
    seed: int = 0,
) -> NetworkRaceResult:
    """같은 2-8-2 신경망(tanh, 같은 초깃값)을 옵티마이저마다 따로 훈련합니다.

    데이터는 반달(moons) 100개, 손실은 교차 엔트로피, 전체 배치라서 스텝 = 에폭입니다.
    steps: 1 ~ NETWORK_MAX_STEPS(200). learning_rates, enabled, momentum은 run_surface와 같고,
    seed는 데이터와 초깃값의 시드입니다. 발산하면 그 옵티마이저만 멈추고 diverged에 적습니다.
    """
    rates, chosen = _rates_and_enabled("network", learning_rates, enabled)
    steps, momentum = _check_common(steps, momentum, NETWORK_MAX_STEPS)
    seed = check_seed(seed)
    X, y, grid_x, grid_y, points = _network_data(seed)
    probe = _nn.mlp(list(_NETWORK_SIZES), activation="tanh", seed=seed)
    probe.eval()
    losses, accuracies, probabilities, diverged = [], [], [], []
    for opt in chosen:
        loss, accuracy, snapshots, broke = _train_network(opt, rates[opt], momentum, seed)
        shown = min(steps + 1, len(loss))
        losses.append(loss[:shown])
        accuracies.append(accuracy[:shown])
        broke = broke and len(loss) <= steps
        diverged.append(broke)
        params = snapshots[min(steps, len(snapshots) - 1)]
        for key, value in probe.params.items():
            value[...] = params[key]
        with np.errstate(over="ignore", invalid="ignore", under="ignore"):
            logits = probe.forward(points)
            shifted = logits - logits.max(axis=1, keepdims=True)
            weights = np.exp(shifted)
            p1 = weights[:, 1] / weights.sum(axis=1)
        probabilities.append(read_only(p1.reshape(grid_x.shape)))
    labels = tuple(OPTIMIZER_LABELS[opt] for opt in chosen)
    return NetworkRaceResult(
        names=tuple(chosen),
        labels=labels,
        learning_rates=tuple(rates[opt] for opt in chosen),
        steps=steps,
        losses=tuple(losses),
        accuracies=tuple(accuracies),
        diverged=tuple(diverged),
        X=X,
        y=y,
        grid_x=grid_x,
        grid_y=grid_y,
        probabilities=tuple(probabilities),
        message=_race_message(labels, diverged),
    )


def run(**params) -> SurfaceRaceResult | NetworkRaceResult:
    """탐색기의 설정(DEFAULTS와 같은 이름)으로 경주를 계산합니다.

    surface: 곡면 이름 (elongated_bowl, quadratic, rosenbrock, saddle, multi_minima) 또는
    "network". steps: 스텝 수. lr_<옵티마이저>: 학습률, show_<옵티마이저>: 켜기/끄기
    (옵티마이저: sgd, momentum, nesterov, adagrad, rmsprop, adam). momentum: μ. seed: 시드
    (신경망에서만 씁니다). 주지 않은 학습률은 고른 문제의 RECOMMENDED_RATES를, 나머지 빠진
    설정은 DEFAULTS를 따릅니다. 곡면이면 SurfaceRaceResult를, "network"면 NetworkRaceResult를
    돌려줍니다.
    """
    check_setting_names(params, [*DEFAULTS, "start"])
    problem = check_choice(params.get("surface", DEFAULTS["surface"]), "surface(문제)", PROBLEMS)
    recommended = {f"lr_{name}": rate for name, rate in RECOMMENDED_RATES[problem].items()}
    settings = {**DEFAULTS, **recommended, **params}
    rates, shows = _check_rates_and_shows(settings)
    enabled = [name for name in OPTIMIZERS if shows[name]]
    if problem == "network":
        return run_network(
            steps=settings["steps"], learning_rates=rates, enabled=enabled,
            momentum=settings["momentum"], seed=settings["seed"],
        )
    return run_surface(
        surface=problem, steps=settings["steps"], learning_rates=rates, enabled=enabled,
        momentum=settings["momentum"], start=settings.get("start"),
    )


# ---------------------------------------------------------------------------
# 그림
# ---------------------------------------------------------------------------


def _positive(values: np.ndarray) -> np.ndarray:
    values = np.asarray(values, dtype=np.float64)
    return np.where(np.isfinite(values) & (values > 0), values, np.nan)


def _legend_text(label: str, rate: float, extra: str = "") -> str:
    return f"{label} η={rate:.3g}{extra}"


class _RaceView:
    """왼쪽: 등고선과 경로(곡면) 또는 데이터와 결정 경계(신경망). 오른쪽: 스텝마다의 값."""

    def __init__(self, fig=None) -> None:
        from matplotlib.ticker import LogLocator, MaxNLocator, NullLocator

        from .. import viz

        self._viz = viz
        fig, (ax_map, ax_curve) = figure_and_axes(fig, 1, 2, figsize=(9.0, 4.3))
        self.figure = fig
        self.ax_map, self.ax_curve = ax_map, ax_curve
        self.problem = None
        self.contour = None
        self.contour_surface = None
        self.path_lines, self.path_marks, self.curves = {}, {}, {}
        for i, name in enumerate(OPTIMIZERS):
            style = {"color": _COLORS[i], "linestyle": _LINESTYLES[i]}
            (self.path_lines[name],) = ax_map.plot([], [], lw=1.7, zorder=4, **style)
            (self.path_marks[name],) = ax_map.plot(
                [], [], ls="none", marker=_MARKERS[i], ms=5, color=_COLORS[i], mec="white",
                mew=0.6, zorder=5,
            )
            (self.curves[name],) = ax_curve.plot(
                [], [], lw=1.7, marker=_MARKERS[i], ms=5, mec="white", mew=0.6,
                label=OPTIMIZER_LABELS[name], **style,
            )
        (self.start,) = ax_map.plot(
            [], [], ls="none", marker="o", ms=9, mfc="white", mec=viz.BLACK, mew=1.5, zorder=6
        )
        self.classes = [
            ax_map.plot(
                [], [], ls="none", marker=marker, ms=4.5, color=color, mec="white", mew=0.5,
                alpha=0.8, zorder=3,
            )[0]
            for marker, color in (("o", viz.GREY), ("s", viz.BLACK))
        ]
        ax_curve.set_xlabel(viz.LABELS["step"] + " t")
        ax_curve.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        for axis in (ax_map.xaxis, ax_map.yaxis):
            axis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))
        self._log_locator = LogLocator
        self._null_locator = NullLocator
        handles = [self.curves[name] for name in OPTIMIZERS]
        self.legend = fig.legend(
            handles=handles, loc="outside lower center", ncols=3, fontsize=9,
            frameon=False, handlelength=3.2, columnspacing=2.5,
        )

    # 문제 바꾸기 ----------------------------------------------------------------
    def _set_problem(self, result) -> None:
        network = isinstance(result, NetworkRaceResult)
        ax_map, ax_curve = self.ax_map, self.ax_curve
        # 신경망 모드에서는 경로 선(path_lines)에 결정 경계를 그립니다 (같은 색과 선 모양).
        for artist in (*self.path_marks.values(), self.start):
            artist.set_visible(not network)
        for artist in self.classes:
            artist.set_visible(network)
        if network:
            if self.contour is not None:
                self._show_contour(False)
            for points, label in zip(self.classes, (0, 1), strict=True):
                mask = result.y == label
                points.set_data(result.X[mask, 0], result.X[mask, 1])
            ax_map.set_xlim(float(result.grid_x.min()), float(result.grid_x.max()))
            ax_map.set_ylim(float(result.grid_y.min()), float(result.grid_y.max()))
            ax_map.set_xlabel("$x_1$")
            ax_map.set_ylabel("$x_2$")
            ax_map.set_title("반달 데이터와 결정 경계 (2-8-2 신경망)", fontsize=10, y=1.0)
            ax_curve.set_ylabel("훈련 " + self._viz.LABELS["loss"] + " (교차 엔트로피)")
            ax_curve.set_title("훈련 손실", fontsize=11, y=1.0)
            log = True
        else:
            self._set_surface(result)
            log = result.best_value is not None
            if log:
                ax_curve.set_ylabel("$J(x(t)) - J^*$")
                ax_curve.set_title("최솟값과의 차이", fontsize=11, y=1.0)
            else:
                ax_curve.set_ylabel("$J(x(t))$")
                ax_curve.set_title("목적 함수 값", fontsize=11, y=1.0)
        ax_curve.set_yscale("log" if log else "linear")
        if log:
            ax_curve.yaxis.set_major_locator(self._log_locator(numticks=6))
            ax_curve.yaxis.set_minor_locator(self._null_locator())
        self.log = log
        self.problem = "network" if network else result.surface

    def _show_contour(self, visible: bool) -> None:
        for artist in (self.contour.contour, self.contour.lines, self.contour.minima):
            if artist is not None:
                artist.set_visible(visible)

    def _set_surface(self, result: SurfaceRaceResult) -> None:
        target = _surfaces.get(result.surface)
        options = contour_options(result.surface, _CONTOUR_LEVELS)
        if self.contour is None:
            self.contour = self._viz.contour_with_path(
                self.ax_map, target.value, target.window, resolution=90, minima=result.minima,
                **options,
            )
        elif self.contour_surface != result.surface:
            self.contour.set_surface(target.value, target.window, minima=result.minima, **options)
        self._show_contour(True)
        self.contour_surface = result.surface
        (x_low, x_high), (y_low, y_high) = target.window
        self.ax_map.set_xlim(x_low, x_high)
        self.ax_map.set_ylim(y_low, y_high)
        self.ax_map.set_title(
            SURFACE_MATH_TITLES.get(result.surface, result.title), fontsize=10, y=1.0
        )

    # 그리기 ----------------------------------------------------------------------
    def show(self, result) -> None:
        problem = "network" if isinstance(result, NetworkRaceResult) else result.surface
        if problem != self.problem:
            self._set_problem(result)
        if problem == "network":
            self._show_network(result)
        else:
            self._show_surface(result)
        self._update_curve_limits(result)
        if result.message is not None:
            kind = "error" if any(result.diverged) else "info"
            self._viz.show_message(self.ax_curve, result.message, kind=kind)

    def _show_surface(self, result: SurfaceRaceResult) -> None:
        viz = self._viz
        self.start.set_data([result.start[0]], [result.start[1]])
        every = max(1, result.steps // 10)
        texts = self.legend.get_texts()
        for i, name in enumerate(OPTIMIZERS):
            line, marks, curve = self.path_lines[name], self.path_marks[name], self.curves[name]
            if name not in result.names:
                for artist in (line, marks, curve):
                    artist.set_data([], [])
                texts[i].set_text(f"{OPTIMIZER_LABELS[name]} (숨김)")
                continue
            k = result.names.index(name)
            path = result.paths[k]
            line.set_data(*viz.clip_path_to_window(path, result.window))
            picked = path[::every]
            inside = inside_window(picked, result.window)
            marks.set_data(picked[inside, 0], picked[inside, 1])
            values = result.gaps[k] if self.log else result.values[k]
            curve.set_data(np.arange(len(values)), _positive(values) if self.log else values)
            curve.set_markevery(every)
            extra = " (발산)" if result.diverged[k] else ""
            texts[i].set_text(_legend_text(result.labels[k], result.learning_rates[k], extra))

    def _show_network(self, result: NetworkRaceResult) -> None:
        # 등고선 p = 0.5를 contourpy(matplotlib이 쓰는 등고선 계산기)로 직접 구해 선의 데이터만
        # 바꿉니다. ax.contour로 새 ContourSet을 만드는 것보다 수십 배 빠릅니다.
        import contourpy

        every = max(1, result.steps // 10)
        texts = self.legend.get_texts()
        for i, name in enumerate(OPTIMIZERS):
            curve, boundary = self.curves[name], self.path_lines[name]
            if name not in result.names:
                curve.set_data([], [])
                boundary.set_data([], [])
                texts[i].set_text(f"{OPTIMIZER_LABELS[name]} (숨김)")
                continue
            k = result.names.index(name)
            losses = result.losses[k]
            curve.set_data(np.arange(len(losses)), _positive(losses))
            curve.set_markevery(every)
            generator = contourpy.contour_generator(
                result.grid_x, result.grid_y, result.probabilities[k],
                line_type="ChunkCombinedNan",
            )
            points = generator.lines(0.5)[0][0]  # 선들을 NaN으로 이은 (n, 2) 배열 또는 None
            if points is None:
                boundary.set_data([], [])
            else:
                boundary.set_data(points[:, 0], points[:, 1])
            if result.diverged[k]:
                extra = " (발산)"
            else:
                extra = f", 정확도 {100 * result.accuracies[k][-1]:.0f}%"
            texts[i].set_text(_legend_text(result.labels[k], result.learning_rates[k], extra))

    def _update_curve_limits(self, result) -> None:
        ax = self.ax_curve
        ax.set_xlim(0, result.steps)
        lines = [self.curves[name] for name in result.names]
        values = [np.asarray(line.get_ydata(), dtype=np.float64) for line in lines]
        limits = curve_limits(np.concatenate(values) if values else [], log=self.log, floor=1e-14)
        if limits is not None:
            ax.set_ylim(*limits)


def plot(result, fig=None):
    """run()의 결과를 그립니다. 곡면이면 경로와 J − J*, 신경망이면 결정 경계와 훈련 손실.

    fig를 주면 그 그림을 비우고 다시 그립니다. matplotlib Figure를 돌려줍니다.
    """
    check_result(
        result, (SurfaceRaceResult, NetworkRaceResult),
        "optimizers.run(), run_surface() 또는 run_network()",
    )
    view = _RaceView(fig)
    view.show(result)
    return view.figure


# ---------------------------------------------------------------------------
# 탐색기
# ---------------------------------------------------------------------------


def explorer(preset: str | None = None, **overrides):
    """옵티마이저 경주 탐색기. 문제, 스텝 수, 옵티마이저마다 학습률과 보이기 상자가 있습니다.

    preset: PRESETS의 이름 (bowl, zigzag, rosenbrock, saddle, local_minimum, network).
    overrides: DEFAULTS의 이름으로 설정을 덮어씁니다 (예: lr_sgd=0.9, show_adam=False).
    문제를 바꾸면 학습률 슬라이더가 RECOMMENDED_RATES의 값으로 바뀝니다 (같은 때 직접
    바꾼 학습률은 그대로 둡니다). dlcourse.viz.LiveFigure를 돌려줍니다.
    """
    from .. import viz

    settings = merge_settings(DEFAULTS, PRESETS, preset, overrides)
    run(**settings)  # 잘못된 설정은 위젯을 만들기 전에 한국어 오류로 알립니다.
    steps = settings["steps"]
    if not 10 <= steps <= NETWORK_MAX_STEPS:
        raise ValueError(f"탐색기의 스텝 수는 10~{NETWORK_MAX_STEPS}입니다 (받은 값: {steps}).")
    low, high = _RATE_RANGE
    for name in OPTIMIZERS:
        rate = settings[f"lr_{name}"]
        if not low <= rate <= high:
            raise ValueError(
                f"탐색기의 학습률은 {low:g}~{high:g} 범위입니다 "
                f"(받은 값: lr_{name}={rate})."
            )
    momentum, seed = settings["momentum"], settings["seed"]
    controls = {
        "surface": viz.dropdown(
            "문제", {label: name for name, label in PROBLEM_LABELS.items()}, settings["surface"]
        ),
        "steps": viz.int_slider(f"스텝 수 (10~{NETWORK_MAX_STEPS})", 10, NETWORK_MAX_STEPS,
                                steps, step=10),
    }
    for name in OPTIMIZERS:
        label = OPTIMIZER_LABELS[name]
        controls[f"show_{name}"] = viz.toggle(f"{label} 보이기", settings[f"show_{name}"])
        controls[f"lr_{name}"] = viz.log_slider(
            f"{label} 학습률 η", low, high, settings[f"lr_{name}"], tooltip="learning rate"
        )
    view = _RaceView()
    shown = {"surface": settings["surface"],
             "rates": {name: settings[f"lr_{name}"] for name in OPTIMIZERS}}

    def update(surface, steps, **values):
        rates = {name: values[f"lr_{name}"] for name in OPTIMIZERS}
        if surface != shown["surface"]:
            for name in OPTIMIZERS:
                if rates[name] == shown["rates"][name]:  # 이번에 직접 바꾸지 않은 학습률
                    rates[name] = RECOMMENDED_RATES[surface][name]
                    controls[f"lr_{name}"].value = rates[name]
        shown["surface"], shown["rates"] = surface, dict(rates)
        params = {f"lr_{name}": rate for name, rate in rates.items()}
        params.update({f"show_{name}": values[f"show_{name}"] for name in OPTIMIZERS})
        view.show(run(surface=surface, steps=steps, momentum=momentum, seed=seed, **params))

    return viz.LiveFigure(view.figure, update, controls)
