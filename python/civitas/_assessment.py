"""pandas views of a campaign's assessment rounds, events and field inspections:
``Campaign.rounds_frame()``, ``Campaign.events_frame()`` and ``Campaign.field_frame()``, methods
bound with the class in python/src/bind_assessment.cpp, where their documentation is. pandas is
imported only when one of them is called.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any

from . import _core
from ._support import pandas

if TYPE_CHECKING:
    import pandas as pd


def rounds_frame(self: _core.Campaign, title: str = "") -> pd.DataFrame:
    pd = pandas()
    rows: list[dict[str, Any]] = []
    parts: list[str] = []
    for r in self.rounds(title):
        scheme = self.round_scheme(r.title)
        for part in scheme.parts:
            if part.id not in parts:
                parts.append(part.id)
        total = r.total_in(scheme)
        row: dict[str, Any] = {"title": r.title, "id": r.id, "kind": r.kind.name, "date": r.date,
                               "year": r.assessment_year, "name": r.name}
        row.update({p: float(r.parts.get(p, math.nan)) for p in parts})
        row["total"] = math.nan if total is None else float(total)
        row["consequences"] = ", ".join(c.name or c.id for c in r.consequences(scheme))
        row["flags"] = ", ".join(r.flags)
        rows.append(row)
    columns = ["title", "id", "kind", "date", "year", "name", *parts, "total", "consequences", "flags"]
    frame = pd.DataFrame(rows, columns=columns)
    for name in [*parts, "total"]:
        frame[name] = frame[name].astype("float64")
    return frame


def events_frame(self: _core.Campaign, from_date: dt.date | None = None) -> pd.DataFrame:
    pd = pandas()
    rows = [{"date": e.date, "end": e.end, "title": e.title, "kind": e.kind.name,
             "assessment": "" if e.assessment is None else e.assessment.name, "id": e.id, "name": e.name}
            for e in self.events(from_date)]
    return pd.DataFrame(rows, columns=["date", "end", "title", "kind", "assessment", "id", "name"])


def field_frame(self: _core.Campaign, inspection: str | None = None) -> pd.DataFrame:
    pd = pandas()
    chosen = [f for f in self.inspections if inspection is None or f.id == inspection]
    if inspection is not None and not chosen:
        self.inspection(inspection)  # raises NotFoundError
    rows = [{"inspection": f.id, "date": f.date, "title": f.title, "unit": r.unit, "indicator": r.indicator,
             "sites": r.sites, "problems": r.problems, "deduction": r.deduction}
            for f in chosen for r in self.field_rollup(f.id)]
    frame = pd.DataFrame(rows, columns=["inspection", "date", "title", "unit", "indicator", "sites", "problems", "deduction"])
    frame["sites"] = frame["sites"].astype("int64")
    frame["problems"] = frame["problems"].astype("int64")
    frame["deduction"] = frame["deduction"].astype("float64")
    return frame
