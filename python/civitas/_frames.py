"""The pure-Python side of methods of the compiled classes: mappings, pandas Series and
DataFrames in, pandas DataFrames out.

Each function here is a method bound with its class in python/src/bind_*.cpp (``Framework.evaluate``
in bind_evaluation.cpp, ``Plan.tasks_frame`` in bind_plan.cpp, ...), where its signature and
documentation are. pandas is imported only by the functions that need it.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from ._support import not_found_error, pandas, validation_error

if TYPE_CHECKING:
    import pandas as pd


def _loaded_pandas() -> Any:
    """pandas when something already imported it (else nothing can be a pandas object)."""
    return sys.modules.get("pandas")


def _is_na(value: object) -> bool:
    """None, pandas.NA or pandas.NaT: missing data whatever `nan_as_missing` says."""
    return value is None or type(value).__name__ in {"NAType", "NaTType"}


def _shown(value: object) -> str:
    """repr() of a value for a message, or its type's name when that takes more than a line."""
    text = repr(value)
    return f"a {type(value).__name__}" if "\n" in text or len(text) > 80 else text


def _as_value(key: str, value: object) -> float:
    if not isinstance(value, (str, bytes)):
        try:
            return float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            pass
    raise validation_error(key, f"{_shown(value)}; expected a number", f"{_shown(value)}；应为数值")


def _as_id(key: object, what: str) -> str:
    if isinstance(key, str):
        try:
            key.encode("utf-8")  # a lone surrogate is no id
        except UnicodeEncodeError:
            pass
        else:
            return key
    raise validation_error(what, f"{key!r}; expected a str", f"{key!r}；应为字符串")


# ---- Framework ---------------------------------------------------------------------------------


def evaluate(
    self: _core.Framework,
    values: Mapping[str, float | None] | pd.Series,
    unit: str | None = None,
    unit_class: str = "",
    *,
    nan_as_missing: bool = False,
) -> _core.Evaluation:
    pd = _loaded_pandas()
    if not hasattr(values, "items") or (pd is not None and isinstance(values, pd.DataFrame)):  # a table: evaluate_many
        kind = type(values).__name__
        raise validation_error("values", f"a {kind}; expected a mapping or a pandas Series keyed by indicator id",
                               f"为 {kind}；应为以指标 id 为键的映射或 pandas Series")
    if unit is None:
        name = getattr(values, "name", None) if not isinstance(values, Mapping) else None
        unit = name if isinstance(name, str) else ""
    data: dict[str, float] = {}
    for key, value in values.items():
        ident = _as_id(key, "indicator ids")
        if _is_na(value):
            continue
        data[ident] = _as_value(ident, value)
    return self._evaluate(data, unit, unit_class, nan_as_missing)


def _class_list(classes: object, count: int) -> list[str]:
    out = ["" if _is_na(c) or (isinstance(c, float) and math.isnan(c)) else str(c) for c in classes]  # type: ignore[attr-defined]
    if len(out) != count:
        raise validation_error("classes", f"{len(out)} entries for {count} units; expected one per unit",
                               f"{len(out)} 项对应 {count} 个评价对象；应每个评价对象一项")
    return out


def _converts(column: pd.Series) -> bool:
    try:
        column.to_numpy(dtype=np.float64, na_value=np.nan)
    except (TypeError, ValueError):
        return False
    return True


def _numbers_of(frame: pd.DataFrame) -> np.ndarray:
    """The DataFrame's cells as float64 (NA as NaN); ValidationError naming the first column that
    does not hold numbers (text, dates, complex numbers, objects that are no numbers)."""
    kinds = [getattr(dtype, "kind", "O") for dtype in frame.dtypes]
    # numpy would drop imaginary parts or count days: refused before converting
    bad = next((j for j, kind in enumerate(kinds) if kind in "cmMUSV"), None)
    if bad is None:
        try:
            return frame.to_numpy(dtype=np.float64, na_value=np.nan)
        except (TypeError, ValueError):
            bad = next((j for j in range(frame.shape[1]) if not _converts(frame.iloc[:, j])), 0)
    column, dtype = frame.columns[bad], frame.dtypes.iloc[bad]
    raise validation_error(f"data[{column!r}]", f"a column of {dtype}; expected numbers", f"该列为 {dtype}；应为数值")


def evaluate_many(
    self: _core.Framework,
    data: pd.DataFrame | np.ndarray | Sequence[Sequence[float]],
    *,
    columns: Sequence[str] | None = None,
    units: Sequence[str] | None = None,
    classes: str | Sequence[str] | None = None,
    nan_as_missing: bool = False,
    threads: int = 0,
) -> _core.BatchEvaluation:
    pd = _loaded_pandas()
    unit_ids: list[str] = [] if units is None else [str(u) for u in units]
    if pd is not None and isinstance(data, pd.DataFrame):
        frame = data
        if isinstance(classes, str):
            class_column = classes
            classes = _class_list(frame[class_column], len(frame))
            frame = frame.drop(columns=[class_column])
        if columns is not None:
            frame = frame[list(columns)]
        column_ids = [_as_id(c, "column names (indicator ids)") for c in frame.columns]
        if units is None:
            # The common all-str index is taken as it is: converting or checking label by label
            # would cost a large share of the evaluation.
            index = frame.index
            unit_ids = index.tolist() if index.inferred_type == "string" else [str(u) for u in index]
        if all(dtype == np.float64 for dtype in frame.dtypes):
            array = frame.to_numpy()  # a view where pandas has one block: no copy
        else:
            array = _numbers_of(frame)
    elif hasattr(data, "__arrow_c_stream__") and not isinstance(data, np.ndarray) and not (
            pd is not None and isinstance(data, pd.Series)):  # a Series is a column, not a table
        # An Arrow table (pyarrow, polars, DuckDB): read in C++, first column the unit ids.
        class_column = classes if isinstance(classes, str) else ""
        table_units, table_classes, column_ids, array = _core.read_value_table_arrow(data, class_column=class_column)
        if columns is not None:
            position = {c: k for k, c in enumerate(column_ids)}
            for c in columns:
                if c not in position:
                    raise validation_error("columns", f"{c!r} is not a column of the table; expected one of {column_ids}",
                                           f"{c!r} 不是表中的列；应为 {column_ids} 之一")
            array = array[:, [position[c] for c in columns]]
            column_ids = list(columns)
        if units is None:
            unit_ids = table_units
        if isinstance(classes, str):
            classes = table_classes
    else:
        if columns is None:
            raise validation_error("columns", "missing; expected the indicator id of each column of an array",
                                   "缺失；数组应给出每列的指标 id")
        try:
            array = data if isinstance(data, np.ndarray) else np.asarray(data)
        except (TypeError, ValueError):  # ragged rows
            kind = type(data).__name__
            raise validation_error("data", f"a {kind} numpy cannot read as a 2-D array; expected rows of equal length",
                                   f"为 numpy 无法读作二维数组的 {kind}；各行长度应相同") from None
        column_ids = [_as_id(c, "columns") for c in columns]
        if isinstance(classes, str):
            raise validation_error("classes", "a str names a column of a DataFrame; expected a sequence for an array",
                                   "字符串只能指定 DataFrame 的列；数组应给出序列")
    # The array's own checks (2-D, numbers) are the binding's: `data` names it in their errors.
    class_ids = [] if classes is None or array.ndim != 2 else _class_list(classes, array.shape[0])
    return self._evaluate_many(array, column_ids, unit_ids, class_ids, nan_as_missing, threads)


# ---- Evaluation --------------------------------------------------------------------------------

_INDICATOR_COLUMNS = [
    "name",
    "category",
    "kind",
    "direction",
    "unit",
    "value",
    "outcome",
    "counted",
    "score",
    "points",
    "max_points",
    "pass_low",
    "pass_high",
    "gap",
    "relative_gap",
    "meets_improvement",
    "obstacle",
]


def _nan(value: float | None) -> float:
    return math.nan if value is None else value


def evaluation_to_frame(self: _core.Evaluation) -> pd.DataFrame:
    pd = pandas()
    framework = self._framework
    indicators = framework.indicators
    rows = []
    for index, (result, indicator) in enumerate(zip(self.indicators, indicators)):
        path = framework.indicator_categories(index)
        rows.append(
            {
                "id": result.id,
                "name": indicator.name,
                "category": path[-1] if path else "",
                "kind": indicator.kind.name,
                "direction": indicator.direction.name,
                "unit": indicator.unit,
                "value": _nan(result.value),
                "outcome": result.outcome.name,
                "counted": result.counted,
                "score": result.score,
                "points": result.points,
                "max_points": result.max_points,
                "pass_low": result.pass_.low,
                "pass_high": result.pass_.high,
                "gap": _nan(result.gap),
                "relative_gap": _nan(result.relative_gap),
                "meets_improvement": result.meets_improvement,
                "obstacle": result.obstacle,
            }
        )
    frame = pd.DataFrame(rows, columns=["id", *_INDICATOR_COLUMNS]).set_index("id")
    frame["meets_improvement"] = frame["meets_improvement"].astype("boolean")
    for column in ("value", "gap", "relative_gap", "score", "points", "max_points", "obstacle"):
        frame[column] = frame[column].astype(np.float64)
    return frame


def evaluation_to_dict(self: _core.Evaluation) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(_core.evaluation_to_json(self))
    return result


# ---- BatchEvaluation ---------------------------------------------------------------------------


def batch_to_frame(self: _core.BatchEvaluation) -> pd.DataFrame:
    pd = pandas()
    frame = pd.DataFrame(
        {
            "class": list(self.classes) if len(self.classes) == len(self) else [""] * len(self),
            "total": np.array(self.totals),
            "passed": self.passed,
            "met": np.array(self.met),
            "assessed": np.array(self.assessed),
            "basic_failed": np.array(self.basic_failed),
            "coverage": np.array(self.coverage),
            "decided_by": [d.name for d in self.decided_by],
            "error": list(self.errors),
        },
        index=pd.Index(list(self.units), name="unit"),
    )
    return frame


def batch_to_dict(self: _core.BatchEvaluation) -> dict[str, Any]:
    return {"framework": self.framework, "units": [evaluation_to_dict(self.unit(i)) for i in range(len(self))]}


def _matrix_frame(batch: _core.BatchEvaluation, matrix: np.ndarray, columns: list[str], name: str) -> pd.DataFrame:
    pd = pandas()
    return pd.DataFrame(
        np.array(matrix),
        index=pd.Index(list(batch.units), name="unit"),
        columns=pd.Index(columns, name=name),
    )


def scores_frame(self: _core.BatchEvaluation) -> pd.DataFrame:
    return _matrix_frame(self, self.scores, list(self.indicator_ids), "indicator")


def points_frame(self: _core.BatchEvaluation) -> pd.DataFrame:
    return _matrix_frame(self, self.points, list(self.indicator_ids), "indicator")


def values_frame(self: _core.BatchEvaluation) -> pd.DataFrame:
    return _matrix_frame(self, self.values, list(self.indicator_ids), "indicator")


def gaps_frame(self: _core.BatchEvaluation) -> pd.DataFrame:
    return _matrix_frame(self, self.gaps, list(self.indicator_ids), "indicator")


def outcomes_frame(self: _core.BatchEvaluation) -> pd.DataFrame:
    names = np.array(["missing", "not_met", "met"], dtype=object)
    codes = np.asarray(self.outcomes).astype(np.intp) + 1
    return _matrix_frame(self, names[codes], list(self.indicator_ids), "indicator")


def category_scores_frame(self: _core.BatchEvaluation) -> pd.DataFrame:
    return _matrix_frame(self, self.category_scores, list(self.category_ids), "category")


# ---- Plan and Schedule -------------------------------------------------------------------------

_SCHEDULE_COLUMNS = [
    "duration",
    "earliest_start",
    "earliest_finish",
    "latest_start",
    "latest_finish",
    "slack",
    "free_slack",
    "critical",
]


def schedule_to_frame(self: _core.Schedule) -> pd.DataFrame:
    pd = pandas()
    rows = [
        {
            "id": t.id,
            "duration": t.duration,
            "earliest_start": t.earliest_start,
            "earliest_finish": t.earliest_finish,
            "latest_start": t.latest_start,
            "latest_finish": t.latest_finish,
            "slack": t.slack,
            "free_slack": t.free_slack,
            "critical": t.critical,
        }
        for t in self.tasks
    ]
    frame = pd.DataFrame(rows, columns=["id", *_SCHEDULE_COLUMNS]).set_index("id")
    frame["duration"] = frame["duration"].astype(np.int64)
    frame["slack"] = frame["slack"].astype(np.int64)
    frame["free_slack"] = frame["free_slack"].astype(np.int64)
    frame["critical"] = frame["critical"].astype(bool)
    return frame


def _responsibility_fields(plan: _core.Plan, items: list[Any]) -> list[str]:
    """The plan's responsibility fields; without a list, the keys the items use, in order of first use."""
    fields = list(plan.spec.responsibility_fields)
    if not fields:
        for item in items:
            fields += [key for key in item.responsibility if key not in fields]
    return fields


def plan_tasks_frame(self: _core.Plan) -> pd.DataFrame:
    pd = pandas()
    tasks = self.tasks
    fields = _responsibility_fields(self, tasks)
    rows = []
    for index, task in enumerate(tasks):
        row: dict[str, Any] = {
            "id": task.id,
            "name": task.name,
            "phase": task.phase,
            "titles": ",".join(self.titles_of_task(index)),
            "subplan": self.subplan_of_task(index),
            "start": task.start,
            "due": task.due,
            "duration": _nan(task.duration),
            "deadline": task.deadline,
            "milestone": task.milestone,
            "check": task.check,
            "weight": _nan(task.weight),
            "percent_complete": task.percent_complete,
        }
        for field in fields:
            row[field] = task.responsibility.get(field, "")
        rows.append(row)
    columns = ["id", "name", "phase", "titles", "subplan", "start", "due", "duration", "deadline", "milestone", "check", "weight",
               "percent_complete", *fields]
    frame = pd.DataFrame(rows, columns=columns).set_index("id")
    frame["milestone"] = frame["milestone"].astype(bool)
    frame["weight"] = frame["weight"].astype(np.float64)
    frame["duration"] = frame["duration"].astype(np.float64)
    frame["percent_complete"] = frame["percent_complete"].astype(np.float64)
    return frame


def plan_problems_frame(self: _core.Plan) -> pd.DataFrame:
    pd = pandas()
    problems = self.problems
    fields = _responsibility_fields(self, problems)
    rows = []
    for index, problem in enumerate(problems):
        row: dict[str, Any] = {
            "id": problem.id,
            "description": problem.description,
            "source": problem.source,
            "titles": ",".join(problem.titles),
            "indicators": ",".join(problem.indicators),
            "subplan": self.subplan_of_problem(index),
            "found": problem.found,
            "deadline": problem.deadline,
            "closed": problem.closed,
        }
        for field in fields:
            row[field] = problem.responsibility.get(field, "")
        rows.append(row)
    columns = ["id", "description", "source", "titles", "indicators", "subplan", "found", "deadline", "closed", *fields]
    return pd.DataFrame(rows, columns=columns).set_index("id")


def status_to_frame(self: _core.PlanStatus) -> pd.DataFrame:
    pd = pandas()
    rows = [{"id": t.id, "state": t.state.name, "due": t.due, "planned_percent": t.planned_percent,
             "percent_complete": t.percent_complete, "weight": t.weight, "days_late": t.days_late, "budget": t.budget,
             "spent": t.spent} for t in self.tasks]
    columns = ["id", "state", "due", "planned_percent", "percent_complete", "weight", "days_late", "budget", "spent"]
    return pd.DataFrame(rows, columns=columns).set_index("id")


def status_funds_frame(self: _core.PlanStatus) -> pd.DataFrame:
    pd = pandas()
    rows = [{"account": account, "budget": funds.budget, "spent": funds.spent, "spending_rate": _nan(funds.spending_rate)}
            for account, funds in self.by_account.items()]
    return pd.DataFrame(rows, columns=["account", "budget", "spent", "spending_rate"]).set_index("account")


def status_overdue_frame(self: _core.PlanStatus) -> pd.DataFrame:
    pd = pandas()
    fields: list[str] = []
    for task in self.overdue:
        fields += [key for key in task.responsibility if key not in fields]
    rows = []
    for task in self.overdue:
        row: dict[str, Any] = {"id": task.id, "name": task.name, "due": task.due, "days_late": task.days_late,
                               "percent_complete": task.percent_complete}
        for field in fields:
            row[field] = task.responsibility.get(field, "")
        rows.append(row)
    frame = pd.DataFrame(rows, columns=["id", "name", "due", "days_late", "percent_complete", *fields]).set_index("id")
    frame["days_late"] = frame["days_late"].astype(np.int64)
    frame["percent_complete"] = frame["percent_complete"].astype(np.float64)
    return frame


def status_problems_frame(self: _core.PlanStatus) -> pd.DataFrame:
    pd = pandas()
    rows = [{"id": p.id, "state": p.state.name, "days_late": p.days_late} for p in self.problems]
    frame = pd.DataFrame(rows, columns=["id", "state", "days_late"]).set_index("id")
    frame["days_late"] = frame["days_late"].astype(np.int64)
    return frame


def status_rollup_frame(self: _core.PlanStatus, by: str = "phase") -> pd.DataFrame:
    pd = pandas()
    named = {"phase": self.by_phase, "title": self.by_title, "subplan": self.by_subplan}
    groups = named.get(by, self.by_responsibility.get(by))
    if groups is None:
        known = ", ".join(repr(name) for name in ["phase", "title", "subplan", *sorted(self.by_responsibility)])
        raise not_found_error(f"no responsibility field {by!r} in the plan; expected one of {known}",
                              f"计划中没有责任字段 {by!r}；应为以下之一: {known}")
    rows = []
    for name, p in groups.items():
        row = {by: name, "tasks": p.tasks, "due": p.due, "done_on_time": p.done_on_time,
               "on_time_rate": _nan(p.on_time_rate), "planned_value": p.planned_value, "earned_value": p.earned_value,
               "spi": _nan(p.spi), "spi_t": _nan(p.spi_t)}
        for state in _core.TaskState:
            row[state.name] = p.states.get(state, 0)
        row.update({"problems_found": p.problems.found, "problems_closed": p.problems.closed,
                    "problems_closed_on_time": p.problems.closed_on_time, "problems_overdue": p.problems.overdue,
                    "closure_rate": _nan(p.problems.closure_rate), "budget": p.budget, "budget_planned": p.budget_planned,
                    "budget_earned": p.budget_earned, "spent": p.spent, "spending_rate": _nan(p.spending_rate),
                    "cpi": _nan(p.cpi)})
        rows.append(row)
    columns = [by, "tasks", "due", "done_on_time", "on_time_rate", "planned_value", "earned_value", "spi", "spi_t",
               *[state.name for state in _core.TaskState], "problems_found", "problems_closed", "problems_closed_on_time",
               "problems_overdue", "closure_rate", "budget", "budget_planned", "budget_earned", "spent", "spending_rate", "cpi"]
    frame = pd.DataFrame(rows, columns=columns).set_index(by)
    return frame.sort_values(["on_time_rate", "spi"], ascending=False, na_position="last")


def campaign_units_frame(self: _core.Campaign) -> pd.DataFrame:
    pd = pandas()
    titles = [t.id for t in self.titles]
    rows = [{"id": u.id, "name": u.name, "parent": u.parent, **{t: u.classes.get(t, "") for t in titles}} for u in self.units]
    return pd.DataFrame(rows, columns=["id", "name", "parent", *titles]).set_index("id")


def campaign_targets_frame(self: _core.Campaign) -> pd.DataFrame:
    pd = pandas()
    inspection = {t.id: t.dates.inspection for t in self.titles}
    rows = []
    for t in self.targets:
        indicator = self.framework(t.title).indicator(t.indicator)
        rows.append({"title": t.title, "indicator": t.indicator, "name": indicator.name, "unit": t.unit, "value": t.value,
                     "deadline": t.deadline or inspection[t.title], "department": t.department})
    columns = ["title", "indicator", "name", "unit", "value", "deadline", "department"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["value"] = frame["value"].astype(np.float64)
    return frame


def readiness_to_frame(self: _core.Readiness) -> pd.DataFrame:
    pd = pandas()
    rows = []
    for t in self.titles:
        now, ahead = t.now, t.at_inspection
        for i, unit in enumerate(t.units):
            rows.append({
                "title": t.title, "unit": unit, "rag": t.rag[i].name, "reason": t.reasons[i],
                "passed_now": None if now is None else bool(now.passed[i]),
                "passed_at_inspection": None if ahead is None else bool(ahead.passed[i]),
                "met": None if now is None else int(now.met[i]),
                "assessed": None if now is None else int(now.assessed[i]),
                "total": math.nan if now is None else float(now.totals[i]),
                "total_at_inspection": math.nan if ahead is None else float(ahead.totals[i]),
                "overdue_tasks": len(t.overdue_tasks[i]),
            })
    columns = ["title", "unit", "rag", "reason", "passed_now", "passed_at_inspection", "met", "assessed", "total",
               "total_at_inspection", "overdue_tasks"]
    return pd.DataFrame(rows, columns=columns)
