// civitas report CAMPAIGN
#include "commands.hpp"

#include "cli.hpp"
#include "store.hpp"

#include <civitas/civitas.hpp>

#include <memory>
#include <optional>
#include <ostream>

namespace civitas::cli {

namespace {

struct ReportArguments {
    std::string campaign;
    std::optional<Date> as_of;
    std::optional<Date> known_on;
    std::string format;
    std::string output;
    std::optional<int> max_items;
    bool allow_outside = false;
};

int report(const ReportArguments& arguments, const Context& context) {
    const ReportFormat format = document_format(arguments.format, arguments.output);
    ReportOptions options;
    if (context.chosen_language) options.language = *context.chosen_language;
    options.readiness.known_on = arguments.known_on;
    if (arguments.max_items) options.max_items = *arguments.max_items;
    const Date as_of = arguments.as_of.value_or(boost::gregorian::day_clock::local_day());

    ReadOptions reading;
    reading.allow_outside = arguments.allow_outside;
    const Campaign campaign = load_campaign(arguments.campaign, reading);
    const auto& rejected = campaign.rejected_observations();
    if (!rejected.empty())
        context.err << "civitas: "
                    << Message("{0} rows of the observation files were left out; the first: {1}: {2}"_en,
                               "观测数据文件中有 {0} 行被剔除；第一行: {1}: {2}"_zh,
                               {std::to_string(rejected.size()), rejected.front().first, to_string(rejected.front().second, context.language)})
                           .text(context.language)
                    << "\n";
    options.submissions = store_submissions(arguments.campaign, arguments.allow_outside, campaign, context);
    const Report built = build_report(campaign, as_of, options);
    write_document(render(built, format), arguments.output, context);
    return success;
}

}  // namespace

void add_report(Program& program) {
    auto arguments = std::make_shared<ReportArguments>();
    Command& command = program.add("report", Message("writes a campaign's report as of a date: text, Markdown, HTML or JSON"_en,
                                                     "生成创建方案截至某日的报告：文本、Markdown、HTML 或 JSON"_zh));
    command.argument(arguments->campaign, Message("CAMPAIGN"_en, "创建方案"_zh),
                     Message("a campaign file (.json); the files it names must lie in its folder or below"_en,
                             "创建方案文件（.json）；其引用的文件须位于其所在文件夹或子文件夹中"_zh));
    command.date("--as-of", arguments->as_of, Message("the date the report is as of (YYYY-MM-DD); default today"_en,
                                                      "报告截至的日期（YYYY-MM-DD）；默认今天"_zh));
    command.date("--known-on", arguments->known_on,
                 Message("the report as the data was known on that day: later corrections left out"_en,
                         "按该日所知的数据生成报告：不含其后的更正"_zh));
    command.choice("--format", arguments->format, {"text", "markdown", "html", "json"},
                   Message("the report's format; default the one -o FILE's extension names (.txt or none, .md,\n"
                           ".html, .json; any other is a usage error), else text"_en,
                           "报告格式；默认按 -o 文件的扩展名确定（.txt 或无扩展名、.md、.html、.json；\n"
                           "其他扩展名为用法错误），否则为 text"_zh));
    command.option("-o,--output", arguments->output, Message("FILE"_en, "文件"_zh),
                   Message("writes the report to FILE, replaced whole or not at all (a device such as /dev/null\n"
                           "or /dev/stdout is written in place); default the standard output"_en,
                           "将报告写入文件，整体替换，不会只写一半（/dev/null、/dev/stdout 等设备直接写入）；\n"
                           "默认写到标准输出"_zh));
    command.whole_number("--max-items", arguments->max_items, 1, Message("N"_en, "N"_zh),
                         Message("most rows in each list of a title's page (default 8: a title fits one A4 sheet)"_en,
                                 "每个称号页面中每个列表最多列出的行数（默认 8，使一个称号占一页 A4 纸）"_zh));
    command.flag("--allow-outside", arguments->allow_outside,
                 Message("lets the campaign name any file, outside its folder too"_en, "允许创建方案引用任意文件，包括其文件夹之外的"_zh));
    command.app().get_option("--lang")->description(
        Message("the language of the report and of messages, zh or en; default the campaign's language\n"
                "for the report, the locale's (LC_ALL, LC_MESSAGES, LANG) for messages"_en,
                "报告和提示信息的语言，zh 或 en；报告默认取创建方案的语言，\n"
                "提示信息默认取区域设置（LC_ALL、LC_MESSAGES、LANG）"_zh)
            .text(program.language()));
    command.action([arguments](const Context& context) { return report(*arguments, context); });
}

}  // namespace civitas::cli
