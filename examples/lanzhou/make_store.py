"""Write examples/lanzhou/lanzhou.db: the campaign store of the example, holding SYNTHETIC submissions.

THE SUBMISSIONS THIS SCRIPT MAKES ARE SYNTHETIC (示例数据，合成): invented to show the campaign
office's monthly loop on the Lanzhou example, and no record of any real report. Four bureaus
(市园林局, 市住房和城乡建设局, 市城市管理综合执法局, 市生态环境局) and two districts' governments
(城关区, 七里河区) hand in a form for each month from September to November 2025, due on the 5th
of the next month. Each form is the one civitas makes for the department (civitas.submission_form,
as of the day before its month), filled in as the department would, read back and imported through
the same path as a filled workbook (civitas.read_submission_form, civitas.import_form).

What the forms say agrees with the rest of the example: the September values are those of
observations.csv on 2025-09-30 (the indicators are quarterly, so October's and November's forms
carry none), tasks report the actual starts and finishes of plan.json in the month they happened,
and unfinished tasks reach plan.json's percent complete in November; problems are closed on
plan.json's days. So the report reads the same with the store as without it; what the store adds is
who handed in what and when. The invented part is the timing: 市住房和城乡建设局 and
市城市管理综合执法局 are each late twice, 七里河区 is late in September and misses October, and 市住房和城乡建设局's September form first comes with a wrong value, which the
office withdraws the next day, when the bureau sends it again.

Deterministic: run `python examples/lanzhou/make_store.py` from anywhere (it needs the civitas
package); it replaces lanzhou.db next to this script. The test tests/python/test_example_store.py
makes the store again and checks it holds what the committed one holds.
"""

from __future__ import annotations

import datetime
import os
import sqlite3
import sys
from pathlib import Path

import civitas

HERE = Path(__file__).resolve().parent
MONTHS = ["2025-09", "2025-10", "2025-11"]

# When each department hands in each month's form (None: it does not); due on the 5th.
SUBMITTED = {
    "gardens": ["2025-10-03", "2025-11-04", "2025-12-03"],
    "construction": ["2025-10-09", "2025-11-05", "2025-12-08"],
    "enforcement": ["2025-10-05", "2025-11-12", "2025-12-09"],
    "ecology": ["2025-10-04", "2025-11-03", "2025-12-02"],
    "chengguan_government": ["2025-10-05", "2025-11-05", "2025-12-05"],
    "qilihe_government": ["2025-10-10", None, "2025-12-04"],
}
# Who fills each department's forms in (invented names, marked as such).
CLERKS = {
    "gardens": "张敏（示例）",
    "construction": "王伟（示例）",
    "enforcement": "李强（示例）",
    "ecology": "刘洋（示例）",
    "chengguan_government": "陈静（示例）",
    "qilihe_government": "赵磊（示例）",
}
OFFICE = "市创建办 周婷（示例）"


def month_bounds(month: str) -> tuple[datetime.date, datetime.date]:
    first = datetime.date.fromisoformat(month + "-01")
    following = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return first, following - datetime.timedelta(days=1)


def column(sheet: civitas.FormSheet, name: str) -> int:
    return list(sheet.columns).index(name)


def fill(campaign: civitas.Campaign, form: civitas.SubmissionForm, month: str, final: bool) -> list[list[list[str]]]:
    """The form filled in as the department would: values, task progress and closings that agree
    with observations.csv and plan.json, for what happened in `month`; in its `final` form a task
    reaches plan.json's percent complete."""
    first, last = month_bounds(month)
    plan = campaign.plan
    tasks = {task.id: task for task in plan.tasks}
    problems = {problem.id: problem for problem in plan.problems}
    sheets = []
    for sheet in form.sheets:
        rows = [list(sheet.headings)] + [list(row) for row in sheet.cells]
        for row, rules in zip(rows[1:], sheet.rules):
            if sheet.id == "cover":
                if row[0] == "submitted_by":
                    row[2] = CLERKS[form.department]
            elif sheet.id == "indicators" and month == "2025-09":
                known = campaign.observations.latest(row[0], row[2], last)
                if known is not None and known.date == last:
                    yes_no = rules[column(sheet, "value")].kind == civitas.CellKind.yes_no
                    row[column(sheet, "value")] = ("是" if known.value >= 0.5 else "否") if yes_no else f"{known.value:g}"
                    row[column(sheet, "source")] = "示例数据（合成）"
            elif sheet.id == "tasks":
                task = tasks[row[0]]
                if task.actual_start and task.actual_start <= last:
                    row[column(sheet, "actual_start")] = task.actual_start.isoformat()
                if task.actual_finish and first <= task.actual_finish <= last:
                    row[column(sheet, "actual_finish")] = task.actual_finish.isoformat()
                    row[column(sheet, "percent_complete")] = "100"
                elif task.actual_finish is None and task.actual_start and task.actual_start <= last and task.percent_complete > 0:
                    share = (MONTHS.index(month) + 1) / len(MONTHS)
                    row[column(sheet, "percent_complete")] = f"{task.percent_complete if final else round(task.percent_complete * share):g}"
            elif sheet.id == "problems":
                problem = problems[row[0]]
                if problem.closed and first <= problem.closed <= last:
                    row[column(sheet, "closed")] = problem.closed.isoformat()
                    row[column(sheet, "note")] = "已整改销号（示例）"
        sheets.append(rows)
    return sheets


def filled(form: civitas.SubmissionForm, month: str, sheets: list[list[list[str]]]) -> list[civitas.FilledSheet]:
    file = f"synthetic/{form.department}-{month}.xlsx"
    return [civitas.FilledSheet(sheet.name, file, rows) for sheet, rows in zip(form.sheets, sheets)]


def make(folder: Path) -> None:
    """Writes folder/lanzhou.db from the campaign in `folder` (the example, or a copy of it)."""
    database = folder / "lanzhou.db"
    for stale in (database, folder / "lanzhou.db-wal", folder / "lanzhou.db-shm"):
        stale.unlink(missing_ok=True)
    campaign = civitas.load_campaign(folder / "campaign.json")  # the store is empty: plan.json and observations.csv alone
    store = civitas.CampaignStore(database)
    for k, month in enumerate(MONTHS):
        first, _ = month_bounds(month)
        for department, days in SUBMITTED.items():
            if days[k] is None:
                continue
            form = civitas.submission_form(campaign, department, period=month, as_of=first - datetime.timedelta(days=1))
            last_form = all(day is None for day in days[k + 1:])
            sheets = fill(campaign, form, month, last_form)
            submitted_on = datetime.date.fromisoformat(days[k])
            if department == "construction" and month == "2025-09":
                # A wrong value (a slip of the keyboard), withdrawn by the office the next day, then sent again.
                wrong = [[list(row) for row in rows] for rows in sheets]
                wrong[1][1][list(form.sheets[1].columns).index("value")] = "3.5"
                slip = civitas.import_form(store, campaign, civitas.read_submission_form(campaign, filled(form, month, wrong), f"{department}-{month}.xlsx"),
                                           submitted_on=submitted_on)
                store.withdraw(slip.submission, by=OFFICE, on=submitted_on + datetime.timedelta(days=1))
                submitted_on += datetime.timedelta(days=1)
            reading = civitas.read_submission_form(campaign, filled(form, month, sheets), f"{department}-{month}.xlsx")
            assert not reading.errors, [str(e) for e in reading.errors]
            civitas.import_form(store, campaign, reading, submitted_on=submitted_on)
    del store
    # A rollback journal, so that reading the committed file never leaves -wal or -shm files beside it.
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA journal_mode = DELETE")
    with sqlite3.connect(database) as db:
        db.execute("VACUUM")


if __name__ == "__main__":
    make(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
    print(f"wrote {os.path.relpath(HERE / 'lanzhou.db')}")
