"""A stand-in benchmark that follows the suite's contract (bench/README.md), for the tests of bench/run.

FAKE_BENCH environment variable: "same" (default; civitas 3x ahead of numpy), "differ" (results
differ: exit 1), "slow" (civitas behind numpy: ratio 0.5).
"""

import argparse
import json
import os
import sys

UNITS = {"city": 10, "province": 100, "nation": 2800}

parser = argparse.ArgumentParser()
parser.add_argument("--size", choices=list(UNITS), default="nation")
parser.add_argument("--quick", action="store_true")
parser.add_argument("--json")
args = parser.parse_args()
mode = os.environ.get("FAKE_BENCH", "same")
civitas_s, numpy_s = (0.002, 0.001) if mode == "slow" else (0.001, 0.003)
case = {"case": "sum", "civitas_s": civitas_s, "peers": {"numpy": numpy_s, "pandas": 0.004},
        "same_results": mode != "differ", "ratio": {"numpy": numpy_s / civitas_s, "pandas": 0.004 / civitas_s},
        "peak_rss_bytes": {"civitas": 50_000_000, "numpy": 80_000_000}, "flops": 4e6}
result = {"workload": "fake", "size": args.size, "shape": {"units": UNITS[args.size], "indicators": 20},
          "cases": [case, {"case": "read", "civitas_s": 0.5, "peers": {"pandas": 1.0}, "same_results": True, "bytes": 1e9}],
          "versions": {"civitas": "0", "numpy": "0"}}
if args.json:
    with open(args.json, "w", encoding="utf-8") as out:
        json.dump(result, out)
print("results differ" if mode == "differ" else "same results")
sys.exit(1 if mode == "differ" else 0)
