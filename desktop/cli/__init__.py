"""The ``tongguan`` command line: console, demo city, database, USCC, calendar, screenshots."""
