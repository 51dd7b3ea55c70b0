"""Nightly: leavers' accounts flagged (NFRA-09.2); the shipped OS-release register copied into each institution
and the adaptation tasks of new releases opened (NFRA-10.1)."""

from appgov.core.jobs import register_daily_job

register_daily_job("operations.flag_leavers", "appgov.operations.tasks.flag_leavers", "00:20")
register_daily_job("operations.os_releases", "appgov.operations.tasks.follow_os_releases", "05:40")


def flag_leavers() -> str:
    from .services import flag_leavers as run

    return f"{run()} operating accounts flagged or cleared"


def follow_os_releases() -> str:
    from appgov.core.models import Institution

    from .services import ensure_tasks, load_register

    added = opened = 0
    for institution in Institution.objects.all():
        added += load_register(institution)["added"]
        opened += ensure_tasks(institution)
    return f"{added} register entries added, {opened} adaptation tasks opened"
