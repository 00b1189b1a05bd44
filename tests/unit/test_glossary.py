"""용어집(course/glossary.md)과 자동 용어 검사.

용어집의 표를 읽어서, 레슨 노트북, 패키지의 문자열과 주석, course/ 아래 글, README에
'쓰지 않는 말'이 들어 있는지 검사합니다. 검사 규칙은 용어집의 '검사기가 찾는 방법'
절에 적혀 있고, 이 파일이 그 규칙을 그대로 구현합니다.

- 띄어쓰기는 따지지 않고, 로마자는 대소문자를 가리지 않습니다.
- 낱말의 첫머리에서만 찾습니다 (바로 앞 글자가 한글 음절이면 건너뜁니다).
- 허용하는 말(표의 '한국어' 열과 '겹치는 말' 표) 안에 든 금지어는 건너뜁니다.
- '라고도'가 들어 있는 문장 안의 금지어는 건너뜁니다.
- 한 자리에서 여러 금지어가 걸리면 가장 긴 것만 알립니다.

패키지(dlcourse)는 실행 중에 저장소 파일을 읽지 않아야 하므로, 검사기는 테스트 안에만
둡니다.
"""

from __future__ import annotations

import ast
import io
import json
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY_PATH = ROOT / "course" / "glossary.md"

TERM_HEADER = ("한국어", "English", "쓰지 않는 말", "비고")
ALLOW_HEADER = ("허용하는 말", "겹치는 금지어", "까닭")
NONE_MARKS = {"", "—", "-", "–"}

HANGUL_SYLLABLE = "가-힣"
HAS_HANGUL = re.compile(f"[{HANGUL_SYLLABLE}]")

# 문장 경계: 마침표·물음표·느낌표 뒤의 공백, 빈 줄, 그리고 목록·제목·표·인용·주석으로
# 시작하는 줄의 앞.
SENTENCE_BREAK = re.compile(
    r"(?<=[.!?。])\s+"
    r"|\n[ \t]*\n\s*"
    r"|\n(?=[ \t]*(?:[-*+>|#]|\d+[.)]\s))"
)
ALSO_CALLED = "라고도"


# ---------------------------------------------------------------------------
# 용어집 읽기
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    korean: str
    english: str
    banned: tuple[str, ...]
    note: str
    line: int


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    extra_allowed: tuple[str, ...]  # '겹치는 말' 표의 '허용하는 말'


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner.removeprefix("|").removesuffix("|")
    return [cell.strip() for cell in inner.split("|")]


def _is_separator(line: str) -> bool:
    return bool(re.fullmatch(r"\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?", line.strip()))


def _split_list(cell: str) -> tuple[str, ...]:
    items = (item.strip().strip("`").strip() for item in cell.split(","))
    return tuple(item for item in items if item not in NONE_MARKS)


def parse_glossary(text: str) -> Glossary:
    """마크다운에서 용어 표와 '겹치는 말' 표를 읽습니다.

    머리행이 TERM_HEADER 나 ALLOW_HEADER 와 같은 표만 읽고, 나머지 글은 건너뜁니다.
    형식이 어긋난 행은 ValueError로 알립니다 (조용히 버리지 않습니다).
    """
    terms: list[Term] = []
    allowed: list[str] = []
    mode: str | None = None
    expect_separator = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("|"):
            mode = None
            continue
        cells = _cells(stripped)
        if tuple(cells) == TERM_HEADER:
            mode, expect_separator = "term", True
            continue
        if tuple(cells) == ALLOW_HEADER:
            mode, expect_separator = "allow", True
            continue
        if mode is None:
            continue
        if expect_separator:
            if not _is_separator(stripped):
                raise ValueError(f"{number}번째 줄: 머리행 다음에 구분선(|---|)이 필요합니다.")
            expect_separator = False
            continue
        if mode == "term":
            if len(cells) != len(TERM_HEADER):
                raise ValueError(
                    f"{number}번째 줄: 용어 표의 행은 칸이 {len(TERM_HEADER)}개여야 합니다 "
                    f"(받은 칸 수: {len(cells)})."
                )
            korean, english, banned, note = cells
            terms.append(Term(korean, english, _split_list(banned), note, number))
        else:
            if len(cells) != len(ALLOW_HEADER):
                raise ValueError(
                    f"{number}번째 줄: 겹치는 말 표의 행은 칸이 {len(ALLOW_HEADER)}개여야 합니다."
                )
            allowed.append(cells[0].strip("`").strip())
    return Glossary(tuple(terms), tuple(allowed))


# ---------------------------------------------------------------------------
# 검사기
# ---------------------------------------------------------------------------


def _flexible(phrase: str) -> str:
    """띄어쓰기를 따지지 않는 정규식: '학습 속도' -> '학습\\s*속도'."""
    return r"\s*".join(re.escape(part) for part in phrase.split())


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    found: str  # 본문에 실제로 적힌 글자
    banned: str  # 용어집의 쓰지 않는 말
    term: Term


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    begin = 0
    for match in SENTENCE_BREAK.finditer(text):
        spans.append((begin, match.start()))
        begin = match.end()
    spans.append((begin, len(text)))
    return spans


class TermChecker:
    """용어집 하나로 글에서 쓰지 않는 말을 찾습니다."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        # 앞 글자가 한글 음절이면 다른 낱말의 일부이므로 건너뜁니다.
        self._banned = [
            (re.compile(f"(?<![{HANGUL_SYLLABLE}])" + _flexible(b), re.IGNORECASE), b, term)
            for term in glossary.terms
            for b in term.banned
        ]
        allowed = {t.korean for t in glossary.terms} | set(glossary.extra_allowed)
        # 허용하는 말은 띄어쓰기를 아예 무시합니다: '하이퍼 파라미터'도 '하이퍼파라미터'입니다.
        self._allowed = [
            re.compile(r"\s*".join(map(re.escape, "".join(a.split()))), re.IGNORECASE)
            for a in sorted(allowed)
        ]

    def find(self, text: str) -> list[Hit]:
        raw = [
            Hit(m.start(), m.end(), m.group(0), banned, term)
            for pattern, banned, term in self._banned
            for m in pattern.finditer(text)
        ]
        if not raw:
            return []
        allowed_spans = [m.span() for p in self._allowed for m in p.finditer(text)]
        sentences = _sentence_spans(text)

        def excused(hit: Hit) -> bool:
            if any(s <= hit.start and hit.end <= e for s, e in allowed_spans):
                return True
            for s, e in sentences:
                if s <= hit.start < e:
                    return ALSO_CALLED in text[s:e]
            return False

        hits = sorted(
            (h for h in raw if not excused(h)), key=lambda h: (h.start, -(h.end - h.start))
        )
        kept: list[Hit] = []
        for hit in hits:
            if any(k.start <= hit.start and hit.end <= k.end for k in kept):
                continue  # 더 긴 금지어 안에 든 것은 한 번만 알립니다.
            kept.append(hit)
        return kept


# ---------------------------------------------------------------------------
# 검사할 글 모으기: (위치 이름, 시작 줄 번호, 글)
# ---------------------------------------------------------------------------

Chunk = tuple[str, int, str]


def _join(source) -> str:
    return "".join(source) if isinstance(source, list) else str(source)


def notebook_chunks(path: Path, label: str) -> list[Chunk]:
    """노트북의 마크다운·코드·raw 셀 소스와 저장된 텍스트 출력."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    chunks: list[Chunk] = []
    for index, cell in enumerate(nb.get("cells", []), start=1):
        chunks.append((f"{label}:셀 {index}", 1, _join(cell.get("source", ""))))
        for output in cell.get("outputs", []):
            where = f"{label}:셀 {index} 출력"
            kind = output.get("output_type")
            if kind == "stream":
                chunks.append((where, 1, _join(output.get("text", ""))))
            elif kind in ("execute_result", "display_data"):
                for mime, data in output.get("data", {}).items():
                    if mime.startswith("text/"):
                        chunks.append((where, 1, _join(data)))
            elif kind == "error":
                chunks.append((where, 1, f"{output.get('ename', '')}: {output.get('evalue', '')}"))
    return chunks


def python_chunks(source: str, label: str) -> list[Chunk]:
    """파이썬 소스의 모든 문자열 상수(독스트링, f-문자열의 글자 부분 포함)와 주석."""
    chunks: list[Chunk] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            chunks.append((label, node.lineno, node.value))
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            chunks.append((label, token.start[0], token.string))
    return sorted(chunks, key=lambda chunk: chunk[1])


def text_chunks(path: Path, label: str) -> list[Chunk]:
    return [(label, 1, path.read_text(encoding="utf-8"))]


def repository_chunks(root: Path) -> list[Chunk]:
    """검사 대상: 용어집의 '검사기가 찾는 방법' 절에 적은 파일들."""
    chunks: list[Chunk] = []

    def rel(path: Path) -> str:
        return path.relative_to(root).as_posix()

    lessons = root / "lessons"
    if lessons.is_dir():
        for path in sorted(lessons.rglob("*.ipynb")):
            if ".ipynb_checkpoints" not in path.parts:
                chunks += notebook_chunks(path, rel(path))
        for path in sorted(lessons.rglob("*.md")):
            chunks += text_chunks(path, rel(path))
    package = root / "src" / "dlcourse"
    if package.is_dir():
        for path in sorted(package.rglob("*.py")):
            chunks += python_chunks(path.read_text(encoding="utf-8"), rel(path))
        for path in sorted(package.rglob("*.md")):
            chunks += text_chunks(path, rel(path))
    course = root / "course"
    if course.is_dir():
        for pattern in ("*.md", "*.yml", "*.yaml", "*.toml"):
            for path in sorted(course.rglob(pattern)):
                if path.resolve() != GLOSSARY_PATH.resolve():
                    chunks += text_chunks(path, rel(path))
    readme = root / "README.md"
    if readme.is_file():
        chunks += text_chunks(readme, rel(readme))
    return chunks


def report(checker: TermChecker, chunks: list[Chunk]) -> list[str]:
    """걸린 곳마다 '파일:줄: 쓰지 않는 말 ... -> 용어' 한 줄."""
    lines = []
    for where, first_line, text in chunks:
        for hit in checker.find(text):
            line = first_line + text.count("\n", 0, hit.start)
            found = " ".join(hit.found.split())
            term = hit.term
            lines.append(
                f"{where}:{line}: 쓰지 않는 말 '{found}' -> '{term.korean}' ({term.english}), "
                f"용어집 {term.line}번째 줄"
            )
    return lines


# ---------------------------------------------------------------------------
# 실제 용어집
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return parse_glossary(GLOSSARY_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def checker(glossary: Glossary) -> TermChecker:
    return TermChecker(glossary)


def _norm(phrase: str) -> str:
    return "".join(phrase.split()).lower()


def test_glossary_has_enough_rows_and_every_row_is_complete(glossary):
    assert len(glossary.terms) >= 60
    for term in glossary.terms:
        assert term.korean, f"{term.line}번째 줄: 한국어 칸이 비었습니다"
        assert term.english, f"{term.line}번째 줄: English 칸이 비었습니다"
        assert HAS_HANGUL.search(term.korean) or term.korean.lower() in term.english.lower(), (
            f"{term.line}번째 줄: 한국어 칸에 한글이 없으면 영어 이름 그대로여야 합니다"
        )
        assert not HAS_HANGUL.search(term.english), f"{term.line}번째 줄: English 칸에 한글"


def test_no_duplicate_terms_or_banned_variants(glossary):
    seen: dict[str, int] = {}
    for term in glossary.terms:
        key = _norm(term.korean)
        assert key not in seen, (
            f"'{term.korean}' 행이 {seen[key]}, {term.line}번째 줄에 두 번 있습니다"
        )
        seen[key] = term.line
    banned_seen: dict[str, int] = {}
    for term in glossary.terms:
        for banned in term.banned:
            key = _norm(banned)
            assert key not in banned_seen, (
                f"쓰지 않는 말 '{banned}'이 {banned_seen[key]}, {term.line}번째 줄에 두 번 있습니다"
            )
            banned_seen[key] = term.line


def test_no_korean_term_is_banned_anywhere(glossary, checker):
    korean = {_norm(t.korean): t for t in glossary.terms}
    for term in glossary.terms:
        for banned in term.banned:
            assert _norm(banned) not in korean, (
                f"'{banned}'은 {term.line}번째 줄에서 금지인데 "
                f"{korean[_norm(banned)].line}번째 줄에서는 용어입니다"
            )
    for term in glossary.terms:
        assert checker.find(term.korean) == [], f"용어 '{term.korean}'이 검사에 걸립니다"
        assert checker.find(term.english) == [], f"영어 '{term.english}'이 검사에 걸립니다"
        first_use = f"{term.korean}({term.english})"
        assert checker.find(first_use) == [], f"첫 사용 형태 '{first_use}'이 검사에 걸립니다"


def test_every_banned_variant_is_caught_by_the_checker(glossary, checker):
    for term in glossary.terms:
        for banned in term.banned:
            assert HAS_HANGUL.search(banned), f"'{banned}'에 한글이 없습니다 (코드가 걸립니다)"
            hits = checker.find(f"이 문장에는 {banned}이 있습니다.")
            assert [h.banned for h in hits] == [banned], (
                f"'{banned}'을 찾지 못했거나 다른 말로 알립니다: {[h.banned for h in hits]}"
            )
            assert hits[0].term is term


def test_every_allowlist_entry_is_clean_and_needed(glossary, checker):
    assert glossary.extra_allowed
    without = TermChecker(Glossary(glossary.terms, ()))
    for phrase in glossary.extra_allowed:
        assert checker.find(phrase) == []
        # 띄어 쓴 형태나 붙여 쓴 형태 가운데 하나에는 금지어가 들어 있어야 합니다.
        joined = "".join(phrase.split())
        assert without.find(phrase) or without.find(joined), (
            f"'{phrase}'에는 금지어가 없으니 겹치는 말 표에서 빼세요"
        )


# 실제 용어집의 결정이 의도대로 동작하는지: 맞는 글은 통과, 틀린 글은 걸림.
CLEAN = [
    "경사 하강법은 기울기의 반대 방향으로 움직입니다.",
    "확률적 경사 하강법과 미니배치 경사 하강법을 비교합니다.",
    "네스테로프 가속 경사(NAG)는 한 걸음 앞에서 기울기를 구합니다.",
    "곡면의 경사가 가파른 곳에서는 학습률을 줄입니다.",
    "배치 정규화와 층 정규화, 그리고 입력 정규화를 씁니다.",
    "L2 규제는 가중치 감쇠와 같은 효과를 냅니다.",
    "하이퍼파라미터와 매개변수는 다릅니다.",
    "은닉층의 유닛 3개 가운데 죽은 유닛이 2개입니다.",
    "훈련 세트와 검증 세트의 손실 곡선을 그립니다.",
    "지역 최솟값과 안장점에서 기울기는 0입니다.",
    "기울기 클리핑은 clipnorm 인자로 켭니다.",
    "최적화기법이라고 붙여 써도 됩니다",
    "게임 플레이어처럼 생각해 봅시다.",
    "계층적 구조로 정리한 옵티마이저 가계도입니다.",
    "기울기 소실은 경사 소멸이라고도 합니다.",
    "소프트웨어 업데이트를 받으세요.",
]

DIRTY = [
    ("그래디언트가 0이 됩니다.", "그래디언트"),
    ("경사도가 0이 됩니다.", "경사도"),
    ("학습속도를 0.1로 둡니다.", "학습 속도"),
    ("L2 정규화를 더합니다.", "L2 정규화"),
    ("정규화 항을 손실에 더합니다.", "정규화 항"),
    ("파라미터를 갱신합니다.", "파라미터"),
    ("레이어를 쌓습니다.", "레이어"),
    ("은닉레이어가 세 개입니다.", "은닉 레이어"),
    ("죽은 뉴런이 늘어납니다.", "죽은 뉴런"),
    ("학습 세트로 훈련합니다.", "학습 세트"),
    ("지역 최소치에 갇힙니다.", "지역 최소치"),
    ("경사 절단으로 막습니다.", "경사 절단"),
    ("최소값은 0입니다.", "최소값"),
    ("과대적합이 일어납니다.", "과대적합"),
    ("기울기 소실은 경사 소멸이라고 부릅니다.", "경사 소멸"),
]


@pytest.mark.parametrize("text", CLEAN)
def test_real_glossary_allows_correct_text(checker, text):
    assert checker.find(text) == []


@pytest.mark.parametrize(("text", "banned"), DIRTY)
def test_real_glossary_rejects_banned_variants(checker, text, banned):
    assert [h.banned for h in checker.find(text)] == [banned]


# ---------------------------------------------------------------------------
# 검사기 자체 시험: 작은 가짜 용어집으로 규칙 하나하나를 확인합니다.
# ---------------------------------------------------------------------------

TOY_GLOSSARY = """\
# 가짜 용어집

설명 글은 읽지 않습니다. | 이 줄도 표가 아닙니다.

| 한국어 | English | 쓰지 않는 말 | 비고 |
|---|---|---|---|
| 기울기 | gradient | 그래디언트, 경사도 | |
| 경사 하강법 | gradient descent | 기울기 하강법 | 굳어진 이름 |
| 정규화 | normalization | — | |
| 배치 정규화 | batch normalization | 배치 표준화 | |
| 규제 | regularization | L2 정규화, 정규화 항 | |
| 층 | layer | 레이어 | |
| 학습률 | learning rate | 학습 속도, 러닝 레이트 | |
| 하이퍼파라미터 | hyperparameter | — | |
| 매개변수 | parameter | 파라미터 | |
| 옵티마이저 | optimizer | 최적화기 | |

| 허용하는 말 | 겹치는 금지어 | 까닭 |
|---|---|---|
| 최적화 기법 | 최적화기 | 다른 뜻 |
"""


@pytest.fixture(scope="module")
def toy() -> TermChecker:
    return TermChecker(parse_glossary(TOY_GLOSSARY))


def test_parser_reads_rows_lists_and_allowlist():
    parsed = parse_glossary(TOY_GLOSSARY)
    assert [t.korean for t in parsed.terms][:3] == ["기울기", "경사 하강법", "정규화"]
    assert parsed.terms[0].banned == ("그래디언트", "경사도")
    assert parsed.terms[2].banned == ()
    assert parsed.terms[0].line == 7
    assert parsed.extra_allowed == ("최적화 기법",)


def test_parser_rejects_malformed_rows():
    broken = "| 한국어 | English | 쓰지 않는 말 | 비고 |\n|---|---|---|---|\n| 층 | layer |\n"
    with pytest.raises(ValueError, match="칸이 4개"):
        parse_glossary(broken)
    no_separator = "| 한국어 | English | 쓰지 않는 말 | 비고 |\n| 층 | layer | 레이어 | |\n"
    with pytest.raises(ValueError, match="구분선"):
        parse_glossary(no_separator)


def test_planted_variant_is_caught_with_its_suggestion(toy):
    hits = toy.find("이 값은 그래디언트입니다.")
    assert len(hits) == 1
    assert hits[0].found == "그래디언트"
    assert hits[0].term.korean == "기울기"
    assert toy.find("이 값은 기울기입니다.") == []


def test_spacing_and_case_do_not_hide_a_variant(toy):
    assert [h.found for h in toy.find("학습속도가 큽니다")] == ["학습속도"]
    assert [h.found for h in toy.find("학습  속도가 큽니다")] == ["학습  속도"]
    assert [h.found for h in toy.find("학습\n속도가 큽니다")] == ["학습\n속도"]
    assert [h.found for h in toy.find("l2 정규화")] == ["l2 정규화"]


def test_variant_inside_an_allowed_compound_is_allowed(toy):
    assert toy.find("배치 정규화를 씁니다. 입력 정규화도 씁니다.") == []
    assert toy.find("하이퍼파라미터를 고릅니다.") == []
    assert toy.find("하이퍼 파라미터를 고릅니다.") == []  # 띄어쓰기는 따지지 않습니다
    assert toy.find("최적화기법을 배웁니다.") == []  # 겹치는 말 표
    assert [h.banned for h in toy.find("최적화기를 고릅니다.")] == ["최적화기"]
    # 허용하는 말이 금지어 일부만 덮으면 여전히 걸립니다.
    assert [h.banned for h in toy.find("정규화 항을 더합니다.")] == ["정규화 항"]
    assert [h.banned for h in toy.find("하이퍼파라미터와 파라미터")] == ["파라미터"]


def test_variant_at_the_end_of_another_word_is_not_caught(toy):
    assert toy.find("플레이어가 이깁니다.") == []
    assert [h.found for h in toy.find("(레이어)")] == ["레이어"]
    assert [h.found for h in toy.find("Dense 레이어")] == ["레이어"]


def test_also_called_sentence_is_the_only_exception(toy):
    text = (
        "기울기는 그래디언트라고도 합니다. 그러나 본문에서는 그래디언트를 쓰지 않습니다.\n"
        "- 목록: 경사도라고도 부릅니다\n"
        "- 다음 목록 항목의 경사도는 걸립니다\n"
    )
    hits = toy.find(text)
    assert [(h.found, text.count("\n", 0, h.start)) for h in hits] == [
        ("그래디언트", 0),
        ("경사도", 2),
    ]
    assert hits[0].start > text.index("그러나")


def test_longest_overlapping_variant_is_reported_once():
    glossary = parse_glossary(
        "| 한국어 | English | 쓰지 않는 말 | 비고 |\n|---|---|---|---|\n"
        "| 층 | layer | 레이어 | |\n"
        "| 층 정규화 | layer normalization | 레이어 정규화 | |\n"
    )
    hits = TermChecker(glossary).find("레이어 정규화를 씁니다")
    assert [h.term.korean for h in hits] == ["층 정규화"]


def test_notebook_markdown_code_and_outputs_are_scanned(toy, tmp_path):
    notebook = {
        "cells": [
            {
                "cell_type": "markdown",
                "metadata": {},
                "source": ["# 제목\n", "러닝 레이트를 봅니다."],
            },
            {
                "cell_type": "code",
                "metadata": {},
                "execution_count": 1,
                "source": ["lr = 0.1  # 학습률\n", "print('레이어 수')"],
                "outputs": [
                    {
                        "output_type": "stream",
                        "name": "stdout",
                        "text": ["첫 줄\n", "경사도 0.5\n"],
                    },
                    {
                        "output_type": "execute_result",
                        "execution_count": 1,
                        "metadata": {},
                        "data": {"text/plain": "'파라미터'", "image/png": "그래디언트"},
                    },
                    {
                        "output_type": "error",
                        "ename": "ValueError",
                        "evalue": "최적화기 오류",
                        "traceback": [],
                    },
                ],
            },
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "01_test.ipynb"
    path.write_text(json.dumps(notebook, ensure_ascii=False), encoding="utf-8")
    lines = report(toy, notebook_chunks(path, "lessons/01_test.ipynb"))
    assert len(lines) == 5  # image/png는 글이 아니므로 건너뜁니다.
    assert lines[0].startswith(
        "lessons/01_test.ipynb:셀 1:2: 쓰지 않는 말 '러닝 레이트' -> '학습률'"
    )
    assert lines[1].startswith("lessons/01_test.ipynb:셀 2:2: 쓰지 않는 말 '레이어' -> '층'")
    assert lines[2].startswith(
        "lessons/01_test.ipynb:셀 2 출력:2: 쓰지 않는 말 '경사도' -> '기울기'"
    )
    assert "'파라미터' -> '매개변수'" in lines[3]
    assert "'최적화기' -> '옵티마이저'" in lines[4]


def test_python_strings_docstrings_fstrings_and_comments_are_scanned(toy):
    source = (
        '"""모듈 설명.\n\n둘째 문단의 그래디언트."""\n'
        "\n"
        "def f(x):\n"
        "    # 주석의 레이어\n"
        "    label = '학습률'  # 맞는 말\n"
        "    raise ValueError(f'{x}: 러닝 레이트가 잘못되었습니다')\n"
        "\n"
        "gradient_layer_parameter = 1  # 영어 이름은 검사하지 않습니다\n"
    )
    lines = report(toy, python_chunks(source, "src/dlcourse/toy.py"))
    assert [line.split(": ")[0] for line in lines] == [
        "src/dlcourse/toy.py:3",
        "src/dlcourse/toy.py:6",
        "src/dlcourse/toy.py:8",
    ]
    assert "'그래디언트' -> '기울기'" in lines[0]
    assert "'레이어' -> '층'" in lines[1]
    assert "'러닝 레이트' -> '학습률'" in lines[2]


def test_repository_collector_finds_planted_files(toy, tmp_path):
    (tmp_path / "course").mkdir()
    (tmp_path / "course" / "guide.md").write_text("강사용: 레이어를 쌓습니다.\n", encoding="utf-8")
    package = tmp_path / "src" / "dlcourse"
    package.mkdir(parents=True)
    (package / "m.py").write_text("X = '정규화 항'\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# 제목\n\n파라미터 설명\n", encoding="utf-8")
    lines = report(toy, repository_chunks(tmp_path))
    assert sorted(line.split(": ")[0] for line in lines) == [
        "README.md:3",
        "course/guide.md:1",
        "src/dlcourse/m.py:1",
    ]


# ---------------------------------------------------------------------------
# 저장소 전체 검사
# ---------------------------------------------------------------------------


def test_repository_uses_only_glossary_terms(checker):
    chunks = repository_chunks(ROOT)
    assert chunks, "검사할 글을 하나도 찾지 못했습니다 (경로를 확인하세요)"
    problems = report(checker, chunks)
    assert not problems, (
        f"용어집(course/glossary.md)에서 쓰지 않기로 한 말이 {len(problems)}곳에 있습니다:\n"
        + "\n".join(problems)
    )
