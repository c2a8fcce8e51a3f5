#pragma once
/// Submission forms as CSV, for systems that cannot write xlsx: one file a sheet.

#include <civitas/core/limits.hpp>
#include <civitas/export.hpp>
#include <civitas/store/submission_form.hpp>

#include <filesystem>
#include <vector>

namespace civitas {

/// The file of one sheet of the CSV form `path` names: "form.csv" and sheet "tasks" give
/// "form.tasks.csv" (so does "form.tasks.csv" itself: any file of the set names the set).
[[nodiscard]] CIVITAS_EXPORT std::filesystem::path form_csv_file(const std::filesystem::path& path, const std::string& sheet);

/// True when `path` is a file of a CSV form: a .csv file whose set has its cover (FORM.cover.csv).
[[nodiscard]] CIVITAS_EXPORT bool is_csv_form(const std::filesystem::path& path);

/// Writes `form` as CSV, one file a sheet (form_csv_file: FORM.cover.csv, FORM.indicators.csv,
/// FORM.tasks.csv, FORM.problems.csv), UTF-8 with a byte-order mark so that spreadsheet programs
/// read the Chinese; a heading row, then the cells (formulas guarded, as csv_field). All the files
/// are written or none. Returns them.
CIVITAS_EXPORT std::vector<std::filesystem::path> save_form_csv(const SubmissionForm& form, const std::filesystem::path& path);

/// Reads the filled CSV form `path` names (any of its files): the sheets whose files are there,
/// each a FilledSheet named by its id. ParseError naming the file and line for text that is not
/// CSV or not UTF-8 (GB18030 named), IoError when the cover cannot be read.
[[nodiscard]] CIVITAS_EXPORT std::vector<FilledSheet> read_form_csv(const std::filesystem::path& path, const ReadOptions& options = {});

}  // namespace civitas
