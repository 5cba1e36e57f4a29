"""What the console shell shows about the running installation.

The composition root fills a :class:`ConsoleContext` from the database; the shell
only displays it, so this module stays free of Qt and of the core services.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ConsoleContext:
    """Read-only facts about the installation the console is attached to.

    ``database_label`` is a human-readable description of the database, e.g.
    ``"SQLite /path/file.sqlite"`` or ``"PostgreSQL db@host"``. ``is_demo`` is true
    when the data was generated for demonstration, so the shell can say so.
    ``entity_count`` is the number of market entities, when known.
    """

    database_label: str
    city_name: str
    is_demo: bool
    entity_count: int | None = None
    city_name_en: str | None = None

    def city(self, lang: str) -> str:
        """The city's name in ``lang`` ("zh_CN" or "en"), Chinese when no English is known."""
        return self.city_name_en if lang == "en" and self.city_name_en else self.city_name
