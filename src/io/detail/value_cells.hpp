#pragma once
// The rules of a value table, written once for every reader (CSV text, Arrow streams): its
// header, its unit ids and its cells.

#include <civitas/core/message.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace civitas::detail {

/// An id or name of the table without the spaces around it, or a ParseError at `where` when it
/// cannot be one.
std::string_view checked_name(std::string_view raw, const std::string& file, const Message::Argument& where);

/// A cell as a value: NaN when empty (missing data); numbers read as the observation reader reads
/// them, yes/no/true/false/是/否 as 1/0; else a ParseError at `where` naming the column `header`.
double value_cell(std::string_view raw, const std::string& file, const Message::Argument& where, const std::string& header);

/// The columns of a table's header (names[0] being the unit column's).
struct TableHeader {
    std::vector<std::string> columns;        ///< indicator ids, header order
    std::vector<std::size_t> value_columns;  ///< 0-based columns of the indicators
    std::size_t class_index = 0;             ///< 0-based column of the unit classes; 0 when none
};
/// The header's columns; ParseError at `where(column)` (1-based; 0 for the header as a whole) for
/// an empty or repeated name, or a class column not found.
TableHeader read_table_header(const std::vector<std::string_view>& names, const std::string& file, const std::function<Message::Argument(std::size_t)>& where,
                              const std::string& class_column);

/// The unit ids of a table, each once.
class UnitIds {
public:
    UnitIds(std::vector<std::string>& units, std::size_t capacity);
    /// Appends a unit id to the table's units; ParseError at `where` when empty, not text or repeated.
    void add(std::string_view raw, const std::string& file, const Message::Argument& where);

private:
    // Ids seen, as indices into the table's units (which may grow without breaking the set).
    struct Hash {
        const std::vector<std::string>* units;
        std::size_t operator()(std::size_t i) const noexcept { return std::hash<std::string_view>{}((*units)[i]); }
    };
    struct Equal {
        const std::vector<std::string>* units;
        bool operator()(std::size_t a, std::size_t b) const noexcept { return (*units)[a] == (*units)[b]; }
    };
    std::vector<std::string>& units_;
    std::unordered_set<std::size_t, Hash, Equal> seen_;
};

}  // namespace civitas::detail
