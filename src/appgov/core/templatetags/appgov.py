from django import template

register = template.Library()


@register.filter
def get(mapping, key):
    """{{ labels|get:value }}: a dict lookup by a variable key (labels translated once per request)."""
    return mapping.get(key, key) if mapping else key


@register.filter
def labels_of(values, mapping):
    """{{ app.platforms|labels_of:labels.platform }}: each stored code as its label, joined with 、."""
    return "、".join(str(mapping.get(v, v)) for v in values or [])
