"""The pure-Python layer over ``civitas._core``: mappings, pandas Series and DataFrames in,
pandas DataFrames out.

``_install()`` attaches these functions as methods of the compiled classes, so that
``Framework.evaluate`` and friends are there whatever returned the object (a loader, a batch).
pandas is imported only by the functions that need it.
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

__all__ = ["evaluate", "evaluate_many"]


def _loaded_pandas() -> Any:
    """pandas when something already imported it (else nothing can be a pandas object)."""
    return sys.modules.get("pandas")


def _is_na(value: object) -> bool:
    """None, pandas.NA or pandas.NaT: missing data whatever `nan_as_missing` says."""
    return value is None or type(value).__name__ in {"NAType", "NaTType"}


def _as_value(key: str, value: object) -> float:
    if not isinstance(value, (str, bytes)):
        try:
            return float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            pass
    raise validation_error(key, f"{value!r}; expected a number", f"{value!r}；应为数值")


def _as_id(key: object, what: str) -> str:
    if not isinstance(key, str):
        raise validation_error(what, f"{key!r}; expected a str", f"{key!r}；应为字符串")
    return key


# ---- Framework ---------------------------------------------------------------------------------


def evaluate(
    self: _core.Framework,
    values: Mapping[str, float | None] | pd.Series,
    unit: str | None = None,
    unit_class: str = "",
    *,
    nan_as_missing: bool = False,
) -> _core.Evaluation:
    """Evaluates one unit.

    ``values`` maps indicator ids to values: a dict, any Mapping, or a pandas Series indexed by
    indicator id. An id that is absent, or whose value is None or ``pandas.NA``, is missing data.
    NaN is invalid data (ValidationError) unless ``nan_as_missing`` is true, when it is missing
    data as in pandas. ``unit`` defaults to the Series' name when it is a str.

    Raises NotFoundError for an unknown indicator id, ValidationError for an invalid value.
    """
    if not hasattr(values, "items"):
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
    """Evaluates many units at once.

    ``threads`` sets how many threads evaluate a large batch (0: one per core, 1: none); the
    results never depend on it.

    ``data`` is a DataFrame (index: unit ids, columns: indicator ids) or a 2-D array (rows:
    units) with ``columns=`` naming its columns. Columns may come in any order and leave
    indicators out (missing data). float64 arrays are read in place, in C or Fortran order.
    ``classes`` gives each unit's class (for ``pass_by_class``): a sequence, or for a DataFrame
    the name of the column holding them. Empty cells are NaN: pass ``nan_as_missing=True`` for
    them to be missing data rather than invalid.

    A unit with invalid data gets ``errors[i]`` and ``Decision.invalid``; the others are
    still evaluated. Raises NotFoundError for an unknown column id.
    """
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
            array = frame.to_numpy(dtype=np.float64, na_value=np.nan)
    else:
        if columns is None:
            raise validation_error("columns", "missing; expected the indicator id of each column of an array",
                                   "缺失；数组应给出每列的指标 id")
        array = data if isinstance(data, np.ndarray) else np.asarray(data)
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
    """One row per indicator (index: indicator id), in framework order: name, category (the
    parent category's id), kind, direction, unit, value, outcome, counted, score, points,
    max_points, pass_low, pass_high, gap, relative_gap, meets_improvement, obstacle.
    Missing numbers are NaN; ``meets_improvement`` is a nullable boolean."""
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
    """The evaluation as plain Python data, the same as its JSON (``evaluation_to_json``)."""
    result: dict[str, Any] = json.loads(_core.evaluation_to_json(self))
    return result


# ---- BatchEvaluation ---------------------------------------------------------------------------


def batch_to_frame(self: _core.BatchEvaluation) -> pd.DataFrame:
    """One row per unit (index: unit id): class, total, passed, met, assessed, basic_failed,
    coverage, decided_by, error. ``total`` is NaN where no score is given."""
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
    """Every unit's full evaluation as plain Python data, as ``civitas score --format json``
    writes it: ``{"framework": id, "units": [evaluation dict, ...]}``."""
    return {"framework": self.framework, "units": [evaluation_to_dict(self.unit(i)) for i in range(len(self))]}


def _matrix_frame(batch: _core.BatchEvaluation, matrix: np.ndarray, columns: list[str], name: str) -> pd.DataFrame:
    pd = pandas()
    return pd.DataFrame(
        np.array(matrix),
        index=pd.Index(list(batch.units), name="unit"),
        columns=pd.Index(columns, name=name),
    )


def scores_frame(self: _core.BatchEvaluation) -> pd.DataFrame:
    """Score shares in [0, 1], units x indicators."""
    return _matrix_frame(self, self.scores, list(self.indicator_ids), "indicator")


def points_frame(self: _core.BatchEvaluation) -> pd.DataFrame:
    """Weighted contributions on the framework's scale, units x indicators."""
    return _matrix_frame(self, self.points, list(self.indicator_ids), "indicator")


def values_frame(self: _core.BatchEvaluation) -> pd.DataFrame:
    """Values as read (NaN where missing), units x indicators."""
    return _matrix_frame(self, self.values, list(self.indicator_ids), "indicator")


def gaps_frame(self: _core.BatchEvaluation) -> pd.DataFrame:
    """Gaps to the pass line in each indicator's unit (0 when met, NaN where missing)."""
    return _matrix_frame(self, self.gaps, list(self.indicator_ids), "indicator")


def outcomes_frame(self: _core.BatchEvaluation) -> pd.DataFrame:
    """'met', 'not_met' or 'missing', units x indicators."""
    names = np.array(["missing", "not_met", "met"], dtype=object)
    codes = np.asarray(self.outcomes).astype(np.intp) + 1
    return _matrix_frame(self, names[codes], list(self.indicator_ids), "indicator")


def category_scores_frame(self: _core.BatchEvaluation) -> pd.DataFrame:
    """Category score shares in [0, 1], units x categories."""
    return _matrix_frame(self, self.category_scores, list(self.category_ids), "category")


# ---- Plan and Schedule -------------------------------------------------------------------------

_SCHEDULE_COLUMNS = [
    "duration",
    "earliest_start",
    "earliest_finish",
    "latest_start",
    "latest_finish",
    "slack",
    "critical",
]


def schedule_to_frame(self: _core.Schedule) -> pd.DataFrame:
    """One row per task (index: task id), in plan order: duration (working days), earliest_start,
    earliest_finish, latest_start, latest_finish (``datetime.date``), slack (working days),
    critical."""
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
            "critical": t.critical,
        }
        for t in self.tasks
    ]
    frame = pd.DataFrame(rows, columns=["id", *_SCHEDULE_COLUMNS]).set_index("id")
    frame["duration"] = frame["duration"].astype(np.int64)
    frame["slack"] = frame["slack"].astype(np.int64)
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
    """One row per task (index: task id, qualified 'district/task' in sub-plans), sub-plans'
    included, ready for a Gantt chart: name, phase, titles (comma-separated), subplan, start,
    due (``datetime.date``), milestone, check (the campaign check a milestone stands for, ''
    for none), weight (NaN when not given), percent_complete, then one column per responsibility
    field ('' where a task names nobody)."""
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
            "milestone": task.milestone,
            "check": task.check,
            "weight": _nan(task.weight),
            "percent_complete": task.percent_complete,
        }
        for field in fields:
            row[field] = task.responsibility.get(field, "")
        rows.append(row)
    columns = ["id", "name", "phase", "titles", "subplan", "start", "due", "milestone", "check", "weight", "percent_complete",
               *fields]
    frame = pd.DataFrame(rows, columns=columns).set_index("id")
    frame["milestone"] = frame["milestone"].astype(bool)
    frame["weight"] = frame["weight"].astype(np.float64)
    frame["percent_complete"] = frame["percent_complete"].astype(np.float64)
    return frame


def plan_problems_frame(self: _core.Plan) -> pd.DataFrame:
    """One row per inspection problem (index: problem id), sub-plans' included: description,
    source, titles and indicators (comma-separated), subplan, found, deadline, closed
    (``datetime.date``, None while open), then one column per responsibility field."""
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
    """One row per task (index: task id), in plan order: state (name), planned_percent,
    percent_complete, weight, days_late."""
    pd = pandas()
    rows = [{"id": t.id, "state": t.state.name, "planned_percent": t.planned_percent, "percent_complete": t.percent_complete,
             "weight": t.weight, "days_late": t.days_late} for t in self.tasks]
    columns = ["id", "state", "planned_percent", "percent_complete", "weight", "days_late"]
    return pd.DataFrame(rows, columns=columns).set_index("id")


def status_overdue_frame(self: _core.PlanStatus) -> pd.DataFrame:
    """The overdue list of a supervision circular, most days late first (index: task id): name,
    due, days_late (working days), percent_complete, then one column per responsibility field
    the overdue tasks name (department, unit, leader, ...; '' where a task names nobody)."""
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
    """One row per problem found on or before the date (index: problem id): state (name) and
    days_late (working days past the deadline). Join with ``Plan.problems_frame()`` for who and what."""
    pd = pandas()
    rows = [{"id": p.id, "state": p.state.name, "days_late": p.days_late} for p in self.problems]
    frame = pd.DataFrame(rows, columns=["id", "state", "days_late"]).set_index("id")
    frame["days_late"] = frame["days_late"].astype(np.int64)
    return frame


def status_rollup_frame(self: _core.PlanStatus, by: str = "phase") -> pd.DataFrame:
    """One row per phase (``by="phase"``), title (``"title"``), sub-plan (``"subplan"``) or value
    of a responsibility field (``by="department"``, ...): tasks, due, done_on_time,
    on_time_rate, planned_value, earned_value, spi, spi_t, a count per task state, then the
    problems: problems_found, problems_closed, problems_closed_on_time, problems_overdue,
    closure_rate. Sorted by on-time rate, then SPI, best first (as circulars rank them)."""
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
                    "closure_rate": _nan(p.problems.closure_rate)})
        rows.append(row)
    columns = [by, "tasks", "due", "done_on_time", "on_time_rate", "planned_value", "earned_value", "spi", "spi_t",
               *[state.name for state in _core.TaskState], "problems_found", "problems_closed", "problems_closed_on_time",
               "problems_overdue", "closure_rate"]
    frame = pd.DataFrame(rows, columns=columns).set_index(by)
    return frame.sort_values(["on_time_rate", "spi"], ascending=False, na_position="last")


def campaign_units_frame(self: _core.Campaign) -> pd.DataFrame:
    """One row per unit (index: unit id), parents first: name, parent ('' for the top), then
    one column per title with the unit's class in that title's framework ('' for none)."""
    pd = pandas()
    titles = [t.id for t in self.titles]
    rows = [{"id": u.id, "name": u.name, "parent": u.parent, **{t: u.classes.get(t, "") for t in titles}} for u in self.units]
    return pd.DataFrame(rows, columns=["id", "name", "parent", *titles]).set_index("id")


def campaign_targets_frame(self: _core.Campaign) -> pd.DataFrame:
    """One row per target, in file order: title, indicator, unit ('' for every unit), value,
    deadline (``datetime.date``; the title's inspection date when the target gives none),
    department, and the indicator's pass line as text for comparison."""
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
    """One row per title and unit, titles in the campaign's order: title, unit, rag (name),
    reason, passed_now and passed_at_inspection (None without a framework or projection), met
    and assessed indicators now, total now and at the inspection date (NaN where none),
    overdue_tasks (how many bear on it)."""
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


def _install() -> None:
    _core.PlanStatus.to_frame = status_to_frame  # type: ignore[attr-defined]
    _core.PlanStatus.rollup_frame = status_rollup_frame  # type: ignore[attr-defined]
    _core.PlanStatus.overdue_frame = status_overdue_frame  # type: ignore[attr-defined]
    _core.PlanStatus.problems_frame = status_problems_frame  # type: ignore[attr-defined]
    _core.Plan.problems_frame = plan_problems_frame  # type: ignore[attr-defined]
    _core.Campaign.units_frame = campaign_units_frame  # type: ignore[attr-defined]
    _core.Readiness.to_frame = readiness_to_frame  # type: ignore[attr-defined]
    _core.Campaign.targets_frame = campaign_targets_frame  # type: ignore[attr-defined]
    _core.Framework.evaluate = evaluate  # type: ignore[attr-defined]
    _core.Framework.evaluate_many = evaluate_many  # type: ignore[attr-defined]
    _core.Evaluation.to_frame = evaluation_to_frame  # type: ignore[attr-defined]
    _core.Evaluation.to_dict = evaluation_to_dict  # type: ignore[attr-defined]
    _core.BatchEvaluation.to_frame = batch_to_frame  # type: ignore[attr-defined]
    _core.BatchEvaluation.to_dict = batch_to_dict  # type: ignore[attr-defined]
    _core.BatchEvaluation.scores_frame = scores_frame  # type: ignore[attr-defined]
    _core.BatchEvaluation.points_frame = points_frame  # type: ignore[attr-defined]
    _core.BatchEvaluation.values_frame = values_frame  # type: ignore[attr-defined]
    _core.BatchEvaluation.gaps_frame = gaps_frame  # type: ignore[attr-defined]
    _core.BatchEvaluation.outcomes_frame = outcomes_frame  # type: ignore[attr-defined]
    _core.BatchEvaluation.category_scores_frame = category_scores_frame  # type: ignore[attr-defined]
    _core.Schedule.to_frame = schedule_to_frame  # type: ignore[attr-defined]
    _core.Plan.tasks_frame = plan_tasks_frame  # type: ignore[attr-defined]
