// parse_field_inspection on any bytes. Laws where it parses: field_inspection_to_json parses
// back to an equal inspection; the roll-up counts every problem once per unit (and once more
// for an added parent of every unit), and its observations are one per roll-up row.

#include "fuzz_target.hpp"

#include <civitas/tracking/assessment.hpp>
#include <civitas/io/assessment_io.hpp>

#include <map>
#include <optional>
#include <string>

using namespace civitas;

CIVITAS_FUZZ_TARGET(inspection) {
    std::optional<FieldInspection> parsed;
    try {
        parsed.emplace(parse_field_inspection(std::string(text), "fuzz.json"));
    } catch (const civitas::Error&) {
        return;
    }
    const FieldInspection& inspection = *parsed;

    const std::string json = field_inspection_to_json(inspection);
    CIVITAS_FUZZ_CHECK(parse_field_inspection(json, "written.json") == inspection,
                       "field_inspection_to_json does not parse back to an equal inspection:\n" + json);
    (void)to_string(inspection);
    (void)missing_site_types(inspection);

    long long counted = 0;
    for (const InspectionProblem& problem : inspection.problems) counted += problem.count;
    long long rolled = 0;
    for (const FieldRollup& row : field_rollup(inspection)) rolled += row.problems;
    CIVITAS_FUZZ_CHECK(rolled == counted, "the roll-up counts " + std::to_string(rolled) + " problems, the inspection has " +
                                              std::to_string(counted));

    // Every unit under one parent: each problem counts for its unit and for the parent, once
    // (a unit named like the parent is the parent).
    const std::string parent = "fuzz-parent";
    std::map<std::string, std::string> parents;
    std::map<std::string, std::string> unit_of_site;
    for (const InspectionSite& site : inspection.sites) {
        if (site.unit != parent) parents.emplace(site.unit, parent);
        unit_of_site.emplace(site.id, site.unit);
    }
    long long expected = 0;
    for (const InspectionProblem& problem : inspection.problems) expected += unit_of_site[problem.site] == parent ? problem.count : 2LL * problem.count;
    const auto with_parent = field_rollup(inspection, parents);
    long long rolled_up = 0;
    for (const FieldRollup& row : with_parent) rolled_up += row.problems;
    CIVITAS_FUZZ_CHECK(rolled_up == expected, "with a parent, the roll-up counts " + std::to_string(rolled_up) + " problems, not " +
                                                  std::to_string(expected));
    CIVITAS_FUZZ_CHECK(field_observations(inspection, parents).size() == with_parent.size(),
                       "field_observations has not one observation per roll-up row");
}
