"""Plans and schedules from Python: a small plan around the 2025 May Day holiday, worked out by
hand from the scheduling rules (docs/format.md, "Plan files"), the sample plan file, the frames,
and the error mapping."""

from __future__ import annotations

import datetime
from pathlib import Path

import numpy as np
import pytest

import civitas
from civitas import Dependency, LagUnit, Link, Phase, Plan, PlanSpec, Task

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "tests" / "data" / "plans" / "civilized-city-2025.json"
D = datetime.date


@pytest.fixture
def cn2025() -> civitas.WorkCalendar:
    return civitas.load_calendar(REPO / "data" / "calendars" / "cn-2025.json")


def may_day_plan() -> Plan:
    """Around May Day 2025: 5-01..05 off, Sunday 4-27 worked (调休).

    a  4-24 .. 4-30              6 working days (4-24, 4-25, 4-27, 4-28, 4-29, 4-30)
    b  4-28 .. 5-09, after a     7 working days; starts 5-06 (after a), finishes 5-14
    c  4-28 .. 5-16, 3 calendar days after a starts (4-27, a working Sunday): starts as planned, 4-28
    m  milestone 5-16, after b
    """
    return Plan(
        PlanSpec(
            "may",
            name="五一前后",
            responsibility_fields=["department", "unit"],
            phases=[Phase("p1", "整治"), Phase("p2", "验收")],
            tasks=[
                Task("a", name="清理", phase="p1", start=D(2025, 4, 24), due=D(2025, 4, 30),
                     responsibility={"department": "市城管局", "unit": "城关区"}),
                Task("b", name="修缮", phase="p1", start=D(2025, 4, 28), due=D(2025, 5, 9), depends_on=["a"], weight=2.0,
                     responsibility={"department": "市住建局"}),
                Task("c", phase="p1", start=D(2025, 4, 28), due=D(2025, 5, 16),
                     depends_on=[Dependency("a", Link.start_to_start, 3, LagUnit.calendar_days)]),
                Task("m", name="验收", phase="p2", due=D(2025, 5, 16), milestone=True, depends_on=["b"]),
            ],
        )
    )


def test_task_values() -> None:
    m = Task("m", due=D(2025, 5, 16), milestone=True)
    assert m.start == m.due == D(2025, 5, 16)  # a milestone's date alone
    assert Task("x").start is None
    t = Task("b", depends_on=["a", Dependency("c", lag=2)])
    assert t.depends_on == [Dependency("a"), Dependency("c", Link.finish_to_start, 2, LagUnit.working_days)]
    t.depends_on = ["z"]
    assert t.depends_on[0].task == "z"
    assert repr(Dependency("a", Link.start_to_start, 3, LagUnit.calendar_days)) == (
        "Dependency('a', link=Link.start_to_start, lag=3, unit=LagUnit.calendar_days)"
    )
    with pytest.raises(civitas.ValidationError, match=r"depends_on\[0\]: 3; expected a Dependency or a task id") as error:
        Task("b", depends_on=[3])  # type: ignore[list-item]
    assert error.value.message_zh == "depends_on[0]: 3；应为 Dependency 或任务 id（字符串）"
    with pytest.raises(TypeError):
        Task("b", start=datetime.datetime(2025, 1, 1, 9, 0))  # noqa: DTZ001


def test_a_milestone_names_a_check() -> None:
    # A milestone may stand for a campaign check; a plan alone accepts any id, on milestones only.
    m = Task("pre", due=D(2026, 5, 10), milestone=True, check="provincial-2026", depends_on=["self"])
    assert m.check == "provincial-2026"
    assert Task("t").check == ""
    plan = Plan(PlanSpec("x", tasks=[Task("self", start=D(2026, 4, 27), due=D(2026, 5, 8)), m]))
    assert plan.tasks[1].check == "provincial-2026"
    text = civitas.plan_to_json(plan)
    assert '"check": "provincial-2026"' in text
    again = civitas.parse_plan(text)
    assert again == plan and again.tasks[1].check == "provincial-2026"
    changed = Task("pre", due=D(2026, 5, 10), milestone=True, check="national-2026", depends_on=["self"])
    assert changed != m
    with pytest.raises(civitas.ValidationError, match="task 'self' names check 'provincial-2026' but is not a milestone") as info:
        Plan(PlanSpec("x", tasks=[Task("self", start=D(2026, 4, 27), due=D(2026, 5, 8), check="provincial-2026")]))
    assert info.value.path == "$.tasks[0].check"
    pytest.importorskip("pandas")
    assert list(plan.tasks_frame()["check"]) == ["", "provincial-2026"]


def test_plan_basics() -> None:
    plan = may_day_plan()
    assert len(plan) == 4
    assert plan.task_index("c") == 2
    assert plan.spec.tasks[3].milestone
    assert repr(plan) == "Plan('may': 4 tasks (1 milestones), 2 phases)"
    assert plan == may_day_plan()
    with pytest.raises(civitas.NotFoundError):
        plan.task_index("nope")


def test_schedule_worked_by_hand(cn2025: civitas.WorkCalendar) -> None:
    s = civitas.schedule(may_day_plan(), cn2025)
    a, b, c, m = (s.task(i) for i in "abcm")
    assert (a.duration, a.earliest_start, a.earliest_finish) == (6, D(2025, 4, 24), D(2025, 4, 30))
    assert (b.duration, b.earliest_start, b.earliest_finish) == (7, D(2025, 5, 6), D(2025, 5, 14))
    assert (c.duration, c.earliest_start, c.earliest_finish) == (12, D(2025, 4, 28), D(2025, 5, 16))
    assert (m.duration, m.earliest_start, m.earliest_finish) == (0, D(2025, 5, 16), D(2025, 5, 16))
    # Backward: due dates are planned finishes, not limits. The plan ends 5-16 (c and m); m's
    # date bounds it. b must finish the working day before m, 5-15: total and free float 1 (5-14
    # -> 5-15). a must finish before b's latest start 5-07 (5-06) and start by 4-25 for c (3
    # calendar days before c's latest start 4-28), so by 5-06 (4-25 plus 5 working days): total
    # float 1, free float 0 (b starts at the earliest the working day after a).
    assert (b.latest_start, b.latest_finish, b.slack, b.free_slack) == (D(2025, 5, 7), D(2025, 5, 15), 1, 1)
    assert (a.latest_finish, a.slack, a.free_slack) == (D(2025, 5, 6), 1, 0)
    assert (c.latest_start, c.latest_finish, c.slack, c.free_slack) == (D(2025, 4, 28), D(2025, 5, 16), 0, 0)
    assert (m.latest_finish, m.slack, m.free_slack) == (D(2025, 5, 16), 0, 0)
    assert s.smallest_slack == 0
    assert [t.critical for t in s.tasks] == [False, False, True, True]
    assert s.critical_path == ["c"]
    # With b's due date a deadline (as the plan meant before deadlines were apart): b must
    # finish by 5-09, so it starts by 4-28 and a finishes by 4-27 (Sunday, worked).
    spec = may_day_plan().spec
    tasks = spec.tasks
    tasks[1].deadline = D(2025, 5, 9)
    spec.tasks = tasks
    late = civitas.schedule(Plan(spec), cn2025)
    a, b, c, m = (late.task(i) for i in "abcm")
    assert (b.latest_start, b.latest_finish, b.slack) == (D(2025, 4, 28), D(2025, 5, 9), -3)
    assert (a.latest_finish, a.slack) == (D(2025, 4, 27), -3)
    assert (c.latest_start, c.latest_finish, c.slack) == (D(2025, 4, 28), D(2025, 5, 16), 0)
    assert (m.latest_finish, m.slack) == (D(2025, 5, 16), 0)
    assert late.smallest_slack == -3
    assert [t.critical for t in late.tasks] == [True, True, False, False]
    assert late.critical_path == ["a", "b"]
    assert type(a.earliest_start) is datetime.date


def test_what_if_delayed(cn2025: civitas.WorkCalendar) -> None:
    impact = civitas.what_if_delayed(may_day_plan(), cn2025, "a", 2)
    # Phase ends: p1 ends with its last task, c (5-16 -> 5-20); p2 is the milestone m alone.
    assert [(c.id, c.earliest_finish, c.delayed_finish, c.working_days) for c in impact.phases] == [
        ("p1", D(2025, 5, 16), D(2025, 5, 20), 2), ("p2", D(2025, 5, 16), D(2025, 5, 19), 1)]
    changes = impact.tasks
    moved = {c.id: (c.earliest_finish, c.delayed_finish, c.working_days, c.milestone) for c in changes}
    assert [c.id for c in changes] == ["a", "b", "c", "m"]
    assert moved["a"] == (D(2025, 4, 30), D(2025, 5, 7), 2, False)
    assert moved["b"] == (D(2025, 5, 14), D(2025, 5, 16), 2, False)
    assert moved["c"] == (D(2025, 5, 16), D(2025, 5, 20), 2, False)  # starts 4-30: 4-27 plus 3 calendar days
    assert moved["m"] == (D(2025, 5, 16), D(2025, 5, 19), 1, True)  # 5-16 was its own date; b now ends then
    assert civitas.what_if_delayed(may_day_plan(), cn2025, "m", 1).tasks[0].delayed_finish == D(2025, 5, 19)
    with pytest.raises(civitas.NotFoundError):
        civitas.what_if_delayed(may_day_plan(), cn2025, "zz", 1)


def test_schedule_frame(cn2025: civitas.WorkCalendar) -> None:
    pytest.importorskip("pandas")
    frame = civitas.schedule(may_day_plan(), cn2025).to_frame()
    assert frame.index.name == "id"
    assert list(frame.index) == ["a", "b", "c", "m"]
    assert list(frame.columns) == ["duration", "earliest_start", "earliest_finish", "latest_start", "latest_finish",
                                   "slack", "free_slack", "critical"]
    assert frame["duration"].dtype == np.int64
    assert frame["slack"].dtype == np.int64
    assert frame["free_slack"].dtype == np.int64
    assert list(frame["free_slack"]) == [0, 1, 0, 0]
    assert frame["critical"].dtype == np.bool_
    assert frame.loc["b", "earliest_finish"] == D(2025, 5, 14)
    assert type(frame.loc["b", "earliest_finish"]) is datetime.date


def test_tasks_frame() -> None:
    pytest.importorskip("pandas")
    frame = may_day_plan().tasks_frame()
    assert list(frame.columns) == ["name", "phase", "titles", "subplan", "start", "due", "duration", "deadline", "milestone",
                                   "check", "weight", "percent_complete", "department", "unit"]
    assert frame.loc["m", "check"] == ""  # no campaign check named
    assert frame.loc["a", "department"] == "市城管局"
    assert frame.loc["b", "unit"] == ""
    assert frame.loc["b", "weight"] == 2.0
    assert np.isnan(frame.loc["a", "weight"])
    assert frame["milestone"].dtype == np.bool_
    assert frame.loc["m", "start"] == D(2025, 5, 16)


def test_cycle_is_named(cn2025: civitas.WorkCalendar) -> None:
    plan = Plan(PlanSpec("loop", tasks=[
        Task("a", start=D(2025, 3, 3), due=D(2025, 3, 7), depends_on=["b"]),
        Task("b", start=D(2025, 3, 3), due=D(2025, 3, 7), depends_on=["a"]),
    ]))
    with pytest.raises(civitas.ValidationError, match="a -> b -> a"):
        civitas.schedule(plan, cn2025)


def test_validation_errors_name_the_field() -> None:
    with pytest.raises(civitas.ValidationError, match="unknown phase 'p9'") as info:
        Plan(PlanSpec("x", tasks=[Task("a", phase="p9", start=D(2025, 3, 3), due=D(2025, 3, 7))]))
    assert info.value.path == "$.tasks[0].phase"
    with pytest.raises(civitas.ValidationError) as info:
        Plan(PlanSpec("x", tasks=[Task("a", start=D(2025, 3, 7), due=D(2025, 3, 3))]))
    assert info.value.path == "$.tasks[0].due"
    with pytest.raises(civitas.ValidationError, match="depends on unknown task 'q'"):
        Plan(PlanSpec("x", tasks=[Task("a", start=D(2025, 3, 3), due=D(2025, 3, 7), depends_on=["q"])]))


def test_parse_errors_name_the_path() -> None:
    text = ('{"format": "civitas-plan/1", "id": "t", "tasks": [{"id": "a", "start": "2025-03-03", "due": "2025-03-07"},'
            ' {"id": "b", "start": "2025-03-10", "due": "2025-03-14", "depends_on": [{"task": "a", "lag": 1.5}]}]}')
    with pytest.raises(civitas.ParseError, match="1.5 is not an integer") as info:
        civitas.parse_plan(text, "p.json")
    assert info.value.file == "p.json"
    assert info.value.location == "$.tasks[1].depends_on[0].lag"
    with pytest.raises(civitas.ParseError) as info:
        civitas.parse_plan(text.replace('"2025-03-07"', '"2025-02-30"'))
    assert info.value.location == "$.tasks[0].due"


def test_sample_plan_file(cn2025: civitas.WorkCalendar) -> None:
    plan = civitas.load_plan(SAMPLE)
    assert plan.id == "civilized-city-2025"
    assert len(plan.spec.phases) == 5
    assert civitas.parse_plan(civitas.plan_to_json(plan)) == plan
    s = civitas.schedule(plan, cn2025)
    assert s.task("kickoff").earliest_finish == D(2025, 3, 3)
    assert s.task("work_plan").earliest_start == D(2025, 3, 4)  # the working day after the kickoff
    # work_plan keeps its 21 working days (3-03..3-31) from 3-04: it ends 4-01, a day late. split_tasks
    # (22 working days in April: 4-04 off, Sunday 4-27 worked) then ends 5-06, past the May Day holiday
    # (5-01..05), and the works after it start 5-07.
    assert s.task("work_plan").earliest_finish == D(2025, 4, 1)
    assert s.task("split_tasks").duration == 22
    assert s.task("split_tasks").earliest_finish == D(2025, 5, 6)
    assert s.task("market_renovation").earliest_start == D(2025, 5, 7)
    # District plans are due by the end of September: after the market and back-alley works.
    assert s.task("district_plans").earliest_finish == D(2025, 9, 30)
    pytest.importorskip("pandas")
    frame = plan.tasks_frame()
    assert list(frame.columns)[-3:] == ["department", "unit", "leader"]
    assert frame.loc["market_renovation", "department"] == "市商务局"
    assert len(s.to_frame()) == len(plan)


def test_format_doc_example_loads() -> None:
    import re

    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    section = text[text.index("## Plan files"):]
    example = re.search(r"```json\n(.*?)```", section, flags=re.S)
    assert example is not None
    plan = civitas.parse_plan(example.group(1), "docs/format.md")
    assert [t.id for t in plan.tasks] == ["kickoff", "back_alleys"]
