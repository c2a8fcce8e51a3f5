// The batch engine: many units at once. The units are split among threads and taken in blocks;
// within a block each indicator is scored for every unit at once (a column), then the
// categories are aggregated; units whose skipped data renormalise the weights are aggregated
// one by one.

#include <civitas/core/error.hpp>
#include <civitas/framework/evaluation.hpp>

#include "core/detail/parallel.hpp"
#include "core/detail/simd.hpp"
#include "framework/detail/compiled_framework.hpp"
#include "framework/detail/decision.hpp"
#include "framework/detail/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <mutex>
#include <unordered_map>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace civitas {

using detail::CompiledCategory;
using detail::CompiledFramework;
using detail::CompiledIndicator;
using detail::Domain;
using detail::LineTable;
using detail::RuleParams;
using detail::Tally;
using detail::Verdict;
using detail::decide;
using detail::domain_of;
using detail::lines_for_class;
using detail::other_framework;
using detail::rule_score;
using detail::score_of;
using detail::value_problem;

bool BatchEvaluation::ok() const noexcept {
    return std::all_of(errors.begin(), errors.end(), [](const Message& e) { return e.empty(); });
}

BatchEvaluation::Matrix BatchEvaluation::max_points() const {
    Matrix out = full_points.transpose().replicate(scores.rows(), 1);
    for (const auto& [row, full] : renormalised) out.row(static_cast<Eigen::Index>(row)) = full.transpose();
    return out;
}

BatchEvaluation::Matrix BatchEvaluation::points() const { return scores.cwiseProduct(max_points()); }


namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Counts and working space for one block of units, evaluated indicator by indicator. Index u
// is the unit's position in the block.
struct BlockState {
    BlockState(std::size_t size, std::size_t nodes)
        : met(size), general_met(size), basic_failed(size), counted(size), assessed(size), general_counted(size),
          renormalise(size), has_missing(size), first_invalid(size), scratch(size),
          node_scores(static_cast<Eigen::Index>(size), static_cast<Eigen::Index>(nodes)) {}
    static constexpr std::size_t no_problem = static_cast<std::size_t>(-1);

    void reset() {
        for (auto* counts : {&met, &general_met, &basic_failed, &counted, &assessed, &general_counted})
            std::fill(counts->begin(), counts->end(), 0);
        std::fill(renormalise.begin(), renormalise.end(), 0);
        std::fill(has_missing.begin(), has_missing.end(), 0);
        node_scores.setZero();
        std::fill(first_invalid.begin(), first_invalid.end(), no_problem);
        common_counted = common_assessed = common_general_counted = 0;
    }
    Tally tally(std::size_t u) const {
        Tally t;
        t.met = met[u];
        t.general_met = general_met[u];
        t.basic_failed = basic_failed[u];
        t.counted = counted[u] + common_counted;
        t.assessed = assessed[u] + common_assessed;
        t.general_counted = general_counted[u] + common_general_counted;
        return t;
    }

    std::vector<int> met, general_met, basic_failed, counted, assessed, general_counted;
    int common_counted = 0, common_assessed = 0, common_general_counted = 0;  // from columns every unit of the block has
    std::vector<char> renormalise;           // has skipped indicators: weights differ from the nominal ones
    std::vector<char> has_missing;           // some indicator without data
    std::vector<std::size_t> first_invalid;  // first indicator whose value is invalid, or no_problem
    std::vector<double> scratch;             // a column's outcomes as 1.0 / 0.0
    Eigen::ArrayXXd node_scores;             // units x category nodes (node 0: the top level): weighted sums
};

// What a thread found that the batch takes over once the threads are done.
struct ThreadFindings {
    std::vector<std::pair<std::size_t, BatchEvaluation::Vector>> renormalised;  // row, full points
};

// Asks the kernel to back a large, not yet touched buffer with huge pages (as numpy does):
// touching fresh memory a 4 KiB page at a time otherwise costs more than the evaluation.
template <class Matrix>
void advise_huge_pages(Matrix& matrix) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
    const auto begin = reinterpret_cast<std::uintptr_t>(matrix.data());
    const std::uintptr_t end = begin + static_cast<std::uintptr_t>(matrix.size()) * sizeof(typename Matrix::Scalar);
    const std::uintptr_t first = (begin + huge - 1) & ~(huge - 1), last = end & ~(huge - 1);
    if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);  // advice only: failure is harmless
#else
    (void)matrix;
#endif
}

// Large result matrices of finished batches, kept for the next batch of the same shape: fresh
// memory costs a page fault per page on first touch, which costs more than the evaluation.
class MatrixCache {
public:
    static MatrixCache& instance() {
        // Never destroyed: batches held in static objects may be freed after it otherwise.
        static MatrixCache* cache = new MatrixCache;
        return *cache;
    }
    // A matrix of this shape, reusing a cached buffer of the same size when there is one.
    template <class Matrix>
    void take(Matrix& matrix, Eigen::Index rows, Eigen::Index cols) {
        const auto bytes = static_cast<std::size_t>(rows * cols) * sizeof(typename Matrix::Scalar);
        if (bytes >= min_bytes) {
            std::lock_guard<std::mutex> lock(mutex_);
            auto& spare = spares<Matrix>();
            for (auto it = spare.begin(); it != spare.end(); ++it)
                if (it->size() == rows * cols) {
                    matrix.swap(*it);
                    spare.erase(it);
                    bytes_ -= bytes;
                    matrix.resize(rows, cols);  // same size: keeps the buffer
                    return;
                }
        }
        matrix.resize(rows, cols);
        advise_huge_pages(matrix);
    }
    template <class Matrix>
    void give(Matrix& matrix) noexcept {
        const std::size_t bytes = static_cast<std::size_t>(matrix.size()) * sizeof(typename Matrix::Scalar);
        if (bytes < min_bytes) return;
        try {
            std::lock_guard<std::mutex> lock(mutex_);
            if (bytes_ + bytes > max_bytes) return;
            auto& spare = spares<Matrix>();
            spare.emplace_back();
            spare.back().swap(matrix);
            bytes_ += bytes;
        } catch (...) {  // no memory for the bookkeeping: the matrix is simply freed
        }
    }
    void clear() noexcept {
        std::lock_guard<std::mutex> lock(mutex_);
        doubles_.clear();
        bytes8_.clear();
        bytes_ = 0;
    }

private:
    static constexpr std::size_t min_bytes = std::size_t{1} << 20;
    static constexpr std::size_t max_bytes = std::size_t{64} << 20;
    template <class Matrix>
    std::vector<Matrix>& spares() {
        if constexpr (std::is_same_v<Matrix, BatchEvaluation::Matrix>) return doubles_;
        else return bytes8_;
    }
    std::mutex mutex_;
    std::vector<BatchEvaluation::Matrix> doubles_;
    std::vector<BatchEvaluation::OutcomeMatrix> bytes8_;
    std::size_t bytes_ = 0;
};

// The shape of a batch, filled before the units are evaluated.
void allocate(BatchEvaluation& out, const CompiledFramework& c, Eigen::Index rows) {
    const auto n = static_cast<Eigen::Index>(c.items.size());
    const auto k = static_cast<Eigen::Index>(c.categories.size());
    out.framework = c.spec.id;
    for (const Indicator* indicator : c.indicators) out.indicator_ids.push_back(indicator->id);
    for (const Category* category : c.categories) out.category_ids.push_back(category->id);
    MatrixCache& cache = MatrixCache::instance();
    cache.take(out.values, rows, n);
    cache.take(out.scores, rows, n);
    cache.take(out.gaps, rows, n);
    cache.take(out.outcomes, rows, n);
    out.full_points.resize(n);
    for (std::size_t i = 0; i < c.items.size(); ++i) out.full_points(static_cast<Eigen::Index>(i)) = c.items[i].full_points;
    out.category_scores.resize(rows, k);
    out.totals.resize(rows);
    out.coverage.resize(rows);
    out.met.resize(rows);
    out.assessed.resize(rows);
    out.basic_failed.resize(rows);
    out.passed.assign(static_cast<std::size_t>(rows), false);
    out.decided_by.assign(static_cast<std::size_t>(rows), Decision::passed);
    out.errors.assign(static_cast<std::size_t>(rows), Message());
}

// Row r of a matrix set to a value; nothing for a matrix without columns, whose row would be an
// offset from a null pointer (undefined behaviour, which Clang's UBSan reports).
template <class Matrix>
void fill_row(Matrix& matrix, Eigen::Index r, typename Matrix::Scalar value) {
    if (matrix.cols() > 0) matrix.row(r).setConstant(value);
}

void mark_invalid(BatchEvaluation& out, Eigen::Index r, ThreadFindings& found) {
    fill_row(out.scores, r, 0.0);
    fill_row(out.gaps, r, nan);
    fill_row(out.outcomes, r, static_cast<std::int8_t>(Outcome::missing));
    fill_row(out.category_scores, r, nan);
    out.totals(r) = nan;
    out.coverage(r) = 0;
    out.met(r) = out.assessed(r) = out.basic_failed(r) = 0;
    out.decided_by[static_cast<std::size_t>(r)] = Decision::invalid;
    found.renormalised.emplace_back(static_cast<std::size_t>(r), BatchEvaluation::Vector::Zero(out.full_points.size()));
}

// Why unit r's value of indicator i is invalid (the check of evaluate_indicator, in words).
Message problem_of(const CompiledFramework& c, const BatchEvaluation& out, Eigen::Index r, std::size_t i,
                   const EvaluateOptions& options) {
    const Indicator& indicator = *c.indicators[i];
    Message problem = value_problem(indicator, out.values(r, static_cast<Eigen::Index>(i)), options.nan_as_missing);
    if (!problem.empty()) return problem;
    const std::string& unit_class = out.classes[static_cast<std::size_t>(r)];
    if (indicator.classes_without_line.count(unit_class) != 0)
        return Message("indicator '{0}': no pass line is known for unit class '{1}' (the framework marks it unknown: its source does not give it); expected the item judged by hand"_en,
                       "指标 '{0}': 单位类别 '{1}' 的达标线未知（测评体系标为未知：其来源未给出）；应人工判定该项"_zh, {indicator.id, unit_class});
    return Message("indicator '{0}': unit class '{1}' has no pass line and the indicator has no default; expected a class among its pass_by_class"_en,
                   "指标 '{0}': 单位类别 '{1}' 没有达标线，该指标也没有默认达标线；类别应为其 pass_by_class 中的一个"_zh,
                   {indicator.id, unit_class});
}

// The common case: one pass line for every unit. Plain loops over doubles that the compiler
// vectorises (for each SIMD path: the caller runs this through detail::run_simd); the arithmetic
// is rule_score's, as in the unit-by-unit path, and batch.cpp is compiled without contracting a
// multiply and an add into one FMA, so every path gives the same bits. Returns false, having
// written and counted nothing, when a value is missing or invalid: the caller then takes the
// unit-by-unit path for this column.
template <RuleType R, bool YesNo>
bool evaluate_valid_column(const CompiledIndicator& item, const Interval& line, const Domain& domain,
                           const double* __restrict values, double* __restrict scores, double* __restrict gaps,
                           std::int8_t* __restrict outcomes, Eigen::Index rows, BlockState& units) {
    // Values outside the domain (NaN and infinity are) are found first, with an integer OR that
    // vectorises; the values are in L1 by then, so the second pass costs little.
    const double low = domain.low, high = domain.high;
    std::uint64_t outside = 0;
    for (Eigen::Index r = 0; r < rows; ++r) {
        const double x = values[r];
        bool inside = (x >= low) & (x <= high);
        if constexpr (YesNo) inside = inside & ((x == 0.0) | (x == 1.0));
        outside |= static_cast<std::uint64_t>(!inside);
    }
    if (outside) return false;
    const RuleParams p(item, line);
    // Doubles first, then the counts from `met` in a loop of their own: a loop that mixes doubles
    // and small integers is left scalar on the baseline path (SSE2 lacks the conversions).
    double* __restrict met = units.scratch.data();
    for (Eigen::Index r = 0; r < rows; ++r) {
        const double x = values[r];
        double m;
        if constexpr (YesNo) {
            m = x;
            gaps[r] = 1.0 - x;
        } else {
            m = ((p.line_low <= x) & (x <= p.line_high)) ? 1.0 : 0.0;
            gaps[r] = std::max(0.0, p.line_low - x) + std::max(0.0, x - p.line_high);
        }
        met[r] = m;
        if constexpr (R == RuleType::tiers) scores[r] = 0.0;  // the tiers below, one loop each
        else scores[r] = rule_score<R>(p, x, m);
    }
    int* __restrict met_count = units.met.data();
    int* __restrict kind_count = item.basic ? units.basic_failed.data() : units.general_met.data();
    const int kind_offset = item.basic ? 1 : 0, kind_sign = item.basic ? -1 : 1;  // basic: count failures
    for (Eigen::Index r = 0; r < rows; ++r) {
        const int m = static_cast<int>(met[r]);
        outcomes[r] = static_cast<std::int8_t>(m);
        met_count[r] += m;
        kind_count[r] += kind_offset + kind_sign * m;
    }
    if constexpr (R == RuleType::tiers) {
        // rule_score's loop over the tiers turned inside out: the same maxima in the same order.
        for (std::size_t k = 0; k < p.tier_count; ++k) {
            const double at = p.tiers[k].at, score = p.tiers[k].score;
            for (Eigen::Index r = 0; r < rows; ++r)
                scores[r] = std::max(scores[r], (values[r] - at) * p.direction_sign >= 0.0 ? score : 0.0);
        }
    }
    ++units.common_counted;
    ++units.common_assessed;
    if (!item.basic) ++units.common_general_counted;
    return true;
}

template <bool YesNo>
bool evaluate_valid_column(RuleType rule, const CompiledIndicator& item, const Interval& line, const Domain& domain,
                           const double* values, double* scores, double* gaps, std::int8_t* outcomes, Eigen::Index rows,
                           BlockState& units) {
    switch (rule) {
        case RuleType::pass_fail: return evaluate_valid_column<RuleType::pass_fail, YesNo>(item, line, domain, values, scores, gaps, outcomes, rows, units);
        case RuleType::yes_no: return evaluate_valid_column<RuleType::yes_no, YesNo>(item, line, domain, values, scores, gaps, outcomes, rows, units);
        case RuleType::linear: return evaluate_valid_column<RuleType::linear, YesNo>(item, line, domain, values, scores, gaps, outcomes, rows, units);
        case RuleType::proportional: return evaluate_valid_column<RuleType::proportional, YesNo>(item, line, domain, values, scores, gaps, outcomes, rows, units);
        case RuleType::tiers: return evaluate_valid_column<RuleType::tiers, YesNo>(item, line, domain, values, scores, gaps, outcomes, rows, units);
        case RuleType::deduction: return evaluate_valid_column<RuleType::deduction, YesNo>(item, line, domain, values, scores, gaps, outcomes, rows, units);
    }
    return false;
}

// Copies the data of units [first, first + size) into `values` (NaN where an indicator has no
// column). Row-major input is read a row at a time and scattered into the columns.
void copy_block(const MatrixView& data, const std::vector<std::ptrdiff_t>& column_of, Eigen::Index first,
                Eigen::Index size, BatchEvaluation::Matrix& values) {
    const bool row_major = data.row_stride() > data.col_stride();
    for (std::size_t i = 0; i < column_of.size(); ++i) {
        double* target = values.col(static_cast<Eigen::Index>(i)).data() + first;
        if (column_of[i] < 0) std::fill(target, target + size, nan);
        else if (!row_major) {
            const double* source = data.data() + column_of[i] * data.col_stride() + first * data.row_stride();
            if (data.row_stride() == 1) std::copy(source, source + size, target);
            else for (Eigen::Index r = 0; r < size; ++r) target[r] = source[r * data.row_stride()];
        }
    }
    if (!row_major) return;
    std::vector<double*> targets;
    std::vector<std::ptrdiff_t> sources;
    for (std::size_t i = 0; i < column_of.size(); ++i)
        if (column_of[i] >= 0) {
            targets.push_back(values.col(static_cast<Eigen::Index>(i)).data() + first);
            sources.push_back(column_of[i] * data.col_stride());
        }
    // Four rows at a time: each column gets four values in one store.
    detail::run_simd([&] {
        const std::size_t columns = targets.size();
        double* const* __restrict target = targets.data();
        const std::ptrdiff_t* __restrict source = sources.data();
        const std::ptrdiff_t stride = data.row_stride();
        Eigen::Index r = 0;
        for (; r + 4 <= size; r += 4) {
            const double* row = data.data() + (first + r) * stride;
            for (std::size_t k = 0; k < columns; ++k) {
                double* t = target[k] + r;
                const double* s = row + source[k];
                t[0] = s[0];
                t[1] = s[stride];
                t[2] = s[2 * stride];
                t[3] = s[3 * stride];
            }
        }
        for (; r < size; ++r) {
            const double* row = data.data() + (first + r) * stride;
            for (std::size_t k = 0; k < columns; ++k) target[k][r] = row[source[k]];
        }
    });
}

// Fills indicator i of the units of a block: outcome, score, gap, and the counts.
void evaluate_indicator(const CompiledFramework& c, std::size_t i, std::ptrdiff_t column, Eigen::Index first,
                        Eigen::Index rows, const std::vector<const LineTable*>& lines_of_unit,
                        const LineTable* shared_lines, const EvaluateOptions& options, BatchEvaluation& out,
                        BlockState& units) {
    const CompiledIndicator& item = c.items[i];
    const Indicator& indicator = *item.indicator;
    const auto col = static_cast<Eigen::Index>(i);
    const bool yes_no = indicator.direction == Direction::yes_no;
    const bool fail_missing = item.missing == MissingPolicy::fail;
    const Domain domain = domain_of(indicator);
    double* values = out.values.col(col).data() + first;
    double* scores = out.scores.col(col).data() + first;
    double* gaps = out.gaps.col(col).data() + first;
    std::int8_t* outcomes = out.outcomes.col(col).data() + first;

    // The values are in place (copy_block): try the fast path.
    const Interval* line = shared_lines && (*shared_lines)[i] ? &*(*shared_lines)[i] : nullptr;
    if (column >= 0 && shared_lines && (line || yes_no)) {
        const Interval& applied = line ? *line : Interval{};
        const RuleType rule = indicator.scoring.type;
        const bool done = detail::run_simd([&] {
            return yes_no ? evaluate_valid_column<true>(rule, item, applied, domain, values, scores, gaps, outcomes, rows, units)
                          : evaluate_valid_column<false>(rule, item, applied, domain, values, scores, gaps, outcomes, rows, units);
        });
        if (done) return;
    }

    // The general case, unit by unit: missing data, invalid values, class-dependent lines.
    for (Eigen::Index r = 0; r < rows; ++r) {
        const auto u = static_cast<std::size_t>(r);
        const double x = values[r];
        const bool valid = x >= domain.low && x <= domain.high && !(yes_no && x != 0.0 && x != 1.0);
        if (!valid) {
            scores[r] = 0;
            gaps[r] = nan;
            outcomes[r] = static_cast<std::int8_t>(Outcome::missing);
            if (!(std::isnan(x) && (column < 0 || options.nan_as_missing))) {
                units.first_invalid[u] = std::min(units.first_invalid[u], i);
                continue;
            }
            units.has_missing[u] = 1;
            if (fail_missing) {
                ++units.counted[u];
                if (item.basic) ++units.basic_failed[u];
                else ++units.general_counted[u];
            } else {
                units.renormalise[u] = 1;
            }
            continue;
        }
        const std::optional<Interval>& own_line = (*lines_of_unit[static_cast<std::size_t>(first) + u])[i];
        const Interval* line_of_unit = own_line ? &*own_line : nullptr;
        bool met;
        if (yes_no) {
            met = x == 1.0;
            gaps[r] = met ? 0.0 : 1.0;
        } else if (line_of_unit) {
            met = line_of_unit->contains(x);
            gaps[r] = line_of_unit->distance(x);
        } else {
            scores[r] = 0;
            outcomes[r] = static_cast<std::int8_t>(Outcome::missing);
            units.first_invalid[u] = std::min(units.first_invalid[u], i);
            continue;
        }
        scores[r] = score_of(item, x, line_of_unit, met);
        outcomes[r] = static_cast<std::int8_t>(met ? Outcome::met : Outcome::not_met);
        ++units.assessed[u];
        ++units.counted[u];
        units.met[u] += met;
        if (item.basic) units.basic_failed[u] += !met;
        else {
            ++units.general_counted[u];
            units.general_met[u] += met;
        }
    }
}

// Share of nominal weight of the items `counted(i)` names, summed in framework order so every path
// gives the same bits; at most 1, since the shares' rounding can sum past it (1.0000000000000002).
template <class Counted>
double share_of(const CompiledFramework& c, Counted counted) {
    double share = 0;
    for (std::size_t i = 0; i < c.items.size(); ++i)
        if (counted(i)) share += c.items[i].share;
    return std::min(share, 1.0);
}

// Share of nominal weight with data.
double coverage_of(const CompiledFramework& c, const BatchEvaluation& out, Eigen::Index r) {
    return share_of(c, [&](std::size_t i) {
        return out.outcomes(r, static_cast<Eigen::Index>(i)) != static_cast<std::int8_t>(Outcome::missing);
    });
}

// The weight of each indicator and category within its parent, as a share of the parent's
// children's weights (as if every indicator counted).
struct NominalWeights {
    explicit NominalWeights(const CompiledFramework& c) : indicator(c.items.size()), category(c.nodes.size()) {
        for (const auto& node : c.nodes) {
            double sum = 0;
            for (int i : node.child_indicators) sum += c.items[static_cast<std::size_t>(i)].local_weight;
            for (int child : node.child_categories) sum += c.nodes[static_cast<std::size_t>(child)].local_weight;
            for (int i : node.child_indicators)
                indicator[static_cast<std::size_t>(i)] = c.items[static_cast<std::size_t>(i)].local_weight / sum;
            for (int child : node.child_categories)
                category[static_cast<std::size_t>(child)] = c.nodes[static_cast<std::size_t>(child)].local_weight / sum;
        }
    }
    std::vector<double> indicator, category;
};

// Category scores of a block of units as if every indicator counted (no renormalisation): each
// node's weighted sum (of logs, for a geometric node) takes its indicators one by one, as soon
// as each column is scored and still in cache (add_to_category), then its subcategories from the
// leaves up (finish_categories); the top level's score share goes to column 0 of node_scores.
// Each unit's sum is taken in framework order, the same on every path and wherever the unit
// falls in a block: plain loops across units, and the standard library's log and exp.
void add_weighted(const CompiledCategory& node, double w, const double* __restrict child, double* __restrict acc,
                  Eigen::Index size) {
    if (node.aggregation == Aggregation::arithmetic)
        detail::run_simd([&] {
            for (Eigen::Index u = 0; u < size; ++u) acc[u] += w * child[u];
        });
    else  // log(0) = -inf: exp gives 0, as a zero child should
        for (Eigen::Index u = 0; u < size; ++u) acc[u] += w * std::log(child[u]);
}

void add_to_category(const CompiledFramework& c, const NominalWeights& weights, std::size_t i, const BatchEvaluation& out,
                     Eigen::Index first, Eigen::Index size, BlockState& state) {
    const auto parent = static_cast<std::size_t>(c.items[i].parent);
    add_weighted(c.nodes[parent], weights.indicator[i], out.scores.col(static_cast<Eigen::Index>(i)).data() + first,
                 state.node_scores.col(static_cast<Eigen::Index>(parent)).data(), size);
}

void finish_categories(const CompiledFramework& c, const NominalWeights& weights, BatchEvaluation& out, Eigen::Index first,
                       Eigen::Index size, BlockState& state) {
    const auto node_score = [&](std::size_t k) { return state.node_scores.col(static_cast<Eigen::Index>(k)).data(); };
    for (std::size_t k = c.nodes.size(); k-- > 0;) {
        const auto& node = c.nodes[k];
        double* __restrict acc = node_score(k);
        for (int child : node.child_categories)
            add_weighted(node, weights.category[static_cast<std::size_t>(child)], node_score(static_cast<std::size_t>(child)), acc, size);
        if (node.aggregation != Aggregation::arithmetic)
            for (Eigen::Index u = 0; u < size; ++u) acc[u] = std::exp(acc[u]);
        double* __restrict category = k > 0 ? out.category_scores.col(static_cast<Eigen::Index>(k - 1)).data() + first : nullptr;
        detail::run_simd([&] {
            for (Eigen::Index u = 0; u < size; ++u) acc[u] = std::max(0.0, std::min(acc[u], 1.0));
            if (category)
                for (Eigen::Index u = 0; u < size; ++u) category[u] = acc[u];
        });
    }
}

// Aggregates one unit whose skipped indicators renormalise the weights, and sets its points.
// `left_out`: the unit's cells that a ruling left out (not assessed), or null.
double aggregate_unit(const CompiledFramework& c, BatchEvaluation& out, Eigen::Index r, ThreadFindings& found,
                      const std::vector<bool>* left_out = nullptr) {
    const std::size_t nodes = c.nodes.size();
    std::vector<double> node_score(nodes), node_sum(nodes), node_share(nodes);
    auto counted = [&](int i) {
        if (left_out && (*left_out)[static_cast<std::size_t>(i)]) return false;
        return out.outcomes(r, i) != static_cast<std::int8_t>(Outcome::missing) ||
               c.items[static_cast<std::size_t>(i)].missing == MissingPolicy::fail;
    };
    for (std::size_t k = nodes; k-- > 0;) {
        const auto& node = c.nodes[k];
        double sum = 0, weighted = 0;
        bool zero = false;
        auto add = [&](double w, double score) {
            sum += w;
            if (node.aggregation == Aggregation::arithmetic) weighted += w * score;
            else if (score <= 0) zero = true;
            else weighted += w * std::log(score);
        };
        for (int i : node.child_indicators)
            if (counted(i)) add(c.items[static_cast<std::size_t>(i)].local_weight, out.scores(r, i));
        for (int child : node.child_categories)
            if (node_sum[static_cast<std::size_t>(child)] > 0)
                add(c.nodes[static_cast<std::size_t>(child)].local_weight, node_score[static_cast<std::size_t>(child)]);
        node_sum[k] = sum;
        double score = 0;
        if (sum > 0) score = node.aggregation == Aggregation::arithmetic ? weighted / sum : (zero ? 0.0 : std::exp(weighted / sum));
        node_score[k] = std::clamp(score, 0.0, 1.0);
        if (k > 0) out.category_scores(r, static_cast<Eigen::Index>(k - 1)) = sum > 0 ? node_score[k] : nan;
    }
    const double scale = c.spec.scale;
    found.renormalised.emplace_back(static_cast<std::size_t>(r), BatchEvaluation::Vector(static_cast<Eigen::Index>(c.items.size())));
    BatchEvaluation::Vector& full = found.renormalised.back().second;
    node_share[0] = node_sum[0] > 0 ? 1.0 : 0.0;
    for (std::size_t k = 0; k < nodes; ++k) {
        const auto& node = c.nodes[k];
        for (int child : node.child_categories) {
            const auto ch = static_cast<std::size_t>(child);
            node_share[ch] = node_sum[ch] > 0 ? node_share[k] * c.nodes[ch].local_weight / node_sum[k] : 0.0;
        }
        for (int i : node.child_indicators) {
            const double share = counted(i) ? node_share[k] * c.items[static_cast<std::size_t>(i)].local_weight / node_sum[k] : 0.0;
            full(i) = share * scale;
        }
    }
    return node_sum[0] > 0 ? node_score[0] : nan;
}

BatchEvaluation run_batch(const Framework& framework, const MatrixView& data, const std::vector<std::string>& columns,
                          const std::vector<std::string>& units, const std::vector<std::string>& classes,
                          const EvaluateOptions& options) {
    const CompiledFramework& c = framework.compiled();
    const Eigen::Index rows = data.rows();
    if (rows < 0 || data.cols() < 0 || (rows > 0 && data.cols() > 0 && data.data() == nullptr))
        throw ValidationError("values", Message("the matrix view is malformed; expected non-negative sizes and data"_en,
                                                "矩阵视图格式不正确；行列数应非负，且应有数据"_zh));
    if (options.threads < 0)
        throw ValidationError("threads", Message("value {0}; expected 0 (one per core) or more"_en, "取值 {0}；应为 0（每个核一个）或更多"_zh,
                                                 {std::to_string(options.threads)}));
    if (static_cast<std::size_t>(data.cols()) != columns.size())
        throw ValidationError("columns", Message("the data have {0} columns but {1} column ids were given; expected one id per column"_en,
                                                 "数据有 {0} 列，但给出了 {1} 个列 id；每列应有一个 id"_zh,
                                                 {std::to_string(data.cols()), std::to_string(columns.size())}));
    if (!units.empty() && units.size() != static_cast<std::size_t>(rows))
        throw ValidationError("units", Message("{0} unit ids for {1} rows; expected one id per row or none"_en,
                                               "{0} 个单位 id 对应 {1} 行；应每行一个 id，或不给出"_zh,
                                               {std::to_string(units.size()), std::to_string(rows)}));
    if (!classes.empty() && classes.size() != static_cast<std::size_t>(rows))
        throw ValidationError("classes", Message("{0} unit classes for {1} rows; expected one class per row or none"_en,
                                                 "{0} 个单位类别对应 {1} 行；应每行一个类别，或不给出"_zh,
                                                 {std::to_string(classes.size()), std::to_string(rows)}));
    std::vector<std::ptrdiff_t> column_of(c.items.size(), -1);
    for (std::size_t j = 0; j < columns.size(); ++j) {
        const std::size_t i = framework.indicator_index(columns[j]);  // throws NotFoundError
        if (column_of[i] >= 0)
            throw ValidationError("columns[" + std::to_string(j) + "]",
                                  Message("duplicate column '{0}'; expected each indicator once"_en, "列 '{0}' 重复；每个指标应只出现一次"_zh, {columns[j]}));
        column_of[i] = static_cast<std::ptrdiff_t>(j);
    }

    BatchEvaluation out;
    allocate(out, c, rows);
    if (units.empty())
        for (Eigen::Index r = 0; r < rows; ++r) out.units.push_back(std::to_string(r));
    else
        out.units = units;
    out.classes = classes.empty() ? std::vector<std::string>(static_cast<std::size_t>(rows)) : classes;

    // Pass lines by unit, shared by the units of a class.
    std::unordered_map<std::string, LineTable> lines_by_class;
    std::vector<const LineTable*> lines_of_unit(static_cast<std::size_t>(rows));
    for (std::size_t r = 0; r < lines_of_unit.size(); ++r) {
        auto found = lines_by_class.find(out.classes[r]);
        if (found == lines_by_class.end()) found = lines_by_class.emplace(out.classes[r], lines_for_class(c, out.classes[r])).first;
        lines_of_unit[r] = &found->second;
    }
    // One table for every unit (no classes, or all of one class): the fast path applies.
    const LineTable* shared_lines = lines_by_class.size() == 1 ? &lines_by_class.begin()->second : nullptr;

    // Units are independent: each thread takes a run of rows and evaluates it a block at a time,
    // indicator by indicator, so that a block's columns stay in cache while it is aggregated.
    // Every unit is computed the same way whatever the split, so results never depend on it.
    const std::size_t n = c.items.size();
    const std::size_t cells = static_cast<std::size_t>(rows) * n;
    constexpr Eigen::Index block = 256;  // a block's columns (values, scores, gaps) stay in L2
    // By default small batches stay on one thread: starting threads costs more than they save.
    const auto total = static_cast<std::size_t>(rows);
    const std::size_t threads =
        detail::thread_count(options.threads, options.threads > 0 ? total : std::min(total, cells / 50000 + 1));
    const double full_coverage = share_of(c, [](std::size_t) { return true; });
    const double scale = c.spec.scale;
    const NominalWeights nominal_weights(c);
    std::vector<ThreadFindings> findings(threads);

    auto evaluate_rows = [&](Eigen::Index begin, Eigen::Index end, ThreadFindings& found) {
        BlockState state(static_cast<std::size_t>(std::min(block, end - begin)), c.nodes.size());
        for (Eigen::Index first = begin; first < end; first += block) {
            const Eigen::Index size = std::min(block, end - first);
            state.reset();
            copy_block(data, column_of, first, size, out.values);
            for (std::size_t i = 0; i < n; ++i) {
                evaluate_indicator(c, i, column_of[i], first, size, lines_of_unit, shared_lines, options, out, state);
                add_to_category(c, nominal_weights, i, out, first, size, state);
            }
            finish_categories(c, nominal_weights, out, first, size, state);
            for (Eigen::Index k = 0; k < size; ++k) {
                const Eigen::Index r = first + k;
                const auto u = static_cast<std::size_t>(k), row = static_cast<std::size_t>(r);
                if (state.first_invalid[u] != BlockState::no_problem) {
                    out.errors[row] = problem_of(c, out, r, state.first_invalid[u], options);
                    mark_invalid(out, r, found);
                    continue;
                }
                Tally t = state.tally(u);
                t.coverage = state.has_missing[u] ? coverage_of(c, out, r) : full_coverage;
                const double share = state.renormalise[u] ? aggregate_unit(c, out, r, found) : state.node_scores(k, 0);
                t.total = t.counted > 0 && t.coverage >= c.spec.min_coverage ? share * scale : nan;
                out.totals(r) = t.total;
                out.coverage(r) = t.coverage;
                out.met(r) = t.met;
                out.assessed(r) = t.assessed;
                out.basic_failed(r) = t.basic_failed;
                out.decided_by[row] = decide(c, t).decided_by;
            }
        }
    };
    // One run of rows per thread; a run whose thread could not start is taken by another.
    detail::run_parallel(threads, threads, [&](std::size_t part, std::size_t) {
        evaluate_rows(static_cast<Eigen::Index>(total * part / threads), static_cast<Eigen::Index>(total * (part + 1) / threads),
                      findings[part]);
    });
    for (ThreadFindings& found : findings)
        for (auto& [row, full] : found.renormalised) out.renormalised[row] = std::move(full);
    // After the threads: std::vector<bool> packs neighbours into one word.
    for (std::size_t row = 0; row < out.passed.size(); ++row) out.passed[row] = out.decided_by[row] == Decision::passed;
    return out;
}

}  // namespace

void apply_rulings(const Framework& framework, BatchEvaluation& batch, const std::vector<Ruling>& rulings) {
    const CompiledFramework& c = framework.compiled();
    if (batch.framework != c.spec.id || batch.indicator_ids.size() != c.items.size())
        throw ValidationError("batch", other_framework(batch.framework, c.spec.id));
    std::unordered_map<std::string, std::size_t> row_of;
    for (std::size_t r = 0; r < batch.units.size(); ++r) row_of.emplace(batch.units[r], r);
    std::vector<std::size_t> touched;
    for (std::size_t k = 0; k < rulings.size(); ++k) {
        const Ruling& ruling = rulings[k];
        const auto found = row_of.find(ruling.unit);
        if (found == row_of.end())
            throw NotFoundError(Message("rulings[{0}]: unknown unit '{1}'; expected a unit of the batch"_en, "rulings[{0}]: 未知单位 '{1}'；应为本批次中的单位"_zh,
                                        {std::to_string(k), ruling.unit}));
        const std::size_t i = framework.indicator_index(ruling.indicator);  // throws NotFoundError
        const std::size_t row = found->second;
        if (!batch.errors[row].empty()) continue;
        const auto r = static_cast<Eigen::Index>(row), col = static_cast<Eigen::Index>(i);
        if (ruling.outcome == Outcome::missing) {
            std::vector<bool>& flags = batch.not_assessed[row];
            flags.resize(c.items.size(), false);
            if (flags[i]) continue;
            flags[i] = true;
            batch.scores(r, col) = 0;
            batch.gaps(r, col) = nan;
            batch.outcomes(r, col) = static_cast<std::int8_t>(Outcome::missing);
        } else {
            const auto code = static_cast<std::int8_t>(ruling.outcome);
            const auto left_out = batch.not_assessed.find(row);
            if (left_out != batch.not_assessed.end() && left_out->second[i]) continue;  // not assessed stays so
            if (batch.outcomes(r, col) == code) continue;
            batch.outcomes(r, col) = code;
            batch.scores(r, col) = ruling.outcome == Outcome::met ? 1.0 : 0.0;
            if (ruling.outcome == Outcome::met) batch.gaps(r, col) = 0;
        }
        touched.push_back(row);
    }
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());

    // Each touched row again, as run_batch does it once its cells are known.
    const double scale = c.spec.scale;
    for (const std::size_t row : touched) {
        const auto r = static_cast<Eigen::Index>(row);
        const auto flags = batch.not_assessed.find(row);
        const std::vector<bool>* left_out = flags != batch.not_assessed.end() ? &flags->second : nullptr;
        Tally t;
        bool renormalise = false;
        for (std::size_t i = 0; i < c.items.size(); ++i) {
            const CompiledIndicator& item = c.items[i];
            const auto outcome = static_cast<Outcome>(batch.outcomes(r, static_cast<Eigen::Index>(i)));
            if ((left_out && (*left_out)[i]) || (outcome == Outcome::missing && item.missing == MissingPolicy::skip)) {
                renormalise = true;
                continue;
            }
            ++t.counted;
            if (outcome != Outcome::missing) ++t.assessed;
            const bool met = outcome == Outcome::met;
            t.met += met;
            if (item.basic) t.basic_failed += !met;
            else {
                ++t.general_counted;
                t.general_met += met;
            }
        }
        t.coverage = coverage_of(c, batch, r);
        ThreadFindings found;
        const double share = aggregate_unit(c, batch, r, found, left_out);
        if (renormalise) batch.renormalised[row] = std::move(found.renormalised.back().second);
        else batch.renormalised.erase(row);  // every weight counts: the nominal full points
        t.total = t.counted > 0 && t.coverage >= c.spec.min_coverage ? share * scale : nan;
        batch.totals(r) = t.total;
        batch.coverage(r) = t.coverage;
        batch.met(r) = t.met;
        batch.assessed(r) = t.assessed;
        batch.basic_failed(r) = t.basic_failed;
        batch.decided_by[row] = decide(c, t).decided_by;
        batch.passed[row] = batch.decided_by[row] == Decision::passed;
    }
}

BatchEvaluation::~BatchEvaluation() {
    MatrixCache& cache = MatrixCache::instance();
    cache.give(values);
    cache.give(scores);
    cache.give(gaps);
    cache.give(outcomes);
}

void release_cached_memory() noexcept { MatrixCache::instance().clear(); }

BatchEvaluation evaluate_many(const Framework& framework, MatrixView values, const std::vector<std::string>& columns,
                              const std::vector<std::string>& units, const std::vector<std::string>& classes,
                              const EvaluateOptions& options) {
    return run_batch(framework, values, columns, units, classes, options);
}

}  // namespace civitas
