"""Qt Linguist sources (``tongguan_<lang>.ts``, committed) and their compiled
``.qm`` files (git-ignored, built by ``scripts/build_translations.py``).

Read through :mod:`importlib.resources`; see :mod:`desktop.i18n`.
"""
