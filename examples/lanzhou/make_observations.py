"""Write examples/lanzhou/observations.csv: a SYNTHETIC observation history for the example campaign.

THE DATA THIS SCRIPT WRITES IS SYNTHETIC (示例数据，合成). It is invented for trying civitas on the
Lanzhou example and is no record of any real measurement. Only a few end points come from the
seed document (see DOMAIN.md): the city's garden-city gap on 2025-12-31 (68 of 75 indicators met;
built-up green coverage 31.44 %, 4.56 points short of 36; green-space ratio 28.63 %, 2.37 points
short of 31; park service radius, shaded parking, household heat metering, domestic-waste harmless
treatment and shaded roads below their lines), the environmental model city's count (26 items,
17 met, the 9 the seed names not met), and the historic city's missing second historic district. Everything else (the other
values, the district figures, the slopes, the survey samples, the corrections) is made up.

Every indicator of each title's framework, for the city, its four districts and the county 榆中县 (written
last, from the city's values), quarterly from
2024-03-31 to 2025-12-31 (8 points). Each series is its value on 2025-12-31 minus a per-quarter
slope times the quarters left, plus a little seeded noise (none on the last point), kept inside
the indicator's bounds and rounded. Districts differ: 西固区 (xigu) lags, 安宁区 (anning) leads.
Two rows are corrections (the same unit, indicator and date, recorded later).

The data also shows the framework's unit rules (see docs/tracking.md): xigu's park green space per
person (6.4) is below the city's line 8.0 but above the district line 5.5 (subunit_pass); xigu's
PM2.5 (35.2) misses 35 but has fallen every quarter (met_by level_or_trend); heat-island intensity
is given once a year from 2018, and xigu's 2.37 in 2025 is above its 2020-2024 mean
(history_average); xigu's greening satisfaction, 81.2 % of 400 respondents, meets 80 % with a
probability of only 0.70 (a survey in doubt). The 16 city-wide items (scope top_unit) still get
district rows, as a district's own report; readiness leaves them out.

Deterministic: run `python examples/lanzhou/make_observations.py` from anywhere; it reads the
synthetic garden-city snapshot examples/scoring/lanzhou-garden-city.csv (also invented) for the
garden-city end values and writes the CSV next to this script.
"""

import csv
import datetime
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = HERE / "observations.csv"
SOURCE = "示例数据（合成）"  # "example data (synthetic)"; every row carries it

rng = random.Random(20251231)  # fixed seed: the file is the same on every run

DATES = [datetime.date(2024, 3, 31), datetime.date(2024, 6, 30), datetime.date(2024, 9, 30), datetime.date(2024, 12, 31),
         datetime.date(2025, 3, 31), datetime.date(2025, 6, 30), datetime.date(2025, 9, 30), datetime.date(2025, 12, 31)]
UNITS = ["lanzhou", "chengguan", "qilihe", "xigu", "anning"]
NAMES = {"兰州市": "lanzhou", "城关区": "chengguan", "七里河区": "qilihe", "西固区": "xigu", "安宁区": "anning"}
# How fast each district closes a gap, relative to the city's pace: anning leads, xigu lags.
PACE = {"lanzhou": 1.0, "chengguan": 1.1, "qilihe": 0.85, "xigu": 0.45, "anning": 1.35}


def load_framework(name):
    """Indicators of a framework file as {id: indicator dict}, in file order."""
    import json

    data = json.loads((ROOT / "data" / "frameworks" / f"{name}.json").read_text(encoding="utf-8"))
    out = {}

    def walk(node):
        for category in node.get("categories", []):
            walk(category)
        for indicator in node.get("indicators", []):
            out[indicator["id"]] = indicator

    walk(data)
    return out


def decimals(indicator, end):
    """Digits to round to: whole numbers for yes/no, counts and days, else by magnitude."""
    if indicator["id"] in ("built_up_green_coverage", "built_up_green_space_ratio"):
        return 2  # as the seed gives them (31.44, 28.63)
    if indicator.get("direction") in ("yes_no", "problem_count") or indicator.get("unit") in ("处", "个", "天"):
        return 0
    if abs(end) >= 1000:
        return 0
    if abs(end) < 1.5:
        return 3
    if abs(end) < 5:
        return 2
    return 1


def series(indicator, end, slope, noise=None, steps=None):
    """Eight quarterly values ending on `end`: end - slope * quarters_left + noise, bounded, rounded.

    `steps` gives the series outright (yes/no switches, counts). `noise` defaults to a third of the
    slope (so a steady improvement stays visible in the trend), at least a small floor."""
    if steps is not None:
        return list(steps)
    digits = decimals(indicator, end)
    if noise is None:
        noise = max(abs(slope) / 3, 10 ** -digits / 2 if digits else 0)
    low, high = indicator.get("bounds") or [None, None]
    values = []
    for q in range(8):
        v = end - slope * (7 - q) + (rng.gauss(0, noise) if q < 7 else 0.0)
        if low is not None:
            v = max(v, low)
        if high is not None:
            v = min(v, high)
        values.append(round(v, digits) if digits else int(round(v)))
    return values


def good_sign(indicator):
    """+1 when a higher value is better, -1 when lower is better, 0 for ranges and yes/no."""
    direction = indicator.get("direction", "higher")
    return {"higher": 1, "lower": -1, "problem_count": -1}.get(direction, 0)


rows = []  # (unit, indicator, date, value, mode, sample_size, recorded)
# Survey samples fixed by hand (the random draw is still made, so the other rows stay as they were).
SMALL_SAMPLES = {("xigu", "public_satisfaction_greening"): 400}
# Heat-island intensity (℃), one value a year (history_average compares the latest year with the
# mean of the previous five): falling everywhere but in xigu, whose 2.37 in 2025 is below the line
# 2.5 yet above its 2020-2024 mean of 2.274, so it is not met.
YEARS = [datetime.date(year, 12, 31) for year in range(2018, 2026)]  # eight points, as the quarterly series
HEAT_ISLAND = {
    "lanzhou": [2.66, 2.6, 2.55, 2.5, 2.45, 2.4, 2.35, 2.3],
    "chengguan": [2.55, 2.5, 2.46, 2.4, 2.35, 2.31, 2.26, 2.2],
    "qilihe": [2.67, 2.62, 2.58, 2.52, 2.48, 2.44, 2.39, 2.35],
    "xigu": [2.21, 2.2, 2.22, 2.25, 2.27, 2.3, 2.33, 2.37],
    "anning": [2.5, 2.45, 2.41, 2.37, 2.33, 2.29, 2.25, 2.21],
}


def emit(unit, indicator, values, lag_days=20, dates=DATES):
    """Rows of one series: mode from the framework, a sample size for questionnaires, recorded = date + lag."""
    mode = indicator.get("mode", "")
    for date, value in zip(dates, values):
        sample = ""
        if mode == "questionnaire":
            sample = rng.randrange(400, 1201, 50)  # respondents; the city's own survey is the larger one
            if unit == "lanzhou":
                sample = rng.randrange(1000, 1201, 50)
            sample = SMALL_SAMPLES.get((unit, indicator["id"]), sample)
        recorded = date + datetime.timedelta(days=lag_days if mode != "questionnaire" else 12)
        rows.append((unit, indicator["id"], date, value, mode, sample, recorded))


# --- National Garden City: lanzhou-illustrative (75 indicators) -----------------------------------
garden = load_framework("lanzhou-illustrative")
snapshot = {}
with open(ROOT / "examples" / "scoring" / "lanzhou-garden-city.csv", encoding="utf-8") as f:
    for record in csv.DictReader(f):
        if record["unit"] in NAMES:
            snapshot[NAMES[record["unit"]]] = record

# The seven shortfalls of the seed (city value on 2025-12-31, the city's gain per quarter). With the
# trend continued to the inspection (2026-10-30), park radius, shaded parking and waste treatment
# reach their lines; green coverage, green-space ratio, heat metering and shaded roads do not.
SHORTFALLS = {
    "built_up_green_coverage": (31.44, 0.55),        # 4.56 short of 36: 1,000 ha of green space missing
    "built_up_green_space_ratio": (28.63, 0.45),     # 2.37 short of 31
    "park_service_radius_coverage": (64.2, 2.1),     # < 70; on track
    "shaded_parking_rate": (41.7, 6.5),              # 180 public lots to be greened; on track
    "household_heat_metering_ratio": (22.5, 2.4),    # < 35; not on track
    "domestic_waste_harmless_treatment_rate": (78.4, 2.3),  # < 85; on track
    "shaded_road_rate": (58.3, 1.6),                 # < 70; not on track
}
# District end values of the shortfalls: relative to the city's, xigu below, anning above.
DISTRICT_GAP = {"chengguan": 0.6, "qilihe": -0.4, "xigu": -1.8, "anning": 1.2}
# New theme gardens (>= 5,000 m²) built so far, cumulative: the districts' shares of the city's 11
# (城关 5, 七里河 2, 西固 2, 安宁 2); xigu finishes last. A district's own count is below the
# framework's city-level line of 11, so no district meets that item.
THEME_GARDENS = {
    "chengguan": [0, 0, 1, 1, 2, 3, 4, 5],
    "qilihe": [0, 0, 0, 1, 1, 1, 2, 2],
    "xigu": [0, 0, 0, 0, 0, 1, 1, 2],
    "anning": [0, 1, 1, 1, 2, 2, 2, 2],
}
THEME_GARDENS["lanzhou"] = [sum(v[q] for v in THEME_GARDENS.values()) for q in range(8)]
# Problem counts found on inspection, quarter by quarter (the last one counts).
PROBLEMS = {
    "street_cleanliness_problems": {"lanzhou": [6, 5, 5, 4, 4, 3, 3, 2], "chengguan": [5, 4, 3, 3, 2, 2, 1, 1],
                                    "qilihe": [6, 5, 5, 4, 3, 3, 3, 2], "xigu": [8, 7, 7, 6, 6, 5, 4, 4],
                                    "anning": [4, 3, 3, 2, 2, 1, 1, 1]},
    "construction_dust_problems": {"lanzhou": [4, 4, 3, 3, 2, 2, 1, 1], "chengguan": [5, 4, 4, 3, 3, 2, 2, 2],
                                   "qilihe": [3, 3, 2, 2, 2, 1, 1, 1], "xigu": [5, 5, 4, 4, 3, 3, 2, 2],
                                   "anning": [2, 2, 1, 1, 1, 0, 0, 0]},
    "waterlogging_points": {"lanzhou": [3, 3, 2, 2, 1, 1, 0, 0], "chengguan": [1, 1, 1, 0, 0, 0, 0, 0],
                            "qilihe": [1, 1, 0, 0, 0, 0, 0, 0], "xigu": [2, 2, 2, 2, 1, 1, 1, 1],
                            "anning": [0, 0, 0, 0, 0, 0, 0, 0]},
    "black_odorous_water_bodies": {"lanzhou": [2, 2, 1, 1, 1, 0, 0, 0], "chengguan": [0] * 8,
                                   "qilihe": [1, 1, 1, 0, 0, 0, 0, 0], "xigu": [1, 1, 1, 1, 1, 0, 0, 0],
                                   "anning": [0] * 8},
    "green_space_encroachments": {"lanzhou": [3, 2, 2, 1, 1, 0, 0, 0], "chengguan": [1, 1, 0, 0, 0, 0, 0, 0],
                                  "qilihe": [1, 1, 1, 0, 0, 0, 0, 0], "xigu": [2, 2, 1, 1, 1, 1, 0, 0],
                                  "anning": [0] * 8},
    "illegal_construction_new": {"lanzhou": [4, 3, 2, 2, 1, 1, 0, 0], "chengguan": [2, 1, 1, 1, 0, 0, 0, 0],
                                 "qilihe": [1, 1, 1, 0, 0, 0, 0, 0], "xigu": [3, 2, 2, 2, 1, 1, 1, 0],
                                 "anning": [1, 0, 0, 0, 0, 0, 0, 0]},
}
# Fixes of the (synthetic) snapshot for the districts, so that xigu lags and anning leads. xigu's
# park green space per person (6.4) is below the city's line 8.0 but above the district line 5.5
# (subunit_pass), and its greening satisfaction (81.2 % of a small sample of 400, below) meets 80 %
# with a probability of only about 0.70, under the 0.8 readiness asks for.
OVERRIDES = {
    "xigu": {"water_supply_compliance": 100, "shantytown_renovation_rate": 81.5, "minimum_living_allowance_coverage": 100,
             "affordable_housing_completion": 100, "park_green_space_per_capita": 6.4, "public_satisfaction_greening": 81.2},
    "qilihe": {"water_supply_compliance": 100, "minimum_living_allowance_coverage": 100, "affordable_housing_completion": 100},
}

for unit in UNITS:
    snap = snapshot[unit]
    for iid, ind in garden.items():
        direction = ind.get("direction", "higher")
        if iid == "theme_gardens_new":
            values = THEME_GARDENS[unit]
        elif iid in PROBLEMS:
            values = PROBLEMS[iid][unit]
        elif direction == "yes_no":
            # Met throughout, except a plan or system adopted during the campaign (switches 0 -> 1).
            late = {"night_lighting_plan": 2, "urban_design_guidelines": 3, "public_building_energy_monitoring": 4}
            start = late.get(iid, 0) + (1 if unit == "xigu" and iid in late else 0) - (1 if unit == "anning" and iid in late else 0)
            values = [0 if q < start else 1 for q in range(8)]
        elif iid in SHORTFALLS:
            end, gain = SHORTFALLS[iid]
            if unit != "lanzhou":
                end += DISTRICT_GAP[unit] * (3 if gain > 1.5 else 1)
            values = series(ind, end, gain * PACE[unit])
        else:
            end = float(OVERRIDES.get(unit, {}).get(iid, snap[iid]))
            pass_line = ind.get("pass")
            sign = good_sign(ind)
            # A steady, small improvement towards (and past) the line: 0.4 % of the value a quarter.
            slope = sign * max(abs(end) * 0.004, 10 ** -decimals(ind, end))
            if direction == "range":
                slope = 0.05
            values = series(ind, end, slope)
            if pass_line is not None and not isinstance(pass_line, list):
                # A value at a bound line (100 %) is kept at it once reached.
                high = (ind.get("bounds") or [None, None])[1]
                if high is not None and end >= high:
                    values = [min(v, high) for v in values]
            if iid == "heat_island_intensity":  # drawn above to keep the random stream; yearly instead
                emit(unit, ind, HEAT_ISLAND[unit], dates=YEARS)
                continue
        emit(unit, ind, values)

# --- National Civilized City: civilized-city-annual-2018 (3 scored modes, pass at 80 of 100) -----
# Points of the annual assessment's three modes (document review /40, field inspection /40,
# questionnaire /20), as the office's own mock assessments put them each quarter.
civilized = load_framework("civilized-city-annual-2018")
CIVILIZED = {  # unit: (end points per mode, gain per quarter per mode)
    "lanzhou": ((33.6, 29.8, 15.9), (0.35, 0.55, 0.15)),   # 79.3: short now, on track for 2026-09-30
    "chengguan": ((35.1, 32.4, 16.6), (0.3, 0.5, 0.1)),    # passes
    "qilihe": ((33.0, 29.1, 15.7), (0.3, 0.5, 0.15)),      # short now, on track
    "xigu": ((31.2, 27.0, 14.8), (0.2, 0.15, 0.05)),       # short and stalling
    "anning": ((36.0, 33.5, 17.2), (0.3, 0.4, 0.1)),       # leads
}
for unit in UNITS:
    ends, gains = CIVILIZED[unit]
    for (iid, ind), end, gain in zip(civilized.items(), ends, gains):
        emit(unit, ind, series(ind, end, gain, noise=gain / 4))

# --- National Environmental Protection Model City: lanzhou-environmental-illustrative (26 items) -----
# The seed's count: 26 indicators, 17 met, 9 not met (城市环境综合整治定量考核, 城区空气主要污染物, 空气优良
#天数, 建成区绿化覆盖率, 城市清洁能源使用率, 生活垃圾无害化处理率, 环境保护机构, 公众对城市环境保护的满意率,
# 中小学环境教育普及率). The city's values below give exactly that on 2025-12-31; the numbers themselves are
# invented. Green coverage and waste treatment are the garden city's observations (same ids), not
# written twice. City-wide items (scope top_unit) are written for the city only.
environmental = load_framework("lanzhou-environmental-illustrative")
ENV_CITY_ONLY = {  # top_unit items: the city's values, the same every quarter
    "top_in_province_assessment": 0,      # not met (the seed): not among the province's top three years running
    "no_major_pollution_accident": 1,
    "environmental_investment_index": None,  # a series, below
    "growth_and_gdp_per_capita": 1,       # both halves hold
    "family_planning_completion": 100,
    "industrial_energy_intensity_below_national": 1,
    "water_use_per_gdp_below_national": 1,
    "pollutant_intensity_below_national": 1,
    "environmental_responsibility_system": 1,
    "eia_execution_rate": 100,
    "environmental_protection_agency": 0,  # not met (the seed): no independent agency yet
}
ENV = {  # indicator: {unit: (end, gain per quarter)}
    "environmental_investment_index": {"lanzhou": (2.1, 0.04)},
    "api_good_days_share": {"lanzhou": (80.5, 0.5), "chengguan": (82.9, 0.55), "qilihe": (81.0, 0.4),
                            "xigu": (76.8, 0.2), "anning": (86.2, 0.45)},
    "drinking_water_source_compliance": {"lanzhou": (100, 0.2), "chengguan": (100, 0.2), "qilihe": (100, 0.2),
                                         "xigu": (98.5, 0.3), "anning": (100, 0.1)},
    "water_function_zone_compliance": {"lanzhou": (100, 0.5), "chengguan": (100, 0.5), "qilihe": (100, 0.5),
                                       "xigu": (96.5, 0.3), "anning": (100, 0.4)},
    "area_noise": {"lanzhou": (54.6, -0.1), "chengguan": (55.8, -0.1), "qilihe": (54.9, -0.1),
                   "xigu": (56.7, -0.05), "anning": (53.2, -0.1)},
    "traffic_noise": {"lanzhou": (68.4, -0.1), "chengguan": (69.2, -0.12), "qilihe": (68.1, -0.1),
                      "xigu": (70.6, -0.05), "anning": (67.0, -0.1)},
    "protected_area_share": {"lanzhou": (12.3, 0.1), "chengguan": (10.8, 0.1), "qilihe": (13.5, 0.1),
                             "xigu": (9.2, 0.05), "anning": (14.1, 0.1)},
    # Met by the city (the seed does not name it among the 9): the main urban area's plants; the four
    # county plants of the plan raise it further.
    "sewage_centralised_treatment_rate": {"lanzhou": (85.6, 0.4), "chengguan": (91.2, 0.3), "qilihe": (88.4, 0.4),
                                          "xigu": (83.9, 0.3), "anning": (90.1, 0.4)},
    "clean_energy_use_rate": {"lanzhou": (41.5, 1.2), "chengguan": (46.3, 1.3), "qilihe": (40.2, 1.1),
                              "xigu": (33.8, 0.8), "anning": (47.9, 1.4)},  # < 50 (the seed's line)
    "industrial_solid_waste_utilisation": {"lanzhou": (88.0, 0.5), "chengguan": (90.5, 0.4), "qilihe": (87.1, 0.5),
                                           "xigu": (81.3, 0.4), "anning": (91.0, 0.4)},
    "vehicle_emission_inspection_rate": {"lanzhou": (86.0, 0.6), "chengguan": (88.2, 0.6), "qilihe": (85.4, 0.5),
                                         "xigu": (82.7, 0.4), "anning": (89.5, 0.6)},
    "public_satisfaction_environment": {"lanzhou": (74.2, 0.8), "chengguan": (76.8, 0.8), "qilihe": (73.5, 0.7),
                                        "xigu": (68.9, 0.5), "anning": (79.1, 0.9)},  # < 80
    "school_environmental_education_rate": {"lanzhou": (71.0, 2.0), "chengguan": (76.0, 2.2), "qilihe": (70.5, 1.8),
                                            "xigu": (62.0, 1.5), "anning": (78.5, 2.1)},  # < 85 (the seed's line)
}
AIR_GRADE_II = {"lanzhou": 0, "chengguan": 0, "qilihe": 0, "xigu": 0, "anning": 1}  # the seed: not met in the city
emitted = {row[1] for row in rows}  # indicators already written (the garden city's)
for unit in UNITS:
    for iid, ind in environmental.items():
        if iid in emitted:
            continue
        if iid in ENV_CITY_ONLY and unit != "lanzhou":
            continue
        if iid == "air_major_pollutants_grade_ii":
            values = [AIR_GRADE_II[unit]] * 8
        elif iid in ENV:
            end, gain = ENV[iid][unit]
            values = series(ind, end, gain)
        else:
            values = [ENV_CITY_ONLY[iid]] * 8
        emit(unit, ind, values)

# --- National Sanitary City: sanitary-city-2021 (14 of rows 33-56) -------------------------------
# Met but for two (the plan's pest-control project starts in 2026): rats, mosquitoes, flies and
# cockroaches not all at grade C yet, and fly- and rat-proofing of key trades at 91.5 % (< 95). Infant
# mortality (5.9 ‰, above 5.6) and life expectancy (77.9, below 78.3) miss their levels but move the
# right way every year, so they are met by the trend ("5.6‰ or falling", met_by level_or_trend).
# Yearly figures (mortality, life expectancy) are given once a year, the others quarterly.
sanitary = load_framework("sanitary-city-2021")
SANITARY_YEARLY = {  # indicator: city values 2018..2025 (eight years); districts shifted below
    "infant_mortality": [7.4, 7.1, 6.8, 6.6, 6.4, 6.2, 6.0, 5.9],
    "under5_mortality": [8.9, 8.6, 8.3, 8.0, 7.8, 7.6, 7.4, 7.2],
    "maternal_mortality": [21.5, 20.8, 19.9, 19.2, 18.4, 17.6, 16.9, 16.3],
    "life_expectancy": [76.1, 76.4, 76.7, 77.0, 77.3, 77.5, 77.7, 77.9],
    "personal_health_spending_share": [29.8, 29.1, 28.4, 27.6, 26.9, 26.1, 25.4, 24.7],
}
SANITARY_SHIFT = {"lanzhou": 0.0, "chengguan": -0.02, "qilihe": 0.01, "xigu": 0.04, "anning": -0.03}  # share of the value
SANITARY = {  # indicator: (city end, gain per quarter); districts as the city, xigu a little lower
    "occupational_hazard_declaration_rate": (93.5, 0.6),
    "food_business_risk_grading_rate": (94.2, 0.5),
    "immunisation_rate_per_street": (95.8, 0.2),
    "child_health_records_rate": (96.4, 0.3),
    "under3_systematic_management_rate": (92.7, 0.4),
    "child_eye_check_coverage": (91.8, 0.5),
    "severe_mental_disorder_management_rate": (88.6, 0.5),
    "key_trades_fly_rat_proofing_rate": (91.5, 0.6),  # < 95: not met
}
SANITARY_DISTRICT = {"lanzhou": 0.0, "chengguan": 0.6, "qilihe": -0.3, "xigu": -2.4, "anning": 1.1}
for unit in UNITS:
    for iid, ind in sanitary.items():
        if iid in SANITARY_YEARLY:
            digits = 1 if iid != "infant_mortality" else 1
            values = [round(v * (1 + SANITARY_SHIFT[unit] * (1 if ind["direction"] == "lower" else -0.1)), digits)
                      for v in SANITARY_YEARLY[iid]]
            emit(unit, ind, values, lag_days=90, dates=YEARS)
        elif iid == "vector_density_grade_c":
            emit(unit, ind, [0] * 8 if unit != "anning" else [0, 0, 0, 0, 1, 1, 1, 1])
        else:
            end, gain = SANITARY[iid]
            end = min(end + SANITARY_DISTRICT[unit], 100.0)
            emit(unit, ind, series(ind, end, gain))

# --- National Historical and Cultural City: historic-cultural-city-2017 (5 conditions) -----------
# The first four conditions are met; the fifth (at least two historic districts) is not: of the two
# districts being restored, 七里河区's 金天观 counts from 2025 Q2 (after its first phase), 西固区's
# 河口村 not yet. The conditions are the city's; a district's row says what lies within it.
historic = load_framework("historic-cultural-city-2017")
HISTORIC_YES = {"chengguan": 1, "qilihe": 1, "xigu": 0, "anning": 0}
for unit in UNITS:
    for iid, ind in historic.items():
        if iid == "historic_districts":
            values = [0, 0, 0, 0, 0, 1, 1, 1] if unit in ("lanzhou", "qilihe") else [0] * 8
        elif unit == "lanzhou" or iid in ("historical_significance", "relics_exceptionally_rich"):
            values = [1] * 8 if unit == "lanzhou" or unit != "anning" else [0] * 8
        else:
            values = [HISTORIC_YES[unit]] * 8
        emit(unit, ind, values, lag_days=30)

# --- The county, 榆中县 (yuzhong): every title, after the rest ------------------------------------
# Written last, so that the rows above (and their random draws) are as they were without it. The
# county is assessed as the districts are, on the items that are not city-wide; its values are the
# city's latest, a little behind (a county further from the centre), on the same paces. The school
# (chengguan_school) has no observations: the example tracks it by its sub-plan only.
def city_latest(iid):
    values = [(row[2], row[3]) for row in rows if row[0] == "lanzhou" and row[1] == iid]
    return max(values)[1] if values else None


COUNTY_CIVILIZED = ((32.4, 28.6, 15.1), (0.3, 0.45, 0.12))  # 76.1: short now, on course by the inspection
for framework_id in ("lanzhou-illustrative", "civilized-city-annual-2018", "lanzhou-environmental-illustrative",
                     "sanitary-city-2021", "historic-cultural-city-2017"):
    for position, (iid, ind) in enumerate(load_framework(framework_id).items()):
        if ind.get("scope") == "top_unit":
            continue  # city-wide: not assessed for the county
        direction = ind.get("direction", "higher")
        if framework_id == "civilized-city-annual-2018":
            ends, gains = COUNTY_CIVILIZED
            emit("yuzhong", ind, series(ind, ends[position], gains[position], noise=gains[position] / 4))
            continue
        end = city_latest(iid)
        if iid == "heat_island_intensity":
            emit("yuzhong", ind, [round(v - 0.15, 2) for v in HEAT_ISLAND["lanzhou"]], dates=YEARS)
            continue
        if framework_id == "sanitary-city-2021" and iid in SANITARY_YEARLY:
            values = [round(v * (1.03 if direction == "lower" else 0.995), 1) for v in SANITARY_YEARLY[iid]]
            emit("yuzhong", ind, values, lag_days=90, dates=YEARS)
            continue
        if direction == "yes_no":
            values = [int(end)] * 8
        elif direction == "problem_count" or iid == "theme_gardens_new":
            values = [int(end) + 1] * 8 if direction == "problem_count" else [0] * 8
        elif direction == "range":
            values = series(ind, end, 0.05)
        else:
            sign = good_sign(ind)
            behind = end * (1 - 0.03 * sign)  # 3 % on the worse side
            low, high = ind.get("bounds") or [None, None]
            if high is not None:
                behind = min(behind, high)
            if iid == "park_green_space_per_capita":
                behind = 6.1  # above the district line 5.5 (subunit_pass): the city's figure stands
            slope = sign * max(abs(behind) * 0.004, 10 ** -decimals(ind, behind))
            values = series(ind, behind, slope)
        emit("yuzhong", ind, values)

# --- Two corrections: the same unit, indicator and date, recorded later ---------------------------
def correct(unit, iid, date, delta, recorded):
    for row in rows:
        if row[0] == unit and row[1] == iid and row[2] == date:
            value = round(row[3] + delta, 2)
            rows.append((unit, iid, date, value, row[4], row[5], recorded))
            return
    raise KeyError((unit, iid, date))


# The landscaping bureau revised the city's green coverage after a remote-sensing survey.
correct("lanzhou", "built_up_green_coverage", datetime.date(2025, 9, 30), -0.18, datetime.date(2025, 11, 20))
# A re-weighted count of xigu's 2025 Q2 greening survey.
correct("xigu", "public_satisfaction_greening", datetime.date(2025, 6, 30), -1.1, datetime.date(2025, 8, 25))

with open(OUT, "w", encoding="utf-8", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["unit", "indicator", "date", "value", "source", "mode", "sample_size", "recorded"])
    for unit, iid, date, value, mode, sample, recorded in rows:
        writer.writerow([unit, iid, date.isoformat(), value, SOURCE, mode, sample, recorded.isoformat()])
print(f"{OUT.relative_to(ROOT)}: {len(rows)} rows (synthetic)")
