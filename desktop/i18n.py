"""Runtime language switching for the desktop console.

Source strings in ``desktop/`` are English (``self.tr("Map")``); Chinese is the
default UI language. Our compiled catalogues live in ``resources/translations``
(``tongguan_<lang>.qm``, built by ``scripts/build_translations.py``); Qt's own
``qtbase_<lang>.qm`` is loaded too so standard buttons and dialogs match.

Widgets follow a switch by handling :attr:`QEvent.Type.LanguageChange` in
``changeEvent`` and calling their ``retranslate_ui()``.
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

_log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES: tuple[str, ...] = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

# Names of the language menu entries: endonyms, so they are never translated.
LANGUAGE_NAMES: dict[str, str] = {"zh_CN": "中文", "en": "English"}

_TRANSLATIONS_PACKAGE = "resources.translations"
_CATALOGUE_PREFIX = "tongguan"
# Marks the translators this module installed, so a switch removes only ours.
_TRANSLATOR_NAME = "tongguan-translator"
_LANGUAGE_PROPERTY = "tongguan_language"
_CATALOGUE_BYTES: dict[str, bytes] = {}


def catalogue_name(lang: str) -> str:
    """Return the file name of our compiled catalogue for ``lang``."""
    return f"{_CATALOGUE_PREFIX}_{lang}.qm"


def current_language(app: QCoreApplication) -> str:
    """Return the language last installed with :func:`install_language`."""
    value = app.property(_LANGUAGE_PROPERTY)
    return value if isinstance(value, str) and value else DEFAULT_LANGUAGE


def install_language(app: QCoreApplication, lang: str) -> None:
    """Switch the running application to ``lang`` (``"zh_CN"`` or ``"en"``).

    Removes the translators installed by a previous call, installs ours and Qt's
    for ``lang`` and delivers the resulting ``LanguageChange`` events before
    returning, so every open widget shows the new language when this returns.
    A missing catalogue is logged and the source strings are shown instead.
    """
    if lang not in SUPPORTED_LANGUAGES:
        known = ", ".join(SUPPORTED_LANGUAGES)
        raise ValueError(f"unsupported language {lang!r}; known: {known}")

    for translator in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()

    QLocale.setDefault(QLocale(lang))
    app.setProperty(_LANGUAGE_PROPERTY, lang)

    qt_translator = _load_qt_translator(app, lang)
    if qt_translator is not None:
        app.installTranslator(qt_translator)
    own_translator = _load_own_translator(app, lang)
    if own_translator is not None:
        app.installTranslator(own_translator)

    # Installing or removing a translator posts LanguageChange to the top-level
    # widgets; sending it now makes the switch synchronous for callers and tests.
    # When nothing changed (e.g. "en" without catalogues) widgets still get one.
    QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def _load_own_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    name = catalogue_name(lang)
    resource = resources.files(_TRANSLATIONS_PACKAGE).joinpath(name)
    if not resource.is_file():
        _log.warning(
            "translation catalogue %s is missing; showing source strings. "
            "Build it with: python scripts/build_translations.py",
            name,
        )
        return None
    # QTranslator reads straight from the buffer it was given without copying
    # it, so the bytes must outlive the translator: keep them for the process.
    data = _CATALOGUE_BYTES.setdefault(name, resource.read_bytes())
    translator = _new_translator(app)
    if not translator.load(data):
        _log.warning("translation catalogue %s could not be loaded", name)
        translator.setParent(None)
        return None
    return translator


def _load_qt_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    if lang == "en":
        return None  # Qt's own strings are English already.
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = _new_translator(app)
    if not translator.load(f"qtbase_{lang}", directory):
        _log.info("Qt's qtbase_%s catalogue not found in %s", lang, directory)
        translator.setParent(None)
        return None
    return translator


def _new_translator(app: QCoreApplication) -> QTranslator:
    translator = QTranslator(app)
    translator.setObjectName(_TRANSLATOR_NAME)
    return translator
