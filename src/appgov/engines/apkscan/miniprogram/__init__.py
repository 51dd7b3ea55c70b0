"""WeChat mini-program packages (.wxapkg) analysed like APKs: `appgov scan PATH.wxapkg | FOLDER | ZIP`.

The entry point is `scan_miniprogram(path, options)`; `apkscan.scan_file` dispatches here when
`is_miniprogram_input(path)` holds. See docs/engines/miniprogram.md.
The analysis modules are imported on first use, so an APK scan does not pay for them at start-up."""

from .detect import is_miniprogram_input

__all__ = ["PLATFORM", "is_miniprogram_input", "scan_miniprogram"]


def __getattr__(name):
    if name in ("PLATFORM", "scan_miniprogram"):
        from . import scan

        return getattr(scan, name)
    raise AttributeError(name)
