"""Assessment rounds and field inspections from Python: the civilized city's scheme, totals and the
negative list, the cycle standing and the points needed (worked by hand), field-inspection
records and their roll-up, the campaign's events, the pandas frames, and docs/assessment.md."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path

import pytest

import civitas

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "lanzhou" / "campaign.json"
D = dt.date


@pytest.fixture(scope="module")
def lanzhou() -> civitas.Campaign:
    return civitas.load_campaign(EXAMPLE)


def civilized_city_scheme() -> civitas.RoundScheme:
    """The bundled scheme of the civilized city (data/round-schemes/civilized-city-2018.json)."""
    return civitas.load_bundled_round_scheme("civilized-city-2018")


def annual(rid: str, year: int, document: float, field: float, questionnaire: float) -> civitas.AssessmentRound:
    return civitas.AssessmentRound(rid, "civilized", D(year, 11, 30),
                                   parts={"document_review": document, "field_inspection": field, "questionnaire": questionnaire})


# ---- the scheme and rounds -----------------------------------------------------------------


def test_the_civilized_city_scheme() -> None:
    s = civilized_city_scheme()
    assert [(p.id, p.full_points, p.mode) for p in s.parts] == [
        ("document_review", 40, civitas.AssessmentMode.document_review),
        ("field_inspection", 40, civitas.AssessmentMode.field_inspection),
        ("questionnaire", 20, civitas.AssessmentMode.questionnaire),
    ]
    assert s.full_points == 100
    assert s.year_weights == [0.15, 0.25, 0.60]
    assert [(c.id, c.below, c.flag, c.months) for c in s.consequences] == [
        ("public_criticism", 80, "", None), ("suspension", 70, "", 12), ("public_criticism", None, "falsified_materials", None)]
    assert civitas.bundled_round_scheme_ids() == ["civilized-city-2018"]
    assert civitas.bundled_round_scheme_path("civilized-city-2018").name == "civilized-city-2018.json"
    with pytest.raises(civitas.NotFoundError, match="civilized-city-2018"):
        civitas.load_bundled_round_scheme("garden")
    # The civilized city's framework names it as the default of the titles it judges.
    assert civitas.load_bundled_framework("civilized-city-annual-2018").spec.round_scheme == s


def test_totals_and_consequences() -> None:
    s = civilized_city_scheme()
    r = annual("y2025", 2025, 30.5, 32, 16)  # 78.5
    assert r.total_in(s) == 78.5
    assert [c.id for c in r.consequences(s)] == ["public_criticism"]
    assert [c.id for c in annual("b", 2025, 25, 28, 12).consequences(s)] == ["public_criticism", "suspension"]  # 65
    assert annual("c", 2025, 32, 32, 16).consequences(s) == []  # exactly 80: the line is strict
    flagged = annual("e", 2025, 34, 35, 16)
    flagged.flags = ["falsified_materials"]
    assert [c.flag for c in flagged.consequences(s)] == ["falsified_materials"]
    partial = civitas.AssessmentRound("p", "civilized", D(2025, 6, 1), parts={"document_review": 35})
    assert partial.total_in(s) is None
    assert partial.assessment_year == 2025


def test_bad_rounds_and_schemes_name_the_path() -> None:
    s = civilized_city_scheme()
    with pytest.raises(civitas.ValidationError, match=r"\$\.parts\.field_inspection: 41 points .*\[0, 40\]"):
        annual("x", 2025, 30, 41, 16).validate(s)
    with pytest.raises(civitas.ValidationError, match=r"\$\.year_weights: .*sum to 1"):
        civitas.RoundScheme([civitas.RoundPart("all", 10)], [0.5, 0.4])
    with pytest.raises(civitas.ValidationError, match=r"\$\.consequences\[0\]"):
        civitas.RoundScheme([civitas.RoundPart("all", 10)], consequences=[civitas.ConsequenceRule("warning")])


# ---- the cycle: 2024 scored 85, 2025 scored 78.5 ---------------------------------------------
# secured = 0.15 x 85 + 0.25 x 78.5 = 32.375; 2026 needs (80 - 32.375) / 0.6 = 79.375 for 80.


def test_cycle_standing_is_not_renormalised() -> None:
    s = civilized_city_scheme()
    standing = civitas.cycle_standing(s, [annual("y2024", 2024, 34, 35, 16), annual("y2025", 2025, 30.5, 32, 16)])
    assert standing.years == [2024, 2025, 2026]
    assert standing.scores == [85, 78.5, None]
    assert standing.secured == pytest.approx(32.375)
    assert standing.total is None
    assert standing.best_possible == pytest.approx(92.375)
    need = civitas.points_needed(standing, s, 80)
    assert need.years == [2026]
    assert need.needed == pytest.approx(79.375)
    assert need.reachable and not need.secured
    assert not civitas.points_needed(standing, s, 95).reachable  # 104.375 > 100
    complete = civitas.cycle_standing(s, [annual("y2024", 2024, 34, 35, 16), annual("y2025", 2025, 30.5, 32, 16),
                                          annual("y2026", 2026, 36, 36, 18)])
    assert complete.total == pytest.approx(86.375)  # 32.375 + 0.6 x 90
    assert math.isnan(civitas.points_needed(complete, s, 80).needed)


# ---- field inspections -----------------------------------------------------------------------


def inspection() -> civitas.FieldInspection:
    return civitas.FieldInspection(
        "fi", D(2025, 11, 20),
        sites=[civitas.InspectionSite("s1", "chengguan", "square"), civitas.InspectionSite("s2", "chengguan", "hospital"),
               civitas.InspectionSite("s3", "qilihe", "park")],
        problems=[civitas.InspectionProblem("s1", "street_cleanliness_problems", count=2, deduction=0.5),
                  civitas.InspectionProblem("s3", "green_space_encroachments", deduction=0.25)],
        mandatory=["hospital", "market"], source="暗访（测试）")


def test_field_rollup_and_coverage() -> None:
    f = inspection()
    assert f.missing_site_types() == ["market"]
    rows = [(r.unit, r.indicator, r.sites, r.problems, r.deduction) for r in f.rollup({"chengguan": "city", "qilihe": "city"})]
    assert rows == [
        ("chengguan", "street_cleanliness_problems", 2, 2, 0.5), ("chengguan", "green_space_encroachments", 2, 0, 0.0),
        ("city", "street_cleanliness_problems", 3, 2, 0.5), ("city", "green_space_encroachments", 3, 1, 0.25),
        ("qilihe", "street_cleanliness_problems", 1, 0, 0.0), ("qilihe", "green_space_encroachments", 1, 1, 0.25),
    ]
    first = f.observations()[0]
    assert (first.unit, first.value, first.date, first.mode, first.sample_size, first.source) == (
        "chengguan", 2.0, D(2025, 11, 20), civitas.AssessmentMode.field_inspection, 2, "暗访（测试）")


def test_bad_inspections_name_the_path(tmp_path: Path) -> None:
    with pytest.raises(civitas.ValidationError, match=r"\$\.problems\[0\]\.site: unknown site 's9'"):
        civitas.FieldInspection("fi", D(2025, 11, 20), sites=[civitas.InspectionSite("s1", "x", "park")],
                                problems=[civitas.InspectionProblem("s9", "i")])
    text = civitas.field_inspection_to_json(inspection()).replace('"count": 2', '"count": 0')
    (tmp_path / "fi.json").write_text(text, encoding="utf-8")
    with pytest.raises(civitas.ParseError) as error:
        civitas.load_field_inspection(str(tmp_path / "fi.json"))
    assert error.value.location == "$.problems[0].count"
    assert error.value.file.endswith("fi.json")
    assert civitas.parse_field_inspection(civitas.field_inspection_to_json(inspection())) == inspection()


# ---- the scheme a framework names, and a title's own ----------------------------------------------


def test_a_framework_spec_holds_the_scheme_it_names() -> None:
    spec = civitas.load_bundled_framework("civilized-city-annual-2018").spec
    assert spec.round_scheme == civilized_city_scheme()
    # The spec's repr evaluates back: the bundled scheme by its id, any other as its constructor.
    assert "round_scheme=load_bundled_round_scheme('civilized-city-2018')" in repr(spec)
    spec.round_scheme = None
    assert civitas.Framework(spec).spec.round_scheme is None
    mock = civitas.RoundScheme([civitas.RoundPart("all", 10)], [0.5, 0.5], [civitas.ConsequenceRule("warning", below=6)], name="模拟测评")
    other = civitas.FrameworkSpec("x", name="x", root=spec.root, round_scheme=mock)
    assert other.round_scheme == mock
    namespace = {name: getattr(civitas, name) for name in civitas.__all__}
    assert eval(repr(other), namespace) == other  # noqa: S307 - the repr is meant to be eval-able


def test_a_titles_own_scheme_wins_over_its_frameworks() -> None:
    own = {"parts": [{"id": "all", "full_points": 10.0}]}
    document = {"format": "civitas-campaign/1", "id": "c", "titles": [
        {"id": "civilized", "framework": "civilized-city-annual-2018"},
        {"id": "own", "framework": "civilized-city-annual-2018", "scheme": own}]}
    campaign = civitas.parse_campaign(json.dumps(document))
    assert campaign.round_scheme("civilized") == civilized_city_scheme()
    assert campaign.round_scheme("own") == civitas.RoundScheme([civitas.RoundPart("all", 10)])
    # Written back, the framework's default stays implied and the title's own stays in place.
    written = json.loads(civitas.campaign_to_json(campaign))
    assert "scheme" not in written["titles"][0]
    assert written["titles"][1]["scheme"] == own


# ---- in the Lanzhou campaign -------------------------------------------------------------------


def test_lanzhou_rounds_and_cycle(lanzhou: civitas.Campaign) -> None:
    scheme = lanzhou.round_scheme("civilized_city")
    assert scheme == civilized_city_scheme()
    assert not lanzhou.has_round_scheme("garden_city")
    totals = [(r.id, r.total_in(scheme), [c.name for c in r.consequences(scheme)]) for r in lanzhou.rounds("civilized_city")]
    assert totals == [("cc-2024", 81.5, []), ("cc-2025", 78.5, ["通报批评"])]
    standing = lanzhou.cycle_standing("civilized_city")
    assert standing.secured == pytest.approx(31.85)  # 0.15 x 81.5 + 0.25 x 78.5
    assert civitas.points_needed(standing, scheme, 80).needed == pytest.approx(80.25)  # (80 - 31.85) / 0.6


def test_lanzhou_events(lanzhou: civitas.Campaign) -> None:
    events = lanzhou.events()
    assert [e.date for e in events] == sorted(e.date for e in events)
    assert len(events) == 5 * 3 + 2 + 2 + 1  # title dates, checks, rounds, the inspection
    nxt = lanzhou.events(D(2026, 5, 1))
    assert (nxt[0].id, nxt[0].kind, nxt[0].assessment, nxt[0].end) == (
        "provincial-2026", civitas.EventKind.check, civitas.AssessmentKind.provincial_precheck, D(2026, 6, 15))
    assert isinstance(nxt[0].date, dt.date)


def test_lanzhou_inspection_feeds_the_observations(lanzhou: civitas.Campaign) -> None:
    fi = lanzhou.inspection("lz-2026-mock-fi")
    assert len(fi.sites) == 12
    assert fi.missing_site_types() == ["taxi"]
    latest = lanzhou.observations.latest("xigu", "street_cleanliness_problems", D(2026, 7, 31))
    assert (latest.value, latest.date, latest.mode, latest.sample_size) == (1.0, D(2026, 7, 15),
                                                                             civitas.AssessmentMode.field_inspection, 3)
    city = lanzhou.observations.latest("lanzhou", "street_cleanliness_problems", D(2026, 7, 31))
    assert city.value == 3.0  # 1 + 1 + 1 + 0 in the districts
    # The civilized city's framework has no problem_count indicator to feed.
    civilized = lanzhou.framework("civilized_city")
    assert not [i for i in civilized.indicators if i.direction == civitas.Direction.problem_count]


def test_frames(lanzhou: civitas.Campaign) -> None:
    pytest.importorskip("pandas")
    rounds = lanzhou.rounds_frame()
    assert list(rounds.id) == ["cc-2024", "cc-2025"]
    assert list(rounds.total) == [81.5, 78.5]
    assert list(rounds.field_inspection) == [31.0, 31.5]
    assert list(rounds.consequences) == ["", "通报批评"]
    assert rounds.date.iloc[1] == D(2025, 12, 20)
    events = lanzhou.events_frame(D(2026, 5, 1))
    assert events.iloc[0]["name"] == "省级第三方测评预检"
    assert events.iloc[0]["assessment"] == "provincial_precheck"
    assert events.iloc[0]["end"] == D(2026, 6, 15)
    problems = lanzhou.field_frame()
    assert len(problems) == 15
    table = problems.pivot(index="unit", columns="indicator", values="problems")
    assert table.loc["lanzhou", "street_cleanliness_problems"] == 3
    assert table.loc["xigu", "construction_dust_problems"] == 1
    assert table.loc["lanzhou", "green_space_encroachments"] == 1
    assert problems.deduction[(problems.unit == "lanzhou") & (problems.indicator == "street_cleanliness_problems")].iloc[0] == \
        pytest.approx(0.3)
    with pytest.raises(civitas.NotFoundError):
        lanzhou.field_frame("nope")


# ---- docs/assessment.md runs ---------------------------------------------------------------------


def test_assessment_guide_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pandas")
    document = REPO / "docs" / "assessment.md"
    blocks = re.findall(r"```python\n(.*?)```", document.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) >= 5
    monkeypatch.chdir(REPO)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for number, block in enumerate(blocks, 1):
        exec(compile(block, f"docs/assessment.md block {number}", "exec"), namespace)
    out = capsys.readouterr().out
    assert "cc-2025 78.5 ['通报批评']" in out
    assert "[2026] 80.25 True" in out
    assert "['taxi']" in out
