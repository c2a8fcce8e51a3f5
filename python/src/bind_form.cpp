/// Submission forms: CellKind, CellRule, FormSheet, SubmissionForm, FilledSheet, CellError,
/// FormReading; submission_form, read_submission_form, import_form, and the CSV files.

#include "bindings.hpp"

#include <civitas/io/form_csv.hpp>
#include <civitas/store/submission_form.hpp>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

namespace civitas::python {

void register_form(py::module_& m) {
    bind_enum<CellKind>(m, "CellKind", "What a cell of a form holds: label (locked), text, number, yes_no or date.");

    py::class_<CellRule>(m, "CellRule", "What a cell of a form accepts.")
        .def_readonly("kind", &CellRule::kind, "CellKind.")
        .def_readonly("low", &CellRule::low, "Numbers: the least accepted, or None.")
        .def_readonly("high", &CellRule::high, "Numbers: the greatest accepted, or None.")
        .def(py::self == any_object)
        .def("__repr__", [](const CellRule& r) {
            return "CellRule(" + std::string(to_string(r.kind)) + (r.low ? ", low=" + repr_number(*r.low) : std::string()) +
                   (r.high ? ", high=" + repr_number(*r.high) : std::string()) + ")";
        });

    py::class_<FormSheet>(m, "FormSheet", "One sheet of a form: headings, then rows of cells, each with its rule.")
        .def_readonly("id", &FormSheet::id, "'cover', 'indicators', 'tasks' or 'problems'.")
        .def_readonly("name", &FormSheet::name, "The sheet's name in the form's language ('指标').")
        .def_readonly("columns", &FormSheet::columns, "Column ids.")
        .def_readonly("headings", &FormSheet::headings, "Column headings in the form's language.")
        .def_readonly("cells", &FormSheet::cells, "Rows of cells as text ('' for an empty input).")
        .def_readonly("rules", &FormSheet::rules, "For each cell, what it accepts (CellRule; labels are locked).")
        .def(py::self == any_object)
        .def("__repr__", [](const FormSheet& s) {
            return "FormSheet(" + repr_string(s.id) + ", " + std::to_string(s.cells.size()) + " rows)";
        });

    py::class_<SubmissionForm>(m, "SubmissionForm", "A department's submission form (填报模板) for one period.")
        .def_readonly("campaign", &SubmissionForm::campaign, "Campaign id.")
        .def_readonly("department", &SubmissionForm::department, "Department id.")
        .def_readonly("period", &SubmissionForm::period, "The month it reports on ('2026-03'), '' for none.")
        .def_readonly("language", &SubmissionForm::language, "Language of names and headings.")
        .def_readonly("sheets", &SubmissionForm::sheets, "cover, indicators, tasks, problems (FormSheet).")
        .def(py::self == any_object)
        .def("__repr__", [](const SubmissionForm& f) {
            return "SubmissionForm(" + repr_string(f.campaign) + ", " + repr_string(f.department) + ", " + repr_string(f.period) + ")";
        });

    py::class_<FilledSheet>(m, "FilledSheet", "A sheet as a file gave it: its name, the file, rows of cells as text (headings first).")
        .def(py::init([](std::string name, std::string file, std::vector<std::vector<std::string>> rows) {
                 return FilledSheet{std::move(name), std::move(file), std::move(rows)};
             }),
             py::arg("name"), py::arg("file"), py::arg("rows"))
        .def_readonly("name", &FilledSheet::name, "The sheet's name (either language's, or its id).")
        .def_readonly("file", &FilledSheet::file, "The file it is in.")
        .def_readonly("rows", &FilledSheet::rows, "The heading row, then the rows.")
        .def(py::self == any_object)
        .def("__repr__", [](const FilledSheet& s) {
            return "FilledSheet(" + repr_string(s.name) + ", " + repr_string(s.file) + ", " + std::to_string(s.rows.size()) + " rows)";
        });

    py::class_<CellError> cell_error(m, "CellError", "A cell of a filled form that was refused.");
    cell_error.def("__str__", [](const CellError& e) { return to_string(e); }, "'sheet 任务, cell F4 (...): ...'.")
        .def(py::self == any_object)
        .def("__repr__", [](const CellError& e) { return "CellError(" + repr_string(to_string(e)) + ")"; });
    def_message(cell_error, "place", &CellError::place, "Where, in English.", "Where, in Chinese.");
    def_message(cell_error, "message", &CellError::message, "What is wrong, in English.", "What is wrong, in Chinese.");

    py::class_<FormReading>(m, "FormReading", "A filled form read: the submission it makes and the cells refused.")
        .def_readonly("submission", &FormReading::submission, "The Submission (department, period, file, records).")
        .def_readonly("errors", &FormReading::errors, "Every refused cell (CellError); their rows are left out.")
        .def(py::self == any_object)
        .def("__repr__", [](const FormReading& r) {
            return "FormReading(" + repr_string(r.submission.department) + ", " + std::to_string(r.submission.observations.size()) +
                   " observations, " + std::to_string(r.submission.tasks.size()) + " tasks, " + std::to_string(r.submission.problems.size()) +
                   " problems, " + std::to_string(r.errors.size()) + " cells refused)";
        });

    m.def(
        "submission_form",
        [](const Campaign& campaign, const std::string& department, const std::string& period, Language language, std::optional<Date> as_of) {
            return submission_form(campaign, department, FormOptions{period, language, as_of});
        },
        py::arg("campaign"), py::arg("department"), py::kw_only(), py::arg("period") = "", py::arg("language") = Language::zh,
        py::arg("as_of") = py::none(),
        "The submission form of a department (an id of the campaign) for a month ('2026-03'): cover, the indicators it answers "
        "for per unit, its unfinished tasks, its open problems, each input cell with its rule.");
    m.def("read_submission_form", &read_submission_form, py::arg("campaign"), py::arg("sheets"), py::arg("file"),
          "Reads filled sheets (FilledSheet) against the form the campaign gives the department and period on its cover: a "
          "FormReading. A sheet or heading not of the form: ParseError naming it.");
    m.def(
        "import_form",
        [](CampaignStore& store, const Campaign& campaign, const FormReading& reading, Date submitted_on, const std::string& submitted_by,
           bool partial) {
            Submission provenance;
            provenance.submitted_at = submitted_on;
            provenance.submitted_by = submitted_by;
            py::gil_scoped_release release;
            return import_form(store, campaign, reading, provenance, ImportOptions{partial});
        },
        py::arg("store"), py::arg("campaign"), py::arg("reading"), py::kw_only(), py::arg("submitted_on"), py::arg("submitted_by") = "",
        py::arg("partial") = false,
        "Imports a FormReading into the store: any refused cell refuses it all (ParseError listing every cell, nothing stored) "
        "unless partial=True; submitted_by '' takes the cover's.");
    m.def("form_csv_file", &form_csv_file, py::arg("path"), py::arg("sheet"),
          "The file of one sheet of the CSV form `path` names: ('form.csv', 'tasks') gives form.tasks.csv.");
    m.def("save_form_csv", &save_form_csv, py::arg("form"), py::arg("path"),
          "Writes a form as CSV, one file a sheet (FORM.cover.csv, ...), all or none; returns the files.");
    m.def(
        "read_form_csv", [](const std::filesystem::path& path) { return read_form_csv(path); }, py::arg("path"),
        "The sheets (FilledSheet) of the filled CSV form `path` names (any of its files).");
}

}  // namespace civitas::python
