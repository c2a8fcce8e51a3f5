"""The machine's physical limits, measured at the start of each run of the suite (bench/run).

- Memory bandwidth: STREAM's copy (a = b) and triad (a = b + s * c) over arrays of 64 MiB each,
  far larger than the caches, on one thread and on one thread per core (each thread its own
  slice). numpy's copyto is a plain copy; the triad runs in blocks of 32,768 elements whose
  product s * c stays in the core's L2 cache, so memory sees what STREAM's loop makes it see:
  two arrays read, one written. Bytes are counted as STREAM counts them (copy 16, triad 24 per
  element; the cache's write-allocate read is not counted). Best of the repetitions.
- Peak double-precision rate: a 2,048 x 2,048 matrix product (numpy's BLAS, dgemm: 2 n^3
  flops), in a subprocess per thread count (OPENBLAS_NUM_THREADS, OMP_NUM_THREADS and
  MKL_NUM_THREADS set before numpy loads), best of the repetitions. A tuned dgemm reaches about
  90% of the arithmetic peak of a core, so this is the rate a kernel can hope for, not the
  datasheet's.
- The load (os.getloadavg) and the CPU model (/proc/cpuinfo), to judge the figures by.

    python bench/python/limits.py            # prints the figures as JSON
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

STREAM_ELEMENTS = 8 * 1024 * 1024   # float64: 64 MiB per array
TRIAD_BLOCK = 32 * 1024             # elements per triad step: 256 KiB, in L2 with its product
DGEMM_SIZE = 2048
REPEAT = 5


def cpu_model() -> str:
    """The processor's model name (/proc/cpuinfo), else platform.processor()."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def cpu_flags() -> list[str]:
    """The SIMD features that matter to the kernels (avx2, fma, avx512f), as /proc/cpuinfo lists them."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("flags"):
                flags = set(line.split(":", 1)[1].split())
                return [f for f in ("sse2", "avx", "avx2", "fma", "avx512f") if f in flags]
    except OSError:
        pass
    return []


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def load() -> list[float]:
    """The load averages over 1, 5 and 15 minutes."""
    return [round(x, 2) for x in os.getloadavg()]


def stream(threads: int, elements: int = STREAM_ELEMENTS, repeat: int = REPEAT) -> dict[str, float]:
    """Copy and triad bandwidth in bytes per second on `threads` threads (best of `repeat`)."""
    import numpy as np
    a, b, c = np.zeros(elements), np.ones(elements), np.full(elements, 2.0)  # zeros/ones/full touch every page
    a[:] = 0.5
    scalar = 3.0
    slices = [slice(k * elements // threads, (k + 1) * elements // threads) for k in range(threads)]

    def copy(part: slice) -> None:
        np.copyto(a[part], b[part])

    def triad(part: slice) -> None:
        product = np.empty(TRIAD_BLOCK)
        for start in range(part.start, part.stop, TRIAD_BLOCK):
            stop = min(start + TRIAD_BLOCK, part.stop)
            scaled = np.multiply(c[start:stop], scalar, out=product[:stop - start])
            np.add(b[start:stop], scaled, out=a[start:stop])

    def timed(kernel: Any) -> float:
        best = float("inf")
        for _ in range(repeat):
            workers = [threading.Thread(target=kernel, args=(part,)) for part in slices]
            start = time.perf_counter()
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join()
            best = min(best, time.perf_counter() - start)
        return best

    return {"copy_bytes_per_s": 16 * elements / timed(copy), "triad_bytes_per_s": 24 * elements / timed(triad)}


def dgemm_worker(size: int, repeat: int) -> float:
    """Flops per second of numpy's matrix product of two size x size matrices (best of `repeat`)."""
    import numpy as np
    rng = np.random.default_rng(0)
    x, y = rng.random((size, size)), rng.random((size, size))
    out = np.empty((size, size))
    np.matmul(x, y, out=out)  # warm: BLAS threads started, pages touched
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        np.matmul(x, y, out=out)
        best = min(best, time.perf_counter() - start)
    return 2.0 * size**3 / best


def dgemm(threads: int, size: int = DGEMM_SIZE, repeat: int = REPEAT) -> float:
    """dgemm_worker in a subprocess whose BLAS runs `threads` threads."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
    done = subprocess.run([sys.executable, __file__, "--dgemm", str(size), str(repeat)], env=env,
                          capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def blas_name() -> str:
    """Which BLAS numpy calls (numpy's build configuration), for the record."""
    import numpy as np
    try:
        config = np.show_config(mode="dicts")
        blas = config["Build Dependencies"]["blas"]
        return f"{blas.get('name', '?')} {blas.get('version', '')}".strip()
    except Exception:  # older numpy: no dicts mode
        return "unknown"


def measure(quick: bool = False) -> dict[str, Any]:
    """Every figure: the machine, its load before and after, bandwidth and peak rate on one
    thread and on one per core. `quick` multiplies matrices half the size and repeats 3 times."""
    import numpy as np
    started = time.perf_counter()
    repeat = 3 if quick else REPEAT
    elements = STREAM_ELEMENTS
    size = DGEMM_SIZE // 2 if quick else DGEMM_SIZE
    figures: dict[str, Any] = {"cpu": cpu_model(), "cpu_flags": cpu_flags(), "cores": cores(), "load_before": load(),
                               "numpy": np.__version__, "blas": blas_name(), "python": platform.python_version()}
    thread_counts = sorted({1, cores()})
    figures["bandwidth"] = {str(t): stream(t, elements, repeat) for t in thread_counts}
    figures["dgemm_flops_per_s"] = {str(t): dgemm(t, size, repeat) for t in thread_counts}
    figures["stream_array_bytes"] = 8 * elements
    figures["dgemm_size"] = size
    figures["load_after"] = load()
    figures["seconds"] = time.perf_counter() - started
    return figures


def best_up_to(measured: dict[str, float], threads: int | None) -> float:
    """The best figure measured on at most `threads` threads (None: any number). On a shared
    machine two threads can measure slower than one; a kernel on two could still reach the one's."""
    fitting = [value for count, value in measured.items() if threads is None or int(count) <= threads]
    return max(fitting or measured.values())


def memory_limit(limits: dict[str, Any], threads: int | None = None) -> float:
    """The memory bandwidth a kernel on `threads` threads (None: every core) can reach: the best
    of copy and triad."""
    return best_up_to({count: max(band.values()) for count, band in limits["bandwidth"].items()}, threads)


def flop_limit(limits: dict[str, Any], threads: int | None = None) -> float:
    """The double-precision rate a kernel on `threads` threads (None: every core) can reach: dgemm's."""
    return best_up_to(limits["dgemm_flops_per_s"], threads)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--dgemm"]:
        print(dgemm_worker(int(argv[1]), int(argv[2])))
        return 0
    print(json.dumps(measure(quick="--quick" in argv), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
