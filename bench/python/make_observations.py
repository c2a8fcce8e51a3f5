"""A national-scale observation file for the benchmarks: units x indicators x monthly dates.

Default: 2,800 units x 150 indicators x 60 month ends (2021-01-31 .. 2025-12-31) = 25.2 million
observations, about 1.2 GB of CSV, plus about 0.5% corrections (a second record of the same unit,
indicator and date with a later `recorded` date) at the end of each unit's rows. Every column of
the format is present: unit, indicator, date, value, source, mode, sample_size (for the survey
indicators only), recorded (for the corrections only). Deterministic for a seed.

    python bench/python/make_observations.py /tmp/observations.csv           # national scale
    python bench/python/make_observations.py /tmp/small.csv --small          # 200 x 30 x 24
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from pathlib import Path

import numpy as np

SEED = 20260415
HEADER = "unit,indicator,date,value,source,mode,sample_size,recorded\n"
# The benchmark suite's sizes of an observation file (bench/README.md): units by name, each x 150
# indicators x 60 month ends; --quick without a size takes the small shape.
UNITS = {"city": 10, "province": 100, "nation": 2800}
INDICATORS, MONTHS = 150, 60
QUICK_SHAPE = (200, 30, 24)


def suite_shape(size: str | None, units: int | None, quick: bool) -> tuple[int, int, int]:
    """(units, indicators, months) of a benchmark's file: `units` when given, else the size's
    (nation when none), else, for --quick without a size, QUICK_SHAPE."""
    if units:
        return (units, INDICATORS, MONTHS)
    if size or not quick:
        return (UNITS[size or "nation"], INDICATORS, MONTHS)
    return QUICK_SHAPE
MODES = ["statistics", "document_review", "field_inspection", "questionnaire", "online_survey"]
SOURCES = {"statistics": "nbs", "document_review": "audit", "field_inspection": "site",
           "questionnaire": "survey", "online_survey": "web"}
CORRECTION_SHARE = 0.005


def month_ends(first_year: int, months: int) -> list[datetime.date]:
    """The last day of `months` consecutive months from January of `first_year`."""
    ends = []
    for k in range(months):
        year, month = first_year + (k + 1) // 12, (k + 1) % 12 + 1
        ends.append(datetime.date(year, month, 1) - datetime.timedelta(days=1))
    return ends


def indicator_parameters(rng: np.random.Generator, indicators: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(mode, level, trend per month) of each indicator: the first draws of the seed's stream."""
    modes = [MODES[k] for k in rng.choice(len(MODES), size=indicators, p=[0.5, 0.2, 0.2, 0.06, 0.04])]
    level = rng.uniform(5.0, 95.0, size=indicators)
    trend = rng.normal(0.0, 0.05, size=indicators)
    return modes, level, trend


def indicator_levels(indicators: int = 150, seed: int = SEED) -> np.ndarray:
    """The level each indicator's values sit around (a unit's values: level + N(0, 5) + trend + N(0, 1))."""
    return indicator_parameters(np.random.default_rng(seed), indicators)[1]


def kind_values(values: np.ndarray, kind: str, level: float) -> np.ndarray:
    """Values of an indicator of `kind` from the raw ones (level + unit + trend + noise):
    "value" as they are; "share" clipped to [0, 100]; "yes_no" 1 at or above level - 5, else 0;
    "count" max(0, round((level - value) / 3)), a problem count (0 for most units, more below the level)."""
    if kind == "share":
        return np.clip(values, 0.0, 100.0)
    if kind == "yes_no":
        return (values >= level - 5.0).astype(float)
    if kind == "count":
        return np.maximum(0.0, np.round((level - values) / 3.0))
    return values


def write_observations(path: Path, units: int = 2800, indicators: int = 150, months: int = 60,
                       seed: int = SEED, kinds: list[str] | None = None) -> int:
    """Writes the file; returns the number of rows (corrections included). `kinds` (one per
    indicator, see kind_values; None: all "value") shapes the values for frameworks that bound
    them; the random draws, and so the file with every kind "value", are the same either way."""
    rng = np.random.default_rng(seed)
    dates = [d.isoformat() for d in month_ends(2021, months)]
    unit_ids = [f"u{u:05d}" for u in range(units)]
    modes, level, trend = indicator_parameters(rng, indicators)
    # "ind001,2021-01-31," and ",nbs,statistics," per indicator: only the values differ by unit.
    prefixes = [[f"ind{i + 1:03d},{d}," for d in dates] for i in range(indicators)]
    middles = [f",{SOURCES[m]},{m}," for m in modes]
    survey = [m in ("questionnaire", "online_survey") for m in modes]
    rows = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER)
        for u, unit in enumerate(unit_ids):
            unit_level = rng.normal(0.0, 5.0, size=indicators)
            noise = rng.normal(0.0, 1.0, size=(indicators, months))
            values = np.round(level[:, None] + unit_level[:, None] + trend[:, None] * np.arange(months) + noise, 2)
            corrected = values + 0.5
            if kinds is not None:
                for i, kind in enumerate(kinds):
                    if kind != "value":
                        values[i] = kind_values(values[i], kind, level[i])
                        corrected[i] = kind_values(corrected[i], kind, level[i])
            samples = rng.integers(300, 1500, size=indicators)
            lines = []
            for i in range(indicators):
                head = unit + ","
                sample = str(samples[i]) if survey[i] else ""
                tail = middles[i] + sample + ",\n"
                row_values = values[i].tolist()
                lines.extend([head + prefixes[i][m] + f"{row_values[m]:.2f}" + tail for m in range(months)])
            # Corrections: a later record of the same key, with the day it became known.
            picks = np.flatnonzero(rng.random(indicators * months) < CORRECTION_SHARE)
            for k in picks.tolist():
                i, m = divmod(k, months)
                known = (datetime.date.fromisoformat(dates[m]) + datetime.timedelta(days=int(20 + k % 40))).isoformat()
                sample = str(samples[i]) if survey[i] else ""
                lines.append(f"{unit},{prefixes[i][m]}{corrected[i, m]:.2f}{middles[i]}{sample},{known}\n")
            out.write("".join(lines))
            rows += len(lines)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--units", type=int, default=2800)
    parser.add_argument("--indicators", type=int, default=150)
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--small", action="store_true", help="200 units x 30 indicators x 24 months")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    if args.small:
        args.units, args.indicators, args.months = 200, 30, 24
    start = time.perf_counter()
    rows = write_observations(args.path, args.units, args.indicators, args.months, args.seed)
    size = args.path.stat().st_size
    print(f"{args.path}: {rows:,} rows, {size / 1e6:,.1f} MB in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
