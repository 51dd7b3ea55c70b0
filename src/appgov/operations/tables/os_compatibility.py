"""List columns of the OS-release register, the platforms' requirements and the adaptation tasks (NFRA-10)."""

from django.utils.translation import gettext_lazy as _

from appgov.core.tables import Column, Table


class ReleaseTable(Table):
    columns = [
        Column("version", link=True),
        Column("platform"),
        Column("api_level"),
        Column("beta_on"),
        Column("ga_on"),
        Column("shipped"),
        Column("institution__name", _("Institution"), regulator_only=True),
    ]
    default_order = "-ga_on"


class RequirementTable(Table):
    columns = [
        Column("distributor", link=True),
        Column("platform"),
        Column("min_target_api"),
        Column("applies_to"),
        Column("effective_on"),
        Column("institution__name", _("Institution"), regulator_only=True),
    ]
    default_order = "distributor"


class TaskTable(Table):
    columns = [
        Column("app__name", _("app"), link=True),
        Column("release__version", _("OS release"), render=lambda obj, value: str(obj.release)),
        Column("status"),
        Column("due_on"),
        Column("owner__name", _("owner")),
        Column("app__institution__name", _("Institution"), regulator_only=True),
    ]
    default_order = "due_on"
