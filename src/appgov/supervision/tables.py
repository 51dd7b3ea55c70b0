from django.utils.translation import gettext_lazy as _

from appgov.core.tables import Column, Table


class CampaignTable(Table):
    html_id = "campaign-table"
    columns = [
        Column("code", link=True),
        Column("title", link=True),
        Column("kind"),
        Column("status"),
        Column("period_start"),
        Column("period_end"),
        Column("institutions", _("institutions in scope"), sortable=False),
        Column("office__name", _("regulator office")),
    ]
    default_order = "-period_start"


class MeasureTable(Table):
    html_id = "measure-table"
    columns = [
        Column("taken_on", link=True),
        Column("kind", link=True),
        Column("institution__name", _("Institution")),
        Column("decision_number"),
        Column("responsible_persons", _("responsible persons"), sortable=False),
        Column("campaign__code", _("campaign")),
        Column("office__name", _("regulator office")),
    ]
    default_order = "-taken_on"


class RectificationTable(Table):
    """Regulator-issued findings (compliance.Finding rows) followed up by the office."""

    html_id = "rectification-table"
    columns = [
        Column("regulator_reference", _("regulator reference")),
        Column("institution__name", _("Institution")),
        Column("subject_repr", _("subject")),
        Column("severity"),
        Column("status"),
        Column("due_on"),
        Column("resolved_at", _("rectification submitted")),
        Column("issued_by_office__name", _("issued by regulator office")),
    ]
    default_order = "due_on"
