// civitas template CAMPAIGN --department ID -o FORM.xlsx|FORM.csv
#include "commands.hpp"

#include "cli.hpp"

#include <civitas/civitas.hpp>

#include <memory>
#include <ostream>

namespace civitas::cli {

namespace {

struct TemplateArguments {
    std::string campaign;
    std::string department;
    std::string period;
    std::string output;
    std::optional<Date> as_of;
    bool allow_outside = false;
};

// The form's kind by the output's extension: "xlsx" or "csv"; else a usage error.
std::string form_kind(const std::string& output) {
    const std::string extension = std::filesystem::path(output).extension().string();
    if (extension == ".xlsx" || extension == ".csv") return extension.substr(1);
    throw UsageError{Message("-o {0}: a form is written as .xlsx or .csv; expected a file name ending in one of them"_en,
                             "-o {0}：模板只能写成 .xlsx 或 .csv；文件名应以其一结尾"_zh, {output})};
}

int write_template(const TemplateArguments& arguments, const Context& context) {
    const std::string kind = form_kind(arguments.output);
    if (kind == "xlsx" && !context.workbooks.write) throw UsageError{no_workbooks()};
    ReadOptions reading;
    reading.allow_outside = arguments.allow_outside;
    const Campaign campaign = load_campaign(arguments.campaign, reading);
    FormOptions options;
    options.period = arguments.period;
    options.as_of = arguments.as_of;
    options.language = context.chosen_language ? *context.chosen_language
                                               : campaign.spec().language == "en" ? Language::en : Language::zh;
    SubmissionForm form;
    try {
        form = submission_form(campaign, arguments.department, options);
    } catch (const ValidationError& error) {
        if (error.path() != "period") throw;
        throw UsageError{Message("--period: {0}"_en, "--period 选项：{0}"_zh, {error.detail()})};
    }
    if (kind == "xlsx") {
        context.workbooks.write(form, arguments.output);
    } else {
        (void)save_form_csv(form, arguments.output);
    }
    const auto rows = [&](std::size_t sheet) { return std::to_string(form.sheets[sheet].cells.size()); };
    context.err << "civitas: "
                << Message("wrote {0}: {1} indicator rows, {2} tasks, {3} problems for {4}"_en, "已写入 {0}：指标 {1} 行，任务 {2} 项，问题 {3} 个，责任部门 {4}"_zh,
                           {kind == "csv" ? form_csv_file(arguments.output, "cover").string() + " …" : arguments.output, rows(1), rows(2), rows(3),
                            form.department})
                       .text(context.language)
                << "\n";
    return success;
}

}  // namespace

Message no_workbooks() {
    return Message("this civitas cannot write or read .xlsx: run the civitas command of the Python package with its office "
                   "extra (pip install 'civitas[office]'), or use a .csv form"_en,
                   "此 civitas 不能读写 .xlsx：请使用 Python 包（含 office 附加组件，pip install 'civitas[office]'）提供的 civitas 命令，"
                   "或改用 .csv 模板"_zh);
}

void add_template(Program& program) {
    auto arguments = std::make_shared<TemplateArguments>();
    Command& command = program.add("template", Message("writes a department's submission form for a month: .xlsx or .csv"_en,
                                                       "生成责任部门某月的填报模板：.xlsx 或 .csv"_zh));
    command.argument(arguments->campaign, Message("CAMPAIGN"_en, "创建方案"_zh), Message("a campaign file (.json)"_en, "创建方案文件（.json）"_zh));
    command.option("--department", arguments->department, Message("ID"_en, "标识"_zh),
                   Message("the department whose form it is (an id of the campaign's departments)"_en, "填报的责任部门（创建方案中的部门标识）"_zh))
        ->required();
    command.option("--period", arguments->period, Message("YYYY-MM"_en, "年月"_zh),
                   Message("the month it reports on: its last day is filled in as the values' date"_en,
                           "填报的月份：其最后一天预填为数值的日期"_zh));
    command.date("--as-of", arguments->as_of,
                 Message("the form as of that day: the last values dated on or before it, the tasks not finished and\n"
                         "the problems not closed by it; default all that is known"_en,
                         "按该日生成模板：上次数值取该日及之前的最新值，列出该日尚未完成的任务和尚未销号的问题；\n"
                         "默认按已知的全部数据"_zh));
    command.option("-o,--output", arguments->output, Message("FILE"_en, "文件"_zh),
                   Message("FILE.xlsx, a workbook (needs the Python package's command), or FILE.csv: one file a sheet,\n"
                           "FILE.cover.csv, FILE.indicators.csv, FILE.tasks.csv, FILE.problems.csv"_en,
                           "FILE.xlsx 为工作簿（需 Python 包提供的命令）；FILE.csv 则每个工作表一个文件：\n"
                           "FILE.cover.csv、FILE.indicators.csv、FILE.tasks.csv、FILE.problems.csv"_zh))
        ->required();
    command.flag("--allow-outside", arguments->allow_outside,
                 Message("lets the campaign name any file, outside its folder too"_en, "允许创建方案引用任意文件，包括其文件夹之外的"_zh));
    command.app().get_option("--lang")->description(
        Message("the language of the form's headings and of messages, zh or en; default the campaign's language"_en,
                "模板标题和提示信息的语言，zh 或 en；默认取创建方案的语言"_zh)
            .text(program.language()));
    command.action([arguments](const Context& context) { return write_template(*arguments, context); });
}

}  // namespace civitas::cli
