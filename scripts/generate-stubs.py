#!/usr/bin/env python3
"""Writes the type stubs of the compiled core, python/civitas/_core.pyi, from the civitas installed
for this interpreter (`make stubs` builds and installs it first): pybind11-stubgen generates them
from the bindings' signatures and docstrings, five rewrites below mend what it writes otherwise
than type checkers need it (the errors' and pandas' imports, enum members, unhashable classes,
`__all__`'s type), and
ruff formats them. tests/python/test_stubs.py checks that the committed file is what this script writes.

usage: generate-stubs.py [OUTPUT]   (default: python/civitas/_core.pyi of this repository)
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

STUBS = Path(__file__).resolve().parent.parent / "python" / "civitas" / "_core.pyi"
LINE_LENGTH = 120


def generated() -> str:
    """pybind11-stubgen's stubs of civitas._core; fails on anything it cannot express."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [sys.executable, "-m", "pybind11_stubgen", "civitas._core", "--output-dir", folder,
             "--enum-class-locations", ".+:civitas._core", "--exit-code"],
            check=True,
        )
        return (Path(folder) / "civitas" / "_core.pyi").read_text(encoding="utf-8")


def pandas_when_type_checking(text: str) -> str:
    """The stubs with `import pandas` only under `if typing.TYPE_CHECKING:`."""
    lines = text.splitlines(keepends=True)
    if "import typing\n" not in lines:
        raise SystemExit("generate-stubs: the stubs do not import typing")
    lines.remove("import pandas\n")
    after_imports = max(i for i, line in enumerate(lines) if line.startswith(("import ", "from "))) + 1
    lines.insert(after_imports, "if typing.TYPE_CHECKING:\n    import pandas\n")
    return "".join(lines)


def errors_from_their_module(text: str) -> str:
    """The stubs with the errors imported from civitas._errors, where they are defined
    (pybind11-stubgen imports them from `civitas`, the module they show as, whose names come from
    these stubs: a cycle type checkers cannot resolve)."""
    return re.sub(r"^from civitas import (\w+)$", r"from civitas._errors import \1", text, flags=re.MULTILINE)


def enum_members(text: str) -> str:
    """The members of each enum.Enum as the typing spec writes them in stubs, `name = ...`
    (pybind11-stubgen writes `name: typing.ClassVar[Enum]`, which type checkers take for no member,
    and a `__new__(cls, value)` that is not the one enum.Enum has)."""

    def members(enum: re.Match[str]) -> str:
        body = re.sub(rf"^    (\w+): typing\.ClassVar\[{enum['name']}\]$", r"    \1 = ...", enum[0], flags=re.MULTILINE)
        return re.sub(r"^    @classmethod\n    def __new__\(cls, value\):\n        \.\.\.\n", "", body, flags=re.MULTILINE)

    return re.sub(r"^class (?P<name>\w+)\(enum\.Enum\):\n(?:(?:    .*)?\n)*", members, text, flags=re.MULTILINE)


def unhashable(text: str) -> str:
    """`__hash__ = None` of the classes that define `__eq__`, marked as the override of object's
    `__hash__` it is, as typeshed marks it."""
    line = "__hash__: typing.ClassVar[None] = None"
    return text.replace(line, line + "  # type: ignore[assignment]")


def all_of_str(text: str) -> str:
    """`__all__` typed as the list of names it is (pybind11-stubgen writes a bare `list`)."""
    return text.replace("\n__all__: list = [", "\n__all__: list[str] = [")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", nargs="?", type=Path, default=STUBS, help="the .pyi file to write")
    output = parser.parse_args().output
    text = generated()
    for rewrite in (errors_from_their_module, pandas_when_type_checking, enum_members, unhashable, all_of_str):
        text = rewrite(text)
    output.write_text(text, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--isolated", "--quiet", "--line-length", str(LINE_LENGTH), str(output)],
        check=True,
    )


if __name__ == "__main__":
    main()
