"""강의 노트북을 실제 JupyterLab 4와 Chromium에서 열어 모든 칸을 실행합니다.

노트북마다 (새 브라우저 창, 새 작업 공간):
1. lessons/의 복사본을 열고 `notebook:run-all-cells`로 모든 칸을 실행합니다.
2. 모든 코드 칸에 실행 번호가 붙고 커널이 쉴 때까지 기다립니다 (노트북당 최대 180초).
3. 오류 출력, stderr 출력, Traceback, 'Error displaying widget'/'Loading widget'이 없어야 합니다.
4. 탐색기 칸(소스에 'explorer('가 있거나 출력에 위젯 그림이 있는 칸)마다 위젯 안의
   <img>가 PNG(blob: 또는 data: 주소)를 보여 주고, 그 그림의 폭이 100화소보다 넓어야 합니다.
5. 그 PNG 바이트가 커널의 LiveFigure가 마지막으로 보낸 PNG와 같아야 하고(해시 비교),
   그림 속 한글이 빈 네모가 아니라 나눔고딕 글자여야 합니다 (conftest.browser_lab.korean_glyph_scores).
6. 탐색기 칸의 스크린숏을 test-artifacts/browser/<노트북>__cell<번호>.png에, 브라우저가
   받은 그림 PNG를 <노트북>__cell<번호>__figure<k>.png에 남깁니다.

강의가 아직 없을 때도 도구를 시험할 수 있도록 임시 폴더에 만든 자체 점검 노트북
(_browser_selftest.ipynb, 죽은 ReLU 탐색기 하나)도 같은 검사를 받습니다.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from browser_lab import (
    ARTIFACTS,
    NEGATIVE_NOTEBOOK,
    SELFTEST_NOTEBOOK,
    check_korean_in_figure,
    lesson_notebooks,
    looks_like_explorer,
    output_problems,
)

NOTEBOOKS = [SELFTEST_NOTEBOOK, *lesson_notebooks()]

MIN_IMAGE_WIDTH = 100  # 화소


@pytest.mark.parametrize("name", NOTEBOOKS, ids=[Path(n).stem for n in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab(lab, name, record_property):
    nb = lab.open_notebook(name)
    stem = Path(name).stem
    try:
        status = nb.run_all()
        run_seconds = status["seconds"]
        status = nb.wait_for_widgets()
        problems = output_problems(status)
        if problems:
            nb.save_screenshot(f"{stem}__problem")
        assert not problems, f"{name}: 출력에 문제가 있습니다:\n- " + "\n- ".join(problems)

        code_cells = [c for c in status["cells"] if c["type"] == "code"]
        missing = [c["index"] for c in code_cells if c["executionCount"] is None]
        assert not missing, f"{name}: 실행되지 않은 칸이 있습니다: {missing}"

        explorers = [c for c in code_cells if looks_like_explorer(c)]
        if name == SELFTEST_NOTEBOOK:
            assert len(explorers) == 1, "자체 점검 노트북에는 탐색기 칸이 하나 있어야 합니다."

        probe = nb.kernel_probe() if explorers else None
        if probe is not None:
            assert "NanumGothic" in probe["nanum"], (
                f"{name}: 커널의 matplotlib이 나눔고딕을 찾지 못했습니다: {probe['nanum']}"
            )
        kernel_figures = {f["sha256"]: f for f in (probe or {}).get("figures", [])}

        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        glyph_report = []
        for cell in explorers:
            where = f"{name} 칸 {cell['index']}"
            assert cell["images"], f"{where}: 탐색기 출력에 위젯 그림(<img>)이 없습니다."
            for k, image in enumerate(cell["images"]):
                assert image["src"].startswith(("blob:", "data:image/png")), (
                    f"{where}: 그림 주소가 비었거나 PNG가 아닙니다: {image['src'][:80]!r}"
                )
                assert image["complete"] and image["naturalWidth"] > MIN_IMAGE_WIDTH, (
                    f"{where}: 그림이 읽히지 않았거나 너무 작습니다: {image}"
                )
                png = nb.image_bytes(cell["index"], k)
                assert png[:8] == b"\x89PNG\r\n\x1a\n", f"{where}: 위젯 그림이 PNG가 아닙니다."
                figure = kernel_figures.get(hashlib.sha256(png).hexdigest())
                assert figure is not None, (
                    f"{where}: 브라우저의 그림이 커널의 어느 LiveFigure가 보낸 PNG와도 같지 않습니다 "
                    f"(커널 그림 {len(kernel_figures)}개)."
                )
                assert figure["last_error"] is None, (
                    f"{where}: 탐색기의 마지막 갱신이 예외로 끝났습니다:\n{figure['last_error'][-1500:]}"
                )
                (ARTIFACTS / f"{stem}__cell{cell['index']:02d}__figure{k}.png").write_bytes(png)
                scores = check_korean_in_figure(png, figure, where)
                glyph_report.append({"cell": cell["index"], "scores": scores})
            nb.save_screenshot(f"{stem}__cell{cell['index']:02d}", nb.output_locator(cell["index"]))

        summary = {
            "notebook": name,
            "load_seconds": round(nb.load_seconds, 2),
            "run_all_seconds": round(run_seconds, 2),
            "code_cells": len(code_cells),
            "explorers": len(explorers),
            "korean_glyphs": glyph_report,
        }
        print(f"\n[browser] {json.dumps(summary, ensure_ascii=False)}")
        record_property("browser_summary", json.dumps(summary, ensure_ascii=False))
        if nb.console_errors:
            print(f"[browser] {name}: 브라우저 콘솔 오류 {nb.console_errors[:5]}")
    finally:
        nb.close()


def test_problems_are_detected(lab):
    """검사 도구 자체의 점검: stderr, 그리지 못한 위젯, 오류를 실제로 잡아내고, 오류 뒤에서
    실행이 멈춘 노트북도 시간 초과 없이 돌려받아야 합니다."""
    nb = lab.open_notebook(NEGATIVE_NOTEBOOK)
    try:
        status = nb.run_all(timeout=60)
        status = nb.wait_for_widgets(timeout=10)
        problems = output_problems(status)
        text = "\n".join(problems)
        assert "stderr 출력: 일부러 쓴 stderr" in text, problems
        assert "Error displaying widget" in text, problems
        assert "오류 ValueError: 일부러 낸 오류" in text, problems
        last = status["cells"][-1]
        assert last["executionCount"] is None and not last["outputs"], last
    finally:
        nb.close()


@pytest.mark.parametrize("family", [["NanumGothic", "DejaVu Sans"], ["DejaVu Sans"]])
def test_korean_glyph_check_tells_glyphs_from_boxes(family):
    """한글 검사 자체의 점검 (브라우저 없이): 나눔고딕으로 그린 제목은 통과하고, 한글이 없는
    글꼴로 그려 빈 네모가 된 제목은 통과하지 못해야 합니다. 커널은 두 경우 모두 나눔고딕
    글꼴 목록을 알려 준다고 가정합니다 (글꼴 설정과 실제 화소가 어긋난 상황)."""
    import warnings

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    import dlcourse.viz  # noqa: F401  (나눔고딕 등록)

    fig = Figure(figsize=(6, 2), dpi=90, facecolor="white")
    canvas = FigureCanvasAgg(fig)
    title = fig.suptitle(
        "죽은 유닛 3/24개, 정확도 0.91\n학습률을 낮춰 보세요", fontsize=11, family=family
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # DejaVu Sans에는 한글이 없다는 경고 (일부러)
        canvas.draw()
    buffer = io.BytesIO()
    canvas.print_png(buffer)
    box = title.get_window_extent(canvas.get_renderer())
    width, height = canvas.get_width_height()
    figure = {
        "dpi": fig.dpi,
        "width": width,
        "height": height,
        "missing_glyphs": [],
        "texts": [
            {
                "text": title.get_text(),
                "fontsize": title.get_fontsize(),
                "family": ["NanumGothic", "DejaVu Sans"],
                "weight": title.get_fontweight(),
                "linespacing": title.get_linespacing(),
                "ha": title.get_horizontalalignment(),
                "color": "#000000",
                "box": [box.x0, box.y0, box.x1, box.y1],
            }
        ],
    }
    if family[0] == "NanumGothic":
        scores = check_korean_in_figure(buffer.getvalue(), figure, "나눔고딕 제목")
        assert scores[0]["corr_nanum"] > 0.8
    else:
        with pytest.raises(AssertionError):
            check_korean_in_figure(buffer.getvalue(), figure, "빈 네모 제목")
