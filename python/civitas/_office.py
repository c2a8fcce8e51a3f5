"""The campaign office's forms in Python: a department's submission form written as an xlsx
workbook (openpyxl, the optional extra ``civitas[office]``) or as CSV files, and a filled one read
and imported into the campaign's store. The forms themselves (which rows, which rules, every cell
checked) are the compiled library's; this module only moves cells in and out of workbooks."""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import _core
from ._support import _optional, io_error, parse_error, validation_error

__all__ = ["write_template", "read_submission", "import_submission"]

# How large a filled workbook may be: a department's form has tens of rows; these bound what a
# hostile file can make openpyxl hold.
MAX_ROWS = 100_000
MAX_COLUMNS = 64

_INPUT_FILL = "FFF8DC"  # the cells to fill in: light yellow
_HEADING_FILL = "D9E1F2"


def _openpyxl() -> Any:
    return _optional("openpyxl", "office")


def _campaign(campaign: _core.Campaign | str | os.PathLike[str]) -> _core.Campaign:
    return campaign if isinstance(campaign, _core.Campaign) else _core.load_campaign(campaign)


def _language(campaign: _core.Campaign, language: _core.Language | str | None) -> _core.Language:
    if language is None:
        return _core.Language.en if campaign.spec.language == "en" else _core.Language.zh
    return language if isinstance(language, _core.Language) else getattr(_core.Language, language)


def write_xlsx(form: _core.SubmissionForm, path: str | os.PathLike[str]) -> None:
    """Writes `form` as an xlsx workbook: a sheet each, labels locked (the sheets protected without a
    password, so that no one overwrites an id by mistake), input cells unlocked, yellow, and
    validated as their rules say (a number between bounds, a 是/否 list, a date)."""
    openpyxl = _openpyxl()
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    english = form.language == _core.Language.en
    yes, no = ("yes", "no") if english else ("是", "否")
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for sheet in form.sheets:
        ws = workbook.create_sheet(sheet.name)
        ws.append(list(sheet.headings))
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor=_HEADING_FILL)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        validations: dict[tuple[Any, ...], list[str]] = {}
        for r, (cells, rules) in enumerate(zip(sheet.cells, sheet.rules), start=2):
            for c, (text, rule) in enumerate(zip(cells, rules), start=1):
                cell = ws.cell(row=r, column=c)
                if rule.kind == _core.CellKind.date and text:
                    cell.value = datetime.date.fromisoformat(text)
                    cell.number_format = "yyyy-mm-dd"
                else:
                    cell.value = text if text else None
                    cell.number_format = "@" if rule.kind in (_core.CellKind.label, _core.CellKind.text) else "General"
                if rule.kind == _core.CellKind.label:
                    continue
                cell.protection = Protection(locked=False)
                cell.fill = PatternFill("solid", fgColor=_INPUT_FILL)
                if rule.kind == _core.CellKind.date:
                    cell.number_format = "yyyy-mm-dd"
                if rule.kind != _core.CellKind.text:
                    validations.setdefault((rule.kind, rule.low, rule.high), []).append(cell.coordinate)
        for (kind, low, high), cells in validations.items():
            ws.add_data_validation(_validation(DataValidation, kind, low, high, yes, no, english, cells))
        for c, heading in enumerate(sheet.headings, start=1):
            width = max([len(heading) * 2] + [len(row[c - 1]) * (2 if not row[c - 1].isascii() else 1) for row in sheet.cells] + [8])
            ws.column_dimensions[get_column_letter(c)].width = min(width + 2, 60)
        if sheet.id == "cover":
            ws.column_dimensions["A"].hidden = True  # the keys the reader finds the rows by
        ws.freeze_panes = "A2"
        ws.protection.sheet = True
        ws.protection.formatColumns = False
    workbook.save(os.fspath(path))


def _validation(DataValidation: Any, kind: _core.CellKind, low: float | None, high: float | None, yes: str, no: str,
                english: bool, cells: list[str]) -> Any:
    if kind == _core.CellKind.yes_no:
        dv = DataValidation(type="list", formula1=f'"{yes},{no}"', allow_blank=True)
        dv.error = "Choose yes or no" if english else "请选择“是”或“否”"
    elif kind == _core.CellKind.date:
        dv = DataValidation(type="date", operator="greaterThan", formula1="DATE(1900,1,1)", allow_blank=True)
        dv.error = "Enter a date, YYYY-MM-DD" if english else "请输入日期，格式 YYYY-MM-DD"
    else:
        lo = -1e300 if low is None else low
        hi = 1e300 if high is None else high
        dv = DataValidation(type="decimal", operator="between", formula1=repr(lo), formula2=repr(hi), allow_blank=True)
        bounds = f"[{'' if low is None else f'{low:g}'}, {'' if high is None else f'{high:g}'}]"
        dv.error = f"Enter a number in {bounds}" if english else f"请输入 {bounds} 范围内的数字"
    dv.showErrorMessage = True
    dv.errorTitle = "civitas"
    for cell in cells:
        dv.add(cell)
    return dv


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.15g}"
    return str(value)


def read_xlsx(path: str | os.PathLike[str]) -> list[_core.FilledSheet]:
    """The sheets of a filled xlsx form, cells as text (dates YYYY-MM-DD, numbers as typed). A file
    that is not a workbook, or one past MAX_ROWS rows or MAX_COLUMNS columns, is a ParseError
    naming it."""
    openpyxl = _openpyxl()
    name = Path(path).name
    try:
        workbook = openpyxl.load_workbook(os.fspath(path), read_only=True, data_only=True)
    except OSError as error:
        raise io_error(name, f"cannot read the workbook: {error.strerror or error}", f"无法读取工作簿：{error.strerror or error}") from None
    except Exception as error:  # noqa: BLE001 - openpyxl raises zip, XML and its own errors for a bad file
        raise parse_error(name, f"not an xlsx workbook ({type(error).__name__}: {error}); expected a form civitas wrote",
                          f"不是 xlsx 工作簿（{type(error).__name__}: {error}）；应为 civitas 生成的填报模板") from None
    try:
        sheets = []
        for ws in workbook.worksheets:
            rows: list[list[str]] = []
            for row in ws.iter_rows(values_only=True):
                if len(rows) >= MAX_ROWS or len(row) > MAX_COLUMNS:
                    raise parse_error(name, f"sheet {ws.title} has more than {MAX_ROWS} rows or {MAX_COLUMNS} columns; expected a submission form",
                                      f"工作表 {ws.title} 超过 {MAX_ROWS} 行或 {MAX_COLUMNS} 列；应为填报模板")
                cells = [_cell_text(v) for v in row]
                while cells and not cells[-1]:
                    cells.pop()
                rows.append(cells)
            sheets.append(_core.FilledSheet(ws.title, name, rows))
        return sheets
    finally:
        workbook.close()


def write_template(campaign: _core.Campaign | str | os.PathLike[str], department: str, path: str | os.PathLike[str], *,
                   period: str = "", language: _core.Language | str | None = None,
                   as_of: datetime.date | None = None) -> list[Path]:
    """Writes the submission form (填报模板) of `department` for the month `period` ("2026-03") to
    `path`: an xlsx workbook (needs openpyxl: ``pip install 'civitas[office]'``) or, for a
    ``.csv`` path, one CSV file a sheet. `campaign` is a Campaign or a campaign file; the language
    is the campaign's unless given. Returns the files written."""
    loaded = _campaign(campaign)
    form = _core.submission_form(loaded, department, period=period, language=_language(loaded, language), as_of=as_of)
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        write_xlsx(form, path)
        return [Path(path)]
    if suffix == ".csv":
        return [Path(p) for p in _core.save_form_csv(form, path)]
    raise validation_error(os.fspath(path), "a form is written as .xlsx or .csv; expected a path ending in one of them",
                           "模板只能写成 .xlsx 或 .csv；路径应以其一结尾")


def _sheets(path: str | os.PathLike[str]) -> Sequence[_core.FilledSheet]:
    if Path(path).suffix.lower() == ".xlsx":
        return read_xlsx(path)
    return _core.read_form_csv(path)


def read_submission(campaign: _core.Campaign | str | os.PathLike[str], path: str | os.PathLike[str]) -> _core.FormReading:
    """Reads a filled form (xlsx, or any file of a CSV form) against the form the campaign gives its
    department and period now: the Submission it makes and every refused cell (CellError)."""
    return _core.read_submission_form(_campaign(campaign), list(_sheets(path)), Path(path).name)


def import_submission(campaign_file: str | os.PathLike[str], path: str | os.PathLike[str], *, submitted_by: str = "",
                      submitted_on: datetime.date | None = None, partial: bool = False) -> _core.ImportResult:
    """Imports a filled form into the store the campaign file names, in one transaction: any refused
    cell refuses it all (ParseError listing every cell, nothing stored) unless ``partial=True``.
    `submitted_on` (default today) is the day its values become known; `submitted_by` defaults to
    the form's 填报人."""
    campaign = _core.load_campaign(campaign_file)
    store = _core.CampaignStore(_core.campaign_store_path(campaign_file))
    reading = read_submission(campaign, path)
    return _core.import_form(store, campaign, reading, submitted_on=submitted_on or datetime.date.today(),
                             submitted_by=submitted_by, partial=partial)
