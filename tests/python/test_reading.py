"""Reading hostile or careless input from Python: limits, encodings, files named outside the
referring file's folder. Python only ever sees civitas.Error subclasses, never a
UnicodeDecodeError or a crash."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import civitas

FRAMEWORK = (
    '{"format": "civitas-framework/1", "id": "t", "name": "T", "reliability": "verified", '
    '"indicators": [{"id": "a", "pass": 36}]}'
)


def nested_framework(depth: int) -> str:
    opening = "".join(f'{{"id": "c{k}", "categories": [' for k in range(depth))
    closing = "]}" * depth
    leaf = '{"id": "leaf", "indicators": [{"id": "a", "pass": 36}]}'
    return (
        '{"format": "civitas-framework/1", "id": "t", "name": "T", "reliability": "verified", "categories": ['
        + opening
        + leaf
        + closing
        + "]}"
    )


def test_limits_are_a_value_type() -> None:
    limits = civitas.Limits(depth=8, json_bytes=1000)
    assert limits.depth == 8 and limits.json_bytes == 1000
    assert limits.text_bytes == civitas.Limits().text_bytes == 65536
    assert limits == civitas.Limits(depth=8, json_bytes=1000) and limits != civitas.Limits()
    assert repr(civitas.Limits()).startswith("Limits(depth=64, json_bytes=268435456,")
    assert civitas.max_depth == 64
    with pytest.raises(civitas.ValidationError, match="65 is out of range; expected 1 to 64"):
        civitas.Limits(depth=65)


def test_deep_nesting_is_a_limit_error_even_on_a_small_stack() -> None:
    # 500 levels were enough to crash a Python thread with a 256 KB stack.
    errors: list[BaseException] = []

    def read() -> None:
        try:
            civitas.parse_framework(nested_framework(7000), "deep.json")
        except BaseException as error:  # noqa: BLE001 - the test collects whatever is raised
            errors.append(error)

    previous = threading.stack_size(256 * 1024)
    try:
        thread = threading.Thread(target=read)
        thread.start()
        thread.join()
    finally:
        threading.stack_size(previous)
    assert len(errors) == 1
    error = errors[0]
    assert isinstance(error, civitas.LimitError) and isinstance(error, civitas.ParseError)
    assert error.file == "deep.json"
    assert "Limits::depth" in str(error) and "上限" in error.message_zh


def test_limits_are_passed_to_every_reader(tmp_path: Path) -> None:
    small = civitas.Limits(json_bytes=64)
    path = tmp_path / "fw.json"
    path.write_text(FRAMEWORK, encoding="utf-8")
    with pytest.raises(civitas.LimitError, match=r"the limit is 64 \(Limits::json_bytes\)"):
        civitas.load_framework(path, limits=small)
    assert civitas.load_framework(path).id == "t"
    with pytest.raises(civitas.LimitError, match="categories nested 3 deep"):
        civitas.parse_framework(nested_framework(2), limits=civitas.Limits(depth=2))


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("\ufeff".encode("utf-16-le") + FRAMEWORK.encode("utf-16-le"), "UTF-16LE"),
        (FRAMEWORK.replace('"T"', '"名称"').encode("gb18030"), "GB18030"),
        (b'{"id": "a\xff"}', "\\xFF"),
    ],
)
def test_files_in_other_encodings_are_named(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "fw.json"
    path.write_bytes(data)
    with pytest.raises(civitas.ParseError) as info:
        civitas.load_framework(path)
    assert words in str(info.value)
    assert info.value.message_zh  # readable, never a UnicodeDecodeError


def test_a_full_width_colon_is_a_parse_error_with_its_place() -> None:
    with pytest.raises(civitas.ParseError) as info:
        civitas.parse_framework('{"id"：1}', "typed.json")
    assert info.value.location == "line 1, column 6"
    assert "U+FF1A" in str(info.value) and "全角" in info.value.message_zh


def test_a_file_name_that_is_not_utf8_reaches_python(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/bad-\xff.json"
    with open(name, "wb") as file:
        file.write(b"{")
    with pytest.raises(civitas.ParseError) as info:
        civitas.load_framework(os.fsdecode(name))
    assert info.value.file == os.fsdecode(name)  # the byte kept as a surrogate, as os.fsdecode does


def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "framework.json"
    os.mkfifo(fifo)
    with pytest.raises(civitas.ParseError, match="FIFO"):
        civitas.load_framework(fifo)


def campaign_text(framework: str) -> str:
    return f'{{"format": "civitas-campaign/1", "id": "c", "titles": [{{"id": "garden", "framework": "{framework}"}}]}}'


def test_campaign_files_stay_in_their_folder(tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "fw.json").write_text(FRAMEWORK, encoding="utf-8")
    (tmp_path / "campaign").mkdir()
    campaign = tmp_path / "campaign" / "campaign.json"
    campaign.write_text(campaign_text("../outside/fw.json"), encoding="utf-8")
    with pytest.raises(civitas.ParseError, match="leads out of the folder") as info:
        civitas.load_campaign(campaign)
    assert info.value.location == "$.titles[0].framework"
    assert civitas.load_campaign(campaign, allow_outside=True).framework("garden").id == "t"


def test_campaign_text_needs_a_base_folder_to_name_files(tmp_path: Path) -> None:
    (tmp_path / "fw.json").write_text(FRAMEWORK, encoding="utf-8")
    with pytest.raises(civitas.ParseError, match="base folder"):
        civitas.parse_campaign(campaign_text("fw.json"))
    campaign = civitas.parse_campaign(campaign_text("fw.json"), base_folder=tmp_path)
    assert campaign.framework("garden").id == "t"


def test_plan_text_finds_sub_plans_in_its_base_folder(tmp_path: Path) -> None:
    (tmp_path / "s.json").write_text(
        '{"format": "civitas-plan/1", "id": "s", "tasks": [{"id": "b", "start": "2026-01-05", "due": "2026-01-09"}]}',
        encoding="utf-8",
    )
    text = '{"format": "civitas-plan/1", "id": "p", "subplans": [{"file": "s.json"}]}'
    with pytest.raises(civitas.ParseError, match="base folder"):
        civitas.parse_plan(text)
    assert civitas.parse_plan(text, base_folder=tmp_path).spec.subplans[0].id == "s"


def test_the_command_line_keeps_a_campaign_in_its_folder(tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "fw.json").write_text(FRAMEWORK, encoding="utf-8")
    (tmp_path / "campaign").mkdir()
    campaign = tmp_path / "campaign" / "campaign.json"
    campaign.write_text(campaign_text("../outside/fw.json"), encoding="utf-8")
    command = [sys.executable, "-m", "civitas", "report", str(campaign), "--as-of", "2026-01-01", "--format", "json"]
    refused = subprocess.run(command, capture_output=True, text=True, check=False)
    assert refused.returncode == 3
    assert "$.titles[0].framework" in refused.stderr and "leads out of the folder" in refused.stderr
    zh = subprocess.run([*command, "--lang", "zh"], capture_output=True, text=True, check=False)
    assert zh.returncode == 3 and "文件夹之外" in zh.stderr
    allowed = subprocess.run([*command, "--allow-outside"], capture_output=True, text=True, check=False)
    assert allowed.returncode == 0, allowed.stderr
    assert '"format": "civitas-report/1"' in allowed.stdout
