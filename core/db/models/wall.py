"""Views pushed from a workstation to the big-screen wall."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class WallView(Base):
    """One "push to wall": what the wall should show (a map view, its filter and layers).

    The wall PC shows the newest row; older rows are the history leaders can step back to.
    ``view`` is the workspace's own description (e.g. bounds, zoom, filter, layers).
    """

    __tablename__ = "wall_views"
    id: Mapped[int] = mapped_column(primary_key=True)
    pushed_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    pushed_by: Mapped[str] = mapped_column(String(60))
    workspace: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    view: Mapped[dict] = mapped_column(default=dict)
