from django import template

from appgov.scanning import evidence_text, labels

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


@register.filter
def evidence_lines(finding):
    """The finding's evidence lines in the reader's language (scanning.evidence_text)."""
    return evidence_text.lines(finding) if isinstance(finding, dict) else []


@register.filter
def evidence_html(finding):
    """The same lines as HTML: values found in the package in <code>, each line escaped."""
    from django.utils.safestring import mark_safe

    if not isinstance(finding, dict):
        return ""
    return mark_safe("；".join(evidence_text.html_lines(finding)[:3]))  # noqa: S308  each line escaped
