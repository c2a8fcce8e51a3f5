// AHP: weights and consistency of pairwise comparison matrices, complete or incomplete, group and
// hierarchical AHP, and which comparison to revise. Formulas and sources: docs/methods.md, section "Weights".

#include <civitas/core/error.hpp>
#include <civitas/methods/weights.hpp>

#include "core/detail/number_format.hpp"
#include "methods/detail/checks.hpp"

#include <Eigen/Eigenvalues>

#include <Eigen/Cholesky>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <queue>
#include <utility>
#include <vector>

namespace civitas {

using detail::checked_weights;
using detail::element_path;
using detail::format_fixed;
using detail::format_number;

namespace {

// RI(n) for n = 1..15.
// Saaty: n <= 10 from Saaty (1980), The Analytic Hierarchy Process, McGraw-Hill; n = 11..15 are the
// values of Saaty's later tables (1.52 ... 1.59), as in the RI table of Chinese AHP textbooks.
constexpr std::array<double, saaty_table_size> saaty_random_index = {
    0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59};
// Donegan, H.A. & Dodd, F.J. (1991), A note on Saaty's random indexes, Mathematical and Computer
// Modelling 15(10), 135-137: every n to 20, then 25, 30, 40, ..., 100 (the same table as ahpy's,
// whose dd index interpolates linearly between the sizes tabulated, as random_index() does; the
// dip at 90 is the table's).
struct TabulatedIndex {
    int n;
    double value;
};
constexpr std::array<TabulatedIndex, 29> donegan_dodd_random_index = {{
    {1, 0.0},     {2, 0.0},     {3, 0.4914},  {4, 0.8286},  {5, 1.0591},  {6, 1.1797},  {7, 1.2519},  {8, 1.3171},
    {9, 1.3733},  {10, 1.4055}, {11, 1.4213}, {12, 1.4497}, {13, 1.4643}, {14, 1.4822}, {15, 1.4969}, {16, 1.5078},
    {17, 1.5153}, {18, 1.5262}, {19, 1.5313}, {20, 1.5371}, {25, 1.5619}, {30, 1.5772}, {40, 1.5976}, {50, 1.6102},
    {60, 1.6178}, {70, 1.6237}, {80, 1.6277}, {90, 1.6213}, {100, 1.6339},
}};

// RI(n), n in [1, 100]: the table's value, or linear between the sizes around n.
double donegan_dodd(int n) {
    const auto& table = donegan_dodd_random_index;
    std::size_t k = 0;
    while (k + 1 < table.size() && table[k + 1].n <= n) ++k;
    if (table[k].n == n) return table[k].value;
    const double t = static_cast<double>(n - table[k].n) / static_cast<double>(table[k + 1].n - table[k].n);
    return table[k].value + t * (table[k + 1].value - table[k].value);
}

std::string matrix_path(const std::string& name, Eigen::Index row, Eigen::Index col) {
    return element_path(element_path(name, row), col);
}

std::string shape(const Eigen::MatrixXd& m) { return std::to_string(m.rows()) + " x " + std::to_string(m.cols()); }

void check_tolerance(double tolerance) {
    if (!(tolerance >= 0) || !std::isfinite(tolerance))
        throw ValidationError("reciprocal_tolerance",
                              Message("{0}; expected a finite number >= 0"_en, "{0}；应为 >= 0 的有限数"_zh, {format_number(tolerance)}));
}

// A comparison left out of an incomplete matrix: 0 or NaN (ahpy's convention).
bool is_missing(double value) { return value == 0 || std::isnan(value); }

// The matrix checked and made exactly reciprocal from its upper triangle; with `allow_missing`, a
// pair left out (0 or NaN in both a_ij and a_ji) is 0 in both places. `name` names it in messages.
Eigen::MatrixXd checked_comparisons(const Eigen::MatrixXd& a, const std::string& name, double tolerance, bool allow_missing = false) {
    if (a.size() == 0)
        throw ValidationError(name, Message("empty; expected an n x n matrix of comparisons, n from 1 to 100"_en,
                                            "为空；应为 n x n 的两两比较矩阵，n 为 1 到 100"_zh));
    if (a.rows() != a.cols())
        throw ValidationError(name, Message("{0}; a pairwise comparison matrix is square"_en, "{0}；两两比较矩阵应为方阵"_zh, {shape(a)}));
    if (a.rows() > ahp_max_size)
        throw ValidationError(name, Message("{0}; at most 100 x 100 (the random index tables stop at 100): group the criteria into "
                                            "categories and use hierarchical AHP"_en,
                                            "{0}；最大为 100 x 100（随机一致性指标表只到 100）: 请将评价指标分入类别，使用层次 AHP"_zh,
                                            {shape(a)}));
    const Eigen::Index n = a.rows();
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < n; ++j) {
            const double value = a(i, j);
            if (allow_missing && i != j && is_missing(value)) {
                if (is_missing(a(j, i))) continue;
                throw ValidationError(matrix_path(name, i, j),
                                      Message("{0} but {1} is {2}; a comparison left out is 0 or NaN in both places, a comparison "
                                              "made is positive in both"_en,
                                              "为 {0}，而 {1} 为 {2}；缺失的比较在两处都应为 0 或 NaN，已做的比较在两处都应为正数"_zh,
                                              {format_number(value), matrix_path(name, j, i), format_number(a(j, i))}));
            }
            if (!std::isfinite(value) || value <= 0)
                throw ValidationError(matrix_path(name, i, j),
                                      Message("{0}; expected a positive finite number (how many times row {1} outweighs column {2})"_en,
                                              "{0}；应为正的有限数（第 {1} 行相对第 {2} 列的重要程度倍数）"_zh,
                                              {format_number(value), std::to_string(i), std::to_string(j)}));
        }
    }
    for (Eigen::Index i = 0; i < n; ++i) {
        if (std::abs(a(i, i) - 1.0) > tolerance)
            throw ValidationError(matrix_path(name, i, i),
                                  Message("{0} on the diagonal; expected 1 (an element compared with itself)"_en,
                                          "对角线上为 {0}；应为 1（元素与自身比较）"_zh, {format_number(a(i, i))}));
    }
    Eigen::MatrixXd exact = Eigen::MatrixXd::Ones(n, n);
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = i + 1; j < n; ++j) {
            if (allow_missing && is_missing(a(i, j))) {
                exact(i, j) = exact(j, i) = 0.0;
                continue;
            }
            if (std::abs(a(i, j) * a(j, i) - 1.0) > tolerance)
                throw ValidationError(
                    matrix_path(name, j, i),
                    Message("{0} is {1} but {2} is {3}; expected 1/{1} = {4} (a comparison matrix is reciprocal: a_ji = 1/a_ij, "
                            "within {5} on a_ij x a_ji)"_en,
                            "{0} 为 {1}，而 {2} 为 {3}；应为 1/{1} = {4}（比较矩阵互反: a_ji = 1/a_ij，a_ij x a_ji 的误差不超过 {5}）"_zh,
                            {matrix_path(name, i, j), format_number(a(i, j)), matrix_path(name, j, i), format_number(a(j, i)),
                             format_fixed(1.0 / a(i, j), 4), format_number(tolerance)}));
            exact(i, j) = a(i, j);
            exact(j, i) = 1.0 / a(i, j);
        }
    }
    return exact;
}

// ValidationError naming the first element (by index) that the comparisons made do not connect
// with element 0: without a path of comparisons its weight relative to the others is unknown.
void check_connected(const Eigen::MatrixXd& exact, const std::string& name) {
    const Eigen::Index n = exact.rows();
    std::vector<bool> reached(static_cast<std::size_t>(n), false);
    std::queue<Eigen::Index> next;
    reached[0] = true;
    next.push(0);
    while (!next.empty()) {
        const Eigen::Index i = next.front();
        next.pop();
        for (Eigen::Index j = 0; j < n; ++j) {
            if (exact(i, j) > 0 && !reached[static_cast<std::size_t>(j)]) {
                reached[static_cast<std::size_t>(j)] = true;
                next.push(j);
            }
        }
    }
    for (Eigen::Index j = 0; j < n; ++j) {
        if (!reached[static_cast<std::size_t>(j)])
            throw ValidationError(name, Message("element {0} is not compared, directly or through other elements, with element 0: the "
                                                "comparisons made leave its weight undetermined; add one that links them"_en,
                                                "元素 {0} 与元素 0 之间没有直接或经由其他元素的比较: 已做的比较无法确定其权重；请补充一个将两者联系起来的比较"_zh,
                                                {std::to_string(j)}));
    }
}

struct Principal {
    Eigen::VectorXd vector;  // normalised to sum 1
    double value = 0.0;
};

// Perron root and vector of a positive matrix: the eigenvalue with the largest real part is real,
// simple, and its eigenvector has entries of one sign.
Principal principal_eigen(const Eigen::MatrixXd& a) {
    if (a.rows() == 1) return {Eigen::VectorXd::Ones(1), 1.0};
    const Eigen::EigenSolver<Eigen::MatrixXd> solver(a, /*computeEigenvectors=*/true);
    if (solver.info() != Eigen::Success)
        throw Error(Message("AHP: the eigenvalue solver did not converge; the comparisons span too many orders of magnitude (expected "
                            "ratios such as Saaty's 1/9 to 9)"_en,
                            "AHP: 特征值求解未收敛；比较值跨越的数量级过多（应为 Saaty 标度 1/9 到 9 这样的比值）"_zh));
    const auto& values = solver.eigenvalues();
    Eigen::Index best = 0;
    for (Eigen::Index i = 1; i < values.size(); ++i)
        if (values[i].real() > values[best].real()) best = i;
    Eigen::VectorXd vector = solver.eigenvectors().col(best).real();
    vector /= vector.sum();
    return {vector, values[best].real()};
}

// The number of comparisons left out (0 above the diagonal of `exact`), counting each pair once.
Eigen::Index missing_pairs(const Eigen::MatrixXd& exact) {
    Eigen::Index missing = 0;
    for (Eigen::Index i = 0; i < exact.rows(); ++i)
        for (Eigen::Index j = i + 1; j < exact.cols(); ++j) missing += exact(i, j) == 0 ? 1 : 0;
    return missing;
}

// Harker's (1987) matrix of an incomplete `exact` (missing entries 0): b_ii = 1 + the number
// missing in row i. B w = lambda w exactly when A completed with a_ij = w_i / w_j satisfies it.
Eigen::MatrixXd harker_matrix(const Eigen::MatrixXd& exact) {
    Eigen::MatrixXd b = exact;
    for (Eigen::Index i = 0; i < b.rows(); ++i) {
        Eigen::Index missing = 0;
        for (Eigen::Index j = 0; j < b.cols(); ++j) missing += b(i, j) == 0 ? 1 : 0;
        b(i, i) = 1.0 + static_cast<double>(missing);
    }
    return b;
}

// Row geometric means, or with comparisons missing the logarithmic least squares weights over the
// comparisons made: v = ln w minimises sum over made pairs (ln a_ij - v_i + v_j)^2, whose normal
// equations are L v = r with L the Laplacian of the comparison graph and r_i = sum_j ln a_ij. On a
// connected graph L is singular only along (1, ..., 1); pinned by sum v = 0, L + J/n is positive
// definite (J all ones). With nothing missing v_i = mean_j ln a_ij, the row geometric mean.
Eigen::VectorXd geometric_mean_weights(const Eigen::MatrixXd& a) {
    if (missing_pairs(a) == 0) {
        const Eigen::VectorXd means = a.array().log().rowwise().mean().exp();
        return means / means.sum();
    }
    const Eigen::Index n = a.rows();
    Eigen::MatrixXd laplacian = Eigen::MatrixXd::Constant(n, n, 1.0 / static_cast<double>(n));
    Eigen::VectorXd logs = Eigen::VectorXd::Zero(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < n; ++j) {
            if (i == j || a(i, j) == 0) continue;
            laplacian(i, i) += 1.0;
            laplacian(i, j) -= 1.0;
            logs[i] += std::log(a(i, j));
        }
    }
    Eigen::VectorXd v = laplacian.llt().solve(logs);
    v.array() -= v.maxCoeff();  // the largest weight 1 before scaling: no overflow
    const Eigen::VectorXd w = v.array().exp();
    return w / w.sum();
}

// CI and CR from lambda_max; 0 for n <= 2, where every reciprocal matrix is consistent.
void set_consistency(AhpResult& result, Eigen::Index n, RandomIndexTable table) {
    result.table = table;
    result.random_index = random_index(static_cast<int>(n), table);
    if (n <= 2) {
        result.consistency_index = 0.0;
        result.consistency_ratio = 0.0;
        return;
    }
    const double size = static_cast<double>(n);
    // lambda_max >= n in exact arithmetic; rounding can put it a hair below.
    result.consistency_index = std::max(0.0, (result.lambda_max - size) / (size - 1.0));
    result.consistency_ratio = result.consistency_index / result.random_index;
}

double consistency_ratio_of(const Eigen::MatrixXd& exact, RandomIndexTable table) {
    AhpResult result;
    result.lambda_max = principal_eigen(exact).value;
    if (!std::isfinite(result.lambda_max))
        throw Error(Message("AHP: the comparisons span too many orders of magnitude to compute with doubles"_en,
                            "AHP: 比较值跨越的数量级过多，无法用双精度数计算"_zh));
    set_consistency(result, exact.rows(), table);
    return result.consistency_ratio;
}

// ValidationError naming `name` when Saaty's table has no RI for an n x n matrix.
void check_table_covers(Eigen::Index n, RandomIndexTable table, const std::string& name) {
    if (table == RandomIndexTable::saaty && n > saaty_table_size)
        throw ValidationError(name, Message("{0} x {0}; Saaty's random index table stops at 15: use random_index donegan_dodd (to 100 x "
                                            "100) or group the criteria into categories (hierarchical AHP)"_en,
                                            "{0} x {0}；Saaty 随机一致性指标表只到 15: 请使用 random_index donegan_dodd（到 100 x 100），"
                                            "或将评价指标分入类别（层次 AHP）"_zh,
                                            {std::to_string(n)}));
}

// `exact` may have comparisons missing (0 off the diagonal): then the eigenvalue and eigenvector
// are those of Harker's matrix, after checking that the comparisons connect every element.
AhpResult ahp_of_exact(const Eigen::MatrixXd& exact, const AhpOptions& options, const std::string& name = "matrix") {
    check_table_covers(exact.rows(), options.random_index, name);
    const bool incomplete = missing_pairs(exact) > 0;
    if (incomplete) check_connected(exact, name);
    const Principal principal = principal_eigen(incomplete ? harker_matrix(exact) : exact);
    AhpResult result;
    result.method = options.method;
    result.weights = options.method == AhpMethod::eigenvector ? principal.vector : geometric_mean_weights(exact);
    result.lambda_max = principal.value;
    if (!std::isfinite(result.lambda_max) || !result.weights.allFinite() || !(result.weights.minCoeff() > 0))
        throw Error(Message("AHP: the comparisons span too many orders of magnitude to compute with doubles (expected ratios such as "
                            "Saaty's 1/9 to 9)"_en,
                            "AHP: 比较值跨越的数量级过多，无法用双精度数计算（应为 Saaty 标度 1/9 到 9 这样的比值）"_zh));
    set_consistency(result, exact.rows(), options.random_index);
    return result;
}

AhpResult ahp_named(const Eigen::MatrixXd& matrix, const AhpOptions& options, const std::string& name) {
    check_tolerance(options.reciprocal_tolerance);
    return ahp_of_exact(checked_comparisons(matrix, name, options.reciprocal_tolerance, /*allow_missing=*/true), options, name);
}

std::string format_vector(const Eigen::VectorXd& values) {
    std::string text = "[";
    for (Eigen::Index i = 0; i < values.size(); ++i) text += (i ? ", " : "") + format_fixed(values[i], 4);
    return text + "]";
}

}  // namespace

double random_index(int n, RandomIndexTable table) {
    const int last = table == RandomIndexTable::saaty ? saaty_table_size : ahp_max_size;
    if (n < 1 || n > last)
        throw ValidationError("n", Message("{0}; the {1} random index table covers n = 1 to {2}"_en,
                                           "{0}；随机一致性指标表 {1} 只覆盖 n = 1 到 {2}"_zh,
                                           {std::to_string(n), std::string(to_string(table)), std::to_string(last)}));
    return table == RandomIndexTable::saaty ? saaty_random_index[static_cast<std::size_t>(n - 1)] : donegan_dodd(n);
}

AhpResult ahp(const Eigen::MatrixXd& matrix, const AhpOptions& options) { return ahp_named(matrix, options, "matrix"); }

AhpResult ahp(const Eigen::MatrixXd& matrix, AhpMethod method) {
    AhpOptions options;
    options.method = method;
    return ahp(matrix, options);
}

Eigen::MatrixXd aggregate_judgments(const std::vector<Eigen::MatrixXd>& matrices, const Eigen::VectorXd& expert_weights,
                                    double reciprocal_tolerance) {
    check_tolerance(reciprocal_tolerance);
    if (matrices.empty())
        throw ValidationError("matrices", Message("no matrices given; expected one per expert"_en, "未提供矩阵；应每位专家一个"_zh));
    const auto experts = static_cast<Eigen::Index>(matrices.size());
    Eigen::VectorXd shares = Eigen::VectorXd::Constant(experts, 1.0 / static_cast<double>(experts));
    if (expert_weights.size() != 0) {
        if (expert_weights.size() != experts)
            throw ValidationError("expert_weights", Message("{0} weights for {1} matrices; expected one per expert"_en,
                                                            "{0} 个权重对应 {1} 个矩阵；应每位专家一个权重"_zh,
                                                            {std::to_string(expert_weights.size()), std::to_string(experts)}));
        for (Eigen::Index k = 0; k < experts; ++k) {
            if (!std::isfinite(expert_weights[k]) || expert_weights[k] < 0)
                throw ValidationError(element_path("expert_weights", k),
                                      Message("{0}; expected a finite weight >= 0"_en, "{0}；应为 >= 0 的有限权重"_zh,
                                              {format_number(expert_weights[k])}));
        }
        if (!(expert_weights.sum() > 0))
            throw ValidationError("expert_weights", Message("all zero; expected some expert to count"_en, "全部为 0；应至少有一位专家的权重为正"_zh));
        shares = expert_weights / expert_weights.sum();
    }
    Eigen::MatrixXd log_sum = Eigen::MatrixXd::Zero(matrices.front().rows(), matrices.front().cols());
    for (Eigen::Index k = 0; k < experts; ++k) {
        const std::string name = element_path("matrices", k);
        const Eigen::MatrixXd& matrix = matrices[static_cast<std::size_t>(k)];
        const Eigen::MatrixXd exact = checked_comparisons(matrix, name, reciprocal_tolerance);
        if (exact.rows() != log_sum.rows())
            throw ValidationError(name, Message("{0} but matrices[0] is {1}; every expert compares the same elements"_en,
                                                "为 {0}，而 matrices[0] 为 {1}；每位专家应比较相同的元素"_zh,
                                                {shape(matrix), shape(log_sum)}));
        log_sum += shares[k] * exact.array().log().matrix();
    }
    return log_sum.array().exp().matrix();
}

AhpResult group_ahp(const std::vector<Eigen::MatrixXd>& matrices, const Eigen::VectorXd& expert_weights,
                    const AhpOptions& options) {
    return ahp_of_exact(aggregate_judgments(matrices, expert_weights, options.reciprocal_tolerance), options);
}

Eigen::VectorXd hierarchical_weights(const Eigen::VectorXd& category_weights,
                                     const std::vector<Eigen::VectorXd>& indicator_weights) {
    const Eigen::VectorXd categories = checked_weights(category_weights, "category_weights");
    if (static_cast<Eigen::Index>(indicator_weights.size()) != categories.size())
        throw ValidationError("indicator_weights", Message("{0} vectors for {1} categories; expected one per category"_en,
                                                           "{0} 个向量对应 {1} 个类别；应每个类别一个"_zh,
                                                           {std::to_string(indicator_weights.size()), std::to_string(categories.size())}));
    Eigen::Index total = 0;
    for (const Eigen::VectorXd& local : indicator_weights) total += local.size();
    Eigen::VectorXd global(total);
    Eigen::Index next = 0;
    for (Eigen::Index k = 0; k < categories.size(); ++k) {
        const Eigen::VectorXd local =
            checked_weights(indicator_weights[static_cast<std::size_t>(k)], element_path("indicator_weights", k));
        global.segment(next, local.size()) = categories[k] * local;
        next += local.size();
    }
    return global;
}

bool HierarchicalAhp::acceptable() const noexcept {
    return categories.acceptable() &&
           std::all_of(indicators.begin(), indicators.end(), [](const AhpResult& r) { return r.acceptable(); });
}

HierarchicalAhp hierarchical_ahp(const Eigen::MatrixXd& categories, const std::vector<Eigen::MatrixXd>& indicators,
                                 const AhpOptions& options) {
    HierarchicalAhp result;
    result.categories = ahp_named(categories, options, "categories");
    if (static_cast<Eigen::Index>(indicators.size()) != result.categories.weights.size())
        throw ValidationError("indicators", Message("{0} matrices for {1} categories; expected one per category"_en,
                                                    "{0} 个矩阵对应 {1} 个类别；应每个类别一个"_zh,
                                                    {std::to_string(indicators.size()), std::to_string(result.categories.weights.size())}));
    std::vector<Eigen::VectorXd> local;
    for (std::size_t k = 0; k < indicators.size(); ++k) {
        result.indicators.push_back(ahp_named(indicators[k], options, element_path("indicators", static_cast<Eigen::Index>(k))));
        local.push_back(result.indicators.back().weights);
    }
    result.global_weights = hierarchical_weights(result.categories.weights, local);
    return result;
}

std::vector<ComparisonRevision> revision_suggestions(const Eigen::MatrixXd& matrix, const AhpOptions& options) {
    check_tolerance(options.reciprocal_tolerance);
    const Eigen::MatrixXd exact = checked_comparisons(matrix, "matrix", options.reciprocal_tolerance);
    check_table_covers(exact.rows(), options.random_index, "matrix");
    const Eigen::VectorXd w = ahp_of_exact(exact, options).weights;
    std::vector<ComparisonRevision> revisions;
    for (Eigen::Index i = 0; i < exact.rows(); ++i) {
        for (Eigen::Index j = i + 1; j < exact.cols(); ++j) {
            ComparisonRevision revision;
            revision.row = static_cast<int>(i);
            revision.col = static_cast<int>(j);
            revision.value = exact(i, j);
            revision.consistent_value = w[i] / w[j];
            revision.deviation = exact(i, j) * w[j] / w[i];
            Eigen::MatrixXd revised = exact;
            revised(i, j) = revision.consistent_value;
            revised(j, i) = 1.0 / revision.consistent_value;
            revision.consistency_ratio = consistency_ratio_of(revised, options.random_index);
            revisions.push_back(revision);
        }
    }
    std::stable_sort(revisions.begin(), revisions.end(), [](const ComparisonRevision& a, const ComparisonRevision& b) {
        return a.consistency_ratio < b.consistency_ratio;
    });
    return revisions;
}

std::string to_string(const AhpResult& result) {
    const std::string verdict = result.acceptable() ? "acceptable" : ">= 0.1: revise the judgments";
    return std::string("AhpResult(") + to_string(result.method) + ", n=" + std::to_string(result.weights.size()) +
           ", lambda_max=" + format_fixed(result.lambda_max, 4) + ", CI=" + format_fixed(result.consistency_index, 4) +
           ", CR=" + format_fixed(result.consistency_ratio, 4) + " (" + verdict + ", RI " + to_string(result.table) +
           "), weights=" + format_vector(result.weights) + ")";
}

std::string to_string(const HierarchicalAhp& result) {
    double worst = result.categories.consistency_ratio;
    for (const AhpResult& r : result.indicators) worst = std::max(worst, r.consistency_ratio);
    return "HierarchicalAhp(" + std::to_string(result.indicators.size()) + " categories, " +
           std::to_string(result.global_weights.size()) + " indicators, largest CR " + format_fixed(worst, 4) +
           (result.acceptable() ? ": acceptable)" : ": >= 0.1, revise the judgments)");
}

std::string to_string(const ComparisonRevision& revision) {
    return "ComparisonRevision(row=" + std::to_string(revision.row) + ", col=" + std::to_string(revision.col) +
           ", value=" + format_fixed(revision.value, 4) + ", consistent_value=" + format_fixed(revision.consistent_value, 4) +
           ", deviation=" + format_fixed(revision.deviation, 4) +
           ", consistency_ratio=" + format_fixed(revision.consistency_ratio, 4) + ")";
}

}  // namespace civitas
