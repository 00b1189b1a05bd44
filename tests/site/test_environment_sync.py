"""environment.yml(conda, Binder/JupyterHub용)과 pyproject.toml의 의존성이 어긋나지 않는지 봅니다.

pyproject.toml의 런타임 의존성과 [test] 추가 의존성(그 안의 dlcourse[site] 같은 자기 참조도
풀어서)이 environment.yml에 빠짐없이 같은 판 조건으로 있어야 하고, 거꾸로 environment.yml에는
pyproject.toml에 없는 패키지가 없어야 합니다 (python, pip 제외). conda 쪽 이름이 PyPI 이름과
다르면 CONDA_TO_PYPI에 적습니다.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: pip에 들어 있는 tomli
    from pip._vendor import tomli as tomllib

try:
    import yaml  # PyYAML: jupyterlab(jupyter-events)과 jupyter-book이 함께 설치합니다.
except ModuleNotFoundError:  # pragma: no cover
    pytest.fail('PyYAML이 없습니다. pip install -e ".[test]" 를 실행하세요.', pytrace=False)

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PROJECT = "dlcourse"
# conda-forge 이름 -> PyPI 이름 (다를 때만)
CONDA_TO_PYPI = {"pytorch": "torch", "pytorch-cpu": "torch"}
CONDA_ONLY = {"python", "pip"}


@dataclass(frozen=True)
class Dep:
    name: str  # canonicalize_name 한 PyPI 이름
    spec: SpecifierSet
    marker: str
    where: str  # 어디에 적혀 있었는지 (메시지용)


def _requirement(text: str, where: str) -> Dep:
    try:
        req = Requirement(text)
    except InvalidRequirement as exc:
        raise AssertionError(f"{where}: 읽을 수 없는 의존성 '{text}' ({exc})") from exc
    return Dep(canonicalize_name(req.name), req.specifier, str(req.marker or ""), where)


def pyproject_deps(data: dict, extras: tuple[str, ...] = ("test",)) -> dict[str, Dep]:
    """런타임 의존성 + 고른 extras. 'dlcourse[site]' 같은 자기 참조는 그 extra로 풉니다."""
    project = data["project"]
    optional = project.get("optional-dependencies", {})
    deps: dict[str, Dep] = {}
    pending = [(r, "project.dependencies") for r in project["dependencies"]]
    seen_extras = set()
    todo = list(extras)
    while todo:
        extra = todo.pop()
        if extra in seen_extras:
            continue
        if extra not in optional:
            raise AssertionError(f"pyproject.toml에 [{extra}] 추가 의존성이 없습니다")
        seen_extras.add(extra)
        pending += [(r, f"[{extra}]") for r in optional[extra]]
    while pending:
        text, where = pending.pop(0)
        req = Requirement(text)
        if canonicalize_name(req.name) == PROJECT:
            for extra in sorted(req.extras - seen_extras):
                seen_extras.add(extra)
                pending += [(r, f"[{extra}]") for r in optional[extra]]
            continue
        dep = _requirement(text, where)
        assert dep.name not in deps, f"pyproject.toml에 {dep.name}이 두 번 있습니다"
        deps[dep.name] = dep
    return deps


def environment_deps(data: dict) -> tuple[dict[str, Dep], list[str], str | None]:
    """(패키지, pip 절의 설치 옵션 줄, python 조건)."""
    deps: dict[str, Dep] = {}
    options: list[str] = []
    python = None

    def add(dep: Dep) -> None:
        assert dep.name not in deps, f"environment.yml에 {dep.name}이 두 번 있습니다"
        deps[dep.name] = dep

    for entry in data["dependencies"]:
        if isinstance(entry, dict):
            assert set(entry) == {"pip"}, f"environment.yml: 알 수 없는 항목 {entry}"
            for line in entry["pip"]:
                if line.startswith("-"):
                    options.append(line)
                else:
                    add(_requirement(line, "environment.yml pip"))
            continue
        dep = _requirement(entry, "environment.yml conda")
        if dep.name == "python":
            python = str(dep.spec)
            continue
        if dep.name in CONDA_ONLY:
            continue
        add(Dep(canonicalize_name(CONDA_TO_PYPI.get(dep.name, dep.name)), dep.spec, dep.marker,
                dep.where))
    return deps, options, python


def differences(project: dict[str, Dep], env: dict[str, Dep]) -> list[str]:
    problems = []
    for name, dep in sorted(project.items()):
        other = env.get(name)
        if other is None:
            problems.append(f"{name}{dep.spec} ({dep.where})가 environment.yml에 없습니다")
        elif other.spec != dep.spec or other.marker != dep.marker:
            problems.append(
                f"{name}: pyproject.toml은 '{dep.spec}{dep.marker and '; ' + dep.marker}', "
                f"environment.yml은 '{other.spec}{other.marker and '; ' + other.marker}'입니다"
            )
    for name, dep in sorted(env.items()):
        if name not in project:
            problems.append(f"{name}{dep.spec}는 environment.yml({dep.where})에만 있습니다")
    return problems


@pytest.fixture(scope="module")
def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def test_every_runtime_and_test_dependency_is_in_environment_yml(pyproject, environment):
    project = pyproject_deps(pyproject)
    env, _, _ = environment_deps(environment)
    assert len(project) >= 10
    problems = differences(project, env)
    assert not problems, "environment.yml과 pyproject.toml이 어긋납니다:\n" + "\n".join(problems)


def test_python_version_and_editable_install_match(pyproject, environment):
    _, options, python = environment_deps(environment)
    assert python is not None, "environment.yml에 python 조건이 없습니다"
    assert SpecifierSet(python) == SpecifierSet(pyproject["project"]["requires-python"])
    assert "-e ." in options, "environment.yml의 pip 절에 '-e .'(이 저장소의 dlcourse)가 없습니다"
    assert environment["channels"] == ["conda-forge"]


def test_site_tools_are_part_of_the_test_extra(pyproject):
    """CI는 [test]만 설치하므로 [site]가 그 안에 들어 있어야 빌드 시험이 돕니다."""
    deps = pyproject_deps(pyproject)
    site = pyproject_deps({"project": {**pyproject["project"], "dependencies": []}}, ("site",))
    assert site and set(site) <= set(deps)
    assert {"jupyter-book", "jupyterlite-core", "jupyterlite-pyodide-kernel"} <= set(site)


# 비교하는 코드 자체의 시험: 일부러 어긋나게 만든 두 파일을 찾아내는지.

FAKE_PYPROJECT = """
[project]
name = "dlcourse"
requires-python = ">=3.10"
dependencies = ["numpy>=1.24", "Pillow>=9"]
[project.optional-dependencies]
test = ["pytest>=8", "dlcourse[site]"]
site = ["jupyter_book>=1.0.4,<2"]
"""


def test_checker_accepts_matching_files_and_normalises_names():
    project = pyproject_deps(tomllib.loads(FAKE_PYPROJECT))
    env, options, python = environment_deps(yaml.safe_load(
        "channels: [conda-forge]\n"
        "dependencies:\n  - python>=3.10\n  - pip\n  - numpy>=1.24\n  - pillow>=9\n"
        "  - pytest>=8\n  - pip:\n    - jupyter-book<2,>=1.0.4\n    - -e .\n"
    ))
    assert set(project) == {"numpy", "pillow", "pytest", "jupyter-book"}
    assert differences(project, env) == []
    assert options == ["-e ."] and python == ">=3.10"


def test_checker_reports_missing_extra_and_different_versions():
    project = pyproject_deps(tomllib.loads(FAKE_PYPROJECT))
    env, _, _ = environment_deps(yaml.safe_load(
        "dependencies:\n  - python>=3.10\n  - numpy>=1.20\n  - pillow>=9\n  - scipy\n"
        "  - pip:\n    - jupyter-book>=1.0.4,<2\n"
    ))
    problems = differences(project, env)
    assert len(problems) == 3
    assert any(p.startswith("numpy:") and ">=1.20" in p for p in problems)
    assert any(p.startswith("pytest>=8 ([test])") for p in problems)
    assert any(p.startswith("scipy") and "에만" in p for p in problems)
