// The report's fixed strings in Chinese and English, and how each language writes dates and numbers.

#include "report/detail/words.hpp"

#include "core/detail/number_format.hpp"

#include <cmath>

namespace civitas::detail {

namespace {

Words chinese() {
    Words w{};
    w.tag = "zh-CN";
    w.report = "创建工作报告";
    w.as_of = "数据截至";
    w.known_on = "按当日所知数据重现";
    w.overview = "总览";
    w.departments_page = "部门责任";
    w.red = "红";
    w.amber = "黄";
    w.green = "绿";
    w.title = "称号";
    w.inspection = "检查日期";
    w.days_left = "距检查";
    w.days = "天";
    w.city = "全市";
    w.subunits = "各区 红/黄/绿";
    w.met = "达标";
    w.not_met = "未达标";
    w.score_chart = "各单位得分";
    w.titles_chart = "全市各称号达标指标占比";
    w.reason = "原因";
    w.tasks = "任务";
    w.done = "已完成";
    w.overdue = "逾期";
    w.on_time_rate = "按时完成率";
    w.spi = "进度绩效指数 SPI";
    w.problems_open = "问题未销号";
    w.rejected_rows = "被剔除的观测行";
    w.framework = "测评体系";
    w.met_indicators = "达标指标";
    w.basic_failed = "基本项未达标";
    w.score = "得分";
    w.now = "当前";
    w.at_inspection = "检查时（预计）";
    w.passes = "通过";
    w.fails = "不通过";
    w.no_framework = "无测评体系，仅按工作计划跟踪";
    w.city_only = "测评体系只考核全市，本单位按任务和目标跟踪";
    w.shortfalls = "差距：当前未达标的指标";
    w.off_track = "当前达标、预计到检查时将不达标的指标";
    w.overdue_tasks = "逾期任务及责任人";
    w.ranking = "各区排名";
    w.indicator = "指标";
    w.value = "现值";
    w.line = "达标线";
    w.gap = "差距";
    w.projected = "检查日预计";
    w.department = "责任部门";
    w.basic_mark = "（基本项）";
    w.task = "任务";
    w.leader = "责任领导";
    w.due_date = "截止日期";
    w.days_late = "逾期工作日";
    w.progress = "进度";
    w.rank = "名次";
    w.unit = "单位";
    w.verdict = "状态";
    w.overdue_count = "逾期任务";
    w.none = "无";
    w.showing = "仅列前 {0} 项，共 {1} 项";
    w.met_share_chart = "各单位达标指标占比";
    w.pass_marker = "通过线";
    w.most_days_late = "最长逾期（工作日）";
    w.targets_short = "目标未达";
    w.yes = "是";
    w.no = "否";
    w.footer = "{0} 生成";
    w.departments_note = "任务与问题按工作计划的责任部门统计；目标按创建方案中的责任部门统计。";
    w.no_subunits = "本方案未设下级单位。";
    w.fails_now_and_ahead = "当前不通过，预计到检查时仍不通过";
    w.fails_now = "当前不通过";
    w.fails_now_passes_ahead = "当前不通过，预计到检查时可以通过";
    w.passes_now_fails_ahead = "当前通过，预计到检查时不通过";
    w.passes_now_and_ahead = "当前通过，预计到检查时仍通过";
    w.passes_now = "当前通过";
    w.basic_items_failed = "{0} 项基本项未达标";
    w.basic_item_failed = "1 项基本项未达标";
    w.tasks_overdue = "{0} 项相关任务逾期";
    w.task_overdue = "1 项相关任务逾期";
    w.no_overdue = "无相关逾期任务";
    w.targets_off_track = "{0} 项创建目标偏离进度";
    w.target_off_track = "1 项创建目标偏离进度";
    w.surveys_in_doubt = "{0} 项调查指标达标把握不足";
    w.survey_in_doubt = "1 项调查指标达标把握不足";
    w.targets_heading = "创建目标";
    w.target = "目标值";
    w.deadline = "期限";
    w.projected_deadline = "期限时预计";
    w.days_from_now = "距今（天）";
    w.target_states[0] = "已达到";
    w.target_states[1] = "按期可达";
    w.target_states[2] = "偏离进度";
    w.target_states[3] = "逾期未达";
    w.target_states[4] = "无数据";
    w.surveys_heading = "调查指标的抽样把握";
    w.estimate = "调查值";
    w.sample = "样本量";
    w.interval = "置信区间";
    w.probability = "达标概率";
    w.in_doubt = "把握不足";
    w.rounds_heading = "测评轮次";
    w.round = "轮次";
    w.date = "日期";
    w.total = "总分";
    w.consequence = "后果";
    w.assessment_kinds[0] = "年度测评";
    w.assessment_kinds[1] = "省级预检";
    w.assessment_kinds[2] = "国家检查";
    w.assessment_kinds[3] = "模拟测评";
    w.assessment_kinds[4] = "自查自评";
    w.assessment_kinds[5] = "其他";
    w.events_heading = "近期节点";
    w.event = "事项";
    w.event_kinds[0] = "对标创建启动";
    w.event_kinds[1] = "申报";
    w.event_kinds[2] = "检查";
    w.event_kinds[3] = "检查";
    w.event_kinds[4] = "测评";
    w.event_kinds[5] = "实地检查";
    w.rules[0] = "仅全市考核";
    w.rules[1] = "按下辖区判定";
    w.rules[2] = "按水平或趋势判定";
    w.rules[3] = "与历年均值比较";
    w.all_titles = "全部称号";
    w.separator = "；";
    w.list_separator = "、";
    w.gaps_heading = "未能计算的部分";
    w.not_computed = "未能计算";
    w.evaluation_not_computed = "测评未能计算";
    w.gap_parts[0] = "工作计划进度";
    w.gap_parts[1] = "{0}的测评";
    w.gap_parts[2] = "{1}在{0}中的测评";
    w.gap_parts[3] = "{1}在{0}检查时的预计";
    w.gap_parts[4] = "{0}的测评轮次";
    w.gap_parts[5] = "责任部门表";
    w.gap_parts[6] = "近期节点";
    w.gap_line = "{0}未能计算：{1}";
    return w;
}

Words english() {
    Words w{};
    w.tag = "en";
    w.report = "campaign report";
    w.as_of = "Data as of";
    w.known_on = "as known on";
    w.overview = "Overview";
    w.departments_page = "Department accountability";
    w.red = "red";
    w.amber = "amber";
    w.green = "green";
    w.title = "Title";
    w.inspection = "Inspection";
    w.days_left = "Days left";
    w.days = "days";
    w.city = "City";
    w.subunits = "Districts R/A/G";
    w.met = "Met";
    w.not_met = "Not met";
    w.score_chart = "Score by unit";
    w.titles_chart = "Share of indicators the city meets, by title";
    w.reason = "Reason";
    w.tasks = "Tasks";
    w.done = "Done";
    w.overdue = "Overdue";
    w.on_time_rate = "On time";
    w.spi = "SPI";
    w.problems_open = "Problems open";
    w.rejected_rows = "Observation rows left out";
    w.framework = "Framework";
    w.met_indicators = "Indicators met";
    w.basic_failed = "Basic items failed";
    w.score = "Score";
    w.now = "Now";
    w.at_inspection = "At inspection (projected)";
    w.passes = "passes";
    w.fails = "fails";
    w.no_framework = "No framework: tracked by the plan only";
    w.city_only = "the framework judges the city only: tracked by its tasks and targets";
    w.shortfalls = "Short of the line now";
    w.off_track = "Met now, projected to miss the line at the inspection";
    w.overdue_tasks = "Overdue tasks and who answers for them";
    w.ranking = "District ranking";
    w.indicator = "Indicator";
    w.value = "Value";
    w.line = "Line";
    w.gap = "Gap";
    w.projected = "Projected";
    w.department = "Department";
    w.basic_mark = " (basic)";
    w.task = "Task";
    w.leader = "Leader";
    w.due_date = "Due";
    w.days_late = "Working days late";
    w.progress = "Progress";
    w.rank = "Rank";
    w.unit = "Unit";
    w.verdict = "Status";
    w.overdue_count = "Overdue tasks";
    w.none = "None";
    w.showing = "Showing {0} of {1}";
    w.met_share_chart = "Share of indicators met, by unit";
    w.pass_marker = "pass line";
    w.most_days_late = "Most days late";
    w.targets_short = "Targets short";
    w.yes = "yes";
    w.no = "no";
    w.footer = "Made by {0}";
    w.departments_note = "Tasks and problems are counted by the plan's department; targets by the campaign's department.";
    w.no_subunits = "The campaign has no sub-units.";
    w.fails_now_and_ahead = "fails now and is projected to fail at the inspection";
    w.fails_now = "fails now";
    w.fails_now_passes_ahead = "fails now, projected to pass at the inspection";
    w.passes_now_fails_ahead = "passes now, projected to fail at the inspection";
    w.passes_now_and_ahead = "passes now and is projected to pass at the inspection";
    w.passes_now = "passes now";
    w.basic_items_failed = "{0} basic items not met";
    w.basic_item_failed = "1 basic item not met";
    w.tasks_overdue = "{0} overdue tasks bear on it";
    w.task_overdue = "1 overdue task bears on it";
    w.no_overdue = "no overdue task bears on it";
    w.targets_off_track = "{0} targets off track";
    w.target_off_track = "1 target off track";
    w.surveys_in_doubt = "{0} survey items in doubt";
    w.survey_in_doubt = "1 survey item in doubt";
    w.targets_heading = "Campaign targets";
    w.target = "Target";
    w.deadline = "Deadline";
    w.projected_deadline = "At deadline";
    w.days_from_now = "Days from now";
    w.target_states[0] = "met";
    w.target_states[1] = "on track";
    w.target_states[2] = "off track";
    w.target_states[3] = "overdue";
    w.target_states[4] = "no data";
    w.surveys_heading = "Survey items: how sure";
    w.estimate = "Estimate";
    w.sample = "Sample";
    w.interval = "Interval";
    w.probability = "P(meets)";
    w.in_doubt = "in doubt";
    w.rounds_heading = "Assessment rounds";
    w.round = "Round";
    w.date = "Date";
    w.total = "Total";
    w.consequence = "Consequence";
    w.assessment_kinds[0] = "annual test";
    w.assessment_kinds[1] = "provincial pre-check";
    w.assessment_kinds[2] = "national check";
    w.assessment_kinds[3] = "mock test";
    w.assessment_kinds[4] = "self-assessment";
    w.assessment_kinds[5] = "other";
    w.events_heading = "Next dates";
    w.event = "Event";
    w.event_kinds[0] = "benchmark creation starts";
    w.event_kinds[1] = "application";
    w.event_kinds[2] = "inspection";
    w.event_kinds[3] = "check";
    w.event_kinds[4] = "assessment";
    w.event_kinds[5] = "field inspection";
    w.rules[0] = "city only";
    w.rules[1] = "by its districts";
    w.rules[2] = "by level or trend";
    w.rules[3] = "against past years";
    w.all_titles = "all titles";
    w.separator = "; ";
    w.list_separator = ", ";
    w.gaps_heading = "Not computed";
    w.not_computed = "not computed";
    w.evaluation_not_computed = "the evaluation could not be computed";
    w.gap_parts[0] = "The plan's status";
    w.gap_parts[1] = "The evaluation of {0}";
    w.gap_parts[2] = "The evaluation of {1} in {0}";
    w.gap_parts[3] = "The projection of {1} to the inspection of {0}";
    w.gap_parts[4] = "The rounds of {0}";
    w.gap_parts[5] = "The department table";
    w.gap_parts[6] = "The next dates";
    w.gap_line = "{0} could not be computed: {1}";
    return w;
}

const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string with_measure(const std::string& number, const std::string& measure) {
    if (measure.empty()) return number;
    if (measure == "%" || measure == "‰") return number + measure;
    return number + " " + measure;
}

}  // namespace

const Words& words(Language language) {
    static const Words zh = chinese();
    static const Words en = english();
    return language == Language::en ? en : zh;
}

std::string fill(const char* pattern, const std::string& a, const std::string& b) {
    // One pass over the pattern, so that a "{1}" inside a value is kept as written.
    std::string text;
    for (const char* p = pattern; *p != '\0'; ++p) {
        if (p[0] == '{' && (p[1] == '0' || p[1] == '1') && p[2] == '}') {
            text += p[1] == '0' ? a : b;
            p += 2;
        } else {
            text += *p;
        }
    }
    return text;
}

std::string format_date(Language language, Date date) {
    const auto ymd = date.year_month_day();
    if (language == Language::en)
        return std::to_string(ymd.day) + " " + months[ymd.month - 1] + " " + std::to_string(ymd.year);
    return std::to_string(ymd.year) + "年" + std::to_string(ymd.month) + "月" + std::to_string(ymd.day) + "日";
}

std::string format_value(Language language, double value, int decimals) {
    std::string text = format_fixed(value, decimals);
    if (language != Language::en || !std::isfinite(value)) return text;
    const std::size_t sign = text[0] == '-' ? 1 : 0;
    std::size_t end = text.find('.');
    if (end == std::string::npos) end = text.size();
    for (std::size_t at = end; at > sign + 3; at -= 3) text.insert(at - 3, ",");
    return text;
}

std::string format_line(Language language, const Interval& line, Direction direction, const std::string& measure) {
    const Words& w = words(language);
    if (direction == Direction::yes_no) return w.yes;
    const bool low = std::isfinite(line.low), high = std::isfinite(line.high);
    if (low && high && line.low == line.high) return with_measure(format_value(language, line.low), measure);
    if (low && high) return with_measure(format_value(language, line.low) + "–" + format_value(language, line.high), measure);
    if (low) return "≥ " + with_measure(format_value(language, line.low), measure);
    if (high) return "≤ " + with_measure(format_value(language, line.high), measure);
    return "—";
}

std::string format_measure(Language language, double value, Direction direction, const std::string& measure) {
    if (direction == Direction::yes_no) return value >= 0.5 ? words(language).yes : words(language).no;
    return with_measure(format_value(language, value), measure);
}

const char* rag_word(Language language, Rag rag) {
    const Words& w = words(language);
    return rag == Rag::red ? w.red : rag == Rag::amber ? w.amber : w.green;
}

}  // namespace civitas::detail
