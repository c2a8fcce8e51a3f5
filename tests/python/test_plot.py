"""civitas.plot: what each plot draws (lines, bars, cells, labels, colours, positions), rendered with
Agg, on the Lanzhou example (examples/lanzhou, synthetic data) as of 2025-12-31; Chinese labels
render with an installed CJK font (a missing glyph would be a warning, and warnings are errors).
conftest.py selects the Agg backend."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import matplotlib
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_hex, to_rgba

import civitas
from civitas import plot

REPO = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2025, 12, 31)


@pytest.fixture(scope="module")
def campaign() -> civitas.Campaign:
    return civitas.load_campaign(REPO / "examples" / "lanzhou" / "campaign.json")


@pytest.fixture(scope="module")
def garden(campaign: civitas.Campaign) -> civitas.TitleReadiness:
    return civitas.readiness(campaign, AS_OF).title("garden_city")


def day(date: dt.date) -> float:
    return float(mdates.date2num(date))


def by_gid(ax, gid: str) -> list:
    return [artist for artist in ax.findobj() if artist.get_gid() == gid]


def rendered(ax) -> None:
    """Draws the figure as a notebook would; a glyph missing from every font warns, and fails the test."""
    ax.figure.canvas.draw()


# ---- packaging and fonts ----------------------------------------------------------------------


def test_import_civitas_does_not_import_matplotlib(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", "import sys, civitas; print('matplotlib' in sys.modules)"],
                            cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_without_matplotlib_civitas_plot_names_the_extra(tmp_path: Path) -> None:
    code = ("import sys; sys.modules['matplotlib'] = None\n"  # as if it were not installed
            "import civitas\n"
            "try:\n    import civitas.plot\nexcept ImportError as error:\n    print(error)")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("this needs matplotlib: pip install 'civitas[plot]' "
                                     "(需要 matplotlib: pip install 'civitas[plot]')")


def test_a_cjk_font_is_found_through_the_font_manager() -> None:
    family = plot.cjk_font()
    assert family is not None, "no CJK font: scripts/install-deps.sh installs fonts-noto-cjk"
    assert family in {entry.name for entry in matplotlib.font_manager.fontManager.ttflist}


def test_without_the_cjk_font_chinese_glyphs_are_missing() -> None:
    # The control for the tests below: the same label in matplotlib's default font warns.
    ax = plt.figure().add_subplot()
    ax.set_title("兰州市", fontfamily="DejaVu Sans")
    with pytest.warns(UserWarning, match="missing from font"):
        rendered(ax)


def test_no_cjk_font_warns_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plot, "cjk_font", lambda: None)
    monkeypatch.setattr(plot, "_warned_no_font", False)
    with pytest.warns(plot.MissingFontWarning, match="fonts-noto-cjk") as caught:
        plot.ranking([3.0, 1.0], ["a", "b"], language="en")
        plot.weights([0.5, 0.5], ["a", "b"], language="en")
    assert len(caught) == 1


def test_every_text_of_a_plot_has_the_cjk_font(campaign: civitas.Campaign) -> None:
    ax = plot.history(campaign, "garden_city", "lanzhou", "built_up_green_coverage", AS_OF)
    rendered(ax)
    texts = [ax.title, ax.yaxis.label, *ax.get_xticklabels(), *ax.get_yticklabels(), *ax.get_legend().get_texts()]
    assert all(plot.cjk_font() in text.get_fontfamily() for text in texts)


# ---- an indicator's history -------------------------------------------------------------------


def test_history_draws_the_series_the_line_the_target_and_the_projection(campaign: civitas.Campaign,
                                                                         garden: civitas.TitleReadiness) -> None:
    ax = plot.history(campaign, "garden_city", "lanzhou", "built_up_green_coverage", AS_OF)
    rendered(ax)
    dates, values = campaign.observations.series("lanzhou", "built_up_green_coverage")
    kept = dates <= np.datetime64(AS_OF)
    (series,) = by_gid(ax, "history")
    assert list(series.get_xdata()) == [day(d) for d in dates[kept].tolist()]
    assert list(series.get_ydata()) == list(values[kept])
    assert series.get_ydata()[-1] == pytest.approx(31.44)  # docs/guide.md: 4.56 short of >= 36

    (line,) = by_gid(ax, "pass_line")
    assert list(line.get_ydata()) == [36.0, 36.0]
    trend = next(t for t in civitas.series_trends(campaign, "garden_city", AS_OF)
                 if t.unit == "lanzhou" and t.indicator == "built_up_green_coverage")
    (projection,) = by_gid(ax, "projection")
    assert list(projection.get_xdata()) == [day(AS_OF), day(dt.date(2026, 10, 30))]  # to the inspection
    assert list(projection.get_ydata()) == [pytest.approx(31.44), pytest.approx(trend.projected)]
    assert to_hex(projection.get_color()) == plot.RED  # limited progress
    (inspection,) = by_gid(ax, "inspection")
    assert list(inspection.get_xdata()) == [day(dt.date(2026, 10, 30))] * 2

    target = next(p for p in garden.targets if p.unit == "lanzhou" and p.indicator == "built_up_green_coverage")
    (target_line,) = by_gid(ax, "target")
    assert list(target_line.get_ydata()) == [36.0, 36.0]
    assert target_line.get_label() == "目标值 >= 36（期限 2026-06-30）：偏离进度"
    (deadline,) = by_gid(ax, "deadline")
    assert list(deadline.get_xdata()) == [day(dt.date(2026, 6, 30))] * 2
    (projected,) = by_gid(ax, "target_projection")
    assert projected.get_ydata()[0] == pytest.approx(target.projected)
    assert ax.get_title() == "兰州市 · 建成区绿化覆盖率\n进展：进展有限"
    assert ax.get_ylabel() == "%"
    low, high = ax.get_ylim()
    assert low < 31.44 and high > 36.0  # the lines are in view


def test_history_words_follow_the_language(campaign: civitas.Campaign) -> None:
    ax = plot.history(campaign, "garden_city", "xigu", "domestic_waste_harmless_treatment_rate", AS_OF, language="en")
    rendered(ax)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "observed", "pass line >= 85", "projected to the inspection", "inspection 2026-10-30", "as of 2025-12-31",
        "target >= 85 by 2026-10-30: off track"]
    assert ax.get_title().endswith("progress: limited progress")


def test_words_default_to_the_campaign_s_language(campaign: civitas.Campaign) -> None:
    spec = campaign.spec
    spec.language = "en"
    english = civitas.Campaign(spec, campaign.frameworks, calendar=campaign.calendar, plan=campaign.plan,
                               observations=campaign.observations)
    ax = plot.history(english, "garden_city", "lanzhou", "built_up_green_coverage", AS_OF)
    assert ax.get_title() == "兰州市 · 建成区绿化覆盖率\nprogress: limited progress"  # names stay the data's
    batch = civitas.readiness(english, AS_OF).title("garden_city").now
    assert plot.heatmap(batch, names=english).get_title().startswith("Met and short")
    assert plot.heatmap(batch).get_title().startswith("达标")  # no campaign: Chinese


def test_the_display_option_sets_the_default_language(campaign: civitas.Campaign,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    batch = civitas.readiness(campaign, AS_OF).title("garden_city").now
    monkeypatch.setattr(civitas.options, "display_language", "en")
    assert plot.heatmap(batch, names=campaign).get_title().startswith("Met and short")
    assert plot.heatmap(batch, language="zh").get_title().startswith("达标")  # an explicit language still wins


def test_history_of_an_unknown_series_names_it(campaign: civitas.Campaign) -> None:
    with pytest.raises(civitas.NotFoundError, match="no series of 'no_such' for unit 'xigu'") as caught:
        plot.history(campaign, "garden_city", "xigu", "no_such", AS_OF)
    assert "没有观测值" in caught.value.message_zh


def test_a_language_that_is_not_zh_or_en_is_named(campaign: civitas.Campaign) -> None:
    with pytest.raises(civitas.ValidationError, match="language: 'fr' is not one of zh, en") as caught:
        plot.ranking([1.0], ["a"], language="fr")
    assert caught.value.message_zh == "language: 'fr' 不在可选值之中: zh, en"


# ---- met and gaps -----------------------------------------------------------------------------


def cell(ax, row: int, column: int) -> str:
    return to_hex(ax.images[0].get_array()[row, column])


def test_heatmap_colours_met_not_met_and_not_assessed(campaign: civitas.Campaign, garden: civitas.TitleReadiness) -> None:
    batch = garden.now
    ax = plot.heatmap(batch, names=campaign)
    rendered(ax)
    ids = batch.indicator_ids
    assert ax.images[0].get_array().shape[:2] == (7, 75)  # the city, four districts, the county, the school
    coverage, gardens = ids.index("built_up_green_coverage"), ids.index("theme_gardens_new")
    assert cell(ax, 0, coverage) == plot.RED        # 31.44 against >= 36
    assert cell(ax, 0, gardens) == plot.GREEN       # 11 of 11 new theme gardens
    assert cell(ax, 3, gardens) == plot.MISSING_TINT  # a city-wide item: not assessed for 西固区
    outcomes = np.asarray(batch.outcomes)
    assert sum(cell(ax, i, j) == plot.RED for i in range(7) for j in range(75)) == (outcomes == 0).sum()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["兰州市", "城关区", "七里河区", "西固区", "安宁区", "榆中县", "城关区某小学"]
    gaps = {(round(t.get_position()[1]), round(t.get_position()[0])): t.get_text() for t in by_gid(ax, "gap")}
    assert gaps[(0, coverage)] == "13"  # 4.56 / 36 = 12.7 %
    with_gap = {(i, j) for i in range(7) for j, r in enumerate(batch.unit(i).indicators)
                if r.outcome == civitas.Outcome.not_met and r.relative_gap is not None}
    assert set(gaps) == with_gap and len(with_gap) < (outcomes == 0).sum()  # a rule's "not met" may have no gap


def test_heatmap_of_shortfalls_only(garden: civitas.TitleReadiness) -> None:
    batch = garden.now
    short = [i for j, i in enumerate(batch.indicator_ids) if (np.asarray(batch.outcomes)[:, j] == 0).any()]
    ax = plot.heatmap(batch, shortfalls_only=True, language="en")
    rendered(ax)
    framework = civitas.load_campaign(REPO / "examples" / "lanzhou" / "campaign.json").framework("garden_city")
    assert len(ax.get_xticks()) == len(short) == 28  # 19 among the city and its districts, 9 more in the county
    assert ax.get_xticklabels()[0].get_text() == framework.indicator(short[0]).name
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["met", "not met", "not assessed"]
    ax = plot.heatmap(batch, indicators=["theme_gardens_new", "built_up_green_coverage"])
    assert [cell(ax, 0, 0), cell(ax, 0, 1)] == [plot.GREEN, plot.RED]
    with pytest.raises(civitas.NotFoundError, match="indicator 'nope'"):
        plot.heatmap(batch, indicators=["nope"])


# ---- category radar ---------------------------------------------------------------------------


def test_radar_draws_each_unit_s_category_shares(campaign: civitas.Campaign, garden: civitas.TitleReadiness) -> None:
    batch = garden.now
    ax = plot.radar(batch, ["lanzhou", "xigu"], names=campaign)
    rendered(ax)
    polygons = by_gid(ax, "radar")
    assert [p.get_label() for p in polygons] == ["兰州市", "西固区"]
    top = [c for c in batch.unit(3).categories if c.depth == 1]
    radii = polygons[1].get_ydata()
    assert list(radii[:-1]) == [pytest.approx(c.score) for c in top] and radii[-1] == radii[0]  # closed
    assert [t.get_text() for t in ax.get_xticklabels()] == [c.name for c in top]
    assert ax.get_ylim() == (0.0, 1.0)


def test_radar_of_one_evaluation_and_its_axes(garden: civitas.TitleReadiness) -> None:
    ax = plot.radar(garden.now.unit(0))
    assert len(by_gid(ax, "radar")) == 1
    with pytest.raises(civitas.ValidationError, match="expected a 'polar' one"):
        plot.radar(garden.now.unit(0), ax=plt.figure().add_subplot())
    with pytest.raises(civitas.NotFoundError, match="unit 'nowhere'"):
        plot.radar(garden.now, "nowhere")


# ---- the plan ---------------------------------------------------------------------------------


def test_gantt_draws_the_schedule_the_states_today_and_the_critical_path(campaign: civitas.Campaign) -> None:
    plan, calendar = campaign.plan, campaign.calendar
    ax = plot.gantt(plan, calendar, AS_OF)
    rendered(ax)
    scheduled = civitas.schedule(plan, calendar)
    status = civitas.status(plan, calendar, AS_OF)
    (today,) = by_gid(ax, "today")
    assert list(today.get_xdata()) == [day(AS_OF)] * 2

    bars = ax.containers[0]
    assert bars[0].get_gid() == "tasks" and len(bars) == len(plan) == 65
    ids = [t.id for t in scheduled.tasks]
    boilers = ids.index("coal_boilers")
    bar = bars[boilers]
    assert bar.get_x() == day(scheduled.task("coal_boilers").earliest_start)
    assert bar.get_x() + bar.get_width() == day(scheduled.task("coal_boilers").earliest_finish) + 1
    assert bar.get_y() + bar.get_height() / 2 == boilers  # plan order, top to bottom
    assert to_hex(bar.get_facecolor()) == plot.RED  # overdue
    done = ax.containers[1]
    assert done[boilers].get_width() == pytest.approx(0.92 * bar.get_width())  # 92 % complete
    assert to_hex(bars[ids.index("three_themes")].get_facecolor()) == plot.AMBER  # at risk on its due date
    assert to_hex(bars[ids.index("overall_plan")].get_facecolor()) == plot.GREEN  # done

    critical = {i for i, t in enumerate(scheduled.tasks) if t.critical}
    assert critical and {i for i, b in enumerate(bars) if b.get_linewidth() == 2.0} == critical
    assert all(to_hex(bars[i].get_edgecolor()) == plot.INK for i in critical)

    late = sorted(t.get_text() for t in by_gid(ax, "days_late"))
    assert late == sorted(f"逾期 {o.days_late} 个工作日" for o in status.overdue)
    assert "逾期 43 个工作日" in late  # the coal boilers (examples/lanzhou/README.md)
    (milestones,) = by_gid(ax, "milestones")
    assert len(milestones.get_offsets()) == sum(t.milestone for t in plan.tasks) == 12
    assert ax.get_yticklabels()[0].get_text().startswith("成立“五城联创”")


def test_gantt_of_some_tasks_in_english(campaign: civitas.Campaign) -> None:
    ax = plot.gantt(campaign.plan, campaign.calendar, AS_OF, tasks=["coal_boilers", "xigu/hekou_phase1"], language="en")
    rendered(ax)
    assert len(ax.containers[0]) == 2
    assert sorted(t.get_text() for t in by_gid(ax, "days_late")) == ["+12 wd", "+43 wd"]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0] == "today 2025-12-31" and "overdue" in legend
    with pytest.raises(civitas.NotFoundError, match="task 'nope'"):
        plot.gantt(campaign.plan, campaign.calendar, AS_OF, tasks=["nope"])


# ---- rankings and weights ---------------------------------------------------------------------


def test_ranking_of_a_report_title(campaign: civitas.Campaign) -> None:
    report = civitas.build_report(campaign, AS_OF)
    title = next(t for t in report.titles if t.id == "civilized_city")
    ax = plot.ranking(title)
    rendered(ax)
    standings = sorted((s for s in title.units if s.total is not None), key=lambda s: s.rank)
    assert [t.get_text() for t in ax.get_yticklabels()] == [f"{s.rank}. {s.name}" for s in standings]
    bars = ax.containers[0]
    assert [b.get_width() for b in bars] == [pytest.approx(s.total) for s in standings]
    assert [to_hex(b.get_facecolor()) for b in bars] == [plot._RAG_COLOURS[s.rag.name] for s in standings]
    assert ax.get_title() == f"各区排名 · {title.name}"


def test_ranking_of_scores_shares_ranks_on_ties() -> None:
    ax = plot.ranking(np.array([0.4, 0.9, 0.9, 0.1]), ["a", "b", "c", "d"], language="en")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["1. b", "1. c", "3. a", "4. d"]
    assert [b.get_width() for b in ax.containers[0]] == [0.9, 0.9, 0.4, 0.1]
    with pytest.raises(civitas.ValidationError, match="3 labels for 4 scores"):
        plot.ranking([1, 2, 3, 4], ["a", "b", "c"])


def test_ranking_of_a_batch_colours_pass_and_fail(garden: civitas.TitleReadiness) -> None:
    ax = plot.ranking(garden.now, names={"xigu": "西固区"})
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[4] == "5. 西固区" and len(labels) == 7
    assert labels[-1] == "7. chengguan_school"  # no observations: the school is tracked by its sub-plan alone
    assert {to_hex(b.get_facecolor()) for b in ax.containers[0]} == {plot.RED}  # no unit passes the garden title


def test_rank_intervals_draw_the_5_to_95_percent_ranks() -> None:
    rng = np.random.default_rng(7)  # docs/methods.md, Robustness
    districts = rng.lognormal(size=(12, 5)) * [1, 10, 100, 1, 5]
    result = civitas.rank_uncertainty(districts, [0.3, 0.25, 0.2, 0.15, 0.1], [True, True, False, True, True],
                                      draws=300, seed=1, top_k=3)
    labels = [f"区{i}" for i in range(12)]
    ax = plot.rank_intervals(result, labels)
    rendered(ax)
    order = np.lexsort((result.median_rank, result.nominal_rank))
    assert [t.get_text() for t in ax.get_yticklabels()] == [labels[i] for i in order]
    bars = ax.containers[0]
    assert [b.get_x() for b in bars] == list(result.rank_low[order])
    assert [b.get_x() + b.get_width() for b in bars] == list(result.rank_high[order])
    (nominal,) = by_gid(ax, "nominal")
    assert list(nominal.get_offsets()[:, 0]) == list(result.nominal_rank[order])
    (median,) = by_gid(ax, "median")
    assert list(median.get_offsets()[:, 0]) == list(result.median_rank[order])
    assert any(t.get_text() == "前 3 名概率" for t in ax.texts)
    assert ax.get_xlim()[0] < 1 and max(ax.get_xticks()) <= 12  # ranks only, P(top k) to their right


def test_weights_of_a_framework_largest_first(campaign: civitas.Campaign) -> None:
    framework = campaign.framework("garden_city")
    ax = plot.weights(framework, top=5)
    rendered(ax)
    w = framework.effective_weights
    top = np.argsort(-w, kind="stable")[:5]
    assert [b.get_width() for b in ax.containers[0]] == list(w[top])
    assert [t.get_text() for t in ax.get_yticklabels()] == [framework.indicators[i].name for i in top]
    assert to_hex(ax.containers[0][0].get_facecolor()) == plot.PLAIN


def test_weights_side_by_side() -> None:
    x = np.array([[41.2, 12, 35.0, 6.1], [38.5, 20, 22.0, 4.8], [44.9, 9, 41.0, 7.5], [36.0, 25, 18.0, 3.9]])
    benefit = [True, False, False, True]
    sets = {"entropy": civitas.entropy_weights(x, benefit), "CRITIC": civitas.critic_weights(x, benefit)}
    ax = plot.weights(sets, ["green", "pollution", "complaints", "volunteers"], language="en")
    rendered(ax)
    assert len(ax.containers) == 2
    order = np.argsort(-sets["entropy"], kind="stable")
    assert [b.get_width() for b in ax.containers[1]] == list(sets["CRITIC"][order])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["entropy", "CRITIC"]
    ahp = civitas.ahp(np.array([[1, 3], [1 / 3, 1]]))
    assert [b.get_width() for b in plot.weights(ahp, ["a", "b"]).containers[0]] == [pytest.approx(0.75), pytest.approx(0.25)]
    with pytest.raises(civitas.ValidationError, match="2 weights for 3 labels"):
        plot.weights([0.5, 0.5], ["a", "b", "c"])


def test_plots_draw_on_the_axes_they_are_given(campaign: civitas.Campaign, garden: civitas.TitleReadiness) -> None:
    figure, axes = plt.subplots(1, 3)
    assert plot.ranking([1.0, 2.0], ["a", "b"], ax=axes[0]) is axes[0]
    assert plot.heatmap(garden.now, shortfalls_only=True, ax=axes[1]) is axes[1]
    assert plot.weights([1.0], ["a"], ax=axes[2]) is axes[2]
    assert len(figure.axes) == 3  # nothing added
    polar = plt.figure().add_subplot(projection="polar")
    assert plot.radar(garden.now.unit(0), ax=polar) is polar
    assert to_rgba(axes[0].containers[0][0].get_facecolor()) == to_rgba(plot.PLAIN)
