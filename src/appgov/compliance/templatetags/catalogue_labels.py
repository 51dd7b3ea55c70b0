"""{{ control.method|catalogue_label:"method" }}: the catalogue's codes (subject kind, method, frequency,
severity) as words of the user's language."""

from django import template
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

register = template.Library()

LABELS = {
    "applies_to": {
        "institution": _("Institution"),
        "app": _("App"),
        "app_version": _("App version"),
        "credit_system": _("Credit system"),
        "regulator": _("Regulator"),
    },
    "method": {
        "automated": pgettext_lazy("control method", "automated check"),
        "evidence": pgettext_lazy("control method", "evidence"),
        "periodic": pgettext_lazy("control method", "periodic evidence"),
        "regulator": pgettext_lazy("control method", "regulator's duty"),
    },
    "frequency": {
        "daily": pgettext_lazy("control frequency", "daily"),
        "monthly": pgettext_lazy("control frequency", "monthly"),
        "quarterly": pgettext_lazy("control frequency", "quarterly"),
        "annual": pgettext_lazy("control frequency", "annual"),
        "triennial": pgettext_lazy("control frequency", "every three years"),
    },
    "severity": {
        "critical": pgettext_lazy("risk level", "critical"),
        "high": pgettext_lazy("risk level", "high"),
        "medium": pgettext_lazy("risk level", "medium"),
        "low": pgettext_lazy("risk level", "low"),
    },
}


@register.filter
def catalogue_label(code, kind: str):
    if code in (None, ""):
        return "—"
    return LABELS[kind].get(str(code), code)


@register.simple_tag
def control_source(control):
    """{% control_source control as source %}: the regulation a control comes from (title, number, date)."""
    from appgov.compliance.evaluation import catalogue

    return catalogue().source(control.source_id)
