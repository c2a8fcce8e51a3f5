#pragma once
// The rules money obeys, written once for plans and for the spending a store imports.

#include <civitas/core/message.hpp>
#include <civitas/plan/plan.hpp>

#include <optional>
#include <string>

namespace civitas::detail {

// The largest amount a budget line or a payment may give, in yuan: far beyond any campaign, and
// small enough that a plan's sums stay finite and print exactly.
constexpr double max_amount = 1e15;

// A rule a value breaks: the field it is in ("amount", "account") and why.
struct FundsFault {
    std::string field;
    Message message;
};

// A budget line's amount: finite, in [0, max_amount]. `owner` names the task ("task 'a'").
std::optional<FundsFault> budget_fault(const BudgetLine& line, const Message& owner);

// A payment for `task`: an amount other than 0 within ±max_amount, from an account of the task's
// budget (专款专用). `owner` names the task.
std::optional<FundsFault> spending_fault(const Task& task, const Spending& paid, const Message& owner);

}  // namespace civitas::detail
