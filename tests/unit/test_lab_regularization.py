"""dlcourse.labs.regularization 테스트: 과적합과 처방, 깊은 신경망의 배치 정규화와 스킵 연결.

물리 기준은 정직하게 잡았습니다: 시드를 고정한 실행에서 잰 값 (주석에 적음)보다 넉넉하지만,
처방이 듣지 않으면 실패할 만큼 빡빡합니다.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from lab_helpers import (
    HANGUL,
    assert_no_plotting_imports,
    drive,
    drive_every_control,
    open_preset,
    watch_plot_warnings,
    without_description,
)

from dlcourse import viz
from dlcourse.labs import regularization as lab


@pytest.fixture(scope="module")
def overfit_results():
    return {name: lab.run(**without_description(preset)) for name, preset in lab.PRESETS.items()}


@pytest.fixture(scope="module")
def deep_results():
    presets = lab.DEEP_PRESETS
    return {name: lab.run_deep(**without_description(preset)) for name, preset in presets.items()}


# matplotlib이 logging으로 남기는 경고(글리프 없음 등)가 없어야 합니다.
no_matplotlib_warnings = pytest.fixture(watch_plot_warnings, name="no_matplotlib_warnings")


# ---------------------------------------------------------------------------
# 물리: 과적합과 처방
# ---------------------------------------------------------------------------


def test_overfit_preset_memorises_the_training_set(overfit_results):
    r = overfit_results["overfit"]
    assert r.train_accuracy[-1] == 1.0
    assert r.train_loss[-1] < 0.1
    # 검증 손실은 가장 낮았던 때보다 크게 올라갑니다 (측정: 최저 0.37 → 끝 3.78).
    assert r.val_loss[-1] > 3 * r.val_loss.min()
    assert r.val_accuracy[-1] < r.train_accuracy[-1] - 0.1


def test_generalisation_gap_shrinks_with_every_remedy(overfit_results):
    gaps = {name: r.gap for name, r in overfit_results.items()}
    # 측정 (시드 0): 처방 없음 3.77, 드롭아웃 0.61, L2 0.14, 데이터 300개 0.15
    assert gaps["overfit"] > 2.0
    for remedy in ("dropout", "l2", "more_data"):
        assert gaps[remedy] < gaps["overfit"] / 3, (remedy, gaps)
    for r in overfit_results.values():
        assert r.gap == pytest.approx(r.val_loss[-1] - r.train_loss[-1])


def test_remedies_lower_the_validation_loss(overfit_results):
    worst = overfit_results["overfit"].val_loss[-1]
    for remedy in ("dropout", "l2", "more_data"):
        assert overfit_results[remedy].val_loss[-1] < worst / 3


def test_result_shapes_and_loss_definitions(overfit_results):
    r = overfit_results["overfit"]
    assert r.train_loss.shape == r.val_loss.shape == (r.epochs,)
    assert r.train_accuracy.shape == r.val_accuracy.shape == (r.epochs,)
    assert r.X_train.shape == (30, 2) and r.X_val.shape == (200, 2)
    m = r.resolution**2
    assert r.grid.shape == (m, 2) and r.grid_probabilities.shape == (m,)
    assert np.all((r.grid_probabilities >= 0) & (r.grid_probabilities <= 1))
    assert not r.diverged and r.message == ""
    # 훈련 손실은 규제 항 없는 교차 엔트로피: 처음 (거의 무작위) 값은 ln 2 근처입니다.
    assert 0.3 < r.train_loss[0] < 1.5
    l2 = overfit_results["l2"]
    # L2 규제 항 (λ/2)Σ||W||²를 더하지 않았으므로 L2 실행의 훈련 손실도 교차 엔트로피만입니다:
    # 정확도와 맞는 크기여야 합니다 (정확도 90% 이상이면 손실이 ln 2보다 작음).
    assert l2.train_accuracy[-1] >= 0.9 and l2.train_loss[-1] < math.log(2)


def test_make_data_grows_by_adding_points():
    small = lab.make_data(30, seed=0)
    large = lab.make_data(100, seed=0)
    np.testing.assert_array_equal(large[0][:30], small[0])
    np.testing.assert_array_equal(large[1][:30], small[1])
    np.testing.assert_array_equal(large[2], small[2])  # 검증 세트는 그대로
    # 훈련 점과 검증 점은 겹치지 않습니다.
    pool = lab.make_data(300, seed=0)
    distances = np.linalg.norm(pool[0][:, None, :] - pool[2][None, :, :], axis=2)
    assert distances.min() > 0


def test_decision_grid_matches_viz(overfit_results):
    r = overfit_results["overfit"]
    fig, ax = viz.new_figure()
    boundary = viz.decision_boundary(
        ax,
        lambda pts: np.zeros(len(pts)),
        r.X_val,
        r.y_val,
        resolution=r.resolution,
        padding=r.padding,
    )
    np.testing.assert_array_equal(boundary.grid, r.grid)


# ---------------------------------------------------------------------------
# 물리: 깊은 신경망
# ---------------------------------------------------------------------------


def test_plain_sigmoid_gradient_vanishes_layer_by_layer(deep_results):
    plain = deep_results["deep_plain"]
    norms = plain.plain_grad_norms
    assert len(norms) == 21  # 은닉층 20개 + 출력층
    # 측정: 첫 층 ÷ 마지막 층 ≈ 5.8e-12
    assert plain.plain_ratio < 1e-8
    assert np.all(np.diff(np.log10(norms)) > 0)  # 입력 쪽으로 갈수록 작아집니다
    # 기울기가 닿지 않으니 손실이 ln 2 (두 클래스 반반)에서 움직이지 않습니다.
    assert plain.plain_losses[-1] > math.log(2) - 0.01
    # 처방을 모두 끄면 비교 대상과 같은 신경망입니다.
    np.testing.assert_array_equal(plain.grad_norms, plain.plain_grad_norms)


@pytest.mark.parametrize("name", ["deep_batchnorm", "deep_residual"])
def test_remedies_keep_first_layer_gradient_close_to_last(deep_results, name):
    r = deep_results[name]
    # 측정: 배치 정규화 4.6e+01, 스킵 연결 9.1e-03, 처방 없음 5.8e-12
    assert abs(math.log10(r.ratio)) < 3
    assert abs(math.log10(r.plain_ratio)) > 8
    assert abs(math.log10(r.ratio)) < abs(math.log10(r.plain_ratio)) - 5
    # 그리고 실제로 학습합니다.
    assert r.losses[-1] < r.plain_losses[-1] - 0.2
    assert r.accuracy > 0.8 > r.plain_accuracy


def test_deep_default_is_the_ten_layer_network_with_skip_connections():
    r = lab.run_deep()
    assert r.depth == 10 and r.residual and not r.batch_norm
    assert len(r.grad_norms) == 11
    # 측정: 스킵 연결 1.35e-02, 처방 없음 8.1e-07
    assert r.plain_ratio < 1e-5
    assert r.ratio > 1e-3


def test_deep_results_are_read_only_and_deterministic():
    a = lab.run_deep(depth=4, epochs=5)
    b = lab.run_deep(depth=4, epochs=5)
    np.testing.assert_array_equal(a.grad_norms, b.grad_norms)
    with pytest.raises(ValueError):
        a.grad_norms[0] = 1.0


# ---------------------------------------------------------------------------
# 그림과 탐색기
# ---------------------------------------------------------------------------


def test_plot_overfit_has_korean_labels_and_no_warnings(overfit_results, no_matplotlib_warnings):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = lab.plot(overfit_results["dropout"])
        fig.canvas.draw()
    loss_ax, boundary_ax = fig.axes[:2]
    assert "훈련" in loss_ax.get_title() and "검증" in loss_ax.get_title()
    assert loss_ax.get_xlabel() == "에폭"
    assert [t.get_text() for t in loss_ax.get_legend().get_texts()] == ["훈련", "검증"]
    assert "훈련 30개" in boundary_ax.get_title()
    assert "드롭아웃 0.4" in fig._suptitle.get_text()


def test_plot_deep_has_korean_labels_and_no_warnings(deep_results, no_matplotlib_warnings):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = lab.plot(deep_results["deep_residual"])
        fig.canvas.draw()
    bar_ax, loss_ax = fig.axes[:2]
    assert "기울기 노름" in bar_ax.get_title() and "스킵 연결" in bar_ax.get_title()
    assert bar_ax.get_yscale() == "log"
    legend = [t.get_text() for t in loss_ax.get_legend().get_texts()]
    assert legend[0].startswith("처방 없음") and legend[1].startswith("스킵 연결")
    assert "시그모이드" in fig._suptitle.get_text()


def test_explorer_drives_every_control(no_matplotlib_warnings):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        live = lab.explorer()
        assert live.last_error is None
        assert set(live.controls) == {"dropout", "use_l2", "l2", "n_train", "epochs"}
        # L2 강도는 L2가 켜져 있을 때만 그림을 바꿉니다.
        drive(live, "use_l2", True)
        drive_every_control(live)
        drive(live, "use_l2", False)


def test_deep_explorer_drives_every_control(no_matplotlib_warnings):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        live = lab.deep_explorer(epochs=20)
        assert live.last_error is None
        assert set(live.controls) == set(lab.DEEP_DEFAULTS) - {"seed"}
        drive_every_control(live)


@pytest.mark.parametrize("name", list(lab.PRESETS) + list(lab.DEEP_PRESETS))
def test_every_preset_opens_and_renders(name):
    presets = {**lab.PRESETS, **lab.DEEP_PRESETS}
    preset = presets[name]
    # 깊은 신경망 프리셋은 explorer(preset=...)로 열어도 deep_explorer로 열립니다.
    live = open_preset(lab.explorer, presets, name)
    if name in lab.DEEP_PRESETS:
        assert set(live.controls) == set(lab.DEEP_DEFAULTS) - {"seed"}
        for key in live.controls:
            assert live.values[key] == pytest.approx(preset[key])
    else:
        assert live.values["dropout"] == pytest.approx(preset["dropout"])
        assert live.values["use_l2"] == (preset["l2"] > 0)
        assert live.values["n_train"] == preset["n_train"]


def test_unknown_presets_and_overrides():
    with pytest.raises(ValueError, match="프리셋") as info:
        lab.explorer(preset="없음")
    message = str(info.value)
    assert "overfit" in message and "deep_residual" in message
    with pytest.raises(ValueError, match="deep_explorer에서 쓸 수 없는 프리셋"):
        lab.deep_explorer(preset="dropout")
    with pytest.raises(ValueError, match="알 수 없는 설정 이름"):
        lab.explorer(dropout_rate=0.3)
    assert lab.explorer(n_train=50).values["n_train"] == 50


def test_run_does_not_import_plotting_or_widgets():
    assert_no_plotting_imports(
        "from dlcourse.labs.regularization import run, run_deep\n"
        "run(epochs=3); run_deep(depth=3, epochs=2)"
    )


@pytest.mark.parametrize(
    ("func", "kwargs", "error"),
    [
        (lab.run, {"dropout": -0.1}, ValueError),
        (lab.run, {"dropout": 1.0}, ValueError),
        (lab.run, {"l2": -1e-3}, ValueError),
        (lab.run, {"n_train": 301}, ValueError),
        (lab.run, {"n_train": 2}, ValueError),
        (lab.run, {"epochs": 0}, ValueError),
        (lab.run, {"epochs": 10.5}, TypeError),
        (lab.run_deep, {"activation": "relu"}, ValueError),
        (lab.run_deep, {"batch_norm": "yes"}, TypeError),
        (lab.run_deep, {"depth": 0}, ValueError),
        (lab.run_deep, {"learning_rate": 0}, ValueError),
    ],
)
def test_bad_input_gives_korean_error(func, kwargs, error):
    with pytest.raises(error) as info:
        func(**kwargs)
    assert HANGUL.search(str(info.value))


def test_plot_rejects_wrong_result_type():
    with pytest.raises(TypeError, match="RegularizationResult"):
        lab.plot([1, 2, 3])
