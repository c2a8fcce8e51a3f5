"""The supervision circular from Python: build_circular over a small campaign and its store's
submissions, worked by hand (the campaign of tests/cli/data/circular; the C++ suite,
tests/unit/report/test_circular.cpp, works a larger one), its renderings and JSON schema, pickling,
the report's lines, and the command line reading the store."""

from __future__ import annotations

import copy
import datetime
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

import civitas

from conftest import REPO

CAMPAIGN = REPO / "tests" / "cli" / "data" / "circular" / "campaign.json"
AS_OF = datetime.date(2026, 3, 16)  # a Monday; since defaults to Monday 16 February

pytestmark = pytest.mark.skipif(not civitas.store_available(), reason="this build has no campaign store")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The campaign beside a store holding its submissions: build January on time and February late;
    parks January on time (no period: the month before February) and February withdrawn; gov1
    January missing and February on its due day."""
    here = tmp_path_factory.mktemp("circular")
    data = json.loads(CAMPAIGN.read_text(encoding="utf-8"))
    data["store"] = "office.db"
    (here / "campaign.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    campaign = civitas.load_campaign(here / "campaign.json")
    store = civitas.CampaignStore(here / "office.db")
    for department, day, period in [("build", (2026, 2, 3), "2026-01"), ("build", (2026, 3, 9), "2026-02"), ("parks", (2026, 2, 4), ""),
                                    ("parks", (2026, 3, 4), "2026-02"), ("gov1", (2026, 3, 5), "2026-02")]:
        store.import_submission(campaign, civitas.Submission(department=department, submitted_by="办公室",
                                                             submitted_at=datetime.date(*day), period=period))
    store.withdraw(4, by="办公室", on=datetime.date(2026, 3, 6))
    return here


@pytest.fixture(scope="module")
def campaign(folder: Path) -> civitas.Campaign:
    return civitas.load_campaign(folder / "campaign.json")


@pytest.fixture(scope="module")
def submissions(folder: Path) -> list[civitas.SubmissionRecord]:
    return civitas.CampaignStore(folder / "office.db").submissions()


@pytest.fixture(scope="module")
def circular(campaign: civitas.Campaign, submissions: list[civitas.SubmissionRecord]) -> civitas.Circular:
    return civitas.build_circular(campaign, AS_OF, submissions)


def test_rows_worked_by_hand(circular: civitas.Circular) -> None:
    assert circular.since == datetime.date(2026, 2, 16)
    assert circular.language == civitas.Language.zh
    rows = {row.name: row for row in circular.rows}
    figures = {name: (r.tasks_due, r.done_on_time, r.overdue, r.most_days_overdue, r.problems_overdue,
                      r.submissions_due, r.submissions_late, r.submissions_missing) for name, r in rows.items()}
    assert figures == {
        "建设局": (2, 0, 2, 21, 0, 2, 1, 0),
        "园林局": (1, 1, 0, 0, 1, 2, 0, 1),  # February's was withdrawn
        "一区政府": (1, 0, 1, 6, 0, 2, 0, 1),  # 排水 through its unit 一区
        "水务局": (0, 0, 0, 0, 0, 0, 0, 0),
        "交通局": (1, 0, 1, 1, 0, 0, 0, 0),  # named by the plan only
    }
    assert rows["水务局"].on_time_rate is None and not rows["水务局"].submits
    assert rows["园林局"].on_time_rate == 1.0
    assert rows["交通局"].department == "" and rows["建设局"].leader == "张局长"
    # On 16 February 交通局, 园林局 and 水务局 had nothing against them: tied first.
    assert [(r.name, r.rank, r.rank_since) for r in circular.rows] == [
        ("水务局", 1, 1), ("园林局", 2, 1), ("交通局", 3, 1), ("一区政府", 4, 4), ("建设局", 5, 5)]
    assert [(m.name, m.before, m.after) for m in circular.changes.slipped] == [("交通局", 1, 3), ("园林局", 1, 2)]
    assert circular.changes.improved == []


def test_overdue_work_changes_and_actions(circular: civitas.Circular) -> None:
    assert [(t.id, t.days_late, t.leader) for t in circular.overdue] == [("t1", 21, "李副市长"), ("t3", 6, "张局长"), ("t5", 1, "")]
    assert [(p.id, p.days_late) for p in circular.problems] == [("p1", 16)]
    assert [(t.id, t.finished) for t in circular.changes.finished] == [("t2", datetime.date(2026, 2, 25))]
    assert [t.id for t in circular.changes.newly_overdue] == ["t3", "t5"]
    assert [(a.name, a.rule, a.reasons) for a in circular.actions] == [
        ("园林局", "criticise", ["problems open past their deadline: 1 (rule: 1)"]),
        ("一区政府", "criticise", ["task 排水 6 working days overdue (rule: 5)"]),
        ("建设局", "talk", ["task 修路 21 working days overdue (rule: 20)"]),
    ]
    assert circular.actions[2].reasons_zh == ["任务“修路”逾期 21 个工作日（规则：20）"]


def test_renderings_and_schema(circular: civitas.Circular, campaign: civitas.Campaign,
                               submissions: list[civitas.SubmissionRecord]) -> None:
    text = circular.render()
    assert "小城创建督查通报" in text and "约谈" in text and "迟报/未报" in text
    english = civitas.build_circular(campaign, AS_OF, submissions, language="en", since=datetime.date(2026, 3, 1))
    assert english.since == datetime.date(2026, 3, 1)
    assert "Data as of 16 Mar 2026; changes since 1 Mar 2026" in english.render("markdown")
    assert english.render("html").startswith("<!DOCTYPE html>")
    schemas = [json.loads(p.read_text(encoding="utf-8")) for p in (REPO / "data" / "schema").glob("*.schema.json")]
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    schema = json.loads((REPO / "data" / "schema" / "circular.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(circular.render("json"))
    jsonschema.Draft202012Validator(schema, registry=registry).validate(data)
    assert data["rows"][0]["submissions_due"] is None and data["rows"][1]["submissions_missing"] == 1
    # The schema refuses what civitas never writes.
    bad = copy.deepcopy(data)
    bad["rows"][0]["rank"] = 0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema, registry=registry).validate(bad)
    assert repr(circular) == "<civitas.Circular('small' on 2026-03-16 since 2026-02-16: 5 departments, 3 overdue tasks, 3 actions)>"


def test_pickles_and_equals(circular: civitas.Circular) -> None:
    again = pickle.loads(pickle.dumps(circular))
    assert again == circular and again.actions[0].reasons_zh == circular.actions[0].reasons_zh
    assert copy.deepcopy(circular.rows[0]) == circular.rows[0]


def test_the_report_carries_the_lines(campaign: civitas.Campaign, submissions: list[civitas.SubmissionRecord]) -> None:
    report = civitas.build_report(campaign, AS_OF, submissions=submissions, max_items=2)
    assert [row.name for row in report.circular] == ["建设局", "一区政府"]  # the bottom of the ranking, worst first
    assert [action.rule for action in report.actions] == ["criticise", "criticise", "talk"]
    assert "督查通报" in report.render()
    # Without the submissions none are counted: 园林局's missing February gives no reminder.
    assert not civitas.build_report(campaign, AS_OF).circular[1].submits


def test_refusals(campaign: civitas.Campaign) -> None:
    with pytest.raises(civitas.ValidationError, match="is not before"):
        civitas.build_circular(campaign, AS_OF, since=AS_OF)
    with pytest.raises(civitas.ValidationError, match="zh, en"):
        civitas.build_circular(campaign, AS_OF, language="fr")


def test_command_line_reads_the_store(folder: Path, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", LC_ALL="C")
    run = subprocess.run([sys.executable, "-m", "civitas", "circular", str(folder / "campaign.json"), "--as-of", "2026-03-16",
                          "--format", "json"], capture_output=True, text=True, encoding="utf-8", env=env, check=False, timeout=300)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert {row["name"]: row["submissions_late"] for row in data["rows"]}["建设局"] == 1
    assert run.stderr == ""
    # A store not created yet counts nothing, and says so.
    shutil.copy(folder / "campaign.json", tmp_path / "campaign.json")
    run = subprocess.run([sys.executable, "-m", "civitas", "circular", str(tmp_path / "campaign.json"), "--as-of", "2026-03-16",
                          "-o", str(tmp_path / "circular.html")], capture_output=True, text=True, encoding="utf-8", env=env,
                         check=False, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "does not exist yet" in run.stderr
    assert (tmp_path / "circular.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
