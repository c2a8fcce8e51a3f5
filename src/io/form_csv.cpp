// Submission forms as CSV: one file a sheet, read back with the one CSV record reader.

#include <civitas/core/error.hpp>
#include <civitas/io/csv.hpp>
#include <civitas/io/form_csv.hpp>

#include "core/detail/number_format.hpp"
#include "io/detail/csv_records.hpp"
#include "io/detail/file_text.hpp"
#include "io/detail/file_write.hpp"

#include <string_view>

namespace civitas {

namespace {

const char* const sheet_ids[] = {"cover", "indicators", "tasks", "problems", "spending"};

// The set's name without ".csv" and without a sheet id before it: "form" of "form.tasks.csv".
std::filesystem::path stem_of(const std::filesystem::path& path) {
    std::filesystem::path stem = path;
    if (stem.extension() == ".csv") stem.replace_extension();
    for (const char* id : sheet_ids)
        if (stem.extension() == std::string(".") + id) return stem.replace_extension();
    return stem;
}

// A cell as written: numbers raw, text guarded against formulas.
std::string cell_text(const std::string& text) { return csv_field(text, detail::parse_decimal(text).has_value()); }

// A cell as read back: a guard the writer put in front of a formula-like text taken off.
std::string unguarded(std::string text) {
    if (text.size() > 1 && text[0] == '\'' && std::string_view("=+-@\t\r").find(text[1]) != std::string_view::npos) text.erase(0, 1);
    return text;
}

}  // namespace

std::filesystem::path form_csv_file(const std::filesystem::path& path, const std::string& sheet) {
    std::filesystem::path file = stem_of(path);
    file += "." + sheet + ".csv";
    return file;
}

bool is_csv_form(const std::filesystem::path& path) {
    return path.extension() == ".csv" && std::filesystem::is_regular_file(form_csv_file(path, "cover"));
}

std::vector<std::filesystem::path> save_form_csv(const SubmissionForm& form, const std::filesystem::path& path) {
    detail::FileBatch batch;
    std::vector<std::filesystem::path> files;
    for (const FormSheet& sheet : form.sheets) {
        std::string text = "\xEF\xBB\xBF";
        const auto row = [&](const std::vector<std::string>& cells) {
            for (std::size_t c = 0; c < cells.size(); ++c) text += (c == 0 ? "" : ",") + cell_text(cells[c]);
            text += "\r\n";
        };
        row(sheet.headings);
        for (const std::vector<std::string>& cells : sheet.cells) row(cells);
        files.push_back(form_csv_file(path, sheet.id));
        batch.add(files.back(), text);
    }
    batch.commit();
    return files;
}

std::vector<FilledSheet> read_form_csv(const std::filesystem::path& path, const ReadOptions& options) {
    std::vector<FilledSheet> sheets;
    for (const char* id : sheet_ids) {
        const std::filesystem::path file = form_csv_file(path, id);
        if (std::string(id) != "cover" && !std::filesystem::exists(file)) continue;  // a sheet left out says nothing
        const std::string name = file.string();
        const std::string text = detail::read_file(file, options.limits.csv_bytes, "csv_bytes");
        const std::size_t start = detail::check_utf8(text, name);
        FilledSheet sheet{id, name, {}};
        detail::RecordReader reader(std::string_view(text).substr(start), name, options.limits);
        detail::Record record;
        while (reader.next(record)) {
            if (sheet.rows.size() > options.limits.rows)
                throw detail::limit_exceeded(name, file_position(record.line), Message("more than {0} rows"_en, "超过 {0} 行"_zh, {std::to_string(options.limits.rows)}),
                                             options.limits.rows, "rows");
            while (sheet.rows.size() + 1 < record.line) sheet.rows.emplace_back();  // blank lines: rows, as a spreadsheet counts them
            std::vector<std::string> cells;
            for (std::size_t c = 0; c < record.count; ++c) cells.push_back(unguarded(record.fields[c]));
            sheet.rows.push_back(std::move(cells));
        }
        sheets.push_back(std::move(sheet));
    }
    return sheets;
}

}  // namespace civitas
