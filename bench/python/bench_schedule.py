"""Scheduling a large plan: civitas.schedule against the same computation written with networkx.

A plan of N tasks with 2N dependencies (finish-to-start and start-to-start, lags in working or
calendar days, 5% milestones) on the bundled 2025 China working-day calendar. Both sides compute
every task's earliest and latest start and finish and its slack (docs/format.md, plan files;
the rules are those of src/plan/schedule.cpp), from the same in-memory plan (networkx's time
includes building its graph from the plan's dict); the script checks they agree, then times
them in turns (harness.py: interleaved samples, best and median). civitas.status on a date is
timed on the same plan, alone (it has no peer). Exit status 1 when they differ, 2 when civitas
or networkx is missing; a missed speed target does not fail (shared, noisy machines).

Follows the suite's contract (bench/README.md): --size, --quick, --json. The sizes are plans,
not units: city 1,000 tasks, province 10,000, nation 100,000 (the issue's 100,000 tasks and
200,000 dependencies), each with twice as many dependencies; the JSON's shape says so.

    python bench/python/bench_schedule.py                   # 100,000 tasks, 200,000 dependencies
    python bench/python/bench_schedule.py --size province   # 10,000 tasks, 20,000 dependencies
    python bench/python/bench_schedule.py --quick           # 2,000 tasks: a correctness check
    python bench/python/bench_schedule.py --size city --json /tmp/schedule.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))

import harness

TASKS = {"city": 1_000, "province": 10_000, "nation": 100_000}  # dependencies: twice as many
QUICK_TASKS = 2_000


def make_plan(tasks: int, dependencies: int, seed: int = 2025) -> dict:
    """The plan as a civitas-plan/1 document (dict)."""
    import random

    rng = random.Random(seed)
    first = dt.date(2025, 1, 2)
    items = []
    for i in range(tasks):
        start = first + dt.timedelta(days=int(300 * i / tasks) + rng.randrange(20))
        milestone = rng.randrange(20) == 0
        due = start if milestone else start + dt.timedelta(days=rng.randrange(30))
        item = {"id": f"t{i}", "due": due.isoformat()}
        if milestone:
            item["milestone"] = True
        else:
            item["start"] = start.isoformat()
            if rng.randrange(10) == 0:  # a limit apart from the planned finish
                item["deadline"] = (due + dt.timedelta(days=rng.randrange(-5, 15))).isoformat()
        items.append(item)
    for _ in range(dependencies):
        to = 1 + rng.randrange(tasks - 1)
        # Mostly on tasks due about ten days before this one starts, as in a real plan; early
        # tasks on any earlier one. Lags and the duration spread still push many starts.
        frm = max(0, to - tasks // 30 - rng.randrange(2000))
        dep = {"task": f"t{frm}", "link": "start_to_start" if rng.randrange(4) == 0 else "finish_to_start",
               "lag": rng.randrange(3), "unit": "calendar_days" if rng.randrange(5) == 0 else "working_days"}
        items[to].setdefault("depends_on", []).append(dep)
    return {"format": "civitas-plan/1", "id": "bench", "name": "bench", "tasks": items}


class WorkingDays:
    """Working days numbered along the calendar as src/plan/schedule.cpp does: N(x) counts the
    working days in [origin, x) (minus those in [x, origin) before the origin)."""

    def __init__(self, is_working, origin: dt.date, first: dt.date, last: dt.date) -> None:
        self.base = first
        self.days = [is_working(first + dt.timedelta(days=k)) for k in range((last - first).days + 1)]
        self.count = [0]
        for working in self.days:
            self.count.append(self.count[-1] + working)
        self.shift = self.count[(origin - first).days]
        self.dates = [first + dt.timedelta(days=k) for k, working in enumerate(self.days) if working]

    def number(self, date: dt.date) -> int:
        return self.count[(date - self.base).days] - self.shift

    def on_or_after(self, date: dt.date) -> int:
        return self.number(date)

    def on_or_before(self, date: dt.date) -> int:
        return self.number(date + dt.timedelta(days=1)) - 1

    def date_of(self, n: int) -> dt.date:
        return self.dates[n + self.shift]


def networkx_schedule(doc: dict, is_working) -> dict[str, tuple]:
    """The forward and backward pass with networkx: {id: (es, ef, ls, lf, slack)} as dates and ints."""
    import networkx as nx

    tasks = doc["tasks"]
    info = {}
    graph = nx.MultiDiGraph()  # a task may wait for another twice (finish and start)
    deadline = {}
    given = {}
    for t in tasks:
        start = dt.date.fromisoformat(t.get("start", t.get("due", "")))
        due = dt.date.fromisoformat(t["due"]) if "due" in t else start
        info[t["id"]] = (start, due, bool(t.get("milestone", False)))
        if "deadline" in t:
            deadline[t["id"]] = dt.date.fromisoformat(t["deadline"])
        if "duration" in t:
            given[t["id"]] = int(t["duration"])
        graph.add_node(t["id"])
        for d in t.get("depends_on", []):
            graph.add_edge(d["task"], t["id"], link=d["link"], lag=d["lag"], unit=d["unit"])
    origin = min(v[0] for v in info.values())
    last = max(v[1] for v in info.values())
    days = WorkingDays(is_working, origin, origin - dt.timedelta(days=3000), last + dt.timedelta(days=3000))
    duration = {k: 0 if m else given.get(k, max(1, days.on_or_before(due) - days.on_or_after(start) + 1))
                for k, (start, due, m) in info.items()}

    def finish_of(k: str, start: int) -> int:
        return start if info[k][2] else start + duration[k] - 1

    order = list(nx.topological_sort(graph))
    es, ef = {}, {}
    for k in order:
        start = days.on_or_after(info[k][0])
        for p, _, e in graph.in_edges(k, data=True):
            if e["link"] == "finish_to_start":
                bound = (ef[p] + 1 + e["lag"] if e["unit"] == "working_days"
                         else days.on_or_after(days.date_of(ef[p]) + dt.timedelta(days=e["lag"] + 1)))
            else:
                bound = (es[p] + e["lag"] if e["unit"] == "working_days"
                         else days.on_or_after(days.date_of(es[p]) + dt.timedelta(days=e["lag"])))
            start = max(start, bound)
        es[k], ef[k] = start, finish_of(k, start)
    end = max(ef.values())  # the plan's end bounds the tasks nothing waits for
    ls, lf = {}, {}
    for k in reversed(order):
        # A milestone's date and a deadline bound the latest finish; a due date does not. A
        # milestone on a day off sits on the next working day (docs/format.md).
        finish = days.on_or_after(info[k][1]) if info[k][2] else 10**9
        if k in deadline:
            finish = min(finish, days.on_or_before(deadline[k]))
        if graph.out_degree(k) == 0:
            finish = min(finish, end)
        for _, s, e in graph.out_edges(k, data=True):
            if e["link"] == "finish_to_start":
                bound = (ls[s] - 1 - e["lag"] if e["unit"] == "working_days"
                         else days.on_or_before(days.date_of(ls[s]) - dt.timedelta(days=e["lag"] + 1)))
            else:
                latest_start = (ls[s] - e["lag"] if e["unit"] == "working_days"
                                else days.on_or_before(days.date_of(ls[s]) - dt.timedelta(days=e["lag"])))
                bound = finish_of(k, latest_start)
            finish = min(finish, bound)
        lf[k] = finish
        ls[k] = finish if info[k][2] else finish - duration[k] + 1
    return {k: (days.date_of(es[k]), days.date_of(ef[k]), days.date_of(ls[k]), days.date_of(lf[k]), lf[k] - ef[k])
            for k in info}


def compare(ours, theirs: dict[str, tuple]) -> int:
    """How many tasks differ (the first five printed)."""
    problems = 0
    for t in ours.tasks:
        got = (t.earliest_start, t.earliest_finish, t.latest_start, t.latest_finish, t.slack)
        if got != theirs[t.id]:
            problems += 1
            if problems <= 5:
                print(f"differ at {t.id}: civitas {got}, networkx {theirs[t.id]}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=list(TASKS), help="city 1,000, province 10,000, nation 100,000 tasks, "
                                                            "each with twice as many dependencies (default nation)")
    parser.add_argument("--tasks", type=int, help="another number of tasks (overrides --size)")
    parser.add_argument("--dependencies", type=int, help="default: twice the tasks")
    parser.add_argument("--repeat", type=int, help="interleaved samples of each side (default 5; 2 with --quick)")
    parser.add_argument("--quick", action="store_true", help=f"without --size or --tasks: {QUICK_TASKS:,} tasks; "
                                                             "2 samples: a correctness check, a coarse timing")
    parser.add_argument("--json", type=Path, help="write the suite's JSON (bench/README.md) to this file")
    args = parser.parse_args(argv)
    if args.tasks is None:
        args.tasks = QUICK_TASKS if args.quick and not args.size else TASKS[args.size or "nation"]
    if args.dependencies is None:
        args.dependencies = 2 * args.tasks
    if args.repeat is None:
        args.repeat = 2 if args.quick else 5
    try:
        import civitas
        import networkx
    except ImportError as error:
        print(f"cannot import {error.name}: pip install networkx and the civitas package", file=sys.stderr)
        return 2

    doc = make_plan(args.tasks, args.dependencies)
    plan = civitas.parse_plan(json.dumps(doc))
    calendar = civitas.load_calendar(REPO / "data" / "calendars" / "cn-2025.json")

    # Checked before anything is timed.
    problems = compare(civitas.schedule(plan, calendar), networkx_schedule(doc, calendar.is_working_day))
    if problems:
        print(f"results: {problems} tasks DIFFER; not timed")
    else:
        samples = harness.interleaved({"civitas": lambda: civitas.schedule(plan, calendar),
                                       "networkx": lambda: networkx_schedule(doc, calendar.is_working_day)},
                                      args.repeat, 1)
        status = harness.interleaved({"status": lambda: civitas.status(plan, calendar, dt.date(2025, 6, 30))},
                                     args.repeat, 1)
        best, median = harness.best_and_median({**samples, **status})
        c, n, st = best["civitas"], best["networkx"], best["status"]
        print(f"civitas {civitas.__version__} vs networkx {networkx.__version__} (Python {platform.python_version()}): "
              f"{args.tasks:,} tasks, {args.dependencies:,} dependencies, {args.repeat} samples each, in turns")
        print(f"{'':20}{'best ms':>10} {'median ms':>10}")
        for name, label in (("civitas", "civitas.schedule"), ("status", "civitas.status"), ("networkx", "networkx reference")):
            print(f"{label:20}{harness.ms(best[name])} {harness.ms(median[name])}")
        print(f"ratio networkx / civitas: {n / c:.1f}x best, {median['networkx'] / median['civitas']:.1f}x median")
        if args.tasks == TASKS["nation"] and args.dependencies == 2 * TASKS["nation"]:
            print(f"targets: schedule at most 30 ms ({'met' if c <= 0.030 else 'NOT met'}); "
                  f"schedule + status under 200 ms ({'met' if c + st < 0.2 else 'NOT met'})")
        print("results: the same (earliest and latest dates, slack)")
    if args.json:
        case = {"case": "schedule", "same_results": not problems, "threads": 1,
                "note": "networkx: a MultiDiGraph built from the plan, topological sort, the same passes in Python"}
        if not problems:
            case.update({"civitas_s": c, "peers": {"networkx": n}, "ratio": {"networkx": n / c},
                         "median_s": {"civitas": median["civitas"], "networkx": median["networkx"]}})
        else:
            case.update({"civitas_s": None, "peers": {}})
        # The size by the plan's shape: --tasks may override --size.
        size = next((name for name, tasks in TASKS.items() if (tasks, 2 * tasks) == (args.tasks, args.dependencies)), "custom")
        result = {"workload": "schedule", "size": size,
                  "shape": {"tasks": args.tasks, "dependencies": args.dependencies},
                  "cases": [case], "status_s": None if problems else st,
                  "versions": {"civitas": civitas.__version__, "networkx": networkx.__version__,
                               "python": platform.python_version()}}
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
