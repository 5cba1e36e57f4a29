"""Credit (信用) at the core of supervision: records, lists, an explainable class A-D, joint measures.

No Qt. The pure parts (:mod:`.kinds`, :mod:`.rules`, :mod:`.scoring`) hold no database;
the rest reads and writes through :class:`core.db.database.Database`.
"""
