// Rank reversal: rank all the units, then again without each one (and with a copy of each one),
// and count the pairs of the others whose order flips. Counting is an inversion count between
// two orders (a Fenwick tree over the test's ranks, the units taken in their order on all the
// units): m log m a test, so that 3,000 units cost their rankings, not 9 million pair checks; the
// pairs are listed, up to max_listed, only for the tests that have some.

#include <civitas/core/error.hpp>
#include <civitas/methods/reversal.hpp>

#include "core/detail/number_format.hpp"
#include "methods/detail/checks.hpp"

#include <algorithm>
#include <locale>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

namespace civitas {

namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Scores of `method` on x, higher is better, as rank_uncertainty scores its draws.
Eigen::VectorXd scores_of(const RowMajor& x, const Eigen::Ref<const Eigen::VectorXd>& w, const Benefit& benefit,
                          const RankReversalOptions& o) {
    const MatrixView view(x);
    switch (o.method) {
    case RankingMethod::topsis: return topsis(view, w, benefit);
    case RankingMethod::weighted_sum: {
        // Min-max normalised values, 1 at each criterion's best (1 for a constant one).
        RowMajor r(x.rows(), x.cols());
        for (Eigen::Index j = 0; j < x.cols(); ++j) {
            const double low = x.col(j).minCoeff(), high = x.col(j).maxCoeff(), span = high - low;
            const bool higher = benefit.empty() || benefit[static_cast<std::size_t>(j)];
            for (Eigen::Index i = 0; i < x.rows(); ++i)
                r(i, j) = span > 0.0 ? (higher ? x(i, j) - low : high - x(i, j)) / span : 1.0;
        }
        return weighted_sum(MatrixView(r), w);
    }
    case RankingMethod::vikor: return -vikor(view, w, benefit, o.vikor_v).q;
    case RankingMethod::waspas: return waspas(view, w, benefit);
    case RankingMethod::edas: return edas(view, w, benefit);
    case RankingMethod::copras: return copras(view, w, benefit);
    case RankingMethod::spotis: return -spotis(view, w, benefit);
    case RankingMethod::cocoso: return cocoso(view, w, benefit);
    case RankingMethod::promethee: return promethee(view, w, benefit, o.preferences).net;
    }
    return {};
}

/// Pairs (a, b) of `units` with before[a] < before[b] and after[a] > after[b] (ranks, 1 = best).
long long reversed_pairs(const std::vector<int>& units, const std::vector<int>& before, const std::vector<int>& after) {
    // The units by their rank before; a tie before orders nothing, so a tied group is counted
    // against those above it before any of it is added.
    std::vector<int> order(units.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return before[static_cast<std::size_t>(a)] < before[static_cast<std::size_t>(b)]; });
    const std::size_t n = units.size();
    const auto highest = static_cast<std::size_t>(*std::max_element(after.begin(), after.end()));
    std::vector<long long> tree(highest + 1, 0);  // counts of units added, by rank after (1..highest)
    const auto add = [&](int rank) {
        for (auto i = static_cast<std::size_t>(rank); i <= highest; i += i & (~i + 1)) ++tree[i];
    };
    const auto at_most = [&](int rank) {
        long long total = 0;
        for (auto i = static_cast<std::size_t>(rank); i > 0; i -= i & (~i + 1)) total += tree[i];
        return total;
    };
    long long reversed = 0, added = 0;
    for (std::size_t k = 0; k < n;) {
        std::size_t end = k + 1;
        while (end < n && before[static_cast<std::size_t>(order[end])] == before[static_cast<std::size_t>(order[k])]) ++end;
        for (std::size_t t = k; t < end; ++t) reversed += added - at_most(after[static_cast<std::size_t>(order[t])]);  // ranked above before, below after
        for (std::size_t t = k; t < end; ++t) {
            add(after[static_cast<std::size_t>(order[t])]);
            ++added;
        }
        k = end;
    }
    return reversed;
}

}  // namespace

RankReversalReport rank_reversal(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights, const Benefit& benefit,
                                 const RankReversalOptions& options) {
    if (x.rows() < 3)
        throw ValidationError("x", Message("{0} units; rank reversal needs at least 3, so that two remain when one is left out"_en,
                                           "{0} 个评价对象；秩反转检验至少需要 3 个，去掉一个后还剩两个"_zh,
                                           {std::to_string(x.rows())}));
    if (options.max_listed < 0)
        throw ValidationError("max_listed", Message("value {0}; expected a count >= 0"_en, "取值 {0}；应为 >= 0 的个数"_zh,
                                                    {std::to_string(options.max_listed)}));
    const Eigen::Index m = x.rows(), n = x.cols();
    RowMajor all(m, n);
    for (Eigen::Index i = 0; i < m; ++i)
        for (Eigen::Index j = 0; j < n; ++j) all(i, j) = x(i, j);
    RankReversalReport report;
    report.method = options.method;
    report.ranks = rank(scores_of(all, weights, benefit, options));  // also checks everything, with the method's own errors
    report.removal = Eigen::VectorXi::Zero(m);
    if (options.copies) report.copy = Eigen::VectorXi::Zero(m);

    const std::vector<int> before(report.ranks.data(), report.ranks.data() + m);
    const auto run = [&](ReversalTest test, Eigen::Index unit) {
        // The test's matrix: the others, then (copy) the unit twice; rows[k] is the unit of row k.
        std::vector<int> rows;
        for (Eigen::Index i = 0; i < m; ++i)
            if (test == ReversalTest::copy || i != unit) rows.push_back(static_cast<int>(i));
        if (test == ReversalTest::copy) rows.push_back(static_cast<int>(unit));
        RowMajor changed(static_cast<Eigen::Index>(rows.size()), n);
        for (std::size_t k = 0; k < rows.size(); ++k) changed.row(static_cast<Eigen::Index>(k)) = all.row(rows[k]);
        const Eigen::VectorXi ranks = rank(scores_of(changed, weights, benefit, options));
        // The others' ranks before and after, among themselves (after: the copy and the unit
        // take places, but only the order of the others is compared).
        std::vector<int> others, old_rank, new_rank;
        for (std::size_t k = 0; k < rows.size(); ++k) {
            const int u = rows[k];
            if (u == unit) continue;
            others.push_back(u);
            old_rank.push_back(before[static_cast<std::size_t>(u)]);
            new_rank.push_back(ranks[static_cast<Eigen::Index>(k)]);
        }
        const long long count = reversed_pairs(others, old_rank, new_rank);
        (test == ReversalTest::removal ? report.removal : report.copy)[unit] = static_cast<int>(std::min<long long>(count, 2147483647));
        report.total += count;
        if (count == 0 || static_cast<long long>(report.reversals.size()) >= options.max_listed) return;
        // List them: better first by its rank on all the units.
        std::vector<std::size_t> order(others.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return old_rank[a] < old_rank[b]; });
        for (std::size_t a = 0; a < order.size(); ++a)
            for (std::size_t b = a + 1; b < order.size(); ++b) {
                const std::size_t p = order[a], q = order[b];
                if (old_rank[p] < old_rank[q] && new_rank[p] > new_rank[q]) {
                    if (static_cast<long long>(report.reversals.size()) >= options.max_listed) return;
                    report.reversals.push_back(RankReversal{test, static_cast<int>(unit), others[p], others[q]});
                }
            }
    };
    for (Eigen::Index unit = 0; unit < m; ++unit) run(ReversalTest::removal, unit);
    if (options.copies)
        for (Eigen::Index unit = 0; unit < m; ++unit) run(ReversalTest::copy, unit);
    return report;
}

std::string to_string(const RankReversalReport& report) {
    std::ostringstream text;
    text.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
    const auto units = report.ranks.size();
    text << "Rank reversal of " << to_string(report.method) << " on " << units << " units: ";
    const long long removal = report.removal.cast<long long>().sum();
    const long long copy = report.copy.size() ? report.copy.cast<long long>().sum() : 0;
    if (report.stable()) {
        text << "no pair reversed by leaving a unit out" << (report.copy.size() ? " or copying one" : "");
        return text.str();
    }
    text << removal << " pair" << (removal == 1 ? "" : "s") << " reversed by leaving units out ("
         << (report.removal.array() > 0).count() << " of " << units << " units)";
    if (report.copy.size())
        text << ", " << copy << " by copying them (" << (report.copy.array() > 0).count() << " of " << units << ")";
    return text.str();
}

}  // namespace civitas
