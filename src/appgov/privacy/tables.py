from django.utils.translation import gettext_lazy as _

from appgov.core.tables import Column, Table

from .models import PrivacyPolicy


def _completeness(policy, value) -> str:
    return str(len(value or [])) if value else "0"


class PrivacyPolicyTable(Table):
    model = PrivacyPolicy
    default_order = "-uploaded_at"
    html_id = "policies"
    columns = [
        Column("file_name", _("Policy"), link=True),
        Column("version__app__name", _("App")),
        Column("version__version_name", _("Version")),
        Column("effective_on"),
        Column("completeness", _("Completeness gaps"), render=_completeness),
        Column("uploaded_at"),
        Column("version__app__institution__name", _("Institution"), regulator_only=True),
    ]
