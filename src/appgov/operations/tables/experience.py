"""List columns of the experience assessments (NFRA-06.2)."""

from django.utils.translation import gettext_lazy as _

from appgov.core.tables import Column, Table


class AssessmentTable(Table):
    columns = [
        Column("app__name", _("app"), link=True),
        Column("major_version"),
        Column("assessed_on"),
        Column("assessor__name", _("assessor")),
        Column("app__institution__name", _("Institution"), regulator_only=True),
    ]
    default_order = "app__name"
