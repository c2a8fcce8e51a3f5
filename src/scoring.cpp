#include "detail/scoring.hpp"

#include "detail/number_format.hpp"

namespace civitas::detail {

std::string value_problem(const Indicator& indicator, double x, bool nan_as_missing) {
    const std::string where = "indicator '" + indicator.id + "': value ";
    if (std::isnan(x))
        return nan_as_missing ? "" : where + "nan is not a number; expected a number, or no value for missing data (nan_as_missing treats NaN as missing)";
    if (std::isinf(x)) return where + format_number(x) + " is infinite; expected a finite number";
    if (indicator.direction == Direction::yes_no && x != 0.0 && x != 1.0)
        return where + format_number(x) + " is not yes or no; expected 1 (yes) or 0 (no)";
    if (indicator.direction == Direction::problem_count && x < 0)
        return where + format_number(x) + " is negative; expected a count of problems >= 0";
    if (indicator.bounds && !indicator.bounds->contains(x))
        return where + format_number(x) + " lies outside the bounds [" + format_number(indicator.bounds->low) + ", " +
               format_number(indicator.bounds->high) + "]; expected a value within them";
    return "";
}

}  // namespace civitas::detail
