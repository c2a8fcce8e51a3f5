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

double spearman(const Vector& a, const Vector& b) {
    const Eigen::VectorXd x = centred_ranks(a), y = centred_ranks(b);
    return pearson(x.dot(y), x.squaredNorm(), y.squaredNorm());
}

/// Twice the average ranks of `x`, low values first: whole numbers in [2, 2n], equal for equal
/// values and ordered as the values are.
std::vector<std::int64_t> rank_keys(const Vector& x) {
    const Eigen::VectorXd ranks = average_rank(x, true);  // radix-sorted from 1,024 values
    std::vector<std::int64_t> keys(static_cast<std::size_t>(x.size()));
    for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = static_cast<std::int64_t>(2.0 * ranks[static_cast<Eigen::Index>(i)]);
    return keys;
}

/// Kendall's tau-b of rankings a and b given by their rank keys (rank_keys): (n_c - n_d) /
/// sqrt((n_0 - n_1)(n_0 - n_2)) by Knight's (1966) decomposition. With the units ordered by a,
/// ties by b, n_c - n_d = n_0 - n_1 - n_2 + n_3 - 2 n_d, where n_1, n_2 and n_3 count the pairs
/// tied in a, in b and in both, and n_d, the discordant pairs, are the inversions of b in that
/// order. Keys make the order two counting sorts and the inversions a Fenwick tree over b's keys:
/// no comparison sort (with std::sort and a merge sort, a call at 3,000 units took 0.76 ms, now 0.1).
double kendall_of_keys(const std::vector<std::int64_t>& ka, const std::vector<std::int64_t>& kb) {
    const std::size_t n = ka.size();
    const std::size_t keys = 2 * n + 1;
    // Units by b, then stably by a: ordered by a, ties by b.
    const auto counting_sort = [&](const std::vector<std::int64_t>& key, const std::vector<std::size_t>& in) {
        std::vector<std::size_t> start(keys + 1, 0), out(n);
        for (std::size_t i : in) ++start[static_cast<std::size_t>(key[i]) + 1];
        for (std::size_t k = 1; k <= keys; ++k) start[k] += start[k - 1];
        for (std::size_t i : in) out[start[static_cast<std::size_t>(key[i])]++] = i;
        return out;
    };
    std::vector<std::size_t> rows(n);
    for (std::size_t i = 0; i < n; ++i) rows[i] = i;
    const std::vector<std::size_t> order = counting_sort(ka, counting_sort(kb, rows));

    std::int64_t tied_a = 0, tied_b = 0, tied_both = 0, discordant = 0;
    std::vector<std::int64_t> count_b(keys, 0), tree(keys + 1, 0);  // the tree counts the b keys seen, by key
    std::int64_t run_a = 0, run_both = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = order[k];
        const bool same_a = k > 0 && ka[order[k - 1]] == ka[i];
        run_a = same_a ? run_a + 1 : 0;  // units before this one in its group of equal a
        run_both = same_a && kb[order[k - 1]] == kb[i] ? run_both + 1 : 0;
        tied_a += run_a;
        tied_both += run_both;
        tied_b += count_b[static_cast<std::size_t>(kb[i])]++;
        std::int64_t not_above = 0;  // units seen with a b key <= this one's
        for (auto at = static_cast<std::size_t>(kb[i]); at > 0; at &= at - 1) not_above += tree[at];
        discordant += static_cast<std::int64_t>(k) - not_above;
        for (auto at = static_cast<std::size_t>(kb[i]); at <= keys; at += at & (~at + 1)) ++tree[at];
    }
    const auto pairs = static_cast<std::int64_t>(n) * static_cast<std::int64_t>(n - 1) / 2;
    const auto difference = static_cast<double>(pairs - tied_a - tied_b + tied_both - 2 * discordant);
    const double scale = std::sqrt(static_cast<double>(pairs - tied_a)) * std::sqrt(static_cast<double>(pairs - tied_b));
    return std::clamp(difference / scale, -1.0, 1.0);
}

double kendall(const Vector& a, const Vector& b) { return kendall_of_keys(rank_keys(a), rank_keys(b)); }

/// r_w = 1 - 6 sum (x_i - y_i)^2 ((n - x_i + 1) + (n - y_i + 1)) / (n^4 + n^3 - n^2 - n).
double weighted_spearman(const Vector& x, const Vector& y) {
    const auto n = static_cast<double>(x.size());
    double sum = 0.0;
    for (Eigen::Index i = 0; i < x.size(); ++i) {
        const double d = x[i] - y[i];
        sum += d * d * ((n - x[i] + 1.0) + (n - y[i] + 1.0));
    }
    return 1.0 - 6.0 * sum / (n * n * n * n + n * n * n - n * n - n);
}

/// WS = 1 - sum 2^-x_i |x_i - y_i| / max(|x_i - 1|, |x_i - n|), x the reference.
double ws(const Vector& x, const Vector& y) {
    const auto n = static_cast<double>(x.size());
    double sum = 0.0;
    for (Eigen::Index i = 0; i < x.size(); ++i)
        sum += std::exp2(-x[i]) * std::abs(x[i] - y[i]) / std::max(std::abs(x[i] - 1.0), std::abs(x[i] - n));
    return 1.0 - sum;
}

/// The coefficient of two checked rankings.
double coefficient(const Vector& a, const Vector& b, CorrelationMethod method) {
    switch (method) {
    case CorrelationMethod::spearman: return spearman(a, b);
    case CorrelationMethod::kendall: return kendall(a, b);
    case CorrelationMethod::weighted_spearman: return weighted_spearman(a, b);
    case CorrelationMethod::ws: return ws(a, b);
    }
    return 0.0;  // not reached: every method is a case above
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
    Eigen::MatrixXd out(k, k);
    if (method == CorrelationMethod::spearman) {
        // Every column ranked once, then one product: r_ij = x_i . x_j / (|x_i| |x_j|).
        Eigen::MatrixXd centred(units, k);
        for (Eigen::Index j = 0; j < k; ++j) centred.col(j) = centred_ranks(columns.col(j));
        const Eigen::MatrixXd products = centred.transpose() * centred;
        for (Eigen::Index i = 0; i < k; ++i)
            for (Eigen::Index j = i + 1; j < k; ++j) out(i, j) = pearson(products(i, j), products(i, i), products(j, j));
    } else if (method == CorrelationMethod::kendall) {
        std::vector<std::vector<std::int64_t>> keys;  // every column ranked once
        for (Eigen::Index j = 0; j < k; ++j) keys.push_back(rank_keys(columns.col(j)));
        for (std::size_t i = 0; i < keys.size(); ++i)
            for (std::size_t j = i + 1; j < keys.size(); ++j)
                out(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = kendall_of_keys(keys[i], keys[j]);
    } else {
        for (Eigen::Index i = 0; i < k; ++i)
            for (Eigen::Index j = i + 1; j < k; ++j) out(i, j) = coefficient(columns.col(i), columns.col(j), method);
    }
    // The lower triangle: the same pairs (exactly symmetric), or for ws the other column as the reference.
    for (Eigen::Index i = 0; i < k; ++i)
        for (Eigen::Index j = 0; j < i; ++j)
            out(i, j) = method == CorrelationMethod::ws ? coefficient(columns.col(i), columns.col(j), method) : out(j, i);
    out.diagonal().setOnes();
    return out;
}

}  // namespace civitas
