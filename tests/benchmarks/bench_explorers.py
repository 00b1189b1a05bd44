"""탐색기 벤치마크: 위젯 하나를 바꿀 때 커널 쪽에서 드는 시간 (계산 + 다시 그리기 + PNG).

탐색기마다 기본 설정에서 시작해, 위젯을 하나씩 다른 값으로 바꿨다가 되돌리기를
되풀이하며 LiveFigure.set_values 한 번의 시간을 잽니다. 예산은 design.md의 100 ms입니다.
기계마다 속도가 다르므로, 같은 실행에서 잰 기준 작업(8x4 인치 빈 그림 한 장을 그리고
PNG로 만드는 시간)에 대한 비율도 함께 출력합니다.

실행:  python tests/benchmarks/bench_explorers.py [주제 ...]
"""

from __future__ import annotations

import importlib
import statistics
import sys
import time
import warnings

BUDGET_MS = 100.0
ROUNDS = 3


def _alternative(control):
    """위젯의 기본값과 다른, 쓸 수 있는 값 하나."""
    options = getattr(control, "options", None)
    if options:
        values = [o[1] if isinstance(o, tuple) else o for o in options]
        others = [v for v in values if v != control.value]
        return others[0] if others else None
    if isinstance(control.value, bool):
        return not control.value
    lo, hi = getattr(control, "min", None), getattr(control, "max", None)
    if lo is None or hi is None:
        return None
    if type(control).__name__ == "FloatLogSlider":
        base = control.base
        return base ** ((lo + hi) / 2) if control.value != base ** ((lo + hi) / 2) else base ** hi
    mid = lo + (hi - lo) * 0.6
    if isinstance(control.value, int):
        mid = int(round(mid))
    return mid if mid != control.value else hi


def _reference_ms() -> float:
    from dlcourse import viz
    from dlcourse.viz.live import png_bytes

    fig, ax = viz.new_figure(1, 1)
    ax.plot([0, 1], [0, 1])
    times = []
    for _ in range(10):
        start = time.perf_counter()
        fig.canvas.draw()
        png_bytes(fig.canvas)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bench_topic(name: str) -> tuple[float, float, int]:
    module = importlib.import_module(f"dlcourse.labs.{name}")
    live = module.explorer()
    times = []
    for _ in range(ROUNDS):
        for key, control in live.controls.items():
            other = _alternative(control)
            if other is None:
                continue
            original = control.value
            for value in (other, original):
                start = time.perf_counter()
                live.set_values(**{key: value})
                times.append(time.perf_counter() - start)
    live.close()
    return statistics.median(times) * 1000, max(times) * 1000, len(times)


def main(argv: list[str]) -> None:
    from dlcourse.labs import TOPICS

    topics = argv or list(TOPICS)
    warnings.simplefilter("error")
    reference = _reference_ms()
    print("탐색기 위젯 변경 한 번의 시간 (커널 쪽: 계산 + 다시 그리기 + PNG)")
    print(f"기준 작업(빈 그림 그리기 + PNG): {reference:.1f} ms")
    print(f"{'탐색기':<16}{'중앙값 ms':>10}{'최대 ms':>10}{'변경 수':>8}{'예산 대비':>10}{'기준 대비':>10}")
    over = []
    for name in topics:
        median, worst, count = bench_topic(name)
        ratio = median / BUDGET_MS
        if ratio > 1:
            over.append(name)
        print(f"{name:<16}{median:>10.1f}{worst:>10.1f}{count:>8}{ratio:>10.2f}{median / reference:>10.1f}")
    print("모두 예산 안입니다" if not over else f"예산(100 ms)을 넘은 탐색기: {', '.join(over)}")


if __name__ == "__main__":
    main(sys.argv[1:])
