"""Runs PROGRAM ARGS... with its standard output a pipe whose reader has already gone (as in
`civitas score ... | head` once head has exited) and checks that it exits with 4 (I/O error) and
says why, rather than dying of SIGPIPE."""

import os
import subprocess
import sys

read_end, write_end = os.pipe()
os.close(read_end)
result = subprocess.run(sys.argv[1:], stdout=write_end, stderr=subprocess.PIPE, text=True, check=False, timeout=120)
os.close(write_end)
if result.returncode != 4 or "<stdout>: cannot write" not in result.stderr:
    sys.exit(f"expected exit 4 and '<stdout>: cannot write', got {result.returncode}: {result.stderr!r}")
