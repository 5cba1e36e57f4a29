"""Printed reports of the console: the leadership analysis (PDF with charts, XLSX) and its dialog."""
