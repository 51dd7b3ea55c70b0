from django.utils.translation import gettext_lazy as _

from appgov.core.tables import Column, Table

from ..models import Candidate
from ..taxonomy import function_label


def _reasons(obj, value):
    return "、".join(
        str(Candidate.Reason(code).label) for code in obj.reason_codes if code in Candidate.Reason.values
    )


class FunctionsTable(Table):
    columns = [
        Column("app__name", _("app"), link=True),
        Column(
            "functions",
            _("business functions"),
            render=lambda obj, value: "、".join(function_label(c) for c in obj.functions),
        ),
        Column("updated_on"),
        Column("app__institution__name", _("Institution"), regulator_only=True),
    ]
    default_order = "app__name"


class CandidateTable(Table):
    columns = [
        Column("app__name", _("app"), link=True),
        Column("reason_codes", _("reasons"), render=_reasons),
        Column("status"),
        Column("first_found_on"),
        Column("decision__kind", _("decision")),
        Column("decision__deadline", _("deadline")),
        Column("decision__completed_on", _("completed on")),
        Column("institution__name", _("Institution"), regulator_only=True),
    ]
    default_order = "-first_found_on"
