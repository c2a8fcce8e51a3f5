"""Readiness of many cities over a Dask cluster of worker processes, the same as in one process.

Each synthetic city is a Campaign of its own (the city and four districts, judged by the bundled
National Garden City framework, five years of observations); a campaign pickles, so Dask sends it
to a worker process, which computes its readiness and sends the Readiness back (it pickles too).
The script checks that the results equal those computed here, prints how many units are red, amber
and green, and exits 0 when they match.

    python examples/dask/readiness_dask.py              # 200 cities, 2 worker processes
    python examples/dask/readiness_dask.py --cities 20 --workers 4
"""

from __future__ import annotations

import argparse
import collections
import datetime
import sys
import time

import civitas
import numpy as np
from dask.distributed import Client, LocalCluster, wait

AS_OF = datetime.date(2025, 12, 31)
INSPECTION = datetime.date(2026, 9, 30)
DISTRICTS = ["城关区", "七里河区", "西固区", "安宁区"]
FRAMEWORK = civitas.load_bundled_framework("garden-city-2010")


def synthetic_city(number: int) -> civitas.Campaign:
    """City `number`: its id, units, and five year-end values of each indicator with a pass line,
    drawn around the line (seeded by `number`, so every run makes the same cities)."""
    rng = np.random.default_rng(number)
    city = f"城市{number:03d}"
    units = [civitas.CampaignUnit(city, name=city, classes={"garden": "land-80-100"})]
    units += [civitas.CampaignUnit(f"{city}{d}", name=d, parent=city, classes={"garden": "land-80-100"}) for d in DISTRICTS]
    spec = civitas.CampaignSpec(
        f"city-{number:03d}",
        name=f"{city}创建国家园林城市",
        titles=[civitas.CampaignTitle("garden", name="国家园林城市", framework=FRAMEWORK.id,
                                      dates=civitas.TitleDates(inspection=INSPECTION))],
        units=units,
    )
    store = civitas.ObservationStore()
    for unit in units:
        for indicator in FRAMEWORK.indicators:
            line = indicator.pass_ or indicator.pass_by_class.get("land-80-100")
            if line is None:  # a yes/no item: in place (1) at most cities
                store.add(civitas.Observation(unit.id, indicator.id, datetime.date(2025, 6, 30), float(rng.uniform() < 0.97)))
                continue
            start = line.low * rng.uniform(0.85, 1.02)
            growth = line.low * rng.uniform(-0.01, 0.06)
            for year in range(2021, 2026):
                value = start + growth * (year - 2021) + rng.normal(0.0, line.low * 0.01)
                store.add(civitas.Observation(unit.id, indicator.id, datetime.date(year, 12, 31), round(value, 2)))
    return civitas.Campaign(spec, {"garden": FRAMEWORK}, observations=store)


def readiness_of(campaign: civitas.Campaign) -> civitas.Readiness:
    """The same call as in one process."""
    return civitas.readiness(campaign, AS_OF)


def readiness_of_many(campaigns: list[civitas.Campaign]) -> list[civitas.Readiness]:
    """What each worker runs: a batch of cities per task, so that scheduling costs little."""
    return [readiness_of(c) for c in campaigns]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cities", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the workers")
    args = parser.parse_args()

    campaigns = [synthetic_city(i) for i in range(args.cities)]
    started = time.perf_counter()
    local = [readiness_of(c) for c in campaigns]
    one_process = time.perf_counter() - started

    # Worker processes, one thread each; the cluster and client close when the block ends,
    # whatever happens in it, and wait() gives up after the timeout instead of hanging.
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      timeout=args.timeout) as cluster, Client(cluster, timeout=args.timeout) as client:
        started = time.perf_counter()
        size = -(-len(campaigns) // (4 * args.workers))  # four batches per worker
        futures = client.map(readiness_of_many, [campaigns[i:i + size] for i in range(0, len(campaigns), size)])
        wait(futures, timeout=args.timeout)
        remote = [r for batch in client.gather(futures) for r in batch]
        on_cluster = time.perf_counter() - started

    rag = collections.Counter(str(r.name) for result in remote for title in result.titles for r in title.rag)
    print(f"{args.cities} cities, {sum(rag.values())} units: " + ", ".join(f"{k} {v}" for k, v in sorted(rag.items())))
    print(f"one process {one_process:.2f} s, {args.workers} worker processes {on_cluster:.2f} s")
    if remote != local:
        print("the readiness computed by the workers differs from the one computed here", file=sys.stderr)
        return 1
    print(f"{args.cities} cities: same readiness in {args.workers} worker processes as in one process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
