"""훈련 루프 fit(): 미니배치마다 순전파 → 손실 → 역전파 → 갱신을 되풀이합니다.

    history = dl.train.fit(net, X, y, loss="cross_entropy",
                           optimizer=dl.optim.Adam(0.01), epochs=100, batch_size=15)

한 단계(step)는 미니배치 하나로 하는 갱신 한 번이고, 한 에폭(epoch)은 훈련 세트 전체를
한 번 훑는 것입니다. 샘플이 N개, 미니배치 크기가 N_B이면 한 에폭은 ceil(N / N_B) 단계입니다.

잘못된 입력(NaN이 든 데이터, 레이블 개수 불일치, 범위를 벗어난 레이블)은 훈련을 시작하기
전에 막습니다. 훈련 중 손실이나 매개변수가 inf/NaN이 되면 (발산) 그 자리에서 멈추고,
History.message에 한국어 설명을 남기고 DivergenceWarning을 한 번 냅니다.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Mapping

import numpy as np

from .._validate import as_float_array, check_finite, check_nonnegative, check_positive_int, lookup
from ..data import MiniBatches
from ..nn.losses import MSE, BinaryCrossEntropy, Loss, SoftmaxCrossEntropy
from ..nn.regularization import BatchNorm, add_l2_gradient, l2_penalty
from .history import DivergenceWarning, History
from .monitors import flatten_layers, make_monitors

__all__ = ["fit", "evaluate", "get_loss"]

_LOSSES = {
    "mse": MSE,
    "cross_entropy": SoftmaxCrossEntropy,
    "softmax_cross_entropy": SoftmaxCrossEntropy,
    "binary_cross_entropy": BinaryCrossEntropy,
    "bce": BinaryCrossEntropy,
}


def get_loss(loss) -> Loss:
    """손실 함수 객체나 이름("mse", "cross_entropy", "binary_cross_entropy")을 받습니다."""
    if isinstance(loss, Loss):
        return loss
    if isinstance(loss, type) and issubclass(loss, Loss):
        raise TypeError(
            f"손실 함수 클래스가 아니라 객체를 넘겨야 합니다 (받은 값: {loss.__name__}). "
            f"괄호를 붙여 {loss.__name__}() 처럼 넘기거나 이름(\"mse\", \"cross_entropy\")을 쓰세요."
        )
    return lookup(loss, _LOSSES, "손실 함수")()


def _check_optimizer(optimizer) -> None:
    """update(params, grads) 를 부를 수 있는 옵티마이저 객체인지 훈련 전에 확인합니다."""
    example = "예: dl.optim.SGD(learning_rate=0.1)"
    if isinstance(optimizer, type):
        raise TypeError(
            f"옵티마이저 클래스가 아니라 객체를 넘겨야 합니다 (받은 값: {optimizer.__name__}). "
            f"괄호를 붙여 학습률과 함께 만들어 넘기세요. {example}"
        )
    if isinstance(optimizer, (str, Mapping)) or not callable(getattr(optimizer, "update", None)):
        raise TypeError(
            f"optimizer에는 dl.optim의 옵티마이저 객체를 넣어야 합니다 (받은 값: {optimizer!r}). "
            + example
        )


def _output_width(net, X) -> int:
    """첫 샘플 하나로 순전파해 출력 크기를 알아냅니다 (입력 크기 검사도 겸합니다)."""
    was_training = getattr(net, "training", True)
    net.eval()
    try:
        out = net.forward(X[:1])
    finally:
        if was_training:
            net.train()
    return int(out.shape[1]) if out.ndim == 2 else 1


def _check_targets(loss: Loss, y, n: int, width: int, what: str) -> np.ndarray:
    """정답 y를 손실 함수에 맞는지 훈련 전에 검사합니다."""
    y = np.asarray(y)
    if y.ndim == 0:
        raise ValueError(
            f"{what}: 정답(레이블)은 샘플마다 하나씩 있는 배열이어야 합니다 (받은 것은 값 하나). "
            f"길이가 {n}인 배열을 넘겨 주세요."
        )
    if len(y) != n:
        raise ValueError(
            f"{what}: 입력은 {n}개인데 정답(레이블)은 {len(y)}개입니다. 두 개수가 같아야 합니다."
        )
    if isinstance(loss, SoftmaxCrossEntropy):
        if y.ndim == 1:
            if y.dtype.kind not in "iu":
                raise ValueError(
                    f"{what}: 교차 엔트로피의 정답은 정수 레이블이어야 합니다 (받은 자료형: {y.dtype}). "
                    "값이 0, 1, 2, ... 인 실수 배열이라면 y.astype(int) 로 바꿔 넘겨 주세요."
                )
            if y.min() < 0 or y.max() >= width:
                raise ValueError(
                    f"{what}: 레이블은 0 이상 {width - 1} 이하여야 합니다 (출력 {width}개). "
                    f"받은 범위: {y.min()} ~ {y.max()}."
                )
        elif y.shape != (n, width):
            raise ValueError(
                f"{what}: 원-핫 정답의 모양은 ({n}, {width})이어야 합니다 (받은 모양: {y.shape})."
            )
        else:
            check_finite(as_float_array(y, f"{what}의 원-핫 정답"), f"{what}의 원-핫 정답")
        return y
    y = check_finite(as_float_array(y, f"{what}의 정답"), f"{what}의 정답")
    if isinstance(loss, BinaryCrossEntropy) and (y.min() < 0 or y.max() > 1):
        raise ValueError(
            f"{what}: 이진 교차 엔트로피의 정답은 0과 1 사이여야 합니다 (받은 범위: {y.min()} ~ {y.max()})."
        )
    expected = (n, width)
    if y.shape != expected and not (y.ndim == 1 and width == 1):
        raise ValueError(
            f"{what}: 정답의 모양이 신경망 출력의 모양과 맞지 않습니다 "
            f"(정답: {y.shape}, 출력: {expected})."
        )
    return y


def _accuracy_fn(loss: Loss) -> Callable | None:
    """분류 문제면 (출력, 정답) -> 맞힌 개수 함수를, 회귀(MSE)면 None을 돌려줍니다."""
    if isinstance(loss, SoftmaxCrossEntropy):
        def correct(out, y):
            labels = y if y.ndim == 1 else y.argmax(axis=1)
            return int(np.count_nonzero(out.argmax(axis=1) == labels))
        return correct
    if isinstance(loss, BinaryCrossEntropy):
        def correct(out, y):
            return int(np.count_nonzero((out.reshape(len(y), -1) >= 0.5) == (y.reshape(len(y), -1) >= 0.5)))
        return correct
    return None


def evaluate(net, X, y, loss) -> tuple[float, float | None]:
    """평가 모드(eval)에서 (손실, 정확도)를 계산합니다. 회귀(MSE)면 정확도는 None입니다.

    드롭아웃은 꺼지고 배치 정규화는 이동 평균을 쓰므로 이동 평균도 바뀌지 않습니다.
    계산이 끝나면 신경망을 원래 모드로 되돌립니다. L2 규제 항은 더하지 않습니다.
    """
    loss = get_loss(loss)
    X = as_float_array(X, "입력 X", ndim=2)
    was_training = getattr(net, "training", True)
    net.eval()
    try:
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            out = net.forward(X)
            value = loss.forward(out, y)
    finally:
        if was_training:
            net.train()
    correct = _accuracy_fn(loss)
    if correct is None:
        return value, None
    y = np.asarray(y)
    return value, correct(out, y) / (len(y) * _outputs_per_sample(loss, out))


def _outputs_per_sample(loss: Loss, out) -> int:
    """이진 분류에서 출력이 여러 개면 원소마다 맞힘을 셉니다."""
    return out.shape[1] if isinstance(loss, BinaryCrossEntropy) and out.ndim == 2 else 1


def fit(net, X, y, loss, optimizer, epochs: int = 10, batch_size: int | None = None,
        validation_data=None, seed=0, monitors=None, monitor_every: int = 1,
        progress: bool = False, l2: float = 0.0, shuffle: bool = True,
        on_epoch_end: Callable | None = None) -> History:
    """신경망 net을 (X, y)로 훈련하고 History를 돌려줍니다.

    loss: Loss 객체 또는 "mse" / "cross_entropy" / "binary_cross_entropy".
    optimizer: dl.optim의 옵티마이저 (예: dl.optim.SGD(learning_rate=0.1)).
    epochs: 에폭 수.  batch_size: 미니배치 크기 (None이면 전체 = 배치 경사 하강법, 1이면 SGD).
    validation_data: (X_val, y_val). 주면 에폭마다 검증 손실과 정확도를 잽니다.
    seed: 미니배치를 섞을 시드 (정수나 Generator).
    monitors: None, True(모두), 또는 ["grad_norm", "activations", "dead_units"] 중 일부.
    monitor_every: 몇 단계마다 모니터가 기록할지 (단계 0, k, 2k, ...). Monitor 객체를 직접
        넘기면 그 객체의 every를 씁니다.
    progress: True면 tqdm 진행 막대를 보여 줍니다 (노트북과 터미널 모두).
    l2: L2 규제 강도 λ. 손실에 (λ/2) Σ ||W||^2 를 더합니다.
    on_epoch_end: 에폭마다 on_epoch_end(epoch, history) 를 부릅니다. False를 돌려주면 멈춥니다.
    """
    # ---- 훈련 전 검사: 잘못된 입력은 여기서 모두 막습니다.
    loss = get_loss(loss)
    _check_optimizer(optimizer)
    if on_epoch_end is not None and not callable(on_epoch_end):
        raise TypeError(
            "on_epoch_end에는 on_epoch_end(epoch, history) 처럼 부를 수 있는 함수를 넣어야 합니다 "
            f"(받은 값: {on_epoch_end!r})."
        )
    epochs = check_positive_int(epochs, "epochs (에폭 수)", minimum=0)
    monitor_every = check_positive_int(monitor_every, "monitor_every")
    l2 = check_nonnegative(l2, "l2 (L2 규제 강도)")
    X = check_finite(as_float_array(X, "입력 X", ndim=2), "입력 X")
    n = len(X)
    if n == 0:
        raise ValueError("훈련 데이터가 비어 있습니다. 샘플이 한 개 이상 필요합니다.")
    width = _output_width(net, X)
    y = _check_targets(loss, y, n, width, "훈련 데이터")
    batch_size = n if batch_size is None else min(check_positive_int(batch_size, "batch_size"), n)
    _check_batch_norm_batches(net, n, batch_size)
    if validation_data is not None:
        if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
            raise ValueError("validation_data는 (X_val, y_val) 두 개짜리 튜플이어야 합니다.")
        X_val = check_finite(as_float_array(validation_data[0], "검증 입력", ndim=2), "검증 입력")
        if len(X_val) == 0 or X_val.shape[1] != X.shape[1]:
            raise ValueError(
                f"검증 입력의 모양이 맞지 않습니다: 훈련 입력처럼 (샘플 수, {X.shape[1]}) 모양이고 "
                f"샘플이 한 개 이상이어야 합니다 (받은 모양: {X_val.shape})."
            )
        y_val = _check_targets(loss, validation_data[1], len(X_val), width, "검증 데이터")
    batches = MiniBatches(X, y, batch_size=batch_size, shuffle=shuffle, seed=seed)

    history = History(steps_per_epoch=len(batches))
    history.monitors = make_monitors(monitors, monitor_every)
    for monitor in history.monitors.values():
        monitor.bind(net)
    active_monitors = list(history.monitors.values())
    correct_fn = _accuracy_fn(loss)
    per_sample = None
    params, grads = net.params, net.grads
    step = 0

    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=epochs, desc="훈련", unit="에폭")

    # 학생이 만든 옵티마이저에는 learning_rate가 없을 수 있습니다 (그때는 NaN으로 기록).
    records_lr = hasattr(optimizer, "learning_rate")
    net.train()
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        for epoch in range(epochs):
            total_loss, total_correct, seen = 0.0, 0, 0
            for Xb, yb in batches:
                lr = optimizer.learning_rate if records_lr else math.nan
                out = net.forward(Xb)
                value = loss.forward(out, yb)
                if l2:
                    value += l2_penalty(params, l2)
                if not math.isfinite(value):
                    _stop(history, step, f"손실이 유한한 값이 아니게 되었습니다 (손실: {value})")
                    break
                net.backward(loss.backward())
                if l2:
                    add_l2_gradient(params, grads, l2)
                for monitor in active_monitors:
                    if step % monitor.every == 0:
                        monitor.record(step)
                optimizer.update(params, grads)
                history.step_loss.append(value)
                history.learning_rate.append(float(lr))
                nb = len(Xb)
                total_loss += value * nb
                seen += nb
                if correct_fn is not None:
                    if per_sample is None:
                        per_sample = _outputs_per_sample(loss, out)
                    total_correct += correct_fn(out, yb)
                step += 1
            if history.diverged:
                break
            if not all(np.isfinite(p).all() for p in params.values()):
                _stop(history, step, "매개변수에 inf 또는 NaN이 생겼습니다")
                break
            history.loss.append(total_loss / seen)
            if correct_fn is not None:
                history.accuracy.append(total_correct / (seen * per_sample))
            if validation_data is not None:
                val_loss, val_acc = evaluate(net, X_val, y_val, loss)
                history.val_loss.append(val_loss)
                if val_acc is not None:
                    history.val_accuracy.append(val_acc)
            if bar is not None:
                bar.update(1)
                bar.set_postfix(손실=f"{history.loss[-1]:.4g}")
            if on_epoch_end is not None and on_epoch_end(epoch, history) is False:
                break
    if bar is not None:
        bar.close()
    if history.diverged:
        warnings.warn(history.message, DivergenceWarning, stacklevel=2)
    return history


def _check_batch_norm_batches(net, n: int, batch_size: int) -> None:
    """배치 정규화가 있으면 샘플이 1개뿐인 미니배치가 생기지 않는지 훈련 전에 확인합니다."""
    last = n % batch_size or batch_size
    if min(batch_size, last) > 1:
        return
    if not any(isinstance(layer, BatchNorm) for layer in flatten_layers(net)):
        return
    raise ValueError(
        "배치 정규화(BatchNorm)가 있는 신경망은 샘플이 1개인 미니배치로 훈련할 수 없습니다 "
        f"(샘플 수: {n}, batch_size: {batch_size}. 이 조합에서는 샘플 1개짜리 미니배치가 생깁니다). "
        "batch_size를 2 이상으로, 샘플 수를 batch_size로 나눈 나머지가 1이 되지 않게 골라 주세요."
    )


def _stop(history: History, step: int, what: str) -> None:
    history.diverged = True
    history.diverged_at_step = step
    history.message = (
        f"발산했습니다: 스텝 {step}에서 {what}. 학습률을 낮추거나, 초기화를 바꾸거나, "
        "기울기 클리핑을 켜 보세요."
    )
