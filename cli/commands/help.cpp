// civitas help [COMMAND]
#include "commands.hpp"

#include "cli.hpp"

#include <memory>
#include <ostream>

namespace civitas::cli {

void add_help(Program& program) {
    auto name = std::make_shared<std::string>();
    Command& command = program.add("help", Message("prints how to use the program or COMMAND"_en, "显示程序或命令的用法"_zh));
    command.app().group("");  // hidden: `--help` is the way the help tells
    command.argument(*name, Message("COMMAND"_en, "命令"_zh), Message("a command"_en, "命令"_zh))->required(false);
    command.action([name, &program](const Context& context) {
        context.out << program.help(*name);
        return success;
    });
}

}  // namespace civitas::cli
