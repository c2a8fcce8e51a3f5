"""The bundled frameworks, the format examples and the example data against the JSON Schema.

Pure data checks: no civitas import, so they run without building anything
(`python3 -m pytest tests/python/test_bundled_data.py -q`; needs jsonschema and pytest).
"""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

import civitas
import jsonschema
import pandas as pd
import pytest
from referencing import Registry, Resource

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "data" / "schema" / "framework.schema.json"
FRAMEWORKS = sorted((ROOT / "data" / "frameworks").glob("*.json"))
ROUND_SCHEMES = sorted((ROOT / "data" / "round-schemes").glob("*.json"))
FORMAT_EXAMPLES = sorted((ROOT / "tests" / "data" / "format-examples").glob("*.json"))
EXAMPLE_CSV = ROOT / "examples" / "scoring" / "lanzhou-garden-city.csv"

BUNDLED_IDS = {
    "civilized-city-annual-2018",
    "garden-city-2010",
    "historic-cultural-city-2017",
    "environmental-model-city-2006",
    "lanzhou-illustrative",
    "lanzhou-environmental-illustrative",
    "sanitary-city-2021",
}
RELIABILITY = {"verified", "secondary", "unverified", "illustrative"}
LANZHOU_NOT_MET = {
    "built_up_green_coverage",
    "built_up_green_space_ratio",
    "park_service_radius_coverage",
    "shaded_parking_rate",
    "household_heat_metering_ratio",
    "domestic_waste_harmless_treatment_rate",
    "shaded_road_rate",
}
DISTRICTS = ["城关区", "七里河区", "西固区", "安宁区", "红古区"]


def load(path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = load(SCHEMA_PATH)
    jsonschema.Draft202012Validator.check_schema(schema)
    # A framework's round scheme is described by round-scheme.schema.json, found by its $id.
    registry = Registry().with_resources(
        (other["$id"], Resource.from_contents(other)) for other in map(load, sorted(SCHEMA_PATH.parent.glob("*.schema.json")))
    )
    return jsonschema.Draft202012Validator(schema, registry=registry)


def schema_errors(validator: jsonschema.Draft202012Validator, document: dict) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(document)]


def walk(node: dict, depth: int = 0):
    """Yields ("indicator" | "category", dict, depth) depth first, indicators before subcategories."""
    for indicator in node.get("indicators", []):
        yield "indicator", indicator, depth
    for category in node.get("categories", []):
        yield "category", category, depth + 1
        yield from walk(category, depth + 1)


def indicators(framework: dict) -> list[dict]:
    return [item for kind, item, _ in walk(framework) if kind == "indicator"]


def points_of(node: dict) -> float:
    """Points of a category under points weighting: the sum of its children's."""
    return sum(i["weight"] for i in node.get("indicators", [])) + sum(points_of(c) for c in node.get("categories", []))


def is_met(indicator: dict, value: float) -> bool:
    """docs/scoring.md, "met when", for units without a class."""
    direction = indicator.get("direction", "higher")
    line = indicator.get("pass")
    if direction == "yes_no":
        return value == 1
    if direction == "higher":
        return value >= line
    if direction == "lower":
        return value <= line
    if direction == "range":
        return line[0] <= value <= line[1]
    return value <= (0 if line is None else line)  # problem_count


def in_bounds(indicator: dict, value: float) -> bool:
    low, high = indicator.get("bounds", [None, None])
    return (low is None or value >= low) and (high is None or value <= high)


# ---- the schema itself --------------------------------------------------------------------


def test_schema_is_valid_draft_2020_12(validator):
    assert load(SCHEMA_PATH)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_bundled_framework_is_there():
    assert {p.stem for p in FRAMEWORKS} == BUNDLED_IDS


def test_every_format_example_has_its_values():
    assert FORMAT_EXAMPLES, "tests/data/format-examples/ is empty"
    for path in FORMAT_EXAMPLES:
        assert path.with_suffix(".csv").is_file(), f"{path.name} has no CSV of values"


# ---- every framework file: bundled and format examples ------------------------------------


@pytest.mark.parametrize("path", FRAMEWORKS + FORMAT_EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_file_is_valid_against_the_schema(validator, path):
    assert schema_errors(validator, load(path)) == []


@pytest.mark.parametrize("path", FRAMEWORKS + FORMAT_EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_file_name_is_the_id_and_ids_are_unique(path):
    framework = load(path)
    assert framework["id"] == path.stem
    ids = [framework["id"]] + [item["id"] for _, item, _ in walk(framework)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == [], f"duplicate ids in {path.name}: {duplicates}"
    assert indicators(framework), "no indicators"


@pytest.mark.parametrize("path", FRAMEWORKS + FORMAT_EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_points_add_up_to_the_scale(path):
    framework = load(path)
    if framework.get("weighting", "relative") != "points":
        return
    assert points_of(framework) == pytest.approx(framework.get("scale", 100))
    for kind, item, _ in walk(framework):
        if kind == "category" and "weight" in item:
            assert item["weight"] == pytest.approx(points_of(item)), item["id"]


def test_a_framework_is_found_by_path_or_by_bundled_id(tmp_path, monkeypatch):
    import civitas

    by_id = civitas.load_framework_or_bundled("garden-city-2010")
    assert by_id == civitas.load_framework(ROOT / "data" / "frameworks" / "garden-city-2010.json")
    # A file of that name in the working folder is taken first; a name with a folder is always a path.
    monkeypatch.chdir(tmp_path)
    lanzhou = (ROOT / "data" / "frameworks" / "lanzhou-illustrative.json").read_text(encoding="utf-8")
    (tmp_path / "garden-city-2010").write_text(lanzhou, encoding="utf-8")
    assert civitas.load_framework_or_bundled("garden-city-2010").id == "lanzhou-illustrative"
    with pytest.raises(civitas.NotFoundError, match="garden-city-2061.*garden-city-2010"):
        civitas.load_framework_or_bundled("garden-city-2061")
    with pytest.raises(civitas.ParseError, match="cannot open"):
        civitas.load_framework_or_bundled("frameworks/garden-city-2010.json")


@pytest.mark.parametrize("path", FORMAT_EXAMPLES, ids=lambda p: p.name)
def test_format_example_values_name_its_indicators(path):
    framework = load(path)
    ids = {i["id"] for i in indicators(framework)}
    with path.with_suffix(".csv").open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert header[0] == "unit"
    assert set(header[1:]) - {"class"} <= ids


# ---- reliability and provenance of the bundled frameworks ---------------------------------


@pytest.mark.parametrize("path", FRAMEWORKS, ids=lambda p: p.name)
def test_bundled_framework_carries_provenance(path):
    framework = load(path)
    assert framework.get("format") == "civitas-framework/1"
    assert framework["reliability"] in RELIABILITY
    for key in ("name", "edition", "issuer", "source", "notes"):
        assert isinstance(framework.get(key), str) and framework[key].strip(), f"{path.name}: empty {key}"
    for _, item, _ in walk(framework):
        if "reliability" in item:
            assert item["reliability"] in RELIABILITY


def test_reliability_tags_of_the_bundled_frameworks():
    tags = {p.stem: load(p)["reliability"] for p in FRAMEWORKS}
    assert tags == {
        "civilized-city-annual-2018": "verified",
        "garden-city-2010": "secondary",
        "historic-cultural-city-2017": "verified",
        "environmental-model-city-2006": "verified",
        "lanzhou-illustrative": "illustrative",
        "lanzhou-environmental-illustrative": "illustrative",
        "sanitary-city-2021": "secondary",
    }


def test_only_the_illustrative_framework_is_illustrative():
    for path in FRAMEWORKS:
        framework = load(path)
        illustrative = framework["reliability"] == "illustrative"
        assert illustrative == ("illustrative" in framework["id"]), path.name
        if illustrative:
            assert "示例" in framework["name"] or "illustrative" in framework["name"].lower()
            assert "ILLUSTRATIVE" in framework["notes"]


def test_civilized_city_modes_add_up_to_100():
    framework = load(ROOT / "data" / "frameworks" / "civilized-city-annual-2018.json")
    weights = {i["id"]: i["weight"] for i in indicators(framework)}
    assert weights == {"document_review": 40, "field_inspection": 40, "questionnaire": 20}
    assert framework["pass_rules"] == [{"rule": "min_total", "value": 80}]
    for text in ("15%", "25%", "60%", "70"):
        assert text in framework["notes"]


def test_civilized_city_names_its_round_scheme():
    """The framework scores one year's test; the scheme it names scores the rounds of its titles:
    a part for each of its indicators, worth the indicator's points (docs/sources.md#national-civilized-city)."""
    framework = load(ROOT / "data" / "frameworks" / "civilized-city-annual-2018.json")
    assert framework["round_scheme"] == "civilized-city-2018"
    scheme = load(ROOT / "data" / "round-schemes" / "civilized-city-2018.json")
    assert scheme["id"] == "civilized-city-2018"
    assert {p["id"]: p["full_points"] for p in scheme["parts"]} == {i["id"]: i["weight"] for i in indicators(framework)}
    assert scheme["year_weights"] == [0.15, 0.25, 0.6]
    assert [(c.get("below"), c.get("flag")) for c in scheme["consequences"]] == [(80, None), (70, None), (None, "falsified_materials")]


def test_frameworks_name_bundled_round_schemes():
    schemes = {p.stem for p in ROUND_SCHEMES}
    named = {load(p)["round_scheme"] for p in FRAMEWORKS if isinstance(load(p).get("round_scheme"), str)}
    assert named <= schemes
    assert schemes == {"civilized-city-2018"}


def test_historic_city_has_five_basic_conditions():
    framework = load(ROOT / "data" / "frameworks" / "historic-cultural-city-2017.json")
    items = indicators(framework)
    assert len(items) == 5
    assert all(i.get("kind") == "basic" for i in items)
    districts = next(i for i in items if i["id"] == "historic_districts")
    assert districts["pass"] == 2 and districts.get("direction", "higher") == "higher"


def test_garden_city_park_line_depends_on_class():
    framework = load(ROOT / "data" / "frameworks" / "garden-city-2010.json")
    park = next(i for i in indicators(framework) if i["id"] == "park_green_space_per_capita")
    assert park["pass_by_class"] == {"land-lt-80": 7.5, "land-80-100": 8.0, "land-gt-100": None}  # null: no line known
    assert "pass" not in park  # no class-free line: the third band (> 100 m²) gets no guessed one
    assert "land-gt-100" in park["notes"] and "land-gt-100" in framework["notes"]
    management = [i for i in indicators(framework) if i.get("direction") == "yes_no"]
    assert len(management) == 9 and all(i.get("kind") == "basic" for i in management)  # 8 and the precondition


def test_garden_city_is_named_for_the_2010_edition_it_carries():
    framework = load(ROOT / "data" / "frameworks" / "garden-city-2010.json")
    assert framework["id"] == "garden-city-2010" and "2010" in framework["name"]
    assert "建城〔2010〕125号" in framework["source"] and "建城〔2016〕235号" in framework["notes"]
    precondition = next(i for i in indicators(framework) if i["id"] == "provincial_garden_city_two_years")
    assert precondition["kind"] == "basic" and precondition["direction"] == "yes_no"
    assert "[S]" in precondition["source"]


def test_garden_city_third_band_gives_no_line():
    """A unit in the band whose line the copy cut off (> 100 m² of construction land per person) is
    not judged on a guessed line: its data is invalid, and the message names the indicator and the class."""
    framework = civitas.load_bundled_framework("garden-city-2010")
    values = {i.id: 1.0 for i in framework.indicators if i.direction == civitas.Direction.yes_no}
    values.update(built_up_green_coverage=38, built_up_green_space_ratio=33, park_green_space_per_capita=9.0,
                  public_satisfaction_greening=85)
    assert framework.evaluate(values, unit="甲市", unit_class="land-80-100").passed
    with pytest.raises(civitas.ValidationError, match="indicator 'park_green_space_per_capita': no pass line is known for unit class 'land-gt-100'"):
        framework.evaluate(values, unit="乙市", unit_class="land-gt-100")
    batch = framework.evaluate_many(pd.DataFrame([values, values], index=["甲市", "乙市"]), classes=["land-80-100", "land-gt-100"])
    assert [batch[k].decided_by for k in range(len(batch))] == [civitas.Decision.passed, civitas.Decision.invalid]
    assert "no pass line is known for unit class 'land-gt-100'" in batch[1].error
    assert framework.indicator("park_green_space_per_capita").classes_without_line == {"land-gt-100"}


def test_environmental_model_city_2006_says_it_was_superseded():
    framework = load(ROOT / "data" / "frameworks" / "environmental-model-city-2006.json")
    for text in ("环办〔2008〕71号", "环办〔2011〕3号", "第六阶段"):
        assert text in framework["notes"]
    items = {i["id"]: i for i in indicators(framework)}
    assert all(i.get("scope") == "top_unit" for i in items.values() if i.get("kind") == "basic")
    assert items["economic_growth_above_national"]["direction"] == "yes_no"
    assert "经济持续增长率高于全国平均水平" in items["economic_growth_above_national"]["name"]


def test_environmental_illustrative_framework_has_26_items_9_named_by_the_seed():
    framework = load(ROOT / "data" / "frameworks" / "lanzhou-environmental-illustrative.json")
    items = indicators(framework)
    assert len(items) == 26
    seed_named = [i["id"] for i in items if i["notes"].endswith("among Lanzhou's 9 unmet indicators.")]
    assert len(seed_named) == 9
    # Every line not read in an official text says so in its source.
    for item in items:
        assert "[V]" in item["source"] or "[U]" in item["source"], item["id"]


def test_sanitary_city_2021_carries_only_sourced_lines():
    framework = load(ROOT / "data" / "frameworks" / "sanitary-city-2021.json")
    assert framework["reliability"] == "secondary" and "全爱卫发〔2021〕6号" in framework["source"]
    items = indicators(framework)
    assert all("[S]" in i["source"] for i in items)
    assert "LEFT OUT" in framework["notes"] and "2014" in framework["notes"]
    trend = {i["id"] for i in items if i.get("met_by") == "level_or_trend"}
    assert trend == {"infant_mortality", "under5_mortality", "maternal_mortality", "life_expectancy",
                     "personal_health_spending_share"}


# ---- the illustrative framework and its example data --------------------------------------


@pytest.fixture(scope="module")
def lanzhou() -> dict:
    return load(ROOT / "data" / "frameworks" / "lanzhou-illustrative.json")


@pytest.fixture(scope="module")
def example_rows() -> list[list[str]]:
    with EXAMPLE_CSV.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_illustrative_framework_has_75_indicators_in_8_categories(lanzhou):
    assert len(indicators(lanzhou)) == 75
    assert len(lanzhou["categories"]) == 8
    assert "indicators" not in lanzhou  # every indicator sits in a category
    assert max(depth for _, _, depth in walk(lanzhou)) == 2  # two levels of categories
    assert LANZHOU_NOT_MET <= {i["id"] for i in indicators(lanzhou)}


def test_illustrative_framework_mixes_directions_and_rules(lanzhou):
    items = indicators(lanzhou)
    assert {i.get("direction", "higher") for i in items} == {"higher", "lower", "range", "yes_no", "problem_count"}
    rules = {i.get("scoring", {}).get("rule", "pass_fail") for i in items}
    assert rules == {"pass_fail", "linear", "proportional", "tiers", "deduction", "yes_no"}
    assert any(i.get("kind") == "basic" for i in items)
    assert all(i["id"].isascii() and i["id"] == i["id"].lower() for i in items)


def test_example_csv_has_a_column_per_indicator(lanzhou, example_rows):
    header = example_rows[0]
    assert header[0] == "unit"
    assert header[1:] == [i["id"] for i in indicators(lanzhou)]
    assert [row[0] for row in example_rows[1:]] == ["兰州市"] + DISTRICTS
    assert all(len(row) == len(header) for row in example_rows)


def test_example_csv_city_meets_68_and_fails_the_7(lanzhou, example_rows):
    header, city = example_rows[0], example_rows[1]
    by_id = {i["id"]: i for i in indicators(lanzhou)}
    values = {column: float(cell) for column, cell in zip(header[1:], city[1:])}
    assert len(values) == 75  # no missing data for the city
    not_met = {k for k, v in values.items() if not is_met(by_id[k], v)}
    assert not_met == LANZHOU_NOT_MET
    assert values["built_up_green_coverage"] == 31.44
    assert by_id["built_up_green_coverage"]["pass"] - values["built_up_green_coverage"] == pytest.approx(4.56)
    assert values["built_up_green_space_ratio"] == 28.63
    assert by_id["built_up_green_space_ratio"]["pass"] - values["built_up_green_space_ratio"] == pytest.approx(2.37)


def test_example_csv_values_are_possible(lanzhou, example_rows):
    header = example_rows[0]
    by_id = {i["id"]: i for i in indicators(lanzhou)}
    empty = 0
    for row in example_rows[1:]:
        for column, cell in zip(header[1:], row[1:]):
            if cell == "":
                empty += 1
                continue
            value, indicator = float(cell), by_id[column]
            assert in_bounds(indicator, value), (row[0], column, value)
            if indicator.get("direction") == "yes_no":
                assert value in (0, 1), (row[0], column, value)
            if indicator.get("direction") == "problem_count":
                assert value >= 0 and value == int(value), (row[0], column, value)
    assert empty == 2  # two cells of missing data, in district rows


# ---- the schema rejects bad documents ------------------------------------------------------

GOOD = {
    "id": "x",
    "name": "x",
    "reliability": "illustrative",
    "categories": [{"id": "c", "indicators": [{"id": "a", "pass": 36}, {"id": "b", "direction": "yes_no"}]}],
}


def variant(change) -> dict:
    document = copy.deepcopy(GOOD)
    change(document)
    return document


def first(document: dict) -> dict:
    return document["categories"][0]["indicators"][0]


BAD = {
    "unknown top-level key": lambda d: d.update(weigth=1),
    "unknown indicator key": lambda d: first(d).update(weigth=2),
    "unknown category key": lambda d: d["categories"][0].update(colour="red"),
    "negative weight": lambda d: first(d).update(weight=-1),
    "zero weight": lambda d: first(d).update(weight=0),
    "negative category weight": lambda d: d["categories"][0].update(weight=-2),
    "wrong direction enum": lambda d: first(d).update(direction="up"),
    "wrong reliability enum": lambda d: d.update(reliability="official"),
    "wrong weighting enum": lambda d: d.update(weighting="percent"),
    "wrong rule enum": lambda d: first(d).update(scoring={"rule": "sigmoid"}),
    "wrong pass rule enum": lambda d: d.update(pass_rules=[{"rule": "most_met", "value": 1}]),
    "wrong format": lambda d: d.update(format="civitas-framework/2"),
    "no reliability": lambda d: d.pop("reliability"),
    "no name": lambda d: d.pop("name"),
    "empty id": lambda d: first(d).update(id=""),
    "id with surrounding space": lambda d: first(d).update(id=" a"),
    "pass as a string": lambda d: first(d).update({"pass": "36"}),
    "range pass for higher": lambda d: first(d).update({"pass": [30, 40]}),
    "number pass for range": lambda d: first(d).update(direction="range"),
    "no pass for higher": lambda d: first(d).pop("pass"),
    "pass for yes_no": lambda d: d["categories"][0]["indicators"][1].update({"pass": 1}),
    "negative allowed count": lambda d: first(d).update({"direction": "problem_count", "pass": -1}),
    "bounds of three": lambda d: first(d).update(bounds=[0, 50, 100]),
    "bounds as text": lambda d: first(d).update(bounds=["0", None]),
    "scale zero": lambda d: d.update(scale=0),
    "min_coverage above 1": lambda d: d.update(min_coverage=1.5),
    "share above 1": lambda d: d.update(pass_rules=[{"rule": "min_share_met", "value": 1.5}]),
    "min_total without value": lambda d: d.update(pass_rules=[{"rule": "min_total"}]),
    "linear without zero": lambda d: first(d).update(scoring={"rule": "linear"}),
    "zero with pass_fail": lambda d: first(d).update(scoring={"rule": "pass_fail", "zero": 20}),
    "tiers without tiers": lambda d: first(d).update(scoring={"rule": "tiers"}),
    "tier score above 1": lambda d: first(d).update(scoring={"rule": "tiers", "tiers": [{"at": 36, "score": 2}]}),
    "deduction for higher": lambda d: first(d).update(scoring={"rule": "deduction", "per_problem": 1}),
    "deduction without per_problem": lambda d: first(d).update(
        {"direction": "problem_count", "scoring": {"rule": "deduction"}}
    ),
    "yes_no rule for higher": lambda d: first(d).update(scoring={"rule": "yes_no"}),
    "proportional for yes_no": lambda d: d["categories"][0]["indicators"][1].update(scoring={"rule": "proportional"}),
    "empty category": lambda d: d["categories"].append({"id": "empty"}),
    "no indicators at all": lambda d: d.pop("categories"),
    "points without indicator weight": lambda d: d.update(weighting="points"),
}


def test_the_good_document_is_valid(validator):
    assert schema_errors(validator, GOOD) == []


@pytest.mark.parametrize("name", sorted(BAD))
def test_schema_rejects(validator, name):
    assert schema_errors(validator, variant(BAD[name])), f"the schema accepts a document with {name}"
