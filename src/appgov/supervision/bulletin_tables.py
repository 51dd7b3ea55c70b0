from django.utils.translation import gettext_lazy as _

from appgov.core.tables import Column, Table


class BulletinTable(Table):
    html_id = "bulletin-table"
    columns = [
        Column("code", link=True),
        Column("title", link=True),
        Column("kind"),
        Column("severity"),
        Column("status"),
        Column("answer_by"),
        Column("office__name", _("regulator office")),
    ]
    default_order = "-id"


class ReceivedTable(Table):
    html_id = "received-table"
    columns = [
        Column("bulletin__code", _("bulletin number"), link=True),
        Column("bulletin__title", _("title"), link=True),
        Column("bulletin__severity", _("severity")),
        Column("bulletin__answer_by", _("answer by")),
        Column("acknowledged_at"),
        Column("institution__name", _("Institution"), regulator_only=True),
        Column("bulletin__office__name", _("regulator office")),
    ]
    default_order = "-bulletin__answer_by"


class SubmissionTable(Table):
    html_id = "submission-table"
    columns = [
        Column("submitted_at", link=True),
        Column("kind", link=True),
        Column("institution__name", _("Institution"), regulator_only=True),
        Column("period_start"),
        Column("period_end"),
        Column("status", _("status"), sortable=False),
        Column("sha256", render=lambda obj, value: f"{value[:16]}…"),
    ]
    default_order = "-submitted_at"
