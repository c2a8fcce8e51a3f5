/// Pickling and copying of every class civitas binds: pickle (any protocol), copy.copy and
/// copy.deepcopy. A class's state is its members by value, read back into an equal object in any
/// process, so campaigns and results go to worker processes (multiprocessing, Dask, Ray, Spark).
/// Frameworks, calendars and round schemes travel as their JSON, plans as their spec (a plan's
/// JSON names sub-plan files), observation stores as their columns' bytes
/// (observations_to_binary), everything else member by member as listed here.
#include "bindings.hpp"

#include <civitas/framework/evaluation_change.hpp>
#include <civitas/framework/round_scheme.hpp>
#include <civitas/io/calendar_io.hpp>
#include <civitas/io/framework_io.hpp>
#include <civitas/io/observations_io.hpp>
#include <civitas/io/round_scheme_io.hpp>
#include <civitas/methods/attribution.hpp>
#include <civitas/methods/reversal.hpp>
#include <civitas/methods/uncertainty.hpp>
#include <civitas/methods/weights.hpp>
#include <civitas/plan/plan.hpp>
#include <civitas/plan/status.hpp>
#include <civitas/report/circular.hpp>
#include <civitas/report/report.hpp>
#include <civitas/store/campaign_store.hpp>
#include <civitas/store/submission_form.hpp>
#include <civitas/tracking/assessment.hpp>
#include <civitas/tracking/campaign.hpp>
#include <civitas/tracking/observations.hpp>
#include <civitas/tracking/readiness.hpp>
#include <civitas/tracking/survey.hpp>
#include <civitas/tracking/trend.hpp>

#include <pybind11/eigen.h>
#include <pybind11/stl.h>

#include <Python.h>

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace civitas::python {

namespace {

/// Fields<T>::of(): the members that make up a T, as member pointers (all of them: what is left
/// out is lost in a pickle).
template <class T>
struct Fields {};
#define CIVITAS_FIELDS(Type, ...)                                                                   \
    template <>                                                                                     \
    struct Fields<Type> {                                                                           \
        using S = Type;                                                                             \
        static constexpr auto of() { return std::make_tuple(__VA_ARGS__); }                         \
    };
CIVITAS_FIELDS(DisplayOptions, &S::display_language, &S::display_max_rows)
CIVITAS_FIELDS(Limits, &S::depth, &S::json_bytes, &S::csv_bytes, &S::rows, &S::columns, &S::cells, &S::text_bytes)
CIVITAS_FIELDS(RoundPart, &S::id, &S::name, &S::mode, &S::full_points)
CIVITAS_FIELDS(ConsequenceRule, &S::id, &S::name, &S::below, &S::flag, &S::months)
CIVITAS_FIELDS(ScoringRule, &S::type, &S::zero, &S::full, &S::tiers, &S::per_problem, &S::max_deduction)
CIVITAS_FIELDS(TrendRule, &S::slope_test, &S::changes, &S::last_points, &S::confidence)
CIVITAS_FIELDS(HistoryAverageRule, &S::years, &S::min_years, &S::year_mean)
CIVITAS_FIELDS(Indicator, &S::id, &S::name, &S::unit, &S::direction, &S::pass, &S::pass_by_class, &S::bounds, &S::improvement, &S::kind,
               &S::weight, &S::scoring, &S::mode, &S::missing, &S::reliability, &S::notes, &S::source, &S::scope,
               &S::subunit_pass, &S::met_by, &S::trend, &S::history_average, &S::classes_without_line)
CIVITAS_FIELDS(Category, &S::id, &S::name, &S::weight, &S::aggregation, &S::categories, &S::indicators, &S::notes)
CIVITAS_FIELDS(FrameworkSpec, &S::id, &S::name, &S::edition, &S::issuer, &S::source, &S::reliability, &S::notes, &S::scale, &S::weighting,
               &S::missing, &S::min_coverage, &S::pass_rules, &S::round_scheme, &S::root)
CIVITAS_FIELDS(IndicatorResult, &S::id, &S::value, &S::outcome, &S::counted, &S::score, &S::points, &S::max_points, &S::pass, &S::gap,
               &S::relative_gap, &S::meets_improvement, &S::obstacle)
CIVITAS_FIELDS(CategoryResult, &S::id, &S::name, &S::depth, &S::score, &S::points, &S::max_points, &S::met, &S::assessed, &S::indicators)
CIVITAS_FIELDS(Evaluation, &S::framework, &S::unit, &S::indicators, &S::categories, &S::total, &S::scale, &S::met, &S::assessed,
               &S::coverage, &S::basic_failed, &S::passed, &S::decided_by, &S::failed_rule, &S::reason, &S::error)
CIVITAS_FIELDS(BatchEvaluation, &S::framework, &S::units, &S::classes, &S::indicator_ids, &S::category_ids, &S::values, &S::scores,
               &S::full_points, &S::renormalised, &S::gaps, &S::outcomes, &S::category_scores, &S::totals, &S::coverage,
               &S::met, &S::assessed, &S::basic_failed, &S::passed, &S::decided_by, &S::errors, &S::not_assessed)
CIVITAS_FIELDS(Dependency, &S::task, &S::link, &S::lag, &S::unit)
CIVITAS_FIELDS(Task, &S::id, &S::name, &S::phase, &S::titles, &S::responsibility, &S::start, &S::due, &S::duration, &S::deadline,
               &S::milestone, &S::check, &S::weight, &S::indicators, &S::depends_on, &S::actual_start, &S::actual_finish, &S::percent_complete,
               &S::budget, &S::spending)
CIVITAS_FIELDS(BudgetLine, &S::account, &S::amount)
CIVITAS_FIELDS(Spending, &S::date, &S::amount, &S::account, &S::note)
CIVITAS_FIELDS(Title, &S::id, &S::name)
CIVITAS_FIELDS(Phase, &S::id, &S::name, &S::title)
CIVITAS_FIELDS(Problem, &S::id, &S::description, &S::source, &S::titles, &S::indicators, &S::responsibility, &S::found, &S::deadline,
               &S::closed)
CIVITAS_FIELDS(PlanSpec, &S::id, &S::name, &S::responsibility_fields, &S::titles, &S::phases, &S::responsibility, &S::tasks,
               &S::problems, &S::subplans, &S::file)
CIVITAS_FIELDS(ScheduledTask, &S::id, &S::duration, &S::earliest_start, &S::earliest_finish, &S::latest_start, &S::latest_finish, &S::slack,
               &S::free_slack, &S::critical)
CIVITAS_FIELDS(Schedule, &S::tasks, &S::critical_path, &S::smallest_slack)
CIVITAS_FIELDS(ScheduleChange, &S::id, &S::earliest_finish, &S::delayed_finish, &S::working_days, &S::milestone)
CIVITAS_FIELDS(DelayImpact, &S::tasks, &S::phases)
CIVITAS_FIELDS(TaskStatus, &S::id, &S::state, &S::due, &S::planned_percent, &S::percent_complete, &S::weight, &S::days_late, &S::budget,
               &S::spent)
CIVITAS_FIELDS(ProblemStatus, &S::id, &S::state, &S::days_late)
CIVITAS_FIELDS(Rectification, &S::found, &S::closed, &S::closed_on_time, &S::overdue)
CIVITAS_FIELDS(OverdueTask, &S::id, &S::name, &S::responsibility, &S::due, &S::days_late, &S::percent_complete)
CIVITAS_FIELDS(Progress, &S::tasks, &S::states, &S::planned_value, &S::earned_value, &S::spi, &S::spi_t, &S::done_on_time, &S::due,
               &S::problems, &S::budget, &S::budget_planned, &S::budget_earned, &S::spent, &S::cpi)
CIVITAS_FIELDS(AccountFunds, &S::budget, &S::spent)
CIVITAS_FIELDS(OverBudget, &S::id, &S::name, &S::responsibility, &S::account, &S::budget, &S::spent)
CIVITAS_FIELDS(PlanStatus, &S::as_of, &S::tasks, &S::problems, &S::overdue, &S::overall, &S::by_phase, &S::by_title, &S::by_subplan,
               &S::by_responsibility, &S::by_account, &S::over_budget)
CIVITAS_FIELDS(Trend, &S::points, &S::first_date, &S::last_date, &S::first_value, &S::last_value, &S::span_years, &S::slope,
               &S::intercept, &S::r_squared, &S::cagr, &S::cagr_note)
CIVITAS_FIELDS(ProgressAssessment, &S::state, &S::reason, &S::points, &S::measure, &S::observed_rate, &S::required_rate, &S::progress_value,
               &S::scaling)
CIVITAS_FIELDS(LevelOrTrend, &S::met, &S::met_by_level, &S::met_by_trend, &S::latest, &S::slope, &S::p_value, &S::reason)
CIVITAS_FIELDS(HistoryAverage, &S::assessable, &S::met, &S::year, &S::latest, &S::average, &S::years_used, &S::reason)
CIVITAS_FIELDS(ProportionInterval, &S::estimate, &S::low, &S::high, &S::n, &S::confidence, &S::method, &S::scale)
CIVITAS_FIELDS(Observation, &S::unit, &S::indicator, &S::date, &S::value, &S::source, &S::mode, &S::sample_size, &S::recorded)
CIVITAS_FIELDS(LatestValue, &S::value, &S::date, &S::age_days, &S::source, &S::mode, &S::sample_size, &S::recorded)
CIVITAS_FIELDS(LatestMatrix, &S::units, &S::indicators, &S::values, &S::ages)
CIVITAS_FIELDS(TrendMatrix, &S::as_of, &S::units, &S::indicators, &S::values, &S::ages, &S::points, &S::slopes)
CIVITAS_FIELDS(RejectedRow, &S::line, &S::column, &S::path, &S::message)
CIVITAS_FIELDS(ObservationLoad, &S::store, &S::rejected)
CIVITAS_FIELDS(AssessmentRound, &S::id, &S::title, &S::kind, &S::date, &S::year, &S::name, &S::parts, &S::total, &S::flags, &S::source)
CIVITAS_FIELDS(CycleStanding, &S::first_year, &S::scores, &S::weights, &S::secured, &S::remaining_weight, &S::total, &S::best_possible)
CIVITAS_FIELDS(CycleNeed, &S::line, &S::years, &S::needed, &S::secured, &S::reachable)
CIVITAS_FIELDS(Check, &S::id, &S::title, &S::kind, &S::date, &S::end, &S::name, &S::notes)
CIVITAS_FIELDS(InspectionSite, &S::id, &S::unit, &S::type, &S::name, &S::date)
CIVITAS_FIELDS(InspectionProblem, &S::site, &S::indicator, &S::description, &S::count, &S::deduction)
CIVITAS_FIELDS(FieldRollup, &S::unit, &S::indicator, &S::sites, &S::problems, &S::deduction)
CIVITAS_FIELDS(FieldInspection, &S::id, &S::title, &S::round, &S::date, &S::name, &S::source, &S::mandatory, &S::indicators, &S::sites,
               &S::problems, &S::file)
CIVITAS_FIELDS(CampaignEvent, &S::date, &S::end, &S::title, &S::kind, &S::assessment, &S::id, &S::name)
CIVITAS_FIELDS(TitleDates, &S::benchmark, &S::application, &S::inspection)
CIVITAS_FIELDS(CampaignTitle, &S::id, &S::name, &S::framework, &S::dates, &S::scheme)
CIVITAS_FIELDS(CampaignUnit, &S::id, &S::name, &S::parent, &S::classes, &S::kind)
CIVITAS_FIELDS(Department, &S::id, &S::name, &S::leader, &S::unit)
CIVITAS_FIELDS(SubmissionSchedule, &S::first_month, &S::due_day, &S::departments)
CIVITAS_FIELDS(AccountabilityRule, &S::id, &S::name, &S::days_overdue, &S::problems_overdue, &S::late_submissions, &S::months)
CIVITAS_FIELDS(Target, &S::title, &S::indicator, &S::unit, &S::value, &S::deadline, &S::department)
CIVITAS_FIELDS(CampaignSpec, &S::id, &S::name, &S::language, &S::calendar, &S::titles, &S::units, &S::departments, &S::targets, &S::plan,
               &S::plan_file, &S::observations, &S::store, &S::rounds, &S::checks, &S::inspections, &S::submissions, &S::accountability)
CIVITAS_FIELDS(Ruling, &S::unit, &S::indicator, &S::kind, &S::outcome, &S::reason)
CIVITAS_FIELDS(TargetProgress, &S::indicator, &S::unit, &S::every_unit, &S::target, &S::line, &S::deadline, &S::department, &S::latest,
               &S::latest_date, &S::projected, &S::met_now, &S::on_track, &S::state, &S::reason)
CIVITAS_FIELDS(SurveyCheck, &S::unit, &S::indicator, &S::date, &S::estimate, &S::sample_size, &S::line, &S::low, &S::high,
               &S::probability, &S::meets, &S::in_doubt, &S::reason)
CIVITAS_FIELDS(UnitFacts, &S::passes_now, &S::passes_at_inspection, &S::basic_failed, &S::overdue_tasks, &S::targets_off_track,
               &S::surveys_in_doubt, &S::ruled_not_met, &S::ruled_met)
CIVITAS_FIELDS(TitleReadiness, &S::title, &S::inspection, &S::framework, &S::units, &S::now, &S::at_inspection, &S::rag, &S::reasons,
               &S::overdue_tasks, &S::targets, &S::surveys, &S::rulings, &S::rulings_at_inspection, &S::facts)
CIVITAS_FIELDS(Readiness, &S::as_of, &S::titles, &S::plan)
CIVITAS_FIELDS(SeriesTrend, &S::unit, &S::indicator, &S::points, &S::latest, &S::latest_date, &S::slope, &S::projected, &S::line,
               &S::reach_date, &S::progress)
CIVITAS_FIELDS(ReportItem, &S::unit, &S::unit_name, &S::indicator, &S::name, &S::measure, &S::direction, &S::basic, &S::value,
               &S::value_date, &S::met, &S::projected, &S::projected_met, &S::line, &S::gap, &S::relative_gap,
               &S::department, &S::rule)
CIVITAS_FIELDS(UnitStanding, &S::unit, &S::name, &S::rank, &S::rag, &S::met, &S::assessed, &S::total, &S::passes_now,
               &S::passes_at_inspection, &S::overdue_tasks)
CIVITAS_FIELDS(RoundResult, &S::id, &S::name, &S::kind, &S::date, &S::total, &S::scale, &S::consequences)
CIVITAS_FIELDS(TitleReport, &S::id, &S::name, &S::framework, &S::dates, &S::days_to_inspection, &S::top_unit, &S::rag, &S::reason,
               &S::met, &S::assessed, &S::indicators, &S::basic_failed, &S::total, &S::scale, &S::pass_total, &S::pass_share,
               &S::passes_now, &S::passes_at_inspection, &S::shortfalls, &S::off_track, &S::overdue, &S::shortfalls_total,
               &S::off_track_total, &S::overdue_total, &S::units, &S::targets, &S::targets_total, &S::surveys,
               &S::surveys_total, &S::rounds, &S::indicator_names)
CIVITAS_FIELDS(ReportGap, &S::part, &S::title, &S::unit, &S::reason)
CIVITAS_FIELDS(DepartmentRow, &S::name, &S::leader, &S::tasks, &S::done, &S::due, &S::done_on_time, &S::overdue, &S::most_days_late,
               &S::problems, &S::problems_open, &S::targets, &S::targets_short, &S::budget, &S::budget_earned, &S::spent)
CIVITAS_FIELDS(CircularRow, &S::department, &S::name, &S::leader, &S::tasks_due, &S::done_on_time, &S::on_time_rate, &S::overdue,
               &S::most_days_overdue, &S::problems_overdue, &S::submits, &S::submissions_due, &S::submissions_late,
               &S::submissions_missing, &S::rank, &S::rank_since)
CIVITAS_FIELDS(CircularTask, &S::id, &S::name, &S::department, &S::leader, &S::due, &S::days_late, &S::finished)
CIVITAS_FIELDS(CircularProblem, &S::id, &S::description, &S::department, &S::deadline, &S::days_late, &S::closed)
CIVITAS_FIELDS(RankChange, &S::name, &S::before, &S::after)
CIVITAS_FIELDS(CircularChanges, &S::finished, &S::newly_overdue, &S::closed, &S::improved, &S::slipped, &S::finished_total,
               &S::newly_overdue_total, &S::closed_total)
CIVITAS_FIELDS(CircularAction, &S::department, &S::name, &S::rule, &S::rule_name, &S::reasons)
CIVITAS_FIELDS(Circular, &S::campaign, &S::name, &S::as_of, &S::since, &S::language, &S::schedule, &S::rows, &S::overdue, &S::overdue_total,
               &S::problems, &S::problems_total, &S::changes, &S::actions)
CIVITAS_FIELDS(Report, &S::campaign, &S::name, &S::as_of, &S::known_on, &S::language, &S::titles, &S::departments, &S::plan,
               &S::next_events, &S::unit_names, &S::department_names, &S::rejected_observations, &S::gaps, &S::circular, &S::actions,
               &S::accounts, &S::over_budget, &S::over_budget_total)
CIVITAS_FIELDS(AhpResult, &S::weights, &S::lambda_max, &S::consistency_index, &S::random_index, &S::consistency_ratio, &S::method,
               &S::table)
CIVITAS_FIELDS(HierarchicalAhp, &S::categories, &S::indicators, &S::global_weights)
CIVITAS_FIELDS(ComparisonRevision, &S::row, &S::col, &S::value, &S::consistent_value, &S::deviation, &S::consistency_ratio)
CIVITAS_FIELDS(VikorResult, &S::s, &S::r, &S::q, &S::v, &S::acceptable_advantage, &S::acceptable_stability, &S::compromise)
CIVITAS_FIELDS(AwardTier, &S::name, &S::count, &S::share)
CIVITAS_FIELDS(MultimooraResult, &S::ratio_system, &S::reference_point, &S::full_multiplicative, &S::ranks_ratio_system,
               &S::ranks_reference_point, &S::ranks_full_multiplicative, &S::dominance, &S::ranks)
CIVITAS_FIELDS(PrometheeFlows, &S::positive, &S::negative, &S::net)
CIVITAS_FIELDS(RankReversal, &S::test, &S::unit, &S::better, &S::worse)
CIVITAS_FIELDS(RankReversalReport, &S::method, &S::ranks, &S::removal, &S::copy, &S::reversals, &S::total)
CIVITAS_FIELDS(Awards, &S::tier_names, &S::tier, &S::ranks, &S::quota, &S::awarded, &S::eligible, &S::ineligible)
CIVITAS_FIELDS(RankUncertainty, &S::draws, &S::top_k, &S::pass_threshold, &S::nominal_rank, &S::median_rank, &S::rank_low, &S::rank_high,
               &S::mean_rank, &S::p_top_k, &S::p_pass, &S::first_order, &S::first_order_by_unit, &S::weight_first_order,
               &S::drop_one_ranks, &S::weights, &S::normalization, &S::method, &S::dropped, &S::ranks)
CIVITAS_FIELDS(ScoreChangeAttribution, &S::before, &S::after, &S::change, &S::value_effect, &S::weight_effect, &S::contribution)
CIVITAS_FIELDS(EvaluationChange, &S::indicators, &S::points_before, &S::points_after, &S::value_effect, &S::weight_effect, &S::contribution,
               &S::change, &S::total_change)
CIVITAS_FIELDS(TaskReport, &S::task, &S::percent_complete, &S::actual_start, &S::actual_finish, &S::reported_on)
CIVITAS_FIELDS(ProblemUpdate, &S::problem, &S::closed, &S::note, &S::reported_on)
CIVITAS_FIELDS(SpendingReport, &S::task, &S::date, &S::amount, &S::account, &S::note, &S::reported_on)
CIVITAS_FIELDS(Submission, &S::department, &S::unit, &S::submitted_by, &S::submitted_at, &S::file, &S::period, &S::observations, &S::tasks,
               &S::problems, &S::spending)
CIVITAS_FIELDS(RejectedRecord, &S::record, &S::message)
CIVITAS_FIELDS(CellRule, &S::kind, &S::low, &S::high)
CIVITAS_FIELDS(FormSheet, &S::id, &S::name, &S::columns, &S::headings, &S::cells, &S::rules)
CIVITAS_FIELDS(SubmissionForm, &S::campaign, &S::department, &S::period, &S::language, &S::sheets)
CIVITAS_FIELDS(FilledSheet, &S::name, &S::file, &S::rows)
CIVITAS_FIELDS(CellError, &S::place, &S::message)
CIVITAS_FIELDS(FormReading, &S::submission, &S::errors, &S::places)
CIVITAS_FIELDS(ValueChange, &S::unit, &S::indicator, &S::date, &S::old_value, &S::new_value)
CIVITAS_FIELDS(ImportResult, &S::submission, &S::observations, &S::task_reports, &S::problem_updates, &S::spending_reports, &S::new_values,
               &S::corrections, &S::tasks_finished, &S::problems_closed, &S::rejected)
CIVITAS_FIELDS(SubmissionRecord, &S::id, &S::department, &S::unit, &S::submitted_by, &S::submitted_at, &S::file, &S::period, &S::status,
               &S::withdrawn_by, &S::withdrawn_at, &S::observations, &S::task_reports, &S::problem_updates, &S::spending_reports)
CIVITAS_FIELDS(ObservationVersion, &S::observation, &S::submission, &S::department, &S::submitted_by, &S::file, &S::status)
#undef CIVITAS_FIELDS

/// Custom<T>: save(value) -> state and load(state) -> value, for classes kept another way.
template <class T>
struct Custom {};

template <class T, class = void>
struct has_fields : std::false_type {};
template <class T>
struct has_fields<T, std::void_t<decltype(Fields<T>::of())>> : std::true_type {};
template <class T, class = void>
struct has_custom : std::false_type {};
template <class T>
struct has_custom<T, std::void_t<decltype(Custom<T>::save)>> : std::true_type {};

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};
template <class T>
struct is_map : std::false_type {};
template <class K, class V, class C, class A>
struct is_map<std::map<K, V, C, A>> : std::true_type {};
template <class T>
struct is_pair : std::false_type {};
template <class A, class B>
struct is_pair<std::pair<A, B>> : std::true_type {};
template <class M>
struct member_of;
template <class C, class M>
struct member_of<M C::*> {
    using type = M;
};

/// A vector that Python's own types hold as it is (a list of numbers or of str).
template <class T>
struct is_plain_vector : std::false_type {};
template <class T, class A>
struct is_plain_vector<std::vector<T, A>> : std::bool_constant<std::is_arithmetic_v<T> || std::is_same_v<T, std::string>> {};

template <class T>
py::object to_state(const T& value);
template <class T>
T from_state(py::handle state);

/// `state` as a tuple of `size` items; ValidationError for anything else (a pickle of another version).
py::tuple state_tuple(py::handle state, std::size_t size) {
    if (!py::isinstance<py::tuple>(state) || py::len(state) != size)
        throw ValidationError("__setstate__", Message("not a civitas object's state: expected a tuple of {0} items"_en,
                                                      "不是 civitas 对象的状态：应为含 {0} 项的元组"_zh, {std::to_string(size)}));
    return py::reinterpret_borrow<py::tuple>(state);
}

template <class T>
py::object to_state(const T& value) {
    if constexpr (has_custom<T>::value) {
        return Custom<T>::save(value);
    } else if constexpr (has_fields<T>::value) {
        return std::apply([&](auto... member) { return py::object(py::make_tuple(to_state(value.*member)...)); }, Fields<T>::of());
    } else if constexpr (std::is_same_v<T, Message>) {
        // Its two texts: the sentences are the library's string literals, not ours to point at.
        return value.empty() ? py::object(py::none()) : py::object(py::make_tuple(value.text(Language::en), value.text(Language::zh)));
    } else if constexpr (std::is_same_v<T, Date>) {
        return value.is_not_a_date() ? py::object(py::none()) : py::object(py::int_(day_number(value)));
    } else if constexpr (is_optional<T>::value) {
        return value ? to_state(*value) : py::object(py::none());
    } else if constexpr (is_plain_vector<T>::value) {
        return py::cast(value);
    } else if constexpr (is_vector<T>::value || is_map<T>::value) {
        py::list out;
        for (const auto& entry : value) out.append(to_state(entry));
        return std::move(out);
    } else if constexpr (is_pair<T>::value) {
        return py::make_tuple(to_state(value.first), to_state(value.second));
    } else {
        return py::cast(value);  // numbers, str, enums, Eigen (a numpy copy), classes with their own pickle
    }
}

template <class T>
T from_state(py::handle state) {
    if constexpr (has_custom<T>::value) {
        return Custom<T>::load(state);
    } else if constexpr (has_fields<T>::value) {
        constexpr auto members = Fields<T>::of();
        const py::tuple items = state_tuple(state, std::tuple_size_v<std::decay_t<decltype(members)>>);
        T value{};
        std::size_t i = 0;
        std::apply([&](auto... member) { ((value.*member = from_state<typename member_of<decltype(member)>::type>(items[i++])), ...); },
                   members);
        return value;
    } else if constexpr (std::is_same_v<T, Message>) {
        if (state.is_none()) return Message();
        const py::tuple texts = state_tuple(state, 2);
        return told(texts[0].cast<std::string>(), texts[1].cast<std::string>());
    } else if constexpr (std::is_same_v<T, Date>) {
        return state.is_none() ? Date() : date_of_day(state.cast<std::int32_t>());
    } else if constexpr (is_optional<T>::value) {
        if (state.is_none()) return std::nullopt;
        return from_state<typename T::value_type>(state);
    } else if constexpr (is_plain_vector<T>::value) {
        return state.cast<T>();
    } else if constexpr (is_vector<T>::value) {
        T out;
        out.reserve(py::len(state));
        for (const py::handle entry : state) out.push_back(from_state<typename T::value_type>(entry));
        return out;
    } else if constexpr (is_map<T>::value) {
        T out;
        for (const py::handle entry : state)
            out.insert(from_state<std::pair<typename T::key_type, typename T::mapped_type>>(entry));
        return out;
    } else if constexpr (is_pair<T>::value) {
        const py::tuple items = state_tuple(state, 2);
        return T(from_state<typename T::first_type>(items[0]), from_state<typename T::second_type>(items[1]));
    } else {
        return state.cast<T>();
    }
}

/// A class kept as its JSON text, written by `save` and read back by `parse`.
template <class T, std::string (*save_json)(const T&, int), T (*parse_json)(std::string_view, const std::string&, const ReadOptions&)>
struct JsonState {
    static py::object save(const T& value) { return py::str(save_json(value, -1)); }
    static T load(py::handle state) { return parse_json(state.cast<std::string>(), "<pickle>", ReadOptions{}); }
};
template <>
struct Custom<Framework> : JsonState<Framework, framework_to_json, parse_framework> {};
template <>
struct Custom<WorkCalendar> : JsonState<WorkCalendar, calendar_to_json, parse_calendar> {};
template <>
struct Custom<RoundScheme> : JsonState<RoundScheme, round_scheme_to_json, parse_round_scheme> {};

template <>
struct Custom<Plan> {
    static py::object save(const Plan& plan) { return to_state(plan.spec()); }
    static Plan load(py::handle state) { return Plan(from_state<PlanSpec>(state)); }
};

template <>
struct Custom<ObservationStore> {
    static py::object save(const ObservationStore& store) {
        std::string bytes;
        {
            const py::gil_scoped_release unlocked;
            bytes = observations_to_binary(store);
        }
        return py::bytes(bytes);
    }
    static ObservationStore load(py::handle state) {
        char* data = nullptr;
        Py_ssize_t size = 0;
        if (!py::isinstance<py::bytes>(state) || PyBytes_AsStringAndSize(state.ptr(), &data, &size) != 0) {
            PyErr_Clear();
            throw ValidationError("__setstate__", Message("not the state of a civitas.ObservationStore: expected bytes"_en,
                                                          "不是 civitas.ObservationStore 的状态：应为 bytes"_zh));
        }
        const py::gil_scoped_release unlocked;
        return parse_observations_binary(std::string_view(data, static_cast<std::size_t>(size)));
    }
};

template <>
struct Custom<Campaign> {
    static py::object save(const Campaign& c) {
        return py::make_tuple(to_state(c.spec()), to_state(c.frameworks()), to_state(c.calendar()), to_state(c.plan()),
                              to_state(c.observations()), to_state(c.rejected_observations()));
    }
    static Campaign load(py::handle state) {
        const py::tuple s = state_tuple(state, 6);
        return Campaign(from_state<CampaignSpec>(s[0]), from_state<std::map<std::string, Framework>>(s[1]), from_state<WorkCalendar>(s[2]),
                        from_state<std::optional<Plan>>(s[3]), from_state<ObservationStore>(s[4]),
                        from_state<std::vector<std::pair<std::string, RejectedRow>>>(s[5]));
    }
};

template <>
struct Custom<TopsisPrepared> {
    static py::object save(const TopsisPrepared& t) {
        return py::make_tuple(to_state(t.to_ideal()), to_state(t.to_anti_ideal()), to_state(t.normalization()));
    }
    static TopsisPrepared load(py::handle state) {
        const py::tuple s = state_tuple(state, 3);
        return TopsisPrepared(from_state<Eigen::MatrixXd>(s[0]), from_state<Eigen::MatrixXd>(s[1]), from_state<Normalization>(s[2]));
    }
};

/// Python's Evaluation and BatchEvaluation: the result and the framework it was evaluated against.
template <class Wrapper, class Result>
struct WithFramework {
    static py::object save(const Wrapper& w) { return py::make_tuple(to_state(static_cast<const Result&>(w)), to_state(w.source)); }
    static Wrapper load(py::handle state) {
        const py::tuple s = state_tuple(state, 2);
        return Wrapper(from_state<Result>(s[0]), from_state<Framework>(s[1]));
    }
};
template <>
struct Custom<FrameworkEvaluation> : WithFramework<FrameworkEvaluation, Evaluation> {};
template <>
struct Custom<FrameworkBatch> : WithFramework<FrameworkBatch, BatchEvaluation> {};

/// Binds pickling (__getstate__, __setstate__, __reduce__), copying (__copy__, __deepcopy__, a C++ copy) and
/// equality of all members (__eq__) to the class `name` of `m`, leaving alone what a class binds itself.
template <class T>
void def_pickle(py::module_& m, const char* name) {
    auto binding = py::reinterpret_borrow<py::class_<T>>(m.attr(name));
    if (!binding.attr("__dict__").contains("__eq__")) binding.def(py::self == any_object);
    if (!py::hasattr(binding, "__setstate__"))
        binding.def(py::pickle([](const T& self) { return AnyPython(to_state(self)); }, [](const AnyPython& state) { return from_state<T>(state); }));
    // Protocols 0 and 1 would otherwise go through copyreg._reduce_ex, which pybind11's base class aborts on.
    if (!binding.attr("__dict__").contains("__reduce__"))
        binding.def("__reduce__", [](const py::object& self) -> py::tuple {
            return py::make_tuple(py::module_::import("copyreg").attr("__newobj__"), py::make_tuple(py::type::of(self)),
                                  self.attr("__getstate__")());
        });
    if (!py::hasattr(binding, "__copy__")) binding.def("__copy__", [](const T& self) { return T(self); });
    if (!py::hasattr(binding, "__deepcopy__"))
        binding.def("__deepcopy__", [](const T& self, const py::dict&) { return T(self); }, py::arg("memo"));
}

}  // namespace

void register_pickling(py::module_& m) {
    def_pickle<Interval>(m, "Interval");  // these three pickle themselves; __reduce__ and copies are added
    def_pickle<Tier>(m, "Tier");
    def_pickle<PassRule>(m, "PassRule");
    def_pickle<Limits>(m, "Limits");
    def_pickle<RoundPart>(m, "RoundPart");
    def_pickle<ConsequenceRule>(m, "ConsequenceRule");
    def_pickle<ScoringRule>(m, "ScoringRule");
    def_pickle<TrendRule>(m, "TrendRule");
    def_pickle<HistoryAverageRule>(m, "HistoryAverageRule");
    def_pickle<Indicator>(m, "Indicator");
    def_pickle<Category>(m, "Category");
    def_pickle<FrameworkSpec>(m, "FrameworkSpec");
    def_pickle<IndicatorResult>(m, "IndicatorResult");
    def_pickle<CategoryResult>(m, "CategoryResult");
    def_pickle<Dependency>(m, "Dependency");
    def_pickle<Task>(m, "Task");
    def_pickle<BudgetLine>(m, "BudgetLine");
    def_pickle<Spending>(m, "Spending");
    def_pickle<Title>(m, "Title");
    def_pickle<Phase>(m, "Phase");
    def_pickle<Problem>(m, "Problem");
    def_pickle<PlanSpec>(m, "PlanSpec");
    def_pickle<ScheduledTask>(m, "ScheduledTask");
    def_pickle<Schedule>(m, "Schedule");
    def_pickle<ScheduleChange>(m, "ScheduleChange");
    def_pickle<DelayImpact>(m, "DelayImpact");
    def_pickle<TaskStatus>(m, "TaskStatus");
    def_pickle<ProblemStatus>(m, "ProblemStatus");
    def_pickle<Rectification>(m, "Rectification");
    def_pickle<OverdueTask>(m, "OverdueTask");
    def_pickle<Progress>(m, "Progress");
    def_pickle<AccountFunds>(m, "AccountFunds");
    def_pickle<OverBudget>(m, "OverBudget");
    def_pickle<PlanStatus>(m, "PlanStatus");
    def_pickle<Trend>(m, "Trend");
    def_pickle<ProgressAssessment>(m, "ProgressAssessment");
    def_pickle<LevelOrTrend>(m, "LevelOrTrend");
    def_pickle<HistoryAverage>(m, "HistoryAverage");
    def_pickle<ProportionInterval>(m, "ProportionInterval");
    def_pickle<Observation>(m, "Observation");
    def_pickle<LatestValue>(m, "LatestValue");
    def_pickle<LatestMatrix>(m, "LatestMatrix");
    def_pickle<TrendMatrix>(m, "TrendMatrix");
    def_pickle<RejectedRow>(m, "RejectedRow");
    def_pickle<ObservationLoad>(m, "ObservationLoad");
    def_pickle<AssessmentRound>(m, "AssessmentRound");
    def_pickle<CycleStanding>(m, "CycleStanding");
    def_pickle<CycleNeed>(m, "CycleNeed");
    def_pickle<Check>(m, "Check");
    def_pickle<InspectionSite>(m, "InspectionSite");
    def_pickle<InspectionProblem>(m, "InspectionProblem");
    def_pickle<FieldRollup>(m, "FieldRollup");
    def_pickle<FieldInspection>(m, "FieldInspection");
    def_pickle<CampaignEvent>(m, "CampaignEvent");
    def_pickle<TitleDates>(m, "TitleDates");
    def_pickle<CampaignTitle>(m, "CampaignTitle");
    def_pickle<CampaignUnit>(m, "CampaignUnit");
    def_pickle<Department>(m, "Department");
    def_pickle<SubmissionSchedule>(m, "SubmissionSchedule");
    def_pickle<AccountabilityRule>(m, "AccountabilityRule");
    def_pickle<Target>(m, "Target");
    def_pickle<CampaignSpec>(m, "CampaignSpec");
    def_pickle<Ruling>(m, "Ruling");
    def_pickle<TargetProgress>(m, "TargetProgress");
    def_pickle<SurveyCheck>(m, "SurveyCheck");
    def_pickle<UnitFacts>(m, "UnitFacts");
    def_pickle<TitleReadiness>(m, "TitleReadiness");
    def_pickle<Readiness>(m, "Readiness");
    def_pickle<SeriesTrend>(m, "SeriesTrend");
    def_pickle<ReportItem>(m, "ReportItem");
    def_pickle<UnitStanding>(m, "UnitStanding");
    def_pickle<RoundResult>(m, "RoundResult");
    def_pickle<TitleReport>(m, "TitleReport");
    def_pickle<ReportGap>(m, "ReportGap");
    def_pickle<DepartmentRow>(m, "DepartmentRow");
    def_pickle<Report>(m, "Report");
    def_pickle<CircularRow>(m, "CircularRow");
    def_pickle<CircularTask>(m, "CircularTask");
    def_pickle<CircularProblem>(m, "CircularProblem");
    def_pickle<RankChange>(m, "RankChange");
    def_pickle<CircularChanges>(m, "CircularChanges");
    def_pickle<CircularAction>(m, "CircularAction");
    def_pickle<Circular>(m, "Circular");
    def_pickle<AhpResult>(m, "AhpResult");
    def_pickle<HierarchicalAhp>(m, "HierarchicalAhp");
    def_pickle<ComparisonRevision>(m, "ComparisonRevision");
    def_pickle<VikorResult>(m, "VikorResult");
    def_pickle<AwardTier>(m, "AwardTier");
    def_pickle<Awards>(m, "Awards");
    def_pickle<MultimooraResult>(m, "MultimooraResult");
    def_pickle<PrometheeFlows>(m, "PrometheeFlows");
    def_pickle<RankUncertainty>(m, "RankUncertainty");
    def_pickle<RankReversal>(m, "RankReversal");
    def_pickle<RankReversalReport>(m, "RankReversalReport");
    def_pickle<ScoreChangeAttribution>(m, "ScoreChangeAttribution");
    def_pickle<EvaluationChange>(m, "EvaluationChange");
    def_pickle<TaskReport>(m, "TaskReport");
    def_pickle<ProblemUpdate>(m, "ProblemUpdate");
    def_pickle<SpendingReport>(m, "SpendingReport");
    def_pickle<Submission>(m, "Submission");
    def_pickle<RejectedRecord>(m, "RejectedRecord");
    def_pickle<CellRule>(m, "CellRule");
    def_pickle<FormSheet>(m, "FormSheet");
    def_pickle<SubmissionForm>(m, "SubmissionForm");
    def_pickle<FilledSheet>(m, "FilledSheet");
    def_pickle<CellError>(m, "CellError");
    def_pickle<FormReading>(m, "FormReading");
    def_pickle<ValueChange>(m, "ValueChange");
    def_pickle<ImportResult>(m, "ImportResult");
    def_pickle<SubmissionRecord>(m, "SubmissionRecord");
    def_pickle<ObservationVersion>(m, "ObservationVersion");
    def_pickle<Framework>(m, "Framework");
    def_pickle<WorkCalendar>(m, "WorkCalendar");
    def_pickle<RoundScheme>(m, "RoundScheme");
    def_pickle<Plan>(m, "Plan");
    def_pickle<ObservationStore>(m, "ObservationStore");
    def_pickle<DisplayOptions>(m, "Options");
    def_pickle<Campaign>(m, "Campaign");
    def_pickle<TopsisPrepared>(m, "TopsisPrepared");
    def_pickle<FrameworkEvaluation>(m, "Evaluation");
    def_pickle<FrameworkBatch>(m, "BatchEvaluation");
}

}  // namespace civitas::python
