#pragma once
/// Submission forms (填报模板): the workbook a department fills in for the campaign office, built
/// from the campaign, and reading a filled one back into a Submission with every cell checked.
/// The form is plain data (sheets of cells, each with the rule its input obeys); file formats
/// write and read it: CSV here (io/form_csv.hpp), xlsx in the Python package.

#include <civitas/core/language.hpp>
#include <civitas/core/message.hpp>
#include <civitas/export.hpp>
#include <civitas/plan/calendar.hpp>
#include <civitas/store/campaign_store.hpp>
#include <civitas/tracking/campaign.hpp>

#include <optional>
#include <string>
#include <vector>

namespace civitas {

/// What a cell of a form holds.
enum class CellKind {
    label,   ///< written by the form, locked: not read back but for the ids
    text,    ///< free text (a source, a note), one line
    number,  ///< a number, within the rule's bounds
    yes_no,  ///< 是 / 否 (yes / no; 1 / 0)
    date,    ///< a day, YYYY-MM-DD
};
template <> struct EnumNames<CellKind> {
    static constexpr const char* values[] = {"label", "text", "number", "yes_no", "date"};
};

/// What a cell accepts.
struct CIVITAS_EXPORT CellRule {
    CellKind kind = CellKind::label;  ///< what it holds
    std::optional<double> low;        ///< numbers: the least accepted
    std::optional<double> high;       ///< numbers: the greatest accepted
    friend bool operator==(const CellRule& a, const CellRule& b) noexcept { return a.kind == b.kind && a.low == b.low && a.high == b.high; }
};

/// One sheet of a form: a heading row, then rows of cells, each cell with its rule.
struct CIVITAS_EXPORT FormSheet {
    std::string id;                                ///< "cover", "indicators", "tasks", "problems" or "spending"
    std::string name;                              ///< the sheet's name in the form's language ("指标")
    std::vector<std::string> columns;              ///< column ids ("value", "actual_finish")
    std::vector<std::string> headings;             ///< column headings in the form's language
    std::vector<std::vector<std::string>> cells;   ///< rows of cells as text ("" for an empty input)
    std::vector<std::vector<CellRule>> rules;      ///< for each cell, what it accepts (labels are locked)
    friend bool operator==(const FormSheet& a, const FormSheet& b) {
        return a.id == b.id && a.name == b.name && a.columns == b.columns && a.headings == b.headings && a.cells == b.cells && a.rules == b.rules;
    }
};

/// A department's form for one period.
struct CIVITAS_EXPORT SubmissionForm {
    std::string campaign;            ///< campaign id
    std::string department;          ///< department id
    std::string period;              ///< the month it reports on ("2026-03"), "" for none
    Language language = Language::zh;  ///< language of names and headings
    std::vector<FormSheet> sheets;   ///< cover, indicators, tasks, problems, spending: in that order
    friend bool operator==(const SubmissionForm& a, const SubmissionForm& b) {
        return a.campaign == b.campaign && a.department == b.department && a.period == b.period && a.language == b.language &&
               a.sheets == b.sheets;
    }
};

/// How a form is made.
struct CIVITAS_EXPORT FormOptions {
    std::string period;                ///< the month it reports on, "YYYY-MM"; "" for none (then every value needs its date)
    Language language = Language::zh;  ///< language of names and headings
    std::optional<Date> as_of;         ///< the form as of this day (none: all known): the last values dated on or before it, the tasks not finished and the problems not closed by it
};

/// The form of `department` (an id of the campaign): on the cover the campaign, department and
/// period, with input cells for who fills it in; the indicators it answers for (the campaign's
/// targets naming it and, for a district's government, those of its unit naming no department),
/// one row per unit with the line, the target, the last value and its date, and input cells for
/// the value (a number within the indicator's bounds, or yes/no), its date (the period's last day
/// filled in) and its source; the plan's tasks it answers for that are not finished (by `as_of`),
/// with input cells for percent complete and actual start and finish; its open problems, with
/// input cells for the closing date and a note; a row per budget line of its tasks (finished or
/// not), with the budget and what was paid by `as_of`, and input cells for the amount paid in the
/// period (yuan, negative for a refund), the day (the period's last day when empty) and a voucher
/// or purpose. ValidationError for an unknown department or a bad period.
[[nodiscard]] CIVITAS_EXPORT SubmissionForm submission_form(const Campaign& campaign, const std::string& department,
                                                            const FormOptions& options = {});

/// A sheet as a file gave it: its name, the file, and its rows of cells as text, headings first.
struct CIVITAS_EXPORT FilledSheet {
    std::string name;                            ///< the sheet's name (either language's, or its id)
    std::string file;                            ///< the file it is in, as errors name it ("form.xlsx", "form.tasks.csv")
    std::vector<std::vector<std::string>> rows;  ///< the heading row, then the rows
    friend bool operator==(const FilledSheet& a, const FilledSheet& b) { return a.name == b.name && a.file == b.file && a.rows == b.rows; }
};

/// A cell of a filled form that was refused.
struct CIVITAS_EXPORT CellError {
    Message place;    ///< where in its file: "sheet 任务, cell F4 (实际完成日期)"
    Message message;  ///< what is wrong, naming the value and what was expected
    friend bool operator==(const CellError& a, const CellError& b) { return a.place == b.place && a.message == b.message; }
};
/// "sheet 任务, cell F4 (...): "2026-02-30" is not a date ...", or in Chinese.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const CellError& error, Language language = Language::en);

/// A filled form read: the submission it makes and the cells refused (their rows left out).
struct CIVITAS_EXPORT FormReading {
    Submission submission;          ///< department, period, unit, file and records; submitted_by from the cover when it names one
    std::vector<CellError> errors;  ///< every refused cell, in sheet and row order
    std::vector<Message> places;    ///< for each record, its row: observations, then tasks, then problems, then spending
    friend bool operator==(const FormReading& a, const FormReading& b) {
        return a.submission == b.submission && a.errors == b.errors && a.places == b.places;
    }
};

/// Reads a filled form against the form the campaign gives its department and period now
/// (named on the cover): each row's ids (unit and indicator, task, problem) must be the form's
/// (any task or problem the department answers for: a form made earlier may hold one since finished),
/// every input cell must obey its rule (a number within bounds, yes/no, a real date; a finish not
/// before its start, a closing not before the problem was found, a value not dated after the
/// period); empty input cells say nothing. `file` names the file in the submission. A sheet or
/// heading that is not the form's is a ParseError naming it.
[[nodiscard]] CIVITAS_EXPORT FormReading read_submission_form(const Campaign& campaign, const std::vector<FilledSheet>& sheets,
                                                              const std::string& file);

/// Imports a filled form into `store`: any refused cell refuses it all (a ParseError naming the
/// file and listing every cell, nothing stored) unless options.partial, which imports the rest and
/// lists the refused cells and records in the result; the store's own refusals name the form's
/// rows. `provenance` gives when it was submitted and who (an empty submitted_by: the cover's).
CIVITAS_EXPORT ImportResult import_form(CampaignStore& store, const Campaign& campaign, const FormReading& reading,
                                        const Submission& provenance, const ImportOptions& options = {});

}  // namespace civitas
