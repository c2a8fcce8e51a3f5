/// Rank agreement: CorrelationMethod; rank_correlation (two rankings) and rank_correlation_matrix
/// (every pair of a units x rankings matrix or DataFrame).
///
/// Rankings are read as numbers (a list, an array, a pandas Series; two Series are matched by
/// their index). The method is the enum or its name ("kendall"). The GIL is released while C++ computes.

#include "bindings.hpp"

#include <civitas/core/error.hpp>
#include <civitas/methods/agreement.hpp>

#include <string>
#include <utility>

namespace civitas::python {

namespace {

using ConstVector = Eigen::Map<const Eigen::VectorXd>;

struct MatrixOrFrameHint {
    static constexpr auto name = py::detail::const_name("numpy.typing.NDArray[numpy.float64] | pandas.DataFrame");
};
/// The matrix of rank_correlation_matrix: an array, or a DataFrame when a DataFrame was given.
using MatrixOrFrame = Typed<MatrixOrFrameHint>;

/// `b` as given, or, when `a` and `b` are both pandas Series, `b` in the order of `a`'s index:
/// ValidationError naming `b` when the two indexes do not hold the same unique labels.
py::object matched(const py::handle& a, const py::handle& b) {
    if (!is_pandas(a, "Series") || !is_pandas(b, "Series")) return py::reinterpret_borrow<py::object>(b);
    const py::object index = a.attr("index"), other = b.attr("index");
    if (index.attr("equals")(other).cast<bool>()) return py::reinterpret_borrow<py::object>(b);
    const py::set labels(index), other_labels(other);
    if (labels.size() != py::len(index) || other_labels.size() != py::len(other) || !labels.equal(other_labels))
        throw ValidationError("b", Message("a Series whose index is not a's; expected the same units, each once, in any order"_en,
                                           "Series 的索引与 a 的不同；应为相同的评价对象，各一次，顺序不限"_zh));
    return b.attr("reindex")(index);
}

}  // namespace

void register_agreement(py::module_& m) {
    bind_enum<CorrelationMethod>(m, "CorrelationMethod",
                                 "Which rank agreement rank_correlation() computes: spearman, kendall, weighted_spearman or ws.");

    m.def(
        "rank_correlation",
        [](const ArrayLike& a, const ArrayLike& b, const EnumOrName<CorrelationMethod>& method) {
            const auto first = vector_array(a, "a");
            const auto second = vector_array(matched(a, b), "b");
            const auto how = enum_argument<CorrelationMethod>(method, "method");
            const ConstVector x(first.data(), first.shape(0)), y(second.data(), second.shape(0));
            py::gil_scoped_release release;
            return rank_correlation(x, y, how);
        },
        py::arg("a"), py::arg("b"), py::arg("method") = "spearman",
        "Agreement of ranking b with ranking a (ranks, 1 = best; one per unit, same units in the same order; two "
        "Series are matched by index). 'spearman': Spearman's rho, Pearson's r of the average ranks; 'kendall': "
        "Kendall's tau-b; both in [-1, 1], read any numbers by their order, and reject a ranking with every unit "
        "tied. 'weighted_spearman': r_w (Pinto da Costa & Soares 2005); 'ws': WS similarity to the reference a "
        "(Sałabun & Urbaniak 2020), asymmetric; both read ranks in [1, n] as given (ties as average ranks).");

    m.def(
        "rank_correlation_matrix",
        [](const Matrix& rankings, const EnumOrName<CorrelationMethod>& method) {
            const MatrixArgument data = matrix_argument(rankings, "rankings", Message("rankings"_en, "排名"_zh));
            const auto how = enum_argument<CorrelationMethod>(method, "method");
            Eigen::MatrixXd out = labelled(data, "rankings", [&] {
                py::gil_scoped_release release;
                return rank_correlation_matrix(data.view, how);
            });
            py::object matrix = owned_array(std::move(out));
            if (data.columns) matrix = python_function("civitas._agreement", "correlation_frame")(matrix, data.columns);
            return MatrixOrFrame(matrix);
        },
        py::arg("rankings"), py::arg("method") = "spearman",
        "Agreement of every pair of rankings: rankings is units x rankings (a column per ranking, as rank_correlation "
        "reads it); returns rankings x rankings with (i, j) = rank_correlation(column i, column j) and 1 on the "
        "diagonal, symmetric but for 'ws', whose row is the reference. A DataFrame gives a DataFrame labelled by its "
        "columns, and errors name them (rankings['2024']).");
}

}  // namespace civitas::python
