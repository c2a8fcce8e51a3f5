"""examples/dask/readiness_dask.py: readiness of 200 synthetic cities over a Dask LocalCluster of
two worker processes equals readiness computed in one process (the script compares them)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dask" / "readiness_dask.py"


def test_readiness_over_dask_worker_processes_is_the_same_as_in_one_process() -> None:
    run = subprocess.run([sys.executable, str(EXAMPLE), "--cities", "200", "--workers", "2", "--timeout", "120"],
                         capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "200 cities: same readiness in 2 worker processes as in one process" in run.stdout
    counts = re.search(r"200 cities, (\d+) units: (.*)", run.stdout)
    assert counts and int(counts.group(1)) == 200 * 5, run.stdout
    assert sum(int(n) for n in re.findall(r"\w+ (\d+)", counts.group(2))) == 1000
