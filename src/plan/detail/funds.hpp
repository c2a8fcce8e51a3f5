#pragma once
// The rules money obeys, written once for plans, the status, forms and the payments a store imports.

#include <civitas/core/message.hpp>
#include <civitas/plan/plan.hpp>

#include <optional>
#include <string>

namespace civitas::detail {

// The largest amount a budget line or a payment may give, in yuan: far beyond any campaign, and
// small enough that a plan's sums stay finite and print exactly.
constexpr double max_amount = 1e15;

// A rule a value breaks: the field it is in ("amount", "account", "" for the task's payments) and why.
struct FundsFault {
    std::string field;
    Message message;
};

// An account as messages name it: "account '创建专户'", or "the general fund" for "".
Message account_named(const std::string& account);

// Yuan paid for `task` from `account` on or before `as_of` (refunds taken off).
double paid_from(const Task& task, const std::string& account, Date as_of);

// Half a fen: sums of decimal amounts are not exact, so money is compared to within it.
constexpr double half_fen = 0.005;

// Paid past the budget by more than half a fen.
inline bool overspent(double spent, double budget) { return spent - budget > half_fen; }

// spent / budget, the execution rate (预算执行率); none without a budget.
inline std::optional<double> execution_rate(double spent, double budget) {
    return budget > 0 ? std::optional<double>(spent / budget) : std::nullopt;
}

// earned / spent, the cost performance index; none while nothing is spent.
inline std::optional<double> cost_performance(double earned, double spent) {
    return spent > 0 ? std::optional<double>(earned / spent) : std::nullopt;
}

// A budget line's amount: finite, in [0, max_amount]. `owner` names the task ("task 'a'").
std::optional<FundsFault> budget_fault(const BudgetLine& line, const Message& owner);

// A payment for `task`: an amount other than 0 within ±max_amount, from an account of the task's
// budget (专款专用). `owner` names the task.
std::optional<FundsFault> spending_fault(const Task& task, const Spending& paid, const Message& owner);

// The task's payments taken in date order: no refund takes what was paid from a line below 0.
std::optional<FundsFault> balance_fault(const Task& task, const Message& owner);

// The task's last payment, just added: spending_fault of it, then balance_fault of them all.
std::optional<FundsFault> added_payment_fault(const Task& task, const Message& owner);

}  // namespace civitas::detail
