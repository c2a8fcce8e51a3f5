"""Campaigns from Python: the bundled Lanzhou example, campaigns built in code, files and errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import civitas

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "lanzhou" / "campaign.json"
D = dt.date


@pytest.fixture(scope="module")
def lanzhou() -> civitas.Campaign:
    return civitas.load_campaign(EXAMPLE)


def test_the_example_campaign_loads_what_it_names(lanzhou: civitas.Campaign) -> None:
    assert [t.id for t in lanzhou.titles] == ["civilized_city", "sanitary_city", "garden_city", "environmental_model_city",
                                              "historic_city"]
    assert set(lanzhou.frameworks) == {"civilized_city", "sanitary_city", "garden_city", "environmental_model_city",
                                       "historic_city"}
    assert lanzhou.framework("garden_city").id == "lanzhou-illustrative"
    assert lanzhou.framework("sanitary_city").id == "sanitary-city-2021"
    assert lanzhou.framework("environmental_model_city").id == "lanzhou-environmental-illustrative"
    assert lanzhou.calendar == civitas.load_bundled_calendar("cn")
    assert lanzhou.plan is not None
    assert len(lanzhou.plan.tasks) == 65  # with the checks' milestones, the pre-check rectification and the county's 3
    assert [t.id for t in lanzhou.plan.spec.titles] == [t.id for t in lanzhou.titles]
    assert lanzhou.children() == ["lanzhou"]
    assert lanzhou.children("lanzhou") == ["chengguan", "qilihe", "xigu", "anning", "yuzhong"]
    assert lanzhou.children("chengguan") == ["chengguan_school"]
    assert [u.kind for u in lanzhou.spec.units] == ["city", "district", "district", "district", "district", "county", "school"]
    # The seed's split of the 11 theme gardens: 城关区 5, 七里河区 2, 西固区 2, 安宁区 2.
    assert [t.value for t in lanzhou.targets_for("garden_city", "theme_gardens_new", "chengguan")] == [5]
    districts = [u.id for u in lanzhou.spec.units if u.kind == "district"]
    shares = sum(lanzhou.targets_for("garden_city", "theme_gardens_new", u)[0].value for u in districts)
    assert shares == lanzhou.targets_for("garden_city", "theme_gardens_new", "lanzhou")[0].value == 11
    # A target for every unit applies where a unit has none of its own.
    assert lanzhou.targets_for("garden_city", "sewage_treatment_rate", "xigu")[0].value == 85
    assert "5 titles, 7 units, 11 targets, plan of 65 tasks" in repr(lanzhou)


def test_frames(lanzhou: civitas.Campaign) -> None:
    pytest.importorskip("pandas")
    units = lanzhou.units_frame()
    assert units.loc["xigu", "name"] == "西固区"
    assert units.loc["xigu", "parent"] == "lanzhou"
    targets = lanzhou.targets_frame()
    heat = targets[targets.indicator == "household_heat_metering_ratio"].iloc[0]
    assert (heat.value, heat.deadline, heat.department) == (35.0, D(2026, 7, 31), "construction")
    # No deadline of its own: the title's inspection date.
    sewage = targets[targets.indicator == "sewage_treatment_rate"].iloc[0]
    assert sewage.deadline == D(2026, 10, 30)


def test_round_trip_and_save(lanzhou: civitas.Campaign, tmp_path: Path) -> None:
    text = civitas.campaign_to_json(lanzhou)
    assert json.loads(text)["plan"] == "plan.json"
    assert civitas.parse_campaign(text, str(EXAMPLE)) == lanzhou
    civitas.save_campaign(lanzhou, tmp_path / "campaign.json")
    assert (tmp_path / "plan.json").exists()
    assert (tmp_path / "plans" / "chengguan.json").exists()  # the plan's sub-plan file
    # Observation files and the store are the user's data: named, not written.
    assert not (tmp_path / "observations.csv").exists()
    assert not (tmp_path / "lanzhou.db").exists()
    (tmp_path / "observations.csv").write_bytes((EXAMPLE.parent / "observations.csv").read_bytes())
    (tmp_path / "lanzhou.db").write_bytes((EXAMPLE.parent / "lanzhou.db").read_bytes())
    again = civitas.load_campaign(tmp_path / "campaign.json")
    assert again == lanzhou
    assert (tmp_path / "inspections.json").exists()  # the field inspection kept in its own file
    # 5,218 rows of observations.csv, 15 of the field inspection's roll-up (5 units x 3 indicators)
    # and the store's 13 (September's values sent again through the forms: 13 rows of 14, one withdrawn;
    # the county's waste treatment among them, a target for every unit).
    assert len(again.observations) == len(lanzhou.observations) == 5218 + 15 + 13


def test_round_trip_with_rounds_checks_and_inspections() -> None:
    lanzhou = civitas.load_campaign(EXAMPLE)  # its own: the spec is changed below
    spec = lanzhou.spec
    assert [r.id for r in spec.rounds] == ["cc-2024", "cc-2025"]
    assert [c.kind for c in spec.checks] == [civitas.AssessmentKind.provincial_precheck, civitas.AssessmentKind.national_check]
    assert spec.inspections[0].file == "inspections.json"
    document = json.loads(civitas.campaign_to_json(lanzhou))
    assert document["inspections"] == [{"file": "inspections.json"}]
    assert "scheme" not in document["titles"][0]  # the bundled default stays implied
    # Written in place instead of in its file, the inspection reads back the same.
    spec.inspections = [civitas.FieldInspection(**{**_inspection_fields(spec.inspections[0]), "file": ""})]
    in_place = civitas.Campaign(spec, lanzhou.frameworks, lanzhou.calendar, lanzhou.plan, lanzhou.observations)
    text = civitas.campaign_to_json(in_place)
    assert json.loads(text)["inspections"][0]["id"] == "lz-2026-mock-fi"
    assert civitas.parse_campaign(text, str(EXAMPLE)) == in_place


def test_checks_are_milestones_the_campaign_checks(lanzhou: civitas.Campaign, tmp_path: Path) -> None:
    plan = lanzhou.plan
    assert plan is not None
    by_check = {t.check: t.id for t in plan.tasks if t.check}
    assert by_check == {"provincial-2026": "provincial_check_start", "national-2026": "national_check_start"}
    # The events list each check once (the milestones stand for them, they are not events of their own).
    events = lanzhou.events()
    assert [e.id for e in events if e.kind == civitas.EventKind.check] == ["provincial-2026", "national-2026"]
    # A milestone one day off its check is refused with its path in the plan and both dates.
    spec = plan.spec
    tasks = spec.tasks  # a copy: changed, then set back
    k = [t.id for t in tasks].index("provincial_check_start")
    tasks[k].start = tasks[k].due = D(2026, 5, 11)
    spec.tasks = tasks
    with pytest.raises(civitas.ValidationError, match="2026-05-11.*2026-05-10") as info:
        civitas.Campaign(lanzhou.spec, lanzhou.frameworks, lanzhou.calendar, civitas.Plan(spec))
    assert info.value.path == f"$.plan.tasks[{k}].due"
    # Loaded from the files, an unknown check is reported in the plan file, at the milestone.
    civitas.save_campaign(lanzhou, tmp_path / "campaign.json")
    (tmp_path / "observations.csv").write_bytes((EXAMPLE.parent / "observations.csv").read_bytes())
    written = (tmp_path / "plan.json").read_text(encoding="utf-8")
    assert '"check": "national-2026"' in written
    (tmp_path / "plan.json").write_text(written.replace('"check": "national-2026"', '"check": "national-2027"'), encoding="utf-8")
    with pytest.raises(civitas.ParseError, match="unknown check 'national-2027'.*provincial-2026, national-2026") as error:
        civitas.load_campaign(tmp_path / "campaign.json")
    assert Path(error.value.file).name == "plan.json"
    k = [t.id for t in plan.spec.tasks].index("national_check_start")
    assert error.value.location == f"$.tasks[{k}].check"


def _inspection_fields(f: civitas.FieldInspection) -> dict:
    return {"id": f.id, "date": f.date, "sites": f.sites, "problems": f.problems, "title": f.title, "round": f.round,
            "name": f.name, "source": f.source, "mandatory": f.mandatory, "indicators": f.indicators, "file": f.file}


def small_spec() -> civitas.CampaignSpec:
    return civitas.CampaignSpec(
        "demo", name="示例", titles=[civitas.CampaignTitle("garden", name="园林城市", framework="garden-city-2010",
                                                           dates=civitas.TitleDates(inspection=D(2026, 9, 30)))],
        units=[civitas.CampaignUnit("city", name="市"), civitas.CampaignUnit("d1", name="一区", parent="city",
                                                                           classes={"garden": "land-80-100"})],
        departments=[civitas.Department("gardens", name="园林局")],
        targets=[civitas.Target("garden", "built_up_green_coverage", 38, unit="city", department="gardens")],
        plan=civitas.PlanSpec("p", tasks=[civitas.Task("t", titles=["garden"], start=D(2026, 3, 2), due=D(2026, 3, 6))]))


def test_a_campaign_built_in_code() -> None:
    garden = civitas.load_bundled_framework("garden-city-2010")
    campaign = civitas.Campaign(small_spec(), {"garden": garden})
    assert campaign.unit_class("d1", "garden") == "land-80-100"
    assert campaign.unit_class("city", "garden") == ""
    assert campaign.plan is not None and campaign.plan.spec.titles == [civitas.Title("garden", "园林城市")]
    again = civitas.parse_campaign(civitas.campaign_to_json(campaign))
    assert again.spec == campaign.spec and again.plan == campaign.plan


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (lambda s: setattr(s, "units", [civitas.CampaignUnit("d1", parent="city"), civitas.CampaignUnit("city")]),
         r"\$\.units\[0\]\.parent", "listed after it"),
        (lambda s: setattr(s, "targets", [civitas.Target("garden", "no_such", 1)]), r"\$\.targets\[0\]\.indicator",
         "unknown indicator 'no_such'"),
        (lambda s: setattr(s, "targets", [civitas.Target("garden", "built_up_green_coverage", 120)]),
         r"\$\.targets\[0\]\.value", "outside the bounds"),
        (lambda s: setattr(s, "units", [civitas.CampaignUnit("city", classes={"garden": "tiny"})]),
         r"\$\.units\[0\]\.classes\.garden", "unit class 'tiny'"),
    ],
)
def test_invalid_campaigns_name_the_path(change: object, path: str, message: str) -> None:
    spec = small_spec()
    change(spec)  # type: ignore[operator]
    with pytest.raises(civitas.ValidationError, match=path + ".*" + message):
        civitas.Campaign(spec, {"garden": civitas.load_bundled_framework("garden-city-2010")})


def test_a_plan_whose_dependencies_form_a_cycle_is_refused(tmp_path: Path) -> None:
    spec = small_spec()
    spec.plan = civitas.PlanSpec("p", tasks=[civitas.Task("a", start=D(2026, 3, 2), due=D(2026, 3, 6), depends_on=["b"]),
                                             civitas.Task("b", start=D(2026, 3, 2), due=D(2026, 3, 6), depends_on=["a"])])
    garden = {"garden": civitas.load_bundled_framework("garden-city-2010")}
    with pytest.raises(civitas.ValidationError, match=r"\$\.plan\.tasks\[0\]\.depends_on\[0\]: the plan's dependencies form a cycle: "
                                                      r"a -> b -> a") as error:
        civitas.Campaign(spec, garden)
    assert "工作计划的任务依赖形成循环: a -> b -> a" in error.value.message_zh
    # From a file: the campaign file and the path; a plan file: that file.
    text = json.loads(civitas.campaign_to_json(civitas.Campaign(small_spec(), garden)))
    text["plan"]["tasks"].append({"id": "u", "start": "2026-03-02", "due": "2026-03-06", "depends_on": ["u2"]})
    text["plan"]["tasks"].append({"id": "u2", "start": "2026-03-02", "due": "2026-03-06", "depends_on": ["u"]})
    path = tmp_path / "c.json"
    path.write_text(json.dumps(text, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(civitas.ParseError, match="u -> u2 -> u") as parsed:
        civitas.load_campaign(path)
    assert (Path(parsed.value.file), parsed.value.location) == (path, "$.plan.tasks[1].depends_on[0]")
    plan = text.pop("plan")
    plan["format"] = "civitas-plan/1"
    (tmp_path / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    text["plan"] = "plan.json"
    path.write_text(json.dumps(text, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(civitas.ParseError, match="u -> u2 -> u") as in_file:
        civitas.load_campaign(path)
    assert (Path(in_file.value.file), in_file.value.location) == (tmp_path / "plan.json", "$.tasks[1].depends_on[0]")


def test_file_errors_name_the_file_and_path(tmp_path: Path) -> None:
    text = json.loads(civitas.campaign_to_json(civitas.Campaign(small_spec(), {"garden": civitas.load_bundled_framework("garden-city-2010")})))
    text["titles"][0]["framework"] = "garden-city-1999"
    path = tmp_path / "c.json"
    path.write_text(json.dumps(text, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(civitas.ParseError, match="garden-city-2010") as error:  # the message lists the ids there are
        civitas.load_campaign(path)
    assert error.value.location == "$.titles[0].framework"
    text["titles"][0]["framework"] = "garden-city-2010"
    text["plan"]["tasks"][0]["due"] = "2026-02-30"
    path.write_text(json.dumps(text, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(civitas.ParseError, match="February 2026 has 28 days") as error:
        civitas.load_campaign(path)
    assert error.value.location == "$.plan.tasks[0].due"


def test_save_campaign_writes_every_file_or_none(lanzhou: civitas.Campaign, tmp_path: Path) -> None:
    civitas.save_campaign(lanzhou, tmp_path / "campaign.json")
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert files == ["campaign.json", "inspections.json", "plan.json", "plans", "plans/chengguan.json"]
    before = {name: (tmp_path / name).read_bytes() for name in files if (tmp_path / name).is_file()}
    # The inspections' file is now a folder: nothing is replaced, no temporary is left.
    (tmp_path / "inspections.json").unlink()
    (tmp_path / "inspections.json").mkdir()
    spec = lanzhou.spec
    spec.name = "renamed"
    renamed = civitas.Campaign(spec, lanzhou.frameworks, lanzhou.calendar, lanzhou.plan)
    with pytest.raises(civitas.IoError, match="inspections.json: is a folder; expected a file"):
        civitas.save_campaign(renamed, tmp_path / "campaign.json")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == files
    assert all((tmp_path / name).read_bytes() == data for name, data in before.items() if name != "inspections.json")


def test_save_campaign_keeps_its_files_in_its_folder(lanzhou: civitas.Campaign, tmp_path: Path) -> None:
    target = tmp_path / "campaign"
    target.mkdir()
    spec = lanzhou.spec
    spec.plan_file = "../plan.json"
    outside = civitas.Campaign(spec, lanzhou.frameworks, lanzhou.calendar, lanzhou.plan)
    with pytest.raises(civitas.ValidationError) as error:
        civitas.save_campaign(outside, target / "campaign.json")
    assert error.value.path == "$.plan"
    assert '"../plan.json" leads out of the folder of' in str(error.value)
    assert "文件夹之外" in error.value.message_zh
    spec = lanzhou.spec
    inspections = spec.inspections
    inspections[0].file = str(tmp_path / "inspections.json")
    spec.inspections = inspections
    absolute = civitas.Campaign(spec, lanzhou.frameworks, lanzhou.calendar, lanzhou.plan)
    with pytest.raises(civitas.ValidationError) as error:
        civitas.save_campaign(absolute, target / "campaign.json")
    assert error.value.path == "$.inspections[0].file"
    assert list(tmp_path.rglob("*")) == [target]
    civitas.save_campaign(outside, target / "campaign.json", allow_outside=True)
    assert (tmp_path / "plan.json").is_file()
