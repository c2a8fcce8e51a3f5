// civitas import CAMPAIGN FILE
#include "commands.hpp"

#include "cli.hpp"
#include "store.hpp"

#include <civitas/civitas.hpp>

#include "core/detail/number_format.hpp"

#include <memory>
#include <ostream>

namespace civitas::cli {

namespace {

struct ImportArguments {
    std::string campaign;
    std::string file;
    std::string submitted_by;
    std::optional<Date> submitted_on;
    std::string department;
    std::string period;
    bool partial = false;
    bool allow_outside = false;
};

// What an import changed, one line each after the summary.
void tell(const ImportResult& result, const Context& context) {
    const Language language = context.language;
    context.out << to_string(result, language) << "\n";
    for (const ValueChange& change : result.new_values)
        context.out << "  " << Message("new: {0} {1} {2} = {3}"_en, "新增：{0} {1} {2} = {3}"_zh,
                                       {change.unit, change.indicator, to_iso(change.date), detail::format_number(change.new_value)})
                                   .text(language)
                    << "\n";
    for (const ValueChange& change : result.corrections)
        context.out << "  " << Message("corrected: {0} {1} {2}: {3} -> {4}"_en, "更正：{0} {1} {2}：{3} -> {4}"_zh,
                                       {change.unit, change.indicator, to_iso(change.date), detail::format_number(change.old_value.value_or(0)),
                                        detail::format_number(change.new_value)})
                                   .text(language)
                    << "\n";
    for (const std::string& task : result.tasks_finished)
        context.out << "  " << Message("task finished: {0}"_en, "任务完成：{0}"_zh, {task}).text(language) << "\n";
    for (const std::string& problem : result.problems_closed)
        context.out << "  " << Message("problem closed: {0}"_en, "问题销号：{0}"_zh, {problem}).text(language) << "\n";
    for (const RejectedRecord& rejected : result.rejected)
        context.out << "  " << Message("left out: {0}"_en, "未导入：{0}"_zh, {to_string(rejected, language)}).text(language) << "\n";
}

int import_file(const ImportArguments& arguments, const Context& context) {
    ReadOptions reading;
    reading.allow_outside = arguments.allow_outside;
    const Campaign campaign = load_campaign(arguments.campaign, reading);
    CampaignStore store(store_path(arguments.campaign, arguments.allow_outside));
    Submission provenance;
    provenance.submitted_by = arguments.submitted_by;
    provenance.submitted_at = arguments.submitted_on.value_or(boost::gregorian::day_clock::local_day());
    ImportOptions options;
    options.partial = arguments.partial;

    const std::filesystem::path path(arguments.file);
    const std::string extension = path.extension().string();
    const bool csv_form = is_csv_form(path);
    if (extension == ".xlsx" || csv_form) {
        if (!arguments.department.empty() || !arguments.period.empty())
            throw UsageError{Message("--department and --period are for observation files; a form names its own"_en,
                                     "--department 和 --period 仅用于观测数据文件；填报模板自带这些信息"_zh)};
        std::vector<FilledSheet> sheets;
        if (extension == ".xlsx") {
            if (!context.workbooks.read) throw UsageError{no_workbooks()};
            sheets = context.workbooks.read(arguments.file);
        } else {
            sheets = read_form_csv(path, reading);
        }
        const FormReading form = read_submission_form(campaign, sheets, path.filename().string());
        if (!form.errors.empty() && !options.partial) {  // every refused cell on its own line
            context.err << "civitas: "
                        << Message("{0}: {1} cells refused, nothing imported:"_en, "{0}：{1} 个单元格有误，未导入任何数据："_zh,
                                   {form.submission.file, std::to_string(form.errors.size())})
                               .text(context.language)
                        << "\n";
            for (const CellError& error : form.errors) context.err << "  " << to_string(error, context.language) << "\n";
            return invalid_input;
        }
        tell(import_form(store, campaign, form, provenance, options), context);
        return success;
    }
    // An observation file (CSV or JSON), as a campaign names them.
    provenance.department = arguments.department;
    provenance.period = arguments.period;
    const Submission submission = read_observation_submission(path, provenance, reading);
    tell(store.import_submission(campaign, submission, options), context);
    return success;
}

}  // namespace

void add_import(Program& program) {
    auto arguments = std::make_shared<ImportArguments>();
    Command& command = program.add("import", Message("imports a filled form or an observation file into the campaign's store, all or nothing"_en,
                                                     "将填好的填报模板或观测数据文件导入活动数据库，要么全部导入，要么不导入"_zh));
    command.argument(arguments->campaign, Message("CAMPAIGN"_en, "创建方案"_zh),
                     Message("a campaign file (.json) naming its store (\"store\")"_en, "指定了活动数据库（\"store\"）的创建方案文件（.json）"_zh));
    command.argument(arguments->file, Message("FILE"_en, "文件"_zh),
                     Message("a filled form (.xlsx, or any file of a .csv form) or an observation file (.csv, .json)"_en,
                             "填好的填报模板（.xlsx，或 .csv 模板中的任一文件）或观测数据文件（.csv、.json）"_zh));
    command.option("--submitted-by", arguments->submitted_by, Message("NAME"_en, "姓名"_zh),
                   Message("who submitted it; default the one the form's cover names"_en, "报送人；默认取模板中的“填报人”"_zh));
    command.date("--submitted-on", arguments->submitted_on,
                 Message("the day it was submitted: its values become known on it; default today"_en, "报送日期：数据自该日起视为已知；默认今天"_zh));
    command.option("--department", arguments->department, Message("ID"_en, "标识"_zh),
                   Message("observation files: the department submitting them"_en, "观测数据文件：报送的责任部门"_zh));
    command.option("--period", arguments->period, Message("YYYY-MM"_en, "年月"_zh),
                   Message("observation files: the month they report on"_en, "观测数据文件：所报告的月份"_zh));
    command.flag("--partial", arguments->partial,
                 Message("imports the valid records and lists the refused; default: any invalid cell or record refuses it all"_en,
                         "导入有效记录并列出被拒记录；默认：任一单元格或记录无效则全部不导入"_zh));
    command.flag("--allow-outside", arguments->allow_outside,
                 Message("lets the campaign name any file, outside its folder too"_en, "允许创建方案引用任意文件，包括其文件夹之外的"_zh));
    command.action([arguments](const Context& context) { return import_file(*arguments, context); });
}

}  // namespace civitas::cli
