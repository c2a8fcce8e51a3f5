# Type stubs of civitas._core, hand-written (checked against the module by
# tests/python/test_framework.py::test_stubs_cover_the_module).
# Methods marked "(civitas._frames)" are defined in Python and attached to these classes when
# `civitas` is imported.

import datetime
import enum
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, overload

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
    titles: list[str]
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
        titles: Sequence[str] = ...,
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

class Title:
    """A title the campaign runs for (a Civilized City, a Sanitary City, ...)."""

    id: str
    name: str
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, id: str = "", name: str = "") -> None: ...
    def __eq__(self, other: object) -> bool: ...

class Phase:
    """A stage of the campaign, of one title or of the whole campaign."""

    id: str
    name: str
    title: str
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, id: str = "", name: str = "", *, title: str = "") -> None: ...
    def __eq__(self, other: object) -> bool: ...

class Problem:
    """A problem an inspection found, to be rectified by a deadline and closed (整改销号)."""

    id: str
    description: str
    source: str
    titles: list[str]
    indicators: list[str]
    responsibility: dict[str, str]
    @property
    def found(self) -> datetime.date | None: ...
    @found.setter
    def found(self, value: datetime.date) -> None: ...
    @property
    def deadline(self) -> datetime.date | None: ...
    @deadline.setter
    def deadline(self, value: datetime.date) -> None: ...
    closed: datetime.date | None
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(
        self,
        id: str = "",
        *,
        description: str = "",
        source: str = "",
        titles: Sequence[str] = ...,
        indicators: Sequence[str] = ...,
        responsibility: Mapping[str, str] = ...,
        found: datetime.date | None = None,
        deadline: datetime.date | None = None,
        closed: datetime.date | None = None,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...

class PlanSpec:
    """Everything a plan holds, as plain data; `Plan` is its validated form."""

    id: str
    name: str
    responsibility_fields: list[str]
    titles: list[Title]
    phases: list[Phase]
    responsibility: dict[str, str]
    tasks: list[Task]
    problems: list[Problem]
    subplans: list[PlanSpec]
    file: str
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        responsibility_fields: Sequence[str] = ...,
        titles: Sequence[Title] = ...,
        phases: Sequence[Phase] = ...,
        responsibility: Mapping[str, str] = ...,
        tasks: Sequence[Task] = ...,
        problems: Sequence[Problem] = ...,
        subplans: Sequence[PlanSpec] = ...,
        file: str = "",
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
    @property
    def problems(self) -> list[Problem]: ...
    @property
    def subplan_paths(self) -> list[str]: ...
    def subplan_of_task(self, index: int) -> str: ...
    def subplan_of_problem(self, index: int) -> str: ...
    def titles_of_task(self, index: int) -> list[str]: ...
    def task_index(self, id: str) -> int: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    # (civitas._frames)
    def tasks_frame(self) -> pd.DataFrame: ...
    def problems_frame(self) -> pd.DataFrame: ...

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
    """A task, or a phase's end, whose earliest finish moves when a task is delayed."""

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

class TitleDates:
    """The dates of a title's drive: benchmark creation, application, inspection."""

    benchmark: datetime.date | None
    application: datetime.date | None
    inspection: datetime.date | None
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(
        self,
        *,
        benchmark: datetime.date | None = None,
        application: datetime.date | None = None,
        inspection: datetime.date | None = None,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...

class CampaignTitle:
    """A title the campaign runs for, judged by a framework."""

    id: str
    name: str
    framework: str
    dates: TitleDates
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, id: str = "", *, name: str = "", framework: str = "", dates: TitleDates = ...) -> None: ...
    def __eq__(self, other: object) -> bool: ...

class CampaignUnit:
    """A unit assessed or answering for work: the city, a district, a school."""

    id: str
    name: str
    parent: str
    classes: dict[str, str]
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, id: str = "", *, name: str = "", parent: str = "", classes: Mapping[str, str] = ...) -> None: ...
    def __eq__(self, other: object) -> bool: ...

class Department:
    """A department (bureau) that answers for tasks and targets."""

    id: str
    name: str
    leader: str
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, id: str = "", *, name: str = "", leader: str = "") -> None: ...
    def __eq__(self, other: object) -> bool: ...

class Target:
    """A campaign's own goal for an indicator, possibly stricter than the pass line."""

    title: str
    indicator: str
    unit: str
    value: float
    deadline: datetime.date | None
    department: str
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(
        self,
        title: str = "",
        indicator: str = "",
        value: float = 0.0,
        *,
        unit: str = "",
        deadline: datetime.date | None = None,
        department: str = "",
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...

class CampaignSpec:
    """Everything a campaign file says, as plain data; `Campaign` is its validated form."""

    id: str
    name: str
    language: str
    calendar: str
    titles: list[CampaignTitle]
    units: list[CampaignUnit]
    departments: list[Department]
    targets: list[Target]
    plan: PlanSpec | None
    plan_file: str
    observations: list[str]
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        language: str = "",
        calendar: str = "",
        titles: Sequence[CampaignTitle] = ...,
        units: Sequence[CampaignUnit] = ...,
        departments: Sequence[Department] = ...,
        targets: Sequence[Target] = ...,
        plan: PlanSpec | None = None,
        plan_file: str = "",
        observations: Sequence[str] = ...,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...

class Campaign:
    """A validated campaign with its frameworks, calendar and plan loaded."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(
        self,
        spec: CampaignSpec,
        frameworks: Mapping[str, Framework] = ...,
        calendar: WorkCalendar = ...,
        plan: Plan | None = None,
        observations: ObservationStore = ...,
    ) -> None: ...
    @property
    def spec(self) -> CampaignSpec: ...
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def titles(self) -> list[CampaignTitle]: ...
    @property
    def units(self) -> list[CampaignUnit]: ...
    @property
    def departments(self) -> list[Department]: ...
    @property
    def targets(self) -> list[Target]: ...
    @property
    def frameworks(self) -> dict[str, Framework]: ...
    def framework(self, title: str) -> Framework: ...
    @property
    def calendar(self) -> WorkCalendar: ...
    @property
    def plan(self) -> Plan | None: ...
    @property
    def observations(self) -> ObservationStore: ...
    @property
    def rejected_observations(self) -> list[tuple[str, RejectedRow]]: ...
    def title_index(self, id: str) -> int: ...
    def unit_index(self, id: str) -> int: ...
    def children(self, unit: str = "") -> list[str]: ...
    def unit_class(self, unit: str, title: str) -> str: ...
    def targets_for(self, title: str, indicator: str, unit: str) -> list[Target]: ...
    def __eq__(self, other: object) -> bool: ...
    # (civitas._frames)
    def units_frame(self) -> pd.DataFrame: ...
    def targets_frame(self) -> pd.DataFrame: ...

campaign_format: str

class Rag(enum.Enum):
    """Red, amber, green: how a title stands for a unit."""

    green = ...
    amber = ...
    red = ...

class TitleReadiness:
    """One title on the status date: its evaluations and each unit's verdict."""

    @property
    def title(self) -> str: ...
    @property
    def inspection(self) -> datetime.date | None: ...
    @property
    def framework(self) -> Framework | None: ...
    @property
    def units(self) -> list[str]: ...
    @property
    def now(self) -> BatchEvaluation | None: ...
    @property
    def at_inspection(self) -> BatchEvaluation | None: ...
    @property
    def rag(self) -> list[Rag]: ...
    @property
    def reasons(self) -> list[str]: ...
    @property
    def overdue_tasks(self) -> list[list[str]]: ...

class Readiness:
    """A campaign's readiness on a date."""

    @property
    def as_of(self) -> datetime.date: ...
    @property
    def titles(self) -> list[TitleReadiness]: ...
    @property
    def plan(self) -> PlanStatus | None: ...
    def title(self, id: str) -> TitleReadiness: ...
    # (civitas._frames)
    def to_frame(self) -> pd.DataFrame: ...

def readiness(
    campaign: Campaign,
    as_of: datetime.date,
    *,
    known_on: datetime.date | None = None,
    trend_points: int = 5,
    at_risk_within: int = 5,
) -> Readiness: ...
def load_campaign(path: _Path) -> Campaign: ...
def parse_campaign(text: str, file: str = "<string>") -> Campaign: ...
def campaign_to_json(campaign: Campaign, indent: int = 2) -> str: ...
def save_campaign(campaign: Campaign, path: _Path) -> None: ...

class DelayImpact:
    """What a delay moves: tasks (plan order), then phase ends (phase order)."""

    @property
    def tasks(self) -> list[ScheduleChange]: ...
    @property
    def phases(self) -> list[ScheduleChange]: ...

class ProblemState(enum.Enum):
    """A problem's state on a date: closed, closed_late, overdue or open."""

    closed = ...
    closed_late = ...
    overdue = ...
    open = ...

class ProblemStatus:
    """One problem on the status date."""

    @property
    def id(self) -> str: ...
    @property
    def state(self) -> ProblemState: ...
    @property
    def days_late(self) -> int: ...

class Rectification:
    """Rectification of a set of problems (整改销号)."""

    @property
    def found(self) -> int: ...
    @property
    def closed(self) -> int: ...
    @property
    def closed_on_time(self) -> int: ...
    @property
    def overdue(self) -> int: ...
    @property
    def closure_rate(self) -> float | None: ...

class OverdueTask:
    """A task past due and not done, with who answers for it."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def responsibility(self) -> dict[str, str]: ...
    @property
    def due(self) -> datetime.date: ...
    @property
    def days_late(self) -> int: ...
    @property
    def percent_complete(self) -> float: ...

class TaskState(enum.Enum):
    done = 0
    overdue = 1
    at_risk = 2
    in_progress = 3
    not_started = 4

class TaskStatus:
    """One task on the status date."""

    @property
    def id(self) -> str: ...
    @property
    def state(self) -> TaskState: ...
    @property
    def planned_percent(self) -> float: ...
    @property
    def percent_complete(self) -> float: ...
    @property
    def weight(self) -> float: ...
    @property
    def days_late(self) -> int: ...

class Progress:
    """Planned against earned progress of a set of tasks."""

    @property
    def tasks(self) -> int: ...
    @property
    def states(self) -> dict[TaskState, int]: ...
    @property
    def planned_value(self) -> float: ...
    @property
    def earned_value(self) -> float: ...
    @property
    def spi(self) -> float | None: ...
    @property
    def spi_t(self) -> float | None: ...
    @property
    def done_on_time(self) -> int: ...
    @property
    def due(self) -> int: ...
    @property
    def problems(self) -> Rectification: ...
    @property
    def on_time_rate(self) -> float | None: ...

class PlanStatus:
    """A plan's status on a date."""

    @property
    def as_of(self) -> datetime.date: ...
    @property
    def tasks(self) -> list[TaskStatus]: ...
    @property
    def problems(self) -> list[ProblemStatus]: ...
    @property
    def overdue(self) -> list[OverdueTask]: ...
    @property
    def overall(self) -> Progress: ...
    @property
    def by_phase(self) -> dict[str, Progress]: ...
    @property
    def by_title(self) -> dict[str, Progress]: ...
    @property
    def by_subplan(self) -> dict[str, Progress]: ...
    @property
    def by_responsibility(self) -> dict[str, dict[str, Progress]]: ...
    def task(self, id: str) -> TaskStatus: ...
    def problem(self, id: str) -> ProblemStatus: ...
    def __len__(self) -> int: ...
    # (civitas._frames)
    def to_frame(self) -> pd.DataFrame: ...
    def rollup_frame(self, by: str = "phase") -> pd.DataFrame: ...
    def overdue_frame(self) -> pd.DataFrame: ...
    def problems_frame(self) -> pd.DataFrame: ...

def status(plan: Plan, calendar: WorkCalendar, as_of: datetime.date, *, at_risk_within: int = 5) -> PlanStatus: ...
def schedule(plan: Plan, calendar: WorkCalendar) -> Schedule: ...
def what_if_delayed(plan: Plan, calendar: WorkCalendar, task: str, working_days: int) -> DelayImpact: ...
def load_plan(path: _Path) -> Plan: ...
def parse_plan(text: str, file: str = "<string>") -> Plan: ...
def plan_to_json(plan: Plan, indent: int = 2) -> str: ...
def save_plan(plan: Plan, path: _Path) -> None: ...

# ---- weights ---------------------------------------------------------------------------------

_Matrix = npt.ArrayLike
_Vector = npt.ArrayLike

class AhpMethod(enum.Enum):
    eigenvector = 0
    geometric_mean = 1

class RandomIndexTable(enum.Enum):
    saaty = 0
    donegan_dodd = 1

class ObjectiveNormalization(enum.Enum):
    min_max = 0
    none = 1

class AhpResult:
    """Weights and consistency of one pairwise comparison matrix."""

    @property
    def weights(self) -> npt.NDArray[np.float64]: ...
    @property
    def lambda_max(self) -> float: ...
    @property
    def consistency_index(self) -> float: ...
    @property
    def random_index(self) -> float: ...
    @property
    def consistency_ratio(self) -> float: ...
    @property
    def method(self) -> AhpMethod: ...
    @property
    def table(self) -> RandomIndexTable: ...
    @property
    def acceptable(self) -> bool: ...

class HierarchicalAhp:
    """AHP on a two-level hierarchy (categories, indicators)."""

    @property
    def categories(self) -> AhpResult: ...
    @property
    def indicators(self) -> list[AhpResult]: ...
    @property
    def global_weights(self) -> npt.NDArray[np.float64]: ...
    @property
    def acceptable(self) -> bool: ...

class ComparisonRevision:
    """What replacing one judgment a_ij by its consistent value w_i / w_j would do."""

    @property
    def row(self) -> int: ...
    @property
    def col(self) -> int: ...
    @property
    def value(self) -> float: ...
    @property
    def consistent_value(self) -> float: ...
    @property
    def deviation(self) -> float: ...
    @property
    def consistency_ratio(self) -> float: ...

def random_index(n: int, table: RandomIndexTable | str = "saaty") -> float: ...
def ahp(
    matrix: _Matrix,
    method: AhpMethod | str = "eigenvector",
    *,
    random_index: RandomIndexTable | str = "saaty",
    reciprocal_tolerance: float = 0.01,
) -> AhpResult: ...
def aggregate_judgments(
    matrices: Sequence[_Matrix], expert_weights: _Vector | None = None, *, reciprocal_tolerance: float = 0.01
) -> npt.NDArray[np.float64]: ...
def group_ahp(
    matrices: Sequence[_Matrix],
    expert_weights: _Vector | None = None,
    *,
    method: AhpMethod | str = "eigenvector",
    random_index: RandomIndexTable | str = "saaty",
    reciprocal_tolerance: float = 0.01,
) -> AhpResult: ...
def hierarchical_weights(category_weights: _Vector, indicator_weights: Sequence[_Vector]) -> npt.NDArray[np.float64]: ...
def hierarchical_ahp(
    categories: _Matrix,
    indicators: Sequence[_Matrix],
    *,
    method: AhpMethod | str = "eigenvector",
    random_index: RandomIndexTable | str = "saaty",
    reciprocal_tolerance: float = 0.01,
) -> HierarchicalAhp: ...
def revision_suggestions(
    matrix: _Matrix,
    *,
    method: AhpMethod | str = "eigenvector",
    random_index: RandomIndexTable | str = "saaty",
    reciprocal_tolerance: float = 0.01,
) -> list[ComparisonRevision]: ...
def entropy_weights(
    x: _Matrix, benefit: Sequence[bool] | npt.NDArray[np.bool_] | None = None, *,
    normalization: ObjectiveNormalization | str = "min_max",
) -> npt.NDArray[np.float64]: ...
def critic_weights(
    x: _Matrix, benefit: Sequence[bool] | npt.NDArray[np.bool_] | None = None, *,
    normalization: ObjectiveNormalization | str = "min_max",
) -> npt.NDArray[np.float64]: ...
def std_weights(
    x: _Matrix, benefit: Sequence[bool] | npt.NDArray[np.bool_] | None = None, *,
    normalization: ObjectiveNormalization | str = "min_max",
) -> npt.NDArray[np.float64]: ...
def combine_weights_linear(subjective: _Vector, objective: _Vector, alpha: float = 0.5) -> npt.NDArray[np.float64]: ...
def combine_weights_multiplicative(subjective: _Vector, objective: _Vector) -> npt.NDArray[np.float64]: ...

# ---- rankings --------------------------------------------------------------------------------

_Flags = Sequence[bool] | npt.NDArray[np.bool_]

class Normalization(enum.Enum):
    vector = 0
    min_max = 1

class RankMethod(enum.Enum):
    min = 0
    dense = 1
    ordinal = 2

class BoundaryTies(enum.Enum):
    demote = 0
    admit = 1
    by_id = 2

class TopsisPrepared:
    """A normalised matrix ready for TOPSIS with many weight vectors (prepare_topsis)."""

    @property
    def units(self) -> int: ...
    @property
    def criteria(self) -> int: ...
    @property
    def normalization(self) -> Normalization: ...
    def closeness(self, weights: npt.ArrayLike) -> npt.NDArray[np.float64]:
        """(criteria,) -> (units,); (draws, criteria) -> (units, draws)."""
    def separations(self, weights: npt.ArrayLike) -> npt.NDArray[np.float64]:
        """(units, 2): distance to the ideal, then to the anti-ideal."""

class VikorResult:
    """VIKOR's S, R and Q per unit (lower is better) and its compromise solution."""

    @property
    def s(self) -> npt.NDArray[np.float64]: ...
    @property
    def r(self) -> npt.NDArray[np.float64]: ...
    @property
    def q(self) -> npt.NDArray[np.float64]: ...
    @property
    def v(self) -> float: ...
    @property
    def acceptable_advantage(self) -> bool: ...
    @property
    def acceptable_stability(self) -> bool: ...
    @property
    def compromise(self) -> list[int]: ...

class AwardTier:
    """An award tier: at most `count` places and at most `share` of the units assessed."""

    def __init__(self, name: str, count: int | None = None, share: float | None = None) -> None: ...
    @property
    def name(self) -> str: ...
    @property
    def count(self) -> int | None: ...
    @property
    def share(self) -> float | None: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Awards:
    """Award tiers given to ranked units."""

    @property
    def tier_names(self) -> list[str]: ...
    @property
    def tier(self) -> npt.NDArray[np.int32]: ...
    @property
    def names(self) -> list[str | None]: ...
    @property
    def ranks(self) -> npt.NDArray[np.int32]: ...
    @property
    def quota(self) -> list[int]: ...
    @property
    def awarded(self) -> list[int]: ...
    @property
    def eligible(self) -> int: ...
    @property
    def ineligible(self) -> int: ...
    def __len__(self) -> int: ...

def weighted_sum(x: npt.ArrayLike, weights: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
def topsis(
    x: npt.ArrayLike,
    weights: npt.ArrayLike,
    benefit: _Flags | None = None,
    normalization: Normalization | str = "vector",
) -> npt.NDArray[np.float64]: ...
def prepare_topsis(
    x: npt.ArrayLike, benefit: _Flags | None = None, normalization: Normalization | str = "vector"
) -> TopsisPrepared: ...
def vikor(x: npt.ArrayLike, weights: npt.ArrayLike, benefit: _Flags | None = None, v: float = 0.5) -> VikorResult: ...
def grey_relational(
    x: npt.ArrayLike, weights: npt.ArrayLike, benefit: _Flags | None = None, rho: float = 0.5
) -> npt.NDArray[np.float64]: ...
def rank(
    scores: npt.ArrayLike, method: RankMethod | str = "min", ascending: bool = False, ids: Sequence[str] | None = None
) -> npt.NDArray[np.int32]: ...
def award(
    scores: npt.ArrayLike,
    tiers: Iterable[AwardTier | tuple[str, int] | tuple[str, float]],
    eligible: _Flags | None = None,
    ascending: bool = False,
    ties: BoundaryTies | str = "demote",
    ids: Sequence[str] | None = None,
) -> Awards: ...

# ---- trends and survey indicators -------------------------------------------------------------

_Dates = Sequence[datetime.date] | npt.NDArray[np.datetime64]
_Values = Sequence[float] | npt.NDArray[np.floating[Any]]

class ProjectionMethod(enum.Enum):
    linear = 0
    compound = 1

class ProgressState(enum.Enum):
    target_met = 0
    on_track = 1
    needs_acceleration = 2
    limited_progress = 3
    deteriorating = 4
    too_few_points = 5

class GrowthMeasure(enum.Enum):
    compound = 0
    linear = 1

class TrendTest(enum.Enum):
    consecutive = 0
    slope = 1

class YearValue(enum.Enum):
    last = 0
    mean = 1

class IntervalMethod(enum.Enum):
    wilson = 0
    agresti_coull = 1
    clopper_pearson = 2

class ProportionScale(enum.Enum):
    proportion = 0
    percent = 1

class Trend:
    """The least-squares trend and compound growth of the last points of a series."""

    @property
    def points(self) -> int: ...
    @property
    def first_date(self) -> datetime.date: ...
    @property
    def last_date(self) -> datetime.date: ...
    @property
    def first_value(self) -> float: ...
    @property
    def last_value(self) -> float: ...
    @property
    def span_years(self) -> float: ...
    @property
    def slope(self) -> float: ...
    @property
    def intercept(self) -> float: ...
    @property
    def r_squared(self) -> float: ...
    @property
    def cagr(self) -> float | None: ...
    @property
    def cagr_note(self) -> str: ...
    def fitted(self, date: datetime.date) -> float: ...
    def project(self, date: datetime.date, method: ProjectionMethod | str = "linear") -> float | None: ...
    def reach_date(self, line: Interval, method: ProjectionMethod | str = "linear") -> datetime.date | None: ...
    def required_rate(self, line: Interval, deadline: datetime.date) -> float | None: ...
    def required_growth(self, line: Interval, deadline: datetime.date) -> float | None: ...

def trend(dates: _Dates, values: _Values, last_points: int = 0) -> Trend: ...

class ProgressAssessment:
    """A progress state (Open SDG method), the numbers behind it and the reason."""

    @property
    def state(self) -> ProgressState: ...
    @property
    def reason(self) -> str: ...
    @property
    def points(self) -> int: ...
    @property
    def measure(self) -> GrowthMeasure: ...
    @property
    def observed_rate(self) -> float | None: ...
    @property
    def required_rate(self) -> float | None: ...
    @property
    def progress_value(self) -> float | None: ...
    @property
    def scaling(self) -> float | None: ...

def assess_progress(
    dates: _Dates,
    values: _Values,
    target: Interval | None = None,
    deadline: datetime.date | None = None,
    *,
    direction: Direction | str | None = None,
    min_points: int = 2,
    last_points: int = 0,
    measure: GrowthMeasure | str = "compound",
    on_track_ratio: float = 0.95,
    acceleration_ratio: float = 0.6,
    limited_ratio: float = 0.0,
    on_track_growth: float = 0.015,
    acceleration_growth: float = 0.005,
    limited_growth: float = 0.0,
    limit: float | None = None,
) -> ProgressAssessment: ...

class LevelOrTrend:
    """Whether a line met 'by the level or by the trend' is met, and how."""

    @property
    def met(self) -> bool: ...
    @property
    def met_by_level(self) -> bool: ...
    @property
    def met_by_trend(self) -> bool: ...
    @property
    def latest(self) -> float: ...
    @property
    def slope(self) -> float | None: ...
    @property
    def p_value(self) -> float | None: ...
    @property
    def reason(self) -> str: ...

def level_or_trend(
    dates: _Dates,
    values: _Values,
    line: Interval,
    *,
    test: TrendTest | str = "consecutive",
    changes: int = 2,
    last_points: int = 5,
    confidence: float = 0.95,
) -> LevelOrTrend: ...

class HistoryAverage:
    """The latest year's value against the mean of the previous years' values."""

    @property
    def assessable(self) -> bool: ...
    @property
    def met(self) -> bool: ...
    @property
    def year(self) -> int: ...
    @property
    def latest(self) -> float: ...
    @property
    def average(self) -> float | None: ...
    @property
    def years_used(self) -> list[int]: ...
    @property
    def reason(self) -> str: ...

def history_average(
    dates: _Dates,
    values: _Values,
    *,
    years: int = 5,
    min_years: int = 5,
    year_value: YearValue | str = "last",
    direction: Direction | str = "lower",
) -> HistoryAverage: ...

class ProportionInterval:
    """A proportion from a sample, with its confidence interval (on the scale given)."""

    @property
    def estimate(self) -> float: ...
    @property
    def low(self) -> float: ...
    @property
    def high(self) -> float: ...
    @property
    def n(self) -> float: ...
    @property
    def confidence(self) -> float: ...
    @property
    def method(self) -> IntervalMethod: ...
    @property
    def scale(self) -> ProportionScale: ...

def proportion_interval(
    estimate: float,
    n: float,
    confidence: float = 0.95,
    *,
    method: IntervalMethod | str = "wilson",
    scale: ProportionScale | str = "proportion",
) -> ProportionInterval: ...
def probability_meets(
    estimate: float, n: float, line: Interval, *, scale: ProportionScale | str = "proportion"
) -> float: ...

# ---- observations over time ------------------------------------------------------------------

observations_format: str

class AssessmentMode(enum.Enum):
    unspecified = 0
    field_inspection = 1
    document_review = 2
    questionnaire = 3
    online_survey = 4
    statistics = 5

class Observation:
    """One measured value of one indicator for one unit on one date."""

    unit: str
    indicator: str
    date: datetime.date
    value: float
    source: str
    mode: AssessmentMode
    sample_size: int | None
    recorded: datetime.date | None
    def __init__(
        self,
        unit: str,
        indicator: str,
        date: datetime.date,
        value: float,
        *,
        source: str = "",
        mode: AssessmentMode = ...,
        sample_size: int | None = None,
        recorded: datetime.date | None = None,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...

class LatestValue:
    """The value of a series as of a date, as it was known on a day."""

    @property
    def value(self) -> float: ...
    @property
    def date(self) -> datetime.date: ...
    @property
    def age_days(self) -> int: ...
    @property
    def source(self) -> str: ...
    @property
    def mode(self) -> AssessmentMode: ...
    @property
    def sample_size(self) -> int | None: ...
    @property
    def recorded(self) -> datetime.date | None: ...

class LatestMatrix:
    """Latest values of many units (rows) and indicators (columns) as of a date."""

    @property
    def units(self) -> list[str]: ...
    @property
    def indicators(self) -> list[str]: ...
    @property
    def values(self) -> npt.NDArray[np.float64]: ...
    @property
    def ages(self) -> npt.NDArray[np.float64]: ...
    def to_frame(self) -> pd.DataFrame:
        """(civitas._observations) Values: a row per unit, a column per indicator."""
    def ages_frame(self) -> pd.DataFrame:
        """(civitas._observations) Ages in days: a row per unit, a column per indicator."""

class RejectedRow:
    """A row of an observation file that was left out, and why."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def path(self) -> str: ...
    @property
    def message(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

class ObservationStore:
    """Observations in columns, with as-of queries; corrections keep the history."""

    def __init__(self) -> None: ...
    def add(self, observation: Observation) -> None: ...
    def finalize(self) -> None: ...
    def __len__(self) -> int: ...
    def __getitem__(self, row: int) -> Observation: ...
    @property
    def units(self) -> list[str]: ...
    @property
    def indicators(self) -> list[str]: ...
    @property
    def sources(self) -> list[str]: ...
    def series(
        self, unit: str, indicator: str, *, known_on: datetime.date | None = None
    ) -> tuple[npt.NDArray[np.datetime64], npt.NDArray[np.float64]]: ...
    def latest(
        self, unit: str, indicator: str, as_of: datetime.date, *, known_on: datetime.date | None = None
    ) -> LatestValue | None: ...
    def latest_matrix(
        self,
        as_of: datetime.date,
        units: Sequence[str] | None = None,
        indicators: Sequence[str] | None = None,
        *,
        known_on: datetime.date | None = None,
    ) -> LatestMatrix: ...
    def memory_bytes(self) -> int: ...
    def _columns(self) -> dict[str, npt.NDArray[Any]]: ...
    def to_frame(self) -> pd.DataFrame:
        """(civitas._observations) Every record in index order, one column per field."""

class ObservationLoad:
    """Observations read from a file, and the rows that were left out."""

    @property
    def store(self) -> ObservationStore: ...
    @property
    def rejected(self) -> list[RejectedRow]: ...
    def rejected_frame(self) -> pd.DataFrame:
        """(civitas._observations) The rows left out: line, column, path, message."""

def read_observations_csv(
    path: str | os.PathLike[str], *, threads: int = 0, block_bytes: int = 16777216
) -> ObservationLoad: ...
def parse_observations_csv(text: str, file: str = "<string>", *, threads: int = 0) -> ObservationLoad: ...
def read_observations_json(path: str | os.PathLike[str]) -> ObservationLoad: ...
def parse_observations_json(text: str, file: str = "<string>") -> ObservationLoad: ...

# ---- robustness and attribution ----------------------------------------------------------------

class WeightPerturbation(enum.Enum):
    none = 0
    dirichlet = 1
    uniform = 2

class RankingMethod(enum.Enum):
    topsis = 0
    weighted_sum = 1
    vikor = 2

class UncertainFactor(enum.Enum):
    weights = 0
    normalization = 1
    method = 2
    dropped_indicator = 3

class RankUncertainty:
    """Per-unit rank statistics over Monte Carlo draws, and what drives them."""

    @property
    def draws(self) -> int: ...
    @property
    def top_k(self) -> int: ...
    @property
    def pass_threshold(self) -> float | None: ...
    @property
    def nominal_rank(self) -> npt.NDArray[np.int32]: ...
    @property
    def median_rank(self) -> npt.NDArray[np.float64]: ...
    @property
    def rank_low(self) -> npt.NDArray[np.int32]: ...
    @property
    def rank_high(self) -> npt.NDArray[np.int32]: ...
    @property
    def mean_rank(self) -> npt.NDArray[np.float64]: ...
    @property
    def p_top_k(self) -> npt.NDArray[np.float64]: ...
    @property
    def p_pass(self) -> npt.NDArray[np.float64] | None: ...
    @property
    def first_order(self) -> npt.NDArray[np.float64]: ...
    @property
    def factors(self) -> list[str]: ...
    @property
    def first_order_by_unit(self) -> npt.NDArray[np.float64]: ...
    @property
    def weight_first_order(self) -> npt.NDArray[np.float64]: ...
    @property
    def drop_one_ranks(self) -> npt.NDArray[np.int32] | None: ...
    @property
    def weights(self) -> npt.NDArray[np.float64]: ...
    @property
    def normalization(self) -> npt.NDArray[np.int8]: ...
    @property
    def method(self) -> npt.NDArray[np.int8]: ...
    @property
    def dropped(self) -> npt.NDArray[np.int32]: ...
    @property
    def ranks(self) -> npt.NDArray[np.int32] | None: ...
    def __len__(self) -> int: ...
    def to_frame(self, units: Sequence[object] | None = None) -> pd.DataFrame:
        """One row per unit: ranks, interval, probabilities, per-unit indices (civitas._uncertainty)."""

class ScoreChangeAttribution:
    """A weighted-sum score change between rounds, split per unit and indicator."""

    @property
    def before(self) -> npt.NDArray[np.float64]: ...
    @property
    def after(self) -> npt.NDArray[np.float64]: ...
    @property
    def change(self) -> npt.NDArray[np.float64]: ...
    @property
    def value_effect(self) -> npt.NDArray[np.float64]: ...
    @property
    def weight_effect(self) -> npt.NDArray[np.float64]: ...
    @property
    def contribution(self) -> npt.NDArray[np.float64]: ...
    def to_frame(
        self, units: Sequence[object] | None = None, indicators: Sequence[object] | None = None
    ) -> pd.DataFrame:
        """Long format: one row per unit and indicator (civitas._uncertainty)."""

class EvaluationChange:
    """One unit's framework points change between two evaluations, per indicator."""

    @property
    def indicators(self) -> list[str]: ...
    @property
    def points_before(self) -> npt.NDArray[np.float64]: ...
    @property
    def points_after(self) -> npt.NDArray[np.float64]: ...
    @property
    def value_effect(self) -> npt.NDArray[np.float64]: ...
    @property
    def weight_effect(self) -> npt.NDArray[np.float64]: ...
    @property
    def contribution(self) -> npt.NDArray[np.float64]: ...
    @property
    def change(self) -> float: ...
    @property
    def total_change(self) -> float | None: ...
    def to_frame(self) -> pd.DataFrame:
        """One row per indicator (civitas._uncertainty)."""

def rank_uncertainty(
    x: npt.ArrayLike,
    weights: npt.ArrayLike,
    benefit: _Flags | None = None,
    *,
    draws: int = 1000,
    seed: int = 0,
    perturbation: WeightPerturbation | str = "dirichlet",
    concentration: float = 100.0,
    share: float = 0.2,
    normalizations: Normalization | str | Sequence[Normalization | str] = "vector",
    methods: RankingMethod | str | Sequence[RankingMethod | str] = "topsis",
    drop_probability: float = 0.0,
    drop_one: bool = False,
    top_k: int = 1,
    pass_threshold: float | None = None,
    vikor_v: float = 0.5,
    sensitivity: bool = True,
    keep_ranks: bool = False,
    threads: int = 0,
) -> RankUncertainty: ...
def obstacle_degree(r: npt.ArrayLike, weights: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
@overload
def score_change_attribution(
    before: npt.ArrayLike, after: npt.ArrayLike, weights_before: npt.ArrayLike, weights_after: npt.ArrayLike | None = None
) -> ScoreChangeAttribution: ...
@overload
def score_change_attribution(before: Evaluation, after: Evaluation) -> EvaluationChange: ...

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
def bundled_calendar_ids() -> list[str]: ...
def bundled_calendar_path(id: str) -> Path: ...
def load_bundled_calendar(id: str) -> WorkCalendar: ...
def _cli_run(argv: Sequence[str]) -> int: ...
