// Submission forms: the sheets a department fills in, built from the campaign; a filled one read
// back with every cell checked against the form the campaign gives now; and its import.

#include <civitas/core/error.hpp>
#include <civitas/store/submission_form.hpp>

#include "core/detail/number_format.hpp"
#include "plan/detail/funds.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace civitas {

namespace {

using detail::format_number;

// A column of a sheet: its id, its heading in both languages, what its cells accept.
struct Column {
    const char* id;
    Message heading;
    CellKind kind;
};

struct SheetLayout {
    const char* id;
    Message name;
    std::vector<Column> columns;
};

const SheetLayout& cover_layout() {
    static const SheetLayout layout{"cover", Message("Cover"_en, "填报说明"_zh),
                                    {{"key", Message("Key"_en, "键"_zh), CellKind::label},
                                     {"item", Message("Item"_en, "事项"_zh), CellKind::label},
                                     {"value", Message("Value"_en, "内容"_zh), CellKind::label}}};
    return layout;
}

const SheetLayout& indicators_layout() {
    static const SheetLayout layout{"indicators", Message("Indicators"_en, "指标"_zh),
                                    {{"unit", Message("Unit id"_en, "单位代码"_zh), CellKind::label},
                                     {"unit_name", Message("Unit"_en, "单位"_zh), CellKind::label},
                                     {"indicator", Message("Indicator id"_en, "指标代码"_zh), CellKind::label},
                                     {"indicator_name", Message("Indicator"_en, "指标"_zh), CellKind::label},
                                     {"measure", Message("Measure"_en, "计量单位"_zh), CellKind::label},
                                     {"line", Message("Pass line"_en, "达标线"_zh), CellKind::label},
                                     {"target", Message("Target"_en, "目标值"_zh), CellKind::label},
                                     {"last_value", Message("Last value"_en, "上次数值"_zh), CellKind::label},
                                     {"last_date", Message("Last date"_en, "上次日期"_zh), CellKind::label},
                                     {"value", Message("Value"_en, "本期数值"_zh), CellKind::number},
                                     {"date", Message("Date of value"_en, "数据日期"_zh), CellKind::date},
                                     {"source", Message("Source"_en, "数据来源"_zh), CellKind::text}}};
    return layout;
}

const SheetLayout& tasks_layout() {
    static const SheetLayout layout{"tasks", Message("Tasks"_en, "任务"_zh),
                                    {{"task", Message("Task id"_en, "任务代码"_zh), CellKind::label},
                                     {"task_name", Message("Task"_en, "任务"_zh), CellKind::label},
                                     {"start", Message("Planned start"_en, "计划开始"_zh), CellKind::label},
                                     {"due", Message("Due"_en, "计划完成"_zh), CellKind::label},
                                     {"percent_now", Message("Progress so far (%)"_en, "当前进度（%）"_zh), CellKind::label},
                                     {"percent_complete", Message("Progress now (%)"_en, "本期进度（%）"_zh), CellKind::number},
                                     {"actual_start", Message("Actual start"_en, "实际开始日期"_zh), CellKind::date},
                                     {"actual_finish", Message("Actual finish"_en, "实际完成日期"_zh), CellKind::date}}};
    return layout;
}

const SheetLayout& problems_layout() {
    static const SheetLayout layout{"problems", Message("Problems"_en, "问题整改"_zh),
                                    {{"problem", Message("Problem id"_en, "问题代码"_zh), CellKind::label},
                                     {"description", Message("Problem"_en, "问题"_zh), CellKind::label},
                                     {"found_by", Message("Found by"_en, "问题来源"_zh), CellKind::label},
                                     {"found", Message("Found on"_en, "发现日期"_zh), CellKind::label},
                                     {"deadline", Message("Deadline"_en, "整改期限"_zh), CellKind::label},
                                     {"closed", Message("Closed on"_en, "销号日期"_zh), CellKind::date},
                                     {"note", Message("Progress note"_en, "整改进展"_zh), CellKind::text}}};
    return layout;
}

const SheetLayout& spending_layout() {
    static const SheetLayout layout{"spending", Message("Spending"_en, "经费支出"_zh),
                                    {{"task", Message("Task id"_en, "任务代码"_zh), CellKind::label},
                                     {"task_name", Message("Task"_en, "任务"_zh), CellKind::label},
                                     {"account", Message("Account"_en, "资金账户"_zh), CellKind::label},
                                     {"budget", Message("Budget (yuan)"_en, "预算（元）"_zh), CellKind::label},
                                     {"spent", Message("Spent so far (yuan)"_en, "累计已支出（元）"_zh), CellKind::label},
                                     {"amount", Message("Paid this period (yuan)"_en, "本期支出（元）"_zh), CellKind::number},
                                     {"date", Message("Date paid"_en, "支出日期"_zh), CellKind::date},
                                     {"note", Message("Voucher or purpose"_en, "凭证或用途"_zh), CellKind::text}}};
    return layout;
}

const std::vector<const SheetLayout*>& layouts() {
    static const std::vector<const SheetLayout*> all{&cover_layout(), &indicators_layout(), &tasks_layout(), &problems_layout(),
                                                     &spending_layout()};
    return all;
}

// The cover's rows by key; submitted_by is its one input.
const std::vector<std::pair<const char*, Message>>& cover_items() {
    static const std::vector<std::pair<const char*, Message>> items{
        {"campaign", Message("Campaign"_en, "创建方案"_zh)},
        {"campaign_name", Message("Campaign name"_en, "创建方案名称"_zh)},
        {"department", Message("Department"_en, "责任部门"_zh)},
        {"department_name", Message("Department name"_en, "部门名称"_zh)},
        {"period", Message("Period (month)"_en, "填报期（月份）"_zh)},
        {"submitted_by", Message("Filled in by"_en, "填报人"_zh)},
        {"how", Message("How to fill it in"_en, "填报方法"_zh)},
    };
    return items;
}

const Message how_to_fill{"Fill in the unlocked cells only; leave a cell empty to say nothing new. Values in the indicator's unit; dates YYYY-MM-DD; yes/no items as yes or no."_en,
                          "只填写未锁定的单元格；不需更新的留空。数值按指标的计量单位填写；日期格式为 YYYY-MM-DD；是否类指标填“是”或“否”。"_zh};

FormSheet empty_sheet(const SheetLayout& layout, Language language) {
    FormSheet sheet;
    sheet.id = layout.id;
    sheet.name = layout.name.text(language);
    for (const Column& column : layout.columns) {
        sheet.columns.push_back(column.id);
        sheet.headings.push_back(column.heading.text(language));
    }
    return sheet;
}

// The rules of a row: each column's kind, numbers unbounded unless `value` says.
std::vector<CellRule> row_rules(const SheetLayout& layout) {
    std::vector<CellRule> rules;
    for (const Column& column : layout.columns) rules.push_back({column.kind, std::nullopt, std::nullopt});
    return rules;
}

std::size_t column_of(const SheetLayout& layout, const std::string& id) {
    for (std::size_t c = 0; c < layout.columns.size(); ++c)
        if (id == layout.columns[c].id) return c;
    return layout.columns.size();
}

Date last_day_of(const std::string& period) { return parse_date(period + "-01", "period").end_of_month(); }

const Department& department_of(const Campaign& campaign, const std::string& id) {
    for (const Department& d : campaign.spec().departments)
        if (d.id == id) return d;
    std::string ids;
    for (const Department& d : campaign.spec().departments) ids += (ids.empty() ? "" : ", ") + d.id;
    throw ValidationError("department", Message("unknown department '{0}'; expected one of: {1}"_en, "责任部门 '{0}' 未定义；应为以下之一: {1}"_zh,
                                                {id, ids.empty() ? Message::Argument(Message("(the campaign lists none)"_en, "（创建方案未列出责任部门）"_zh))
                                                                 : Message::Argument(ids)}));
}

void check_period(const std::string& period, const std::string& where) {
    const Message not_a_month("\"{0}\" is not a month; expected \"YYYY-MM\""_en, "\"{0}\" 不是月份；应为 \"YYYY-MM\""_zh, {period});
    if (period.size() != 7) throw ValidationError(where, not_a_month);
    try {
        (void)last_day_of(period);
    } catch (const Error&) {
        throw ValidationError(where, not_a_month);
    }
}

// The (unit, indicator) rows a department answers for, with the title whose framework judges them
// and the target: targets naming it, and for a district's government its unit's naming none.
struct IndicatorRow {
    std::string unit;
    std::string title;
    std::string indicator;
    const Target* target = nullptr;
};

std::vector<IndicatorRow> indicator_rows(const Campaign& campaign, const Department& department) {
    const CampaignSpec& spec = campaign.spec();
    std::vector<IndicatorRow> rows;
    std::set<std::pair<std::string, std::string>> seen;
    for (const CampaignTitle& title : spec.titles) {
        if (campaign.frameworks().count(title.id) == 0) continue;
        std::vector<std::string> indicators;  // the title's indicators with a target, in target order
        for (const Target& target : spec.targets)
            if (target.title == title.id && std::find(indicators.begin(), indicators.end(), target.indicator) == indicators.end())
                indicators.push_back(target.indicator);
        for (const std::string& indicator : indicators)
            for (const CampaignUnit& unit : spec.units)
                for (const Target* target : campaign.targets_for(title.id, indicator, unit.id)) {
                    const bool ours = target->department == department.id ||
                                      (target->department.empty() && !department.unit.empty() && department.unit == unit.id);
                    if (ours && seen.emplace(unit.id, indicator).second) rows.push_back({unit.id, title.id, indicator, target});
                }
    }
    std::stable_sort(rows.begin(), rows.end(), [&](const IndicatorRow& a, const IndicatorRow& b) {
        return campaign.unit_index(a.unit) < campaign.unit_index(b.unit);
    });
    return rows;
}

const Message yes_word{"yes"_en, "是"_zh};
const Message no_word{"no"_en, "否"_zh};

// The form; with `every_row`, every task and problem the department answers for, finished or not
// (the rows a form made on any day may hold, for reading it back).
SubmissionForm make_form(const Campaign& campaign, const std::string& department_id, const FormOptions& options, bool every_row) {
    const Department& department = department_of(campaign, department_id);
    if (!options.period.empty()) check_period(options.period, "period");
    const Language language = options.language;
    const CampaignSpec& spec = campaign.spec();
    SubmissionForm form{spec.id, department.id, options.period, language, {}};

    FormSheet cover = empty_sheet(cover_layout(), language);
    const std::map<std::string, std::string> cover_values{{"campaign", spec.id},
                                                          {"campaign_name", spec.name},
                                                          {"department", department.id},
                                                          {"department_name", department.name},
                                                          {"period", options.period},
                                                          {"how", how_to_fill.text(language)}};
    for (const auto& [key, item] : cover_items()) {
        const auto value = cover_values.find(key);
        cover.cells.push_back({key, item.text(language), value == cover_values.end() ? std::string() : value->second});
        std::vector<CellRule> rules = row_rules(cover_layout());
        if (std::string(key) == "submitted_by") rules.back().kind = CellKind::text;
        cover.rules.push_back(std::move(rules));
    }
    form.sheets.push_back(std::move(cover));

    const Date as_of = options.as_of.value_or(Date(boost::gregorian::max_date_time));
    const std::string period_end = options.period.empty() ? std::string() : to_iso(last_day_of(options.period));
    FormSheet indicators = empty_sheet(indicators_layout(), language);
    const std::size_t value_column = column_of(indicators_layout(), "value");
    for (const IndicatorRow& row : indicator_rows(campaign, department)) {
        const Framework& framework = campaign.framework(row.title);
        const Indicator& indicator = framework.indicator(row.indicator);
        const CampaignUnit& unit = spec.units[campaign.unit_index(row.unit)];
        const bool yes_no = indicator.direction == Direction::yes_no;
        const std::optional<Interval> line = unit_line(indicator, campaign.unit_class(unit.id, row.title), !unit.parent.empty());
        const std::string line_text = yes_no ? yes_word.text(language) : line ? to_string(*line, language) : std::string();
        const auto last = campaign.observations().latest(unit.id, indicator.id, as_of);
        const std::string last_value =
            !last ? std::string() : yes_no ? (last->value >= 0.5 ? yes_word : no_word).text(language) : format_number(last->value);
        const std::string target = yes_no ? std::string() : format_number(row.target->value);
        indicators.cells.push_back({unit.id, unit.name, indicator.id, indicator.name, indicator.unit, line_text, target, last_value,
                                    last ? to_iso(last->date) : std::string(), "", period_end, ""});
        std::vector<CellRule> rules = row_rules(indicators_layout());
        CellRule& value = rules[value_column];
        if (yes_no) {
            value.kind = CellKind::yes_no;
        } else if (indicator.bounds) {
            value.low = indicator.bounds->low;
            value.high = indicator.bounds->high;
        }
        if (indicator.direction == Direction::problem_count && !value.low) value.low = 0.0;
        indicators.rules.push_back(std::move(rules));
    }
    form.sheets.push_back(std::move(indicators));

    FormSheet tasks = empty_sheet(tasks_layout(), language);
    FormSheet problems = empty_sheet(problems_layout(), language);
    FormSheet spending = empty_sheet(spending_layout(), language);
    if (campaign.plan()) {
        const std::size_t percent_column = column_of(tasks_layout(), "percent_complete");
        for (const Task& task : campaign.plan()->tasks()) {
            const bool finished = task.actual_finish && *task.actual_finish <= as_of;
            if ((finished && !every_row) || campaign.responsible_department(task.responsibility) != &department) continue;
            // A task given by its duration has no due date to show.
            const std::string due = task.due.is_not_a_date() ? std::string() : to_iso(task.due);
            tasks.cells.push_back({task.id, task.name, to_iso(task.start), due, format_number(task.percent_complete), "", "", ""});
            std::vector<CellRule> rules = row_rules(tasks_layout());
            rules[percent_column].low = 0.0;
            rules[percent_column].high = 100.0;
            tasks.rules.push_back(std::move(rules));
        }
        for (const Problem& problem : campaign.plan()->problems()) {
            const bool closed = problem.closed && *problem.closed <= as_of;
            if ((closed && !every_row) || campaign.responsible_department(problem.responsibility) != &department) continue;
            problems.cells.push_back({problem.id, problem.description, problem.source, to_iso(problem.found), to_iso(problem.deadline), "", ""});
            problems.rules.push_back(row_rules(problems_layout()));
        }
        // A row per budget line of the department's tasks, finished or not (bills come after the work).
        const std::size_t amount_column = column_of(spending_layout(), "amount");
        for (const Task& task : campaign.plan()->tasks()) {
            if (task.budget.empty() || campaign.responsible_department(task.responsibility) != &department) continue;
            for (const BudgetLine& line : task.budget) {
                spending.cells.push_back({task.id, task.name, line.account, format_number(line.amount),
                                          format_number(detail::paid_from(task, line.account, as_of)), "", "", ""});
                std::vector<CellRule> rules = row_rules(spending_layout());
                rules[amount_column].low = -detail::max_amount;
                rules[amount_column].high = detail::max_amount;
                spending.rules.push_back(std::move(rules));
            }
        }
    }
    form.sheets.push_back(std::move(tasks));
    form.sheets.push_back(std::move(problems));
    form.sheets.push_back(std::move(spending));
    return form;
}

}  // namespace

SubmissionForm submission_form(const Campaign& campaign, const std::string& department, const FormOptions& options) {
    return make_form(campaign, department, options, false);
}

// ---------------------------------------------------------------------------------------------
// Reading a filled form

std::string to_string(const CellError& error, Language language) {
    return error.place.text(language) + (language == Language::zh ? "：" : ": ") + error.message.text(language);
}

namespace {

// "A", ..., "Z", "AA", ...: a column as spreadsheets name it.
std::string column_letters(std::size_t column) {
    std::string letters;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
}

// A value that reads the same in both languages, as a Message.
Message plain(const std::string& value) { return Message("{0}"_en, "{0}"_zh, {value}); }

// Where in its file a filled sheet's cell is: "sheet 任务, cell F4 (实际完成日期)".
class Places {
public:
    Places(const FilledSheet& sheet, const std::vector<std::string>& headings) : sheet_(sheet), headings_(headings) {}
    [[nodiscard]] Message cell(std::size_t row, std::size_t column) const {
        const std::string cell = column_letters(column) + std::to_string(row + 1);
        const std::string heading = column < headings_.size() ? headings_[column] : std::string();
        return Message("sheet {0}, cell {1} ({2})"_en, "工作表 {0}，单元格 {1}（{2}）"_zh, {sheet_.name, cell, heading});
    }
    [[nodiscard]] Message row(std::size_t row) const {
        return Message("sheet {0}, row {1}"_en, "工作表 {0}，第 {1} 行"_zh, {sheet_.name, std::to_string(row + 1)});
    }
    [[nodiscard]] Message sheet() const { return Message("sheet {0}"_en, "工作表 {0}"_zh, {sheet_.name}); }

private:
    const FilledSheet& sheet_;
    const std::vector<std::string>& headings_;
};

// A form that cannot be read at all: its file, where in it, what is wrong.
[[noreturn]] void refuse(const std::string& file, const Message& place, const Message& message) {
    throw ParseError(file, Message::Argument(place), message);
}

const SheetLayout* layout_named(const std::string& name) {
    for (const SheetLayout* layout : layouts())
        if (name == layout->id || name == layout->name.text(Language::zh) || name == layout->name.text(Language::en)) return layout;
    return nullptr;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return std::string();
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

const std::string& cell_of(const std::vector<std::string>& row, std::size_t column) {
    static const std::string empty;
    return column < row.size() ? row[column] : empty;
}

// A cell's value by its rule, or the problem with it.
struct Parsed {
    std::optional<double> number;
    std::optional<Date> date;
    std::optional<Message> problem;
};

Parsed parse_cell(const std::string& text, const CellRule& rule) {
    Parsed parsed;
    switch (rule.kind) {
    case CellKind::number: {
        double value = 0;
        if (detail::parse_decimal(text, value) != detail::NumberProblem::none) {
            parsed.problem = Message("\"{0}\" is not a number; expected a number such as 36.5"_en, "\"{0}\" 不是数字；应为数字，如 36.5"_zh, {text});
        } else if ((rule.low && value < *rule.low) || (rule.high && value > *rule.high)) {
            parsed.problem = Message("{0} is outside [{1}, {2}]; expected a value in that range"_en, "{0} 超出 [{1}, {2}]；应为该范围内的值"_zh,
                                     {format_number(value), rule.low ? format_number(*rule.low) : std::string("-∞"),
                                      rule.high ? format_number(*rule.high) : std::string("∞")});
        } else {
            parsed.number = value;
        }
        break;
    }
    case CellKind::yes_no: {
        static const std::set<std::string> yes{"是", "yes", "Yes", "YES", "y", "Y", "1", "true", "TRUE", "True"};
        static const std::set<std::string> no{"否", "no", "No", "NO", "n", "N", "0", "false", "FALSE", "False"};
        if (yes.count(text) != 0) parsed.number = 1.0;
        else if (no.count(text) != 0) parsed.number = 0.0;
        else parsed.problem = Message("\"{0}\" is not yes or no; expected yes or no"_en, "\"{0}\" 不是“是”或“否”；应为 是 或 否"_zh, {text});
        break;
    }
    case CellKind::date:
        try {
            if (text.size() != 10) throw Error(Message("wrong length"_en, "长度不对"_zh));
            parsed.date = parse_date(text, "cell");
        } catch (const Error&) {
            parsed.problem = Message("\"{0}\" is not a date; expected YYYY-MM-DD"_en, "\"{0}\" 不是日期；应为 YYYY-MM-DD"_zh, {text});
        }
        break;
    case CellKind::text:
        for (const char c : text)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                parsed.problem = Message("the text holds a control character; expected one line of text"_en, "文字中含控制字符；应为一行文字"_zh);
                break;
            }
        break;
    case CellKind::label: break;
    }
    return parsed;
}

// The cover's values by key.
std::map<std::string, std::string> read_cover(const FilledSheet& sheet) {
    std::map<std::string, std::string> values;
    for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
        const std::string key = trimmed(cell_of(sheet.rows[r], 0));
        if (!key.empty()) values[key] = trimmed(cell_of(sheet.rows[r], 2));
    }
    return values;
}

// The sheet's heading row, checked: each column's heading in either language, or its id.
void check_headings(const FilledSheet& sheet, const SheetLayout& layout) {
    const std::vector<std::string> none;
    const Places places(sheet, none);
    if (sheet.rows.empty()) refuse(sheet.file, places.sheet(), Message("the sheet is empty; expected its heading row"_en, "工作表为空；应有标题行"_zh));
    const std::vector<std::string>& headings = sheet.rows.front();
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
        const Column& column = layout.columns[c];
        const std::string found = trimmed(cell_of(headings, c));
        if (found != column.id && found != column.heading.text(Language::zh) && found != column.heading.text(Language::en))
            refuse(sheet.file, places.cell(0, c), Message("the heading is \"{0}\"; expected \"{1}\" (the form's columns in its order)"_en,
                                              "标题为 \"{0}\"；应为 \"{1}\"（模板的列，按原顺序）"_zh,
                                              {found, column.heading.text(Language::zh)}));
    }
}

}  // namespace

FormReading read_submission_form(const Campaign& campaign, const std::vector<FilledSheet>& sheets, const std::string& file) {
    std::map<std::string, const FilledSheet*> by_id;
    for (const FilledSheet& sheet : sheets) {
        const SheetLayout* layout = layout_named(trimmed(sheet.name));
        if (layout == nullptr) {
            std::string names;
            for (const SheetLayout* l : layouts()) names += (names.empty() ? "" : ", ") + l->name.text(Language::zh) + " / " + l->name.text(Language::en);
            refuse(sheet.file, plain(sheet.name), Message("\"{0}\" is not a sheet of a submission form; expected one of: {1}"_en,
                                                 "\"{0}\" 不是填报模板的工作表；应为以下之一: {1}"_zh, {sheet.name, names}));
        }
        if (!by_id.emplace(layout->id, &sheet).second)
            refuse(sheet.file, plain(sheet.name), Message("the form holds sheet \"{0}\" twice; expected it once"_en, "模板中工作表 \"{0}\" 出现两次；应只有一个"_zh,
                                                 {layout->name.text(Language::zh)}));
    }
    const auto cover_at = by_id.find("cover");
    if (cover_at == by_id.end())
        refuse(file, plain(""), Message("the form has no cover sheet; expected the sheet naming the campaign and department"_en,
                                      "模板没有“填报说明”工作表；应有注明创建方案和责任部门的工作表"_zh));
    const FilledSheet& cover_sheet = *cover_at->second;
    check_headings(cover_sheet, cover_layout());
    std::map<std::string, std::string> cover = read_cover(cover_sheet);
    const std::vector<std::string> none;
    const Places cover_places(cover_sheet, none);
    if (cover["campaign"] != campaign.spec().id)
        refuse(cover_sheet.file, cover_places.sheet(), Message("the form is for campaign \"{0}\"; expected \"{1}\""_en, "该模板属于创建方案 \"{0}\"；应为 \"{1}\""_zh,
                                             {cover["campaign"], campaign.spec().id}));
    FormOptions options;
    options.period = cover["period"];
    SubmissionForm form;
    try {
        form = make_form(campaign, cover["department"], options, true);
    } catch (const ValidationError& error) {
        refuse(cover_sheet.file, cover_places.sheet(), error.detail());
    }

    FormReading reading;
    Submission& submission = reading.submission;
    submission.department = form.department;
    submission.period = form.period;
    submission.file = file;
    submission.submitted_by = cover["submitted_by"];
    if (const auto* d = &department_of(campaign, form.department); !d->unit.empty()) submission.unit = d->unit;
    const std::optional<Date> period_end = form.period.empty() ? std::nullopt : std::optional<Date>(last_day_of(form.period));
    std::vector<Message> observation_places, task_places, problem_places, spending_places;

    for (std::size_t s = 1; s < form.sheets.size(); ++s) {
        const FormSheet& expected = form.sheets[s];
        const SheetLayout& layout = *layout_named(expected.id);
        const auto found = by_id.find(expected.id);
        if (found == by_id.end()) continue;  // a sheet left out says nothing
        const FilledSheet& sheet = *found->second;
        check_headings(sheet, layout);
        const Places places(sheet, sheet.rows.front());
        // The form's rows by their ids: the key columns before the first input.
        std::size_t keys = expected.id == "indicators" || expected.id == "spending" ? 2 : 1;
        std::map<std::vector<std::string>, std::size_t> rows;
        for (std::size_t r = 0; r < expected.cells.size(); ++r) {
            std::vector<std::string> key;
            for (std::size_t c = 0; c < keys; ++c) key.push_back(expected.cells[r][c == 1 ? 2 : 0]);
            rows.emplace(key, r);
        }
        const std::vector<std::size_t> key_columns = keys == 2 ? std::vector<std::size_t>{0, 2} : std::vector<std::size_t>{0};
        for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
            const std::vector<std::string>& row = sheet.rows[r];
            if (std::all_of(row.begin(), row.end(), [](const std::string& cell) { return trimmed(cell).empty(); })) continue;
            std::vector<std::string> key;
            for (std::size_t c : key_columns) key.push_back(trimmed(cell_of(row, c)));
            const auto at = rows.find(key);
            if (at == rows.end()) {
                std::string ids;  // every key of the row: "trees", "区级配套"
                for (const std::string& id : key) ids += (ids.empty() ? "\"" : ", \"") + id + "\"";
                reading.errors.push_back({places.cell(r, key_columns.back()),
                                          Message("{0} is not a row of this department's form; expected the ids the form gave"_en,
                                                  "{0} 不是该部门模板中的行；应为模板给出的代码"_zh, {ids})});
                continue;
            }
            const std::vector<CellRule>& rules = expected.rules[at->second];
            std::map<std::string, Parsed> inputs;  // by column id: the non-empty input cells, parsed
            std::map<std::string, std::string> texts;
            bool bad = false;
            for (std::size_t c = 0; c < rules.size(); ++c) {
                if (rules[c].kind == CellKind::label) continue;
                const std::string text = trimmed(cell_of(row, c));
                if (text.empty()) continue;
                Parsed parsed = parse_cell(text, rules[c]);
                if (parsed.problem) {
                    reading.errors.push_back({places.cell(r, c), *parsed.problem});
                    bad = true;
                }
                inputs[layout.columns[c].id] = std::move(parsed);
                texts[layout.columns[c].id] = text;
            }
            if (bad || inputs.empty()) continue;
            const auto input = [&](const char* id) -> const Parsed* {
                const auto i = inputs.find(id);
                return i == inputs.end() ? nullptr : &i->second;
            };
            const auto refuse_cell = [&](const char* id, Message message) {
                reading.errors.push_back({places.cell(r, column_of(layout, id)), std::move(message)});
            };
            const Message where = places.row(r);
            // The day in the "date" cell, else the period's last; refused (none) when neither, or after the period.
            const auto day_of = [&](Message missing) -> std::optional<Date> {
                const Parsed* date = input("date");
                const std::optional<Date> day = date ? date->date : period_end;
                if (!day) {
                    refuse_cell("date", std::move(missing));
                    return std::nullopt;
                }
                if (period_end && *day > *period_end) {
                    refuse_cell("date", Message("{0} is after the period {1}; expected a day on or before {2}"_en,
                                                "{0} 晚于填报期 {1}；应不晚于 {2}"_zh, {to_iso(*day), form.period, to_iso(*period_end)}));
                    return std::nullopt;
                }
                return day;
            };
            if (expected.id == "indicators") {
                const Parsed* value = input("value");
                if (value == nullptr) continue;  // a date or source alone says nothing
                const std::optional<Date> day = day_of(Message("the value has no date and the form no period; expected the day the value describes"_en,
                                                               "数值没有日期，模板也没有填报期；应填写数值所对应的日期"_zh));
                if (!day) continue;
                Observation observation;
                observation.unit = key[0];
                observation.indicator = key[1];
                observation.date = *day;
                observation.value = *value->number;
                observation.source = texts.count("source") != 0 ? texts["source"] : std::string();
                submission.observations.push_back(std::move(observation));
                observation_places.push_back(where);
            } else if (expected.id == "tasks") {
                const Parsed* start = input("actual_start");
                const Parsed* finish = input("actual_finish");
                if (start && finish && *finish->date < *start->date) {
                    refuse_cell("actual_finish", Message("{0} is before the actual start {1}; expected a finish on or after the start"_en,
                                                         "{0} 早于实际开始日期 {1}；完成日期应不早于开始日期"_zh,
                                                         {to_iso(*finish->date), to_iso(*start->date)}));
                    continue;
                }
                TaskReport report;
                report.task = key[0];
                if (const Parsed* percent = input("percent_complete")) report.percent_complete = percent->number;
                if (start) report.actual_start = start->date;
                if (finish) report.actual_finish = finish->date;
                submission.tasks.push_back(std::move(report));
                task_places.push_back(where);
            } else if (expected.id == "spending") {
                const Parsed* amount = input("amount");
                if (amount == nullptr || *amount->number == 0) continue;  // 0, or a date or note alone: nothing paid
                const std::optional<Date> day = day_of(Message("the payment has no date and the form no period; expected the day it was paid"_en,
                                                               "支出没有日期，模板也没有填报期；应填写支出日期"_zh));
                if (!day) continue;
                SpendingReport paid;
                paid.task = key[0];
                paid.account = key[1];
                paid.date = *day;
                paid.amount = *amount->number;
                paid.note = texts.count("note") != 0 ? texts["note"] : std::string();
                submission.spending.push_back(std::move(paid));
                spending_places.push_back(where);
            } else {
                const Parsed* closed = input("closed");
                const Date found_on = parse_date(expected.cells[at->second][column_of(layout, "found")], "found");
                if (closed && *closed->date < found_on) {
                    refuse_cell("closed", Message("{0} is before the problem was found ({1}); expected a day on or after it"_en,
                                                  "{0} 早于问题发现日期（{1}）；应不早于发现日期"_zh, {to_iso(*closed->date), to_iso(found_on)}));
                    continue;
                }
                ProblemUpdate update;
                update.problem = key[0];
                if (closed) update.closed = closed->date;
                update.note = texts.count("note") != 0 ? texts["note"] : std::string();
                submission.problems.push_back(std::move(update));
                problem_places.push_back(where);
            }
        }
    }
    reading.places = std::move(observation_places);
    reading.places.insert(reading.places.end(), task_places.begin(), task_places.end());
    reading.places.insert(reading.places.end(), problem_places.begin(), problem_places.end());
    reading.places.insert(reading.places.end(), spending_places.begin(), spending_places.end());
    return reading;
}

namespace {

// The form row of a store record name ("observations[3] (...)", "tasks[0]"), or none.
std::optional<Message> place_of(const FormReading& reading, const std::string& record) {
    const std::pair<const char*, std::size_t> kinds[] = {
        {"observations[", 0}, {"tasks[", reading.submission.observations.size()},
        {"problems[", reading.submission.observations.size() + reading.submission.tasks.size()},
        {"spending[", reading.submission.observations.size() + reading.submission.tasks.size() + reading.submission.problems.size()}};
    for (const auto& [prefix, offset] : kinds) {
        const std::size_t at = record.find(prefix);
        if (at == std::string::npos) continue;
        const std::size_t first = at + std::string(prefix).size();
        const std::size_t index = offset + std::stoul(record.substr(first, record.find(']', first) - first));
        if (index < reading.places.size()) return reading.places[index];
    }
    return std::nullopt;
}

// Every refused cell, after how many there are (a message is one line: "; " between them).
Message list_of(const std::vector<CellError>& errors) {
    std::string en = std::to_string(errors.size()) + " cells refused, nothing imported: ";
    std::string zh = std::to_string(errors.size()) + " 个单元格有误，未导入任何数据：";
    for (std::size_t k = 0; k < errors.size(); ++k) {
        en += (k == 0 ? "" : "; ") + to_string(errors[k], Language::en);
        zh += (k == 0 ? "" : "；") + to_string(errors[k], Language::zh);
    }
    return told(en, zh);
}

}  // namespace

ImportResult import_form(CampaignStore& store, const Campaign& campaign, const FormReading& reading, const Submission& provenance,
                         const ImportOptions& options) {
    const std::string& file = reading.submission.file;
    if (!reading.errors.empty() && !options.partial) throw ParseError(file, Message::Argument(std::string()), list_of(reading.errors));
    Submission submission = reading.submission;
    submission.submitted_at = provenance.submitted_at;
    if (!provenance.submitted_by.empty()) submission.submitted_by = provenance.submitted_by;
    ImportResult result;
    try {
        result = store.import_submission(campaign, submission, options);
    } catch (const ValidationError& error) {
        const std::optional<Message> place = place_of(reading, error.path());
        if (!place) throw;
        throw ParseError(file, Message::Argument(*place), error.detail());
    }
    for (RejectedRecord& rejected : result.rejected)
        if (const std::optional<Message> place = place_of(reading, rejected.record)) rejected.record = place->text(Language::en);
    for (const CellError& error : reading.errors) result.rejected.push_back({error.place.text(Language::en), error.message});
    return result;
}

}  // namespace civitas
