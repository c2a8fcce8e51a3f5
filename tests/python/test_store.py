"""The campaign store from Python: imports, corrections and known_on, refusals in both languages,
withdrawal, and a campaign that names a store."""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import civitas

pytestmark = pytest.mark.skipif(not civitas.store_available(), reason="built without SQLite")

CAMPAIGN = {
    "format": "civitas-campaign/1",
    "id": "city",
    "titles": [{"id": "garden", "framework": "lanzhou-illustrative"}],
    "units": [{"id": "city"}, {"id": "east", "parent": "city"}],
    "departments": [{"id": "gardens"}],
    "plan": {"id": "plan", "tasks": [{"id": "parks", "start": "2026-01-05", "due": "2026-03-31"}]},
    "store": "campaign.db",
}
COVERAGE = "built_up_green_coverage"


@pytest.fixture
def campaign_file(tmp_path: Path) -> Path:
    path = tmp_path / "campaign.json"
    path.write_text(json.dumps(CAMPAIGN), encoding="utf-8")
    return path


def submission(by: str, day: datetime.date, value: float) -> civitas.Submission:
    return civitas.Submission(department="gardens", submitted_by=by, submitted_at=day, file="gardens.xlsx",
                              observations=[civitas.Observation("east", COVERAGE, datetime.date(2026, 1, 31), value)])


def test_a_correction_is_a_new_version(campaign_file: Path) -> None:
    campaign = civitas.load_campaign(campaign_file)
    store = civitas.CampaignStore(campaign_file.parent / "campaign.db")
    first = store.import_submission(campaign, submission("王伟", datetime.date(2026, 2, 1), 37.5))
    assert first.submission == 1 and len(first.new_values) == 1
    fix = store.import_submission(campaign, submission("李娜", datetime.date(2026, 2, 10), 38.2))
    assert [(c.old_value, c.new_value) for c in fix.corrections] == [(37.5, 38.2)]
    assert [(v.observation.value, v.submitted_by) for v in store.history("east", COVERAGE)] == [(37.5, "王伟"), (38.2, "李娜")]
    values = store.observations()
    assert values.latest("east", COVERAGE, datetime.date(2026, 3, 1)).value == 38.2
    assert values.latest("east", COVERAGE, datetime.date(2026, 3, 1), known_on=datetime.date(2026, 2, 5)).value == 37.5


def test_a_bad_record_refuses_everything_or_is_listed(campaign_file: Path) -> None:
    campaign = civitas.load_campaign(campaign_file)
    store = civitas.CampaignStore(campaign_file.parent / "campaign.db")
    with pytest.raises(civitas.ValidationError, match=r"observations\[0\] \(east, built_up_green_coverage, 2026-01-31\).*130"):
        store.import_submission(campaign, submission("王伟", datetime.date(2026, 2, 1), 130))
    assert store.submissions() == []
    result = store.import_submission(campaign, submission("王伟", datetime.date(2026, 2, 1), 130), partial=True)
    assert result.observations == 0
    assert "超出指标的取值范围" in result.rejected[0].message_zh


def test_withdrawn_and_loaded_with_the_campaign(campaign_file: Path) -> None:
    campaign = civitas.load_campaign(campaign_file)
    store = civitas.CampaignStore(campaign_file.parent / "campaign.db")
    store.import_submission(campaign, submission("王伟", datetime.date(2026, 2, 1), 37.5))
    late = submission("李娜", datetime.date(2026, 2, 10), 90)
    late.tasks = [civitas.TaskReport("parks", percent_complete=70)]
    store.import_submission(campaign, late)
    assert civitas.load_campaign(campaign_file).plan.tasks[0].percent_complete == 70
    store.withdraw(2, by="张敏", on=datetime.date(2026, 2, 11))
    record = store.submission(2)
    assert record.status == civitas.SubmissionStatus.withdrawn and record.withdrawn_by == "张敏"
    loaded = civitas.load_campaign(campaign_file)
    assert loaded.spec.store == "campaign.db"
    assert loaded.observations.latest("east", COVERAGE, datetime.date(2026, 3, 1)).value == 37.5
    assert loaded.plan.tasks[0].percent_complete == 0


def test_an_observation_file_is_imported_as_a_submission(campaign_file: Path) -> None:
    campaign = civitas.load_campaign(campaign_file)
    values = campaign_file.parent / "gardens-2026-01.csv"
    values.write_text(f"unit,indicator,date,value\neast,{COVERAGE},2026-01-31,37.5\neast,{COVERAGE},2026-02-28,38\n",
                      encoding="utf-8")
    provenance = civitas.Submission(department="gardens", submitted_by="王伟", submitted_at=datetime.date(2026, 3, 2))
    read = civitas.read_observation_submission(values, provenance)
    assert read.file == "gardens-2026-01.csv" and read.submitted_by == "王伟"
    assert [(o.date, o.value) for o in read.observations] == [(datetime.date(2026, 1, 31), 37.5),
                                                              (datetime.date(2026, 2, 28), 38.0)]
    store = civitas.CampaignStore(campaign_file.parent / "campaign.db")
    result = store.import_submission(campaign, read)
    assert str(result).startswith("submission 1: 2 observations (2 new, 0 corrections)")
    assert repr(result.new_values[0]) == "ValueChange('east', 'built_up_green_coverage', 2026-01-31, None -> 37.5)"
    assert [(s.id, s.file, s.observations) for s in store.submissions()] == [(1, "gardens-2026-01.csv", 2)]
    values.write_text(f"unit,indicator,date,value\neast,{COVERAGE},2026-01-31,lots\n", encoding="utf-8")
    with pytest.raises(civitas.ParseError, match="gardens-2026-01.csv"):
        civitas.read_observation_submission(values, provenance)


def test_the_store_path_a_campaign_names(campaign_file: Path, tmp_path: Path) -> None:
    assert civitas.campaign_store_path(campaign_file) == campaign_file.parent / "campaign.db"
    outside = tmp_path / "city" / "campaign.json"
    outside.parent.mkdir()
    outside.write_text(json.dumps({"store": "../elsewhere.db"}), encoding="utf-8")
    with pytest.raises(civitas.ParseError, match=r"\$\.store: .*leads out of the folder"):
        civitas.campaign_store_path(outside)
    assert civitas.campaign_store_path(outside, allow_outside=True).resolve() == tmp_path / "elsewhere.db"
    none = tmp_path / "none.json"
    none.write_text(json.dumps({"id": "city"}), encoding="utf-8")
    with pytest.raises(civitas.ValidationError, match=r"^\$\.store: .*none\.json names no campaign store"):
        civitas.campaign_store_path(none)


def run_cli(*args: str | Path, locale: str = "C") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", LC_ALL=locale)
    return subprocess.run([sys.executable, "-m", "civitas", *map(str, args)], capture_output=True, text=True, encoding="utf-8",
                          env=env, check=False, timeout=120)


def test_the_commands_read_and_withdraw(campaign_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    campaign = civitas.load_campaign(campaign_file)
    store = civitas.CampaignStore(civitas.campaign_store_path(campaign_file))
    store.import_submission(campaign, submission("王伟", datetime.date(2026, 2, 1), 37.5))
    store.import_submission(campaign, submission("李娜", datetime.date(2026, 2, 10), 38.2))

    # `python -m civitas`: the same program as `civitas`.
    history = run_cli("history", campaign_file, "--unit", "east", "--indicator", COVERAGE, "--lang", "zh")
    assert history.returncode == 0, history.stderr
    assert history.stdout.startswith(f"单位 'east' 指标 '{COVERAGE}'：共 2 个版本（已撤回 0 个）\n\n日期 ")
    assert "  38.2  2026-02-10     2  gardens  李娜    gardens.xlsx  有效\n" in history.stdout
    assert json.loads(run_cli("history", campaign_file, "--unit", "east", "--indicator", COVERAGE, "--format", "json").stdout) == [
        {"date": "2026-01-31", "value": value, "recorded": recorded, "submission": number, "department": "gardens",
         "submitted_by": by, "file": "gardens.xlsx", "status": "active"}
        for value, recorded, number, by in [(37.5, "2026-02-01", 1, "王伟"), (38.2, "2026-02-10", 2, "李娜")]]

    # In process, as civitas.__main__ runs it.
    assert civitas._core._cli_run(["submissions", str(campaign_file), "--withdraw", "2", "--by", "张敏", "--on", "2026-02-11",
                                   "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("withdrew submission 2: its 1 observations, 0 task reports, 0 problem updates and 0 payments no longer count\n")
    assert out.endswith("  withdrawn by 张敏 on 2026-02-11\n")
    assert store.submission(2).status == civitas.SubmissionStatus.withdrawn
    assert civitas._core._cli_run(["submissions", str(campaign_file), "--withdraw", "2", "--by", "张敏", "--lang", "en"]) == 3
    assert "submission 2 was withdrawn already, by 张敏 on 2026-02-11" in capsys.readouterr().err
    listed = run_cli("submissions", campaign_file, "--format", "csv")
    assert listed.returncode == 0, listed.stderr
    assert [row["status"] for row in csv.DictReader(io.StringIO(listed.stdout))] == ["active", "withdrawn"]
