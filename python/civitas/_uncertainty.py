"""pandas views of the robustness and attribution results: ``RankUncertainty.to_frame``,
``ScoreChangeAttribution.to_frame`` and ``EvaluationChange.to_frame``, methods bound with their
classes in python/src/bind_uncertainty.cpp, where their documentation is. pandas is imported only
when one of them is called.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from ._support import pandas, validation_error

if TYPE_CHECKING:
    import pandas as pd


def _labels(given: Sequence[object] | None, count: int, what: str) -> list[object]:
    if given is None:
        return list(range(count))
    labels = list(given)
    if len(labels) != count:
        raise validation_error(what, f"{len(labels)} entries for {count}; expected one each",
                               f"{len(labels)} 项对应 {count} 个；应各一项")
    return labels


def rank_uncertainty_to_frame(self: _core.RankUncertainty, units: Sequence[object] | None = None) -> pd.DataFrame:
    pd = pandas()
    columns: dict[str, Any] = {
        "nominal_rank": self.nominal_rank,
        "median_rank": self.median_rank,
        "rank_low": self.rank_low,
        "rank_high": self.rank_high,
        "mean_rank": self.mean_rank,
        "p_top_k": self.p_top_k,
    }
    if self.p_pass is not None:
        columns["p_pass"] = self.p_pass
    by_unit = self.first_order_by_unit  # None only for no units
    if by_unit is not None:
        for k, factor in enumerate(self.factors):
            columns[f"first_order_{factor}"] = by_unit[:, k]
    index = pd.Index(_labels(units, len(self), "units"), name="unit")
    return pd.DataFrame(columns, index=index)


def score_change_to_frame(
    self: _core.ScoreChangeAttribution,
    units: Sequence[object] | None = None,
    indicators: Sequence[object] | None = None,
) -> pd.DataFrame:
    pd = pandas()
    rows, cols = self.contribution.shape
    unit_labels = _labels(units, rows, "units")
    indicator_labels = _labels(indicators, cols, "indicators")
    index = pd.MultiIndex.from_product([unit_labels, indicator_labels], names=["unit", "indicator"])
    return pd.DataFrame(
        {
            "value_effect": np.asarray(self.value_effect).reshape(-1),
            "weight_effect": np.asarray(self.weight_effect).reshape(-1),
            "contribution": np.asarray(self.contribution).reshape(-1),
        },
        index=index,
    )


def evaluation_change_to_frame(self: _core.EvaluationChange) -> pd.DataFrame:
    pd = pandas()
    return pd.DataFrame(
        {
            "points_before": self.points_before,
            "points_after": self.points_after,
            "value_effect": self.value_effect,
            "weight_effect": self.weight_effect,
            "contribution": self.contribution,
        },
        index=pd.Index(self.indicators, name="indicator"),
    )
