"""The HTML report in a real browser: Debian's chromium prints the bundled example's report to PDF
(each report page on one A4 sheet, Chinese in an embedded CJK font) and screenshots it (the
stylesheet's red, amber and green on screen), and logs no console message (the page has no
script, and its Content-Security-Policy turns any attempt to fetch something into one).

Without chromium the tests are skipped, unless the environment variable CI is set: CI installs it
(scripts/install-deps.sh installs chromium and fonts-noto-cjk), so there its absence fails."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest

from conftest import REPO

EXAMPLE = REPO / "examples" / "lanzhou" / "campaign.json"
AS_OF = "2026-06-30"
# Wide enough for the 210 mm sheet (794 px at 96 dpi) and tall enough for the overview and the
# first title's page.
WINDOW = (1000, 2400)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run scripts/install-deps.sh first")
    pytest.skip(f"{reason} (scripts/install-deps.sh installs it; with CI set this fails)")


@pytest.fixture(scope="module")
def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    _unavailable("chromium is not installed")
    raise AssertionError("unreachable")


def browse(chromium: str, page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Runs headless chromium on `page` with `args`, logging the page's console to stderr."""
    result = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            *args,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def console_messages(stderr: str) -> list[str]:
    """The page's console messages in chromium's log (`...:INFO:CONSOLE:3] "text", source: ...`)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def pdf_pages(pdf: bytes) -> int:
    """Page objects of a PDF (`/Type /Page`, not the `/Pages` tree)."""
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))


def read_png(data: bytes) -> np.ndarray:
    """An 8-bit, non-interlaced RGB or RGBA PNG as an array (height, width, channels)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, compressed, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            compressed.append(body)
        elif kind == b"IEND":
            break
    assert header is not None, "no IHDR"
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    channels = 3 if colour == 2 else 4
    stride = width * channels
    raw = zlib.decompress(b"".join(compressed))
    assert len(raw) == height * (stride + 1)
    rows = np.frombuffer(raw, dtype=np.uint8).reshape(height, stride + 1)
    image = np.zeros((height, stride), dtype=np.uint8)
    previous = np.zeros(stride, dtype=np.uint8)
    for y in range(height):
        kind, line = rows[y, 0], rows[y, 1:]
        if kind == 0:  # None
            current = line.copy()
        elif kind == 1:  # Sub: a running sum along each channel, modulo 256
            current = np.cumsum(line.reshape(width, channels), axis=0, dtype=np.uint64).astype(np.uint8).reshape(stride)
        elif kind == 2:  # Up
            current = line + previous
        else:  # Average or Paeth: each byte depends on the one before, so byte by byte
            out, up = bytearray(stride), previous.tolist()
            for x, value in enumerate(line.tolist()):
                left = out[x - channels] if x >= channels else 0
                above = up[x]
                if kind == 3:
                    predicted = (left + above) // 2
                else:
                    corner = up[x - channels] if x >= channels else 0
                    p = left + above - corner
                    pa, pb, pc = abs(p - left), abs(p - above), abs(p - corner)
                    predicted = left if pa <= pb and pa <= pc else above if pb <= pc else corner
                out[x] = (value + predicted) & 0xFF
            current = np.frombuffer(bytes(out), dtype=np.uint8)
        image[y] = current
        previous = current
    return image.reshape(height, width, channels)


def stylesheet_colour(html: str, name: str) -> tuple[int, int, int]:
    match = re.search(rf"--{name}:\s*#([0-9a-fA-F]{{6}})\b", html)
    assert match, f"--{name} is not in the stylesheet"
    value = match.group(1)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


@pytest.fixture(scope="module", params=["zh", "en"])
def report(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The language and the HTML file of the bundled example's report on AS_OF."""
    language = request.param
    out = tmp_path_factory.mktemp(f"report-{language}") / f"report-{language}.html"
    result = subprocess.run(
        [sys.executable, "-m", "civitas", "report", str(EXAMPLE), "--as-of", AS_OF, "--format", "html",
         "--lang", language, "-o", str(out)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
        timeout=120,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert out.is_file()
    return language, out


def test_each_report_page_prints_on_one_a4_sheet(chromium: str, report: tuple[str, Path], tmp_path: Path) -> None:
    language, page = report
    html = page.read_text(encoding="utf-8")
    sections = html.count('<section class="page">')
    assert sections >= 3  # the overview, a page per title, the departments

    pdf = tmp_path / "report.pdf"
    result = browse(chromium, page, tmp_path / "profile", f"--print-to-pdf={pdf}")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert pdf_pages(data) == sections, (
        f"{pdf_pages(data)} A4 sheets for {sections} report pages: a page holds more than one sheet (or a blank sheet came in)"
    )
    # A4 portrait in points: 595.28 x 841.89 (chromium writes 594.96 x 841.92).
    sizes = {tuple(round(float(v)) for v in box) for box in re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)}
    assert sizes == {(595, 842)}, sizes
    assert console_messages(result.stderr) == []
    if language == "zh":
        # The Chinese text is set in a CJK font, embedded: no tofu boxes. (Font names in a PDF
        # are ASCII: "/FontName /AAAAAA+NotoSansCJKsc-Regular".)
        fonts = set(re.findall(rb"/FontName\s*/(?:[A-Z]{6}\+)?([\w-]+)", data))
        if not any(re.search(rb"CJK|SourceHanSans|WenQuanYi|PingFang|YaHei", font) for font in fonts):
            if shutil.which("fc-list"):
                installed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False)
                assert not installed.stdout.strip(), f"a Chinese font is installed but not used; fonts: {sorted(fonts)}"
            _unavailable("no Chinese font is installed (fonts-noto-cjk)")


def test_screenshot_shows_red_amber_and_green(chromium: str, report: tuple[str, Path], tmp_path: Path) -> None:
    _, page = report
    html = page.read_text(encoding="utf-8")
    shot = tmp_path / "report.png"
    width, height = WINDOW
    result = browse(chromium, page, tmp_path / "profile", "--hide-scrollbars", f"--window-size={width},{height}",
                    f"--screenshot={shot}")
    image = read_png(shot.read_bytes())
    assert image.shape[:2] == (height, width)
    rgb = image[:, :, :3].astype(np.uint32)
    codes = (rgb[:, :, 0] << 16) | (rgb[:, :, 1] << 8) | rgb[:, :, 2]
    for name in ("red", "amber", "green"):
        r, g, b = stylesheet_colour(html, name)
        # Solid fills (badges, bars, fact borders), so the exact colour, not an anti-aliased one.
        assert np.count_nonzero(codes == (r << 16 | g << 8 | b)) >= 100, f"no {name} #{r:02x}{g:02x}{b:02x} on screen"
    assert console_messages(result.stderr) == []


def test_read_png_decodes_every_filter() -> None:
    """The decoder on a PNG made here: the five filter types over a known 3 x 5 RGB image."""
    image = np.arange(5 * 3 * 3, dtype=np.uint8).reshape(5, 3, 3) * 7
    rows = []
    previous = np.zeros(9, dtype=np.int64)
    for y, kind in enumerate([0, 1, 2, 3, 4]):
        line = image[y].reshape(9).astype(np.int64)
        left = np.concatenate([np.zeros(3, dtype=np.int64), line[:-3]])
        corner = np.concatenate([np.zeros(3, dtype=np.int64), previous[:-3]])
        if kind == 0:
            predicted = np.zeros(9, dtype=np.int64)
        elif kind == 1:
            predicted = left
        elif kind == 2:
            predicted = previous
        elif kind == 3:
            predicted = (left + previous) // 2
        else:
            p = left + previous - corner
            pa, pb, pc = abs(p - left), abs(p - previous), abs(p - corner)
            predicted = np.where((pa <= pb) & (pa <= pc), left, np.where(pb <= pc, previous, corner))
        rows.append(bytes([kind]) + ((line - predicted) % 256).astype(np.uint8).tobytes())
        previous = line

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 3, 5, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b""))
    np.testing.assert_array_equal(read_png(png), image)
