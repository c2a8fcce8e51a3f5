# Type stubs of civitas._core, hand-written (checked against the module by
# tests/python/test_framework.py::test_stubs_cover_the_module).
# Methods marked "(civitas._frames)" are defined in Python and attached to these classes when
# `civitas` is imported.

import datetime
import enum
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt
import pandas as pd

version: str
framework_format: str
calendar_format: str
plan_format: str

# ---- errors ----------------------------------------------------------------------------------

class Error(Exception):
    """Base of every error civitas raises."""

class ValidationError(Error, ValueError):
    """A value breaks a rule of the model; `path` is the JSON path of the offending value."""

    path: str

class ParseError(Error, ValueError):
    """A file could not be read or parsed."""

    file: str
    location: str

class NotFoundError(Error, LookupError):
    """An id that was asked for does not exist."""

# ---- enums -----------------------------------------------------------------------------------

class Direction(enum.Enum):
    higher = 0
    lower = 1
    range = 2
    yes_no = 3
    problem_count = 4

class ItemKind(enum.Enum):
    general = 0
    basic = 1

class RuleType(enum.Enum):
    pass_fail = 0
    linear = 1
    proportional = 2
    tiers = 3
    deduction = 4
    yes_no = 5

class MissingPolicy(enum.Enum):
    fail = 0
    skip = 1

class Aggregation(enum.Enum):
    arithmetic = 0
    geometric = 1

class Weighting(enum.Enum):
    relative = 0
    points = 1

class Reliability(enum.Enum):
    verified = 0
    secondary = 1
    unverified = 2
    illustrative = 3

class PassRuleType(enum.Enum):
    all_basic_met = 0
    min_share_met = 1
    min_count_met = 2
    min_share_general_met = 3
    min_count_general_met = 4
    min_total = 5

class Outcome(enum.Enum):
    missing = -1
    not_met = 0
    met = 1

class Decision(enum.Enum):
    passed = 0
    coverage = 1
    veto = 2
    rule = 3
    invalid = 4

# ---- framework value types -------------------------------------------------------------------

class Interval:
    """A closed interval [low, high]; an open end is +/-inf."""

    low: float
    high: float
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, low: float = ..., high: float = ...) -> None: ...
    @staticmethod
    def at_least(line: float) -> Interval: ...
    @staticmethod
    def at_most(line: float) -> Interval: ...
    def contains(self, value: float) -> bool: ...
    def __contains__(self, value: float) -> bool: ...
    def distance(self, value: float) -> float: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Interval: ...
    def __deepcopy__(self, memo: dict[Any, Any]) -> Interval: ...
    def __getstate__(self) -> tuple[float, float]: ...
    def __setstate__(self, state: tuple[float, float]) -> None: ...

class Tier:
    """One step of a tiered rule: reaching `at` scores `score` (a share in [0, 1])."""

    at: float
    score: float
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, at: float = 0.0, score: float = 0.0) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Tier: ...
    def __deepcopy__(self, memo: dict[Any, Any]) -> Tier: ...
    def __getstate__(self) -> tuple[float, float]: ...
    def __setstate__(self, state: tuple[float, float]) -> None: ...

class ScoringRule:
    """Scoring rule of one indicator; which fields matter depends on `type`."""

    type: RuleType
    zero: Interval | None
    full: Interval | None
    tiers: list[Tier]
    per_problem: float
    max_deduction: float | None
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(
        self,
        type: RuleType = ...,
        zero: Interval | None = None,
        full: Interval | None = None,
        tiers: Sequence[Tier] = ...,
        per_problem: float = 0.0,
        max_deduction: float | None = None,
    ) -> None: ...
    @staticmethod
    def pass_fail() -> ScoringRule: ...
    @staticmethod
    def linear(zero: Interval, full: Interval | None = None) -> ScoringRule: ...
    @staticmethod
    def deduction(per_problem: float, max_deduction: float | None = None) -> ScoringRule: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> ScoringRule: ...
    def __deepcopy__(self, memo: dict[Any, Any]) -> ScoringRule: ...

class Indicator:
    """An indicator: a measured value, its direction, pass line, weight and scoring rule."""

    id: str
    name: str
    unit: str
    direction: Direction
    pass_: Interval | None
    pass_by_class: dict[str, Interval]
    bounds: Interval | None
    improvement: Interval | None
    kind: ItemKind
    weight: float | None
    scoring: ScoringRule
    mode: str
    missing: MissingPolicy | None
    reliability: Reliability | None
    notes: str
    source: str
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        unit: str = "",
        direction: Direction = ...,
        pass_: Interval | None = None,
        pass_by_class: Mapping[str, Interval] = ...,
        bounds: Interval | None = None,
        improvement: Interval | None = None,
        kind: ItemKind = ...,
        weight: float | None = None,
        scoring: ScoringRule = ...,
        mode: str = "",
        missing: MissingPolicy | None = None,
        reliability: Reliability | None = None,
        notes: str = "",
        source: str = "",
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Indicator: ...
    def __deepcopy__(self, memo: dict[Any, Any]) -> Indicator: ...

class Category:
    """A category: a weighted group of indicators and subcategories."""

    id: str
    name: str
    weight: float | None
    aggregation: Aggregation
    categories: list[Category]
    indicators: list[Indicator]
    notes: str
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        weight: float | None = None,
        aggregation: Aggregation = ...,
        categories: Sequence[Category] = ...,
        indicators: Sequence[Indicator] = ...,
        notes: str = "",
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Category: ...
    def __deepcopy__(self, memo: dict[Any, Any]) -> Category: ...

class PassRule:
    """One pass rule: a condition and its threshold."""

    type: PassRuleType
    value: float
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, type: PassRuleType = ..., value: float = 0.0) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> PassRule: ...
    def __deepcopy__(self, memo: dict[Any, Any]) -> PassRule: ...
    def __getstate__(self) -> tuple[PassRuleType, float]: ...
    def __setstate__(self, state: tuple[PassRuleType, float]) -> None: ...

class FrameworkSpec:
    """Everything a framework file holds, as plain data; `Framework` is its validated form."""

    id: str
    name: str
    edition: str
    issuer: str
    source: str
    reliability: Reliability
    notes: str
    scale: float
    weighting: Weighting
    missing: MissingPolicy
    min_coverage: float
    pass_rules: list[PassRule]
    root: Category
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        edition: str = "",
        issuer: str = "",
        source: str = "",
        reliability: Reliability = ...,
        notes: str = "",
        scale: float = 100.0,
        weighting: Weighting = ...,
        missing: MissingPolicy = ...,
        min_coverage: float = 0.0,
        pass_rules: Sequence[PassRule] = ...,
        root: Category = ...,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> FrameworkSpec: ...
    def __deepcopy__(self, memo: dict[Any, Any]) -> FrameworkSpec: ...

class Framework:
    """A validated, immutable assessment framework."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, spec: FrameworkSpec) -> None: ...
    @property
    def spec(self) -> FrameworkSpec: ...
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def scale(self) -> float: ...
    @property
    def indicator_ids(self) -> list[str]: ...
    @property
    def effective_weights(self) -> npt.NDArray[np.float64]: ...
    @property
    def indicators(self) -> list[Indicator]: ...
    @property
    def categories(self) -> list[Category]: ...
    def indicator(self, id: str) -> Indicator: ...
    def indicator_index(self, id: str) -> int: ...
    def indicator_path(self, index: int) -> str: ...
    def indicator_categories(self, index: int) -> list[str]: ...
    def __len__(self) -> int: ...
    def __contains__(self, id: str) -> bool: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Framework: ...
    def __deepcopy__(self, memo: dict[Any, Any]) -> Framework: ...
    def __getstate__(self) -> str: ...
    def __setstate__(self, state: str) -> None: ...
    def _evaluate(
        self, values: Mapping[str, float], unit: str = "", unit_class: str = "", nan_as_missing: bool = False
    ) -> Evaluation: ...
    def _evaluate_many(
        self,
        values: npt.ArrayLike,
        columns: Sequence[str],
        units: Sequence[str] = ...,
        classes: Sequence[str] = ...,
        nan_as_missing: bool = False,
        threads: int = 0,
    ) -> BatchEvaluation: ...
    # (civitas._frames)
    def evaluate(
        self,
        values: Mapping[str, float | None] | pd.Series,
        unit: str | None = None,
        unit_class: str = "",
        *,
        nan_as_missing: bool = False,
    ) -> Evaluation: ...
    def evaluate_many(
        self,
        data: pd.DataFrame | npt.ArrayLike,
        *,
        columns: Sequence[str] | None = None,
        units: Sequence[str] | None = None,
        classes: str | Sequence[str] | None = None,
        nan_as_missing: bool = False,
        threads: int = 0,
    ) -> BatchEvaluation: ...

# ---- results ---------------------------------------------------------------------------------

class IndicatorResult:
    """One indicator's result for one unit."""

    @property
    def id(self) -> str: ...
    @property
    def value(self) -> float | None: ...
    @property
    def outcome(self) -> Outcome: ...
    @property
    def counted(self) -> bool: ...
    @property
    def score(self) -> float: ...
    @property
    def points(self) -> float: ...
    @property
    def max_points(self) -> float: ...
    @property
    def pass_(self) -> Interval: ...
    @property
    def gap(self) -> float | None: ...
    @property
    def relative_gap(self) -> float | None: ...
    @property
    def meets_improvement(self) -> bool | None: ...
    @property
    def obstacle(self) -> float: ...

class CategoryResult:
    """One category's subtotal for one unit."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def depth(self) -> int: ...
    @property
    def score(self) -> float: ...
    @property
    def points(self) -> float: ...
    @property
    def max_points(self) -> float: ...
    @property
    def met(self) -> int: ...
    @property
    def assessed(self) -> int: ...
    @property
    def indicators(self) -> int: ...

class Evaluation:
    """The result of evaluating one unit."""

    @property
    def framework(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def indicators(self) -> list[IndicatorResult]: ...
    @property
    def categories(self) -> list[CategoryResult]: ...
    @property
    def total(self) -> float | None: ...
    @property
    def scale(self) -> float: ...
    @property
    def met(self) -> int: ...
    @property
    def assessed(self) -> int: ...
    @property
    def coverage(self) -> float: ...
    @property
    def basic_failed(self) -> list[str]: ...
    @property
    def passed(self) -> bool: ...
    @property
    def decided_by(self) -> Decision: ...
    @property
    def failed_rule(self) -> PassRule | None: ...
    @property
    def reason(self) -> str: ...
    @property
    def error(self) -> str: ...
    @property
    def _framework(self) -> Framework: ...
    def indicator(self, id: str) -> IndicatorResult: ...
    def shortfalls(self) -> list[IndicatorResult]: ...
    # (civitas._frames)
    def to_frame(self) -> pd.DataFrame: ...
    def to_dict(self) -> dict[str, Any]: ...

class BatchEvaluation:
    """Results for many units; rows are units, columns indicators (framework order)."""

    @property
    def framework(self) -> str: ...
    @property
    def units(self) -> list[str]: ...
    @property
    def classes(self) -> list[str]: ...
    @property
    def indicator_ids(self) -> list[str]: ...
    @property
    def category_ids(self) -> list[str]: ...
    @property
    def values(self) -> npt.NDArray[np.float64]: ...
    @property
    def scores(self) -> npt.NDArray[np.float64]: ...
    @property
    def points(self) -> npt.NDArray[np.float64]: ...
    @property
    def max_points(self) -> npt.NDArray[np.float64]: ...
    @property
    def full_points(self) -> npt.NDArray[np.float64]: ...
    @property
    def gaps(self) -> npt.NDArray[np.float64]: ...
    @property
    def outcomes(self) -> npt.NDArray[np.int8]: ...
    @property
    def category_scores(self) -> npt.NDArray[np.float64]: ...
    @property
    def totals(self) -> npt.NDArray[np.float64]: ...
    @property
    def coverage(self) -> npt.NDArray[np.float64]: ...
    @property
    def met(self) -> npt.NDArray[np.int32]: ...
    @property
    def assessed(self) -> npt.NDArray[np.int32]: ...
    @property
    def basic_failed(self) -> npt.NDArray[np.int32]: ...
    @property
    def passed(self) -> npt.NDArray[np.bool_]: ...
    @property
    def decided_by(self) -> list[Decision]: ...
    @property
    def errors(self) -> list[str]: ...
    @property
    def ok(self) -> bool: ...
    @property
    def _framework(self) -> Framework: ...
    def unit(self, row: int) -> Evaluation: ...
    def __getitem__(self, row: int) -> Evaluation: ...
    def __len__(self) -> int: ...
    # (civitas._frames)
    def to_frame(self) -> pd.DataFrame: ...
    def scores_frame(self) -> pd.DataFrame: ...
    def to_dict(self) -> dict[str, Any]: ...
    def points_frame(self) -> pd.DataFrame: ...
    def values_frame(self) -> pd.DataFrame: ...
    def gaps_frame(self) -> pd.DataFrame: ...
    def outcomes_frame(self) -> pd.DataFrame: ...
    def category_scores_frame(self) -> pd.DataFrame: ...

# ---- working-day calendars -------------------------------------------------------------------

class WorkCalendar:
    """A validated working-day calendar: weekend days, holidays and adjusted working days (调休)."""

    def __init__(
        self,
        weekend: Iterable[str | int] | None = None,
        holidays: Iterable[datetime.date] | Mapping[datetime.date, str] = (),
        working_days: Iterable[datetime.date] = (),
        id: str = "",
        name: str = "",
        source: str = "",
    ) -> None: ...
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def source(self) -> str: ...
    def weekend(self) -> list[str]: ...
    def holidays(self) -> list[datetime.date]: ...
    def holiday_names(self) -> dict[datetime.date, str]: ...
    def adjusted_working_days(self) -> list[datetime.date]: ...
    def is_working_day(self, date: datetime.date) -> bool: ...
    def next_working_day(self, date: datetime.date) -> datetime.date: ...
    def previous_working_day(self, date: datetime.date) -> datetime.date: ...
    def add_working_days(self, start: datetime.date, n: int) -> datetime.date: ...
    def working_days_between(self, start: datetime.date, end: datetime.date) -> int: ...
    def __eq__(self, other: object) -> bool: ...

def load_calendar(path: _Path) -> WorkCalendar: ...
def parse_calendar(text: str, file: str = "<string>") -> WorkCalendar: ...
def calendar_to_json(calendar: WorkCalendar, indent: int = 2) -> str: ...

# ---- plans and schedules ---------------------------------------------------------------------

class Link(enum.Enum):
    finish_to_start = 0
    start_to_start = 1

class LagUnit(enum.Enum):
    working_days = 0
    calendar_days = 1

class Dependency:
    """A task's wait for another task."""

    task: str
    link: Link
    lag: int
    unit: LagUnit
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, task: str = "", link: Link = ..., lag: int = 0, unit: LagUnit = ...) -> None: ...
    def __eq__(self, other: object) -> bool: ...

class Task:
    """A task or milestone of a plan, pinned to who answers for it (五定)."""

    id: str
    name: str
    phase: str
    responsibility: dict[str, str]
    @property
    def start(self) -> datetime.date | None: ...
    @start.setter
    def start(self, value: datetime.date) -> None: ...
    @property
    def due(self) -> datetime.date | None: ...
    @due.setter
    def due(self, value: datetime.date) -> None: ...
    milestone: bool
    weight: float | None
    indicators: list[str]
    @property
    def depends_on(self) -> list[Dependency]: ...
    @depends_on.setter
    def depends_on(self, value: Iterable[Dependency | str]) -> None: ...
    actual_start: datetime.date | None
    actual_finish: datetime.date | None
    percent_complete: float
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        phase: str = "",
        responsibility: Mapping[str, str] = ...,
        start: datetime.date | None = None,
        due: datetime.date | None = None,
        milestone: bool = False,
        weight: float | None = None,
        indicators: Sequence[str] = ...,
        depends_on: Iterable[Dependency | str] = ...,
        actual_start: datetime.date | None = None,
        actual_finish: datetime.date | None = None,
        percent_complete: float = 0.0,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...

class Phase:
    """A stage of the campaign."""

    id: str
    name: str
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, id: str = "", name: str = "") -> None: ...
    def __eq__(self, other: object) -> bool: ...

class PlanSpec:
    """Everything a plan holds, as plain data; `Plan` is its validated form."""

    id: str
    name: str
    responsibility_fields: list[str]
    phases: list[Phase]
    tasks: list[Task]
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        responsibility_fields: Sequence[str] = ...,
        phases: Sequence[Phase] = ...,
        tasks: Sequence[Task] = ...,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...

class Plan:
    """A validated plan: unique ids, known phases, dependencies and responsibility fields."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, spec: PlanSpec) -> None: ...
    @property
    def spec(self) -> PlanSpec: ...
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def tasks(self) -> list[Task]: ...
    def task_index(self, id: str) -> int: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    # (civitas._frames)
    def tasks_frame(self) -> pd.DataFrame: ...

class ScheduledTask:
    """One task's place in the schedule (working days of the calendar)."""

    @property
    def id(self) -> str: ...
    @property
    def duration(self) -> int: ...
    @property
    def earliest_start(self) -> datetime.date: ...
    @property
    def earliest_finish(self) -> datetime.date: ...
    @property
    def latest_start(self) -> datetime.date: ...
    @property
    def latest_finish(self) -> datetime.date: ...
    @property
    def slack(self) -> int: ...
    @property
    def critical(self) -> bool: ...

class Schedule:
    """The schedule of a plan: forward and backward pass over its dependencies."""

    @property
    def tasks(self) -> list[ScheduledTask]: ...
    @property
    def critical_path(self) -> list[str]: ...
    @property
    def smallest_slack(self) -> int: ...
    def task(self, id: str) -> ScheduledTask: ...
    def __len__(self) -> int: ...
    # (civitas._frames)
    def to_frame(self) -> pd.DataFrame: ...

class ScheduleChange:
    """A task whose earliest finish moves when another task is delayed."""

    @property
    def id(self) -> str: ...
    @property
    def earliest_finish(self) -> datetime.date: ...
    @property
    def delayed_finish(self) -> datetime.date: ...
    @property
    def working_days(self) -> int: ...
    @property
    def milestone(self) -> bool: ...

def schedule(plan: Plan, calendar: WorkCalendar) -> Schedule: ...
def what_if_delayed(plan: Plan, calendar: WorkCalendar, task: str, working_days: int) -> list[ScheduleChange]: ...
def load_plan(path: _Path) -> Plan: ...
def parse_plan(text: str, file: str = "<string>") -> Plan: ...
def plan_to_json(plan: Plan, indent: int = 2) -> str: ...

# ---- files -----------------------------------------------------------------------------------

_Path = str | os.PathLike[str]

def load_framework(path: _Path) -> Framework: ...
def parse_framework(text: str, file: str = "<string>") -> Framework: ...
def framework_to_json(framework: Framework, indent: int = 2) -> str: ...
def save_framework(framework: Framework, path: _Path) -> None: ...
def evaluation_to_json(evaluation: Evaluation, indent: int = 2) -> str: ...
def read_value_table(
    path: _Path, class_column: str = ""
) -> tuple[list[str], list[str], list[str], npt.NDArray[np.float64]]: ...
def parse_value_table(
    text: str, file: str = "<string>", class_column: str = ""
) -> tuple[list[str], list[str], list[str], npt.NDArray[np.float64]]: ...
def release_cached_memory() -> None:
    """Frees the memory that finished batches left for reuse by the next batch of the same shape (at most 64 MiB)."""

def data_directories() -> list[Path]: ...
def add_data_directory(directory: _Path) -> None: ...
def bundled_framework_ids() -> list[str]: ...
def bundled_framework_path(id: str) -> Path: ...
def load_bundled_framework(id: str) -> Framework: ...
def _cli_run(argv: Sequence[str]) -> int: ...
