"""The console's workspaces, in navigation order, and the placeholder page.

Every workspace has a stable key, an English source title and a one-sentence
summary (both translated in the ``Workspaces`` context). A workspace that is not
built yet shows :class:`PlaceholderPage`; a later issue gives it a real page by
calling :meth:`WorkspaceRegistry.set_factory` in the composition root
(``desktop/bootstrap.py``).

A factory is called once, the first time its workspace is shown, and may take
one or two positional arguments:

* ``factory(context)`` gets the :class:`~desktop.context.ConsoleContext`;
* ``factory(context, services)`` also gets the window's
  :class:`~desktop.services.AppServices` (database, task manager, settings,
  signed-in user). ``services`` is None when the window has none, e.g. a
  screenshot of the bare shell; such a factory should then show an empty page.

The registry tells the two apart by the factory's signature: the services are
passed when the second positional parameter is required or named ``services``
(so a widget class taking ``(context, parent=None)`` gets the context alone).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.context import ConsoleContext
from desktop.services import AppServices

TRANSLATION_CONTEXT = "Workspaces"

WorkspaceFactory = Callable[[ConsoleContext], QWidget] | Callable[[ConsoleContext, Any], QWidget]
"""Builds a workspace's page from the context (and the services, if it takes two arguments)."""


@dataclass(frozen=True)
class WorkspaceSpec:
    """One workspace: ``title`` and ``summary`` are untranslated English sources."""

    key: str
    title: str
    summary: str
    factory: WorkspaceFactory | None = None
    # Role codes that see this workspace; None: every role. The core checks rights again.
    roles: frozenset[str] | None = None

    def visible_to(self, role_code: str | None) -> bool:
        """True when a user of ``role_code`` (None: nobody signed in) sees this workspace."""
        return self.roles is None or role_code in self.roles

    def translated_title(self) -> str:
        """Return the title in the current UI language."""
        return QCoreApplication.translate(TRANSLATION_CONTEXT, self.title)

    def translated_summary(self) -> str:
        """Return the summary in the current UI language."""
        return QCoreApplication.translate(TRANSLATION_CONTEXT, self.summary)


def _spec(key: str, title: str, summary: str) -> WorkspaceSpec:
    return WorkspaceSpec(key=key, title=title, summary=summary)


# QT_TRANSLATE_NOOP marks the strings for lupdate; they are translated on display.
DEFAULT_WORKSPACES: tuple[WorkspaceSpec, ...] = (
    _spec(
        "map",
        QT_TRANSLATE_NOOP("Workspaces", "Map"),
        QT_TRANSLATE_NOOP(
            "Workspaces",
            "Shows market entities, inspections and cases on the city map by township and grid.",
        ),
    ),
    _spec(
        "entities",
        QT_TRANSLATE_NOOP("Workspaces", "Entities"),
        QT_TRANSLATE_NOOP(
            "Workspaces",
            "Finds a market entity and shows its registration, licences and supervision history.",
        ),
    ),
    _spec(
        "draws",
        QT_TRANSLATE_NOOP("Workspaces", "Double-random draws"),
        QT_TRANSLATE_NOOP(
            "Workspaces",
            "Draws inspection targets and inspectors at random and records the results.",
        ),
    ),
    _spec(
        "cases",
        QT_TRANSLATE_NOOP("Workspaces", "Cases & deadlines"),
        QT_TRANSLATE_NOOP(
            "Workspaces",
            "Tracks leads and cases through each stage against their statutory deadlines.",
        ),
    ),
    _spec(
        "collaboration",
        QT_TRANSLATE_NOOP("Workspaces", "Collaboration"),
        QT_TRANSLATE_NOOP(
            "Workspaces",
            "Hands tasks between departments and follows each hand-off until it is answered.",
        ),
    ),
    _spec(
        "efficiency",
        QT_TRANSLATE_NOOP("Workspaces", "Efficiency"),
        QT_TRANSLATE_NOOP(
            "Workspaces",
            "Measures how promptly departments handle their work and flags overdue items.",
        ),
    ),
    _spec(
        "wall",
        QT_TRANSLATE_NOOP("Workspaces", "Wall"),
        QT_TRANSLATE_NOOP(
            "Workspaces",
            "Shows the city's supervision overview on the command center's video wall.",
        ),
    ),
)


class WorkspaceRegistry:
    """The ordered workspaces of one console; keys are fixed, factories can change."""

    def __init__(self, specs: tuple[WorkspaceSpec, ...] = DEFAULT_WORKSPACES) -> None:
        keys = [spec.key for spec in specs]
        if len(set(keys)) != len(keys):
            raise ValueError(f"duplicate workspace keys in {keys}")
        self._specs: dict[str, WorkspaceSpec] = {spec.key: spec for spec in specs}

    def __iter__(self) -> Iterator[WorkspaceSpec]:
        return iter(self._specs.values())

    def __len__(self) -> int:
        return len(self._specs)

    def keys(self) -> tuple[str, ...]:
        """Return the workspace keys in navigation order."""
        return tuple(self._specs)

    def get(self, key: str) -> WorkspaceSpec:
        """Return the workspace ``key``; raise KeyError naming the known keys."""
        try:
            return self._specs[key]
        except KeyError:
            raise KeyError(f"unknown workspace {key!r}; known: {', '.join(self._specs)}") from None

    def add(self, spec: WorkspaceSpec) -> None:
        """Append workspace ``spec`` (a package's own workspace, e.g. the administration pages)."""
        if spec.key in self._specs:
            raise ValueError(f"duplicate workspace key {spec.key!r}")
        self._specs[spec.key] = spec

    def visible_to(self, role_code: str | None) -> WorkspaceRegistry:
        """The workspaces a user of ``role_code`` sees (None: no one signed in), same order.

        This registry itself when it hides nothing from that role.
        """
        shown = tuple(spec for spec in self if spec.visible_to(role_code))
        return self if len(shown) == len(self) else WorkspaceRegistry(shown)

    def set_factory(self, key: str, factory: WorkspaceFactory) -> None:
        """Replace the placeholder of workspace ``key`` with pages from ``factory``."""
        self._specs[key] = replace(self.get(key), factory=factory)

    def create_page(self, key: str, context: ConsoleContext, services: AppServices | None = None) -> QWidget:
        """Build the page of workspace ``key``: its factory's or a placeholder.

        ``services`` (an AppServices or None) reaches factories that take a
        second argument; see the module docstring.
        """
        spec = self.get(key)
        if spec.factory is None:
            page = PlaceholderPage(spec)
        elif takes_services(spec.factory):
            page = spec.factory(context, services)
        else:
            page = spec.factory(context)
        page.setProperty("workspaceKey", key)
        return page


def takes_services(factory: Callable[..., QWidget]) -> bool:
    """True when ``factory`` wants the services as its second positional argument.

    It does when that parameter is required or named ``services`` (or the
    factory takes ``*args``): a widget class whose second parameter is an
    optional ``parent`` is called with the context alone.
    """
    try:
        parameters = list(inspect.signature(factory).parameters.values())
    except (TypeError, ValueError):  # some builtins and C callables have no signature
        return False
    positional = [
        p for p in parameters
        if p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    ]
    if len(positional) >= 2:
        second = positional[1]
        return second.default is inspect.Parameter.empty or second.name == "services"
    return any(p.kind is inspect.Parameter.VAR_POSITIONAL for p in parameters)


class PlaceholderPage(QWidget):
    """An honest page for a workspace that is not built yet: no invented data."""

    def __init__(self, spec: WorkspaceSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec = spec
        self.setObjectName("placeholderPage")
        self.setProperty("workspacePage", True)
        # Plain QWidget subclasses only paint a style-sheet background with this.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self._title_label = QLabel(objectName="workspaceTitle")
        self._summary_label = QLabel(objectName="workspaceSummary", wordWrap=True)
        self._notice_label = QLabel(objectName="placeholderNotice", wordWrap=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(14)
        layout.addWidget(self._title_label)
        layout.addWidget(self._summary_label)
        layout.addSpacing(10)
        layout.addWidget(self._notice_label)
        layout.addStretch(1)
        self.retranslate_ui()

    @property
    def spec(self) -> WorkspaceSpec:
        """The workspace this page stands in for."""
        return self._spec

    def notice_text(self) -> str:
        """Return the "not built yet" sentence as currently shown."""
        return self._notice_label.text()

    def retranslate_ui(self) -> None:
        """Set every visible string in the current UI language."""
        self._title_label.setText(self._spec.translated_title())
        self._summary_label.setText(self._spec.translated_summary())
        self._notice_label.setText(self.tr("This workspace is not built yet."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def register_signed_in(registry: WorkspaceRegistry, key: str, build: Callable[[Any], QWidget],
                       empty: Callable[[], QWidget], services: AppServices | None = None) -> None:
    """Install a factory for ``key`` that builds ``build(services)``, or ``empty()`` without services.

    The window's services are used; ``services`` given here serve when the window has none
    (e.g. a registry built for one fixed session).
    """
    bound = services

    def factory(context: ConsoleContext, services: AppServices | None = None) -> QWidget:
        chosen = services if services is not None else bound
        return empty() if chosen is None else build(chosen)

    registry.set_factory(key, factory)
