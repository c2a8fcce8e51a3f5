"""pandas views of a readiness: ``Readiness.targets_frame()``, ``surveys_frame()``,
``rulings_frame()`` and ``facts_frame()``, and ``trend_frame(campaign, title, as_of)``: the trend
of every series of a title as a DataFrame. They are bound in python/src/bind_readiness.cpp, where
their documentation is; pandas is imported only when one of them is called.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core

if TYPE_CHECKING:
    import pandas as pd


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:  # pragma: no cover - depends on the environment
        msg = "this needs pandas: pip install 'civitas[pandas]'"
        raise ImportError(msg) from None
    return pandas


def _nan(value: float | None) -> float:
    return math.nan if value is None else float(value)


def _line_text(line: _core.Interval) -> str:
    if math.isinf(line.high) and not math.isinf(line.low):
        return f">= {line.low:g}"
    if math.isinf(line.low) and not math.isinf(line.high):
        return f"<= {line.high:g}"
    return f"[{line.low:g}, {line.high:g}]"


def _float_columns(frame: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    for name in names:
        frame[name] = frame[name].astype(np.float64)
    return frame


def targets_frame(self: _core.Readiness) -> pd.DataFrame:
    pd = _pandas()
    rows = [{"title": t.title, "indicator": p.indicator, "unit": p.unit, "every_unit": p.every_unit, "target": p.target,
             "line": _line_text(p.line), "deadline": p.deadline, "department": p.department, "latest": _nan(p.latest),
             "latest_date": p.latest_date, "projected": _nan(p.projected), "met_now": p.met_now, "on_track": p.on_track,
             "state": p.state.name, "reason": p.reason}
            for t in self.titles for p in t.targets]
    columns = ["title", "indicator", "unit", "every_unit", "target", "line", "deadline", "department", "latest",
               "latest_date", "projected", "met_now", "on_track", "state", "reason"]
    return _float_columns(pd.DataFrame(rows, columns=columns), ["target", "latest", "projected"])


def surveys_frame(self: _core.Readiness) -> pd.DataFrame:
    pd = _pandas()
    rows = [{"title": t.title, "unit": c.unit, "indicator": c.indicator, "date": c.date, "estimate": c.estimate,
             "sample_size": c.sample_size, "line": _line_text(c.line), "low": c.low, "high": c.high,
             "probability": c.probability, "meets": c.meets, "in_doubt": c.in_doubt, "reason": c.reason}
            for t in self.titles for c in t.surveys]
    columns = ["title", "unit", "indicator", "date", "estimate", "sample_size", "line", "low", "high", "probability",
               "meets", "in_doubt", "reason"]
    return _float_columns(pd.DataFrame(rows, columns=columns), ["estimate", "low", "high", "probability"])


def rulings_frame(self: _core.Readiness, at_inspection: bool = False) -> pd.DataFrame:
    pd = _pandas()
    rows = [{"title": t.title, "unit": r.unit, "indicator": r.indicator, "kind": r.kind.name, "outcome": r.outcome.name,
             "reason": r.reason}
            for t in self.titles for r in (t.rulings_at_inspection if at_inspection else t.rulings)]
    return pd.DataFrame(rows, columns=["title", "unit", "indicator", "kind", "outcome", "reason"])


def facts_frame(self: _core.Readiness) -> pd.DataFrame:
    pd = _pandas()
    rows = []
    for t in self.titles:
        for i, unit in enumerate(t.units):
            f = t.facts[i]
            rows.append({"title": t.title, "unit": unit, "rag": t.rag[i].name, "passes_now": f.passes_now,
                         "passes_at_inspection": f.passes_at_inspection, "basic_failed": list(f.basic_failed),
                         "targets_off_track": list(f.targets_off_track), "surveys_in_doubt": list(f.surveys_in_doubt),
                         "ruled_not_met": list(f.ruled_not_met), "ruled_met": list(f.ruled_met),
                         "overdue_tasks": f.overdue_tasks})
    columns = ["title", "unit", "rag", "passes_now", "passes_at_inspection", "basic_failed", "targets_off_track",
               "surveys_in_doubt", "ruled_not_met", "ruled_met", "overdue_tasks"]
    return pd.DataFrame(rows, columns=columns)


def trend_frame(campaign: _core.Campaign, title: str, as_of: dt.date, *, trend_points: int = 5,
                known_on: dt.date | None = None) -> pd.DataFrame:
    pd = _pandas()
    framework = campaign.framework(title)
    inspection = next(t.dates.inspection for t in campaign.titles if t.id == title)
    if inspection is not None and inspection <= as_of:
        inspection = None
    store = campaign.observations
    end = np.datetime64(as_of, "D")
    rows = []
    for unit in campaign.units:
        top = unit.parent == ""
        unit_class = unit.classes.get(title, "")
        for indicator in framework.indicators:
            if indicator.scope == _core.IndicatorScope.top_unit and not top:
                continue
            dates, values = store.series(unit.id, indicator.id, known_on=known_on)
            keep = dates <= end
            dates, values = dates[keep][-trend_points:], values[keep][-trend_points:]
            if len(values) == 0:
                continue
            line = _core.unit_line(indicator, unit_class, sub_unit=not top)
            moves = indicator.direction not in (_core.Direction.yes_no, _core.Direction.problem_count)
            latest = float(values[-1])
            row: dict[str, Any] = {"unit": unit.id, "indicator": indicator.id, "points": len(values), "latest": latest,
                                   "latest_date": dates[-1].astype(dt.date), "slope": math.nan, "projected": math.nan,
                                   "line": "" if line is None else _line_text(line), "reach_date": None, "progress": ""}
            fit = _core.trend(dates, values) if len(values) >= 2 else None
            if fit is not None:
                row["slope"] = fit.slope
            if inspection is not None:
                value = fit.project(inspection) if fit is not None and moves else latest
                if value is None or not math.isfinite(value):
                    value = latest
                if indicator.bounds is not None:
                    value = min(max(value, indicator.bounds.low), indicator.bounds.high)
                row["projected"] = value
            if line is not None:
                if line.contains(latest):
                    row["reach_date"] = dates[-1].astype(dt.date)
                elif fit is not None and moves:
                    row["reach_date"] = fit.reach_date(line)
            if len(values) >= 2:
                if line is not None and inspection is not None:
                    row["progress"] = _core.assess_progress(dates, values, line, inspection, measure="linear").state.name
                elif indicator.direction in (_core.Direction.higher, _core.Direction.lower, _core.Direction.problem_count):
                    row["progress"] = _core.assess_progress(dates, values, direction=indicator.direction,
                                                            measure="linear").state.name
            rows.append(row)
    columns = ["unit", "indicator", "points", "latest", "latest_date", "slope", "projected", "line", "reach_date",
               "progress"]
    return pd.DataFrame(rows, columns=columns)
