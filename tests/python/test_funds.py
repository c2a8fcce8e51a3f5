"""Campaign funds from Python: budget lines per task, spending from them (专款专用), and the money
in a plan's status.

The worked example is M. Salama's, "Earned Value Overview" (Chapter 14, lecture notes), also in
tests/unit/plan/test_funds.cpp: ten houses at $1,000 each, one a week for ten weeks; at the end of
week 4 three are built and $1,500, $1,000, $2,000 and $1,500 were spent in weeks 1 to 4:
BAC 10,000, PV 4,000, EV 3,000, AC 6,000, CPI 0.5, SPI 0.75.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle

import pytest

import civitas

D = dt.date
MONDAY = D(2025, 3, 3)
PAID = [1500, 1000, 2000, 1500]


def ten_houses() -> civitas.Plan:
    tasks = []
    for k in range(10):
        start = MONDAY + dt.timedelta(days=7 * k)
        tasks.append(civitas.Task(
            f"house-{k + 1}", start=start, due=start + dt.timedelta(days=4), budget=1000,
            responsibility={"department": "建设局" if k % 2 == 0 else "城管局"},
            percent_complete=100 if k < 3 else 0,
            spending=[civitas.Spending(start + dt.timedelta(days=2), PAID[k], note=f"week {k + 1}")] if k < 4 else []))
    return civitas.Plan(civitas.PlanSpec("houses", tasks=tasks))


def test_the_ten_houses_at_the_end_of_week_four() -> None:
    s = civitas.status(ten_houses(), civitas.WorkCalendar(), D(2025, 3, 28))
    p = s.overall
    assert (p.budget, p.budget_planned, p.budget_earned, p.spent) == (10000, 4000, 3000, 6000)
    assert p.cpi == pytest.approx(0.5)
    assert p.spi == pytest.approx(0.75)
    assert p.spending_rate == pytest.approx(0.6)
    assert [o.id for o in s.over_budget] == ["house-3", "house-1", "house-4"]
    assert s.over_budget[0].spent == 2000 and s.over_budget[0].budget == 1000
    assert s.by_account[""].spent == 6000
    assert "spent 6000 of 10000 yuan, CPI 0.5" in repr(s)


def test_frames_show_the_money() -> None:
    s = civitas.status(ten_houses(), civitas.WorkCalendar(), D(2025, 3, 28))
    tasks = s.to_frame()
    assert tasks.loc["house-3", "spent"] == 2000
    assert tasks.loc["house-10", "budget"] == 1000
    rollup = s.rollup_frame(by="department")
    assert rollup.loc["建设局", "budget_earned"] == 2000  # houses 1 and 3
    assert rollup.loc["建设局", "spent"] == 3500          # 1,500 + 2,000
    assert rollup.loc["城管局", "cpi"] == pytest.approx(1000 / 2500)
    funds = s.funds_frame()
    assert list(funds.columns) == ["budget", "spent", "spending_rate"]
    assert funds.loc["", "spending_rate"] == pytest.approx(0.6)


def test_earmarked_accounts_and_refunds() -> None:
    task = civitas.Task(
        "sewer", start=D(2025, 3, 3), due=D(2025, 3, 31),
        budget=[civitas.BudgetLine(800000, account="创建专户"), civitas.BudgetLine(200000, account="区级配套")],
        spending=[civitas.Spending(D(2025, 3, 5), 600000, account="创建专户", note="合同首付"),
                  civitas.Spending(D(2025, 3, 12), 250000, account="区级配套"),
                  civitas.Spending(D(2025, 3, 20), -50000, account="创建专户", note="退回")])
    s = civitas.status(civitas.Plan(civitas.PlanSpec("funds", tasks=[task])), civitas.WorkCalendar(), D(2025, 3, 31))
    assert s.task("sewer").spent == 800000
    assert s.by_account["创建专户"].spending_rate == pytest.approx(550000 / 800000)
    assert [(o.account, o.spent) for o in s.over_budget] == [("区级配套", 250000)]
    assert repr(task.budget[0]) == "BudgetLine(800000.0, account='创建专户')"
    assert repr(task.spending[2]) == "Spending(datetime.date(2025, 3, 20), -50000.0, account='创建专户', note='退回')"


def test_money_round_trips_through_json_and_pickle() -> None:
    plan = ten_houses()
    again = civitas.parse_plan(civitas.plan_to_json(plan))
    assert again == plan
    assert pickle.loads(pickle.dumps(plan)) == plan
    s = civitas.status(plan, civitas.WorkCalendar(), D(2025, 3, 28))
    assert pickle.loads(pickle.dumps(s)) == s
    assert pickle.loads(pickle.dumps(s.over_budget[0])).spent == 2000
    task = json.loads(civitas.plan_to_json(plan))["tasks"][0]
    assert task["budget"] == 1000
    assert task["spending"] == [{"date": "2025-03-05", "amount": 1500, "note": "week 1"}]


def test_spending_from_an_account_without_a_line_is_refused_in_both_languages() -> None:
    task = civitas.Task("a", start=D(2025, 3, 3), due=D(2025, 3, 7), budget=[civitas.BudgetLine(10, account="专户")],
                        spending=[civitas.Spending(D(2025, 3, 4), 5, account="区级")])
    with pytest.raises(civitas.ValidationError) as caught:
        civitas.Plan(civitas.PlanSpec("p", tasks=[task]))
    assert caught.value.path == "$.tasks[0].spending[0].account"
    assert "account '区级' is not in the budget of task 'a'; expected one of: account '专户'" in str(caught.value)
    assert "账户 '区级' 不在任务 'a' 的预算中；应为以下之一：账户 '专户'（专款专用）" in caught.value.message_zh
    with pytest.raises(civitas.ValidationError, match=r"budget\[1\]: .*expected a BudgetLine"):
        civitas.Task("b", start=D(2025, 3, 3), budget=[civitas.BudgetLine(1), "lots"])


def test_the_example_report_shows_its_funds() -> None:
    """examples/lanzhou/plan.json: invented budgets on the source's accounts (创建专户, 文化事业建设费)."""
    campaign = civitas.load_campaign("examples/lanzhou/campaign.json")
    report = civitas.build_report(campaign, D(2025, 12, 31))
    assert sorted(report.accounts) == ["创建专户", "区级配套", "文化事业建设费"]
    assert report.accounts["创建专户"].spent == 30450000
    assert report.over_budget_total == 1
    assert report.over_budget[0].id == "jingou_waste_plant"
    housing = next(d for d in report.departments if d.name == "市住房和城乡建设局")
    assert (housing.budget, housing.spent, housing.budget_earned) == (50000000, 23000000, 20000000)
    text = report.render("text")
    assert "合计：预算 8070 万元，已支出 4145 万元（执行率 51.4%）" in text
    document = json.loads(report.render("json"))
    assert document["plan"]["funds"]["spent"] == 41450000
    assert document["accounts"]["区级配套"] == {"budget": 20000000, "spent": 9000000, "spending_rate": 0.45}
    assert pickle.loads(pickle.dumps(report)) == report


@pytest.mark.skipif(not civitas.store_available(), reason="built without SQLite")
def test_a_department_reports_its_payments_in_its_workbook(tmp_path) -> None:
    """The spending sheet of the monthly form (经费支出): filled in a spreadsheet, imported, counted."""
    openpyxl = pytest.importorskip("openpyxl")
    campaign = {
        "format": "civitas-campaign/1", "id": "city", "language": "zh",
        "titles": [{"id": "garden", "name": "国家园林城市"}],
        "units": [{"id": "city", "name": "示例市"}],
        "departments": [{"id": "gardens", "name": "市园林局"}],
        "plan": {"id": "plan", "responsibility_fields": ["department"], "tasks": [
            {"id": "trees", "name": "行道树补植", "start": "2026-01-05", "due": "2026-06-30",
             "responsibility": {"department": "gardens"}, "budget": [{"account": "创建专户", "amount": 500000}]}]},
        "store": "campaign.db",
    }
    campaign_file = tmp_path / "campaign.json"
    campaign_file.write_text(json.dumps(campaign, ensure_ascii=False), encoding="utf-8")
    [path] = civitas.write_template(campaign_file, "gardens", tmp_path / "gardens.xlsx", period="2026-03")
    workbook = openpyxl.load_workbook(path)
    ws = workbook["经费支出"]
    assert [c.value for c in ws[1]] == ["任务代码", "任务", "资金账户", "预算（元）", "累计已支出（元）", "本期支出（元）", "支出日期", "凭证或用途"]
    assert [c.value for c in ws[2]][:3] == ["trees", "行道树补植", "创建专户"]
    ws["F2"] = 120000
    ws["H2"] = "苗木采购"
    workbook.save(path)
    result = civitas.import_submission(campaign_file, path, submitted_on=D(2026, 4, 3))
    assert result.spending_reports == 1
    [paid] = civitas.CampaignStore(tmp_path / "campaign.db", read_only=True).spending_reports()
    assert (paid.task, paid.date, paid.amount, paid.account, paid.note) == ("trees", D(2026, 3, 31), 120000, "创建专户", "苗木采购")
    loaded = civitas.load_campaign(campaign_file)
    s = civitas.status(loaded.plan, loaded.calendar, D(2026, 3, 31))
    assert s.task("trees").spent == 120000
    # A row for an account the task has no line on is not a row of the form: refused, naming it.
    workbook = openpyxl.load_workbook(path)
    workbook["经费支出"]["C2"] = "区级配套"
    workbook.save(path)
    with pytest.raises(civitas.ParseError) as caught:
        civitas.import_submission(campaign_file, path, submitted_on=D(2026, 4, 3))
    assert '"trees", "区级配套" is not a row of this department\'s form' in str(caught.value)
    assert "不是该部门模板中的行" in caught.value.message_zh
