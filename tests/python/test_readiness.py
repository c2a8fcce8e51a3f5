"""Readiness from Python: the hand-worked campaign of tests/unit/tracking/test_readiness.cpp (a basic item,
green coverage >= 36 %, inspection 2026-07-01; units city > d1, d2; status date 2026-01-15)."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

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


# ---- the unit rules, targets and surveys ------------------------------------------------------
# The second hand-worked campaign of tests/unit/tracking/test_readiness.cpp: units city > d1, d2; status
# date 2026-01-15, inspection 2026-07-01; five pass/fail indicators of weight 1.


def rules_campaign(targets: list[civitas.Target] | None = None) -> civitas.Campaign:
    park = civitas.Indicator("park", pass_=civitas.Interval.at_least(14.8), bounds=civitas.Interval(0, 1000),
                             subunit_pass=civitas.Interval.at_least(5.5))
    gardens = civitas.Indicator("gardens", pass_=civitas.Interval.at_least(11), scope=civitas.IndicatorScope.top_unit)
    mortality = civitas.Indicator("mortality", direction=civitas.Direction.lower, pass_=civitas.Interval.at_most(5.6),
                                  met_by=civitas.MetBy.level_or_trend)
    incidence = civitas.Indicator("incidence", direction=civitas.Direction.lower, pass_=civitas.Interval.at_most(100),
                                  history_average=civitas.HistoryAverageRule(years=2))
    happy = civitas.Indicator("happy", unit="%", pass_=civitas.Interval.at_least(90), bounds=civitas.Interval(0, 100),
                              mode="questionnaire")
    framework = civitas.Framework(civitas.FrameworkSpec(
        "rules", root=civitas.Category(indicators=[park, gardens, mortality, incidence, happy])))
    store = civitas.ObservationStore()

    def add(unit: str, indicator: str, date: dt.date, value: float, sample: int | None = None) -> None:
        store.add(civitas.Observation(unit=unit, indicator=indicator, date=date, value=value, sample_size=sample))

    for unit, value in (("city", 15), ("d1", 6), ("d2", 5)):
        add(unit, "park", D(2026, 1, 1), value)
    for unit, before, after in (("city", 9, 11), ("d1", 0, 1), ("d2", 0, 2)):
        add(unit, "gardens", D(2025, 7, 1), before)
        add(unit, "gardens", D(2026, 1, 1), after)
    for date, city, d1 in ((D(2025, 1, 1), 6.0, 6.0), (D(2025, 7, 1), 5.9, 6.1), (D(2026, 1, 1), 5.8, 5.9)):
        add("city", "mortality", date, city)
        add("d1", "mortality", date, d1)
    add("d2", "mortality", D(2026, 1, 1), 5.0)
    for year, city, d1 in ((2023, 10, 10), (2024, 12, 10), (2025, 10, 11)):
        add("city", "incidence", D(year, 12, 31), city)
        add("d1", "incidence", D(year, 12, 31), d1)
    add("d2", "incidence", D(2025, 12, 31), 40)
    add("city", "happy", D(2025, 7, 1), 89, 400)
    add("city", "happy", D(2026, 1, 1), 91, 400)
    add("d1", "happy", D(2026, 1, 1), 95, 1000)
    add("d2", "happy", D(2026, 1, 1), 85, 400)
    spec = civitas.CampaignSpec(
        "rules", titles=[civitas.CampaignTitle("garden", framework="rules.json",
                                               dates=civitas.TitleDates(inspection=D(2026, 7, 1)))],
        units=[civitas.CampaignUnit("city"), civitas.CampaignUnit("d1", parent="city"), civitas.CampaignUnit("d2", parent="city")],
        departments=[civitas.Department("parks", name="园林局")], targets=targets or [])
    return civitas.Campaign(spec, {"garden": framework}, observations=store)


def cell(batch: civitas.BatchEvaluation, unit: int, indicator: str) -> civitas.Outcome:
    return civitas.Outcome(int(batch.outcomes[unit, batch.indicator_ids.index(indicator)]))


def test_unit_rules_decide_the_outcomes_and_the_counts() -> None:
    garden = civitas.readiness(rules_campaign(), D(2026, 1, 15)).title("garden")
    now = garden.now
    met, not_met, missing = civitas.Outcome.met, civitas.Outcome.not_met, civitas.Outcome.missing
    # park: the city's 15 meets 14.8 but d2's 5 is below the sub-unit line 5.5; d1's 6 meets it.
    assert [cell(now, u, "park") for u in range(3)] == [not_met, met, not_met]
    city_park = next(r for r in garden.rulings if r.unit == "city" and r.indicator == "park")
    assert city_park.kind == civitas.RulingKind.subunit and "d2 5" in city_park.reason
    # gardens: the city's only.
    assert [cell(now, u, "gardens") for u in range(3)] == [met, missing, missing]
    # mortality: the city by its two falls, d1 not (up then down), d2 by its level.
    assert [cell(now, u, "mortality") for u in range(3)] == [met, not_met, met]
    # incidence: 10 <= mean(10, 12); 11 > mean(10, 10); d2 has one year: the line decides.
    assert [cell(now, u, "incidence") for u in range(3)] == [met, not_met, met]
    # Counts and totals: city 4 of 5 (80 points); d1 2 of 4 assessed (50 points, gardens left out).
    assert list(now.met) == [4, 2, 2]
    assert list(now.assessed) == [5, 4, 4]
    assert now.totals[0] == pytest.approx(80.0)
    assert now.totals[1] == pytest.approx(50.0)
    assert list(now.passed) == [False, False, False]
    assert garden.facts[0].ruled_not_met == ["park"] and garden.facts[0].ruled_met == ["mortality"]
    assert garden.facts[1].ruled_met == ["park"] and garden.facts[1].ruled_not_met == ["mortality", "incidence"]
    kinds = {r.kind.name for r in garden.rulings}
    assert kinds == {"scope", "subunit", "level_or_trend", "history_average"}
    # At the inspection d1's mortality, projected to 5.85, still misses: the observed trend does not fall twice.
    assert garden.at_inspection.values[1, 2] == pytest.approx(5.85, abs=1e-3)
    assert cell(garden.at_inspection, 1, "mortality") == not_met
    assert cell(garden.at_inspection, 0, "mortality") == met


def test_survey_items_carry_their_sampling_error() -> None:
    garden = civitas.readiness(rules_campaign(), D(2026, 1, 15)).title("garden")
    city, d1, d2 = garden.surveys
    # 364 of 400: posterior Beta(365, 37), mean 0.908, sd 0.0144: P(p >= 0.9) ~ Phi(0.56) = 0.71.
    assert city.probability == pytest.approx(0.71, abs=0.03)
    assert (city.meets, city.in_doubt, city.sample_size) == (True, True, 400)
    assert city.low < 90 < 91 < city.high
    assert "happy 91.0% (n=400) meets 90% with probability 0.7" in city.reason
    assert d1.probability > 0.999 and not d1.in_doubt
    assert not d2.meets and not d2.in_doubt
    assert garden.facts[0].surveys_in_doubt == ["happy"]
    lenient = civitas.readiness(rules_campaign(), D(2026, 1, 15), survey_confidence=0.5).title("garden")
    assert not lenient.surveys[0].in_doubt
    with pytest.raises(civitas.ValidationError, match="survey_confidence"):
        civitas.readiness(rules_campaign(), D(2026, 1, 15), survey_confidence=1.0)


def test_targets_are_tracked_per_unit() -> None:
    targets = [civitas.Target(title="garden", indicator="gardens", unit="d1", value=2, deadline=D(2026, 4, 30)),
               civitas.Target(title="garden", indicator="gardens", unit="d2", value=2, deadline=D(2026, 4, 30)),
               civitas.Target(title="garden", indicator="park", unit="city", value=16, deadline=D(2026, 1, 10),
                              department="parks"),
               civitas.Target(title="garden", indicator="happy", unit="", value=92),
               civitas.Target(title="garden", indicator="happy", unit="d2", value=80)]
    r = civitas.readiness(rules_campaign(targets), D(2026, 1, 15))
    garden = r.title("garden")
    states = [(p.unit, p.indicator, p.state.name) for p in garden.targets]
    assert states == [("d1", "gardens", "off_track"), ("d2", "gardens", "met"), ("city", "park", "overdue"),
                      ("city", "happy", "on_track"), ("d1", "happy", "met"), ("d2", "happy", "met")]
    d1 = garden.targets[0]
    # 0 then 1 over 184 days: 1 + 119 / 184 on 30 April, short of 2.
    assert d1.projected == pytest.approx(1 + 119 / 184)
    assert (d1.latest, d1.latest_date) == (1.0, D(2026, 1, 1))
    city_happy = garden.targets[3]
    assert city_happy.every_unit and city_happy.deadline == D(2026, 7, 1)
    assert city_happy.projected == pytest.approx(91 + 2 * 181 / 184)
    assert garden.facts[1].targets_off_track == ["gardens"]
    assert "target gardens >= 2 by 2026-04-30" in garden.reasons[1]
    pytest.importorskip("pandas")
    frame = r.targets_frame()
    assert frame.state.tolist() == [s for _, _, s in states]
    assert frame.loc[2, "department"] == "parks" and frame.projected.isna().tolist()[2]
    surveys = r.surveys_frame()
    assert surveys.in_doubt.tolist() == [True, False, False]
    rulings = r.rulings_frame()
    assert set(rulings.kind) == {"scope", "subunit", "level_or_trend", "history_average"}
    facts = r.facts_frame()
    assert facts.loc[1, "targets_off_track"] == ["gardens"]


def test_framework_fields_round_trip() -> None:
    park = civitas.Indicator("park", pass_=civitas.Interval.at_least(14.8), subunit_pass=civitas.Interval.at_least(5.5),
                             scope=civitas.IndicatorScope.every_unit)
    mortality = civitas.Indicator("mortality", direction=civitas.Direction.lower, pass_=civitas.Interval.at_most(5.6),
                                  met_by=civitas.MetBy.level_or_trend,
                                  trend=civitas.TrendRule(slope_test=True, last_points=4))
    framework = civitas.Framework(civitas.FrameworkSpec("rules", root=civitas.Category(indicators=[park, mortality])))
    again = civitas.parse_framework(civitas.framework_to_json(framework))
    assert again == framework
    assert again.indicator("mortality").trend == civitas.TrendRule(slope_test=True, last_points=4)
    namespace = {name: getattr(civitas, name) for name in civitas.__all__}
    assert eval(repr(mortality), namespace) == mortality  # noqa: S307 - the repr is eval-able by design
    bad = civitas.Indicator("flag", direction=civitas.Direction.yes_no, met_by=civitas.MetBy.level_or_trend)
    with pytest.raises(civitas.ValidationError, match="met_by"):
        civitas.Framework(civitas.FrameworkSpec("bad", root=civitas.Category(indicators=[bad])))


def test_series_trends_are_what_readiness_projects() -> None:
    campaign = rules_campaign()
    trends = civitas.series_trends(campaign, "garden", D(2026, 1, 15))
    garden = civitas.readiness(campaign, D(2026, 1, 15)).title("garden")
    ahead = garden.at_inspection
    for t in trends:
        row = [u.id for u in campaign.units].index(t.unit)
        assert t.projected == ahead.values[row, ahead.indicator_ids.index(t.indicator)]
    happy = next(t for t in trends if (t.unit, t.indicator) == ("city", "happy"))
    assert (str(happy.line), happy.reach_date, happy.progress) == (">= 90", D(2026, 1, 1), civitas.ProgressState.target_met)
    with pytest.raises(civitas.NotFoundError):
        civitas.series_trends(campaign, "nope", D(2026, 1, 15))


def test_interval_reads_as_a_line() -> None:
    assert [str(i) for i in (civitas.Interval.at_least(36), civitas.Interval.at_most(5.6), civitas.Interval(6.5, 8.5),
                             civitas.Interval())] == [">= 36", "<= 5.6", "[6.5, 8.5]", "any"]


def test_trend_frame() -> None:
    pytest.importorskip("pandas")
    frame = civitas.trend_frame(rules_campaign(), "garden", D(2026, 1, 15))
    # gardens is the city's only; every other series of every unit has a row.
    assert frame[frame.indicator == "gardens"].unit.tolist() == ["city"]
    city_happy = frame[(frame.unit == "city") & (frame.indicator == "happy")].iloc[0]
    # 89 then 91 in 184 days: 2 / (184 / 365.25) a year, 91 + 2 x 181 / 184 on 1 July.
    assert city_happy.slope == pytest.approx(2 * 365.25 / 184)
    assert city_happy.projected == pytest.approx(91 + 2 * 181 / 184)
    assert (city_happy.line, city_happy.reach_date) == (">= 90", D(2026, 1, 1))
    d1_park = frame[(frame.unit == "d1") & (frame.indicator == "park")].iloc[0]
    assert d1_park.line == ">= 5.5" and d1_park.points == 1 and math.isnan(d1_park.slope)
    d1_gardens = frame[(frame.unit == "d1") & (frame.indicator == "gardens")]
    assert d1_gardens.empty
    assert frame[(frame.unit == "city") & (frame.indicator == "mortality")].iloc[0].progress != ""


# ---- readiness as JSON (docs/format.md, "Readiness as JSON") --------------------------------------

LANZHOU = Path(__file__).resolve().parents[2] / "examples" / "lanzhou" / "campaign.json"


def or_none(x: float) -> float | None:
    return None if math.isnan(x) else x


def test_readiness_json_agrees_with_the_readiness() -> None:
    ready = civitas.readiness(civitas.load_campaign(LANZHOU), D(2025, 12, 31))
    text = civitas.readiness_to_json(ready)
    assert "NaN" not in text and "Infinity" not in text
    data = json.loads(text)
    assert data["format"] == civitas.readiness_format == "civitas-readiness/1"
    assert data["as_of"] == "2025-12-31"
    assert [t["id"] for t in data["titles"]] == [t.title for t in ready.titles]
    for title, written in zip(ready.titles, data["titles"]):
        units = written["units"]
        assert written["framework"] == (title.framework.id if title.framework else None)
        assert written["inspection"] == (title.inspection.isoformat() if title.inspection else None)
        assert [u["unit"] for u in units] == list(title.units)
        assert [u["rag"] for u in units] == [rag.name for rag in title.rag]
        assert [u["reason"] for u in units] == list(title.reasons)
        assert [u["reason_zh"] for u in units] == list(title.reasons_zh)
        assert [u["overdue_tasks"] for u in units] == [list(ids) for ids in title.overdue_tasks]
        assert [(u["facts"]["passes_now"], u["facts"]["passes_at_inspection"], u["facts"]["basic_failed"])
                for u in units] == [(f.passes_now, f.passes_at_inspection, list(f.basic_failed)) for f in title.facts]
        for member in ("now", "at_inspection"):
            batch = getattr(title, member)
            if batch is None:
                assert [u[member] for u in units] == [None] * len(units)
                continue
            # The same objects evaluation_to_json writes, and the batch's totals and decisions.
            assert [u[member] for u in units] == [batch.unit(i).to_dict() for i in range(len(batch))]
            assert [u[member]["total"] for u in units] == [or_none(x) for x in batch.totals]
            assert [u[member]["passed"] for u in units] == list(batch.passed)
        assert [(x["indicator"], x["unit"], x["state"], x["reason"], x["reason_zh"]) for x in written["targets"]] == [
            (t.indicator, t.unit, t.state.name, t.reason, t.reason_zh) for t in title.targets]
        assert [(x["indicator"], x["unit"], x["sample_size"], x["in_doubt"], x["reason_zh"]) for x in written["surveys"]] == [
            (s.indicator, s.unit, s.sample_size, s.in_doubt, s.reason_zh) for s in title.surveys]
        assert [x["probability"] for x in written["surveys"]] == pytest.approx([s.probability for s in title.surveys])
        for key in ("rulings", "rulings_at_inspection"):
            assert [(x["unit"], x["indicator"], x["kind"], x["outcome"], x["reason_zh"]) for x in written[key]] == [
                (r.unit, r.indicator, r.kind.name, r.outcome.name, r.reason_zh) for r in getattr(title, key)]
    assert ready.plan is not None
    assert data["plan"]["tasks"] == ready.plan.overall.tasks
    assert data["plan"]["states"] == {state.name: n for state, n in ready.plan.overall.states.items()}
    # The example has all of it: projections, targets, surveys, rulings, and more than green.
    assert any(t["units"][0]["at_inspection"] for t in data["titles"])
    assert all(any(t[key] for t in data["titles"]) for key in ("targets", "surveys", "rulings"))
    assert {u["rag"] for t in data["titles"] for u in t["units"]} > {"green"}
    # One line with indent -1; the same document.
    compact = civitas.readiness_to_json(ready, indent=-1)
    assert "\n" not in compact and json.loads(compact) == data


def test_readiness_json_of_a_campaign_without_plan_or_projection() -> None:
    # After the inspection date nothing is projected; the small campaign's sanitary title has no framework.
    campaign = small_campaign()
    data = json.loads(civitas.readiness_to_json(civitas.readiness(campaign, D(2026, 8, 1))))
    garden, sanitary = data["titles"]
    assert garden["inspection"] is None
    assert [u["at_inspection"] for u in garden["units"]] == [None] * 3
    assert [u["now"]["unit"] for u in garden["units"]] == ["city", "d1", "d2"]
    assert sanitary["framework"] is None and [u["now"] for u in sanitary["units"]] == [None] * 3
    spec = campaign.spec
    spec.plan = None
    without_plan = civitas.Campaign(spec, campaign.frameworks, observations=campaign.observations)
    assert json.loads(civitas.readiness_to_json(civitas.readiness(without_plan, D(2026, 1, 15))))["plan"] is None
