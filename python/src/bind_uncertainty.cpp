/// Robustness and attribution: WeightPerturbation, RankingMethod, UncertainFactor;
/// rank_uncertainty / RankUncertainty; obstacle_degree; score_change_attribution /
/// ScoreChangeAttribution / EvaluationChange (their DataFrames are built by
/// python/civitas/_uncertainty.py).
///
/// Matrices are read in place when they are float64 with whole-element strides, else copied once
/// into a C-ordered float64 array; results are numpy views of the C++ result (read-only, kept
/// alive by it). The GIL is released while C++ computes.

#include "bindings.hpp"

#include <civitas/core/error.hpp>
#include <civitas/framework/evaluation_change.hpp>
#include <civitas/methods/attribution.hpp>
#include <civitas/methods/reversal.hpp>
#include <civitas/methods/uncertainty.hpp>

#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace civitas::python {

namespace {

/// One option or a sequence of them (`normalizations`, `methods`).
template <class Enum>
struct OptionsHint {
    static constexpr auto name = py::detail::make_caster<Enum>::name + py::detail::const_name(" | str | collections.abc.Sequence[") +
                                 py::detail::make_caster<Enum>::name + py::detail::const_name(" | str]");
};

/// A 1-D float64 vector (copied); `what` names it in errors, `labels` aligns a dict or Series (vector_array).
Eigen::VectorXd vector_of(const py::handle& values, const char* what, const py::object& labels = py::object()) {
    const auto array = vector_array(values, what, labels);
    return Eigen::Map<const Eigen::VectorXd>(array.data(), array.shape(0));
}

/// A list of options from one option or a sequence of them.
template <class Enum>
std::vector<Enum> options_list(const py::handle& values, const char* parameter) {
    std::vector<Enum> out;
    if (py::isinstance<py::str>(values) || !py::isinstance<py::iterable>(values)) {
        out.push_back(enum_argument<Enum>(values, parameter));
        return out;
    }
    for (const py::handle item : values)
        out.push_back(enum_argument<Enum>(item, std::string(parameter) + "[" + std::to_string(out.size()) + "]"));
    return out;
}

template <class Enum>
py::array_t<std::int8_t> codes(const std::vector<Enum>& values) {
    py::array_t<std::int8_t> out(static_cast<py::ssize_t>(values.size()));
    auto view = out.mutable_unchecked<1>();
    for (std::size_t i = 0; i < values.size(); ++i) view(static_cast<py::ssize_t>(i)) = static_cast<std::int8_t>(values[i]);
    make_readonly(out);
    return out;
}

/// A read-only view of a member of the result held by `self`, or None when it is empty.
template <class Get>
auto view_or_none(const py::object& self, Get get) {
    const auto& data = get(self.cast<const RankUncertainty&>());
    using View = decltype(readonly_view(data, self));
    if (data.size() == 0) return std::optional<View>();
    return std::optional<View>(readonly_view(data, self));
}

}  // namespace

void register_uncertainty(py::module_& m) {
    bind_enum<WeightPerturbation>(m, "WeightPerturbation", "How each draw perturbs the weights: none, dirichlet or uniform.");
    bind_enum<RankingMethod>(m, "RankingMethod", "How a draw scores units: topsis, weighted_sum or vikor.");
    bind_enum<UncertainFactor>(m, "UncertainFactor",
                               "The inputs sensitivity indices are given for: weights, normalization, method, dropped_indicator.");

    using Result = RankUncertainty;
    py::class_<Result>(m, "RankUncertainty", "Per-unit rank statistics over Monte Carlo draws, and what drives them.")
        .def_readonly("draws", &Result::draws, "Draws made.")
        .def_readonly("top_k", &Result::top_k, "k of p_top_k.")
        .def_readonly("pass_threshold", &Result::pass_threshold, "Threshold of p_pass, or None.")
        .def_property_readonly("nominal_rank", [](const py::object& s) { return view_or_none(s, [](const Result& r) -> const auto& { return r.nominal_rank; }); },
                               "int32 (units,): rank with the nominal weights, first normalisation and method.")
        .def_property_readonly("median_rank", [](const py::object& s) { return view_or_none(s, [](const Result& r) -> const auto& { return r.median_rank; }); },
                               "float64 (units,): median rank over the draws.")
        .def_property_readonly("rank_low", [](const py::object& s) { return view_or_none(s, [](const Result& r) -> const auto& { return r.rank_low; }); },
                               "int32 (units,): 5% rank, the ceil(0.05 draws)-th smallest.")
        .def_property_readonly("rank_high", [](const py::object& s) { return view_or_none(s, [](const Result& r) -> const auto& { return r.rank_high; }); },
                               "int32 (units,): 95% rank, the ceil(0.95 draws)-th smallest.")
        .def_property_readonly("mean_rank", [](const py::object& s) { return view_or_none(s, [](const Result& r) -> const auto& { return r.mean_rank; }); },
                               "float64 (units,): mean rank over the draws.")
        .def_property_readonly("p_top_k", [](const py::object& s) { return view_or_none(s, [](const Result& r) -> const auto& { return r.p_top_k; }); },
                               "float64 (units,): share of draws with rank <= top_k.")
        .def_property_readonly("p_pass", [](const py::object& s) { return view_or_none(s, [](const Result& r) -> const auto& { return r.p_pass; }); },
                               "float64 (units,): share of draws with score >= pass_threshold, or None without one.")
        .def_property_readonly("first_order", [](const py::object& s) { return view_or_none(s, [](const Result& r) -> const auto& { return r.first_order; }); },
                               "float64 (4,): first-order index of each UncertainFactor, in [0, 1].")
        .def_property_readonly("factors", [](const Result&) {
                                   std::vector<std::string> out;
                                   for (const char* name : EnumNames<UncertainFactor>::values) out.emplace_back(name);
                                   return out;
                               },
                               "Names of the factors, in the order of first_order.")
        .def_property_readonly("first_order_by_unit", [](const py::object& s) { return view_or_none(s, [](const Result& r) -> const auto& { return r.first_order_by_unit; }); },
                               "float64 (units, 4): the indices per unit (0 where the rank never changes).")
        .def_property_readonly("weight_first_order", [](const py::object& s) { return view_or_none(s, [](const Result& r) -> const auto& { return r.weight_first_order; }); },
                               "float64 (criteria,): first-order index of each single weight.")
        .def_property_readonly("drop_one_ranks", [](const py::object& s) { return view_or_none(s, [](const Result& r) -> const auto& { return r.drop_one_ranks; }); },
                               "int32 (units, criteria): ranks with each criterion left out, or None without drop_one.")
        .def_property_readonly("weights", [](const py::object& s) { return view_or_none(s, [](const Result& r) -> const auto& { return r.weights; }); },
                               "float64 (draws, criteria): each draw's perturbed weights, before any drop.")
        .def_property_readonly("normalization", [](const Result& r) { return codes(r.normalization); },
                               "int8 (draws,): each draw's Normalization value (0 vector, 1 min_max).")
        .def_property_readonly("method", [](const Result& r) { return codes(r.method); },
                               "int8 (draws,): each draw's RankingMethod value (0 topsis, 1 weighted_sum, 2 vikor).")
        .def_property_readonly("dropped", [](const py::object& s) { return view_or_none(s, [](const Result& r) -> const auto& { return r.dropped; }); },
                               "int32 (draws,): the criterion each draw left out, -1 for none.")
        .def_property_readonly("ranks", [](const py::object& s) { return view_or_none(s, [](const Result& r) -> const auto& { return r.ranks; }); },
                               "int32 (draws, units): every draw's ranks, or None unless keep_ranks.")
        .def(
            "to_frame",
            [](const Result& self, const std::optional<Labels>& units) {
                return DataFrame(python_function("civitas._uncertainty", "rank_uncertainty_to_frame")(self, units));
            },
            py::arg("units") = py::none(),
            "One row per unit (index: `units`, else the row number): nominal_rank, median_rank, rank_low (5%), "
            "rank_high (95%), mean_rank, p_top_k, p_pass (when a threshold was given), and the unit's first-order "
            "index of each factor (`first_order_<factor>`).")
        .def("__len__", [](const Result& r) { return r.nominal_rank.size(); }, "Number of units.")
        .def("_repr_html_", html_method("rank_uncertainty_html"), html_doc)
        .def("__repr__", [](const Result& r) { return to_string(r); });

    m.def(
        "rank_uncertainty",
        [](const Matrix& x, const PerColumn& weights, const Flags& benefit, int draws, const py::int_& seed,
           const EnumOrName<WeightPerturbation>& perturbation, double concentration, double share,
           const Typed<OptionsHint<Normalization>>& normalizations, const Typed<OptionsHint<RankingMethod>>& methods,
           double drop_probability, bool drop_one, int top_k,
           std::optional<double> pass_threshold, double vikor_v, const Typed<PreferencesHint>& preference,
           const Typed<ThresholdHint>& q, const Typed<ThresholdHint>& p, const Typed<ThresholdHint>& s, bool sensitivity,
           bool keep_ranks, int threads) {
            const MatrixArgument data = matrix_argument(x, "x");
            const Eigen::VectorXd w = vector_of(weights, "weights", data.columns);
            UncertaintyOptions o;
            o.draws = draws;
            if (py::int_(0).attr("__gt__")(seed).cast<bool>() || seed.attr("bit_length")().cast<int>() > 64)
                throw ValidationError("seed", Message("value {0}; expected an integer in [0, 2^64)"_en, "取值为 {0}；应为 [0, 2^64) 内的整数"_zh,
                                                     {py::str(seed).cast<std::string>()}));
            o.seed = seed.cast<std::uint64_t>();
            o.perturbation = enum_argument<WeightPerturbation>(perturbation, "perturbation");
            o.concentration = concentration;
            o.share = share;
            o.normalizations = options_list<Normalization>(normalizations, "normalizations");
            o.methods = options_list<RankingMethod>(methods, "methods");
            o.drop_probability = drop_probability;
            o.drop_one = drop_one;
            o.top_k = top_k;
            o.pass_threshold = pass_threshold;
            o.vikor_v = vikor_v;
            o.preferences = preference_functions(preference, q, p, s, data.view.cols());
            o.sensitivity = sensitivity;
            o.keep_ranks = keep_ranks;
            o.threads = threads;
            const std::vector<bool> b = flags(benefit, "benefit", data.columns);
            return labelled(data, "x", [&] {
                py::gil_scoped_release release;
                return rank_uncertainty(data.view, w, b, o);
            });
        },
        py::arg("x"), py::arg("weights"), py::arg("benefit") = py::none(), py::kw_only(), py::arg("draws") = 1000,
        py::arg("seed") = 0, py::arg("perturbation") = "dirichlet", py::arg("concentration") = 100.0, py::arg("share") = 0.2,
        py::arg("normalizations") = "vector", py::arg("methods") = "topsis", py::arg("drop_probability") = 0.0,
        py::arg("drop_one") = false, py::arg("top_k") = 1, py::arg("pass_threshold") = py::none(), py::arg("vikor_v") = 0.5,
        py::arg("preference") = "usual", py::arg("q") = py::none(), py::arg("p") = py::none(), py::arg("s") = py::none(),
        py::arg("sensitivity") = true, py::arg("keep_ranks") = false, py::arg("threads") = 0,
        "Monte Carlo rank uncertainty of units x criteria x around the nominal weights (summing to 1): "
        "median rank, 5-95% interval, P(top k), P(pass) per unit and first-order sensitivity indices "
        "(docs/methods.md, Robustness). methods: 'topsis', 'weighted_sum', 'vikor', 'waspas', 'edas', 'copras', "
        "'spotis', 'cocoso', 'promethee' (preference, q, p, s as promethee() takes them). The same seed gives the same "
        "result with any number of threads.");

    m.def(
        "obstacle_degree",
        [](const Matrix& r, const PerColumn& weights) {
            const MatrixArgument data = matrix_argument(r, "r");
            const Eigen::VectorXd w = vector_of(weights, "weights", data.columns);
            Eigen::MatrixXd out = labelled(data, "r", [&] {
                py::gil_scoped_release release;
                return obstacle_degree(data.view, w);
            });
            return owned_array(std::move(out));
        },
        py::arg("r"), py::arg("weights"),
        "Obstacle degree per unit and indicator, w_j (1 - r_ij) / sum_k w_k (1 - r_ik): r holds normalised "
        "values in [0, 1] (1 = best), weights sum to 1; a row with no shortfall is all 0.");

    using Change = ScoreChangeAttribution;
    py::class_<Change>(m, "ScoreChangeAttribution", "A weighted-sum score change between rounds, split per unit and indicator.")
        .def_property_readonly("before", [](const py::object& s) { return readonly_view(s.cast<const Change&>().before, s); },
                               "float64 (units,): score in the first round.")
        .def_property_readonly("after", [](const py::object& s) { return readonly_view(s.cast<const Change&>().after, s); },
                               "float64 (units,): score in the second round.")
        .def_property_readonly("change", [](const py::object& s) { return readonly_view(s.cast<const Change&>().change, s); },
                               "float64 (units,): after - before.")
        .def_property_readonly("value_effect", [](const py::object& s) { return readonly_view(s.cast<const Change&>().value_effect, s); },
                               "float64 (units, indicators): mean weight x value change.")
        .def_property_readonly("weight_effect", [](const py::object& s) { return readonly_view(s.cast<const Change&>().weight_effect, s); },
                               "float64 (units, indicators): mean value x weight change.")
        .def_property_readonly("contribution", [](const py::object& s) { return readonly_view(s.cast<const Change&>().contribution, s); },
                               "float64 (units, indicators): value_effect + weight_effect; rows sum to change.")
        .def(
            "to_frame",
            [](const Change& self, const std::optional<Labels>& units, const std::optional<Labels>& indicators) {
                return DataFrame(python_function("civitas._uncertainty", "score_change_to_frame")(self, units, indicators));
            },
            py::arg("units") = py::none(), py::arg("indicators") = py::none(),
            "Long format, one row per unit and indicator (MultiIndex unit, indicator): value_effect, weight_effect, "
            "contribution; per unit the contributions add up to `change`.")
        .def("__repr__", [](const Change& self) { return to_string(self); });

    py::class_<EvaluationChange>(m, "EvaluationChange", "One unit's framework points change between two evaluations, per indicator.")
        .def_readonly("indicators", &EvaluationChange::indicators, "Indicator ids, framework order.")
        .def_property_readonly("points_before", [](const py::object& s) { return readonly_view(s.cast<const EvaluationChange&>().points_before, s); },
                               "float64 (indicators,): points in the first evaluation.")
        .def_property_readonly("points_after", [](const py::object& s) { return readonly_view(s.cast<const EvaluationChange&>().points_after, s); },
                               "float64 (indicators,): points in the second evaluation.")
        .def_property_readonly("value_effect", [](const py::object& s) { return readonly_view(s.cast<const EvaluationChange&>().value_effect, s); },
                               "float64 (indicators,): mean max_points x change of the score share.")
        .def_property_readonly("weight_effect", [](const py::object& s) { return readonly_view(s.cast<const EvaluationChange&>().weight_effect, s); },
                               "float64 (indicators,): mean score share x change of max_points.")
        .def_property_readonly("contribution", [](const py::object& s) { return readonly_view(s.cast<const EvaluationChange&>().contribution, s); },
                               "float64 (indicators,): points_after - points_before.")
        .def_readonly("change", &EvaluationChange::change, "Sum of contribution.")
        .def_readonly("total_change", &EvaluationChange::total_change, "after.total - before.total, or None.")
        .def("to_frame", frame_method<EvaluationChange>("civitas._uncertainty", "evaluation_change_to_frame"),
             "One row per indicator (index: indicator id, framework order): points_before, points_after, value_effect, "
             "weight_effect, contribution.")
        .def("__repr__", [](const EvaluationChange& self) { return to_string(self); });

    m.def(
        "score_change_attribution",
        [](const FrameworkEvaluation& before, const FrameworkEvaluation& after) { return score_change_attribution(before, after); },
        py::arg("before"), py::arg("after"),
        "The points difference of every indicator between two Evaluations of the same framework, split into the "
        "change of its score share and of its full points (EvaluationChange).");
    m.def(
        "score_change_attribution",
        [](const Matrix& before, const Matrix& after, const std::optional<PerColumn>& weights_before,
           const std::optional<PerColumn>& weights_after) {
            if (py::isinstance<FrameworkEvaluation>(before) || py::isinstance<FrameworkEvaluation>(after)) {
                if (!py::isinstance<FrameworkEvaluation>(before) || !py::isinstance<FrameworkEvaluation>(after))
                    throw ValidationError("after", Message("expected two Evaluations or two matrices"_en, "应为两个 Evaluation 或两个矩阵"_zh));
                throw ValidationError("weights_before", Message("not used with Evaluations (their points carry the weights)"_en,
                                                                "用于 Evaluation 时不应给出（其得分已含权重）"_zh));
            }
            if (!weights_before) throw ValidationError("weights_before", Message("expected the weights of the first round"_en, "应为第一轮测评的权重"_zh));
            const MatrixArgument r0 = matrix_argument(before, "before");
            const MatrixArgument r1 = matrix_argument(after, "after");
            const Eigen::VectorXd w0 = vector_of(*weights_before, "weights_before", r0.columns);
            std::optional<Eigen::VectorXd> w1;
            if (weights_after) w1 = vector_of(*weights_after, "weights_after", r1.columns ? r1.columns : r0.columns);
            return labelled(r0, "before", [&] {
                py::gil_scoped_release release;
                return score_change_attribution(r0.view, r1.view, w0, w1);
            });
        },
        py::arg("before"), py::arg("after"), py::arg("weights_before") = py::none(), py::arg("weights_after") = py::none(),
        "Splits a weighted-sum score change between two rounds per unit and indicator: two units x indicators "
        "matrices of values with their weights (weights_after None: unchanged) -> ScoreChangeAttribution.");

    bind_enum<ReversalTest>(m, "ReversalTest", "What a rank reversal test did: removal (a unit left out) or copy (a unit copied).");

    py::class_<RankReversal>(m, "RankReversal", "One rank reversal: after the test on `unit`, `better` fell below `worse`.")
        .def_readonly("test", &RankReversal::test, "removal or copy.")
        .def_readonly("unit", &RankReversal::unit, "The unit left out or copied (row of x).")
        .def_readonly("better", &RankReversal::better, "Above `worse` on all the units, below it after the test.")
        .def_readonly("worse", &RankReversal::worse, "Below `better` on all the units, above it after the test.")
        .def("__repr__", [](const RankReversal& r) {
            return std::string("RankReversal(") + to_string(r.test) + ", unit=" + std::to_string(r.unit) + ", better=" + std::to_string(r.better) +
                   ", worse=" + std::to_string(r.worse) + ")";
        });

    py::class_<RankReversalReport>(m, "RankReversalReport", "What leaving each unit out, and copying each unit, does to the others' order.")
        .def_readonly("method", &RankReversalReport::method, "The ranking tested.")
        .def_property_readonly("ranks", [](const py::object& self) { return readonly_view(self.cast<const RankReversalReport&>().ranks, self); },
                               "int32 (units,): ranks on all the units, 1 = best.")
        .def_property_readonly("removal", [](const py::object& self) { return readonly_view(self.cast<const RankReversalReport&>().removal, self); },
                               "int32 (units,): pairs of the other units reversed when the unit is left out.")
        .def_property_readonly("copy", [](const py::object& self) { return readonly_view(self.cast<const RankReversalReport&>().copy, self); },
                               "int32 (units,): pairs reversed when a copy of the unit is added; empty without copies.")
        .def_readonly("reversals", &RankReversalReport::reversals, "The reversals listed (at most max_listed), by test, unit and rank.")
        .def_readonly("total", &RankReversalReport::total, "Every reversal counted, listed or not.")
        .def_property_readonly("stable", &RankReversalReport::stable, "True when no test reversed any pair.")
        .def("__repr__", [](const RankReversalReport& r) { return to_string(r); });

    m.def(
        "rank_reversal",
        [](const Matrix& x, const PerColumn& weights, const Flags& benefit, const EnumOrName<RankingMethod>& method, bool copies,
           const Typed<PreferencesHint>& preference, const Typed<ThresholdHint>& q, const Typed<ThresholdHint>& p,
           const Typed<ThresholdHint>& s, double vikor_v, int max_listed) {
            const MatrixArgument data = matrix_argument(x, "x");
            const Eigen::VectorXd w = vector_of(weights, "weights", data.columns);
            RankReversalOptions o;
            o.method = enum_argument<RankingMethod>(method, "method");
            o.copies = copies;
            o.preferences = preference_functions(preference, q, p, s, data.view.cols());
            o.vikor_v = vikor_v;
            o.max_listed = max_listed;
            const std::vector<bool> b = flags(benefit, "benefit", data.columns);
            return labelled(data, "x", [&] {
                py::gil_scoped_release release;
                return rank_reversal(data.view, w, b, o);
            });
        },
        py::arg("x"), py::arg("weights"), py::arg("benefit") = py::none(), py::kw_only(), py::arg("method") = "topsis",
        py::arg("copies") = true, py::arg("preference") = "usual", py::arg("q") = py::none(), py::arg("p") = py::none(),
        py::arg("s") = py::none(), py::arg("vikor_v") = 0.5, py::arg("max_listed") = 1000,
        "Rank reversal (docs/methods.md, Robustness): each unit left out in turn (and copied in turn), the others "
        "ranked again by `method` (as rank_uncertainty scores it) and every pair whose order flips counted. Ties are "
        "not reversals.");
}

}  // namespace civitas::python
