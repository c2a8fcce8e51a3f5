"""What the pure-Python modules share: pandas, imported on first use, and errors raised as the
compiled library raises them, with the message in English and in Chinese."""

from __future__ import annotations

from typing import Any

from . import _core


def pandas() -> Any:
    """pandas, imported now; ImportError, in both languages, when it is not installed."""
    try:
        import pandas
    except ImportError:  # pragma: no cover - depends on the environment
        msg = "this needs pandas: pip install 'civitas[pandas]' (需要 pandas: pip install 'civitas[pandas]')"
        raise ImportError(msg) from None
    return pandas


def _with_chinese(error: _core.Error, chinese: str) -> _core.Error:
    error.message_zh = chinese  # type: ignore[attr-defined]
    return error


def validation_error(path: str, english: str, chinese: str) -> _core.ValidationError:
    """A civitas.ValidationError for the value at `path`, as the library words one: str() is
    'path: english', `message_zh` 'path: chinese'."""
    error = _core.ValidationError(f"{path}: {english}")
    error.path = path  # type: ignore[attr-defined]
    return _with_chinese(error, f"{path}: {chinese}")  # type: ignore[return-value]


def not_found_error(english: str, chinese: str) -> _core.NotFoundError:
    """A civitas.NotFoundError: str() is `english`, `message_zh` `chinese`."""
    return _with_chinese(_core.NotFoundError(english), chinese)  # type: ignore[return-value]
