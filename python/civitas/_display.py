"""What a notebook shows: the HTML of each class's ``_repr_html_`` (bound with the classes in
python/src/, ``html_method`` in bindings.hpp), written here once for all of them. Each is a summary
line and a small table cut at ``civitas.options.display_max_rows`` rows ("… N more"); verdicts are
coloured as the HTML report colours them (green met / passed / done, amber at risk, red not met /
failed / overdue, grey missing), with the word beside the colour. The language is
``civitas.options.display_language``, else chosen as a report chooses it: Chinese when the names
shown have Chinese characters. A Report shows its own HTML in a frame, in its own language. Every
value is escaped; ``repr()`` stays the plain text.
"""

from __future__ import annotations

import html
import itertools
import math
from collections.abc import Iterable, Sequence

import numpy as np

from . import _core
from ._support import AMBER, GREEN, INK, MUTED, RED

# Each tone's background and text colour, from the report's palette.
_TONES = {"green": (GREEN, "#ffffff"), "amber": (AMBER, INK), "red": (RED, "#ffffff"), "grey": (MUTED, "#ffffff")}

# Each fixed word in English and Chinese.
_WORDS: dict[str, tuple[str, str]] = {
    "indicators": ("indicators", "项指标"),
    "categories": ("categories", "个类别"),
    "scale": ("scale", "满分"),
    "indicator": ("Indicator", "指标"),
    "name": ("Name", "名称"),
    "measure": ("Unit", "单位"),
    "line": ("Pass line", "达标线"),
    "weight": ("Weight", "权重"),
    "basic": ("Basic", "基本项"),
    "value": ("Value", "数值"),
    "outcome": ("Outcome", "结果"),
    "points": ("Points", "得分"),
    "met": ("met", "达标"),
    "not_met": ("not met", "未达标"),
    "missing": ("missing", "缺数据"),
    "passed": ("passed", "通过"),
    "failed": ("failed", "未通过"),
    "invalid": ("invalid data", "数据无效"),
    "unit": ("Unit", "地区"),
    "units": ("units", "个评价对象"),
    "class": ("Class", "类别"),
    "total": ("Total", "总分"),
    "met_assessed": ("Met / assessed", "达标 / 有数据"),
    "basic_failed": ("Basic failed", "基本项未达标"),
    "decision": ("Decision", "判定"),
    "decided_by": ("Decided by", "判定依据"),
    "green": ("green", "绿"),
    "amber": ("amber", "黄"),
    "red": ("red", "红"),
    "verdict": ("Verdict", "状态"),
    "reason": ("Reason", "原因"),
    "overdue_tasks": ("Overdue tasks", "逾期任务"),
    "title": ("Title", "称号"),
    "framework": ("Framework", "评价体系"),
    "inspection": ("Inspection", "迎检日期"),
    "readiness_on": ("Readiness on", "创建准备情况，截至"),
    "tasks": ("tasks", "项任务"),
    "milestones": ("milestones", "个节点"),
    "phases": ("phases", "个阶段"),
    "problems": ("problems", "个问题"),
    "subplans": ("sub-plans", "个子计划"),
    "task": ("Task", "任务"),
    "phase": ("Phase", "阶段"),
    "start": ("Start", "开始"),
    "due": ("Due", "截止"),
    "milestone": ("Milestone", "节点"),
    "earliest_start": ("Earliest start", "最早开始"),
    "earliest_finish": ("Earliest finish", "最早完成"),
    "latest_finish": ("Latest finish", "最迟完成"),
    "slack": ("Total float (working days)", "总时差（工作日）"),
    "free_slack": ("Free float (working days)", "自由时差（工作日）"),
    "critical": ("Critical", "关键"),
    "critical_path": ("critical path", "关键路径"),
    "finish": ("finish", "完成"),
    "status_on": ("Plan status on", "计划进度，截至"),
    "done": ("done", "已完成"),
    "overdue": ("overdue", "逾期"),
    "at_risk": ("at risk", "有风险"),
    "in_progress": ("in progress", "进行中"),
    "not_started": ("not started", "未开始"),
    "spi": ("SPI", "进度绩效指数"),
    "on_time": ("on time", "按时完成"),
    "problems_closed": ("closed", "已销号"),
    "days_late": ("Working days late", "逾期工作日"),
    "percent_complete": ("% complete", "完成率 %"),
    "department": ("Department", "责任部门"),
    "no_overdue": ("No task is overdue.", "无逾期任务。"),
    "draws": ("draws", "次抽样"),
    "rank_of": ("Rank uncertainty", "排名不确定性"),
    "row": ("Unit (row)", "评价对象（行）"),
    "nominal_rank": ("Nominal rank", "名义排名"),
    "median_rank": ("Median rank", "排名中位数"),
    "rank_interval": ("Rank 5%–95%", "排名 5%–95%"),
    "p_top_k": ("P(top {k})", "前 {k} 名概率"),
    "p_pass": ("P(score ≥ {t})", "得分 ≥ {t} 的概率"),
    "first_order": ("first-order indices", "一阶敏感性指数"),
    "more": ("… {n} more", "… 另有 {n} 行"),
    "report": ("Report", "报告"),
}


def _word(key: str, language: str, **holes: object) -> str:
    english, chinese = _WORDS[key]
    return (chinese if language == "zh" else english).format(**holes)


def _language(names: Iterable[str]) -> str:
    """'zh' or 'en': civitas.options.display_language, else Chinese when a name has Chinese characters."""
    chosen = _core.options.display_language
    if chosen is not None:
        return str(chosen.name)
    return "zh" if any(_core.language_of_text(name) == _core.Language.zh for name in names) else "en"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _number(value: float | None, digits: int = 2) -> str:
    """A number with at most `digits` decimals, trailing zeros dropped; '—' for None or NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, float) and math.isinf(value):
        return "∞" if value > 0 else "-∞"
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _badge(tone: str, word: str) -> str:
    """A verdict: the word on its colour (tone green, amber, red or grey), as the report shows one."""
    background, colour = _TONES[tone]
    return (f'<span class="civitas-{tone}" style="background:{background};color:{colour};padding:0 0.4em;'
            f'border-radius:3px;font-weight:bold;white-space:nowrap">{_e(word)}</span>')


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], count: int, language: str) -> str:
    """A table of `count` rows of cells already written as HTML, cut at display_max_rows with a last row
    '… N more'; only the rows shown are taken from `rows`, so a million units cost ten rows."""
    limit = _core.options.display_max_rows
    head = "".join(f'<th style="text-align:left">{_e(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f'<td style="text-align:left">{cell}</td>' for cell in row) + "</tr>"
                   for row in itertools.islice(rows, limit))
    if count > limit:
        more = _word("more", language, n=count - limit)
        body += f'<tr class="civitas-more"><td colspan="{len(headers)}"><i>{_e(more)}</i></td></tr>'
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _block(summary: str, *parts: str) -> str:
    """The summary line (HTML) and what follows it."""
    return f'<div class="civitas"><p>{summary}</p>{"".join(parts)}</div>'


def _separator(language: str) -> str:
    return "，" if language == "zh" else ", "


# ---- framework and evaluations ------------------------------------------------------------------


def framework_html(self: _core.Framework) -> str:
    indicators = self.indicators
    language = _language([self.name, *(i.name for i in indicators)])
    summary = (f"<b>{_e(self.name or self.id)}</b> ({_e(self.id)}) — {len(indicators)} {_e(_word('indicators', language))}"
               f"{_separator(language)}{len(self.categories)} {_e(_word('categories', language))}"
               f"{_separator(language)}{_e(_word('scale', language))} {_e(_number(self.scale))}")
    weights = self.effective_weights
    rows = ([_e(i.id), _e(i.name), _e(i.unit), _e(i.pass_ if i.pass_ is not None else "—"),
             _e(_number(100.0 * float(weights[k]), 1) + " %"), _e("✓" if i.kind == _core.ItemKind.basic else "")]
            for k, i in enumerate(indicators))
    headers = [_word(key, language) for key in ("indicator", "name", "measure", "line", "weight", "basic")]
    return _block(summary, _table(headers, rows, len(indicators), language))


def _outcome(outcome: _core.Outcome, language: str) -> str:
    tone = {"met": "green", "not_met": "red", "missing": "grey"}[outcome.name]
    return _badge(tone, _word(outcome.name, language))


def _decision(passed: bool, decided_by: _core.Decision, language: str) -> str:
    if decided_by == _core.Decision.invalid:
        return _badge("grey", _word("invalid", language))
    return _badge("green", _word("passed", language)) if passed else _badge("red", _word("failed", language))


def evaluation_html(self: _core.Evaluation) -> str:
    """The decision and the indicators: not met first, then missing, then met (each in framework order)."""
    framework = self._framework
    language = _language([framework.name])
    names = {i.id: i for i in framework.indicators}
    total = f"{_number(self.total, 1)} / {_number(self.scale)}"
    reason = self.reason_zh if language == "zh" else self.reason
    summary = (f"{_decision(self.passed, self.decided_by, language)} <b>{_e(self.unit)}</b> — {_e(framework.name or self.framework)}"
               f"{_separator(language)}{_e(_word('total', language))} {_e(total)}{_separator(language)}"
               f"{_e(_word('met_assessed', language))} {self.met} / {self.assessed}{_separator(language)}{_e(reason)}")
    order = {"not_met": 0, "missing": 1, "met": 2}
    results = sorted(self.indicators, key=lambda r: order[r.outcome.name])  # stable: framework order within each
    rows = ([_e(r.id), _e(names[r.id].name), _e(_number(r.value)), _e(r.pass_ if r.pass_ is not None else "—"),
             _outcome(r.outcome, language), _e(f"{_number(r.points)} / {_number(r.max_points)}")]
            for r in results)
    headers = [_word(key, language) for key in ("indicator", "name", "value", "line", "outcome", "points")]
    return _block(summary, _table(headers, rows, len(results), language))


def batch_html(self: _core.BatchEvaluation) -> str:
    """One row per unit, in row order: its decision, total, indicators met and basic items failed."""
    framework = self._framework
    language = _language([framework.name])
    passed, decided_by = self.passed, self.decided_by
    invalid = 0 if self.ok else sum(1 for d in decided_by if d == _core.Decision.invalid)
    counts = {"passed": int(np.count_nonzero(passed)), "failed": len(passed) - int(np.count_nonzero(passed)) - invalid,
              "invalid": invalid}
    tones = {"passed": "green", "failed": "red", "invalid": "grey"}
    tally = " ".join(_badge(tones[key], f"{_word(key, language)} {n}") for key, n in counts.items() if n)
    summary = f"<b>{_e(framework.name or self.framework)}</b> — {len(self)} {_e(_word('units', language))} {tally}"
    units, classes, totals, met, assessed, basic_failed = (self.units, self.classes, self.totals, self.met, self.assessed,
                                                            self.basic_failed)
    rows = ([_e(unit), _e(classes[i]), _e(_number(float(totals[i]), 1)), _e(f"{int(met[i])} / {int(assessed[i])}"),
             _e(int(basic_failed[i])), _decision(bool(passed[i]), decided_by[i], language), _e(decided_by[i].name)]
            for i, unit in enumerate(units))
    headers = [_word(key, language) for key in ("unit", "class", "total", "met_assessed", "basic_failed", "decision",
                                                "decided_by")]
    return _block(summary, _table(headers, rows, len(units), language))


# ---- readiness ---------------------------------------------------------------------------------


def _rag(rag: _core.Rag, language: str) -> str:
    return _badge(rag.name, _word(rag.name, language))


def _rag_counts(rags: Sequence[_core.Rag], language: str) -> str:
    """How many units are red, amber and green; a count of none is not coloured."""
    counts = {tone: sum(1 for r in rags if r.name == tone) for tone in ("red", "amber", "green")}
    return " ".join(_badge(tone, f"{_word(tone, language)} {n}") if n else _e(f"{_word(tone, language)} {n}")
                    for tone, n in counts.items())


def title_readiness_html(self: _core.TitleReadiness) -> str:
    """One row per unit, in the campaign's order: verdict, reason, total now, overdue tasks."""
    framework = self.framework
    language = _language([framework.name] if framework is not None else [])
    parts = [f"<b>{_e(self.title)}</b>"]
    if framework is not None:
        parts.append(f"{_e(_word('framework', language))} {_e(framework.name or framework.id)}")
    if self.inspection is not None:
        parts.append(f"{_e(_word('inspection', language))} {_e(self.inspection.isoformat())}")
    summary = _separator(language).join(parts) + " " + _rag_counts(self.rag, language)
    reasons = self.reasons_zh if language == "zh" else self.reasons
    totals = self.now.totals if self.now is not None else None
    units, rag, overdue = self.units, self.rag, self.overdue_tasks
    rows = ([_e(unit), _rag(rag[i], language), _e(reasons[i]),
             _e(_number(float(totals[i]), 1) if totals is not None else "—"), _e(len(overdue[i]))]
            for i, unit in enumerate(units))
    headers = [_word(key, language) for key in ("unit", "verdict", "reason", "total", "overdue_tasks")]
    return _block(summary, _table(headers, rows, len(units), language))


def readiness_html(self: _core.Readiness) -> str:
    """One row per title (its units' verdicts counted), then the plan's status line; each title shows its units."""
    language = _language([t.framework.name for t in self.titles if t.framework is not None])
    summary = f"<b>{_e(_word('readiness_on', language))} {_e(self.as_of.isoformat())}</b>"
    titles = self.titles
    rows = ([_e(t.title), _e(t.framework.name if t.framework is not None else "—"),
             _e(t.inspection.isoformat() if t.inspection is not None else "—"), _rag_counts(t.rag, language)]
            for t in titles)
    headers = [_word(key, language) for key in ("title", "framework", "inspection", "verdict")]
    parts = [_table(headers, rows, len(titles), language)]
    if self.plan is not None:
        parts.append(f"<p>{_status_summary(self.plan, language)}</p>")
    return _block(summary, *parts)


# ---- plans -------------------------------------------------------------------------------------


def plan_html(self: _core.Plan) -> str:
    """One row per task, sub-plans' included, in plan order."""
    tasks = self.tasks
    spec = self.spec
    language = _language([self.name, *(t.name for t in tasks)])
    sep = _separator(language)
    milestones = sum(1 for t in tasks if t.milestone)
    summary = (f"<b>{_e(self.name or self.id)}</b> ({_e(self.id)}) — {len(tasks)} {_e(_word('tasks', language))} "
               f"({milestones} {_e(_word('milestones', language))}){sep}{len(spec.phases)} {_e(_word('phases', language))}"
               f"{sep}{len(self.problems)} {_e(_word('problems', language))}{sep}"
               f"{len(self.subplan_paths)} {_e(_word('subplans', language))}")
    rows = ([_e(t.id), _e(t.name), _e(t.phase), _e(_date(t.start)), _e(_date(t.due)), _e("◆" if t.milestone else "")]
            for t in tasks)
    headers = [_word(key, language) for key in ("task", "name", "phase", "start", "due", "milestone")]
    return _block(summary, _table(headers, rows, len(tasks), language))


def _date(date: object) -> str:
    return "—" if date is None else str(date)


def schedule_html(self: _core.Schedule) -> str:
    """One row per task in plan order; critical tasks marked, negative slack (late) in red."""
    language = _language([])
    tasks = self.tasks
    finish = max((t.earliest_finish for t in tasks), default=None)
    path = self.critical_path
    shown = path if len(path) <= 5 else [*path[:2], "…", *path[-2:]]
    summary = (f"{len(tasks)} {_e(_word('tasks', language))}{_separator(language)}{_e(_word('finish', language))} "
               f"{_e(_date(finish))}{_separator(language)}{_e(_word('critical_path', language))} "
               f"({len(path)}): {_e(' → '.join(shown))}")
    rows = ([_e(t.id), _e(t.earliest_start.isoformat()), _e(t.earliest_finish.isoformat()), _e(t.latest_finish.isoformat()),
             _badge("red", str(t.slack)) if t.slack < 0 else _e(t.slack),
             _badge("red", str(t.free_slack)) if t.free_slack < 0 else _e(t.free_slack), _e("✓" if t.critical else "")]
            for t in tasks)
    headers = [_word(key, language) for key in ("task", "earliest_start", "earliest_finish", "latest_finish", "slack",
                                                "free_slack", "critical")]
    return _block(summary, _table(headers, rows, len(tasks), language))


# The colour of each TaskState, the report's: done green, at risk amber, overdue red, the rest plain.
_STATE_TONES = {"done": "green", "at_risk": "amber", "overdue": "red"}


def _status_summary(status: _core.PlanStatus, language: str) -> str:
    overall = status.overall
    sep = _separator(language)
    states = []
    for state, n in sorted(overall.states.items(), key=lambda item: item[0].value):
        word = f"{_word(state.name, language)} {n}"
        states.append(_badge(_STATE_TONES[state.name], word) if state.name in _STATE_TONES and n else _e(word))
    problems = overall.problems
    return (f"<b>{_e(_word('status_on', language))} {_e(status.as_of.isoformat())}</b>: {overall.tasks} "
            f"{_e(_word('tasks', language))} {' '.join(states)}{sep}{_e(_word('spi', language))} "
            f"{_e(_number(overall.spi))}{sep}{_e(_word('on_time', language))} {overall.done_on_time}/{overall.due}{sep}"
            f"{problems.found} {_e(_word('problems', language))}: {_e(_word('problems_closed', language))} "
            f"{problems.closed}{sep}{_e(_word('overdue', language))} {problems.overdue}")


def status_html(self: _core.PlanStatus) -> str:
    """The task counts by state, then the overdue tasks, most days late first."""
    overdue = self.overdue
    language = _language([t.name for t in overdue])
    if not overdue:
        return _block(_status_summary(self, language), f"<p>{_e(_word('no_overdue', language))}</p>")
    rows = ([_e(t.id), _e(t.name), _e(t.due.isoformat()), _badge("red", str(t.days_late)),
             _e(_number(t.percent_complete, 0)), _e(t.responsibility.get("department", ""))]
            for t in overdue)
    headers = [_word(key, language) for key in ("task", "name", "due", "days_late", "percent_complete", "department")]
    return _block(_status_summary(self, language), _table(headers, rows, len(overdue), language))


# ---- methods and the report --------------------------------------------------------------------


def _array(values: np.ndarray | None) -> np.ndarray:
    return np.zeros(0) if values is None else values  # the result's arrays are None when there are no units


def rank_uncertainty_html(self: _core.RankUncertainty) -> str:
    """One row per unit, best nominal rank first (units by their row number)."""
    language = _language([])
    sep = _separator(language)
    ranks, median, low, high = _array(self.nominal_rank), _array(self.median_rank), _array(self.rank_low), _array(self.rank_high)
    top_k, p_pass = _array(self.p_top_k), self.p_pass
    indices = ", ".join(f"{name} {_number(float(v))}" for name, v in zip(self.factors, _array(self.first_order)))
    summary = (f"<b>{_e(_word('rank_of', language))}</b> — {len(self)} {_e(_word('units', language))}{sep}"
               f"{self.draws} {_e(_word('draws', language))}{sep}{_e(_word('first_order', language))}: {_e(indices)}")
    headers = [_word(key, language) for key in ("row", "nominal_rank", "median_rank", "rank_interval")]
    headers.append(_word("p_top_k", language, k=self.top_k))
    if p_pass is not None:
        headers.append(_word("p_pass", language, t=_number(self.pass_threshold)))
    def row(i: int) -> list[str]:
        cells = [_e(i), _e(int(ranks[i])), _e(_number(float(median[i]), 1)), _e(f"{int(low[i])}–{int(high[i])}"),
                 _e(_number(float(top_k[i])))]
        return [*cells, _e(_number(float(p_pass[i])))] if p_pass is not None else cells

    order = np.argsort(ranks, kind="stable")  # best nominal rank first, ties by row
    return _block(summary, _table(headers, (row(int(i)) for i in order), len(ranks), language))


def report_html(self: _core.Report) -> str:
    """The title verdicts on a line, then the report's own HTML in a frame, so its styles stay inside."""
    language = self.language.name
    verdicts = " ".join(f"{_e(t.name or t.id)} {_rag(t.rag, language)}" for t in self.titles)
    summary = f"<b>{_e(self.name or self.campaign)}</b> — {_e(_word('report', language))} {_e(self.as_of.isoformat())} {verdicts}"
    frame = (f'<iframe srcdoc="{_e(self.render("html"))}" sandbox="" title="{_e(self.name or self.campaign)}" '
             f'style="width:100%;height:640px;border:1px solid #c9ced6"></iframe>')
    return _block(summary, frame)
