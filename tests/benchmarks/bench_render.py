"""위젯 그림 갱신 방식 비교: 커널 쪽에서 '다시 그리기 + 화면에 보낼 이미지 만들기'에 드는 시간.

    python tests/benchmarks/bench_render.py [--repeats 30]

계산(경사 하강, 훈련)은 빼고, 미리 계산해 둔 두 상태를 번갈아 넣어 artist를 바꾼 뒤
그리기까지의 시간을 잽니다. 모든 방식을 한 반복 안에서 돌아가며 재므로, 다른
프로세스 때문에 기계가 느려져도 방식끼리의 비율은 공정합니다. 절대 시간보다 같은
실행에서 잰 비율을 보세요. CPU 시간(이 프로세스가 실제로 일한 시간)은 기계가 붐벼도
덜 흔들리므로 함께 적습니다.

방식
- image      LiveFigure(backend="image"): Agg로 그리고 PNG(압축 1)를 Image 위젯에 넣기
- ipympl     LiveFigure(backend="ipympl"): Agg로 그리고 이전 화면과의 차이를 PNG로 보내기
             (화면이 연결된 상태를 흉내 냅니다: syncing_data_url=False)
- ipympl x2  위와 같되 고해상도 화면(device pixel ratio 2): 화소 4배
- image x2   image 방식을 dpi 2배로 그린 경우 (ipympl x2와 같은 화소 수)
- inline     Output 위젯 + display(fig)가 하는 일: matplotlib-inline처럼
             print_figure(bbox_inches="tight"). clear_output 메시지 비용은 빠져 있어
             실제보다 조금 빠르게 나옵니다.
- image, 매번 배치   image 방식에서 constrained layout을 매번 다시 계산하는 경우
- 그리기만   Agg 그리기만 (이미지 만들기 없음, 배치 고정): 아래쪽 한계
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings

import numpy as np
from IPython.core.pylabtools import print_figure

from dlcourse import viz

WINDOW = ((-6.0, 6.0), (-6.0, 6.0))


def quadratic(points):
    """J(x) = x₁² + 2x₂² − x₁x₂ (1강의 예제 곡면)."""
    x1, x2 = points[..., 0], points[..., 1]
    return x1**2 + 2 * x2**2 - x1 * x2


def descent_path(learning_rate, steps=40):
    """x(t+1) = x(t) − η ∇J(x(t)), x(0) = [−5, 4]."""
    x = np.array([-5.0, 4.0])
    path = [x.copy()]
    for _ in range(steps):
        grad = np.array([2 * x[0] - x[1], 4 * x[1] - x[0]])
        x = x - learning_rate * grad
        path.append(x.copy())
    return np.array(path)


def contour_figure():
    """등고선 + 경로 (8 x 4 인치, dpi 90): 왼쪽 경로, 오른쪽 손실 곡선(로그)."""
    fig, (left, right) = viz.new_figure(1, 2)
    contour = viz.contour_with_path(left, quadratic, WINDOW, log_levels=True, minima=[[0, 0]])
    curve = viz.loss_curve(right, log=True)
    states = [descent_path(0.1), descent_path(0.3)]

    def update(state):
        path = states[state]
        contour.update_path(path)
        curve.update(quadratic(path))

    return fig, update


def bars_figure():
    """세 칸 (11 x 3.6 인치, dpi 90): 층별 기울기 노름(로그 막대), 손실 곡선 2개, 죽은 비율 막대."""
    fig, (grad_ax, loss_ax, dead_ax) = viz.new_figure(1, 3, figsize=viz.FIGSIZE_ROW)
    rng = np.random.default_rng(0)
    depth = 10
    grads = [10.0 ** rng.uniform(-8, 0, depth) for _ in range(2)]
    losses = [np.cumsum(rng.uniform(-0.05, 0.01, 200)) + 2 + k for k in range(2)]
    dead = [rng.uniform(0, 1, depth) for _ in range(2)]
    bars = viz.layer_bars(grad_ax, grads[0])
    train = viz.loss_curve(loss_ax, label="훈련")
    valid = viz.loss_curve(loss_ax, label="검증")
    loss_ax.legend()
    dead_bars = viz.layer_bars(dead_ax, dead[0], log=False, ylim=(0, 1), ylabel="죽은 유닛 비율")

    def update(state):
        bars.update(grads[state])
        train.update(losses[state])
        valid.update(losses[1 - state] + 0.1)
        dead_bars.update(dead[state])

    return fig, update


def make_approaches(build):
    """방식 이름 → 한 번 갱신하는 함수(state를 받음)."""
    approaches = {}

    def live(backend, pixel_ratio=1, relayout=False):
        fig, update = build()
        if pixel_ratio != 1 and backend == "image":
            fig.set_dpi(fig.dpi * pixel_ratio)
        live_figure = viz.LiveFigure(
            fig,
            update,
            {"state": viz.int_slider("상태", 0, 1, 0)},
            backend=backend,
            relayout=relayout,
        )
        if backend == "ipympl":
            live_figure._view.canvas.syncing_data_url = False  # 화면이 연결된 것처럼
            if pixel_ratio != 1:
                live_figure._view.canvas._set_device_pixel_ratio(pixel_ratio)
                live_figure.render()
        assert live_figure.last_error is None, live_figure.last_error
        return lambda state: live_figure.set_values(state=state)

    approaches["image"] = live("image")
    approaches["ipympl"] = live("ipympl")
    approaches["ipympl x2"] = live("ipympl", pixel_ratio=2)
    approaches["image x2"] = live("image", pixel_ratio=2)
    approaches["image, 매번 배치"] = live("image", relayout=True)

    inline_fig, inline_update = build()

    def inline(state):
        inline_update(state)
        print_figure(inline_fig, "png", bbox_inches="tight")

    approaches["inline"] = inline

    draw_fig, draw_update = build()
    draw_fig.canvas.draw()
    draw_fig.set_layout_engine("none")

    def draw_only(state):
        draw_update(state)
        draw_fig.canvas.draw()

    approaches["그리기만"] = draw_only
    return approaches


def measure(approaches, repeats):
    """방식마다 (벽시계 시간 중앙값, 이 프로세스의 CPU 시간 중앙값), 밀리초."""
    wall = {name: [] for name in approaches}
    cpu = {name: [] for name in approaches}
    for rep in range(repeats + 3):
        for name, step in approaches.items():
            wall_start, cpu_start = time.perf_counter(), time.process_time()
            step(rep % 2)
            if rep >= 3:  # 처음 세 번은 캐시 데우기
                wall[name].append(time.perf_counter() - wall_start)
                cpu[name].append(time.process_time() - cpu_start)
    return {
        name: (statistics.median(wall[name]) * 1000, statistics.median(cpu[name]) * 1000)
        for name in approaches
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    warnings.simplefilter("error")  # 그리는 중 경고(글꼴 등)가 있으면 바로 멈춥니다.
    for title, build in (
        ("등고선 + 경로 (8x4 in, dpi 90)", contour_figure),
        ("막대 + 곡선 3칸 (11x3.6 in, dpi 90)", bars_figure),
    ):
        results = measure(make_approaches(build), args.repeats)
        medians = {name: wall for name, (wall, _) in results.items()}
        base = medians["image"]
        print(f"\n== {title}: 중앙값, 반복 {args.repeats}회")
        print(f"{'방식':<18}{'벽시계 ms':>10}{'CPU ms':>9}{'÷ image':>9}")
        for name, (wall, cpu) in results.items():
            print(f"{name:<18}{wall:10.1f}{cpu:9.1f}{wall / base:9.2f}")
        print(
            f"ipympl ÷ image = {medians['ipympl'] / base:.2f}, "
            f"ipympl x2 ÷ image = {medians['ipympl x2'] / base:.2f}, "
            f"inline ÷ image = {medians['inline'] / base:.2f}, "
            f"매번 배치 ÷ 배치 고정 = {medians['image, 매번 배치'] / base:.2f}, "
            f"PNG 만들기 몫 = {1 - medians['그리기만'] / base:.0%}"
        )


if __name__ == "__main__":
    main()
