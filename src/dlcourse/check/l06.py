"""6강(배치, 확률적, 미니배치 경사 하강법) 연습 문제 채점기.

    from dlcourse import check
    check.l06.update_counts(count_updates)                 # 직접 해보기 1
    check.l06.minibatch_indices(minibatch_indices)         # 직접 해보기 2
    check.l06.batch_and_learning_rate(my_choice)           # 직접 해보기 3
    check.l06.average_gradient(average_of_sample_grads)    # 직접 해보기 4 (선택)

한 에폭의 갱신 횟수는 ceil(N / N_B)입니다 (마지막의 작은 미니배치도 한 번의 갱신).
채점 함수는 언제나 Feedback을 돌려줍니다. 틀린 답이면 흔한 실수(내림, 반올림, 마지막
미니배치 버리기, 전역 난수 쓰기, 평균 대신 합 등)와 비교해서 무엇이 다른지 알려 줍니다.
"""

from __future__ import annotations

import copy
import math

import numpy as np

from .. import nn
from ..data import n_batches
from ..labs import batching
from ._feedback import Feedback, failed, guarded, passed

__all__ = [
    "UPDATE_CASES",
    "INDEX_CASES",
    "LOSS_TARGET",
    "CHOICE_KEYS",
    "update_counts",
    "minibatch_indices",
    "batch_and_learning_rate",
    "average_gradient",
]


# ---------------------------------------------------------------------------
# 직접 해보기 1: 갱신 횟수 세기
# ---------------------------------------------------------------------------

UPDATE_CASES = (
    (150, 15, 100),
    (150, 1, 2),
    (150, 150, 1000),
    (1000, 32, 20),
    (150, 40, 10),
    (60000, 128, 5),
    (100, 200, 3),
)
"""(샘플 수 N, 배치 크기 N_B, 에폭 수). 나누어떨어지는 경우, 아닌 경우, N_B > N인 경우가 섞여 있습니다."""


def _expected_counts(n: int, batch: int, epochs: int) -> tuple[int, int]:
    """(한 에폭의 갱신 횟수 ceil(N / N_B), 전체 갱신 횟수 = 에폭 수 × 그 값). N_B > N이면 한 번."""
    per_epoch = n_batches(n, batch)
    return per_epoch, per_epoch * epochs


_COUNT_MISTAKES = (
    (
        lambda n, b, e: (n // b, e * (n // b)),
        "나누어떨어지지 않을 때 내림을 했습니다. 남은 샘플로 만든 마지막 작은 미니배치도 한 번의 갱신입니다.",
        "한 에폭의 갱신 횟수는 올림 ⌈N / N_B⌉ 입니다: math.ceil(n_samples / batch_size).",
    ),
    (
        lambda n, b, e: (round(n / b), e * round(n / b)),
        "반올림을 했습니다. 1000 / 32 = 31.25처럼 조금만 남아도 미니배치가 하나 더 생깁니다.",
        "반올림이 아니라 올림 ⌈N / N_B⌉ 입니다: math.ceil(n_samples / batch_size).",
    ),
    (
        lambda n, b, e: (b, e * b),
        "한 에폭의 갱신 횟수 자리에 배치 크기 N_B를 넣었습니다.",
        "N_B는 미니배치 하나에 든 샘플 수입니다. 한 에폭에는 미니배치가 ⌈N / N_B⌉개 있습니다.",
    ),
    (
        lambda n, b, e: (n, e * n),
        "한 에폭의 갱신 횟수가 언제나 샘플 수 N입니다. 그것은 배치 크기가 1인 확률적 경사 하강법일 때만 맞습니다.",
        "미니배치 하나로 한 번 갱신합니다. 한 에폭의 미니배치 수는 ⌈N / N_B⌉ 입니다.",
    ),
    (
        lambda n, b, e: (math.ceil(n / b), e),
        "한 에폭의 갱신 횟수는 맞습니다. 전체 갱신 횟수를 에폭 수로 적었습니다.",
        "에폭마다 ⌈N / N_B⌉번 갱신하므로 전체는 에폭 수 × ⌈N / N_B⌉ 입니다.",
    ),
)


def _as_count(value, what: str) -> int | Feedback:
    """정숫값 하나로 바꿉니다 (10.0 같은 실수도 받습니다). 아니면 Feedback."""
    if isinstance(value, (bool, np.bool_)) or value is None or isinstance(value, (str, bytes)):
        return failed(
            f"{what}: 정수 하나여야 합니다 (받은 값: {value!r}).",
            "math.ceil(...)의 결과나 정수 곱셈의 결과를 돌려주세요.",
        )
    try:
        number = float(value)
    except (TypeError, ValueError):
        return failed(
            f"{what}: 정수 하나여야 합니다 (받은 자료형: {type(value).__name__}).",
            "return per_epoch, total 처럼 정수 두 개를 돌려주세요.",
        )
    if not math.isfinite(number) or number != int(number):
        return failed(
            f"{what}: 정수가 아닙니다 (받은 값: {number:g}). 갱신은 한 번, 두 번처럼 정수 번만 할 수 있습니다.",
            "N / N_B가 나누어떨어지지 않으면 올림을 하세요: math.ceil(n_samples / batch_size).",
        )
    return int(number)


@guarded
def update_counts(count_updates) -> Feedback:
    """학생의 count_updates(n_samples, batch_size, epochs) → (한 에폭의 갱신 횟수, 전체 갱신 횟수)를
    UPDATE_CASES에서 확인합니다. 정답: (⌈N / N_B⌉, 에폭 수 × ⌈N / N_B⌉), N_B > N이면 (1, 에폭 수).
    """
    if not callable(count_updates):
        return failed(
            f"함수를 넘겨야 합니다 (받은 자료형: {type(count_updates).__name__}).",
            "괄호 없이 함수 이름만 넘기세요: check.l06.update_counts(count_updates)",
        )
    answers = []
    for n, batch, epochs in UPDATE_CASES:
        result = count_updates(n, batch, epochs)
        if not (isinstance(result, (tuple, list)) and len(result) == 2):
            return failed(
                "함수는 (한 에폭의 갱신 횟수, 전체 갱신 횟수) 두 개를 돌려주어야 합니다"
                + (" (받은 값: None)." if result is None else f" (받은 값: {result!r})."),
                "마지막 줄을 return per_epoch, total 로 쓰세요.",
            )
        pair = []
        for value, what in zip(result, ("한 에폭의 갱신 횟수", "전체 갱신 횟수"), strict=True):
            count = _as_count(value, f"N = {n}, N_B = {batch}일 때 {what}")
            if isinstance(count, Feedback):
                return count
            pair.append(count)
        answers.append(tuple(pair))

    expected = [_expected_counts(*case) for case in UPDATE_CASES]
    if answers == expected:
        lines = ", ".join(
            f"N = {n}, N_B = {b}, {e}에폭 → {p}×{e} = {t}번"
            for (n, b, e), (p, t) in zip(UPDATE_CASES[:4], expected[:4], strict=True)
        )
        return passed(
            f"일곱 경우 모두 맞습니다 ({lines} 등). 에폭 수가 같아도 배치 크기에 따라 갱신 횟수가 "
            "크게 달라집니다."
        )
    for mistake, message, hint in _COUNT_MISTAKES:
        wrong = [mistake(*case) for case in UPDATE_CASES]
        # 채점 경우 중 학생의 답과 실수 식이 모두 일치하면 그 실수라고 봅니다.
        if answers == wrong:
            return failed(message, hint)
    for (n, batch, epochs), got, want in zip(UPDATE_CASES, answers, expected, strict=True):
        if got != want:
            if batch > n and got[0] != 1:
                return failed(
                    f"N = {n}, N_B = {batch}: 배치 크기가 샘플 수보다 크면 미니배치 하나에 모든 샘플이 "
                    f"들어가므로 한 에폭에 한 번 갱신합니다 (받은 값: {got[0]}).",
                    "math.ceil(n_samples / batch_size)는 이 경우에도 1이 됩니다.",
                )
            return failed(
                f"N = {n}, N_B = {batch}, {epochs}에폭: 받은 답 {got}, 정답 {want}.",
                "한 에폭의 갱신 횟수 = ⌈N / N_B⌉, 전체 = 에폭 수 × ⌈N / N_B⌉ 입니다.",
            )
    return failed("아직 맞지 않는 경우가 있습니다.", "⌈N / N_B⌉과 에폭 수를 곱해 보세요.")


# ---------------------------------------------------------------------------
# 직접 해보기 2: 미니배치 번호 만들기
# ---------------------------------------------------------------------------

INDEX_CASES = ((10, 3), (150, 15), (150, 40), (7, 7), (5, 10), (1, 1), (23, 1))
"""(샘플 수 N, 배치 크기 N_B). 마지막 미니배치가 작은 경우와 N_B ≥ N인 경우가 들어 있습니다."""


def _collect_batches(fn, n: int, batch: int, seed: int) -> list[np.ndarray] | Feedback:
    """학생 함수를 새 Generator로 불러 미니배치 번호 배열의 목록을 만듭니다."""
    output = fn(n, batch, np.random.default_rng(seed))
    if output is None:
        return failed(
            "함수가 아무것도 돌려주지 않았습니다 (None).",
            "미니배치 번호 배열을 모은 목록을 return 하거나, yield로 하나씩 내보내세요.",
        )
    if isinstance(output, np.ndarray) and output.ndim == 1:
        return failed(
            f"N = {n}, N_B = {batch}: 1차원 배열 하나를 돌려주었습니다. 미니배치마다 번호 배열이 하나씩 "
            "있어야 합니다.",
            "섞은 순서 order를 만든 뒤 order[start:start + batch_size]를 미니배치마다 모으세요.",
        )
    try:
        items = list(output)
    except TypeError:
        return failed(
            f"돌려준 값을 차례로 꺼낼 수 없습니다 (받은 자료형: {type(output).__name__}).",
            "번호 배열의 목록(list)을 돌려주거나 yield로 하나씩 내보내세요.",
        )
    batches = []
    for k, item in enumerate(items):
        array = np.asarray(item)
        if array.ndim != 1 or (array.size and array.dtype.kind not in "iu"):
            return failed(
                f"N = {n}, N_B = {batch}: {k + 1}번째 미니배치가 정수 번호의 1차원 배열이 아닙니다 "
                f"(모양 {array.shape}, 자료형 {array.dtype}).",
                "rng.permutation(n_samples)로 만든 정수 배열을 잘라서 쓰세요.",
            )
        batches.append(array)
    return batches


@guarded
def minibatch_indices(fn) -> Feedback:
    """학생의 minibatch_indices(n_samples, batch_size, rng) → 미니배치 번호 배열들을 확인합니다.

    INDEX_CASES마다: 미니배치 수가 ⌈N / N_B⌉, 크기가 N_B (마지막만 남은 수), 0..N−1이 한 번씩
    모두 나오는지 봅니다. 그리고 섞었는지, rng(Generator)로 섞었는지 (같은 시드 → 같은 순서,
    다른 시드 → 다른 순서) 확인합니다.
    """
    if not callable(fn):
        return failed(
            f"함수를 넘겨야 합니다 (받은 자료형: {type(fn).__name__}).",
            "괄호 없이 함수 이름만 넘기세요: check.l06.minibatch_indices(minibatch_indices)",
        )
    for n, batch in INDEX_CASES:
        batches = _collect_batches(fn, n, batch, seed=0)
        if isinstance(batches, Feedback):
            return batches
        count = n_batches(n, batch)
        sizes = [len(b) for b in batches]
        expected_sizes = [batch] * (count - 1) + [n - batch * (count - 1)]
        where = f"N = {n}, N_B = {batch}"
        if len(batches) != count:
            if len(batches) == n // batch and n % batch:
                return failed(
                    f"{where}: 미니배치가 {len(batches)}개입니다. 남은 {n % batch}개로 만든 마지막 작은 "
                    f"미니배치를 버렸습니다. {count}개여야 합니다.",
                    "range(0, n_samples, batch_size)로 시작 위치를 정하면 마지막 조각도 들어갑니다.",
                )
            return failed(
                f"{where}: 미니배치가 {len(batches)}개입니다. ⌈{n} / {batch}⌉ = {count}개여야 합니다.",
                "섞은 순서를 앞에서부터 batch_size개씩 자르세요: order[start:start + batch_size].",
            )
        if sizes != expected_sizes:
            return failed(
                f"{where}: 미니배치 크기가 {sizes}입니다. {expected_sizes}이어야 합니다 "
                "(마지막 하나만 작을 수 있습니다).",
                "order[start:start + batch_size]로 자르면 크기가 저절로 맞습니다.",
            )
        everything = np.concatenate(batches) if batches else np.array([], dtype=int)
        values, counts = np.unique(everything, return_counts=True)
        if values.size and (values.min() < 0 or values.max() >= n):
            return failed(
                f"{where}: 번호가 0 ~ {n - 1} 범위를 벗어났습니다 (가장 작은 값 {values.min()}, "
                f"가장 큰 값 {values.max()}).",
                "샘플 번호는 0부터 n_samples − 1까지입니다: rng.permutation(n_samples).",
            )
        if np.any(counts > 1) or values.size != n:
            repeated = int(np.sum(counts > 1))
            missing = n - values.size
            return failed(
                f"{where}: 한 에폭에 두 번 이상 나온 번호가 {repeated}개, 한 번도 안 나온 번호가 "
                f"{missing}개입니다. 모든 샘플이 정확히 한 번씩 나와야 합니다.",
                "rng.integers나 rng.choice(..., replace=True)는 같은 번호를 또 뽑을 수 있습니다. "
                "순열 rng.permutation(n_samples)을 쓰세요.",
            )
    # 섞었는가, rng로 섞었는가: 샘플 150개, 미니배치 15개로 봅니다.
    first = np.concatenate(_collect_batches(fn, 150, 15, seed=0))
    again = np.concatenate(_collect_batches(fn, 150, 15, seed=0))
    other = np.concatenate(_collect_batches(fn, 150, 15, seed=1))
    if np.array_equal(first, np.arange(150)):
        return failed(
            "미니배치가 0, 1, 2, … 순서 그대로입니다. 섞지 않았습니다.",
            "붓꽃 데이터처럼 클래스별로 정렬된 데이터를 섞지 않으면 미니배치마다 한 클래스만 들어갑니다. "
            "order = rng.permutation(n_samples)로 섞으세요.",
        )
    if not np.array_equal(first, again):
        return failed(
            "같은 시드로 만든 rng를 넣었는데 순서가 달라졌습니다. 인자로 받은 rng가 아닌 다른 난수를 썼습니다 "
            "(예: np.random.permutation, np.random.shuffle).",
            "rng.permutation(n_samples)처럼 인자로 받은 Generator의 메서드를 쓰세요. 그래야 같은 시드에서 "
            "같은 결과가 나옵니다.",
        )
    if np.array_equal(first, other):
        return failed(
            "다른 시드의 rng를 넣어도 순서가 똑같습니다. 함수 안에서 시드를 고정한 생성기를 새로 만든 것 같습니다.",
            "np.random.default_rng(0)을 함수 안에서 만들지 말고, 인자로 받은 rng를 그대로 쓰세요.",
        )
    cases = ", ".join(f"({n}, {b})" for n, b in INDEX_CASES)
    return passed(
        f"(N, N_B) = {cases}에서 미니배치 수가 ⌈N / N_B⌉이고, 모든 샘플이 한 에폭에 정확히 한 번씩 "
        "나오며, 마지막 미니배치만 작습니다. 순서는 rng로 섞여서 같은 시드면 같고 시드가 다르면 다릅니다."
    )


# ---------------------------------------------------------------------------
# 직접 해보기 3: 150번의 갱신으로 손실 낮추기
# ---------------------------------------------------------------------------

LOSS_TARGET = 0.09
"""직접 해보기 3: 150번 갱신한 뒤 훈련 세트 전체의 손실이 이 값보다 작아야 합니다."""

CHOICE_KEYS = ("batch_size", "learning_rate")


@guarded
def batch_and_learning_rate(choice) -> Feedback:
    """학생이 고른 배치 크기와 학습률로 batching.run()을 실행해, 미니배치 경로가 150번 갱신한 뒤
    훈련 세트 전체에서 잰 손실 J(w)가 LOSS_TARGET보다 작은지 봅니다 (모멘텀 0, 시드 0).

    choice: {"batch_size": 1 ~ 150 정수, "learning_rate": 양수}.
    """
    if not isinstance(choice, dict):
        return failed(
            f"사전(dict)을 넣어야 합니다 (받은 자료형: {type(choice).__name__}).",
            'my_choice = {"batch_size": 15, "learning_rate": 0.1} 처럼 쓰세요.',
        )
    unknown = sorted(str(k) for k in choice if k not in CHOICE_KEYS)
    missing = [k for k in CHOICE_KEYS if k not in choice]
    if unknown or missing:
        parts = []
        if unknown:
            parts.append(f"이 연습에서 쓰지 않는 키: {', '.join(unknown)}")
        if missing:
            parts.append(f"빠진 키: {', '.join(missing)}")
        return failed(
            "; ".join(parts) + ".",
            f"키는 {', '.join(CHOICE_KEYS)} 두 개입니다. 모멘텀과 시드는 바꾸지 않습니다.",
        )
    batch_size, learning_rate = choice["batch_size"], choice["learning_rate"]
    try:
        result = batching.run(learning_rate=learning_rate, batch_size=batch_size)
    except (TypeError, ValueError) as exc:
        return failed(
            f"설정값이 올바르지 않습니다: {exc}",
            "batch_size는 1 이상 150 이하의 정수, learning_rate는 0보다 큰 수입니다.",
        )
    used = f"배치 크기 {result.batch_size}, 학습률 {result.learning_rate:g}"
    epochs = result.epochs[2]
    epoch_text = f"{epochs:.0f}" if float(epochs).is_integer() else f"{epochs:.1f}"
    if result.diverged:
        return failed(
            f"{used}: {result.message}",
            "학습률이 너무 큽니다. 줄여 보세요.",
        )
    loss = float(result.full_loss[2, -1])
    batch_gd_loss = float(result.full_loss[0, -1])
    accuracy = float(result.accuracy[2])
    summary = (
        f"{used}: 150번 갱신 ({epoch_text}에폭) 뒤 훈련 세트 전체의 손실 {loss:.3f}, "
        f"정확도 {accuracy:.3f}."
    )
    if loss < LOSS_TARGET:
        return passed(
            summary + f" 목표({LOSS_TARGET})보다 작습니다. 같은 학습률의 배치 경사 하강법은 "
            f"{batch_gd_loss:.3f}입니다."
        )
    if batch_gd_loss < LOSS_TARGET:
        return failed(
            summary + f" 목표는 {LOSS_TARGET}보다 작은 값입니다. 같은 학습률에서 배치 경사 하강법(배치 150)은 "
            f"{batch_gd_loss:.3f}까지 내려갑니다. 학습률은 충분한데, 미니배치가 작아 기울기의 잡음이 커서 "
            "끝 무렵에도 손실이 출렁입니다.",
            "배치 크기를 키우거나, 학습률을 조금 낮춰 보세요. 탐색기에서 흐린 선(미니배치 손실)을 보면 "
            "잡음의 크기가 보입니다.",
        )
    if np.max(np.diff(result.full_loss[0])) > 0.0:
        # 배치 경사 하강법의 손실이 한 번이라도 커졌다면, 작은 걸음이 아니라 너무 큰 걸음이 문제입니다.
        return failed(
            summary + f" 목표는 {LOSS_TARGET}보다 작은 값입니다. 같은 학습률에서 배치 경사 하강법도 "
            f"{batch_gd_loss:.3f}에 머물고, 손실이 줄지 않고 커지는 스텝이 있습니다. 학습률이 너무 커서 "
            "골짜기를 건너뛰고 있습니다.",
            "학습률을 줄여 보세요. 1강에서 학습률이 너무 크면 경로가 튕겨 나가던 것을 떠올리세요.",
        )
    return failed(
        summary + f" 목표는 {LOSS_TARGET}보다 작은 값입니다. 같은 학습률에서는 배치 경사 하강법도 "
        f"{batch_gd_loss:.3f}에 머뭅니다. 150번 갱신하는 동안 한 걸음이 너무 작아, 손실이 아직 "
        "내려가는 중입니다.",
        "학습률을 몇 배 키워 보세요 (이 문제는 볼록 함수라 꽤 큰 학습률도 견딥니다). 배치 크기가 너무 "
        "작으면 큰 학습률에서 잡음이 커진다는 것도 기억하세요.",
    )


# ---------------------------------------------------------------------------
# 직접 해보기 4 (선택): 샘플별 기울기의 평균 = 배치 기울기
# ---------------------------------------------------------------------------


class _RecordingNet:
    """신경망을 감싸 순전파에 들어온 배치 크기를 기록합니다 (샘플 하나씩 계산했는지 보려고)."""

    def __init__(self, net):
        self._net = net
        self.batch_sizes: list[int] = []

    def forward(self, X):
        self.batch_sizes.append(int(np.shape(X)[0]))
        return self._net.forward(X)

    def backward(self, dout):
        return self._net.backward(dout)

    @property
    def params(self):
        return self._net.params

    @property
    def grads(self):
        return self._net.grads

    @property
    def layers(self):
        return self._net.layers

    def __call__(self, X):
        return self.forward(X)


def _gradient_cases():
    """(이름, 신경망, 손실, X, y). 붓꽃 소프트맥스 분류기와 XOR의 2-3-1 회귀 신경망."""
    X_iris, y_iris = batching.standardized_iris()
    rng = np.random.default_rng(66)
    rows = rng.choice(len(X_iris), size=12, replace=False)
    iris_net = nn.Sequential([nn.Dense(4, 3, rng=rng, bias_init="glorot_uniform")])
    X_xor = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y_xor = np.array([[0.0], [1.0], [1.0], [0.0]])
    xor_net = nn.mlp([2, 3, 1], activation="sigmoid", seed=6, bias_init="glorot_uniform")
    return [
        ("붓꽃 12개, Dense(4, 3) + 교차 엔트로피", iris_net, nn.SoftmaxCrossEntropy(),
         X_iris[rows], y_iris[rows]),
        ("XOR 4개, 2-3-1 시그모이드 + 평균 제곱 오차", xor_net, nn.MSE(), X_xor, y_xor),
    ]


def _full_batch_gradient(net, loss, X, y) -> dict[str, np.ndarray]:
    loss.forward(net.forward(X), y)
    net.backward(loss.backward())
    return {key: value.copy() for key, value in net.grads.items()}


def _last_sample_gradient(net, loss, X, y) -> dict[str, np.ndarray]:
    return _full_batch_gradient(net, loss, X[-1:], y[-1:])


@guarded
def average_gradient(fn) -> Feedback:
    """학생의 fn(net, loss, X, y) → {매개변수 이름: 기울기}가 샘플마다 구한 기울기 ∇Eᵢ의 평균
    (1/N) Σᵢ ∇Eᵢ 인지, 곧 배치 전체로 한 번 구한 기울기 ∇J와 같은지 확인합니다.
    샘플 하나씩(배치 크기 1) 순전파했는지도 봅니다.
    """
    if not callable(fn):
        return failed(
            f"함수를 넘겨야 합니다 (받은 자료형: {type(fn).__name__}).",
            "괄호 없이 함수 이름만 넘기세요: check.l06.average_gradient(average_of_sample_grads)",
        )
    for name, net, loss, X, y in _gradient_cases():
        reference = _full_batch_gradient(copy.deepcopy(net), loss, X, y)
        last = _last_sample_gradient(copy.deepcopy(net), loss, X, y)
        recorder = _RecordingNet(copy.deepcopy(net))
        result = fn(recorder, loss, X.copy(), y.copy())
        if not isinstance(result, dict):
            return failed(
                f"{name}: 사전(dict)을 돌려주어야 합니다 (받은 자료형: {type(result).__name__}).",
                "net.grads와 같은 키를 가진 사전을 돌려주세요: {'0.W': ..., '0.b': ...}",
            )
        if set(result) != set(reference):
            return failed(
                f"{name}: 돌려준 사전의 키가 {sorted(result)}입니다. net.grads의 키 "
                f"{sorted(reference)}와 같아야 합니다.",
                "net.grads.items()를 돌며 같은 키로 모으세요.",
            )
        got = {}
        for key, value in result.items():
            array = np.asarray(value, dtype=np.float64)
            if array.shape != reference[key].shape:
                return failed(
                    f"{name}: '{key}'의 모양이 {array.shape}입니다. {reference[key].shape}이어야 합니다.",
                    "기울기는 매개변수와 모양이 같습니다.",
                )
            got[key] = array
        if all(not np.any(v) for v in got.values()):
            return failed(
                f"{name}: 돌려준 기울기가 모두 0입니다.",
                "샘플마다 역전파한 뒤 net.grads의 값을 더해 모으고, 마지막에 샘플 수로 나누세요.",
            )
        if 1 not in recorder.batch_sizes:
            return failed(
                f"{name}: 샘플을 하나씩 순전파하지 않았습니다 (순전파에 들어간 배치 크기: "
                f"{sorted(set(recorder.batch_sizes)) or '없음'}).",
                "for i in range(len(X)): 안에서 X[i:i+1], y[i:i+1]로 샘플 하나씩 순전파와 역전파를 하세요.",
            )
        n = len(X)

        def same(a: dict, b: dict, scale: float = 1.0) -> bool:
            return all(np.allclose(a[k], scale * b[k], rtol=1e-7, atol=1e-12) for k in b)

        if same(got, reference):
            continue
        if same(got, reference, scale=n):
            return failed(
                f"{name}: 샘플 수(N = {n})로 나누지 않았습니다. 합 Σᵢ ∇Eᵢ를 돌려주었습니다.",
                "∇J = (1/N) Σᵢ ∇Eᵢ 입니다. 다 더한 뒤 len(X)로 나누세요.",
            )
        if same(got, reference, scale=1.0 / n):
            return failed(
                f"{name}: 샘플 수(N = {n})로 두 번 나누었습니다.",
                "샘플 하나짜리 배치의 손실은 평균을 내도 그 샘플의 손실 그대로입니다. 마지막에 한 번만 나누세요.",
            )
        if same(got, last) or same(got, last, scale=1.0 / n) or same(got, last, scale=float(n)):
            return failed(
                f"{name}: 모든 샘플의 기울기가 마지막 샘플의 기울기와 같아졌습니다. net.grads의 배열은 "
                "역전파 때마다 제자리에서 덮어쓰이므로, 그 배열을 그대로 모으면 전부 마지막 값이 됩니다.",
                "더할 때 값을 복사하세요: total[key] += grad (total은 np.zeros_like로 따로 만든 배열), "
                "또는 grad.copy()를 모으세요.",
            )
        return failed(
            f"{name}: 배치 전체로 한 번 구한 기울기와 다릅니다.",
            "샘플마다 loss.forward(net.forward(X[i:i+1]), y[i:i+1]) → net.backward(loss.backward()) 후 "
            "net.grads를 더하고, 마지막에 샘플 수로 나누세요.",
        )
    return passed(
        "두 신경망 모두에서 샘플마다 구한 기울기의 평균이 배치 전체의 기울기와 같습니다: "
        "∇J = (1/N) Σᵢ ∇Eᵢ. 배치 경사 하강법은 이 평균으로, 확률적 경사 하강법은 ∇Eᵢ 하나로 갱신합니다."
    )
