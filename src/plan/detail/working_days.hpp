#pragma once
// Working days numbered along a calendar, for date arithmetic in integers (scheduling, status).

#include <civitas/core/error.hpp>
#include <civitas/plan/calendar.hpp>

#include <string>
#include <vector>

namespace civitas::detail {

// Working days numbered along the calendar: N(x) counts the working days in [origin, x) for a
// date x on or after the origin, and minus those in [x, origin) before it, so a working day's
// number is N of it, ..., -2, -1, 0, 1, 2, ... Tables grow both ways as dates reach them
// (latest dates of a late plan can lie well before its first date). A date is also named by
// its offset, the days from the origin; every lookup is one table read once the table reaches it.
class WorkingDays {
public:
    WorkingDays(const WorkCalendar& calendar, Date first, Date last) : calendar_(calendar), origin_(first) {
        forward_count_.push_back(0);
        backward_count_.push_back(0);
        reach((last - origin_).days() + 2);
    }

    // Number of the first working day on or after `date`.
    int on_or_after(Date date) { return number_at((date - origin_).days()); }
    // Number of the last working day on or before `date`.
    int on_or_before(Date date) { return number_at((date - origin_).days() + 1) - 1; }
    // Number of the first working day on or after the day `offset` days from the origin.
    int number_at(long offset) {
        if (offset >= 0 && offset < static_cast<long>(forward_count_.size())) return forward_count_[static_cast<std::size_t>(offset)];
        if (offset < 0 && -offset < static_cast<long>(backward_count_.size())) return -backward_count_[static_cast<std::size_t>(-offset)];
        reach(offset);
        return offset >= 0 ? forward_count_[static_cast<std::size_t>(offset)] : -backward_count_[static_cast<std::size_t>(-offset)];
    }
    // Days from the origin to working day `n`.
    long offset_of(int n) {
        if (n >= 0) {
            while (static_cast<std::size_t>(n) >= forward_.size()) reach(static_cast<long>(forward_count_.size()) + 366);
            return forward_[static_cast<std::size_t>(n)];
        }
        while (static_cast<std::size_t>(-(n + 1)) >= backward_.size()) reach(-static_cast<long>(backward_count_.size()) - 366);
        return backward_[static_cast<std::size_t>(-(n + 1))];
    }
    // The date of working day `n`.
    Date date_of(int n) { return origin_ + boost::gregorian::days(offset_of(n)); }

private:
    static constexpr long limit = 100L * 366;  // days either way: far beyond any campaign

    // Extends the tables so that N is known at `offset` days from the origin.
    void reach(long offset) {
        if (offset > limit || offset < -limit)
            throw ValidationError("$.tasks", Message("the schedule reaches {0} days from {1}; expected dates and lags of a campaign (within 100 years)"_en,
                                                     "进度安排距 {1} 达 {0} 天；日期和间隔应在创建方案的合理范围内（100 年以内）"_zh,
                                                     {std::to_string(offset), to_iso(origin_)}));
        while (static_cast<long>(forward_count_.size()) <= offset) {
            const long k = static_cast<long>(forward_count_.size()) - 1;  // day origin + k
            const bool working = calendar_.is_working_day(origin_ + boost::gregorian::days(k));
            if (working) forward_.push_back(static_cast<int>(k));
            forward_count_.push_back(forward_count_.back() + (working ? 1 : 0));
        }
        while (static_cast<long>(backward_count_.size()) <= -offset) {
            const long k = static_cast<long>(backward_count_.size());  // day origin - k
            const bool working = calendar_.is_working_day(origin_ - boost::gregorian::days(k));
            if (working) backward_.push_back(static_cast<int>(-k));
            backward_count_.push_back(backward_count_.back() + (working ? 1 : 0));
        }
    }

    const WorkCalendar& calendar_;
    Date origin_;
    std::vector<int> forward_count_;   // [k]: working days in [origin, origin + k)
    std::vector<int> forward_;         // day offsets of working days 0, 1, 2, ...
    std::vector<int> backward_count_;  // [k]: working days in [origin - k, origin)
    std::vector<int> backward_;        // day offsets of working days -1, -2, ...
};

}  // namespace civitas::detail
