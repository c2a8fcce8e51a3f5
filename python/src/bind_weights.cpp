/// Weights: AhpMethod, RandomIndexTable, ObjectiveNormalization, AhpResult, HierarchicalAhp,
/// ComparisonRevision, ConstantColumnWarning, and ahp(), group_ahp(), hierarchical_ahp(),
/// revision_suggestions(), the objective weights (entropy, CRITIC, std, MEREC, Gini, CILOS, IDOCRIW)
/// and the combined weights.
///
/// Methods and tables are taken as the enum or its name (`method="geometric_mean"`). Data `x`
/// (units by rows, criteria by columns) is read in place when it is float64 with whole-element
/// strides (C or Fortran order, slices); anything else is copied once. Results are new arrays;
/// AhpResult.weights is a read-only view kept alive by its result.

#include "bindings.hpp"

#include <civitas/core/error.hpp>
#include <civitas/methods/weights.hpp>

#include <pybind11/eigen.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace civitas::python {

namespace {

/// Arrays, one per expert or category (matrices, indicator_weights).
struct ArraysHint {
    static constexpr auto name = py::detail::const_name("collections.abc.Sequence[numpy.typing.ArrayLike]");
};
using Arrays = Typed<ArraysHint>;

/// civitas.ConstantColumnWarning (civitas/_errors.py), held for the life of the interpreter.
PyObject* constant_column_warning = nullptr;

/// Warns with civitas.ConstantColumnWarning, naming the columns (their labels for a DataFrame),
/// when `constant` is not empty. The GIL must be held; under `-W error` it raises.
void warn_constant(const ConstantColumns& constant, const MatrixArgument& data, const Message& method) {
    if (constant.empty()) return;
    std::string names;
    py::tuple positions(constant.size());
    for (std::size_t k = 0; k < constant.size(); ++k) {
        const auto c = constant[k];
        names += (k ? ", " : "") + (data.columns ? label_text(py::list(data.columns)[static_cast<std::size_t>(c)]) : std::to_string(c));
        positions[k] = py::int_(c);
    }
    const Message message = constant.size() == 1
                                ? Message("{0}: column {1} of x does not vary, so its weight is 0"_en, "{0}: x 的第 {1} 列没有变化，权重为 0"_zh,
                                          {method, names})
                                : Message("{0}: columns {1} of x do not vary, so their weights are 0"_en,
                                          "{0}: x 的第 {1} 列没有变化，权重为 0"_zh, {method, names});
    py::object warning = py::handle(constant_column_warning)(message.text(Language::en));
    warning.attr("columns") = positions;
    warning.attr("message_zh") = message.text(Language::zh);
    py::module_::import("warnings").attr("warn")(warning, py::arg("stacklevel") = 2);
}

/// `x` read by matrix_argument and copied into an Eigen matrix (a small comparison matrix).
Eigen::MatrixXd eigen_matrix(const py::handle& x, const std::string& what) {
    const MatrixArgument data = matrix_argument(x, what, Message("the elements compared"_en, "比较的元素"_zh));
    Eigen::MatrixXd out(data.view.rows(), data.view.cols());
    for (Eigen::Index r = 0; r < out.rows(); ++r)
        for (Eigen::Index c = 0; c < out.cols(); ++c) out(r, c) = data.view(r, c);
    return out;
}

/// `x` read by vector_array and copied into an Eigen vector.
Eigen::VectorXd eigen_vector(const py::handle& x, const std::string& what) {
    const auto array = vector_array(x, what);
    return Eigen::Map<const Eigen::VectorXd>(array.data(), array.shape(0));
}

/// Each array of a sequence (a list, a tuple, an array of one more dimension) read by `read`, with
/// `what[k]` naming the k-th in errors; ValidationError naming `what` for anything else.
template <class Read>
auto each_array(const py::handle& xs, const std::string& what, Read read) {
    if (py::isinstance<py::str>(xs) || py::isinstance<py::bytes>(xs) || is_mapping(xs) || !py::isinstance<py::iterable>(xs))
        throw ValidationError(what, Message("{0}; expected a sequence of arrays"_en, "{0}；应为数组的序列"_zh, {type_name(xs)}));
    std::vector<decltype(read(xs, what))> out;
    for (const py::handle x : xs) out.push_back(read(x, what + "[" + std::to_string(out.size()) + "]"));
    return out;
}

AhpOptions ahp_options(const py::handle& method, const py::handle& random_index, double reciprocal_tolerance) {
    AhpOptions options;
    options.method = enum_argument<AhpMethod>(method, "method");
    options.random_index = enum_argument<RandomIndexTable>(random_index, "random_index");
    options.reciprocal_tolerance = reciprocal_tolerance;
    return options;
}

using ObjectiveMethod = Eigen::VectorXd (*)(MatrixView, const Benefit&, ObjectiveNormalization, ConstantColumns*);
using OwnNormalization = Eigen::VectorXd (*)(MatrixView, const Benefit&, ConstantColumns*);

/// Binds one objective-weight method with a `normalization` keyword: reads `x` in place, releases
/// the GIL while it runs, and warns (ConstantColumnWarning) about columns given weight 0.
void def_objective(py::module_& m, const char* name, ObjectiveMethod method, const Message& title, const char* doc) {
    m.def(
        name,
        [method, title](const Matrix& x, const Flags& benefit, const EnumOrName<ObjectiveNormalization>& normalization) {
            const MatrixArgument data = matrix_argument(x, "x");
            const Benefit directions = flags(benefit, "benefit", data.columns);
            const auto scaling = enum_argument<ObjectiveNormalization>(normalization, "normalization");
            ConstantColumns constant;
            Eigen::VectorXd weights = labelled(data, "x", [&] {
                py::gil_scoped_release release;  // `data` holds the array meanwhile
                return method(data.view, directions, scaling, &constant);
            });
            warn_constant(constant, data, title);
            return weights;
        },
        py::arg("x"), py::arg("benefit") = py::none(), py::kw_only(), py::arg("normalization") = "min_max", doc);
}

/// The same for a method with a normalisation of its own (MEREC, CILOS, IDOCRIW): no keyword.
void def_objective(py::module_& m, const char* name, OwnNormalization method, const Message& title, const char* doc) {
    m.def(
        name,
        [method, title](const Matrix& x, const Flags& benefit) {
            const MatrixArgument data = matrix_argument(x, "x");
            const Benefit directions = flags(benefit, "benefit", data.columns);
            ConstantColumns constant;
            Eigen::VectorXd weights = labelled(data, "x", [&] {
                py::gil_scoped_release release;  // `data` holds the array meanwhile
                return method(data.view, directions, &constant);
            });
            warn_constant(constant, data, title);
            return weights;
        },
        py::arg("x"), py::arg("benefit") = py::none(), doc);
}

Eigen::VectorXd optional_vector(const std::optional<ArrayLike>& values, const char* what) {
    return values ? eigen_vector(*values, what) : Eigen::VectorXd();
}

}  // namespace

void register_weights(py::module_& m) {
    {
        py::object warning = py::module_::import("civitas._errors").attr("ConstantColumnWarning");
        m.attr("ConstantColumnWarning") = warning;
        constant_column_warning = warning.release().ptr();
    }
    bind_enum<AhpMethod>(m, "AhpMethod", "How AHP derives weights: eigenvector (Saaty) or geometric_mean of each row.");
    bind_enum<RandomIndexTable>(m, "RandomIndexTable",
                                "Random index table for the consistency ratio: saaty or donegan_dodd.");
    bind_enum<ObjectiveNormalization>(
        m, "ObjectiveNormalization",
        "How objective weights rescale columns: min_max (cost columns flipped) or none (values as given).");

    py::class_<AhpResult> ahp_result(m, "AhpResult", "Weights and consistency of one pairwise comparison matrix.");
    py::class_<HierarchicalAhp> hierarchical(m, "HierarchicalAhp", "AHP on a two-level hierarchy (categories, indicators).");
    py::class_<ComparisonRevision> revision(m, "ComparisonRevision",
                                            "What replacing one judgment a_ij by its consistent value w_i / w_j would do.");

    ahp_result
        .def_property_readonly(
            "weights", [](const py::object& self) { return readonly_view(self.cast<const AhpResult&>().weights, self); },
            "float64 (n,): one weight per row of the matrix, sum 1.")
        .def_readonly("lambda_max", &AhpResult::lambda_max, "Principal eigenvalue of the matrix (>= n).")
        .def_readonly("consistency_index", &AhpResult::consistency_index, "CI = (lambda_max - n) / (n - 1); 0 for n <= 2.")
        .def_readonly("random_index", &AhpResult::random_index, "RI(n) of the table used; 0 for n <= 2.")
        .def_readonly("consistency_ratio", &AhpResult::consistency_ratio, "CR = CI / RI(n); 0 for n <= 2.")
        .def_readonly("method", &AhpResult::method, "How the weights were derived.")
        .def_readonly("table", &AhpResult::table, "Which random index table was used.")
        .def_property_readonly("acceptable", &AhpResult::acceptable, "True when CR < 0.1; False: revise the judgments.")
        .def("__repr__", [](const AhpResult& self) { return to_string(self); });

    hierarchical.def_readonly("categories", &HierarchicalAhp::categories, "AHP of the category matrix.")
        .def_readonly("indicators", &HierarchicalAhp::indicators, "AHP of each category's indicator matrix, in order.")
        .def_property_readonly(
            "global_weights",
            [](const py::object& self) { return readonly_view(self.cast<const HierarchicalAhp&>().global_weights, self); },
            "float64: category weight x local weight, category by category, sum 1.")
        .def_property_readonly("acceptable", &HierarchicalAhp::acceptable, "True when every matrix has CR < 0.1.")
        .def("__repr__", [](const HierarchicalAhp& self) { return to_string(self); });

    revision.def_readonly("row", &ComparisonRevision::row, "i, 0-based (row < col).")
        .def_readonly("col", &ComparisonRevision::col, "j, 0-based.")
        .def_readonly("value", &ComparisonRevision::value, "a_ij as judged.")
        .def_readonly("consistent_value", &ComparisonRevision::consistent_value, "w_i / w_j from the current weights.")
        .def_readonly("deviation", &ComparisonRevision::deviation, "a_ij * w_j / w_i: 1 when the judgment agrees.")
        .def_readonly("consistency_ratio", &ComparisonRevision::consistency_ratio,
                      "CR of the matrix with a_ij replaced by consistent_value.")
        .def("__repr__", [](const ComparisonRevision& self) { return to_string(self); });

    m.def(
        "random_index", [](int n, const EnumOrName<RandomIndexTable>& table) { return random_index(n, enum_argument<RandomIndexTable>(table, "table")); },
        py::arg("n"), py::arg("table") = "saaty",
        "Random index RI(n) (0 for n = 1, 2): saaty for n in 1..15, donegan_dodd for n in 1..100 (Donegan & Dodd 1991, "
        "tabulated to 20 and at 25, 30, 40, ..., 100, linear in between as ahpy does).");
    m.def(
        "ahp",
        [](const ArrayLike& matrix, const EnumOrName<AhpMethod>& method, const EnumOrName<RandomIndexTable>& random_index, double tolerance) {
            return ahp(eigen_matrix(matrix, "matrix"), ahp_options(method, random_index, tolerance));
        },
        py::arg("matrix"), py::arg("method") = "eigenvector", py::kw_only(), py::arg("random_index") = "saaty",
        py::arg("reciprocal_tolerance") = 0.01,
        "AHP weights and consistency of a positive reciprocal matrix (a_ij: how many times i outweighs j). "
        "ValidationError names the entry of a matrix that is not square, 1 to 100 rows (15 with the saaty table), "
        "positive, with 1 on the diagonal and reciprocal within reciprocal_tolerance on a_ij * a_ji. A comparison left "
        "out is 0 or NaN in both a_ij and a_ji: eigenvector weights by Harker's (1987) method, geometric_mean by "
        "logarithmic least squares over the comparisons made; the comparisons must connect every element. "
        "lambda_max, CI and CR are Harker's: of the matrix completed with a_ij = w_i / w_j from his weights.");
    m.def(
        "aggregate_judgments",
        [](const Arrays& matrices, const std::optional<ArrayLike>& expert_weights, double tolerance) {
            return aggregate_judgments(each_array(matrices, "matrices", eigen_matrix), optional_vector(expert_weights, "expert_weights"), tolerance);
        },
        py::arg("matrices"), py::arg("expert_weights") = py::none(), py::kw_only(), py::arg("reciprocal_tolerance") = 0.01,
        "Experts' matrices combined entry by entry by the (weighted) geometric mean; expert weights are relative.");
    m.def(
        "group_ahp",
        [](const Arrays& matrices, const std::optional<ArrayLike>& expert_weights, const EnumOrName<AhpMethod>& method,
           const EnumOrName<RandomIndexTable>& random_index, double tolerance) {
            return group_ahp(each_array(matrices, "matrices", eigen_matrix), optional_vector(expert_weights, "expert_weights"),
                             ahp_options(method, random_index, tolerance));
        },
        py::arg("matrices"), py::arg("expert_weights") = py::none(), py::kw_only(), py::arg("method") = "eigenvector",
        py::arg("random_index") = "saaty", py::arg("reciprocal_tolerance") = 0.01,
        "AHP of the experts' aggregated matrix (aggregate_judgments).");
    m.def(
        "hierarchical_weights",
        [](const ArrayLike& category_weights, const Arrays& indicator_weights) {
            return hierarchical_weights(eigen_vector(category_weights, "category_weights"),
                                        each_array(indicator_weights, "indicator_weights", eigen_vector));
        },
        py::arg("category_weights"), py::arg("indicator_weights"),
          "Global weights category_weights[k] x indicator_weights[k][i], in order; each vector must sum to 1 within 1e-3.");
    m.def(
        "hierarchical_ahp",
        [](const ArrayLike& categories, const Arrays& indicators, const EnumOrName<AhpMethod>& method,
           const EnumOrName<RandomIndexTable>& random_index, double tolerance) {
            return hierarchical_ahp(eigen_matrix(categories, "categories"), each_array(indicators, "indicators", eigen_matrix),
                                    ahp_options(method, random_index, tolerance));
        },
        py::arg("categories"), py::arg("indicators"), py::kw_only(), py::arg("method") = "eigenvector",
        py::arg("random_index") = "saaty", py::arg("reciprocal_tolerance") = 0.01,
        "AHP of the category matrix and of each category's indicator matrix, and the global weights.");
    m.def(
        "revision_suggestions",
        [](const ArrayLike& matrix, const EnumOrName<AhpMethod>& method, const EnumOrName<RandomIndexTable>& random_index, double tolerance) {
            return revision_suggestions(eigen_matrix(matrix, "matrix"), ahp_options(method, random_index, tolerance));
        },
        py::arg("matrix"), py::kw_only(), py::arg("method") = "eigenvector", py::arg("random_index") = "saaty",
        py::arg("reciprocal_tolerance") = 0.01,
        "Every comparison above the diagonal with the CR if it were replaced by w_i / w_j, lowest CR first.");

    def_objective(m, "entropy_weights", &entropy_weights, Message("entropy weights"_en, "熵权法"_zh),
                  "Entropy weights of the columns of x (units by rows, criteria by columns). benefit: one bool per "
                  "column, True where higher is better (None: all). normalization='min_max' (the default) rescales "
                  "each column to [0, 1] first, cost columns flipped; 'none' takes shares of the values as given "
                  "(>= 0), as Hwang & Yoon (1981) and the published examples. A column that does not vary gets "
                  "weight 0, with a ConstantColumnWarning.");
    def_objective(m, "critic_weights", &critic_weights, Message("CRITIC weights"_en, "CRITIC 权重法"_zh),
                  "CRITIC weights (Diakoulaki et al. 1995): standard deviation x sum of (1 - correlation), of the columns "
                  "min-max normalised by default (normalization='none': as given). A column that does not vary gets weight "
                  "0 and the others are those without it, with a ConstantColumnWarning.");
    def_objective(m, "std_weights", &std_weights, Message("standard-deviation weights"_en, "标准差权重法"_zh),
                  "Standard-deviation weights: sigma_j / sum of sigma. normalization='min_max' (the default) rescales "
                  "each column to [0, 1] first, cost columns flipped; 'none' uses the values as given, as the published "
                  "examples. A column that does not vary gets weight 0, with a ConstantColumnWarning.");
    def_objective(m, "merec_weights", &merec_weights, Message("MEREC weights"_en, "MEREC 权重法"_zh),
                  "MEREC weights (Keshavarz-Ghorabaee et al. 2021): the effect of removing each criterion on the units' "
                  "performance ln(1 + mean |ln n_ij|), with n = min/x (benefit) or x/max (cost). Values must be > 0.");
    def_objective(m, "gini_weights", &gini_weights, Message("Gini weights"_en, "基尼系数权重法"_zh),
                  "Gini weights: the Gini coefficient of each column, normalised to sum 1. normalization='min_max' (the "
                  "default) rescales each column to [0, 1] first, cost columns flipped; 'none' takes the values as given "
                  "(>= 0), as pymcdm's gini_weights. A column that does not vary gets weight 0.");
    def_objective(m, "cilos_weights", &cilos_weights, Message("CILOS weights"_en, "CILOS 权重法"_zh),
                  "CILOS weights (Zavadskas & Podvezko 2016): from the relative impact loss of each criterion when the "
                  "unit best on another is chosen (cost columns as min/x). Values must be > 0.");
    def_objective(m, "idocriw_weights", &idocriw_weights, Message("IDOCRIW weights"_en, "IDOCRIW 权重法"_zh),
                  "IDOCRIW weights (Zavadskas & Podvezko 2016): entropy weights of the values as given times CILOS "
                  "weights, normalised to sum 1. Values must be > 0.");

    m.def(
        "combine_weights_linear",
        [](const ArrayLike& subjective, const ArrayLike& objective, double alpha) {
            return combine_weights_linear(eigen_vector(subjective, "subjective"), eigen_vector(objective, "objective"), alpha);
        },
        py::arg("subjective"), py::arg("objective"),
          py::arg("alpha") = 0.5,
          "alpha * subjective + (1 - alpha) * objective; each input must sum to 1 within 1e-3 (then rescaled).");
    m.def(
        "combine_weights_multiplicative",
        [](const ArrayLike& subjective, const ArrayLike& objective) {
            return combine_weights_multiplicative(eigen_vector(subjective, "subjective"), eigen_vector(objective, "objective"));
        },
        py::arg("subjective"), py::arg("objective"),
          "subjective * objective / sum(subjective * objective); each input must sum to 1 within 1e-3.");
}

}  // namespace civitas::python
