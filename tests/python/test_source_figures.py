"""The Lanzhou example reproduces every figure of the source document.

The source is the seed document, seed/000_93ae52ba2cd86a57.txt (a Lanzhou news report and work
summaries, summarised in DOMAIN.md; docs/sources.md lists what is taken from it):

- 国家园林城市: "园林城市创建的8大类、75个指标中，目前，我市已有68项指标全面达标；建成区绿化覆盖率、建成区绿地率、
  公园绿地服务半径覆盖率、林荫停车场推广率、住宅供热计量收费比例、城市生活垃圾无害化处理率、林荫路推广率等7项指标尚未全面达标",
  green coverage 4.56 and green-space ratio 2.37 points short;
- 国家环保模范城市: "《创建国家环保模范城市考核的26项指标》，目前，我市已有17项指标达标，城市环境综合整治定量考核、
  城区空气主要污染物、空气优良天数、建成区绿化覆盖率、城市清洁能源使用率、生活垃圾无害化处理率、环境保护机构、
  公众对城市环境保护的满意率、中小学环境教育普及率等9项指标尚未完全达标";
- 国家历史文化名城: "等5个条件。目前，前4项我市已基本符合条件，第5项尚未完全达标";
- the civilized-city plan's phases: 7月至9月 制定方案，动员部署; 9月至10月 分解任务，落实责任 (district plans by the end
  of September); 11月至12月 全民参与、全面实施; the next 1月至12月 查漏补缺、自检迎检 (self-assessment 1月至9月, summary
  10月至12月); afterwards 巩固提高、再上台阶.

The seed's years are scrubbed (every year reads 2024), so the example's years are its own (2025-2027);
the months are the seed's. The observations are synthetic (examples/lanzhou/make_observations.py),
anchored on these figures; the figures are read on 2025-12-31.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import civitas

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "lanzhou"
AS_OF = datetime.date(2025, 12, 31)


@pytest.fixture(scope="module")
def readiness() -> dict:
    campaign = civitas.load_campaign(EXAMPLE / "campaign.json")
    return json.loads(civitas.readiness_to_json(civitas.readiness(campaign, AS_OF)))


def city_now(readiness: dict, title: str) -> dict:
    found = next(t for t in readiness["titles"] if t["id"] == title)
    return next(u for u in found["units"] if u["unit"] == "lanzhou")["now"]


def names(framework_id: str) -> dict[str, str]:
    framework = civitas.load_bundled_framework(framework_id)
    return {indicator.id: indicator.name for indicator in framework.indicators}


def not_met(evaluation: dict) -> list[str]:
    return [i["id"] for i in evaluation["indicators"] if i["counted"] and i["outcome"] != "met"]


def test_garden_city_68_of_75_met_and_the_seven_named(readiness: dict) -> None:
    now = city_now(readiness, "garden_city")
    assert now["framework"] == "lanzhou-illustrative"
    assert (now["met"], now["indicator_count"]) == (68, 75)
    seven = not_met(now)
    by_id = names("lanzhou-illustrative")
    assert sorted(by_id[i] for i in seven) == sorted(
        ["建成区绿化覆盖率", "建成区绿地率", "公园绿地服务半径覆盖率", "林荫停车场推广率", "住宅供热计量收费比例",
         "城市生活垃圾无害化处理率", "林荫路推广率"])
    gaps = {i["id"]: i["gap"] for i in now["indicators"]}
    assert gaps["built_up_green_coverage"] == pytest.approx(4.56)
    assert gaps["built_up_green_space_ratio"] == pytest.approx(2.37)


def test_environmental_model_city_17_of_26_met_with_the_named_shortfalls(readiness: dict) -> None:
    now = city_now(readiness, "environmental_model_city")
    assert now["framework"] == "lanzhou-environmental-illustrative"
    assert (now["met"], now["indicator_count"]) == (17, 26)
    nine = not_met(now)
    assert len(nine) == 9
    by_id = names("lanzhou-environmental-illustrative")
    shortfalls = " / ".join(by_id[i] for i in nine)
    for named in ["城市环境综合整治定量考核", "空气主要污染物", "空气优良天数", "建成区绿化覆盖率", "清洁能源使用率",
                  "生活垃圾无害化处理率", "环境保护机构", "公众对城市环境保护的满意率", "中小学环境教育普及率"]:
        assert named in shortfalls, named
    # The seed's lines for the named shortfalls.
    framework = civitas.load_bundled_framework("lanzhou-environmental-illustrative")
    lines = {i.id: i.pass_ for i in framework.indicators if i.pass_ is not None}
    assert lines["clean_energy_use_rate"].low == 50
    assert lines["school_environmental_education_rate"].low == 85
    assert lines["domestic_waste_harmless_treatment_rate"].low == 85
    assert lines["sewage_centralised_treatment_rate"].low == 85
    # The basic condition the seed names is not met, so the city does not pass (decided by the veto).
    assert "top_in_province_assessment" in now["basic_failed"]
    assert now["decided_by"] == "veto"


def test_historic_city_four_of_five_conditions_met(readiness: dict) -> None:
    now = city_now(readiness, "historic_city")
    assert (now["met"], now["indicator_count"]) == (4, 5)
    assert not_met(now) == ["historic_districts"]  # the fifth: at least two historic districts


def test_civilized_city_plan_phase_dates() -> None:
    plan = civitas.load_plan(EXAMPLE / "plan.json")  # loads: the dates below are a valid plan
    assert plan.spec.id
    root = json.loads((EXAMPLE / "plan.json").read_text(encoding="utf-8"))
    tasks = list(root["tasks"])
    for sub in root["subplans"]:
        if "file" in sub:
            sub = json.loads((EXAMPLE / sub["file"]).read_text(encoding="utf-8"))
        stack = [sub]
        while stack:
            s = stack.pop()
            tasks += s.get("tasks", [])
            stack += s.get("subplans", [])

    def span(phase: str) -> tuple[datetime.date, datetime.date]:
        days = [datetime.date.fromisoformat(t.get("start", t["due"])) for t in tasks if t.get("phase") == phase]
        ends = [datetime.date.fromisoformat(t["due"]) for t in tasks if t.get("phase") == phase]
        return min(days), max(ends)

    def month(day: datetime.date) -> tuple[int, int]:
        return day.year, day.month

    d = datetime.date
    # 制定方案，动员部署: July - September.
    first, last = span("mobilize")
    assert month(first) == (2025, 7) and last <= d(2025, 9, 30)
    # 分解任务，落实责任: September - October; every district's plan filed by the end of September.
    first, last = span("decompose")
    assert month(first) == (2025, 9) and last <= d(2025, 10, 31)
    by_id = {t["id"]: t for t in root["tasks"]}
    assert by_id["district_plans_filed"]["due"] == "2025-09-30"
    filed = [t for t in tasks if t["id"] == "file_plan"]
    assert len(filed) == 5 and all(t["due"] <= "2025-09-30" for t in filed)  # four districts and the county
    # 全民参与、全面实施: from November (the three themes activities November - December).
    assert month(span("implement")[0]) == (2025, 11)
    assert (by_id["three_themes"]["start"][:7], by_id["three_themes"]["due"][:7]) == ("2025-11", "2025-12")
    # 查漏补缺、自检迎检: the next January - December; self-assessment January - September, summary October - December.
    first, last = span("self_check")
    assert month(first) == (2026, 1) and month(last) == (2026, 12)
    assert (by_id["self_assessment"]["start"][:7], by_id["self_assessment"]["due"][:7]) == ("2026-01", "2026-09")
    assert (by_id["summary_commendation"]["start"][:7], by_id["summary_commendation"]["due"][:7]) == ("2026-10", "2026-12")
    # 巩固提高、再上台阶: the years after.
    assert span("consolidate")[0].year == 2027
