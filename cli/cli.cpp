#include "cli.hpp"

#include <civitas/civitas.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace civitas::cli {

namespace {

const char* const usage_text =
    "usage: civitas validate FILE\n"
    "       civitas score FRAMEWORK DATA.csv [--format text|json|csv] [--class-column NAME]\n"
    "       civitas list\n"
    "       civitas --version | --help\n"
    "\n"
    "FRAMEWORK is a framework file (.json) or the id of a bundled framework (see `civitas list`).\n"
    "DATA.csv has the unit id in its first column and indicator ids as the other column names.\n"
    "Exit status: 0 success, 2 usage error, 3 invalid input.\n";

struct UsageError {
    std::string message;
};

// A framework by path, or by bundled id when no such file exists and the name has no '/' or '.json'.
Framework framework_from(const std::string& name) {
    const std::filesystem::path path(name);
    std::error_code ec;
    const bool looks_like_path = path.has_parent_path() || path.extension() == ".json";
    if (looks_like_path || std::filesystem::exists(path, ec)) return load_framework(path);
    return load_bundled_framework(name);
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string number_text(double value) {
    std::ostringstream out;
    out << std::setprecision(10) << value;
    return out.str();
}

int validate(const std::vector<std::string>& args, std::ostream& out) {
    if (args.size() != 2) throw UsageError{"validate takes one FILE"};
    const Framework framework = load_framework(args[1]);
    out << args[1] << ": valid: " << to_string(framework) << "\n";
    return success;
}

int list(const std::vector<std::string>& args, std::ostream& out) {
    if (args.size() != 1) throw UsageError{"list takes no arguments"};
    for (const std::string& id : bundled_framework_ids()) {
        const Framework framework = load_bundled_framework(id);
        out << id << "\t" << to_string(framework.spec().reliability) << "\t" << framework.name() << "\n";
    }
    return success;
}

int score(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::vector<std::string> positional;
    std::string format = "text", class_column;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&](const std::string& option) -> std::string {
            if (i + 1 >= args.size()) throw UsageError{option + " needs a value"};
            return args[++i];
        };
        if (arg == "--format") format = value(arg);
        else if (arg.rfind("--format=", 0) == 0) format = arg.substr(9);
        else if (arg == "--class-column") class_column = value(arg);
        else if (arg.rfind("--class-column=", 0) == 0) class_column = arg.substr(15);
        else if (arg.size() > 1 && arg[0] == '-') throw UsageError{"unknown option '" + arg + "'"};
        else positional.push_back(arg);
    }
    if (positional.size() != 2) throw UsageError{"score takes FRAMEWORK and DATA.csv"};
    if (format != "text" && format != "json" && format != "csv")
        throw UsageError{"--format '" + format + "' is not one of text, json, csv"};

    const Framework framework = framework_from(positional[0]);
    const ValueTable table = read_value_table(positional[1], class_column);
    EvaluateOptions options;
    options.nan_as_missing = true;  // the table reader turns empty cells into NaN and rejects written NaNs
    const BatchEvaluation batch = evaluate_many(framework, table.values, table.columns, table.units, table.classes, options);

    if (format == "json") {
        nlohmann::ordered_json document;
        document["framework"] = framework.id();
        document["units"] = nlohmann::ordered_json::array();
        for (std::size_t r = 0; r < batch.size(); ++r)
            document["units"].push_back(nlohmann::ordered_json::parse(evaluation_to_json(unit_evaluation(framework, batch, r))));
        out << document.dump(2) << "\n";
    } else if (format == "csv") {
        out << "unit,total,passed,decided_by,met,assessed,indicators,coverage,basic_failed,reason\n";
        for (std::size_t r = 0; r < batch.size(); ++r) {
            const Evaluation e = unit_evaluation(framework, batch, r);
            std::string basic;
            for (const std::string& id : e.basic_failed) basic += (basic.empty() ? "" : ";") + id;
            out << csv_field(e.unit) << "," << (e.total ? number_text(*e.total) : "") << "," << (e.passed ? "true" : "false")
                << "," << to_string(e.decided_by) << "," << e.met << "," << e.assessed << "," << e.indicators.size() << ","
                << number_text(e.coverage) << "," << csv_field(basic) << "," << csv_field(e.reason) << "\n";
        }
    } else {
        out << to_string(framework) << ": " << framework.name() << "\n";
        for (std::size_t r = 0; r < batch.size(); ++r) out << "\n" << to_string(unit_evaluation(framework, batch, r)) << "\n";
    }
    int status = success;
    for (std::size_t r = 0; r < batch.size(); ++r)
        if (!batch.errors[r].empty()) {
            err << "civitas: " << positional[1] << ": unit '" << batch.units[r] << "': " << batch.errors[r] << "\n";
            status = invalid_input;
        }
    return status;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    try {
        if (args.empty()) throw UsageError{"no command given"};
        const std::string& command = args[0];
        if (command == "--help" || command == "-h" || command == "help") {
            out << usage_text;
            return success;
        }
        if (command == "--version") {
            out << "civitas " << version << "\n";
            return success;
        }
        if (command == "validate") return validate(args, out);
        if (command == "score") return score(args, out, err);
        if (command == "list") return list(args, out);
        throw UsageError{"unknown command '" + command + "'"};
    } catch (const UsageError& error) {
        err << "civitas: " << error.message << "\n" << usage_text;
        return usage_error;
    } catch (const Error& error) {
        err << "civitas: " << error.what() << "\n";
        return invalid_input;
    } catch (const std::exception& error) {
        err << "civitas: unexpected error: " << error.what() << "\n";
        return failure;
    }
}

}  // namespace civitas::cli
