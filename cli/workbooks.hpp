#pragma once
// Workbooks (xlsx) for the submission forms: written and read by whoever runs the program. The
// Python package gives both (openpyxl); the program alone has none and says how to get them.

#include <civitas/store/submission_form.hpp>

#include <functional>
#include <string>
#include <vector>

namespace civitas::cli {

/// Writing and reading xlsx submission forms; empty functions: this program cannot.
struct Workbooks {
    std::function<void(const SubmissionForm& form, const std::string& path)> write;  ///< writes `form` to `path`
    std::function<std::vector<FilledSheet>(const std::string& path)> read;          ///< the sheets of the workbook at `path`
};

}  // namespace civitas::cli
