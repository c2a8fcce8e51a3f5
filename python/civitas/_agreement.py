"""pandas view of rank agreement: the matrix of ``rank_correlation_matrix`` labelled by the columns of
the DataFrame it was given (python/src/bind_agreement.cpp, where its documentation is). pandas is
imported only when a DataFrame was given, so it is loaded already.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ._support import pandas

if TYPE_CHECKING:
    import pandas as pd


def correlation_frame(matrix: np.ndarray, labels: Sequence[object]) -> pd.DataFrame:
    """The rankings x rankings matrix with the rankings' labels on both axes (rows: the reference for ws)."""
    labels = list(labels)
    return pandas().DataFrame(np.array(matrix), index=labels, columns=labels)  # a writable copy, as DataFrames are
