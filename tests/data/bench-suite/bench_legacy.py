"""A stand-in benchmark from before the suite's contract: no --size, no --json (bench/run skips it,
but runs its --quick in --quick mode). FAKE_BENCH=differ: its results differ (exit 1)."""

import argparse
import os
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--quick", action="store_true")
parser.parse_args()
differ = os.environ.get("FAKE_BENCH") == "differ"
print("results differ" if differ else "same results")
sys.exit(1 if differ else 0)
