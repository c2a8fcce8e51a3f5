"""A campaign with a large plan, as files, to time `civitas report` end to end (bench/README.md, "The report").

The campaign of bench/report_benchmark.cpp in files: two titles judged by bundled frameworks
(garden-city-2010 and lanzhou-illustrative, inspections ahead), a city and 16 districts, 30
departments, and a plan (plan.json) of N tasks over two years with the report date in the
middle: a third done, about half of the others overdue. `--shape chain`: each task waits for the
one before, all in the root plan; `independent`: no dependencies, the tasks spread over one
sub-plan per district (so they bear on it); `cycle`: the chain with its first task waiting for
the last (load_campaign must refuse it, quickly, naming the cycle).

    python bench/python/make_report_campaign.py --tasks 100000 --shape chain --out /tmp/chain
    build/bench/cli/civitas report /tmp/chain/campaign.json --as-of 2026-01-15 -o /tmp/chain/report.html
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

DISTRICTS = 16
DEPARTMENTS = 30


def make(tasks: int, shape: str) -> tuple[dict, dict]:
    """The campaign and plan documents."""
    campaign = {
        "format": "civitas-campaign/1",
        "id": "bench",
        "name": "全国规模创建",
        "titles": [
            {"id": "garden", "name": "国家园林城市", "framework": "garden-city-2010", "dates": {"inspection": "2026-09-30"}},
            {"id": "model", "name": "示例称号", "framework": "lanzhou-illustrative", "dates": {"inspection": "2026-10-30"}},
        ],
        "units": [{"id": "city", "name": "市"}] + [{"id": f"d{d}", "name": f"区 {d}", "parent": "city"} for d in range(DISTRICTS)],
        "departments": [{"id": f"dep{d}", "name": f"部门 {d}", "leader": f"领导 {d}"} for d in range(DEPARTMENTS)],
        "plan": "plan.json",
    }
    first = dt.date(2025, 1, 2)
    items = []
    for i in range(tasks):
        start = first + dt.timedelta(days=int(730 * i / tasks))
        task = {
            "id": f"t{i}",
            "name": f"任务 {i}",
            "titles": ["garden" if i % 2 == 0 else "model"],
            "responsibility": {"department": f"部门 {i % DEPARTMENTS}", "leader": f"领导 {i % 60}"},
            "start": start.isoformat(),
            "due": (start + dt.timedelta(days=10 + i % 20)).isoformat(),
        }
        progress = 100 if i % 3 == 0 else (i % 7) * 10
        if progress:
            task["percent_complete"] = progress
        if shape in ("chain", "cycle") and (i > 0 or shape == "cycle"):
            task["depends_on"] = [f"t{(i - 1) % tasks}"]
        items.append(task)
    plan: dict = {"format": "civitas-plan/1", "id": "plan", "responsibility_fields": ["department", "leader"]}
    if shape == "independent":
        plan["tasks"] = []
        plan["subplans"] = [{"id": f"d{d}", "tasks": items[d::DISTRICTS]} for d in range(DISTRICTS)]
    else:
        plan["tasks"] = items
    return campaign, plan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--shape", choices=["chain", "independent", "cycle"], default="chain")
    parser.add_argument("--out", type=Path, required=True, help="folder to write campaign.json and plan.json in")
    args = parser.parse_args()
    campaign, plan = make(args.tasks, args.shape)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "campaign.json").write_text(json.dumps(campaign, ensure_ascii=False, indent=1), encoding="utf-8")
    (args.out / "plan.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {args.out / 'campaign.json'} and plan.json ({args.tasks} tasks, {args.shape})")


if __name__ == "__main__":
    main()
