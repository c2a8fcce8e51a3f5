#pragma once
// The framework flattened for evaluation: indices instead of a tree, weights resolved.

#include <civitas/framework/framework.hpp>

#include <string>
#include <unordered_map>
#include <vector>

namespace civitas::detail {

/// A category node; node 0 is the root.
struct CompiledCategory {
    const Category* category = nullptr;
    int parent = -1;             // node index, -1 for the root
    int depth = 0;               // 0 for the root
    double local_weight = 1.0;   // weight among siblings (unnormalised)
    double share = 1.0;          // nominal effective weight
    Aggregation aggregation = Aggregation::arithmetic;
    std::vector<int> child_categories;  // node indices
    std::vector<int> child_indicators;  // indicator indices
    int first_indicator = 0;     // indicators below it are [first_indicator, end_indicator)
    int end_indicator = 0;
};

/// An indicator with everything the kernel needs resolved.
struct CompiledIndicator {
    const Indicator* indicator = nullptr;
    int parent = 0;              // category node index
    double local_weight = 1.0;   // weight among siblings (unnormalised)
    double share = 0.0;          // nominal effective weight
    double full_points = 0.0;    // share x scale
    MissingPolicy missing = MissingPolicy::fail;
    bool basic = false;
    std::vector<Tier> tiers;     // sorted by `at`
};

struct CompiledFramework {
    explicit CompiledFramework(FrameworkSpec s) : spec(std::move(s)) {}
    CompiledFramework(const CompiledFramework&) = delete;  // holds pointers into `spec`
    CompiledFramework& operator=(const CompiledFramework&) = delete;

    FrameworkSpec spec;
    std::vector<const Indicator*> indicators;  // depth first
    std::vector<const Category*> categories;   // depth first, without the root
    std::vector<std::string> indicator_paths;  // JSON paths
    std::vector<CompiledIndicator> items;      // parallel to `indicators`
    std::vector<CompiledCategory> nodes;       // node 0 is the root, then `categories` in order
    std::vector<double> effective_weights;
    std::unordered_map<std::string, std::size_t> index;  // indicator id -> position
    int general_count = 0;
};

}  // namespace civitas::detail
