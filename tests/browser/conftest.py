"""실제 브라우저 테스트의 픽스처. 도구 자체는 browser_lab.py에 있습니다."""

from __future__ import annotations

import json
import os

import pytest
from browser_lab import SKIP_ENV, BrowserLab


@pytest.fixture(scope="session")
def lab():
    """세션 하나에 JupyterLab 서버 하나와 Chromium 하나 (처음 쓸 때 띄움)."""
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"{SKIP_ENV}=1: 실제 브라우저 테스트를 건너뜁니다.")
    browser_lab = BrowserLab()
    yield browser_lab
    if browser_lab.timings:
        print(f"\n[browser] 준비 시간(초): {json.dumps(browser_lab.timings)}")
    browser_lab.stop()
