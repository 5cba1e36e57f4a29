"""Import and export of every record kind (core, no Qt): see docs/exchange.md.

- :mod:`.spec` -- one column declaration per kind (Chinese headers);
- :mod:`.readers` -- XLSX, CSV (UTF-8 with or without BOM, GB18030) and JSON, row by row;
- :mod:`.validate` -- one row checked, each problem with file, row, column and reason;
- :mod:`.entity_load`, :mod:`.record_load` -- bulk writes, matched by credit code or source id;
- :mod:`.importer` -- all or nothing / valid rows only / dry run, in one transaction;
- :mod:`.export` -- the same columns out; :mod:`.report` -- the error report.
"""
from __future__ import annotations

from .export import export_file, parse_filter
from .importer import ImportResult, import_file
from .report import write_report
from .spec import KINDS, spec_of
from .validate import Problem

__all__ = ["KINDS", "ImportResult", "Problem", "export_file", "import_file", "parse_filter", "spec_of",
           "write_report"]
