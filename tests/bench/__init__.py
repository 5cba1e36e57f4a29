"""On-demand benchmarks: ``python -m tests.bench SUITE [--entities N] --json``.

Each suite prints one JSON object of figures. They are not part of the test run:
speed targets are measured here, not asserted in timed unit tests.
"""
