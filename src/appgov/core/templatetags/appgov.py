from django import template

register = template.Library()


@register.filter
def get(mapping, key):
    """{{ labels|get:value }}: a dict lookup by a variable key (labels translated once per request)."""
    return mapping.get(key, key) if mapping else key
