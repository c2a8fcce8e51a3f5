"""Total and free float from Python, on a textbook network worked by hand, and tasks given by
duration and deadline.

The textbook network is the Reliable Construction Co. project of F. S. Hillier and G. J. Lieberman,
"Introduction to Operations Research", chapter "Project Management with PERT/CPM": 14 activities
A-N with durations in weeks, a project of 44 weeks, critical path A-B-C-E-F-J-L-N. The book tabulates
each activity's earliest and latest start and finish and its slack; free float (not in its table)
is worked by hand from the earliest times, as in tests/unit/plan/test_float.cpp. A calendar with no
days off makes a working day one of the book's weeks; the book's time t is the day origin + t, and
a finish at the end of week t is the day origin + t - 1.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

import civitas

D = dt.date
ORIGIN = D(2025, 1, 6)

# id: (duration, predecessors, ES, EF, LS, LF, free float)
RELIABLE = {
    "A": (2, [], 0, 2, 0, 2, 0),
    "B": (4, ["A"], 2, 6, 2, 6, 0),
    "C": (10, ["B"], 6, 16, 6, 16, 0),
    "D": (6, ["C"], 16, 22, 20, 26, 0),
    "E": (4, ["C"], 16, 20, 16, 20, 0),
    "F": (5, ["E"], 20, 25, 20, 25, 0),
    "G": (7, ["D"], 22, 29, 26, 33, 0),
    "H": (9, ["E", "G"], 29, 38, 33, 42, 0),
    "I": (7, ["C"], 16, 23, 18, 25, 2),  # J starts 25, I finishes 23
    "J": (8, ["F", "I"], 25, 33, 25, 33, 0),
    "K": (4, ["J"], 33, 37, 34, 38, 1),  # N starts 38, K finishes 37
    "L": (5, ["J"], 33, 38, 33, 38, 0),
    "M": (2, ["H"], 38, 40, 42, 44, 4),  # no successor: the project ends 44
    "N": (6, ["K", "L"], 38, 44, 38, 44, 0),
}


def week(n: int) -> dt.date:
    return ORIGIN + dt.timedelta(days=n)


def every_day() -> civitas.WorkCalendar:
    return civitas.WorkCalendar(weekend=[])


def reliable(extra: list[civitas.Task] | None = None) -> civitas.Plan:
    tasks = [civitas.Task(k, start=ORIGIN, duration=d, depends_on=p) for k, (d, p, *_) in RELIABLE.items()]
    return civitas.Plan(civitas.PlanSpec("reliable", tasks=tasks + (extra or [])))


def test_reliable_construction_project_of_hillier_and_lieberman() -> None:
    s = civitas.schedule(reliable(), every_day())
    for k, (d, _, es, ef, ls, lf, free) in RELIABLE.items():
        t = s.task(k)
        assert (t.duration, t.earliest_start, t.earliest_finish, t.latest_start, t.latest_finish) == (
            d, week(es), week(ef - 1), week(ls), week(lf - 1)), k
        assert (t.slack, t.free_slack, t.critical) == (ls - es, free, ls == es), k
    assert s.smallest_slack == 0
    assert s.critical_path == ["A", "B", "C", "E", "F", "J", "L", "N"]
    # D, G and H share the 4 weeks of the chain D-G-H-M: total float 4 each, free float 0.
    assert [(s.task(k).slack, s.task(k).free_slack) for k in "DGHM"] == [(4, 0), (4, 0), (4, 0), (4, 4)]


def test_a_handover_before_the_project_can_end_gives_negative_float() -> None:
    # A handover milestone at the start of week 40, after M and N: the critical path misses it by
    # 4 weeks, D-G-H-M keeps 0 of its 4, K and I lose 4 of theirs.
    handover = civitas.Task("handover", due=week(40), milestone=True, depends_on=["M", "N"])
    s = civitas.schedule(reliable([handover]), every_day())
    assert s.smallest_slack == -4
    assert {t.id for t in s.tasks if t.critical} == {"A", "B", "C", "E", "F", "J", "L", "N", "handover"}
    assert [s.task(k).slack for k in ("D", "G", "H", "M", "K", "I")] == [0, 0, 0, 0, -3, -2]
    assert s.critical_path[-2:] == ["N", "handover"]


def test_free_float_is_the_delay_that_moves_no_successor() -> None:
    plan = reliable()
    for k, (*_, free) in RELIABLE.items():
        assert [c.id for c in civitas.what_if_delayed(plan, every_day(), k, free).tasks] in ([], [k]), k
        moved = [c.id for c in civitas.what_if_delayed(plan, every_day(), k, free + 1).tasks]
        assert moved[0] == k and (len(moved) > 1) == (k not in "MN"), k


def check_plan(report_deadline: dt.date = D(2026, 3, 6)) -> civitas.Plan:
    """The guide's example (docs/guide.md, Plans and schedules): a provincial check on Monday 16 March 2026."""
    return civitas.Plan(civitas.PlanSpec("check", tasks=[
        civitas.Task("sanitation", start=D(2026, 3, 2), due=D(2026, 3, 6)),
        civitas.Task("rectify", start=D(2026, 3, 9), due=D(2026, 3, 13), depends_on=["sanitation"]),
        civitas.Task("signs", start=D(2026, 3, 2), duration=3),
        civitas.Task("report", start=D(2026, 3, 2), duration=2, deadline=report_deadline),
        civitas.Task("check", due=D(2026, 3, 16), milestone=True, check="provincial-2026",
                     depends_on=["rectify", "signs", "report"]),
    ]))


def test_a_task_with_room_before_the_inspection_shows_positive_float() -> None:
    s = civitas.schedule(check_plan(), civitas.WorkCalendar())
    rows = {t.id: (t.earliest_finish, t.latest_finish, t.slack, t.free_slack, t.critical) for t in s.tasks}
    assert rows == {
        "sanitation": (D(2026, 3, 6), D(2026, 3, 6), 0, 0, True),
        "rectify": (D(2026, 3, 13), D(2026, 3, 13), 0, 0, True),
        "signs": (D(2026, 3, 4), D(2026, 3, 13), 7, 7, False),  # Thu 5, Fri 6, Mon 9 .. Fri 13
        "report": (D(2026, 3, 3), D(2026, 3, 6), 3, 3, False),  # its deadline, Fri 6
        "check": (D(2026, 3, 16), D(2026, 3, 16), 0, 0, True),
    }
    assert s.critical_path == ["sanitation", "rectify", "check"]
    # A deadline it cannot meet: the report takes Mon 2 - Tue 3, the deadline is Mon 2.
    late = civitas.schedule(check_plan(D(2026, 3, 2)), civitas.WorkCalendar())
    assert (late.task("report").slack, late.smallest_slack, late.critical_path) == (-1, -1, ["report"])
    # what_if_delayed agrees: the signs can slip 7 working days, not 8.
    assert [c.id for c in civitas.what_if_delayed(check_plan(), civitas.WorkCalendar(), "signs", 7).tasks] == ["signs"]
    assert [c.id for c in civitas.what_if_delayed(check_plan(), civitas.WorkCalendar(), "signs", 8).tasks] == ["signs", "check"]


def test_duration_and_deadline_in_plan_files() -> None:
    text = json.dumps({"format": "civitas-plan/1", "id": "p", "tasks": [
        {"id": "signs", "start": "2026-03-02", "duration": 3},
        {"id": "report", "start": "2026-03-02", "due": "2026-03-04", "duration": 2, "deadline": "2026-03-06"},
    ]})
    plan = civitas.parse_plan(text)
    signs, report = plan.tasks
    assert (signs.due, signs.duration, signs.deadline) == (None, 3, None)
    assert (report.due, report.duration, report.deadline) == (D(2026, 3, 4), 2, D(2026, 3, 6))
    written = json.loads(civitas.plan_to_json(plan))
    assert written["tasks"][0] == {"id": "signs", "start": "2026-03-02", "duration": 3}
    assert written["tasks"][1]["deadline"] == "2026-03-06"
    assert civitas.parse_plan(civitas.plan_to_json(plan)) == plan
    pytest.importorskip("pandas")
    frame = plan.tasks_frame()
    assert frame.loc["signs", "due"] is None and frame.loc["signs", "duration"] == 3.0
    assert frame.loc["report", "deadline"] == D(2026, 3, 6)


@pytest.mark.parametrize(("task", "path", "english", "chinese"), [
    ({"id": "a", "start": "2026-03-02", "duration": 0}, "$.tasks[0].duration",
     "0 is out of range; expected a duration in working days in [1, 36600]", "以工作日计的工期"),
    ({"id": "a", "start": "2026-03-02", "duration": 1.5}, "$.tasks[0].duration", "1.5 is not an integer", "不是整数"),
    ({"id": "a", "start": "2026-03-02"}, "$.tasks[0].due",
     "task 'a' has neither a due date nor a duration; expected \"due\" (its planned finish) or \"duration\" (working days)",
     "既无计划完成日期也无工期"),
    ({"id": "a", "start": "2026-03-02", "duration": 2, "deadline": "2026-02-30"}, "$.tasks[0].deadline",
     "February 2026 has 28 days", "28 天"),
    ({"id": "m", "due": "2026-03-02", "milestone": True, "duration": 2}, "$.tasks[0].duration",
     "milestone 'm' has a duration of 2 working days; expected none", "里程碑是时间点"),
])
def test_bad_durations_and_deadlines_name_file_path_value(task: dict, path: str, english: str, chinese: str) -> None:
    text = json.dumps({"format": "civitas-plan/1", "id": "p", "tasks": [task]})
    with pytest.raises(civitas.ParseError) as info:
        civitas.parse_plan(text, "plans/p.json")
    assert info.value.file == "plans/p.json"
    assert info.value.location == path
    assert english in str(info.value)
    assert chinese in info.value.message_zh


def test_a_huge_duration_is_refused_when_scheduled_not_hung() -> None:
    plan = civitas.Plan(civitas.PlanSpec("p", tasks=[civitas.Task("a", start=D(2026, 3, 2), duration=36600)]))
    with pytest.raises(civitas.ValidationError, match="expected dates and lags of a campaign"):
        civitas.schedule(plan, civitas.WorkCalendar())


def test_status_of_a_task_given_by_duration_and_one_with_a_deadline() -> None:
    plan = civitas.Plan(civitas.PlanSpec("p", tasks=[
        civitas.Task("signs", start=D(2026, 3, 2), duration=3),                                # due Wed 4
        civitas.Task("report", start=D(2026, 3, 2), due=D(2026, 3, 3), deadline=D(2026, 3, 6)),  # due Fri 6
    ]))
    s = civitas.status(plan, civitas.WorkCalendar(), D(2026, 3, 5))
    assert (s.task("signs").due, s.task("signs").state, s.task("signs").days_late) == (D(2026, 3, 4), civitas.TaskState.overdue, 1)
    # Past its planned finish but not its deadline: not overdue, at risk (behind plan, due within 5 days).
    assert (s.task("report").due, s.task("report").state) == (D(2026, 3, 6), civitas.TaskState.at_risk)
    assert s.task("report").planned_percent == 100.0
    assert [t.id for t in s.overdue] == ["signs"] and s.overdue[0].due == D(2026, 3, 4)
    assert s.task("signs").weight == 3.0
