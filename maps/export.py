"""One self-contained HTML file of an entity map view, for any PC without a network.

Every local script and stylesheet the page links is read from disk and inlined; images
a stylesheet references become ``data:`` URIs; the QWebChannel script (``qrc:``, only
inside the desktop) is dropped and the payload is embedded as ``window.TONGGUAN_STATIC``,
so the page draws that one view by itself. The only URL the page can fetch is the tile
template, when a tile server is configured (the map then needs that intranet server for
its background); URL text inside the libraries that is never fetched is listed in
:data:`INERT_URLS`, and any other URL refuses the export.
"""
from __future__ import annotations

import base64
import html
import mimetypes
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import unquote, urlparse

import folium

from maps.base_map import external_urls
from maps.entity_map import STATIC_SCRIPT_ID, static_payload_element

_SCRIPT_LINK = re.compile(r'<script\s+src="([^"]+)"\s*>\s*</script>', re.IGNORECASE)
_CSS_LINK = re.compile(r'<link\s+rel="stylesheet"\s+href="([^"]+)"\s*/?>', re.IGNORECASE)
_STATIC = re.compile(rf'<script id="{STATIC_SCRIPT_ID}">.*?</script>', re.DOTALL)
# A whole url(...) token; a quoted one is consumed entirely, so the url(%23id) references
# inside an inline SVG data: URI are never taken for files.
_CSS_URL = re.compile(r"""url\(\s*(?:"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)'|([^'")\s]*))\s*\)""")
_CSS_COMMENT = re.compile(r"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|/\*.*?\*/""", re.DOTALL)
_XML_COMMENT = re.compile(r"<!--.*?-->|%3C!--.*?--%3E", re.DOTALL)
_SOURCE_MAP = re.compile(r"^\s*(?://[#@]\s*sourceMappingURL=\S*|/\*[#@]\s*sourceMappingURL=[^*]*\*/)\s*$", re.MULTILINE)


# URL text inside the inlined third-party code that nothing ever fetches: XML namespace
# names, licence headers and package metadata (Leaflet's "leafletjs.com" link is its
# attribution prefix, which our pages replace with plain text). Any other URL but the
# tile template stops an export: a library upgrade must not smuggle in a CDN.
INERT_URLS = frozenset({
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xlink",
    "https://leafletjs.com",
    "https://github.com/mourner/simpleheat",
    "https://github.com/Leaflet/Leaflet.heat",
    "http://geoman.io",
    "https://geoman.io",
    "https://github.com/geoman-io/leaflet-geoman/issues",
})


def _local_file(url: str) -> Path:
    parsed = urlparse(url)
    if parsed.scheme != "file":
        raise ValueError(f"cannot inline {url!r}: only local file:// assets can be embedded")
    path = Path(unquote(parsed.path))
    if not path.is_file():
        raise FileNotFoundError(f"asset missing while exporting: {path}")
    return path


def _data_uri(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _strip_css_comments(text: str) -> str:
    # Comments go (they cite bug trackers); quoted strings, data: URIs among them, stay,
    # minus the editor comments inside inline SVG.
    return _CSS_COMMENT.sub(lambda m: _XML_COMMENT.sub("", m.group(1)) if m.group(1) else "", text)


def _inline_css(path: Path) -> str:
    text = _strip_css_comments(path.read_text("utf-8"))

    def image(match: re.Match) -> str:
        ref = next(g for g in match.groups() if g is not None).strip()
        if ref.startswith(("data:", "#", "%23")):
            return match.group(0)
        target = (path.parent / unquote(ref.split("?")[0].split("#")[0])).resolve()
        # An image the stylesheet names but the package lacks is dropped rather than linked.
        return f'url("{_data_uri(target)}")' if target.is_file() else "none"

    text = _CSS_URL.sub(image, text)
    return "<style>\n" + re.sub(r"</style", r"<\\/style", text, flags=re.IGNORECASE) + "\n</style>"


def _inline_js(path: Path) -> str:
    text = _SOURCE_MAP.sub("", path.read_text("utf-8"))
    text = re.sub(r"</script", r"<\\/script", text, flags=re.IGNORECASE).replace("<!--", "<\\!--")
    return "<script>\n" + text + "\n</script>"


def standalone_html(page: str, payload: Mapping | None, *, allowed_urls: Iterable[str] = ()) -> str:
    """``page`` (rendered HTML) with its local assets inlined and ``payload`` embedded.

    Raises ``ValueError`` when a script or stylesheet is not a local file, or when the
    result names a URL other than ``allowed_urls`` (the tile template) and :data:`INERT_URLS`.
    """
    page = _STATIC.sub("", page)
    title = str(payload.get("title") or "") if payload is not None else ""
    if title and "<title>" not in page:
        page = page.replace("<head>", f"<head>\n<title>{html.escape(title)}</title>", 1)
    # The QWebChannel script exists only inside the desktop; an export has no bridge.
    page = _SCRIPT_LINK.sub(
        lambda m: "" if m.group(1).startswith("qrc:") else _inline_js(_local_file(m.group(1))), page
    )
    page = _CSS_LINK.sub(lambda m: _inline_css(_local_file(m.group(1))), page)
    if payload is not None:
        page = page.replace("</head>", str(static_payload_element(payload).render()) + "\n</head>", 1)
    for forbidden in ("file://", "qrc:"):
        if forbidden in page:
            raise ValueError(f"exported page still references {forbidden} (an asset linked in an unknown way)")
    unexpected = external_urls(page) - INERT_URLS - set(allowed_urls)
    if unexpected:
        raise ValueError(f"exported page would name internet URLs: {', '.join(sorted(unexpected))}")
    return page


def tile_urls(m: folium.Map) -> set[str]:
    """The tile templates of ``m``'s tile layers (the only URLs a page may name)."""
    return {child.tiles for child in m._children.values() if isinstance(child, folium.TileLayer)}


def export_standalone_html(m: folium.Map, payload: Mapping, out_path: Path) -> Path:
    """Write one offline HTML file of ``m`` drawing ``payload``; return its absolute path."""
    out = Path(out_path).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    page = standalone_html(m.get_root().render(), payload, allowed_urls=tile_urls(m))
    # Written beside and moved into place: a reader (or a crash) never sees half a file.
    part = out.with_name(f".{out.name}.part")
    try:
        part.write_text(page, encoding="utf-8")
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    return out
