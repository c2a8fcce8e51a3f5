// civitas submissions CAMPAIGN [--withdraw ID --by NAME [--on DATE]]
#include "commands.hpp"

#include "cli.hpp"
#include "store.hpp"

#include <civitas/civitas.hpp>

#include <nlohmann/json.hpp>

#include <memory>
#include <ostream>

namespace civitas::cli {

namespace {

struct SubmissionsArguments {
    std::string campaign;
    std::string format = "text";
    bool raw = false;
    std::optional<int> withdraw;
    std::string by;
    std::optional<Date> on;
    bool allow_outside = false;
};

nlohmann::ordered_json record_json(const SubmissionRecord& s) {
    return {{"id", s.id},
            {"department", s.department},
            {"unit", s.unit},
            {"submitted_by", s.submitted_by},
            {"submitted_at", to_iso(s.submitted_at)},
            {"period", s.period},
            {"file", s.file},
            {"observations", s.observations},
            {"task_reports", s.task_reports},
            {"problem_updates", s.problem_updates},
            {"spending_reports", s.spending_reports},
            {"status", to_string(s.status)},
            {"withdrawn_by", s.withdrawn_at ? nlohmann::ordered_json(s.withdrawn_by) : nlohmann::ordered_json()},
            {"withdrawn_at", s.withdrawn_at ? nlohmann::ordered_json(to_iso(*s.withdrawn_at)) : nlohmann::ordered_json()}};
}

void write_csv(const std::vector<SubmissionRecord>& records, bool raw, std::ostream& out) {
    out << "id,department,unit,submitted_by,submitted_at,period,file,observations,task_reports,problem_updates,spending_reports,status,"
           "withdrawn_by,withdrawn_at\n";
    for (const SubmissionRecord& s : records)
        out << std::to_string(s.id) << "," << csv_field(s.department, raw) << "," << csv_field(s.unit, raw) << ","
            << csv_field(s.submitted_by, raw) << "," << to_iso(s.submitted_at) << "," << csv_field(s.period, raw) << ","
            << csv_field(s.file, raw) << "," << std::to_string(s.observations) << "," << std::to_string(s.task_reports) << ","
            << std::to_string(s.problem_updates) << "," << std::to_string(s.spending_reports) << "," << to_string(s.status) << ","
            << csv_field(s.withdrawn_by, raw) << ","
            << day_text(s.withdrawn_at) << "\n";
}

void write_table(const std::vector<SubmissionRecord>& records, Language language, std::ostream& out) {
    std::vector<std::vector<std::string>> rows;
    for (const SubmissionRecord& s : records)
        rows.push_back({std::to_string(s.id), s.department, s.unit, s.submitted_by, to_iso(s.submitted_at), s.period, s.file,
                        std::to_string(s.observations), std::to_string(s.task_reports), std::to_string(s.problem_updates),
                        std::to_string(s.spending_reports), status_text(s.status, s.withdrawn_by, s.withdrawn_at, language)});
    const std::vector<std::string> header =
        language == Language::zh
            ? std::vector<std::string>{"编号", "部门", "单位", "报送人", "报送日期", "期间", "文件", "观测值", "任务进度", "问题整改", "经费支出", "状态"}
            : std::vector<std::string>{"id", "department", "unit", "submitted by", "submitted at", "period", "file", "observations",
                                       "tasks", "problems", "payments", "status"};
    out << text_table(header, rows, {true, false, false, false, false, false, false, true, true, true, true, false});
}

int withdraw(const SubmissionsArguments& arguments, const std::filesystem::path& path, const Context& context) {
    const Date on = arguments.on.value_or(boost::gregorian::day_clock::local_day());
    if (!std::filesystem::exists(path))  // not created by a withdrawal: it has no submissions yet
        throw NotFoundError(Message("{0}: there is no submission {1}: the campaign store has no submissions yet; expected the id of one of its submissions"_en,
                                    "{0}: 没有编号为 {1} 的报送：活动数据库中尚无报送；应为其中某次报送的编号"_zh,
                                    {path.string(), std::to_string(*arguments.withdraw)}));
    CampaignStore store(path);
    try {
        store.withdraw(*arguments.withdraw, arguments.by, on);
    } catch (const ValidationError& error) {  // withdrawn already: said with the store's file in front
        throw Error(Message("{0}: {1}"_en, "{0}: {1}"_zh, {path.string(), error.full_message()}));
    }
    const SubmissionRecord s = store.submission(*arguments.withdraw);
    if (arguments.format == "json") {
        context.out << record_json(s).dump(2) << "\n";
    } else if (arguments.format == "csv") {
        write_csv({s}, arguments.raw, context.out);
    } else {
        context.out << Message("withdrew submission {0}: its {1} observations, {2} task reports, {3} problem updates and {4} payments no longer count"_en,
                               "已撤回第 {0} 号报送：其 {1} 条观测值、{2} 条任务进度、{3} 条问题整改和 {4} 笔经费支出不再计入"_zh,
                               {std::to_string(s.id), std::to_string(s.observations), std::to_string(s.task_reports),
                                std::to_string(s.problem_updates), std::to_string(s.spending_reports)})
                           .text(context.language)
                    << "\n\n";
        write_table({s}, context.language, context.out);
    }
    return success;
}

int submissions(const SubmissionsArguments& arguments, const Context& context) {
    check_csv_raw(arguments.raw, arguments.format);
    if (!arguments.withdraw && !arguments.by.empty())
        throw UsageError{Message("--by goes with --withdraw"_en, "--by 只能与 --withdraw 一起使用"_zh)};
    if (!arguments.withdraw && arguments.on)
        throw UsageError{Message("--on goes with --withdraw"_en, "--on 只能与 --withdraw 一起使用"_zh)};
    if (arguments.withdraw && arguments.by.empty())
        throw UsageError{Message("--withdraw needs --by NAME: who withdraws it"_en, "--withdraw 需要 --by 姓名：由谁撤回"_zh)};
    const std::filesystem::path path = store_path(arguments.campaign, arguments.allow_outside);
    if (arguments.withdraw) return withdraw(arguments, path, context);

    const std::optional<CampaignStore> store = store_for_reading(path);
    const std::vector<SubmissionRecord> records = store ? store->submissions() : std::vector<SubmissionRecord>();
    if (arguments.format == "json") {
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const SubmissionRecord& s : records) rows.push_back(record_json(s));
        context.out << rows.dump(2) << "\n";
    } else if (arguments.format == "csv") {
        write_csv(records, arguments.raw, context.out);
    } else if (records.empty()) {
        context.out << Message("no submissions yet in the campaign store {0}"_en, "活动数据库 {0} 中尚无报送"_zh, {path.string()}).text(context.language)
                    << "\n";
    } else {
        std::size_t withdrawn = 0;
        for (const SubmissionRecord& s : records) withdrawn += s.status == SubmissionStatus::withdrawn ? 1 : 0;
        context.out << Message("{0} submissions ({1} withdrawn) in the campaign store {2}"_en, "活动数据库 {2} 中共 {0} 次报送（已撤回 {1} 次）"_zh,
                               {std::to_string(records.size()), std::to_string(withdrawn), path.string()})
                           .text(context.language)
                    << "\n\n";
        write_table(records, context.language, context.out);
    }
    return success;
}

}  // namespace

void add_submissions(Program& program) {
    auto arguments = std::make_shared<SubmissionsArguments>();
    Command& command = program.add("submissions", Message("lists the submissions imported into the campaign store, or withdraws one"_en,
                                                          "列出导入活动数据库的报送，或撤回其中一次"_zh));
    command.argument(arguments->campaign, Message("CAMPAIGN"_en, "创建方案"_zh),
                     Message("a campaign file (.json) that names a store (\"store\")"_en, "指定了活动数据库（\"store\"）的创建方案文件（.json）"_zh));
    command.choice("--format", arguments->format, {"text", "csv", "json"},
                   Message("text (a table, headings in the language of messages; default), csv or json\n"
                           "(an array of objects; with --withdraw, the one withdrawn)"_en,
                           "text（表格，表头语言同提示信息；默认）、csv 或 json（对象数组；\n"
                           "与 --withdraw 一起使用时为被撤回的那一次）"_zh));
    add_csv_raw(command, arguments->raw);
    command.whole_number("--withdraw", arguments->withdraw, 1, Message("ID"_en, "编号"_zh),
                         Message("withdraws the submission ID: its records stay in the store but no longer count"_en,
                                 "撤回该编号的报送：其记录仍保留在数据库中，但不再计入"_zh));
    command.option("--by", arguments->by, Message("NAME"_en, "姓名"_zh),
                   Message("with --withdraw: who withdraws it (required)"_en, "与 --withdraw 一起使用：撤回人（必填）"_zh));
    command.date("--on", arguments->on,
                 Message("with --withdraw: the day it is withdrawn (YYYY-MM-DD); default today"_en,
                         "与 --withdraw 一起使用：撤回日期（YYYY-MM-DD）；默认今天"_zh));
    command.flag("--allow-outside", arguments->allow_outside,
                 Message("lets the campaign name a store outside its folder"_en, "允许创建方案指定其文件夹之外的活动数据库"_zh));
    command.notes(Message("Submissions in the order they were imported. Listing only reads the store (one not\n"
                          "created yet has no submissions); --withdraw writes to it. An unknown id or one withdrawn\n"
                          "already is invalid input (exit status 3)."_en,
                          "报送按导入先后排列。列出时只读取活动数据库（尚未创建的数据库没有报送）；--withdraw 会写入。\n"
                          "编号不存在或已撤回为无效输入（退出状态 3）。"_zh));
    command.action([arguments](const Context& context) { return submissions(*arguments, context); });
}

}  // namespace civitas::cli
