"""The campaign report on the bundled Lanzhou example: its pages agree with the readiness they are
built from, every format says the same, the JSON follows its schema, and the command line writes
files whole and fails cleanly. (The small campaign worked by hand is in tests/unit/report/test_report.cpp.)"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

import civitas

from conftest import REPO

EXAMPLE = REPO / "examples" / "lanzhou" / "campaign.json"
AS_OF = datetime.date(2025, 12, 31)


@pytest.fixture(scope="module")
def campaign() -> civitas.Campaign:
    return civitas.load_campaign(EXAMPLE)


@pytest.fixture(scope="module")
def report(campaign: civitas.Campaign) -> civitas.Report:
    return civitas.build_report(campaign, AS_OF)


def run(*args: str | Path, lang: str = "C") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", LC_ALL=lang)
    return subprocess.run([sys.executable, "-m", "civitas", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", env=env, check=False, timeout=300)


def test_pages_agree_with_readiness(campaign: civitas.Campaign, report: civitas.Report) -> None:
    ready = civitas.readiness(campaign, AS_OF)
    assert report.language == civitas.Language.zh  # the campaign says "language": "zh"
    assert [t.id for t in report.titles] == [t.title for t in ready.titles]
    for page, title in zip(report.titles, ready.titles):
        assert page.rag == title.rag[0], page.id  # the top unit, 兰州市
        assert page.top_unit == title.units[0]
        if title.now is None:
            assert page.framework == "" and page.shortfalls == []
            continue
        outcomes = title.now.outcomes[0]
        short = {title.now.indicator_ids[k] for k in range(len(outcomes)) if outcomes[k] == 0}
        assert page.shortfalls_total == len(short)
        assert {item.indicator for item in page.shortfalls} <= short
        assert page.met == int(title.now.met[0])
        # Basic items come first, then the largest relative gap.
        keys = [(not item.basic, -(item.relative_gap or -1.0)) for item in page.shortfalls]
        assert keys == sorted(keys)
        for item in page.shortfalls:
            assert not item.met and item.gap > 0
        for item in page.off_track:
            assert item.met and item.projected_met is False
        # Sub-units, best first; ranks rise. The ranking is of the units directly under the top one
        # (the districts and the county); the school under 城关区 is in readiness but not ranked here.
        assert [s.unit for s in page.units] and all(a.rank <= b.rank for a, b in zip(page.units, page.units[1:]))
        assert {s.unit for s in page.units} == set(campaign.children(title.units[0]))
        assert set(campaign.children(title.units[0])) < set(title.units[1:])


def test_overdue_tasks_come_from_the_plan_status(campaign: civitas.Campaign, report: civitas.Report) -> None:
    ready = civitas.readiness(campaign, AS_OF)
    for page, title in zip(report.titles, ready.titles):
        assert page.overdue_total == len(title.overdue_tasks[0])
        days = [task.days_late for task in page.overdue]
        assert days == sorted(days, reverse=True)
    total = sum(d.overdue for d in report.departments)
    assert total == report.plan.states.get(civitas.TaskState.overdue, 0)


def validator(name: str) -> jsonschema.Draft202012Validator:
    """data/schema/<name>.schema.json, with the schemas it refers to (report.schema.json: circular.schema.json)."""
    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in (REPO / "data" / "schema").glob("*.schema.json")}
    registry = Registry().with_resources((schema["$id"], Resource.from_contents(schema)) for schema in schemas.values())
    schema = schemas[f"{name}.schema.json"]
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, registry=registry)


def test_json_follows_its_schema(report: civitas.Report) -> None:
    data = json.loads(report.render("json"))
    validator("report").validate(data)
    assert data["as_of"] == "2025-12-31"
    assert [t["rag"] for t in data["titles"]] == [t.rag.name for t in report.titles]
    garden = next(t for t in data["titles"] if t["id"] == "garden_city")
    assert garden["shortfalls"][0]["name"] == "建成区绿化覆盖率"  # the basic item furthest from its line
    assert garden["shortfalls"][0]["value"] == pytest.approx(31.44)


def test_a_part_that_cannot_be_computed_is_said(campaign: civitas.Campaign) -> None:
    # More than 100 years after the plan, its status cannot be counted in working days: the
    # report keeps the titles and says what is missing, in every format.
    far = civitas.build_report(campaign, datetime.date(2130, 1, 1))
    assert report_gaps(far) == [(civitas.ReportPart.plan_status, "", "")]
    assert "within 100 years" in far.gaps[0].reason and "100 年以内" in far.gaps[0].reason_zh
    assert far.plan is None and len(far.titles) == len(campaign.titles)
    for format in ("text", "markdown", "html"):
        assert "工作计划进度未能计算：" in far.render(format), format
    data = json.loads(far.render("json"))
    validator("report").validate(data)
    assert data["gaps"] == [{"part": "plan_status", "title": None, "unit": None, "reason": far.gaps[0].reason,
                             "reason_zh": far.gaps[0].reason_zh}]
    assert "The plan's status could not be computed: " in civitas.build_report(campaign, datetime.date(2130, 1, 1), language="en").render()
    assert civitas.build_report(campaign, AS_OF).gaps == []


def report_gaps(report: civitas.Report) -> list[tuple[civitas.ReportPart, str, str]]:
    return [(g.part, g.title, g.unit) for g in report.gaps]


def test_formats_say_the_same(report: civitas.Report) -> None:
    text = report.render("text")
    markdown = report.render("markdown")
    html = report.render("html")
    for page in report.titles:
        assert f"{page.name} [{'红黄绿'['red amber green'.split().index(page.rag.name)]}]" in text
        assert f"## {page.name} — " in markdown
        assert page.name in html
    with pytest.raises(civitas.ValidationError, match="'pdf' is not one of") as raised:
        report.render("pdf")
    assert raised.value.message_zh == "format: 'pdf' 不在可选值之中: text, markdown, html, json"


def test_english_report(campaign: civitas.Campaign) -> None:
    english = civitas.build_report(campaign, AS_OF, language="en", max_items=2)
    text = english.render("text")
    assert "Data as of 31 Dec 2025" in text
    assert "District ranking" in text and "各区排名" not in text
    assert all(len(t.shortfalls) <= 2 for t in english.titles)
    with pytest.raises(ValueError, match="language: 'fr' is not one of zh, en"):
        civitas.build_report(campaign, AS_OF, language="fr")


def test_saved_in_the_format_of_the_extension(report: civitas.Report, tmp_path: Path) -> None:
    report.save(tmp_path / "r.html")
    report.save(tmp_path / "r.json")
    report.save(tmp_path / "r.txt", format="markdown")
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["format"] == "civitas-report/1"
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").startswith("# ")


def test_command_writes_the_report(tmp_path: Path) -> None:
    result = run("report", EXAMPLE, "--as-of", "2025-12-31")
    assert result.returncode == 0, result.stderr
    assert "国家园林城市 [红]" in result.stdout or "国家园林城市 [黄]" in result.stdout
    out = tmp_path / "report.html"
    result = run("report", EXAMPLE, "--as-of", "2025-12-31", "-o", out)
    assert result.returncode == 0, result.stderr
    assert f"wrote {out}" in result.stderr
    assert "</html>" in out.read_text(encoding="utf-8")
    result = run("report", EXAMPLE, "--as-of", "2025-12-31", "-o", out, "--lang", "zh")
    assert f"已写入 {out}" in result.stderr


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["report"], 2, "civitas report: missing argument CAMPAIGN"),
        (["report", EXAMPLE, "--as-of", "2025-13-01"], 2, "--as-of '2025-13-01' is not a date; expected YYYY-MM-DD"),
        (["report", EXAMPLE, "--format", "pdf"], 2, "--format 'pdf' is not one of text, markdown, html, json"),
        (["report", EXAMPLE, "--max-items", "0"], 2, "--max-items '0' is not a whole number of 1 or more"),
        (["report", EXAMPLE, "--colour"], 2, "civitas report: unknown option '--colour'"),
        (["report", "no-such-campaign.json"], 3, "no-such-campaign.json"),
    ],
)
def test_command_errors(args: list[str | Path], status: int, message: str) -> None:
    result = run(*args)
    assert result.returncode == status, result.stderr
    assert message in result.stderr


def test_messages_in_chinese() -> None:
    result = run("report", lang="zh_CN.UTF-8")
    assert result.returncode == 2
    assert result.stderr.startswith("civitas report: 缺少参数 创建方案\n用法: civitas report 创建方案 [选项]\n")
    result = run("report", "--lang", "zh")
    assert result.stderr.startswith("civitas report: 缺少参数 创建方案\n")


def test_nothing_is_left_behind_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "report.html"
    result = run("report", EXAMPLE, "--as-of", "2025-12-31", "-o", target)
    assert result.returncode == 4  # I/O error
    assert result.stderr == f"civitas: {target}: cannot write: No such file or directory\n"
    assert not target.parent.exists()
    assert list(tmp_path.iterdir()) == []


def test_the_output_file_names_a_report_format(tmp_path: Path) -> None:
    result = run("report", EXAMPLE, "--as-of", "2025-12-31", "-o", tmp_path / "report.pdf")
    assert result.returncode == 2
    assert "'.pdf' is not the extension of a report format" in result.stderr and "--format" in result.stderr
    result = run("report", EXAMPLE, "--as-of", "2025-12-31", "-o", tmp_path / "report.pdf", "--lang", "zh")
    assert "'.pdf' 不是报告格式的扩展名" in result.stderr
    assert list(tmp_path.iterdir()) == []
    result = run("report", EXAMPLE, "--as-of", "2025-12-31", "-o", tmp_path / "report.pdf", "--format", "html")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "report.pdf").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(("lang", "message"), [("C", "cannot write"), ("zh_CN.UTF-8", "无法写入")])
def test_a_full_standard_output_exits_4(lang: str, message: str) -> None:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", LC_ALL=lang)
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = subprocess.run([sys.executable, "-m", "civitas", "report", str(EXAMPLE), "--as-of", "2025-12-31"],
                                stdout=full, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env, check=False,
                                timeout=300)
    assert result.returncode == 4
    assert result.stderr == f"civitas: <stdout>: {message}: No space left on device\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_devices_are_written_in_place(tmp_path: Path) -> None:
    result = run("report", EXAMPLE, "--as-of", "2025-12-31", "-o", "/dev/full")
    assert result.returncode == 4
    assert result.stderr == "civitas: /dev/full: cannot write: No space left on device\n"
    assert Path("/dev/full").is_char_device()
    result = run("report", EXAMPLE, "--as-of", "2025-12-31", "-o", "/dev/null")
    assert result.returncode == 0, result.stderr
    assert Path("/dev/null").is_char_device()
    result = run("report", EXAMPLE, "--as-of", "2025-12-31", "--format", "json", "-o", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["format"] == "civitas-report/1"


def test_report_save_keeps_links_and_modes_and_tells_the_reason(report: civitas.Report, tmp_path: Path) -> None:
    real = tmp_path / "real.html"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "report.html"
    link.symlink_to("real.html")
    report.save(link)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert real.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["real.html", "report.html"]
    with pytest.raises(civitas.ValidationError, match="'.pdf' is not the extension of a report format"):
        report.save(tmp_path / "report.pdf")
    report.save(tmp_path / "report.pdf", format="markdown")
    (tmp_path / "folder.html").mkdir()
    with pytest.raises(civitas.IoError) as error:
        report.save(tmp_path / "folder.html")
    assert isinstance(error.value, OSError)
    assert error.value.file == str(tmp_path / "folder.html")
    assert str(error.value).endswith(": is a folder; expected a file")
    if Path("/dev/full").exists():
        with pytest.raises(civitas.IoError, match="^/dev/full: cannot write: No space left on device$"):
            report.save("/dev/full")
        report.save("/dev/null")


def test_rounds_events_and_targets_on_their_pages(report: civitas.Report, campaign: civitas.Campaign) -> None:
    civilized = next(t for t in report.titles if t.id == "civilized_city")
    # The example's 2025 annual test scored 78.5 (synthetic): below 80, public criticism (negative list).
    latest = civilized.rounds[-1]
    assert latest.total == pytest.approx(78.5)
    assert latest.consequences == ["通报批评"]
    assert all(r.date <= AS_OF for r in civilized.rounds)
    # Next events: after the report date, soonest first, the same as the campaign lists.
    expected = campaign.events(AS_OF + datetime.timedelta(days=1))[: len(report.next_events)]
    assert report.next_events == expected
    assert all(e.date > AS_OF for e in report.next_events)
    garden = next(t for t in report.titles if t.id == "garden_city")
    ready = civitas.readiness(campaign, AS_OF).title("garden_city")
    assert garden.targets_total == sum(t.state.name not in ("met", "on_track") for t in ready.targets)
    order = ["overdue", "off_track", "no_data"]
    states = [order.index(t.state.name) for t in garden.targets]
    assert states == sorted(states)
    assert set(garden.indicator_names) >= {t.indicator for t in garden.targets}
    text = report.render("text")
    assert "测评轮次" in text and "近期节点" in text and "创建目标" in text
