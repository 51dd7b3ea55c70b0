from appgov.core.views import generic


class ChildEdit(generic.ObjectEditView):
    """A record added from its parent's page: `?<parent>=<id>` preselects the parent."""

    parent_field = ""

    def get_form(self, obj):
        form = super().get_form(obj)
        value = self.request.GET.get(self.parent_field)
        if obj is None and value and value.isdigit() and not self.request.POST:
            form.initial[self.parent_field] = int(value)
        return form
