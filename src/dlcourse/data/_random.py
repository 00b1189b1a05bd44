"""난수 생성기를 한 가지 방식으로 받아들이는 도우미.

무작위가 들어가는 함수는 모두 `seed` 인자 하나로 두 가지를 받습니다.

- 정수 (또는 None): 그 값으로 새 `numpy.random.Generator`를 만듭니다.
  같은 정수를 주면 언제나 같은 수열이 나옵니다. None이면 운영체제가 주는
  임의의 시드를 쓰므로 실행할 때마다 달라집니다.
- `numpy.random.Generator`: 그 생성기를 그대로 씁니다 (복사하지 않습니다).
  그래서 부를 때마다 생성기의 상태가 앞으로 나아가고, 다음 호출은 다른 수를 뽑습니다.
  훈련 루프가 생성기 하나를 가지고 에폭마다 넘기면 에폭마다 섞는 순서가 달라지면서도
  전체 실행은 처음 시드 하나로 재현됩니다.
"""

from __future__ import annotations

# as_generator는 엔진의 가장 아래층(dlcourse._validate)으로 옮겼습니다. 예전처럼
# dlcourse.data._random에서도 불러올 수 있게 여기서 다시 내보냅니다.
from .._validate import as_generator

__all__ = ["as_generator"]
