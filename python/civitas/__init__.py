"""civitas: score cities' civic campaigns against weighted indicator frameworks.

The compiled core (``civitas._core``) holds the model and the scoring and binds every public name,
listed in its ``__all__``; this package re-exports them, with the submission forms' xlsx
functions of ``civitas._office`` (write_template, read_submission, import_submission). The methods that build pandas objects
(``Framework.evaluate``, ``Evaluation.to_frame``, ...) are bound with their classes and written in
the pure-Python modules beside this one; pandas is optional and imported only when one of them
needs it.
"""

from __future__ import annotations

from pathlib import Path

from . import _core
from ._core import *  # noqa: F403 - the names in _core.__all__
from ._core import __all__ as __all__

from ._office import import_submission, read_submission, write_template

__version__: str = _core.version
# The compiled core's names, then the pure-Python functions of the office's forms (xlsx through openpyxl).
__all__ = [*__all__, "write_template", "read_submission", "import_submission", "__version__"]  # _office.__all__ written out for mypy

# The frameworks shipped in the wheel (civitas/data/frameworks/*.json), so bundled ids resolve
# wherever the package is installed. CIVITAS_DATA_DIR still comes first.
_DATA = Path(__file__).resolve().parent / "data"
if (_DATA / "frameworks").is_dir():
    _core.add_data_directory(_DATA)


def __dir__() -> list[str]:
    return __all__
