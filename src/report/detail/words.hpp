#pragma once
// Every fixed word and sentence of the report, each a Message in Chinese and English (so one
// missing in a language cannot compile), read with .text(language). How each language writes
// dates and numbers is in formats.hpp.

#include <civitas/core/message.hpp>
#include <civitas/report/report.hpp>

#include <cstddef>
#include <string>

namespace civitas::detail::words {

// ---- the document ------------------------------------------------------------------------------

/// Follows the campaign's name in the document's title.
inline const Message title_after_name{" — campaign report"_en, "创建工作报告"_zh};
/// The subtitle: "Data as of 15 Jan 2026", `day` as the language writes it.
inline Message data_as_of(const std::string& day) { return Message("Data as of {0}"_en, "数据截至{0}"_zh, {day}); }
/// The subtitle's second part when the data are reproduced as known on `day`.
inline Message as_known_on(const std::string& day) { return Message("as known on {0}"_en, "按当日所知数据重现{0}"_zh, {day}); }
/// The footer's first part: "Made by civitas 1.2.0".
inline Message made_by(const std::string& program) { return Message("Made by {0}"_en, "{0} 生成"_zh, {program}); }
inline const Message overview{"Overview"_en, "总览"_zh};
inline const Message departments_page{"Department accountability"_en, "部门责任"_zh};

// ---- punctuation -------------------------------------------------------------------------------

/// Between the parts of a reason or a subtitle.
inline const Message separator{"; "_en, "；"_zh};
/// Between the items of a list.
inline const Message list_separator{", "_en, "、"_zh};
/// Between a word and what it names: "inspection: 国家检查".
inline const Message colon{": "_en, "："_zh};

// ---- verdicts, tables and facts ----------------------------------------------------------------

inline const Message red{"red"_en, "红"_zh};
inline const Message amber{"amber"_en, "黄"_zh};
inline const Message green{"green"_en, "绿"_zh};
/// The verdict word: 红 / red.
inline const Message& verdict(Rag rag) { return rag == Rag::red ? red : rag == Rag::amber ? amber : green; }

inline const Message title{"Title"_en, "称号"_zh};
/// Column: the inspection date.
inline const Message inspection{"Inspection"_en, "检查日期"_zh};
/// Column: days to the inspection.
inline const Message days_left{"Days left"_en, "距检查"_zh};
/// A date and the days to it: "1 Jul 2026 (167 days)".
inline Message in_days(const std::string& day, int days) {
    return Message("{0} ({1} days)"_en, "{0} ({1} 天)"_zh, {day, std::to_string(days)});
}
/// Column: the top unit's verdict.
inline const Message city{"City"_en, "全市"_zh};
/// Column: the sub-units by verdict.
inline const Message subunits{"Districts R/A/G"_en, "各区 红/黄/绿"_zh};
inline const Message met{"Met"_en, "达标"_zh};
inline const Message not_met{"Not met"_en, "未达标"_zh};
inline const Message reason{"Reason"_en, "原因"_zh};
inline const Message tasks{"Tasks"_en, "任务"_zh};
inline const Message done{"Done"_en, "已完成"_zh};
inline const Message overdue{"Overdue"_en, "逾期"_zh};
inline const Message on_time_rate{"On time"_en, "按时完成率"_zh};
inline const Message spi{"SPI"_en, "进度绩效指数 SPI"_zh};
inline const Message problems_open{"Problems open"_en, "问题未销号"_zh};
/// Observation rows left out.
inline const Message rejected_rows{"Observation rows left out"_en, "被剔除的观测行"_zh};
inline const Message framework{"Framework"_en, "测评体系"_zh};
inline const Message met_indicators{"Indicators met"_en, "达标指标"_zh};
inline const Message basic_failed{"Basic items failed"_en, "基本项未达标"_zh};
inline const Message score{"Score"_en, "得分"_zh};
inline const Message now{"Now"_en, "当前"_zh};
inline const Message at_inspection{"At inspection (projected)"_en, "检查时（预计）"_zh};
inline const Message passes{"passes"_en, "通过"_zh};
inline const Message fails{"fails"_en, "不通过"_zh};
/// The pass decision: 通过 / passes, 不通过 / fails.
inline const Message& pass_word(bool pass) { return pass ? passes : fails; }
/// A title without a framework; also its reason.
inline const Message no_framework{"No framework: tracked by the plan only"_en, "无测评体系，仅按工作计划跟踪"_zh};
/// A fact's value that could not be computed.
inline const Message not_computed{"not computed"_en, "未能计算"_zh};
inline const Message indicator{"Indicator"_en, "指标"_zh};
inline const Message value{"Value"_en, "现值"_zh};
/// Column: the pass line.
inline const Message line{"Line"_en, "达标线"_zh};
inline const Message gap{"Gap"_en, "差距"_zh};
/// The gap as a share of the line.
inline const Message relative_gap{"Relative gap"_en, "相对差距"_zh};
/// Column: the value projected to the inspection.
inline const Message projected{"Projected"_en, "检查日预计"_zh};
inline const Message department{"Department"_en, "责任部门"_zh};
/// Marks a basic item after its name.
inline const Message basic_mark{" (basic)"_en, "（基本项）"_zh};
inline const Message task{"Task"_en, "任务"_zh};
inline const Message leader{"Leader"_en, "责任领导"_zh};
inline const Message due_date{"Due"_en, "截止日期"_zh};
/// Column: working days late.
inline const Message days_late{"Working days late"_en, "逾期工作日"_zh};
inline const Message progress{"Progress"_en, "进度"_zh};
inline const Message rank{"Rank"_en, "名次"_zh};
inline const Message unit{"Unit"_en, "单位"_zh};
/// Column: a unit's or a target's state.
inline const Message status{"Status"_en, "状态"_zh};
/// Column: the overdue tasks that bear on a unit.
inline const Message overdue_count{"Overdue tasks"_en, "逾期任务"_zh};
/// An empty table.
inline const Message none{"None"_en, "无"_zh};
/// Under a table cut to its first rows.
inline Message showing(int shown, int total) {
    return Message("Showing {0} of {1}"_en, "仅列前 {0} 项，共 {1} 项"_zh, {std::to_string(shown), std::to_string(total)});
}
inline const Message most_days_late{"Most days late"_en, "最长逾期（工作日）"_zh};
inline const Message targets_short{"Targets short"_en, "目标未达"_zh};
inline const Message departments_note{
    "Tasks and problems are counted by the plan's department; targets by the campaign's department."_en,
    "任务与问题按工作计划的责任部门统计；目标按创建方案中的责任部门统计。"_zh};
/// A campaign with one unit.
inline const Message no_subunits{"The campaign has no sub-units."_en, "本方案未设下级单位。"_zh};
inline const Message yes{"yes"_en, "是"_zh};
inline const Message no{"no"_en, "否"_zh};

// ---- headings and charts -----------------------------------------------------------------------

inline const Message shortfalls{"Short of the line now"_en, "差距：当前未达标的指标"_zh};
inline const Message off_track{"Met now, projected to miss the line at the inspection"_en, "当前达标、预计到检查时将不达标的指标"_zh};
inline const Message overdue_tasks{"Overdue tasks and who answers for them"_en, "逾期任务及责任人"_zh};
inline const Message ranking{"District ranking"_en, "各区排名"_zh};
/// Chart caption when units are scored.
inline const Message score_chart{"Score by unit"_en, "各单位得分"_zh};
/// Chart caption when they are not.
inline const Message met_share_chart{"Share of indicators met, by unit"_en, "各单位达标指标占比"_zh};
/// The overview's chart caption.
inline const Message titles_chart{"The city by title: share of indicators met, or score out of full marks where passed on points"_en,
                                  "全市各称号：达标指标占比，按总分评定的为得分率"_zh};
/// The overview's column: indicators met, or a points-based title's score against its line.
inline const Message standing{"Met or score"_en, "达标或得分"_zh};
/// A points-based title's standing: the score and the least total that passes.
inline Message score_against_line(const std::string& total, const std::string& least) {
    return Message("{0} (line {1})"_en, "{0} 分（达标线 {1} 分）"_zh, {total, least});
}
/// The chart's marker.
inline const Message pass_marker{"pass line"_en, "通过线"_zh};

// ---- reasons -----------------------------------------------------------------------------------

inline const Message fails_now_and_ahead{"fails now and is projected to fail at the inspection"_en, "当前不通过，预计到检查时仍不通过"_zh};
inline const Message fails_now{"fails now"_en, "当前不通过"_zh};
inline const Message fails_now_passes_ahead{"fails now, projected to pass at the inspection"_en, "当前不通过，预计到检查时可以通过"_zh};
inline const Message passes_now_fails_ahead{"passes now, projected to fail at the inspection"_en, "当前通过，预计到检查时不通过"_zh};
inline const Message passes_now_and_ahead{"passes now and is projected to pass at the inspection"_en, "当前通过，预计到检查时仍通过"_zh};
inline const Message passes_now{"passes now"_en, "当前通过"_zh};
/// A sub-unit the framework does not judge (it has city-wide items only).
inline const Message city_only{"the framework judges the city only: tracked by its tasks and targets"_en,
                               "测评体系只考核全市，本单位按任务和目标跟踪"_zh};
/// A title whose evaluation failed.
inline const Message evaluation_not_computed{"the evaluation could not be computed"_en, "测评未能计算"_zh};
/// `n` >= 1 basic items not met.
inline Message basic_items_failed(int n) {
    if (n == 1) return Message("1 basic item not met"_en, "1 项基本项未达标"_zh);
    return Message("{0} basic items not met"_en, "{0} 项基本项未达标"_zh, {std::to_string(n)});
}
/// `n` >= 1 of the campaign's targets off track.
inline Message targets_off_track(std::size_t n) {
    if (n == 1) return Message("1 target off track"_en, "1 项创建目标偏离进度"_zh);
    return Message("{0} targets off track"_en, "{0} 项创建目标偏离进度"_zh, {std::to_string(n)});
}
/// `n` >= 1 survey items in doubt.
inline Message surveys_in_doubt(std::size_t n) {
    if (n == 1) return Message("1 survey item in doubt"_en, "1 项调查指标达标把握不足"_zh);
    return Message("{0} survey items in doubt"_en, "{0} 项调查指标达标把握不足"_zh, {std::to_string(n)});
}
/// `n` overdue tasks bear on it, none included.
inline Message tasks_overdue(std::size_t n) {
    if (n == 0) return Message("no overdue task bears on it"_en, "无相关逾期任务"_zh);
    if (n == 1) return Message("1 overdue task bears on it"_en, "1 项相关任务逾期"_zh);
    return Message("{0} overdue tasks bear on it"_en, "{0} 项相关任务逾期"_zh, {std::to_string(n)});
}
/// The framework rule that decided an item.
inline Message rule(RulingKind kind) {
    switch (kind) {
    case RulingKind::scope: return Message("city only"_en, "仅全市考核"_zh);
    case RulingKind::subunit: return Message("by its districts"_en, "按下辖区判定"_zh);
    case RulingKind::level_or_trend: return Message("by level or trend"_en, "按水平或趋势判定"_zh);
    case RulingKind::history_average: break;
    }
    return Message("against past years"_en, "与历年均值比较"_zh);
}
/// After an item's name: the rule that decided it, " [by its districts]".
inline Message rule_mark(RulingKind kind) { return Message(" [{0}]"_en, "〔{0}〕"_zh, {rule(kind)}); }

// ---- targets, surveys, rounds, events ----------------------------------------------------------

inline const Message targets_heading{"Campaign targets"_en, "创建目标"_zh};
/// Column: the target value.
inline const Message target{"Target"_en, "目标值"_zh};
inline const Message deadline{"Deadline"_en, "期限"_zh};
/// Column: the value projected to the deadline.
inline const Message projected_deadline{"At deadline"_en, "期限时预计"_zh};
/// Column: days from the report date.
inline const Message days_from_now{"Days from now"_en, "距今（天）"_zh};
/// A target's state.
inline Message target_state(TargetState state) {
    switch (state) {
    case TargetState::met: return Message("met"_en, "已达到"_zh);
    case TargetState::on_track: return Message("on track"_en, "按期可达"_zh);
    case TargetState::off_track: return Message("off track"_en, "偏离进度"_zh);
    case TargetState::overdue: return Message("overdue"_en, "逾期未达"_zh);
    case TargetState::no_data: break;
    }
    return Message("no data"_en, "无数据"_zh);
}
inline const Message surveys_heading{"Survey items: how sure"_en, "调查指标的抽样把握"_zh};
inline const Message estimate{"Estimate"_en, "调查值"_zh};
/// Column: the sample size.
inline const Message sample{"Sample"_en, "样本量"_zh};
/// Column: the confidence interval.
inline const Message interval{"Interval"_en, "置信区间"_zh};
/// Column: the probability that the true value meets the line.
inline const Message probability{"P(meets)"_en, "达标概率"_zh};
inline const Message in_doubt{"in doubt"_en, "把握不足"_zh};
inline const Message rounds_heading{"Assessment rounds"_en, "测评轮次"_zh};
inline const Message round{"Round"_en, "轮次"_zh};
inline const Message date{"Date"_en, "日期"_zh};
inline const Message total{"Total"_en, "总分"_zh};
inline const Message consequence{"Consequence"_en, "后果"_zh};
/// What kind of round an assessment is.
inline Message assessment_kind(AssessmentKind kind) {
    switch (kind) {
    case AssessmentKind::annual_test: return Message("annual test"_en, "年度测评"_zh);
    case AssessmentKind::provincial_precheck: return Message("provincial pre-check"_en, "省级预检"_zh);
    case AssessmentKind::national_check: return Message("national check"_en, "国家检查"_zh);
    case AssessmentKind::mock_test: return Message("mock test"_en, "模拟测评"_zh);
    case AssessmentKind::self_assessment: return Message("self-assessment"_en, "自查自评"_zh);
    case AssessmentKind::other: break;
    }
    return Message("other"_en, "其他"_zh);
}
inline const Message events_heading{"Next dates"_en, "近期节点"_zh};
inline const Message event{"Event"_en, "事项"_zh};
/// What kind of event a dated event is.
inline Message event_kind(EventKind kind) {
    switch (kind) {
    case EventKind::benchmark: return Message("benchmark creation starts"_en, "对标创建启动"_zh);
    case EventKind::application: return Message("application"_en, "申报"_zh);
    case EventKind::inspection: return Message("inspection"_en, "检查"_zh);
    case EventKind::check: return Message("check"_en, "检查"_zh);
    case EventKind::round: return Message("assessment"_en, "测评"_zh);
    case EventKind::field_inspection: break;
    }
    return Message("field inspection"_en, "实地检查"_zh);
}
/// The title of an event for every title.
inline const Message all_titles{"all titles"_en, "全部称号"_zh};

// ---- parts that could not be computed (ReportGap) ----------------------------------------------

inline const Message gaps_heading{"Not computed"_en, "未能计算的部分"_zh};
/// The part a gap leaves out, of the title and the unit with these names.
inline Message gap_part(ReportPart part, const std::string& title_name, const std::string& unit_name) {
    switch (part) {
    case ReportPart::plan_status: return Message("The plan's status"_en, "工作计划进度"_zh);
    case ReportPart::title_evaluation: return Message("The evaluation of {0}"_en, "{0}的测评"_zh, {title_name});
    case ReportPart::unit_evaluation: return Message("The evaluation of {1} in {0}"_en, "{1}在{0}中的测评"_zh, {title_name, unit_name});
    case ReportPart::unit_projection:
        return Message("The projection of {1} to the inspection of {0}"_en, "{1}在{0}检查时的预计"_zh, {title_name, unit_name});
    case ReportPart::rounds: return Message("The rounds of {0}"_en, "{0}的测评轮次"_zh, {title_name});
    case ReportPart::departments: return Message("The department table"_en, "责任部门表"_zh);
    case ReportPart::next_events: break;
    }
    return Message("The next dates"_en, "近期节点"_zh);
}
/// "The plan's status could not be computed: ...".
inline Message gap_line(const Message& part, const Message& why) {
    return Message("{0} could not be computed: {1}"_en, "{0}未能计算：{1}"_zh, {part, why});
}

// ---- the supervision circular (督查通报) -------------------------------------------------------

/// Follows the campaign's name in the circular's title.
inline const Message circular_after_name{" — supervision circular"_en, "督查通报"_zh};
/// The subtitle's second part: "changes since 16 Feb 2026".
inline Message changes_since(const std::string& day) { return Message("changes since {0}"_en, "变化情况与{0}比较"_zh, {day}); }
inline const Message circular_ranking{"Ranking"_en, "排名"_zh};
inline const Message circular_overdue_page{"Overdue work"_en, "逾期事项"_zh};
/// The page of changes: "Since 16 Feb 2026".
inline Message circular_changes_page(const std::string& day) { return Message("Since {0}"_en, "{0}以来的变化"_zh, {day}); }
inline const Message circular_actions_page{"Accountability"_en, "问责"_zh};
inline const Message departments_ranked{"Departments"_en, "参评部门"_zh};
inline const Message overdue_tasks_count{"Overdue tasks"_en, "逾期任务"_zh};
inline const Message problems_past_deadline{"Problems past deadline"_en, "问题逾期未销号"_zh};
inline const Message actions_count{"Accountability steps"_en, "问责"_zh};
/// Column: tasks due by the date.
inline const Message tasks_due{"Due"_en, "到期任务"_zh};
/// Column: submissions late or missing of those due: "1 / 0 of 3".
inline const Message submissions_column{"Submissions late / missing"_en, "报送 迟报/未报"_zh};
inline Message late_missing_of(int late, int missing, int due) {
    return Message("{0} / {1} of {2}"_en, "{0} / {1}（应报 {2}）"_zh, {std::to_string(late), std::to_string(missing), std::to_string(due)});
}
/// Column: the rank on the earlier date.
inline const Message rank_before{"Earlier rank"_en, "上期名次"_zh};
inline const Message problem{"Problem"_en, "问题"_zh};
/// Column: a problem's days past its deadline.
inline const Message problem_days_late{"Working days past deadline"_en, "逾期工作日"_zh};
inline const Message finished_heading{"Tasks finished"_en, "新完成的任务"_zh};
inline const Message newly_overdue_heading{"Tasks newly overdue"_en, "新增逾期任务"_zh};
inline const Message closed_heading{"Problems closed"_en, "新销号的问题"_zh};
inline const Message problems_past_deadline_heading{"Problems open past their deadline"_en, "逾期未销号的问题"_zh};
inline const Message improved_heading{"Moved up"_en, "名次上升"_zh};
inline const Message slipped_heading{"Moved down"_en, "名次下降"_zh};
/// Column: a finished task's finish.
inline const Message finished_on{"Finished"_en, "完成日期"_zh};
inline const Message closed_on{"Closed"_en, "销号日期"_zh};
inline const Message on_time{"on time"_en, "按期"_zh};
/// A department's accountability step and why: "建设局: 约谈 — task 修路 21 working days overdue (rule: 20)".
inline Message action_line(const std::string& department_name, const std::string& step, const std::string& why) {
    return Message("{0}: {1} — {2}"_en, "{0}：{1}。依据：{2}"_zh, {department_name, step, why});
}
inline const Message no_actions{"No department meets an accountability rule."_en, "没有部门达到问责条件。"_zh};
inline const Message ranking_rule{
    "Ranked by fewer overdue tasks, then fewer problems past deadline, then fewer late and missing submissions, then fewer "
    "working days of the most overdue task, then the higher on-time rate; equal rows share a rank."_en,
    "排名依次按逾期任务少、逾期未销号问题少、迟报未报少、最长逾期工作日少、按时完成率高排列；各项相同者名次并列。"_zh};
/// A reason of an accountability step: a task overdue for `days` working days, the rule's threshold `least`.
inline Message task_overdue_reason(const std::string& task_name, int days, int least) {
    return Message("task {0} {1} working days overdue (rule: {2})"_en, "任务“{0}”逾期 {1} 个工作日（规则：{2}）"_zh,
                   {task_name, std::to_string(days), std::to_string(least)});
}
/// A reason: `n` problems open past their deadline, the threshold `least`.
inline Message problems_overdue_reason(int n, int least) {
    return Message("problems open past their deadline: {0} (rule: {1})"_en, "逾期未销号问题 {0} 个（规则：{1}）"_zh,
                   {std::to_string(n), std::to_string(least)});
}
/// A reason: `n` submissions late or missing in the last `months` months due, the threshold `least`.
inline Message late_submissions_reason(int n, int months, int least) {
    return Message("submissions late or missing in the last {1} months due: {0} (rule: {2})"_en,
                   "最近 {1} 个应报月份中迟报或未报 {0} 次（规则：{2}）"_zh,
                   {std::to_string(n), std::to_string(months), std::to_string(least)});
}
// ---- funds -------------------------------------------------------------------------------------

/// The page on money.
inline const Message funds_page{"Funds: budgets and spending"_en, "资金使用：预算与支出"_zh};
/// The general fund, account "": money not kept in a special account.
inline const Message general_fund{"General fund"_en, "统筹资金"_zh};
/// Column: where a budget line's money comes from (a special account 专户, matching funds, a fee).
inline const Message account{"Source of funds"_en, "资金来源"_zh};
/// Money columns: yuan in English, 万元 in Chinese (format_money).
inline const Message budget{"Budget (yuan)"_en, "预算（万元）"_zh};
/// Column: paid by the report date.
inline const Message spent{"Spent (yuan)"_en, "已支出（万元）"_zh};
/// Column: spent / budget.
inline const Message spending_rate{"Execution rate"_en, "预算执行率"_zh};
/// Column: the budget of the work done (earned value, EV).
inline const Message work_done{"Earned value (yuan)"_en, "挣值（万元）"_zh};
/// Column: the cost performance index EV / AC.
inline const Message cpi{"CPI"_en, "费用绩效指数"_zh};
/// Column: paid past the line's amount.
inline const Message overspent{"Overspent (yuan)"_en, "超支（万元）"_zh};
/// The heading of the budget lines paid past their amount.
inline const Message over_budget_heading{"Budget lines overspent"_en, "超预算支出"_zh};
/// The page's totals, amounts as format_money writes them and the rate as a percentage.
inline Message funds_total(const std::string& budgeted, const std::string& paid, const std::string& share, const std::string& earned,
                           const std::string& index) {
    return Message("In all: budget {0} yuan, spent {1} yuan ({2} of the budget); the work done is worth {3} yuan of budget, a cost "
                   "performance index (CPI) of {4} (below 1: the work done cost more than its budget)."_en,
                   "合计：预算 {0} 万元，已支出 {1} 万元（执行率 {2}）；挣值（已完成工作的预算）{3} 万元，费用绩效指数（CPI）{4}（低于 1 表示"
                   "已完成工作的实际支出超过其预算）。"_zh,
                   {budgeted, paid, share, earned, index});
}
/// The totals while nothing is paid yet.
inline Message funds_total_unspent(const std::string& budgeted, const std::string& earned) {
    return Message("In all: budget {0} yuan, nothing spent yet; the work done is worth {1} yuan of budget."_en,
                   "合计：预算 {0} 万元，尚无支出；挣值（已完成工作的预算）{1} 万元。"_zh, {budgeted, earned});
}
/// Under the page: how payments are booked.
inline const Message funds_note{"Earmarked: each payment is booked to a budget line of its own task. Amounts are counted up to the report date."_en,
                                "专款专用：每笔支出只记入其任务本身的预算明细；金额统计至报告日期。"_zh};

/// The report's section of the circular's lines.
inline const Message circular_section{"Supervision circular"_en, "督查通报"_zh};
/// Under the report's section: where the whole circular is.
inline const Message circular_section_note{"The whole circular: civitas circular CAMPAIGN --as-of DATE."_en,
                                           "完整的督查通报：civitas circular 创建方案 --as-of 日期。"_zh};

}  // namespace civitas::detail::words
