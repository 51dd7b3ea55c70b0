"""Resource limits that keep a hostile package from exhausting time or memory."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_size: int = 4 * 1024**3  # the archive itself (read through mmap, never fully loaded)
    max_entries: int = 200_000
    max_entry_size: int = 256 * 1024**2  # one decompressed entry (a dex, a Mach-O)
    max_total_inflated: int = 1536 * 1024**2  # everything we decompress in one scan
    max_ratio: int = 500  # uncompressed/compressed ratio above which an entry is a zip bomb
    max_manifest_size: int = 16 * 1024**2
    max_xml_depth: int = 64
    max_xml_elements: int = 200_000
    max_dex_files: int = 200
    max_text_asset_size: int = 2 * 1024**2  # assets scanned for URLs / secrets
    max_text_assets_total: int = 64 * 1024**2
    max_nested_archives: int = 16  # .hap inside .app; APK / JAR / ZIP / DEX inside assets or res
    max_nested_depth: int = 2  # an APK in an APK in the package, no deeper
    max_nested_archive_size: int = 48 * 1024**2  # a nested archive is held in memory while read
    # a DEX up to this size is inflated once and read in place; a larger one is streamed in pieces
    # (strings searched, class tables not read): keeps peak memory under 200 MB for any DEX size
    max_dex_in_memory: int = 64 * 1024**2
    max_resource_table_size: int = 64 * 1024**2  # resources.arsc held in memory to resolve labels
    max_urls: int = 5_000
    max_secrets: int = 500
