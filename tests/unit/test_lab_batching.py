"""dlcourse.labs.batching 테스트: 배치 / 확률적 / 미니배치 경사 하강법 비교.

기댓값은 코드 밖에서 옵니다: 시작 손실 ln 3 (세 클래스를 똑같이 1/3로 봄), ceil(N / N_B),
손으로 쓴 소프트맥스 회귀의 경사 하강법 (W ← W − η Xᵀ(P − Y)/N), 그리고 dl.train.fit.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from lab_helpers import (
    HANGUL,
    assert_no_plotting_imports,
    assert_unknown_preset_lists,
    drive_every_control,
    open_preset,
    watch_plot_warnings,
    without_description,
)

from dlcourse import train, viz
from dlcourse.labs import batching as lab

BATCH, SGD, MINI = 0, 1, 2


@pytest.fixture(scope="module")
def default_result():
    return lab.run()


# matplotlib이 logging으로 남기는 경고(글리프 없음 등)가 없어야 합니다.
no_matplotlib_warnings = pytest.fixture(watch_plot_warnings, name="no_matplotlib_warnings")


# ---------------------------------------------------------------------------
# 물리
# ---------------------------------------------------------------------------


def test_every_method_makes_exactly_150_updates_from_ln3(default_result):
    r = default_result
    assert r.full_loss.shape == (3, 151)
    assert r.batch_loss.shape == (3, 150)
    assert r.trajectory.shape == (3, 151, 15)
    np.testing.assert_allclose(r.full_loss[:, 0], math.log(3), rtol=1e-14)
    assert np.isfinite(r.full_loss).all() and np.isfinite(r.batch_loss).all()
    assert not r.diverged and r.message == ""


def test_all_three_reduce_the_full_data_loss(default_result):
    final = default_result.full_loss[:, -1]
    assert np.all(final < 0.5 * math.log(3))
    assert np.all(default_result.accuracy >= 0.85)


def test_batch_gd_matches_hand_written_softmax_regression(default_result):
    X, y = lab.standardized_iris()
    Y = np.eye(3)[y]
    W, b = np.zeros((4, 3)), np.zeros(3)
    lr = lab.DEFAULTS["learning_rate"]
    for _ in range(150):
        z = X @ W + b
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        W -= lr * X.T @ (p - Y) / len(y)
        b -= lr * (p - Y).mean(axis=0)
    final = default_result.trajectory[BATCH, -1]
    # 배치 GD도 샘플 순서를 섞으므로 더하는 순서만 다릅니다 (반올림 오차 수준).
    np.testing.assert_allclose(final[:12], W.ravel(), rtol=0, atol=1e-12)
    np.testing.assert_allclose(final[12:], b, rtol=0, atol=1e-12)


def test_batch_gd_loss_decreases_monotonically(default_result):
    # 볼록하고 매끄러운 손실에서 작은 학습률의 경사 하강법은 매 스텝 손실을 줄입니다.
    assert np.all(np.diff(default_result.full_loss[BATCH]) <= 1e-12)
    # 그래서 총변동은 처음과 끝의 차이와 같습니다.
    drop = default_result.full_loss[BATCH, 0] - default_result.full_loss[BATCH, -1]
    assert default_result.total_variation[BATCH] == pytest.approx(drop, rel=1e-9)


def test_sgd_is_noisier_than_batch_gd(default_result):
    r = default_result
    assert r.total_variation[SGD] > 1.2 * r.total_variation[BATCH]
    assert r.path_ratio[BATCH] < 1.1  # 거의 곧은 길
    assert r.path_ratio[SGD] > 3 * r.path_ratio[BATCH]
    # 미니배치는 그 사이
    assert r.path_ratio[BATCH] < r.path_ratio[MINI] < r.path_ratio[SGD]
    # 손실이 올라간 스텝 수: SGD만 여러 번 올라갑니다.
    ups = (np.diff(r.full_loss, axis=1) > 0).sum(axis=1)
    assert ups[BATCH] == 0 and ups[SGD] > 30


def test_large_learning_rate_makes_sgd_even_noisier(default_result):
    noisy = lab.run(learning_rate=0.5)
    assert noisy.path_ratio[SGD] > default_result.path_ratio[SGD]
    assert noisy.total_variation[SGD] > 2 * noisy.total_variation[BATCH]


def test_large_minibatch_behaves_like_batch_gd(default_result):
    big = lab.run(batch_size=75)
    assert big.path_ratio[MINI] < default_result.path_ratio[MINI]
    assert np.abs(big.full_loss[MINI] - big.full_loss[BATCH]).max() < 0.02


def test_epochs_versus_updates(default_result):
    assert default_result.batch_sizes == (150, 1, 15)
    assert default_result.steps_per_epoch == (1, 150, 10)
    assert default_result.epochs == (150.0, 1.0, 15.0)
    labels = lab.method_labels(default_result)
    assert labels == [
        "배치 GD (150): 150에폭 = 150번 갱신",
        "SGD (1): 1에폭 = 150번 갱신",
        "미니배치 (15): 15에폭 = 150번 갱신",
    ]
    odd = lab.run(batch_size=40)
    assert odd.steps_per_epoch[MINI] == 4  # ceil(150 / 40)
    assert odd.epochs[MINI] == 37.5
    assert "37.5에폭" in lab.method_labels(odd)[MINI]


@pytest.mark.parametrize("n", [150, 151, 7])
def test_updates_per_epoch_is_ceil(n):
    sizes = (1, 2, 10, 15, 32, 50, 150)
    table = lab.updates_per_epoch(n, sizes)
    assert table == {b: math.ceil(n / b) for b in sizes}


def test_updates_per_epoch_syllabus_numbers():
    assert lab.updates_per_epoch() == {1: 150, 10: 15, 15: 10, 32: 5, 50: 3, 150: 1}


def test_minibatch_run_equals_keras_like_fit():
    result = lab.run(learning_rate=0.1, batch_size=15, momentum=0.9, seed=0)
    X, y = lab.standardized_iris()
    net, history = lab.reference_fit(
        batch_size=15, epochs=15, learning_rate=0.1, momentum=0.9, seed=0, validation_data=(X, y)
    )
    assert history.steps == 150 and history.epochs == 15
    layer = net.layers[0]
    np.testing.assert_array_equal(result.trajectory[MINI, -1, :12], layer.W.ravel())
    np.testing.assert_array_equal(result.trajectory[MINI, -1, 12:], layer.b)
    np.testing.assert_array_equal(result.batch_loss[MINI], np.array(history.step_loss))
    # 검증 세트로 훈련 세트 전체를 주면 fit이 잰 마지막 검증 손실이 run의 마지막 전체 손실입니다.
    assert history.val_loss[-1] == pytest.approx(result.full_loss[MINI, -1], rel=1e-12)
    val_loss, val_acc = train.evaluate(net, X, y, "cross_entropy")
    assert val_acc == pytest.approx(result.accuracy[MINI])


def test_same_seed_same_paths_other_seed_other_sgd_path(default_result):
    again = lab.run()
    np.testing.assert_array_equal(again.trajectory, default_result.trajectory)
    other = lab.run(seed=1)
    assert not np.allclose(other.trajectory[SGD], default_result.trajectory[SGD])
    # 배치 GD는 섞는 순서와 상관없습니다 (반올림 오차만 다름).
    np.testing.assert_allclose(
        other.trajectory[BATCH], default_result.trajectory[BATCH], atol=1e-12
    )


def test_principal_plane_keeps_most_of_the_motion(default_result):
    r = default_result
    assert r.path_2d.shape == (3, 151, 2)
    assert 0.5 < r.explained.sum() <= 1.0 + 1e-12
    assert r.explained[0] >= r.explained[1]
    # 세 경로는 같은 점(모든 매개변수 0)에서 시작합니다.
    np.testing.assert_allclose(r.path_2d[:, 0], np.tile(r.path_2d[0, 0], (3, 1)), atol=1e-12)
    # 비춘 좌표는 (p − 평균) · 방향: 두 점 사이 거리는 15차원 거리보다 길 수 없습니다.
    d15 = np.linalg.norm(r.trajectory[SGD, -1] - r.trajectory[SGD, 0])
    d2 = np.linalg.norm(r.path_2d[SGD, -1] - r.path_2d[SGD, 0])
    assert d2 <= d15 + 1e-12


def test_divergence_is_reported_not_raised():
    # 학습률이 터무니없이 크면 (슬라이더 범위 밖) 로짓이 넘쳐 손실이 NaN이 됩니다.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = lab.run(learning_rate=1e308)
        fig = lab.plot(result)
        fig.canvas.draw()
    assert result.diverged
    assert result.message.startswith("발산했습니다: 배치 경사 하강법: ")
    assert "학습률을 낮춰 보세요" in result.message
    assert "발산했습니다" in viz.current_message(fig).get_text()


# ---------------------------------------------------------------------------
# 그림과 탐색기
# ---------------------------------------------------------------------------


def test_plot_has_korean_labels_and_no_warnings(default_result, no_matplotlib_warnings):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = lab.plot(default_result)
        fig.canvas.draw()
    loss_ax, path_ax = fig.axes[:2]
    assert "손실" in loss_ax.get_title()
    assert loss_ax.get_xlabel() == "스텝 (갱신 횟수)"
    legend = [t.get_text() for t in loss_ax.get_legend().get_texts()]
    assert legend == lab.method_labels(default_result)
    assert path_ax.get_xlabel().startswith("주성분 1")
    assert "주성분" in path_ax.get_title()
    assert "150번 갱신" in fig._suptitle.get_text()


def test_explorer_drives_every_control(no_matplotlib_warnings):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        live = lab.explorer()
        assert live.last_error is None
        assert set(live.controls) == set(lab.DEFAULTS)
        drive_every_control(live)


@pytest.mark.parametrize("name", list(lab.PRESETS))
def test_every_preset_opens_and_renders(name):
    live = open_preset(lab.explorer, lab.PRESETS, name)
    for key, value in without_description(lab.PRESETS[name]).items():
        assert live.values[key] == pytest.approx(value)


def test_explorer_overrides_and_unknown_preset():
    assert lab.explorer(batch_size=30).values["batch_size"] == 30
    assert_unknown_preset_lists(lab.explorer, "nope", lab.PRESETS)
    with pytest.raises(ValueError, match="알 수 없는 설정 이름"):
        lab.explorer(batchsize=3)


def test_run_does_not_import_plotting_or_widgets():
    assert_no_plotting_imports(
        "from dlcourse.labs.batching import run, reference_fit, updates_per_epoch\n"
        "run(); reference_fit(epochs=1); updates_per_epoch()"
    )


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"learning_rate": 0.0}, ValueError),
        ({"learning_rate": "0.1"}, TypeError),
        ({"batch_size": 0}, ValueError),
        ({"batch_size": 151}, ValueError),
        ({"batch_size": 15.0}, TypeError),
        ({"momentum": 1.0}, ValueError),
        ({"momentum": -0.1}, ValueError),
        ({"seed": -3}, ValueError),
    ],
)
def test_bad_input_gives_korean_error(kwargs, error):
    with pytest.raises(error) as info:
        lab.run(**kwargs)
    assert HANGUL.search(str(info.value))


def test_plot_rejects_wrong_result_type():
    with pytest.raises(TypeError, match="BatchingResult"):
        lab.plot("결과")
