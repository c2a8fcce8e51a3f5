#include "commands.hpp"

#include <civitas/core/error.hpp>
#include <civitas/report/report.hpp>

#include <ostream>

namespace civitas::cli {

CLI::Option* add_csv_raw(Command& command, bool& raw) {
    return command.flag("--csv-raw", raw,
                        Message("with --format csv: cells as they are, for programs; by default a text cell starting\n"
                                "with = + - @, a tab or a carriage return gets a leading ' so that spreadsheets do not\n"
                                "run it as a formula"_en,
                                "与 --format csv 一起使用：单元格原样输出，供程序读取；默认在以 = + - @、\n"
                                "制表符或回车开头的文本单元格前加 '，以免电子表格将其作为公式执行"_zh));
}

void check_csv_raw(bool raw, const std::string& format) {
    if (raw && format != "csv") throw UsageError{Message("--csv-raw goes with --format csv"_en, "--csv-raw 只能与 --format csv 一起使用"_zh)};
}

ReportFormat document_format(const std::string& format, const std::string& output) {
    if (!format.empty()) return *enum_from_string<ReportFormat>(format);  // --format took only these names
    try {
        return report_format_of(output);
    } catch (const ValidationError& error) {
        throw UsageError{Message("{0} (with --format)"_en, "{0}（用 --format）"_zh, {error.full_message()})};
    }
}

void write_document(const std::string& text, const std::string& output, const Context& context) {
    if (output.empty()) {
        context.out << text;
        return;
    }
    save_report_text(text, output);
    context.err << "civitas: " << Message("wrote {0}"_en, "已写入 {0}"_zh, {output}).text(context.language) << "\n";
}

void add_commands(Program& program) {
    add_validate(program);
    add_score(program);
    add_report(program);
    add_circular(program);
    add_template(program);
    add_import(program);
    add_submissions(program);
    add_history(program);
    add_list(program);
    add_help(program);
}

}  // namespace civitas::cli
