// The rules money obeys: budget lines and payments from them (专款专用).

#include "plan/detail/funds.hpp"

#include "core/detail/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace civitas::detail {

namespace {

// The accounts of a task's budget as a message lists them: account '创建专户', the general fund.
Message accounts_of(const Task& task) {
    Message list = account_named(task.budget.front().account);
    for (std::size_t k = 1; k < task.budget.size(); ++k)
        list = Message("{0}, {1}"_en, "{0}、{1}"_zh, {list, account_named(task.budget[k].account)});
    return list;
}

}  // namespace

Message account_named(const std::string& account) {
    if (account.empty()) return Message("the general fund"_en, "统筹资金"_zh);
    return Message("account '{0}'"_en, "账户 '{0}'"_zh, {account});
}

double paid_from(const Task& task, const std::string& account, Date as_of) {
    double paid = 0;
    for (const Spending& s : task.spending)
        if (s.account == account && s.date <= as_of) paid += s.amount;
    return paid;
}

std::optional<FundsFault> budget_fault(const BudgetLine& line, const Message& owner) {
    if (line.amount >= 0 && line.amount <= max_amount) return std::nullopt;
    return FundsFault{"amount", Message("{0} yuan in a budget line of {1}; expected an amount in yuan in [0, 1e15]"_en,
                                        "{1} 的预算明细金额为 {0} 元；应为 [0, 1e15] 之内的金额（元）"_zh,
                                        {format_number(line.amount), owner})};
}

std::optional<FundsFault> spending_fault(const Task& task, const Spending& paid, const Message& owner) {
    if (!(std::abs(paid.amount) <= max_amount) || paid.amount == 0)
        return FundsFault{"amount", Message("{0} yuan paid for {1}; expected an amount in yuan other than 0 within ±1e15 (negative: a refund)"_en,
                                            "{1} 的支出金额为 {0} 元；应为 ±1e15 之内且不为 0 的金额（元，负数为退回）"_zh,
                                            {format_number(paid.amount), owner})};
    const bool budgeted = std::any_of(task.budget.begin(), task.budget.end(), [&](const BudgetLine& line) { return line.account == paid.account; });
    if (budgeted) return std::nullopt;
    if (task.budget.empty())
        return FundsFault{"account", Message("{0} has no budget; expected spending only on a task with a budget line for its account (money is earmarked)"_en,
                                             "{0} 没有预算；支出只能记在有该资金来源预算明细的任务上（专款专用）"_zh, {owner})};
    return FundsFault{"account", Message("{0} is not in the budget of {1}; expected one of: {2} (earmarked: money is spent from its own line)"_en,
                                         "{0} 不在{1} 的预算中；应为以下之一：{2}（专款专用）"_zh,
                                         {account_named(paid.account), owner, accounts_of(task)})};
}

std::optional<FundsFault> balance_fault(const Task& task, const Message& owner) {
    std::vector<const Spending*> by_date;
    for (const Spending& s : task.spending) by_date.push_back(&s);
    std::stable_sort(by_date.begin(), by_date.end(), [](const Spending* a, const Spending* b) { return a->date < b->date; });
    std::map<std::string, double> paid;
    for (const Spending* s : by_date) {
        const double now = paid[s->account] += s->amount;
        if (now < -half_fen)
            return FundsFault{"", Message("the refunds of {0} from {1} exceed what was paid by {2} ({3} yuan in all); expected refunds of no more than was paid before them"_en,
                                          "{0} 从{1} 的退回超过截至 {2} 已支出的金额（合计 {3} 元）；退回不应超过此前已支出的金额"_zh,
                                          {owner, account_named(s->account), to_iso(s->date), format_number(now)})};
    }
    return std::nullopt;
}

std::optional<FundsFault> added_payment_fault(const Task& task, const Message& owner) {
    if (auto fault = spending_fault(task, task.spending.back(), owner)) return fault;
    return balance_fault(task, owner);
}

}  // namespace civitas::detail
