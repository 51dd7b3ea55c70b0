"""List columns of the publishing and operating accounts (NFRA-09.2)."""

from django.utils.translation import gettext_lazy as _

from appgov.core.tables import Column, Table


class AccountTable(Table):
    columns = [
        Column("account_name", link=True),
        Column("app__name", _("app")),
        Column("kind"),
        Column("system"),
        Column("owner__name", _("owner")),
        Column("second_admin__name", _("second administrator")),
        Column("next_review_due"),
        Column("leaver_flagged_on"),
        Column("app__institution__name", _("Institution"), regulator_only=True),
    ]
    default_order = "account_name"
