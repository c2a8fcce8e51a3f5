#pragma once
/// Round schemes: how a title is judged in dated rounds (the parts of a round with their full
/// points, the weights of the cycle's years, the consequences of a round's result), and the modes
/// by which a value or a part's score is obtained. A framework may name the scheme its titles
/// are scored by; the rounds themselves are in <civitas/tracking/assessment.hpp>.

#include <civitas/core/enums.hpp>
#include <civitas/export.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace civitas {

/// How a value was obtained.
enum class AssessmentMode : std::uint8_t {
    unspecified,       ///< not said
    field_inspection,  ///< inspectors on site (实地考察)
    document_review,   ///< files and records (材料审核)
    questionnaire,     ///< a questionnaire survey (问卷调查)
    online_survey,     ///< an online survey (网上调查)
    statistics,        ///< official statistics (统计数据)
};
template <> struct EnumNames<AssessmentMode> {
    static constexpr const char* values[] = {"unspecified",   "field_inspection", "document_review",
                                             "questionnaire", "online_survey",    "statistics"};
};

/// One part of a round's score: the points a mode is worth.
struct CIVITAS_EXPORT RoundPart {
    std::string id;                                     ///< unique in the scheme ("field_inspection")
    std::string name;                                   ///< UTF-8 display name ("实地暗访考察")
    AssessmentMode mode = AssessmentMode::unspecified;  ///< how its score is obtained
    double full_points = 0.0;                           ///< most points it gives, > 0
    friend bool operator==(const RoundPart& a, const RoundPart& b) noexcept {
        return a.id == b.id && a.name == b.name && a.mode == b.mode && a.full_points == b.full_points;
    }
};

/// A consequence a round's result triggers: a score below a line, or a flag (falsified materials).
struct CIVITAS_EXPORT ConsequenceRule {
    std::string id;                ///< what follows ("public_criticism", "suspension"); several rules may share it
    std::string name;              ///< UTF-8 display name ("通报批评")
    std::optional<double> below;   ///< triggered by a total strictly below this (points); or
    std::string flag;              ///< triggered by this flag on the round ("falsified_materials"); exactly one of the two
    std::optional<int> months;     ///< how long it lasts, in months (suspension: 12), when it has a duration
    friend bool operator==(const ConsequenceRule& a, const ConsequenceRule& b) noexcept {
        return a.id == b.id && a.name == b.name && a.below == b.below && a.flag == b.flag && a.months == b.months;
    }
};

/// How a title is judged in rounds: the parts of a round with their full points, the weights of
/// the cycle's years, and the consequences of a round's result, mildest first. The bundled ones
/// are data files (load_bundled_round_scheme in <civitas/io/bundled_data.hpp>).
struct CIVITAS_EXPORT RoundScheme {
    std::string id;                            ///< "civilized-city-2018" for a bundled one, "" for one written in place
    std::string name;                          ///< UTF-8 display name
    std::vector<RoundPart> parts;              ///< at least one; a round's total is out of their sum
    std::vector<double> year_weights;          ///< weight of each year of the cycle, > 0, summing to 1; empty: no cycle total
    std::optional<int> first_year;             ///< calendar year of the cycle's first year; none: the earliest annual test's
    std::vector<ConsequenceRule> consequences;  ///< mildest first; every rule that holds is triggered
    std::string source;                        ///< where the scheme comes from, with its tag ([V], [S], illustrative)

    /// Sum of the parts' full points: a round's scale.
    [[nodiscard]] double full_points() const noexcept;
    /// The part with this id; throws NotFoundError.
    [[nodiscard]] const RoundPart& part(const std::string& id) const;
    friend bool operator==(const RoundScheme& a, const RoundScheme& b) noexcept {
        return a.id == b.id && a.name == b.name && a.parts == b.parts && a.year_weights == b.year_weights &&
               a.first_year == b.first_year && a.consequences == b.consequences && a.source == b.source;
    }
    friend bool operator!=(const RoundScheme& a, const RoundScheme& b) noexcept { return !(a == b); }
};

/// Checks a scheme: parts with unique non-empty ids and full points > 0, year weights > 0 summing
/// to 1, each consequence with an id and exactly one of `below` (finite) or `flag`, months >= 1.
/// ValidationError names the path ("$.parts[1].full_points") below `path`.
CIVITAS_EXPORT void validate(const RoundScheme& scheme, const std::string& path = "$");

}  // namespace civitas
