// The rules money obeys: budget lines and payments from them (专款专用).

#include "plan/detail/funds.hpp"

#include "core/detail/number_format.hpp"

#include <algorithm>
#include <cmath>

namespace civitas::detail {

namespace {

// The accounts of a task's budget as a message lists them: 'a', 'b' (the general fund as '').
std::string accounts_of(const Task& task) {
    std::string list;
    for (const BudgetLine& line : task.budget) list += (list.empty() ? "'" : ", '") + line.account + "'";
    return list;
}

}  // namespace

std::optional<FundsFault> budget_fault(const BudgetLine& line, const Message& owner) {
    if (line.amount >= 0 && line.amount <= max_amount) return std::nullopt;
    return FundsFault{"amount", Message("{0} yuan in a budget line of {1}; expected an amount in yuan in [0, 1e15]"_en,
                                        "{1} 的预算行金额为 {0} 元；应为 [0, 1e15] 之内的金额（元）"_zh,
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
                                             "{0} 没有预算；支出只能记在有该账户预算行的任务上（专款专用）"_zh, {owner})};
    return FundsFault{"account", Message("account '{0}' is not in the budget of {1}; expected one of {2} (earmarked: money is spent from its own line)"_en,
                                         "账户 '{0}' 不在{1} 的预算中；应为 {2} 之一（专款专用）"_zh, {paid.account, owner, accounts_of(task)})};
}

}  // namespace civitas::detail
