"""civitas: score cities' civic campaigns against weighted indicator frameworks.

The compiled core (``civitas._core``) holds the model and the scoring; this package re-exports
it and adds the pandas-aware methods (``Framework.evaluate``, ``Framework.evaluate_many``,
``Evaluation.to_frame``, ``BatchEvaluation.to_frame``, ...). pandas is optional and imported
only when one of those needs it.
"""

from __future__ import annotations

from pathlib import Path

from . import _core, _frames
from ._core import (
    Aggregation,
    BatchEvaluation,
    Category,
    CategoryResult,
    Decision,
    Dependency,
    Direction,
    Error,
    Evaluation,
    Framework,
    FrameworkSpec,
    Indicator,
    IndicatorResult,
    Interval,
    ItemKind,
    LagUnit,
    Link,
    MissingPolicy,
    NotFoundError,
    Outcome,
    ParseError,
    PassRule,
    PassRuleType,
    Phase,
    Plan,
    PlanSpec,
    Reliability,
    RuleType,
    Schedule,
    ScheduleChange,
    ScheduledTask,
    ScoringRule,
    Task,
    Tier,
    ValidationError,
    Weighting,
    WorkCalendar,
    add_data_directory,
    bundled_framework_ids,
    bundled_framework_path,
    calendar_format,
    calendar_to_json,
    data_directories,
    evaluation_to_json,
    framework_format,
    framework_to_json,
    load_bundled_framework,
    load_calendar,
    load_framework,
    load_plan,
    parse_calendar,
    parse_framework,
    parse_plan,
    parse_value_table,
    plan_format,
    plan_to_json,
    read_value_table,
    release_cached_memory,
    save_framework,
    schedule,
    version,
    what_if_delayed,
)

__version__: str = version

__all__ = [
    "Aggregation",
    "BatchEvaluation",
    "Category",
    "CategoryResult",
    "Decision",
    "Dependency",
    "Direction",
    "Error",
    "Evaluation",
    "Framework",
    "FrameworkSpec",
    "Indicator",
    "IndicatorResult",
    "Interval",
    "ItemKind",
    "LagUnit",
    "Link",
    "MissingPolicy",
    "NotFoundError",
    "Outcome",
    "ParseError",
    "PassRule",
    "PassRuleType",
    "Phase",
    "Plan",
    "PlanSpec",
    "Reliability",
    "RuleType",
    "Schedule",
    "ScheduleChange",
    "ScheduledTask",
    "ScoringRule",
    "Task",
    "Tier",
    "ValidationError",
    "Weighting",
    "WorkCalendar",
    "__version__",
    "add_data_directory",
    "bundled_framework_ids",
    "bundled_framework_path",
    "calendar_format",
    "calendar_to_json",
    "data_directories",
    "evaluation_to_json",
    "framework_format",
    "framework_to_json",
    "load_bundled_framework",
    "load_calendar",
    "load_framework",
    "load_plan",
    "parse_calendar",
    "parse_framework",
    "parse_plan",
    "parse_value_table",
    "plan_format",
    "plan_to_json",
    "read_value_table",
    "release_cached_memory",
    "save_framework",
    "schedule",
    "version",
    "what_if_delayed",
]

# The frameworks shipped in the wheel (civitas/data/frameworks/*.json), so bundled ids resolve
# wherever the package is installed. CIVITAS_DATA_DIR still comes first.
_DATA = Path(__file__).resolve().parent / "data"
if (_DATA / "frameworks").is_dir():
    add_data_directory(_DATA)

_frames._install()


def __dir__() -> list[str]:
    return __all__
