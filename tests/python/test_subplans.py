"""Titles, sub-plans and inspection problems from Python, worked by hand on a Monday-Friday
calendar with no holidays. The status date is Thursday 13 March 2025.

city (fields department, unit, leader; titles civ, san; phases p1 for the campaign, p2 of san)
  split        p1  Mon 3 - Fri 7, done Fri 7                   文明办
  report       p2  Mon 17 - Fri 21, waits for chengguan/school/clean
  problem p-1  found 3, deadline 7, closed 6 (on time)        文明办, title civ
  chengguan    unit 城关区, leader 张区长 (a file of its own when saved)
    file_plan  p1  Mon 10 - Tue 11, waits for split (the root's), serves civ and san: overdue,
               (Tue 11, Thu 13] = 2 working days late
    problem pr found 5, deadline Mon 10, open: (Mon 10, Thu 13] = 3 working days late
    school     leader 李校长
      clean    p2  Mon 10 - Fri 14, waits for file_plan (chengguan's), 20% done: 4 of its 5
               working days gone (80% planned), due within 5 working days: at risk
      problem pr2  found 10, deadline Wed 12, closed Thu 13: 1 working day late
  anning       unit 安宁区
    file_plan  p1  Mon 10 - Wed 12, waits for split: overdue, 1 working day late
    problem pr3    found 20 March, after the date: not counted
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import civitas

D = dt.date
AS_OF = D(2025, 3, 13)


def city_spec() -> civitas.PlanSpec:
    school = civitas.PlanSpec(
        "school", name="五城联创进校园", responsibility={"leader": "李校长"},
        tasks=[civitas.Task("clean", phase="p2", start=D(2025, 3, 10), due=D(2025, 3, 14), depends_on=["file_plan"],
                            percent_complete=20)],
        problems=[civitas.Problem("pr2", found=D(2025, 3, 10), deadline=D(2025, 3, 12), closed=D(2025, 3, 13))])
    chengguan = civitas.PlanSpec(
        "chengguan", name="城关区创建方案", responsibility={"unit": "城关区", "leader": "张区长"},
        tasks=[civitas.Task("file_plan", name="报送区级方案", phase="p1", titles=["civ", "san"], start=D(2025, 3, 10),
                            due=D(2025, 3, 11), depends_on=["split"])],
        problems=[civitas.Problem("pr", description="背街小巷垃圾堆积", source="市级督查", found=D(2025, 3, 5),
                                  deadline=D(2025, 3, 10))],
        subplans=[school])
    anning = civitas.PlanSpec(
        "anning", responsibility={"unit": "安宁区"},
        tasks=[civitas.Task("file_plan", phase="p1", start=D(2025, 3, 10), due=D(2025, 3, 12), depends_on=["split"])],
        problems=[civitas.Problem("pr3", found=D(2025, 3, 20), deadline=D(2025, 3, 28))])
    return civitas.PlanSpec(
        "city", name="五城联创", responsibility_fields=["department", "unit", "leader"],
        titles=[civitas.Title("civ", "全国文明城市"), civitas.Title("san", "国家卫生城市")],
        phases=[civitas.Phase("p1", "分解任务"), civitas.Phase("p2", "卫生城市迎检", title="san")],
        tasks=[civitas.Task("split", phase="p1", start=D(2025, 3, 3), due=D(2025, 3, 7), actual_finish=D(2025, 3, 7),
                            responsibility={"department": "文明办"}),
               civitas.Task("report", phase="p2", start=D(2025, 3, 17), due=D(2025, 3, 21),
                            depends_on=["chengguan/school/clean"])],
        problems=[civitas.Problem("p-1", titles=["civ"], responsibility={"department": "文明办"}, found=D(2025, 3, 3),
                                  deadline=D(2025, 3, 7), closed=D(2025, 3, 6))],
        subplans=[chengguan, anning])


@pytest.fixture
def plan() -> civitas.Plan:
    return civitas.Plan(city_spec())


def test_subplans_flatten_with_qualified_ids_and_filled_responsibility(plan: civitas.Plan) -> None:
    ids = [t.id for t in plan.tasks]
    assert ids == ["split", "report", "chengguan/file_plan", "anning/file_plan", "chengguan/school/clean"]
    assert plan.subplan_paths == ["chengguan", "anning", "chengguan/school"]
    assert [plan.subplan_of_task(i) for i in range(len(ids))] == ["", "", "chengguan", "anning", "chengguan/school"]
    clean = plan.tasks[plan.task_index("chengguan/school/clean")]
    assert clean.responsibility == {"unit": "城关区", "leader": "李校长"}  # the school's leader wins over the district's
    assert [p.id for p in plan.problems] == ["p-1", "chengguan/pr", "anning/pr3", "chengguan/school/pr2"]
    # Titles: a task's own, else its phase's, else none.
    assert plan.titles_of_task(plan.task_index("chengguan/file_plan")) == ["civ", "san"]
    assert plan.titles_of_task(plan.task_index("report")) == ["san"]
    assert plan.titles_of_task(plan.task_index("split")) == []
    assert "5 tasks" in repr(plan) and "3 sub-plans" in repr(plan)


def test_dependencies_resolve_inside_out_and_schedule_across_subplans(plan: civitas.Plan) -> None:
    clean = plan.task_index("chengguan/school/clean")
    assert plan.tasks[clean].depends_on[0].task == "file_plan"  # as written
    timeline = civitas.schedule(plan, civitas.WorkCalendar())
    # clean waits for chengguan's file_plan (Tue 11): starts Wed 12, 5 working days to Tue 18.
    assert timeline.task("chengguan/school/clean").earliest_start == D(2025, 3, 12)
    assert timeline.task("chengguan/school/clean").earliest_finish == D(2025, 3, 18)
    # report waits for it: Wed 19, 5 working days to Tue 25, after its planned finish Fri 21;
    # it ends the plan, and a due date is no limit: float 0. With Fri 21 as its deadline: -2.
    assert timeline.task("report").earliest_finish == D(2025, 3, 25)
    assert timeline.task("report").slack == 0
    spec = city_spec()
    tasks = spec.tasks
    tasks[1].deadline = D(2025, 3, 21)
    spec.tasks = tasks
    assert civitas.schedule(civitas.Plan(spec), civitas.WorkCalendar()).task("report").slack == -2


def test_status_counts_problems_titles_and_subplans(plan: civitas.Plan) -> None:
    s = civitas.status(plan, civitas.WorkCalendar(), AS_OF)
    assert s.task("chengguan/file_plan").state == civitas.TaskState.overdue
    assert s.task("chengguan/file_plan").days_late == 2
    assert s.task("anning/file_plan").days_late == 1
    assert s.task("chengguan/school/clean").state == civitas.TaskState.at_risk
    assert s.problem("p-1").state == civitas.ProblemState.closed
    assert (s.problem("chengguan/pr").state, s.problem("chengguan/pr").days_late) == (civitas.ProblemState.overdue, 3)
    assert (s.problem("chengguan/school/pr2").state, s.problem("chengguan/school/pr2").days_late) == (
        civitas.ProblemState.closed_late, 1)
    with pytest.raises(civitas.NotFoundError, match="found after"):
        s.problem("anning/pr3")
    r = s.overall.problems
    assert (r.found, r.closed, r.closed_on_time, r.overdue) == (3, 2, 1, 1)
    assert r.closure_rate == pytest.approx(2 / 3)
    # Sub-plans roll up: chengguan counts its school's task and problem.
    assert {k: (p.tasks, p.problems.found) for k, p in s.by_subplan.items()} == {
        "": (2, 1), "chengguan": (2, 2), "chengguan/school": (1, 1), "anning": (1, 0)}
    # Titles: file_plan serves both; report and clean are in san's phase; split and anning's none.
    assert {k: (p.tasks, p.problems.found) for k, p in s.by_title.items()} == {
        "": (2, 2), "civ": (1, 1), "san": (3, 0)}
    units = s.by_responsibility["unit"]
    assert (units["城关区"].tasks, units["城关区"].problems.found, units["城关区"].problems.overdue) == (2, 2, 1)
    assert units["安宁区"].tasks == 1
    assert "3 problems" in repr(s)


def test_overdue_list_carries_who_answers(plan: civitas.Plan) -> None:
    pytest.importorskip("pandas")
    s = civitas.status(plan, civitas.WorkCalendar(), AS_OF)
    assert [(t.id, t.days_late) for t in s.overdue] == [("chengguan/file_plan", 2), ("anning/file_plan", 1)]
    frame = s.overdue_frame()
    assert list(frame.index) == ["chengguan/file_plan", "anning/file_plan"]
    assert frame.loc["chengguan/file_plan", "leader"] == "张区长"
    assert frame.loc["chengguan/file_plan", "name"] == "报送区级方案"
    assert frame.loc["anning/file_plan", "unit"] == "安宁区"
    assert frame.loc["anning/file_plan", "leader"] == ""
    assert frame["days_late"].tolist() == [2, 1]


def test_frames_of_problems_and_rollups(plan: civitas.Plan) -> None:
    pytest.importorskip("pandas")
    s = civitas.status(plan, civitas.WorkCalendar(), AS_OF)
    problems = s.problems_frame()
    assert problems.loc["chengguan/pr"].tolist() == ["overdue", 3]
    listed = plan.problems_frame()
    assert listed.loc["chengguan/pr", "unit"] == "城关区"
    assert listed.loc["chengguan/pr", "closed"] is None
    assert listed.loc["chengguan/school/pr2", "subplan"] == "chengguan/school"
    by_subplan = s.rollup_frame("subplan")
    assert by_subplan.loc["chengguan", "problems_overdue"] == 1
    assert by_subplan.loc["chengguan", "closure_rate"] == pytest.approx(0.5)
    by_title = s.rollup_frame("title")
    assert set(by_title.index) == {"", "civ", "san"}
    tasks = plan.tasks_frame()
    assert tasks.loc["chengguan/file_plan", "titles"] == "civ,san"
    assert tasks.loc["chengguan/school/clean", "subplan"] == "chengguan/school"
    with pytest.raises(civitas.NotFoundError, match="subplan"):
        s.rollup_frame("district")


def test_what_if_moves_phase_ends(plan: civitas.Plan) -> None:
    impact = civitas.what_if_delayed(plan, civitas.WorkCalendar(), "split", 1)
    # split ends Mon 10 instead of Fri 7; everything after it moves one working day.
    assert [c.id for c in impact.tasks] == ["split", "report", "chengguan/file_plan", "anning/file_plan",
                                            "chengguan/school/clean"]
    assert [(c.id, c.delayed_finish, c.working_days) for c in impact.phases] == [
        ("p1", D(2025, 3, 13), 1), ("p2", D(2025, 3, 26), 1)]


def test_save_plan_writes_subplan_files_and_loads_equal(plan: civitas.Plan, tmp_path: Path) -> None:
    spec = city_spec()
    chengguan = spec.subplans[0]
    chengguan.file = "districts/chengguan.json"
    spec.subplans = [chengguan, spec.subplans[1]]
    kept = civitas.Plan(spec)
    civitas.save_plan(kept, tmp_path / "city.json")
    main = json.loads((tmp_path / "city.json").read_text(encoding="utf-8"))
    assert main["subplans"][0] == {"file": "districts/chengguan.json"}
    assert main["subplans"][1]["id"] == "anning"
    district = json.loads((tmp_path / "districts" / "chengguan.json").read_text(encoding="utf-8"))
    assert district["format"] == civitas.plan_format
    assert district["responsibility"] == {"unit": "城关区", "leader": "张区长"}
    assert district["subplans"][0]["id"] == "school"  # nested inline in the district's file
    again = civitas.load_plan(tmp_path / "city.json")
    assert again == kept
    assert [t.id for t in again.tasks] == [t.id for t in plan.tasks]


def test_errors_in_a_subplan_file_name_that_file(tmp_path: Path) -> None:
    spec = city_spec()
    subplans = spec.subplans  # a copy: lists of PlanSpec convert
    subplans[0].file = "districts/chengguan.json"
    spec.subplans = subplans
    civitas.save_plan(civitas.Plan(spec), tmp_path / "city.json")
    district = tmp_path / "districts" / "chengguan.json"
    text = json.loads(district.read_text(encoding="utf-8"))
    text["tasks"][0]["depends_on"] = ["nowhere"]
    district.write_text(json.dumps(text, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(civitas.ParseError) as error:
        civitas.load_plan(tmp_path / "city.json")
    assert Path(error.value.file) == district
    assert error.value.location == "$.tasks[0].depends_on[0]"
    assert "nowhere" in str(error.value)


def with_anning(change: object) -> civitas.PlanSpec:
    """The city plan with its sub-plan anning changed by `change(anning)`."""
    spec = city_spec()
    subplans = spec.subplans  # a copy: lists of PlanSpec convert
    change(subplans[1])  # type: ignore[operator]
    spec.subplans = subplans
    return spec


def test_invalid_subplans_name_the_path() -> None:
    with pytest.raises(civitas.ValidationError, match=r"\$\.subplans\[1\]\.phases"):
        civitas.Plan(with_anning(lambda a: setattr(a, "phases", [civitas.Phase("x")])))
    with pytest.raises(civitas.ValidationError, match="duplicate sub-plan id"):
        civitas.Plan(with_anning(lambda a: setattr(a, "id", "chengguan")))
    task = city_spec().subplans[1].tasks[0]
    task.titles = ["garden"]
    with pytest.raises(civitas.ValidationError, match=r"\$\.subplans\[1\]\.tasks\[0\]\.titles\[0\].*unknown title 'garden'"):
        civitas.Plan(with_anning(lambda a: setattr(a, "tasks", [task])))


def test_bundled_calendar_by_id() -> None:
    assert "cn-2025" in civitas.bundled_calendar_ids()
    calendar = civitas.load_bundled_calendar("cn-2025")
    assert calendar == civitas.load_calendar(civitas.bundled_calendar_path("cn-2025"))
    assert not calendar.is_working_day(D(2025, 1, 29))  # Spring Festival
    with pytest.raises(civitas.NotFoundError, match="cn-2025"):
        civitas.load_bundled_calendar("cn-1999")


# ---- saving: all files or none, and only inside the plan's folder ------------------------------

def tree(folder: Path) -> dict[str, bytes | str]:
    """Everything under `folder`: file bytes, "<folder>" or a link's target, by relative path."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = "-> " + str(path.readlink())
        elif path.is_dir():
            found[name] = "<folder>"
        else:
            found[name] = path.read_bytes()
    return found


def kept_in_files(district: str = "districts/chengguan.json", school: str = "") -> civitas.Plan:
    spec = city_spec()
    subplans = spec.subplans
    subplans[0].file = district
    if school:
        inner = subplans[0].subplans
        inner[0].file = school
        subplans[0].subplans = inner
    spec.subplans = subplans
    return civitas.Plan(spec)


def test_save_plan_writes_every_file_or_none(tmp_path: Path) -> None:
    main = tmp_path / "city.json"
    civitas.save_plan(kept_in_files(school="schools/school.json"), main)
    assert civitas.load_plan(main) == kept_in_files(school="schools/school.json")
    # The school's file is now a folder: the save is refused before any file is replaced.
    school = tmp_path / "districts" / "schools" / "school.json"
    school.unlink()
    school.mkdir()
    before = tree(tmp_path)
    spec = kept_in_files(school="schools/school.json").spec
    spec.name = "renamed"
    with pytest.raises(civitas.IoError) as error:
        civitas.save_plan(civitas.Plan(spec), main)
    assert isinstance(error.value, OSError)
    assert error.value.file == str(school)
    assert str(error.value) == f"{school}: is a folder; expected a file"
    assert error.value.message_zh == f"{school}: 是文件夹；应为文件"
    assert tree(tmp_path) == before  # byte for byte, and no temporary left


def test_a_plan_file_too_large_to_write_leaves_the_old_files(tmp_path: Path) -> None:
    resource = pytest.importorskip("resource")
    import signal

    main = tmp_path / "city.json"
    civitas.save_plan(kept_in_files(), main)
    before = tree(tmp_path)
    spec = kept_in_files().spec
    spec.name = "x" * 20000  # the main file grows past the limit; the district's file does not
    limit = max(len(v) for v in before.values() if isinstance(v, bytes)) + 100
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        with pytest.raises(civitas.IoError, match="cannot write: File too large") as error:
            civitas.save_plan(civitas.Plan(spec), main)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert error.value.file == str(main)
    assert tree(tmp_path) == before


def test_subplan_files_stay_in_their_parents_folder(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    main = folder / "city.json"
    for plan, where in [
        (kept_in_files("../chengguan.json"), "$.subplans[0].file"),
        (kept_in_files(str(tmp_path / "chengguan.json")), "$.subplans[0].file"),
        (kept_in_files("districts/chengguan.json", "../../school.json"), "$.subplans[0].subplans[0].file"),
    ]:
        with pytest.raises(civitas.ValidationError, match="the folder of") as error:
            civitas.save_plan(plan, main)
        assert error.value.path == where
    # A link in the folder that leads out of it.
    (tmp_path / "elsewhere").mkdir()
    (folder / "out").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(civitas.ValidationError, match='"out/chengguan.json" leads out of the folder of .* through a symbolic link'):
        civitas.save_plan(kept_in_files("out/chengguan.json"), main)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["elsewhere", "out", "plans"]
    # allow_outside writes where the plan says (keyword only).
    civitas.save_plan(kept_in_files("../chengguan.json"), main, allow_outside=True)
    assert (tmp_path / "chengguan.json").is_file()
    with pytest.raises(TypeError):
        civitas.save_plan(kept_in_files(), main, True)  # type: ignore[misc]
