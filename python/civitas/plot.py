"""Plots of civitas results with matplotlib (``pip install 'civitas[plot]'``).

Every function draws the library's own results (series_trends, readiness, schedule, status,
rank, rank_uncertainty, weights), so no rule is computed here twice; each takes ``ax=`` (None: a
new figure) and returns the Axes it drew on. Fixed words follow ``language`` ('zh' or 'en', as
``build_report``: default the language of the campaign passed, as ``campaign`` or ``names``, else
Chinese); names (units, indicators, tasks) are the data's own. Chinese text is drawn with an installed CJK font found through matplotlib's
font manager; without one, a :class:`MissingFontWarning` is issued once. The artists a test or a
caller may want to find carry a ``gid`` ("history", "pass_line", "today", "critical", ...).

``import civitas`` does not import this module or matplotlib; ``import civitas.plot`` does.
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from . import _core
from ._support import (
    AMBER,
    GREEN,
    INK,
    MISSING_TINT,
    MUTED,
    PLAIN,
    RED,
    not_found_error,
    validation_error,
)
from ._support import matplotlib as _require_matplotlib

_require_matplotlib()  # ImportError, in both languages, naming the extra civitas[plot]

import matplotlib  # noqa: E402 - after the check above
import matplotlib.colors  # noqa: E402
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.patches  # noqa: E402
import matplotlib.ticker  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.text import Text  # noqa: E402

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.projections.polar import PolarAxes

__all__ = ["MissingFontWarning", "cjk_font", "gantt", "heatmap", "history", "radar", "rank_intervals", "ranking",
           "weights"]


class MissingFontWarning(UserWarning):
    """No installed font has Chinese glyphs: Chinese labels would show as boxes (install fonts-noto-cjk)."""


MissingFontWarning.__module__ = "civitas.plot"


# Fixed words, English and Chinese (the report's where it has the same word).
_WORDS: dict[str, tuple[str, str]] = {
    "pass_line": ("pass line {0}", "达标线 {0}"),
    "target": ("target {0} by {1}: {2}", "目标值 {0}（期限 {1}）：{2}"),
    "inspection": ("inspection {0}", "检查日期 {0}"),
    "as_of": ("as of {0}", "数据截至 {0}"),
    "history": ("observed", "观测值"),
    "projection": ("projected to the inspection", "检查日预计"),
    "progress": ("progress: {0}", "进展：{0}"),
    "met": ("met", "达标"),
    "not_met": ("not met", "未达标"),
    "missing": ("not assessed", "未考核"),
    "met_heatmap": ("Met and short of the line (gap in % of the line)", "达标与差距（差距占达标线的百分比）"),
    "category_share": ("Share of the category's points", "分类得分率"),
    "today": ("today {0}", "今天 {0}"),
    "critical": ("critical path", "关键路径"),
    "plan_title": ("The plan on {0}", "工作计划进度（{0}）"),
    "days_late": ("+{0} wd", "逾期 {0} 个工作日"),
    "ranking": ("District ranking", "各区排名"),
    "score": ("Score", "得分"),
    "pass_total": ("pass line {0}", "通过线 {0}"),
    "rank": ("Rank (1 = best)", "名次（1 = 最好）"),
    "rank_title": ("Rank uncertainty: {0}-{1}% of the draws", "名次不确定性：{0}-{1}% 区间"),
    "nominal": ("nominal rank", "名义名次"),
    "median": ("median rank", "名次中位数"),
    "p_top": ("P(top {0})", "前 {0} 名概率"),
    "weights": ("Weights", "权重"),
    "weight": ("Weight", "权重"),
}

_PROGRESS_WORDS: dict[str, tuple[str, str]] = {
    "target_met": ("target met", "已达标"),
    "on_track": ("on track", "按期可达"),
    "needs_acceleration": ("needs acceleration", "需加快进度"),
    "limited_progress": ("limited progress", "进展有限"),
    "deteriorating": ("deteriorating", "趋于恶化"),
    "too_few_points": ("too few points", "数据点不足"),
}
_PROGRESS_COLOURS = {"target_met": GREEN, "on_track": GREEN, "needs_acceleration": AMBER,
                     "limited_progress": RED, "deteriorating": RED, "too_few_points": MUTED}

_TARGET_WORDS: dict[str, tuple[str, str]] = {  # the report's words (src/report/detail/words.hpp)
    "met": ("met", "已达到"), "on_track": ("on track", "按期可达"), "off_track": ("off track", "偏离进度"),
    "overdue": ("overdue", "逾期未达"), "no_data": ("no data", "无数据"),
}
_TASK_STATE_WORDS: dict[str, tuple[str, str]] = {
    "done": ("done", "已完成"), "in_progress": ("in progress", "进行中"), "not_started": ("not started", "未开始"),
    "at_risk": ("at risk", "有逾期风险"), "overdue": ("overdue", "逾期"),
}
_TASK_STATE_COLOURS = {"done": GREEN, "in_progress": PLAIN, "not_started": MUTED, "at_risk": AMBER, "overdue": RED}
_RAG_COLOURS = {"green": GREEN, "amber": AMBER, "red": RED}

# Families with Chinese glyphs, Simplified Chinese first; the first one installed is used.
_CJK_FAMILIES = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans SC", "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB", "Heiti SC", "STHeiti",
    "Sarasa Gothic SC", "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "AR PL UKai CN",
    "Noto Sans CJK TC", "Noto Sans CJK JP", "Arial Unicode MS",
)
_warned_no_font = False


def _word(key: str, language: str, *args: object, table: Mapping[str, tuple[str, str]] = _WORDS) -> str:
    english, chinese = table[key]
    return (chinese if language == "zh" else english).format(*args)


def cjk_font() -> str | None:
    """The family name of an installed font with Chinese glyphs (matplotlib's font manager), or None."""
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    for family in _CJK_FAMILIES:
        if family in installed:
            return family
    return min((name for name in installed if "CJK" in name), default=None)


def _fonts(ax: Axes) -> None:
    """Gives every text of `ax` the CJK font as a fallback, so Chinese glyphs render; warns once without one."""
    global _warned_no_font
    family = cjk_font()
    if family is None:
        if not _warned_no_font:
            _warned_no_font = True
            warnings.warn("no installed font has Chinese glyphs: Chinese labels will not render "
                          "(install fonts-noto-cjk or another CJK font) / 未找到含中文字形的字体，中文标签将无法显示"
                          "（请安装 fonts-noto-cjk 等中文字体）", MissingFontWarning, stacklevel=3)
        return
    for axis in (ax.xaxis, ax.yaxis):  # ticks are made on demand; make them now so their labels get the font
        axis.get_major_ticks()
        axis.get_minor_ticks()
    texts: list[Text] = ax.findobj(Text)  # type: ignore[assignment]
    figure = ax.get_figure()
    if figure is not None:
        texts += [text for text in figure.texts]
    for text in texts:
        current = list(text.get_fontfamily())
        if family not in current:
            text.set_fontfamily([*current, family])


def _language(language: str | _core.Language | None, campaign: object = None) -> str:
    """'zh' or 'en': `language`, else civitas.options.display_language, else the language of `campaign`
    when it is a Campaign, else 'zh'."""
    if language is None:
        language = _core.options.display_language
    if language is None:
        language = (campaign.spec.language if isinstance(campaign, _core.Campaign) else "") or "zh"
    if isinstance(language, _core.Language):
        return language.name
    if language not in ("zh", "en"):
        raise validation_error("language", f"'{language}' is not one of zh, en", f"'{language}' 不在可选值之中: zh, en")
    return language


def _axes(ax: Axes | None, size: tuple[float, float], projection: str | None = None) -> Axes:
    if ax is not None:
        if projection is not None and ax.name != projection:
            raise validation_error("ax", f"a '{ax.name}' Axes; expected a '{projection}' one (add_subplot(projection=))",
                                   f"'{ax.name}' 坐标轴；应为 '{projection}' 坐标轴（add_subplot(projection=)）")
        return ax
    import matplotlib.pyplot as plt

    figure = plt.figure(figsize=size, layout="constrained")
    return figure.add_subplot(projection=projection)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _number(value: float) -> str:
    return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.3g}"


def _day(value: dt.date) -> float:
    return float(mdates.date2num(value))


def _date_axis(ax: Axes) -> None:
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))


def _unit_names(names: Mapping[str, str] | _core.Campaign | None) -> Mapping[str, str]:
    if names is None:
        return {}
    if isinstance(names, _core.Campaign):
        return {unit.id: unit.name for unit in names.units}
    return names


# ---- an indicator's history ---------------------------------------------------------------------


def history(campaign: _core.Campaign, title: str, unit: str, indicator: str, as_of: dt.date, *,
            known_on: dt.date | None = None, trend_points: int = 5, language: str | None = None,
            ax: Axes | None = None) -> Axes:
    """One unit's series of an indicator up to `as_of`, with the unit's pass line, the campaign's
    targets for it (value, deadline, projection and state), the title's inspection date, the
    projection readiness makes to it and the progress state (series_trends and readiness)."""
    words = _language(language, campaign)
    trend = next((t for t in _core.series_trends(campaign, title, as_of, known_on=known_on, trend_points=trend_points)
                  if t.unit == unit and t.indicator == indicator), None)
    if trend is None:
        raise not_found_error(f"no series of '{indicator}' for unit '{unit}' in title '{title}' on or before {as_of}",
                              f"称号 '{title}' 中单位 '{unit}' 的指标 '{indicator}' 在 {as_of} 及之前没有观测值")
    ready = _core.readiness(campaign, as_of, known_on=known_on, trend_points=trend_points).title(title)
    spec = campaign.titles[campaign.title_index(title)]
    definition = campaign.framework(title).indicator(indicator)
    ax = _axes(ax, (10, 4.5))

    dates, values = campaign.observations.series(unit, indicator, known_on=known_on)
    shown = dates <= np.datetime64(as_of)
    days = [_day(d) for d in dates[shown].tolist()]
    ax.plot(days, values[shown], marker="o", color=INK, label=_word("history", words), gid="history")

    line = trend.line
    if line is not None:
        for end in (line.low, line.high):
            if math.isfinite(end):
                ax.axhline(end, color=PLAIN, linewidth=1.2, label=_word("pass_line", words, line), gid="pass_line")

    state = trend.progress.name if trend.progress is not None else None
    colour = _PROGRESS_COLOURS.get(state or "", MUTED)
    inspection = spec.dates.inspection
    if trend.projected is not None and inspection is not None:
        ax.plot([_day(trend.latest_date), _day(inspection)], [trend.latest, trend.projected], linestyle="--",
                marker="o", markevery=[1], color=colour, label=_word("projection", words), gid="projection")
    if inspection is not None:
        ax.axvline(_day(inspection), color=PLAIN, linestyle=":", label=_word("inspection", words, inspection),
                   gid="inspection")
    ax.axvline(_day(as_of), color=MUTED, linewidth=1, label=_word("as_of", words, as_of), gid="as_of")

    for progress in (p for p in ready.targets if p.unit == unit and p.indicator == indicator):
        deadline = progress.deadline or inspection
        label = _word("target", words, progress.line, deadline or "—",
                      _word(progress.state.name, words, table=_TARGET_WORDS))
        target_colour = {"met": GREEN, "on_track": GREEN}.get(progress.state.name, RED)
        ax.axhline(progress.target, color=target_colour, linestyle="-.", linewidth=1, label=label, gid="target")
        if deadline is not None:
            ax.axvline(_day(deadline), color=target_colour, linestyle="-.", linewidth=0.8, gid="deadline")
            if progress.projected is not None:
                ax.plot([_day(deadline)], [progress.projected], marker="D", color=target_colour,
                        gid="target_projection")

    levels = [v for v in (line.low, line.high) if math.isfinite(v)] if line is not None else []
    levels += [p.target for p in ready.targets if p.unit == unit and p.indicator == indicator]
    if levels:  # axhline does not widen the view: keep the lines inside it
        ax.update_datalim([(days[0] if days else _day(as_of), level) for level in levels])
        ax.autoscale_view()
    ax.margins(y=0.08)
    heading = f"{_unit_names(campaign).get(unit, unit)} · {definition.name or indicator}"
    if state is not None:
        heading += "\n" + _word("progress", words, _word(state, words, table=_PROGRESS_WORDS))
    ax.set_title(heading, color=INK)
    ax.set_ylabel(definition.unit)
    _date_axis(ax)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small", frameon=False)
    _fonts(ax)
    return ax


# ---- units x indicators: met and gaps -----------------------------------------------------------


def heatmap(batch: _core.BatchEvaluation, *, names: Mapping[str, str] | _core.Campaign | None = None,
            indicators: Sequence[str] | None = None, shortfalls_only: bool = False, annotate: bool = True,
            language: str | None = None, ax: Axes | None = None) -> Axes:
    """Units (rows) by indicators (columns) of a BatchEvaluation: green met, red not met, grey not
    assessed; not-met cells carry the relative gap in % of the line when `annotate`. `indicators`
    picks and orders columns (ids); `shortfalls_only` keeps those some unit does not meet. `names`
    maps unit ids to names (a Campaign gives its units')."""
    words = _language(language, names)
    ids = list(batch.indicator_ids)
    if indicators is not None:
        unknown = [i for i in indicators if i not in ids]
        if unknown:
            raise not_found_error(f"indicator '{unknown[0]}' is not in framework '{batch.framework}'",
                                  f"测评体系 '{batch.framework}' 中没有指标 '{unknown[0]}'")
        columns = [ids.index(i) for i in indicators]
    else:
        columns = list(range(len(ids)))
    outcomes = np.asarray(batch.outcomes)
    if shortfalls_only:
        columns = [j for j in columns if (outcomes[:, j] == _core.Outcome.not_met.value).any()]
    rows = len(batch)
    framework = batch._framework
    colours = np.zeros((rows, len(columns), 4))
    palette = {_core.Outcome.met.value: GREEN, _core.Outcome.not_met.value: RED,
               _core.Outcome.missing.value: MISSING_TINT}
    for i in range(rows):
        for k, j in enumerate(columns):
            colours[i, k] = matplotlib.colors.to_rgba(palette[int(outcomes[i, j])])
    ax = _axes(ax, (max(4.0, 1.5 + 0.38 * len(columns)), max(2.5, 1.8 + 0.4 * rows)))
    ax.imshow(colours, aspect="auto", interpolation="nearest", gid="cells")
    if annotate:
        for i in range(rows):
            evaluation = batch.unit(i)
            for k, j in enumerate(columns):
                result = evaluation.indicators[j]
                if result.outcome == _core.Outcome.not_met and result.relative_gap is not None:
                    percent = 100 * result.relative_gap
                    ax.text(k, i, f"{percent:.1f}" if percent < 9.95 else f"{percent:.0f}", ha="center", va="center", color="white",
                            fontsize="x-small", gid="gap")
    unit_names = _unit_names(names)
    ax.set_yticks(range(rows), [unit_names.get(u, u) for u in batch.units])
    ax.set_xticks(range(len(columns)), [_short(framework.indicators[j].name or ids[j], 14) for j in columns],
                  rotation=90)
    ax.tick_params(length=0)
    ax.vlines(np.arange(0.5, len(columns) - 1), -0.5, rows - 0.5, color="white", linewidth=1.5)  # cell borders
    ax.hlines(np.arange(0.5, rows - 1), -0.5, len(columns) - 0.5, color="white", linewidth=1.5)
    for side in ax.spines.values():
        side.set_visible(False)
    handles = [matplotlib.patches.Patch(color=GREEN, label=_word("met", words)),
               matplotlib.patches.Patch(color=RED, label=_word("not_met", words)),
               matplotlib.patches.Patch(color=MISSING_TINT, label=_word("missing", words))]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small", frameon=False)
    ax.set_title(_word("met_heatmap", words), color=INK)
    _fonts(ax)
    return ax


# ---- category radar -----------------------------------------------------------------------------


def radar(result: _core.Evaluation | _core.BatchEvaluation, units: str | Sequence[str] | None = None, *,
          names: Mapping[str, str] | _core.Campaign | None = None, language: str | None = None,
          ax: Axes | None = None) -> Axes:
    """The share of points of each top-level category (0 to 1), one polygon per unit: an Evaluation,
    or the `units` (ids; None: all) of a BatchEvaluation. `ax` must be polar."""
    words = _language(language, names)
    if isinstance(result, _core.Evaluation):
        evaluations = [result]
    else:
        wanted = list(result.units) if units is None else [units] if isinstance(units, str) else list(units)
        known = list(result.units)
        missing = [u for u in wanted if u not in known]
        if missing:
            raise not_found_error(f"unit '{missing[0]}' is not in the batch", f"批量测评结果中没有单位 '{missing[0]}'")
        evaluations = [result.unit(known.index(u)) for u in wanted]
    categories = [c for c in evaluations[0].categories if c.depth == 1]
    if len(categories) < 3:
        raise validation_error("result", f"{len(categories)} top-level categories; a radar needs at least 3",
                               f"顶层分类 {len(categories)} 个；雷达图至少需要 3 个")
    ax = _axes(ax, (6, 6), projection="polar")
    angles = np.linspace(0, 2 * np.pi, len(categories), endpoint=False)
    closed = np.append(angles, angles[0])
    unit_names = _unit_names(names)
    colours = matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]
    for n, evaluation in enumerate(evaluations):
        by_id = {c.id: c.score for c in evaluation.categories}
        shares = np.array([by_id[c.id] for c in categories])
        colour = colours[n % len(colours)]
        ax.plot(closed, np.append(shares, shares[0]), color=colour, label=unit_names.get(evaluation.unit, evaluation.unit),
                gid="radar")
        ax.fill(closed, np.append(shares, shares[0]), color=colour, alpha=0.15)
    ax.set_xticks(angles, [_short(c.name or c.id, 10) for c in categories])
    ax.set_ylim(0, 1)
    ax.set_yticks([0.25, 0.5, 0.75, 1.0], ["25%", "50%", "75%", "100%"], color=MUTED, fontsize="small")
    cast("PolarAxes", ax).set_rlabel_position(float(np.degrees(angles[1] / 2)))  # between the first two spokes
    ax.set_title(_word("category_share", words), color=INK)
    ax.legend(loc="upper right", bbox_to_anchor=(1.15, 1.1), fontsize="small")
    _fonts(ax)
    return ax


# ---- the plan's Gantt ---------------------------------------------------------------------------


def gantt(plan: _core.Plan, calendar: _core.WorkCalendar, as_of: dt.date, *, tasks: Sequence[str] | None = None,
          at_risk_within: int = 5, language: str | None = None, ax: Axes | None = None) -> Axes:
    """Each task's scheduled span (schedule: earliest start to earliest finish) coloured by its state
    on `as_of` (status: done, in progress, not started, at risk, overdue) with its progress shaded,
    milestones as diamonds, the critical path outlined, overdue tasks marked with their working days
    late, and today's line at `as_of`. `tasks` picks tasks by id (sub-plan tasks as 'xigu/hekou_phase1')."""
    words = _language(language)
    scheduled = _core.schedule(plan, calendar)
    state = _core.status(plan, calendar, as_of, at_risk_within=at_risk_within)
    order = [t.id for t in scheduled.tasks]
    if tasks is not None:
        unknown = [t for t in tasks if t not in order]
        if unknown:
            raise not_found_error(f"task '{unknown[0]}' is not in plan '{plan.id}'",
                                  f"工作计划 '{plan.id}' 中没有任务 '{unknown[0]}'")
        order = list(tasks)
    plan_tasks = plan.tasks
    names = {task_id: plan_tasks[plan.task_index(task_id)].name for task_id in order}
    ax = _axes(ax, (10, max(2.5, 1.2 + 0.32 * len(order))))
    starts, widths, colours, edges, lines = [], [], [], [], []
    milestones: list[tuple[float, int, str, str]] = []
    for y, task_id in enumerate(order):
        span, progress = scheduled.task(task_id), state.task(task_id)
        colour = _TASK_STATE_COLOURS[progress.state.name]
        start, finish = _day(span.earliest_start), _day(span.earliest_finish) + 1.0  # finish: the end of that day
        if span.duration == 0:
            milestones.append((_day(span.earliest_finish), y, colour, INK if span.critical else colour))
        starts.append(start)
        widths.append(0.0 if span.duration == 0 else finish - start)
        colours.append(colour)
        edges.append(INK if span.critical else colour)
        lines.append(2.0 if span.critical else 0.5)
    ys = np.arange(len(order))
    ax.barh(ys, widths, left=starts, height=0.6, color=[matplotlib.colors.to_rgba(c, 0.35) for c in colours],
            edgecolor=edges, linewidth=lines, gid="tasks")  # a pale span; the outline stays solid
    done = [w * state.task(t).percent_complete / 100.0 for w, t in zip(widths, order)]
    ax.barh(ys, done, left=starts, height=0.6, color=colours, gid="progress")
    if milestones:
        at, rows, face, edge = zip(*milestones)
        ax.scatter(at, rows, marker="D", s=60, c=list(face), edgecolors=list(edge), linewidths=1.5, zorder=3,
                   gid="milestones")
    for y, task_id in enumerate(order):
        late = state.task(task_id).days_late
        if state.task(task_id).state == _core.TaskState.overdue:
            ax.text(starts[y] + widths[y] + 2, y, _word("days_late", words, late), va="center", color=RED,
                    fontsize="small", gid="days_late")
    critical = [i for i, t in enumerate(order) if scheduled.task(t).critical]
    if critical:  # a legend entry for the outline
        ax.barh([critical[0]], [0], left=[starts[critical[0]]], color="none", edgecolor=INK, linewidth=2,
                label=_word("critical", words), gid="critical")
    ax.axvline(_day(as_of), color=RED, linestyle="--", linewidth=1.2, label=_word("today", words, as_of), gid="today")
    ax.set_yticks(ys, [_short(names.get(t) or t, 22) for t in order])
    ax.set_ylim(len(order) - 0.5, -0.5)
    handles, _ = ax.get_legend_handles_labels()
    for name, colour in _TASK_STATE_COLOURS.items():
        handles.append(matplotlib.patches.Patch(color=colour, label=_word(name, words, table=_TASK_STATE_WORDS)))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small", frameon=False)
    ax.set_title(f"{_short(plan.name or plan.id, 40)}\n{_word('plan_title', words, as_of)}", color=INK)
    ax.grid(axis="x", color="#e6e8eb")
    _date_axis(ax)
    _fonts(ax)
    return ax


# ---- rankings -----------------------------------------------------------------------------------


def _ranked(result: Any, labels: Sequence[str] | None, names: Mapping[str, str]
            ) -> tuple[list[str], np.ndarray, np.ndarray, list[str], float | None]:
    """Labels, scores, ranks (1 = best), colours and the pass total of what `ranking` accepts."""
    if isinstance(result, _core.TitleReport):
        standings = [s for s in result.units if s.total is not None]
        return ([s.name or s.unit for s in standings], np.array([s.total for s in standings], dtype=float),
                np.array([s.rank for s in standings]), [_RAG_COLOURS[s.rag.name] for s in standings], result.pass_total)
    if isinstance(result, _core.BatchEvaluation):
        totals = np.asarray(result.totals, dtype=float)
        kept = np.flatnonzero(~np.isnan(totals))
        units = [result.units[i] for i in kept]
        scores = totals[kept]
        return ([names.get(u, u) for u in units], scores, _core.rank(scores),
                [GREEN if result.passed[i] else RED for i in kept], None)
    if hasattr(result, "index") and labels is None:  # a pandas Series
        labels = [str(label) for label in result.index]
    scores = np.asarray(result, dtype=float).reshape(-1)
    if labels is None:
        labels = [str(i) for i in range(len(scores))]
    if len(labels) != len(scores):
        raise validation_error("labels", f"{len(labels)} labels for {len(scores)} scores; expected one each",
                               f"{len(labels)} 个标签对应 {len(scores)} 个得分；应各一个")
    return [names.get(label, label) for label in labels], scores, _core.rank(scores), [PLAIN] * len(scores), None


def ranking(result: Any, labels: Sequence[str] | None = None, *, names: Mapping[str, str] | _core.Campaign | None = None,
            language: str | None = None, ax: Axes | None = None) -> Axes:
    """Units as bars of their score, best on top, each labelled with its rank: a report title's district
    ranking (TitleReport: coloured red / amber / green, with the pass total), a BatchEvaluation's
    totals (green passes, red fails), or any scores (array, list or pandas Series; ranked by
    civitas.rank, ties share the smaller rank)."""
    words = _language(language, names)
    shown, scores, ranks, colours, pass_total = _ranked(result, labels, _unit_names(names))
    order = np.lexsort((np.arange(len(ranks)), ranks))
    ax = _axes(ax, (7, max(2.5, 1.2 + 0.4 * len(order))))
    ys = np.arange(len(order))
    ax.barh(ys, scores[order], color=[colours[i] for i in order], gid="scores")
    for y, i in enumerate(order):
        ax.text(scores[i], y, f" {_number(scores[i])}", va="center", fontsize="small", color=INK)
    ax.set_yticks(ys, [f"{ranks[i]}. {shown[i]}" for i in order])
    ax.set_ylim(len(order) - 0.5, -0.5)
    if pass_total is not None:
        ax.axvline(pass_total, color=INK, linestyle="--", linewidth=1, label=_word("pass_total", words, _number(pass_total)),
                   gid="pass_line")
        ax.legend(loc="lower right", fontsize="small")
    ax.set_xlabel(_word("score", words))
    ax.set_title(_word("ranking", words) + (f" · {result.name}" if isinstance(result, _core.TitleReport) else ""),
                 color=INK)
    _fonts(ax)
    return ax


def rank_intervals(uncertainty: _core.RankUncertainty, labels: Sequence[str] | None = None, *,
                   names: Mapping[str, str] | _core.Campaign | None = None, language: str | None = None,
                   ax: Axes | None = None) -> Axes:
    """Each unit's 5-95% rank interval across the draws of rank_uncertainty (a bar from rank_low to
    rank_high), its median rank and its nominal rank, units in nominal order, rank 1 on the left;
    P(top k) beside each."""
    words = _language(language, names)
    count = len(uncertainty)
    if labels is None:
        labels = [str(i) for i in range(count)]
    if len(labels) != count:
        raise validation_error("labels", f"{len(labels)} labels for {count} units; expected one each",
                               f"{len(labels)} 个标签对应 {count} 个单位；应各一个")
    if uncertainty.nominal_rank is None:
        raise validation_error("uncertainty", "no units", "没有单位")
    unit_names = _unit_names(names)
    nominal = np.asarray(uncertainty.nominal_rank)
    order = np.lexsort((np.asarray(uncertainty.median_rank), nominal))
    low, high = np.asarray(uncertainty.rank_low), np.asarray(uncertainty.rank_high)
    ax = _axes(ax, (7, max(2.5, 1.2 + 0.35 * count)))
    ys = np.arange(count)
    ax.barh(ys, (high - low)[order], left=low[order], height=0.5, color=PLAIN, alpha=0.3, gid="intervals")
    ax.scatter(np.asarray(uncertainty.median_rank)[order], ys, marker="o", color=PLAIN, zorder=3,
               label=_word("median", words), gid="median")
    ax.scatter(nominal[order], ys, marker="|", s=200, color=RED, zorder=4, label=_word("nominal", words), gid="nominal")
    p_top = np.asarray(uncertainty.p_top_k)
    for y, i in enumerate(order):
        ax.text(count + 0.6, y, f"{100 * p_top[i]:.0f}%", va="center", fontsize="small", color=INK)
    ax.text(count + 0.6, -0.9, _word("p_top", words, uncertainty.top_k), fontsize="small", color=INK)
    ax.set_yticks(ys, [unit_names.get(labels[i], labels[i]) for i in order])
    ax.set_ylim(count - 0.5, -1.2)
    ax.set_xlim(0.5, count + 2.5)  # the right margin holds P(top k)
    ticks = matplotlib.ticker.MaxNLocator(nbins=10, integer=True).tick_values(1, count)
    ax.set_xticks([t for t in ticks if 1 <= t <= count])
    ax.set_xlabel(_word("rank", words))
    ax.set_title(_word("rank_title", words, 5, 95), color=INK)
    ax.legend(loc="lower right", fontsize="small")
    _fonts(ax)
    return ax


# ---- weights ------------------------------------------------------------------------------------


def _weight_sets(w: Any, labels: Sequence[str] | None) -> tuple[list[str], dict[str, np.ndarray]]:
    if isinstance(w, _core.Framework):
        return [i.name or i.id for i in w.indicators], {"": np.asarray(w.effective_weights)}
    if isinstance(w, _core.AhpResult):
        w = w.weights
    elif isinstance(w, _core.HierarchicalAhp):
        w = w.global_weights
    if hasattr(w, "columns") and hasattr(w, "index"):  # a pandas DataFrame: one set per column
        return ([str(i) for i in w.index] if labels is None else list(labels),
                {str(c): np.asarray(w[c], dtype=float) for c in w.columns})
    if isinstance(w, Mapping):
        values = list(w.values())
        if values and np.ndim(values[0]) == 0:  # {label: weight}
            return list(map(str, w)) if labels is None else list(labels), {"": np.asarray(values, dtype=float)}
        sets = {str(k): np.asarray(v, dtype=float).reshape(-1) for k, v in w.items()}
    else:
        if hasattr(w, "index") and labels is None:
            labels = [str(i) for i in w.index]
        sets = {"": np.asarray(w, dtype=float).reshape(-1)}
    size = len(next(iter(sets.values()))) if sets else 0
    return (list(labels) if labels is not None else [str(i) for i in range(size)]), sets


def weights(w: Any, labels: Sequence[str] | None = None, *, top: int | None = None, language: str | None = None,
            ax: Axes | None = None) -> Axes:
    """Weights as horizontal bars, largest first: a Framework (its effective weights, by indicator
    name), an AhpResult, a HierarchicalAhp (global weights), an array or list with `labels`, a pandas
    Series, a {label: weight} dict, or several sets to compare ({name: weights} or a DataFrame with a
    column per set, drawn side by side, ordered by the first). `top` keeps the largest."""
    words = _language(language)
    names, sets = _weight_sets(w, labels)
    for key, values in sets.items():
        if len(values) != len(names):
            raise validation_error(f"weights[{key}]" if key else "labels",
                                   f"{len(values)} weights for {len(names)} labels; expected one each",
                                   f"{len(values)} 个权重对应 {len(names)} 个标签；应各一个")
    first = next(iter(sets.values()))
    order = np.argsort(-first, kind="stable")[: top if top is not None else len(first)]
    ax = _axes(ax, (7, max(2.5, 1.0 + 0.3 * len(order) * max(1, len(sets) / 2))))
    height = 0.8 / len(sets)
    for n, (key, values) in enumerate(sets.items()):
        offset = (n - (len(sets) - 1) / 2) * height
        ax.barh(np.arange(len(order)) + offset, values[order], height=height, label=key or None,
                color=PLAIN if len(sets) == 1 else None, gid="weights")
    ax.set_yticks(np.arange(len(order)), [_short(names[i], 18) for i in order])
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.set_xlabel(_word("weight", words))
    ax.set_title(_word("weights", words), color=INK)
    if len(sets) > 1:
        ax.legend(loc="lower right", fontsize="small")
    _fonts(ax)
    return ax
