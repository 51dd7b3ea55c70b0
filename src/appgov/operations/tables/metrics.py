from django.utils.translation import gettext_lazy as _

from appgov.core.tables import Column, Table


class UploadTable(Table):
    columns = [
        Column("received_at", link=True),
        Column("source"),
        Column("filename"),
        Column("first_day"),
        Column("last_day"),
        Column("apps"),
        Column("rows"),
        Column("replaced"),
        Column("received_by"),
        Column("institution__name", _("Institution"), regulator_only=True),
    ]
    default_order = "-received_at"


class ThresholdTable(Table):
    columns = [
        Column("name", link=True),
        Column("metric"),
        Column("comparison"),
        Column("limit"),
        Column("period"),
        Column("aggregate"),
        Column("active"),
        Column("institution__name", _("Institution"), regulator_only=True),
    ]
    default_order = "name"


class BreachTable(Table):
    columns = [
        Column("app__name", _("app"), link=True),
        Column("threshold__name", _("threshold")),
        Column("period_start"),
        Column("period_end"),
        Column("observed"),
        Column("limit"),
        Column("status"),
        Column("detected_on"),
        Column("institution__name", _("Institution"), regulator_only=True),
    ]
    default_order = "-period_start"
