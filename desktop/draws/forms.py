"""A stored batch back into the editor's form (editing a draft starts from what is saved)."""
from __future__ import annotations

from core.services.draws import BatchDetail

from .batch_editor import BatchForm


def detail_to_form(detail: BatchDetail) -> BatchForm:
    return BatchForm(
        name=detail.name, lead_department_id=detail.lead_department_id,
        window_start=detail.window_start, window_end=detail.window_end,
        departments=[(d.department_id, d.team_size, [m.id for m in d.matters]) for d in detail.departments],
        pool_filter=dict(detail.pool_filter), sampling=dict(detail.sampling), avoidance=dict(detail.avoidance))
