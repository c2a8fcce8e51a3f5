// Rank agreement: Spearman's rho, Kendall's tau-b, r_w and WS of two rankings, and of every pair
// of several.
//
// Spearman's rho is Pearson's r of the average ranks (with ties, the usual definition, as
// scipy.stats.spearmanr computes it); Kendall's tau-b counts concordant and discordant pairs in
// O(n log n) by Knight's (1966) method: order by the first ranking, then count the inversions of
// the second. r_w and WS read the ranks as given.

#include <civitas/core/error.hpp>
#include <civitas/methods/agreement.hpp>
#include <civitas/methods/ranking.hpp>

#include "core/detail/number_format.hpp"
#include "core/detail/parallel.hpp"
#include "core/detail/simd.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace civitas {

namespace {

using Vector = Eigen::Ref<const Eigen::VectorXd>;
/// The path of entry i of a ranking ("a[3]", "rankings[3, 2]").
using EntryPath = std::function<std::string(Eigen::Index)>;

std::string format(double value) { return detail::format_significant(value, 12); }

/// ValidationError naming `whole` or the entry unless `x` is a ranking `method` can read: at
/// least 2 finite values; not all tied (spearman, kendall); each in [1, n] (weighted_spearman, ws).
void check_ranking(const Vector& x, const std::string& whole, const EntryPath& entry, CorrelationMethod method) {
    const Eigen::Index n = x.size();
    if (n < 2)
        throw ValidationError(whole, Message("too few units ({0}); expected at least 2 to compare rankings"_en,
                                             "评价对象过少（{0} 个）；比较排名至少需要 2 个"_zh, {std::to_string(n)}));
    for (Eigen::Index i = 0; i < n; ++i)
        if (!std::isfinite(x[i]))
            throw ValidationError(entry(i), Message("value {0}; expected a finite rank"_en, "取值为 {0}；应为有限的名次"_zh,
                                                    {format(x[i])}));
    if (method == CorrelationMethod::weighted_spearman || method == CorrelationMethod::ws) {
        for (Eigen::Index i = 0; i < n; ++i)
            if (x[i] < 1.0 || x[i] > static_cast<double>(n))
                throw ValidationError(entry(i), Message("rank {0} outside [1, {1}]; {2} reads ranks from 1 (best) to the "
                                                        "number of units (give ties as average ranks)"_en,
                                                        "名次 {0} 超出 [1, {1}]；{2} 要求名次从 1（最好）到评价对象个数"
                                                        "（并列请用平均名次）"_zh,
                                                        {format(x[i]), std::to_string(n), to_string(method)}));
        return;
    }
    if (x.maxCoeff() == x.minCoeff())
        throw ValidationError(whole, Message("every unit tied (all {0}); {1} is undefined for a ranking without order"_en,
                                             "所有评价对象并列（均为 {0}）；没有先后的排名无法计算 {1}"_zh,
                                             {format(x[0]), to_string(method)}));
}

/// Average ranks centred on their mean (n + 1) / 2: low values first, as ranks are read.
Eigen::VectorXd centred_ranks(const Vector& x) {
    Eigen::VectorXd ranks = average_rank(x, true);
    ranks.array() -= 0.5 * static_cast<double>(x.size() + 1);
    return ranks;
}

/// r from the sums of products of centred values, kept in [-1, 1] against rounding.
double pearson(double xy, double xx, double yy) { return std::clamp(xy / std::sqrt(xx * yy), -1.0, 1.0); }

/// A ranking prepared for Kendall's tau-b against others: its units ordered by it (ties by unit),
/// each unit's level (0 for the lowest value; equal values, equal level), the groups of tied
/// units in that order ([begin, end) of two or more) and the number of pairs it ties.
struct KendallRanking {
    std::vector<std::int32_t> order, level;
    std::vector<std::pair<std::int32_t, std::int32_t>> tie_groups;
    std::int32_t levels = 0;
    std::int64_t tied_pairs = 0;
};

KendallRanking kendall_ranking(const Vector& x) {
    // Twice the average ranks are whole numbers in [2, 2n], equal for equal values and ordered as
    // the values are: a counting sort orders the units (average_rank radix-sorts from 1,024 units).
    const Eigen::VectorXd ranks = average_rank(x, true);
    const auto n = static_cast<std::size_t>(x.size());
    std::vector<std::int32_t> key(n), start(2 * n + 2, 0);
    for (std::size_t i = 0; i < n; ++i) key[i] = static_cast<std::int32_t>(2.0 * ranks[static_cast<Eigen::Index>(i)]);
    for (std::size_t i = 0; i < n; ++i) ++start[static_cast<std::size_t>(key[i]) + 1];
    for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    KendallRanking out;
    out.order.resize(n);
    out.level.resize(n);
    for (std::size_t i = 0; i < n; ++i) out.order[static_cast<std::size_t>(start[static_cast<std::size_t>(key[i])]++)] = static_cast<std::int32_t>(i);
    for (std::size_t t = 0, begin = 0; t < n; ++t) {
        const auto unit = static_cast<std::size_t>(out.order[t]);
        if (t > 0 && key[unit] != key[static_cast<std::size_t>(out.order[t - 1])]) ++out.levels;
        out.level[unit] = out.levels;
        const bool group_ends = t + 1 == n || key[static_cast<std::size_t>(out.order[t + 1])] != key[unit];
        if (!group_ends) continue;
        const auto size = static_cast<std::int64_t>(t + 1 - begin);
        out.tied_pairs += size * (size - 1) / 2;
        if (size > 1) out.tie_groups.emplace_back(static_cast<std::int32_t>(begin), static_cast<std::int32_t>(t + 1));
        begin = t + 1;
    }
    ++out.levels;
    return out;
}

/// What one Kendall pair needs besides its two rankings, kept between pairs.
struct KendallWork {
    std::vector<std::int32_t> sequence, tree;
};

/// Kendall's tau-b of prepared rankings a and b: (n_c - n_d) / sqrt((n_0 - n_1)(n_0 - n_2)) by
/// Knight's (1966) decomposition. With the units ordered by a, ties by b, n_c - n_d = n_0 - n_1 -
/// n_2 + n_3 - 2 n_d, where n_1, n_2 and n_3 count the pairs tied in a, in b and in both, and n_d,
/// the discordant pairs, are the inversions of b's levels in that order, counted by a Fenwick tree
/// over the levels. O(n log n); a's order is kept from its preparation, so only its groups of
/// ties are sorted per pair.
double kendall(const KendallRanking& a, const KendallRanking& b, KendallWork& work) {
    const std::size_t n = a.order.size();
    std::vector<std::int32_t>& sequence = work.sequence;  // b's levels in a's order
    sequence.resize(n);
    for (std::size_t t = 0; t < n; ++t) sequence[t] = b.level[static_cast<std::size_t>(a.order[t])];
    std::int64_t tied_both = 0;
    for (const auto& [begin, end] : a.tie_groups) {
        std::sort(sequence.begin() + begin, sequence.begin() + end);
        for (std::int32_t t = begin + 1, run = 0; t < end; ++t) {
            run = sequence[static_cast<std::size_t>(t)] == sequence[static_cast<std::size_t>(t - 1)] ? run + 1 : 0;
            tied_both += run;
        }
    }
    std::vector<std::int32_t>& tree = work.tree;  // counts of the levels seen, 1-based
    tree.assign(static_cast<std::size_t>(b.levels) + 1, 0);
    const auto size = static_cast<std::size_t>(b.levels);
    std::int64_t discordant = 0;
    for (std::size_t t = 0; t < n; ++t) {
        const auto at_level = static_cast<std::size_t>(sequence[t]) + 1;
        std::int64_t not_above = 0;  // units seen with a level <= this one's
        for (std::size_t at = at_level; at > 0; at &= at - 1) not_above += tree[at];
        discordant += static_cast<std::int64_t>(t) - not_above;
        for (std::size_t at = at_level; at <= size; at += at & (~at + 1)) ++tree[at];
    }
    const auto pairs = static_cast<std::int64_t>(n) * static_cast<std::int64_t>(n - 1) / 2;
    const auto difference = static_cast<double>(pairs - a.tied_pairs - b.tied_pairs + tied_both - 2 * discordant);
    const double scale = std::sqrt(static_cast<double>(pairs - a.tied_pairs)) * std::sqrt(static_cast<double>(pairs - b.tied_pairs));
    return std::clamp(difference / scale, -1.0, 1.0);
}

// Spearman's rho, r_w and WS are each a sum over the units of a term of the two ranks: the terms
// are written once, here, and summed in unit order by the pair and by the matrix alike (the file
// is compiled without FMA contraction: src/CMakeLists.txt), so a matrix entry is the same bits as
// rank_correlation of its pair, on every SIMD path.

/// Spearman: the product of two average ranks centred on (n + 1) / 2.
struct SpearmanTerm {
    double x;
    explicit SpearmanTerm(double x_) : x(x_) {}
    [[nodiscard]] static bool adds_nothing() { return false; }
    [[nodiscard]] double operator()(double y) const { return x * y; }
};

/// r_w: (x - y)^2 ((n - x + 1) + (n - y + 1)), x's part prepared.
struct WeightedSpearmanTerm {
    double x, n, x_part;
    WeightedSpearmanTerm(double x_, double n_) : x(x_), n(n_), x_part(n_ - x_ + 1.0) {}
    [[nodiscard]] static bool adds_nothing() { return false; }
    [[nodiscard]] double operator()(double y) const {
        const double d = x - y;
        return d * d * (x_part + (n - y + 1.0));
    }
};

/// WS: 2^-x |x - y| / max(|x - 1|, |x - n|), x the reference, its parts prepared. From rank 1,075
/// on, 2^-x rounds to 0 (exp2 is not asked): the unit adds nothing and is skipped.
struct WsTerm {
    double x, weight, scale;
    WsTerm(double x_, double n)
        : x(x_), weight(x_ < 1075.0 ? std::exp2(-x_) : 0.0), scale(std::max(std::abs(x_ - 1.0), std::abs(x_ - n))) {}
    [[nodiscard]] bool adds_nothing() const { return weight == 0.0; }
    [[nodiscard]] double operator()(double y) const { return weight * std::abs(x - y) / scale; }
};

/// r_w from its sum over the units.
double weighted_spearman_of(double sum, double n) { return 1.0 - 6.0 * sum / (n * n * n * n + n * n * n - n * n - n); }

/// Sum over the units of term(x_u)(y_u).
template <class Term, class... Parts>
double pair_sum(const Vector& x, const Vector& y, Parts... parts) {
    double sum = 0.0;
    for (Eigen::Index u = 0; u < x.size(); ++u) sum += Term(x[u], parts...)(y[u]);
    return sum;
}

double spearman(const Vector& a, const Vector& b) {
    const Eigen::VectorXd x = centred_ranks(a), y = centred_ranks(b);
    return pearson(pair_sum<SpearmanTerm>(x, y), pair_sum<SpearmanTerm>(x, x), pair_sum<SpearmanTerm>(y, y));
}

double weighted_spearman(const Vector& x, const Vector& y) {
    const auto n = static_cast<double>(x.size());
    return weighted_spearman_of(pair_sum<WeightedSpearmanTerm>(x, y, n), n);
}

double ws(const Vector& x, const Vector& y) { return 1.0 - pair_sum<WsTerm>(x, y, static_cast<double>(x.size())); }

/// The coefficient of two checked rankings.
double coefficient(const Vector& a, const Vector& b, CorrelationMethod method) {
    switch (method) {
    case CorrelationMethod::spearman: return spearman(a, b);
    case CorrelationMethod::kendall: {
        KendallWork work;
        return kendall(kendall_ranking(a), kendall_ranking(b), work);
    }
    case CorrelationMethod::weighted_spearman: return weighted_spearman(a, b);
    case CorrelationMethod::ws: return ws(a, b);
    }
    return 0.0;  // not reached: every method is a case above
}

/// The sums of each reference (a row) against each column.
using Sums = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Columns per panel: a unit's values of eight columns side by side, read together.
constexpr Eigen::Index panel_width = 8;

/// The rankings as panels of panel_width columns (the last padded with 1s): each panel units x
/// panel_width, by units; column j's value for unit u at ((j / w) units + u) w + j % w.
struct Panels {
    Eigen::Index units, columns;
    std::vector<double> values;
    [[nodiscard]] const double* panel(Eigen::Index j) const { return values.data() + (j / panel_width) * units * panel_width; }
    [[nodiscard]] double& at(Eigen::Index u, Eigen::Index j) {
        return values[static_cast<std::size_t>(((j / panel_width) * units + u) * panel_width + j % panel_width)];
    }
};

/// The sums of term over the units, in unit order, of the references i0 .. i0 + R - 1 (the last
/// repeated past the last column; i0 a multiple of R, R dividing panel_width) against each column
/// j of [from, columns): sums(r, j). A panel at a time, its R x panel_width sums kept in registers
/// through all the units (the loop over a panel's columns vectorises); the padding's sums are
/// computed and never read.
template <int R, class Term, class... Parts>
void reference_sums(const Panels& y, Eigen::Index i0, Eigen::Index from, Sums& sums, Parts... parts) {
    const Eigen::Index last = std::min<Eigen::Index>(R, y.columns - i0) - 1;
    const double* references = y.panel(i0) + i0 % panel_width;
    detail::run_simd([&] {
        for (Eigen::Index j0 = from / panel_width * panel_width; j0 < y.columns; j0 += panel_width) {
            const double* panel = y.panel(j0);
            double group[R][panel_width] = {};
            for (Eigen::Index u = 0; u < y.units; ++u) {
                const double* values = panel + u * panel_width;
                const double* x = references + u * panel_width;
                // Unrolled, so that the sums stay in registers (GCC keeps them in memory otherwise).
#pragma GCC unroll 8
                for (int r = 0; r < R; ++r) {
                    const Term term(x[std::min<Eigen::Index>(r, last)], parts...);
                    if (term.adds_nothing()) continue;
#pragma GCC unroll 8
                    for (Eigen::Index t = 0; t < panel_width; ++t) group[r][t] += term(values[t]);
                }
            }
            for (int r = 0; r < R; ++r)
                for (Eigen::Index t = 0; t < panel_width; ++t) sums(r, j0 + t) = group[r][t];
        }
    });
}

void check_method(CorrelationMethod method) {
    const auto value = static_cast<std::size_t>(method);
    if (value >= std::size(EnumNames<CorrelationMethod>::values))
        throw ValidationError("method", Message("unknown correlation method {0}; expected spearman, kendall, weighted_spearman or ws"_en,
                                                "未知的相关系数方法 {0}；应为 spearman、kendall、weighted_spearman 或 ws"_zh,
                                                {std::to_string(static_cast<int>(method))}));
}

}  // namespace

double rank_correlation(const Vector& a, const Vector& b, CorrelationMethod method) {
    check_method(method);
    if (a.size() != b.size())
        throw ValidationError("b", Message("{0} ranks for the {1} units of a; expected one rank per unit in both"_en,
                                           "{0} 个名次对应 a 的 {1} 个评价对象；两个排名应各有每个评价对象的一个名次"_zh,
                                           {std::to_string(b.size()), std::to_string(a.size())}));
    check_ranking(a, "a", [](Eigen::Index i) { return "a[" + std::to_string(i) + "]"; }, method);
    check_ranking(b, "b", [](Eigen::Index i) { return "b[" + std::to_string(i) + "]"; }, method);
    return coefficient(a, b, method);
}

Eigen::MatrixXd rank_correlation_matrix(MatrixView rankings, CorrelationMethod method) {
    check_method(method);
    const Eigen::Index units = rankings.rows(), k = rankings.cols();
    if (k == 0)
        throw ValidationError("rankings", Message("no ranking; expected a column per ranking"_en, "没有排名；应每列一个排名"_zh));
    Eigen::MatrixXd columns(units, k);
    for (Eigen::Index j = 0; j < k; ++j) {
        for (Eigen::Index i = 0; i < units; ++i) columns(i, j) = rankings(i, j);
        const std::string column = "rankings[:, " + std::to_string(j) + "]";
        check_ranking(columns.col(j), column,
                      [j](Eigen::Index i) { return "rankings[" + std::to_string(i) + ", " + std::to_string(j) + "]"; }, method);
    }
    // The pairs cut into jobs of a few references each (their rows of the matrix), run on a thread
    // per core when the matrix is large; each entry is computed alone, so the threads change no bit.
    Eigen::MatrixXd out = Eigen::MatrixXd::Identity(k, k);
    constexpr Eigen::Index block = 4;  // references per pass over the units
    const bool symmetric = method != CorrelationMethod::ws;
    const Eigen::Index refs = method == CorrelationMethod::kendall || method == CorrelationMethod::ws ? 1 : block;
    const auto jobs = static_cast<std::size_t>((k + refs - 1) / refs);
    const double work = static_cast<double>(units) * static_cast<double>(k) * static_cast<double>(k);
    const std::size_t threads = detail::thread_count(0, work < 1e6 ? 1 : jobs);
    const auto n = static_cast<double>(units);
    if (method == CorrelationMethod::kendall) {
        std::vector<KendallRanking> prepared(static_cast<std::size_t>(k));  // every column ranked once
        detail::run_parallel(prepared.size(), threads,
                             [&](std::size_t j, std::size_t) { prepared[j] = kendall_ranking(columns.col(static_cast<Eigen::Index>(j))); });
        std::vector<KendallWork> work_of(threads);
        detail::run_parallel(jobs, threads, [&](std::size_t i, std::size_t w) {
            for (std::size_t j = i + 1; j < prepared.size(); ++j)
                out(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = kendall(prepared[i], prepared[j], work_of[w]);
        });
    } else {
        const Eigen::Index padded = (k + panel_width - 1) / panel_width * panel_width;
        Panels panels{units, k, std::vector<double>(static_cast<std::size_t>(units * padded), 1.0)};
        const auto fill = [&](Eigen::Index j, const Eigen::VectorXd& column) {
            for (Eigen::Index u = 0; u < units; ++u) panels.at(u, j) = column[u];
        };
        Eigen::VectorXd squares(k);  // spearman: each column's sum of squares of its centred ranks
        if (method == CorrelationMethod::spearman)
            detail::run_parallel(static_cast<std::size_t>(k), threads, [&](std::size_t j, std::size_t) {
                const auto column = static_cast<Eigen::Index>(j);
                const Eigen::VectorXd ranks = centred_ranks(columns.col(column));
                squares[column] = pair_sum<SpearmanTerm>(ranks, ranks);
                fill(column, ranks);
            });
        else
            for (Eigen::Index j = 0; j < k; ++j) fill(j, columns.col(j));
        std::vector<Sums> sums_of(threads, Sums(refs, padded));
        detail::run_parallel(jobs, threads, [&](std::size_t job, std::size_t w) {
            const auto i0 = static_cast<Eigen::Index>(job) * refs;
            Sums& sums = sums_of[w];
            const Eigen::Index from = symmetric ? i0 + 1 : 0;
            switch (method) {
            case CorrelationMethod::spearman: reference_sums<block, SpearmanTerm>(panels, i0, from, sums); break;
            case CorrelationMethod::weighted_spearman:
                reference_sums<block, WeightedSpearmanTerm>(panels, i0, from, sums, n);
                break;
            default: reference_sums<1, WsTerm>(panels, i0, from, sums, n); break;
            }
            for (Eigen::Index r = 0; r < refs && i0 + r < k; ++r) {
                const Eigen::Index i = i0 + r;
                for (Eigen::Index j = symmetric ? i + 1 : 0; j < k; ++j) {
                    if (j == i) continue;
                    const double sum = sums(r, j);
                    out(i, j) = method == CorrelationMethod::spearman ? pearson(sum, squares[i], squares[j])
                                : method == CorrelationMethod::weighted_spearman ? weighted_spearman_of(sum, n)
                                                                                 : 1.0 - sum;
                }
            }
        });
    }
    // The lower triangle of the symmetric ones: the same pairs, exactly symmetric.
    if (symmetric)
        for (Eigen::Index i = 0; i < k; ++i)
            for (Eigen::Index j = 0; j < i; ++j) out(i, j) = out(j, i);
    return out;
}

}  // namespace civitas
