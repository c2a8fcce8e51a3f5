/// civitas.options: how notebooks show civitas's objects. The HTML itself is written by
/// python/civitas/_display.py, which each class's `_repr_html_` calls (html_method in bindings.hpp).

#include "bindings.hpp"

#include <civitas/core/language.hpp>
#include <civitas/core/message.hpp>

#include <pybind11/stl.h>

#include <optional>
#include <string>

namespace civitas::python {

void register_display(py::module_& m) {
    m.def("language_of_text", &language_of_text, py::arg("text"),
          "Language.zh when the text has a Chinese character (CJK Unified Ideographs, U+4E00..U+9FFF), else Language.en: "
          "the language of a report, a table or a plot whose campaign sets none.");
    py::class_<DisplayOptions>(m, "Options", "How notebooks show civitas's objects; change `civitas.options` in place.")
        .def_property(
            "display_language", [](const DisplayOptions& o) { return o.display_language; },
            [](DisplayOptions& o, const std::optional<EnumOrName<Language>>& language) {
                o.display_language = language ? std::optional(enum_argument<Language>(*language, "display_language")) : std::nullopt;
            },
            "Language of the HTML a notebook shows (Language, 'zh' or 'en'); None (the default) chooses as a report "
            "does: Chinese when the names shown have Chinese characters, else English. A Report shows in its own language.")
        .def_property(
            "display_max_rows", [](const DisplayOptions& o) { return o.display_max_rows; },
            [](DisplayOptions& o, int rows) {
                if (rows < 1)
                    throw ValidationError("display_max_rows", Message("{0}; expected a whole number >= 1"_en, "{0}；应为不小于 1 的整数"_zh,
                                                                      {std::to_string(rows)}));
                o.display_max_rows = rows;
            },
            "Most rows of a table the HTML shows before '… N more' (>= 1, default 10).")
        .def("__repr__", [](const DisplayOptions& o) {
            return std::string("civitas.Options(display_language=") +
                   (o.display_language ? repr_string(to_string(*o.display_language)) : std::string("None")) +
                   ", display_max_rows=" + std::to_string(o.display_max_rows) + ")";
        });
    m.attr("options") = py::cast(DisplayOptions{});
}

}  // namespace civitas::python
