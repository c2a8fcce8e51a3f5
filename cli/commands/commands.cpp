#include "commands.hpp"

namespace civitas::cli {

void add_commands(Program& program) {
    add_validate(program);
    add_score(program);
    add_report(program);
    add_circular(program);
    add_template(program);
    add_import(program);
    add_list(program);
    add_help(program);
}

}  // namespace civitas::cli
