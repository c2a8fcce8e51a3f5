"""The host's locale never changes a result (issue 11): a Python host may call
``locale.setlocale``; civitas still writes "79.3" (not "79,3") and 1200 (not "1.200"), and reads
"38.5" and refuses "38,5". Every output is made under the "C" locale and again under de_DE.UTF-8
(decimal comma, '.' between thousands) and ps_AF.UTF-8 (a two-byte decimal point), in child
processes started with LC_ALL set and in this process, and compared byte for byte.
tests/locale/test_host_locale.cpp does the same from C++, with std::locale::global too.

Locales the system lacks are compiled with localedef (no root needed) into a temporary folder
that LOCPATH names; that needs Debian's ``locales`` (scripts/install-deps.sh). Without it the
tests skip, and fail when the CI variable is set.

Run as a program (``python test_locale.py LOCALE``) it prints the outputs as JSON: the child."""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import locale
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

import civitas

REPO = Path(__file__).resolve().parents[2]
CAMPAIGN = REPO / "examples" / "lanzhou" / "campaign.json"
TABLE = REPO / "examples" / "scoring" / "lanzhou-garden-city.csv"
CLASSED = REPO / "tests" / "cli" / "data" / "garden.csv"
HOST_LOCALES = ["de_DE.UTF-8", "ps_AF.UTF-8"]


# ---- every output --------------------------------------------------------------------------------


def cli(*args: str | Path) -> str:
    """``civitas ARGS...`` in this process: exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = civitas._core._cli_run([str(a) for a in args])
    return f"exit {code}\n{out.getvalue()}\n---\n{err.getvalue()}"


def criteria(shift: float) -> np.ndarray:
    """Units x criteria with decimals and thousands."""
    i, j = np.meshgrid(np.arange(9), np.arange(4), indexing="ij")
    return 1000.0 * (j + 1) + 37.25 * ((i * (j + 3)) % 7) + 0.125 * i + shift


def every_output() -> dict[str, str]:
    """Everything civitas writes, by name, through the Python API and the command line."""
    out: dict[str, str] = {}
    campaign = civitas.load_campaign(CAMPAIGN)
    for language in ("zh", "en"):
        report = civitas.build_report(campaign, datetime.date(2025, 12, 31), language=language)
        for format in ("text", "markdown", "html", "json"):
            out[f"report {language} {format}"] = report.render(format)
        out[f"repr(Report) {language}"] = repr(report)
    out["campaign_to_json"] = civitas.campaign_to_json(campaign)
    out["plan_to_json"] = civitas.plan_to_json(campaign.plan)
    out["repr(Campaign)"] = repr(campaign)

    for format in ("text", "json", "csv"):
        out[f"civitas score {format}"] = cli("score", "lanzhou-illustrative", TABLE, "--format", format)
        out[f"civitas score classed {format}"] = cli(
            "score", "garden-city-2010", CLASSED, "--class-column", "class", "--format", format
        )
    out["civitas report json"] = cli("report", CAMPAIGN, "--as-of", "2025-12-31", "--format", "json")

    for framework_id in civitas.bundled_framework_ids():
        out[f"framework_to_json {framework_id}"] = civitas.framework_to_json(civitas.load_bundled_framework(framework_id))
    lanzhou = civitas.load_bundled_framework("lanzhou-illustrative")
    units, _, columns, values = civitas.load_value_table(TABLE)
    batch = lanzhou.evaluate_many(values, columns=columns, units=units, nan_as_missing=True)
    out["repr(BatchEvaluation)"] = repr(batch)
    evaluations = [batch[k] for k in range(len(batch))]
    for e in evaluations:
        out[f"evaluation {e.unit}"] = "\n".join(
            [civitas.evaluation_to_json(e), str(e), repr(e), *map(repr, e.indicators), *map(repr, e.categories)]
        )
    out["repr(EvaluationChange)"] = repr(civitas.score_change_attribution(evaluations[0], evaluations[1]))

    x, later = criteria(0.0), criteria(12.5)
    w = np.array([0.125, 0.375, 0.3, 0.2])
    out["repr(VikorResult)"] = repr(civitas.vikor(x, w, v=0.625))
    scores = civitas.topsis(x, w)
    out["repr(Awards)"] = repr(civitas.award(scores, [("first", 2), ("second", 0.35)]))
    out["repr(AwardTier)"] = repr(civitas.AwardTier("second", count=1200, share=0.35))
    uncertainty = civitas.rank_uncertainty(
        x, w, draws=1200, seed=7, threads=1, methods=["topsis", "weighted_sum"], drop_probability=0.25, pass_threshold=0.4375
    )
    out["repr(RankUncertainty)"] = repr(uncertainty)
    top = later.max(axis=0)
    out["repr(ScoreChangeAttribution)"] = repr(civitas.score_change_attribution(x / top, later / top, w))

    load = civitas.parse_observations_csv(
        'unit,indicator,date,value,sample_size\nx,g,2025-01-31,38.5,1200\nx,g,2025-02-28,"38,5",\n'
    )
    out["observations"] = "\n".join([repr(load), *map(repr, load.store), *map(str, load.rejected)])
    return out


# ---- the locales ---------------------------------------------------------------------------------


def loads(name: str) -> bool:
    """Whether `name` can be set in this process (the locale is put back)."""
    saved = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, name)
        return True
    except locale.Error:
        return False
    finally:
        locale.setlocale(locale.LC_ALL, saved)


@pytest.fixture(scope="session")
def locale_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment that makes HOST_LOCALES loadable: nothing when the system has them, else LOCPATH
    to a folder localedef compiled them into. Each is compiled before it is looked up there: glibc
    remembers a failed look-up for the rest of the process."""
    if all(loads(name) for name in HOST_LOCALES):
        return {}
    folder = tmp_path_factory.mktemp("locales")
    if shutil.which("localedef") is not None:
        for name in HOST_LOCALES:
            source = name.split(".")[0]
            subprocess.run(["localedef", "-i", source, "-f", "UTF-8", str(folder / name)], capture_output=True, check=False)
    return {"LOCPATH": str(folder)}


@pytest.fixture(params=HOST_LOCALES)
def host_locale(request: pytest.FixtureRequest, locale_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> str:
    """A locale of HOST_LOCALES that loads (LOCPATH set for the test), else a skip (a failure under CI)."""
    name: str = request.param
    for key, value in locale_env.items():
        monkeypatch.setenv(key, value)
    if not loads(name):
        why = f"{name} cannot be loaded or compiled with localedef (install Debian's `locales`: scripts/install-deps.sh)"
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    return name


@contextlib.contextmanager
def host_sets(name: str) -> Iterator[None]:
    """This process under `name`, as a host that calls locale.setlocale; put back after."""
    saved = locale.setlocale(locale.LC_ALL)
    locale.setlocale(locale.LC_ALL, name)
    try:
        # In effect: the C library writes numbers its way now.
        assert locale.format_string("%.1f", 79.3) != "79.3"
        yield
    finally:
        locale.setlocale(locale.LC_ALL, saved)


def child_outputs(name: str) -> dict[str, str]:
    """every_output() of a child process started with LC_ALL=name that calls setlocale(name) first."""
    env = dict(os.environ, LC_ALL=name, PYTHONIOENCODING="utf-8")
    result = subprocess.run(
        [sys.executable, __file__, name], capture_output=True, text=True, encoding="utf-8", env=env, check=False, timeout=300
    )
    assert result.returncode == 0, result.stderr
    outputs: dict[str, str] = json.loads(result.stdout)
    return outputs


def assert_same(plain: dict[str, str], hosted: dict[str, str], name: str) -> None:
    assert list(hosted) == list(plain)
    for key, text in plain.items():
        if hosted[key] != text:
            at = next((k for k, (a, b) in enumerate(zip(text, hosted[key])) if a != b), min(len(text), len(hosted[key])))
            start = max(0, at - 40)
            raise AssertionError(
                f"{key} under {name}, at character {at}: {text[start : at + 40]!r} became {hosted[key][start : at + 40]!r}"
            )


# ---- tests -----------------------------------------------------------------------------------------


def test_the_outputs_hold_numbers_a_locale_would_change() -> None:
    plain = every_output()
    assert "Score: 79.3" in plain["report en text"]
    assert "SPI: 0.86" in plain["report en text"]
    assert "1200 draws" in plain["repr(RankUncertainty)"]
    assert "sample_size=1200" in plain["observations"]
    assert "'38,5' is not a number" in plain["observations"]


def test_a_child_process_under_the_locale_writes_the_same_bytes(host_locale: str) -> None:
    assert_same(child_outputs("C"), child_outputs(host_locale), host_locale)


def test_this_process_under_the_locale_writes_the_same_bytes(host_locale: str) -> None:
    plain = every_output()
    with host_sets(host_locale):
        hosted = every_output()
    assert_same(plain, hosted, host_locale)


def test_value_tables_read_a_point_and_refuse_a_comma(host_locale: str) -> None:
    with host_sets(host_locale):
        units, _, _, values = civitas.parse_value_table("unit,green\nx,38.5\ny,1e3\n")
        assert units == ["x", "y"]
        assert values[:, 0].tolist() == [38.5, 1000.0]
        with pytest.raises(civitas.ParseError) as error:
            civitas.parse_value_table('unit,green\nx,"38,5"\n', "values.csv")
    assert str(error.value) == (
        "values.csv: line 2, column 2: '38,5' in column 'green' is not a number; "
        "expected a number, yes/no, or an empty cell for missing data"
    )


def test_observation_files_read_a_point_and_refuse_a_comma(host_locale: str) -> None:
    with host_sets(host_locale):
        load = civitas.parse_observations_csv('unit,indicator,date,value\nx,g,2025-01-31,38.5\nx,g,2025-02-28,"38,5"\n')
        from_json = civitas.parse_observations_json(
            '{"format": "civitas-observations/1", "observations": '
            '[{"unit": "x", "indicator": "g", "date": "2025-01-31", "value": 38.5}]}'
        )
    assert [o.value for o in load.store] == [38.5]
    assert [str(r) for r in load.rejected] == ["line 3, column 4: '38,5' is not a number; expected a number"]
    assert [o.value for o in from_json.store] == [38.5]


def test_framework_files_read_a_point(host_locale: str) -> None:
    text = (
        '{"id": "f", "name": "f", "reliability": "illustrative", "indicators": ['
        '{"id": "green", "name": "green", "pass": 36.5, "weight": 0.25},'
        '{"id": "aqi", "name": "aqi", "direction": "lower", "pass": 1e2, "weight": 0.75}]}'
    )
    plain = civitas.framework_to_json(civitas.parse_framework(text))
    with host_sets(host_locale):
        framework = civitas.parse_framework(text)
        hosted = civitas.framework_to_json(framework)
    assert framework.indicator("green").pass_.low == 36.5
    assert framework.indicator("aqi").pass_.high == 100.0
    assert hosted == plain


if __name__ == "__main__":
    # The child: the host sets its locale (LC_ALL names it too), then civitas writes everything.
    locale.setlocale(locale.LC_ALL, sys.argv[1])
    json.dump(every_output(), sys.stdout, ensure_ascii=False)
