#include "framework/detail/scoring.hpp"

#include "core/detail/number_format.hpp"

namespace civitas::detail {

Message value_problem(const Indicator& indicator, double x, bool nan_as_missing) {
    const std::string& id = indicator.id;
    if (std::isnan(x)) {
        if (nan_as_missing) return {};
        return Message("indicator '{0}': value nan is not a number; expected a number, or no value for missing data (nan_as_missing treats NaN as missing)"_en,
                       "指标 '{0}': 值 nan 不是数字；应为数字，缺失数据则不填值（nan_as_missing 将 NaN 视为缺失）"_zh, {id});
    }
    if (std::isinf(x))
        return Message("indicator '{0}': value {1} is infinite; expected a finite number"_en, "指标 '{0}': 值 {1} 为无穷大；应为有限数"_zh,
                       {id, format_number(x)});
    if (indicator.direction == Direction::yes_no && x != 0.0 && x != 1.0)
        return Message("indicator '{0}': value {1} is not yes or no; expected 1 (yes) or 0 (no)"_en,
                       "指标 '{0}': 值 {1} 不是“是”或“否”；应为 1（是）或 0（否）"_zh, {id, format_number(x)});
    if (indicator.direction == Direction::problem_count && x < 0)
        return Message("indicator '{0}': value {1} is negative; expected a count of problems >= 0"_en,
                       "指标 '{0}': 值 {1} 为负数；应为 >= 0 的问题个数"_zh, {id, format_number(x)});
    if (indicator.bounds && !indicator.bounds->contains(x))
        return Message("indicator '{0}': value {1} lies outside the bounds [{2}, {3}]; expected a value within them"_en,
                       "指标 '{0}': 值 {1} 超出取值范围 [{2}, {3}]；应在该范围内"_zh,
                       {id, format_number(x), format_number(indicator.bounds->low), format_number(indicator.bounds->high)});
    return {};
}

}  // namespace civitas::detail
