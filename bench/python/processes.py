"""What the subprocess benchmarks share (bench_observations.py, bench_readiness.py): each side runs
in a process of its own, which reports its CPU time and peak memory as one JSON line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any


def cpu_seconds() -> float:
    """User plus system CPU time of this process so far (all threads)."""
    import resource
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_bytes() -> int:
    """The process's resident-set high-water mark (VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    import resource  # not Linux: ru_maxrss (KiB on Linux, bytes on macOS)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)


def in_subprocess(script: str, *args: str) -> dict[str, Any]:
    """Runs `script --worker ARGS...` and returns the JSON of the last line it prints."""
    done = subprocess.run([sys.executable, script, "--worker", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{args[0]} worker failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def gb(n: float) -> str:
    """Bytes as gigabytes, right-aligned."""
    return f"{n / 1e9:6.2f} GB"
