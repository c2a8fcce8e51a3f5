#pragma once
// readiness() for the report: a part that cannot be computed (the plan's status, a title's
// evaluation) is left out and recorded instead of ending the whole, so that the report shows
// the rest and says what is missing.

#include <civitas/tracking/readiness.hpp>

#include <string>
#include <vector>

namespace civitas::detail {

// A part readiness left out.
struct ReadinessFailure {
    std::string title;  // the title whose evaluation failed; "" for the plan's status
    Message reason;     // the error's whole message
};

// readiness(); with `failures`, a part that throws civitas::Error is recorded there and left out
// (the plan's status: `plan` stays empty; a title's evaluation: the title as if it had no
// framework evaluation); without, the error goes on up.
[[nodiscard]] Readiness readiness(const Campaign& campaign, Date as_of, const ReadinessOptions& options,
                                  std::vector<ReadinessFailure>* failures);

}  // namespace civitas::detail
