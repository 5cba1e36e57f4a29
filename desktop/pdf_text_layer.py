"""Make a Qt-written PDF's text layer say what its pages show.

Qt's PDF engine writes each embedded font's ToUnicode map from the font's character map,
not from the text it printed: for every glyph it names the *lowest* code point the font
maps to that glyph. CJK fonts share one glyph between a unified ideograph and its Kangxi
or radical-supplement twin (示 U+793A and ⽰ U+2F70, 门 U+95E8 and ⻔ U+2ED4), and the
twins sort first, so copied or searched text came out as radicals (and spaces as tabs,
which share the space glyph). This module rewrites those maps: a glyph is named by the
first code point of its font that is an ordinary character. It only chooses among code
points that the very same font maps to the very same glyph, so nothing shown changes;
a Latin ligature glyph (ﬀ) is named by its letters ("ff").

(The other half of the fault, glyphs the font substitutes by ``locl`` that no code point
maps to, is avoided where the document's font is made: see :mod:`desktop.pdf`.)
"""
from __future__ import annotations

import re
import struct
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtGui import QRawFont

_BMP = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
_SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def is_stand_in(code_point: int) -> bool:
    """A code point that names a glyph worse than its twin would: a CJK radical
    (U+2E80–U+2FDF), a CJK compatibility ideograph, a Latin ligature (ﬀ for "ff")
    or a control character."""
    return (0x2E80 <= code_point <= 0x2FDF or 0xF900 <= code_point <= 0xFAFF or 0xFB00 <= code_point <= 0xFB06
            or unicodedata.category(chr(code_point)) == "Cc")


def postscript_name(raw: QRawFont) -> str:
    """The font's PostScript name (name table, ID 6): what Qt writes as the PDF BaseFont."""
    table = bytes(raw.fontTable("name"))
    if len(table) < 6:
        return ""
    _, count, strings = struct.unpack(">HHH", table[:6])
    for k in range(count):
        record = table[6 + 12 * k:18 + 12 * k]
        if len(record) < 12:
            break
        platform, _, _, name_id, length, offset = struct.unpack(">HHHHHH", record)
        if name_id != 6:
            continue
        data = table[strings + offset:strings + offset + length]
        return data.decode("utf-16-be" if platform in (0, 3) else "latin-1", "replace")
    return ""


class FontTwins:
    """For one font: the ordinary code point to name each shared glyph by."""

    def __init__(self, raw: QRawFont) -> None:
        self._glyphs = raw.glyphIndexesForString(_BMP)
        self._by_glyph: dict[int, int] | None = None

    def ordinary(self, code_point: int) -> int | None:
        if code_point >= 0x10000:
            return None
        index = code_point - (0x800 if code_point > 0xDFFF else 0)
        glyph = self._glyphs[index]
        if glyph == 0:
            return None
        if self._by_glyph is None:
            self._by_glyph = {}
            for ch, g in zip(_BMP, self._glyphs):
                if g and g not in self._by_glyph and not is_stand_in(ord(ch)):
                    self._by_glyph[g] = ord(ch)
        return self._by_glyph.get(glyph)


def _units(hex_text: bytes) -> str:
    return bytes.fromhex(hex_text.decode()).decode("utf-16-be", "replace")


def parse_to_unicode(cmap: bytes) -> dict[int, str]:
    """CID -> text of a ToUnicode CMap (bfchar and both kinds of bfrange)."""
    out: dict[int, str] = {}
    for kind, body in _SECTION.findall(cmap):
        if kind == b"bfchar":
            for cid, dst in _CHAR.findall(body):
                out[int(cid, 16)] = _units(dst)
            continue
        for lo, hi, dst in _RANGE.findall(body):
            lo, hi = int(lo, 16), int(hi, 16)
            if dst.startswith(b"["):
                for cid, item in zip(range(lo, hi + 1), _HEX.findall(dst)):
                    out[cid] = _units(item)
            else:
                first = _units(dst.strip(b"<>"))
                for n, cid in enumerate(range(lo, hi + 1)):
                    out[cid] = first[:-1] + chr(ord(first[-1]) + n) if first else ""
    return out


def to_unicode_cmap(mapping: dict[int, str]) -> bytes:
    """A ToUnicode CMap naming every CID of ``mapping`` (bfchar blocks of at most 100)."""
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    items = sorted(mapping.items())
    for k in range(0, len(items), 100):
        chunk = items[k:k + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{cid:04X}> <{text.encode('utf-16-be').hex().upper()}>" for cid, text in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return ("\n".join(lines) + "\n").encode("ascii")


def name_shared_glyphs(mapping: dict[int, str], twins: FontTwins) -> dict[int, str]:
    """``mapping`` with each stand-in code point replaced by its font's ordinary twin."""
    out = {}
    for cid, text in mapping.items():
        if len(text) == 1 and is_stand_in(ord(text)):
            better = twins.ordinary(ord(text))
            if better is not None:
                text = chr(better)
            elif 0xFB00 <= ord(text) <= 0xFB06:  # a ligature glyph stands for its letters
                text = unicodedata.normalize("NFKC", text)
        out[cid] = text
    return out


def repair_text_layer(source: Path, target: Path, fonts: Iterable[QRawFont]) -> Path:
    """Write ``source`` to ``target`` with every ToUnicode map of ``fonts`` repaired.

    ``fonts`` are the fonts the document was printed with; a PDF font none of them
    matches by PostScript name is left as Qt wrote it.
    """
    import pikepdf

    by_name: dict[str, FontTwins] = {}
    for raw in fonts:
        name = postscript_name(raw).replace(" ", "")
        if name and name not in by_name:
            by_name[name] = FontTwins(raw)
    with pikepdf.open(source) as pdf:
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != "/Font" or "/ToUnicode" not in obj:
                continue
            base = str(obj.get("/BaseFont", "")).lstrip("/")
            twins = by_name.get(base.split("+", 1)[-1])
            if twins is None:
                continue
            stream = obj.ToUnicode
            mapping = parse_to_unicode(stream.read_bytes())
            repaired = name_shared_glyphs(mapping, twins)
            if repaired != mapping:
                stream.write(to_unicode_cmap(repaired))  # compressed on save
        pdf.save(target)
    return target
