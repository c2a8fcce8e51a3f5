"""The bundled five-city example's plan (examples/lanzhou/plan.json and its sub-plan file): it
loads, matches the plan schema, schedules on the cn-2025 calendar, gives an interesting status on
2025-12-31, and carries the source document's figures (DOMAIN.md, seed/000_93ae52ba2cd86a57.txt).
Hand-counted values are worked out in comments on the cn-2025 calendar."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import civitas

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "lanzhou"
PLAN_FILE = EXAMPLE / "plan.json"
CHENGGUAN_FILE = EXAMPLE / "plans" / "chengguan.json"
SCHEMA_FILE = REPO / "data" / "schema" / "plan.schema.json"
D = datetime.date
AS_OF = D(2025, 12, 31)

TITLES = {
    "civilized_city": "全国文明城市",
    "sanitary_city": "国家卫生城市",
    "garden_city": "国家园林城市",
    "environmental_model_city": "国家环保模范城市",
    "historic_city": "国家历史文化名城",
}
DISTRICTS = {"chengguan": "城关区", "qilihe": "七里河区", "xigu": "西固区", "anning": "安宁区"}
COUNTY = {"yuzhong": "榆中县"}  # the county, a unit of kind "county" with its own sub-plan


def load_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def plan() -> civitas.Plan:
    return civitas.load_plan(PLAN_FILE)


@pytest.fixture(scope="module")
def cn2025() -> civitas.WorkCalendar:
    return civitas.load_calendar(REPO / "data" / "calendars" / "cn-2025.json")


@pytest.fixture(scope="module")
def status(plan: civitas.Plan, cn2025: civitas.WorkCalendar) -> civitas.PlanStatus:
    return civitas.status(plan, cn2025, AS_OF)


def task(plan: civitas.Plan, task_id: str) -> civitas.Task:
    return plan.tasks[plan.task_index(task_id)]


def titles_served(plan: civitas.Plan, task_id: str) -> set[str]:
    return set(plan.titles_of_task(plan.task_index(task_id)))


# ---- the files ----------------------------------------------------------------------------------


def schema_validator(definition: str) -> jsonschema.Draft202012Validator:
    schema = load_json(SCHEMA_FILE)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert definition in schema["$defs"]
    return jsonschema.Draft202012Validator({**schema, "anyOf": [{"$ref": f"#/$defs/{definition}"}]})


@pytest.mark.parametrize(("path", "definition"), [(PLAN_FILE, "plan"), (CHENGGUAN_FILE, "subplan_file")])
def test_files_match_the_schema(path: Path, definition: str) -> None:
    document = load_json(path)
    errors = [f"{e.json_path}: {e.message}" for e in schema_validator(definition).iter_errors(document)]
    assert errors == []
    # and the whole schema (root or sub-plan file) accepts it too
    assert list(jsonschema.Draft202012Validator(load_json(SCHEMA_FILE)).iter_errors(document)) == []


def test_the_root_is_not_a_subplan_file_and_back() -> None:
    # The root declares titles and phases, so it is no sub-plan file; the sub-plan file has a
    # default responsibility, so it is no root plan.
    assert list(schema_validator("subplan_file").iter_errors(load_json(PLAN_FILE)))
    assert list(schema_validator("plan").iter_errors(load_json(CHENGGUAN_FILE)))


def test_loads_with_its_subplans(plan: civitas.Plan) -> None:
    spec = plan.spec
    assert spec.id == "lanzhou-five-cities-2025"
    assert "示例" in spec.name
    assert spec.responsibility_fields == ["department", "unit", "leader"]
    assert {t.id: t.name for t in spec.titles} == TITLES
    assert [s.id for s in spec.subplans] == list(DISTRICTS) + list(COUNTY)
    assert [s.file for s in spec.subplans] == ["plans/chengguan.json", "", "", "", ""]
    assert {s.id: s.responsibility["unit"] for s in spec.subplans} == DISTRICTS | COUNTY
    assert all(s.responsibility["leader"] == f"{DISTRICTS[s.id]}区长" for s in spec.subplans if s.id in DISTRICTS)
    assert spec.subplans[-1].responsibility["leader"] == "榆中县县长"
    assert plan.subplan_paths == ["chengguan", "qilihe", "xigu", "anning", "yuzhong", "chengguan/school"]
    assert "示例" in load_json(CHENGGUAN_FILE)["name"]
    # counts the README states (with the national check's milestone and the rectification after
    # the provincial pre-check: 45 of the city's own, 65 in all, 12 milestones)
    assert len(plan.tasks) == 65
    assert sum(t.milestone for t in plan.tasks) == 12
    assert len(spec.tasks) == 45
    assert len(plan.problems) == 14
    assert len(spec.phases) == 13
    assert "65 tasks (12 milestones), 13 phases, 14 problems, 6 sub-plans" in str(plan)


def test_school_nested_in_the_chengguan_file(plan: civitas.Plan) -> None:
    school = plan.spec.subplans[0].subplans
    assert [s.id for s in school] == ["school"]
    assert school[0].file == ""  # in place, inside plans/chengguan.json
    ids = [t.id for t in plan.tasks if t.id.startswith("chengguan/school/")]
    assert ids == ["chengguan/school/" + x for x in
                   ("leadership_group", "written_plan", "class_publicity", "neglected_corners", "parent_outreach")]
    lead = task(plan, "chengguan/school/leadership_group")
    # the school's own defaults (its department, its unit, its leader) over the district's
    assert lead.responsibility == {"department": "城关区某小学", "unit": "城关区某小学", "leader": "校长"}
    assert "领导小组" in lead.name
    assert "方案" in task(plan, "chengguan/school/written_plan").name
    assert all(w in task(plan, "chengguan/school/class_publicity").name for w in ("主题班会", "国旗下讲话"))
    assert "死角" in task(plan, "chengguan/school/neglected_corners").name
    assert "家长" in task(plan, "chengguan/school/parent_outreach").name


def test_known_progress_is_as_of_the_status_date(plan: civitas.Plan) -> None:
    # Progress "as known on 2025-12-31": no actual date after it; a finished task is at 100%.
    for t in plan.tasks:
        for day in (t.actual_start, t.actual_finish):
            assert day is None or day <= AS_OF, t.id
        if t.actual_finish is not None:
            assert t.percent_complete == 100, t.id
            assert t.actual_start is not None, t.id
        if t.percent_complete > 0:
            assert t.actual_start is not None, t.id
    for p in plan.problems:
        assert p.closed is None or p.closed <= AS_OF, p.id


def test_indicators_exist_in_the_bundled_frameworks(plan: civitas.Plan) -> None:
    known: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for item in node.get("indicators", []) if isinstance(node.get("indicators"), list) else []:
                known.add(item["id"])
            for key, value in node.items():
                if key != "indicators":
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in (REPO / "data" / "frameworks").glob("*.json"):
        walk(load_json(path))
    used = {i for t in plan.tasks for i in t.indicators} | {i for p in plan.problems for i in p.indicators}
    assert len(used) >= 15
    assert used <= known, sorted(used - known)
    # the garden-city gap indicators of the seed are linked where the work is
    assert task(plan, "shaded_parking").indicators == ["shaded_parking_rate"]
    assert "household_heat_metering_ratio" in task(plan, "heat_metering").indicators
    assert {"built_up_green_coverage", "built_up_green_space_ratio"} <= set(task(plan, "green_space").indicators)


# ---- the source's figures -----------------------------------------------------------------------


def test_phases_follow_the_civilized_city_timeline(plan: civitas.Plan) -> None:
    phases = plan.spec.phases
    assert [(p.id, p.title) for p in phases[:5]] == [
        ("mobilize", ""), ("decompose", ""), ("implement", ""), ("self_check", ""), ("consolidate", "")]
    assert [p.name for p in phases[:5]] == [
        "制定方案，动员部署", "分解任务，落实责任", "全民参与，全面实施", "查漏补缺，自检迎检", "巩固提高，再上台阶"]
    # 对标创建 then 申报创评 for each title the seed gives stages
    staged = [(p.title, p.name[-4:]) for p in phases[5:]]
    for title in ("sanitary_city", "garden_city", "environmental_model_city", "historic_city"):
        assert staged.count((title, "对标创建")) == 1
        assert staged.count((title, "申报创评")) == 1
    # the phases' tasks fall in the seed's months
    def span(phase: str) -> tuple[D, D]:
        mine = [t for t in plan.tasks if t.phase == phase]
        return min(t.start for t in mine), max(t.due for t in mine)

    assert span("mobilize")[0] >= D(2025, 7, 1) and span("mobilize")[1] <= D(2025, 9, 30)
    assert span("decompose")[0] >= D(2025, 9, 1) and span("decompose")[1] <= D(2025, 10, 31)
    assert span("self_check")[0] >= D(2026, 1, 1) and span("self_check")[1] <= D(2026, 12, 31)
    assert span("consolidate")[0] >= D(2027, 1, 1)


def test_civilized_city_milestones(plan: civitas.Plan) -> None:
    filed = task(plan, "district_plans_filed")
    assert filed.milestone and filed.due == D(2025, 9, 30)
    assert {d.task for d in filed.depends_on} == {f"{d}/file_plan" for d in DISTRICTS}
    letters = task(plan, "responsibility_letters")
    assert letters.milestone and "目标责任书" in letters.name
    start, end = task(plan, "provincial_check_start"), task(plan, "provincial_check_end")
    assert start.milestone and end.milestone
    assert (start.due, end.due) == (D(2026, 5, 10), D(2026, 6, 15))
    national = task(plan, "national_assessment")
    assert national.milestone and D(2026, 7, 1) <= national.due <= D(2026, 9, 30) and "第三季度" in national.name
    assert [d.task for d in national.depends_on] == ["national_check_start"]
    assert task(plan, "self_report").milestone and "自评报告" in task(plan, "self_report").name
    assert "document_review" in task(plan, "materials").indicators
    assert titles_served(plan, "volunteers") == {"civilized_city"}
    assert titles_served(plan, "public_ads") == {"civilized_city"}


def test_the_campaigns_checks_are_milestones_on_the_plan(plan: civitas.Plan, cn2025: civitas.WorkCalendar) -> None:
    # campaign.json's checks: "provincial-2026" opens 2026-05-10 (the seed's date), "national-2026"
    # 2026-08-01 (the seed says "third quarter"; the day is ours). Each has its milestone, on the
    # check's first day; the self-check report comes before the pre-check, the rectification after it.
    checks = {t.check: t for t in plan.tasks if t.check}
    assert {check: t.id for check, t in checks.items()} == {"provincial-2026": "provincial_check_start",
                                                             "national-2026": "national_check_start"}
    assert all(t.milestone for t in checks.values())
    assert checks["provincial-2026"].due == D(2026, 5, 10) and checks["national-2026"].due == D(2026, 8, 1)
    assert [d.task for d in checks["provincial-2026"].depends_on] == ["self_report"]
    rectification = task(plan, "precheck_rectification")
    assert "示例" in rectification.name and not rectification.milestone
    assert [d.task for d in rectification.depends_on] == ["provincial_check_end"]
    assert [d.task for d in checks["national-2026"].depends_on] == ["precheck_rectification"]
    # Rectification runs Tue 06-16 (the day after the pre-check's results) to Fri 07-24; the
    # national check opens on Saturday 08-01, placed on Monday 08-03 (a milestone on a day off
    # goes to the next working day). Rectification may finish up to Fri 07-31 (5 working days
    # late: 07-27 .. 07-31) before the national check's milestone moves.
    s = civitas.schedule(plan, cn2025)
    assert s.task("precheck_rectification").earliest_start == D(2026, 6, 16)
    assert s.task("precheck_rectification").earliest_finish == D(2026, 7, 24)
    assert s.task("national_check_start").earliest_start == D(2026, 8, 3)
    assert s.task("national_check_start").slack == 0
    # That room is its float, total and free: before float was measured against the milestone
    # (when the due date capped the latest finish) it showed 0.
    assert (s.task("precheck_rectification").slack, s.task("precheck_rectification").free_slack) == (5, 5)
    assert not s.task("precheck_rectification").critical
    late5 = {c.id for c in civitas.what_if_delayed(plan, cn2025, "precheck_rectification", 5).tasks}
    assert late5 == {"precheck_rectification"}
    # Two weeks late (10 working days: finished Fri 08-07), the milestone moves to Mon 08-10,
    # 5 working days (08-04 .. 08-07, 08-10); the ranking on 09-30 still has room.
    moved = {c.id: c for c in civitas.what_if_delayed(plan, cn2025, "precheck_rectification", 10).tasks}
    assert moved["precheck_rectification"].delayed_finish == D(2026, 8, 7)
    assert moved["national_check_start"].milestone
    assert (moved["national_check_start"].earliest_finish, moved["national_check_start"].delayed_finish) == (D(2026, 8, 3), D(2026, 8, 10))
    assert moved["national_check_start"].working_days == 5
    assert "national_assessment" not in moved


def test_theme_gardens_by_district(plan: civitas.Plan) -> None:
    # 11 theme gardens of >= 5,000 m² by the end of April: 城关区 5, 七里河区 2, 西固区 2, 安宁区 2
    counts = {}
    for district, unit in DISTRICTS.items():
        t = task(plan, f"{district}/theme_gardens")
        assert "5000平方米以上主题游园" in t.name
        counts[district] = int(re.search(r"主题游园(\d+)处", t.name).group(1))
        assert t.due == D(2026, 4, 30)
        assert t.responsibility["unit"] == unit
        assert titles_served(plan, t.id) == {"garden_city"}
        assert "theme_gardens_new" in t.indicators
    assert counts == {"chengguan": 5, "qilihe": 2, "xigu": 2, "anning": 2}
    assert sum(counts.values()) == 11
    # the garden application waits for all four
    assert {f"{d}/theme_gardens" for d in DISTRICTS} <= {d.task for d in task(plan, "garden_application").depends_on}


def test_garden_city_figures(plan: civitas.Plan) -> None:
    parking = task(plan, "shaded_parking")
    assert "180处公共停车场" in parking.name
    assert parking.responsibility["department"] == "市城市管理综合执法局"
    assert parking.due == D(2026, 4, 30)
    heat = task(plan, "heat_metering")
    assert "35%以上" in heat.name and heat.due == D(2026, 7, 31)
    assert heat.responsibility["department"] == "市住房和城乡建设局"
    green = task(plan, "green_space").name
    assert all(x in green for x in ("1000公顷", "36%", "31%"))
    assert "70%" in task(plan, "park_master_plans").name
    reform = task(plan, "park_institution_reform").name
    assert all(x in reform for x in ("徐家山", "五一山", "仁寿山", "元岇山", "狗洼山", "5个"))


def test_sanitary_city_nine_projects(plan: civitas.Plan) -> None:
    numerals = "一二三四五六七八九"
    projects = {}
    for t in plan.tasks:
        m = re.match(r"工程([一二三四五六七八九]) ", t.name)
        if m:
            projects[m.group(1)] = t
    assert sorted(projects, key=numerals.index) == list(numerals)
    for t in projects.values():
        assert t.phase == "sanitary_benchmark"
        assert "sanitary_city" in titles_served(plan, t.id)
    assert "五小行业" in projects["七"].name and "量化分级" in projects["六"].name
    # back-street renovation is shared with the civilized city
    assert titles_served(plan, "back_alleys") == {"civilized_city", "sanitary_city"}
    application = task(plan, "sanitary_application")
    assert application.milestone and application.phase == "sanitary_apply"
    assert {d.task for d in application.depends_on} == {t.id for t in projects.values()}


def test_environmental_and_historic_figures(plan: civitas.Plan) -> None:
    assert "3923蒸吨" in task(plan, "coal_boilers").name
    factories = task(plan, "factory_relocation").name
    assert all(x in factories for x in ("100家", "11家", "53项"))
    sewage = task(plan, "sewage_plants").name
    assert "4座" in sewage and all(x in sewage for x in ("夏官营", "窑街", "海石湾", "皋兰"))
    assert "85%" in task(plan, "env_education").name
    # the 5th condition: two historic districts, 7 heritage buildings
    assert "金天观" in task(plan, "qilihe/jintianguan_phase1").name
    assert "河口村" in task(plan, "xigu/hekou_phase1").name
    repairs = task(plan, "heritage_repairs").name
    sites = ("五泉山", "白塔山", "甘肃贡院", "甘肃举院", "府城隍庙", "广福寺", "兴源寺")
    assert repairs.startswith("7处") and all(s in repairs for s in sites)
    assert titles_served(plan, "heritage_repairs") == {"historic_city"}
    # the waste plants serve three titles at once
    assert titles_served(plan, "jingou_waste_plant") == {"garden_city", "sanitary_city", "environmental_model_city"}


def test_dependency_kinds(plan: civitas.Plan) -> None:
    deps = [d for t in plan.tasks for d in t.depends_on]
    fs = [d for d in deps if d.link == civitas.Link.finish_to_start]
    ss = [d for d in deps if d.link == civitas.Link.start_to_start]
    calendar = [d for d in deps if d.unit == civitas.LagUnit.calendar_days]
    assert len(fs) > 3 * len(ss) and len(ss) >= 3
    assert all(d.lag > 0 for d in ss)
    assert len(calendar) == 1
    assert calendar[0].task == "summary_commendation" and calendar[0].lag == 3
    # weights on the big works
    assert all(task(plan, x).weight is not None and task(plan, x).weight >= 200
               for x in ("factory_relocation", "sewage_plants", "green_space", "coal_boilers", "heritage_repairs"))


# ---- schedule -----------------------------------------------------------------------------------


def test_schedules_on_cn2025(plan: civitas.Plan, cn2025: civitas.WorkCalendar) -> None:
    s = civitas.schedule(plan, cn2025)
    assert len(s.tasks) == 65
    assert s.critical_path
    assert all(t.critical for t in s.tasks if t.id in s.critical_path)
    # Planned dates and dependencies agree: nothing needs more time than planned, except that the
    # provincial check's opening milestone falls on a Sunday (2026-05-10, the seed's date): it
    # starts on the next working day and must finish by the last one before, so its slack may be -1.
    assert {t.id: t.slack for t in s.tasks if t.slack < 0 and t.id != "provincial_check_start"} == {}
    assert s.task("provincial_check_start").slack >= -1
    # the district plans wait for the city's split (ids looked up outwards from the sub-plans)
    for district in DISTRICTS:
        file_plan = task(plan, f"{district}/file_plan")
        assert [d.task for d in file_plan.depends_on] == ["split_tasks"]
    # the calendar-day lag: the new round starts after New Year, 3 calendar days after 2026-12-31
    assert s.task("summary_commendation").earliest_finish == D(2026, 12, 31)
    assert s.task("new_round_plan").earliest_start == D(2027, 1, 4)
    # volunteers start 8 working days after the "three themes" start on 2025-11-03
    assert s.task("volunteers").earliest_start == D(2025, 11, 13)


def test_outward_lookup_in_what_if(plan: civitas.Plan, cn2025: civitas.WorkCalendar) -> None:
    # Delaying the city's split moves every district's plan filing, then the city's milestone.
    moved = {c.id for c in civitas.what_if_delayed(plan, cn2025, "split_tasks", 10).tasks}
    assert {f"{d}/file_plan" for d in DISTRICTS} | {"district_plans_filed"} <= moved
    # Delaying 城关区's filing moves its school (whose "file_plan" is 城关区's), not the other districts.
    moved = {c.id for c in civitas.what_if_delayed(plan, cn2025, "chengguan/file_plan", 5).tasks}
    assert "chengguan/school/leadership_group" in moved
    assert not {"qilihe/file_plan", "xigu/file_plan", "anning/file_plan"} & moved


# ---- status on 2025-12-31 -----------------------------------------------------------------------


def test_status_has_overdue_tasks_and_problems(status: civitas.PlanStatus) -> None:
    overdue = status.overdue_frame()
    assert list(overdue.index) == ["coal_boilers", "public_building_heat_metering", "jingou_waste_plant",
                                   "xigu/hekou_phase1", "park_institution_reform"]
    assert list(overdue["days_late"]) == [43, 33, 23, 12, 8]
    assert (overdue["percent_complete"] < 100).all()
    assert status.overall.problems.overdue == 3
    assert status.overall.problems.found == 12  # the two from the 2026 pre-check are not found yet
    assert status.overall.problems.closed == 7
    states = status.problems_frame()["state"].value_counts().to_dict()
    assert states == {"closed": 5, "closed_late": 2, "overdue": 3, "open": 2}
    assert {t.id for t in status.tasks if t.state == civitas.TaskState.at_risk} == {"three_themes", "qilihe/jintianguan_phase1"}
    assert 0.8 < status.overall.spi < 1.0  # somewhat behind


def test_hand_counted_days_late(status: civitas.PlanStatus) -> None:
    # coal_boilers, due Fri 2025-10-31, 92% on 2025-12-31: working days in (10-31, 12-31]:
    # November 3-7, 10-14, 17-21, 24-28 = 20; December 1-5, 8-12, 15-19, 22-26, 29-31 = 23; 43.
    t = status.task("coal_boilers")
    assert (t.state, t.days_late, t.percent_complete) == (civitas.TaskState.overdue, 43, 92)
    # xigu/file_plan, due Fri 2025-09-26, finished 2025-10-14: Sun 09-28 (worked, 调休), 09-29, 09-30,
    # 10-01..10-08 off (国庆节、中秋节), 10-09, 10-10, Sat 10-11 (worked), 10-13, 10-14 = 8.
    t = status.task("xigu/file_plan")
    assert (t.state, t.days_late) == (civitas.TaskState.done, 8)
    # the city's milestone waited for it: due Tue 09-30, done 10-14: 10-09, 10-10, 10-11, 10-13, 10-14 = 5
    assert status.task("district_plans_filed").days_late == 5
    # 城关区's market stalls, deadline Wed 12-24, open: 12-25, 12-26, 12-29, 12-30, 12-31 = 5
    p = status.problem("chengguan/market_stalls")
    assert (p.state, p.days_late) == (civitas.ProblemState.overdue, 5)


def test_split_tasks_phase(status: civitas.PlanStatus) -> None:
    # 分解任务，落实责任: the city's split_tasks, district_plans_filed, implementation_plan and
    # responsibility_letters, the four districts' and the county's file_plan, the school's
    # leadership_group and written_plan: 11 tasks, all done; on time: split_tasks, chengguan,
    # qilihe, anning and yuzhong file_plan, leadership_group = 6 (the milestone,
    # implementation_plan, the letters, xigu and the school's written plan finished late).
    p = status.by_phase["decompose"]
    assert p.tasks == 11
    assert p.states == {civitas.TaskState.done: 11}
    assert (p.due, p.done_on_time) == (11, 6)


def test_rollups_cover_districts_and_titles(status: civitas.PlanStatus) -> None:
    assert set(DISTRICTS) <= set(status.by_subplan)
    assert "chengguan/school" in status.by_subplan
    units = status.by_responsibility["unit"]
    assert set(DISTRICTS.values()) <= set(units)
    assert set(TITLES) <= set(status.by_title)
    # 城关区's sub-plan counts its school's tasks too; by unit the school's tasks are its own
    assert status.by_subplan["chengguan"].tasks == 7
    assert (units["城关区"].tasks, units["城关区某小学"].tasks) == (2, 5)
    assert status.by_subplan["yuzhong"].tasks == units["榆中县"].tasks == 3
    # 西固区 lags: lowest SPI and on-time rate of the four districts
    frame = status.rollup_frame("subplan").loc[list(DISTRICTS)]
    assert frame["spi"].idxmin() == "xigu"
    assert frame["on_time_rate"].idxmin() == "xigu"
    by_unit = status.rollup_frame("unit").loc[list(DISTRICTS.values())]
    assert by_unit["spi"].idxmin() == "西固区"
    # every title has work due and a problem or more bearing on it, except the garden city's problems
    by_title = status.rollup_frame("title")
    assert (by_title.loc[list(TITLES), "due"] > 0).all()
    assert (by_title.loc[["civilized_city", "sanitary_city", "environmental_model_city", "historic_city"],
                         "problems_found"] > 0).all()


def test_saved_and_loaded_again(plan: civitas.Plan, tmp_path: Path) -> None:
    # The writer keeps 城关区 in its own file and the school in place inside it.
    civitas.save_plan(plan, tmp_path / "plan.json")
    assert (tmp_path / "plans" / "chengguan.json").is_file()
    again = civitas.load_plan(tmp_path / "plan.json")
    assert again == plan
    assert civitas.plan_to_json(again) == civitas.plan_to_json(plan)
