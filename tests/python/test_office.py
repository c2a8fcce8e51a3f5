"""The campaign office's forms from Python: a department's xlsx workbook (openpyxl) filled in as a
spreadsheet program would, imported into the store all or nothing, bad cells named with their
place in both languages, CSV forms, and the `civitas template` / `civitas import` commands."""

from __future__ import annotations

import concurrent.futures
import datetime
import json
from pathlib import Path

import pytest

import civitas
from civitas import _core

openpyxl = pytest.importorskip("openpyxl")
pytestmark = pytest.mark.skipif(not civitas.store_available(), reason="built without SQLite")

CAMPAIGN = {
    "format": "civitas-campaign/1",
    "id": "city",
    "language": "zh",
    "titles": [{"id": "garden", "name": "国家园林城市", "framework": "lanzhou-illustrative"}],
    "units": [{"id": "city", "name": "示例市"}, {"id": "east", "name": "东区", "parent": "city"}],
    "departments": [{"id": "gardens", "name": "市园林局"}, {"id": "east_government", "name": "东区人民政府", "unit": "east"}],
    "targets": [
        {"title": "garden", "indicator": "built_up_green_coverage", "unit": "city", "value": 40, "department": "gardens"},
        {"title": "garden", "indicator": "dedicated_funds", "unit": "city", "value": 1, "department": "gardens"},
    ],
    "plan": {
        "id": "plan",
        "responsibility_fields": ["department"],
        "tasks": [
            {"id": "parks", "name": "新建公园", "start": "2026-01-05", "due": "2026-03-31", "responsibility": {"department": "市园林局"}},
            {"id": "trees", "name": "行道树补植", "start": "2026-01-05", "due": "2026-06-30", "responsibility": {"department": "gardens"}},
        ],
        "problems": [{"id": "dust", "description": "工地扬尘", "found": "2026-01-10", "deadline": "2026-02-10",
                      "responsibility": {"department": "市园林局"}}],
    },
    "store": "campaign.db",
}
SUBMITTED = datetime.date(2026, 4, 3)


@pytest.fixture
def campaign_file(tmp_path: Path) -> Path:
    path = tmp_path / "campaign.json"
    path.write_text(json.dumps(CAMPAIGN, ensure_ascii=False), encoding="utf-8")
    return path


def find(ws: object, text: str) -> tuple[int, int]:
    """Row and column of the first cell holding `text`."""
    for row in ws.iter_rows():  # type: ignore[attr-defined]
        for cell in row:
            if cell.value == text:
                return cell.row, cell.column
    raise AssertionError(f"no cell {text!r}")


def fill(path: Path, sheet: str, key: str, heading: str, value: object) -> None:
    """Types `value` in the row of `key` under `heading`, as a department would in a spreadsheet."""
    workbook = openpyxl.load_workbook(path)
    ws = workbook[sheet]
    row, _ = find(ws, key)
    _, column = find(ws, heading)
    ws.cell(row=row, column=column).value = value
    workbook.save(path)


def test_the_workbook_locks_labels_and_validates_inputs(campaign_file: Path, tmp_path: Path) -> None:
    [path] = civitas.write_template(campaign_file, "gardens", tmp_path / "gardens.xlsx", period="2026-03")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["填报说明", "指标", "任务", "问题整改", "经费支出"]
    ws = workbook["指标"]
    assert [c.value for c in ws[1]][:4] == ["单位代码", "单位", "指标代码", "指标"]
    assert [c.value for c in ws[2]][:9] == ["city", "示例市", "built_up_green_coverage", "建成区绿化覆盖率", "%", ">= 36", "40", None, None]
    assert ws.protection.sheet
    value, date = ws["J2"], ws["K2"]
    assert ws["A2"].protection.locked and not value.protection.locked
    assert date.value == datetime.datetime(2026, 3, 31)  # the period's last day, filled in
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    coverage = next(dv for ref, dv in rules.items() if "J2" in ref.split())
    assert (coverage.type, coverage.formula1, coverage.formula2) == ("decimal", "0.0", "100.0")
    funds = next(dv for ref, dv in rules.items() if "J3" in ref.split())
    assert (funds.type, funds.formula1) == ("list", '"是,否"')
    assert workbook["填报说明"].column_dimensions["A"].hidden
    english = civitas.write_template(campaign_file, "gardens", tmp_path / "en.xlsx", period="2026-03", language="en")[0]
    assert openpyxl.load_workbook(english).sheetnames == ["Cover", "Indicators", "Tasks", "Problems", "Spending"]


def test_a_filled_workbook_is_imported_with_its_provenance(campaign_file: Path, tmp_path: Path) -> None:
    [path] = civitas.write_template(campaign_file, "gardens", tmp_path / "gardens.xlsx", period="2026-03")
    fill(path, "填报说明", "submitted_by", "内容", "李娜")
    fill(path, "指标", "built_up_green_coverage", "本期数值", 38.5)
    fill(path, "指标", "dedicated_funds", "本期数值", "是")
    fill(path, "任务", "parks", "本期进度（%）", 100)
    fill(path, "任务", "parks", "实际完成日期", datetime.datetime(2026, 3, 30))
    fill(path, "问题整改", "dust", "销号日期", datetime.datetime(2026, 2, 8))
    result = civitas.import_submission(campaign_file, path, submitted_on=SUBMITTED)
    assert (result.observations, result.task_reports, result.problem_updates) == (2, 1, 1)
    assert result.tasks_finished == ["parks"] and result.problems_closed == ["dust"]
    store = civitas.CampaignStore(tmp_path / "campaign.db", read_only=True)
    [record] = store.submissions()
    assert (record.department, record.submitted_by, record.submitted_at, record.file, record.period) == (
        "gardens", "李娜", SUBMITTED, "gardens.xlsx", "2026-03")
    [version] = store.history("city", "built_up_green_coverage")
    assert (version.observation.value, version.observation.date, version.submitted_by) == (38.5, datetime.date(2026, 3, 31), "李娜")
    # The campaign now sees the store: the task is finished and the next form leaves it out.
    form = civitas.submission_form(civitas.load_campaign(campaign_file), "gardens", period="2026-04")
    assert [row[0] for row in form.sheets[2].cells] == ["trees"]
    assert form.sheets[1].cells[0][7:9] == ["38.5", "2026-03-31"]  # the last value and its date


def test_a_bad_cell_refuses_the_workbook_naming_its_place(campaign_file: Path, tmp_path: Path) -> None:
    [path] = civitas.write_template(campaign_file, "gardens", tmp_path / "gardens.xlsx", period="2026-03")
    fill(path, "指标", "built_up_green_coverage", "本期数值", 38.5)
    fill(path, "任务", "parks", "本期进度（%）", "八十")  # typed over the validation: a paste does that
    with pytest.raises(civitas.ParseError) as raised:
        civitas.import_submission(campaign_file, path, submitted_on=SUBMITTED, submitted_by="王伟")
    assert str(raised.value) == ('gardens.xlsx: 1 cells refused, nothing imported: '
                                 'sheet 任务, cell F2 (本期进度（%）): "八十" is not a number; expected a number such as 36.5')
    assert "工作表 任务，单元格 F2（本期进度（%））：\"八十\" 不是数字" in raised.value.message_zh
    assert civitas.CampaignStore(tmp_path / "campaign.db").submissions() == []
    result = civitas.import_submission(campaign_file, path, submitted_on=SUBMITTED, submitted_by="王伟", partial=True)
    assert result.observations == 1
    assert [r.record for r in result.rejected] == ["sheet 任务, cell F2 (本期进度（%）)"]


def test_a_file_that_is_no_workbook_is_a_parse_error(campaign_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "gardens.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(civitas.ParseError, match=r"gardens\.xlsx: not an xlsx workbook") as raised:
        civitas.import_submission(campaign_file, path, submitted_on=SUBMITTED)
    assert "不是 xlsx 工作簿" in raised.value.message_zh


def test_csv_forms_for_systems_without_xlsx(campaign_file: Path, tmp_path: Path) -> None:
    files = civitas.write_template(campaign_file, "gardens", tmp_path / "gardens.csv", period="2026-03")
    assert [f.name for f in files] == ["gardens.cover.csv", "gardens.indicators.csv", "gardens.tasks.csv", "gardens.problems.csv",
                                      "gardens.spending.csv"]
    tasks = files[2].read_text(encoding="utf-8-sig").replace("trees,行道树补植,2026-01-05,2026-06-30,0,,,", "trees,行道树补植,2026-01-05,2026-06-30,0,40,2026-02-01,")
    files[2].write_text(tasks, encoding="utf-8-sig")
    reading = civitas.read_submission(campaign_file, files[2])
    assert reading.errors == []
    assert [(t.task, t.percent_complete, t.actual_start) for t in reading.submission.tasks] == [("trees", 40.0, datetime.date(2026, 2, 1))]


def test_concurrent_imports_all_land(campaign_file: Path, tmp_path: Path) -> None:
    paths = []
    for k in range(4):
        [path] = civitas.write_template(campaign_file, "gardens", tmp_path / f"gardens-{k}.xlsx", period="2026-03")
        fill(path, "指标", "built_up_green_coverage", "本期数值", 30 + k)
        paths.append(path)
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda p: civitas.import_submission(campaign_file, p, submitted_on=SUBMITTED, submitted_by="王伟"), paths))
    assert sorted(r.submission for r in results) == [1, 2, 3, 4]
    versions = civitas.CampaignStore(tmp_path / "campaign.db").history("city", "built_up_green_coverage")
    assert sorted(v.observation.value for v in versions) == [30, 31, 32, 33]


def test_the_commands_write_and_import_workbooks(campaign_file: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gardens.xlsx"
    assert _core._cli_run(["template", str(campaign_file), "--department", "gardens", "--period", "2026-03", "-o", str(path), "--lang", "en"]) == 0
    assert capfd.readouterr().err == f"civitas: wrote {path}: 2 indicator rows, 2 tasks, 1 problems for gardens\n"
    fill(path, "Indicators", "built_up_green_coverage", "Value", 38.5)  # an English form
    code = _core._cli_run(["import", str(campaign_file), str(path), "--submitted-by", "王伟", "--submitted-on", "2026-04-03", "--lang", "en"])
    out = capfd.readouterr().out
    assert code == 0, out
    assert out.startswith("submission 1: 1 observations (1 new, 0 corrections)")
    assert "  new: city built_up_green_coverage 2026-03-31 = 38.5" in out
    fill(path, "Indicators", "built_up_green_coverage", "Value", 130)
    code = _core._cli_run(["import", str(campaign_file), str(path), "--submitted-on", "2026-04-04", "--lang", "zh"])
    err = capfd.readouterr().err
    assert code == 3
    assert "工作表 Indicators，单元格 J2（Value）：130 超出 [0, 100]" in err
