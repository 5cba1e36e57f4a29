"""Reports computed for a period from the whole database (no Qt): the leadership analysis.

:mod:`core.reports.leadership` computes the figures as frozen dataclasses;
:mod:`core.reports.leadership_tables` turns them into titled tables (Chinese or English) that
the PDF (desktop.reports) and the workbook (:func:`core.reports.leadership_tables.write_xlsx`)
both show.
"""
