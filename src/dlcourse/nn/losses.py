"""손실 함수(loss function).

모두 같은 방식으로 씁니다.

    value = loss.forward(y_hat, y)   # 배치 평균 손실 (float)
    dy_hat = loss.backward()         # dL/dy_hat, y_hat과 같은 모양

N은 배치 크기입니다. 평균을 내므로 기울기에는 1/N 이 붙습니다.
"""

from __future__ import annotations

import numpy as np

__all__ = ["Loss", "MSE", "SoftmaxCrossEntropy", "BinaryCrossEntropy", "softmax"]


def softmax(logits: np.ndarray) -> np.ndarray:
    """소프트맥스: p_j = e^(z_j) / sum_k e^(z_k). 큰 값을 빼고 계산해 넘치지 않습니다."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


class Loss:
    """손실 함수의 바탕 클래스."""

    def forward(self, y_hat, y) -> float:
        raise NotImplementedError

    def backward(self) -> np.ndarray:
        raise NotImplementedError

    def __call__(self, y_hat, y) -> float:
        return self.forward(y_hat, y)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


def _as_2d_target(y_hat: np.ndarray, y, loss_name: str) -> np.ndarray:
    """정답 y를 y_hat과 같은 모양으로 맞춥니다. (N,) 과 (N, 1) 은 같은 것으로 봅니다."""
    y = np.asarray(y)
    if y.shape != y_hat.shape:
        if y.ndim == 1 and y_hat.ndim == 2 and y_hat.shape == (y.shape[0], 1):
            y = y.reshape(-1, 1)
        else:
            raise ValueError(
                f"{loss_name}: 예측과 정답의 모양이 다릅니다 (예측 {y_hat.shape}, 정답 {y.shape}). "
                "두 배열은 같은 모양이어야 합니다."
            )
    return y


class MSE(Loss):
    """평균 제곱 오차(mean squared error), 1/2 관례:

        L = (1/N) sum_i (1/2) sum_j (y_hat_ij - y_ij)^2,     dL/dy_hat = (y_hat - y) / N

    1/2 을 곱해 두면 미분할 때 나오는 2가 지워져 식이 깔끔해집니다.
    """

    def forward(self, y_hat, y) -> float:
        y = _as_2d_target(y_hat, y, "MSE")
        diff = y_hat - y
        self._diff = diff
        n = y_hat.shape[0] if y_hat.ndim > 0 else 1
        self._n = n
        return float(0.5 * np.sum(diff * diff) / n)

    def backward(self) -> np.ndarray:
        return self._diff / self._n


class SoftmaxCrossEntropy(Loss):
    """소프트맥스 + 교차 엔트로피(cross entropy). 입력은 로짓(logit) z입니다.

        p = softmax(z),    L = -(1/N) sum_i log p_(i, y_i)
        log p_(i, c) = z_(i, c) - logsumexp(z_i)     (넘치지 않도록 이렇게 계산)
        dL/dz = (p - onehot(y)) / N

    정답 y는 정수 레이블 (N,) 이나 원-핫(one-hot) 배열 (N, C) 모두 받습니다.
    """

    def forward(self, logits, y) -> float:
        if logits.ndim != 2:
            raise ValueError(
                f"SoftmaxCrossEntropy: 로짓은 (배치, 클래스 수) 모양이어야 합니다 (받은 모양: {logits.shape})."
            )
        n, c = logits.shape
        y = np.asarray(y)
        if y.ndim == 2:
            if y.shape != logits.shape:
                hint = (
                    " 정수 레이블이라면 y.ravel() 로 (N,) 모양으로 펴서 넘겨 주세요."
                    if y.shape == (n, 1) and c != 1
                    else ""
                )
                raise ValueError(
                    "SoftmaxCrossEntropy: 원-핫 정답과 로짓의 모양이 다릅니다 "
                    f"(정답 {y.shape}, 로짓 {logits.shape}). 원-핫 정답은 로짓과 같은 모양이어야 합니다."
                    + hint
                )
            onehot = y.astype(logits.dtype, copy=False)
        else:
            # bool 레이블은 받지 않습니다: numpy가 bool 배열을 인덱스가 아닌 마스크로 읽기 때문입니다.
            if y.shape != (n,) or y.dtype.kind not in "iu":
                raise ValueError(
                    "SoftmaxCrossEntropy: 정답의 모양이나 자료형이 맞지 않습니다 "
                    f"(받은 모양: {y.shape}, 자료형: {y.dtype}). 정답으로는 정수 레이블 배열"
                    f"(모양: ({n},), 값: 0 ~ {c - 1})이나 원-핫 배열(모양: {(n, c)})을 넘겨 주세요."
                )
            if n and y.min() < 0:
                raise ValueError(
                    f"SoftmaxCrossEntropy: 레이블은 0 이상 {c - 1} 이하여야 합니다 "
                    f"(받은 범위: {y.min()} ~ {y.max()})."
                )
            onehot = None
        shifted = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        total = exp.sum(axis=1, keepdims=True)
        self._p = exp / total
        self._n = n
        if onehot is not None:
            self._labels = None
            self._onehot = onehot
            return float(-np.sum(onehot * (shifted - np.log(total))) / n)
        # 정수 레이블: 원-핫 배열을 만들지 않고 정답 칸의 값만 골라 씁니다.
        #   L = (1/N) sum_i [ log(sum_k e^(z_ik)) - z_(i, y_i) ]   (z는 최댓값을 뺀 값)
        rows = self._rows(n)
        try:
            picked = shifted[rows, y]
        except IndexError:
            raise ValueError(
                f"SoftmaxCrossEntropy: 레이블은 0 이상 {c - 1} 이하여야 합니다 "
                f"(받은 범위: {y.min()} ~ {y.max()})."
            ) from None
        self._labels = y
        return float((np.log(total).sum() - picked.sum()) / n)

    def _rows(self, n: int) -> np.ndarray:
        """0..n-1 행 번호 (같은 배치 크기면 다시 만들지 않습니다)."""
        rows = getattr(self, "_row_cache", None)
        if rows is None or len(rows) != n:
            rows = self._row_cache = np.arange(n)
        return rows

    def backward(self) -> np.ndarray:
        if self._labels is None:
            return (self._p - self._onehot) / self._n
        grad = self._p.copy()
        grad[self._rows(self._n), self._labels] -= 1.0
        grad /= self._n
        return grad


class BinaryCrossEntropy(Loss):
    """이진 교차 엔트로피. 입력은 확률 p (0과 1 사이, 보통 시그모이드 출력)입니다.

        L = -(1/N) sum_i sum_j [ y log p + (1 - y) log(1 - p) ]
        dL/dp = (p - y) / (p (1 - p)) / N

    log(0) 을 피하려고 p를 [eps, 1 - eps] 로 자릅니다 (eps = 1e-12). 잘린 곳에서는
    실제로 값이 변하지 않으므로 기울기를 0으로 둡니다.
    """

    def __init__(self, eps: float = 1e-12):
        self.eps = float(eps)

    def forward(self, p, y) -> float:
        y = _as_2d_target(p, y, "BinaryCrossEntropy")
        eps = self.eps
        if p.dtype.kind == "f":
            # float32에서는 1 - 1e-12 가 1로 반올림되어 log(1 - p) = log(0) 이 되므로,
            # 그 자료형에서 1 바로 아래 수를 만들 수 있을 만큼 eps를 키웁니다.
            eps = max(eps, float(np.finfo(p.dtype).epsneg))
        clipped = np.clip(p, eps, 1.0 - eps)
        self._inside = (p >= eps) & (p <= 1.0 - eps)
        self._p = clipped
        self._y = y
        n = p.shape[0]
        self._n = n
        return float(-np.sum(y * np.log(clipped) + (1.0 - y) * np.log1p(-clipped)) / n)

    def backward(self) -> np.ndarray:
        p, y = self._p, self._y
        return self._inside * (p - y) / (p * (1.0 - p)) / self._n
