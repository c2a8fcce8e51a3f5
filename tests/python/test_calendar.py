"""Working-day calendars from Python: the worked examples of tests/unit/plan/test_calendar.cpp with
datetime.date, and the error mapping."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import civitas

REPO = Path(__file__).resolve().parents[2]
D = datetime.date


@pytest.fixture
def cn2025() -> civitas.WorkCalendar:
    return civitas.load_calendar(REPO / "data" / "calendars" / "cn-2025.json")


def spring_festival() -> civitas.WorkCalendar:
    festival = {D(2025, 1, 28) + datetime.timedelta(days=i): "春节" for i in range(8)}
    return civitas.WorkCalendar(holidays=festival, working_days=[D(2025, 1, 26), D(2025, 2, 8)], id="spring-2025")


def test_default_is_monday_to_friday() -> None:
    plain = civitas.WorkCalendar()
    assert plain.weekend() == ["saturday", "sunday"]
    assert plain.is_working_day(D(2025, 1, 24))
    assert not plain.is_working_day(D(2025, 1, 25))
    assert plain.add_working_days(D(2025, 1, 24), 1) == D(2025, 1, 27)
    assert plain.add_working_days(D(2025, 1, 25), 0) == D(2025, 1, 27)
    assert plain.working_days_between(D(2025, 1, 24), D(2025, 1, 31)) == 5
    assert plain.working_days_between(D(2025, 1, 31), D(2025, 1, 24)) == -5


def test_spring_festival_2025() -> None:
    cal = spring_festival()
    assert cal.is_working_day(D(2025, 1, 26))  # Sunday, worked (调休)
    assert not any(cal.is_working_day(D(2025, 1, 28) + datetime.timedelta(days=i)) for i in range(8))
    assert cal.is_working_day(D(2025, 2, 8))  # Saturday, worked
    assert cal.add_working_days(D(2025, 1, 24), 1) == D(2025, 1, 26)
    assert cal.add_working_days(D(2025, 1, 27), 1) == D(2025, 2, 5)
    assert cal.add_working_days(D(2025, 1, 27), 4) == D(2025, 2, 8)
    assert cal.add_working_days(D(2025, 2, 5), -2) == D(2025, 1, 26)
    assert cal.next_working_day(D(2025, 1, 27)) == D(2025, 2, 5)
    assert cal.previous_working_day(D(2025, 2, 3)) == D(2025, 1, 27)
    assert cal.working_days_between(D(2025, 1, 24), D(2025, 2, 10)) == 7
    assert cal.adjusted_working_days() == [D(2025, 1, 26), D(2025, 2, 8)]
    assert len(cal.holidays()) == 8
    assert cal.holiday_names()[D(2025, 1, 31)] == "春节"
    assert type(cal.next_working_day(D(2025, 1, 27))) is datetime.date


def test_weekend_by_name_or_python_weekday_number() -> None:
    by_name = civitas.WorkCalendar(weekend=["friday"])
    by_number = civitas.WorkCalendar(weekend=[4])  # date.weekday(): Monday = 0
    assert by_name == by_number
    assert by_name.weekend() == ["friday"]
    assert not by_name.is_working_day(D(2025, 1, 24))
    assert civitas.WorkCalendar(weekend=[]).working_days_between(D(2025, 1, 1), D(2025, 12, 31)) == 364


def test_bundled_2025_calendar(cn2025: civitas.WorkCalendar) -> None:
    assert cn2025.id == "cn-2025"
    assert "国办发明电〔2024〕12号" in cn2025.source
    assert len(cn2025.holidays()) == 28
    assert cn2025.add_working_days(D(2025, 9, 30), 1) == D(2025, 10, 9)
    assert cn2025.add_working_days(D(2025, 4, 30), 1) == D(2025, 5, 6)
    assert cn2025.working_days_between(D(2024, 12, 31), D(2025, 12, 31)) == 248
    assert repr(cn2025) == (
        "<WorkCalendar 'cn-2025': weekend saturday+sunday, 28 holidays 2025-01-01..2025-10-08, 5 adjusted working days>"
    )


def test_json_round_trip(cn2025: civitas.WorkCalendar) -> None:
    assert civitas.parse_calendar(civitas.calendar_to_json(cn2025)) == cn2025
    assert civitas.parse_calendar(civitas.calendar_to_json(spring_festival())) == spring_festival()
    assert cn2025 != spring_festival()
    assert cn2025 != "cn-2025"


def test_dates_must_be_dates() -> None:
    cal = civitas.WorkCalendar()
    with pytest.raises(TypeError):
        cal.is_working_day("2025-01-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cal.is_working_day(datetime.datetime(2025, 1, 1, 12))
    with pytest.raises(civitas.ValidationError, match="holidays: .*; expected a datetime.date"):
        civitas.WorkCalendar(holidays=["2025-01-01"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="1400..9999"):
        cal.is_working_day(D(1000, 1, 1))


def test_contradictions_raise_validation_error() -> None:
    with pytest.raises(civitas.ValidationError, match="2025-02-08 is both a holiday and an adjusted working day") as info:
        civitas.WorkCalendar(holidays=[D(2025, 2, 8)], working_days=[D(2025, 2, 8)])
    assert info.value.path == "$.working_days"
    with pytest.raises(civitas.ValidationError, match="2025-01-27 is a monday, not a weekend day"):
        civitas.WorkCalendar(working_days=[D(2025, 1, 27)])
    with pytest.raises(civitas.ValidationError, match="'sundy' is not a weekday"):
        civitas.WorkCalendar(weekend=["sundy"])
    with pytest.raises(civitas.ValidationError, match="every day of the week"):
        civitas.WorkCalendar(weekend=range(7))


@pytest.mark.parametrize(
    ("fields", "location", "message"),
    [
        ('"holidays": ["2025-02-30"]', "$.holidays[0]", '"2025-02-30" is not a date: February 2025 has 28 days'),
        ('"holidays": [{"from": "2025-01-28", "to": "2025-01-27"}]', "$.holidays[0].to", "is before from"),
        ('"weekend": ["sundy"]', "$.weekend[0]", '"sundy" is not a weekday'),
        ('"holiday": []', "$.holiday", "unknown key 'holiday'"),
        ('"holidays": ["2025-02-08"], "working_days": ["2025-02-08"]', "$.working_days[0]", "is also a holiday"),
    ],
)
def test_file_errors_name_file_path_and_value(fields: str, location: str, message: str) -> None:
    text = '{"format": "civitas-calendar/1", "id": "t", ' + fields + "}"
    with pytest.raises(civitas.ParseError) as info:
        civitas.parse_calendar(text, file="cal.json")
    assert info.value.file == "cal.json"
    assert info.value.location == location
    assert message in str(info.value)
    assert str(info.value).startswith(f"cal.json: {location}: ")


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(civitas.Error):
        civitas.load_calendar(tmp_path / "missing.json")


def test_bundled_2026_calendar_and_the_joined_one() -> None:
    # 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04): 261 weekdays in 2026, 19 of them
    # holidays (元旦 1-2 Jan, 春节 16-20 and 23 Feb, 清明 6 Apr, 劳动节 1, 4, 5 May, 端午 19 Jun,
    # 中秋 25 Sep, 国庆 1, 2, 5, 6, 7 Oct), 6 weekend days worked (4 Jan, 14 and 28 Feb, 9 May,
    # 20 Sep, 10 Oct): 248 working days.
    cn2026 = civitas.load_bundled_calendar("cn-2026")
    assert cn2026.working_days_between(D(2025, 12, 31), D(2026, 12, 31)) == 248
    assert cn2026.is_working_day(D(2026, 2, 14)) and not cn2026.is_working_day(D(2026, 2, 23))
    # "cn" holds both years: the same answers as each year's own file.
    joined = civitas.load_bundled_calendar("cn")
    cn2025 = civitas.load_bundled_calendar("cn-2025")
    for day in (D(2025, 1, 1) + datetime.timedelta(days=k) for k in range(730)):
        single = cn2025 if day.year == 2025 else cn2026
        assert joined.is_working_day(day) == single.is_working_day(day), day
    # From Sat 14 Feb (worked: the last working day before the Spring Festival), 3 working days
    # after the holiday of 15-23 Feb: Tue 24, Wed 25, Thu 26 Feb.
    assert joined.add_working_days(D(2026, 2, 14), 3) == D(2026, 2, 26)
