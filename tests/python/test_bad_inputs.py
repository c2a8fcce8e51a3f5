"""The hostile and careless files of tests/data/bad/ (issue 11), from Python and from the command
line: each case of tests/data/bad/cases.json raises the civitas error it names (type, file, place,
words in English and Chinese) or gives the documented safe result, and `python -m civitas` exits
with the code it names and prints "civitas: FILE: PLACE: message", in English and, where the case
says so, in Chinese. tests/unit/io/test_bad_inputs.cpp reads the same manifest from C++."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import civitas

from conftest import REPO

BAD = REPO / "tests" / "data" / "bad"
MANIFEST = json.loads((BAD / "cases.json").read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = MANIFEST["cases"]


def case_name(case: dict[str, Any]) -> str:
    """The test id, as the C++ suite names the case: the file, then the options' names."""
    name = case["file"] + "".join("_" + key for key in case.get("options", {}))
    return re.sub(r"[^A-Za-z0-9]", "_", name)


def skip_defect(case: dict[str, Any]) -> None:
    if "known_defect" in case:
        pytest.skip(f"known defect: {case['known_defect']}")


def named_file(case: dict[str, Any], root: Path | None) -> str:
    """The file an error should name: the case's own unless the manifest names another; relative to
    `root` (None: as written, for the command line run in a copy of the folder)."""
    named = case["expect"].get("file", case["file"])
    if named == "<string>" or named.startswith("/") or root is None:
        return named
    return str(root / named)


def in_folder(case: dict[str, Any], tmp_path: Path) -> Path:
    """The folder to read the case in: tests/data/bad, or for a case with a FIFO (git keeps none) a
    copy of its file in `tmp_path` with the FIFO made beside it."""
    fifo = case.get("make_fifo")
    if fifo is None:
        return BAD
    if case["file"] != fifo:
        (tmp_path / case["file"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(BAD / case["file"], tmp_path / case["file"])
    (tmp_path / fifo).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(tmp_path / fifo)
    return tmp_path


def read(case: dict[str, Any], root: Path) -> Any:
    """Reads the case's file, found in `root`, with its reader and options, as the manifest says."""
    path = root / case["file"]
    options = case.get("options", {})
    limits = civitas.Limits(**options["limits"]) if "limits" in options else None
    outside = bool(options.get("allow_outside", False))
    reader = case["reader"]
    if reader == "framework":
        return civitas.load_framework(path, limits=limits)
    if reader == "calendar":
        return civitas.load_calendar(path, limits=limits)
    if reader == "plan":
        if options.get("text"):
            return civitas.parse_plan(path.read_text(encoding="utf-8"), limits=limits, allow_outside=outside)
        return civitas.load_plan(path, limits=limits, allow_outside=outside)
    if reader == "campaign":
        if options.get("text"):
            return civitas.parse_campaign(path.read_text(encoding="utf-8"), limits=limits, allow_outside=outside)
        return civitas.load_campaign(path, limits=limits, allow_outside=outside)
    if reader == "inspection":
        return civitas.load_field_inspection(str(path), limits=limits)
    if reader == "observations_csv":
        return civitas.load_observations_csv(path, limits=limits)
    if reader == "observations_json":
        return civitas.load_observations_json(path, limits=limits)
    if reader == "values":
        return civitas.load_value_table(path, options.get("class_column", ""), limits=limits)
    raise AssertionError(f"unknown reader {reader}")


def assert_printable(text: str, expect: dict[str, Any]) -> None:
    """A message safe to print: no control character (line breaks included), none of the words
    the case must not echo."""
    assert not any(unicodedata.category(c) == "Cc" for c in text), repr(text)
    assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in text), repr(text)
    for word in expect.get("absent", []):
        assert word.lower() not in text.lower(), f"echoes {word!r}: {text}"


@pytest.mark.parametrize("case", CASES, ids=[case_name(c) for c in CASES])
def test_python_api(case: dict[str, Any], tmp_path: Path) -> None:
    skip_defect(case)
    expect = case["expect"]
    root = in_folder(case, tmp_path)
    if "error" not in expect:
        check_result(case, read(case, root))
        return
    with pytest.raises(civitas.Error) as info:
        read(case, root)
    error = info.value
    assert type(error).__name__ == expect["error"], f"{type(error).__name__}: {error}"
    english, chinese = str(error), error.message_zh
    if isinstance(error, civitas.ParseError):
        assert error.file == named_file(case, root), english
        assert error.location == expect["location"], english
        head = error.file + ": " + (expect["location"] + ": " if expect["location"] else "")
        assert english.startswith(head), english
    assert expect["en"].lower() in english.lower(), english
    assert expect["zh"] in chinese, chinese
    assert_printable(english, expect)
    assert_printable(chinese, expect)


def check_result(case: dict[str, Any], outcome: Any) -> None:
    expect = case["expect"]
    if case["reader"] in ("observations_csv", "observations_json"):
        frame = outcome.store.to_frame()  # every id decoded: never a UnicodeDecodeError
        if "kept" in expect:
            assert len(outcome.store) == len(frame) == expect["kept"], str(outcome)
        rows = expect.get("rejected", [])
        assert len(outcome.rejected) == len(rows), str(outcome)
        for row, want in zip(outcome.rejected, rows):
            assert (row.line, row.column, row.path) == (want.get("line", 0), want.get("column", 0), want.get("path", "")), str(row)
            assert want["en"].lower() in row.message.lower(), row.message
            assert want["zh"] in row.message_zh, row.message_zh
            assert_printable(row.message, expect)
            assert_printable(row.message_zh, expect)
    if "units" in expect:
        units = outcome[0]
        assert len(units) == expect["units"], units


# ---- the command line -------------------------------------------------------------------------

# The key of a campaign that names a file read by each reader the command line reaches only
# through `civitas report`.
VIA_CAMPAIGN = {
    "calendar": lambda name: {"calendar": name},
    "plan": lambda name: {"plan": name},
    "inspection": lambda name: {"inspections": [{"file": name}]},
    "observations_csv": lambda name: {"observations": [name]},
    "observations_json": lambda name: {"observations": [name]},
}


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/data/bad copied whole, symbolic links kept, for the campaigns written beside the cases."""
    folder = tmp_path_factory.mktemp("bad") / "bad"
    shutil.copytree(BAD, folder, symlinks=True)
    for case in CASES:
        if "make_fifo" in case and not (folder / case["make_fifo"]).exists():
            (folder / case["make_fifo"]).parent.mkdir(parents=True, exist_ok=True)
            os.mkfifo(folder / case["make_fifo"])
    return folder


def campaign_for(case: dict[str, Any], folder: Path) -> str:
    """A campaign beside the case's file naming it, for `civitas report`; its path relative to `folder`."""
    file = Path(case["file"])
    campaign = {"format": "civitas-campaign/1", "id": "via", "titles": [{"id": "garden"}], **VIA_CAMPAIGN[case["reader"]](file.name)}
    relative = file.parent / f"{file.stem}.via-campaign.json"
    (folder / relative).write_text(json.dumps(campaign), encoding="utf-8")
    return str(relative)


def run(args: list[str], folder: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "civitas", *args, *extra],
        cwd=folder,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="backslashreplace",
        env=env,
        check=False,
        timeout=120,
    )


def chinese_place(location: str) -> str:
    """"line 3, column 5" as the Chinese message writes it; JSON paths are the same."""
    found = re.fullmatch(r"line (\d+)(?:, column (\d+))?", location)
    if found is None:
        return location
    line, column = found.groups()
    return f"第 {line} 行" + (f"第 {column} 列" if column else "")


CLI_CASES = [c for c in CASES if c.get("cli") is not None]


@pytest.mark.parametrize("case", CLI_CASES, ids=[case_name(c) for c in CLI_CASES])
def test_command_line(case: dict[str, Any], copy: Path) -> None:
    skip_defect(case)
    cli, expect = case["cli"], case["expect"]
    args = [a.replace("{file}", case["file"]) for a in cli["args"]]
    if "{campaign}" in args:
        args[args.index("{campaign}")] = campaign_for(case, copy)
    languages = ["en", "zh"] if cli.get("zh") else ["en"]
    for language in languages:
        result = run(args, copy, "--lang", language)
        assert result.returncode == cli["exit"], f"--lang {language}: exit {result.returncode}: {result.stderr}"
        assert_printable(result.stderr.replace("\n", ""), expect)
        if "error" in expect:
            place = expect["location"] if language == "en" else chinese_place(expect["location"])
            head = "civitas: " + named_file(case, None) + ": " + (place + ": " if place else "")
            assert result.stderr.startswith(head), result.stderr
            words = expect["en"] if language == "en" else expect["zh"]
            assert words.lower() in result.stderr.lower(), result.stderr
            assert result.stderr.count("\n") == 1, result.stderr  # one line, nothing raw after it
        elif expect.get("rejected"):
            # `civitas report` says how many rows were left out and where the first one is.
            first = expect["rejected"][0]
            where = first.get("path") or (f"line {first['line']}, column {first['column']}" if first.get("column") else f"line {first['line']}")
            if language == "zh":
                where = chinese_place(where)
            words = first["en"] if language == "en" else first["zh"]
            assert f"{case['file']}: {where}: " in result.stderr, result.stderr
            assert words.lower() in result.stderr.lower(), result.stderr
        else:
            assert result.stderr == "", result.stderr


def test_the_manifest_holds_the_cases_of_issue_11() -> None:
    made = {c["make_fifo"] for c in CASES if "make_fifo" in c}
    for case in CASES:
        assert case["file"] in made or (BAD / case["file"]).exists(), case["file"]
    assert len({c["file"] for c in CASES if (BAD / c["file"]).is_file()}) >= 60
    assert len({case_name(c) for c in CASES}) == len(CASES)
    # Every reader is covered, and the command line reads at least a third of the cases in Chinese too.
    assert {c["reader"] for c in CASES} == {
        "framework", "calendar", "plan", "campaign", "inspection", "observations_csv", "observations_json", "values"
    }
    assert sum(1 for c in CLI_CASES if c["cli"].get("zh")) * 3 >= len(CLI_CASES)
    for case in CASES:
        assert case.get("cli") is not None or case.get("cli_none"), case["file"]
    assert (BAD / "campaign" / "links" / "outside-framework.json").is_symlink()
