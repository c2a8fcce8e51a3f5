"""The JSON Schemas of calendar, plan, campaign and round-scheme files against the files of the repository and the C++ readers.

Every calendar, plan and campaign file in the repository (bundled calendars, test plans and the
sub-plan files they name, example files, the plan and calendar examples of the docs) is valid
against data/schema/calendar.schema.json, data/schema/plan.schema.json or
data/schema/campaign.schema.json (which refers to plan.schema.json for a plan written in place).
And the schemas agree with the readers (`civitas.parse_calendar`, `civitas.parse_plan`,
`civitas.load_plan`, `civitas.parse_campaign`): a list of
mutations of a valid file is refused by both, each by the reader at the JSON path meant, and a
list of valid variants is accepted by both. What the readers check beyond a schema (real dates,
unique ids, known references, order of dates) is pinned down in the last section, so a schema
that starts to claim more, or a reader that starts to accept more, is noticed.

The last part is JSON civitas writes for other systems: every evaluation and readiness it writes
is valid against data/schema/evaluation.schema.json and readiness.schema.json, the evaluation
docs/format.md shows is what it writes, and the schemas refuse what it never writes.
"""

from __future__ import annotations

import copy
import datetime
import json
import re
from pathlib import Path
from typing import Any, Callable

import jsonschema
import pytest
from referencing import Registry, Resource

import civitas

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "data" / "schema"
CALENDAR_FORMAT = "civitas-calendar/1"
PLAN_FORMAT = "civitas-plan/1"
CAMPAIGN_FORMAT = "civitas-campaign/1"
DOCS = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]


def load(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


# Every schema of data/schema by its $id, so that one can refer to another ("plan.schema.json#/$defs/plan").
REGISTRY = Registry().with_resources(
    (schema["$id"], Resource.from_contents(schema)) for schema in map(load, sorted(SCHEMAS.glob("*.schema.json")))
)


def validator_for(name: str, definition: str | None = None) -> jsonschema.Draft202012Validator:
    """The validator of data/schema/<name>.schema.json, or of one of its $defs."""
    schema = load(SCHEMAS / f"{name}.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    if definition is not None:
        assert definition in schema["$defs"], f"{name}.schema.json has no $defs/{definition}"
        schema = {**schema, "anyOf": [{"$ref": f"#/$defs/{definition}"}]}
    return jsonschema.Draft202012Validator(schema, registry=REGISTRY)


CALENDAR = validator_for("calendar")
PLAN = validator_for("plan")
ROOT_PLAN = validator_for("plan", "plan")
SUBPLAN_FILE = validator_for("plan", "subplan_file")
CAMPAIGN = validator_for("campaign")


def schema_errors(validator: jsonschema.Draft202012Validator, document: Any) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(document)]


def segments(path: str) -> list[str]:
    """"$.tasks[1].due" -> [".tasks", "[1]", ".due"]."""
    assert path.startswith("$"), path
    return re.findall(r"\.[^.\[]+|\[\d+\]", path[1:])


def leaf_paths(errors) -> set[str]:
    """JSON paths of the innermost errors (inside anyOf and oneOf)."""
    paths = set()
    for error in errors:
        paths |= leaf_paths(error.context) if error.context else {error.json_path}
    return paths


def assert_schema_points_at(validator: jsonschema.Draft202012Validator, document: Any, location: str) -> None:
    """The schema refuses `document` at the reader's `location`, or at the object holding it
    (where JSON Schema reports unknown and missing keys), and nowhere deeper."""
    leaves = leaf_paths(validator.iter_errors(document))
    assert leaves, "the schema accepts it"
    parent = "$" + "".join(segments(location)[:-1])
    assert location in leaves or parent in leaves, (location, sorted(leaves))
    assert max(len(segments(p)) for p in leaves) <= len(segments(location)), (location, sorted(leaves))


def text(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


# ---- finding the files ---------------------------------------------------------------------


BAD_INPUTS = ROOT / "tests" / "data" / "bad"  # broken on purpose: tests/unit/io/test_bad_inputs.cpp reads them


def json_files(*folders: str) -> list[Path]:
    return sorted(
        p
        for folder in folders
        for p in (ROOT / folder).rglob("*.json")
        if ".venv" not in p.parts and BAD_INPUTS not in p.parents
    )


def format_of(path: Path) -> str | None:
    try:
        document = load(path)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    return document.get("format") if isinstance(document, dict) else None


def file_references(plan: Any) -> list[str]:
    """The {"file": ...} sub-plans named by a plan or sub-plan, at any depth of inline sub-plans."""
    found = []
    for sub in plan.get("subplans", []) if isinstance(plan, dict) else []:
        if isinstance(sub, dict) and "file" in sub:
            found.append(sub["file"])
        else:
            found += file_references(sub)
    return found


def subplan_files_of(root: Path) -> list[Path]:
    """Every sub-plan file a root plan file names, directly or through other sub-plan files."""
    files, todo = [], [root]
    while todo:
        path = todo.pop()
        for written in file_references(load(path)):
            child = (path.parent / written).resolve()
            if child not in files:
                files.append(child)
                todo.append(child)
    return files


CALENDAR_FILES = sorted(
    set((ROOT / "data" / "calendars").glob("*.json"))
    | {p for p in json_files("data", "examples", "tests/data") if format_of(p) == CALENDAR_FORMAT}
)
_PLAN_CANDIDATES = sorted(
    set((ROOT / "tests" / "data" / "plans").rglob("*.json"))
    | {p for p in json_files("data", "examples", "tests/data") if format_of(p) == PLAN_FORMAT}
)
SUBPLAN_FILES = sorted({s for p in _PLAN_CANDIDATES for s in subplan_files_of(p)})
ROOT_PLAN_FILES = [p for p in _PLAN_CANDIDATES if p.resolve() not in SUBPLAN_FILES]
CAMPAIGN_FILES = sorted(p for p in json_files("data", "examples", "tests/data") if format_of(p) == CAMPAIGN_FORMAT)


def doc_blocks(fmt: str) -> list[tuple[str, str]]:
    """(where, text) of every ```json block of the docs whose "format" is `fmt`."""
    found = []
    for path in DOCS:
        if not path.is_file():
            continue
        markdown = path.read_text(encoding="utf-8")
        for match in re.finditer(r"```json\n(.*?)```", markdown, re.S):
            if re.search(r'"format"\s*:\s*"' + re.escape(fmt) + '"', match.group(1)):
                line = markdown.count("\n", 0, match.start()) + 1
                found.append((f"{path.relative_to(ROOT)}:{line}", match.group(1)))
    return found


def parsed(where: str, block: str) -> Any:
    try:
        return json.loads(block)
    except json.JSONDecodeError as error:  # a block naming the format is a whole file
        pytest.fail(f"{where}: the {error.msg} at line {error.lineno} of the block; expected a whole JSON file")


CALENDAR_BLOCKS = doc_blocks(CALENDAR_FORMAT)
PLAN_BLOCKS = doc_blocks(PLAN_FORMAT)
CAMPAIGN_BLOCKS = doc_blocks(CAMPAIGN_FORMAT)


def rel(path: Path) -> str:
    return str(path.resolve().relative_to(ROOT))


# ---- the schemas themselves ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["calendar", "plan", "framework", "campaign", "round-scheme", "evaluation", "readiness"])
def test_schema_is_a_valid_draft_2020_12_schema(name):
    schema = load(SCHEMAS / f"{name}.schema.json")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"https://example.invalid/civitas/{name}.schema.json"
    jsonschema.Draft202012Validator.check_schema(schema)


def properties_of(node: Any, where: str = "$"):
    """(where, name, schema) of every property of every object schema, at any depth."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{where}.properties.{name}", name, sub
        for key, sub in node.items():
            if key != "if":  # a condition, not a description of the document
                yield from properties_of(sub, f"{where}.{key}")
    elif isinstance(node, list):
        for k, sub in enumerate(node):
            yield from properties_of(sub, f"{where}[{k}]")


@pytest.mark.parametrize("name", ["calendar", "plan", "campaign", "round-scheme", "evaluation", "readiness"])
def test_every_property_is_described_and_objects_are_closed(name):
    schema = load(SCHEMAS / f"{name}.schema.json")
    assert schema["title"] and schema["description"]
    properties = list(properties_of(schema))
    assert len(properties) >= 8
    undescribed = [where for where, _, sub in properties if "description" not in sub]
    assert undescribed == []

    def objects(node: Any):
        if isinstance(node, dict):
            if "properties" in node:
                yield node
            for key, sub in node.items():
                if key != "if":
                    yield from objects(sub)
        elif isinstance(node, list):
            for sub in node:
                yield from objects(sub)

    open_objects = [sorted(o["properties"]) for o in objects(schema) if o.get("additionalProperties") is not False]
    assert open_objects == []  # the readers refuse unknown keys everywhere; the writers write no others


@pytest.mark.parametrize("name", ["calendar", "plan", "framework", "campaign", "round-scheme", "evaluation", "readiness"])
def test_schema_ships_with_the_package(name):
    """data/ is installed beside the package (linked in an in-place build), schemas and all."""
    shipped = Path(civitas.__file__).resolve().parent / "data" / "schema" / f"{name}.schema.json"
    assert shipped.is_file(), f"{shipped} is missing"
    assert load(shipped) == load(SCHEMAS / f"{name}.schema.json")


def test_date_patterns_are_the_same_in_both_schemas():
    calendar = load(SCHEMAS / "calendar.schema.json")["$defs"]["date"]
    plan = load(SCHEMAS / "plan.schema.json")["$defs"]["date"]
    assert calendar["pattern"] == plan["pattern"]
    assert calendar["maxLength"] == plan["maxLength"] == 10


# ---- every file in the repository ----------------------------------------------------------


def test_the_files_are_found():
    assert ROOT / "data" / "calendars" / "cn-2025.json" in CALENDAR_FILES
    assert ROOT / "tests" / "data" / "plans" / "civilized-city-2025.json" in ROOT_PLAN_FILES
    assert len(CALENDAR_BLOCKS) >= 1, "docs/format.md shows no calendar file"
    assert len(PLAN_BLOCKS) >= 1, "docs/format.md shows no plan file"


@pytest.mark.parametrize("path", CALENDAR_FILES, ids=rel)
def test_calendar_file_is_valid(path):
    assert schema_errors(CALENDAR, load(path)) == []
    civitas.load_calendar(path)  # and the reader agrees


@pytest.mark.parametrize("path", ROOT_PLAN_FILES, ids=rel)
def test_plan_file_is_valid(path):
    assert schema_errors(PLAN, load(path)) == []
    assert schema_errors(ROOT_PLAN, load(path)) == []
    for subplan in subplan_files_of(path):  # the sub-plan files it names, at any depth
        assert schema_errors(PLAN, load(subplan)) == [], rel(subplan)
        assert schema_errors(SUBPLAN_FILE, load(subplan)) == [], rel(subplan)
    civitas.load_plan(path)  # and the reader agrees, sub-plan files and all


@pytest.mark.parametrize("where, block", CALENDAR_BLOCKS, ids=[w for w, _ in CALENDAR_BLOCKS])
def test_calendar_in_docs_is_valid(where, block):
    document = parsed(where, block)
    assert schema_errors(CALENDAR, document) == []
    civitas.parse_calendar(text(document), where)


@pytest.mark.parametrize("where, block", PLAN_BLOCKS, ids=[w for w, _ in PLAN_BLOCKS])
def test_plan_in_docs_is_valid(where, block):
    document = parsed(where, block)
    assert schema_errors(PLAN, document) == []
    if not file_references(document):  # one naming sub-plan files cannot be read without them
        civitas.parse_plan(text(document), where)


# ---- valid documents the mutations start from ----------------------------------------------

GOOD_CALENDAR = {
    "format": "civitas-calendar/1",
    "id": "cn-2025",
    "name": "中国 2025 年法定节假日与调休",
    "source": "国办发明电〔2024〕12号",
    "weekend": ["saturday", "sunday"],
    "holidays": ["2025-01-01", {"from": "2025-01-28", "to": "2025-02-04", "name": "春节"}],
    "working_days": ["2025-01-26", "2025-02-08"],
}

GOOD_PLAN = {
    "format": "civitas-plan/1",
    "id": "civilized-city-2025",
    "name": "2025 年创建工作计划",
    "responsibility_fields": ["department", "unit", "leader"],
    "titles": [{"id": "civilized", "name": "全国文明城市"}, {"id": "sanitary"}],
    "phases": [{"id": "mobilize", "name": "动员部署", "title": "civilized"}, {"id": "implement"}],
    "tasks": [
        {
            "id": "kickoff",
            "name": "召开全市创建动员大会",
            "phase": "mobilize",
            "responsibility": {"department": "市文明办", "leader": "市委副书记"},
            "due": "2025-03-03",
            "milestone": True,
        },
        {
            "id": "back_alleys",
            "name": "背街小巷环境整治",
            "phase": "implement",
            "titles": ["civilized", "sanitary"],
            "responsibility": {"department": "市城市管理局", "unit": "各区"},
            "start": "2025-03-04",
            "due": "2025-09-19",
            "milestone": False,
            "weight": 2.5,
            "indicators": ["field_inspection"],
            "depends_on": ["kickoff", {"task": "kickoff", "link": "start_to_start", "lag": 5, "unit": "calendar_days"}],
            "actual_start": "2025-03-05",
            "actual_finish": "2025-09-10",
            "percent_complete": 100,
        },
    ],
    "problems": [
        {
            "id": "p1",
            "description": "农贸市场地面积水",
            "source": "2025 省级暗访",
            "titles": ["sanitary"],
            "indicators": ["field_inspection"],
            "responsibility": {"department": "市商务局"},
            "found": "2025-04-01",
            "deadline": "2025-04-30",
            "closed": "2025-04-20",
        }
    ],
    "subplans": [
        {
            "id": "chengguan",
            "name": "城关区",
            "responsibility": {"unit": "城关区"},
            "tasks": [{"id": "t1", "start": "2025-04-01", "due": "2025-04-30", "depends_on": ["back_alleys"]}],
            "problems": [{"id": "p1", "found": "2025-04-02", "deadline": "2025-05-02"}],
            "subplans": [
                {
                    "id": "school-3",
                    "tasks": [{"id": "t1", "due": "2025-05-06", "milestone": True, "depends_on": ["chengguan/t1"]}],
                }
            ],
        }
    ],
}


def mutated(good: dict, change: Callable[[dict], Any]) -> dict:
    document = copy.deepcopy(good)
    change(document)
    return document


def task(d: dict, k: int = 1) -> dict:
    return d["tasks"][k]


def dep(d: dict) -> dict:
    return d["tasks"][1]["depends_on"][1]


def problem(d: dict) -> dict:
    return d["problems"][0]


def sub(d: dict) -> dict:
    return d["subplans"][0]


def put(target: Callable[[dict], dict], key: str, value: Any) -> Callable[[dict], None]:
    return lambda d: target(d).__setitem__(key, value)


def drop(target: Callable[[dict], dict], key: str) -> Callable[[dict], None]:
    return lambda d: target(d).pop(key)


def top(d: dict) -> dict:
    return d


def test_the_good_documents_are_valid():
    assert schema_errors(CALENDAR, GOOD_CALENDAR) == []
    assert schema_errors(PLAN, GOOD_PLAN) == []
    assert schema_errors(ROOT_PLAN, GOOD_PLAN) == []
    calendar = civitas.parse_calendar(text(GOOD_CALENDAR))
    assert len(calendar.holidays()) == 9 and len(calendar.adjusted_working_days()) == 2
    plan = civitas.parse_plan(text(GOOD_PLAN))
    assert [t.id for t in plan.tasks] == ["kickoff", "back_alleys", "chengguan/t1", "chengguan/school-3/t1"]


# ---- mutations both the schema and the reader refuse ---------------------------------------
# name: (change, the JSON path of the reader's error)

BAD_CALENDARS: dict[str, tuple[Callable[[dict], Any], str]] = {
    # unknown keys
    "unknown top-level key": (put(top, "weekends", ["sunday"]), "$.weekends"),
    "unknown holiday range key": (lambda d: d["holidays"][1].update(until="2025-02-04"), "$.holidays[1].until"),
    # missing required keys
    "no id": (drop(top, "id"), "$.id"),
    "holiday range without from": (lambda d: d["holidays"][1].pop("from"), "$.holidays[1].from"),
    # wrong types
    "id a number": (put(top, "id", 2025), "$.id"),
    "name a number": (put(top, "name", 1), "$.name"),
    "source null": (put(top, "source", None), "$.source"),
    "weekend a string": (put(top, "weekend", "saturday"), "$.weekend"),
    "weekend day a number": (put(top, "weekend", [6]), "$.weekend[0]"),
    "holidays an object": (put(top, "holidays", {"2025-01-01": "元旦"}), "$.holidays"),
    "holiday a number": (lambda d: d["holidays"].__setitem__(0, 20250101), "$.holidays[0]"),
    "holiday a list": (lambda d: d["holidays"].__setitem__(0, ["2025-01-01"]), "$.holidays[0]"),
    "holiday name a number": (lambda d: d["holidays"][1].update(name=1), "$.holidays[1].name"),
    "working day a number": (lambda d: d["working_days"].__setitem__(0, 20250126), "$.working_days[0]"),
    # bad enums
    "wrong format": (put(top, "format", "civitas-calendar/2"), "$.format"),
    "weekday misspelt": (put(top, "weekend", ["saturday", "sundy"]), "$.weekend[1]"),
    "weekday capitalised": (put(top, "weekend", ["Saturday", "sunday"]), "$.weekend[0]"),
    "weekday in Chinese": (put(top, "weekend", ["星期六"]), "$.weekend[0]"),
    # repeats the schema can see
    "weekday twice": (put(top, "weekend", ["sunday", "sunday"]), "$.weekend[1]"),
    "all seven days weekend": (
        put(top, "weekend", ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
        "$.weekend",
    ),
    "holiday twice": (lambda d: d["holidays"].append("2025-01-01"), "$.holidays[2]"),
    "working day twice": (lambda d: d["working_days"].append("2025-01-26"), "$.working_days[2]"),
    # bad date patterns
    "holiday without leading zeros": (lambda d: d["holidays"].__setitem__(0, "2025-1-1"), "$.holidays[0]"),
    "holiday with slashes": (lambda d: d["holidays"].__setitem__(0, "2025/01/01"), "$.holidays[0]"),
    "holiday with a time": (lambda d: d["holidays"].__setitem__(0, "2025-01-01T00:00:00"), "$.holidays[0]"),
    "holiday with a final newline": (lambda d: d["holidays"].__setitem__(0, "2025-01-01\n"), "$.holidays[0]"),
    "holiday in full-width digits": (lambda d: d["holidays"].__setitem__(0, "２０２５-０１-０１"), "$.holidays[0]"),
    "range from of two-digit year": (lambda d: d["holidays"][1].update({"from": "25-01-28"}), "$.holidays[1].from"),
    "range to month 13": (lambda d: d["holidays"][1].update(to="2025-13-04"), "$.holidays[1].to"),
    "working day year 1399": (lambda d: d["working_days"].__setitem__(0, "1399-01-26"), "$.working_days[0]"),
    "working day day 32": (lambda d: d["working_days"].__setitem__(0, "2025-01-32"), "$.working_days[0]"),
    "working day day 00": (lambda d: d["working_days"].__setitem__(0, "2025-01-00"), "$.working_days[0]"),
}

BAD_PLANS: dict[str, tuple[Callable[[dict], Any], str]] = {
    # unknown keys
    "unknown top-level key": (put(top, "owner", "市文明办"), "$.owner"),
    "default responsibility on a root plan": (put(top, "responsibility", {"unit": "市"}), "$.responsibility"),
    "unknown task key": (put(task, "owner", "市文明办"), "$.tasks[1].owner"),
    "unknown dependency key": (put(dep, "type", "FS"), "$.tasks[1].depends_on[1].type"),
    "unknown problem key": (put(problem, "status", "open"), "$.problems[0].status"),
    "unknown title key": (lambda d: d["titles"][0].update(year=2025), "$.titles[0].year"),
    "unknown phase key": (lambda d: d["phases"][0].update(start="2025-03-01"), "$.phases[0].start"),
    "phases in an inline sub-plan": (put(sub, "phases", []), "$.subplans[0].phases"),
    "format in an inline sub-plan": (put(sub, "format", "civitas-plan/1"), "$.subplans[0].format"),
    "file beside an inline sub-plan's keys": (put(sub, "file", "chengguan.json"), "$.subplans[0].id"),
    # missing required keys
    "no id": (drop(top, "id"), "$.id"),
    "task without id": (drop(task, "id"), "$.tasks[1].id"),
    "task without due": (drop(task, "due"), "$.tasks[1].due"),
    "task without start": (drop(task, "start"), "$.tasks[1].start"),
    "milestone false without start": (lambda d: task(d, 0).update(milestone=False), "$.tasks[0].start"),
    "dependency without task": (drop(dep, "task"), "$.tasks[1].depends_on[1].task"),
    "problem without id": (drop(problem, "id"), "$.problems[0].id"),
    "problem without found": (drop(problem, "found"), "$.problems[0].found"),
    "problem without deadline": (drop(problem, "deadline"), "$.problems[0].deadline"),
    "title without id": (lambda d: d["titles"][1].pop("id"), "$.titles[1].id"),
    "phase without id": (lambda d: d["phases"][1].pop("id"), "$.phases[1].id"),
    "inline sub-plan without id": (drop(sub, "id"), "$.subplans[0].id"),
    "sub-plan task without due": (lambda d: sub(d)["tasks"][0].pop("due"), "$.subplans[0].tasks[0].due"),
    # wrong types
    "id a number": (put(top, "id", 2025), "$.id"),
    "name a number": (put(top, "name", 2025), "$.name"),
    "responsibility_fields a string": (put(top, "responsibility_fields", "department"), "$.responsibility_fields"),
    "tasks an object": (put(top, "tasks", {"kickoff": {}}), "$.tasks"),
    "task a string": (lambda d: d["tasks"].__setitem__(0, "kickoff"), "$.tasks[0]"),
    "task id a number": (put(task, "id", 7), "$.tasks[1].id"),
    "phase a number": (put(task, "phase", 2), "$.tasks[1].phase"),
    "milestone as text": (lambda d: task(d, 0).update(milestone="true"), "$.tasks[0].milestone"),
    "milestone as 1": (lambda d: task(d, 0).update(milestone=1), "$.tasks[0].milestone"),
    "check on a task": (lambda d: task(d, 1).update(check="provincial-2026"), "$.tasks[1].check"),
    "check empty": (lambda d: task(d, 0).update(check=""), "$.tasks[0].check"),
    "weight as text": (put(task, "weight", "2.5"), "$.tasks[1].weight"),
    "percent_complete as text": (put(task, "percent_complete", "100"), "$.tasks[1].percent_complete"),
    "percent_complete null": (put(task, "percent_complete", None), "$.tasks[1].percent_complete"),
    "start a number": (put(task, "start", 20250304), "$.tasks[1].start"),
    "responsibility a list": (put(task, "responsibility", ["市文明办"]), "$.tasks[1].responsibility"),
    "responsibility value a number": (
        put(task, "responsibility", {"department": 1}),
        "$.tasks[1].responsibility.department",
    ),
    "indicators a string": (put(task, "indicators", "field_inspection"), "$.tasks[1].indicators"),
    "title id a number": (put(task, "titles", [1]), "$.tasks[1].titles[0]"),
    "depends_on a string": (put(task, "depends_on", "kickoff"), "$.tasks[1].depends_on"),
    "dependency a number": (lambda d: task(d)["depends_on"].__setitem__(0, 0), "$.tasks[1].depends_on[0]"),
    "dependency task a number": (put(dep, "task", 0), "$.tasks[1].depends_on[1].task"),
    "lag a fraction": (put(dep, "lag", 1.5), "$.tasks[1].depends_on[1].lag"),
    "lag as text": (put(dep, "lag", "5"), "$.tasks[1].depends_on[1].lag"),
    "problem closed a number": (put(problem, "closed", 20250420), "$.problems[0].closed"),
    "problem description a list": (put(problem, "description", ["积水"]), "$.problems[0].description"),
    "sub-plan a string": (lambda d: d["subplans"].__setitem__(0, "chengguan"), "$.subplans[0]"),
    "sub-plan file a number": (lambda d: d["subplans"].__setitem__(0, {"file": 1}), "$.subplans[0].file"),
    "sub-plan responsibility a string": (put(sub, "responsibility", "城关区"), "$.subplans[0].responsibility"),
    "phase title a number": (lambda d: d["phases"][0].update(title=1), "$.phases[0].title"),
    # bad enums
    "wrong format": (put(top, "format", "civitas-plan/2"), "$.format"),
    "wrong link": (put(dep, "link", "finish_to_finish"), "$.tasks[1].depends_on[1].link"),
    "link in capitals": (put(dep, "link", "FS"), "$.tasks[1].depends_on[1].link"),
    "wrong lag unit": (put(dep, "unit", "days"), "$.tasks[1].depends_on[1].unit"),
    # values out of the ranges the schema states
    "negative weight": (put(task, "weight", -1), "$.tasks[1].weight"),
    "percent_complete above 100": (put(task, "percent_complete", 100.5), "$.tasks[1].percent_complete"),
    "negative percent_complete": (put(task, "percent_complete", -1), "$.tasks[1].percent_complete"),
    "lag too long": (put(dep, "lag", 36601), "$.tasks[1].depends_on[1].lag"),
    "lag too negative": (put(dep, "lag", -36601), "$.tasks[1].depends_on[1].lag"),
    "empty task id": (put(task, "id", ""), "$.tasks[1].id"),
    "task id with a slash": (put(task, "id", "a/b"), "$.tasks[1].id"),
    "problem id with a slash": (put(problem, "id", "x/1"), "$.problems[0].id"),
    "sub-plan id with a slash": (put(sub, "id", "chengguan/1"), "$.subplans[0].id"),
    "empty phase id": (lambda d: d["phases"][1].update(id=""), "$.phases[1].id"),
    "indicator twice": (put(task, "indicators", ["a", "a"]), "$.tasks[1].indicators[1]"),
    "title twice on a task": (put(task, "titles", ["civilized", "civilized"]), "$.tasks[1].titles[1]"),
    "responsibility field twice": (put(top, "responsibility_fields", ["unit", "unit"]), "$.responsibility_fields[1]"),
    # bad date patterns
    "due without leading zeros": (put(task, "due", "2025-9-19"), "$.tasks[1].due"),
    "start with slashes": (put(task, "start", "2025/03/04"), "$.tasks[1].start"),
    "actual_finish without dashes": (put(task, "actual_finish", "20250910"), "$.tasks[1].actual_finish"),
    "actual_start with a time": (put(task, "actual_start", "2025-03-05T08:00"), "$.tasks[1].actual_start"),
    "milestone due month 13": (lambda d: task(d, 0).update(due="2025-13-03"), "$.tasks[0].due"),
    "found year 1399": (put(problem, "found", "1399-04-01"), "$.problems[0].found"),
    "deadline with a final newline": (put(problem, "deadline", "2025-04-30\n"), "$.problems[0].deadline"),
    "closed in full-width digits": (put(problem, "closed", "２０２５-０４-２０"), "$.problems[0].closed"),
    "sub-plan task start day 32": (lambda d: sub(d)["tasks"][0].update(start="2025-04-32"), "$.subplans[0].tasks[0].start"),
}


def reader_error(parse: Callable[..., Any], document: Any) -> civitas.ParseError:
    with pytest.raises(civitas.ParseError) as info:
        parse(text(document), "mutated.json")
    return info.value


@pytest.mark.parametrize("name", sorted(BAD_CALENDARS))
def test_calendar_mutation_refused_by_both(name):
    change, location = BAD_CALENDARS[name]
    document = mutated(GOOD_CALENDAR, change)
    assert schema_errors(CALENDAR, document), f"the schema accepts a calendar with {name}"
    assert_schema_points_at(CALENDAR, document, location)
    error = reader_error(civitas.parse_calendar, document)
    assert error.file == "mutated.json"
    assert error.location == location, str(error)


@pytest.mark.parametrize("name", sorted(BAD_PLANS))
def test_plan_mutation_refused_by_both(name):
    change, location = BAD_PLANS[name]
    document = mutated(GOOD_PLAN, change)
    assert schema_errors(PLAN, document), f"the schema accepts a plan with {name}"
    assert_schema_points_at(PLAN, document, location)
    error = reader_error(civitas.parse_plan, document)
    assert error.file == "mutated.json"
    assert error.location == location, str(error)


# ---- sub-plan files ------------------------------------------------------------------------

SUBPLAN_ROOT = {
    "format": "civitas-plan/1",
    "id": "campaign",
    "responsibility_fields": ["department", "unit"],
    "phases": [{"id": "implement"}],
    "tasks": [{"id": "kickoff", "due": "2025-03-03", "milestone": True}],
    "subplans": [{"file": "districts/chengguan.json"}],
}

GOOD_SUBPLAN_FILE = {
    "format": "civitas-plan/1",
    "id": "chengguan",
    "name": "城关区",
    "responsibility": {"unit": "城关区"},
    "tasks": [{"id": "t1", "phase": "implement", "start": "2025-04-01", "due": "2025-04-30", "depends_on": ["kickoff"]}],
    "problems": [{"id": "p1", "found": "2025-04-02", "deadline": "2025-05-02"}],
    "subplans": [{"id": "school-3", "tasks": [{"id": "t1", "due": "2025-05-06", "milestone": True}]}],
}


def write_plan(folder: Path, root: dict, subplan: dict) -> Path:
    path = folder / "plan.json"
    path.write_text(text(root), encoding="utf-8")
    (folder / "districts").mkdir(exist_ok=True)
    (folder / "districts" / "chengguan.json").write_text(text(subplan), encoding="utf-8")
    return path


def test_file_subplan_is_valid_for_both(tmp_path):
    path = write_plan(tmp_path, SUBPLAN_ROOT, GOOD_SUBPLAN_FILE)
    assert schema_errors(ROOT_PLAN, SUBPLAN_ROOT) == []
    assert schema_errors(PLAN, GOOD_SUBPLAN_FILE) == []
    assert schema_errors(SUBPLAN_FILE, GOOD_SUBPLAN_FILE) == []
    plan = civitas.load_plan(path)
    assert [t.id for t in plan.tasks] == ["kickoff", "chengguan/t1", "chengguan/school-3/t1"]
    # parse_plan finds the sub-plan file beside the file name it is given
    assert civitas.parse_plan(text(SUBPLAN_ROOT), str(path)) == plan


def test_subplan_file_without_format_or_responsibility_is_valid_for_both(tmp_path):
    subplan = {key: value for key, value in GOOD_SUBPLAN_FILE.items() if key not in ("format", "responsibility")}
    path = write_plan(tmp_path, SUBPLAN_ROOT, subplan)
    assert schema_errors(SUBPLAN_FILE, subplan) == []
    assert len(civitas.load_plan(path).tasks) == 3


def subtask(d: dict) -> dict:
    return d["tasks"][0]


BAD_SUBPLAN_FILES: dict[str, tuple[Callable[[dict], Any], str]] = {
    "unknown key": (put(top, "owner", "区政府"), "$.owner"),
    "responsibility_fields": (put(top, "responsibility_fields", ["unit"]), "$.responsibility_fields"),
    "titles": (put(top, "titles", [{"id": "civilized"}]), "$.titles"),
    "phases": (put(top, "phases", [{"id": "implement"}]), "$.phases"),
    "file": (put(top, "file", "other.json"), "$.file"),
    "no id": (drop(top, "id"), "$.id"),
    "id with a slash": (put(top, "id", "city/chengguan"), "$.id"),
    "wrong format": (put(top, "format", "civitas-subplan/1"), "$.format"),
    "responsibility value a number": (put(top, "responsibility", {"unit": 1}), "$.responsibility.unit"),
    "task without due": (drop(subtask, "due"), "$.tasks[0].due"),
    "task start not a date": (put(subtask, "start", "2025-4-1"), "$.tasks[0].start"),
    "problem without deadline": (lambda d: d["problems"][0].pop("deadline"), "$.problems[0].deadline"),
}


@pytest.mark.parametrize("name", sorted(BAD_SUBPLAN_FILES))
def test_subplan_file_mutation_refused_by_both(name, tmp_path):
    change, location = BAD_SUBPLAN_FILES[name]
    subplan = mutated(GOOD_SUBPLAN_FILE, change)
    path = write_plan(tmp_path, SUBPLAN_ROOT, subplan)
    assert schema_errors(SUBPLAN_FILE, subplan), f"the schema accepts a sub-plan file with {name}"
    assert_schema_points_at(SUBPLAN_FILE, subplan, location)
    with pytest.raises(civitas.ParseError) as info:
        civitas.load_plan(path)
    assert Path(info.value.file).name == "chengguan.json"  # the error names the sub-plan file
    assert info.value.location == location, str(info.value)


def test_a_subplan_file_with_root_keys_is_still_a_valid_root_plan():
    """The schema cannot know how a file is used: one with titles is a valid root plan."""
    subplan = mutated(GOOD_SUBPLAN_FILE, lambda d: (d.pop("responsibility"), d.update(titles=[{"id": "civilized"}])))
    assert schema_errors(PLAN, subplan) == []
    assert schema_errors(SUBPLAN_FILE, subplan)


# ---- valid variants both accept ------------------------------------------------------------

GOOD_CALENDAR_VARIANTS: dict[str, Callable[[dict], Any]] = {
    "only an id": lambda d: [d.pop(k) for k in list(d) if k != "id"],
    "an empty id": put(top, "id", ""),
    "no format": drop(top, "format"),
    "no weekend": lambda d: d.update(weekend=[], working_days=[]),
    "a six-day weekend": put(top, "weekend", ["tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
    "a range without to or name": lambda d: d["holidays"].append({"from": "2025-10-01"}),
    "a range of one day": lambda d: d["holidays"].append({"from": "2025-10-01", "to": "2025-10-01", "name": "国庆节"}),
    "a leap day": lambda d: d["holidays"].append("2028-02-29"),
    "year 1400": lambda d: d["holidays"].append("1400-01-01"),
    "year 9999": lambda d: d["holidays"].append("9999-12-31"),
}

GOOD_PLAN_VARIANTS: dict[str, Callable[[dict], Any]] = {
    "only an id": lambda d: [d.pop(k) for k in list(d) if k != "id"],
    "no format": drop(top, "format"),
    "an empty plan id": put(top, "id", ""),
    "a plan id with a slash": put(top, "id", "city/2025"),
    "no tasks but sub-plans": lambda d: (d.pop("tasks"), sub(d)["tasks"][0].pop("depends_on")),
    "empty lists": lambda d: d.update(responsibility_fields=[], titles=[], phases=[], tasks=[], problems=[], subplans=[]),
    "bare-id dependencies": put(task, "depends_on", ["kickoff"]),
    "object dependency with only a task": put(task, "depends_on", [{"task": "kickoff"}]),
    "object dependency with every key": put(
        task, "depends_on", [{"task": "kickoff", "link": "finish_to_start", "lag": 0, "unit": "working_days"}]
    ),
    "a negative lag": put(dep, "lag", -3),
    "the largest lags": lambda d: task(d)["depends_on"].extend(
        [{"task": "kickoff", "lag": 36600}, {"task": "kickoff", "lag": -36600}]
    ),
    "a milestone without start": lambda d: task(d, 0).pop("start", None),
    "a milestone with start equal to due": lambda d: task(d, 0).update(start="2025-03-03"),
    "a task without optional keys": lambda d: d["tasks"].append({"id": "bare", "start": "2025-05-01", "due": "2025-05-01"}),
    "weight zero": put(task, "weight", 0),
    "an integer weight": put(task, "weight", 3),
    "percent_complete 0 and fractional": put(task, "percent_complete", 0.5),
    "a problem without optional keys": put(top, "problems", [{"id": "p", "found": "2025-04-01", "deadline": "2025-04-01"}]),
    "an inline sub-plan with only an id": put(top, "subplans", [{"id": "anning"}]),
    "nested inline sub-plans": lambda d: sub(d)["subplans"][0].update(subplans=[{"id": "class-1", "tasks": []}]),
    "a dependency on a qualified id": lambda d: d["tasks"].append(
        {"id": "review", "start": "2025-05-07", "due": "2025-05-30", "depends_on": ["chengguan/school-3/t1"]}
    ),
    "no responsibility_fields: any key": lambda d: (
        d.pop("responsibility_fields"),
        task(d).update(responsibility={"负责人": "张三"}),
    ),
    "a phase with an empty title": lambda d: d["phases"][1].update(title=""),
    "an empty phase on a task": put(task, "phase", ""),
}


@pytest.mark.parametrize("name", sorted(GOOD_CALENDAR_VARIANTS))
def test_calendar_variant_accepted_by_both(name):
    document = mutated(GOOD_CALENDAR, GOOD_CALENDAR_VARIANTS[name])
    assert schema_errors(CALENDAR, document) == []
    civitas.parse_calendar(text(document))


@pytest.mark.parametrize("name", sorted(GOOD_PLAN_VARIANTS))
def test_plan_variant_accepted_by_both(name):
    document = mutated(GOOD_PLAN, GOOD_PLAN_VARIANTS[name])
    assert schema_errors(PLAN, document) == []
    civitas.parse_plan(text(document))


def test_milestone_without_start_reads_as_one_date():
    plan = civitas.parse_plan(text(GOOD_PLAN))
    kickoff = plan.tasks[0]
    assert kickoff.milestone and str(kickoff.start) == str(kickoff.due) == "2025-03-03"


# ---- what only the readers check -----------------------------------------------------------
# The schemas state shapes and types; these rules compare values, or need the other file, and
# the schemas accept them. Listed so that the descriptions stay true.

READER_ONLY_CALENDAR: dict[str, Callable[[dict], Any]] = {
    "a day the month does not have": lambda d: d["holidays"].__setitem__(0, "2025-02-30"),
    "29 February of a common year": lambda d: d["working_days"].__setitem__(0, "2025-02-29"),
    "a range ending before it starts": lambda d: d["holidays"][1].update(to="2025-01-27"),
    "overlapping ranges": lambda d: d["holidays"].append({"from": "2025-02-04", "to": "2025-02-05"}),
    "a working day that is a holiday": lambda d: d["working_days"].append("2025-02-01"),
    "a working day on a weekday": lambda d: d["working_days"].append("2025-03-03"),
}

READER_ONLY_PLAN: dict[str, Callable[[dict], Any]] = {
    "a day the month does not have": put(task, "due", "2025-02-30"),
    "due before start": put(task, "due", "2025-03-01"),
    "a milestone spanning days": lambda d: task(d, 0).update(start="2025-03-01"),
    "a duplicate task id": lambda d: task(d).update(id="kickoff"),
    "an unknown phase": put(task, "phase", "consolidate"),
    "an unknown title": put(task, "titles", ["garden"]),
    "an unknown responsibility field": put(task, "responsibility", {"owner": "市文明办"}),
    "an unknown dependency": put(task, "depends_on", ["nope"]),
    "a dependency on itself": put(task, "depends_on", ["back_alleys"]),
    "a lag written 2.0": put(dep, "lag", 2.0),
    "a deadline before found": put(problem, "deadline", "2025-03-01"),
    "actual finish before actual start": put(task, "actual_finish", "2025-03-01"),
    "duplicate sub-plan ids": lambda d: d["subplans"].append({"id": "chengguan"}),
    "a sub-plan file that does not exist": lambda d: d["subplans"].append({"file": "missing.json"}),
    "responsibility on a root plan without root-only keys": lambda d: (
        d.clear(),
        d.update(id="p", responsibility={"unit": "市"}, tasks=[{"id": "t", "start": "2025-03-03", "due": "2025-03-04"}]),
    ),
}


@pytest.mark.parametrize("name", sorted(READER_ONLY_CALENDAR))
def test_calendar_rule_only_the_reader_checks(name):
    document = mutated(GOOD_CALENDAR, READER_ONLY_CALENDAR[name])
    assert schema_errors(CALENDAR, document) == []
    reader_error(civitas.parse_calendar, document)


@pytest.mark.parametrize("name", sorted(READER_ONLY_PLAN))
def test_plan_rule_only_the_reader_checks(name):
    document = mutated(GOOD_PLAN, READER_ONLY_PLAN[name])
    assert schema_errors(PLAN, document) == []
    reader_error(civitas.parse_plan, document)


def test_a_lag_written_2_0_is_refused_by_the_reader_with_a_reason():
    """JSON Schema counts 2.0 as an integer; the reader wants the number written whole."""
    document = mutated(GOOD_PLAN, put(dep, "lag", 2.0))
    assert '"lag": 2.0' in text(document)
    error = reader_error(civitas.parse_plan, document)
    assert error.location == "$.tasks[1].depends_on[1].lag"
    assert "is not an integer" in str(error)


# ---- campaign files ------------------------------------------------------------------------
# A campaign file names other files (frameworks, the calendar, the plan, observation files) by
# bundled id or by a path relative to itself. GOOD_CAMPAIGN names only bundled ones, writes its
# plan in place and names no observation file, so that it reads the same from any folder.


def test_the_campaign_files_are_found():
    assert ROOT / "examples" / "lanzhou" / "campaign.json" in CAMPAIGN_FILES


@pytest.mark.parametrize("path", CAMPAIGN_FILES, ids=rel)
def test_campaign_file_is_valid(path):
    document = load(path)
    assert schema_errors(CAMPAIGN, document) == []
    campaign = civitas.load_campaign(path)  # and the reader agrees, with what the file names
    assert [t.id for t in campaign.spec.titles] == [t["id"] for t in document["titles"]]
    if isinstance(document.get("plan"), str):  # the plan file it names is a valid root plan file
        plan = path.parent / document["plan"]
        assert schema_errors(PLAN, load(plan)) == [] and schema_errors(ROOT_PLAN, load(plan)) == []


def test_the_lanzhou_campaign_with_its_plan_in_place_is_valid():
    """The example's plan file, written into the campaign file, is a valid plan in place."""
    folder = ROOT / "examples" / "lanzhou"
    document = load(folder / "campaign.json")
    document["plan"] = load(folder / "plan.json")
    assert schema_errors(CAMPAIGN, document) == []
    document["plan"].pop("titles")  # the campaign's titles are implied
    assert schema_errors(CAMPAIGN, document) == []
    in_place = civitas.parse_campaign(text(document), str(folder / "campaign.json"))
    assert len(in_place.plan.tasks) == len(civitas.load_campaign(folder / "campaign.json").plan.tasks)


@pytest.mark.parametrize("where, block", CAMPAIGN_BLOCKS, ids=[w for w, _ in CAMPAIGN_BLOCKS])
def test_campaign_in_docs_is_valid(where, block):
    # The schema only: a campaign in the docs names files beside it that the docs do not hold.
    assert schema_errors(CAMPAIGN, parsed(where, block)) == []


GOOD_CAMPAIGN = {
    "format": "civitas-campaign/1",
    "id": "city",
    "name": "示例市创建",
    "language": "zh",
    "calendar": "cn",
    "titles": [
        {
            "id": "garden",
            "name": "国家园林城市",
            "framework": "garden-city-2010",
            "dates": {"benchmark": "2025-09-01", "application": "2026-08-14", "inspection": "2026-10-30"},
        },
        {"id": "model", "name": "国家环保模范城市", "framework": "lanzhou-illustrative"},
        {"id": "sanitary", "name": "国家卫生城市", "dates": {"inspection": "2026-09-15"}},
    ],
    "units": [
        {"id": "city", "name": "示例市"},
        {"id": "east", "name": "东区", "parent": "city", "classes": {"garden": "land-lt-80"}},
        {"id": "school", "parent": "east"},
    ],
    "departments": [
        {"id": "gardens", "name": "市园林局", "leader": "分管副市长"},
        {"id": "ecology", "name": "市生态环境局"},
    ],
    "targets": [
        {"title": "garden", "indicator": "built_up_green_coverage", "unit": "city", "value": 40,
         "deadline": "2026-06-30", "department": "gardens"},
        {"title": "model", "indicator": "air_good_days", "value": 300, "department": "ecology"},
    ],
    "plan": {
        "id": "city-plan",
        "responsibility_fields": ["department"],
        "phases": [{"id": "implement"}],
        "tasks": [
            {"id": "kickoff", "due": "2025-09-01", "milestone": True},
            {"id": "parks", "phase": "implement", "titles": ["garden"], "start": "2025-09-02", "due": "2025-12-31",
             "depends_on": ["kickoff"], "responsibility": {"department": "市园林局"}},
        ],
    },
}


def title(d: dict, k: int = 0) -> dict:
    return d["titles"][k]


def dates(d: dict) -> dict:
    return d["titles"][0]["dates"]


def unit(d: dict, k: int = 1) -> dict:
    return d["units"][k]


def department(d: dict) -> dict:
    return d["departments"][0]


def target(d: dict, k: int = 0) -> dict:
    return d["targets"][k]


def plan(d: dict) -> dict:
    return d["plan"]


def plan_task(d: dict) -> dict:
    return d["plan"]["tasks"][1]


def test_the_good_campaign_is_valid_for_both():
    assert schema_errors(CAMPAIGN, GOOD_CAMPAIGN) == []
    campaign = civitas.parse_campaign(text(GOOD_CAMPAIGN))
    assert len(campaign.plan.tasks) == 2
    assert campaign.unit_class("east", "garden") == "land-lt-80"


BAD_CAMPAIGNS: dict[str, tuple[Callable[[dict], Any], str]] = {
    # unknown keys, everywhere
    "unknown top-level key": (put(top, "owner", "市政府"), "$.owner"),
    "unknown title key": (put(title, "owner", "x"), "$.titles[0].owner"),
    "unknown dates key": (put(dates, "start", "2025-09-01"), "$.titles[0].dates.start"),
    "unknown unit key": (put(unit, "owner", "x"), "$.units[1].owner"),
    "unknown department key": (put(department, "owner", "x"), "$.departments[0].owner"),
    "unknown target key": (put(target, "owner", "x"), "$.targets[0].owner"),
    "unknown key in the plan": (put(plan, "owner", "x"), "$.plan.owner"),
    "unknown key in a plan task": (put(plan_task, "owner", "x"), "$.plan.tasks[1].owner"),
    # required keys
    "no id": (drop(top, "id"), "$.id"),
    "no titles": (drop(top, "titles"), "$.titles"),
    "title without id": (drop(lambda d: title(d, 1), "id"), "$.titles[1].id"),
    "unit without id": (drop(unit, "id"), "$.units[1].id"),
    "department without id": (drop(department, "id"), "$.departments[0].id"),
    "target without title": (drop(target, "title"), "$.targets[0].title"),
    "target without indicator": (drop(target, "indicator"), "$.targets[0].indicator"),
    "target without value": (drop(target, "value"), "$.targets[0].value"),
    "plan without id": (drop(plan, "id"), "$.plan.id"),
    "plan task without due": (drop(plan_task, "due"), "$.plan.tasks[1].due"),
    # empty ids and names
    "empty title id": (put(title, "id", ""), "$.titles[0].id"),
    "empty unit id": (put(unit, "id", ""), "$.units[1].id"),
    "empty department id": (put(department, "id", ""), "$.departments[0].id"),
    "empty framework": (put(title, "framework", ""), "$.titles[0].framework"),
    "empty calendar": (put(top, "calendar", ""), "$.calendar"),
    "empty plan file name": (put(top, "plan", ""), "$.plan"),
    # wrong types
    "id a number": (put(top, "id", 7), "$.id"),
    "name a number": (put(top, "name", 7), "$.name"),
    "titles an object": (put(top, "titles", {}), "$.titles"),
    "title name a number": (put(title, "name", 1), "$.titles[0].name"),
    "framework a number": (put(title, "framework", 2016), "$.titles[0].framework"),
    "dates a string": (put(title, "dates", "2026-10-30"), "$.titles[0].dates"),
    "calendar a list": (put(top, "calendar", ["cn"]), "$.calendar"),
    "units an object": (put(top, "units", {"city": {}}), "$.units"),
    "parent null": (put(unit, "parent", None), "$.units[1].parent"),
    "classes a string": (put(unit, "classes", "land-lt-80"), "$.units[1].classes"),
    "a class a number": (put(unit, "classes", {"garden": 80}), "$.units[1].classes.garden"),
    "leader a number": (put(department, "leader", 1), "$.departments[0].leader"),
    "target value a string": (put(target, "value", "40"), "$.targets[0].value"),
    "target value null": (put(target, "value", None), "$.targets[0].value"),
    "target value true": (put(target, "value", True), "$.targets[0].value"),
    "target unit a number": (put(target, "unit", 1), "$.targets[0].unit"),
    "target department a list": (put(target, "department", ["gardens"]), "$.targets[0].department"),
    "observations a string": (put(top, "observations", "observations/city.csv"), "$.observations"),
    "an observation file a number": (put(top, "observations", [1]), "$.observations[0]"),
    "an observation file neither CSV nor JSON": (put(top, "observations", ["observations/city.txt"]), "$.observations[0]"),
    "an observation file in capitals": (put(top, "observations", ["observations/CITY.CSV"]), "$.observations[0]"),
    "plan a number": (put(top, "plan", 1), "$.plan"),
    "plan a list": (put(top, "plan", []), "$.plan"),
    "plan task weight a string": (put(plan_task, "weight", "1"), "$.plan.tasks[1].weight"),
    # bad enums and constants
    "wrong format": (put(top, "format", "civitas-campaign/2"), "$.format"),
    "a plan's format": (put(top, "format", "civitas-plan/1"), "$.format"),
    "language fr": (put(top, "language", "fr"), "$.language"),
    "language in capitals": (put(top, "language", "ZH"), "$.language"),
    "empty language": (put(top, "language", ""), "$.language"),
    "wrong format of the plan": (put(plan, "format", "civitas-campaign/1"), "$.plan.format"),
    # bad date patterns
    "benchmark without leading zeros": (put(dates, "benchmark", "2025-9-1"), "$.titles[0].dates.benchmark"),
    "application with slashes": (put(dates, "application", "2026/08/14"), "$.titles[0].dates.application"),
    "inspection with a time": (put(dates, "inspection", "2026-10-30T09:00"), "$.titles[0].dates.inspection"),
    "deadline month 13": (put(target, "deadline", "2026-13-01"), "$.targets[0].deadline"),
    "deadline a number": (put(target, "deadline", 20260630), "$.targets[0].deadline"),
    "plan task due without dashes": (put(plan_task, "due", "20251231"), "$.plan.tasks[1].due"),
}


@pytest.mark.parametrize("name", sorted(BAD_CAMPAIGNS))
def test_campaign_mutation_refused_by_both(name):
    change, location = BAD_CAMPAIGNS[name]
    document = mutated(GOOD_CAMPAIGN, change)
    assert schema_errors(CAMPAIGN, document), f"the schema accepts a campaign with {name}"
    assert_schema_points_at(CAMPAIGN, document, location)
    error = reader_error(civitas.parse_campaign, document)
    assert error.file == "mutated.json"
    assert error.location == location, str(error)


GOOD_CAMPAIGN_VARIANTS: dict[str, Callable[[dict], Any]] = {
    "only an id and titles": lambda d: [d.pop(k) for k in list(d) if k not in ("id", "titles")],
    "no titles at all and no plan": lambda d: (d.update(titles=[], units=[], targets=[]), d.pop("plan")),
    "no format": drop(top, "format"),
    "an empty campaign id": put(top, "id", ""),
    "no language": drop(top, "language"),
    "language en": put(top, "language", "en"),
    "no calendar": drop(top, "calendar"),
    "a dated bundled calendar": put(top, "calendar", "cn-2025"),
    "empty lists": lambda d: d.update(units=[], departments=[], targets=[], observations=[]),
    "a title with only an id": lambda d: d["titles"].append({"id": "historic"}),
    "a title with empty dates": put(title, "dates", {}),
    "a title with one date": put(title, "dates", {"application": "2026-08-14"}),
    "equal dates": put(title, "dates", {"benchmark": "2026-01-01", "application": "2026-01-01", "inspection": "2026-01-01"}),
    "a unit with an empty parent": put(unit, "parent", ""),
    "a unit with empty classes": put(unit, "classes", {}),
    "a department with empty name and leader": put(department, "leader", ""),
    "a target for every unit, without department": lambda d: target(d).update(unit="", department=""),
    "a target without deadline": drop(target, "deadline"),
    "a fractional target": put(target, "value", 40.5),
    "a target at the bound": put(target, "value", 100),
    "no plan": drop(top, "plan"),
    "the plan with the campaign's titles written out": put(
        plan, "titles", [{"id": "garden", "name": "国家园林城市"}, {"id": "model", "name": "国家环保模范城市"},
                         {"id": "sanitary", "name": "国家卫生城市"}]
    ),
    "the plan with a format": put(plan, "format", "civitas-plan/1"),
    "the plan with an inline sub-plan": put(plan, "subplans", [{"id": "east", "tasks": []}]),
    "an empty list of observation files": put(top, "observations", []),
}


@pytest.mark.parametrize("name", sorted(GOOD_CAMPAIGN_VARIANTS))
def test_campaign_variant_accepted_by_both(name):
    document = mutated(GOOD_CAMPAIGN, GOOD_CAMPAIGN_VARIANTS[name])
    assert schema_errors(CAMPAIGN, document) == []
    civitas.parse_campaign(text(document))


def test_campaign_naming_files_is_valid_for_both(tmp_path):
    """A framework, a calendar and a plan kept in files beside the campaign file."""
    (tmp_path / "frameworks").mkdir()
    (tmp_path / "frameworks" / "garden.json").write_text(
        (ROOT / "data" / "frameworks" / "garden-city-2010.json").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "calendar.json").write_text((ROOT / "data" / "calendars" / "cn.json").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "plan.json").write_text(text({"format": PLAN_FORMAT, **GOOD_CAMPAIGN["plan"]}), encoding="utf-8")
    (tmp_path / "observations").mkdir()
    (tmp_path / "observations" / "city.csv").write_text("unit,indicator,date,value\neast,built_up_green_coverage,2025-06-30,37.5\n",
                                                       encoding="utf-8")
    document = mutated(GOOD_CAMPAIGN, lambda d: (
        title(d).update(framework="frameworks/garden.json"),
        d.update(calendar="calendar.json", plan="plan.json", observations=["observations/city.csv"]),
    ))
    assert schema_errors(CAMPAIGN, document) == []
    (tmp_path / "campaign.json").write_text(text(document), encoding="utf-8")
    from_files = civitas.load_campaign(tmp_path / "campaign.json")
    bundled = civitas.parse_campaign(text(GOOD_CAMPAIGN))
    assert len(from_files.plan.tasks) == len(bundled.plan.tasks) == 2
    assert from_files.spec.plan_file == "plan.json"
    assert from_files.spec.titles[0].framework == "frameworks/garden.json"


READER_ONLY_CAMPAIGN: dict[str, Callable[[dict], Any]] = {
    "a day the month does not have": put(dates, "inspection", "2026-02-30"),
    "application before benchmark": put(dates, "application", "2025-08-31"),
    "inspection before application": put(dates, "inspection", "2026-08-13"),
    "inspection before benchmark, no application": put(
        lambda d: title(d, 2), "dates", {"benchmark": "2026-09-16", "inspection": "2026-09-15"}
    ),
    "a duplicate title id": put(lambda d: title(d, 2), "id", "garden"),
    "a duplicate unit id": put(lambda d: unit(d, 2), "id", "east"),
    "a duplicate department id": lambda d: d["departments"][1].update(id="gardens"),
    "an unknown parent": put(unit, "parent", "north"),
    "a parent listed after its unit": put(lambda d: unit(d, 0), "parent", "east"),
    "a class of an unknown title": put(unit, "classes", {"forest": "land-lt-80"}),
    "a class of a title without framework": put(unit, "classes", {"sanitary": "land-lt-80"}),
    "a class the framework does not use": put(unit, "classes", {"garden": "large"}),
    "a class for a framework without class lines": put(unit, "classes", {"model": "land-lt-80"}),
    "a target of an unknown title": put(target, "title", "forest"),
    "a target of a title without framework": put(target, "title", "sanitary"),
    "a target of an unknown indicator": put(target, "indicator", "air_good_days"),
    "a target of an unknown unit": put(target, "unit", "north"),
    "a target of an unknown department": put(target, "department", "water"),
    "a target above the bounds": put(target, "value", 100.5),
    "a target below the bounds": put(lambda d: target(d, 1), "value", -1),
    "an unknown bundled framework": put(title, "framework", "garden-city-2099"),
    "a framework file that does not exist": put(title, "framework", "frameworks/missing.json"),
    "an unknown bundled calendar": put(top, "calendar", "mars"),
    "a plan file that does not exist": put(top, "plan", "missing-plan.json"),
    "an observation file that does not exist": put(top, "observations", ["observations/missing.csv"]),
    "the plan with other titles": put(plan, "titles", [{"id": "garden"}]),
    "a plan task of an unknown title": put(plan_task, "titles", ["forest"]),
    "a plan task due before its start": put(plan_task, "due", "2025-09-01"),
}


@pytest.mark.parametrize("name", sorted(READER_ONLY_CAMPAIGN))
def test_campaign_rule_only_the_reader_checks(name):
    document = mutated(GOOD_CAMPAIGN, READER_ONLY_CAMPAIGN[name])
    assert schema_errors(CAMPAIGN, document) == []
    reader_error(civitas.parse_campaign, document)


def test_campaign_schema_uses_the_plan_schemas_root_plan():
    schema = load(SCHEMAS / "campaign.schema.json")
    refs = [option.get("$ref") for option in schema["properties"]["plan"]["oneOf"]]
    assert "plan.schema.json#/$defs/plan" in refs
    # a sub-plan file's shape (responsibility, no titles) is no plan in place
    document = mutated(GOOD_CAMPAIGN, put(plan, "responsibility", {"department": "市园林局"}))
    assert_schema_points_at(CAMPAIGN, document, "$.plan.responsibility")
    assert reader_error(civitas.parse_campaign, document).location == "$.plan.responsibility"


# ---- campaign files: rounds, checks and field inspections --------------------------------------
# GOOD_ASSESSMENT is GOOD_CAMPAIGN with a civilized-city title (the bundled round scheme by
# default), a scheme of its own for "model", two rounds, a check and a field inspection in place.

GOOD_ASSESSMENT = copy.deepcopy(GOOD_CAMPAIGN)
GOOD_ASSESSMENT["titles"][1]["scheme"] = {
    "name": "模拟测评",
    "parts": [{"id": "field", "name": "实地考察", "mode": "field_inspection", "full_points": 6},
              {"id": "documents", "mode": "document_review", "full_points": 4}],
    "year_weights": [0.4, 0.6],
    "first_year": 2025,
    "consequences": [{"id": "warning", "name": "预警", "below": 6}, {"id": "warning", "flag": "falsified_materials", "months": 6}],
    "source": "illustrative",
}
GOOD_ASSESSMENT["titles"].append({"id": "civilized", "name": "全国文明城市", "framework": "civilized-city-annual-2018"})
GOOD_ASSESSMENT["rounds"] = [
    {"id": "cc-2025", "title": "civilized", "date": "2025-12-20", "name": "2025年度测评",
     "parts": {"document_review": 31, "field_inspection": 31.5, "questionnaire": 16}, "source": "synthetic"},
    {"id": "m1", "title": "model", "kind": "mock_test", "date": "2026-03-20", "year": 2026, "total": 7, "flags": ["falsified_materials"]},
]
GOOD_ASSESSMENT["checks"] = [
    {"id": "pre", "title": "civilized", "kind": "provincial_precheck", "date": "2026-05-10", "end": "2026-06-15",
     "name": "省级预检", "notes": "the seed's window"},
]
GOOD_ASSESSMENT["inspections"] = [
    {"id": "fi", "title": "model", "round": "m1", "date": "2026-03-18", "name": "模拟暗访", "source": "synthetic",
     "mandatory": ["hospital"], "indicators": ["street_cleanliness_problems"],
     "sites": [{"id": "s1", "unit": "east", "type": "street", "name": "东区某路", "date": "2026-03-19"},
               {"id": "s2", "unit": "school", "type": "school"}],
     "problems": [{"site": "s1", "indicator": "street_cleanliness_problems", "description": "垃圾散落", "count": 2, "deduction": 0.2}]},
]


def scheme(d: dict) -> dict:
    return d["titles"][1]["scheme"]


def a_round(d: dict, k: int = 0) -> dict:
    return d["rounds"][k]


def a_check(d: dict) -> dict:
    return d["checks"][0]


def an_inspection(d: dict) -> dict:
    return d["inspections"][0]


def a_site(d: dict) -> dict:
    return d["inspections"][0]["sites"][0]


def a_problem(d: dict) -> dict:
    return d["inspections"][0]["problems"][0]


def test_the_good_assessment_campaign_is_valid_for_both():
    assert schema_errors(CAMPAIGN, GOOD_ASSESSMENT) == []
    campaign = civitas.parse_campaign(text(GOOD_ASSESSMENT))
    assert campaign.round_scheme("civilized") == civitas.load_bundled_round_scheme("civilized-city-2018")
    assert [r.id for r in campaign.rounds()] == ["cc-2025", "m1"]
    assert campaign.checks[0].end.isoformat() == "2026-06-15"
    assert [(r.unit, r.problems) for r in campaign.field_rollup("fi")] == [("east", 2), ("city", 2), ("school", 0)]
    assert civitas.parse_campaign(civitas.campaign_to_json(campaign)) == campaign


BAD_ASSESSMENTS: dict[str, tuple[Callable[[dict], Any], str]] = {
    "unknown round key": (put(a_round, "owner", "x"), "$.rounds[0].owner"),
    "unknown check key": (put(a_check, "owner", "x"), "$.checks[0].owner"),
    "unknown inspection key": (put(an_inspection, "owner", "x"), "$.inspections[0].owner"),
    "unknown site key": (put(a_site, "kind", "street"), "$.inspections[0].sites[0].kind"),
    "unknown problem key": (put(a_problem, "points", 1), "$.inspections[0].problems[0].points"),
    "unknown scheme key": (put(scheme, "owner", "x"), "$.titles[1].scheme.owner"),
    "round without date": (drop(a_round, "date"), "$.rounds[0].date"),
    "round without title": (drop(a_round, "title"), "$.rounds[0].title"),
    "check without id": (drop(a_check, "id"), "$.checks[0].id"),
    "site without unit": (drop(a_site, "unit"), "$.inspections[0].sites[0].unit"),
    "problem without indicator": (drop(a_problem, "indicator"), "$.inspections[0].problems[0].indicator"),
    "round kind unknown": (put(a_round, "kind", "annual"), "$.rounds[0].kind"),
    "check kind null": (put(a_check, "kind", None), "$.checks[0].kind"),
    "check date with slashes": (put(a_check, "date", "2026/05/10"), "$.checks[0].date"),
    "part points a string": (lambda d: a_round(d)["parts"].update(field_inspection="31.5"), "$.rounds[0].parts.field_inspection"),
    "round year fractional": (put(lambda d: a_round(d, 1), "year", 2026.5), "$.rounds[1].year"),
    "problem count 0": (put(a_problem, "count", 0), "$.inspections[0].problems[0].count"),
    "mandatory a string": (put(an_inspection, "mandatory", "hospital"), "$.inspections[0].mandatory"),
    "scheme full points 0": (lambda d: scheme(d)["parts"][0].update(full_points=0), "$.titles[1].scheme.parts[0].full_points"),
    "scheme without parts": (drop(scheme, "parts"), "$.titles[1].scheme.parts"),
    "an unknown bundled scheme": (put(lambda d: d["titles"][1], "scheme", "garden-2016"), "$.titles[1].scheme"),
    "a consequence with a line and a flag": (lambda d: scheme(d)["consequences"][0].update(flag="late"),
                                             "$.titles[1].scheme.consequences[0]"),
    "a consequence of 0 months": (lambda d: scheme(d)["consequences"][1].update(months=0), "$.titles[1].scheme.consequences[1].months"),
    "year weights a string": (put(scheme, "year_weights", "0.4, 0.6"), "$.titles[1].scheme.year_weights"),
}


@pytest.mark.parametrize("name", sorted(BAD_ASSESSMENTS))
def test_assessment_mutation_refused_by_both(name):
    change, location = BAD_ASSESSMENTS[name]
    document = mutated(GOOD_ASSESSMENT, change)
    assert schema_errors(CAMPAIGN, document), f"the schema accepts a campaign with {name}"
    assert_schema_points_at(CAMPAIGN, document, location)
    error = reader_error(civitas.parse_campaign, document)
    assert error.file == "mutated.json"
    assert error.location == location, str(error)


READER_ONLY_ASSESSMENT: dict[str, tuple[Callable[[dict], Any], str]] = {
    "a round of a title without scheme": (put(a_round, "title", "garden"), "$.rounds[0].title"),
    "a round of an unknown title": (put(a_round, "title", "forest"), "$.rounds[0].title"),
    "a part above its full points": (lambda d: a_round(d)["parts"].update(field_inspection=41), "$.rounds[0].parts.field_inspection"),
    "an unknown part": (lambda d: a_round(d)["parts"].update(online=3), "$.rounds[0].parts.online"),
    "a total unlike the parts' sum": (put(a_round, "total", 80), "$.rounds[0].total"),
    "a total above full points": (put(lambda d: a_round(d, 1), "total", 11), "$.rounds[1].total"),
    "an unknown flag": (put(lambda d: a_round(d, 1), "flags", ["late"]), "$.rounds[1].flags[0]"),
    "a duplicate round id": (put(lambda d: a_round(d, 1), "id", "cc-2025"), "$.rounds[1].id"),
    "year weights not summing to 1": (put(scheme, "year_weights", [0.4, 0.5]), "$.titles[1].scheme.year_weights"),
    "a duplicate part id": (lambda d: scheme(d)["parts"][1].update(id="field"), "$.titles[1].scheme.parts[1].id"),
    "a check ending before it starts": (put(a_check, "end", "2026-05-09"), "$.checks[0].end"),
    "a check of an unknown title": (put(a_check, "title", "forest"), "$.checks[0].title"),
    "a site in an unknown unit": (put(a_site, "unit", "north"), "$.inspections[0].sites[0].unit"),
    "a duplicate site id": (lambda d: an_inspection(d)["sites"][1].update(id="s1"), "$.inspections[0].sites[1].id"),
    "a problem at an unknown site": (put(a_problem, "site", "s9"), "$.inspections[0].problems[0].site"),
    "a problem of an indicator not checked": (put(a_problem, "indicator", "waterlogging_points"),
                                              "$.inspections[0].problems[0].indicator"),
    "an indicator that is no problem count": (put(an_inspection, "indicators", ["street_cleanliness_problems", "built_up_green_coverage"]),
                                              "$.inspections[0].indicators[1]"),
    "a round of another title": (put(an_inspection, "round", "cc-2025"), "$.inspections[0].round"),
    "an unknown round": (put(an_inspection, "round", "m9"), "$.inspections[0].round"),
}


@pytest.mark.parametrize("name", sorted(READER_ONLY_ASSESSMENT))
def test_assessment_rule_only_the_reader_checks(name):
    change, location = READER_ONLY_ASSESSMENT[name]
    document = mutated(GOOD_ASSESSMENT, change)
    assert schema_errors(CAMPAIGN, document) == []
    assert reader_error(civitas.parse_campaign, document).location == location


GOOD_ASSESSMENT_VARIANTS: dict[str, Callable[[dict], Any]] = {
    "the bundled scheme by id": put(lambda d: d["titles"][3], "scheme", "civilized-city-2018"),
    "a scheme with only parts": lambda d: (d["titles"][1].update(scheme={"parts": [{"id": "all", "full_points": 10}]}),
                                           a_round(d, 1).pop("flags")),
    "a round with only a total": lambda d: a_round(d).update(parts={}, total=78.5),
    "a round with some parts": lambda d: a_round(d)["parts"].pop("questionnaire"),
    "a check for every title, kind other": lambda d: [a_check(d).pop(k) for k in ("title", "kind", "end", "name", "notes")],
    "an inspection without sites": lambda d: an_inspection(d).update(sites=[], problems=[]),
    "an inspection without title": lambda d: [an_inspection(d).pop(k) for k in ("title", "round")],
    "a problem without count and deduction": lambda d: [a_problem(d).pop(k) for k in ("count", "deduction")],
    "empty lists": lambda d: d.update(rounds=[], checks=[], inspections=[]),
}


@pytest.mark.parametrize("name", sorted(GOOD_ASSESSMENT_VARIANTS))
def test_assessment_variant_accepted_by_both(name):
    document = mutated(GOOD_ASSESSMENT, GOOD_ASSESSMENT_VARIANTS[name])
    assert schema_errors(CAMPAIGN, document) == []
    civitas.parse_campaign(text(document))


# A field-inspection file (civitas-inspection/1) is $defs/inspection_file of the campaign schema.
INSPECTION_FILE = jsonschema.Draft202012Validator(
    {"$ref": load(SCHEMAS / "campaign.schema.json")["$id"] + "#/$defs/inspection_file"}, registry=REGISTRY
)
INSPECTION_FILES = sorted(p for p in json_files("data", "examples", "tests/data") if format_of(p) == "civitas-inspection/1")


def test_the_example_inspection_file_is_found():
    assert ROOT / "examples" / "lanzhou" / "inspections.json" in INSPECTION_FILES


@pytest.mark.parametrize("path", INSPECTION_FILES, ids=rel)
def test_inspection_file_is_valid_for_both(path):
    assert schema_errors(INSPECTION_FILE, load(path)) == []
    assert civitas.load_field_inspection(str(path)).id == load(path)["id"]


def test_an_inspection_file_is_valid_for_both(tmp_path):
    inspection = {"format": "civitas-inspection/1", **GOOD_ASSESSMENT["inspections"][0]}
    assert schema_errors(INSPECTION_FILE, inspection) == []
    (tmp_path / "fi.json").write_text(text(inspection), encoding="utf-8")
    document = mutated(GOOD_ASSESSMENT, lambda d: d.update(inspections=[{"file": "fi.json"}]))
    assert schema_errors(CAMPAIGN, document) == []
    (tmp_path / "campaign.json").write_text(text(document), encoding="utf-8")
    campaign = civitas.load_campaign(tmp_path / "campaign.json")
    assert campaign.inspections[0].file == "fi.json"
    # The file's own faults are reported in the file, at its own path.
    (tmp_path / "fi.json").write_text(text({**inspection, "format": "civitas-inspection/2"}), encoding="utf-8")
    assert schema_errors(INSPECTION_FILE, {**inspection, "format": "civitas-inspection/2"})
    with pytest.raises(civitas.ParseError) as info:
        civitas.load_campaign(tmp_path / "campaign.json")
    assert (Path(info.value.file).name, info.value.location) == ("fi.json", "$.format")


# ---- round-scheme files (civitas-round-scheme/1) ---------------------------------------------
# The bundled schemes (data/round-schemes/<id>.json) and any other round-scheme file; the same
# object is a campaign title's "scheme" and a framework's "round_scheme" written in place.

ROUND_SCHEME_FORMAT = "civitas-round-scheme/1"
ROUND_SCHEME = validator_for("round-scheme")
FRAMEWORK = validator_for("framework")
ROUND_SCHEME_FILES = sorted(p for p in json_files("data", "examples", "tests/data") if format_of(p) == ROUND_SCHEME_FORMAT)
ROUND_SCHEME_BLOCKS = doc_blocks(ROUND_SCHEME_FORMAT)


def test_the_round_scheme_files_are_found():
    assert ROOT / "data" / "round-schemes" / "civilized-city-2018.json" in ROUND_SCHEME_FILES
    assert len(ROUND_SCHEME_BLOCKS) >= 1, "docs/format.md shows no round-scheme file"


@pytest.mark.parametrize("path", ROUND_SCHEME_FILES, ids=rel)
def test_round_scheme_file_is_valid_for_both(path):
    assert schema_errors(ROUND_SCHEME, load(path)) == []
    scheme = civitas.load_round_scheme(path)
    assert civitas.parse_round_scheme(civitas.round_scheme_to_json(scheme)) == scheme
    assert schema_errors(ROUND_SCHEME, json.loads(civitas.round_scheme_to_json(scheme))) == []


def test_a_bundled_scheme_is_named_by_its_id_and_listed_in_the_schema():
    bundled = sorted(p.stem for p in (ROOT / "data" / "round-schemes").glob("*.json"))
    assert bundled == civitas.bundled_round_scheme_ids()
    for scheme_id in bundled:
        assert civitas.load_bundled_round_scheme(scheme_id).id == scheme_id
    reference = load(SCHEMAS / "round-scheme.schema.json")["$defs"]["reference"]["oneOf"][0]
    assert reference["enum"] == bundled


@pytest.mark.parametrize("where, block", ROUND_SCHEME_BLOCKS, ids=[w for w, _ in ROUND_SCHEME_BLOCKS])
def test_round_scheme_in_docs_is_valid(where, block):
    document = parsed(where, block)
    assert schema_errors(ROUND_SCHEME, document) == []
    civitas.parse_round_scheme(block, where)


GOOD_SCHEME = {"format": ROUND_SCHEME_FORMAT, **GOOD_ASSESSMENT["titles"][1]["scheme"]}

BAD_SCHEMES: dict[str, tuple[Callable[[dict], Any], str]] = {
    "another format": (put(top, "format", "civitas-round-scheme/2"), "$.format"),
    "an unknown key": (put(top, "owner", "x"), "$.owner"),
    "no parts": (drop(top, "parts"), "$.parts"),
    "no parts at all": (put(top, "parts", []), "$.parts"),
    "full points 0": (lambda d: d["parts"][0].update(full_points=0), "$.parts[0].full_points"),
    "an unknown mode": (lambda d: d["parts"][1].update(mode="telepathy"), "$.parts[1].mode"),
    "a first year of 1850": (put(top, "first_year", 1850), "$.first_year"),
    "a consequence of 0 months": (lambda d: d["consequences"][1].update(months=0), "$.consequences[1].months"),
    "a consequence with a line and a flag": (lambda d: d["consequences"][0].update(flag="late"), "$.consequences[0]"),
}


def test_the_good_scheme_is_valid_for_both():
    assert schema_errors(ROUND_SCHEME, GOOD_SCHEME) == []
    scheme = civitas.parse_round_scheme(text(GOOD_SCHEME))
    assert [p.id for p in scheme.parts] == ["field", "documents"]
    assert civitas.round_scheme_to_json(scheme).startswith('{\n  "format": "civitas-round-scheme/1",')


@pytest.mark.parametrize("name", sorted(BAD_SCHEMES))
def test_round_scheme_mutation_refused_by_both(name):
    change, location = BAD_SCHEMES[name]
    document = mutated(GOOD_SCHEME, change)
    assert schema_errors(ROUND_SCHEME, document), f"the schema accepts a scheme with {name}"
    assert_schema_points_at(ROUND_SCHEME, document, location)
    error = reader_error(civitas.parse_round_scheme, document)
    assert (error.file, error.location) == ("mutated.json", location)


def test_year_weights_not_summing_to_1_only_the_reader_checks():
    document = mutated(GOOD_SCHEME, put(top, "year_weights", [0.4, 0.5]))
    assert schema_errors(ROUND_SCHEME, document) == []
    error = reader_error(civitas.parse_round_scheme, document)
    assert error.location == "$.year_weights"
    assert "0.9" in str(error) and "0.9" in error.message_zh


# ---- a framework's round scheme ----------------------------------------------------------------

GOOD_FRAMEWORK = {
    "format": "civitas-framework/1",
    "id": "x",
    "name": "x",
    "reliability": "illustrative",
    "indicators": [{"id": "a", "pass": 1}],
    "round_scheme": "civilized-city-2018",
}


def test_a_framework_names_its_round_scheme_for_both():
    assert schema_errors(FRAMEWORK, GOOD_FRAMEWORK) == []
    framework = civitas.parse_framework(text(GOOD_FRAMEWORK))
    assert framework.spec.round_scheme == civitas.load_bundled_round_scheme("civilized-city-2018")
    # Written back by its id, and the same scheme written in place reads equal.
    assert json.loads(civitas.framework_to_json(framework))["round_scheme"] == "civilized-city-2018"
    in_place = mutated(GOOD_FRAMEWORK, put(top, "round_scheme", load(ROOT / "data" / "round-schemes" / "civilized-city-2018.json")))
    assert schema_errors(FRAMEWORK, in_place) == []
    assert civitas.parse_framework(text(in_place)) == framework


def test_a_framework_scheme_written_in_place_stays_in_place():
    document = mutated(GOOD_FRAMEWORK, put(top, "round_scheme", {"parts": [{"id": "a", "full_points": 10}]}))
    assert schema_errors(FRAMEWORK, document) == []
    framework = civitas.parse_framework(text(document))
    assert framework.spec.round_scheme == civitas.RoundScheme([civitas.RoundPart("a", 10)])
    assert json.loads(civitas.framework_to_json(framework))["round_scheme"] == {"parts": [{"id": "a", "full_points": 10.0}]}


def test_a_framework_naming_an_unknown_scheme_is_refused_by_both():
    document = mutated(GOOD_FRAMEWORK, put(top, "round_scheme", "garden-2016"))
    assert schema_errors(FRAMEWORK, document)
    error = reader_error(civitas.parse_framework, document)
    assert (error.file, error.location) == ("mutated.json", "$.round_scheme")
    assert "'garden-2016'" in str(error) and "civilized-city-2018" in str(error)
    assert "'garden-2016'" in error.message_zh and "内置计分方案" in error.message_zh


def test_a_framework_scheme_in_place_with_a_fault_is_refused_by_both():
    document = mutated(GOOD_FRAMEWORK, put(top, "round_scheme", {"parts": [{"id": "a", "full_points": -1}]}))
    assert schema_errors(FRAMEWORK, document)
    assert reader_error(civitas.parse_framework, document).location == "$.round_scheme.parts[0].full_points"


# ---- what civitas writes for hosts: an evaluation, a readiness ---------------------------------
# data/schema/evaluation.schema.json and readiness.schema.json describe JSON civitas writes
# (evaluation_to_json, readiness_to_json; the C API hands both on): what it writes is valid, the
# documented evaluation is what it writes, and the schemas refuse what it never writes.

EVALUATION = validator_for("evaluation")
READINESS = validator_for("readiness")
LANZHOU = ROOT / "examples" / "lanzhou" / "campaign.json"


def section_blocks(heading: str, fence: str) -> list[str]:
    """The ```<fence> blocks of docs/format.md under the section `## <heading>`."""
    markdown = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    start = markdown.index(f"\n## {heading}\n")
    end = markdown.find("\n## ", start + 1)
    return re.findall(rf"```{fence}\n(.*?)```", markdown[start : end if end >= 0 else None], re.S)


def approx_json(document: Any) -> Any:
    """The document with every float compared approximately (the docs round them)."""
    if isinstance(document, dict):
        return {k: approx_json(v) for k, v in document.items()}
    if isinstance(document, list):
        return [approx_json(v) for v in document]
    return pytest.approx(document, rel=1e-12) if isinstance(document, float) else document


def test_the_documented_evaluation_is_valid_and_what_civitas_writes():
    (block,) = section_blocks("Evaluation as JSON", "json")
    document = json.loads(block)
    assert schema_errors(EVALUATION, document) == []
    framework = civitas.load_framework(ROOT / "tests" / "data" / "format-examples" / "weights-points.json")
    units, _, columns, values = civitas.load_value_table(ROOT / "tests" / "data" / "format-examples" / "weights-points.csv")
    row = dict(zip(columns, values[units.index("B区")]))
    assert row == {"plan_adopted": 1, "funds_budgeted": 0, "street_order": 95}  # as the docs' Python block evaluates it
    evaluation = framework.evaluate(row, unit="B区")
    assert json.loads(civitas.evaluation_to_json(evaluation)) == approx_json(document)
    assert evaluation.to_dict() == approx_json(document)


def lanzhou_evaluations() -> list[civitas.Evaluation]:
    """The example table's units on the illustrative Lanzhou framework, and the classed units of the command line's test."""
    evaluations = []
    for framework, table, class_column in [("lanzhou-illustrative", ROOT / "examples" / "scoring" / "lanzhou-garden-city.csv", ""),
                                           ("garden-city-2010", ROOT / "tests" / "cli" / "data" / "garden.csv", "class")]:
        units, classes, columns, values = civitas.load_value_table(table, class_column=class_column)
        batch = civitas.load_bundled_framework(framework).evaluate_many(
            values, columns=columns, units=units, classes=classes or None, nan_as_missing=True)
        evaluations += [batch.unit(i) for i in range(len(batch))]
    return evaluations


def test_evaluations_are_valid():
    evaluations = lanzhou_evaluations()
    assert len(evaluations) >= 2
    for e in evaluations:
        assert schema_errors(EVALUATION, json.loads(civitas.evaluation_to_json(e))) == [], e.unit


def test_an_evaluation_of_invalid_data_is_valid_with_its_error_in_both_languages():
    framework = civitas.load_framework(ROOT / "tests" / "cli" / "data" / "mini.json")
    batch = framework.evaluate_many([[3.0, -1.0, 1.0]], columns=["coverage", "toilets", "plan"], units=["七里河区"])
    document = json.loads(civitas.evaluation_to_json(batch.unit(0)))
    assert schema_errors(EVALUATION, document) == []
    assert document["decided_by"] == "invalid" and document["total"] is None
    assert "negative" in document["error"] and "负数" in document["error_zh"]
    # The schema wants both languages or neither.
    assert schema_errors(EVALUATION, {k: v for k, v in document.items() if k != "error_zh"})


@pytest.mark.parametrize("as_of", ["2025-06-30", "2025-12-31", "2026-12-31"])
def test_readiness_of_the_example_is_valid(as_of):
    # 2026-12-31 is after every inspection date: nothing is projected.
    ready = civitas.readiness(civitas.load_campaign(LANZHOU), datetime.date.fromisoformat(as_of))
    text = civitas.readiness_to_json(ready)
    assert "NaN" not in text and "Infinity" not in text
    document = json.loads(text)
    assert schema_errors(READINESS, document) == []
    assert document["as_of"] == as_of
    evaluations = [u[k] for t in document["titles"] for u in t["units"] for k in ("now", "at_inspection") if u[k]]
    assert evaluations and all(schema_errors(EVALUATION, e) == [] for e in evaluations)


def readiness_document() -> dict:
    return json.loads(civitas.readiness_to_json(civitas.readiness(civitas.load_campaign(LANZHOU), datetime.date(2025, 12, 31))))


def first_unit(d: dict) -> dict:
    return d["titles"][0]["units"][0]


BAD_READINESS: dict[str, tuple[Callable[[dict], Any], str]] = {
    "another format": (put(top, "format", "civitas-readiness/2"), "$.format"),
    "a date in another form": (put(top, "as_of", "31/12/2025"), "$.as_of"),
    "a unit without its Chinese reason": (drop(first_unit, "reason_zh"), "$.titles[0].units[0].reason_zh"),
    "an unknown rag": (put(first_unit, "rag", "blue"), "$.titles[0].units[0].rag"),
    "an evaluation without its Chinese reason": (lambda d: first_unit(d)["now"].pop("reason_zh"),
                                                 "$.titles[0].units[0].now.reason_zh"),
    "a target without its reason": (lambda d: next(t for t in d["titles"] if t["targets"])["targets"][0].pop("reason"), None),
    "a count of overdue tasks below 0": (lambda d: first_unit(d)["facts"].update(overdue_tasks=-1),
                                         "$.titles[0].units[0].facts.overdue_tasks"),
}


@pytest.mark.parametrize("name", sorted(BAD_READINESS))
def test_readiness_schema_refuses_what_civitas_never_writes(name):
    change, location = BAD_READINESS[name]
    document = mutated(readiness_document(), change)
    assert schema_errors(READINESS, document), f"the schema accepts a readiness with {name}"
    if location is not None:
        assert_schema_points_at(READINESS, document, location)
