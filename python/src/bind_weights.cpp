/// Weights: AhpMethod, RandomIndexTable, ObjectiveNormalization, AhpResult, HierarchicalAhp,
/// ComparisonRevision, and ahp(), group_ahp(), hierarchical_ahp(), revision_suggestions(),
/// entropy_weights(), critic_weights(), std_weights() and the combined weights.
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

using ObjectiveMethod = Eigen::VectorXd (*)(MatrixView, const Benefit&, ObjectiveNormalization);

/// Binds one objective-weight method: reads `x` in place and releases the GIL while it runs.
void def_objective(py::module_& m, const char* name, ObjectiveMethod method, const char* doc) {
    m.def(
        name,
        [method](const Matrix& x, const Flags& benefit, const EnumOrName<ObjectiveNormalization>& normalization) {
            const MatrixArgument data = matrix_argument(x, "x");
            const Benefit directions = flags(benefit, "benefit", data.columns);
            const auto scaling = enum_argument<ObjectiveNormalization>(normalization, "normalization");
            return labelled(data, "x", [&] {
                py::gil_scoped_release release;  // `data` holds the array meanwhile
                return method(data.view, directions, scaling);
            });
        },
        py::arg("x"), py::arg("benefit") = py::none(), py::kw_only(), py::arg("normalization") = "min_max", doc);
}

Eigen::VectorXd optional_vector(const std::optional<ArrayLike>& values, const char* what) {
    return values ? eigen_vector(*values, what) : Eigen::VectorXd();
}

}  // namespace

void register_weights(py::module_& m) {
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
        py::arg("n"), py::arg("table") = "saaty", "Random index RI(n) for n in 1..15 (0 for n = 1, 2).");
    m.def(
        "ahp",
        [](const ArrayLike& matrix, const EnumOrName<AhpMethod>& method, const EnumOrName<RandomIndexTable>& random_index, double tolerance) {
            return ahp(eigen_matrix(matrix, "matrix"), ahp_options(method, random_index, tolerance));
        },
        py::arg("matrix"), py::arg("method") = "eigenvector", py::kw_only(), py::arg("random_index") = "saaty",
        py::arg("reciprocal_tolerance") = 0.01,
        "AHP weights and consistency of a positive reciprocal matrix (a_ij: how many times i outweighs j). "
        "ValidationError names the entry of a matrix that is not square, 1 to 15 rows, positive, with 1 on the "
        "diagonal and reciprocal within reciprocal_tolerance on a_ij * a_ji.");
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

    def_objective(m, "entropy_weights", &entropy_weights,
                  "Entropy weights of the columns of x (units by rows, criteria by columns). benefit: one bool per "
                  "column, True where higher is better (None: all); min_max flips cost columns.");
    def_objective(m, "critic_weights", &critic_weights,
                  "CRITIC weights (Diakoulaki et al. 1995): standard deviation x sum of (1 - correlation).");
    def_objective(m, "std_weights", &std_weights, "Standard-deviation weights: sigma_j / sum of sigma.");

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
