#pragma once
// The pass decision of one unit from its counts, and the decision in words.

#include <civitas/core/message.hpp>
#include <civitas/framework/evaluation.hpp>

#include "framework/detail/compiled_framework.hpp"

#include <limits>
#include <string>
#include <vector>

namespace civitas::detail {

/// Counts that the pass decision reads.
struct Tally {
    int counted = 0, met = 0, assessed = 0;
    int general_counted = 0, general_met = 0, basic_failed = 0;
    double total = std::numeric_limits<double>::quiet_NaN();
    double coverage = 0.0;
};

/// What decided, and the index of the failing pass rule (-1 for the default rule or none).
struct Verdict {
    Decision decided_by = Decision::passed;
    int failed_rule = -1;
};

/// The decision of docs/scoring.md, "Passing", steps 2 to 5.
Verdict decide(const CompiledFramework& c, const Tally& t);
/// The decision in words ("failed: total 78.50 below 80 (min_total)", "未通过: 总分 78.50，低于 80（min_total）").
Message reason(const CompiledFramework& c, const Tally& t, const Verdict& v, const std::vector<std::string>& basic_failed);
/// "the batch was evaluated with framework 'a', not 'b'": a batch handed to another framework.
Message other_framework(const std::string& batch_framework, const std::string& framework);

}  // namespace civitas::detail
