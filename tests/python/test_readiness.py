"""Readiness from Python: the hand-worked campaign of tests/unit/test_readiness.cpp (a basic item,
green coverage >= 36 %, inspection 2026-07-01; units city > d1, d2; status date 2026-01-15)."""

from __future__ import annotations

import datetime as dt

import pytest

import civitas

D = dt.date


def small_campaign() -> civitas.Campaign:
    indicator = civitas.Indicator("green", name="绿化覆盖率", direction=civitas.Direction.higher,
                                  pass_=civitas.Interval.at_least(36), bounds=civitas.Interval(0, 100),
                                  kind=civitas.ItemKind.basic)
    framework = civitas.Framework(civitas.FrameworkSpec("garden", root=civitas.Category(indicators=[indicator])))
    store = civitas.ObservationStore()
    rows = [("city", D(2025, 1, 1), 30, None), ("city", D(2025, 7, 1), 33, None), ("city", D(2026, 1, 1), 36.5, None),
            ("d1", D(2025, 1, 1), 34, None), ("d1", D(2026, 1, 1), 35, None),
            ("d2", D(2025, 1, 1), 30, None), ("d2", D(2026, 1, 1), 35, None), ("d2", D(2026, 1, 1), 36, D(2026, 2, 1))]
    for unit, date, value, recorded in rows:
        store.add(civitas.Observation(unit=unit, indicator="green", date=date, value=value, recorded=recorded))
    plan = civitas.PlanSpec("plan", tasks=[civitas.Task("root_task", titles=["garden"], start=D(2026, 1, 5), due=D(2026, 1, 9))],
                            subplans=[civitas.PlanSpec("d1", tasks=[civitas.Task("d1_task", titles=["sanitary"],
                                                                                 start=D(2026, 1, 5), due=D(2026, 1, 5))])])
    spec = civitas.CampaignSpec(
        "small", titles=[civitas.CampaignTitle("garden", framework="garden.json",
                                               dates=civitas.TitleDates(inspection=D(2026, 7, 1))),
                         civitas.CampaignTitle("sanitary")],
        units=[civitas.CampaignUnit("city"), civitas.CampaignUnit("d1", parent="city"), civitas.CampaignUnit("d2", parent="city")],
        plan=plan)
    return civitas.Campaign(spec, {"garden": framework}, observations=store)


def test_red_amber_green_as_known_before_the_correction() -> None:
    r = civitas.readiness(small_campaign(), D(2026, 1, 15), known_on=D(2026, 1, 20))
    garden = r.title("garden")
    assert garden.rag == [civitas.Rag.amber, civitas.Rag.red, civitas.Rag.amber]
    assert garden.inspection == D(2026, 7, 1)
    assert list(garden.now.passed) == [True, False, False]
    # d2: 35, rising 5 per 365 days: 35 + 5 x 181 / 365 on 1 July.
    assert garden.at_inspection.values[2, 0] == pytest.approx(35 + 5 * 181 / 365)
    assert garden.overdue_tasks == [["root_task"], [], []]
    assert r.title("sanitary").rag == [civitas.Rag.amber, civitas.Rag.amber, civitas.Rag.green]
    assert r.plan is not None and len(r.plan.overdue) == 2
    assert repr(r) == "Readiness(2026-01-15; garden: 1 red, 2 amber, 0 green; sanitary: 0 red, 2 amber, 1 green)"


def test_the_correction_counts_when_known_and_the_frame() -> None:
    pytest.importorskip("pandas")
    r = civitas.readiness(small_campaign(), D(2026, 1, 15))
    frame = r.to_frame()
    assert list(frame.columns[:4]) == ["title", "unit", "rag", "reason"]
    d2 = frame[(frame.title == "garden") & (frame.unit == "d2")].iloc[0]
    assert (d2.rag, d2.passed_now, d2.passed_at_inspection) == ("green", True, True)
    sanitary = frame[frame.title == "sanitary"]
    assert sanitary.passed_now.isna().all()
    assert sanitary.overdue_tasks.tolist() == [1, 1, 0]


def test_bad_options() -> None:
    with pytest.raises(civitas.ValidationError, match="trend"):
        civitas.readiness(small_campaign(), D(2026, 1, 15), trend_points=1)
