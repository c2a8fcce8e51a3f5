"""What the pure-Python modules share: pandas, imported on first use, and errors raised as the
compiled library raises them, with the message in English and in Chinese."""

from __future__ import annotations

import importlib
from typing import Any, TypeVar

from ._errors import Error, IoError, NotFoundError, ParseError, ValidationError

_Error = TypeVar("_Error", bound=Error)

# The report's palette (src/report/render_html.cpp), so that the notebook display, the plots and
# the report agree.
RED, AMBER, GREEN = "#b42318", "#f2b200", "#2e7d32"
PLAIN, MUTED, INK, MISSING_TINT = "#44546a", "#9aa3ad", "#1d2430", "#f1f2f4"


def _optional(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        msg = f"this needs {module}: pip install 'civitas[{extra}]' (需要 {module}: pip install 'civitas[{extra}]')"
        raise ImportError(msg) from None


def pandas() -> Any:
    """pandas, imported now; ImportError, in both languages, when it is not installed."""
    return _optional("pandas", "pandas")


def matplotlib() -> Any:
    """matplotlib, imported now; ImportError, in both languages, when it is not installed (civitas.plot)."""
    return _optional("matplotlib", "plot")


def pyarrow_parquet() -> Any:
    """pyarrow.parquet, imported now; ImportError, in both languages, when pyarrow is not installed (Parquet files)."""
    return _optional("pyarrow.parquet", "arrow")


def _with_chinese(error: _Error, chinese: str) -> _Error:
    error.message_zh = chinese
    return error


def validation_error(path: str, english: str, chinese: str) -> ValidationError:
    """A civitas.ValidationError for the value at `path`, as the library words one: str() is
    'path: english', `message_zh` 'path: chinese'."""
    error = ValidationError(f"{path}: {english}")
    error.path = path
    return _with_chinese(error, f"{path}: {chinese}")


def parse_error(file: str, english: str, chinese: str) -> ParseError:
    """A civitas.ParseError naming `file`: str() is 'file: english', `message_zh` 'file: chinese'."""
    error = ParseError(f"{file}: {english}")
    error.file = file
    return _with_chinese(error, f"{file}: {chinese}")


def io_error(file: str, english: str, chinese: str) -> IoError:
    """A civitas.IoError naming `file`: str() is 'file: english', `message_zh` 'file: chinese'."""
    error = IoError(f"{file}: {english}")
    error.file = file
    return _with_chinese(error, f"{file}: {chinese}")


def not_found_error(english: str, chinese: str) -> NotFoundError:
    """A civitas.NotFoundError: str() is `english`, `message_zh` `chinese`."""
    return _with_chinese(NotFoundError(english), chinese)
