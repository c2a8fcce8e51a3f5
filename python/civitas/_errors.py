"""The errors civitas raises. The compiled core binds these classes and raises them
(python/src/bind_errors.cpp turns each C++ exception into one of them); they show as
``civitas.<name>``, where users import them from."""

from __future__ import annotations

from typing import TypeVar

_Class = TypeVar("_Class", bound=type)


def _public(cls: _Class) -> _Class:
    """Names the class ``civitas.<name>`` in tracebacks, reprs and pickles."""
    cls.__module__ = "civitas"
    return cls


@_public
class Error(Exception):
    """Base of every error civitas raises; str(error) is the message in English, `message_zh` the
    same in Chinese."""

    message_zh: str = ""
    """The message in Chinese."""


@_public
class ValidationError(Error, ValueError):
    """A value breaks a rule of the model; `path` is the JSON path of the offending value."""

    path: str = ""
    """The JSON path of the offending value ('' when there is none)."""


@_public
class ParseError(Error, ValueError):
    """A file could not be read or parsed; `file` names it, `location` is the line or JSON path."""

    file: str = ""
    """The file, as given to the reader."""
    location: str = ""
    """The line and column, or the JSON path, of the fault."""


@_public
class LimitError(ParseError):
    """Input past one of the reader's Limits (file size, nesting, rows, columns, string length)."""


@_public
class NotFoundError(Error, LookupError):
    """An id that was asked for does not exist (indicator, unit, bundled framework)."""


@_public
class IoError(Error, OSError):
    """The system refused a read or a write (disk full, no permission); `file` names the file."""

    file: str = ""
    """The file that could not be read or written."""


@_public
class ConstantColumnWarning(UserWarning):
    """An objective-weight method gave weight 0 to columns that do not vary (every value the same);
    `columns` are their positions, str(warning) says so in English, `message_zh` in Chinese."""

    columns: tuple[int, ...] = ()
    """Positions of the columns that got weight 0, ascending."""
    message_zh: str = ""
    """The message in Chinese."""
