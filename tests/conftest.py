"""모든 테스트가 함께 쓰는 설정.

Hypothesis 프로필을 여기서 정합니다. 기본은 "ci" (테스트마다 예제 40개, 시간 제한 없음)
이고, 환경 변수 HYPOTHESIS_PROFILE 로 바꿀 수 있습니다.

    HYPOTHESIS_PROFILE=thorough python -m pytest tests/unit   # 예제 500개씩, 느리지만 꼼꼼함
    HYPOTHESIS_PROFILE=quick python -m pytest tests/unit      # 예제 10개씩, 빠른 확인

시간 제한(deadline)을 두지 않는 까닭: 코어 두 개를 여러 작업이 나눠 쓰는 기계에서는
같은 예제도 실행 시간이 크게 흔들려, 제한을 두면 코드와 상관없이 실패하기 때문입니다.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", max_examples=40, deadline=None, print_blob=True)
settings.register_profile("quick", max_examples=10, deadline=None)
settings.register_profile("thorough", max_examples=500, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
