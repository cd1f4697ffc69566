"""Where a label's text box goes relative to its point: shared by the build, the map and the export."""

from __future__ import annotations

import math

R = math.sqrt(0.5)
# Side of its point a label's box is attached on (x east, y north); "c" centres the box on the point.
UNIT = {
    "e": (1.0, 0.0), "ne": (R, R), "n": (0.0, 1.0), "nw": (-R, R),
    "w": (-1.0, 0.0), "sw": (-R, -R), "s": (0.0, -1.0), "se": (R, -R), "c": (0.0, 0.0),
}
GAP_PX = 5.0  # between a beside label's point and its box, in CSS px (points in the export)


def box_at(x: float, y: float, align: str, width: float, height: float, gap: float) -> tuple[float, float, float, float]:
    """Return the (x0, y0, x1, y1) box of a width x height label attached at (x, y) on side `align`.

    y grows northward; the box lies wholly on the side `align` points to, `gap` away.
    """
    dx, dy = UNIT[align]
    gx, gy = x + dx * gap, y + dy * gap
    x0 = gx if dx > 0.3 else gx - width if dx < -0.3 else gx - width / 2
    y0 = gy if dy > 0.3 else gy - height if dy < -0.3 else gy - height / 2
    return (x0, y0, x0 + width, y0 + height)
