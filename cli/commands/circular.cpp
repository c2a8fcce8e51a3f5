// civitas circular CAMPAIGN
#include "commands.hpp"

#include "cli.hpp"
#include "store.hpp"

#include <civitas/civitas.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>

namespace civitas::cli {

namespace {

struct CircularArguments {
    std::string campaign;
    std::optional<Date> as_of;
    std::optional<Date> since;
    std::string format;
    std::string output;
    std::optional<int> max_items;
    bool allow_outside = false;
};

int circular(const CircularArguments& arguments, const Context& context) {
    const ReportFormat format = document_format(arguments.format, arguments.output);
    CircularOptions options;
    options.language = context.chosen_language;
    options.since = arguments.since;
    if (arguments.max_items) options.max_items = static_cast<std::size_t>(*arguments.max_items);
    if (options.since && arguments.as_of && *options.since >= *arguments.as_of)
        throw UsageError{Message("--since {0} is not before --as-of {1}; expected an earlier date"_en,
                                 "--since {0} 不早于 --as-of {1}；应为更早的日期"_zh, {to_iso(*options.since), to_iso(*arguments.as_of)})};

    ReadOptions reading;
    reading.allow_outside = arguments.allow_outside;
    const Campaign campaign = load_campaign(arguments.campaign, reading);
    const std::vector<SubmissionRecord> submissions = store_submissions(arguments.campaign, arguments.allow_outside, campaign, context).value_or(std::vector<SubmissionRecord>());
    const Circular built = build_circular(campaign, *arguments.as_of, submissions, options);
    write_document(render(built, format), arguments.output, context);
    return success;
}

}  // namespace

void add_circular(Program& program) {
    auto arguments = std::make_shared<CircularArguments>();
    Command& command = program.add("circular", Message("writes a campaign's supervision circular: departments ranked, overdue work, changes, accountability"_en,
                                                       "生成创建方案的督查通报：部门排名、逾期事项、变化情况、问责"_zh));
    command.argument(arguments->campaign, Message("CAMPAIGN"_en, "创建方案"_zh),
                     Message("a campaign file (.json); the files it names must lie in its folder or below; its store's\n"
                             "submissions are counted against its submission schedule"_en,
                             "创建方案文件（.json）；其引用的文件须位于其所在文件夹或子文件夹中；\n"
                             "按其报送安排统计其数据库中的报送"_zh));
    command.date("--as-of", arguments->as_of, Message("the date of the circular (YYYY-MM-DD)"_en, "通报的日期（YYYY-MM-DD）"_zh))->required();
    command.date("--since", arguments->since,
                 Message("the earlier date changes and earlier ranks are counted from; default a month before --as-of"_en,
                         "统计变化和上期名次的较早日期；默认为 --as-of 的前一个月同日"_zh));
    command.choice("--format", arguments->format, {"text", "markdown", "html", "json"},
                   Message("the circular's format; default the one -o FILE's extension names (.txt or none, .md,\n"
                           ".html, .json), else text"_en,
                           "通报格式；默认按 -o 文件的扩展名确定（.txt 或无扩展名、.md、.html、.json），\n"
                           "否则为 text"_zh));
    command.option("-o,--output", arguments->output, Message("FILE"_en, "文件"_zh),
                   Message("writes the circular to FILE, replaced whole or not at all; default the standard output"_en,
                           "将通报写入文件，整体替换，不会只写一半；默认写到标准输出"_zh));
    command.whole_number("--max-items", arguments->max_items, 1, Message("N"_en, "N"_zh),
                         Message("most rows in each list of tasks and problems (default 50)"_en, "每个任务和问题列表最多列出的行数（默认 50）"_zh));
    command.flag("--allow-outside", arguments->allow_outside,
                 Message("lets the campaign name any file, outside its folder too"_en, "允许创建方案引用任意文件，包括其文件夹之外的"_zh));
    command.app().get_option("--lang")->description(
        Message("the language of the circular and of messages, zh or en; default the campaign's language\n"
                "for the circular, the locale's (LC_ALL, LC_MESSAGES, LANG) for messages"_en,
                "通报和提示信息的语言，zh 或 en；通报默认取创建方案的语言，\n"
                "提示信息默认取区域设置（LC_ALL、LC_MESSAGES、LANG）"_zh)
            .text(program.language()));
    command.action([arguments](const Context& context) { return circular(*arguments, context); });
}

}  // namespace civitas::cli
