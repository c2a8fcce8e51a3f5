#pragma once
/// How much input a reader takes and where it may look: the limits every file reader honours,
/// and whether the files a file names may lie outside its folder.

#include <civitas/export.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace civitas {

/// The deepest nesting of categories in a framework and of sub-plans in a plan, in files and in
/// memory: every recursion over them is bounded by it.
inline constexpr std::size_t max_depth = 64;

/// Characters of offending input a message quotes at most; longer text is cut with "…".
inline constexpr std::size_t quoted_characters = 80;

/// Sizes past which a reader refuses its input with a LimitError naming the file, the place and
/// the limit. The defaults leave room for the largest real inputs (a national observation file of
/// 25 million rows is 1.3 GB).
struct CIVITAS_CORE_EXPORT Limits {
    std::size_t depth = max_depth;              ///< nesting of categories and sub-plans, 1 to max_depth
    std::uint64_t json_bytes = 256ull << 20;    ///< one JSON file: framework, calendar, plan, campaign, inspection, observations
    std::uint64_t csv_bytes = 16ull << 30;      ///< one CSV file: observations, value table
    std::size_t rows = 100'000'000;             ///< data rows of one CSV file or entries of one observation JSON file
    std::size_t columns = 10'000;               ///< columns of one CSV file
    std::size_t cells = 100'000'000;            ///< values of one value table (rows x indicator columns), 8 bytes each in memory
    std::size_t text_bytes = 64u << 10;         ///< one string: a JSON string or key, a CSV cell

    /// Equal when every limit is.
    friend bool operator==(const Limits& a, const Limits& b) {
        return a.depth == b.depth && a.json_bytes == b.json_bytes && a.csv_bytes == b.csv_bytes && a.rows == b.rows &&
               a.columns == b.columns && a.cells == b.cells && a.text_bytes == b.text_bytes;
    }
};

/// How a file is read: its limits, and where the files it names may be.
struct CIVITAS_CORE_EXPORT ReadOptions {
    /// Sizes past which the input is refused.
    Limits limits;
    /// Follow references to files outside the referring file's folder (absolute paths, "..",
    /// symbolic links that lead out); off by default, so a file can name only files in its own
    /// folder and below.
    bool allow_outside = false;
    /// The folder a parse_ function finds the files its text names in; empty: the folder of its
    /// `file` name, and none for "<string>" (then naming a file is an error).
    std::filesystem::path base_folder;
};

/// How files are written by the save_ functions.
struct CIVITAS_CORE_EXPORT SaveOptions {
    /// Write files the saved one names (plan, sub-plan and inspection files) outside its folder;
    /// off by default.
    bool allow_outside = false;
};

}  // namespace civitas
