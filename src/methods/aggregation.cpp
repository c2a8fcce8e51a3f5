// Rankings that aggregate normalised criteria into one score per unit: WASPAS, EDAS, COPRAS,
// SPOTIS, CoCoSo and MULTIMOORA. Each reads x a row at a time after one pass for the columns'
// ranges (methods/detail/criteria.hpp), as TOPSIS does; the formulas and their sources are in
// ranking.hpp and docs/methods.md.

#include <civitas/core/error.hpp>
#include <civitas/methods/ranking.hpp>

#include "core/detail/simd.hpp"
#include "core/detail/vector_exp.hpp"
#include "core/detail/vector_log.hpp"
#include "methods/detail/criteria.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <locale>
#include <sstream>
#include <string>

namespace civitas {

using namespace detail;  // the shared checks and helpers of methods/detail/criteria.hpp

namespace {

/// ValidationError naming the first cell of column j below `bound` (at or below it when `strict`).
void check_column_above(const MatrixView& x, const ColumnStats& s, std::ptrdiff_t j, double bound, bool strict,
                        const char* method) {
    const bool fails = strict ? !(s.min[j] > bound) : !(s.min[j] >= bound);
    if (!fails) return;
    for (std::ptrdiff_t i = 0; i < x.rows(); ++i) {
        const double v = x(i, j);
        if (strict ? v > bound : v >= bound) continue;
        throw ValidationError(cell_path(i, j),
                              Message(strict ? "value {0} (unit {1}, criterion {2}); {3} needs values > {4} on this criterion"_en
                                             : "value {0} (unit {1}, criterion {2}); {3} needs values >= {4} on this criterion"_en,
                                      strict ? "取值 {0}（评价对象 {1}，评价指标 {2}）；{3} 要求该评价指标的取值 > {4}"_zh
                                             : "取值 {0}（评价对象 {1}，评价指标 {2}）；{3} 要求该评价指标的取值 >= {4}"_zh,
                                      {format_value(v), std::to_string(i), std::to_string(j), method, format_value(bound)}));
    }
}

/// ValidationError unless lambda, the weight of one of two strategies, lies in [0, 1].
void check_lambda(double lambda) {
    if (!(lambda >= 0.0 && lambda <= 1.0))
        throw ValidationError("lambda", Message("value {0}; expected a weight in [0, 1]"_en, "取值 {0}；应为 [0, 1] 内的权重"_zh,
                                                {format_value(lambda)}));
}

/// Each column's sum.
Array column_sums(const MatrixView& x) {
    RowArray sums = RowArray::Zero(x.cols());
    for_each_row(x, [&](std::ptrdiff_t, const ConstRow& row) { sums += row; });
    return sums.transpose();
}

/// The checks every method here starts with; returns the columns' ranges (x finite).
ColumnStats checked_input(const MatrixView& x, const Eigen::Ref<const Eigen::VectorXd>& weights, const Benefit& benefit,
                          bool need_squares = false) {
    check_shape(x, weights.size(), benefit);
    check_weights(weights, "weights");
    return column_stats(x, need_squares);
}

}  // namespace

// ---- WASPAS ---------------------------------------------------------------------------------------

Eigen::VectorXd waspas(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights, const Benefit& benefit, double lambda) {
    const ColumnStats s = checked_input(x, weights, benefit);
    check_lambda(lambda);
    const std::ptrdiff_t n = x.cols();
    // r = x / max for a benefit, min / x for a cost; ln r = ln x - ln max, or ln min - ln x.
    RowArray scale(n), log_scale(n), sign(n);
    for (std::ptrdiff_t j = 0; j < n; ++j) {
        if (is_benefit(benefit, j)) {
            check_column_above(x, s, j, 0.0, false, "WASPAS");
            if (s.max[j] == 0.0)
                throw ValidationError(column_path(j), Message("every value is 0; WASPAS divides a benefit criterion by its maximum"_en,
                                                              "所有取值均为 0；WASPAS 要用效益型评价指标的最大值作除数"_zh));
            scale[j] = s.max[j];  // divided by, not multiplied by its reciprocal, which a tiny maximum overflows
            log_scale[j] = std::log(s.max[j]);
            sign[j] = 1.0;
        } else {
            check_column_above(x, s, j, 0.0, true, "WASPAS");
            scale[j] = s.min[j];
            log_scale[j] = std::log(s.min[j]);
            sign[j] = -1.0;
        }
    }
    // Per cell w r (a product for a benefit, a quotient for a cost) and w ln r = w sign (ln x - ln
    // anchor); a criterion of weight 0 adds 0 to both (r^0 = 1, even for r = 0). A benefit value of
    // 0 has r = 0: its term is -infinity, and the product's exp is then 0.
    Eigen::VectorXd q(x.rows());
    const RowArray w = weights.transpose().array();
    const RowArray signed_weight = w * sign;
    detail::run_simd([&] {
        const double* __restrict weight = w.data();
        const double* __restrict by = scale.data();
        const double* __restrict towards = signed_weight.data();
        const double* __restrict offset = log_scale.data();
        const double* __restrict direction = sign.data();
        for_each_row(x, [&](std::ptrdiff_t i, const ConstRow& row) {
            const double* __restrict value = row.data();
            double sum = 0.0, log_product = 0.0;
            for (std::ptrdiff_t j = 0; j < n; ++j) {
                const double v = value[j];
                sum += weight[j] * (direction[j] > 0.0 ? v / by[j] : by[j] / v);
                const double term = v > 0.0 ? towards[j] * (vector_log(v) - offset[j]) : -std::numeric_limits<double>::infinity();
                log_product += weight[j] == 0.0 ? 0.0 : term;
            }
            q[i] = lambda * sum + (1.0 - lambda) * std::exp(log_product);
        });
    });
    return q;
}

// ---- EDAS -----------------------------------------------------------------------------------------

Eigen::VectorXd edas(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights, const Benefit& benefit) {
    const ColumnStats s = checked_input(x, weights, benefit);
    const std::ptrdiff_t n = x.cols();
    const Array average = column_sums(x) / static_cast<double>(x.rows());
    // d_ij = (x_ij - AV_j) / AV_j in the criterion's direction: PDA = max(d, 0), NDA = max(-d, 0).
    RowArray oriented(n);
    for (std::ptrdiff_t j = 0; j < n; ++j) {
        if (!(average[j] > 0.0))
            throw ValidationError(column_path(j), Message("the average is {0}; EDAS measures distances as shares of each "
                                                          "criterion's average, which must be > 0"_en,
                                                          "平均值为 {0}；EDAS 以各评价指标平均值的比例度量距离，平均值应 > 0"_zh,
                                                          {format_value(average[j])}));
        // A constant column is at its average everywhere: 0, not the rounding of sum / m.
        oriented[j] = s.min[j] == s.max[j] ? 0.0 : is_benefit(benefit, j) ? 1.0 : -1.0;
    }
    Eigen::ArrayXd sp(x.rows()), sn(x.rows());
    for_each_row(x, [&](std::ptrdiff_t i, const ConstRow& row) {
        double positive = 0.0, negative = 0.0;
        for (std::ptrdiff_t j = 0; j < n; ++j) {
            const double d = oriented[j] * ((row[j] - average[j]) / average[j]);
            positive += weights[j] * std::max(d, 0.0);
            negative += weights[j] * std::max(-d, 0.0);
        }
        sp[i] = positive;
        sn[i] = negative;
    });
    // Each unit on one side of every average (possible when values differ by rounding alone)
    // leaves one of the sums 0 for all: that term says nothing, SP / max SP is then 0 and
    // 1 - SN / max SN is 1 (as rank_uncertainty's draws take them).
    const double sp_max = sp.maxCoeff(), sn_max = sn.maxCoeff();
    if (sp_max == 0.0 && sn_max == 0.0) throw_indistinct("EDAS");
    const Eigen::ArrayXd above = sp_max > 0.0 ? Eigen::ArrayXd(sp / sp_max) : Eigen::ArrayXd::Zero(sp.size());
    const Eigen::ArrayXd below = sn_max > 0.0 ? Eigen::ArrayXd(1.0 - sn / sn_max) : Eigen::ArrayXd::Ones(sn.size());
    return ((above + below) / 2.0).matrix();
}

// ---- COPRAS ---------------------------------------------------------------------------------------

Eigen::VectorXd copras(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights, const Benefit& benefit) {
    const ColumnStats s = checked_input(x, weights, benefit);
    const std::ptrdiff_t n = x.cols();
    const Array sums = column_sums(x);
    RowArray factor(n);  // w_j, signed: + benefit, - cost
    bool weighted_cost = false;
    for (std::ptrdiff_t j = 0; j < n; ++j) {
        check_column_above(x, s, j, 0.0, false, "COPRAS");
        if (sums[j] == 0.0)
            throw ValidationError(column_path(j), Message("every value is 0; COPRAS divides each value by its criterion's total"_en,
                                                          "所有取值均为 0；COPRAS 要用各评价指标的合计作除数"_zh));
        factor[j] = weights[j];  // times x / sum (w / sum would overflow for a tiny total)
        if (!is_benefit(benefit, j)) {
            weighted_cost = weighted_cost || weights[j] > 0.0;
            factor[j] = -factor[j];
        }
    }
    Eigen::ArrayXd plus(x.rows()), minus(x.rows());
    for_each_row(x, [&](std::ptrdiff_t i, const ConstRow& row) {
        double p = 0.0, m = 0.0;
        for (std::ptrdiff_t j = 0; j < n; ++j) {
            const double d = factor[j] * (row[j] / sums[j]);
            if (d >= 0.0) p += d;
            else m -= d;
        }
        plus[i] = p;
        minus[i] = m;
    });
    Eigen::ArrayXd q = plus;
    if (weighted_cost) {
        for (Eigen::Index i = 0; i < minus.size(); ++i)
            if (!(minus[i] > 0.0))
                throw ValidationError("x[" + std::to_string(i) + ", :]",
                                      Message("unit {0} has 0 on every weighted cost criterion; COPRAS divides by a unit's "
                                              "weighted costs"_en,
                                              "评价对象 {0} 在所有有权重的成本型评价指标上均为 0；COPRAS 要用评价对象的加权成本作除数"_zh,
                                              {std::to_string(i)}));
        // Q_i = S+_i + sum S- / (S-_i sum 1 / S-): the costs' total shared out in inverse proportion.
        q += minus.sum() / (minus * minus.inverse().sum());
    }
    const double best = q.maxCoeff();
    if (!(best > 0.0)) throw_indistinct("COPRAS");
    return (q / best).matrix();
}

// ---- SPOTIS ---------------------------------------------------------------------------------------

Eigen::VectorXd spotis(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights, const Benefit& benefit,
                       const Eigen::Ref<const Eigen::MatrixX2d>& bounds, const Eigen::Ref<const Eigen::VectorXd>& ideal) {
    const ColumnStats s = checked_input(x, weights, benefit);
    const std::ptrdiff_t n = x.cols();
    const bool given = bounds.rows() > 0;
    if (given && bounds.rows() != n)
        throw ValidationError("bounds", Message("{0} rows for {1} criteria; expected one (min, max) per criterion, or none"_en,
                                                "{0} 行对应 {1} 个评价指标；应每个评价指标一行 (min, max)，或不提供"_zh,
                                                {std::to_string(bounds.rows()), std::to_string(n)}));
    if (ideal.size() > 0 && ideal.size() != n)
        throw ValidationError("ideal", Message("{0} values for {1} criteria; expected one per criterion, or none"_en,
                                               "{0} 个取值对应 {1} 个评价指标；应每个评价指标一个，或不提供"_zh,
                                               {std::to_string(ideal.size()), std::to_string(n)}));
    RowArray target(n), factor(n);
    for (std::ptrdiff_t j = 0; j < n; ++j) {
        const double low = given ? bounds(j, 0) : s.min[j], high = given ? bounds(j, 1) : s.max[j];
        const std::string path = "bounds[" + std::to_string(j) + "]";
        if (given && !(std::isfinite(low) && std::isfinite(high) && low < high))
            throw ValidationError(path, Message("({0}, {1}); expected finite bounds with min < max"_en,
                                                "为 ({0}, {1})；应为有限的界限且 min < max"_zh, {format_value(low), format_value(high)}));
        if (given && (s.min[j] < low || s.max[j] > high)) {
            for (std::ptrdiff_t i = 0; i < x.rows(); ++i)
                if (x(i, j) < low || x(i, j) > high)
                    throw ValidationError(cell_path(i, j),
                                          Message("value {0} lies outside the criterion's bounds [{1}, {2}]; SPOTIS needs bounds that "
                                                  "hold every value"_en,
                                                  "取值 {0} 超出该评价指标的界限 [{1}, {2}]；SPOTIS 的界限应包含所有取值"_zh,
                                                  {format_value(x(i, j)), format_value(low), format_value(high)}));
        }
        target[j] = is_benefit(benefit, j) ? high : low;
        if (ideal.size() > 0) {
            if (!(ideal[j] >= low && ideal[j] <= high))
                throw ValidationError("ideal[" + std::to_string(j) + "]",
                                      Message("value {0}; expected a point within the criterion's bounds [{1}, {2}]"_en,
                                              "取值 {0}；应在该评价指标的界限 [{1}, {2}] 之内"_zh,
                                              {format_value(ideal[j]), format_value(low), format_value(high)}));
            target[j] = ideal[j];
        }
        factor[j] = spread(high - low) > 0.0 ? weights[j] / (high - low) : 0.0;  // a constant column (own range): every unit at the ideal
    }
    Eigen::VectorXd distance(x.rows());
    for_each_row(x, [&](std::ptrdiff_t i, const ConstRow& row) { distance[i] = ((row - target).abs() * factor).sum(); });
    return distance;
}

// ---- CoCoSo ---------------------------------------------------------------------------------------

Eigen::VectorXd cocoso(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights, const Benefit& benefit, double lambda) {
    const ColumnStats s = checked_input(x, weights, benefit);
    check_lambda(lambda);
    const std::ptrdiff_t n = x.cols();
    // r = (x - min) / span for a benefit, (max - x) / span for a cost; a constant column has every
    // unit at its best, r = 1 (as pymcdm's min-max normalisation).
    RowArray anchor(n), scale(n), constant(n);
    for (std::ptrdiff_t j = 0; j < n; ++j) {
        const double span = spread(s.max[j] - s.min[j]);
        const bool higher = is_benefit(benefit, j);
        anchor[j] = higher ? s.min[j] : s.max[j];
        scale[j] = span == 0.0 ? 0.0 : (higher ? 1.0 : -1.0) / span;
        constant[j] = span == 0.0 ? 1.0 : 0.0;
    }
    Eigen::ArrayXd sums(x.rows()), powers(x.rows());
    const RowArray w = weights.transpose().array();
    detail::run_simd([&] {
        const double* __restrict low = anchor.data();
        const double* __restrict by = scale.data();
        const double* __restrict at_best = constant.data();
        const double* __restrict weight = w.data();
        for_each_row(x, [&](std::ptrdiff_t i, const ConstRow& row) {
            // r^w as exp(w ln r), both vectorised (libm's pow is a call a cell); 0^w is 0, and 1 for w = 0.
            const double* __restrict value = row.data();
            double sum = 0.0, power = 0.0;
            for (std::ptrdiff_t j = 0; j < n; ++j) {
                const double r = at_best[j] + (value[j] - low[j]) * by[j];
                sum += weight[j] * r;
                const double raised = vector_exp(weight[j] * vector_log(r));
                power += r > 0.0 ? raised : (weight[j] == 0.0 ? 1.0 : 0.0);
            }
            sums[i] = sum;
            powers[i] = power;
        });
    });
    const double s_min = sums.minCoeff(), p_min = powers.minCoeff();
    // S below the smallest normal double is 0 for k_b's division: S / min S would overflow.
    constexpr double smallest = std::numeric_limits<double>::min();
    if (!(s_min >= smallest) || !(p_min >= smallest)) {
        Eigen::Index worst = 0;
        sums.minCoeff(&worst);
        throw ValidationError("x[" + std::to_string(worst) + ", :]",
                              Message("unit {0} is the worst on every weighted criterion (S = 0, or too close to 0 to divide "
                                      "by); CoCoSo's k_b divides by the smallest S: leave the unit out or rank with another method"_en,
                                      "评价对象 {0} 在所有有权重的评价指标上均为最差（S = 0，或过于接近 0 而不能作除数）；CoCoSo 的 k_b "
                                      "要除以最小的 S: 请去掉该评价对象或改用其他方法排序"_zh,
                                      {std::to_string(worst)}));
    }
    const Eigen::ArrayXd total = sums + powers;
    const Eigen::ArrayXd k_a = total / total.sum();
    const Eigen::ArrayXd k_b = sums / s_min + powers / p_min;
    const Eigen::ArrayXd k_c = (lambda * sums + (1.0 - lambda) * powers) / (lambda * sums.maxCoeff() + (1.0 - lambda) * powers.maxCoeff());
    return ((k_a * k_b * k_c).pow(1.0 / 3.0) + (k_a + k_b + k_c) / 3.0).matrix();
}

// ---- MULTIMOORA -----------------------------------------------------------------------------------

MultimooraResult multimoora(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights, const Benefit& benefit) {
    const ColumnStats s = checked_input(x, weights, benefit, true);
    const std::ptrdiff_t n = x.cols();
    RowArray norms(n), best(n), sign(n);  // divided by: a subnormal norm's reciprocal overflows
    for (std::ptrdiff_t j = 0; j < n; ++j) {
        check_column_above(x, s, j, 0.0, true, "MULTIMOORA");
        double norm = std::sqrt(s.sum_squares[j]);
        if (!(s.sum_squares[j] >= std::numeric_limits<double>::min())) {
            // Squares that underflow (values near 1e-160 and below): the norm scaled by the largest value.
            const double largest = s.max[j];
            double scaled = 0.0;
            for (std::ptrdiff_t i = 0; i < x.rows(); ++i) scaled += (x(i, j) / largest) * (x(i, j) / largest);
            norm = largest * std::sqrt(scaled);
        }
        norms[j] = norm;
        sign[j] = is_benefit(benefit, j) ? 1.0 : -1.0;
        best[j] = (is_benefit(benefit, j) ? s.max[j] : s.min[j]) / norm;
    }
    const RowArray log_norm = norms.log();
    Eigen::VectorXd log_form(x.rows());
    MultimooraResult out;
    out.ratio_system.resize(x.rows());
    out.reference_point.resize(x.rows());
    out.full_multiplicative.resize(x.rows());
    for_each_row(x, [&](std::ptrdiff_t i, const ConstRow& row) {
        double ratio = 0.0, reference = 0.0, log_product = 0.0;
        for (std::ptrdiff_t j = 0; j < n; ++j) {
            const double w = weights[j];
            if (w == 0.0) continue;
            const double r = row[j] / norms[j];
            ratio += sign[j] * w * r;
            reference = std::max(reference, w * std::abs(best[j] - r));
            log_product += sign[j] * w * (std::log(row[j]) - log_norm[j]);  // ln r, even where r underflows
        }
        out.ratio_system[i] = ratio;
        out.reference_point[i] = reference;
        log_form[i] = log_product;
        out.full_multiplicative[i] = std::exp(log_product);
    });
    out.ranks_ratio_system = rank(out.ratio_system);
    out.ranks_reference_point = rank(out.reference_point, RankMethod::min, true);
    out.ranks_full_multiplicative = rank(log_form);  // the product's order, even where it overflows or underflows
    // Dominance (Brauers & Zavadskas 2011), as a majority: i dominates k when it ranks better in
    // more of the three parts than k does (a part where they tie counts for neither).
    const Eigen::Index m = x.rows();
    out.dominance = Eigen::VectorXi::Zero(m);
    const Eigen::VectorXi &a = out.ranks_ratio_system, &b = out.ranks_reference_point, &c = out.ranks_full_multiplicative;
    for (Eigen::Index i = 0; i < m; ++i) {
        int wins = 0;
        for (Eigen::Index k = 0; k < m; ++k) {
            const int better = int{a[i] < a[k]} + int{b[i] < b[k]} + int{c[i] < c[k]};
            const int worse = int{a[i] > a[k]} + int{b[i] > b[k]} + int{c[i] > c[k]};
            wins += int{better > worse};
        }
        out.dominance[i] = wins;
    }
    out.ranks = rank(out.dominance.cast<double>());
    return out;
}

// ---- text -----------------------------------------------------------------------------------------

std::string to_string(const MultimooraResult& result) {
    std::ostringstream text;
    text.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
    text << "MULTIMOORA of " << result.ranks.size() << " units: first by dominance row";
    int first = 0;
    for (Eigen::Index i = 0; i < result.ranks.size(); ++i)
        if (result.ranks[i] == 1) text << (first++ ? ", " : (result.ranks.cwiseEqual(1).count() > 1 ? "s " : " ")) << i;
    return text.str();
}

}  // namespace civitas
