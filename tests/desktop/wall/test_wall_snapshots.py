"""Every scene renders headless, at 1920x1080 and at a 7680x2160 spliced wall, with content."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage

from core.reference import load_profile
from desktop.i18n import install_language
from desktop.wall.registry import SLOTS
from desktop.wall.snapshot import SnapshotError, parse_size, render_scenes, snapshot_scenes
from maps.regions import town_regions
from tests.desktop.wall import sample


def pixels(path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    array = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    # Copied: the view would outlive the QImage that owns the memory.
    return array.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, :image.width(), :3].copy()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("size", [(1920, 1080), (7680, 2160)])
def test_every_scene_renders_with_content(console_app, tmp_path, size, lang):
    # The wall's own scenes; those other packages plug in read figures of their own (their tests).
    scenes = [s for s in snapshot_scenes() if s not in SLOTS]
    install_language(console_app, lang)
    try:
        written = render_scenes(sample.figures(draw=sample.a_draw()), scenes, size, tmp_path / "wall.png",
                                regions=town_regions(load_profile("yiwu")), push_item=sample.entity_item())
    finally:
        install_language(console_app, "zh_CN")
    assert [p.name for p in written] == [f"wall-{s}.png" for s in scenes]
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == size, path.name
        step = size[1] // 540  # every pixel at 1080, every 4th at 2160: the same sample of the scene
        body = pixels(path)[size[1] // 8::step, ::step].astype(np.int32)  # below the header: the scene
        assert body.std() > 12, f"{path.name} looks blank"
        colours = np.unique((body[..., 0] << 16) | (body[..., 1] << 8) | body[..., 2])
        assert len(colours) > 20, f"{path.name} has {len(colours)} colours"


def test_the_same_size_reads_the_same_at_any_wall(console_app, tmp_path):
    """Sizes follow the height: the overview's big number is twice as tall at 2160 as at 1080."""
    from desktop.wall.board import WallBoard

    heights = []
    for size in ((1920, 1080), (7680, 2160)):
        board = WallBoard()
        board.apply(sample.figures())
        board.resize(*size)
        board.grab()
        heights.append(board.scenes["overview"].tiles["overdue"].value_label.fontMetrics().height())
        board.deleteLater()
    assert heights[1] == pytest.approx(2 * heights[0], rel=0.1)


def test_a_long_number_shrinks_to_fit_its_tile(console_app):
    from desktop.wall.board import WallBoard

    board = WallBoard()
    board.apply(sample.figures())
    board.resize(1920, 1080)
    board.grab()
    tile = board.scenes["overview"].tiles["entities"]
    label = tile.value_label
    assert label.fontMetrics().horizontalAdvance(label.text()) <= tile.contentsRect().width()
    assert label.fontMetrics().height() < board.scenes["overview"].tiles["overdue"].value_label.fontMetrics().height()
    board.deleteLater()


@pytest.mark.parametrize("text", ["3840", "axb", "10x10", "3840x0", "99999x1080", ""])
def test_bad_sizes_are_refused(text):
    with pytest.raises(SnapshotError):
        parse_size(text)


def test_a_good_size():
    assert parse_size("3840x1080") == (3840, 1080)
    assert parse_size(" 5760X3240 ") == (5760, 3240)
