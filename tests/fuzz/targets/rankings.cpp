// The ranking methods, objective weights, rank agreement, rank reversal and rank uncertainty on a
// matrix made from any bytes: 2 to 9 units, 1 to 5 criteria, values from a palette of the awkward
// (0, negative, tiny, huge, equal) and the ordinary, weights summing to 1 (some 0), any benefit
// flags and PROMETHEE thresholds. The contract: a result or a ValidationError. Laws where a method
// gives a result: no NaN (MULTIMOORA's product may overflow to infinity); EDAS in [0, 1]; COPRAS in [0, 1]; SPOTIS in [0, 1]; PROMETHEE's net flows
// in [-1, 1] and summing to 0; weights >= 0 summing to 1; a reversal report's total is the sum of
// its counts; a correlation of a ranking with itself is 1.

#include "fuzz_target.hpp"

#include <civitas/methods/agreement.hpp>
#include <civitas/methods/ranking.hpp>
#include <civitas/methods/reversal.hpp>
#include <civitas/methods/uncertainty.hpp>
#include <civitas/methods/weights.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

using namespace civitas;

namespace {

/// Reads the bytes in turn, 0 once they run out.
struct Bytes {
    std::string_view text;
    std::size_t at = 0;
    std::uint8_t next() { return at < text.size() ? static_cast<std::uint8_t>(text[at++]) : 0; }
};

/// A value from one byte: mostly ordinary, some awkward.
double value_of(std::uint8_t b) {
    static const double palette[] = {0.0, -1.0, 1e-300, 1e300, 5e-324, 1.0, 1.0, 2.5, -7.0, 1e15};
    return b < 40 ? palette[b % 10] : static_cast<double>(b - 40) / 4.0;
}

bool finite(const Eigen::VectorXd& v) { return v.allFinite(); }

}  // namespace

CIVITAS_FUZZ_TARGET(rankings) {
    Bytes in{text};
    const Eigen::Index m = 2 + in.next() % 8, n = 1 + in.next() % 5;
    Eigen::MatrixXd x(m, n);
    for (Eigen::Index i = 0; i < m; ++i)
        for (Eigen::Index j = 0; j < n; ++j) x(i, j) = value_of(in.next());
    Eigen::VectorXd w(n);
    for (Eigen::Index j = 0; j < n; ++j) w[j] = in.next() % 5;
    if (w.sum() == 0.0) w[0] = 1.0;
    w /= w.sum();
    Benefit benefit;
    for (Eigen::Index j = 0; j < n; ++j) benefit.push_back(in.next() % 2 == 0);
    const double lambda = (in.next() % 11) / 10.0;
    std::vector<PreferenceFunction> preferences;
    for (Eigen::Index j = 0; j < n; ++j)
        preferences.push_back(PreferenceFunction{static_cast<PreferenceShape>(in.next() % 6), (in.next() % 4) / 2.0,
                                                 (in.next() % 6) / 2.0, (in.next() % 4) / 2.0});

    const auto scores = [&](const char* what, auto&& call) -> Eigen::VectorXd {
        try {
            Eigen::VectorXd s = call();
            CIVITAS_FUZZ_CHECK(s.size() == m && finite(s), std::string(what) + " gave a NaN or infinity");
            return s;
        } catch (const ValidationError&) {
            return {};
        }
    };
    scores("topsis", [&] { return topsis(x, w, benefit); });
    scores("vikor", [&] { return vikor(x, w, benefit).q; });
    scores("waspas", [&] { return waspas(x, w, benefit, lambda); });
    const Eigen::VectorXd e = scores("edas", [&] { return edas(x, w, benefit); });
    if (e.size()) CIVITAS_FUZZ_CHECK(e.minCoeff() >= -1e-12 && e.maxCoeff() <= 1.0 + 1e-12, "EDAS outside [0, 1]");
    const Eigen::VectorXd c = scores("copras", [&] { return copras(x, w, benefit); });
    if (c.size()) CIVITAS_FUZZ_CHECK(c.minCoeff() >= 0.0 && c.maxCoeff() <= 1.0 + 1e-12, "COPRAS outside [0, 1]");
    const Eigen::VectorXd d = scores("spotis", [&] { return spotis(x, w, benefit); });
    if (d.size()) CIVITAS_FUZZ_CHECK(d.minCoeff() >= 0.0 && d.maxCoeff() <= 1.0 + 1e-12, "SPOTIS outside [0, 1]");
    scores("cocoso", [&] { return cocoso(x, w, benefit, lambda); });
    try {
        const MultimooraResult result = multimoora(x, w, benefit);
        CIVITAS_FUZZ_CHECK(finite(result.ratio_system) && finite(result.reference_point) && !result.full_multiplicative.hasNaN(),
                           "MULTIMOORA gave a NaN (or an infinite ratio system or reference point)");
    } catch (const ValidationError&) {
    }
    const Eigen::VectorXd net = scores("promethee", [&] { return promethee(x, w, benefit, preferences).net; });
    if (net.size()) {
        CIVITAS_FUZZ_CHECK(net.cwiseAbs().maxCoeff() <= 1.0 + 1e-12, "a PROMETHEE net flow outside [-1, 1]");
        CIVITAS_FUZZ_CHECK(std::abs(net.sum()) <= 1e-9, "PROMETHEE's net flows do not sum to 0");
    }

    const auto weights = [&](const char* what, auto&& call) {
        try {
            const Eigen::VectorXd v = call();
            CIVITAS_FUZZ_CHECK(finite(v) && v.minCoeff() >= 0.0 && std::abs(v.sum() - 1.0) <= 1e-9,
                               std::string(what) + " are not weights summing to 1");
        } catch (const ValidationError&) {
        }
    };
    weights("entropy weights", [&] { return entropy_weights(x, benefit); });
    weights("MEREC weights", [&] { return merec_weights(x, benefit); });
    weights("Gini weights", [&] { return gini_weights(x, benefit); });
    weights("CILOS weights", [&] { return cilos_weights(x, benefit); });
    weights("IDOCRIW weights", [&] { return idocriw_weights(x, benefit); });

    const auto method = static_cast<RankingMethod>(in.next() % std::size(EnumNames<RankingMethod>::values));
    try {
        RankReversalOptions o;
        o.method = method;
        o.preferences = preferences;
        o.max_listed = in.next() % 4;
        const RankReversalReport report = rank_reversal(x, w, benefit, o);
        CIVITAS_FUZZ_CHECK(report.total == report.removal.cast<long long>().sum() + report.copy.cast<long long>().sum(),
                           "a reversal report's total is not the sum of its counts");
        CIVITAS_FUZZ_CHECK(static_cast<int>(report.reversals.size()) <= o.max_listed, "more reversals listed than max_listed");
    } catch (const ValidationError&) {
    }
    try {
        UncertaintyOptions o;
        o.draws = 8;
        o.methods = {method, RankingMethod::topsis};
        o.preferences = preferences;
        o.drop_probability = 0.25;
        o.threads = 1;
        const RankUncertainty r = rank_uncertainty(x, w, benefit, o);
        CIVITAS_FUZZ_CHECK(r.nominal_rank.size() == m && r.first_order.allFinite(), "rank uncertainty's result is malformed");
    } catch (const ValidationError&) {
    }
    try {
        const Eigen::VectorXd ranks = average_rank(x.col(0));
        CIVITAS_FUZZ_CHECK(std::abs(rank_correlation(ranks, ranks, CorrelationMethod::ws) - 1.0) <= 1e-12,
                           "WS of a ranking with itself is not 1");
        const Eigen::MatrixXd agreement = rank_correlation_matrix(x, CorrelationMethod::kendall);
        CIVITAS_FUZZ_CHECK(agreement.allFinite(), "Kendall's agreement matrix holds a NaN");
    } catch (const ValidationError&) {
    }
}
