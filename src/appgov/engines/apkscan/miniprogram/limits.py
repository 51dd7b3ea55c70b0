"""Bounds for mini-program input: WeChat caps a whole mini-program (main package and all sub-packages)
at tens of megabytes, so anything near these limits is hostile or not a mini-program."""

from dataclasses import dataclass


@dataclass(frozen=True)
class MiniProgramLimits:
    max_input_bytes: int = 512 * 1024**2  # one .wxapkg, or all packages of a folder / ZIP together
    max_packages: int = 256  # .wxapkg files in one folder or ZIP
    max_files_per_package: int = 100_000
    max_name_length: int = 4096
    max_folder_depth: int = 8
    max_folder_entries: int = 20_000  # directory entries walked when given a folder
    max_text_file: int = 64 * 1024**2  # a single JS / JSON / WXML file scanned
    max_config_size: int = 8 * 1024**2  # app-config.json / app.json
