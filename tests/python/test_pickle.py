"""Pickling and copying: every public class of civitas goes through pickle (every protocol),
copy.copy and copy.deepcopy to an equal object, built here with real content (the Lanzhou
campaign, its readiness and report, and the methods' results). A class added later without a
sample or without pickling fails test_every_public_class_has_a_sample or test_round_trip."""

from __future__ import annotations

import copy
import datetime
import enum
import inspect
import pickle
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import civitas
import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
AS_OF = datetime.date(2025, 12, 31)

# A CampaignStore is an open database connection, not a value: each process opens its own (test_a_store_is_not_pickled).
CONNECTIONS = {"CampaignStore"}
PUBLIC_CLASSES = {
    name: cls
    for name in civitas.__all__
    if inspect.isclass(cls := getattr(civitas, name)) and not issubclass(cls, (enum.Enum, BaseException)) and name not in CONNECTIONS
}
ENUMS = [name for name in civitas.__all__ if inspect.isclass(cls := getattr(civitas, name)) and issubclass(cls, enum.Enum)]


def lanzhou() -> civitas.Campaign:
    return civitas.load_campaign(REPO / "examples" / "lanzhou" / "campaign.json")


def harvest(roots: list[object]) -> dict[str, list[object]]:
    """Instances of the public classes reachable from `roots` through properties, lists and dicts."""
    found: dict[str, list[object]] = {}
    seen: set[int] = set()
    keep: list[object] = []  # ids stay unique while the objects live

    def walk(value: object, depth: int) -> None:
        if depth > 8 or id(value) in seen:
            return
        seen.add(id(value))
        keep.append(value)
        if isinstance(value, (list, tuple)):
            for item in value[:20]:
                walk(item, depth + 1)
        elif isinstance(value, dict):
            for item in list(value.values())[:20]:
                walk(item, depth + 1)
        elif PUBLIC_CLASSES.get(type(value).__name__) is type(value):
            found.setdefault(type(value).__name__, []).append(value)
            for attribute in dir(value):
                if attribute.startswith("_"):
                    continue
                try:
                    item = getattr(value, attribute)
                except (civitas.Error, ValueError, TypeError, LookupError):  # a property without data to show
                    continue
                if not callable(item):
                    walk(item, depth + 1)

    for root in roots:
        walk(root, 0)
    return found


def campaign_with_a_bad_value() -> civitas.Campaign:
    """A city whose green coverage of 150 % is outside the indicator's bounds: its report has a gap."""
    garden = civitas.load_bundled_framework("garden-city-2010")
    spec = civitas.CampaignSpec(
        "bad-value",
        titles=[civitas.CampaignTitle("garden", framework=garden.id, dates=civitas.TitleDates(inspection=datetime.date(2026, 9, 30)))],
        units=[civitas.CampaignUnit("城关区", classes={"garden": "land-80-100"})],
    )
    store = civitas.ObservationStore()
    store.add(civitas.Observation("城关区", "built_up_green_coverage", datetime.date(2025, 6, 30), 150.0))
    return civitas.Campaign(spec, {"garden": garden}, observations=store)


def method_results() -> list[object]:
    """Results of the functions that no campaign returns, on real numbers."""
    rng = np.random.default_rng(7)
    x = rng.uniform(1.0, 10.0, size=(8, 4))
    weights = np.array([0.4, 0.3, 0.2, 0.1])
    comparisons = np.array([[1.0, 3.0, 5.0], [1 / 3, 1.0, 2.0], [1 / 5, 1 / 2, 1.0]])
    inconsistent = np.array([[1.0, 9.0, 1 / 9], [1 / 9, 1.0, 9.0], [9.0, 1 / 9, 1.0]])
    dates = [datetime.date(2019 + i, 12, 31) for i in range(6)]
    values = [30.0, 31.5, 32.1, 33.8, 34.2, 35.9]
    fw = civitas.load_bundled_framework("garden-city-2010")
    before = fw.evaluate({"built_up_green_coverage": 31.0, "built_up_green_space_ratio": 28.0})
    after = fw.evaluate({"built_up_green_coverage": 37.0, "built_up_green_space_ratio": 32.0})
    store = civitas.parse_observations_csv(
        "unit,indicator,date,value\n城关区,a1,2024-12-31,35.5\n城关区,a1,2025-06-30,36.5\n七里河区,a1,2025-06-30,x\n"
    )
    tiers = [civitas.AwardTier("一等奖", count=2), civitas.AwardTier("二等奖", share=0.5)]
    return [
        tiers,
        civitas.build_report(campaign_with_a_bad_value(), AS_OF),
        civitas.ahp(comparisons),
        civitas.hierarchical_ahp(comparisons, [comparisons, comparisons, comparisons]),
        civitas.revision_suggestions(inconsistent),
        civitas.vikor(x, weights),
        civitas.multimoora(x + 1.0, weights),
        civitas.promethee(x, weights, preference="linear", q=0.1, p=0.5),
        civitas.award(x @ weights, tiers),
        civitas.rank_uncertainty(x, weights, draws=50, seed=3),
        civitas.rank_reversal(x, weights, method="vikor"),
        *civitas.rank_reversal([[9, 10], [2, 6], [10, 6]], [0.6, 0.4], method="weighted_sum").reversals,
        civitas.score_change_attribution(x, x * 1.1, weights, weights[::-1] / weights.sum()),
        civitas.prepare_topsis(x),
        civitas.trend(dates, values),
        civitas.assess_progress(dates, values, civitas.Interval.at_least(40.0), datetime.date(2027, 12, 31)),
        civitas.level_or_trend(dates, values, civitas.Interval.at_least(40.0)),
        civitas.history_average(dates, values),
        civitas.proportion_interval(0.86, 400),
        civitas.Limits(rows=1000),
        civitas.Observation("城关区", "a1", datetime.date(2025, 6, 30), 36.5, source="统计局", sample_size=120),
        store,
        before,
        civitas.score_change_attribution(before, after),
        fw.evaluate_many(np.array([[31.0, 28.0], [38.0, 33.0]]), columns=["built_up_green_coverage", "built_up_green_space_ratio"]),
    ]


def store_results(folder: Path) -> list[object]:
    """What the campaign store returns, on the Lanzhou campaign: an import, a correction, a partial
    import with a rejected record, the submissions (one withdrawn) and a value's history."""
    campaign = lanzhou()
    store = civitas.CampaignStore(folder / "lanzhou.db")
    share = "api_good_days_share"

    def observation(value: float) -> civitas.Observation:
        return civitas.Observation("chengguan", share, datetime.date(2026, 2, 28), value)

    first = civitas.Submission(
        department="ecology", unit="chengguan", submitted_by="王伟", submitted_at=datetime.date(2026, 3, 3), file="ecology.xlsx",
        period="2026-02", observations=[observation(83.4)], tasks=[civitas.TaskReport("volunteers", percent_complete=45)],
        problems=[civitas.ProblemUpdate("residual_boilers", closed=datetime.date(2026, 2, 26), note="已完成煤改气")],
        spending=[civitas.SpendingReport("volunteers", datetime.date(2026, 2, 20), 30000, account="创建专户", note="志愿服务站点物资")])
    correction = civitas.Submission(department="ecology", submitted_by="李娜", submitted_at=datetime.date(2026, 3, 9),
                                    observations=[observation(84.1), observation(130.0)])
    results = [first, store.import_submission(campaign, first), store.import_submission(campaign, correction, partial=True)]
    store.withdraw(2, by="张敏", on=datetime.date(2026, 3, 11))
    # A department's form, filled in with a good cell and a bad one, read back.
    form = civitas.submission_form(campaign, "gardens", period="2026-03")
    rows = [[list(sheet.headings), *[list(row) for row in sheet.cells]] for sheet in form.sheets]
    rows[1][1][9] = "abc"
    rows[2][1][5] = "50"
    sheets = [civitas.FilledSheet(sheet.name, "gardens.xlsx", r) for sheet, r in zip(form.sheets, rows)]
    reading = civitas.read_submission_form(campaign, sheets, "gardens.xlsx")
    return [*results, store.submissions(), store.history("chengguan", share), store.spending_reports(), form, sheets, reading]


def build_samples() -> dict[str, list[object]]:
    """Instances of every public class, reached from a real campaign and real method results."""
    campaign = lanzhou()
    readiness = civitas.readiness(campaign, AS_OF)
    title = campaign.titles[0].id
    store = campaign.observations
    roots: list[object] = [
        campaign,
        readiness,
        civitas.build_report(campaign, AS_OF),
        civitas.status(campaign.plan, campaign.calendar, AS_OF),
        civitas.schedule(campaign.plan, campaign.calendar),
        civitas.what_if_delayed(campaign.plan, campaign.calendar, campaign.plan.tasks[0].id, 10),
        civitas.series_trends(campaign, title, AS_OF),
        store.latest_matrix(AS_OF),
        store.trend_matrix(AS_OF),
        [store.latest(u, i, AS_OF) for u in store.units[:3] for i in store.indicators[:3]],
        [campaign.field_rollup(i.id) for i in campaign.inspections],
        [campaign.cycle_standing(t.id) for t in campaign.titles if campaign.has_round_scheme(t.id)],
        *method_results(),
        *store_results(Path(tempfile.mkdtemp())),
        # A campaign with accountability rules: the circular's actions, changes and rank moves.
        civitas.build_circular(civitas.load_campaign(REPO / "tests" / "cli" / "data" / "circular" / "campaign.json"),
                               datetime.date(2026, 3, 16)),
        civitas.options,
    ]
    other_options = copy.deepcopy(civitas.options)
    other_options.display_language, other_options.display_max_rows = "en", 3
    roots.append(other_options)
    found = harvest(roots)
    for standing in found.get("CycleStanding", []):
        scheme = next(campaign.round_scheme(t.id) for t in campaign.titles if campaign.has_round_scheme(t.id))
        roots.append(civitas.points_needed(standing, scheme, 80.0))
    return harvest(roots)


@pytest.fixture(scope="module")
def samples() -> dict[str, list[object]]:
    return build_samples()


def test_every_public_class_has_a_sample(samples: dict[str, list[object]]) -> None:
    missing = sorted(set(PUBLIC_CLASSES) - set(samples))
    assert not missing, f"no sample with real content for {missing}: add one to samples() above"


@pytest.mark.parametrize("name", sorted(PUBLIC_CLASSES))
def test_round_trip(samples: dict[str, list[object]], name: str) -> None:
    for sample in samples.get(name, [])[:3]:
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            again = pickle.loads(pickle.dumps(sample, protocol=protocol))
            assert type(again) is type(sample)
            assert again == sample, f"{name} after pickle protocol {protocol}"
        assert copy.copy(sample) == sample
        deep = copy.deepcopy(sample)
        assert deep == sample and deep is not sample


@pytest.mark.parametrize("name", sorted(PUBLIC_CLASSES))
def test_equality_sees_the_members(samples: dict[str, list[object]], name: str) -> None:
    """Two different samples of a class are not equal (an __eq__ that ignores members would say so)."""
    distinct = [s for s in samples.get(name, []) if pickle.dumps(s) != pickle.dumps(samples[name][0])]
    if distinct:
        assert distinct[0] != samples[name][0]


def test_a_store_is_not_pickled(tmp_path: Path) -> None:
    store = civitas.CampaignStore(tmp_path / "campaign.db")
    with pytest.raises(TypeError, match="CampaignStore"):
        pickle.dumps(store)


@pytest.mark.parametrize("name", ENUMS)
def test_enums_pickle(name: str) -> None:
    for member in getattr(civitas, name):
        assert pickle.loads(pickle.dumps(member)) is member


def test_a_pickled_campaign_computes_the_same_readiness() -> None:
    campaign = lanzhou()
    again = pickle.loads(pickle.dumps(campaign, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == campaign
    assert again.observations.units == campaign.observations.units
    assert civitas.readiness(again, AS_OF) == civitas.readiness(campaign, AS_OF)
    assert civitas.build_report(again, AS_OF) == civitas.build_report(campaign, AS_OF)
    assert civitas.build_report(again, AS_OF).render("html") == civitas.build_report(campaign, AS_OF).render("html")


def test_a_pickled_store_answers_the_same() -> None:
    store = lanzhou().observations
    again = pickle.loads(pickle.dumps(store))
    assert again == store and len(again.units) == len(store.units)
    unit, indicator = store.units[0], store.indicators[0]
    for ours, theirs in zip(again.series(unit, indicator), store.series(unit, indicator)):
        np.testing.assert_array_equal(ours, theirs)
    assert again.latest_matrix(AS_OF) == store.latest_matrix(AS_OF)
    # Compact: the columns' bytes, not a Python object per row.
    assert len(pickle.dumps(store)) < 40 * len(store.to_frame())


def bad_state(cls: type, state: Any) -> Exception:
    blank = cls.__new__(cls)
    with pytest.raises(civitas.Error) as caught:
        blank.__setstate__(state)
    return caught.value


def test_a_bad_state_is_a_clear_error() -> None:
    error = bad_state(civitas.ObservationStore, b"not a store")
    assert isinstance(error, civitas.ParseError)
    assert "not a civitas observation store" in str(error) and "不是 civitas 观测数据存储" in error.message_zh
    good = pickle.dumps(lanzhou().observations)
    state = lanzhou().observations.__getstate__()
    error = bad_state(civitas.ObservationStore, state[: len(state) // 2])
    assert "cut short" in str(error) and "数据不完整" in error.message_zh and good
    error = bad_state(civitas.Trend, (1, 2))
    assert isinstance(error, civitas.ValidationError) and error.path == "__setstate__"
    assert "expected a tuple of" in str(error) and "应为含" in error.message_zh


def raised(call: Any) -> civitas.Error:
    with pytest.raises(civitas.Error) as caught:
        call()
    return caught.value


def test_errors_pickle_with_their_path_reason_and_chinese_reason(tmp_path: Path) -> None:
    errors = [
        raised(lambda: civitas.proportion_interval(2.0, 10)),
        raised(lambda: civitas.parse_framework('{"format": "civitas-framework/1", "id": 3}', "fw.json")),
        raised(lambda: civitas.parse_framework("[" * 100, "deep.json", limits=civitas.Limits(depth=8))),
        raised(lambda: civitas.load_bundled_framework("no-such-framework")),
        raised(lambda: civitas.save_framework(civitas.load_bundled_framework("garden-city-2010"), tmp_path / "none" / "x.json")),
    ]
    kinds = {type(e).__name__ for e in errors}
    assert {"ValidationError", "ParseError", "LimitError", "NotFoundError", "IoError"} <= kinds
    for error in errors:
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            again = pickle.loads(pickle.dumps(error, protocol=protocol))
            assert type(again) is type(error) and str(again) == str(error) and again.args == error.args
            assert again.message_zh == error.message_zh and error.message_zh
            for attribute in ("path", "file", "location"):
                assert getattr(again, attribute, None) == getattr(error, attribute, None)
        assert vars(copy.deepcopy(error)) == vars(error)


def readiness_of(campaign: civitas.Campaign) -> civitas.Readiness:
    return civitas.readiness(campaign, AS_OF)


def test_readiness_in_worker_processes_is_the_same() -> None:
    campaign = lanzhou()
    with ProcessPoolExecutor(max_workers=2) as pool:
        remote = list(pool.map(readiness_of, [campaign, campaign], timeout=120))
    assert remote == [readiness_of(campaign)] * 2
