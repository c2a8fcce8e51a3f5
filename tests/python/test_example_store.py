"""The Lanzhou example's store (examples/lanzhou/lanzhou.db): made again by make_store.py it holds
what the committed file holds, it agrees with the rest of the example (the report reads the same
with it as without it), and reading it leaves nothing beside it."""

from __future__ import annotations

import datetime
import importlib.util
import shutil
from pathlib import Path

import pytest

import civitas

pytestmark = pytest.mark.skipif(not civitas.store_available(), reason="built without SQLite")

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "lanzhou"


def contents(store: civitas.CampaignStore) -> dict[str, object]:
    """What a store holds, as plain values."""
    submissions = [(s.id, s.department, s.unit, s.submitted_by, s.submitted_at, s.file, s.period, s.status.name, s.withdrawn_by,
                    s.withdrawn_at, s.observations, s.task_reports, s.problem_updates) for s in store.submissions()]
    values = store.observations()
    history = {}
    for unit in values.units:
        for indicator in values.indicators:
            history[unit, indicator] = [(v.observation.date, v.observation.value, v.observation.recorded, v.submission, v.status.name)
                                        for v in store.history(unit, indicator)]
    tasks = [(r.task, r.percent_complete, r.actual_start, r.actual_finish, r.reported_on) for r in store.task_reports()]
    problems = [(u.problem, u.closed, u.note, u.reported_on) for u in store.problem_updates()]
    return {"submissions": submissions, "history": history, "tasks": tasks, "problems": problems}


def test_make_store_makes_the_committed_store(tmp_path: Path) -> None:
    copy = tmp_path / "lanzhou"
    shutil.copytree(EXAMPLE, copy)
    spec = importlib.util.spec_from_file_location("make_store", EXAMPLE / "make_store.py")
    assert spec is not None and spec.loader is not None
    make_store = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_store)
    make_store.make(copy)
    made = contents(civitas.CampaignStore(copy / "lanzhou.db", read_only=True))
    committed = contents(civitas.CampaignStore(EXAMPLE / "lanzhou.db", read_only=True))
    assert made == committed
    # Six departments, three months: 18 forms less the one missed, and the one slip withdrawn.
    submissions = made["submissions"]
    assert len(submissions) == 18
    assert [s[1] for s in submissions if s[7] == "withdrawn"] == ["construction"]
    assert all(s[3].endswith("（示例）") for s in submissions)  # synthetic, and says so
    assert sorted({s[1] for s in submissions}) == ["chengguan_government", "construction", "ecology", "enforcement", "gardens",
                                                   "qilihe_government"]


def test_the_store_agrees_with_the_rest_of_the_example(tmp_path: Path) -> None:
    copy = tmp_path / "lanzhou"
    shutil.copytree(EXAMPLE, copy)
    text = (copy / "campaign.json").read_text(encoding="utf-8")
    (copy / "without-store.json").write_text(text.replace('"store": "lanzhou.db",', ""), encoding="utf-8")
    day = datetime.date(2025, 12, 31)
    with_store = civitas.build_report(civitas.load_campaign(copy / "campaign.json"), day)
    without = civitas.build_report(civitas.load_campaign(copy / "without-store.json"), day)
    assert with_store.render("json") == without.render("json")


def test_reading_the_committed_store_leaves_nothing_beside_it() -> None:
    before = sorted(p.name for p in EXAMPLE.iterdir())
    civitas.load_campaign(EXAMPLE / "campaign.json")
    assert len(civitas.CampaignStore(EXAMPLE / "lanzhou.db", read_only=True).submissions()) == 18
    assert sorted(p.name for p in EXAMPLE.iterdir()) == before


def test_the_circular_counts_the_example_s_submissions() -> None:
    campaign = civitas.load_campaign(EXAMPLE / "campaign.json")
    submissions = civitas.scheduled_submissions(EXAMPLE / "campaign.json", campaign)
    assert submissions is not None and len(submissions) == 18
    circular = civitas.build_circular(campaign, datetime.date(2025, 12, 31), submissions)
    late = {row.department: (row.submissions_due, row.submissions_late, row.submissions_missing) for row in circular.rows if row.submits}
    # Three months due by 31 December (September to November); the invented timing of make_store.py.
    assert late == {"gardens": (3, 0, 0), "construction": (3, 2, 0), "enforcement": (3, 2, 0), "ecology": (3, 0, 0),
                    "chengguan_government": (3, 0, 0), "qilihe_government": (3, 1, 1)}
    # The report counts them as the circular does.
    report = civitas.build_report(campaign, datetime.date(2025, 12, 31), submissions=submissions)
    assert {row.department for row in report.circular} >= {"construction", "enforcement"}
