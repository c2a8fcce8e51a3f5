// Submission forms: what a department's form holds, CSV files written and read back, every bad
// cell named with its place in both languages, and an import that stores all or nothing.

#include "support.hpp"

#include <civitas/io/form_csv.hpp>
#include <civitas/store/submission_form.hpp>

#include <fstream>

namespace civitas {
namespace {

using test::TempFolder;

Date day(const char* iso) { return parse_date(iso, "test"); }

std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

const char* const campaign_text = R"({
  "format": "civitas-campaign/1",
  "id": "city",
  "titles": [{"id": "garden", "name": "国家园林城市", "framework": "lanzhou-illustrative"}],
  "units": [{"id": "city", "name": "示例市"}, {"id": "east", "name": "东区", "parent": "city"}, {"id": "west", "name": "西区", "parent": "city"}],
  "departments": [{"id": "gardens", "name": "市园林局"}, {"id": "housing", "name": "市住建局"},
                  {"id": "east_government", "name": "东区人民政府", "unit": "east"}],
  "targets": [
    {"title": "garden", "indicator": "built_up_green_coverage", "unit": "city", "value": 40, "department": "gardens"},
    {"title": "garden", "indicator": "built_up_green_coverage", "unit": "east", "value": 38},
    {"title": "garden", "indicator": "dedicated_funds", "unit": "city", "value": 1, "department": "gardens"},
    {"title": "garden", "indicator": "theme_gardens_new", "value": 3, "department": "housing"}
  ],
  "plan": {
    "id": "plan",
    "responsibility_fields": ["department", "unit"],
    "tasks": [
      {"id": "parks", "name": "新建公园", "start": "2026-01-05", "due": "2026-03-31", "responsibility": {"department": "市园林局"}},
      {"id": "trees", "name": "行道树补植", "start": "2026-01-05", "due": "2026-06-30", "responsibility": {"department": "gardens"},
       "budget": [{"account": "创建专户", "amount": 500000}, {"amount": 80000}],
       "spending": [{"date": "2026-02-10", "amount": 120000, "account": "创建专户"}]},
      {"id": "done", "name": "已完成的任务", "start": "2026-01-05", "due": "2026-01-30", "actual_start": "2026-01-05",
       "actual_finish": "2026-01-29", "responsibility": {"department": "gardens"}, "budget": 30000},
      {"id": "roads", "name": "道路整治", "start": "2026-01-05", "due": "2026-06-30", "responsibility": {"department": "东区城管科", "unit": "东区"}}
    ],
    "problems": [
      {"id": "dust", "description": "工地扬尘", "source": "2026年1月督查", "found": "2026-01-10", "deadline": "2026-02-10",
       "responsibility": {"department": "市园林局"}},
      {"id": "litter", "description": "背街小巷垃圾", "source": "2026年1月督查", "found": "2026-01-10", "deadline": "2026-02-10",
       "responsibility": {"unit": "东区"}}
    ]
  },
  "observations": ["observations.csv"],
  "store": "campaign.db"
})";

class FormFolder : public TempFolder {
public:
    FormFolder()
        : campaign_file((write("observations.csv", "unit,indicator,date,value\ncity,built_up_green_coverage,2025-12-31,37.2\n"),
                         write("campaign.json", campaign_text))),
          campaign(load_campaign(campaign_file)) {}
    std::filesystem::path campaign_file;
    Campaign campaign;
};

FormOptions march(Language language = Language::zh) {
    FormOptions options;
    options.period = "2026-03";
    options.language = language;
    return options;
}

const FormSheet& sheet(const SubmissionForm& form, const std::string& id) {
    for (const FormSheet& s : form.sheets)
        if (s.id == id) return s;
    throw std::runtime_error("no sheet " + id);
}

// The filled sheets of `form` as a file would give them back, headings first.
std::vector<FilledSheet> filled(const SubmissionForm& form, const std::string& file = "gardens.xlsx") {
    std::vector<FilledSheet> sheets;
    for (const FormSheet& s : form.sheets) {
        FilledSheet f{s.name, file, {s.headings}};
        for (const auto& row : s.cells) f.rows.push_back(row);
        sheets.push_back(std::move(f));
    }
    return sheets;
}

// Sets the cell of `column` in the row whose first cell is `key` (and third `key2`, for indicators).
void fill(std::vector<FilledSheet>& sheets, const SubmissionForm& form, const std::string& id, const std::string& key,
          const std::string& column, const std::string& value, const std::string& key2 = "") {
    std::size_t s = 0;
    while (form.sheets[s].id != id) ++s;
    const auto& columns = form.sheets[s].columns;
    const std::size_t c = static_cast<std::size_t>(std::find(columns.begin(), columns.end(), column) - columns.begin());
    for (auto& row : sheets[s].rows)
        if (row[0] == key && (key2.empty() || row[2] == key2)) {
            row[c] = value;
            return;
        }
    throw std::runtime_error("no row " + key);
}

TEST(SubmissionForm, HoldsWhatTheDepartmentAnswersFor) {
    const FormFolder folder;
    const SubmissionForm form = submission_form(folder.campaign, "gardens", march());
    EXPECT_EQ(form.campaign, "city");
    EXPECT_EQ(form.department, "gardens");
    ASSERT_EQ(form.sheets.size(), 5U);
    EXPECT_EQ(form.sheets[0].name, "填报说明");
    // The cover: campaign, department, period, and who fills it in as its one input.
    const FormSheet& cover = sheet(form, "cover");
    EXPECT_EQ(cover.cells[0], (std::vector<std::string>{"campaign", "创建方案", "city"}));
    EXPECT_EQ(cover.cells[2], (std::vector<std::string>{"department", "责任部门", "gardens"}));
    EXPECT_EQ(cover.cells[4][2], "2026-03");
    EXPECT_EQ(cover.rules[5][2].kind, CellKind::text);  // 填报人
    EXPECT_EQ(cover.rules[4][2].kind, CellKind::label);
    // Indicators: its targets' units (the city's coverage and funds; east's coverage names no
    // department, so east's government answers for it), the line, target and last value.
    const FormSheet& indicators = sheet(form, "indicators");
    ASSERT_EQ(indicators.cells.size(), 2U);
    EXPECT_EQ(indicators.cells[0], (std::vector<std::string>{"city", "示例市", "built_up_green_coverage", "建成区绿化覆盖率", "%", ">= 36", "40",
                                                             "37.2", "2025-12-31", "", "2026-03-31", ""}));
    EXPECT_EQ(indicators.headings[9], "本期数值");
    EXPECT_EQ(indicators.rules[0][9], (CellRule{CellKind::number, 0.0, 100.0}));
    EXPECT_EQ(indicators.rules[0][10].kind, CellKind::date);
    EXPECT_EQ(indicators.rules[0][0].kind, CellKind::label);
    EXPECT_EQ(indicators.cells[1][2], "dedicated_funds");
    EXPECT_EQ(indicators.cells[1][5], "是");
    EXPECT_EQ(indicators.rules[1][9].kind, CellKind::yes_no);
    // Tasks: its unfinished ones, by id or by name; problems: its open ones.
    const FormSheet& tasks = sheet(form, "tasks");
    ASSERT_EQ(tasks.cells.size(), 2U);
    EXPECT_EQ(tasks.cells[0], (std::vector<std::string>{"parks", "新建公园", "2026-01-05", "2026-03-31", "0", "", "", ""}));
    EXPECT_EQ(tasks.cells[1][0], "trees");
    EXPECT_EQ(tasks.rules[0][5], (CellRule{CellKind::number, 0.0, 100.0}));
    const FormSheet& problems = sheet(form, "problems");
    ASSERT_EQ(problems.cells.size(), 1U);
    EXPECT_EQ(problems.cells[0][0], "dust");
    // A district's government: its unit's target with no department, its unit's tasks and problems.
    const SubmissionForm east = submission_form(folder.campaign, "east_government", march());
    ASSERT_EQ(sheet(east, "indicators").cells.size(), 1U);
    EXPECT_EQ(sheet(east, "indicators").cells[0][0], "east");
    EXPECT_EQ(sheet(east, "indicators").cells[0][5], ">= 36");  // no sub-unit line in this framework: the pass line
    ASSERT_EQ(sheet(east, "tasks").cells.size(), 1U);
    EXPECT_EQ(sheet(east, "tasks").cells[0][0], "roads");
    EXPECT_EQ(sheet(east, "problems").cells[0][0], "litter");
    // As of a day: the last values known by it, the tasks not finished and problems not closed by it.
    FormOptions earlier = march();
    earlier.as_of = day("2026-01-28");
    const SubmissionForm january = submission_form(folder.campaign, "gardens", earlier);
    EXPECT_EQ(sheet(january, "tasks").cells.size(), 3U);  // "done" finished on 2026-01-29
    EXPECT_EQ(sheet(january, "indicators").cells[0][7], "37.2");
    earlier.as_of = day("2025-12-30");
    const SubmissionForm december = submission_form(folder.campaign, "gardens", earlier);
    EXPECT_EQ(sheet(december, "indicators").cells[0][7], "");  // the value is dated 2025-12-31
    EXPECT_EQ(sheet(december, "problems").cells.size(), 1U);  // found on 2026-01-10: a form lists what the office knows
    // A target for every unit gives a row per unit.
    EXPECT_EQ(sheet(submission_form(folder.campaign, "housing", march()), "indicators").cells.size(), 3U);
}

TEST(SubmissionForm, ASpendingSheetHasARowPerBudgetLine) {
    // The department's budget lines, a finished task's too (bills come after the work), with what
    // was paid so far; the amount, its day and a voucher to fill in.
    const FormFolder folder;
    const SubmissionForm form = submission_form(folder.campaign, "gardens", march());
    const FormSheet& spending = sheet(form, "spending");
    EXPECT_EQ(spending.name, "经费支出");
    EXPECT_EQ(spending.headings[5], "本期支出（元）");
    ASSERT_EQ(spending.cells.size(), 3U);
    EXPECT_EQ(spending.cells[0], (std::vector<std::string>{"trees", "行道树补植", "创建专户", "500000", "120000", "", "", ""}));
    EXPECT_EQ(spending.cells[1][2], "");  // the general fund
    EXPECT_EQ(spending.cells[2][0], "done");
    EXPECT_EQ(spending.rules[0][5], (CellRule{CellKind::number, -1e15, 1e15}));
    std::vector<FilledSheet> sheets = filled(form);
    fill(sheets, form, "spending", "trees", "amount", "45000.5", "创建专户");
    fill(sheets, form, "spending", "trees", "note", "苗木款", "创建专户");
    fill(sheets, form, "spending", "done", "amount", "2000");
    fill(sheets, form, "spending", "done", "date", "2026-03-05");
    const FormReading reading = read_submission_form(folder.campaign, sheets, "gardens.xlsx");
    ASSERT_TRUE(reading.errors.empty()) << to_string(reading.errors.front());
    ASSERT_EQ(reading.submission.spending.size(), 2U);
    EXPECT_EQ(reading.submission.spending[0], (SpendingReport{"trees", day("2026-03-31"), 45000.5, "创建专户", "苗木款", std::nullopt}));
    EXPECT_EQ(reading.submission.spending[1], (SpendingReport{"done", day("2026-03-05"), 2000, "", "", std::nullopt}));
    EXPECT_EQ(reading.places.back().text(Language::zh), "工作表 经费支出，第 4 行");
    CampaignStore store(folder.path() / "campaign.db");
    Submission provenance;
    provenance.submitted_at = day("2026-04-03");
    EXPECT_EQ(import_form(store, folder.campaign, reading, provenance).spending_reports, 2U);
    // A 0 says nothing was paid.
    fill(sheets, form, "spending", "trees", "amount", "0", "创建专户");
    fill(sheets, form, "spending", "done", "amount", "");
    EXPECT_TRUE(read_submission_form(folder.campaign, sheets, "gardens.xlsx").submission.spending.empty());
    // The store's refusal names the form's row: a refund of more than the 2000 paid from the line.
    fill(sheets, form, "spending", "done", "amount", "-5000");
    const Campaign now = load_campaign(folder.campaign_file);  // with the store's payments
    try {
        (void)import_form(store, now, read_submission_form(now, sheets, "gardens.xlsx"), provenance);
        FAIL() << "imported a refund of more than was paid";
    } catch (const ParseError& error) {
        EXPECT_NE(std::string(error.what()).find("gardens.xlsx: sheet 经费支出, row 4: the refunds of task \"done\" from the general fund exceed "
                                                 "what was paid by 2026-03-05 (-3000 yuan in all)"),
                  std::string::npos)
            << error.what();
    }
}

TEST(SubmissionForm, HeadingsInEnglish) {
    const FormFolder folder;
    const SubmissionForm form = submission_form(folder.campaign, "gardens", march(Language::en));
    EXPECT_EQ(form.sheets[1].name, "Indicators");
    EXPECT_EQ(form.sheets[1].headings[9], "Value");
    EXPECT_EQ(form.sheets[1].cells[1][5], "yes");
}

TEST(SubmissionForm, UnknownDepartmentOrBadPeriodIsRefused) {
    const FormFolder folder;
    try {
        (void)submission_form(folder.campaign, "water", march());
        FAIL();
    } catch (const ValidationError& error) {
        EXPECT_NE(std::string(error.what()).find("unknown department 'water'; expected one of: gardens, housing, east_government"), std::string::npos)
            << error.what();
        EXPECT_NE(error.message(Language::zh).find("责任部门 'water' 未定义"), std::string::npos);
    }
    FormOptions bad;
    bad.period = "2026-3";
    EXPECT_THROW((void)submission_form(folder.campaign, "gardens", bad), ValidationError);
}

TEST(SubmissionForm, AFilledFormReadsAsASubmission) {
    const FormFolder folder;
    const SubmissionForm form = submission_form(folder.campaign, "gardens", march());
    std::vector<FilledSheet> sheets = filled(form);
    fill(sheets, form, "cover", "submitted_by", "value", "李娜");
    fill(sheets, form, "indicators", "city", "value", "38.5", "built_up_green_coverage");
    fill(sheets, form, "indicators", "city", "source", "园林局年报", "built_up_green_coverage");
    fill(sheets, form, "indicators", "city", "value", "是", "dedicated_funds");
    fill(sheets, form, "indicators", "city", "date", "2026-02-28", "dedicated_funds");
    fill(sheets, form, "tasks", "parks", "percent_complete", "100");
    fill(sheets, form, "tasks", "parks", "actual_start", "2026-01-06");
    fill(sheets, form, "tasks", "parks", "actual_finish", "2026-03-20");
    fill(sheets, form, "problems", "dust", "closed", "2026-02-08");
    fill(sheets, form, "problems", "dust", "note", "围挡已补齐");
    const FormReading reading = read_submission_form(folder.campaign, sheets, "gardens.xlsx");
    EXPECT_TRUE(reading.errors.empty()) << to_string(reading.errors.front());
    const Submission& s = reading.submission;
    EXPECT_EQ(s.department, "gardens");
    EXPECT_EQ(s.period, "2026-03");
    EXPECT_EQ(s.file, "gardens.xlsx");
    EXPECT_EQ(s.submitted_by, "李娜");
    ASSERT_EQ(s.observations.size(), 2U);
    EXPECT_EQ(s.observations[0].unit, "city");
    EXPECT_EQ(s.observations[0].date, day("2026-03-31"));  // the period's last day, as filled in
    EXPECT_EQ(s.observations[0].value, 38.5);
    EXPECT_EQ(s.observations[0].source, "园林局年报");
    EXPECT_EQ(s.observations[1].value, 1.0);
    EXPECT_EQ(s.observations[1].date, day("2026-02-28"));
    ASSERT_EQ(s.tasks.size(), 1U);  // trees: nothing filled in, nothing said
    EXPECT_EQ(s.tasks[0], (TaskReport{"parks", 100.0, day("2026-01-06"), day("2026-03-20"), std::nullopt}));
    ASSERT_EQ(s.problems.size(), 1U);
    EXPECT_EQ(s.problems[0], (ProblemUpdate{"dust", day("2026-02-08"), "围挡已补齐", std::nullopt}));
    ASSERT_EQ(reading.places.size(), 4U);
    EXPECT_EQ(reading.places[2].text(Language::en), "sheet 任务, row 2");
}

TEST(SubmissionForm, EveryBadCellIsNamedWithItsPlace) {
    const FormFolder folder;
    const SubmissionForm form = submission_form(folder.campaign, "gardens", march());
    std::vector<FilledSheet> sheets = filled(form);
    fill(sheets, form, "indicators", "city", "value", "130", "built_up_green_coverage");
    fill(sheets, form, "indicators", "city", "value", "maybe", "dedicated_funds");
    fill(sheets, form, "tasks", "parks", "percent_complete", "八十");
    fill(sheets, form, "tasks", "trees", "actual_finish", "2026-02-30");
    fill(sheets, form, "problems", "dust", "closed", "2026-01-01");
    const FormReading reading = read_submission_form(folder.campaign, sheets, "gardens.xlsx");
    ASSERT_EQ(reading.errors.size(), 5U);
    EXPECT_EQ(to_string(reading.errors[0]), "sheet 指标, cell J2 (本期数值): 130 is outside [0, 100]; expected a value in that range");
    EXPECT_EQ(to_string(reading.errors[0], Language::zh), "工作表 指标，单元格 J2（本期数值）：130 超出 [0, 100]；应为该范围内的值");
    EXPECT_EQ(to_string(reading.errors[1]), "sheet 指标, cell J3 (本期数值): \"maybe\" is not yes or no; expected yes or no");
    EXPECT_EQ(to_string(reading.errors[2]), "sheet 任务, cell F2 (本期进度（%）): \"八十\" is not a number; expected a number such as 36.5");
    EXPECT_EQ(to_string(reading.errors[3]), "sheet 任务, cell H3 (实际完成日期): \"2026-02-30\" is not a date; expected YYYY-MM-DD");
    EXPECT_EQ(to_string(reading.errors[4]),
              "sheet 问题整改, cell F2 (销号日期): 2026-01-01 is before the problem was found (2026-01-10); expected a day on or after it");
    EXPECT_TRUE(reading.submission.observations.empty());
    EXPECT_TRUE(reading.submission.tasks.empty());
    EXPECT_TRUE(reading.submission.problems.empty());
}

TEST(SubmissionForm, RowsAndSheetsNotOfTheFormAreRefused) {
    const FormFolder folder;
    const SubmissionForm form = submission_form(folder.campaign, "gardens", march());
    {  // a row the form did not give: another department's task; its own finished task is one a form made earlier gave
        std::vector<FilledSheet> sheets = filled(form);
        sheets[2].rows.push_back({"roads", "道路整治", "", "", "", "50", "", ""});
        sheets[2].rows.push_back({"done", "已完成的任务", "", "", "", "100", "", ""});
        const FormReading reading = read_submission_form(folder.campaign, sheets, "gardens.xlsx");
        ASSERT_EQ(reading.errors.size(), 1U);
        EXPECT_EQ(to_string(reading.errors[0]),
                  "sheet 任务, cell A4 (任务代码): \"roads\" is not a row of this department's form; expected the ids the form gave");
        ASSERT_EQ(reading.submission.tasks.size(), 1U);
        EXPECT_EQ(reading.submission.tasks[0].task, "done");
    }
    const auto parse_error = [&](std::vector<FilledSheet> sheets) -> std::string {
        try {
            (void)read_submission_form(folder.campaign, sheets, "gardens.xlsx");
        } catch (const ParseError& error) {
            EXPECT_EQ(error.file(), "gardens.xlsx");
            return error.what();
        }
        return "nothing thrown";
    };
    std::vector<FilledSheet> moved = filled(form);
    std::swap(moved[2].rows[0][6], moved[2].rows[0][7]);
    EXPECT_EQ(parse_error(moved),
              "gardens.xlsx: sheet 任务, cell G1 (): the heading is \"实际完成日期\"; expected \"实际开始日期\" (the form's columns in its order)");
    std::vector<FilledSheet> other = filled(form);
    other[0].rows[1][2] = "another";
    EXPECT_NE(parse_error(other).find("the form is for campaign \"another\"; expected \"city\""), std::string::npos);
    std::vector<FilledSheet> renamed = filled(form);
    renamed[3].name = "Sheet1";
    EXPECT_NE(parse_error(renamed).find("\"Sheet1\" is not a sheet of a submission form; expected one of: 填报说明 / Cover"), std::string::npos);
    std::vector<FilledSheet> no_cover = filled(form);
    no_cover.erase(no_cover.begin());
    EXPECT_NE(parse_error(no_cover).find("the form has no cover sheet"), std::string::npos);
    // English headings and sheet names read as well as Chinese ones.
    const SubmissionForm english = submission_form(folder.campaign, "gardens", march(Language::en));
    std::vector<FilledSheet> sheets = filled(english);
    fill(sheets, english, "tasks", "trees", "percent_complete", "40");
    const FormReading reading = read_submission_form(folder.campaign, sheets, "gardens.xlsx");
    ASSERT_EQ(reading.submission.tasks.size(), 1U);
    EXPECT_EQ(reading.submission.tasks[0].percent_complete, 40.0);
}

TEST(SubmissionForm, CsvFilesWrittenAndReadBack) {
    const FormFolder folder;
    const SubmissionForm form = submission_form(folder.campaign, "gardens", march());
    const std::vector<std::filesystem::path> files = save_form_csv(form, folder.path() / "gardens-2026-03.csv");
    ASSERT_EQ(files.size(), 5U);
    EXPECT_EQ(files[2].filename(), "gardens-2026-03.tasks.csv");
    EXPECT_EQ(files[4].filename(), "gardens-2026-03.spending.csv");
    EXPECT_EQ(form_csv_file(folder.path() / "gardens-2026-03.tasks.csv", "cover").filename(), "gardens-2026-03.cover.csv");
    const std::string tasks = read_text(folder.path() / "gardens-2026-03.tasks.csv");
    EXPECT_EQ(tasks.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_NE(tasks.find("任务代码,任务,计划开始,计划完成,当前进度（%）,本期进度（%）,实际开始日期,实际完成日期\r\nparks,新建公园,2026-01-05,2026-03-31,0,,,\r\n"),
              std::string::npos) << tasks;
    // Filled in by a program that writes CSV: a percent in one row, a closing date in another.
    std::string text = tasks;
    text.replace(text.find("parks,新建公园,2026-01-05,2026-03-31,0,,,"), std::string("parks,新建公园,2026-01-05,2026-03-31,0,,,").size(),
                 "parks,新建公园,2026-01-05,2026-03-31,0,60,2026-01-07,");
    folder.write("gardens-2026-03.tasks.csv", text);
    folder.write("gardens-2026-03.problems.csv", "问题代码,问题,问题来源,发现日期,整改期限,销号日期,整改进展\ndust,,,,,2026-02-09,\"已整改, 待复查\"\n");
    const std::vector<FilledSheet> sheets = read_form_csv(folder.path() / "gardens-2026-03.cover.csv");
    ASSERT_EQ(sheets.size(), 5U);  // the spending sheet written above, untouched
    EXPECT_EQ(sheets[2].file, (folder.path() / "gardens-2026-03.tasks.csv").string());
    const FormReading reading = read_submission_form(folder.campaign, sheets, "gardens-2026-03.csv");
    ASSERT_TRUE(reading.errors.empty()) << to_string(reading.errors.front());
    ASSERT_EQ(reading.submission.tasks.size(), 1U);
    EXPECT_EQ(reading.submission.tasks[0], (TaskReport{"parks", 60.0, day("2026-01-07"), std::nullopt, std::nullopt}));
    ASSERT_EQ(reading.submission.problems.size(), 1U);
    EXPECT_EQ(reading.submission.problems[0].note, "已整改, 待复查");
    // A formula-like name is guarded in the file and read back as it was.
    SubmissionForm guarded = form;
    guarded.sheets[2].cells[0][1] = "=HYPERLINK(\"x\")";
    save_form_csv(guarded, folder.path() / "guarded.csv");
    EXPECT_NE(read_text(folder.path() / "guarded.tasks.csv").find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos);
    EXPECT_EQ(read_form_csv(folder.path() / "guarded.csv")[2].rows[1][1], "=HYPERLINK(\"x\")");
    // Without its cover the set cannot be read.
    EXPECT_THROW((void)read_form_csv(folder.path() / "missing.csv"), Error);
}

#if CIVITAS_TEST_HAS_STORE

TEST(SubmissionForm, ImportStoresAllOrNothing) {
    const FormFolder folder;
    const SubmissionForm form = submission_form(folder.campaign, "gardens", march());
    CampaignStore store(folder.path() / "campaign.db");
    Submission provenance;
    provenance.submitted_at = day("2026-04-03");
    // One bad cell: nothing stored, every bad cell listed.
    std::vector<FilledSheet> sheets = filled(form);
    fill(sheets, form, "indicators", "city", "value", "38.5", "built_up_green_coverage");
    fill(sheets, form, "tasks", "parks", "percent_complete", "120");
    const FormReading bad = read_submission_form(folder.campaign, sheets, "gardens.xlsx");
    try {
        (void)import_form(store, folder.campaign, bad, provenance);
        FAIL() << "imported a form with a bad cell";
    } catch (const ParseError& error) {
        EXPECT_EQ(std::string(error.what()),
                  "gardens.xlsx: 1 cells refused, nothing imported: sheet 任务, cell F2 (本期进度（%）): 120 is outside [0, 100]; expected a value in that range");
        EXPECT_NE(error.message(Language::zh).find("1 个单元格有误，未导入任何数据"), std::string::npos);
    }
    EXPECT_TRUE(store.submissions().empty());
    // Partial: the rest is stored, the cell listed.
    ImportOptions partial;
    partial.partial = true;
    const ImportResult some = import_form(store, folder.campaign, bad, provenance, partial);
    EXPECT_EQ(some.observations, 1U);
    EXPECT_EQ(some.task_reports, 0U);
    ASSERT_EQ(some.rejected.size(), 1U);
    EXPECT_EQ(some.rejected[0].record, "sheet 任务, cell F2 (本期进度（%）)");
    // A good one: stored with its provenance, who from the cover.
    fill(sheets, form, "tasks", "parks", "percent_complete", "100");
    fill(sheets, form, "tasks", "parks", "actual_finish", "2026-03-30");
    fill(sheets, form, "cover", "submitted_by", "value", "李娜");
    const ImportResult result = import_form(store, folder.campaign, read_submission_form(folder.campaign, sheets, "gardens.xlsx"), provenance);
    EXPECT_EQ(result.observations, 1U);
    ASSERT_EQ(result.corrections.size(), 0U);  // the same value again is no correction
    EXPECT_EQ(result.tasks_finished, std::vector<std::string>{"parks"});
    const SubmissionRecord record = store.submissions().back();
    EXPECT_EQ(record.department, "gardens");
    EXPECT_EQ(record.submitted_by, "李娜");
    EXPECT_EQ(record.submitted_at, day("2026-04-03"));
    EXPECT_EQ(record.file, "gardens.xlsx");
    EXPECT_EQ(record.period, "2026-03");
    // The store's own refusal names the form's row: an actual start after the submission's day.
    std::vector<FilledSheet> later = filled(form);
    fill(later, form, "tasks", "trees", "actual_start", "2026-05-01");
    try {
        (void)import_form(store, folder.campaign, read_submission_form(folder.campaign, later, "gardens.xlsx"), provenance);
        FAIL() << "imported a start after the submission";
    } catch (const ParseError& error) {
        EXPECT_NE(std::string(error.what()).find("gardens.xlsx: sheet 任务, row 3: task \"trees\": the actual date 2026-05-01 is after the report's date 2026-04-03"),
                  std::string::npos) << error.what();
        EXPECT_NE(error.message(Language::zh).find("工作表 任务，第 3 行"), std::string::npos) << error.message(Language::zh);
    }
    EXPECT_EQ(store.submissions().size(), 2U);
}

#endif

}  // namespace
}  // namespace civitas
