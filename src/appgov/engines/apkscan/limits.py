"""Resource limits that keep a hostile package from exhausting time or memory.

Limits(max_nested_depth=1)   # any field by keyword; a Limits is immutable
"""

from .records import Record


class Limits(Record):
    _fields = {
        "max_file_size": 4 * 1024**3,  # the archive itself (mapped for its directory, entries read in pieces)
        "max_entries": 200_000,
        "max_entry_size": 256 * 1024**2,  # one decompressed entry (a dex, a Mach-O)
        "max_total_inflated": 1536
        * 1024**2,  # everything we decompress in one scan, nested archives included
        "max_ratio": 500,  # uncompressed/compressed ratio above which an entry is a zip bomb
        "max_manifest_size": 16 * 1024**2,
        "max_xml_depth": 64,
        "max_xml_elements": 200_000,
        "max_dex_files": 200,
        "max_text_asset_size": 2 * 1024**2,  # assets scanned for URLs / secrets
        "max_text_assets_total": 64 * 1024**2,
        "max_nested_archives": 16,  # .hap inside .app; APK / JAR / ZIP / DEX inside assets or res
        "max_nested_depth": 2,  # an APK in an APK in the package, no deeper
        "max_nested_archive_size": 48 * 1024**2,  # a nested archive is held in memory while read
        # a DEX up to this size is inflated once and read in place; a larger one is streamed in pieces
        # (strings searched, class tables not read): peak memory stays under 200 MB for any DEX size
        "max_dex_in_memory": 64 * 1024**2,
        "max_resource_table_size": 64 * 1024**2,  # resources.arsc held in memory to resolve labels
        # a Mach-O executable up to this size is read whole; a larger one is analysed in streamed
        # passes, keeping at most max_binary_sections bytes of its class-name / C-string sections
        "max_binary_in_memory": 96 * 1024**2,
        "max_binary_sections": 48 * 1024**2,
        # a HarmonyOS module (.hap) inside an .app bundle is held in memory while read
        "max_nested_hap_size": 96 * 1024**2,
        "max_urls": 5_000,
        "max_secrets": 500,
    }
    __slots__ = tuple(_fields)
    _frozen = True
