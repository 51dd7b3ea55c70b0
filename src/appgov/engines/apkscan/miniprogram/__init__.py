"""WeChat mini-program packages (.wxapkg) analysed like APKs: `appgov scan PATH.wxapkg | FOLDER | ZIP`.

The entry point is `scan_miniprogram(path, options)`; `apkscan.scan_file` dispatches here when
`is_miniprogram_input(path)` holds. See docs/engines/miniprogram.md."""

from .detect import is_miniprogram_input
from .scan import PLATFORM, scan_miniprogram

__all__ = ["PLATFORM", "is_miniprogram_input", "scan_miniprogram"]
