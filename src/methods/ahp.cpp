// AHP: weights and consistency of pairwise comparison matrices, group and hierarchical AHP, and
// which comparison to revise. Formulas and sources: docs/methods.md, section "Weights".

#include <civitas/core/error.hpp>
#include <civitas/methods/weights.hpp>

#include "core/detail/number_format.hpp"
#include "methods/detail/checks.hpp"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
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
constexpr std::array<double, ahp_max_size> saaty_random_index = {
    0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59};
// Donegan, H.A. & Dodd, F.J. (1991), A note on Saaty's random indexes, Mathematical and Computer
// Modelling 15(10), 135-137.
constexpr std::array<double, ahp_max_size> donegan_dodd_random_index = {
    0.0, 0.0, 0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643, 1.4822, 1.4969};

std::string matrix_path(const std::string& name, Eigen::Index row, Eigen::Index col) {
    return element_path(element_path(name, row), col);
}

std::string shape(const Eigen::MatrixXd& m) { return std::to_string(m.rows()) + " x " + std::to_string(m.cols()); }

void check_tolerance(double tolerance) {
    if (!(tolerance >= 0) || !std::isfinite(tolerance))
        throw ValidationError("reciprocal_tolerance",
                              Message("{0}; expected a finite number >= 0"_en, "{0}；应为 >= 0 的有限数"_zh, {format_number(tolerance)}));
}

// The matrix checked and made exactly reciprocal from its upper triangle. `name` names it in messages.
Eigen::MatrixXd checked_comparisons(const Eigen::MatrixXd& a, const std::string& name, double tolerance) {
    if (a.size() == 0)
        throw ValidationError(name, Message("empty; expected an n x n matrix of comparisons, n from 1 to 15"_en,
                                            "为空；应为 n x n 的两两比较矩阵，n 为 1 到 15"_zh));
    if (a.rows() != a.cols())
        throw ValidationError(name, Message("{0}; a pairwise comparison matrix is square"_en, "{0}；两两比较矩阵应为方阵"_zh, {shape(a)}));
    if (a.rows() > ahp_max_size)
        throw ValidationError(name, Message("{0}; at most 15 x 15 (the random index tables stop at 15): group the criteria into "
                                            "categories and use hierarchical AHP"_en,
                                            "{0}；最大为 15 x 15（随机一致性指标表只到 15）: 请将评价指标分入类别，使用层次 AHP"_zh,
                                            {shape(a)}));
    const Eigen::Index n = a.rows();
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < n; ++j) {
            const double value = a(i, j);
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

Eigen::VectorXd geometric_mean_weights(const Eigen::MatrixXd& a) {
    const Eigen::VectorXd means = a.array().log().rowwise().mean().exp();
    return means / means.sum();
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

AhpResult ahp_of_exact(const Eigen::MatrixXd& exact, const AhpOptions& options) {
    const Principal principal = principal_eigen(exact);
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
    return ahp_of_exact(checked_comparisons(matrix, name, options.reciprocal_tolerance), options);
}

std::string format_vector(const Eigen::VectorXd& values) {
    std::string text = "[";
    for (Eigen::Index i = 0; i < values.size(); ++i) text += (i ? ", " : "") + format_fixed(values[i], 4);
    return text + "]";
}

}  // namespace

double random_index(int n, RandomIndexTable table) {
    if (n < 1 || n > ahp_max_size)
        throw ValidationError("n", Message("{0}; the random index tables cover n = 1 to 15"_en, "{0}；随机一致性指标表只覆盖 n = 1 到 15"_zh,
                                           {std::to_string(n)}));
    const auto& values = table == RandomIndexTable::saaty ? saaty_random_index : donegan_dodd_random_index;
    return values[static_cast<std::size_t>(n - 1)];
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
