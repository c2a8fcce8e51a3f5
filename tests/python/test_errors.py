"""C++ exceptions as Python ones: the hierarchy, the attributes, and which error each
kind of bad input gives."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import pytest

import civitas
from civitas import Decision, FrameworkSpec, Interval

from conftest import demo_spec


def test_hierarchy() -> None:
    assert issubclass(civitas.Error, Exception)
    for error in (civitas.ValidationError, civitas.ParseError, civitas.NotFoundError):
        assert issubclass(error, civitas.Error)
    assert issubclass(civitas.ValidationError, ValueError)
    assert issubclass(civitas.ParseError, ValueError)
    assert issubclass(civitas.NotFoundError, LookupError)
    assert not issubclass(civitas.NotFoundError, ValueError)
    assert civitas.Error.__module__ == "civitas"
    assert civitas.ParseError.__name__ == "ParseError"


def test_errors_can_be_raised_from_python() -> None:
    with pytest.raises(civitas.Error, match="boom"):
        raise civitas.ValidationError("boom")
    error = civitas.ParseError("x")
    assert (error.file, error.location) == ("", "")
    assert civitas.ValidationError("x").path == ""


def test_malformed_json_file(tmp_path: Path) -> None:
    path = tmp_path / "坏的.json"
    path.write_text('{\n  "format": "civitas-framework/1",\n  "id": "x",\n  "name": \n}\n', encoding="utf-8")
    with pytest.raises(civitas.ParseError) as info:
        civitas.load_framework(path)
    error = info.value
    assert error.file == str(path)
    assert error.location.startswith("line 5")
    assert str(path) in str(error)
    assert error.location in str(error)


def test_malformed_json_text() -> None:
    with pytest.raises(civitas.ParseError) as info:
        civitas.parse_framework("{", file="inline.json")
    assert info.value.file == "inline.json"
    assert "inline.json" in str(info.value)
    assert "line 1" in info.value.location


def test_missing_key_names_json_path() -> None:
    text = civitas.framework_to_json(civitas.Framework(demo_spec()))
    broken = text.replace('"name": "示例体系",', "", 1)
    with pytest.raises(civitas.ParseError) as info:
        civitas.parse_framework(broken)
    assert info.value.location.startswith("$")
    assert info.value.file == "<string>"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(civitas.Error) as info:
        civitas.load_framework(tmp_path / "none.json")
    assert "none.json" in str(info.value)


def test_invalid_spec_names_path() -> None:
    with pytest.raises(civitas.ValidationError) as info:
        civitas.Framework(FrameworkSpec("x", scale=-1.0, root=demo_spec().root))
    assert info.value.path == "$.scale"
    assert "-1" in str(info.value)


def test_duplicate_indicator_id() -> None:
    spec = demo_spec()
    root = spec.root
    categories = root.categories
    b = categories[1]
    b.indicators = [*b.indicators, civitas.Indicator("a1", pass_=Interval.at_least(1.0))]
    categories[1] = b
    root.categories = categories
    spec.root = root
    with pytest.raises(civitas.ValidationError, match="a1") as info:
        civitas.Framework(spec)
    assert info.value.path.startswith("$.categories[1]")


def test_unknown_indicator_id() -> None:
    framework = civitas.Framework(demo_spec())
    with pytest.raises(civitas.NotFoundError, match="nope"):
        framework.evaluate({"nope": 1.0})
    with pytest.raises(civitas.NotFoundError, match="nope"):
        framework.indicator("nope")
    with pytest.raises(civitas.NotFoundError):
        framework.indicator_index("nope")
    with pytest.raises(civitas.NotFoundError):
        framework.evaluate_many(np.ones((2, 1)), columns=["nope"])
    with pytest.raises(civitas.NotFoundError):
        framework.evaluate({"a1": 40.0}).indicator("nope")
    with pytest.raises(LookupError):  # the Python family too
        framework.indicator("nope")


def test_unknown_bundled_id_lists_the_ids() -> None:
    with pytest.raises(civitas.NotFoundError) as info:
        civitas.load_bundled_framework("no-such-framework")
    for framework_id in civitas.bundled_framework_ids():
        assert framework_id in str(info.value)
    with pytest.raises(civitas.NotFoundError):
        civitas.bundled_framework_path("no-such-framework")


def test_nan_is_invalid_unless_missing() -> None:
    framework = civitas.Framework(demo_spec())
    with pytest.raises(civitas.ValidationError, match="a1"):
        framework.evaluate({"a1": math.nan})
    assert framework.evaluate({"a1": math.nan}, nan_as_missing=True).indicator("a1").value is None
    batch = framework.evaluate_many(np.array([[math.nan]]), columns=["a1"])
    assert batch.decided_by == [Decision.invalid]
    assert "a1" in batch.errors[0]
    assert not batch.ok
    ok = framework.evaluate_many(np.array([[math.nan]]), columns=["a1"], nan_as_missing=True)
    assert ok.ok


@pytest.mark.parametrize(
    ("indicator", "value"),
    [("a1", 120.0), ("a1", -1.0), ("a1", math.inf), ("b1", 0.5), ("b1", 2.0), ("b2", -1.0), ("a2", -math.inf)],
)
def test_invalid_values(indicator: str, value: float) -> None:
    framework = civitas.Framework(demo_spec())
    with pytest.raises(civitas.ValidationError, match=indicator):
        framework.evaluate({indicator: value})
    batch = framework.evaluate_many(np.array([[value], [0.0 if indicator != "a1" else 40.0]]), columns=[indicator])
    assert batch.decided_by[0] == Decision.invalid
    assert batch.errors[0]
    assert batch.errors[1] == ""
    assert batch.unit(0).error == batch.errors[0]


def test_bad_batch_arguments() -> None:
    framework = civitas.Framework(demo_spec())
    with pytest.raises(civitas.ValidationError, match="duplicate"):
        framework.evaluate_many(np.ones((1, 2)), columns=["a1", "a1"])
    with pytest.raises(ValueError, match="columns"):
        framework.evaluate_many(np.ones((1, 2)), columns=["a1"])
    with pytest.raises(civitas.ValidationError, match="data: an array of 1 dimensions; expected 2"):
        framework.evaluate_many(np.ones(3), columns=["a1"])
    with pytest.raises(civitas.ValidationError, match="columns: missing"):
        framework.evaluate_many(np.ones((1, 1)))
    with pytest.raises(civitas.ValidationError):
        framework.evaluate_many(np.ones((1, 1)), columns=["a1"], units=["x", "y"])
    with pytest.raises(ValueError, match="classes"):
        framework.evaluate_many(np.ones((1, 1)), columns=["a1"], classes=["x", "y"])


def test_malformed_csv(tmp_path: Path) -> None:
    path = tmp_path / "values.csv"
    path.write_text("unit,a1,b1\n兰州市,12,abc\n", encoding="utf-8")
    with pytest.raises(civitas.ParseError) as info:
        civitas.load_value_table(path)
    assert info.value.file == str(path)
    assert info.value.location.startswith("line 2")
    assert "abc" in str(info.value)


def test_load_value_table(tmp_path: Path) -> None:
    path = tmp_path / "values.csv"
    path.write_text("\ufeffunit,band,a1,b1\n兰州市,big,28,yes\n城关区,,40.5,\n", encoding="utf-8")
    units, classes, columns, values = civitas.load_value_table(path, class_column="band")
    assert units == ["兰州市", "城关区"]
    assert classes == ["big", ""]
    assert columns == ["a1", "b1"]
    assert values.dtype == np.float64
    assert values.shape == (2, 2)
    assert values[0].tolist() == [28.0, 1.0]
    assert values[1, 0] == 40.5
    assert math.isnan(values[1, 1])
    values[0, 0] = 1.0  # the caller owns the array
    text_units, _, _, text_values = civitas.parse_value_table(path.read_text(encoding="utf-8"), class_column="band")
    assert text_units == units
    np.testing.assert_array_equal(text_values[1], values[1])


# ---- errors of the bindings' own argument checks, in English and Chinese ------------------------

WEEKDAYS = "'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'"
TWO_DATES = [dt.date(2016, 1, 1), dt.date(2020, 1, 1)]
def one_indicator() -> civitas.Framework:
    indicator = civitas.Indicator("a", pass_=civitas.Interval.at_least(1))
    return civitas.Framework(civitas.FrameworkSpec("f", root=civitas.Category(indicators=[indicator])))


BINDING_ERRORS = {
    "weekday name": (
        lambda: civitas.WorkCalendar(weekend=["sundy"]),
        "weekend[0]",
        f"weekend[0]: 'sundy' is not a weekday; expected one of {WEEKDAYS}",
        f"weekend[0]: 'sundy' 不是星期名称；应为以下之一: {WEEKDAYS}",
    ),
    "weekday number": (
        lambda: civitas.WorkCalendar(weekend=[5, 7]),
        "weekend[1]",
        "weekend[1]: 7 is not a weekday; expected 0 (Monday) .. 6 (Sunday)",
        "weekend[1]: 7 不是有效的星期编号；应为 0（星期一）至 6（星期日）",
    ),
    "weekday twice": (
        lambda: civitas.WorkCalendar(weekend=["sunday", 6]),
        "weekend[1]",
        "weekend[1]: 'sunday' is listed twice; expected each weekday once",
        "weekend[1]: 'sunday' 重复列出；每个星期几只应列出一次",
    ),
    "trend option": (
        lambda: civitas.assess_progress(TWO_DATES, [1, 2], direction="higher", measure="fast"),
        "measure",
        "measure: unknown value 'fast'; expected one of 'compound', 'linear'",
        "measure: 未知的取值 'fast'；应为以下之一: 'compound', 'linear'",
    ),
    "NaT": (
        lambda: civitas.trend(np.array(["2016-01-01", "NaT"], dtype="datetime64[D]"), [1, 2]),
        "dates[1]",
        "dates[1]: NaT; expected a date",
        "dates[1]: NaT；应为日期",
    ),
    "no target, no direction": (
        lambda: civitas.assess_progress(TWO_DATES, [1, 2]),
        "target",
        "target: neither a target (with a deadline) nor a direction was given; expected one",
        "target: 既未给出目标（及期限）也未给出方向；应给出其一",
    ),
    "ranking option": (
        lambda: civitas.topsis(np.ones((3, 2)), [0.5, 0.5], normalization="l2"),
        "normalization",
        "normalization: unknown value 'l2'; expected one of 'vector', 'min_max'",
        "normalization: 未知的取值 'l2'；应为以下之一: 'vector', 'min_max'",
    ),
    "ranking option type": (
        lambda: civitas.rank([1, 2], method=3),
        "method",
        "method: expected a str or civitas.RankMethod, got int",
        "method: 应为字符串或 civitas.RankMethod，实为 int",
    ),
    "criteria dimensions": (
        lambda: civitas.topsis(np.ones(3), [1.0]),
        "x",
        "x: an array of 1 dimensions; expected 2 (units by rows, criteria by columns)",
        "x: 数组为 1 维；应为 2 维（行为评价对象，列为评价指标）",
    ),
    "seed": (
        lambda: civitas.rank_uncertainty(np.ones((3, 2)), [0.5, 0.5], draws=10, seed=-1),
        "seed",
        "seed: value -1; expected an integer in [0, 2^64)",
        "seed: 取值为 -1；应为 [0, 2^64) 内的整数",
    ),
    "attribution weights": (
        lambda: civitas.score_change_attribution(np.ones((3, 2)), np.ones((3, 2))),
        "weights_before",
        "weights_before: expected the weights of the first round",
        "weights_before: 应为第一轮测评的权重",
    ),
    "criteria not numbers": (
        lambda: civitas.critic_weights("x"),
        "x",
        "x: str; expected a 2-D array of numbers or a DataFrame (units by rows, criteria by columns)",
        "x: str；应为二维数值数组或 DataFrame（行为评价对象，列为评价指标）",
    ),
    "benefit as text": (
        lambda: civitas.entropy_weights(np.ones((3, 2)), "yes"),
        "benefit",
        "benefit: expected None or a 1-D sequence of booleans",
        "benefit: 应为 None 或一维布尔序列",
    ),
    "benefit entry": (
        lambda: civitas.topsis(np.ones((3, 2)), [0.5, 0.5], [True, "no"]),
        "benefit[1]",
        "benefit[1]: 'no' is not a boolean; expected True or False",
        "benefit[1]: 'no' 不是布尔值；应为 True 或 False",
    ),
    "evaluate threads": (
        lambda: civitas.Framework(civitas.FrameworkSpec("f", root=civitas.Category(
            indicators=[civitas.Indicator("a", pass_=civitas.Interval.at_least(1))]))).evaluate_many(
            np.ones((2, 1)), columns=["a"], threads=-1),
        "threads",
        "threads: value -1; expected 0 (one per core) or more",
        "threads: 取值 -1；应为 0（每个核一个）或更多",
    ),
    # Raised on the Python side (civitas._support), worded the same way.
    "weekday type": (
        lambda: civitas.WorkCalendar(weekend=[1.5]),
        "weekend[0]",
        "weekend[0]: 1.5; expected a weekday name or 0 (Monday) .. 6 (Sunday)",
        "weekend[0]: 1.5；应为星期名称或 0（星期一）至 6（星期日）",
    ),
    "classes per unit": (
        lambda: one_indicator().evaluate_many(np.ones((2, 1)), columns=["a"], classes=["x"]),
        "classes",
        "classes: 1 entries for 2 units; expected one per unit",
        "classes: 1 项对应 2 个评价对象；应每个评价对象一项",
    ),
    "indicator id": (
        lambda: one_indicator().evaluate({1: 2.0}),
        "indicator ids",
        "indicator ids: 1; expected a str",
        "indicator ids: 1；应为字符串",
    ),
    "uncertainty labels": (
        lambda: civitas.rank_uncertainty(np.eye(3) + 1, [0.5, 0.25, 0.25], draws=10, seed=1).to_frame(units=["a"]),
        "units",
        "units: 1 entries for 3; expected one each",
        "units: 1 项对应 3 个；应各一项",
    ),
    "weights dimensions": (
        lambda: civitas.entropy_weights(np.ones((2, 2, 2))),
        "x",
        "x: an array of 3 dimensions; expected 2 (units by rows, criteria by columns)",
        "x: 数组为 3 维；应为 2 维（行为评价对象，列为评价指标）",
    ),
}


@pytest.mark.parametrize(("call", "path", "english", "chinese"), BINDING_ERRORS.values(), ids=BINDING_ERRORS.keys())
def test_binding_errors_in_english(call, path: str, english: str, chinese: str) -> None:
    with pytest.raises(civitas.ValidationError) as info:
        call()
    assert info.value.path == path
    assert str(info.value) == english


@pytest.mark.skipif(not hasattr(civitas.Error, "message_zh"), reason="civitas.Error has no message_zh yet")
@pytest.mark.parametrize(("call", "path", "english", "chinese"), BINDING_ERRORS.values(), ids=BINDING_ERRORS.keys())
def test_binding_errors_in_chinese(call, path: str, english: str, chinese: str) -> None:
    with pytest.raises(civitas.ValidationError) as info:
        call()
    assert info.value.message_zh == chinese
