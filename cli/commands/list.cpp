// civitas list
#include "commands.hpp"

#include "cli.hpp"

#include <civitas/civitas.hpp>

#include <ostream>

namespace civitas::cli {

namespace {

int list(const Context& context) {
    std::ostream& out = context.out;
    out << Message("frameworks:"_en, "测评体系:"_zh).text(context.language) << "\n";
    for (const std::string& id : bundled_framework_ids()) {
        const Framework framework = load_bundled_framework(id);
        out << id << "\t" << to_string(framework.spec().reliability) << "\t" << framework.name() << "\n";
    }
    out << "\n" << Message("calendars:"_en, "工作日历:"_zh).text(context.language) << "\n";
    for (const std::string& id : bundled_calendar_ids()) out << id << "\t" << to_string(load_bundled_calendar(id)) << "\n";
    out << "\n" << Message("round schemes:"_en, "计分方案:"_zh).text(context.language) << "\n";
    for (const std::string& id : bundled_round_scheme_ids()) out << id << "\t" << load_bundled_round_scheme(id).name << "\n";
    return success;
}

}  // namespace

void add_list(Program& program) {
    Command& command = program.add("list", Message("lists the bundled frameworks (with their reliability), work calendars and "
                                                   "round schemes, by id"_en,
                                                   "按标识列出内置的测评体系（及其可靠程度）、工作日历和计分方案"_zh));
    command.action(list);
}

}  // namespace civitas::cli
