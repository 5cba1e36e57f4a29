"""Theme palettes (``<name>.json``) and the QSS template (``base.qss``).

Read through :mod:`importlib.resources`; see :mod:`desktop.theme`.
"""
