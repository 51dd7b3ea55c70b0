from .changelog import changelog_detail, changelog_list

__all__ = ["changelog_detail", "changelog_list"]
