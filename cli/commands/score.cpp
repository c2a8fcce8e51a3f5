// civitas score FRAMEWORK DATA.csv
#include "commands.hpp"

#include "cli.hpp"

#include <civitas/civitas.hpp>

#include <nlohmann/json.hpp>

#include <iomanip>
#include <locale>
#include <memory>
#include <ostream>
#include <sstream>

namespace civitas::cli {

namespace {

struct ScoreArguments {
    std::string framework;
    std::string data;
    std::string format = "text";
    bool raw = false;
    std::string class_column;
};

std::string number_text(double value) {
    std::ostringstream out;
    out.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
    out << std::setprecision(10) << value;
    return out.str();
}

int score(const ScoreArguments& arguments, const Context& context) {
    check_csv_raw(arguments.raw, arguments.format);
    std::ostream& out = context.out;
    const Framework framework = load_framework_or_bundled(arguments.framework);
    const ValueTable table = load_value_table(arguments.data, arguments.class_column);
    EvaluateOptions options;
    options.nan_as_missing = true;  // the table reader turns empty cells into NaN and rejects written NaNs
    const BatchEvaluation batch = [&] {
        try {
            return evaluate_many(framework, table.values, table.columns, table.units, table.classes, options);
        } catch (const NotFoundError& error) {  // a column that is no indicator: a fault of the table
            throw ParseError(arguments.data, file_position(1),
                             Message("{0}; expected one of its indicators (civitas validate lists them) or --class-column"_en,
                                     "{0}；应为其中的指标（civitas validate 可列出），或用 --class-column 指定类别列"_zh, {error.full_message()}));
        }
    }();

    if (arguments.format == "json") {  // written unit by unit: memory does not grow with the table
        out << "{\n  \"framework\": " << nlohmann::ordered_json(framework.id()).dump() << ",\n  \"units\": [";
        for (std::size_t r = 0; r < batch.size(); ++r) {
            std::string unit = evaluation_to_json(unit_evaluation(framework, batch, r), 2);
            for (std::size_t at = unit.find('\n'); at != std::string::npos; at = unit.find('\n', at + 5)) unit.replace(at, 1, "\n    ");
            out << (r == 0 ? "\n    " : ",\n    ") << unit;
        }
        out << (batch.size() == 0 ? "]\n}\n" : "\n  ]\n}\n");
    } else if (arguments.format == "csv") {
        out << "unit,total,passed,decided_by,met,assessed,indicators,coverage,basic_failed,reason\n";
        for (std::size_t r = 0; r < batch.size(); ++r) {
            const Evaluation e = unit_evaluation(framework, batch, r);
            std::string basic;
            for (const std::string& id : e.basic_failed) basic += (basic.empty() ? "" : ";") + id;
            out << csv_field(e.unit, arguments.raw) << "," << (e.total ? number_text(*e.total) : "") << "," << (e.passed ? "true" : "false")
                << "," << to_string(e.decided_by) << "," << std::to_string(e.met) << "," << std::to_string(e.assessed) << ","
                << std::to_string(e.indicators.size()) << "," << number_text(e.coverage) << "," << csv_field(basic, arguments.raw) << ","
                << csv_field(e.reason.text(Language::en), arguments.raw) << "\n";
        }
    } else {
        out << to_string(framework, context.language) << ": " << framework.name() << "\n";
        for (std::size_t r = 0; r < batch.size(); ++r) out << "\n" << to_string(unit_evaluation(framework, batch, r), framework, context.language) << "\n";
    }
    int status = success;
    for (std::size_t r = 0; r < batch.size(); ++r)
        if (!batch.errors[r].empty()) {
            context.err << "civitas: "
                        << Message("{0}: unit '{1}': {2}"_en, "{0}: 单位 '{1}': {2}"_zh, {arguments.data, batch.units[r], batch.errors[r]})
                               .text(context.language)
                        << "\n";
            status = invalid_input;
        }
    return status;
}

}  // namespace

void add_score(Program& program) {
    auto arguments = std::make_shared<ScoreArguments>();
    Command& command = program.add("score", Message("scores each unit of a table against a framework"_en, "按测评体系为表中各单位评分"_zh));
    command.argument(arguments->framework, Message("FRAMEWORK"_en, "测评体系"_zh),
                     Message("a framework file (.json) or the id of a bundled framework (`civitas list` lists them)"_en,
                             "测评体系文件（.json）或内置测评体系的标识（见 `civitas list`）"_zh));
    command.argument(arguments->data, Message("DATA.csv"_en, "数据.csv"_zh),
                     Message("the unit id in the first column, indicator ids as the other columns' names;\n"
                             "an empty cell is missing data"_en,
                             "第一列为单位标识，其余各列列名为指标标识；空单元格为缺失数据"_zh));
    command.choice("--format", arguments->format, {"text", "json", "csv"},
                   Message("text (a summary per unit, in the language of messages; default),\n"
                           "json (every field of every evaluation) or csv (one row per unit)"_en,
                           "text（每个单位一段摘要，语言同提示信息；默认）、\n"
                           "json（每个评价的全部字段）或 csv（每个单位一行）"_zh));
    add_csv_raw(command, arguments->raw);
    command.option("--class-column", arguments->class_column, Message("NAME"_en, "列名"_zh),
                   Message("the column holding each unit's class (for pass lines that differ by class),\n"
                           "not an indicator"_en,
                           "存放各单位类别的列（达标线因类别而异时），不作为指标"_zh));
    command.notes(Message("A unit with invalid data is told on the standard error (exit status 3); the other\n"
                          "units are still written."_en,
                          "数据无效的单位在标准错误中说明（退出状态 3），其他单位照常输出。"_zh));
    command.action([arguments](const Context& context) { return score(*arguments, context); });
}

}  // namespace civitas::cli
