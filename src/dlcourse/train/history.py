"""훈련 기록 History: fit()이 돌려주는 숫자들."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = ["History", "DivergenceWarning"]


class DivergenceWarning(UserWarning):
    """훈련이 발산했을 때 (손실이나 매개변수가 inf/NaN) 내는 경고 종류.

    ``warnings.catch_warnings()`` 나 ``pytest.warns(dl.train.DivergenceWarning)`` 로
    잡을 수 있습니다.
    """


@dataclass
class History:
    """훈련 기록.

    - step_loss: 단계(미니배치 갱신)마다의 훈련 손실
    - learning_rate: 단계마다 쓴 학습률
    - loss / accuracy: 에폭마다의 훈련 손실(미니배치 손실의 샘플 가중 평균)과 정확도
    - val_loss / val_accuracy: 에폭이 끝날 때 검증 세트에서 잰 값 (평가 모드)
    - monitors: 이름 → 모니터 객체 (GradientNorms, ActivationStats, DeadUnits)
    - diverged, diverged_at_step, message: 발산했는지, 몇 번째 스텝에서, 한국어 설명
    """

    step_loss: list[float] = field(default_factory=list)
    learning_rate: list[float] = field(default_factory=list)
    loss: list[float] = field(default_factory=list)
    accuracy: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    val_accuracy: list[float] = field(default_factory=list)
    monitors: dict = field(default_factory=dict)
    diverged: bool = False
    diverged_at_step: int | None = None
    message: str | None = None
    steps_per_epoch: int = 0

    @property
    def steps(self) -> int:
        """끝낸 갱신 횟수."""
        return len(self.step_loss)

    @property
    def epochs(self) -> int:
        """끝낸 에폭 수."""
        return len(self.loss)

    def as_arrays(self) -> dict[str, np.ndarray]:
        """숫자 목록을 NumPy 배열 사전으로 돌려줍니다 (그림 그리기용)."""
        names = ("step_loss", "learning_rate", "loss", "accuracy", "val_loss", "val_accuracy")
        return {name: np.asarray(getattr(self, name), dtype=float) for name in names}

    def __repr__(self) -> str:
        parts = [f"에폭 {self.epochs}", f"스텝 {self.steps}"]
        if self.loss:
            parts.append(f"마지막 손실 {self.loss[-1]:.4g}")
        if self.accuracy:
            parts.append(f"정확도 {self.accuracy[-1]:.3f}")
        if self.val_loss:
            parts.append(f"검증 손실 {self.val_loss[-1]:.4g}")
        if self.diverged:
            parts.append(self.message or "발산")
        return "History(" + ", ".join(parts) + ")"
