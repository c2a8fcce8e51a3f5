"""bench/run, the benchmark suite's driver, on stand-in scripts (tests/data/bench-suite): what it
writes, and that it fails on different results and, in --quick mode, on civitas behind numpy; and that
the commands docs/performance.md shows exist."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "data" / "bench-suite"
# A machine 10 GB/s and 10 GFLOP/s fast on every core, 5 and 6 on one (limits.py's fields).
LIMITS = {"cpu": "test CPU", "cpu_flags": ["sse2"], "cores": 2, "load_before": [0.5, 0.5, 0.5], "load_after": [0.6, 0.5, 0.5],
          "numpy": "0", "blas": "none", "python": "3", "stream_array_bytes": 2**26, "dgemm_size": 2048,
          "bandwidth": {"1": {"copy_bytes_per_s": 5e9, "triad_bytes_per_s": 4e9},
                        "2": {"copy_bytes_per_s": 8e9, "triad_bytes_per_s": 10e9}},
          "dgemm_flops_per_s": {"1": 6e9, "2": 10e9}}


def run_suite(tmp_path: Path, mode: str, *flags: str) -> tuple[subprocess.CompletedProcess[str], dict, str]:
    limits = tmp_path / "limits.json"
    limits.write_text(json.dumps(LIMITS), encoding="utf-8")
    out = tmp_path / "perf"
    done = subprocess.run([sys.executable, str(REPO / "bench" / "run"), "--scripts", str(FIXTURES), "--out", str(out),
                           "--limits", str(limits), "--python", sys.executable, *flags],
                          env=dict(os.environ, FAKE_BENCH=mode), capture_output=True, text=True, timeout=120, check=False)
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return done, results, (out / "summary.md").read_text(encoding="utf-8")


def test_same_results_pass_and_the_summary_lists_every_figure(tmp_path: Path) -> None:
    done, results, summary = run_suite(tmp_path, "same")
    assert done.returncode == 0, done.stderr
    assert results["sizes"] == ["city", "province", "nation"]
    fake = [run for run in results["runs"] if run["script"] == "bench_fake.py"]
    assert [run["size"] for run in fake] == ["city", "province", "nation"]
    assert all(run["status"] == "ok" for run in fake)
    # Per size and case: civitas's time, each peer's time and ratio, same results, peak memory, the limit.
    assert "| city (units 10, indicators 20) | sum | 1 ms | numpy | 3 ms | 3.00 | yes | civitas 50.0 MB; numpy 80.0 MB |" in summary
    assert "|  |  |  | pandas | 4 ms | 4.00 |  | civitas 50.0 MB |" in summary
    # 4e6 flops in 1 ms: 4 GFLOP/s of the 10 dgemm reaches on both cores; 1e9 bytes in 0.5 s: 2 of 10 GB/s.
    assert "4 Gflop/s of 10 Gflop/s (40.0%; limit 400 us)" in summary
    assert "2 GB/s of 10 GB/s (20.0%; limit 100 ms)" in summary
    assert "Versions: civitas 0, numpy 0." in summary
    assert "test CPU" in summary


def test_a_script_without_the_contract_is_skipped_with_the_reason(tmp_path: Path) -> None:
    done, results, summary = run_suite(tmp_path, "same", "--sizes", "city")
    assert done.returncode == 0, done.stderr
    legacy = [run for run in results["runs"] if run["script"] == "bench_legacy.py"]
    assert len(legacy) == 1 and legacy[0]["status"] == "skipped"
    assert "no --size or --json" in legacy[0]["note"]
    assert "## bench_legacy.py\n\nSkipped: does not follow the suite's contract yet" in summary


def test_different_results_exit_1(tmp_path: Path) -> None:
    done, results, summary = run_suite(tmp_path, "differ", "--sizes", "city")
    assert done.returncode == 1
    assert [run["status"] for run in results["runs"] if run["script"] == "bench_fake.py"] == ["mismatch"]
    assert "bench_fake.py --size city: results differ" in summary
    assert "| **NO** |" in summary


@pytest.mark.parametrize("quick", [True, False])
def test_civitas_behind_numpy_fails_the_quick_mode_only(tmp_path: Path, quick: bool) -> None:
    done, results, summary = run_suite(tmp_path, "slow", *(["--quick"] if quick else ["--sizes", "city"]))
    assert done.returncode == (1 if quick else 0), done.stderr
    if quick:
        assert results["sizes"] == ["city", "province"]
        assert "civitas behind numpy: sum: numpy / civitas = 0.50 < 1" in summary
        assert all(run.get("rerun_after") for run in results["runs"] if run["script"] == "bench_fake.py")
    else:
        assert "## Failures" not in summary
    assert "| numpy | 1 ms | 0.50 |" in summary


def test_a_lower_bar_lets_the_quick_mode_pass(tmp_path: Path) -> None:
    done, _, _ = run_suite(tmp_path, "slow", "--quick", "--min-ratio", "0.4")
    assert done.returncode == 0, done.stderr


def test_the_quick_mode_still_runs_the_check_of_a_script_without_the_contract(tmp_path: Path) -> None:
    done, results, summary = run_suite(tmp_path, "same", "--quick")
    assert done.returncode == 0, done.stderr
    legacy = [run for run in results["runs"] if run["script"] == "bench_legacy.py"]
    assert [run["status"] for run in legacy] == ["skipped"]
    assert "does not follow the suite's contract yet (no --size or --json): its `--quick` ran and passed, no figures" in summary
    done, results, summary = run_suite(tmp_path, "differ", "--quick")
    assert done.returncode == 1
    assert [run["status"] for run in results["runs"] if run["script"] == "bench_legacy.py"] == ["mismatch"]
    assert "bench_legacy.py --quick: does not follow the suite's contract yet (no --size or --json): its `--quick` says the results differ" in summary


def test_the_commands_of_docs_performance_exist() -> None:
    # Every `make TARGET` the page shows is a target of the Makefile, every `bench/run --FLAG` a flag of bench/run.
    page = (REPO / "docs" / "performance.md").read_text(encoding="utf-8")
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^make ([\w-]+)", page, flags=re.MULTILINE))
    assert {"perf", "perf-quick", "perf-scaling"} <= targets
    for target in targets:
        assert re.search(rf"^{re.escape(target)}:", makefile, flags=re.MULTILINE), f"the Makefile has no target {target}"
    done = subprocess.run([sys.executable, str(REPO / "bench" / "run"), "--help"], capture_output=True, text=True, check=True)
    flags = {flag for line in re.findall(r"bench/run([^\n#]*)", page) for flag in re.findall(r"--[\w-]+", line)}
    assert {"--quick", "--sizes", "--only", "--scaling"} <= flags
    for flag in flags:
        assert re.search(rf"\s{re.escape(flag)}\b", done.stdout), f"bench/run has no {flag}"
    assert (REPO / "docs" / "images" / "performance-scaling.png").exists()
