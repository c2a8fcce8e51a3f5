// civitas validate FILE
#include "commands.hpp"

#include "cli.hpp"

#include <civitas/civitas.hpp>

#include <memory>
#include <ostream>

namespace civitas::cli {

namespace {

struct ValidateArguments {
    std::string file;
};

int validate(const ValidateArguments& arguments, const Context& context) {
    const Framework framework = load_framework(arguments.file);
    context.out << arguments.file << ": " << Message("valid"_en, "有效"_zh).text(context.language) << ": "
                << to_string(framework, context.language) << "\n";
    return success;
}

}  // namespace

void add_validate(Program& program) {
    auto arguments = std::make_shared<ValidateArguments>();
    Command& command = program.add("validate", Message("checks a framework file and says what it holds"_en,
                                                       "检查测评体系文件并概述其内容"_zh));
    command.argument(arguments->file, Message("FILE"_en, "文件"_zh),
                     Message("a framework file (.json); its first problem is told with the line or JSON path,\n"
                             "the value and what was expected (exit status 3)"_en,
                             "测评体系文件（.json）；发现的第一个问题会指明行或 JSON 路径、\n"
                             "取值以及应为何值（退出状态 3）"_zh));
    command.action([arguments](const Context& context) { return validate(*arguments, context); });
}

}  // namespace civitas::cli
