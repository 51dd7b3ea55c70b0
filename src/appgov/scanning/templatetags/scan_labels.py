from django import template

from appgov.scanning import labels

register = template.Library()


@register.filter
def severity_label(code):
    return labels.label(labels.SEVERITY, code)


@register.filter
def sdk_category(code):
    return labels.label(labels.SDK_CATEGORY, code)


@register.filter
def personal_information(codes):
    """A list of personal-information codes (or one) as labels joined with 、."""
    if isinstance(codes, str):
        codes = [codes]
    return "、".join(labels.label(labels.PERSONAL_INFORMATION, c) for c in codes or [])
