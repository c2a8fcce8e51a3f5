"""
civitas._core: C++ core of the civitas package (use `import civitas`). Besides classes and functions it holds `version`, the library's version; `max_depth`, the deepest nesting of categories and of sub-plans (64), in files and in memory; and the format id each kind of file carries (`framework_format`, ...).
"""

from __future__ import annotations
import builtins
from civitas._errors import ConstantColumnWarning
from civitas._errors import Error
from civitas._errors import IoError
from civitas._errors import LimitError
from civitas._errors import NotFoundError
from civitas._errors import ParseError
from civitas._errors import ValidationError
import collections.abc
import datetime
import enum
import numpy
import numpy.typing
import os
import pathlib
import typing

if typing.TYPE_CHECKING:
    import pandas
__all__: list[str] = [
    "version",
    "Error",
    "ValidationError",
    "ParseError",
    "LimitError",
    "NotFoundError",
    "IoError",
    "Limits",
    "max_depth",
    "simd_path",
    "available_simd_paths",
    "use_simd_path",
    "AssessmentMode",
    "RoundPart",
    "ConsequenceRule",
    "RoundScheme",
    "Direction",
    "ItemKind",
    "RuleType",
    "MissingPolicy",
    "Aggregation",
    "Weighting",
    "Reliability",
    "PassRuleType",
    "IndicatorScope",
    "MetBy",
    "Interval",
    "Tier",
    "ScoringRule",
    "TrendRule",
    "HistoryAverageRule",
    "Indicator",
    "Category",
    "PassRule",
    "FrameworkSpec",
    "Framework",
    "unit_line",
    "Outcome",
    "Decision",
    "IndicatorResult",
    "CategoryResult",
    "Evaluation",
    "BatchEvaluation",
    "calendar_format",
    "WorkCalendar",
    "load_calendar",
    "parse_calendar",
    "calendar_to_json",
    "plan_format",
    "Link",
    "LagUnit",
    "Dependency",
    "BudgetLine",
    "Spending",
    "Task",
    "Title",
    "Phase",
    "Problem",
    "PlanSpec",
    "Plan",
    "ScheduledTask",
    "Schedule",
    "ScheduleChange",
    "DelayImpact",
    "schedule",
    "what_if_delayed",
    "load_plan",
    "parse_plan",
    "plan_to_json",
    "save_plan",
    "TaskState",
    "TaskStatus",
    "ProblemState",
    "ProblemStatus",
    "Rectification",
    "OverdueTask",
    "Progress",
    "AccountFunds",
    "OverBudget",
    "PlanStatus",
    "status",
    "ProjectionMethod",
    "ProgressState",
    "GrowthMeasure",
    "TrendTest",
    "YearValue",
    "IntervalMethod",
    "ProportionScale",
    "Trend",
    "trend",
    "ProgressAssessment",
    "assess_progress",
    "LevelOrTrend",
    "level_or_trend",
    "HistoryAverage",
    "history_average",
    "ProportionInterval",
    "proportion_interval",
    "probability_meets",
    "observations_format",
    "Observation",
    "LatestValue",
    "LatestMatrix",
    "TrendMatrix",
    "RejectedRow",
    "ObservationStore",
    "ObservationLoad",
    "load_observations_csv",
    "parse_observations_csv",
    "load_observations_json",
    "parse_observations_json",
    "read_observations_arrow",
    "read_observations",
    "AssessmentKind",
    "EventKind",
    "inspection_format",
    "AssessmentRound",
    "CycleStanding",
    "cycle_standing",
    "CycleNeed",
    "points_needed",
    "Check",
    "InspectionSite",
    "InspectionProblem",
    "FieldRollup",
    "FieldInspection",
    "load_field_inspection",
    "parse_field_inspection",
    "field_inspection_to_json",
    "CampaignEvent",
    "campaign_format",
    "TitleDates",
    "CampaignTitle",
    "CampaignUnit",
    "Department",
    "Target",
    "SubmissionSchedule",
    "AccountabilityRule",
    "CampaignSpec",
    "Campaign",
    "load_campaign",
    "campaign_store_path",
    "parse_campaign",
    "campaign_to_json",
    "save_campaign",
    "store_available",
    "store_schema_version",
    "SubmissionStatus",
    "TaskReport",
    "ProblemUpdate",
    "SpendingReport",
    "Submission",
    "RejectedRecord",
    "ValueChange",
    "ImportResult",
    "SubmissionRecord",
    "ObservationVersion",
    "CampaignStore",
    "read_observation_submission",
    "scheduled_submissions",
    "observation_submission",
    "Rag",
    "TargetState",
    "RulingKind",
    "Ruling",
    "TargetProgress",
    "SurveyCheck",
    "UnitFacts",
    "TitleReadiness",
    "Readiness",
    "SeriesTrend",
    "series_trends",
    "readiness",
    "readiness_format",
    "readiness_to_json",
    "trend_frame",
    "Language",
    "ReportFormat",
    "CircularRow",
    "CircularTask",
    "CircularProblem",
    "RankChange",
    "CircularChanges",
    "CircularAction",
    "Circular",
    "build_circular",
    "ReportItem",
    "UnitStanding",
    "RoundResult",
    "TitleReport",
    "ReportPart",
    "ReportGap",
    "DepartmentRow",
    "Report",
    "build_report",
    "CellKind",
    "CellRule",
    "FormSheet",
    "SubmissionForm",
    "FilledSheet",
    "CellError",
    "FormReading",
    "submission_form",
    "read_submission_form",
    "import_form",
    "form_csv_file",
    "save_form_csv",
    "read_form_csv",
    "ConstantColumnWarning",
    "AhpMethod",
    "RandomIndexTable",
    "ObjectiveNormalization",
    "AhpResult",
    "HierarchicalAhp",
    "ComparisonRevision",
    "random_index",
    "ahp",
    "aggregate_judgments",
    "group_ahp",
    "hierarchical_weights",
    "hierarchical_ahp",
    "revision_suggestions",
    "entropy_weights",
    "critic_weights",
    "std_weights",
    "merec_weights",
    "gini_weights",
    "cilos_weights",
    "idocriw_weights",
    "combine_weights_linear",
    "combine_weights_multiplicative",
    "Normalization",
    "RankMethod",
    "BoundaryTies",
    "weighted_sum",
    "topsis",
    "TopsisPrepared",
    "prepare_topsis",
    "VikorResult",
    "vikor",
    "grey_relational",
    "waspas",
    "edas",
    "copras",
    "spotis",
    "cocoso",
    "MultimooraResult",
    "multimoora",
    "PreferenceShape",
    "PrometheeFlows",
    "promethee",
    "rank",
    "AwardTier",
    "Awards",
    "award",
    "CorrelationMethod",
    "rank_correlation",
    "rank_correlation_matrix",
    "WeightPerturbation",
    "RankingMethod",
    "UncertainFactor",
    "RankUncertainty",
    "rank_uncertainty",
    "obstacle_degree",
    "ScoreChangeAttribution",
    "EvaluationChange",
    "score_change_attribution",
    "ReversalTest",
    "RankReversal",
    "RankReversalReport",
    "rank_reversal",
    "framework_format",
    "load_framework",
    "parse_framework",
    "framework_to_json",
    "save_framework",
    "round_scheme_format",
    "load_round_scheme",
    "parse_round_scheme",
    "round_scheme_to_json",
    "evaluation_to_json",
    "load_value_table",
    "parse_value_table",
    "read_value_table_arrow",
    "release_cached_memory",
    "data_directories",
    "add_data_directory",
    "bundled_framework_ids",
    "bundled_framework_path",
    "load_bundled_framework",
    "load_framework_or_bundled",
    "bundled_calendar_ids",
    "bundled_calendar_path",
    "load_bundled_calendar",
    "bundled_round_scheme_ids",
    "bundled_round_scheme_path",
    "load_bundled_round_scheme",
    "language_of_text",
    "Options",
    "options",
]

class Limits:
    """
    Sizes past which a reader refuses its input with LimitError; the defaults leave room for the largest real inputs. Pass as `limits=` to any load_, parse_ or read_ function.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Limits: ...
    def __deepcopy__(self, memo: dict) -> Limits: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        *,
        depth: typing.SupportsInt | typing.SupportsIndex = 64,
        json_bytes: typing.SupportsInt | typing.SupportsIndex = 268435456,
        csv_bytes: typing.SupportsInt | typing.SupportsIndex = 17179869184,
        rows: typing.SupportsInt | typing.SupportsIndex = 100000000,
        columns: typing.SupportsInt | typing.SupportsIndex = 10000,
        cells: typing.SupportsInt | typing.SupportsIndex = 100000000,
        text_bytes: typing.SupportsInt | typing.SupportsIndex = 65536,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def cells(self) -> int:
        """
        Values of one value table (rows x indicator columns).
        """
    @cells.setter
    def cells(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None: ...
    @property
    def columns(self) -> int:
        """
        Columns of one CSV file.
        """
    @columns.setter
    def columns(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None: ...
    @property
    def csv_bytes(self) -> int:
        """
        Bytes of one CSV file.
        """
    @csv_bytes.setter
    def csv_bytes(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None: ...
    @property
    def depth(self) -> int:
        """
        Nesting of categories and sub-plans, 1 to max_depth (64).
        """
    @property
    def json_bytes(self) -> int:
        """
        Bytes of one JSON file.
        """
    @json_bytes.setter
    def json_bytes(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None: ...
    @property
    def rows(self) -> int:
        """
        Data rows of one CSV file, or entries of one observation JSON file.
        """
    @rows.setter
    def rows(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None: ...
    @property
    def text_bytes(self) -> int:
        """
        Bytes of one string: a JSON string or key, a CSV cell.
        """
    @text_bytes.setter
    def text_bytes(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None: ...

class AssessmentMode(enum.Enum):
    """
    How a value was obtained (field inspection, questionnaire, statistics, ...).
    """

    document_review = ...
    field_inspection = ...
    online_survey = ...
    questionnaire = ...
    statistics = ...
    unspecified = ...

class RoundPart:
    """
    One part of a round's score: the points a mode is worth.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> RoundPart: ...
    def __deepcopy__(self, memo: dict) -> RoundPart: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        id: str = "",
        full_points: typing.SupportsFloat | typing.SupportsIndex = 0.0,
        *,
        name: str = "",
        mode: AssessmentMode = AssessmentMode.unspecified,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def full_points(self) -> float:
        """
        Most points it gives, > 0.
        """
    @full_points.setter
    def full_points(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None: ...
    @property
    def id(self) -> str:
        """
        Unique in the scheme.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def mode(self) -> AssessmentMode:
        """
        How its score is obtained.
        """
    @mode.setter
    def mode(self, arg0: AssessmentMode) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @name.setter
    def name(self, arg0: str) -> None: ...

class ConsequenceRule:
    """
    A consequence of a round: a total below a line, or a flag.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> ConsequenceRule: ...
    def __deepcopy__(self, memo: dict) -> ConsequenceRule: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        below: typing.SupportsFloat | typing.SupportsIndex | None = None,
        flag: str = "",
        months: typing.SupportsInt | typing.SupportsIndex | None = None,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def below(self) -> float | None:
        """
        Triggered by a total strictly below this, or None.
        """
    @below.setter
    def below(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None: ...
    @property
    def flag(self) -> str:
        """
        Or triggered by this flag on the round; '' for none.
        """
    @flag.setter
    def flag(self, arg0: str) -> None: ...
    @property
    def id(self) -> str:
        """
        What follows ('public_criticism', 'suspension').
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def months(self) -> int | None:
        """
        How long it lasts, in months, or None.
        """
    @months.setter
    def months(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name ('通报批评').
        """
    @name.setter
    def name(self, arg0: str) -> None: ...

class RoundScheme:
    """
    How a title is judged in rounds: parts, year weights, consequences (mildest first).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> RoundScheme: ...
    def __deepcopy__(self, memo: dict) -> RoundScheme: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        parts: collections.abc.Sequence[RoundPart],
        year_weights: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex] = [],
        consequences: collections.abc.Sequence[ConsequenceRule] = [],
        *,
        id: str = "",
        name: str = "",
        first_year: typing.SupportsInt | typing.SupportsIndex | None = None,
        source: str = "",
    ) -> None:
        """
        A validated scheme; ValidationError names the path ('$.year_weights').
        """
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def part(self, id: str) -> RoundPart:
        """
        The part with this id; NotFoundError.
        """
    def validate(self) -> None:
        """
        Checks the scheme; ValidationError names the path.
        """
    @property
    def consequences(self) -> list[ConsequenceRule]:
        """
        Consequence rules, mildest first.
        """
    @consequences.setter
    def consequences(self, arg0: collections.abc.Sequence[ConsequenceRule]) -> None: ...
    @property
    def first_year(self) -> int | None:
        """
        Calendar year of the cycle's first year; None: the earliest annual test's.
        """
    @first_year.setter
    def first_year(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None: ...
    @property
    def full_points(self) -> float:
        """
        Sum of the parts' full points: a round's scale.
        """
    @property
    def id(self) -> str:
        """
        The bundled scheme's id, '' for one written in place.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @name.setter
    def name(self, arg0: str) -> None: ...
    @property
    def parts(self) -> list[RoundPart]:
        """
        The parts of a round with their full points.
        """
    @parts.setter
    def parts(self, arg0: collections.abc.Sequence[RoundPart]) -> None: ...
    @property
    def source(self) -> str:
        """
        Where the scheme comes from, with its tag.
        """
    @source.setter
    def source(self, arg0: str) -> None: ...
    @property
    def year_weights(self) -> list[float]:
        """
        Weight of each year of the cycle, summing to 1; empty: no cycle.
        """
    @year_weights.setter
    def year_weights(self, arg0: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex]) -> None: ...

class Direction(enum.Enum):
    """
    Which values are better, and so how the pass line reads.
    """

    higher = ...
    lower = ...
    problem_count = ...
    range = ...
    yes_no = ...

class ItemKind(enum.Enum):
    """
    Basic items (基本项) veto the title when failed; general items (一般项) count towards shares.
    """

    basic = ...
    general = ...

class RuleType(enum.Enum):
    """
    How an indicator's measured value becomes a score share in [0, 1].
    """

    deduction = ...
    linear = ...
    pass_fail = ...
    proportional = ...
    tiers = ...
    yes_no = ...

class MissingPolicy(enum.Enum):
    """
    What missing data means: fail (scores 0, not met) or skip (left out, weights renormalised).
    """

    fail = ...
    skip = ...

class Aggregation(enum.Enum):
    """
    How a category combines its children's score shares.
    """

    arithmetic = ...
    geometric = ...

class Weighting(enum.Enum):
    """
    How weights are read: relative among siblings, or points adding up to the scale.
    """

    points = ...
    relative = ...

class Reliability(enum.Enum):
    """
    How far a framework or indicator can be trusted.
    """

    illustrative = ...
    secondary = ...
    unverified = ...
    verified = ...

class PassRuleType(enum.Enum):
    """
    Conditions a unit must satisfy to pass, besides the veto of basic items.
    """

    all_basic_met = ...
    min_count_general_met = ...
    min_count_met = ...
    min_share_general_met = ...
    min_share_met = ...
    min_total = ...

class IndicatorScope(enum.Enum):
    """
    Which units of a campaign an indicator judges: every_unit, or top_unit (city-wide items).
    """

    every_unit = ...
    top_unit = ...

class MetBy(enum.Enum):
    """
    How an indicator's line is met: by the level, or by the level or the trend.
    """

    level = ...
    level_or_trend = ...

class Interval:
    """
    A closed interval [low, high]; an open end is +/-inf.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    @staticmethod
    def at_least(line: typing.SupportsFloat | typing.SupportsIndex) -> Interval:
        """
        [line, +inf): at least `line`.
        """
    @staticmethod
    def at_most(line: typing.SupportsFloat | typing.SupportsIndex) -> Interval:
        """
        (-inf, line]: at most `line`.
        """
    def __contains__(self, value: typing.SupportsFloat | typing.SupportsIndex) -> bool: ...
    def __copy__(self) -> Interval: ...
    def __deepcopy__(self, memo: dict) -> Interval: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> tuple[float, float]: ...
    def __init__(
        self,
        low: typing.SupportsFloat | typing.SupportsIndex = ...,
        high: typing.SupportsFloat | typing.SupportsIndex = ...,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: tuple) -> None: ...
    def __str__(self) -> str:
        """
        The line as people write it: '>= 36', '<= 5.6', '[6.5, 8.5]', 'any'.
        """
    def contains(self, value: typing.SupportsFloat | typing.SupportsIndex) -> bool:
        """
        True when low <= value <= high.
        """
    def distance(self, value: typing.SupportsFloat | typing.SupportsIndex) -> float:
        """
        Distance from value to the interval, 0 inside.
        """
    @property
    def high(self) -> float:
        """
        Upper end, +inf when open.
        """
    @high.setter
    def high(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None: ...
    @property
    def low(self) -> float:
        """
        Lower end, -inf when open.
        """
    @low.setter
    def low(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None: ...

class Tier:
    """
    One step of a tiered rule: reaching `at` scores `score` (a share in [0, 1]).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Tier: ...
    def __deepcopy__(self, memo: dict) -> Tier: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> tuple[float, float]: ...
    def __init__(
        self,
        at: typing.SupportsFloat | typing.SupportsIndex = 0.0,
        score: typing.SupportsFloat | typing.SupportsIndex = 0.0,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: tuple) -> None: ...
    @property
    def at(self) -> float:
        """
        Value that reaches the tier, in the indicator's unit.
        """
    @at.setter
    def at(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None: ...
    @property
    def score(self) -> float:
        """
        Score share in [0, 1] for reaching it.
        """
    @score.setter
    def score(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None: ...

class ScoringRule:
    """
    Scoring rule of one indicator; which fields matter depends on `type`.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    @staticmethod
    def deduction(
        per_problem: typing.SupportsFloat | typing.SupportsIndex,
        max_deduction: typing.SupportsFloat | typing.SupportsIndex | None = None,
    ) -> ScoringRule:
        """
        Deduction of `per_problem` points per problem, at most `max_deduction` points.
        """
    @staticmethod
    def linear(zero: Interval, full: Interval | None = None) -> ScoringRule:
        """
        Linear from `zero` (score 0) to the pass line or `full` (score 1).
        """
    @staticmethod
    def pass_fail() -> ScoringRule:
        """
        Pass/fail scoring.
        """
    def __copy__(self) -> ScoringRule: ...
    def __deepcopy__(self, memo: dict) -> ScoringRule: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        type: RuleType = RuleType.pass_fail,
        zero: Interval | None = None,
        full: Interval | None = None,
        tiers: collections.abc.Sequence[Tier] = [],
        per_problem: typing.SupportsFloat | typing.SupportsIndex = 0.0,
        max_deduction: typing.SupportsFloat | typing.SupportsIndex | None = None,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def full(self) -> Interval | None:
        """
        linear, proportional: values inside score 1 (default: the pass line).
        """
    @full.setter
    def full(self, arg0: Interval | None) -> None: ...
    @property
    def max_deduction(self) -> float | None:
        """
        deduction: most points deducted (default: full points).
        """
    @max_deduction.setter
    def max_deduction(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None: ...
    @property
    def per_problem(self) -> float:
        """
        deduction: points deducted per problem, > 0.
        """
    @per_problem.setter
    def per_problem(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None: ...
    @property
    def tiers(self) -> list[Tier]:
        """
        tiers: the steps, any order (a copy; assign a new list to change).
        """
    @tiers.setter
    def tiers(self, arg0: collections.abc.Sequence[Tier]) -> None: ...
    @property
    def type(self) -> RuleType:
        """
        The rule.
        """
    @type.setter
    def type(self, arg0: RuleType) -> None: ...
    @property
    def zero(self) -> Interval | None:
        """
        linear: values outside score 0 (higher: [floor, inf)).
        """
    @zero.setter
    def zero(self, arg0: Interval | None) -> None: ...

class TrendRule:
    """
    The trend test of met_by level_or_trend (LevelOrTrendOptions as data).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> TrendRule: ...
    def __deepcopy__(self, memo: dict) -> TrendRule: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        *,
        slope_test: bool = False,
        changes: typing.SupportsInt | typing.SupportsIndex = 2,
        last_points: typing.SupportsInt | typing.SupportsIndex = 5,
        confidence: typing.SupportsFloat | typing.SupportsIndex = 0.95,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def changes(self) -> int:
        """
        Consecutive test: changes that must all move the right way, >= 1.
        """
    @changes.setter
    def changes(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None: ...
    @property
    def confidence(self) -> float:
        """
        Slope test: one-sided confidence in (0, 1).
        """
    @confidence.setter
    def confidence(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None: ...
    @property
    def last_points(self) -> int:
        """
        Slope test: points in the fit, >= 3.
        """
    @last_points.setter
    def last_points(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None: ...
    @property
    def slope_test(self) -> bool:
        """
        True: the least-squares slope test; False: consecutive changes.
        """
    @slope_test.setter
    def slope_test(self, arg0: bool) -> None: ...

class HistoryAverageRule:
    """
    Not above (lower) / not below (higher) the mean of the previous years (HistoryAverageOptions as data).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> HistoryAverageRule: ...
    def __deepcopy__(self, memo: dict) -> HistoryAverageRule: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        *,
        years: typing.SupportsInt | typing.SupportsIndex = 5,
        min_years: typing.SupportsInt | typing.SupportsIndex | None = None,
        year_mean: bool = False,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def min_years(self) -> int:
        """
        Of those, years that must have data, in [1, years].
        """
    @min_years.setter
    def min_years(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None: ...
    @property
    def year_mean(self) -> bool:
        """
        A year's value: the mean of its points (True) or its last (False).
        """
    @year_mean.setter
    def year_mean(self, arg0: bool) -> None: ...
    @property
    def years(self) -> int:
        """
        Previous calendar years averaged, >= 1.
        """
    @years.setter
    def years(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None: ...

class Indicator:
    """
    An indicator: a measured value, its direction, pass line, weight and scoring rule.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Indicator: ...
    def __deepcopy__(self, memo: dict) -> Indicator: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        unit: str = "",
        direction: Direction = Direction.higher,
        pass_: Interval | None = None,
        pass_by_class: collections.abc.Mapping[str, Interval] = {},
        classes_without_line: collections.abc.Set[str] = set(),
        bounds: Interval | None = None,
        improvement: Interval | None = None,
        kind: ItemKind = ItemKind.general,
        weight: typing.SupportsFloat | typing.SupportsIndex | None = None,
        scoring: ScoringRule = ...,
        mode: str = "",
        missing: MissingPolicy | None = None,
        reliability: Reliability | None = None,
        notes: str = "",
        source: str = "",
        scope: IndicatorScope = IndicatorScope.every_unit,
        subunit_pass: Interval | None = None,
        met_by: MetBy = MetBy.level,
        trend: TrendRule = ...,
        history_average: HistoryAverageRule | None = None,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def bounds(self) -> Interval | None:
        """
        Values possible at all; others are invalid data.
        """
    @bounds.setter
    def bounds(self, arg0: Interval | None) -> None: ...
    @property
    def classes_without_line(self) -> set[str]:
        """
        Unit classes whose line the source does not give (null in the file's pass_by_class): a unit of one is not judged on the indicator (invalid data), never on `pass_` (a copy).
        """
    @classes_without_line.setter
    def classes_without_line(self, arg0: collections.abc.Set[str]) -> None: ...
    @property
    def direction(self) -> Direction:
        """
        Which values are better.
        """
    @direction.setter
    def direction(self, arg0: Direction) -> None: ...
    @property
    def history_average(self) -> HistoryAverageRule | None:
        """
        Met when the latest year is not worse than the mean of the previous years (HistoryAverageRule), or None.
        """
    @history_average.setter
    def history_average(self, arg0: HistoryAverageRule | None) -> None: ...
    @property
    def id(self) -> str:
        """
        Unique in the framework.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def improvement(self) -> Interval | None:
        """
        Optional higher line (提升项).
        """
    @improvement.setter
    def improvement(self, arg0: Interval | None) -> None: ...
    @property
    def kind(self) -> ItemKind:
        """
        Basic (veto) or general.
        """
    @kind.setter
    def kind(self, arg0: ItemKind) -> None: ...
    @property
    def met_by(self) -> MetBy:
        """
        Met by the level alone, or by the level or the trend (MetBy).
        """
    @met_by.setter
    def met_by(self, arg0: MetBy) -> None: ...
    @property
    def missing(self) -> MissingPolicy | None:
        """
        Overrides the framework's missing-data policy.
        """
    @missing.setter
    def missing(self, arg0: MissingPolicy | None) -> None: ...
    @property
    def mode(self) -> str:
        """
        Assessment mode: field_inspection, document_review, ...
        """
    @mode.setter
    def mode(self, arg0: str) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @name.setter
    def name(self, arg0: str) -> None: ...
    @property
    def notes(self) -> str:
        """
        Free text.
        """
    @notes.setter
    def notes(self, arg0: str) -> None: ...
    @property
    def pass_(self) -> Interval | None:
        """
        Pass line (C++ `pass`); None for yes_no.
        """
    @pass_.setter
    def pass_(self, arg0: Interval | None) -> None: ...
    @property
    def pass_by_class(self) -> dict[str, Interval]:
        """
        Pass line by unit class, overriding `pass_` (a copy).
        """
    @pass_by_class.setter
    def pass_by_class(self, arg0: collections.abc.Mapping[str, Interval]) -> None: ...
    @property
    def reliability(self) -> Reliability | None:
        """
        Overrides the framework's trust tag.
        """
    @reliability.setter
    def reliability(self, arg0: Reliability | None) -> None: ...
    @property
    def scope(self) -> IndicatorScope:
        """
        Which units of a campaign it judges (IndicatorScope).
        """
    @scope.setter
    def scope(self, arg0: IndicatorScope) -> None: ...
    @property
    def scoring(self) -> ScoringRule:
        """
        How the value scores.
        """
    @scoring.setter
    def scoring(self, arg0: ScoringRule) -> None: ...
    @property
    def source(self) -> str:
        """
        Where the line comes from.
        """
    @source.setter
    def source(self, arg0: str) -> None: ...
    @property
    def subunit_pass(self) -> Interval | None:
        """
        Line of every direct sub-unit; the top unit meets the item only when its own value meets `pass_` and every sub-unit with data meets this.
        """
    @subunit_pass.setter
    def subunit_pass(self, arg0: Interval | None) -> None: ...
    @property
    def trend(self) -> TrendRule:
        """
        The trend test of met_by level_or_trend (TrendRule).
        """
    @trend.setter
    def trend(self, arg0: TrendRule) -> None: ...
    @property
    def unit(self) -> str:
        """
        Unit of the value ('%', 'm²/person', '').
        """
    @unit.setter
    def unit(self, arg0: str) -> None: ...
    @property
    def weight(self) -> float | None:
        """
        Relative weight (default 1) or points.
        """
    @weight.setter
    def weight(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None: ...

class Category:
    """
    A category: a weighted group of indicators and subcategories.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Category: ...
    def __deepcopy__(self, memo: dict) -> Category: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        weight: typing.SupportsFloat | typing.SupportsIndex | None = None,
        aggregation: Aggregation = Aggregation.arithmetic,
        categories: collections.abc.Sequence[Category] = [],
        indicators: collections.abc.Sequence[Indicator] = [],
        notes: str = "",
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def aggregation(self) -> Aggregation:
        """
        How children combine.
        """
    @aggregation.setter
    def aggregation(self, arg0: Aggregation) -> None: ...
    @property
    def categories(self) -> list[Category]:
        """
        Subcategories (a copy; assign a new list to change).
        """
    @categories.setter
    def categories(self, arg0: collections.abc.Sequence[Category]) -> None: ...
    @property
    def id(self) -> str:
        """
        Unique in the framework.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def indicators(self) -> list[Indicator]:
        """
        Indicators directly here (a copy; assign a new list to change).
        """
    @indicators.setter
    def indicators(self, arg0: collections.abc.Sequence[Indicator]) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @name.setter
    def name(self, arg0: str) -> None: ...
    @property
    def notes(self) -> str:
        """
        Free text.
        """
    @notes.setter
    def notes(self, arg0: str) -> None: ...
    @property
    def weight(self) -> float | None:
        """
        Relative weight (default 1) or points (default: children's sum).
        """
    @weight.setter
    def weight(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None: ...

class PassRule:
    """
    One pass rule: a condition and its threshold.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> PassRule: ...
    def __deepcopy__(self, memo: dict) -> PassRule: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> tuple[PassRuleType, float]: ...
    def __init__(
        self, type: PassRuleType = PassRuleType.all_basic_met, value: typing.SupportsFloat | typing.SupportsIndex = 0.0
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: tuple) -> None: ...
    @property
    def type(self) -> PassRuleType:
        """
        The condition.
        """
    @type.setter
    def type(self, arg0: PassRuleType) -> None: ...
    @property
    def value(self) -> float:
        """
        Its threshold (a share in [0, 1], a count or points).
        """
    @value.setter
    def value(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None: ...

class FrameworkSpec:
    """
    Everything a framework file holds, as plain data; `Framework` is its validated form.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> FrameworkSpec: ...
    def __deepcopy__(self, memo: dict) -> FrameworkSpec: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        edition: str = "",
        issuer: str = "",
        source: str = "",
        reliability: Reliability = Reliability.illustrative,
        notes: str = "",
        scale: typing.SupportsFloat | typing.SupportsIndex = 100.0,
        weighting: Weighting = Weighting.relative,
        missing: MissingPolicy = MissingPolicy.fail,
        min_coverage: typing.SupportsFloat | typing.SupportsIndex = 0.0,
        pass_rules: collections.abc.Sequence[PassRule] = [],
        root: Category = ...,
        round_scheme: RoundScheme | None = None,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def edition(self) -> str:
        """
        Edition or year.
        """
    @edition.setter
    def edition(self, arg0: str) -> None: ...
    @property
    def id(self) -> str:
        """
        Short id ('garden-city-2010').
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def issuer(self) -> str:
        """
        Issuing body.
        """
    @issuer.setter
    def issuer(self, arg0: str) -> None: ...
    @property
    def min_coverage(self) -> float:
        """
        Share in [0, 1] of weight with data below which no score is given.
        """
    @min_coverage.setter
    def min_coverage(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None: ...
    @property
    def missing(self) -> MissingPolicy:
        """
        Default for missing data.
        """
    @missing.setter
    def missing(self, arg0: MissingPolicy) -> None: ...
    @property
    def name(self) -> str:
        """
        Title ('国家园林城市标准').
        """
    @name.setter
    def name(self, arg0: str) -> None: ...
    @property
    def notes(self) -> str:
        """
        Free text.
        """
    @notes.setter
    def notes(self, arg0: str) -> None: ...
    @property
    def pass_rules(self) -> list[PassRule]:
        """
        Besides the veto; empty means every counted indicator met (a copy).
        """
    @pass_rules.setter
    def pass_rules(self, arg0: collections.abc.Sequence[PassRule]) -> None: ...
    @property
    def reliability(self) -> Reliability:
        """
        Trust tag.
        """
    @reliability.setter
    def reliability(self, arg0: Reliability) -> None: ...
    @property
    def root(self) -> Category:
        """
        The top level (its id, name and weight are unused).
        """
    @root.setter
    def root(self, arg0: Category) -> None: ...
    @property
    def round_scheme(self) -> RoundScheme | None:
        """
        How a campaign scores the rounds of a title it judges when the title has no scheme of its own; None: none.
        """
    @round_scheme.setter
    def round_scheme(self, arg0: RoundScheme | None) -> None: ...
    @property
    def scale(self) -> float:
        """
        Points of a perfect score, > 0.
        """
    @scale.setter
    def scale(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None: ...
    @property
    def source(self) -> str:
        """
        Where it comes from.
        """
    @source.setter
    def source(self, arg0: str) -> None: ...
    @property
    def weighting(self) -> Weighting:
        """
        How weights read.
        """
    @weighting.setter
    def weighting(self, arg0: Weighting) -> None: ...

class Framework:
    """
    A validated, immutable assessment framework.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __contains__(self, id: str) -> bool: ...
    def __copy__(self) -> Framework: ...
    def __deepcopy__(self, memo: dict) -> Framework: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> str: ...
    def __init__(self, spec: FrameworkSpec) -> None:
        """
        Validates `spec`; raises ValidationError naming the JSON path of the first problem.
        """
    def __len__(self) -> int:
        """
        Number of indicators.
        """
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: str) -> None: ...
    def _evaluate(
        self,
        values: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex],
        unit: str = "",
        unit_class: str = "",
        nan_as_missing: bool = False,
    ) -> Evaluation:
        """
        Evaluates one unit; values keyed by indicator id, absent ids are missing data. Raises NotFoundError for an unknown id and ValidationError for a bad value.
        """
    def _evaluate_many(
        self,
        values: numpy.typing.ArrayLike,
        columns: collections.abc.Sequence[str],
        units: collections.abc.Sequence[str] = [],
        classes: collections.abc.Sequence[str] = [],
        nan_as_missing: bool = False,
        threads: typing.SupportsInt | typing.SupportsIndex = 0,
    ) -> BatchEvaluation:
        """
        Evaluates many units: `values` (float64, C or Fortran order, read in place) has a row per unit and a column per id in `columns`. Units with invalid data get an error and Decision.invalid; the others are still evaluated.
        """
    def _repr_html_(self) -> str:
        """
        The HTML a notebook shows (civitas.options sets its language and rows).
        """
    def evaluate(
        self,
        values: collections.abc.Mapping[str, float | None] | pandas.Series,
        unit: str | None = None,
        unit_class: str = "",
        *,
        nan_as_missing: bool = False,
    ) -> Evaluation:
        """
        Evaluates one unit.

        `values` maps indicator ids to values: a dict, any Mapping, or a pandas Series indexed by indicator id. An id that is absent, or whose value is None or `pandas.NA`, is missing data. NaN is invalid data (ValidationError) unless `nan_as_missing` is true, when it is missing data as in pandas. `unit` defaults to the Series' name when it is a str.

        Raises NotFoundError for an unknown indicator id, ValidationError for an invalid value.
        """
    def evaluate_many(
        self,
        data: pandas.DataFrame | numpy.typing.ArrayLike,
        *,
        columns: collections.abc.Sequence[str] | None = None,
        units: collections.abc.Sequence[str] | None = None,
        classes: str | collections.abc.Sequence[str] | None = None,
        nan_as_missing: bool = False,
        threads: typing.SupportsInt | typing.SupportsIndex = 0,
    ) -> BatchEvaluation:
        """
        Evaluates many units at once.

        `threads` sets how many threads evaluate a large batch (0: one per core, 1: none); the results never depend on it.

        `data` is a DataFrame (index: unit ids, columns: indicator ids), a 2-D array (rows: units) with `columns=` naming its columns, or a table that exports an Arrow stream (`__arrow_c_stream__`: pyarrow, polars, DuckDB; first column the unit ids, nulls NaN), read as read_value_table_arrow reads it. Columns may come in any order and leave indicators out (missing data). float64 arrays are read in place, in C or Fortran order. `classes` gives each unit's class (for `pass_by_class`): a sequence, or for a DataFrame the name of the column holding them. Empty cells are NaN: pass `nan_as_missing=True` for them to be missing data rather than invalid.

        A unit with invalid data gets `errors[i]` and `Decision.invalid`; the others are still evaluated. Raises NotFoundError for an unknown column id.
        """
    def indicator(self, id: str) -> Indicator:
        """
        The indicator with this id (a copy); raises NotFoundError.
        """
    def indicator_categories(self, index: typing.SupportsInt | typing.SupportsIndex) -> list[str]:
        """
        Category ids on the way from the top to the indicator's parent.
        """
    def indicator_index(self, id: str) -> int:
        """
        Position of an indicator in `indicator_ids`; raises NotFoundError.
        """
    def indicator_path(self, index: typing.SupportsInt | typing.SupportsIndex) -> str:
        """
        JSON path of an indicator in the framework file.
        """
    @property
    def categories(self) -> list[Category]:
        """
        Categories in file order (depth first), without the root, as copies.
        """
    @property
    def effective_weights(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        Share in [0, 1] of each indicator in the total, in indicator order; sums to 1 (a read-only view).
        """
    @property
    def id(self) -> str: ...
    @property
    def indicator_ids(self) -> list[str]:
        """
        Indicator ids in file order (depth first).
        """
    @property
    def indicators(self) -> list[Indicator]:
        """
        Indicators in file order (depth first), as copies.
        """
    @property
    def name(self) -> str: ...
    @property
    def scale(self) -> float:
        """
        Points of a perfect score.
        """
    @property
    def spec(self) -> FrameworkSpec:
        """
        The framework as plain data (a copy).
        """

class Outcome(enum.Enum):
    """
    Where one indicator stands: met, not met or missing data.
    """

    met = ...
    missing = ...
    not_met = ...

class Decision(enum.Enum):
    """
    Which rule decided the pass decision.
    """

    coverage = ...
    invalid = ...
    passed = ...
    rule = ...
    veto = ...

class IndicatorResult:
    """
    One indicator's result for one unit.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> IndicatorResult: ...
    def __deepcopy__(self, memo: dict) -> IndicatorResult: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def counted(self) -> bool:
        """
        False when missing data is skipped.
        """
    @property
    def gap(self) -> float | None:
        """
        Distance to the pass line in the indicator's unit, 0 when met.
        """
    @property
    def id(self) -> str:
        """
        Indicator id.
        """
    @property
    def max_points(self) -> float:
        """
        Full points on the scale, after renormalisation.
        """
    @property
    def meets_improvement(self) -> bool | None:
        """
        Whether the improvement line is met, when there is one.
        """
    @property
    def obstacle(self) -> float:
        """
        Share in [0, 1] of all points lost that this indicator loses.
        """
    @property
    def outcome(self) -> Outcome:
        """
        Met, not met or missing.
        """
    @property
    def pass_(self) -> Interval:
        """
        Pass line applied (for the unit's class).
        """
    @property
    def points(self) -> float:
        """
        Weighted contribution on the framework's scale.
        """
    @property
    def relative_gap(self) -> float | None:
        """
        gap / |pass line|; None when the line is 0 or data missing.
        """
    @property
    def score(self) -> float:
        """
        Score share in [0, 1].
        """
    @property
    def value(self) -> float | None:
        """
        Measured value, None when missing.
        """

class CategoryResult:
    """
    One category's subtotal for one unit.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> CategoryResult: ...
    def __deepcopy__(self, memo: dict) -> CategoryResult: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def assessed(self) -> int:
        """
        Indicators with data below it.
        """
    @property
    def depth(self) -> int:
        """
        1 for top-level categories.
        """
    @property
    def id(self) -> str:
        """
        Category id.
        """
    @property
    def indicators(self) -> int:
        """
        Indicators below it.
        """
    @property
    def max_points(self) -> float:
        """
        The category's full points on the scale.
        """
    @property
    def met(self) -> int:
        """
        Indicators met below it.
        """
    @property
    def name(self) -> str:
        """
        Category name.
        """
    @property
    def points(self) -> float:
        """
        Score share x the category's full points.
        """
    @property
    def score(self) -> float:
        """
        Aggregated score share in [0, 1].
        """

class Evaluation:
    """
    The result of evaluating one unit.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Evaluation: ...
    def __deepcopy__(self, memo: dict) -> Evaluation: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def _repr_html_(self) -> str:
        """
        The HTML a notebook shows (civitas.options sets its language and rows).
        """
    def indicator(self, id: str) -> IndicatorResult:
        """
        Result for one indicator id; raises NotFoundError.
        """
    def shortfalls(self) -> list[IndicatorResult]:
        """
        Indicators not met (with data), in framework order.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The evaluation as plain Python data, the same as its JSON (`evaluation_to_json`).
        """
    def to_frame(self) -> pandas.DataFrame:
        """
        One row per indicator (index: indicator id), in framework order: name, category (the parent category's id), kind, direction, unit, value, outcome, counted, score, points, max_points, pass_low, pass_high, gap, relative_gap, meets_improvement, obstacle. Missing numbers are NaN; `meets_improvement` is a nullable boolean.
        """
    @property
    def _framework(self) -> Framework:
        """
        The Framework evaluated against.
        """
    @property
    def assessed(self) -> int:
        """
        Indicators with data.
        """
    @property
    def basic_failed(self) -> list[str]:
        """
        Basic items not met or without data.
        """
    @property
    def categories(self) -> list[CategoryResult]:
        """
        Category results in framework order (depth first).
        """
    @property
    def coverage(self) -> float:
        """
        Share in [0, 1] of nominal weight with data.
        """
    @property
    def decided_by(self) -> Decision:
        """
        What decided it.
        """
    @property
    def error(self) -> str:
        """
        Why the data was invalid, when decided_by is Decision.invalid, else ''.
        """
    @property
    def failed_rule(self) -> PassRule | None:
        """
        The first failing pass rule when decided_by is Decision.rule, else None (a copy).
        """
    @property
    def framework(self) -> str:
        """
        Framework id.
        """
    @property
    def indicators(self) -> list[IndicatorResult]:
        """
        Indicator results in framework order.
        """
    @property
    def met(self) -> int:
        """
        Indicators met.
        """
    @property
    def passed(self) -> bool:
        """
        The pass decision.
        """
    @property
    def reason(self) -> str:
        """
        The decision in words, English.
        """
    @property
    def reason_zh(self) -> str:
        """
        The decision in words, Chinese.
        """
    @property
    def scale(self) -> float:
        """
        The framework's scale.
        """
    @property
    def total(self) -> float | None:
        """
        Total on the framework's scale; None below min coverage.
        """
    @property
    def unit(self) -> str:
        """
        Unit id ('' when not given).
        """

class BatchEvaluation:
    """
    Results for many units; rows are units, columns indicators (framework order).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> BatchEvaluation: ...
    def __deepcopy__(self, memo: dict) -> BatchEvaluation: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getitem__(self, row: typing.SupportsInt | typing.SupportsIndex) -> Evaluation: ...
    def __getstate__(self) -> builtins.object: ...
    def __len__(self) -> int:
        """
        Number of units.
        """
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def _repr_html_(self) -> str:
        """
        The HTML a notebook shows (civitas.options sets its language and rows).
        """
    def category_scores_frame(self) -> pandas.DataFrame:
        """
        Category score shares in [0, 1], units x categories.
        """
    def gaps_frame(self) -> pandas.DataFrame:
        """
        Gaps to the pass line in each indicator's unit (0 when met, NaN where missing), units x indicators.
        """
    def outcomes_frame(self) -> pandas.DataFrame:
        """
        'met', 'not_met' or 'missing', units x indicators.
        """
    def points_frame(self) -> pandas.DataFrame:
        """
        Weighted contributions on the framework's scale, units x indicators.
        """
    def scores_frame(self) -> pandas.DataFrame:
        """
        Score shares in [0, 1], units x indicators.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        Every unit's full evaluation as plain Python data, as `civitas score --format json` writes it: {"framework": id, "units": [evaluation dict, ...]}.
        """
    def to_frame(self) -> pandas.DataFrame:
        """
        One row per unit (index: unit id): class, total, passed, met, assessed, basic_failed, coverage, decided_by, error. `total` is NaN where no score is given.
        """
    def unit(self, row: typing.SupportsInt | typing.SupportsIndex) -> Evaluation:
        """
        The full result of unit `row`, equal to evaluating that unit alone.
        """
    def values_frame(self) -> pandas.DataFrame:
        """
        Values as read (NaN where missing), units x indicators.
        """
    @property
    def _framework(self) -> Framework:
        """
        The Framework evaluated against.
        """
    @property
    def assessed(self) -> numpy.typing.NDArray[numpy.int32]:
        """
        int32 (units,): indicators with data.
        """
    @property
    def basic_failed(self) -> numpy.typing.NDArray[numpy.int32]:
        """
        int32 (units,): basic items failed.
        """
    @property
    def category_ids(self) -> list[str]:
        """
        Category ids, framework order.
        """
    @property
    def category_scores(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units, categories): score shares.
        """
    @property
    def classes(self) -> list[str]:
        """
        Unit classes, one per row ('' for none).
        """
    @property
    def coverage(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units,): share of nominal weight with data.
        """
    @property
    def decided_by(self) -> list[Decision]:
        """
        What decided each unit's decision.
        """
    @property
    def errors(self) -> list[str]:
        """
        '' or why the unit's data was invalid, per unit (a copy).
        """
    @property
    def framework(self) -> str:
        """
        Framework id.
        """
    @property
    def full_points(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (indicators,): nominal full points of each indicator.
        """
    @property
    def gaps(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units, indicators): gaps in each indicator's unit, NaN where missing.
        """
    @property
    def indicator_ids(self) -> list[str]:
        """
        Indicator ids, framework order.
        """
    @property
    def max_points(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units, indicators): full points after renormalisation, 0 where skipped (computed on access).
        """
    @property
    def met(self) -> numpy.typing.NDArray[numpy.int32]:
        """
        int32 (units,): indicators met.
        """
    @property
    def ok(self) -> bool:
        """
        True when every unit's data was valid.
        """
    @property
    def outcomes(self) -> numpy.typing.NDArray[numpy.int8]:
        """
        int8 (units, indicators): Outcome codes, 1 met, 0 not met, -1 missing.
        """
    @property
    def passed(self) -> numpy.typing.NDArray[numpy.bool]:
        """
        bool (units,): the pass decision (a copy).
        """
    @property
    def points(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units, indicators): weighted contributions on the scale (computed on access).
        """
    @property
    def scores(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units, indicators): score shares in [0, 1].
        """
    @property
    def totals(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units,): totals on the scale, NaN where no score is given.
        """
    @property
    def units(self) -> list[str]:
        """
        Unit ids, one per row.
        """
    @property
    def values(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units, indicators): values as read, NaN where missing.
        """

class WorkCalendar:
    """
    A validated working-day calendar: weekend days, holidays and adjusted working days (调休).
    A date is a working day when it is an adjusted working day, or else when it is neither a holiday nor a weekend day.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> WorkCalendar: ...
    def __deepcopy__(self, memo: dict) -> WorkCalendar: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        weekend: collections.abc.Iterable[str | int] | None = None,
        holidays: collections.abc.Iterable[datetime.date] | collections.abc.Mapping[datetime.date, str | None] = (),
        working_days: collections.abc.Iterable[datetime.date] = (),
        id: str = "",
        name: str = "",
        source: str = "",
    ) -> None:
        """
        weekend: weekday names or ints as date.weekday() (Monday = 0), default Saturday and Sunday; holidays: dates, or a dict of date to holiday name; working_days: weekend dates that are worked. ValidationError for a date both holiday and working day, a working day not on the weekend, or a week without working days.
        """
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def add_working_days(self, start: datetime.date, n: typing.SupportsInt | typing.SupportsIndex) -> datetime.date:
        """
        n > 0: the n-th working day strictly after start; n < 0: the |n|-th strictly before; n == 0: start when it is a working day, else the next working day.
        """
    def adjusted_working_days(self) -> list[datetime.date]:
        """
        Adjusted working days (调休), ascending.
        """
    def holiday_names(self) -> dict[datetime.date, str]:
        """
        Holidays as a dict of date to name ('' when unnamed).
        """
    def holidays(self) -> list[datetime.date]:
        """
        Holidays (non-working dates), ascending.
        """
    def is_working_day(self, date: datetime.date) -> bool:
        """
        True for an adjusted working day; else False for a holiday or weekend day; else True.
        """
    def next_working_day(self, date: datetime.date) -> datetime.date:
        """
        The first working day strictly after `date`.
        """
    def previous_working_day(self, date: datetime.date) -> datetime.date:
        """
        The last working day strictly before `date`.
        """
    def weekend(self) -> list[str]:
        """
        Weekend day names, Monday first.
        """
    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """
        Working days in (start, end]; negative (minus the count in (end, start]) when end < start.
        """
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def source(self) -> str: ...

class Link(enum.Enum):
    """
    How a task waits for another: finish_to_start or start_to_start (plus the lag).
    """

    finish_to_start = ...
    start_to_start = ...

class LagUnit(enum.Enum):
    """
    What a lag counts: working_days of the calendar, or calendar_days.
    """

    calendar_days = ...
    working_days = ...

class Dependency:
    """
    A task's wait for another task.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Dependency: ...
    def __deepcopy__(self, memo: dict) -> Dependency: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        task: str = "",
        link: Link = Link.finish_to_start,
        lag: typing.SupportsInt | typing.SupportsIndex = 0,
        unit: LagUnit = LagUnit.working_days,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def lag(self) -> int:
        """
        Extra wait in `unit` (negative: overlap).
        """
    @lag.setter
    def lag(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None: ...
    @property
    def link(self) -> Link:
        """
        How it waits.
        """
    @link.setter
    def link(self, arg0: Link) -> None: ...
    @property
    def task(self) -> str:
        """
        Id of the task waited for.
        """
    @task.setter
    def task(self, arg0: str) -> None: ...
    @property
    def unit(self) -> LagUnit:
        """
        What the lag counts.
        """
    @unit.setter
    def unit(self, arg0: LagUnit) -> None: ...

class BudgetLine:
    """
    Money set aside for a task from one fund account (专户), spent on it alone (专款专用).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> BudgetLine: ...
    def __deepcopy__(self, memo: dict) -> BudgetLine: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(self, amount: typing.SupportsFloat | typing.SupportsIndex = 0.0, *, account: str = "") -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def account(self) -> str:
        """
        The fund account it comes from ('' for the campaign's general fund).
        """
    @account.setter
    def account(self, arg0: str) -> None: ...
    @property
    def amount(self) -> float:
        """
        Yuan, finite and not negative.
        """
    @amount.setter
    def amount(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None: ...

class Spending:
    """
    Money paid for a task out of one of its budget lines.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Spending: ...
    def __deepcopy__(self, memo: dict) -> Spending: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        date: datetime.date | None = None,
        amount: typing.SupportsFloat | typing.SupportsIndex = 0.0,
        *,
        account: str = "",
        note: str = "",
    ) -> None:
        """
        date: datetime.date, the day it was paid.
        """
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def account(self) -> str:
        """
        The account of the task's budget line it is paid from.
        """
    @account.setter
    def account(self, arg0: str) -> None: ...
    @property
    def amount(self) -> float:
        """
        Yuan, not 0 (negative: a refund).
        """
    @amount.setter
    def amount(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None: ...
    @property
    def date(self) -> datetime.date | None:
        """
        The day it was paid (None until set).
        """
    @date.setter
    def date(self, arg1: datetime.date) -> None: ...
    @property
    def note(self) -> str:
        """
        Voucher or purpose ('' when none).
        """
    @note.setter
    def note(self, arg0: str) -> None: ...

class Task:
    """
    A task or milestone of a plan, pinned to who answers for it (五定).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Task: ...
    def __deepcopy__(self, memo: dict) -> Task: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        phase: str = "",
        titles: collections.abc.Sequence[str] = [],
        responsibility: collections.abc.Mapping[str, str] = {},
        start: datetime.date | None = None,
        due: datetime.date | None = None,
        duration: typing.SupportsInt | typing.SupportsIndex | None = None,
        deadline: datetime.date | None = None,
        milestone: bool = False,
        check: str = "",
        weight: typing.SupportsFloat | typing.SupportsIndex | None = None,
        indicators: collections.abc.Sequence[str] = [],
        depends_on: collections.abc.Iterable[Dependency | str] = (),
        actual_start: datetime.date | None = None,
        actual_finish: datetime.date | None = None,
        percent_complete: typing.SupportsFloat | typing.SupportsIndex = 0.0,
        budget: float | collections.abc.Iterable[BudgetLine] | None = None,
        spending: collections.abc.Sequence[Spending] = [],
    ) -> None:
        """
        start, due, deadline: datetime.date; without a duration, one of start and due alone stands for both (a milestone's date). duration: working days, instead of or beside due. deadline: the latest allowed finish, apart from the planned finish due. depends_on: Dependency objects or task ids (finish to start, no lag). budget: yuan from the general fund, or BudgetLine objects, one per account. spending: Spending objects.
        """
    def __reduce__(self) -> tuple: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def actual_finish(self) -> datetime.date | None:
        """
        When it really finished, or None.
        """
    @actual_finish.setter
    def actual_finish(self, arg0: datetime.date | None) -> None: ...
    @property
    def actual_start(self) -> datetime.date | None:
        """
        When it really started, or None.
        """
    @actual_start.setter
    def actual_start(self, arg0: datetime.date | None) -> None: ...
    @property
    def budget(self) -> list[BudgetLine]:
        """
        The money set aside for it, one BudgetLine per account (an amount is accepted when set: the general fund).
        """
    @budget.setter
    def budget(self, arg1: float | collections.abc.Iterable[BudgetLine] | None) -> None: ...
    @property
    def check(self) -> str:
        """
        Id of the campaign check a milestone stands for ('provincial-2026'), '' for none; milestones only.
        """
    @check.setter
    def check(self, arg0: str) -> None: ...
    @property
    def deadline(self) -> datetime.date | None:
        """
        Latest allowed finish, a constraint apart from the planned finish `due`; None for none.
        """
    @deadline.setter
    def deadline(self, arg0: datetime.date | None) -> None: ...
    @property
    def depends_on(self) -> list[Dependency]:
        """
        Tasks it waits for (Dependency objects; task ids are accepted when set).
        """
    @depends_on.setter
    def depends_on(self, arg1: collections.abc.Iterable[Dependency | str]) -> None: ...
    @property
    def due(self) -> datetime.date | None:
        """
        Planned finish, a milestone's date (None when the duration gives the finish).
        """
    @due.setter
    def due(self, arg1: datetime.date | None) -> None: ...
    @property
    def duration(self) -> int | None:
        """
        Working days of work in [1, 36600], or None: from start to due, both included (milestones: None).
        """
    @duration.setter
    def duration(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None: ...
    @property
    def id(self) -> str:
        """
        Unique in the plan.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def indicators(self) -> list[str]:
        """
        Indicator or target ids the task moves.
        """
    @indicators.setter
    def indicators(self, arg0: collections.abc.Sequence[str]) -> None: ...
    @property
    def milestone(self) -> bool:
        """
        A point in time: start == due, no duration.
        """
    @milestone.setter
    def milestone(self, arg0: bool) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @name.setter
    def name(self, arg0: str) -> None: ...
    @property
    def percent_complete(self) -> float:
        """
        Progress in [0, 100].
        """
    @percent_complete.setter
    def percent_complete(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None: ...
    @property
    def phase(self) -> str:
        """
        Phase id, '' for none.
        """
    @phase.setter
    def phase(self, arg0: str) -> None: ...
    @property
    def responsibility(self) -> dict[str, str]:
        """
        Who answers for it, by the plan's responsibility fields.
        """
    @responsibility.setter
    def responsibility(self, arg0: collections.abc.Mapping[str, str]) -> None: ...
    @property
    def spending(self) -> list[Spending]:
        """
        The money paid for it, each Spending from one of its budget lines.
        """
    @spending.setter
    def spending(self, arg0: collections.abc.Sequence[Spending]) -> None: ...
    @property
    def start(self) -> datetime.date | None:
        """
        Planned start (None until set).
        """
    @start.setter
    def start(self, arg1: datetime.date) -> None: ...
    @property
    def titles(self) -> list[str]:
        """
        Ids of the titles it serves (empty: its phase's title, if any).
        """
    @titles.setter
    def titles(self, arg0: collections.abc.Sequence[str]) -> None: ...
    @property
    def weight(self) -> float | None:
        """
        Effort weight >= 0, None for the default.
        """
    @weight.setter
    def weight(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None: ...

class Title:
    """
    A title the campaign runs for (a Civilized City, a Sanitary City, ...).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Title: ...
    def __deepcopy__(self, memo: dict) -> Title: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(self, id: str = "", name: str = "") -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def id(self) -> str:
        """
        Unique among titles.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @name.setter
    def name(self, arg0: str) -> None: ...

class Phase:
    """
    A stage of the campaign, of one title or of the whole campaign.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Phase: ...
    def __deepcopy__(self, memo: dict) -> Phase: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(self, id: str = "", name: str = "", *, title: str = "") -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def id(self) -> str:
        """
        Unique among phases.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @name.setter
    def name(self, arg0: str) -> None: ...
    @property
    def title(self) -> str:
        """
        The title whose stage it is, '' for the whole campaign.
        """
    @title.setter
    def title(self, arg0: str) -> None: ...

class Problem:
    """
    A problem an inspection found, to be rectified by a deadline and closed (整改销号).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Problem: ...
    def __deepcopy__(self, memo: dict) -> Problem: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        id: str = "",
        *,
        description: str = "",
        source: str = "",
        titles: collections.abc.Sequence[str] = [],
        indicators: collections.abc.Sequence[str] = [],
        responsibility: collections.abc.Mapping[str, str] = {},
        found: datetime.date | None = None,
        deadline: datetime.date | None = None,
        closed: datetime.date | None = None,
    ) -> None:
        """
        found, deadline, closed: datetime.date.
        """
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def closed(self) -> datetime.date | None:
        """
        When it was closed (销号), or None.
        """
    @closed.setter
    def closed(self, arg0: datetime.date | None) -> None: ...
    @property
    def deadline(self) -> datetime.date | None:
        """
        Rectification deadline (None until set).
        """
    @deadline.setter
    def deadline(self, arg1: datetime.date) -> None: ...
    @property
    def description(self) -> str:
        """
        What was found.
        """
    @description.setter
    def description(self, arg0: str) -> None: ...
    @property
    def found(self) -> datetime.date | None:
        """
        When it was found (None until set).
        """
    @found.setter
    def found(self, arg1: datetime.date) -> None: ...
    @property
    def id(self) -> str:
        """
        Unique among the plan's problems.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def indicators(self) -> list[str]:
        """
        Indicator ids it bears on.
        """
    @indicators.setter
    def indicators(self, arg0: collections.abc.Sequence[str]) -> None: ...
    @property
    def responsibility(self) -> dict[str, str]:
        """
        Who rectifies it.
        """
    @responsibility.setter
    def responsibility(self, arg0: collections.abc.Mapping[str, str]) -> None: ...
    @property
    def source(self) -> str:
        """
        The inspection that found it.
        """
    @source.setter
    def source(self, arg0: str) -> None: ...
    @property
    def titles(self) -> list[str]:
        """
        Ids of the titles it bears on.
        """
    @titles.setter
    def titles(self, arg0: collections.abc.Sequence[str]) -> None: ...

class PlanSpec:
    """
    Everything a plan holds, as plain data; `Plan` is its validated form.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> PlanSpec: ...
    def __deepcopy__(self, memo: dict) -> PlanSpec: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        responsibility_fields: collections.abc.Sequence[str] = [],
        titles: collections.abc.Sequence[Title] = [],
        phases: collections.abc.Sequence[Phase] = [],
        responsibility: collections.abc.Mapping[str, str] = {},
        tasks: collections.abc.Sequence[Task] = [],
        problems: collections.abc.Sequence[Problem] = [],
        subplans: collections.abc.Sequence[PlanSpec] = [],
        file: str = "",
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def file(self) -> str:
        """
        A sub-plan kept in its own file: its path relative to the parent's file.
        """
    @file.setter
    def file(self, arg0: str) -> None: ...
    @property
    def id(self) -> str:
        """
        Short id (no '/').
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @name.setter
    def name(self, arg0: str) -> None: ...
    @property
    def phases(self) -> list[Phase]:
        """
        Phases, in order; root only.
        """
    @phases.setter
    def phases(self, arg0: collections.abc.Sequence[Phase]) -> None: ...
    @property
    def problems(self) -> list[Problem]:
        """
        Inspection problems, in order.
        """
    @problems.setter
    def problems(self, arg0: collections.abc.Sequence[Problem]) -> None: ...
    @property
    def responsibility(self) -> dict[str, str]:
        """
        A sub-plan's default responsibility.
        """
    @responsibility.setter
    def responsibility(self, arg0: collections.abc.Mapping[str, str]) -> None: ...
    @property
    def responsibility_fields(self) -> list[str]:
        """
        Allowed keys of responsibility maps (empty: any); root only.
        """
    @responsibility_fields.setter
    def responsibility_fields(self, arg0: collections.abc.Sequence[str]) -> None: ...
    @property
    def subplans(self) -> list[PlanSpec]:
        """
        Nested plans (a district's, a school's), in order.
        """
    @subplans.setter
    def subplans(self, arg0: collections.abc.Sequence[PlanSpec]) -> None: ...
    @property
    def tasks(self) -> list[Task]:
        """
        Tasks, in order.
        """
    @tasks.setter
    def tasks(self, arg0: collections.abc.Sequence[Task]) -> None: ...
    @property
    def titles(self) -> list[Title]:
        """
        The titles the campaign runs for; root only.
        """
    @titles.setter
    def titles(self, arg0: collections.abc.Sequence[Title]) -> None: ...

class Plan:
    """
    A validated plan: unique ids, known phases, dependencies and responsibility fields.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Plan: ...
    def __deepcopy__(self, memo: dict) -> Plan: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(self, spec: PlanSpec) -> None:
        """
        Validates the spec; ValidationError names the task and the field.
        """
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def _repr_html_(self) -> str:
        """
        The HTML a notebook shows (civitas.options sets its language and rows).
        """
    def problems_frame(self) -> pandas.DataFrame:
        """
        One row per inspection problem (index: problem id), sub-plans' included: description, source, titles and indicators (comma-separated), subplan, found, deadline, closed (`datetime.date`, None while open), then one column per responsibility field.
        """
    def subplan_of_problem(self, index: typing.SupportsInt | typing.SupportsIndex) -> str:
        """
        Path of the sub-plan of problem `index`.
        """
    def subplan_of_task(self, index: typing.SupportsInt | typing.SupportsIndex) -> str:
        """
        Path of the sub-plan of task `index` ('' for the root).
        """
    def task_index(self, id: str) -> int:
        """
        Position of a task in `tasks`; NotFoundError for an unknown id.
        """
    def tasks_frame(self) -> pandas.DataFrame:
        """
        One row per task (index: task id, qualified 'district/task' in sub-plans), sub-plans' included, ready for a Gantt chart: name, phase, titles (comma-separated), subplan, start, due (`datetime.date`, None when the duration gives the finish), duration (working days, NaN when not given), deadline (None for none), milestone, check (the campaign check a milestone stands for, '' for none), weight (NaN when not given), percent_complete, then one column per responsibility field ('' where a task names nobody).
        """
    def titles_of_task(self, index: typing.SupportsInt | typing.SupportsIndex) -> list[str]:
        """
        The titles task `index` serves: its own, else its phase's.
        """
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def problems(self) -> list[Problem]:
        """
        Every problem, sub-plans' included, as for tasks; copies.
        """
    @property
    def spec(self) -> PlanSpec:
        """
        The plan as plain data (a copy).
        """
    @property
    def subplan_paths(self) -> list[str]:
        """
        Paths of every sub-plan ('chengguan/school-3'), parents first.
        """
    @property
    def tasks(self) -> list[Task]:
        """
        Every task, sub-plans' included (ids qualified 'district/task', default responsibility filled in); copies.
        """

class ScheduledTask:
    """
    One task's place in the schedule (working days of the calendar).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> ScheduledTask: ...
    def __deepcopy__(self, memo: dict) -> ScheduledTask: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def critical(self) -> bool:
        """
        Slack equals the plan's smallest slack (0 unless a deadline cannot be met).
        """
    @property
    def duration(self) -> int:
        """
        Working days: the task's duration, else from planned start to due, both included (milestones 0).
        """
    @property
    def earliest_finish(self) -> datetime.date: ...
    @property
    def earliest_start(self) -> datetime.date: ...
    @property
    def free_slack(self) -> int:
        """
        Free float in working days: how far it can slip without moving a dependant's earliest start, past its deadline or the plan's end.
        """
    @property
    def id(self) -> str: ...
    @property
    def latest_finish(self) -> datetime.date: ...
    @property
    def latest_start(self) -> datetime.date: ...
    @property
    def slack(self) -> int:
        """
        Total float: latest_finish - earliest_finish in working days (negative only where a deadline cannot be met).
        """

class Schedule:
    """
    The schedule of a plan: forward and backward pass over its dependencies.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Schedule: ...
    def __deepcopy__(self, memo: dict) -> Schedule: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def _repr_html_(self) -> str:
        """
        The HTML a notebook shows (civitas.options sets its language and rows).
        """
    def task(self, id: str) -> ScheduledTask:
        """
        The task with this id; NotFoundError.
        """
    def to_frame(self) -> pandas.DataFrame:
        """
        One row per task (index: task id), in plan order: duration (working days), earliest_start, earliest_finish, latest_start, latest_finish (`datetime.date`), slack (total float) and free_slack (free float; working days), critical.
        """
    @property
    def critical_path(self) -> list[str]:
        """
        The chain of critical tasks that ends last, first task first.
        """
    @property
    def smallest_slack(self) -> int:
        """
        The critical tasks' slack: 0, or negative when a deadline cannot be met.
        """
    @property
    def tasks(self) -> list[ScheduledTask]:
        """
        One per task, in plan order.
        """

class ScheduleChange:
    """
    A task, or a phase's end, whose earliest finish moves when a task is delayed.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> ScheduleChange: ...
    def __deepcopy__(self, memo: dict) -> ScheduleChange: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def delayed_finish(self) -> datetime.date:
        """
        After it.
        """
    @property
    def earliest_finish(self) -> datetime.date:
        """
        Before the delay.
        """
    @property
    def id(self) -> str: ...
    @property
    def milestone(self) -> bool: ...
    @property
    def working_days(self) -> int:
        """
        How far it moves.
        """

class DelayImpact:
    """
    What a delay moves: tasks (plan order), then phase ends (phase order).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> DelayImpact: ...
    def __deepcopy__(self, memo: dict) -> DelayImpact: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def phases(self) -> list[ScheduleChange]:
        """
        Every phase whose end moves, in phase order.
        """
    @property
    def tasks(self) -> list[ScheduleChange]:
        """
        Every task whose earliest finish moves, in plan order.
        """

class TaskState(enum.Enum):
    """
    A task's state on a date: done, overdue, at_risk, in_progress or not_started.
    """

    at_risk = ...
    done = ...
    in_progress = ...
    not_started = ...
    overdue = ...

class TaskStatus:
    """
    One task on the status date.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> TaskStatus: ...
    def __deepcopy__(self, memo: dict) -> TaskStatus: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def budget(self) -> float:
        """
        Yuan in its budget lines.
        """
    @property
    def days_late(self) -> int:
        """
        Working days past `due`.
        """
    @property
    def due(self) -> datetime.date:
        """
        The date it is due: its deadline, else its planned finish.
        """
    @property
    def id(self) -> str: ...
    @property
    def percent_complete(self) -> float:
        """
        Reported progress, in [0, 100].
        """
    @property
    def planned_percent(self) -> float:
        """
        Share of its working days elapsed, in [0, 100].
        """
    @property
    def spent(self) -> float:
        """
        Yuan paid for it on or before the date (refunds taken off).
        """
    @property
    def state(self) -> TaskState:
        """
        Its state (the first of done, overdue, at_risk, in_progress, not_started that applies).
        """
    @property
    def weight(self) -> float:
        """
        Effort weight used (given, else its working days).
        """

class ProblemState(enum.Enum):
    """
    A problem's state on a date: closed, closed_late, overdue or open.
    """

    closed = ...
    closed_late = ...
    open = ...
    overdue = ...

class ProblemStatus:
    """
    One problem on the status date.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> ProblemStatus: ...
    def __deepcopy__(self, memo: dict) -> ProblemStatus: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def days_late(self) -> int:
        """
        Working days past the deadline.
        """
    @property
    def id(self) -> str: ...
    @property
    def state(self) -> ProblemState: ...

class Rectification:
    """
    Rectification of a set of problems (整改销号).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Rectification: ...
    def __deepcopy__(self, memo: dict) -> Rectification: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def closed(self) -> int:
        """
        Of them, closed (late or not).
        """
    @property
    def closed_on_time(self) -> int:
        """
        Closed by their deadline.
        """
    @property
    def closure_rate(self) -> float | None:
        """
        closed / found, or None when none was found.
        """
    @property
    def found(self) -> int:
        """
        Problems found on or before the date.
        """
    @property
    def overdue(self) -> int:
        """
        Open past their deadline.
        """

class OverdueTask:
    """
    A task past due and not done, with who answers for it.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> OverdueTask: ...
    def __deepcopy__(self, memo: dict) -> OverdueTask: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def days_late(self) -> int:
        """
        Working days past due.
        """
    @property
    def due(self) -> datetime.date: ...
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def percent_complete(self) -> float: ...
    @property
    def responsibility(self) -> dict[str, str]:
        """
        Department, unit, leader, ...
        """

class Progress:
    """
    Planned against earned progress of a set of tasks, and the rectification of its problems.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Progress: ...
    def __deepcopy__(self, memo: dict) -> Progress: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def budget(self) -> float:
        """
        Yuan budgeted for its tasks (BAC).
        """
    @property
    def budget_earned(self) -> float:
        """
        Sum of budget x completed share: the work done, in yuan (EV).
        """
    @property
    def budget_planned(self) -> float:
        """
        Sum of budget x planned share: the work planned by the date, in yuan (PV).
        """
    @property
    def cpi(self) -> float | None:
        """
        budget_earned / spent, the cost performance index; None while nothing is spent.
        """
    @property
    def done_on_time(self) -> int: ...
    @property
    def due(self) -> int:
        """
        Tasks due on or before the date.
        """
    @property
    def earned_value(self) -> float:
        """
        EV: sum of weight x completed share.
        """
    @property
    def on_time_rate(self) -> float | None:
        """
        done_on_time / due, or None when nothing is due.
        """
    @property
    def planned_value(self) -> float:
        """
        PV: sum of weight x planned share.
        """
    @property
    def problems(self) -> Rectification:
        """
        The set's inspection problems.
        """
    @property
    def spending_rate(self) -> float | None:
        """
        spent / budget (预算执行率), or None without a budget.
        """
    @property
    def spent(self) -> float:
        """
        Yuan paid on or before the date (AC).
        """
    @property
    def spi(self) -> float | None:
        """
        EV / PV, or None when PV is 0.
        """
    @property
    def spi_t(self) -> float | None:
        """
        Earned schedule / actual time, or None before the plan begins.
        """
    @property
    def states(self) -> dict[TaskState, int]:
        """
        Tasks in each TaskState.
        """
    @property
    def tasks(self) -> int: ...

class AccountFunds:
    """
    One fund account's money across the plan's tasks.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> AccountFunds: ...
    def __deepcopy__(self, memo: dict) -> AccountFunds: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def budget(self) -> float:
        """
        Yuan in the tasks' budget lines on it.
        """
    @property
    def spending_rate(self) -> float | None:
        """
        spent / budget, or None when nothing is budgeted on it.
        """
    @property
    def spent(self) -> float:
        """
        Yuan paid from it on or before the date.
        """

class OverBudget:
    """
    A task's budget line paid past its amount on the date, with who answers for the task.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> OverBudget: ...
    def __deepcopy__(self, memo: dict) -> OverBudget: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def account(self) -> str:
        """
        The budget line's account.
        """
    @property
    def budget(self) -> float:
        """
        Yuan in the line.
        """
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def responsibility(self) -> dict[str, str]:
        """
        Department, unit, leader, ...
        """
    @property
    def spent(self) -> float:
        """
        Yuan paid from it, more than the budget.
        """

class PlanStatus:
    """
    A plan's status on a date.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> PlanStatus: ...
    def __deepcopy__(self, memo: dict) -> PlanStatus: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def _repr_html_(self) -> str:
        """
        The HTML a notebook shows (civitas.options sets its language and rows).
        """
    def funds_frame(self) -> pandas.DataFrame:
        """
        One row per fund account (index: account, '' the general fund): budget and spent (yuan), spending_rate (spent / budget, NaN without a budget).
        """
    def overdue_frame(self) -> pandas.DataFrame:
        """
        The overdue list of a supervision circular, most days late first (index: task id): name, due, days_late (working days), percent_complete, then one column per responsibility field the overdue tasks name (department, unit, leader, ...; '' where a task names nobody).
        """
    def problem(self, id: str) -> ProblemStatus:
        """
        The problem with this id; NotFoundError.
        """
    def problems_frame(self) -> pandas.DataFrame:
        """
        One row per problem found on or before the date (index: problem id): state (name) and days_late (working days past the deadline). Join with `Plan.problems_frame()` for who and what.
        """
    def rollup_frame(self, by: str = "phase") -> pandas.DataFrame:
        """
        One row per phase (`by="phase"`), title (`"title"`), sub-plan (`"subplan"`) or value of a responsibility field (`by="department"`, ...): tasks, due, done_on_time, on_time_rate, planned_value, earned_value, spi, spi_t, a count per task state, then the problems: problems_found, problems_closed, problems_closed_on_time, problems_overdue, closure_rate, then the money (yuan): budget, budget_planned, budget_earned, spent, spending_rate, cpi. Sorted by on-time rate, then SPI, best first (as circulars rank them). NotFoundError for a field the plan does not have.
        """
    def task(self, id: str) -> TaskStatus:
        """
        The task with this id; NotFoundError.
        """
    def to_frame(self) -> pandas.DataFrame:
        """
        One row per task (index: task id), in plan order: state (name), due (`datetime.date`), planned_percent, percent_complete, weight, days_late, budget, spent (yuan).
        """
    @property
    def as_of(self) -> datetime.date: ...
    @property
    def by_account(self) -> dict[str, AccountFunds]:
        """
        Fund account -> AccountFunds ('' the general fund); empty without budgets.
        """
    @property
    def by_phase(self) -> dict[str, Progress]:
        """
        Progress of tasks by phase id ('' for none).
        """
    @property
    def by_responsibility(self) -> dict[str, dict[str, Progress]]:
        """
        field -> value -> Progress.
        """
    @property
    def by_subplan(self) -> dict[str, Progress]:
        """
        Progress by sub-plan path, sub-plans' included ('' is the root's own).
        """
    @property
    def by_title(self) -> dict[str, Progress]:
        """
        Progress by title id ('' for the whole campaign).
        """
    @property
    def over_budget(self) -> list[OverBudget]:
        """
        Budget lines paid past their amount, most overspent first.
        """
    @property
    def overall(self) -> Progress: ...
    @property
    def overdue(self) -> list[OverdueTask]:
        """
        Overdue tasks with who answers for them, most days late first.
        """
    @property
    def problems(self) -> list[ProblemStatus]:
        """
        Problems found on or before the date, in the order of Plan.problems.
        """
    @property
    def tasks(self) -> list[TaskStatus]:
        """
        Per task, in the order of Plan.tasks.
        """

class ProjectionMethod(enum.Enum):
    """
    How a value is carried forward from the latest point: linear (slope) or compound (CAGR).
    """

    compound = ...
    linear = ...

class ProgressState(enum.Enum):
    """
    Progress after the Open SDG method: target_met, on_track, needs_acceleration, limited_progress, deteriorating, too_few_points.
    """

    deteriorating = ...
    limited_progress = ...
    needs_acceleration = ...
    on_track = ...
    target_met = ...
    too_few_points = ...

class GrowthMeasure(enum.Enum):
    """
    How change is measured: compound (CAGR, Open SDG) or linear (slope).
    """

    compound = ...
    linear = ...

class TrendTest(enum.Enum):
    """
    How 'falling' or 'rising' is judged: consecutive changes, or a significant slope.
    """

    consecutive = ...
    slope = ...

class YearValue(enum.Enum):
    """
    A calendar year's value when it has several points: last or mean.
    """

    last = ...
    mean = ...

class IntervalMethod(enum.Enum):
    """
    Confidence interval of a proportion: wilson, agresti_coull, clopper_pearson.
    """

    agresti_coull = ...
    clopper_pearson = ...
    wilson = ...

class ProportionScale(enum.Enum):
    """
    How a proportion is written: proportion (0-1) or percent (0-100).
    """

    percent = ...
    proportion = ...

class Trend:
    """
    The least-squares trend and compound growth of the last points of a series.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Trend: ...
    def __deepcopy__(self, memo: dict) -> Trend: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def fitted(self, date: datetime.date) -> float:
        """
        The fitted line's value at `date`.
        """
    def project(self, date: datetime.date, method: ProjectionMethod | str = "linear") -> float | None:
        """
        The value at `date` carried forward from the latest value; None for compound without a CAGR.
        """
    def reach_date(self, line: Interval, method: ProjectionMethod | str = "linear") -> datetime.date | None:
        """
        The first day the projection meets `line` (last_date when already met); None when flat or moving away.
        """
    def required_growth(self, line: Interval, deadline: datetime.date) -> float | None:
        """
        Compound growth per year needed to meet `line` by `deadline`; 0 when met, None when no time is left or a value is <= 0.
        """
    def required_rate(self, line: Interval, deadline: datetime.date) -> float | None:
        """
        Value units per year needed from the latest value to meet `line` by `deadline`; 0 when met, None when no time is left.
        """
    @property
    def cagr(self) -> float | None:
        """
        Compound annual growth rate (0.05 = 5 %), None when a value is <= 0.
        """
    @property
    def cagr_note(self) -> str:
        """
        Why cagr is None ('' when it is defined), in English.
        """
    @property
    def cagr_note_zh(self) -> str:
        """
        Why cagr is None ('' when it is defined), in Chinese.
        """
    @property
    def first_date(self) -> datetime.date:
        """
        Date of the first point used (t = 0).
        """
    @property
    def first_value(self) -> float:
        """
        Value of the first point used.
        """
    @property
    def intercept(self) -> float:
        """
        The fitted line's value at first_date.
        """
    @property
    def last_date(self) -> datetime.date:
        """
        Date of the latest point.
        """
    @property
    def last_value(self) -> float:
        """
        Value of the latest point.
        """
    @property
    def points(self) -> int:
        """
        Points used (>= 2).
        """
    @property
    def r_squared(self) -> float:
        """
        Share of variance explained, in [0, 1]; 1 when all values are equal.
        """
    @property
    def slope(self) -> float:
        """
        Least-squares slope, value units per year.
        """
    @property
    def span_years(self) -> float:
        """
        Years (days / 365.25) from the first to the latest point.
        """

class ProgressAssessment:
    """
    A progress state (Open SDG method), the numbers behind it and the reason.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> ProgressAssessment: ...
    def __deepcopy__(self, memo: dict) -> ProgressAssessment: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def measure(self) -> GrowthMeasure:
        """
        The measure used (linear when compound was undefined).
        """
    @property
    def observed_rate(self) -> float | None:
        """
        CAGR per year, or slope in value units per year (linear).
        """
    @property
    def points(self) -> int:
        """
        Points used.
        """
    @property
    def progress_value(self) -> float | None:
        """
        What the cut-offs are applied to: R with a target, the direction-signed growth without.
        """
    @property
    def reason(self) -> str:
        """
        The verdict in words, with the numbers, in English.
        """
    @property
    def reason_zh(self) -> str:
        """
        The verdict in words, with the numbers, in Chinese.
        """
    @property
    def required_rate(self) -> float | None:
        """
        With a target: the same measure needed from the first point to meet it by the deadline.
        """
    @property
    def scaling(self) -> float | None:
        """
        Direction only with a limit: Open SDG's C in [0, 1].
        """
    @property
    def state(self) -> ProgressState:
        """
        The verdict (ProgressState).
        """

class LevelOrTrend:
    """
    Whether a line met 'by the level or by the trend' is met, and how.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> LevelOrTrend: ...
    def __deepcopy__(self, memo: dict) -> LevelOrTrend: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def latest(self) -> float:
        """
        The latest value.
        """
    @property
    def met(self) -> bool:
        """
        met_by_level or met_by_trend.
        """
    @property
    def met_by_level(self) -> bool:
        """
        The latest value is inside the line.
        """
    @property
    def met_by_trend(self) -> bool:
        """
        The trend goes the right way.
        """
    @property
    def p_value(self) -> float | None:
        """
        Slope test: one-sided p of 'no trend the right way'.
        """
    @property
    def reason(self) -> str:
        """
        In words, with the numbers, in English.
        """
    @property
    def reason_zh(self) -> str:
        """
        In words, with the numbers, in Chinese.
        """
    @property
    def slope(self) -> float | None:
        """
        Slope test: value units per year (None for the consecutive test).
        """

class HistoryAverage:
    """
    The latest year's value against the mean of the previous years.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> HistoryAverage: ...
    def __deepcopy__(self, memo: dict) -> HistoryAverage: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def assessable(self) -> bool:
        """
        Enough previous years had data.
        """
    @property
    def average(self) -> float | None:
        """
        Mean of the previous years' values (None when none).
        """
    @property
    def latest(self) -> float:
        """
        That year's value.
        """
    @property
    def met(self) -> bool:
        """
        Assessable and not above (lower) / not below (higher) the average.
        """
    @property
    def reason(self) -> str:
        """
        In words, with the numbers, in English.
        """
    @property
    def reason_zh(self) -> str:
        """
        In words, with the numbers, in Chinese.
        """
    @property
    def year(self) -> int:
        """
        The latest calendar year.
        """
    @property
    def years_used(self) -> list[int]:
        """
        Previous years with data, ascending.
        """

class ProportionInterval:
    """
    A proportion from a sample, with its confidence interval (on the scale given).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> ProportionInterval: ...
    def __deepcopy__(self, memo: dict) -> ProportionInterval: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def confidence(self) -> float:
        """
        Two-sided confidence level in (0, 1).
        """
    @property
    def estimate(self) -> float:
        """
        The observed proportion, on `scale`.
        """
    @property
    def high(self) -> float:
        """
        Upper confidence limit, on `scale`.
        """
    @property
    def low(self) -> float:
        """
        Lower confidence limit, on `scale`.
        """
    @property
    def method(self) -> IntervalMethod:
        """
        How the interval was computed.
        """
    @property
    def n(self) -> float:
        """
        Sample size (>= 1).
        """
    @property
    def scale(self) -> ProportionScale:
        """
        Scale of estimate, low and high.
        """

class Observation:
    """
    One measured value of one indicator for one unit on one date.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Observation: ...
    def __deepcopy__(self, memo: dict) -> Observation: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        unit: str,
        indicator: str,
        date: datetime.date,
        value: typing.SupportsFloat | typing.SupportsIndex,
        *,
        source: str = "",
        mode: AssessmentMode = AssessmentMode.unspecified,
        sample_size: typing.SupportsInt | typing.SupportsIndex | None = None,
        recorded: datetime.date | None = None,
    ) -> None:
        """
        date, recorded: datetime.date. Validated when added to a store.
        """
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def date(self) -> datetime.date:
        """
        The day the value describes.
        """
    @date.setter
    def date(self, arg0: datetime.date) -> None: ...
    @property
    def indicator(self) -> str:
        """
        Indicator id.
        """
    @indicator.setter
    def indicator(self, arg0: str) -> None: ...
    @property
    def mode(self) -> AssessmentMode:
        """
        How it was obtained.
        """
    @mode.setter
    def mode(self, arg0: AssessmentMode) -> None: ...
    @property
    def recorded(self) -> datetime.date | None:
        """
        When the value became known (>= date), or None: known on `date`.
        """
    @recorded.setter
    def recorded(self, arg0: datetime.date | None) -> None: ...
    @property
    def sample_size(self) -> int | None:
        """
        Respondents or sites sampled (>= 1), or None.
        """
    @sample_size.setter
    def sample_size(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None: ...
    @property
    def source(self) -> str:
        """
        Where it comes from ('' when not said).
        """
    @source.setter
    def source(self, arg0: str) -> None: ...
    @property
    def unit(self) -> str:
        """
        Unit id.
        """
    @unit.setter
    def unit(self, arg0: str) -> None: ...
    @property
    def value(self) -> float:
        """
        The value, in the indicator's unit.
        """
    @value.setter
    def value(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None: ...

class LatestValue:
    """
    The value of a series as of a date, as it was known on a day.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> LatestValue: ...
    def __deepcopy__(self, memo: dict) -> LatestValue: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def age_days(self) -> int:
        """
        as_of - date, in days.
        """
    @property
    def date(self) -> datetime.date:
        """
        The day it describes (<= as_of).
        """
    @property
    def mode(self) -> AssessmentMode:
        """
        How it was obtained.
        """
    @property
    def recorded(self) -> datetime.date | None:
        """
        When it became known, or None.
        """
    @property
    def sample_size(self) -> int | None:
        """
        Sample size, or None.
        """
    @property
    def source(self) -> str:
        """
        Where it comes from.
        """
    @property
    def value(self) -> float:
        """
        The value.
        """

class LatestMatrix:
    """
    Latest values of many units (rows) and indicators (columns) as of a date.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> LatestMatrix: ...
    def __deepcopy__(self, memo: dict) -> LatestMatrix: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def ages_frame(self) -> pandas.DataFrame:
        """
        The ages in days of the latest values: a row per unit, a column per indicator, NaN where none.
        """
    def to_frame(self) -> pandas.DataFrame:
        """
        The latest values: a row per unit, a column per indicator, NaN where none.
        """
    @property
    def ages(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units, indicators): days from that value's date to as_of, NaN where none (a view).
        """
    @property
    def indicators(self) -> list[str]:
        """
        Indicator ids, one per column.
        """
    @property
    def units(self) -> list[str]:
        """
        Unit ids, one per row.
        """
    @property
    def values(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units, indicators): latest value on or before as_of, NaN where none (a view).
        """

class TrendMatrix:
    """
    Latest values and least-squares trends of many units (rows) and indicators (columns).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> TrendMatrix: ...
    def __deepcopy__(self, memo: dict) -> TrendMatrix: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def project(self, date: datetime.date) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units, indicators): value + slope x years from the value's date to `date` where there are 2 points or more, the value where one, NaN where none.
        """
    @property
    def ages(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units, indicators): days from that value's date to as_of, NaN where none (a view).
        """
    @property
    def as_of(self) -> datetime.date:
        """
        The date asked.
        """
    @property
    def indicators(self) -> list[str]:
        """
        Indicator ids, one per column.
        """
    @property
    def points(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units, indicators): points the trend is fitted on, 0 where no value (a view).
        """
    @property
    def slopes(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units, indicators): least-squares slope per year of 365.25 days, NaN under 2 points (a view).
        """
    @property
    def units(self) -> list[str]:
        """
        Unit ids, one per row.
        """
    @property
    def values(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units, indicators): latest value on or before as_of, NaN where none (a view).
        """

class RejectedRow:
    """
    A row of an observation file that was left out, and why.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> RejectedRow: ...
    def __deepcopy__(self, memo: dict) -> RejectedRow: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def __str__(self) -> str: ...
    @property
    def column(self) -> int:
        """
        CSV: 1-based column of the offending field; 0 for the whole row, in JSON and in Arrow tables.
        """
    @property
    def line(self) -> int:
        """
        CSV: 1-based line where the row starts; 0 in JSON and Arrow tables.
        """
    @property
    def message(self) -> str:
        """
        What is wrong and what was expected.
        """
    @property
    def message_zh(self) -> str:
        """
        The message in Chinese.
        """
    @property
    def path(self) -> str:
        """
        JSON: path of the offending value; Arrow tables: the column and the 0-based row ('value[41]'); '' in CSV.
        """

class ObservationStore:
    """
    Observations in columns, with as-of queries; corrections keep the history.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> ObservationStore: ...
    def __deepcopy__(self, memo: dict) -> ObservationStore: ...
    def __eq__(self, arg0: builtins.object) -> bool:
        """
        The same observations row by row, in the stores' row order.
        """
    def __getitem__(self, row: typing.SupportsInt | typing.SupportsIndex) -> Observation:
        """
        Record `row` in index order (indicator, unit, date, recorded).
        """
    def __getstate__(self) -> builtins.object: ...
    def __init__(self) -> None: ...
    def __len__(self) -> int:
        """
        Number of records (corrections included).
        """
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def _columns(self) -> dict:
        """
        The rows as columns in index order (copies): ids as int32 codes, dates as days since 1970-01-01; an optional column is empty when every row has its default.
        """
    def add(self, observation: Observation) -> None:
        """
        Adds one observation; ValidationError for an empty id, a value not finite, recorded before date, sample_size < 1.
        """
    def finalize(self) -> None:
        """
        Sorts into index order and builds the lookup (the first query does it otherwise).
        """
    def latest(
        self, unit: str, indicator: str, as_of: datetime.date, *, known_on: datetime.date | None = None
    ) -> LatestValue | None:
        """
        The latest value dated on or before `as_of`, as known on `known_on`; None when there is none.
        """
    def latest_matrix(
        self,
        as_of: datetime.date,
        units: collections.abc.Sequence[str] | None = None,
        indicators: collections.abc.Sequence[str] | None = None,
        *,
        known_on: datetime.date | None = None,
    ) -> LatestMatrix:
        """
        Latest values of every unit (rows) and indicator (columns) asked (None: all of the store, in order of first appearance) as of `as_of`, as known on `known_on`; NaN where there is none.
        """
    def memory_bytes(self) -> int:
        """
        Bytes held by the columns, names and index.
        """
    def series(
        self, unit: str, indicator: str, *, known_on: datetime.date | None = None
    ) -> tuple[numpy.typing.NDArray[numpy.datetime64], numpy.typing.NDArray[numpy.float64]]:
        """
        (dates, values): numpy datetime64[D] and float64 arrays in date order, one value per date, as known on `known_on` (None: everything recorded). Empty for unknown ids.
        """
    def to_frame(self) -> pandas.DataFrame:
        """
        Every record (corrections included) in index order (indicator, unit, date, recorded): unit, indicator, source and mode as categoricals, date and recorded as datetime64 (NaT: none), value float64, sample_size nullable Int32 (<NA>: none).
        """
    def trend_matrix(
        self,
        as_of: datetime.date,
        units: collections.abc.Sequence[str] | None = None,
        indicators: collections.abc.Sequence[str] | None = None,
        *,
        points: typing.SupportsInt | typing.SupportsIndex = 5,
        known_on: datetime.date | None = None,
    ) -> TrendMatrix:
        """
        Latest value and least-squares line through the last `points` dates on or before `as_of` (as known on `known_on`) of every unit (rows) and indicator (columns) asked (None: all of the store), in one pass; the same numbers as trend() of each series. ValidationError when points < 1.
        """
    @property
    def indicators(self) -> list[str]:
        """
        Indicator ids in order of first appearance.
        """
    @property
    def sources(self) -> list[str]:
        """
        Sources in order of first appearance; '' first.
        """
    @property
    def units(self) -> list[str]:
        """
        Unit ids in order of first appearance.
        """

class ObservationLoad:
    """
    Observations read from a file, and the rows that were left out.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> ObservationLoad: ...
    def __deepcopy__(self, memo: dict) -> ObservationLoad: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def __str__(self) -> str: ...
    def rejected_frame(self) -> pandas.DataFrame:
        """
        The rows left out: line, column (CSV), path (JSON) and message, in file order.
        """
    @property
    def rejected(self) -> list[RejectedRow]:
        """
        The bad rows, in file order.
        """
    @property
    def store(self) -> ObservationStore:
        """
        The good rows.
        """

class AssessmentKind(enum.Enum):
    """
    What kind of assessment a round or check is: annual_test, provincial_precheck, national_check, ...
    """

    annual_test = ...
    mock_test = ...
    national_check = ...
    other = ...
    provincial_precheck = ...
    self_assessment = ...

class EventKind(enum.Enum):
    """
    What a dated event of a campaign is: benchmark, application, inspection, check, round, field_inspection.
    """

    application = ...
    benchmark = ...
    check = ...
    field_inspection = ...
    inspection = ...
    round = ...

class AssessmentRound:
    """
    A scored round: one dated assessment of a title, with its part scores.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> AssessmentRound: ...
    def __deepcopy__(self, memo: dict) -> AssessmentRound: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        id: str,
        title: str,
        date: datetime.date,
        *,
        kind: AssessmentKind = AssessmentKind.annual_test,
        parts: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex] = {},
        total: typing.SupportsFloat | typing.SupportsIndex | None = None,
        year: typing.SupportsInt | typing.SupportsIndex | None = None,
        name: str = "",
        flags: collections.abc.Sequence[str] = [],
        source: str = "",
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def consequences(self, scheme: RoundScheme) -> list[ConsequenceRule]:
        """
        The consequence rules it triggers, mildest first.
        """
    def total_in(self, scheme: RoundScheme) -> float | None:
        """
        The round's total under a scheme: the given total, else the parts' sum once all are in; None while a part is missing.
        """
    def validate(self, scheme: RoundScheme) -> None:
        """
        Checks the round against a scheme; ValidationError names the path ('$.parts.field_inspection').
        """
    @property
    def assessment_year(self) -> int:
        """
        The year it counts for: `year`, else the date's year.
        """
    @property
    def date(self) -> datetime.date:
        """
        When it was held (datetime.date).
        """
    @date.setter
    def date(self, arg0: datetime.date) -> None: ...
    @property
    def flags(self) -> list[str]:
        """
        Flags a consequence rule names ('falsified_materials').
        """
    @flags.setter
    def flags(self, arg0: collections.abc.Sequence[str]) -> None: ...
    @property
    def id(self) -> str:
        """
        Unique among the campaign's rounds.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def kind(self) -> AssessmentKind:
        """
        Annual tests count in the cycle total.
        """
    @kind.setter
    def kind(self, arg0: AssessmentKind) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @name.setter
    def name(self, arg0: str) -> None: ...
    @property
    def parts(self) -> dict[str, float]:
        """
        Part id -> points.
        """
    @parts.setter
    def parts(self, arg0: collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex]) -> None: ...
    @property
    def source(self) -> str:
        """
        Where the scores come from.
        """
    @source.setter
    def source(self, arg0: str) -> None: ...
    @property
    def title(self) -> str:
        """
        Title id.
        """
    @title.setter
    def title(self, arg0: str) -> None: ...
    @property
    def total(self) -> float | None:
        """
        The total when only it is known, or None.
        """
    @total.setter
    def total(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None: ...
    @property
    def year(self) -> int | None:
        """
        The assessment year it counts for; None: the date's year.
        """
    @year.setter
    def year(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None: ...

class CycleStanding:
    """
    A cycle's standing: each year's score, what is secured, the total once complete.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> CycleStanding: ...
    def __deepcopy__(self, memo: dict) -> CycleStanding: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def best_possible(self) -> float:
        """
        Most the cycle total can still reach.
        """
    @property
    def first_year(self) -> int:
        """
        Calendar year of the cycle's first year.
        """
    @property
    def remaining_weight(self) -> float:
        """
        Sum of the weights of the years without a score.
        """
    @property
    def scores(self) -> list[float | None]:
        """
        Per year of the cycle: the annual test's total, or None.
        """
    @property
    def secured(self) -> float:
        """
        Sum of weight x score over the years with a score (points).
        """
    @property
    def total(self) -> float | None:
        """
        The cycle total; None until every year has a score (no renormalising).
        """
    @property
    def weights(self) -> list[float]:
        """
        Per year: the scheme's weight.
        """
    @property
    def years(self) -> list[int]:
        """
        The calendar years of the cycle.
        """

class CycleNeed:
    """
    What the remaining years need for the cycle total to reach a line.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> CycleNeed: ...
    def __deepcopy__(self, memo: dict) -> CycleNeed: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def line(self) -> float:
        """
        The cycle line asked about (points).
        """
    @property
    def needed(self) -> float:
        """
        Score each remaining year needs; <= 0 when secured, above full points when out of reach; NaN when none remains.
        """
    @property
    def reachable(self) -> bool:
        """
        Full points in every remaining year reach it.
        """
    @property
    def secured(self) -> bool:
        """
        The line is reached whatever the remaining years score.
        """
    @property
    def years(self) -> list[int]:
        """
        Calendar years still without a score.
        """

class Check:
    """
    A dated check on the way to a title: the provincial pre-check, the national check.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Check: ...
    def __deepcopy__(self, memo: dict) -> Check: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        id: str,
        date: datetime.date,
        *,
        kind: AssessmentKind = AssessmentKind.other,
        title: str = "",
        end: datetime.date | None = None,
        name: str = "",
        notes: str = "",
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def date(self) -> datetime.date:
        """
        First day.
        """
    @date.setter
    def date(self, arg0: datetime.date) -> None: ...
    @property
    def end(self) -> datetime.date | None:
        """
        Last day of a window, or None.
        """
    @end.setter
    def end(self, arg0: datetime.date | None) -> None: ...
    @property
    def id(self) -> str:
        """
        Unique among the campaign's checks.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def kind(self) -> AssessmentKind:
        """
        What kind of check.
        """
    @kind.setter
    def kind(self, arg0: AssessmentKind) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @name.setter
    def name(self, arg0: str) -> None: ...
    @property
    def notes(self) -> str:
        """
        Free text.
        """
    @notes.setter
    def notes(self, arg0: str) -> None: ...
    @property
    def title(self) -> str:
        """
        Title id, '' for every title.
        """
    @title.setter
    def title(self, arg0: str) -> None: ...

class InspectionSite:
    """
    A site sampled by a field inspection.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> InspectionSite: ...
    def __deepcopy__(self, memo: dict) -> InspectionSite: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(self, id: str, unit: str, type: str, *, name: str = "", date: datetime.date | None = None) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def date(self) -> datetime.date | None:
        """
        Day visited; None: the inspection's date.
        """
    @date.setter
    def date(self, arg0: datetime.date | None) -> None: ...
    @property
    def id(self) -> str:
        """
        Unique in the inspection.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @name.setter
    def name(self, arg0: str) -> None: ...
    @property
    def type(self) -> str:
        """
        Site type: square, park, street, station, hospital, market, school, ...
        """
    @type.setter
    def type(self, arg0: str) -> None: ...
    @property
    def unit(self) -> str:
        """
        Unit id the site belongs to.
        """
    @unit.setter
    def unit(self, arg0: str) -> None: ...

class InspectionProblem:
    """
    A problem found at a site.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> InspectionProblem: ...
    def __deepcopy__(self, memo: dict) -> InspectionProblem: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        site: str,
        indicator: str,
        *,
        description: str = "",
        count: typing.SupportsInt | typing.SupportsIndex = 1,
        deduction: typing.SupportsFloat | typing.SupportsIndex | None = None,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def count(self) -> int:
        """
        How many, >= 1.
        """
    @count.setter
    def count(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None: ...
    @property
    def deduction(self) -> float | None:
        """
        Points deducted for them in all, or None.
        """
    @deduction.setter
    def deduction(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None: ...
    @property
    def description(self) -> str:
        """
        What was found.
        """
    @description.setter
    def description(self, arg0: str) -> None: ...
    @property
    def indicator(self) -> str:
        """
        Indicator id it counts against.
        """
    @indicator.setter
    def indicator(self, arg0: str) -> None: ...
    @property
    def site(self) -> str:
        """
        Site id.
        """
    @site.setter
    def site(self, arg0: str) -> None: ...

class FieldRollup:
    """
    Problems and deductions of one unit and indicator in an inspection.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> FieldRollup: ...
    def __deepcopy__(self, memo: dict) -> FieldRollup: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def deduction(self) -> float:
        """
        Points deducted.
        """
    @property
    def indicator(self) -> str:
        """
        Indicator id.
        """
    @property
    def problems(self) -> int:
        """
        Problems found.
        """
    @property
    def sites(self) -> int:
        """
        Sites of the unit sampled (sub-units' included when rolled up).
        """
    @property
    def unit(self) -> str:
        """
        Unit id.
        """

class FieldInspection:
    """
    A field inspection: sites sampled, mandatory site types, problems found.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> FieldInspection: ...
    def __deepcopy__(self, memo: dict) -> FieldInspection: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        id: str,
        date: datetime.date,
        sites: collections.abc.Sequence[InspectionSite] = [],
        problems: collections.abc.Sequence[InspectionProblem] = [],
        *,
        title: str = "",
        round: str = "",
        name: str = "",
        source: str = "",
        mandatory: collections.abc.Sequence[str] = [],
        indicators: collections.abc.Sequence[str] = [],
        file: str = "",
    ) -> None:
        """
        A validated inspection; ValidationError names the path ('$.problems[2].site').
        """
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def missing_site_types(self) -> list[str]:
        """
        Mandatory site types no site was sampled of.
        """
    def observations(self, parents: collections.abc.Mapping[str, str] = {}) -> list[Observation]:
        """
        The roll-up as observations (value = problems, mode field_inspection, the inspection's date).
        """
    def rollup(self, parents: collections.abc.Mapping[str, str] = {}) -> list[FieldRollup]:
        """
        Problems per unit and indicator (zeros included); with parents (unit -> parent) also for every ancestor.
        """
    def validate(self) -> None:
        """
        Checks the inspection; ValidationError names the path.
        """
    @property
    def date(self) -> datetime.date:
        """
        The inspection's date: the date of its observations.
        """
    @date.setter
    def date(self, arg0: datetime.date) -> None: ...
    @property
    def file(self) -> str:
        """
        The file it is kept in, relative to the campaign file; '' in place.
        """
    @file.setter
    def file(self, arg0: str) -> None: ...
    @property
    def id(self) -> str:
        """
        Unique among the campaign's inspections.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def indicators(self) -> list[str]:
        """
        Indicators checked at every site; empty: those of its problems.
        """
    @indicators.setter
    def indicators(self, arg0: collections.abc.Sequence[str]) -> None: ...
    @property
    def mandatory(self) -> list[str]:
        """
        Site types it must sample.
        """
    @mandatory.setter
    def mandatory(self, arg0: collections.abc.Sequence[str]) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @name.setter
    def name(self, arg0: str) -> None: ...
    @property
    def problems(self) -> list[InspectionProblem]:
        """
        The problems found.
        """
    @problems.setter
    def problems(self, arg0: collections.abc.Sequence[InspectionProblem]) -> None: ...
    @property
    def round(self) -> str:
        """
        Id of the round it belongs to, ''.
        """
    @round.setter
    def round(self, arg0: str) -> None: ...
    @property
    def sites(self) -> list[InspectionSite]:
        """
        The sites sampled.
        """
    @sites.setter
    def sites(self, arg0: collections.abc.Sequence[InspectionSite]) -> None: ...
    @property
    def source(self) -> str:
        """
        Who inspected: the source of its observations.
        """
    @source.setter
    def source(self, arg0: str) -> None: ...
    @property
    def title(self) -> str:
        """
        Title id whose framework the indicators belong to, '' when not said.
        """
    @title.setter
    def title(self, arg0: str) -> None: ...

class CampaignEvent:
    """
    A dated event of a campaign, for 'next events'.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> CampaignEvent: ...
    def __deepcopy__(self, memo: dict) -> CampaignEvent: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def assessment(self) -> AssessmentKind | None:
        """
        For checks and rounds: the kind of assessment, else None.
        """
    @property
    def date(self) -> datetime.date:
        """
        The day (a window's first day).
        """
    @property
    def end(self) -> datetime.date | None:
        """
        A window's last day, or None.
        """
    @property
    def id(self) -> str:
        """
        The check's, round's or inspection's id; '' for title dates.
        """
    @property
    def kind(self) -> EventKind:
        """
        What it is.
        """
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @property
    def title(self) -> str:
        """
        Title id, '' for every title.
        """

class TitleDates:
    """
    The dates of a title's drive: benchmark creation, application, inspection.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> TitleDates: ...
    def __deepcopy__(self, memo: dict) -> TitleDates: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        *,
        benchmark: datetime.date | None = None,
        application: datetime.date | None = None,
        inspection: datetime.date | None = None,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def application(self) -> datetime.date | None:
        """
        When the city applies for assessment, or None.
        """
    @application.setter
    def application(self, arg0: datetime.date | None) -> None: ...
    @property
    def benchmark(self) -> datetime.date | None:
        """
        When benchmark creation (对标创建) starts, or None.
        """
    @benchmark.setter
    def benchmark(self, arg0: datetime.date | None) -> None: ...
    @property
    def inspection(self) -> datetime.date | None:
        """
        When the inspection judges it, or None.
        """
    @inspection.setter
    def inspection(self, arg0: datetime.date | None) -> None: ...

class CampaignTitle:
    """
    A title the campaign runs for, judged by a framework.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> CampaignTitle: ...
    def __deepcopy__(self, memo: dict) -> CampaignTitle: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        framework: str = "",
        dates: TitleDates = ...,
        scheme: RoundScheme | None = None,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def dates(self) -> TitleDates:
        """
        The drive's dates.
        """
    @dates.setter
    def dates(self, arg0: TitleDates) -> None: ...
    @property
    def framework(self) -> str:
        """
        A bundled framework id or a path relative to the campaign file; '' for none.
        """
    @framework.setter
    def framework(self, arg0: str) -> None: ...
    @property
    def id(self) -> str:
        """
        Unique among titles; the plan's title ids are these.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @name.setter
    def name(self, arg0: str) -> None: ...
    @property
    def scheme(self) -> RoundScheme | None:
        """
        How its rounds are scored (RoundScheme), or None: the one its framework names (FrameworkSpec.round_scheme).
        """
    @scheme.setter
    def scheme(self, arg0: RoundScheme | None) -> None: ...

class CampaignUnit:
    """
    A unit assessed or answering for work: the city, a district, a school.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> CampaignUnit: ...
    def __deepcopy__(self, memo: dict) -> CampaignUnit: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        parent: str = "",
        classes: collections.abc.Mapping[str, str] = {},
        kind: str = "",
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def classes(self) -> dict[str, str]:
        """
        Title id -> the unit's class in that title's framework.
        """
    @classes.setter
    def classes(self, arg0: collections.abc.Mapping[str, str]) -> None: ...
    @property
    def id(self) -> str:
        """
        Unique among units.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def kind(self) -> str:
        """
        What sort of unit: 'city', 'district', 'county', 'school', ... (any word); '' when not said.
        """
    @kind.setter
    def kind(self, arg0: str) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @name.setter
    def name(self, arg0: str) -> None: ...
    @property
    def parent(self) -> str:
        """
        Id of the unit it belongs to, '' for the top.
        """
    @parent.setter
    def parent(self, arg0: str) -> None: ...

class Department:
    """
    A department (a bureau, or a district's government with `unit`) that answers for tasks and targets.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Department: ...
    def __deepcopy__(self, memo: dict) -> Department: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(self, id: str = "", *, name: str = "", leader: str = "", unit: str = "") -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def id(self) -> str:
        """
        Unique among departments.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def leader(self) -> str:
        """
        Who answers for it, '' when not given.
        """
    @leader.setter
    def leader(self, arg0: str) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @name.setter
    def name(self, arg0: str) -> None: ...
    @property
    def unit(self) -> str:
        """
        The unit it answers for as a whole (a district's government), '' for none.
        """
    @unit.setter
    def unit(self, arg0: str) -> None: ...

class Target:
    """
    A campaign's own goal for an indicator, possibly stricter than the pass line.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Target: ...
    def __deepcopy__(self, memo: dict) -> Target: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        title: str = "",
        indicator: str = "",
        value: typing.SupportsFloat | typing.SupportsIndex = 0.0,
        *,
        unit: str = "",
        deadline: datetime.date | None = None,
        department: str = "",
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def deadline(self) -> datetime.date | None:
        """
        By when; None: the title's inspection date.
        """
    @deadline.setter
    def deadline(self, arg0: datetime.date | None) -> None: ...
    @property
    def department(self) -> str:
        """
        Department id answering for it, '' for none.
        """
    @department.setter
    def department(self, arg0: str) -> None: ...
    @property
    def indicator(self) -> str:
        """
        Indicator id of that title's framework.
        """
    @indicator.setter
    def indicator(self, arg0: str) -> None: ...
    @property
    def title(self) -> str:
        """
        Title id.
        """
    @title.setter
    def title(self, arg0: str) -> None: ...
    @property
    def unit(self) -> str:
        """
        Unit id, '' for every unit.
        """
    @unit.setter
    def unit(self, arg0: str) -> None: ...
    @property
    def value(self) -> float:
        """
        The value to reach, in the indicator's unit and direction.
        """
    @value.setter
    def value(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None: ...

class SubmissionSchedule:
    """
    When departments submit: one submission a month from first_month, due by due_day of the next month.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> SubmissionSchedule: ...
    def __deepcopy__(self, memo: dict) -> SubmissionSchedule: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        first_month: datetime.date,
        *,
        due_day: typing.SupportsInt | typing.SupportsIndex = 5,
        departments: collections.abc.Sequence[str] = [],
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def departments(self) -> list[str]:
        """
        Ids of the departments that submit; empty: every department.
        """
    @departments.setter
    def departments(self, arg0: collections.abc.Sequence[str]) -> None: ...
    @property
    def due_day(self) -> int:
        """
        The day of the following month (1-28) by which a month's submission is due.
        """
    @due_day.setter
    def due_day(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None: ...
    @property
    def first_month(self) -> datetime.date:
        """
        The first day of the first month whose submission is due.
        """
    @first_month.setter
    def first_month(self, arg0: datetime.date) -> None: ...

class AccountabilityRule:
    """
    An accountability step (问责) taken against a department meeting any of its conditions.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> AccountabilityRule: ...
    def __deepcopy__(self, memo: dict) -> AccountabilityRule: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        days_overdue: typing.SupportsInt | typing.SupportsIndex | None = None,
        problems_overdue: typing.SupportsInt | typing.SupportsIndex | None = None,
        late_submissions: typing.SupportsInt | typing.SupportsIndex | None = None,
        months: typing.SupportsInt | typing.SupportsIndex | None = None,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def days_overdue(self) -> int | None:
        """
        Met by a task at least this many working days overdue, or None.
        """
    @days_overdue.setter
    def days_overdue(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None: ...
    @property
    def id(self) -> str:
        """
        Unique among the rules.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def late_submissions(self) -> int | None:
        """
        Met by at least this many late or missing submissions, or None.
        """
    @late_submissions.setter
    def late_submissions(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None: ...
    @property
    def months(self) -> int | None:
        """
        Late submissions counted over the last this many months due; None: all.
        """
    @months.setter
    def months(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name ('约谈').
        """
    @name.setter
    def name(self, arg0: str) -> None: ...
    @property
    def problems_overdue(self) -> int | None:
        """
        Met by at least this many problems open past their deadline, or None.
        """
    @problems_overdue.setter
    def problems_overdue(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None: ...

class CampaignSpec:
    """
    Everything a campaign file says, as plain data; `Campaign` is its validated form.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> CampaignSpec: ...
    def __deepcopy__(self, memo: dict) -> CampaignSpec: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        id: str = "",
        *,
        name: str = "",
        language: str = "",
        calendar: str = "",
        titles: collections.abc.Sequence[CampaignTitle] = [],
        units: collections.abc.Sequence[CampaignUnit] = [],
        departments: collections.abc.Sequence[Department] = [],
        targets: collections.abc.Sequence[Target] = [],
        plan: PlanSpec | None = None,
        plan_file: str = "",
        observations: collections.abc.Sequence[str] = [],
        store: str = "",
        rounds: collections.abc.Sequence[AssessmentRound] = [],
        checks: collections.abc.Sequence[Check] = [],
        inspections: collections.abc.Sequence[FieldInspection] = [],
        submissions: SubmissionSchedule | None = None,
        accountability: collections.abc.Sequence[AccountabilityRule] = [],
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def accountability(self) -> list[AccountabilityRule]:
        """
        Accountability steps (AccountabilityRule), mildest first.
        """
    @accountability.setter
    def accountability(self, arg0: collections.abc.Sequence[AccountabilityRule]) -> None: ...
    @property
    def calendar(self) -> str:
        """
        A bundled calendar id or a path relative to the campaign file; '' for Monday-Friday.
        """
    @calendar.setter
    def calendar(self, arg0: str) -> None: ...
    @property
    def checks(self) -> list[Check]:
        """
        Dated checks (Check), in order.
        """
    @checks.setter
    def checks(self, arg0: collections.abc.Sequence[Check]) -> None: ...
    @property
    def departments(self) -> list[Department]:
        """
        Departments, in order.
        """
    @departments.setter
    def departments(self, arg0: collections.abc.Sequence[Department]) -> None: ...
    @property
    def id(self) -> str:
        """
        Short id.
        """
    @id.setter
    def id(self, arg0: str) -> None: ...
    @property
    def inspections(self) -> list[FieldInspection]:
        """
        Field inspections (FieldInspection), in place or each in its file.
        """
    @inspections.setter
    def inspections(self, arg0: collections.abc.Sequence[FieldInspection]) -> None: ...
    @property
    def language(self) -> str:
        """
        Language of reports: 'zh', 'en' or '' (from the names).
        """
    @language.setter
    def language(self, arg0: str) -> None: ...
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @name.setter
    def name(self, arg0: str) -> None: ...
    @property
    def observations(self) -> list[str]:
        """
        Observation files, relative to the campaign file.
        """
    @observations.setter
    def observations(self, arg0: collections.abc.Sequence[str]) -> None: ...
    @property
    def plan(self) -> PlanSpec | None:
        """
        The plan written in place, or None.
        """
    @plan.setter
    def plan(self, arg0: PlanSpec | None) -> None: ...
    @property
    def plan_file(self) -> str:
        """
        Or the plan's own file, relative to the campaign file.
        """
    @plan_file.setter
    def plan_file(self, arg0: str) -> None: ...
    @property
    def rounds(self) -> list[AssessmentRound]:
        """
        Scored rounds (AssessmentRound), in order.
        """
    @rounds.setter
    def rounds(self, arg0: collections.abc.Sequence[AssessmentRound]) -> None: ...
    @property
    def store(self) -> str:
        """
        The campaign store (an SQLite file) relative to the campaign file, '' for none.
        """
    @store.setter
    def store(self, arg0: str) -> None: ...
    @property
    def submissions(self) -> SubmissionSchedule | None:
        """
        When departments submit (SubmissionSchedule), or None.
        """
    @submissions.setter
    def submissions(self, arg0: SubmissionSchedule | None) -> None: ...
    @property
    def targets(self) -> list[Target]:
        """
        Targets, in order.
        """
    @targets.setter
    def targets(self, arg0: collections.abc.Sequence[Target]) -> None: ...
    @property
    def titles(self) -> list[CampaignTitle]:
        """
        Titles, in order.
        """
    @titles.setter
    def titles(self, arg0: collections.abc.Sequence[CampaignTitle]) -> None: ...
    @property
    def units(self) -> list[CampaignUnit]:
        """
        Units, parents before children.
        """
    @units.setter
    def units(self, arg0: collections.abc.Sequence[CampaignUnit]) -> None: ...

class Campaign:
    """
    A validated campaign with its frameworks, calendar and plan loaded.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Campaign: ...
    def __deepcopy__(self, memo: dict) -> Campaign: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        spec: CampaignSpec,
        frameworks: collections.abc.Mapping[str, Framework] = {},
        calendar: WorkCalendar = ...,
        plan: Plan | None = None,
        observations: ObservationStore = ...,
    ) -> None:
        """
        Validates the spec against the frameworks (by title id), the calendar and the plan; ValidationError names the path.
        """
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def children(self, unit: str = "") -> list[str]:
        """
        Ids of the units directly under `unit` ('' for the top).
        """
    def cycle_standing(self, title: str) -> CycleStanding:
        """
        The cycle standing of a title from its annual tests.
        """
    def events(self, from_date: datetime.date | None = None) -> list[CampaignEvent]:
        """
        Every dated event by date; only those on or after `from_date` (an open window counts) when given.
        """
    def events_frame(self, from_date: datetime.date | None = None) -> pandas.DataFrame:
        """
        Every dated event of the campaign by date (`Campaign.events`): date and end (`datetime.date`, end None for one day), title, kind and assessment (names; assessment '' for title dates and inspections), id and name. With `from_date`, only events on or after it (a window still open counts): the report's "next events".
        """
    def field_frame(self, inspection: str | None = None) -> pandas.DataFrame:
        """
        Field problems by unit and indicator: one row per inspection, unit (districts and, rolled up, their ancestors) and indicator checked, with date, title, sites, problems and deduction (points). Only `inspection` when given.
        """
    def field_observations(self) -> list[Observation]:
        """
        Every inspection's roll-up as observations (load_campaign adds them to `observations`).
        """
    def field_rollup(self, inspection: str) -> list[FieldRollup]:
        """
        An inspection's problems per unit and indicator, also counted for the units' ancestors.
        """
    def framework(self, title: str) -> Framework:
        """
        The framework of a title; NotFoundError for an unknown title or one without a framework.
        """
    def has_round_scheme(self, title: str) -> bool:
        """
        True when the title has a round scheme.
        """
    def inspection(self, id: str) -> FieldInspection:
        """
        The inspection with this id; NotFoundError.
        """
    def responsible_department(self, responsibility: collections.abc.Mapping[str, str]) -> Department | None:
        """
        The department answering for work with these responsibility fields (a task's): the one whose id or name is 'department', else the one whose unit's id or name is 'unit'; None when none is.
        """
    def round_scheme(self, title: str) -> RoundScheme:
        """
        The title's round scheme (its own, else the one its framework names); NotFoundError.
        """
    def rounds(self, title: str = "") -> list[AssessmentRound]:
        """
        The rounds of a title (every title when ''), in file order.
        """
    def rounds_frame(self, title: str = "") -> pandas.DataFrame:
        """
        One row per round (of `title`, every title when ''): title, id, kind (name), date (`datetime.date`), year (the assessment year), name, one column per part of the title's scheme (NaN where not given), total (NaN while a part is missing), consequences (the names of the rules it triggers, joined by ', ') and flags.
        """
    def targets_for(self, title: str, indicator: str, unit: str) -> list[Target]:
        """
        The targets for a unit: its own, else those for every unit.
        """
    def targets_frame(self) -> pandas.DataFrame:
        """
        One row per target, in file order: title, indicator, name (the indicator's), unit ('' for every unit), value, deadline (`datetime.date`; the title's inspection date when the target gives none) and department.
        """
    def title_index(self, id: str) -> int:
        """
        Position of a title; NotFoundError.
        """
    def unit_class(self, unit: str, title: str) -> str:
        """
        The unit's class in a title's framework, '' for none.
        """
    def unit_index(self, id: str) -> int:
        """
        Position of a unit; NotFoundError.
        """
    def units_frame(self) -> pandas.DataFrame:
        """
        One row per unit (index: unit id), parents first: name, parent ('' for the top), then one column per title with the unit's class in that title's framework ('' for none).
        """
    @property
    def calendar(self) -> WorkCalendar:
        """
        The working-day calendar.
        """
    @property
    def checks(self) -> list[Check]:
        """
        The dated checks (copies).
        """
    @property
    def departments(self) -> list[Department]:
        """
        The departments (copies).
        """
    @property
    def frameworks(self) -> dict[str, Framework]:
        """
        Frameworks by title id.
        """
    @property
    def id(self) -> str: ...
    @property
    def inspections(self) -> list[FieldInspection]:
        """
        The field inspections (copies).
        """
    @property
    def name(self) -> str: ...
    @property
    def observations(self) -> ObservationStore:
        """
        The observations of its units (all observation files together).
        """
    @property
    def plan(self) -> Plan | None:
        """
        The plan, or None.
        """
    @property
    def rejected_observations(self) -> list[tuple[str, RejectedRow]]:
        """
        Rows of the observation files that were left out: (file, RejectedRow) pairs.
        """
    @property
    def spec(self) -> CampaignSpec:
        """
        The campaign as plain data (a copy).
        """
    @property
    def targets(self) -> list[Target]:
        """
        The targets (copies).
        """
    @property
    def titles(self) -> list[CampaignTitle]:
        """
        The titles, in order (copies).
        """
    @property
    def units(self) -> list[CampaignUnit]:
        """
        The units, in order (copies).
        """

class SubmissionStatus(enum.Enum):
    """
    Whether a submission's records count: active or withdrawn.
    """

    active = ...
    withdrawn = ...

class TaskReport:
    """
    A department's report on a task's progress; fields left None say nothing new.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> TaskReport: ...
    def __deepcopy__(self, memo: dict) -> TaskReport: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        task: str,
        *,
        percent_complete: typing.SupportsFloat | typing.SupportsIndex | None = None,
        actual_start: datetime.date | None = None,
        actual_finish: datetime.date | None = None,
        reported_on: datetime.date | None = None,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def actual_finish(self) -> datetime.date | None:
        """
        When it really finished, or None.
        """
    @actual_finish.setter
    def actual_finish(self, arg0: datetime.date | None) -> None: ...
    @property
    def actual_start(self) -> datetime.date | None:
        """
        When it really started, or None.
        """
    @actual_start.setter
    def actual_start(self, arg0: datetime.date | None) -> None: ...
    @property
    def percent_complete(self) -> float | None:
        """
        Progress in [0, 100], or None.
        """
    @percent_complete.setter
    def percent_complete(self, arg0: typing.SupportsFloat | typing.SupportsIndex | None) -> None: ...
    @property
    def reported_on(self) -> datetime.date | None:
        """
        When it was reported; None: the submission's day.
        """
    @reported_on.setter
    def reported_on(self, arg0: datetime.date | None) -> None: ...
    @property
    def task(self) -> str:
        """
        The plan's (qualified) task id.
        """
    @task.setter
    def task(self, arg0: str) -> None: ...

class ProblemUpdate:
    """
    A department's update on a problem's rectification: closed, or a note.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> ProblemUpdate: ...
    def __deepcopy__(self, memo: dict) -> ProblemUpdate: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        problem: str,
        *,
        closed: datetime.date | None = None,
        note: str = "",
        reported_on: datetime.date | None = None,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def closed(self) -> datetime.date | None:
        """
        When it was closed (销号), or None.
        """
    @closed.setter
    def closed(self, arg0: datetime.date | None) -> None: ...
    @property
    def note(self) -> str:
        """
        Progress note ('' when none).
        """
    @note.setter
    def note(self, arg0: str) -> None: ...
    @property
    def problem(self) -> str:
        """
        The plan's (qualified) problem id.
        """
    @problem.setter
    def problem(self, arg0: str) -> None: ...
    @property
    def reported_on(self) -> datetime.date | None:
        """
        When it was reported; None: the submission's day.
        """
    @reported_on.setter
    def reported_on(self, arg0: datetime.date | None) -> None: ...

class SpendingReport:
    """
    A department's report of money paid for a task out of one of its budget lines.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> SpendingReport: ...
    def __deepcopy__(self, memo: dict) -> SpendingReport: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        task: str,
        date: datetime.date,
        amount: typing.SupportsFloat | typing.SupportsIndex,
        *,
        account: str = "",
        note: str = "",
        reported_on: datetime.date | None = None,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def account(self) -> str:
        """
        The account of the task's budget line it is paid from ('' the general fund).
        """
    @account.setter
    def account(self, arg0: str) -> None: ...
    @property
    def amount(self) -> float:
        """
        Yuan, not 0 (negative: a refund).
        """
    @amount.setter
    def amount(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None: ...
    @property
    def date(self) -> datetime.date:
        """
        The day it was paid, on or before the report's day.
        """
    @date.setter
    def date(self, arg0: datetime.date) -> None: ...
    @property
    def note(self) -> str:
        """
        Voucher or purpose ('' when none).
        """
    @note.setter
    def note(self, arg0: str) -> None: ...
    @property
    def reported_on(self) -> datetime.date | None:
        """
        When it was reported; None: the submission's day.
        """
    @reported_on.setter
    def reported_on(self, arg0: datetime.date | None) -> None: ...
    @property
    def task(self) -> str:
        """
        The plan's (qualified) task id.
        """
    @task.setter
    def task(self, arg0: str) -> None: ...

class Submission:
    """
    One submission of a department: who, when, from which file, and its records.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Submission: ...
    def __deepcopy__(self, memo: dict) -> Submission: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(
        self,
        *,
        department: str = "",
        unit: str = "",
        submitted_by: str = "",
        submitted_at: datetime.date,
        file: str = "",
        period: str = "",
        observations: collections.abc.Sequence[Observation] = [],
        tasks: collections.abc.Sequence[TaskReport] = [],
        problems: collections.abc.Sequence[ProblemUpdate] = [],
        spending: collections.abc.Sequence[SpendingReport] = [],
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def department(self) -> str:
        """
        Department id ('' for none).
        """
    @department.setter
    def department(self, arg0: str) -> None: ...
    @property
    def file(self) -> str:
        """
        The file it came from ('' when none).
        """
    @file.setter
    def file(self, arg0: str) -> None: ...
    @property
    def observations(self) -> list[Observation]:
        """
        Values (Observation); recorded None: known on submitted_at.
        """
    @observations.setter
    def observations(self, arg0: collections.abc.Sequence[Observation]) -> None: ...
    @property
    def period(self) -> str:
        """
        The period it reports on ('2026-03').
        """
    @period.setter
    def period(self, arg0: str) -> None: ...
    @property
    def problems(self) -> list[ProblemUpdate]:
        """
        Problem rectification updates (ProblemUpdate).
        """
    @problems.setter
    def problems(self, arg0: collections.abc.Sequence[ProblemUpdate]) -> None: ...
    @property
    def spending(self) -> list[SpendingReport]:
        """
        Money paid for tasks (SpendingReport).
        """
    @spending.setter
    def spending(self, arg0: collections.abc.Sequence[SpendingReport]) -> None: ...
    @property
    def submitted_at(self) -> datetime.date:
        """
        The day it was submitted: its values become known on it.
        """
    @submitted_at.setter
    def submitted_at(self, arg0: datetime.date) -> None: ...
    @property
    def submitted_by(self) -> str:
        """
        Who submitted it.
        """
    @submitted_by.setter
    def submitted_by(self, arg0: str) -> None: ...
    @property
    def tasks(self) -> list[TaskReport]:
        """
        Task progress reports (TaskReport).
        """
    @tasks.setter
    def tasks(self, arg0: collections.abc.Sequence[TaskReport]) -> None: ...
    @property
    def unit(self) -> str:
        """
        Unit id it reports for ('' for several or none).
        """
    @unit.setter
    def unit(self, arg0: str) -> None: ...

class RejectedRecord:
    """
    A record of a submission that was refused, and why.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> RejectedRecord: ...
    def __deepcopy__(self, memo: dict) -> RejectedRecord: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def __str__(self) -> str:
        """
        'observations[499] ...: 130 is outside ...'.
        """
    @property
    def message(self) -> str:
        """
        What is wrong, in English.
        """
    @property
    def message_zh(self) -> str:
        """
        What is wrong, in Chinese.
        """
    @property
    def record(self) -> str:
        """
        Which: 'observations[499] (east, coverage, 2026-01-31)', 'tasks[2]'.
        """

class ValueChange:
    """
    A value an import brought: new, or a correction of the value known before.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> ValueChange: ...
    def __deepcopy__(self, memo: dict) -> ValueChange: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def date(self) -> datetime.date:
        """
        The day the value describes.
        """
    @property
    def indicator(self) -> str:
        """
        Indicator id.
        """
    @property
    def new_value(self) -> float:
        """
        The value now.
        """
    @property
    def old_value(self) -> float | None:
        """
        The value known before (corrections), else None.
        """
    @property
    def unit(self) -> str:
        """
        Unit id.
        """

class ImportResult:
    """
    What an import changed.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> ImportResult: ...
    def __deepcopy__(self, memo: dict) -> ImportResult: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def __str__(self) -> str:
        """
        One line: 'submission 7: 12 observations (10 new, 2 corrections), ...'.
        """
    @property
    def corrections(self) -> list[ValueChange]:
        """
        Values that replaced another (ValueChange, old and new).
        """
    @property
    def new_values(self) -> list[ValueChange]:
        """
        Values where there was none (ValueChange).
        """
    @property
    def observations(self) -> int:
        """
        Observations stored.
        """
    @property
    def problem_updates(self) -> int:
        """
        Problem updates stored.
        """
    @property
    def problems_closed(self) -> list[str]:
        """
        Problems reported closed for the first time.
        """
    @property
    def rejected(self) -> list[RejectedRecord]:
        """
        Records left out (partial imports only).
        """
    @property
    def spending_reports(self) -> int:
        """
        Payments stored.
        """
    @property
    def submission(self) -> int:
        """
        The new submission's id.
        """
    @property
    def summary_zh(self) -> str:
        """
        The same line in Chinese.
        """
    @property
    def task_reports(self) -> int:
        """
        Task reports stored.
        """
    @property
    def tasks_finished(self) -> list[str]:
        """
        Tasks reported finished for the first time.
        """

class SubmissionRecord:
    """
    A submission as the store keeps it.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> SubmissionRecord: ...
    def __deepcopy__(self, memo: dict) -> SubmissionRecord: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def department(self) -> str:
        """
        Department id.
        """
    @property
    def file(self) -> str:
        """
        From which file.
        """
    @property
    def id(self) -> int:
        """
        Its id, increasing in the order of imports.
        """
    @property
    def observations(self) -> int:
        """
        Observations it holds.
        """
    @property
    def period(self) -> str:
        """
        The period it reports on.
        """
    @property
    def problem_updates(self) -> int:
        """
        Problem updates it holds.
        """
    @property
    def spending_reports(self) -> int:
        """
        Payments it holds.
        """
    @property
    def status(self) -> SubmissionStatus:
        """
        SubmissionStatus.active or .withdrawn.
        """
    @property
    def submitted_at(self) -> datetime.date:
        """
        When.
        """
    @property
    def submitted_by(self) -> str:
        """
        Who submitted it.
        """
    @property
    def task_reports(self) -> int:
        """
        Task reports it holds.
        """
    @property
    def unit(self) -> str:
        """
        Unit id.
        """
    @property
    def withdrawn_at(self) -> datetime.date | None:
        """
        When it was withdrawn, or None.
        """
    @property
    def withdrawn_by(self) -> str:
        """
        Who withdrew it ('' while active).
        """

class ObservationVersion:
    """
    One version of a value, with its provenance.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> ObservationVersion: ...
    def __deepcopy__(self, memo: dict) -> ObservationVersion: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def department(self) -> str:
        """
        The submission's department.
        """
    @property
    def file(self) -> str:
        """
        From which file.
        """
    @property
    def observation(self) -> Observation:
        """
        The value; recorded is the day it became known.
        """
    @property
    def status(self) -> SubmissionStatus:
        """
        Withdrawn versions no longer count.
        """
    @property
    def submission(self) -> int:
        """
        The submission it came in.
        """
    @property
    def submitted_by(self) -> str:
        """
        Who submitted it.
        """

class CampaignStore:
    """
    An open campaign store (SQLite, WAL mode): submissions with their provenance and every version of every value. Created when missing (unless read_only), older schemas migrated on open.
    """
    def __init__(
        self,
        path: os.PathLike | str | bytes,
        *,
        read_only: bool = False,
        busy_timeout_ms: typing.SupportsInt | typing.SupportsIndex = 30000,
        max_bytes: typing.SupportsInt | typing.SupportsIndex = 0,
    ) -> None: ...
    def history(self, unit: str, indicator: str) -> list[ObservationVersion]:
        """
        Every version (ObservationVersion) of one unit's indicator, withdrawn ones included, by date then as they became known.
        """
    def import_submission(self, campaign: Campaign, submission: Submission, *, partial: bool = False) -> ImportResult:
        """
        Validates every record against the campaign and stores them in one transaction. An invalid record: ValidationError naming it and nothing stored, unless partial=True (the valid ones stored, the rest in `rejected`).
        """
    def observations(self) -> ObservationStore:
        """
        The active submissions' observations as an ObservationStore (known_on works).
        """
    def problem_updates(self) -> list[ProblemUpdate]:
        """
        The active submissions' problem updates, by report date.
        """
    def progress(self, plan: Plan, as_of: datetime.date | None = None) -> Plan:
        """
        The plan with the active reports of on or before as_of (all when None) applied.
        """
    def spending_reports(self) -> list[SpendingReport]:
        """
        The active submissions' payments (SpendingReport), by report date.
        """
    def submission(self, id: typing.SupportsInt | typing.SupportsIndex) -> SubmissionRecord:
        """
        One submission; NotFoundError for an unknown id.
        """
    def submissions(self) -> list[SubmissionRecord]:
        """
        Every submission (SubmissionRecord), in import order.
        """
    def task_reports(self) -> list[TaskReport]:
        """
        The active submissions' task reports, by report date.
        """
    def withdraw(self, id: typing.SupportsInt | typing.SupportsIndex, *, by: str, on: datetime.date) -> None:
        """
        Marks a submission withdrawn by `by` on `on` (datetime.date): kept, but its records no longer count.
        """
    @property
    def path(self) -> pathlib.Path:
        """
        The database file.
        """
    @property
    def schema_version(self) -> int:
        """
        The schema version of the file.
        """

class Rag(enum.Enum):
    """
    Red, amber, green: how a title stands for a unit.
    """

    amber = ...
    green = ...
    red = ...

class TargetState(enum.Enum):
    """
    Where a campaign target stands for a unit: met, on_track, off_track, overdue, no_data.
    """

    met = ...
    no_data = ...
    off_track = ...
    on_track = ...
    overdue = ...

class RulingKind(enum.Enum):
    """
    Which rule a ruling applies: scope, subunit, level_or_trend, history_average.
    """

    history_average = ...
    level_or_trend = ...
    scope = ...
    subunit = ...

class Ruling:
    """
    An outcome decided by a rule one unit's latest value cannot show (several units, the history).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Ruling: ...
    def __deepcopy__(self, memo: dict) -> Ruling: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def indicator(self) -> str: ...
    @property
    def kind(self) -> RulingKind:
        """
        The rule (RulingKind).
        """
    @property
    def outcome(self) -> Outcome:
        """
        met, not_met, or missing: not assessed (left out of the unit).
        """
    @property
    def reason(self) -> str:
        """
        In words, with the numbers, in English.
        """
    @property
    def reason_zh(self) -> str:
        """
        In words, with the numbers, in Chinese.
        """
    @property
    def unit(self) -> str: ...

class TargetProgress:
    """
    One campaign target for one unit, on the status date.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> TargetProgress: ...
    def __deepcopy__(self, memo: dict) -> TargetProgress: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def deadline(self) -> datetime.date | None:
        """
        The target's deadline, else the title's inspection date, or None.
        """
    @property
    def department(self) -> str: ...
    @property
    def every_unit(self) -> bool:
        """
        The campaign gave it for every unit.
        """
    @property
    def indicator(self) -> str: ...
    @property
    def latest(self) -> float | None:
        """
        The latest value on or before the status date, or None.
        """
    @property
    def latest_date(self) -> datetime.date | None:
        """
        Its date, or None.
        """
    @property
    def line(self) -> Interval:
        """
        The target as a line in the indicator's direction (Interval).
        """
    @property
    def met_now(self) -> bool: ...
    @property
    def on_track(self) -> bool:
        """
        Met now, or projected to meet it by the deadline.
        """
    @property
    def projected(self) -> float | None:
        """
        The value projected to the deadline, or None.
        """
    @property
    def reason(self) -> str:
        """
        In words, with the numbers, in English.
        """
    @property
    def reason_zh(self) -> str:
        """
        In words, with the numbers, in Chinese.
        """
    @property
    def state(self) -> TargetState:
        """
        TargetState.
        """
    @property
    def target(self) -> float:
        """
        The value to reach.
        """
    @property
    def unit(self) -> str:
        """
        The unit it is tracked for.
        """

class SurveyCheck:
    """
    A survey item of one unit: how sure its latest estimate is to meet the line.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> SurveyCheck: ...
    def __deepcopy__(self, memo: dict) -> SurveyCheck: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def date(self) -> datetime.date:
        """
        Date of the latest estimate.
        """
    @property
    def estimate(self) -> float:
        """
        The latest value, in the indicator's unit.
        """
    @property
    def high(self) -> float:
        """
        Upper end of the confidence interval.
        """
    @property
    def in_doubt(self) -> bool:
        """
        Meets, but with probability below survey_confidence.
        """
    @property
    def indicator(self) -> str: ...
    @property
    def line(self) -> Interval:
        """
        The line the unit is judged on (Interval).
        """
    @property
    def low(self) -> float:
        """
        Lower end of the confidence interval (Wilson).
        """
    @property
    def meets(self) -> bool:
        """
        The estimate meets the line.
        """
    @property
    def probability(self) -> float:
        """
        Probability that the true value meets the line.
        """
    @property
    def reason(self) -> str:
        """
        In words, with the numbers, in English.
        """
    @property
    def reason_zh(self) -> str:
        """
        In words, with the numbers, in Chinese.
        """
    @property
    def sample_size(self) -> int: ...
    @property
    def unit(self) -> str: ...

class UnitFacts:
    """
    The facts behind one unit's verdict, for reports that word their own reasons.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> UnitFacts: ...
    def __deepcopy__(self, memo: dict) -> UnitFacts: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def basic_failed(self) -> list[str]:
        """
        Basic items not met now (ids).
        """
    @property
    def overdue_tasks(self) -> int:
        """
        How many overdue tasks bear on the unit.
        """
    @property
    def passes_at_inspection(self) -> bool | None:
        """
        Passes on the projected values; None without a projection.
        """
    @property
    def passes_now(self) -> bool | None:
        """
        Passes on the latest values; None without a framework.
        """
    @property
    def ruled_met(self) -> list[str]:
        """
        Indicator ids a rule judges met now though the level alone misses.
        """
    @property
    def ruled_not_met(self) -> list[str]:
        """
        Indicator ids a rule judges not met now.
        """
    @property
    def surveys_in_doubt(self) -> list[str]:
        """
        Indicator ids of its survey items in doubt.
        """
    @property
    def targets_off_track(self) -> list[str]:
        """
        Indicator ids of its targets off track or overdue.
        """

class TitleReadiness:
    """
    One title on the status date: its evaluations and each unit's verdict.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> TitleReadiness: ...
    def __deepcopy__(self, memo: dict) -> TitleReadiness: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def _repr_html_(self) -> str:
        """
        The HTML a notebook shows (civitas.options sets its language and rows).
        """
    @property
    def at_inspection(self) -> BatchEvaluation | None:
        """
        The evaluation on the values projected to the inspection date, or None.
        """
    @property
    def facts(self) -> list[UnitFacts]:
        """
        Per unit, the facts behind `rag` and `reasons` (UnitFacts).
        """
    @property
    def framework(self) -> Framework | None:
        """
        The framework that judges it, or None.
        """
    @property
    def inspection(self) -> datetime.date | None:
        """
        The inspection date projected to, or None.
        """
    @property
    def now(self) -> BatchEvaluation | None:
        """
        The evaluation on the latest values (BatchEvaluation), or None without a framework.
        """
    @property
    def overdue_tasks(self) -> list[list[str]]:
        """
        Per unit, ids of the overdue tasks that bear on it.
        """
    @property
    def rag(self) -> list[Rag]:
        """
        Rag per unit.
        """
    @property
    def reasons(self) -> list[str]:
        """
        Per unit, the verdict in words, in English.
        """
    @property
    def reasons_zh(self) -> list[str]:
        """
        Per unit, the verdict in words, in Chinese.
        """
    @property
    def rulings(self) -> list[Ruling]:
        """
        Outcomes `now` takes from the unit rules (Ruling).
        """
    @property
    def rulings_at_inspection(self) -> list[Ruling]:
        """
        The same rules on the projected values.
        """
    @property
    def surveys(self) -> list[SurveyCheck]:
        """
        Survey items with a sample size, per unit (SurveyCheck).
        """
    @property
    def targets(self) -> list[TargetProgress]:
        """
        The campaign's targets of this title, per unit they apply to (TargetProgress).
        """
    @property
    def title(self) -> str: ...
    @property
    def units(self) -> list[str]:
        """
        The campaign's units, in order.
        """

class Readiness:
    """
    A campaign's readiness on a date.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Readiness: ...
    def __deepcopy__(self, memo: dict) -> Readiness: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def _repr_html_(self) -> str:
        """
        The HTML a notebook shows (civitas.options sets its language and rows).
        """
    def facts_frame(self) -> pandas.DataFrame:
        """
        One row per title and unit (`TitleReadiness.facts`), for reports that word their own reasons: title, unit, rag, passes_now and passes_at_inspection (None where unknown), basic_failed, targets_off_track, surveys_in_doubt, ruled_not_met, ruled_met (lists of indicator ids) and overdue_tasks (a count).
        """
    def rulings_frame(self, at_inspection: bool = False) -> pandas.DataFrame:
        """
        One row per ruling (`TitleReadiness.rulings`, or `rulings_at_inspection`): title, unit, indicator, kind (scope, subunit, level_or_trend, history_average), outcome (met, not_met, missing: not assessed) and reason.
        """
    def surveys_frame(self) -> pandas.DataFrame:
        """
        One row per title, unit and survey item with a sample size (`TitleReadiness.surveys`): title, unit, indicator, date, estimate, sample_size, line (text), low and high (the confidence interval), probability (that the true value meets the line), meets, in_doubt and reason.
        """
    def targets_frame(self) -> pandas.DataFrame:
        """
        One row per title, target and unit it applies to (`TitleReadiness.targets`): title, indicator, unit, every_unit, target, line (text), deadline (`datetime.date` or None), department, latest and projected (NaN where none), latest_date, met_now, on_track, state (name) and reason.
        """
    def title(self, id: str) -> TitleReadiness:
        """
        The readiness of a title; NotFoundError.
        """
    def to_frame(self) -> pandas.DataFrame:
        """
        One row per title and unit, titles in the campaign's order: title, unit, rag (name), reason, passed_now and passed_at_inspection (None without a framework or projection), met and assessed indicators now, total now and at the inspection date (NaN where none), overdue_tasks (how many bear on it).
        """
    @property
    def as_of(self) -> datetime.date: ...
    @property
    def plan(self) -> PlanStatus | None:
        """
        The plan's status on the date (PlanStatus), or None.
        """
    @property
    def titles(self) -> list[TitleReadiness]:
        """
        Per title, in the campaign's order.
        """

class SeriesTrend:
    """
    The trend of one unit's series of a title's framework, as readiness sees it on a date.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> SeriesTrend: ...
    def __deepcopy__(self, memo: dict) -> SeriesTrend: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def indicator(self) -> str: ...
    @property
    def latest(self) -> float:
        """
        The latest value on or before the date.
        """
    @property
    def latest_date(self) -> datetime.date:
        """
        Its date.
        """
    @property
    def line(self) -> Interval | None:
        """
        The line the unit is judged on (unit_line), or None.
        """
    @property
    def points(self) -> int:
        """
        Points the trend is fitted on: the last `trend_points` on or before the date.
        """
    @property
    def progress(self) -> ProgressState | None:
        """
        ProgressState towards the line by the inspection date, else in the indicator's direction; None under 2 points or without either.
        """
    @property
    def projected(self) -> float | None:
        """
        The value readiness projects to the title's inspection date; None without one after the date.
        """
    @property
    def reach_date(self) -> datetime.date | None:
        """
        The first day the projection meets the line (latest_date when the latest value does); None when it never does.
        """
    @property
    def slope(self) -> float | None:
        """
        Least-squares slope, value units per year; None under 2 points.
        """
    @property
    def unit(self) -> str: ...

class Language(enum.Enum):
    """
    The language of a report's fixed strings, numbers and dates: zh or en.
    """

    en = ...
    zh = ...

class ReportFormat(enum.Enum):
    """
    How a report is written: text, markdown, html or json.
    """

    html = ...
    json = ...
    markdown = ...
    text = ...

class CircularRow:
    """
    A department's row in the circular's ranking.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> CircularRow: ...
    def __deepcopy__(self, memo: dict) -> CircularRow: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def department(self) -> str:
        """
        The campaign's department id, '' for a plan department it does not list.
        """
    @property
    def done_on_time(self) -> int:
        """
        Of them, done by their due date.
        """
    @property
    def leader(self) -> str:
        """
        Who answers for it, '' when not known.
        """
    @property
    def most_days_overdue(self) -> int:
        """
        Working days overdue of its most overdue task.
        """
    @property
    def name(self) -> str: ...
    @property
    def on_time_rate(self) -> float | None:
        """
        done_on_time / tasks_due in [0, 1]; None when nothing is due.
        """
    @property
    def overdue(self) -> int:
        """
        Its tasks overdue now.
        """
    @property
    def problems_overdue(self) -> int:
        """
        Its problems open past their deadline.
        """
    @property
    def rank(self) -> int:
        """
        1 = best; equal rows share the smaller rank (1, 2, 2, 4).
        """
    @property
    def rank_since(self) -> int:
        """
        Its rank on the `since` date.
        """
    @property
    def submissions_due(self) -> int:
        """
        Months whose submission was due on or before the date.
        """
    @property
    def submissions_late(self) -> int:
        """
        Of them, submitted after the due day.
        """
    @property
    def submissions_missing(self) -> int:
        """
        Of them, not submitted by the date.
        """
    @property
    def submits(self) -> bool:
        """
        The campaign has a submission schedule and the department submits.
        """
    @property
    def tasks_due(self) -> int:
        """
        Its tasks due on or before the date.
        """

class CircularTask:
    """
    An overdue task, or one that changed, as the circular names it.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> CircularTask: ...
    def __deepcopy__(self, memo: dict) -> CircularTask: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def days_late(self) -> int:
        """
        Working days past due (at the finish for finished tasks).
        """
    @property
    def department(self) -> str:
        """
        Its responsibility 'department', '' when none.
        """
    @property
    def due(self) -> datetime.date: ...
    @property
    def finished(self) -> datetime.date | None:
        """
        Its actual finish, or None.
        """
    @property
    def id(self) -> str: ...
    @property
    def leader(self) -> str:
        """
        Its responsibility 'leader', else its department's leader.
        """
    @property
    def name(self) -> str: ...

class CircularProblem:
    """
    A problem open past its deadline, or closed since.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> CircularProblem: ...
    def __deepcopy__(self, memo: dict) -> CircularProblem: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def closed(self) -> datetime.date | None:
        """
        When it was closed, or None.
        """
    @property
    def days_late(self) -> int:
        """
        Working days past the deadline.
        """
    @property
    def deadline(self) -> datetime.date: ...
    @property
    def department(self) -> str:
        """
        Its responsibility 'department', '' when none.
        """
    @property
    def description(self) -> str: ...
    @property
    def id(self) -> str: ...

class RankChange:
    """
    A department whose rank moved between `since` and the date.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> RankChange: ...
    def __deepcopy__(self, memo: dict) -> RankChange: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def after(self) -> int:
        """
        Rank on the date.
        """
    @property
    def before(self) -> int:
        """
        Rank on `since`.
        """
    @property
    def name(self) -> str: ...

class CircularChanges:
    """
    What changed in (since, as_of].
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> CircularChanges: ...
    def __deepcopy__(self, memo: dict) -> CircularChanges: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def closed(self) -> list[CircularProblem]:
        """
        Problems closed since (CircularProblem).
        """
    @property
    def closed_total(self) -> int: ...
    @property
    def finished(self) -> list[CircularTask]:
        """
        Tasks done on the date and not on `since` (CircularTask).
        """
    @property
    def finished_total(self) -> int: ...
    @property
    def improved(self) -> list[RankChange]:
        """
        Departments ranked better than on `since` (RankChange).
        """
    @property
    def newly_overdue(self) -> list[CircularTask]:
        """
        Tasks overdue on the date and not on `since`.
        """
    @property
    def newly_overdue_total(self) -> int: ...
    @property
    def slipped(self) -> list[RankChange]:
        """
        Departments ranked worse.
        """

class CircularAction:
    """
    The accountability step a department is given, and why.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> CircularAction: ...
    def __deepcopy__(self, memo: dict) -> CircularAction: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def department(self) -> str:
        """
        The campaign's department id, '' for a plan department it does not list.
        """
    @property
    def name(self) -> str: ...
    @property
    def reasons(self) -> list[str]:
        """
        Each condition it meets, in English.
        """
    @property
    def reasons_zh(self) -> list[str]:
        """
        The same in Chinese.
        """
    @property
    def rule(self) -> str:
        """
        The rule's id.
        """
    @property
    def rule_name(self) -> str: ...

class Circular:
    """
    A campaign's supervision circular (督查通报) on a date.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Circular: ...
    def __deepcopy__(self, memo: dict) -> Circular: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def render(self, format: str = "text") -> str:
        """
        The circular as text, markdown, html (one self-contained file) or json.
        """
    def save(self, path: os.PathLike | str | bytes, format: str | None = None) -> None:
        """
        Writes the circular whole or not at all; the format defaults to the extension's, as Report.save.
        """
    @property
    def actions(self) -> list[CircularAction]:
        """
        Accountability steps (CircularAction), in ranking order.
        """
    @property
    def as_of(self) -> datetime.date: ...
    @property
    def campaign(self) -> str: ...
    @property
    def changes(self) -> CircularChanges:
        """
        What changed since `since` (CircularChanges).
        """
    @property
    def language(self) -> Language: ...
    @property
    def name(self) -> str: ...
    @property
    def overdue(self) -> list[CircularTask]:
        """
        Overdue tasks (CircularTask), most days late first.
        """
    @property
    def overdue_total(self) -> int: ...
    @property
    def problems(self) -> list[CircularProblem]:
        """
        Problems open past their deadline (CircularProblem), most days late first.
        """
    @property
    def problems_total(self) -> int: ...
    @property
    def rows(self) -> list[CircularRow]:
        """
        The ranking (CircularRow), best first.
        """
    @property
    def schedule(self) -> bool:
        """
        The campaign has a submission schedule (submissions are counted).
        """
    @property
    def since(self) -> datetime.date:
        """
        The date changes and earlier ranks are counted from.
        """

class ReportItem:
    """
    One indicator of one unit that misses its pass line now or at the inspection.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> ReportItem: ...
    def __deepcopy__(self, memo: dict) -> ReportItem: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def basic(self) -> bool:
        """
        A basic (veto) item.
        """
    @property
    def department(self) -> str:
        """
        The department of the campaign's target, '' when none.
        """
    @property
    def direction(self) -> Direction: ...
    @property
    def gap(self) -> float | None:
        """
        Distance to the line now, in the indicator's unit.
        """
    @property
    def indicator(self) -> str: ...
    @property
    def line(self) -> Interval:
        """
        The pass line applied (Interval).
        """
    @property
    def measure(self) -> str:
        """
        The indicator's unit of measure.
        """
    @property
    def met(self) -> bool:
        """
        The latest value meets the line.
        """
    @property
    def name(self) -> str: ...
    @property
    def projected(self) -> float | None:
        """
        Value projected to the inspection date, or None.
        """
    @property
    def projected_met(self) -> bool | None:
        """
        Whether the projected value meets the line, or None.
        """
    @property
    def relative_gap(self) -> float | None:
        """
        gap / |line|, or None.
        """
    @property
    def rule(self) -> RulingKind | None:
        """
        The framework rule (RulingKind) that decided its outcome now, or None.
        """
    @property
    def unit(self) -> str: ...
    @property
    def unit_name(self) -> str: ...
    @property
    def value(self) -> float | None:
        """
        Latest value, or None.
        """
    @property
    def value_date(self) -> datetime.date | None:
        """
        The day the latest value describes, or None.
        """

class UnitStanding:
    """
    A unit's row in a title's district ranking.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> UnitStanding: ...
    def __deepcopy__(self, memo: dict) -> UnitStanding: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def assessed(self) -> int: ...
    @property
    def met(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def overdue_tasks(self) -> int: ...
    @property
    def passes_at_inspection(self) -> bool | None: ...
    @property
    def passes_now(self) -> bool | None: ...
    @property
    def rag(self) -> Rag: ...
    @property
    def rank(self) -> int:
        """
        1 = best; ties share the smaller rank.
        """
    @property
    def total(self) -> float | None: ...
    @property
    def unit(self) -> str: ...

class RoundResult:
    """
    A scored assessment round of a title, as a report shows it.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> RoundResult: ...
    def __deepcopy__(self, memo: dict) -> RoundResult: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def consequences(self) -> list[str]:
        """
        Names of the consequences it triggers, mildest first.
        """
    @property
    def date(self) -> datetime.date: ...
    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> AssessmentKind:
        """
        AssessmentKind.
        """
    @property
    def name(self) -> str: ...
    @property
    def scale(self) -> float:
        """
        The scheme's full points.
        """
    @property
    def total(self) -> float | None:
        """
        Its total, when every part is known, else None.
        """

class TitleReport:
    """
    One title's page of a report.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> TitleReport: ...
    def __deepcopy__(self, memo: dict) -> TitleReport: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def assessed(self) -> int: ...
    @property
    def basic_failed(self) -> int: ...
    @property
    def dates(self) -> TitleDates: ...
    @property
    def days_to_inspection(self) -> int | None: ...
    @property
    def framework(self) -> str:
        """
        The framework's name, '' for a title tracked by its plan only.
        """
    @property
    def id(self) -> str: ...
    @property
    def indicator_names(self) -> dict[str, str]:
        """
        Names of the indicators its targets and surveys name.
        """
    @property
    def indicators(self) -> int: ...
    @property
    def met(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def off_track(self) -> list[ReportItem]:
        """
        Items projected to miss at the inspection.
        """
    @property
    def off_track_total(self) -> int: ...
    @property
    def overdue(self) -> list[OverdueTask]:
        """
        Overdue tasks that bear on the title (list of OverdueTask).
        """
    @property
    def overdue_total(self) -> int: ...
    @property
    def pass_share(self) -> float | None: ...
    @property
    def pass_total(self) -> float | None: ...
    @property
    def passes_at_inspection(self) -> bool | None: ...
    @property
    def passes_now(self) -> bool: ...
    @property
    def rag(self) -> Rag:
        """
        The top unit's verdict.
        """
    @property
    def reason(self) -> str:
        """
        Why, in the report's language.
        """
    @property
    def rounds(self) -> list[RoundResult]:
        """
        The title's scored rounds (RoundResult), in date order.
        """
    @property
    def scale(self) -> float: ...
    @property
    def shortfalls(self) -> list[ReportItem]:
        """
        The top unit's items short now (list of ReportItem).
        """
    @property
    def shortfalls_total(self) -> int: ...
    @property
    def surveys(self) -> list[SurveyCheck]:
        """
        Survey items (SurveyCheck), in doubt first, then not met.
        """
    @property
    def surveys_total(self) -> int: ...
    @property
    def targets(self) -> list[TargetProgress]:
        """
        The campaign's targets (TargetProgress), overdue and off track first.
        """
    @property
    def targets_total(self) -> int: ...
    @property
    def top_unit(self) -> str: ...
    @property
    def total(self) -> float | None: ...
    @property
    def units(self) -> list[UnitStanding]:
        """
        The district ranking (list of UnitStanding), best first.
        """

class ReportPart(enum.Enum):
    """
    A part of a report that can fail to be computed: plan_status, title_evaluation, unit_evaluation, unit_projection, rounds, departments, next_events.
    """

    departments = ...
    next_events = ...
    plan_status = ...
    rounds = ...
    title_evaluation = ...
    unit_evaluation = ...
    unit_projection = ...

class ReportGap:
    """
    A part the report could not compute, and why (the report says so instead of leaving it out).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> ReportGap: ...
    def __deepcopy__(self, memo: dict) -> ReportGap: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def part(self) -> ReportPart:
        """
        What is missing (ReportPart).
        """
    @property
    def reason(self) -> str:
        """
        Why, in English.
        """
    @property
    def reason_zh(self) -> str:
        """
        Why, in Chinese.
        """
    @property
    def title(self) -> str:
        """
        The title it belongs to, '' for a part of the whole campaign.
        """
    @property
    def unit(self) -> str:
        """
        The unit, for unit_evaluation and unit_projection; else ''.
        """

class DepartmentRow:
    """
    A department's row in the accountability table.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> DepartmentRow: ...
    def __deepcopy__(self, memo: dict) -> DepartmentRow: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def budget(self) -> float:
        """
        Yuan budgeted for its tasks.
        """
    @property
    def budget_earned(self) -> float:
        """
        The work it has done, in yuan of budget (EV).
        """
    @property
    def done(self) -> int: ...
    @property
    def done_on_time(self) -> int: ...
    @property
    def due(self) -> int: ...
    @property
    def leader(self) -> str: ...
    @property
    def most_days_late(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def overdue(self) -> int: ...
    @property
    def problems(self) -> int: ...
    @property
    def problems_open(self) -> int: ...
    @property
    def spent(self) -> float:
        """
        Yuan paid for its tasks by the report date.
        """
    @property
    def targets(self) -> int: ...
    @property
    def targets_short(self) -> int: ...
    @property
    def tasks(self) -> int: ...

class Report:
    """
    A campaign's report on a date: a page per title and the departments' table.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Report: ...
    def __deepcopy__(self, memo: dict) -> Report: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def _repr_html_(self) -> str:
        """
        The HTML a notebook shows (civitas.options sets its language and rows).
        """
    def render(self, format: str = "text") -> str:
        """
        The report as text, markdown, html (one self-contained file) or json.
        """
    def save(self, path: os.PathLike | str | bytes, format: str | None = None) -> None:
        """
        Writes the report whole or not at all (a device such as /dev/null is written in place; IoError on failure); the format defaults to the extension's (.html/.htm, .md/.markdown, .json, .txt or none for text; any other is a ValidationError).
        """
    @property
    def accounts(self) -> dict[str, AccountFunds]:
        """
        Fund account -> AccountFunds ('' the general fund); empty without budgets.
        """
    @property
    def actions(self) -> list[CircularAction]:
        """
        The accountability steps the circular gives on the report date (CircularAction).
        """
    @property
    def as_of(self) -> datetime.date: ...
    @property
    def campaign(self) -> str: ...
    @property
    def circular(self) -> list[CircularRow]:
        """
        The supervision circular's ranking on the report date (CircularRow), best first, at most max_items rows.
        """
    @property
    def department_names(self) -> dict[str, str]:
        """
        Display name of each campaign department id.
        """
    @property
    def departments(self) -> list[DepartmentRow]: ...
    @property
    def gaps(self) -> list[ReportGap]:
        """
        Parts that could not be computed (ReportGap), in the order met; empty when whole.
        """
    @property
    def known_on(self) -> datetime.date | None: ...
    @property
    def language(self) -> Language: ...
    @property
    def name(self) -> str: ...
    @property
    def next_events(self) -> list[CampaignEvent]:
        """
        Dated events after the report date (CampaignEvent), soonest first.
        """
    @property
    def over_budget(self) -> list[OverBudget]:
        """
        Budget lines paid past their amount (OverBudget), most overspent first, at most max_items.
        """
    @property
    def over_budget_total(self) -> int:
        """
        All budget lines paid past their amount.
        """
    @property
    def plan(self) -> Progress | None:
        """
        The whole plan's Progress, or None.
        """
    @property
    def rejected_observations(self) -> int: ...
    @property
    def titles(self) -> list[TitleReport]: ...
    @property
    def unit_names(self) -> dict[str, str]:
        """
        Display name of each unit id.
        """

class CellKind(enum.Enum):
    """
    What a cell of a form holds: label (locked), text, number, yes_no or date.
    """

    date = ...
    label = ...
    number = ...
    text = ...
    yes_no = ...

class CellRule:
    """
    What a cell of a form accepts.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> CellRule: ...
    def __deepcopy__(self, memo: dict) -> CellRule: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def high(self) -> float | None:
        """
        Numbers: the greatest accepted, or None.
        """
    @property
    def kind(self) -> CellKind:
        """
        CellKind.
        """
    @property
    def low(self) -> float | None:
        """
        Numbers: the least accepted, or None.
        """

class FormSheet:
    """
    One sheet of a form: headings, then rows of cells, each with its rule.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> FormSheet: ...
    def __deepcopy__(self, memo: dict) -> FormSheet: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def cells(self) -> list[list[str]]:
        """
        Rows of cells as text ('' for an empty input).
        """
    @property
    def columns(self) -> list[str]:
        """
        Column ids.
        """
    @property
    def headings(self) -> list[str]:
        """
        Column headings in the form's language.
        """
    @property
    def id(self) -> str:
        """
        'cover', 'indicators', 'tasks' or 'problems'.
        """
    @property
    def name(self) -> str:
        """
        The sheet's name in the form's language ('指标').
        """
    @property
    def rules(self) -> list[list[CellRule]]:
        """
        For each cell, what it accepts (CellRule; labels are locked).
        """

class SubmissionForm:
    """
    A department's submission form (填报模板) for one period.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> SubmissionForm: ...
    def __deepcopy__(self, memo: dict) -> SubmissionForm: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def campaign(self) -> str:
        """
        Campaign id.
        """
    @property
    def department(self) -> str:
        """
        Department id.
        """
    @property
    def language(self) -> Language:
        """
        Language of names and headings.
        """
    @property
    def period(self) -> str:
        """
        The month it reports on ('2026-03'), '' for none.
        """
    @property
    def sheets(self) -> list[FormSheet]:
        """
        cover, indicators, tasks, problems (FormSheet).
        """

class FilledSheet:
    """
    A sheet as a file gave it: its name, the file, rows of cells as text (headings first).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> FilledSheet: ...
    def __deepcopy__(self, memo: dict) -> FilledSheet: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __init__(self, name: str, file: str, rows: collections.abc.Sequence[collections.abc.Sequence[str]]) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def file(self) -> str:
        """
        The file it is in.
        """
    @property
    def name(self) -> str:
        """
        The sheet's name (either language's, or its id).
        """
    @property
    def rows(self) -> list[list[str]]:
        """
        The heading row, then the rows.
        """

class CellError:
    """
    A cell of a filled form that was refused.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> CellError: ...
    def __deepcopy__(self, memo: dict) -> CellError: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def __str__(self) -> str:
        """
        'sheet 任务, cell F4 (...): ...'.
        """
    @property
    def message(self) -> str:
        """
        What is wrong, in English.
        """
    @property
    def message_zh(self) -> str:
        """
        What is wrong, in Chinese.
        """
    @property
    def place(self) -> str:
        """
        Where, in English.
        """
    @property
    def place_zh(self) -> str:
        """
        Where, in Chinese.
        """

class FormReading:
    """
    A filled form read: the submission it makes and the cells refused.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> FormReading: ...
    def __deepcopy__(self, memo: dict) -> FormReading: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def errors(self) -> list[CellError]:
        """
        Every refused cell (CellError); their rows are left out.
        """
    @property
    def submission(self) -> Submission:
        """
        The Submission (department, period, file, records).
        """

class AhpMethod(enum.Enum):
    """
    How AHP derives weights: eigenvector (Saaty) or geometric_mean of each row.
    """

    eigenvector = ...
    geometric_mean = ...

class RandomIndexTable(enum.Enum):
    """
    Random index table for the consistency ratio: saaty or donegan_dodd.
    """

    donegan_dodd = ...
    saaty = ...

class ObjectiveNormalization(enum.Enum):
    """
    How objective weights rescale columns: min_max (cost columns flipped) or none (values as given).
    """

    min_max = ...
    none = ...

class AhpResult:
    """
    Weights and consistency of one pairwise comparison matrix.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> AhpResult: ...
    def __deepcopy__(self, memo: dict) -> AhpResult: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def acceptable(self) -> bool:
        """
        True when CR < 0.1; False: revise the judgments.
        """
    @property
    def consistency_index(self) -> float:
        """
        CI = (lambda_max - n) / (n - 1); 0 for n <= 2.
        """
    @property
    def consistency_ratio(self) -> float:
        """
        CR = CI / RI(n); 0 for n <= 2.
        """
    @property
    def lambda_max(self) -> float:
        """
        Principal eigenvalue of the matrix (>= n).
        """
    @property
    def method(self) -> AhpMethod:
        """
        How the weights were derived.
        """
    @property
    def random_index(self) -> float:
        """
        RI(n) of the table used; 0 for n <= 2.
        """
    @property
    def table(self) -> RandomIndexTable:
        """
        Which random index table was used.
        """
    @property
    def weights(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (n,): one weight per row of the matrix, sum 1.
        """

class HierarchicalAhp:
    """
    AHP on a two-level hierarchy (categories, indicators).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> HierarchicalAhp: ...
    def __deepcopy__(self, memo: dict) -> HierarchicalAhp: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def acceptable(self) -> bool:
        """
        True when every matrix has CR < 0.1.
        """
    @property
    def categories(self) -> AhpResult:
        """
        AHP of the category matrix.
        """
    @property
    def global_weights(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64: category weight x local weight, category by category, sum 1.
        """
    @property
    def indicators(self) -> list[AhpResult]:
        """
        AHP of each category's indicator matrix, in order.
        """

class ComparisonRevision:
    """
    What replacing one judgment a_ij by its consistent value w_i / w_j would do.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> ComparisonRevision: ...
    def __deepcopy__(self, memo: dict) -> ComparisonRevision: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def col(self) -> int:
        """
        j, 0-based.
        """
    @property
    def consistency_ratio(self) -> float:
        """
        CR of the matrix with a_ij replaced by consistent_value.
        """
    @property
    def consistent_value(self) -> float:
        """
        w_i / w_j from the current weights.
        """
    @property
    def deviation(self) -> float:
        """
        a_ij * w_j / w_i: 1 when the judgment agrees.
        """
    @property
    def row(self) -> int:
        """
        i, 0-based (row < col).
        """
    @property
    def value(self) -> float:
        """
        a_ij as judged.
        """

class Normalization(enum.Enum):
    """
    How TOPSIS makes the criteria comparable: vector or min_max.
    """

    min_max = ...
    vector = ...

class RankMethod(enum.Enum):
    """
    How rank() numbers ties: min (1224), dense (1223) or ordinal (1234).
    """

    dense = ...
    min = ...
    ordinal = ...

class BoundaryTies(enum.Enum):
    """
    What happens to tied units that straddle a tier's last place: demote, admit or by_id.
    """

    admit = ...
    by_id = ...
    demote = ...

class TopsisPrepared:
    """
    A normalised matrix ready for TOPSIS with many weight vectors (prepare_topsis).
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> TopsisPrepared: ...
    def __deepcopy__(self, memo: dict) -> TopsisPrepared: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def closeness(self, weights: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.float64]:
        """
        Closeness per unit for one weight vector (criteria,) -> (units,), or for many (draws, criteria) -> (units, draws), without normalising again.
        """
    def separations(self, weights: numpy.typing.ArrayLike) -> numpy.typing.NDArray[numpy.float64]:
        """
        (units, 2): weighted distance to the ideal (column 0) and to the anti-ideal (column 1).
        """
    @property
    def criteria(self) -> int:
        """
        Criteria (columns of x).
        """
    @property
    def normalization(self) -> Normalization:
        """
        The normalisation used.
        """
    @property
    def units(self) -> int:
        """
        Units (rows of x).
        """

class VikorResult:
    """
    VIKOR's S, R and Q per unit (lower is better) and its compromise solution.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> VikorResult: ...
    def __deepcopy__(self, memo: dict) -> VikorResult: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def acceptable_advantage(self) -> bool:
        """
        C1: Q(A2) - Q(A1) >= 1 / (units - 1).
        """
    @property
    def acceptable_stability(self) -> bool:
        """
        C2: the first by Q is also best by S or by R.
        """
    @property
    def compromise(self) -> list[int]:
        """
        Rows of the compromise solution, in Q order.
        """
    @property
    def q(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units,): Q in [0, 1], lower is better.
        """
    @property
    def r(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units,): individual regret R in [0, 1], lower is better.
        """
    @property
    def s(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units,): group utility S in [0, 1], lower is better.
        """
    @property
    def v(self) -> float:
        """
        Weight of the strategy of the majority, in [0, 1].
        """

class MultimooraResult:
    """
    MULTIMOORA's three parts, their ranks and the synthesis by dominance.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> MultimooraResult: ...
    def __deepcopy__(self, memo: dict) -> MultimooraResult: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def dominance(self) -> numpy.typing.NDArray[numpy.int32]:
        """
        int32 (units,): units each one dominates (better in more of the three ranks).
        """
    @property
    def full_multiplicative(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units,): the full multiplicative form, higher is better.
        """
    @property
    def ranks(self) -> numpy.typing.NDArray[numpy.int32]:
        """
        int32 (units,): the synthesis, competition ranks by dominance, 1 = best.
        """
    @property
    def ranks_full_multiplicative(self) -> numpy.typing.NDArray[numpy.int32]:
        """
        int32 (units,): competition ranks of the full multiplicative form.
        """
    @property
    def ranks_ratio_system(self) -> numpy.typing.NDArray[numpy.int32]:
        """
        int32 (units,): competition ranks of the ratio system.
        """
    @property
    def ranks_reference_point(self) -> numpy.typing.NDArray[numpy.int32]:
        """
        int32 (units,): competition ranks of the reference point.
        """
    @property
    def ratio_system(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units,): the ratio system, higher is better.
        """
    @property
    def reference_point(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units,): the weighted Tchebycheff distance to the reference point, lower is better.
        """

class PreferenceShape(enum.Enum):
    """
    PROMETHEE's preference functions: usual, u_shape, v_shape, level, linear, gaussian.
    """

    gaussian = ...
    level = ...
    linear = ...
    u_shape = ...
    usual = ...
    v_shape = ...

class PrometheeFlows:
    """
    PROMETHEE's positive, negative and net outranking flows per unit.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> PrometheeFlows: ...
    def __deepcopy__(self, memo: dict) -> PrometheeFlows: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def negative(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units,): phi-, how much the others outrank each unit, in [0, 1].
        """
    @property
    def net(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units,): phi = phi+ - phi-, PROMETHEE II's ranking score in [-1, 1], higher is better.
        """
    @property
    def positive(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units,): phi+, how much each unit outranks the others, in [0, 1].
        """

class AwardTier:
    """
    An award tier: at most `count` places and at most `share` of the units assessed.
    """
    def __copy__(self) -> AwardTier: ...
    def __deepcopy__(self, memo: dict) -> AwardTier: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __hash__(self) -> int: ...
    def __init__(
        self,
        name: str,
        count: typing.SupportsInt | typing.SupportsIndex | None = None,
        share: typing.SupportsFloat | typing.SupportsIndex | None = None,
    ) -> None: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def count(self) -> int | None:
        """
        Places, or None.
        """
    @property
    def name(self) -> str:
        """
        The tier's name.
        """
    @property
    def share(self) -> float | None:
        """
        Cap as a share in (0, 1] of all units assessed, or None.
        """

class Awards:
    """
    Award tiers given to ranked units.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Awards: ...
    def __deepcopy__(self, memo: dict) -> Awards: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __len__(self) -> int:
        """
        Number of units.
        """
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def awarded(self) -> list[int]:
        """
        Units given each tier.
        """
    @property
    def eligible(self) -> int:
        """
        Units allowed an award.
        """
    @property
    def ineligible(self) -> int:
        """
        Units excluded.
        """
    @property
    def names(self) -> list[str | None]:
        """
        Tier name per unit, None for no award.
        """
    @property
    def quota(self) -> list[int]:
        """
        Places of each tier (after the share cap).
        """
    @property
    def ranks(self) -> numpy.typing.NDArray[numpy.int32]:
        """
        int32 (units,): competition rank among eligible units, 0 if ineligible.
        """
    @property
    def tier(self) -> numpy.typing.NDArray[numpy.int32]:
        """
        int32 (units,): index into tier_names, -1 for no award.
        """
    @property
    def tier_names(self) -> list[str]:
        """
        The tiers, best first.
        """

class CorrelationMethod(enum.Enum):
    """
    Which rank agreement rank_correlation() computes: spearman, kendall, weighted_spearman or ws.
    """

    kendall = ...
    spearman = ...
    weighted_spearman = ...
    ws = ...

class WeightPerturbation(enum.Enum):
    """
    How each draw perturbs the weights: none, dirichlet or uniform.
    """

    dirichlet = ...
    none = ...
    uniform = ...

class RankingMethod(enum.Enum):
    """
    How a draw scores units: topsis, weighted_sum or vikor.
    """

    cocoso = ...
    copras = ...
    edas = ...
    promethee = ...
    spotis = ...
    topsis = ...
    vikor = ...
    waspas = ...
    weighted_sum = ...

class UncertainFactor(enum.Enum):
    """
    The inputs sensitivity indices are given for: weights, normalization, method, dropped_indicator.
    """

    dropped_indicator = ...
    method = ...
    normalization = ...
    weights = ...

class RankUncertainty:
    """
    Per-unit rank statistics over Monte Carlo draws, and what drives them.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> RankUncertainty: ...
    def __deepcopy__(self, memo: dict) -> RankUncertainty: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __len__(self) -> int:
        """
        Number of units.
        """
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def _repr_html_(self) -> str:
        """
        The HTML a notebook shows (civitas.options sets its language and rows).
        """
    def to_frame(self, units: collections.abc.Sequence[collections.abc.Hashable] | None = None) -> pandas.DataFrame:
        """
        One row per unit (index: `units`, else the row number): nominal_rank, median_rank, rank_low (5%), rank_high (95%), mean_rank, p_top_k, p_pass (when a threshold was given), and the unit's first-order index of each factor (`first_order_<factor>`).
        """
    @property
    def draws(self) -> int:
        """
        Draws made.
        """
    @property
    def drop_one_ranks(self) -> numpy.typing.NDArray[numpy.int32] | None:
        """
        int32 (units, criteria): ranks with each criterion left out, or None without drop_one.
        """
    @property
    def dropped(self) -> numpy.typing.NDArray[numpy.int32] | None:
        """
        int32 (draws,): the criterion each draw left out, -1 for none.
        """
    @property
    def factors(self) -> list[str]:
        """
        Names of the factors, in the order of first_order.
        """
    @property
    def first_order(self) -> numpy.typing.NDArray[numpy.float64] | None:
        """
        float64 (4,): first-order index of each UncertainFactor, in [0, 1].
        """
    @property
    def first_order_by_unit(self) -> numpy.typing.NDArray[numpy.float64] | None:
        """
        float64 (units, 4): the indices per unit (0 where the rank never changes).
        """
    @property
    def mean_rank(self) -> numpy.typing.NDArray[numpy.float64] | None:
        """
        float64 (units,): mean rank over the draws.
        """
    @property
    def median_rank(self) -> numpy.typing.NDArray[numpy.float64] | None:
        """
        float64 (units,): median rank over the draws.
        """
    @property
    def method(self) -> numpy.typing.NDArray[numpy.int8]:
        """
        int8 (draws,): each draw's RankingMethod value (0 topsis, 1 weighted_sum, 2 vikor).
        """
    @property
    def nominal_rank(self) -> numpy.typing.NDArray[numpy.int32] | None:
        """
        int32 (units,): rank with the nominal weights, first normalisation and method.
        """
    @property
    def normalization(self) -> numpy.typing.NDArray[numpy.int8]:
        """
        int8 (draws,): each draw's Normalization value (0 vector, 1 min_max).
        """
    @property
    def p_pass(self) -> numpy.typing.NDArray[numpy.float64] | None:
        """
        float64 (units,): share of draws with score >= pass_threshold, or None without one.
        """
    @property
    def p_top_k(self) -> numpy.typing.NDArray[numpy.float64] | None:
        """
        float64 (units,): share of draws with rank <= top_k.
        """
    @property
    def pass_threshold(self) -> float | None:
        """
        Threshold of p_pass, or None.
        """
    @property
    def rank_high(self) -> numpy.typing.NDArray[numpy.int32] | None:
        """
        int32 (units,): 95% rank, the ceil(0.95 draws)-th smallest.
        """
    @property
    def rank_low(self) -> numpy.typing.NDArray[numpy.int32] | None:
        """
        int32 (units,): 5% rank, the ceil(0.05 draws)-th smallest.
        """
    @property
    def ranks(self) -> numpy.typing.NDArray[numpy.int32] | None:
        """
        int32 (draws, units): every draw's ranks, or None unless keep_ranks.
        """
    @property
    def top_k(self) -> int:
        """
        k of p_top_k.
        """
    @property
    def weight_first_order(self) -> numpy.typing.NDArray[numpy.float64] | None:
        """
        float64 (criteria,): first-order index of each single weight.
        """
    @property
    def weights(self) -> numpy.typing.NDArray[numpy.float64] | None:
        """
        float64 (draws, criteria): each draw's perturbed weights, before any drop.
        """

class ScoreChangeAttribution:
    """
    A weighted-sum score change between rounds, split per unit and indicator.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> ScoreChangeAttribution: ...
    def __deepcopy__(self, memo: dict) -> ScoreChangeAttribution: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def to_frame(
        self,
        units: collections.abc.Sequence[collections.abc.Hashable] | None = None,
        indicators: collections.abc.Sequence[collections.abc.Hashable] | None = None,
    ) -> pandas.DataFrame:
        """
        Long format, one row per unit and indicator (MultiIndex unit, indicator): value_effect, weight_effect, contribution; per unit the contributions add up to `change`.
        """
    @property
    def after(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units,): score in the second round.
        """
    @property
    def before(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units,): score in the first round.
        """
    @property
    def change(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units,): after - before.
        """
    @property
    def contribution(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units, indicators): value_effect + weight_effect; rows sum to change.
        """
    @property
    def value_effect(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units, indicators): mean weight x value change.
        """
    @property
    def weight_effect(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (units, indicators): mean value x weight change.
        """

class EvaluationChange:
    """
    One unit's framework points change between two evaluations, per indicator.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> EvaluationChange: ...
    def __deepcopy__(self, memo: dict) -> EvaluationChange: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    def to_frame(self) -> pandas.DataFrame:
        """
        One row per indicator (index: indicator id, framework order): points_before, points_after, value_effect, weight_effect, contribution.
        """
    @property
    def change(self) -> float:
        """
        Sum of contribution.
        """
    @property
    def contribution(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (indicators,): points_after - points_before.
        """
    @property
    def indicators(self) -> list[str]:
        """
        Indicator ids, framework order.
        """
    @property
    def points_after(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (indicators,): points in the second evaluation.
        """
    @property
    def points_before(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (indicators,): points in the first evaluation.
        """
    @property
    def total_change(self) -> float | None:
        """
        after.total - before.total, or None.
        """
    @property
    def value_effect(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (indicators,): mean max_points x change of the score share.
        """
    @property
    def weight_effect(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        float64 (indicators,): mean score share x change of max_points.
        """

class ReversalTest(enum.Enum):
    """
    What a rank reversal test did: removal (a unit left out) or copy (a unit copied).
    """

    copy = ...
    removal = ...

class RankReversal:
    """
    One rank reversal: after the test on `unit`, `better` fell below `worse`.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> RankReversal: ...
    def __deepcopy__(self, memo: dict) -> RankReversal: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def better(self) -> int:
        """
        Above `worse` on all the units, below it after the test.
        """
    @property
    def test(self) -> ReversalTest:
        """
        removal or copy.
        """
    @property
    def unit(self) -> int:
        """
        The unit left out or copied (row of x).
        """
    @property
    def worse(self) -> int:
        """
        Below `better` on all the units, above it after the test.
        """

class RankReversalReport:
    """
    What leaving each unit out, and copying each unit, does to the others' order.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> RankReversalReport: ...
    def __deepcopy__(self, memo: dict) -> RankReversalReport: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def copy(self) -> numpy.typing.NDArray[numpy.int32]:
        """
        int32 (units,): pairs reversed when a copy of the unit is added; empty without copies.
        """
    @property
    def method(self) -> RankingMethod:
        """
        The ranking tested.
        """
    @property
    def ranks(self) -> numpy.typing.NDArray[numpy.int32]:
        """
        int32 (units,): ranks on all the units, 1 = best.
        """
    @property
    def removal(self) -> numpy.typing.NDArray[numpy.int32]:
        """
        int32 (units,): pairs of the other units reversed when the unit is left out.
        """
    @property
    def reversals(self) -> list[RankReversal]:
        """
        The reversals listed (at most max_listed), by test, unit and rank.
        """
    @property
    def stable(self) -> bool:
        """
        True when no test reversed any pair.
        """
    @property
    def total(self) -> int:
        """
        Every reversal counted, listed or not.
        """

class Options:
    """
    How notebooks show civitas's objects; change `civitas.options` in place.
    """

    __hash__: typing.ClassVar[None] = None  # type: ignore[assignment]
    def __copy__(self) -> Options: ...
    def __deepcopy__(self, memo: dict) -> Options: ...
    def __eq__(self, arg0: builtins.object) -> bool: ...
    def __getstate__(self) -> builtins.object: ...
    def __reduce__(self) -> tuple: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: builtins.object) -> None: ...
    @property
    def display_language(self) -> Language | None:
        """
        Language of the HTML a notebook shows (Language, 'zh' or 'en'); None (the default) chooses as a report does: Chinese when the names shown have Chinese characters, else English. A Report shows in its own language.
        """
    @display_language.setter
    def display_language(self, arg1: Language | str | None) -> None: ...
    @property
    def display_max_rows(self) -> int:
        """
        Most rows of a table the HTML shows before '… N more' (>= 1, default 10).
        """
    @display_max_rows.setter
    def display_max_rows(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None: ...

def _cli_run(argv: collections.abc.Sequence[str]) -> int:
    """
    Runs the command-line program with these arguments (without the program name); returns the exit code (4 when sys.stdout refused the output).
    """

def add_data_directory(directory: os.PathLike | str | bytes) -> None:
    """
    Adds a folder holding `frameworks/`, `calendars/` and `round-schemes/` folders to the search.
    """

def aggregate_judgments(
    matrices: collections.abc.Sequence[numpy.typing.ArrayLike],
    expert_weights: numpy.typing.ArrayLike | None = None,
    *,
    reciprocal_tolerance: typing.SupportsFloat | typing.SupportsIndex = 0.01,
) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
    """
    Experts' matrices combined entry by entry by the (weighted) geometric mean; expert weights are relative.
    """

def ahp(
    matrix: numpy.typing.ArrayLike,
    method: AhpMethod | str = "eigenvector",
    *,
    random_index: RandomIndexTable | str = "saaty",
    reciprocal_tolerance: typing.SupportsFloat | typing.SupportsIndex = 0.01,
) -> AhpResult:
    """
    AHP weights and consistency of a positive reciprocal matrix (a_ij: how many times i outweighs j). ValidationError names the entry of a matrix that is not square, 1 to 100 rows (15 with the saaty table), positive, with 1 on the diagonal and reciprocal within reciprocal_tolerance on a_ij * a_ji. A comparison left out is 0 or NaN in both a_ij and a_ji: eigenvector weights by Harker's (1987) method, geometric_mean by logarithmic least squares over the comparisons made; the comparisons must connect every element. lambda_max, CI and CR are Harker's: of the matrix completed with a_ij = w_i / w_j from his weights.
    """

def assess_progress(
    dates: collections.abc.Sequence[datetime.date] | numpy.typing.NDArray[numpy.datetime64],
    values: numpy.typing.ArrayLike,
    target: Interval | None = None,
    deadline: datetime.date | None = None,
    *,
    direction: Direction | str | None = None,
    min_points: typing.SupportsInt | typing.SupportsIndex = 2,
    last_points: typing.SupportsInt | typing.SupportsIndex = 0,
    measure: GrowthMeasure | str = "compound",
    on_track_ratio: typing.SupportsFloat | typing.SupportsIndex = 0.95,
    acceleration_ratio: typing.SupportsFloat | typing.SupportsIndex = 0.6,
    limited_ratio: typing.SupportsFloat | typing.SupportsIndex = 0.0,
    on_track_growth: typing.SupportsFloat | typing.SupportsIndex = 0.015,
    acceleration_growth: typing.SupportsFloat | typing.SupportsIndex = 0.005,
    limited_growth: typing.SupportsFloat | typing.SupportsIndex = 0.0,
    limit: typing.SupportsFloat | typing.SupportsIndex | None = None,
) -> ProgressAssessment:
    """
    Progress after the Open SDG method: towards `target` (an Interval) by `deadline`, or with no target in a `direction` ('higher', 'lower'). Cut-offs default to Open SDG's (0.95 / 0.6 / 0 on the ratio; 1.5 % / 0.5 % / 0 a year on the growth).
    """

def available_simd_paths() -> list[str]:
    """
    Every path this processor and build can run, 'baseline' first.
    """

def award(
    scores: numpy.typing.ArrayLike,
    tiers: collections.abc.Iterable[AwardTier | tuple[str, int] | tuple[str, float]],
    eligible: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
    ascending: bool = False,
    ties: BoundaryTies | str = "demote",
    ids: collections.abc.Sequence[str] | None = None,
) -> Awards:
    """
    Gives award tiers (best first) in order of score to eligible units. ties: 'demote' (a tied group that does not fit goes down a tier), 'admit' (it gets the tier beyond the quota) or 'by_id'. With scores a pandas Series, eligible may be a dict or Series keyed by its index.
    """

def build_circular(
    campaign: Campaign,
    as_of: datetime.date,
    submissions: collections.abc.Sequence[SubmissionRecord] = [],
    *,
    since: datetime.date | None = None,
    language: str | None = None,
    max_items: typing.SupportsInt | typing.SupportsIndex = 50,
) -> Circular:
    """
    The supervision circular of `campaign` on `as_of`: its departments ranked by overdue tasks, problems past deadline and late submissions (`submissions`: CampaignStore.submissions()), the overdue work named, what changed since `since` (default: a month earlier) and the accountability steps its rules give. `language` is 'zh' or 'en' (default: the campaign's).
    """

def build_report(
    campaign: Campaign,
    as_of: datetime.date,
    *,
    language: str | None = None,
    known_on: datetime.date | None = None,
    max_items: typing.SupportsInt | typing.SupportsIndex = 8,
    trend_points: typing.SupportsInt | typing.SupportsIndex = 5,
    submissions: collections.abc.Sequence[SubmissionRecord] | None = None,
) -> Report:
    """
    The report of `campaign` on `as_of`: per title where the city stands, what is short and by how much, what is off track for the inspection, overdue tasks and who answers for them, a district ranking; and a department accountability table with the supervision circular's top lines. `language` is 'zh' or 'en' (default: the campaign's); `submissions` (CampaignStore.submissions()) are counted in the circular's lines, None: not counted.
    """

def bundled_calendar_ids() -> list[str]:
    """
    Ids of the bundled working-day calendars found, sorted.
    """

def bundled_calendar_path(id: str) -> pathlib.Path:
    """
    Path of a bundled calendar file by id ('cn-2025'); raises NotFoundError listing the ids there are.
    """

def bundled_framework_ids() -> list[str]:
    """
    Ids of the bundled frameworks found, sorted.
    """

def bundled_framework_path(id: str) -> pathlib.Path:
    """
    Path of a bundled framework file by id; raises NotFoundError listing the ids there are.
    """

def bundled_round_scheme_ids() -> list[str]:
    """
    Ids of the bundled round schemes found, sorted.
    """

def bundled_round_scheme_path(id: str) -> pathlib.Path:
    """
    Path of a bundled round-scheme file by id ('civilized-city-2018'); raises NotFoundError listing the ids there are.
    """

def calendar_to_json(calendar: WorkCalendar, indent: typing.SupportsInt | typing.SupportsIndex = 2) -> str:
    """
    The calendar as JSON text, loadable again into an equal calendar.
    """

def campaign_store_path(path: os.PathLike | str | bytes, *, allow_outside: bool = False) -> pathlib.Path:
    """
    The campaign store a campaign file names (its "store" key), relative to the file's folder and inside it unless allow_outside; ValidationError naming "$.store" when it names none.
    """

def campaign_to_json(campaign: Campaign, indent: typing.SupportsInt | typing.SupportsIndex = 2) -> str:
    """
    The campaign as JSON text, loadable again into an equal campaign.
    """

def cilos_weights(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    """
    CILOS weights (Zavadskas & Podvezko 2016): from the relative impact loss of each criterion when the unit best on another is chosen (cost columns as min/x). Values must be > 0.
    """

def cocoso(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    weights: numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
    lam: typing.SupportsFloat | typing.SupportsIndex = 0.5,
) -> numpy.typing.NDArray[numpy.float64]:
    """
    CoCoSo score per unit, higher is better (Yazdani et al. 2019), from min-max normalised values; lam in [0, 1].
    """

def combine_weights_linear(
    subjective: numpy.typing.ArrayLike,
    objective: numpy.typing.ArrayLike,
    alpha: typing.SupportsFloat | typing.SupportsIndex = 0.5,
) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    """
    alpha * subjective + (1 - alpha) * objective; each input must sum to 1 within 1e-3 (then rescaled).
    """

def combine_weights_multiplicative(
    subjective: numpy.typing.ArrayLike, objective: numpy.typing.ArrayLike
) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    """
    subjective * objective / sum(subjective * objective); each input must sum to 1 within 1e-3.
    """

def copras(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    weights: numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
) -> numpy.typing.NDArray[numpy.float64]:
    """
    COPRAS utility degree per unit in [0, 1], higher is better (Zavadskas et al. 1994): Q / max Q.
    """

def critic_weights(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
    *,
    normalization: ObjectiveNormalization | str = "min_max",
) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    """
    CRITIC weights (Diakoulaki et al. 1995): standard deviation x sum of (1 - correlation), of the columns min-max normalised by default (normalization='none': as given). A column that does not vary gets weight 0 and the others are those without it, with a ConstantColumnWarning.
    """

def cycle_standing(
    scheme: RoundScheme, rounds: collections.abc.Sequence[AssessmentRound], title: str = ""
) -> CycleStanding:
    """
    The cycle standing from the annual tests of `title` (all when ''); a missing year is not renormalised away.
    """

def data_directories() -> list[pathlib.Path]:
    """
    Folders searched for bundled frameworks, calendars and round schemes: CIVITAS_DATA_DIR, added folders, the install's share/civitas.
    """

def edas(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    weights: numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
) -> numpy.typing.NDArray[numpy.float64]:
    """
    EDAS appraisal score per unit in [0, 1], higher is better (Keshavarz Ghorabaee et al. 2015): distances above and below each criterion's average.
    """

def entropy_weights(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
    *,
    normalization: ObjectiveNormalization | str = "min_max",
) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    """
    Entropy weights of the columns of x (units by rows, criteria by columns). benefit: one bool per column, True where higher is better (None: all). normalization='min_max' (the default) rescales each column to [0, 1] first, cost columns flipped; 'none' takes shares of the values as given (>= 0), as Hwang & Yoon (1981) and the published examples. A column that does not vary gets weight 0, with a ConstantColumnWarning.
    """

def evaluation_to_json(evaluation: Evaluation, indent: typing.SupportsInt | typing.SupportsIndex = 2) -> str:
    """
    The evaluation of one unit as JSON text (docs/format.md, "Evaluation as JSON"; schema data/schema/evaluation.schema.json), its reason and error in English and Chinese (reason_zh, error_zh).
    """

def field_inspection_to_json(inspection: FieldInspection, indent: typing.SupportsInt | typing.SupportsIndex = 2) -> str:
    """
    The inspection as JSON text, loadable again into an equal inspection.
    """

def form_csv_file(path: os.PathLike | str | bytes, sheet: str) -> pathlib.Path:
    """
    The file of one sheet of the CSV form `path` names: ('form.csv', 'tasks') gives form.tasks.csv.
    """

def framework_to_json(framework: Framework, indent: typing.SupportsInt | typing.SupportsIndex = 2) -> str:
    """
    The framework as JSON text, loadable again into an equal framework.
    """

def gini_weights(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
    *,
    normalization: ObjectiveNormalization | str = "min_max",
) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    """
    Gini weights: the Gini coefficient of each column, normalised to sum 1. normalization='min_max' (the default) rescales each column to [0, 1] first, cost columns flipped; 'none' takes the values as given (>= 0), as pymcdm's gini_weights. A column that does not vary gets weight 0.
    """

def grey_relational(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    weights: numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
    rho: typing.SupportsFloat | typing.SupportsIndex = 0.5,
) -> numpy.typing.NDArray[numpy.float64]:
    """
    Grey relational grade per unit in (0, 1], higher is better; rho is the distinguishing coefficient in (0, 1].
    """

def group_ahp(
    matrices: collections.abc.Sequence[numpy.typing.ArrayLike],
    expert_weights: numpy.typing.ArrayLike | None = None,
    *,
    method: AhpMethod | str = "eigenvector",
    random_index: RandomIndexTable | str = "saaty",
    reciprocal_tolerance: typing.SupportsFloat | typing.SupportsIndex = 0.01,
) -> AhpResult:
    """
    AHP of the experts' aggregated matrix (aggregate_judgments).
    """

def hierarchical_ahp(
    categories: numpy.typing.ArrayLike,
    indicators: collections.abc.Sequence[numpy.typing.ArrayLike],
    *,
    method: AhpMethod | str = "eigenvector",
    random_index: RandomIndexTable | str = "saaty",
    reciprocal_tolerance: typing.SupportsFloat | typing.SupportsIndex = 0.01,
) -> HierarchicalAhp:
    """
    AHP of the category matrix and of each category's indicator matrix, and the global weights.
    """

def hierarchical_weights(
    category_weights: numpy.typing.ArrayLike, indicator_weights: collections.abc.Sequence[numpy.typing.ArrayLike]
) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    """
    Global weights category_weights[k] x indicator_weights[k][i], in order; each vector must sum to 1 within 1e-3.
    """

def history_average(
    dates: collections.abc.Sequence[datetime.date] | numpy.typing.NDArray[numpy.datetime64],
    values: numpy.typing.ArrayLike,
    *,
    years: typing.SupportsInt | typing.SupportsIndex = 5,
    min_years: typing.SupportsInt | typing.SupportsIndex = 5,
    year_value: YearValue | str = "last",
    direction: Direction | str = "lower",
) -> HistoryAverage:
    """
    'Not above the last five years' average': the latest point's calendar year against the mean of the `years` calendar years before it.
    """

def idocriw_weights(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    """
    IDOCRIW weights (Zavadskas & Podvezko 2016): entropy weights of the values as given times CILOS weights, normalised to sum 1. Values must be > 0.
    """

def import_form(
    store: CampaignStore,
    campaign: Campaign,
    reading: FormReading,
    *,
    submitted_on: datetime.date,
    submitted_by: str = "",
    partial: bool = False,
) -> ImportResult:
    """
    Imports a FormReading into the store: any refused cell refuses it all (ParseError listing every cell, nothing stored) unless partial=True; submitted_by '' takes the cover's.
    """

def language_of_text(text: str) -> Language:
    """
    Language.zh when the text has a Chinese character (CJK Unified Ideographs, U+4E00..U+9FFF), else Language.en: the language of a report, a table or a plot whose campaign sets none.
    """

def level_or_trend(
    dates: collections.abc.Sequence[datetime.date] | numpy.typing.NDArray[numpy.datetime64],
    values: numpy.typing.ArrayLike,
    line: Interval,
    *,
    test: TrendTest | str = "consecutive",
    changes: typing.SupportsInt | typing.SupportsIndex = 2,
    last_points: typing.SupportsInt | typing.SupportsIndex = 5,
    confidence: typing.SupportsFloat | typing.SupportsIndex = 0.95,
) -> LevelOrTrend:
    """
    '<= 5.6 or falling': met when the latest value is inside `line`, or the trend goes the right way (consecutive: each of the last `changes` changes; slope: a one-sided t test on the last `last_points`).
    """

def load_bundled_calendar(id: str) -> WorkCalendar:
    """
    Loads a bundled working-day calendar by id.
    """

def load_bundled_framework(id: str) -> Framework:
    """
    Loads a bundled framework by id.
    """

def load_bundled_round_scheme(id: str) -> RoundScheme:
    """
    Loads a bundled round scheme by id.
    """

def load_calendar(path: os.PathLike | str | bytes, *, limits: Limits | None = None) -> WorkCalendar:
    """
    Reads and validates a calendar file; ParseError names the file, the JSON path and the value.
    """

def load_campaign(
    path: os.PathLike | str | bytes, *, limits: Limits | None = None, allow_outside: bool = False
) -> Campaign:
    """
    Reads and validates a campaign file with the frameworks, calendar, plan, inspections and observations it names, all inside its folder unless allow_outside.
    """

def load_field_inspection(path: str, *, limits: Limits | None = None) -> FieldInspection:
    """
    Reads a field-inspection file (civitas-inspection/1); ParseError names the file, the path and the value.
    """

def load_framework(path: os.PathLike | str | bytes, *, limits: Limits | None = None) -> Framework:
    """
    Reads and validates a framework file; ParseError names the file and the JSON path or line, LimitError the limit passed.
    """

def load_framework_or_bundled(path_or_id: str) -> Framework:
    """
    Loads a framework file, or the bundled framework of that id when no such file exists and the name has no folder and does not end in ".json" (what the command line and the C API take).
    """

def load_observations_csv(
    path: os.PathLike | str | bytes,
    *,
    threads: typing.SupportsInt | typing.SupportsIndex = 0,
    block_bytes: typing.SupportsInt | typing.SupportsIndex = 16777216,
    limits: Limits | None = None,
) -> ObservationLoad:
    """
    Reads observations from CSV (header: unit, indicator, date, value, and optionally source, mode, sample_size, recorded). Bad rows are left out and listed in `rejected`; a bad header raises ParseError.
    """

def load_observations_json(path: os.PathLike | str | bytes, *, limits: Limits | None = None) -> ObservationLoad:
    """
    Reads observations from JSON ({"format": "civitas-observations/1", "observations": [...]}); bad entries are listed in `rejected` with their JSON path.
    """

def load_plan(path: os.PathLike | str | bytes, *, limits: Limits | None = None, allow_outside: bool = False) -> Plan:
    """
    Reads and validates a plan file and its sub-plan files (inside its folder unless allow_outside); ParseError names the file, the JSON path and the value.
    """

def load_round_scheme(path: os.PathLike | str | bytes, *, limits: Limits | None = None) -> RoundScheme:
    """
    Reads and validates a round-scheme file; ParseError names the file, the JSON path, the value and what was expected.
    """

def load_value_table(
    path: os.PathLike | str | bytes, class_column: str = "", *, limits: Limits | None = None
) -> tuple[list[str], list[str], list[str], numpy.typing.NDArray[numpy.float64]]:
    """
    Reads a CSV table of unit values: returns (units, classes, columns, values), values a float64 array (units x columns) with NaN for empty cells.
    """

def merec_weights(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    """
    MEREC weights (Keshavarz-Ghorabaee et al. 2021): the effect of removing each criterion on the units' performance ln(1 + mean |ln n_ij|), with n = min/x (benefit) or x/max (cost). Values must be > 0.
    """

def multimoora(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    weights: numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
) -> MultimooraResult:
    """
    MULTIMOORA (Brauers & Zavadskas 2010, 2011): ratio system, reference point and full multiplicative form, synthesised by dominance. Values must be > 0.
    """

def observation_submission(load: ObservationLoad, provenance: Submission, file: str) -> Submission:
    """
    A Submission of observations already read (an ObservationLoad, e.g. from read_observations_arrow).
    """

def obstacle_degree(
    r: pandas.DataFrame | numpy.typing.ArrayLike,
    weights: numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series,
) -> numpy.typing.NDArray[numpy.float64]:
    """
    Obstacle degree per unit and indicator, w_j (1 - r_ij) / sum_k w_k (1 - r_ik): r holds normalised values in [0, 1] (1 = best), weights sum to 1; a row with no shortfall is all 0.
    """

def parse_calendar(text: str, file: str = "<string>", *, limits: Limits | None = None) -> WorkCalendar:
    """
    Parses calendar JSON text; `file` is the name used in error messages.
    """

def parse_campaign(
    text: str,
    file: str = "<string>",
    *,
    base_folder: os.PathLike | str | bytes | None = None,
    limits: Limits | None = None,
    allow_outside: bool = False,
) -> Campaign:
    """
    Parses campaign JSON text; the files it names are found in base_folder, else in `file`'s folder (text given as '<string>' without a base folder may name none).
    """

def parse_field_inspection(text: str, file: str = "<string>", *, limits: Limits | None = None) -> FieldInspection:
    """
    Parses field-inspection JSON text.
    """

def parse_framework(text: str, file: str = "<string>", *, limits: Limits | None = None) -> Framework:
    """
    Parses framework JSON text; `file` is the name used in error messages.
    """

def parse_observations_csv(
    text: str,
    file: str = "<string>",
    *,
    threads: typing.SupportsInt | typing.SupportsIndex = 0,
    limits: Limits | None = None,
) -> ObservationLoad:
    """
    The same as load_observations_csv, from CSV text.
    """

def parse_observations_json(text: str, file: str = "<string>", *, limits: Limits | None = None) -> ObservationLoad:
    """
    The same as load_observations_json, from JSON text.
    """

def parse_plan(
    text: str,
    file: str = "<string>",
    *,
    base_folder: os.PathLike | str | bytes | None = None,
    limits: Limits | None = None,
    allow_outside: bool = False,
) -> Plan:
    """
    Parses plan JSON text; sub-plan files are found in base_folder, else in `file`'s folder.
    """

def parse_round_scheme(text: str, file: str = "<string>", *, limits: Limits | None = None) -> RoundScheme:
    """
    Parses round-scheme JSON text; `file` is the name used in error messages.
    """

def parse_value_table(
    text: str, file: str = "<string>", class_column: str = "", *, limits: Limits | None = None
) -> tuple[list[str], list[str], list[str], numpy.typing.NDArray[numpy.float64]]:
    """
    The same as load_value_table, from CSV text.
    """

def plan_to_json(plan: Plan, indent: typing.SupportsInt | typing.SupportsIndex = 2) -> str:
    """
    The plan as JSON text with defaults left out, loadable again into an equal plan.
    """

def points_needed(
    standing: CycleStanding, scheme: RoundScheme, line: typing.SupportsFloat | typing.SupportsIndex
) -> CycleNeed:
    """
    The score each remaining year needs for the cycle total to reach `line`.
    """

def prepare_topsis(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
    normalization: Normalization | str = "vector",
) -> TopsisPrepared:
    """
    Normalises x once for TOPSIS with many weight vectors (TopsisPrepared.closeness).
    """

def probability_meets(
    estimate: typing.SupportsFloat | typing.SupportsIndex,
    n: typing.SupportsFloat | typing.SupportsIndex,
    line: Interval,
    *,
    scale: ProportionScale | str = "proportion",
) -> float:
    """
    Probability that the true proportion is inside `line`, from the Beta(x + 1, n - x + 1) posterior of a uniform prior (x = estimate x n).
    """

def promethee(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    weights: numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
    preference: PreferenceShape | str | collections.abc.Sequence[PreferenceShape | str] = "usual",
    q: float | numpy.typing.ArrayLike | None = None,
    p: float | numpy.typing.ArrayLike | None = None,
    s: float | numpy.typing.ArrayLike | None = None,
) -> PrometheeFlows:
    """
    PROMETHEE II (Brans & Vincke 1985): outranking flows per unit; .net ranks them (higher is better). preference: 'usual', 'u_shape', 'v_shape', 'level', 'linear' or 'gaussian', one for all or one per criterion; q (indifference), p (preference) and s (Gaussian) thresholds in each criterion's unit, a number or one per criterion.
    """

def proportion_interval(
    estimate: typing.SupportsFloat | typing.SupportsIndex,
    n: typing.SupportsFloat | typing.SupportsIndex,
    confidence: typing.SupportsFloat | typing.SupportsIndex = 0.95,
    *,
    method: IntervalMethod | str = "wilson",
    scale: ProportionScale | str = "proportion",
) -> ProportionInterval:
    """
    Confidence interval of a proportion observed in a sample of n (Wilson by default). `estimate` is in [0, 1], or in [0, 100] with scale='percent'.
    """

def random_index(n: typing.SupportsInt | typing.SupportsIndex, table: RandomIndexTable | str = "saaty") -> float:
    """
    Random index RI(n) (0 for n = 1, 2): saaty for n in 1..15, donegan_dodd for n in 1..100 (Donegan & Dodd 1991, tabulated to 20 and at 25, 30, 40, ..., 100, linear in between as ahpy does).
    """

def rank(
    scores: numpy.typing.ArrayLike,
    method: RankMethod | str = "min",
    ascending: bool = False,
    ids: collections.abc.Sequence[str] | None = None,
) -> numpy.typing.NDArray[numpy.int32] | numpy.typing.NDArray[numpy.float64]:
    """
    Ranks, 1 = best (highest score; lowest when ascending). Ties: 'min' 1224, 'dense' 1223, 'ordinal' 1234 with ties ordered by id (else by position), all int32; 'average' 1 2.5 2.5 4, float64, a tied group sharing the mean of its places (ids unused).
    """

def rank_correlation(
    a: numpy.typing.ArrayLike, b: numpy.typing.ArrayLike, method: CorrelationMethod | str = "spearman"
) -> float:
    """
    Agreement of ranking b with ranking a (ranks, 1 = best; one per unit, same units in the same order; two Series are matched by index). 'spearman': Spearman's rho, Pearson's r of the average ranks; 'kendall': Kendall's tau-b; both in [-1, 1], read any numbers by their order, and reject a ranking with every unit tied. 'weighted_spearman': r_w (Pinto da Costa & Soares 2005); 'ws': WS similarity to the reference a (Sałabun & Urbaniak 2020), asymmetric; both read ranks in [1, n] as given (ties as average ranks).
    """

def rank_correlation_matrix(
    rankings: pandas.DataFrame | numpy.typing.ArrayLike, method: CorrelationMethod | str = "spearman"
) -> numpy.typing.NDArray[numpy.float64] | pandas.DataFrame:
    """
    Agreement of every pair of rankings: rankings is units x rankings (a column per ranking, as rank_correlation reads it); returns rankings x rankings with (i, j) = rank_correlation(column i, column j) and 1 on the diagonal, symmetric but for 'ws', whose row is the reference. A DataFrame gives a DataFrame labelled by its columns, and errors name them (rankings['2024']).
    """

def rank_reversal(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    weights: numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
    *,
    method: RankingMethod | str = "topsis",
    copies: bool = True,
    preference: PreferenceShape | str | collections.abc.Sequence[PreferenceShape | str] = "usual",
    q: float | numpy.typing.ArrayLike | None = None,
    p: float | numpy.typing.ArrayLike | None = None,
    s: float | numpy.typing.ArrayLike | None = None,
    vikor_v: typing.SupportsFloat | typing.SupportsIndex = 0.5,
    max_listed: typing.SupportsInt | typing.SupportsIndex = 1000,
) -> RankReversalReport:
    """
    Rank reversal (docs/methods.md, Robustness): each unit left out in turn (and copied in turn), the others ranked again by `method` (as rank_uncertainty scores it) and every pair whose order flips counted. Ties are not reversals.
    """

def rank_uncertainty(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    weights: numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
    *,
    draws: typing.SupportsInt | typing.SupportsIndex = 1000,
    seed: int = 0,
    perturbation: WeightPerturbation | str = "dirichlet",
    concentration: typing.SupportsFloat | typing.SupportsIndex = 100.0,
    share: typing.SupportsFloat | typing.SupportsIndex = 0.2,
    normalizations: Normalization | str | collections.abc.Sequence[Normalization | str] = "vector",
    methods: RankingMethod | str | collections.abc.Sequence[RankingMethod | str] = "topsis",
    drop_probability: typing.SupportsFloat | typing.SupportsIndex = 0.0,
    drop_one: bool = False,
    top_k: typing.SupportsInt | typing.SupportsIndex = 1,
    pass_threshold: typing.SupportsFloat | typing.SupportsIndex | None = None,
    vikor_v: typing.SupportsFloat | typing.SupportsIndex = 0.5,
    preference: PreferenceShape | str | collections.abc.Sequence[PreferenceShape | str] = "usual",
    q: float | numpy.typing.ArrayLike | None = None,
    p: float | numpy.typing.ArrayLike | None = None,
    s: float | numpy.typing.ArrayLike | None = None,
    sensitivity: bool = True,
    keep_ranks: bool = False,
    threads: typing.SupportsInt | typing.SupportsIndex = 0,
) -> RankUncertainty:
    """
    Monte Carlo rank uncertainty of units x criteria x around the nominal weights (summing to 1): median rank, 5-95% interval, P(top k), P(pass) per unit and first-order sensitivity indices (docs/methods.md, Robustness). methods: 'topsis', 'weighted_sum', 'vikor', 'waspas', 'edas', 'copras', 'spotis', 'cocoso', 'promethee' (preference, q, p, s as promethee() takes them). The same seed gives the same result with any number of threads.
    """

def read_form_csv(path: os.PathLike | str | bytes) -> list[FilledSheet]:
    """
    The sheets (FilledSheet) of the filled CSV form `path` names (any of its files).
    """

def read_observation_submission(path: os.PathLike | str | bytes, provenance: Submission) -> Submission:
    """
    A Submission of every observation in a CSV or JSON observation file, with the provenance given (file: the file's name when ''); ParseError naming the first row that cannot be read.
    """

def read_observations(
    source: builtins.object, *, threads: typing.SupportsInt | typing.SupportsIndex = 0, limits: Limits | None = None
) -> ObservationLoad:
    """
    Reads observations from `source`: a path to a CSV, JSON or Parquet file (Parquet is read with pyarrow, which must be installed), or a table that exports an Arrow stream (see read_observations_arrow). The file's kind comes from its suffix (.csv, .json, .parquet or .pq). `threads` is the CSV reader's.
    """

def read_observations_arrow(
    source: builtins.object, name: str = "<arrow>", *, limits: Limits | None = None
) -> ObservationLoad:
    """
    Reads observations from a table that exports an Arrow stream (`__arrow_c_stream__`: a pyarrow Table or RecordBatchReader, a polars or pandas DataFrame, a DuckDB result), in C++ without a loop in Python. Its columns are those of the CSV format, by name, with the same rules: ids as text (dictionary-encoded too), dates as date32, date64, timestamps without a time zone or 'YYYY-MM-DD' text, value as any number, nulls as empty cells. Bad rows are left out and listed in `rejected` with `path` 'column[row]' (0-based); a column of another type raises ParseError naming it, its Arrow type and what is accepted; `name` is the source's name in errors.
    """

def read_submission_form(campaign: Campaign, sheets: collections.abc.Sequence[FilledSheet], file: str) -> FormReading:
    """
    Reads filled sheets (FilledSheet) against the form the campaign gives the department and period on its cover: a FormReading. A sheet or heading not of the form: ParseError naming it.
    """

def read_value_table_arrow(
    source: builtins.object, name: str = "<arrow>", class_column: str = "", *, limits: Limits | None = None
) -> tuple[list[str], list[str], list[str], numpy.typing.NDArray[numpy.float64]]:
    """
    The same as load_value_table, from a table that exports an Arrow stream (`__arrow_c_stream__`): the first column holds unit ids (text), the others numbers (any integer or floating-point type, booleans as 1/0, or text read as CSV cells); nulls are NaN. ParseError names the column, its Arrow type or the row.
    """

def readiness(
    campaign: Campaign,
    as_of: datetime.date,
    *,
    known_on: datetime.date | None = None,
    trend_points: typing.SupportsInt | typing.SupportsIndex = 5,
    at_risk_within: typing.SupportsInt | typing.SupportsIndex = 5,
    survey_confidence: typing.SupportsFloat | typing.SupportsIndex = 0.8,
    survey_interval: typing.SupportsFloat | typing.SupportsIndex = 0.95,
) -> Readiness:
    """
    Readiness of every title and unit on `as_of`: the evaluation now and projected to the inspection date, the overdue tasks that bear on it, the framework's unit rules (rulings), the campaign's targets, the survey items' sampling error, and red / amber / green with the reason. `known_on` reproduces it as the data was known on that day; a survey item met with probability below `survey_confidence` makes the unit amber.
    """

def readiness_to_json(readiness: Readiness, indent: typing.SupportsInt | typing.SupportsIndex = 2) -> str:
    """
    The readiness as JSON text (civitas-readiness/1; docs/format.md, "Readiness as JSON"): each title's rag per unit with the reasons in English and Chinese (reason, reason_zh), the facts, the evaluations now and at the inspection date, targets, surveys, rulings, and the plan's progress. Missing numbers are null.
    """

def release_cached_memory() -> None:
    """
    Frees the memory that finished batches left for reuse by the next batch of the same shape (at most 64 MiB).
    """

def revision_suggestions(
    matrix: numpy.typing.ArrayLike,
    *,
    method: AhpMethod | str = "eigenvector",
    random_index: RandomIndexTable | str = "saaty",
    reciprocal_tolerance: typing.SupportsFloat | typing.SupportsIndex = 0.01,
) -> list[ComparisonRevision]:
    """
    Every comparison above the diagonal with the CR if it were replaced by w_i / w_j, lowest CR first.
    """

def round_scheme_to_json(scheme: RoundScheme, indent: typing.SupportsInt | typing.SupportsIndex = 2) -> str:
    """
    The round scheme as JSON text (with its format tag), defaults left out; parses back equal.
    """

def save_campaign(campaign: Campaign, path: os.PathLike | str | bytes, *, allow_outside: bool = False) -> None:
    """
    Writes the campaign file with its inspection, plan and sub-plan files, all or none (a failure leaves every file as it was: IoError); a file it names outside its folder is a ValidationError unless allow_outside.
    """

def save_form_csv(form: SubmissionForm, path: os.PathLike | str | bytes) -> list[pathlib.Path]:
    """
    Writes a form as CSV, one file a sheet (FORM.cover.csv, ...), all or none; returns the files.
    """

def save_framework(framework: Framework, path: os.PathLike | str | bytes) -> None:
    """
    Writes the framework to a file whole or not at all; IoError names the file and the system's reason.
    """

def save_plan(plan: Plan, path: os.PathLike | str | bytes, *, allow_outside: bool = False) -> None:
    """
    Writes the plan and its sub-plans kept in files, all or none (a failure leaves every file as it was: IoError); a sub-plan file outside its parent's folder is a ValidationError unless allow_outside.
    """

def schedule(plan: Plan, calendar: WorkCalendar) -> Schedule:
    """
    Forward and backward pass on the calendar's working days; ValidationError naming a cycle.
    """

def scheduled_submissions(
    path: os.PathLike | str | bytes, campaign: Campaign, *, allow_outside: bool = False
) -> list[SubmissionRecord] | None:
    """
    The submissions of the store the campaign file names, to count in a circular or a report (build_circular(campaign, as_of, ...), build_report(..., submissions=...)): None when the campaign has no submission schedule; [] when it names no store or the store is not made yet.
    """

@typing.overload
def score_change_attribution(before: Evaluation, after: Evaluation) -> EvaluationChange:
    """
    The points difference of every indicator between two Evaluations of the same framework, split into the change of its score share and of its full points (EvaluationChange).
    """

@typing.overload
def score_change_attribution(
    before: pandas.DataFrame | numpy.typing.ArrayLike,
    after: pandas.DataFrame | numpy.typing.ArrayLike,
    weights_before: numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series | None = None,
    weights_after: numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series | None = None,
) -> ScoreChangeAttribution:
    """
    Splits a weighted-sum score change between two rounds per unit and indicator: two units x indicators matrices of values with their weights (weights_after None: unchanged) -> ScoreChangeAttribution.
    """

def series_trends(
    campaign: Campaign,
    title: str,
    as_of: datetime.date,
    *,
    known_on: datetime.date | None = None,
    trend_points: typing.SupportsInt | typing.SupportsIndex = 5,
) -> list[SeriesTrend]:
    """
    The trend of every series of a title's framework with a value on or before `as_of` (SeriesTrend): units in the campaign's order, indicators in the framework's, a top_unit item for top units only; the projection is readiness's. `trend_frame` gives the same as a DataFrame.
    """

def simd_path() -> str:
    """
    The instruction set the numerical kernels run with: 'avx512' where the processor has AVX-512 (F, DQ, VL, BW), else 'avx2_fma' where it has AVX2 and FMA, else 'baseline' (SSE2 on x86-64); the environment variable CIVITAS_SIMD ('baseline' or 'avx2_fma'), set before civitas is imported, or use_simd_path() chooses a slower one. Results agree across paths within docs/performance.md's tolerances.
    """

def spotis(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    weights: numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
    bounds: numpy.typing.ArrayLike | None = None,
    ideal: numpy.typing.ArrayLike | None = None,
) -> numpy.typing.NDArray[numpy.float64]:
    """
    SPOTIS distance to the ideal per unit in [0, 1], LOWER is better (Dezert et al. 2020). bounds: (criteria, 2) min and max of each criterion (None: the data's range); ideal: the expected solution point (None: the best bound).
    """

def status(
    plan: Plan,
    calendar: WorkCalendar,
    as_of: datetime.date,
    *,
    at_risk_within: typing.SupportsInt | typing.SupportsIndex = 5,
) -> PlanStatus:
    """
    Each task's and problem's state on `as_of`, planned against earned progress and earned schedule, the overdue list, rolled up by phase, title, sub-plan and responsibility.
    """

def std_weights(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
    *,
    normalization: ObjectiveNormalization | str = "min_max",
) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
    """
    Standard-deviation weights: sigma_j / sum of sigma. normalization='min_max' (the default) rescales each column to [0, 1] first, cost columns flipped; 'none' uses the values as given, as the published examples. A column that does not vary gets weight 0, with a ConstantColumnWarning.
    """

def store_available() -> bool:
    """
    True when this civitas has the campaign store (it was built with SQLite 3; a build from PyPI alone without the system's libsqlite3-dev has not).
    """

def store_schema_version() -> int:
    """
    The schema version of a store of this civitas (older ones are migrated on open).
    """

def submission_form(
    campaign: Campaign,
    department: str,
    *,
    period: str = "",
    language: Language = Language.zh,
    as_of: datetime.date | None = None,
) -> SubmissionForm:
    """
    The submission form of a department (an id of the campaign) for a month ('2026-03'): cover, the indicators it answers for per unit, its unfinished tasks, its open problems, each input cell with its rule.
    """

def topsis(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    weights: numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
    normalization: Normalization | str = "vector",
) -> numpy.typing.NDArray[numpy.float64]:
    """
    TOPSIS closeness to the ideal per unit, in [0, 1]. x: units x criteria; benefit: True where higher is better (None: all); normalization: 'vector' or 'min_max'.
    """

def trend(
    dates: collections.abc.Sequence[datetime.date] | numpy.typing.NDArray[numpy.datetime64],
    values: numpy.typing.ArrayLike,
    last_points: typing.SupportsInt | typing.SupportsIndex = 0,
) -> Trend:
    """
    The trend of the last `last_points` points (0: all). Dates strictly increasing (ValidationError naming dates[i] otherwise), values finite, at least 2 points.
    """

def trend_frame(
    campaign: Campaign,
    title: str,
    as_of: datetime.date,
    *,
    trend_points: typing.SupportsInt | typing.SupportsIndex = 5,
    known_on: datetime.date | None = None,
) -> pandas.DataFrame:
    """
    The trend of every series of a title's framework, one row per unit and indicator with data on or before `as_of` (units in the campaign's order, indicators in the framework's): unit, indicator, points (used in the fit, at most `trend_points`), latest, latest_date, slope (value units per year, NaN under 2 points), projected (to the title's inspection date as readiness projects: along the slope, clamped to the bounds; yes/no and problem counts keep their latest value; NaN without an inspection date after `as_of`), line (the unit's line as text: sub-units on `subunit_pass`), reach_date (the first day the projection meets the line; None when it never does), and progress (the Open SDG progress state towards the line by the inspection date, or in the indicator's direction without one; '' for yes/no and ranges without a deadline). Top-unit items appear for the top unit only.
    """

def unit_line(indicator: Indicator, unit_class: str = "", sub_unit: bool = False) -> Interval | None:
    """
    The line a unit is judged on: for a sub-unit, subunit_pass when the indicator has one; else the class's pass_by_class line, else pass_; a problem count without one at most 0, a yes/no condition yes ([1, 1]); None when there is no line for that class.
    """

def use_simd_path(path: str) -> None:
    """
    Run the kernels with `path` ('baseline', 'avx2_fma' or 'avx512') from now on, in every thread; ValidationError when this processor lacks it or the name is unknown.
    """

def vikor(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    weights: numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
    v: typing.SupportsFloat | typing.SupportsIndex = 0.5,
) -> VikorResult:
    """
    VIKOR (Opricovic & Tzeng 2004): S, R, Q per unit (lower is better) and the compromise solution.
    """

def waspas(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    weights: numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series,
    benefit: collections.abc.Sequence[bool]
    | numpy.typing.NDArray[numpy.bool_]
    | collections.abc.Mapping[str, bool]
    | pandas.Series
    | None = None,
    lam: typing.SupportsFloat | typing.SupportsIndex = 0.5,
) -> numpy.typing.NDArray[numpy.float64]:
    """
    WASPAS (Zavadskas et al. 2012) per unit, higher is better: lam x the weighted sum plus (1 - lam) x the weighted product of x / max (benefit) or min / x (cost). lam=1 is WSM, lam=0 is WPM.
    """

def weighted_sum(
    x: pandas.DataFrame | numpy.typing.ArrayLike,
    weights: numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series,
) -> numpy.typing.NDArray[numpy.float64]:
    """
    Weighted sum of framework scores per unit, sum_j w_j x_ij (no normalisation). Weights: >= 0, summing to 1 within 1e-6 (else ValidationError).
    """

def what_if_delayed(
    plan: Plan, calendar: WorkCalendar, task: str, working_days: typing.SupportsInt | typing.SupportsIndex
) -> DelayImpact:
    """
    Delays a task's earliest start by `working_days`: the tasks and the phase ends that move.
    """

calendar_format: str = "civitas-calendar/1"
campaign_format: str = "civitas-campaign/1"
framework_format: str = "civitas-framework/1"
inspection_format: str = "civitas-inspection/1"
max_depth: int = 64
observations_format: str = "civitas-observations/1"
options: Options
plan_format: str = "civitas-plan/1"
readiness_format: str = "civitas-readiness/1"
round_scheme_format: str = "civitas-round-scheme/1"
version: str = "0.1.0"
