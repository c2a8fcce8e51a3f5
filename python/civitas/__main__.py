"""``python -m civitas`` and the ``civitas`` console script: the command-line program."""

from __future__ import annotations

import os
import sys

from . import _core


def main() -> None:
    """Runs ``civitas ARGS...`` and exits with its code (0 ok, 1 unexpected error, 2 usage error,
    3 invalid input, 4 I/O error)."""
    code = _core._cli_run(sys.argv[1:])
    try:
        sys.stdout.flush()
    except OSError:
        # The output was refused (a full disk, /dev/full) and _cli_run said so (exit 4). What is
        # left in the buffer would fail again when Python flushes at exit (exit 120): drop it.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    sys.exit(code)


if __name__ == "__main__":
    main()
