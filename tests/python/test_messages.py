"""Every message civitas writes exists in Chinese and English.

The C++ compiler already sees to it that each error is a `Message` with two sentences
(include/civitas/core/message.hpp); this reads every `Message("english"_en, "中文"_zh, ...)` in the sources
and checks what the compiler cannot: the Chinese is Chinese, the English is not, and both
sentences use the same holes. Then it shows a few errors in Chinese from Python and the command
line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import civitas

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    path
    for folder in ("include", "src", "cli", "python/src")
    for path in sorted((ROOT / folder).rglob("*"))
    if path.suffix in {".cpp", ".hpp"}
]

LITERAL = r'"(?:[^"\\\n]|\\.)*"'
LITERALS = rf"((?:{LITERAL}\s*)+)"  # adjacent literals join, as in C++
MESSAGE = re.compile(rf"\bMessage\s*(?:[A-Za-z_][A-Za-z_0-9]*\s*)?[({{]\s*{LITERALS}_en\s*,\s*{LITERALS}_zh")
HOLE = re.compile(r"\{[0-9]\}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def joined(literals: str) -> str:
    return "".join(re.findall(r'"((?:[^"\\\n]|\\.)*)"', literals))


def messages() -> list[tuple[str, int, str, str]]:
    found = []
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        for match in MESSAGE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append((str(path.relative_to(ROOT)), line, joined(match.group(1)), joined(match.group(2))))
    return found


def test_the_sources_have_messages() -> None:
    # Guards the pattern itself: if it stopped matching, every check below would pass vacuously.
    assert len(messages()) > 300


@pytest.mark.parametrize("where,line,english,chinese", messages(), ids=lambda v: str(v)[:40])
def test_each_message_reads_in_both_languages(where: str, line: int, english: str, chinese: str) -> None:
    assert english and chinese, f"{where}:{line}: a sentence is empty: {english!r} / {chinese!r}"
    assert not CJK.search(english), f"{where}:{line}: the English sentence has Chinese: {english!r}"
    words = re.sub(r"\{[0-9]\}", "", english)
    if re.search(r"[A-Za-z]{2,}", words):
        assert CJK.search(chinese), f"{where}:{line}: no Chinese for {english!r}: {chinese!r}"
    if (english, chinese) == ("{0}", "{1}"):
        return  # told(): a message kept as its two texts (src/core/message.cpp): the English, then the Chinese
    assert set(HOLE.findall(english)) == set(HOLE.findall(chinese)), f"{where}:{line}: holes differ: {english!r} / {chinese!r}"


def test_python_errors_carry_the_chinese() -> None:
    with pytest.raises(civitas.ParseError) as raised:
        civitas.parse_framework('{"id": "x", "name": 3}', "mini.json")
    assert str(raised.value) == "mini.json: $.name: 3 is not a string; expected a string"
    assert raised.value.message_zh == "mini.json: $.name: 3 不是字符串；应为字符串"


def test_no_sentence_escapes_the_two_languages() -> None:
    # What a user can read is a Message (C++) or made by civitas._support (Python): no public
    # field holds a sentence as a plain string, the bindings raise no bare Python error with an
    # English text (IndexError stays: Python's sequence protocol needs it), and the pure-Python
    # modules raise only civitas errors.
    # (A Report is built in one language, so its own sentences are plain strings in it; a problem
    # update's note is what a department wrote, data kept as given, like a problem's description.)
    written_by_people = {"include/civitas/store/campaign_store.hpp: std::string note;",  # a problem update's, a payment's
                         "include/civitas/plan/plan.hpp: std::string note;"}  # a payment's voucher or purpose
    plain = [
        f"{path.relative_to(ROOT)}: {line.strip()}"
        for path in sorted((ROOT / "include").rglob("*.hpp"))
        if path.name != "report.hpp"
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"^\s*std::(string|vector<std::string>) (reason|reasons|note|cagr_note|message)\s*;", line)
    ]
    assert [field for field in plain if field.split("///")[0].rstrip() not in written_by_people] == []
    assert {field.split("///")[0].rstrip() for field in plain} == written_by_people  # each exemption names a field still there
    bare = [
        f"{path.relative_to(ROOT)}: {line.strip()}"
        for path in sorted((ROOT / "python/src").glob("*.cpp"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"py::(value_error|type_error|key_error|runtime_error)\(", line)
    ]
    assert bare == []
    raised = [
        f"{path.name}: {line.strip()}"
        for path in sorted((ROOT / "python/civitas").glob("*.py"))
        if path.name != "_support.py"
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"\braise\b(?! (validation_error|not_found_error|parse_error|io_error)\()", line)
    ]
    assert raised == []


def one_indicator() -> civitas.Framework:
    indicator = civitas.Indicator("a", pass_=civitas.Interval.at_least(1))
    return civitas.Framework(civitas.FrameworkSpec("f", root=civitas.Category(indicators=[indicator])))


PYTHON_ERROR = re.compile(r'(?:validation_error|not_found_error)\((?:[^,]+,\s*)?(f?"[^"]*")\s*,\s*(f?"[^"]*")\)', re.S)


def test_python_side_errors_read_in_both_languages() -> None:
    found = [
        (path.name, english, chinese)
        for path in sorted((ROOT / "python/civitas").glob("*.py"))
        for english, chinese in PYTHON_ERROR.findall(path.read_text(encoding="utf-8"))
    ]
    assert len(found) >= 8
    for where, english, chinese in found:
        assert not CJK.search(english), f"{where}: the English has Chinese: {english}"
        assert CJK.search(chinese), f"{where}: no Chinese for {english}: {chinese}"
    with pytest.raises(civitas.ValidationError) as raised:
        one_indicator().evaluate({"a": "high"})
    assert (str(raised.value), raised.value.message_zh, raised.value.path) == (
        "a: 'high'; expected a number", "a: 'high'；应为数值", "a")
