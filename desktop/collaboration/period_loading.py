"""Loading a page's figures for a period in a worker: only the newest answer is shown.

The graph and flow pages share it. A page has ``caption``, ``_tasks``, ``_on_error`` and
``_generation``, and says what to show (``_show_result``) and what to say when the figures
could not be built (``_failed_text``, translated in the page's own context).
"""
from __future__ import annotations

from collections.abc import Callable


class PeriodLoading:
    """The loading half of a period page; see the module docstring."""

    def _run_load(self, period, work: Callable[[], tuple]) -> None:
        """Run ``work`` (returning the arguments of ``_show_result``) for ``period``."""
        self.period = period
        self._generation += 1
        generation = self._generation
        self._tasks.run(work, on_done=lambda result: self._on_loaded(generation, result),
                        on_error=lambda error: self._on_failed(generation, error), owner=self)

    def _on_loaded(self, generation: int, result: tuple) -> None:
        if generation == self._generation:  # a newer choice is on its way otherwise
            self._show_result(*result)

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.caption.setText(self._failed_text())
        if self._on_error is not None:
            self._on_error(error)

    def _on_filter_changed(self, *_args) -> None:
        if self.period is not None:
            self.load(self.period)
