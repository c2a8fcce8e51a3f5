// civitas history CAMPAIGN --unit U --indicator I
#include "commands.hpp"

#include "cli.hpp"
#include "store.hpp"

#include <civitas/civitas.hpp>

#include "core/detail/number_format.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <ostream>

namespace civitas::cli {

namespace {

struct HistoryArguments {
    std::string campaign;
    std::string unit;
    std::string indicator;
    std::string format = "text";
    bool raw = false;
    bool allow_outside = false;
};

int history(const HistoryArguments& arguments, const Context& context) {
    check_csv_raw(arguments.raw, arguments.format);
    const std::filesystem::path path = store_path(arguments.campaign, arguments.allow_outside);
    const std::optional<CampaignStore> store = store_for_reading(path);
    const std::vector<ObservationVersion> versions = store ? store->history(arguments.unit, arguments.indicator) : std::vector<ObservationVersion>();
    // The day a version became known: the store fills it in; a value without one was known on its date.
    const auto recorded = [](const ObservationVersion& v) { return v.observation.recorded.value_or(v.observation.date); };
    std::ostream& out = context.out;

    if (arguments.format == "json") {
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const ObservationVersion& v : versions)
            rows.push_back({{"date", to_iso(v.observation.date)},
                            {"value", v.observation.value},
                            {"recorded", to_iso(recorded(v))},
                            {"submission", v.submission},
                            {"department", v.department},
                            {"submitted_by", v.submitted_by},
                            {"file", v.file},
                            {"status", to_string(v.status)}});
        out << rows.dump(2) << "\n";
    } else if (arguments.format == "csv") {
        out << "date,value,recorded,submission,department,submitted_by,file,status\n";
        for (const ObservationVersion& v : versions)
            out << to_iso(v.observation.date) << "," << detail::format_number(v.observation.value) << "," << to_iso(recorded(v)) << ","
                << std::to_string(v.submission) << "," << csv_field(v.department, arguments.raw) << ","
                << csv_field(v.submitted_by, arguments.raw) << "," << csv_field(v.file, arguments.raw) << "," << to_string(v.status) << "\n";
    } else {
        const Language language = context.language;
        if (versions.empty()) {
            out << Message("no values of unit '{0}', indicator '{1}' in the campaign store {2}"_en,
                           "活动数据库 {2} 中没有单位 '{0}' 指标 '{1}' 的数值"_zh, {arguments.unit, arguments.indicator, path.string()})
                       .text(language)
                << "\n";
            return success;
        }
        std::size_t withdrawn = 0;
        std::vector<std::vector<std::string>> rows;
        for (const ObservationVersion& v : versions) {
            withdrawn += v.status == SubmissionStatus::withdrawn ? 1 : 0;
            rows.push_back({to_iso(v.observation.date), detail::format_number(v.observation.value), to_iso(recorded(v)),
                            std::to_string(v.submission), v.department, v.submitted_by, v.file,
                            v.status == SubmissionStatus::active ? Message("active"_en, "有效"_zh).text(language)
                                                                 : Message("withdrawn"_en, "已撤回"_zh).text(language)});
        }
        out << Message("unit '{0}', indicator '{1}': {2} versions ({3} withdrawn)"_en, "单位 '{0}' 指标 '{1}'：共 {2} 个版本（已撤回 {3} 个）"_zh,
                       {arguments.unit, arguments.indicator, std::to_string(versions.size()), std::to_string(withdrawn)})
                   .text(language)
            << "\n\n";
        const std::vector<std::string> header =
            language == Language::zh ? std::vector<std::string>{"日期", "数值", "获知日期", "报送", "部门", "报送人", "文件", "状态"}
                                     : std::vector<std::string>{"date", "value", "recorded", "submission", "department", "submitted by", "file", "status"};
        out << text_table(header, rows, {false, true, false, true, false, false, false, false});
    }
    return success;
}

}  // namespace

void add_history(Program& program) {
    auto arguments = std::make_shared<HistoryArguments>();
    Command& command = program.add("history", Message("lists every version of a unit's indicator in the campaign store, with its provenance"_en,
                                                      "列出活动数据库中某单位某指标的全部版本及其来源"_zh));
    command.argument(arguments->campaign, Message("CAMPAIGN"_en, "创建方案"_zh),
                     Message("a campaign file (.json) that names a store (\"store\")"_en, "指定了活动数据库（\"store\"）的创建方案文件（.json）"_zh));
    command.option("--unit", arguments->unit, Message("UNIT"_en, "单位"_zh), Message("the unit's id"_en, "单位标识"_zh))->required();
    command.option("--indicator", arguments->indicator, Message("INDICATOR"_en, "指标"_zh), Message("the indicator's id"_en, "指标标识"_zh))
        ->required();
    command.choice("--format", arguments->format, {"text", "csv", "json"},
                   Message("text (a table, headings in the language of messages; default), csv or json\n"
                           "(an array of objects)"_en,
                           "text（表格，表头语言同提示信息；默认）、csv 或 json（对象数组）"_zh));
    add_csv_raw(command, arguments->raw);
    command.flag("--allow-outside", arguments->allow_outside,
                 Message("lets the campaign name a store outside its folder"_en, "允许创建方案指定其文件夹之外的活动数据库"_zh));
    command.notes(Message("Versions by date, then in the order they became known; withdrawn ones are listed and\n"
                          "marked. The store is only read; a store not created yet has no values."_en,
                          "各版本按日期排列，同一日期按获知先后排列；已撤回的版本照常列出并注明。\n"
                          "只读取活动数据库；尚未创建的数据库没有数值。"_zh));
    command.action([arguments](const Context& context) { return history(*arguments, context); });
}

}  // namespace civitas::cli
