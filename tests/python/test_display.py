"""What a notebook shows (`_repr_html_`, python/civitas/_display.py): the HTML is parsed and its
rows, values, colours, truncation, language and escaping checked against the objects themselves;
`repr()` stays the plain text a terminal shows."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html.parser
from collections.abc import Iterator

import numpy as np
import pytest
from IPython.core.formatters import DisplayFormatter

import civitas

from conftest import demo_spec

D = dt.date

# The report's palette (src/report/render_html.cpp), by background colour.
TONES = {"#2e7d32": "green", "#f2b200": "amber", "#b42318": "red", "#9aa3ad": "grey"}


@dataclasses.dataclass
class Cell:
    text: str = ""
    tones: list[str] = dataclasses.field(default_factory=list)  # colour of each badge in it, read from its style


@dataclasses.dataclass
class Table:
    head: list[Cell] = dataclasses.field(default_factory=list)
    rows: list[list[Cell]] = dataclasses.field(default_factory=list)

    @property
    def headers(self) -> list[str]:
        return [cell.text for cell in self.head]


class Page(html.parser.HTMLParser):
    """An HTML fragment as _display writes it: the summary line, the tables, the frames, every tag."""

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.summary = Cell()
        self.tables: list[Table] = []
        self.frames: list[dict[str, str | None]] = []
        self._cell: Cell | None = None
        self._in_summary = False
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        attributes = dict(attrs)
        if tag == "p" and not self.tables and not self.summary.text:
            self._in_summary = True
        elif tag == "table":
            self.tables.append(Table())
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
        elif tag in ("td", "th"):
            self._cell = Cell()
            (self.tables[-1].rows[-1] if tag == "td" else self.tables[-1].head).append(self._cell)
        elif tag == "span":
            style = dict(part.split(":", 1) for part in (attributes.get("style") or "").split(";") if ":" in part)
            if "background" in style:
                (self._cell or self.summary).tones.append(TONES[style["background"]])
        elif tag == "iframe":
            self.frames.append(attributes)

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._in_summary = False
        elif tag in ("td", "th"):
            self._cell = None
        elif tag == "thead":
            self.tables[-1].rows.pop()  # the header row

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.text += data
        elif self._in_summary:
            self.summary.text += data

    def table(self) -> Table:
        assert len(self.tables) == 1
        return self.tables[0]


def page(obj: object) -> Page:
    return Page(obj._repr_html_())  # type: ignore[attr-defined]


def column(table: Table, header: str) -> list[Cell]:
    index = table.headers.index(header)
    return [row[index] for row in table.rows if len(row) == len(table.headers)]


@pytest.fixture(autouse=True)
def default_options() -> Iterator[None]:
    civitas.options.display_language = None
    civitas.options.display_max_rows = 10
    yield
    civitas.options.display_language = None
    civitas.options.display_max_rows = 10


def small_campaign(names: dict[str, str] | None = None) -> civitas.Campaign:
    """test_readiness.py's campaign (a basic item, green >= 36 %, inspection 2026-07-01; city > d1, d2), with
    an overdue task and names that can be made hostile."""
    names = names or {}
    indicator = civitas.Indicator("green", name=names.get("indicator", "绿化覆盖率"), unit=names.get("measure", "%"),
                                  direction=civitas.Direction.higher, pass_=civitas.Interval.at_least(36),
                                  bounds=civitas.Interval(0, 100), kind=civitas.ItemKind.basic)
    framework = civitas.Framework(civitas.FrameworkSpec("garden", name=names.get("framework", "园林城市"),
                                                        root=civitas.Category(indicators=[indicator])))
    store = civitas.ObservationStore()
    for unit, date, value in [("city", D(2025, 1, 1), 30), ("city", D(2025, 7, 1), 33), ("city", D(2026, 1, 1), 36.5),
                              ("d1", D(2025, 1, 1), 34), ("d1", D(2026, 1, 1), 35), ("d2", D(2025, 1, 1), 38),
                              ("d2", D(2026, 1, 1), 40)]:
        store.add(civitas.Observation(unit=unit, indicator="green", date=date, value=value))
    tasks = [civitas.Task("plant", name=names.get("task", "种树"), titles=["garden"], start=D(2026, 1, 5), due=D(2026, 1, 9),
                          percent_complete=40, responsibility={"department": names.get("department", "园林局")}),
             civitas.Task("water", name="浇水", titles=["garden"], start=D(2026, 1, 5), due=D(2026, 3, 9))]
    spec = civitas.CampaignSpec(
        "small", name=names.get("campaign", "小城创建"),
        titles=[civitas.CampaignTitle("garden", name=names.get("title", "园林城市"), framework="garden.json",
                                      dates=civitas.TitleDates(inspection=D(2026, 7, 1)))],
        units=[civitas.CampaignUnit("city"), civitas.CampaignUnit("d1", parent="city"),
               civitas.CampaignUnit("d2", parent="city")],
        plan=civitas.PlanSpec("plan", name=names.get("plan", "计划"), tasks=tasks))
    return civitas.Campaign(spec, {"garden": framework}, observations=store)


AS_OF = D(2026, 1, 15)


# ---- plain repr --------------------------------------------------------------------------------


def test_repr_stays_the_plain_text() -> None:
    demo = civitas.Framework(demo_spec())
    assert repr(demo) == "Framework('demo', 4 indicators, 2 categories, scale 100)"
    campaign = small_campaign()
    readiness = civitas.readiness(campaign, AS_OF)
    assert repr(readiness) == "Readiness(2026-01-15; garden: 1 red, 1 amber, 1 green)"
    for obj in [demo, demo.evaluate({"a1": 40}), demo.evaluate_many(np.array([[40.0, 3, 1, 0]]), columns=["a1", "a2", "b1", "b2"]),
                readiness, readiness.titles[0], readiness.plan, campaign.plan,
                civitas.schedule(campaign.plan, campaign.calendar), civitas.build_report(campaign, AS_OF),
                civitas.rank_uncertainty(np.eye(3), [0.5, 0.3, 0.2], draws=20, seed=1)]:
        assert "<div" not in repr(obj) and "civitas-" not in repr(obj)
        assert str(obj) == repr(obj)
        assert obj._repr_html_().startswith('<div class="civitas">')


def test_jupyter_takes_the_html_and_a_terminal_the_repr() -> None:
    campaign = small_campaign()
    for obj in [civitas.Framework(demo_spec()), civitas.readiness(campaign, AS_OF), civitas.build_report(campaign, AS_OF)]:
        data, _ = DisplayFormatter().format(obj)  # as Jupyter's kernel formats a cell's result
        assert data == {"text/plain": repr(obj), "text/html": obj._repr_html_()}


# ---- frameworks and evaluations ------------------------------------------------------------------


def test_framework_lists_its_indicators() -> None:
    demo = civitas.Framework(demo_spec())
    p = page(demo)
    assert "示例体系" in p.summary.text and "4 项指标" in p.summary.text and "满分 100" in p.summary.text
    table = p.table()
    assert table.headers == ["指标", "名称", "单位", "达标线", "权重", "基本项"]
    assert [[c.text for c in row] for row in table.rows] == [
        ["a1", "建成区绿化覆盖率", "%", ">= 36", "37.5 %", "✓"],
        ["a2", "污染天数", "天", "<= 5", "37.5 %", ""],
        ["b1", "管理机构", "", "—", "12.5 %", ""],
        ["b2", "问题", "", "—", "12.5 %", ""],
    ]


def test_evaluation_colours_met_unmet_and_missing() -> None:
    demo = civitas.Framework(demo_spec())
    evaluation = demo.evaluate({"a1": 30, "a2": 3, "b2": 0}, unit="东区")  # a1 short, b1 missing
    p = page(evaluation)
    assert p.summary.tones == ["red"]  # not passed
    assert "未通过" in p.summary.text and "东区" in p.summary.text and evaluation.reason_zh in p.summary.text
    table = p.table()
    # Not met first, then missing, then met, each in framework order.
    assert [row[0].text for row in table.rows] == ["a1", "b1", "a2", "b2"]
    assert [c.tones for c in column(table, "结果")] == [["red"], ["grey"], ["green"], ["green"]]
    assert [c.text for c in column(table, "结果")] == ["未达标", "缺数据", "达标", "达标"]
    assert [c.text for c in column(table, "数值")] == ["30", "—", "3", "0"]
    a2 = evaluation.indicator("a2")
    assert column(table, "得分")[2].text == f"{a2.points:g} / {a2.max_points:g}"

    passed = page(demo.evaluate({"a1": 40, "a2": 3, "b1": 1, "b2": 0}))
    assert passed.summary.tones == ["green"] and "通过" in passed.summary.text


def test_batch_is_cut_at_the_row_limit() -> None:
    demo = civitas.Framework(demo_spec())
    rng = np.random.default_rng(7)
    values = np.column_stack([rng.uniform(20, 50, 13), rng.integers(0, 10, 13), rng.integers(0, 2, 13), np.zeros(13)])
    batch = demo.evaluate_many(values, columns=["a1", "a2", "b1", "b2"], units=[f"u{i}" for i in range(13)])
    civitas.options.display_max_rows = 5
    p = page(batch)
    table = p.table()
    assert len(table.rows) == 6
    assert [row[0].text for row in table.rows[:5]] == ["u0", "u1", "u2", "u3", "u4"]
    assert [c.text for c in table.rows[5]] == ["… 另有 8 行"]
    expected = ["green" if batch.passed[i] else "red" for i in range(5)]
    assert [c.tones for c in column(table, "判定")] == [[tone] for tone in expected]
    assert [c.text for c in column(table, "总分")] == [f"{batch.totals[i]:.1f}".rstrip("0").rstrip(".") for i in range(5)]
    # The summary counts every unit, not only those shown.
    passed = int(np.sum(batch.passed))
    assert f"通过 {passed}" in p.summary.text and f"未通过 {13 - passed}" in p.summary.text

    civitas.options.display_max_rows = 13
    assert len(page(batch).table().rows) == 13


def test_invalid_data_is_grey() -> None:
    demo = civitas.Framework(demo_spec())
    batch = demo.evaluate_many(np.array([[40.0, 3, 1, 0], [40.0, 3, 7, 0]]), columns=["a1", "a2", "b1", "b2"])
    assert batch.decided_by[1] == civitas.Decision.invalid
    assert [c.tones for c in column(page(batch).table(), "判定")] == [["green"], ["grey"]]


# ---- language ----------------------------------------------------------------------------------


def test_language_follows_the_option_else_the_names() -> None:
    demo = civitas.Framework(demo_spec())
    assert civitas.options.display_language is None
    assert page(demo).table().headers[0] == "指标"  # Chinese names
    civitas.options.display_language = "en"
    assert civitas.options.display_language == civitas.Language.en
    p = page(demo)
    assert p.table().headers == ["Indicator", "Name", "Unit", "Pass line", "Weight", "Basic"]
    assert "4 indicators" in p.summary.text
    evaluation = demo.evaluate({"a1": 30, "a2": 3, "b1": 1, "b2": 0})
    ep = page(evaluation)
    assert evaluation.reason in ep.summary.text and column(ep.table(), "Outcome")[0].text == "not met"
    civitas.options.display_language = civitas.Language.zh
    assert page(demo).table().headers[0] == "指标"

    civitas.options.display_language = None
    english = civitas.Framework(civitas.FrameworkSpec("en", name="Garden city", root=civitas.Category(
        indicators=[civitas.Indicator("green", name="Green cover", pass_=civitas.Interval.at_least(36))])))
    assert page(english).table().headers[0] == "Indicator"
    assert repr(civitas.options) == "civitas.Options(display_language=None, display_max_rows=10)"


def test_bad_options_are_refused_in_both_languages() -> None:
    with pytest.raises(civitas.ValidationError, match="display_language: unknown value 'fr'") as error:
        civitas.options.display_language = "fr"
    assert "未知的取值 'fr'" in error.value.message_zh
    with pytest.raises(civitas.ValidationError, match="display_language: expected a str or civitas.Language, got int"):
        civitas.options.display_language = 1  # type: ignore[assignment]
    with pytest.raises(civitas.ValidationError, match="display_max_rows: 0; expected a whole number >= 1") as error:
        civitas.options.display_max_rows = 0
    assert "应为不小于 1 的整数" in error.value.message_zh
    assert civitas.options.display_language is None and civitas.options.display_max_rows == 10


# ---- readiness, plans, rankings, reports ---------------------------------------------------------


def test_readiness_counts_each_title_and_shows_its_units() -> None:
    campaign = small_campaign()
    readiness = civitas.readiness(campaign, AS_OF)
    title = readiness.titles[0]
    p = page(readiness)
    assert "2026-01-15" in p.summary.text
    table = p.table()
    assert [row[0].text for row in table.rows] == ["garden"]
    verdicts = column(table, "状态")[0]
    assert verdicts.tones == ["red", "amber", "green"]
    counts = {rag: sum(1 for r in title.rag if r == rag) for rag in civitas.Rag}
    assert verdicts.text == f"红 {counts[civitas.Rag.red]} 黄 {counts[civitas.Rag.amber]} 绿 {counts[civitas.Rag.green]}"
    assert len(p.tables) == 1 and "计划进度" in Page(readiness._repr_html_().split("</table>")[1]).summary.text

    tp = page(title)
    units = tp.table()
    assert [row[0].text for row in units.rows] == ["city", "d1", "d2"]
    assert [c.tones for c in column(units, "状态")] == [[r.name] for r in title.rag]
    assert [c.text for c in column(units, "原因")] == title.reasons_zh
    assert [c.text for c in column(units, "逾期任务")] == [str(len(t)) for t in title.overdue_tasks]
    assert "2026-07-01" in tp.summary.text and "园林城市" in tp.summary.text

    # A count of none is not coloured.
    store = civitas.ObservationStore()
    for unit in ("city", "d1", "d2"):
        store.add(civitas.Observation(unit=unit, indicator="green", date=D(2026, 1, 1), value=40))
    all_met = civitas.Campaign(campaign.spec, {"garden": campaign.framework("garden")}, observations=store)
    title = civitas.readiness(all_met, AS_OF).titles[0]
    assert civitas.Rag.red not in title.rag
    p = page(title)
    assert p.summary.tones == sorted({r.name for r in title.rag}, key=["amber", "green"].index)
    assert "红 0" in p.summary.text


def test_plan_schedule_and_status() -> None:
    campaign = small_campaign()
    plan_page = page(campaign.plan)
    assert [[c.text for c in row] for row in plan_page.table().rows] == [
        ["plant", "种树", "", "2026-01-05", "2026-01-09", ""], ["water", "浇水", "", "2026-01-05", "2026-03-09", ""]]
    assert "2 项任务" in plan_page.summary.text

    schedule = civitas.schedule(campaign.plan, campaign.calendar)
    civitas.options.display_language = "en"
    table = page(schedule).table()
    assert [row[0].text for row in table.rows] == [t.id for t in schedule.tasks]
    assert [c.text for c in column(table, "Critical")] == ["✓" if t.critical else "" for t in schedule.tasks]
    assert [c.text for c in column(table, "Total float (working days)")] == [str(t.slack) for t in schedule.tasks]
    assert [c.text for c in column(table, "Free float (working days)")] == [str(t.free_slack) for t in schedule.tasks]

    status = civitas.status(campaign.plan, campaign.calendar, AS_OF)
    p = page(status)
    assert [t.id for t in status.overdue] == ["plant"]
    assert [[c.text for c in row] for row in p.table().rows] == [
        ["plant", "种树", "2026-01-09", str(status.overdue[0].days_late), "40", "园林局"]]
    assert column(p.table(), "Working days late")[0].tones == ["red"]
    assert "overdue 1" in p.summary.text and "red" in p.summary.tones

    done = civitas.status(campaign.plan, campaign.calendar, D(2026, 1, 6))
    assert not done.overdue and not page(done).tables and "No task is overdue." in done._repr_html_()


def test_rank_uncertainty_best_first() -> None:
    x = np.array([[0.2, 0.1], [0.9, 0.8], [0.5, 0.6], [0.1, 0.3]])
    result = civitas.rank_uncertainty(x, [0.5, 0.5], draws=50, seed=3, top_k=2, pass_threshold=0.5)
    table = page(result).table()
    assert table.headers == ["Unit (row)", "Nominal rank", "Median rank", "Rank 5%–95%", "P(top 2)", "P(score ≥ 0.5)"]
    rows = [int(row[0].text) for row in table.rows]
    assert rows == sorted(range(4), key=lambda i: result.nominal_rank[i])
    assert [c.text for c in column(table, "Rank 5%–95%")] == [f"{result.rank_low[i]}–{result.rank_high[i]}" for i in rows]


def test_report_is_its_own_html_in_a_frame() -> None:
    report = civitas.build_report(small_campaign(), AS_OF)
    p = page(report)
    assert p.tags == ["div", "p", "b", "span", "iframe"]
    frame = p.frames[0]
    assert frame["srcdoc"] == report.render("html") and frame["sandbox"] == ""
    assert p.summary.tones == [t.rag.name for t in report.titles]
    assert "小城创建" in p.summary.text and "报告 2026-01-15" in p.summary.text


# ---- escaping ----------------------------------------------------------------------------------


HOSTILE = {
    "indicator": "<script>alert(1)</script>", "measure": "%<s>", "framework": "<iframe src=x>",
    "task": "<img src=x onerror=alert(2)>", "department": '"><b>局', "campaign": "</iframe><script>alert(3)</script>",
    "title": "<u>标题", "plan": "<style>*{color:red}</style>",
}


def test_every_value_is_escaped() -> None:
    campaign = small_campaign(HOSTILE)
    framework = campaign.framework("garden")
    readiness = civitas.readiness(campaign, AS_OF)
    evaluation = framework.evaluate({"green": 30}, unit="<script>unit</script>")
    batch = framework.evaluate_many(np.array([[30.0]]), columns=["green"], units=['<a href="javascript:x">'])
    status = civitas.status(campaign.plan, campaign.calendar, AS_OF)
    for obj in [framework, evaluation, batch, readiness, readiness.titles[0], campaign.plan, status]:
        p = page(obj)
        assert set(p.tags) <= {"div", "p", "b", "i", "span", "table", "thead", "tbody", "tr", "th", "td"}, obj
    assert "<script>alert(1)</script>" in [row[1].text for row in page(framework).table().rows]
    assert "<iframe src=x>" in page(framework).summary.text
    assert "<script>unit</script>" in page(evaluation).summary.text
    assert page(batch).table().rows[0][0].text == '<a href="javascript:x">'
    assert [c.text for c in page(status).table().rows[0]][1:] == [
        "<img src=x onerror=alert(2)>", "2026-01-09", str(status.overdue[0].days_late), "40", '"><b>局']
    assert "<style>*{color:red}</style>" in page(campaign.plan).summary.text

    report = civitas.build_report(campaign, AS_OF)
    p = page(report)
    assert p.tags == ["div", "p", "b", "span", "iframe"]
    assert "</iframe><script>alert(3)</script>" in p.summary.text and p.frames[0]["srcdoc"] == report.render("html")
