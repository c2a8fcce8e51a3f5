"""pandas views of a readiness: ``Readiness.targets_frame()``, ``surveys_frame()``,
``rulings_frame()`` and ``facts_frame()``, and ``trend_frame(campaign, title, as_of)``: the trend
of every series of a title as a DataFrame. They are bound in python/src/bind_readiness.cpp, where
their documentation is; pandas is imported only when one of them is called.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

import numpy as np

from . import _core
from ._support import pandas

if TYPE_CHECKING:
    import pandas as pd


def _nan(value: float | None) -> float:
    return math.nan if value is None else float(value)


def _float_columns(frame: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    for name in names:
        frame[name] = frame[name].astype(np.float64)
    return frame


def targets_frame(self: _core.Readiness) -> pd.DataFrame:
    pd = pandas()
    rows = [{"title": t.title, "indicator": p.indicator, "unit": p.unit, "every_unit": p.every_unit, "target": p.target,
             "line": str(p.line), "deadline": p.deadline, "department": p.department, "latest": _nan(p.latest),
             "latest_date": p.latest_date, "projected": _nan(p.projected), "met_now": p.met_now, "on_track": p.on_track,
             "state": p.state.name, "reason": p.reason}
            for t in self.titles for p in t.targets]
    columns = ["title", "indicator", "unit", "every_unit", "target", "line", "deadline", "department", "latest",
               "latest_date", "projected", "met_now", "on_track", "state", "reason"]
    return _float_columns(pd.DataFrame(rows, columns=columns), ["target", "latest", "projected"])


def surveys_frame(self: _core.Readiness) -> pd.DataFrame:
    pd = pandas()
    rows = [{"title": t.title, "unit": c.unit, "indicator": c.indicator, "date": c.date, "estimate": c.estimate,
             "sample_size": c.sample_size, "line": str(c.line), "low": c.low, "high": c.high,
             "probability": c.probability, "meets": c.meets, "in_doubt": c.in_doubt, "reason": c.reason}
            for t in self.titles for c in t.surveys]
    columns = ["title", "unit", "indicator", "date", "estimate", "sample_size", "line", "low", "high", "probability",
               "meets", "in_doubt", "reason"]
    return _float_columns(pd.DataFrame(rows, columns=columns), ["estimate", "low", "high", "probability"])


def rulings_frame(self: _core.Readiness, at_inspection: bool = False) -> pd.DataFrame:
    pd = pandas()
    rows = [{"title": t.title, "unit": r.unit, "indicator": r.indicator, "kind": r.kind.name, "outcome": r.outcome.name,
             "reason": r.reason}
            for t in self.titles for r in (t.rulings_at_inspection if at_inspection else t.rulings)]
    return pd.DataFrame(rows, columns=["title", "unit", "indicator", "kind", "outcome", "reason"])


def facts_frame(self: _core.Readiness) -> pd.DataFrame:
    pd = pandas()
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
    pd = pandas()
    rows = [{"unit": t.unit, "indicator": t.indicator, "points": t.points, "latest": t.latest,
             "latest_date": t.latest_date, "slope": _nan(t.slope), "projected": _nan(t.projected),
             "line": "" if t.line is None else str(t.line), "reach_date": t.reach_date,
             "progress": "" if t.progress is None else t.progress.name}
            for t in _core.series_trends(campaign, title, as_of, known_on=known_on, trend_points=trend_points)]
    columns = ["unit", "indicator", "points", "latest", "latest_date", "slope", "projected", "line", "reach_date",
               "progress"]
    return _float_columns(pd.DataFrame(rows, columns=columns), ["latest", "slope", "projected"])

