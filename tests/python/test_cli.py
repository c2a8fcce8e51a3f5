"""The command line through `python -m civitas`: exit codes 0 (success), 2 (usage error),
3 (invalid input) and 4 (I/O error), each command's help, and the three output formats of
`civitas score`."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import civitas
from civitas import Category, FrameworkSpec, Indicator, Interval

from conftest import REPO, demo_spec

# Units of the worked example (see test_evaluate.py): totals 56.5 (veto), 100 (passed) and
# 50 (a2 missing: counted as failed; rule).
DATA = "unit,a1,a2,b1,b2\n兰州市,28,10,1,3\n城关区,40,3,yes,0\n七里河区,36,,no,0\n"


def run(*args: str | Path, locale: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    if locale is not None:
        env["LC_ALL"] = locale
    return subprocess.run(
        [sys.executable, "-m", "civitas", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=120,
    )


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    framework = tmp_path / "示例.json"
    civitas.save_framework(civitas.Framework(demo_spec()), framework)
    data = tmp_path / "单位.csv"
    data.write_text(DATA, encoding="utf-8")
    return {"framework": framework, "data": data, "folder": tmp_path}


def test_help_and_version() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "usage: civitas" in result.stdout
    result = run("--version")
    assert result.returncode == 0
    assert civitas.__version__ in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("frobnicate",),
        ("validate",),
        ("score", "garden-city-2010"),
        ("score", "garden-city-2010", "x.csv", "--format", "xml"),
        ("score", "garden-city-2010", "x.csv", "--bogus"),
        ("score", "garden-city-2010", "x.csv", "--format"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2, result.stderr
    assert "usage: civitas" in result.stderr
    assert result.stdout == ""


COMMANDS = {"validate": "FILE", "score": "FRAMEWORK DATA.csv", "report": "CAMPAIGN", "circular": "CAMPAIGN", "template": "CAMPAIGN",
            "import": "CAMPAIGN FILE", "submissions": "CAMPAIGN", "history": "CAMPAIGN", "list": ""}


def test_the_help_lists_the_commands() -> None:
    listed = run("--help", locale="C").stdout
    for command, arguments in COMMANDS.items():
        assert f"\n  {command} {arguments}".rstrip() + "\n" in listed
    assert "`civitas COMMAND --help`" in listed


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_its_own_help(command: str) -> None:
    english = run(command, "--help", locale="C")
    assert english.returncode == 0, english.stderr
    assert english.stderr == ""
    assert english.stdout.startswith(f"usage: civitas {command} {COMMANDS[command]} [options]\n".replace("  ", " "))
    assert "\n  -h, --help\n" in english.stdout
    chinese = run(command, "--help", locale="zh_CN.UTF-8")
    assert chinese.returncode == 0, chinese.stderr
    assert chinese.stdout.startswith(f"用法: civitas {command} ")
    assert "\n选项:\n" in chinese.stdout and "\n  -h, --help\n      显示本说明\n" in chinese.stdout
    assert run("help", command, locale="C").stdout == english.stdout


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        (("score", "garden-city-2010", "x.csv", "--bogus"), "civitas score: unknown option '--bogus'"),
        (("report", "--colour=red"), "civitas report: unknown option '--colour=red'"),
        (("score", "garden-city-2010"), "civitas score: missing argument DATA.csv"),
        (("score", "garden-city-2010", "x.csv", "--format"), "civitas score: --format needs a value"),
        (("validate", "a.json", "b.json"), "civitas validate: unexpected argument 'b.json'"),
        (("frobnicate",), "civitas: unknown command 'frobnicate'"),
    ],
)
def test_usage_errors_name_the_command(args: tuple[str, ...], first_line: str) -> None:
    result = run(*args, locale="C")
    assert result.returncode == 2
    assert result.stderr.split("\n")[0] == first_line
    command = args[0] if first_line.startswith(f"civitas {args[0]}:") else "COMMAND"
    assert result.stderr.split("\n")[1].startswith(f"usage: civitas {command} ")


def test_usage_errors_in_chinese() -> None:
    result = run("report", "--colour", locale="zh_CN.UTF-8")
    assert result.returncode == 2
    assert result.stderr.startswith("civitas report: 未知选项 '--colour'\n用法: civitas report 创建方案 [选项]\n")


def test_validate_valid_file(files: dict[str, Path]) -> None:
    result = run("validate", files["framework"])
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout
    assert "demo" in result.stdout


@pytest.mark.parametrize("name", [p.name for p in sorted((REPO / "data" / "frameworks").glob("*.json"))])
def test_validate_bundled_files(name: str) -> None:
    assert run("validate", REPO / "data" / "frameworks" / name).returncode == 0


def test_validate_malformed_file_exits_3(files: dict[str, Path]) -> None:
    bad = files["folder"] / "bad.json"
    bad.write_text('{\n  "id": "x",\n  "name": \n}\n', encoding="utf-8")
    result = run("validate", bad)
    assert result.returncode == 3
    assert "bad.json" in result.stderr
    assert "line 4" in result.stderr


def test_validate_invalid_framework_exits_3(files: dict[str, Path]) -> None:
    text = files["framework"].read_text(encoding="utf-8").replace('"scale": 100', '"scale": -5', 1)
    assert '"scale": -5' in text
    bad = files["folder"] / "negative.json"
    bad.write_text(text, encoding="utf-8")
    result = run("validate", bad)
    assert result.returncode == 3
    assert "scale" in result.stderr


def test_validate_missing_file_exits_3(files: dict[str, Path]) -> None:
    result = run("validate", files["folder"] / "none.json")
    assert result.returncode == 3
    assert "none.json" in result.stderr


def test_score_text(files: dict[str, Path]) -> None:
    result = run("score", files["framework"], files["data"])
    assert result.returncode == 0, result.stderr
    for unit in ("兰州市", "城关区", "七里河区"):
        assert unit in result.stdout
    assert "示例体系" in result.stdout


def test_score_json(files: dict[str, Path]) -> None:
    result = run("score", files["framework"], files["data"], "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["framework"] == "demo"
    units = document["units"]
    assert [u["unit"] for u in units] == ["兰州市", "城关区", "七里河区"]
    assert [u["total"] for u in units] == pytest.approx([56.5, 100.0, 50.0])
    assert [u["passed"] for u in units] == [False, True, False]
    assert [u["decided_by"] for u in units] == ["veto", "passed", "rule"]


def test_score_csv(files: dict[str, Path]) -> None:
    result = run("score", files["framework"], files["data"], "--format=csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["unit"] for r in rows] == ["兰州市", "城关区", "七里河区"]
    assert [float(r["total"]) for r in rows] == pytest.approx([56.5, 100.0, 50.0])
    assert [r["passed"] for r in rows] == ["false", "true", "false"]
    assert [r["decided_by"] for r in rows] == ["veto", "passed", "rule"]


def test_score_class_column(tmp_path: Path) -> None:
    spec = FrameworkSpec("classes", name="分类", root=Category(indicators=[
        Indicator("g", pass_=Interval.at_least(36.0), pass_by_class={"big": Interval.at_least(30.0)})
    ]))
    framework = tmp_path / "classes.json"
    civitas.save_framework(civitas.Framework(spec), framework)
    data = tmp_path / "data.csv"
    data.write_text("unit,band,g\nx,big,32\ny,,32\n", encoding="utf-8")
    result = run("score", framework, data, "--format", "csv", "--class-column", "band")
    assert result.returncode == 0, result.stderr
    assert [r["passed"] for r in csv.DictReader(io.StringIO(result.stdout))] == ["true", "false"]
    # without naming the class column, "band" is read as an (unknown) indicator id
    assert run("score", framework, data).returncode == 3


def test_score_bundled_id() -> None:
    data = REPO / "examples" / "scoring" / "lanzhou-garden-city.csv"
    if not data.exists():
        pytest.skip("no example data")
    result = run("score", "lanzhou-illustrative", data, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["framework"] == "lanzhou-illustrative"


def test_score_unknown_bundled_id_exits_3(files: dict[str, Path]) -> None:
    result = run("score", "no-such-framework", files["data"])
    assert result.returncode == 3
    assert "no-such-framework" in result.stderr


def test_score_invalid_unit_exits_3_after_scoring_the_others(files: dict[str, Path]) -> None:
    data = files["folder"] / "invalid.csv"
    data.write_text("unit,a1\nok,40\nbad,120\n", encoding="utf-8")
    result = run("score", files["framework"], data, "--format", "csv")
    assert result.returncode == 3
    assert "bad" in result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # ok: a1 (the basic item) met, the others missing and so not met: the default rule decides
    assert [(r["unit"], r["decided_by"]) for r in rows] == [("ok", "rule"), ("bad", "invalid")]


def test_score_malformed_csv_exits_3(files: dict[str, Path]) -> None:
    data = files["folder"] / "malformed.csv"
    data.write_text("unit,a1\nx,abc\n", encoding="utf-8")
    result = run("score", files["framework"], data)
    assert result.returncode == 3
    assert "malformed.csv" in result.stderr
    assert "line 2" in result.stderr


def test_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    from civitas import _core
    from civitas.__main__ import main

    assert _core._cli_run(["--version"]) == 0
    assert civitas.__version__ in capsys.readouterr().out
    assert _core._cli_run(["nope"]) == 2
    assert "usage" in capsys.readouterr().err
    sys_argv = sys.argv
    try:
        sys.argv = ["civitas", "list"]
        with pytest.raises(SystemExit) as info:
            main()
    finally:
        sys.argv = sys_argv
    assert info.value.code == 0
    out = capsys.readouterr().out
    for framework_id in civitas.bundled_framework_ids():
        assert framework_id in out


def test_console_script() -> None:
    script = shutil.which("civitas", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the console script is installed by pip only")
    result = subprocess.run([script, "--version"], capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0
    assert civitas.__version__ in result.stdout


def test_the_command_line_tells_library_errors_in_chinese(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "id": "x",,\n}\n', encoding="utf-8")
    chinese = run("validate", broken, locale="zh_CN.UTF-8")
    assert chinese.returncode == 3
    assert chinese.stderr.startswith(f"civitas: {broken}: 第 2 行第 13 列: JSON 格式错误: ")
    english = run("validate", broken, locale="C")
    assert english.stderr.startswith(f"civitas: {broken}: line 2, column 13: malformed JSON: ")

    missing = run("report", tmp_path / "none.json", "--lang", "zh", locale="C")
    assert missing.returncode == 3
    assert f"{tmp_path / 'none.json'}: 无法打开: " in missing.stderr


FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0"]


def test_score_csv_neutralises_formulas_unless_raw(files: dict[str, Path]) -> None:
    data = files["folder"] / "formulas.csv"
    with data.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["unit", "a1", "a2", "b1", "b2"])
        for unit in FORMULAS:
            writer.writerow([unit, 40, 3, "yes", 0])
    guarded = run("score", files["framework"], data, "--format", "csv")
    assert guarded.returncode == 0, guarded.stderr
    units = [row["unit"] for row in csv.DictReader(io.StringIO(guarded.stdout))]
    assert units == ["'" + unit for unit in FORMULAS]
    raw = run("score", files["framework"], data, "--format", "csv", "--csv-raw")
    assert raw.returncode == 0, raw.stderr
    assert [row["unit"] for row in csv.DictReader(io.StringIO(raw.stdout))] == FORMULAS
    wrong = run("score", files["framework"], data, "--csv-raw")
    assert wrong.returncode == 2
    assert "--csv-raw goes with --format csv" in wrong.stderr


def test_exit_codes_are_in_the_usage() -> None:
    assert "4 I/O error" in run("--help").stdout
    assert "4 输入输出错误" in run("--help", locale="zh_CN.UTF-8").stdout


class Refusing(io.TextIOBase):
    """A standard output that refuses everything, as a full disk does."""

    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")

    def flush(self) -> None:
        raise OSError(28, "No space left on device")


def test_in_process_a_refused_standard_output_exits_4(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from civitas import _core

    monkeypatch.setattr(sys, "stdout", Refusing())
    assert _core._cli_run(["--version"]) == 4
    monkeypatch.undo()
    assert capsys.readouterr().err == "civitas: <stdout>: cannot write: No space left on device\n"
