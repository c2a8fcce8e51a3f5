"""``python -m civitas`` and the ``civitas`` console script: the command-line program."""

from __future__ import annotations

import sys

from . import _core


def main() -> None:
    """Runs ``civitas ARGS...`` and exits with its code (0 ok, 2 usage error, 3 invalid input)."""
    sys.exit(_core._cli_run(sys.argv[1:]))


if __name__ == "__main__":
    main()
