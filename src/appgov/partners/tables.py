from django.utils.translation import gettext_lazy as _

from appgov.core.tables import Column, Table


class PartyTable(Table):
    columns = [
        Column("name", link=True),
        Column("credit_code"),
        Column("kinds", _("kinds"), render=lambda obj, value: "、".join(obj.kind_labels())),
        Column("risk_tier"),
        Column("state"),
        Column("next_evaluation_due"),
        Column("institution__name", _("Institution"), regulator_only=True),
    ]
    default_order = "name"
