#pragma once
/// The Arrow stream an object exports through the Arrow PyCapsule interface (`__arrow_c_stream__`:
/// pyarrow, polars, pandas, DuckDB and others), handed to the C++ readers of Arrow streams.

#include <civitas/core/error.hpp>
#include <civitas/io/arrow_io.hpp>

#include <pybind11/pybind11.h>

#include <string>

namespace civitas::python {

/// The stream `source` exports, moved out of its capsule (which then releases nothing): the
/// caller owns it, and the reader it is given releases it. ValidationError at `argument` when
/// `source` exports none.
inline ArrowArrayStream arrow_stream_of(const pybind11::handle& source, const char* argument) {
    namespace py = pybind11;
    const std::string kind = py::str(py::type::handle_of(source).attr("__name__"));
    if (!py::hasattr(source, "__arrow_c_stream__"))
        throw ValidationError(argument, Message("a {0}; expected a table that exports an Arrow stream (__arrow_c_stream__: a pyarrow Table, a polars or pandas DataFrame, a DuckDB result)"_en,
                                                "为 {0}；应为导出 Arrow 流（__arrow_c_stream__）的表: pyarrow Table、polars 或 pandas DataFrame、DuckDB 结果"_zh,
                                                {kind}));
    const py::object capsule = source.attr("__arrow_c_stream__")();
    if (PyCapsule_IsValid(capsule.ptr(), "arrow_array_stream") == 0)
        throw ValidationError(argument, Message("a {0} whose __arrow_c_stream__ gave no 'arrow_array_stream' capsule; expected one"_en,
                                                "为 {0}，其 __arrow_c_stream__ 未给出 'arrow_array_stream' 胶囊；应给出"_zh, {kind}));
    auto* exported = static_cast<ArrowArrayStream*>(PyCapsule_GetPointer(capsule.ptr(), "arrow_array_stream"));
    ArrowArrayStream stream = *exported;
    exported->release = nullptr;  // moved: the capsule's destructor leaves it alone
    return stream;
}

}  // namespace civitas::python
