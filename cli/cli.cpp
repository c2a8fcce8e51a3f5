#include "cli.hpp"

#include "commands/commands.hpp"
#include "program.hpp"

#include <civitas/core/error.hpp>

#include "core/detail/number_format.hpp"
#include "core/detail/utf8.hpp"
#include "report/detail/document.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <ostream>
#include <string_view>
#include <system_error>

namespace civitas::cli {

namespace {

// The language of messages: --lang anywhere in the arguments, else the locale's (LC_ALL,
// LC_MESSAGES, LANG: the first that is set), Chinese when it starts with "zh". Read before the
// arguments are parsed, so that what is wrong with them is told in that language too.
Language language_of(const std::vector<std::string>& args) {
    const auto named = [](const std::string& name) { return name.rfind("zh", 0) == 0 ? Language::zh : Language::en; };
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--lang" && i + 1 < args.size()) return named(args[i + 1]);
        if (args[i].rfind("--lang=", 0) == 0) return named(args[i].substr(7));
    }
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') return named(value);
    }
    return Language::en;
}

// The program parses the arguments, tells usage errors (exit 2) and runs the command; the
// library's errors are told here: 4 for I/O, 3 for invalid input, 1 for anything else.
int run_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, Language lang, const Workbooks& workbooks) {
    try {
        Program program(lang, workbooks);
        add_commands(program);
        return program.run(args, out, err);
    } catch (const IoError& error) {
        err << "civitas: " << error.message(lang) << "\n";
        return io_error;
    } catch (const Error& error) {
        err << "civitas: " << error.message(lang) << "\n";
        return invalid_input;
    } catch (const std::exception& error) {
        err << "civitas: " << Message("unexpected error: {0}"_en, "意外错误: {0}"_zh, {error.what()}).text(lang) << "\n";
        return failure;
    }
}

}  // namespace

std::string text_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                       const std::vector<bool>& right) {
    std::vector<std::vector<std::string>> cells;
    for (const auto& row : rows) {
        cells.emplace_back();
        for (const std::string& cell : row) cells.back().push_back(detail::printable(cell));
    }
    std::vector<std::size_t> widths(header.size(), 0);
    for (std::size_t c = 0; c < header.size(); ++c) {
        widths[c] = detail::display_width(header[c]);
        for (const auto& row : cells) widths[c] = std::max(widths[c], detail::display_width(row.at(c)));
    }
    const auto line_of = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            const std::string fill(widths[c] - detail::display_width(row.at(c)), ' ');
            line += (c == 0 ? "" : "  ") + (right.at(c) ? fill + row[c] : row[c] + fill);
        }
        line.erase(line.find_last_not_of(' ') + 1);  // no padding at the end of a line
        return line + "\n";
    };
    std::string text = line_of(header);
    for (std::size_t c = 0; c < widths.size(); ++c) text += (c == 0 ? "" : "  ") + std::string(widths[c], '-');
    text += "\n";
    for (const auto& row : cells) text += line_of(row);
    return text;
}

int output_failed(const std::vector<std::string>& args, const Message::Argument& reason, std::ostream& err) {
    const IoError error("<stdout>", Message("cannot write: {0}"_en, "无法写入: {0}"_zh, {reason}));
    err << "civitas: " << error.message(language_of(args)) << "\n";
    err.flush();
    return io_error;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Workbooks& workbooks) {
    const detail::ThreadCLocale c_numbers;  // the host's locale never changes a number read or written
    const int code = run_command(args, out, err, language_of(args), workbooks);
    out.flush();
    if (out) return code;
    const auto* file = dynamic_cast<const FileOutput*>(out.rdbuf());
    if (file != nullptr && file->error() != 0) return output_failed(args, std::generic_category().message(file->error()), err);
    return output_failed(args, Message("the output stream failed"_en, "输出流写入失败"_zh), err);
}

FileOutput::int_type FileOutput::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char one = traits_type::to_char_type(c);
    return xsputn(&one, 1) == 1 ? c : traits_type::eof();
}

std::streamsize FileOutput::xsputn(const char* text, std::streamsize count) {
    if (error_ != 0) return 0;
    errno = 0;
    const std::size_t written = std::fwrite(text, 1, static_cast<std::size_t>(count), file_);
    if (written != static_cast<std::size_t>(count)) error_ = errno != 0 ? errno : EIO;
    return static_cast<std::streamsize>(written);
}

int FileOutput::sync() {
    if (error_ != 0) return -1;
    errno = 0;
    if (std::fflush(file_) == 0) return 0;
    error_ = errno != 0 ? errno : EIO;
    return -1;
}

}  // namespace civitas::cli
