"""Hostile names in a campaign built in memory, in every format of the report and both languages
(tests/unit/report/test_report_escaping.cpp does the same from C++). The Markdown is rendered by a
CommonMark renderer (markdown-it-py, links not filtered, tables and strikethrough on): the data
adds no element to what the same report with plain names gives, and every name reads as written.
The text holds no control character, the HTML no payload unescaped, the JSON the names as given."""

from __future__ import annotations

import collections
import datetime as dt
import html.parser
import json
import re

import pytest

import civitas

markdown_it = pytest.importorskip("markdown_it")

D = dt.date
AS_OF = D(2026, 1, 15)

# Each hostile name, and what its benign twin is.
HOSTILE = {
    "campaign": "<script>alert(1)</script> **粗体** [x](javascript:alert(1))",
    "title": "# 标题 <img src=x onerror=alert(1)>",
    "city": "市\x1b[31m红\x1b[0m\x07",
    "d1": "一区\n```\n<script>x</script>",
    "d2": "二区 | `code` ~~del~~ _em_ <javascript:alert(4)>",
    "department": "园林局 ![i](javascript:alert(2))",
    "leader": "\u202e副市长\x7f\x9b",
    "task": "1. <b>种树</b>\r",
    "other_department": "建设局 &lt;script&gt;",
    "other_leader": "> 引用 &amp;",
    "indicator": "    绿化 *覆盖* \\*",
    "parks": "新建公园 <u>",
    "measure": "%<s>",
    "framework": "<iframe src=x>",
    "check": '<a href="javascript:alert(3)">检查</a>',
}
BENIGN = {key: key for key in HOSTILE} | {"measure": "%"}


def make_campaign(names: dict[str, str]) -> civitas.Campaign:
    green = civitas.Indicator("green", name=names["indicator"], unit=names["measure"], direction=civitas.Direction.higher,
                              pass_=civitas.Interval.at_least(36), bounds=civitas.Interval(0, 100), kind=civitas.ItemKind.basic)
    parks = civitas.Indicator("parks", name=names["parks"], direction=civitas.Direction.higher, pass_=civitas.Interval.at_least(10))
    framework = civitas.Framework(civitas.FrameworkSpec("garden", name=names["framework"],
                                                        root=civitas.Category(indicators=[green, parks])))
    store = civitas.ObservationStore()
    for unit, indicator, date, value in [("city", "green", D(2025, 7, 1), 33), ("city", "green", D(2026, 1, 1), 35),
                                         ("city", "parks", D(2026, 1, 1), 9), ("d1", "green", D(2025, 12, 1), 37),
                                         ("d1", "parks", D(2025, 12, 1), 12), ("d2", "green", D(2025, 12, 1), 35),
                                         ("d2", "parks", D(2025, 12, 1), 12)]:
        store.add(civitas.Observation(unit=unit, indicator=indicator, date=date, value=value))
    tasks = [civitas.Task("plant", name=names["task"], titles=["garden"], start=D(2026, 1, 5), due=D(2026, 1, 9), percent_complete=40,
                          responsibility={"department": names["department"], "leader": names["leader"]}),
             civitas.Task("build", name=names["task"], titles=["garden"], start=D(2026, 1, 5), due=D(2026, 1, 12), percent_complete=40,
                          responsibility={"department": names["other_department"], "leader": names["other_leader"]})]
    spec = civitas.CampaignSpec(
        "hostile", name=names["campaign"],
        titles=[civitas.CampaignTitle("garden", name=names["title"], framework="garden.json",
                                      dates=civitas.TitleDates(inspection=D(2026, 7, 1)))],
        units=[civitas.CampaignUnit("city", name=names["city"]), civitas.CampaignUnit("d1", name=names["d1"], parent="city"),
               civitas.CampaignUnit("d2", name=names["d2"], parent="city")],
        departments=[civitas.Department("gardens", name=names["department"], leader=names["leader"])],
        targets=[civitas.Target("garden", "parks", 12, unit="city", department="gardens")],
        checks=[civitas.Check("pre", D(2026, 3, 2), name=names["check"])],
        plan=civitas.PlanSpec("plan", tasks=tasks))
    return civitas.Campaign(spec, {"garden": framework}, observations=store)


def visible(text: str) -> str:
    """A name as the report shows it: control characters written as escapes (src/report/escape.cpp)."""
    def one(match: re.Match[str]) -> str:
        c = ord(match.group())
        return f"\\x{c:02X}" if c < 0x80 else f"\\u{c:04X}"
    return re.sub("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", one, text)


class Reader(html.parser.HTMLParser):
    """The element names and the text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: collections.Counter[str] = collections.Counter()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.text.append("\n")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def commonmark(markdown: str) -> str:
    md = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.validateLink = lambda url: True  # let any link through: the data must make none
    return md.render(markdown)


def read(fragment: str) -> Reader:
    reader = Reader()
    reader.feed(fragment)
    reader.close()
    return reader


@pytest.fixture(scope="module", params=["zh", "en"])
def reports(request: pytest.FixtureRequest) -> tuple[civitas.Report, civitas.Report]:
    return (civitas.build_report(make_campaign(HOSTILE), AS_OF, language=request.param),
            civitas.build_report(make_campaign(BENIGN), AS_OF, language=request.param))


def test_markdown_renders_the_names_as_text(reports: tuple[civitas.Report, civitas.Report]) -> None:
    hostile, benign = reports
    rendered = commonmark(hostile.render("markdown"))
    for raw in ("<script", "<img", "<iframe", "<a ", "<a>", "<b>", "<s>", "<u>", "<del>", "<em>_"):
        assert raw not in rendered, raw
    # The same elements, as many of each, as the report with plain names: no emphasis, link,
    # image, heading, list, quote, code or table cell comes from the data.
    page = read(rendered)
    assert page.tags == read(commonmark(benign.render("markdown"))).tags
    assert page.tags["pre"] == 2  # the overview's chart and the title's, each one block
    # Every name reads as written (control characters as their escapes).
    text = "".join(page.text)
    for key, name in HOSTILE.items():
        assert visible(name) in text, key


def test_text_has_no_control_characters(reports: tuple[civitas.Report, civitas.Report]) -> None:
    text = reports[0].render("text")
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]", text)
    for key in ("city", "d1", "leader", "task", "campaign", "title"):  # (the event's name is cut to the column)
        assert visible(HOSTILE[key]) in text, key


def test_html_escapes_every_payload(reports: tuple[civitas.Report, civitas.Report]) -> None:
    hostile, benign = reports
    page = hostile.render("html")
    for key, name in HOSTILE.items():
        if any(c in name for c in "<>&\"'"):
            assert name not in page, key
    # The same elements as with plain names, but for the tooltips (<title>) of chart labels cut for length.
    tags, plain = read(page).tags, read(benign.render("html")).tags
    del tags["title"], plain["title"]
    assert tags == plain
    assert "script-src 'none'" in page
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", page)
    text = "".join(read(page).text)
    for key in ("campaign", "title", "check", "other_department", "framework"):
        assert visible(HOSTILE[key]) in text, key


def test_json_gives_the_names_back(reports: tuple[civitas.Report, civitas.Report]) -> None:
    data = json.loads(reports[0].render("json"))
    assert data["name"] == HOSTILE["campaign"]
    assert data["unit_names"] == {"city": HOSTILE["city"], "d1": HOSTILE["d1"], "d2": HOSTILE["d2"]}
    assert data["titles"][0]["overdue"][0]["responsibility"]["leader"] == HOSTILE["leader"]
    assert data["next_events"][0]["name"] == HOSTILE["check"]
