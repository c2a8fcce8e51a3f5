/// Rankings: Normalization, RankMethod, BoundaryTies; weighted_sum, topsis, prepare_topsis /
/// TopsisPrepared, vikor / VikorResult, grey_relational, rank (and average_rank as method="average"),
/// award / AwardTier / Awards.
///
/// x is read in place when it is float64 with whole-element strides (C order, Fortran order,
/// slices), else copied once into a C-ordered float64 array. Options take the enum or its name
/// ("vector", "min_max"). The GIL is released while C++ computes.

#include "bindings.hpp"

#include <civitas/core/error.hpp>
#include <civitas/methods/ranking.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <locale>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace civitas::python {

namespace {

using ConstVector = Eigen::Map<const Eigen::VectorXd>;
using ConstRowMajor = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>;

ConstVector as_vector(const py::array_t<double, py::array::c_style>& array) {
    return {array.data(), static_cast<Eigen::Index>(array.shape(0))};
}

std::vector<std::string> strings(const std::optional<std::vector<std::string>>& values) { return values.value_or(std::vector<std::string>{}); }

/// What rank() returns: int32 ranks, or float64 for method="average".
struct RanksHint {
    static constexpr auto name = py::detail::const_name("numpy.typing.NDArray[numpy.int32] | numpy.typing.NDArray[numpy.float64]");
};
using Ranks = Typed<RanksHint>;

/// Award tiers as award() takes them.
struct TiersHint {
    static constexpr auto name = py::detail::const_name("collections.abc.Iterable[") + py::detail::make_caster<AwardTier>::name +
                                 py::detail::const_name(" | tuple[str, int] | tuple[str, float]]");
};

/// A tier from an AwardTier, (name, count: int) or (name, share: float).
AwardTier tier_from(const py::handle& item, std::size_t index) {
    if (py::isinstance<AwardTier>(item)) return item.cast<AwardTier>();
    if (py::isinstance<py::tuple>(item) && py::len(item) == 2) {
        const auto pair = item.cast<py::tuple>();
        const auto name = pair[0].cast<std::string>();
        if (py::isinstance<py::int_>(pair[1]) && !py::isinstance<py::bool_>(pair[1]))
            return AwardTier::places(name, pair[1].cast<int>());
        if (py::isinstance<py::float_>(pair[1])) return AwardTier::capped(name, pair[1].cast<double>());
    }
    throw ValidationError("tiers[" + std::to_string(index) + "]",
                          Message("expected an AwardTier, (name, count: int) or (name, share: float)"_en,
                                  "应为 AwardTier、(name, count: int) 或 (name, share: float)"_zh));
}

std::string repr(const AwardTier& tier) {
    std::ostringstream text;
    text.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
    text << "AwardTier(" << repr_string(tier.name);
    if (tier.count) text << ", count=" << *tier.count;
    if (tier.share) text << ", share=" << repr_number(*tier.share);
    text << ")";
    return text.str();
}

py::array_t<std::int32_t> int_array(const std::vector<int>& values) {
    py::array_t<std::int32_t> out(static_cast<py::ssize_t>(values.size()));
    auto view = out.mutable_unchecked<1>();
    for (std::size_t i = 0; i < values.size(); ++i) view(static_cast<py::ssize_t>(i)) = values[i];
    make_readonly(out);
    return out;
}

/// Per-unit scores of `method(view, weights, benefit)` from Python's x, weights and benefit (read
/// and checked as every ranking reads them), computed without the GIL.
template <class Method>
py::array_t<double> unit_scores(const Matrix& x, const PerColumn& weights, const Flags& benefit, Method&& method) {
    const MatrixArgument data = matrix_argument(x, "x");
    const auto w = vector_array(weights, "weights", data.columns);
    const std::vector<bool> b = flags(benefit, "benefit", data.columns);
    Eigen::VectorXd out = labelled(data, "x", [&] {
        py::gil_scoped_release release;
        return method(data.view, as_vector(w), b);
    });
    return owned_array(std::move(out));
}

/// One value per criterion from None (`fallback` for all), a number (the same for all) or a
/// sequence of `criteria` numbers; ValidationError naming `what`.
std::vector<double> per_criterion(const py::handle& given, const std::string& what, std::ptrdiff_t criteria, double fallback) {
    if (given.is_none()) return std::vector<double>(static_cast<std::size_t>(criteria), fallback);
    if ((py::isinstance<py::float_>(given) || py::isinstance<py::int_>(given)) && !py::isinstance<py::bool_>(given))
        return std::vector<double>(static_cast<std::size_t>(criteria), given.cast<double>());
    const auto values = vector_array(given, what);
    if (values.shape(0) != criteria)
        throw ValidationError(what, Message("{0} values for {1} criteria; expected one number for all or one per criterion"_en,
                                            "{0} 个取值对应 {1} 个评价指标；应为全部共用的一个数或每个评价指标一个"_zh,
                                            {std::to_string(values.shape(0)), std::to_string(criteria)}));
    return {values.data(), values.data() + values.shape(0)};
}

}  // namespace

std::vector<PreferenceFunction> preference_functions(const py::handle& preference, const py::handle& q, const py::handle& p,
                                                     const py::handle& s, std::ptrdiff_t criteria) {
    std::vector<PreferenceShape> shapes;
    if (py::isinstance<py::str>(preference) || py::isinstance<PreferenceShape>(preference)) {
        shapes.assign(static_cast<std::size_t>(criteria), enum_argument<PreferenceShape>(preference, "preference"));
    } else {
        if (!py::isinstance<py::sequence>(preference))
            throw ValidationError("preference", Message("{0}; expected a preference function's name or one per criterion"_en,
                                                        "{0}；应为偏好函数的名称或每个评价指标一个"_zh, {type_name(preference)}));
        for (const py::handle item : preference) shapes.push_back(enum_argument<PreferenceShape>(item, "preference[" + std::to_string(shapes.size()) + "]"));
        if (static_cast<std::ptrdiff_t>(shapes.size()) != criteria)
            throw ValidationError("preference", Message("{0} preference functions for {1} criteria; expected one name for all or one per criterion"_en,
                                                        "{0} 个偏好函数对应 {1} 个评价指标；应为全部共用的一个名称或每个评价指标一个"_zh,
                                                        {std::to_string(shapes.size()), std::to_string(criteria)}));
    }
    const std::vector<double> qs = per_criterion(q, "q", criteria, 0.0), ps = per_criterion(p, "p", criteria, 0.0),
                              spreads = per_criterion(s, "s", criteria, 0.0);
    std::vector<PreferenceFunction> out;
    for (std::size_t j = 0; j < shapes.size(); ++j) out.push_back(PreferenceFunction{shapes[j], qs[j], ps[j], spreads[j]});
    return out;
}

void register_ranking(py::module_& m) {
    bind_enum<Normalization>(m, "Normalization", "How TOPSIS makes the criteria comparable: vector or min_max.");
    bind_enum<RankMethod>(m, "RankMethod", "How rank() numbers ties: min (1224), dense (1223) or ordinal (1234).");
    bind_enum<BoundaryTies>(m, "BoundaryTies",
                            "What happens to tied units that straddle a tier's last place: demote, admit or by_id.");

    m.def(
        "weighted_sum",
        [](const Matrix& x, const PerColumn& weights) {
            const MatrixArgument data = matrix_argument(x, "x");
            const auto w = vector_array(weights, "weights", data.columns);
            Eigen::VectorXd out = labelled(data, "x", [&] {
                py::gil_scoped_release release;
                return weighted_sum(data.view, as_vector(w));
            });
            return owned_array(std::move(out));
        },
        py::arg("x"), py::arg("weights"),
        "Weighted sum of framework scores per unit, sum_j w_j x_ij (no normalisation). Weights: "
        ">= 0, summing to 1 within 1e-6 (else ValidationError).");

    m.def(
        "topsis",
        [](const Matrix& x, const PerColumn& weights, const Flags& benefit, const EnumOrName<Normalization>& normalization) {
            const MatrixArgument data = matrix_argument(x, "x");
            const auto w = vector_array(weights, "weights", data.columns);
            const std::vector<bool> b = flags(benefit, "benefit", data.columns);
            const auto norm = enum_argument<Normalization>(normalization, "normalization");
            Eigen::VectorXd out = labelled(data, "x", [&] {
                py::gil_scoped_release release;
                return topsis(data.view, as_vector(w), b, norm);
            });
            return owned_array(std::move(out));
        },
        py::arg("x"), py::arg("weights"), py::arg("benefit") = py::none(), py::arg("normalization") = "vector",
        "TOPSIS closeness to the ideal per unit, in [0, 1]. x: units x criteria; benefit: True where "
        "higher is better (None: all); normalization: 'vector' or 'min_max'.");

    py::class_<TopsisPrepared>(m, "TopsisPrepared",
                               "A normalised matrix ready for TOPSIS with many weight vectors (prepare_topsis).")
        .def_property_readonly("units", &TopsisPrepared::units, "Units (rows of x).")
        .def_property_readonly("criteria", &TopsisPrepared::criteria, "Criteria (columns of x).")
        .def_property_readonly("normalization", &TopsisPrepared::normalization, "The normalisation used.")
        .def(
            "closeness",
            [](const TopsisPrepared& self, const ArrayLike& weights) -> py::array_t<double> {
                if (py::isinstance<py::str>(weights) || py::isinstance<py::bytes>(weights))
                    throw ValidationError("weights", Message("{0}; expected numbers"_en, "{0}；应为数值"_zh, {type_name(weights)}));
                const py::array given = py::array::ensure(weights);
                if (given) check_numbers(given, "weights");
                const auto array = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(given ? py::object(given) : py::object(weights));
                PyErr_Clear();  // from either ensure: a null array is the error below
                if (!array || (array.ndim() != 1 && array.ndim() != 2))
                    throw ValidationError("weights", Message("expected a 1-D array (criteria) or a 2-D array (draws x criteria)"_en,
                                                             "应为一维数组（评价指标）或二维数组（抽样次数 × 评价指标）"_zh));
                if (array.ndim() == 1) {
                    // The view is made while the GIL is held: as_vector's argument would otherwise
                    // be a temporary Python array made and released without it.
                    const ConstVector weights_view = as_vector(array);
                    Eigen::VectorXd out;
                    {
                        py::gil_scoped_release release;
                        out = self.closeness(weights_view);
                    }
                    return owned_array(std::move(out));
                }
                const ConstRowMajor draws(array.data(), array.shape(0), array.shape(1));
                Eigen::MatrixXd out;
                {
                    py::gil_scoped_release release;
                    out = self.closeness_many(draws);
                }
                return owned_array(std::move(out));
            },
            py::arg("weights"),
            "Closeness per unit for one weight vector (criteria,) -> (units,), or for many (draws, "
            "criteria) -> (units, draws), without normalising again.")
        .def(
            "separations",
            [](const TopsisPrepared& self, const ArrayLike& weights) {
                const auto w = vector_array(weights, "weights");
                Eigen::MatrixX2d out;
                {
                    py::gil_scoped_release release;
                    out = self.separations(as_vector(w));
                }
                return owned_array(std::move(out));
            },
            py::arg("weights"), "(units, 2): weighted distance to the ideal (column 0) and to the anti-ideal (column 1).")
        .def("__repr__", [](const TopsisPrepared& self) { return to_string(self); });

    m.def(
        "prepare_topsis",
        [](const Matrix& x, const Flags& benefit, const EnumOrName<Normalization>& normalization) {
            const MatrixArgument data = matrix_argument(x, "x");
            const std::vector<bool> b = flags(benefit, "benefit", data.columns);
            const auto norm = enum_argument<Normalization>(normalization, "normalization");
            return labelled(data, "x", [&] {
                py::gil_scoped_release release;
                return TopsisPrepared(data.view, b, norm);
            });
        },
        py::arg("x"), py::arg("benefit") = py::none(), py::arg("normalization") = "vector",
        "Normalises x once for TOPSIS with many weight vectors (TopsisPrepared.closeness).");

    py::class_<VikorResult>(m, "VikorResult", "VIKOR's S, R and Q per unit (lower is better) and its compromise solution.")
        .def_property_readonly("s", [](const py::object& self) { return readonly_view(self.cast<const VikorResult&>().s, self); },
                               "float64 (units,): group utility S in [0, 1], lower is better.")
        .def_property_readonly("r", [](const py::object& self) { return readonly_view(self.cast<const VikorResult&>().r, self); },
                               "float64 (units,): individual regret R in [0, 1], lower is better.")
        .def_property_readonly("q", [](const py::object& self) { return readonly_view(self.cast<const VikorResult&>().q, self); },
                               "float64 (units,): Q in [0, 1], lower is better.")
        .def_readonly("v", &VikorResult::v, "Weight of the strategy of the majority, in [0, 1].")
        .def_readonly("acceptable_advantage", &VikorResult::acceptable_advantage,
                      "C1: Q(A2) - Q(A1) >= 1 / (units - 1).")
        .def_readonly("acceptable_stability", &VikorResult::acceptable_stability,
                      "C2: the first by Q is also best by S or by R.")
        .def_readonly("compromise", &VikorResult::compromise, "Rows of the compromise solution, in Q order.")
        .def("__repr__", [](const VikorResult& self) { return to_string(self); });

    m.def(
        "vikor",
        [](const Matrix& x, const PerColumn& weights, const Flags& benefit, double v) {
            const MatrixArgument data = matrix_argument(x, "x");
            const auto w = vector_array(weights, "weights", data.columns);
            const std::vector<bool> b = flags(benefit, "benefit", data.columns);
            return labelled(data, "x", [&] {
                py::gil_scoped_release release;
                return vikor(data.view, as_vector(w), b, v);
            });
        },
        py::arg("x"), py::arg("weights"), py::arg("benefit") = py::none(), py::arg("v") = 0.5,
        "VIKOR (Opricovic & Tzeng 2004): S, R, Q per unit (lower is better) and the compromise solution.");

    m.def(
        "grey_relational",
        [](const Matrix& x, const PerColumn& weights, const Flags& benefit, double rho) {
            const MatrixArgument data = matrix_argument(x, "x");
            const auto w = vector_array(weights, "weights", data.columns);
            const std::vector<bool> b = flags(benefit, "benefit", data.columns);
            Eigen::VectorXd out = labelled(data, "x", [&] {
                py::gil_scoped_release release;
                return grey_relational(data.view, as_vector(w), b, rho);
            });
            return owned_array(std::move(out));
        },
        py::arg("x"), py::arg("weights"), py::arg("benefit") = py::none(), py::arg("rho") = 0.5,
        "Grey relational grade per unit in (0, 1], higher is better; rho is the distinguishing coefficient in (0, 1].");

    m.def(
        "waspas",
        [](const Matrix& x, const PerColumn& weights, const Flags& benefit, double lam) {
            return unit_scores(x, weights, benefit,
                               [&](MatrixView view, const auto& w, const Benefit& b) { return waspas(view, w, b, lam); });
        },
        py::arg("x"), py::arg("weights"), py::arg("benefit") = py::none(), py::arg("lam") = 0.5,
        "WASPAS (Zavadskas et al. 2012) per unit, higher is better: lam x the weighted sum plus (1 - lam) x the "
        "weighted product of x / max (benefit) or min / x (cost). lam=1 is WSM, lam=0 is WPM.");

    m.def(
        "edas",
        [](const Matrix& x, const PerColumn& weights, const Flags& benefit) {
            return unit_scores(x, weights, benefit,
                               [&](MatrixView view, const auto& w, const Benefit& b) { return edas(view, w, b); });
        },
        py::arg("x"), py::arg("weights"), py::arg("benefit") = py::none(),
        "EDAS appraisal score per unit in [0, 1], higher is better (Keshavarz Ghorabaee et al. 2015): distances "
        "above and below each criterion's average.");

    m.def(
        "copras",
        [](const Matrix& x, const PerColumn& weights, const Flags& benefit) {
            return unit_scores(x, weights, benefit,
                               [&](MatrixView view, const auto& w, const Benefit& b) { return copras(view, w, b); });
        },
        py::arg("x"), py::arg("weights"), py::arg("benefit") = py::none(),
        "COPRAS utility degree per unit in [0, 1], higher is better (Zavadskas et al. 1994): Q / max Q.");

    m.def(
        "spotis",
        [](const Matrix& x, const PerColumn& weights, const Flags& benefit, const std::optional<ArrayLike>& bounds,
           const std::optional<ArrayLike>& ideal) {
            const MatrixArgument data = matrix_argument(x, "x");
            const auto w = vector_array(weights, "weights", data.columns);
            const std::vector<bool> b = flags(benefit, "benefit", data.columns);
            Eigen::MatrixX2d limits;
            if (bounds) {
                const MatrixArgument given = matrix_argument(*bounds, "bounds");
                if (given.view.cols() != 2)
                    throw ValidationError("bounds", Message("{0} columns; expected 2 (min, max), a row per criterion"_en,
                                                            "为 {0} 列；应为 2 列 (min, max)，每个评价指标一行"_zh,
                                                            {std::to_string(given.view.cols())}));
                limits.resize(given.view.rows(), 2);
                for (Eigen::Index j = 0; j < limits.rows(); ++j)
                    for (Eigen::Index k = 0; k < 2; ++k) limits(j, k) = given.view(j, k);
            }
            Eigen::VectorXd point;
            if (ideal) {
                const auto values = vector_array(*ideal, "ideal", data.columns);
                point = as_vector(values);
            }
            Eigen::VectorXd out = labelled(data, "x", [&] {
                py::gil_scoped_release release;
                return spotis(data.view, as_vector(w), b, limits, point);
            });
            return owned_array(std::move(out));
        },
        py::arg("x"), py::arg("weights"), py::arg("benefit") = py::none(), py::arg("bounds") = py::none(),
        py::arg("ideal") = py::none(),
        "SPOTIS distance to the ideal per unit in [0, 1], LOWER is better (Dezert et al. 2020). bounds: (criteria, 2) "
        "min and max of each criterion (None: the data's range); ideal: the expected solution point (None: the best bound).");

    m.def(
        "cocoso",
        [](const Matrix& x, const PerColumn& weights, const Flags& benefit, double lam) {
            return unit_scores(x, weights, benefit,
                               [&](MatrixView view, const auto& w, const Benefit& b) { return cocoso(view, w, b, lam); });
        },
        py::arg("x"), py::arg("weights"), py::arg("benefit") = py::none(), py::arg("lam") = 0.5,
        "CoCoSo score per unit, higher is better (Yazdani et al. 2019), from min-max normalised values; lam in [0, 1].");

    py::class_<MultimooraResult>(m, "MultimooraResult", "MULTIMOORA's three parts, their ranks and the synthesis by dominance.")
        .def_property_readonly("ratio_system", [](const py::object& self) { return readonly_view(self.cast<const MultimooraResult&>().ratio_system, self); },
                               "float64 (units,): the ratio system, higher is better.")
        .def_property_readonly("reference_point", [](const py::object& self) { return readonly_view(self.cast<const MultimooraResult&>().reference_point, self); },
                               "float64 (units,): the weighted Tchebycheff distance to the reference point, lower is better.")
        .def_property_readonly("full_multiplicative", [](const py::object& self) { return readonly_view(self.cast<const MultimooraResult&>().full_multiplicative, self); },
                               "float64 (units,): the full multiplicative form, higher is better.")
        .def_property_readonly("ranks_ratio_system", [](const py::object& self) { return readonly_view(self.cast<const MultimooraResult&>().ranks_ratio_system, self); },
                               "int32 (units,): competition ranks of the ratio system.")
        .def_property_readonly("ranks_reference_point", [](const py::object& self) { return readonly_view(self.cast<const MultimooraResult&>().ranks_reference_point, self); },
                               "int32 (units,): competition ranks of the reference point.")
        .def_property_readonly("ranks_full_multiplicative", [](const py::object& self) { return readonly_view(self.cast<const MultimooraResult&>().ranks_full_multiplicative, self); },
                               "int32 (units,): competition ranks of the full multiplicative form.")
        .def_property_readonly("dominance", [](const py::object& self) { return readonly_view(self.cast<const MultimooraResult&>().dominance, self); },
                               "int32 (units,): units each one dominates (better in more of the three ranks).")
        .def_property_readonly("ranks", [](const py::object& self) { return readonly_view(self.cast<const MultimooraResult&>().ranks, self); },
                               "int32 (units,): the synthesis, competition ranks by dominance, 1 = best.")
        .def("__repr__", [](const MultimooraResult& self) { return to_string(self); });

    m.def(
        "multimoora",
        [](const Matrix& x, const PerColumn& weights, const Flags& benefit) {
            const MatrixArgument data = matrix_argument(x, "x");
            const auto w = vector_array(weights, "weights", data.columns);
            const std::vector<bool> b = flags(benefit, "benefit", data.columns);
            return labelled(data, "x", [&] {
                py::gil_scoped_release release;
                return multimoora(data.view, as_vector(w), b);
            });
        },
        py::arg("x"), py::arg("weights"), py::arg("benefit") = py::none(),
        "MULTIMOORA (Brauers & Zavadskas 2010, 2011): ratio system, reference point and full multiplicative form, "
        "synthesised by dominance. Values must be > 0.");

    bind_enum<PreferenceShape>(m, "PreferenceShape",
                               "PROMETHEE's preference functions: usual, u_shape, v_shape, level, linear, gaussian.");

    py::class_<PrometheeFlows>(m, "PrometheeFlows", "PROMETHEE's positive, negative and net outranking flows per unit.")
        .def_property_readonly("positive", [](const py::object& self) { return readonly_view(self.cast<const PrometheeFlows&>().positive, self); },
                               "float64 (units,): phi+, how much each unit outranks the others, in [0, 1].")
        .def_property_readonly("negative", [](const py::object& self) { return readonly_view(self.cast<const PrometheeFlows&>().negative, self); },
                               "float64 (units,): phi-, how much the others outrank each unit, in [0, 1].")
        .def_property_readonly("net", [](const py::object& self) { return readonly_view(self.cast<const PrometheeFlows&>().net, self); },
                               "float64 (units,): phi = phi+ - phi-, PROMETHEE II's ranking score in [-1, 1], higher is better.")
        .def("__repr__", [](const PrometheeFlows& self) { return to_string(self); });

    m.def(
        "promethee",
        [](const Matrix& x, const PerColumn& weights, const Flags& benefit, const Typed<PreferencesHint>& preference,
           const Typed<ThresholdHint>& q, const Typed<ThresholdHint>& p, const Typed<ThresholdHint>& s) {
            const MatrixArgument data = matrix_argument(x, "x");
            const auto w = vector_array(weights, "weights", data.columns);
            const std::vector<bool> b = flags(benefit, "benefit", data.columns);
            const std::vector<PreferenceFunction> functions = preference_functions(preference, q, p, s, data.view.cols());
            return labelled(data, "x", [&] {
                py::gil_scoped_release release;
                return promethee(data.view, as_vector(w), b, functions);
            });
        },
        py::arg("x"), py::arg("weights"), py::arg("benefit") = py::none(), py::arg("preference") = "usual",
        py::arg("q") = py::none(), py::arg("p") = py::none(), py::arg("s") = py::none(),
        "PROMETHEE II (Brans & Vincke 1985): outranking flows per unit; .net ranks them (higher is better). preference: "
        "'usual', 'u_shape', 'v_shape', 'level', 'linear' or 'gaussian', one for all or one per criterion; q "
        "(indifference), p (preference) and s (Gaussian) thresholds in each criterion's unit, a number or one per criterion.");

    m.def(
        "rank",
        [](const ArrayLike& scores, const EnumOrName<RankMethod>& method, bool ascending, const std::optional<std::vector<std::string>>& ids) {
            const auto s = vector_array(scores, "scores");
            // "average" is average_rank(), not a RankMethod: its ranks are fractions (2.5), not int32.
            const bool named = py::isinstance<py::str>(method);
            if (named && method.cast<std::string>() == "average") {
                Eigen::VectorXd out;
                {
                    py::gil_scoped_release release;
                    out = average_rank(as_vector(s), ascending);
                }
                return Ranks(owned_array(std::move(out)));
            }
            if (named && !enum_from_string<RankMethod>(method.cast<std::string>()))
                throw ValidationError("method", Message("unknown value '{0}'; expected one of {1}"_en, "未知的取值 '{0}'；应为以下之一: {1}"_zh,
                                                        {method.cast<std::string>(), quoted_enum_names<RankMethod>() + ", 'average'"}));
            const auto how = enum_argument<RankMethod>(method, "method");
            const std::vector<std::string> names = strings(ids);
            Eigen::VectorXi out;
            {
                py::gil_scoped_release release;
                out = rank(as_vector(s), how, ascending, names);
            }
            return Ranks(owned_array(std::move(out)));
        },
        py::arg("scores"), py::arg("method") = "min", py::arg("ascending") = false, py::arg("ids") = py::none(),
        "Ranks, 1 = best (highest score; lowest when ascending). Ties: 'min' 1224, 'dense' 1223, "
        "'ordinal' 1234 with ties ordered by id (else by position), all int32; 'average' 1 2.5 2.5 4, "
        "float64, a tied group sharing the mean of its places (ids unused).");

    py::class_<AwardTier>(m, "AwardTier", "An award tier: at most `count` places and at most `share` of the units assessed.")
        .def(py::init([](std::string name, std::optional<int> count, std::optional<double> share) {
                 return AwardTier{std::move(name), count, share};
             }),
             py::arg("name"), py::arg("count") = py::none(), py::arg("share") = py::none())
        .def_readonly("name", &AwardTier::name, "The tier's name.")
        .def_readonly("count", &AwardTier::count, "Places, or None.")
        .def_readonly("share", &AwardTier::share, "Cap as a share in (0, 1] of all units assessed, or None.")
        .def(py::self == any_object)
        .def("__hash__", [](const AwardTier& self) { return py::hash(py::make_tuple(self.name, self.count, self.share)); })
        .def("__repr__", [](const AwardTier& self) { return repr(self); });

    py::class_<Awards>(m, "Awards", "Award tiers given to ranked units.")
        .def_readonly("tier_names", &Awards::tier_names, "The tiers, best first.")
        .def_property_readonly("tier", [](const Awards& self) { return int_array(self.tier); },
                               "int32 (units,): index into tier_names, -1 for no award.")
        .def_property_readonly("names", [](const Awards& self) {
                                   std::vector<std::optional<std::string>> out;
                                   for (std::size_t i = 0; i < self.tier.size(); ++i) {
                                       if (self.tier[i] < 0) out.emplace_back();
                                       else out.emplace_back(self.tier_name(i));
                                   }
                                   return out;
                               },
                               "Tier name per unit, None for no award.")
        .def_property_readonly("ranks", [](const py::object& self) { return readonly_view(self.cast<const Awards&>().ranks, self); },
                               "int32 (units,): competition rank among eligible units, 0 if ineligible.")
        .def_readonly("quota", &Awards::quota, "Places of each tier (after the share cap).")
        .def_readonly("awarded", &Awards::awarded, "Units given each tier.")
        .def_readonly("eligible", &Awards::eligible, "Units allowed an award.")
        .def_readonly("ineligible", &Awards::ineligible, "Units excluded.")
        .def("__len__", [](const Awards& self) { return self.tier.size(); }, "Number of units.")
        .def("__repr__", [](const Awards& self) { return to_string(self); });

    m.def(
        "award",
        [](const ArrayLike& scores, const Typed<TiersHint>& tiers, const Flags& eligible, bool ascending,
           const EnumOrName<BoundaryTies>& ties, const std::optional<std::vector<std::string>>& ids) {
            const auto s = vector_array(scores, "scores");
            std::vector<AwardTier> list;
            for (const py::handle item : tiers) list.push_back(tier_from(item, list.size()));
            // A Series of scores lends its index to a dict or Series of eligible units.
            const py::object units = is_pandas(scores, "Series") ? py::object(py::list(scores.attr("index"))) : py::object();
            const std::vector<bool> allowed = flags(eligible, "eligible", units);
            const auto rule = enum_argument<BoundaryTies>(ties, "ties");
            const std::vector<std::string> names = strings(ids);
            py::gil_scoped_release release;
            return award(as_vector(s), list, allowed, ascending, rule, names);
        },
        py::arg("scores"), py::arg("tiers"), py::arg("eligible") = py::none(), py::arg("ascending") = false,
        py::arg("ties") = "demote", py::arg("ids") = py::none(),
        "Gives award tiers (best first) in order of score to eligible units. ties: 'demote' (a tied group "
        "that does not fit goes down a tier), 'admit' (it gets the tier beyond the quota) or 'by_id'. With scores a "
        "pandas Series, eligible may be a dict or Series keyed by its index.");
}

}  // namespace civitas::python
