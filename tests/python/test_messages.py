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
    assert set(HOLE.findall(english)) == set(HOLE.findall(chinese)), f"{where}:{line}: holes differ: {english!r} / {chinese!r}"


def test_python_errors_carry_the_chinese() -> None:
    with pytest.raises(civitas.ParseError) as raised:
        civitas.parse_framework('{"id": "x", "name": 3}', "mini.json")
    assert str(raised.value) == "mini.json: $.name: 3 is not a string; expected a string"
    assert raised.value.message_zh == "mini.json: $.name: 3 不是字符串；应为字符串"
