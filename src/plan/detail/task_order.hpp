#pragma once
// The order of a plan's tasks along their dependencies, and a cycle when they form one: the one
// walk that schedule() and the campaign's check of its plan share.

#include <civitas/plan/plan.hpp>

#include <string>
#include <vector>

namespace civitas::detail {

struct TaskOrder {
    std::vector<std::size_t> order;  // positions in plan.tasks(), each after those it waits for (partial when there is a cycle)
    std::vector<std::size_t> cycle;  // a cycle, each task waiting for the one before, the first repeated last; empty when none
};

// Linear in tasks and dependencies; plan order as far as the dependencies allow.
[[nodiscard]] TaskOrder task_order(const Plan& plan);

// "a -> b -> c -> a": the ids of a cycle's tasks.
[[nodiscard]] std::string cycle_text(const Plan& plan, const std::vector<std::size_t>& cycle);

}  // namespace civitas::detail
