"""죽은 ReLU(dying ReLU) 탐색기 (L05).

작은 ReLU 다층 퍼셉트론(기본 2-8-8-8-2)을 반달(moons) 데이터로 훈련하면서, 어떤 은닉
유닛이 '죽는지' 봅니다.

ReLU는 f(z) = max(0, z), f'(z) = 1 (z > 0), 0 (z ≤ 0) 입니다. 한 유닛의 입력 합
z_j = Σ_i h_i W_ij + b_j 가 훈련 세트의 모든 샘플에서 0 이하이면

    출력      h_j = 0                              (모든 샘플)
    기울기    ∂L/∂z_j = ∂L/∂h_j · f'(z_j) = 0      (모든 샘플)
    들어오는 가중치   ∂L/∂W_ij = Σ_n h_i · ∂L/∂z_j = 0,  ∂L/∂b_j = 0
    나가는 가중치     ∂L/∂W_jk = Σ_n h_j · ∂L/∂z_k = 0

이 되어, 경사 하강법(w ← w − η ∂L/∂w)으로는 그 유닛에 닿은 가중치가 하나도 바뀌지
않습니다. 이런 유닛을 죽은 유닛(dead unit)이라고 합니다. 이 모듈은 죽은 유닛을 미니배치
하나가 아니라 훈련 세트 전체로 판정합니다. 배치 경사 하강법(한 스텝에 훈련 세트 전체)으로
훈련하므로 스텝마다의 순전파가 곧 전체 샘플의 순전파이고, 활성화 함수 층의 출력 ``output``
이 모든 샘플에서 0인 유닛을 셉니다. 마지막 갱신 뒤의 상태는 평가 모드로 한 번 더 순전파해서
잽니다.

그림에 보이는 것
- 신경망 그림: 훈련이 끝났을 때 죽은 유닛은 빨간 X, 그 유닛에 닿은 연결(들어오는 것과
  나가는 것 모두 기울기가 0이라 갱신되지 않는 연결)은 빨간 점선입니다.
- 층마다 죽은 유닛 비율(%)이 스텝에 따라 어떻게 변하는지.
- 훈련 세트 전체의 손실과 정확도: 죽은 유닛이 많아지면 정확도가 떨어지는지.
- 맨 위 요약: "죽은 유닛 5/24개 (21%), 정확도 0.62" 와, 유닛이 죽은 뒤 그 유닛의
  가중치가 실제로 얼마나 바뀌었는지 (SGD에서는 정확히 0입니다).

확인할 점
- 학습률이 크면 한 번의 큰 갱신으로 편향과 가중치가 음수 쪽으로 밀려 많은 유닛이 한꺼번에
  죽습니다 (프리셋 "high_lr"). 한 층이 모두 죽으면 그 앞 층으로도 기울기가 흐르지 않아
  신경망 전체가 더는 학습하지 못합니다.
- 편향 초깃값이 음수이면 훈련을 시작하기 전부터 대부분 죽어 있고, 영영 살아나지 않습니다
  ("negative_bias").
- Leaky ReLU (f(z) = αz, z ≤ 0)는 음수 쪽에도 기울기 α가 남아 죽은 유닛이 생기지
  않습니다 ("leaky_fix"). α = 0이면 ReLU와 같습니다.
- 죽은 유닛이 몇 개 있어도 정확도가 그대로인 경우도 많습니다 ("harmless").
- Adam은 기울기가 0이 된 뒤에도 모멘텀(지난 기울기의 이동 평균)이 남아 있어, 죽은
  유닛의 가중치가 조금 더 움직입니다. 그래서 SGD에서만 '죽은 뒤 변화 = 0'이 정확히
  성립합니다.

쓰는 법

    from dlcourse.labs import dying_relu
    dying_relu.explorer()                          # 슬라이더로 바꿔 보기
    dying_relu.explorer(preset="high_lr")          # 강사용 설정 (PRESETS 참고)
    result = dying_relu.run(learning_rate=2.0)     # 숫자만 (그림 없음)
    dying_relu.plot(result)                        # 그림 한 장

갱신 시간 (기본 설정에서 학습률 슬라이더를 LiveFigure.set_values로 10번 바꾼 중앙값, 코어 두
개를 다른 작업과 나눠 쓰는 기계): 계산(run), 다시 그리기, PNG 만들기를 합쳐 84~88 ms입니다.
그중 run()이 25~30 ms(200샘플, 150스텝 전체 배치 훈련), 그리기가 약 45 ms, PNG가 약 11 ms
입니다. 다른 작업이 함께 돌 때는 140 ms까지 늘었습니다. 그리기 시간의 대부분은 글자이므로
범례 대신 층 이름의 색으로 선을 구별하고 눈금을 적게 둡니다.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from numbers import Integral

import numpy as np

from .. import data, init, nn, optim, train
from .._validate import check_in_range, check_int_range, check_positive, check_positive_int
from ._common import (
    check_argument_names,
    check_result,
    check_seed,
    choose,
    figure_and_axes,
    preset_values,
)

__all__ = [
    "DEFAULTS",
    "PRESETS",
    "DyingReluResult",
    "run",
    "plot",
    "explorer",
]

DEFAULTS: dict = {
    "learning_rate": 0.3,
    "bias_init": 0.0,
    "alpha": 0.0,
    "optimizer": "sgd",
    "init": "he_normal",
    "steps": 150,
    "dataset": "moons",
    "hidden": (8, 8, 8),
    "seed": 0,
}

PRESETS: dict[str, dict] = {
    # 기본값과 같습니다: 작은 학습률과 He 초기화.
    "healthy": {
        "learning_rate": 0.3,
        "설명": "작은 학습률과 He 초기화(시드 0)에서는 은닉층 1, 2의 유닛이 하나도 죽지 않고 정확도가 "
        "0.98까지 오릅니다. 은닉층 3에서는 처음에 죽어 있던 유닛이 훈련 중에 살아났다 죽었다를 "
        "되풀이하다 살아서 끝나고, 다른 유닛 하나가 첫 갱신 뒤에 죽어 끝까지 죽어 있습니다. "
        "그래서 은닉층 3의 죽은 유닛 비율이 12.5%와 25% 사이를 오갑니다.",
    },
    # 큰 학습률: 처음 몇 스텝의 큰 갱신이 많은 유닛을 음수 쪽으로 밀어냅니다.
    "high_lr": {
        "learning_rate": 2.0,
        "설명": "학습률이 크면 처음 몇 스텝 만에 유닛 대부분이 죽습니다. 은닉층 2가 모두 죽으면 "
        "그 앞뒤 층에도 기울기가 흐르지 않아 정확도가 0.5에 머뭅니다.",
    },
    # 음수 편향: 시작부터 z < 0 인 유닛이 대부분이라 기울기가 흐르지 않습니다.
    "negative_bias": {
        "bias_init": -2.0,
        "설명": "편향 초깃값이 -2이면 스텝 0에서 이미 거의 모든 유닛이 죽어 있고 끝까지 살아나지 "
        "않습니다.",
    },
    # high_lr과 같은 학습률에 Leaky ReLU: 음수 쪽 기울기 α가 유닛을 살려 둡니다.
    "leaky_fix": {
        "learning_rate": 2.0,
        "alpha": 0.05,
        "설명": "high_lr과 같은 큰 학습률이라도 Leaky ReLU(α = 0.05)는 음수 쪽에 기울기가 남아 "
        "죽은 유닛이 하나도 없고, 정확도도 0.5에 갇히지 않습니다.",
    },
    # Adam: 매개변수마다 갱신 크기를 조절해 큰 점프가 없습니다.
    "adam": {
        "optimizer": "adam",
        "learning_rate": 0.01,
        "설명": "Adam은 매개변수마다 갱신 크기를 조절해 죽은 유닛이 거의 늘지 않습니다. 모멘텀이 "
        "남아 있어 죽은 유닛의 가중치도 죽은 뒤 조금 움직이는 것을 위 요약에서 확인하세요.",
    },
    # 죽은 유닛이 몇 개 생기지만 나머지 유닛으로 충분합니다.
    "harmless": {
        "learning_rate": 1.0,
        "설명": "훈련 중에 유닛 몇 개가 죽지만 남은 유닛으로 충분해서 정확도는 거의 1입니다.",
    },
}

_OPTIMIZERS = {"sgd": "SGD", "adam": "Adam"}
_INITS = {
    "he_normal": "He 정규",
    "glorot_uniform": "Glorot 균등",
    "random_normal": "정규분포 σ = 1",
}
_DATASETS = {"moons": "반달", "spirals": "나선"}

N_SAMPLES = 200
ALIVE_WINDOW = 20  # 살아 있는 유닛의 가중치 변화를 잴 마지막 스텝 수 (비교용)


@dataclass(frozen=True)
class DyingReluResult:
    """run()의 결과 (숫자만).

    - layer_sizes: 층마다 유닛 수 (입력, 은닉..., 출력).
    - eval_steps: 잰 시점의 스텝 0, 1, ..., T (0 = 훈련 전, T = 마지막 갱신 뒤).
      발산하면 멈춘 스텝까지만 있습니다.
    - dead_fraction: (평가 횟수, 은닉층 수) 층마다 죽은 유닛 비율 (훈련 세트 전체 기준).
    - loss, accuracy: 평가 시점마다 훈련 세트 전체의 손실과 정확도.
    - initial_dead, dead: 은닉층마다 죽은 유닛 마스크 (훈련 전, 훈련 후).
    - death_step: 은닉층마다, 끝까지 죽어 있는 유닛이 마지막으로 죽은 스텝 (살아 있으면 -1).
    - change_since_death: 은닉층마다, 죽은 뒤 그 유닛에 닿은 가중치와 편향
      (들어오는 W 열, b, 나가는 W 행)의 최대 변화 max |w(t) − w(죽은 스텝)| (살아 있으면 NaN).
    - dead_weight_change: change_since_death의 최댓값 (죽은 유닛이 없으면 NaN).
    - alive_weight_change: 살아 있는 유닛으로 들어오는 가중치가 마지막 ALIVE_WINDOW 스텝
      동안 바뀐 최대 크기 (비교용, 없으면 NaN).
    - n_dead, n_units, final_loss, final_accuracy, summary: 요약 (summary는 한국어 한 줄).
    - diverged, message: 발산했는지와 한국어 설명.
    """

    params: dict
    layer_sizes: tuple
    eval_steps: np.ndarray
    dead_fraction: np.ndarray
    loss: np.ndarray
    accuracy: np.ndarray
    initial_dead: tuple
    dead: tuple
    death_step: tuple
    change_since_death: tuple
    dead_weight_change: float
    alive_weight_change: float
    n_dead: int
    n_units: int
    final_loss: float
    final_accuracy: float
    summary: str
    diverged: bool = False
    message: str | None = None


# ---------------------------------------------------------------------------
# 입력 검사
# ---------------------------------------------------------------------------


def _check_params(params: dict) -> dict:
    """run()의 인자를 계산 전에 모두 검사하고 정리한 사전을 돌려줍니다."""
    check_argument_names(params, list(DEFAULTS))
    p = {**DEFAULTS, **params}
    p["learning_rate"] = check_positive(p["learning_rate"], "학습률(learning_rate)")
    p["bias_init"] = check_in_range(
        p["bias_init"], "편향 초깃값(bias_init)", -10.0, 10.0, high_inclusive=True
    )
    p["alpha"] = check_in_range(
        p["alpha"], "Leaky ReLU 기울기(alpha)", 0.0, 1.0, high_inclusive=True
    )
    for key, table, what in (
        ("optimizer", _OPTIMIZERS, "옵티마이저"),
        ("init", _INITS, "초기화 방법"),
        ("dataset", _DATASETS, "데이터셋"),
    ):
        p[key] = choose(p[key], table, what)
    p["steps"] = check_int_range(p["steps"], "스텝 수(steps)", 1, 2000)
    hidden = p["hidden"]
    if isinstance(hidden, Integral) or not hasattr(hidden, "__iter__"):
        raise TypeError(
            f"은닉층 크기(hidden)는 정수들의 목록이어야 합니다 (받은 값: {hidden!r}). 예: (8, 8, 8)"
        )
    hidden = tuple(check_positive_int(h, "은닉층의 유닛 수(hidden)") for h in hidden)
    if not 1 <= len(hidden) <= 5 or max(hidden) > 64:
        raise ValueError(
            f"은닉층은 1~5개, 층마다 유닛은 1~64개여야 합니다 (받은 값: {hidden}). 예: (8, 8, 8)"
        )
    p["hidden"] = hidden
    p["seed"] = check_seed(p["seed"])
    return p


# ---------------------------------------------------------------------------
# 계산
# ---------------------------------------------------------------------------


def _build_net(p: dict):
    """설정대로 MLP를 만듭니다. α = 0이면 ReLU, α > 0이면 Leaky ReLU입니다."""
    activation = nn.ReLU() if p["alpha"] == 0 else nn.LeakyReLU(p["alpha"])
    weight_init = (
        init.get("random_normal", stddev=1.0) if p["init"] == "random_normal" else p["init"]
    )
    return nn.mlp(
        [2, *p["hidden"], 2],
        activation=activation,
        init=weight_init,
        seed=p["seed"],
        bias_init=init.get("constant", value=p["bias_init"]),
    )


class _Recorder(train.Monitor):
    """fit()의 모니터: 스텝마다 죽은 유닛 마스크와 가중치 복사본을 남깁니다.

    배치 경사 하강법이라 스텝마다의 순전파가 곧 훈련 세트 전체의 순전파입니다. fit은
    역전파 뒤, 갱신 앞에서 record(t)를 부르므로 t번째 기록은 t번 갱신한 매개변수 θ_t의
    상태입니다. 죽은 유닛: 활성화 층의 output이 모든 샘플에서 0인 유닛.
    """

    name = "dying_relu_recorder"

    def __init__(self):
        super().__init__(every=1)
        self.dead: list[list[np.ndarray]] = []
        self.weights: list[list[np.ndarray]] = []
        self.biases: list[list[np.ndarray]] = []

    def record(self, step: int) -> None:
        self.steps.append(step)
        self.dead.append([~a.output.any(axis=0) for a in self.activation_layers])
        self.weights.append([d.W.copy() for d in self.dense_layers])
        self.biases.append([d.b.copy() for d in self.dense_layers])

    def truncate(self, count: int) -> None:
        """앞쪽 count개 기록만 남깁니다 (발산으로 다른 기록과 길이가 다를 때)."""
        for rows in (self.steps, self.dead, self.weights, self.biases):
            del rows[count:]


def _measure(net, X, y, rec: _Recorder, losses: list, accuracies: list, step: int) -> None:
    """지금 매개변수로 훈련 세트 전체를 평가 모드로 순전파해 손실, 정확도, 죽은 유닛을 남깁니다."""
    out = net.predict(X)
    losses.append(nn.SoftmaxCrossEntropy().forward(out, y))
    accuracies.append(float(np.mean(out.argmax(axis=1) == y)))
    rec.record(step)


def _changes_since_death(rec: _Recorder, layer: int, dead_history: np.ndarray):
    """은닉층 layer의 유닛마다 (죽은 스텝, 죽은 뒤 닿은 가중치의 최대 변화)를 구합니다.

    dead_history: (평가 횟수, 유닛 수) 불 배열. 끝까지 죽어 있는 유닛 j에 대해 t_d는
    dead_history[t_d:, j]가 모두 True가 되는 가장 이른 평가 번호입니다.
    """
    n_units = dead_history.shape[1]
    death_step = np.full(n_units, -1)
    change = np.full(n_units, np.nan)
    W_in = np.stack([w[layer] for w in rec.weights])  # (평가 횟수, 앞 층, 이 층)
    b_in = np.stack([b[layer] for b in rec.biases])  # (평가 횟수, 이 층)
    W_out = np.stack([w[layer + 1] for w in rec.weights])  # (평가 횟수, 이 층, 뒤 층)
    for j in np.flatnonzero(dead_history[-1]):
        alive_at = np.flatnonzero(~dead_history[:, j])
        t_d = 0 if alive_at.size == 0 else alive_at[-1] + 1
        death_step[j] = rec.steps[t_d]
        change[j] = max(
            np.abs(W_in[t_d:, :, j] - W_in[t_d, :, j]).max(),
            np.abs(b_in[t_d:, j] - b_in[t_d, j]).max(),
            np.abs(W_out[t_d:, j, :] - W_out[t_d, j, :]).max(),
        )
    return death_step, change


def _alive_change(rec: _Recorder, layer: int, alive: np.ndarray) -> float:
    """살아 있는 유닛으로 들어오는 가중치가 마지막 ALIVE_WINDOW 스텝 동안 바뀐 최대 크기."""
    if not alive.any() or len(rec.steps) < 2:
        return math.nan
    last = rec.steps[-1]
    start = int(np.searchsorted(rec.steps, last - ALIVE_WINDOW))
    before, after = rec.weights[start][layer], rec.weights[-1][layer]
    return float(np.abs(after[:, alive] - before[:, alive]).max())


def _summary(n_dead: int, n_units: int, accuracy: float, diverged: bool, step: int) -> str:
    """그림 맨 위에 쓰는 한 줄: "죽은 유닛 5/24개 (21%), 정확도 0.62"."""
    text = f"죽은 유닛 {n_dead}/{n_units}개 ({100 * n_dead / n_units:.0f}%)"
    if diverged:
        return f"{text}, 발산 (스텝 {step})"
    return f"{text}, 정확도 {accuracy:.2f}"


def run(**params) -> DyingReluResult:
    """ReLU(또는 Leaky ReLU) MLP를 훈련하고 죽은 유닛을 훈련 세트 전체로 셉니다.

    인자 (모두 선택, 기본값은 DEFAULTS):
    - learning_rate: 학습률 η (> 0).
    - bias_init: 모든 편향의 초깃값 b (상수).
    - alpha: Leaky ReLU의 음수 쪽 기울기 α (0 이상 1 이하). 0이면 ReLU.
    - optimizer: "sgd" 또는 "adam".
    - init: 가중치 초기화 "he_normal", "glorot_uniform", "random_normal"(σ = 1).
    - steps: 갱신 횟수. 배치 경사 하강법(훈련 세트 전체로 한 번에)이라 한 스텝이 한 에폭입니다.
    - dataset: "moons"(반달) 또는 "spirals"(나선), 샘플 200개.
    - hidden: 은닉층 크기들, 예: (8, 8, 8).
    - seed: 데이터와 가중치의 시드.

    발산해도 예외를 내지 않고 diverged=True와 한국어 message를 돌려줍니다.
    """
    p = _check_params(params)
    if p["dataset"] == "moons":
        X, y = data.moons(N_SAMPLES, noise=0.15, seed=p["seed"])
    else:
        X, y = data.spirals(N_SAMPLES, seed=p["seed"])
    net = _build_net(p)
    rec = _Recorder()
    opt_cls = optim.SGD if p["optimizer"] == "sgd" else optim.Adam
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", train.DivergenceWarning)
            history = train.fit(
                net,
                X,
                y,
                loss="cross_entropy",
                optimizer=opt_cls(learning_rate=p["learning_rate"]),
                epochs=p["steps"],  # 배치 경사 하강법: 한 에폭 = 한 스텝
                batch_size=None,
                shuffle=False,  # 전체 배치라 섞어도 기울기는 같습니다 (더하는 순서만 바뀝니다).
                monitors=[rec],
            )
        # 발산하면 멈춘 자리까지만 기록이 있습니다. 매개변수가 inf/NaN이 되어 멈춘 에폭은
        # 정확도가 기록되지 않으므로 NaN으로 채웁니다.
        count = min(len(rec.steps), len(history.step_loss))
        rec.truncate(count)
        losses = list(history.step_loss[:count])
        accuracies = list(history.accuracy[:count])
        accuracies += [math.nan] * (count - len(accuracies))
        diverged = bool(history.diverged)
        if not diverged:
            # 마지막 갱신 뒤의 상태 θ_T도 훈련 세트 전체로 한 번 더 잽니다.
            _measure(net, X, y, rec, losses, accuracies, history.steps)
            diverged = not np.isfinite(losses[-1])
        elif count == 0:
            # 첫 스텝에서 바로 멈춘 경우: 같은 시드로 처음 상태 θ_0을 다시 만들어 잽니다.
            first = _build_net(p)
            rec.bind(first)
            _measure(first, X, y, rec, losses, accuracies, 0)
    message = None
    if diverged:
        message = history.message or (
            f"발산했습니다: {history.steps}스텝에서 손실이 유한한 값이 아니게 되었습니다. "
            "학습률을 낮추거나, 초기화를 바꾸거나, Leaky ReLU를 써 보세요."
        )

    dead_history = [np.array([d[k] for d in rec.dead]) for k in range(len(rec.activation_layers))]
    death_steps, changes = [], []
    alive_changes = []
    for k, history_k in enumerate(dead_history):
        death_step, change = _changes_since_death(rec, k, history_k)
        death_steps.append(death_step)
        changes.append(change)
        alive_changes.append(_alive_change(rec, k, ~history_k[-1]))
    all_changes = np.concatenate(changes)
    finite_alive = [c for c in alive_changes if math.isfinite(c)]
    n_dead = int(sum(d.sum() for d in rec.dead[-1]))
    n_units = int(sum(p["hidden"]))
    dead_change = float(np.nanmax(all_changes)) if np.isfinite(all_changes).any() else math.nan
    final_accuracy = accuracies[-1]
    return DyingReluResult(
        params=dict(p),
        layer_sizes=(2, *p["hidden"], 2),
        eval_steps=np.asarray(rec.steps),
        dead_fraction=np.column_stack([h.mean(axis=1) for h in dead_history]),
        loss=np.asarray(losses, dtype=float),
        accuracy=np.asarray(accuracies, dtype=float),
        initial_dead=tuple(rec.dead[0]),
        dead=tuple(rec.dead[-1]),
        death_step=tuple(death_steps),
        change_since_death=tuple(changes),
        dead_weight_change=dead_change,
        alive_weight_change=max(finite_alive) if finite_alive else math.nan,
        n_dead=n_dead,
        n_units=n_units,
        final_loss=float(losses[-1]),
        final_accuracy=final_accuracy,
        summary=_summary(n_dead, n_units, final_accuracy, diverged, history.steps),
        diverged=diverged,
        message=message,
    )


# ---------------------------------------------------------------------------
# 그림
# ---------------------------------------------------------------------------

_LAYER_STYLES = ("-", "--", ":", "-.", (0, (5, 1, 1, 1)))
_FIGSIZE = (11.0, 4.2)


def _layer_names(result: DyingReluResult) -> list[str]:
    hidden = [f"은닉층 {k}" for k in range(1, len(result.layer_sizes) - 1)]
    return ["입력층", *hidden, "출력층"]


def _change_text(result: DyingReluResult) -> str:
    """죽은 유닛의 가중치가 죽은 뒤 바뀌었는지 알려 주는 한 줄."""
    if result.diverged:
        return f"발산하기 전 마지막으로 잰 상태입니다 (스텝 {int(result.eval_steps[-1])})"
    if result.n_dead == 0 or not math.isfinite(result.dead_weight_change):
        return "죽은 유닛이 없어 모든 연결이 갱신됩니다"
    text = f"죽은 유닛에 닿은 가중치의 죽은 뒤 변화: 최대 {result.dead_weight_change:.2g}"
    if math.isfinite(result.alive_weight_change):
        text += f" (살아 있는 유닛, 마지막 {ALIVE_WINDOW}스텝: {result.alive_weight_change:.2g})"
    return text


class _Panels:
    """plot()과 explorer()가 함께 쓰는 그림: 신경망, 죽은 유닛 비율과 정확도, 손실.

    처음에 artist를 만들고, update(result)는 그 artist의 자료만 바꿉니다. 다시 그리는
    시간의 대부분은 글자(눈금 숫자 등)를 그리는 데 들므로 눈금을 적게 둡니다.
    """

    def __init__(self, fig, axes, result: DyingReluResult):
        from matplotlib.lines import Line2D
        from matplotlib.ticker import MaxNLocator

        from .. import viz

        self.viz = viz
        self.fig = fig
        ax_net, ax_dead, ax_loss = axes
        axes[0].get_gridspec().set_width_ratios([1.8, 1.1, 0.8])
        self.layer_sizes = result.layer_sizes
        self.diagram = viz.network_diagram(
            ax_net,
            list(result.layer_sizes),
            layer_names=_layer_names(result),
            legend=False,
        )
        dead_edge = Line2D(
            [], [], color=viz.DEAD_STYLE["color"], ls=viz.DEAD_STYLE["linestyle"], lw=1.1
        )
        ax_net.legend(
            [self.diagram.alive_nodes, self.diagram.dead_nodes, dead_edge],
            ["살아 있는 유닛", "죽은 유닛", "갱신되지 않는 연결"],
            loc="upper center",
            bbox_to_anchor=(0.5, 1.06),
            ncols=3,
            frameon=False,
            fontsize=9,
            handlelength=1.6,
            columnspacing=1.0,
        )
        ax_net.set_title("훈련이 끝났을 때의 신경망", fontsize=11, pad=14)

        # 층마다 선 색을 신경망 그림의 층 이름 색과 맞춥니다 (범례를 따로 그리지 않습니다).
        n_hidden = len(result.layer_sizes) - 2
        self.dead_lines = []
        for k in range(n_hidden):
            color = viz.PALETTE[k % len(viz.PALETTE)]
            (line,) = ax_dead.plot(
                [], [], lw=1.8, color=color, ls=_LAYER_STYLES[k % len(_LAYER_STYLES)]
            )
            self.dead_lines.append(line)
            self.diagram.layer_texts[k + 1].set_color(color)
        (self.acc_line,) = ax_dead.plot([], [], lw=2.4, color=viz.BLACK)
        ax_dead.set_ylim(-3, 103)
        ax_dead.set_yticks([0, 50, 100])
        ax_dead.set_xlabel("스텝")
        ax_dead.set_ylabel("%")
        ax_dead.set_title(
            "층별 죽은 유닛 (색: 층)\n정확도 (검은 선)", fontsize=10, linespacing=viz.LINESPACING
        )

        (self.loss_line,) = ax_loss.plot([], [], lw=1.8, color=viz.BLUE)
        ax_loss.set_xlabel("스텝")
        ax_loss.set_title("손실\n(교차 엔트로피)", fontsize=10, linespacing=viz.LINESPACING)
        ax_loss.yaxis.set_major_locator(MaxNLocator(3))
        self.ax_dead, self.ax_loss = ax_dead, ax_loss
        self.title = fig.suptitle("", fontsize=11, linespacing=viz.LINESPACING)
        self.update(result)

    def update(self, result: DyingReluResult) -> None:
        viz = self.viz
        if result.layer_sizes != self.layer_sizes:
            raise ValueError(
                f"층 크기가 처음 그림과 다릅니다 (처음 {self.layer_sizes}, 지금 {result.layer_sizes}). "
                "층 크기를 바꾸려면 그림을 새로 만드세요."
            )
        inputs = np.zeros(self.layer_sizes[0], dtype=bool)
        outputs = np.zeros(self.layer_sizes[-1], dtype=bool)
        self.diagram.set_state(node_state=[inputs, *result.dead, outputs])

        steps = result.eval_steps
        for line, fraction in zip(self.dead_lines, result.dead_fraction.T, strict=True):
            line.set_data(steps, 100.0 * fraction)
        self.acc_line.set_data(steps, 100.0 * result.accuracy)
        right = result.params["steps"]
        for ax in (self.ax_dead, self.ax_loss):
            ax.set_xlim(0, right)
            ax.set_xticks([0, right // 2, right])

        losses = np.where(np.isfinite(result.loss), result.loss, np.nan)
        self.loss_line.set_data(steps, losses)
        finite = losses[np.isfinite(losses)]
        # 한 번 튀어 오른 손실 때문에 나머지가 납작해지지 않게 위쪽을 처음 손실의 2.5배로 자릅니다.
        top = min(float(finite.max()), 2.5 * float(finite[0])) if finite.size else 1.0
        self.ax_loss.set_ylim(0.0, max(1.05 * top, 0.1))

        self.title.set_text(f"{result.summary}\n{_change_text(result)}")
        if result.diverged:
            viz.show_message(self.fig, result.message, kind="error")


def plot(result: DyingReluResult, fig=None):
    """run()의 결과를 그림 한 장으로 그립니다: 신경망(죽은 유닛은 빨간 X와 점선),
    층마다 죽은 유닛 비율, 손실과 정확도. fig를 주면 그 그림을 비우고 그립니다.
    matplotlib Figure를 돌려줍니다."""
    check_result(result, DyingReluResult, "dying_relu.run()")
    fig, axes = figure_and_axes(fig, 1, 3, figsize=_FIGSIZE)
    _Panels(fig, axes, result)
    return fig


def explorer(preset: str | None = None, **overrides):
    """죽은 ReLU 탐색기: 학습률, 편향 초깃값, Leaky ReLU 기울기, 옵티마이저, 초기화 방법,
    스텝 수, 데이터셋, 시드를 바꾸면 다시 훈련하고 그림을 고칩니다.

    preset: PRESETS의 이름 (예: "high_lr"). overrides: run()의 인자로 처음 값을 바꿉니다
    (예: explorer(learning_rate=1.0)). hidden(은닉층 크기)은 위젯이 없고 여기서만 정합니다.
    dlcourse.viz.LiveFigure를 돌려줍니다 (노트북 칸의 마지막 줄에 두면 보입니다).
    """
    from .. import viz

    # DEFAULTS ← 프리셋 ← overrides. 잘못된 값은 위젯을 만들기 전에 한국어로 알립니다.
    settings = {**DEFAULTS, **preset_values(PRESETS, preset), **overrides}
    _check_params(settings)
    controls = {
        "learning_rate": viz.log_slider(
            "학습률 η", 1e-3, 3.0, settings["learning_rate"], tooltip="learning rate"
        ),
        "bias_init": viz.float_slider(
            "편향 초깃값 b", -3.0, 1.0, settings["bias_init"], step=0.25, tooltip="bias init"
        ),
        "alpha": viz.float_slider(
            "Leaky ReLU 기울기 α (0 = ReLU)",
            0.0,
            0.3,
            settings["alpha"],
            step=0.01,
            tooltip="leaky slope",
        ),
        "optimizer": viz.dropdown(
            "옵티마이저", {"SGD": "sgd", "Adam": "adam"}, settings["optimizer"]
        ),
        "init": viz.dropdown(
            "초기화 방법",
            {
                "He 정규 (he_normal)": "he_normal",
                "Glorot 균등 (glorot_uniform)": "glorot_uniform",
                "정규분포 σ = 1 (random_normal)": "random_normal",
            },
            settings["init"],
        ),
        "steps": viz.int_slider("스텝 수", 10, 300, settings["steps"], step=10),
        "dataset": viz.dropdown(
            "데이터셋", {"반달 (moons)": "moons", "나선 (spirals)": "spirals"}, settings["dataset"]
        ),
        "seed": viz.int_slider("시드", 0, 9, settings["seed"]),
    }
    fixed = {k: v for k, v in settings.items() if k not in controls}
    fig, axes = viz.new_figure(1, 3, figsize=_FIGSIZE)
    panels = _Panels(fig, axes, run(**settings))

    def update(**values):
        panels.update(run(**fixed, **values))

    return viz.LiveFigure(fig, update, controls)
