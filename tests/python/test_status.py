"""A plan's status on a date, the hand-worked case of tests/unit/plan/test_status.cpp from Python
(Saturday-Sunday calendar; Mon 3 March 2025 is working day 0)."""

from __future__ import annotations

import datetime as dt
import math

import pytest

import civitas

D = dt.date


def plan_of(a_percent: float) -> civitas.Plan:
    a = civitas.Task("A", start=D(2025, 3, 3), due=D(2025, 3, 7), actual_start=D(2025, 3, 3), percent_complete=a_percent)
    b = civitas.Task("B", start=D(2025, 3, 10), due=D(2025, 3, 14))
    c = civitas.Task("C", start=D(2025, 3, 3), due=D(2025, 3, 4), actual_finish=D(2025, 3, 5),
                     responsibility={"department": "建设局"})
    m = civitas.Task("M", start=D(2025, 3, 7), due=D(2025, 3, 7), milestone=True)
    return civitas.Plan(civitas.PlanSpec("status", name="status", responsibility_fields=["department"], tasks=[a, b, c, m]))


def test_states_progress_and_earned_schedule() -> None:
    s = civitas.status(plan_of(60), civitas.WorkCalendar(), D(2025, 3, 5))
    assert s.task("A").state == civitas.TaskState.in_progress
    assert s.task("A").planned_percent == pytest.approx(60.0)
    assert s.task("C").state == civitas.TaskState.done
    assert s.task("C").days_late == 1
    # PV = EV = 5 (A 5 x 60%, C 2 x 100%): SPI 1; earned schedule 3 of 3 days: SPI(t) 1.
    assert s.overall.planned_value == pytest.approx(5.0)
    assert s.overall.spi == pytest.approx(1.0)
    assert s.overall.spi_t == pytest.approx(1.0)
    assert s.overall.on_time_rate == 0.0
    assert s.overall.states[civitas.TaskState.not_started] == 2


def test_behind_plan_is_at_risk_and_the_window_is_an_option() -> None:
    late = civitas.status(plan_of(40), civitas.WorkCalendar(), D(2025, 3, 5))
    assert late.task("A").state == civitas.TaskState.at_risk
    assert late.overall.spi == pytest.approx(0.8)
    assert late.overall.spi_t == pytest.approx(2 / 3)
    narrow = civitas.status(plan_of(40), civitas.WorkCalendar(), D(2025, 3, 5), at_risk_within=1)
    assert narrow.task("A").state == civitas.TaskState.in_progress


def test_frames_for_the_circular() -> None:
    s = civitas.status(plan_of(60), civitas.WorkCalendar(), D(2025, 3, 10))
    tasks = s.to_frame()
    assert list(tasks.index) == ["A", "B", "C", "M"]
    assert tasks.loc["A", "state"] == "overdue"
    assert tasks.loc["A", "days_late"] == 1
    by_department = s.rollup_frame("department")
    assert by_department.loc["建设局", "due"] == 1
    assert by_department.loc["建设局", "on_time_rate"] == 0.0
    phases = s.rollup_frame()
    assert phases.loc["", "tasks"] == 4
    assert math.isclose(phases.loc["", "overdue"], 2)
    with pytest.raises(civitas.NotFoundError, match="no responsibility field 'leader'"):
        s.rollup_frame("leader")


def test_status_of_the_sample_plan_on_the_2025_calendar() -> None:
    plan = civitas.load_plan("tests/data/plans/civilized-city-2025.json")
    calendar = civitas.load_calendar("data/calendars/cn-2025.json")
    s = civitas.status(plan, calendar, D(2025, 6, 30))
    assert len(s) == len(plan.spec.tasks)
    assert s.overall.tasks == len(plan.spec.tasks)
    assert sum(s.overall.states.values()) == s.overall.tasks
    assert all(0 <= t.planned_percent <= 100 for t in s.tasks)


def test_status_lets_other_threads_run_python() -> None:
    # A thread counts while the main thread computes the status of a plan of 20,000 tasks. With
    # no forced switching (a switch interval of 1,000 s), the counter runs during a call only if
    # the call releases the GIL; the counter gives the GIL back at each step (sleep(0)).
    import sys
    import threading
    import time

    tasks = [civitas.Task(f"t{i}", start=D(2025, 1, 2) + dt.timedelta(days=i % 300),
                          due=D(2025, 1, 2) + dt.timedelta(days=i % 300 + 5)) for i in range(20000)]
    plan = civitas.Plan(civitas.PlanSpec("big", name="big", tasks=tasks))
    calendar = civitas.load_bundled_calendar("cn-2025")
    count = 0
    running, done = threading.Event(), threading.Event()

    def counter() -> None:
        nonlocal count
        running.set()
        while not done.is_set():
            count += 1
            time.sleep(0)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1000)
    thread = threading.Thread(target=counter)
    try:
        thread.start()
        running.wait()
        # On a busy machine the counter may get no core during one call: a few calls, one must count.
        during = 0
        for _ in range(5):
            before = count
            status = civitas.status(plan, calendar, D(2025, 6, 30))
            during = count - before
            if during > 0:
                break
    finally:
        done.set()
        thread.join()
        sys.setswitchinterval(interval)
    assert len(status.tasks) == 20000
    assert during > 0, "no Python ran on another thread while status() computed"
