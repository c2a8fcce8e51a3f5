"""The documentation runs: the Python blocks of the README and of each guide in docs/ (DOCUMENTS) execute
in order, and every example of docs/format.md loads and scores its values."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import civitas

REPO = Path(__file__).resolve().parents[2]
FORMAT_EXAMPLES = sorted((REPO / "tests" / "data" / "format-examples").glob("*.json"))


def python_blocks(markdown: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", markdown.read_text(encoding="utf-8"), flags=re.S)


DOCUMENTS = ["README.md", "docs/guide.md", "docs/methods.md", "docs/tracking.md", "docs/trends.md", "docs/report.md",
             "docs/assessment.md", "docs/reliability.md", "docs/python.md", "docs/scale.md", "docs/format.md",
             "docs/performance.md", "docs/office.md"]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_python_blocks_run_in_order(document: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    blocks = python_blocks(REPO / document)
    assert blocks, f"{document} has no Python block"
    monkeypatch.chdir(REPO)  # the examples name files relative to the repository
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for number, block in enumerate(blocks, 1):
        try:
            exec(compile(block, f"{document} block {number}", "exec"), namespace)
        except Exception as error:  # pragma: no cover - the message is the point
            pytest.fail(f"{document}, Python block {number} failed: {error!r}\n{block}")
    assert capsys.readouterr().out  # the examples print what they show


# Where a doc shows a whole example file, it shows it as it is: the file is the one the tests run.
SHOWN_AS_IS = [
    ("README.md", "examples/quickstart.py"),
    ("README.md", "examples/quickstart.cpp"),
    ("docs/c-api.md", "examples/c/quickstart.c"),
    ("docs/c-api.md", "examples/java/Quickstart.java"),
    ("examples/java/README.md", "examples/java/Quickstart.java"),
]


@pytest.mark.parametrize(("document", "example"), SHOWN_AS_IS)
def test_doc_shows_the_example_file_as_it_is(document: str, example: str) -> None:
    text = (REPO / document).read_text(encoding="utf-8")
    fence = {".py": "python", ".cpp": "cpp", ".c": "c", ".java": "java"}[Path(example).suffix]
    code = (REPO / example).read_text(encoding="utf-8")
    assert f"```{fence}\n{code}```" in text, f"{document} no longer shows {example} as it is"


def test_guide_shows_the_lanzhou_gap() -> None:
    # docs/guide.md says green coverage 31.44 is 4.56 short of >= 36 (12.67% of the line).
    garden = civitas.load_bundled_framework("garden-city-2010")
    city = garden.evaluate({"built_up_green_coverage": 31.44, "built_up_green_space_ratio": 28.63},
                           unit="兰州市", unit_class="land-80-100")
    coverage = city.indicator("built_up_green_coverage")
    assert coverage.gap == pytest.approx(4.56)
    assert coverage.relative_gap == pytest.approx(4.56 / 36)


@pytest.mark.parametrize("path", FORMAT_EXAMPLES, ids=[p.stem for p in FORMAT_EXAMPLES])
def test_format_example_loads_round_trips_and_scores(path: Path) -> None:
    framework = civitas.load_framework(path)
    assert civitas.parse_framework(civitas.framework_to_json(framework)) == framework
    values = path.with_suffix(".csv")
    assert values.exists(), f"docs/format.md shows values for every example: {values.name} is missing"
    header = values.read_text(encoding="utf-8").splitlines()[0].split(",")
    units, classes, columns, array = civitas.load_value_table(values, class_column="class" if "class" in header else "")
    batch = framework.evaluate_many(array, columns=columns, units=units, classes=classes or None, nan_as_missing=True)
    assert len(batch) == len(units)
    errors = [error for error in batch.errors if error]
    if path.stem == "bounds":  # the example shows a value outside the bounds being rejected
        assert len(errors) == 1 and "outside the bounds [0, 100]" in errors[0]
    else:
        assert not errors
