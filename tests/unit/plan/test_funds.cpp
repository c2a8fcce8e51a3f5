// Campaign funds: budget lines per task (one per fund account), spending from them (专款专用),
// and the money in a plan's status: budget, planned and earned value in yuan, spending, the
// cost performance index, each account, and the lines overspent.

#include <civitas/civitas.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace civitas;

namespace {

Date day(const char* iso) { return parse_date(iso, "test"); }

// The whole message of the error `make` throws (with its file and path) in `language`.
template <class Make>
std::string refusal(Make&& make, Language language = Language::en) {
    try {
        (void)make();
    } catch (const Error& error) {
        return error.message(language);
    }
    return "no error";
}

// M. Salama, "Earned Value Overview" (Chapter 14, lecture notes): ten houses at $1,000 each, one
// a week for ten weeks; at the end of week 4 three are built and $1,500, $1,000, $2,000 and $1,500
// were spent in weeks 1 to 4. BAC = 10,000, PV = 4,000, EV = 3,000, AC = 6,000, CPI = 0.5,
// SPI = 0.75. Here each house is a task of one week (Monday 3 March 2025 onwards, weekends off),
// its week's money paid for it.
Plan ten_houses() {
    PlanSpec spec;
    spec.id = "houses";
    spec.responsibility_fields = {"department"};
    const std::vector<double> paid = {1500, 1000, 2000, 1500};
    for (int k = 0; k < 10; ++k) {
        Task house;
        house.id = "house-" + std::to_string(k + 1);
        house.start = day("2025-03-03") + boost::gregorian::days(7 * k);
        house.due = house.start + boost::gregorian::days(4);
        house.budget = {{"", 1000}};
        house.responsibility = {{"department", k % 2 == 0 ? "建设局" : "城管局"}};
        if (k < 3) house.percent_complete = 100;
        if (k < 4) house.spending = {{house.start + boost::gregorian::days(2), paid[static_cast<std::size_t>(k)], "", "week " + std::to_string(k + 1)}};
        spec.tasks.push_back(house);
    }
    return Plan(spec);
}

}  // namespace

TEST(Funds, TheTenHousesAtTheEndOfWeekFour) {
    const PlanStatus s = status(ten_houses(), WorkCalendar(), day("2025-03-28"));
    EXPECT_DOUBLE_EQ(s.overall.budget, 10000);
    EXPECT_DOUBLE_EQ(s.overall.budget_planned, 4000);
    EXPECT_DOUBLE_EQ(s.overall.budget_earned, 3000);
    EXPECT_DOUBLE_EQ(s.overall.spent, 6000);
    ASSERT_TRUE(s.overall.cpi);
    EXPECT_DOUBLE_EQ(*s.overall.cpi, 0.5);
    ASSERT_TRUE(s.overall.spi);
    EXPECT_DOUBLE_EQ(*s.overall.spi, 0.75);  // the same houses in working days: effort and money agree here
    ASSERT_TRUE(s.overall.spending_rate());
    EXPECT_DOUBLE_EQ(*s.overall.spending_rate(), 0.6);
    EXPECT_DOUBLE_EQ(s.task("house-4").spent, 1500);
    EXPECT_DOUBLE_EQ(s.task("house-4").budget, 1000);
    // The general fund ("") carries it all.
    ASSERT_EQ(s.by_account.size(), 1U);
    EXPECT_DOUBLE_EQ(s.by_account.at("").budget, 10000);
    EXPECT_DOUBLE_EQ(s.by_account.at("").spent, 6000);
    // Houses 1, 3 and 4 cost more than their $1,000: the most overspent first, then in plan order.
    ASSERT_EQ(s.over_budget.size(), 3U);
    EXPECT_EQ(s.over_budget[0].id, "house-3");
    EXPECT_DOUBLE_EQ(s.over_budget[0].spent, 2000);
    EXPECT_EQ(s.over_budget[1].id, "house-1");
    EXPECT_EQ(s.over_budget[2].id, "house-4");
    EXPECT_EQ(s.over_budget[2].responsibility.at("department"), "城管局");
    // By department: 建设局 has houses 1, 3, 5, 7, 9 (two built, 3,500 paid), 城管局 2, 4, ... (one, 2,500).
    const Progress& building = s.by_responsibility.at("department").at("建设局");
    EXPECT_DOUBLE_EQ(building.budget, 5000);
    EXPECT_DOUBLE_EQ(building.budget_earned, 2000);
    EXPECT_DOUBLE_EQ(building.spent, 3500);
    EXPECT_DOUBLE_EQ(*building.cpi, 2000.0 / 3500.0);
    EXPECT_NE(to_string(s).find("spent 6000 of 10000 yuan, CPI 0.5"), std::string::npos) << to_string(s);
}

TEST(Funds, SpendingCountsOnlyUpToTheStatusDate) {
    // At the end of week 1 only house 1's $1,500 is paid: nothing is earned yet (0% reported then is
    // not modelled; the reported 100% counts), and CPI is EV / AC of what is paid by then.
    const PlanStatus s = status(ten_houses(), WorkCalendar(), day("2025-03-07"));
    EXPECT_DOUBLE_EQ(s.overall.spent, 1500);
    EXPECT_DOUBLE_EQ(s.overall.budget_planned, 1000);
    ASSERT_EQ(s.over_budget.size(), 1U);
    EXPECT_EQ(s.over_budget[0].id, "house-1");
    // Before anything is paid there is no CPI, and a plan without budgets has no money at all.
    EXPECT_FALSE(status(ten_houses(), WorkCalendar(), day("2025-03-03")).overall.cpi);
    PlanSpec bare;
    bare.id = "bare";
    Task t;
    t.id = "t";
    t.start = day("2025-03-03");
    t.due = day("2025-03-07");
    bare.tasks = {t};
    const PlanStatus none = status(Plan(bare), WorkCalendar(), day("2025-03-05"));
    EXPECT_TRUE(none.by_account.empty());
    EXPECT_FALSE(none.overall.spending_rate());
    EXPECT_EQ(to_string(none).find("yuan"), std::string::npos);
}

TEST(Funds, EarmarkedAccountsAndRefunds) {
    // One task, two accounts: 800,000 from the special account (创建专户) and 200,000 from the
    // district's; a refund of 50,000 to the special account.
    PlanSpec spec;
    spec.id = "funds";
    Task t;
    t.id = "sewer";
    t.start = day("2025-03-03");
    t.due = day("2025-03-31");
    t.budget = {{"创建专户", 800000}, {"区级配套", 200000}};
    t.spending = {{day("2025-03-05"), 600000, "创建专户", "合同首付"},
                  {day("2025-03-12"), 250000, "区级配套", ""},
                  {day("2025-03-20"), -50000, "创建专户", "退回"}};
    spec.tasks = {t};
    const PlanStatus s = status(Plan(spec), WorkCalendar(), day("2025-03-31"));
    EXPECT_DOUBLE_EQ(s.task("sewer").spent, 800000);
    EXPECT_DOUBLE_EQ(s.by_account.at("创建专户").spent, 550000);
    EXPECT_DOUBLE_EQ(*s.by_account.at("创建专户").spending_rate(), 550000.0 / 800000.0);
    // The district's line is overspent though the task as a whole is not: each line is its own.
    ASSERT_EQ(s.over_budget.size(), 1U);
    EXPECT_EQ(s.over_budget[0].account, "区级配套");
    EXPECT_DOUBLE_EQ(s.over_budget[0].spent, 250000);
}

TEST(Funds, PaymentsSummingToTheLineAreNotOverspent) {
    // 0.1 + 0.2 is not 0.3 in binary: money within half a fen of its line is on budget.
    PlanSpec spec;
    spec.id = "cents";
    Task t;
    t.id = "t";
    t.start = day("2025-03-03");
    t.due = day("2025-03-07");
    t.budget = {{"", 0.3}};
    t.spending = {{day("2025-03-03"), 0.1, "", ""}, {day("2025-03-04"), 0.2, "", ""}};
    spec.tasks = {t};
    EXPECT_TRUE(status(Plan(spec), WorkCalendar(), day("2025-03-07")).over_budget.empty());
}

TEST(Funds, PlanFilesCarryBudgetsAndSpending) {
    const std::string text = R"({"id": "p", "tasks": [
        {"id": "a", "start": "2025-03-03", "due": "2025-03-07", "budget": 1200000,
         "spending": [{"date": "2025-03-04", "amount": 300000, "note": "首付"}]},
        {"id": "b", "start": "2025-03-03", "due": "2025-03-07",
         "budget": [{"account": "创建专户", "amount": 500000}, {"amount": 100000}],
         "spending": [{"date": "2025-03-05", "amount": 20000, "account": "创建专户"}]}]})";
    const Plan plan = parse_plan(text);
    const Task& a = plan.tasks()[0];
    ASSERT_EQ(a.budget.size(), 1U);
    EXPECT_EQ(a.budget[0].account, "");
    EXPECT_DOUBLE_EQ(a.budget[0].amount, 1200000);
    ASSERT_EQ(a.spending.size(), 1U);
    EXPECT_EQ(a.spending[0].note, "首付");
    EXPECT_EQ(a.spending[0].date, day("2025-03-04"));
    const Task& b = plan.tasks()[1];
    ASSERT_EQ(b.budget.size(), 2U);
    EXPECT_EQ(b.budget[0].account, "创建专户");
    EXPECT_EQ(b.budget[1].account, "");
    // Written back and read again: the same plan (one general-fund line as a bare amount).
    const std::string written = plan_to_json(plan);
    EXPECT_NE(written.find("\"budget\": 1200000"), std::string::npos) << written;
    EXPECT_EQ(parse_plan(written), plan);
}

TEST(Funds, BadMoneyIsRefusedNamingTheLineAndTheRule) {
    auto with = [](const std::string& task) {
        return [task] { return parse_plan(R"({"id": "p", "tasks": [)" + task + "]}"); };
    };
    const std::string head = R"("id": "a", "start": "2025-03-03", "due": "2025-03-07")";
    EXPECT_EQ(refusal(with("{" + head + R"(, "budget": -5})")),
              "<string>: $.tasks[0].budget[0].amount: -5 yuan in a budget line of task 'a'; expected an amount in yuan in [0, 1e15]");
    EXPECT_EQ(refusal(with("{" + head + R"(, "budget": [{"account": "x", "amount": 1}, {"account": "x", "amount": 2}]})")),
              "<string>: $.tasks[0].budget[1].account: account 'x' has two budget lines in task 'a'; expected one line per account");
    // Earmarked money (专款专用): a payment from an account the task has no line for.
    const std::string other = refusal(with("{" + head + R"(, "budget": [{"account": "专户", "amount": 10}],
        "spending": [{"date": "2025-03-04", "amount": 5, "account": "区级"}]})"));
    EXPECT_EQ(other, "<string>: $.tasks[0].spending[0].account: account '区级' is not in the budget of task 'a'; expected one of: account '专户' "
                     "(earmarked: money is spent from its own line)");
    EXPECT_EQ(refusal(with("{" + head + R"(, "budget": [{"account": "专户", "amount": 10}],
        "spending": [{"date": "2025-03-04", "amount": 5, "account": "区级"}]})"), Language::zh),
              "<string>: $.tasks[0].spending[0].account: 账户 '区级' 不在任务 'a' 的预算中；应为以下之一：账户 '专户'（专款专用）");
    EXPECT_EQ(refusal(with("{" + head + R"(, "spending": [{"date": "2025-03-04", "amount": 5}]})")),
              "<string>: $.tasks[0].spending[0].account: task 'a' has no budget; expected spending only on a task with a budget line "
              "for its account (money is earmarked)");
    EXPECT_EQ(refusal(with("{" + head + R"(, "budget": 10, "spending": [{"date": "2025-03-04", "amount": 0}]})")),
              "<string>: $.tasks[0].spending[0].amount: 0 yuan paid for task 'a'; expected an amount in yuan other than 0 within ±1e15 "
              "(negative: a refund)");
    EXPECT_NE(refusal(with("{" + head + R"(, "budget": 1e300})")).find("expected an amount in yuan in [0, 1e15]"), std::string::npos);
    // A refund of more than was paid from the line before it, in date order (not file order).
    EXPECT_EQ(refusal(with("{" + head + R"(, "budget": [{"account": "x", "amount": 10}],
        "spending": [{"date": "2025-03-06", "amount": 5, "account": "x"}, {"date": "2025-03-05", "amount": -5, "account": "x"}]})")),
              "<string>: $.tasks[0].spending: the refunds of task 'a' from account 'x' exceed what was paid by 2025-03-05 (-5 yuan in all); "
              "expected refunds of no more than was paid before them");
    EXPECT_EQ(refusal(with("{" + head + R"(, "budget": 10, "spending": [{"date": "2025-03-04", "amount": -1}]})"), Language::zh),
              "<string>: $.tasks[0].spending: 任务 'a' 从统筹资金 的退回超过截至 2025-03-04 已支出的金额（合计 -1 元）；退回不应超过此前已支出的金额");
    // A budget that is neither an amount nor lines.
    try {
        (void)parse_plan(R"({"id": "p", "tasks": [{)" + head + R"(, "budget": "much"}]})");
        FAIL() << "expected ParseError";
    } catch (const ParseError& error) {
        EXPECT_NE(std::string(error.what()).find("<string>: $.tasks[0].budget"), std::string::npos) << error.what();
        EXPECT_NE(std::string(error.what()).find("an amount in yuan or an array"), std::string::npos) << error.what();
    }
}

TEST(Funds, ValidationOfASpecBuiltInCode) {
    // NaN and infinities never pass, whatever builds the plan.
    PlanSpec spec;
    spec.id = "p";
    Task t;
    t.id = "t";
    t.start = day("2025-03-03");
    t.due = day("2025-03-07");
    t.budget = {{"", std::numeric_limits<double>::quiet_NaN()}};
    spec.tasks = {t};
    EXPECT_NE(refusal([&] { return Plan(spec); }).find("$.tasks[0].budget[0].amount: nan yuan"), std::string::npos)
        << refusal([&] { return Plan(spec); });
    spec.tasks[0].budget = {{"", 10}};
    spec.tasks[0].spending = {{day("2025-03-04"), std::numeric_limits<double>::infinity(), "", ""}};
    EXPECT_NE(refusal([&] { return Plan(spec); }).find("$.tasks[0].spending[0].amount"), std::string::npos);
    spec.tasks[0].spending = {{Date(), 5, "", ""}};
    EXPECT_EQ(refusal([&] { return Plan(spec); }), "$.tasks[0].spending[0].date: not a date; expected a date YYYY-MM-DD");
}
