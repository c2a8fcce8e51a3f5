"""A synthetic framework and unit values for the evaluation benchmark, from a fixed seed.

The framework: `indicators` indicators in `categories` top-level categories, some of which split
part of their indicators into two subcategories (two levels); mixed directions and rules (every
rule the numpy reference covers), about 6% basic items, random relative weights; pass rules
all_basic_met, min_share_general_met 0.8 and min_total 70.

The values: one row per unit, around the pass lines. Each unit has a level a ~ N(1.2, 0.6) and
each value is a + N(0, 1) standard deviations on the good side of its line (basic items 1.5
more), so a unit meets about Phi(a) of its indicators and the pass decision varies. Values are
rounded (to 0.1, counts to whole numbers), so some fall exactly on a line.

    python bench/python/make_benchmark_data.py --units 3000 --indicators 200 --out /tmp/bench
writes framework.json and values.csv there.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

SEED = 20240601
DIRECTIONS = ["higher", "lower", "range", "yes_no", "problem_count"]
DIRECTION_SHARES = [0.40, 0.20, 0.10, 0.15, 0.15]
BASIC_SHARE = 0.06


def _r(x: float, digits: int = 1) -> float:
    return round(float(x), digits)


def _indicator(rng: np.random.Generator, number: int) -> dict[str, Any]:
    """One indicator with its direction, line, rule and the spread its values are drawn with."""
    direction = str(rng.choice(DIRECTIONS, p=DIRECTION_SHARES))
    item: dict[str, Any] = {"id": f"i{number:03d}", "name": f"indicator {number}", "direction": direction}
    if rng.random() < BASIC_SHARE:
        item["kind"] = "basic"
    item["weight"] = _r(rng.uniform(0.5, 3.0))
    # "_sigma" (spread of the values, in the indicator's unit) is removed before writing the file.
    if direction == "higher":
        line, sigma = _r(rng.uniform(30, 70)), _r(rng.uniform(2, 8))
        item.update(pass_=line, bounds=[0, 100], unit="%", _sigma=sigma)
        rule = str(rng.choice(["pass_fail", "linear", "proportional", "tiers"]))
        if rule == "linear":
            item["scoring"] = {"rule": "linear", "zero": _r(line - 3 * sigma)}
            if rng.random() < 0.3:
                item["scoring"]["full"] = _r(line + sigma)
        elif rule == "proportional":
            item["scoring"] = {"rule": "proportional"}
            if rng.random() < 0.3:
                item["scoring"]["full"] = _r(line + sigma)
        elif rule == "tiers":
            item["scoring"] = {"rule": "tiers", "tiers": [
                {"at": _r(line - 2 * sigma), "score": 0.4}, {"at": line, "score": 0.8},
                {"at": _r(line + sigma), "score": 1}]}
    elif direction == "lower":
        line, sigma = _r(rng.uniform(15, 60)), _r(rng.uniform(1, 5))
        item.update(pass_=line, bounds=[0, None], _sigma=sigma)
        rule = str(rng.choice(["pass_fail", "linear", "proportional", "tiers"]))
        if rule == "linear":
            item["scoring"] = {"rule": "linear", "zero": _r(line + 3 * sigma)}
        elif rule == "proportional":
            item["scoring"] = {"rule": "proportional"}
        elif rule == "tiers":
            item["scoring"] = {"rule": "tiers", "tiers": [
                {"at": _r(line - sigma), "score": 1}, {"at": line, "score": 0.7},
                {"at": _r(line + 2 * sigma), "score": 0.3}]}
    elif direction == "range":
        centre, half, sigma = _r(rng.uniform(10, 50)), _r(rng.uniform(1, 5)), _r(rng.uniform(0.5, 2))
        item.update(pass_=[_r(centre - half), _r(centre + half)], bounds=[0, None], _sigma=sigma, _centre=centre,
                    _half=half)
        if rng.random() < 0.6:
            item["scoring"] = {"rule": "linear", "zero": [_r(centre - half - 3 * sigma), _r(centre + half + 3 * sigma)]}
    elif direction == "yes_no":
        if rng.random() < 0.6:
            item["scoring"] = {"rule": "yes_no"}
    else:  # problem_count
        allowed = int(rng.choice([0, 0, 1, 2]))
        if allowed:
            item["pass_"] = allowed
        item["_sigma"] = 1.5
        rule = str(rng.choice(["pass_fail", "deduction", "deduction", "tiers", "linear", "proportional"]))
        if rule == "proportional" and allowed == 0:
            rule = "deduction"  # proportional needs a positive target
        if rule == "deduction":
            item["scoring"] = {"rule": "deduction", "per_problem": _r(rng.uniform(0.05, 0.3), 2)}
            if rng.random() < 0.5:
                item["scoring"]["max_deduction"] = _r(rng.uniform(0.2, 0.5), 2)
        elif rule == "tiers":
            item["scoring"] = {"rule": "tiers", "tiers": [
                {"at": allowed, "score": 1}, {"at": allowed + 2, "score": 0.5}, {"at": allowed + 5, "score": 0.2}]}
        elif rule == "linear":
            item["scoring"] = {"rule": "linear", "zero": allowed + 6}
        elif rule == "proportional":
            item["scoring"] = {"rule": "proportional"}
    return item


def make_spec(indicators: int = 200, categories: int = 10, seed: int = SEED) -> dict[str, Any]:
    """The framework as a dict with private "_" keys (value spreads) that `to_json` drops."""
    rng = np.random.default_rng(seed)
    sizes = np.full(categories, indicators // categories)
    sizes[: indicators % categories] += 1
    number = 0
    spec: dict[str, Any] = {
        "format": "civitas-framework/1",
        "id": f"bench-{indicators}",
        "name": f"Benchmark framework: {indicators} indicators in {categories} categories",
        "reliability": "illustrative",
        "notes": f"Synthetic, from bench/python/make_benchmark_data.py with seed {seed}.",
        "scale": 100,
        "weighting": "relative",
        "missing": "fail",
        "pass_rules": [{"rule": "all_basic_met"}, {"rule": "min_share_general_met", "value": 0.8},
                       {"rule": "min_total", "value": 70}],
        "categories": [],
    }

    def items(count: int) -> list[dict[str, Any]]:
        nonlocal number
        out = []
        for _ in range(count):
            number += 1
            out.append(_indicator(rng, number))
        return out

    for c, size in enumerate(sizes):
        category: dict[str, Any] = {"id": f"c{c + 1:02d}", "name": f"category {c + 1}",
                                    "weight": _r(rng.uniform(1, 3))}
        if c % 3 == 1 and size >= 6:  # every third category has two subcategories
            direct = int(size) // 3
            rest = int(size) - direct
            category["indicators"] = items(direct)
            category["categories"] = [
                {"id": f"c{c + 1:02d}s{s + 1}", "name": f"subcategory {c + 1}.{s + 1}",
                 "weight": _r(rng.uniform(0.5, 2)), "indicators": items(n)}
                for s, n in enumerate([rest // 2, rest - rest // 2])]
        else:
            category["indicators"] = items(int(size))
        spec["categories"].append(category)
    return spec


def _walk(spec: dict[str, Any]):
    """Indicators in framework order (a category's indicators, then its subcategories)."""
    for item in spec.get("indicators", []):
        yield item
    for category in spec.get("categories", []):
        yield from _walk(category)


def to_json(spec: dict[str, Any]) -> str:
    """The framework file: private keys dropped, "pass_" written as "pass"."""
    def clean(node: Any) -> Any:
        if isinstance(node, dict):
            return {("pass" if k == "pass_" else k): clean(v) for k, v in node.items() if not k.startswith("_")}
        if isinstance(node, list):
            return [clean(v) for v in node]
        return node
    return json.dumps(clean(spec), indent=1, ensure_ascii=False)


def make_values(spec: dict[str, Any], units: int = 3000, seed: int = SEED + 1) -> np.ndarray:
    """units x indicators values in framework order, around the pass lines (see the module doc)."""
    rng = np.random.default_rng(seed)
    items = list(_walk(spec))
    level = rng.normal(1.2, 0.6, size=(units, 1))
    z = level + rng.normal(size=(units, len(items)))  # > 0: on the good side of the line
    values = np.empty((units, len(items)))
    for j, item in enumerate(items):  # building data: a loop over indicators is fine here
        zj = z[:, j] + (1.5 if item.get("kind") == "basic" else 0.0)
        direction = item["direction"]
        if direction == "higher":
            v = np.clip(np.round(item["pass_"] + item["_sigma"] * zj, 1), 0, 100)
        elif direction == "lower":
            v = np.clip(np.round(item["pass_"] - item["_sigma"] * zj, 1), 0, None)
        elif direction == "range":
            # Distance from the centre: half the range's width at z = 0, less inside, more outside.
            off = item["_half"] * np.exp(np.clip(-item["_sigma"] * zj / item["_half"], None, 5.0))
            side = rng.choice([-1.0, 1.0], size=units)
            v = np.clip(np.round(item["_centre"] + side * off, 1), 0, None)
        elif direction == "yes_no":
            v = (zj > 0).astype(float)
        else:
            v = np.maximum(0.0, np.floor(item.get("pass_", 0) + 0.5 - item["_sigma"] * zj))
        values[:, j] = v
    return values


def make_benchmark(units: int = 3000, indicators: int = 200, categories: int = 10,
                   seed: int = SEED) -> tuple[str, list[str], np.ndarray]:
    """(framework JSON text, indicator ids in framework order, units x indicators values)."""
    spec = make_spec(indicators, categories, seed)
    ids = [item["id"] for item in _walk(spec)]
    return to_json(spec), ids, make_values(spec, units, seed + 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=3000)
    parser.add_argument("--indicators", type=int, default=200)
    parser.add_argument("--categories", type=int, default=10)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, required=True, help="folder for framework.json and values.csv")
    args = parser.parse_args()
    text, ids, values = make_benchmark(args.units, args.indicators, args.categories, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "framework.json").write_text(text + "\n", encoding="utf-8")
    with open(args.out / "values.csv", "w", encoding="utf-8") as f:
        f.write("unit," + ",".join(ids) + "\n")
        for r, row in enumerate(values):
            f.write(f"u{r + 1:05d}," + ",".join(f"{v:g}" for v in row) + "\n")
    print(f"wrote {args.out / 'framework.json'} ({len(ids)} indicators) and {args.out / 'values.csv'} "
          f"({len(values)} units)")


if __name__ == "__main__":
    main()
