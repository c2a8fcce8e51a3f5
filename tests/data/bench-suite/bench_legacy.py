"""A stand-in benchmark from before the suite's contract: no --size, no --json (bench/run skips it)."""

import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--quick", action="store_true")
parser.parse_args()
print("done")
