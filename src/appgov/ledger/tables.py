"""The ledger's list pages declared as tables (core.tables)."""

from django.utils.translation import gettext_lazy as _

from appgov.core.tables import Column, Table

from .models import Channel


class ChannelTable(Table):
    model = Channel
    columns = [
        Column("name", link=True),
        Column("kind"),
        Column("operator"),
        Column("qualification_checked_on"),
        Column("listed", _("Versions listed"), order_by="listed"),
        Column("institution__name", _("Institution"), regulator_only=True),
    ]
    default_order = "name"
