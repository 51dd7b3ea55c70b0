import django_filters

from appgov.users.scoping import scope


class ScopedFilterSet(django_filters.FilterSet):
    """Choices of every model filter are limited to what the requesting user may see."""

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        super().__init__(data, queryset, request=request, **kwargs)
        user = getattr(request, "user", None)
        for f in self.filters.values():
            if isinstance(f, django_filters.ModelChoiceFilter | django_filters.ModelMultipleChoiceFilter):
                f.queryset = scope(f.queryset.model._default_manager.all(), user)
