#pragma once
// Scores in order, best first, by a radix sort: the ranks of rank() (ranking.cpp) and of every
// draw of the rank uncertainty (uncertainty.cpp).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace civitas::detail {

/// Orders scores best first (highest, or lowest when ascending), equal scores in row order:
/// an LSD radix sort, stable, on an order-preserving 64-bit image of each double, 11 bits a
/// pass; passes in which every key has the same digit are skipped. The buffers stay for the
/// next sort of as many scores.
class RadixOrder {
public:
    explicit RadixOrder(std::size_t units)
        : keys_(units), keys_out_(units), rows_(units), rows_out_(units), counts_(passes * buckets) {}

    /// Sorts `scores`, as many as the units and none NaN: rows() then lists the rows best first.
    void sort(const double* scores, bool ascending) {
        const std::size_t n = keys_.size();
        std::fill(counts_.begin(), counts_.end(), 0U);
        const auto counts = [&](int pass) { return counts_.data() + static_cast<std::size_t>(pass) * buckets; };
        for (std::size_t i = 0; i < n; ++i) {
            const double s = scores[i] + 0.0;  // -0.0 -> +0.0: equal doubles, equal keys
            std::uint64_t bits_of = 0;
            std::memcpy(&bits_of, &s, sizeof s);
            // The bits in the order of the doubles; descending scores are ascending negated keys.
            const std::uint64_t ordered = (bits_of >> 63U) != 0 ? ~bits_of : bits_of | (std::uint64_t{1} << 63U);
            const std::uint64_t key = ascending ? ordered : ~ordered;
            keys_[i] = key;
            rows_[i] = static_cast<std::uint32_t>(i);
            for (int p = 0; p < passes; ++p) ++counts(p)[(key >> (bits * p)) & (buckets - 1)];
        }
        for (int p = 0; p < passes; ++p) {
            std::uint32_t* count = counts(p);
            const std::size_t first = (keys_[0] >> (bits * p)) & (buckets - 1);
            if (count[first] == n) continue;  // every key has this digit
            std::uint32_t total = 0;
            for (std::size_t b = 0; b < buckets; ++b) {
                const std::uint32_t here = count[b];
                count[b] = total;
                total += here;
            }
            for (std::size_t i = 0; i < n; ++i) {
                const std::uint64_t key = keys_[i];
                const std::uint32_t to = count[(key >> (bits * p)) & (buckets - 1)]++;
                keys_out_[to] = key;
                rows_out_[to] = rows_[i];
            }
            keys_.swap(keys_out_);
            rows_.swap(rows_out_);
        }
    }

    /// The rows, best first (after sort()).
    [[nodiscard]] const std::vector<std::uint32_t>& rows() const noexcept { return rows_; }
    /// Their keys, in the same order: equal exactly where the scores are.
    [[nodiscard]] const std::vector<std::uint64_t>& keys() const noexcept { return keys_; }

private:
    static constexpr int bits = 11, passes = 6;  // 66 bits of digits cover the 64-bit keys
    static constexpr std::size_t buckets = std::size_t{1} << bits;
    std::vector<std::uint64_t> keys_, keys_out_;
    std::vector<std::uint32_t> rows_, rows_out_;
    std::vector<std::uint32_t> counts_;  // passes x buckets
};

}  // namespace civitas::detail
