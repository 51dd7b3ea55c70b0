"""Generic page views: a module declares its list, detail, edit, delete and workflow pages; scoping, the write
path (the module's service, never a plain save), the change log, messages and errors come from here.

    class PartyList(ObjectListView):
        model = Party
        filterset = PartyFilterSet        # a core.filtersets.ScopedFilterSet
        table = PartyTable                # a core.tables.Table
        title = _("Third parties")

    class PartyEdit(ObjectEditView):
        model = Party
        form = PartyForm                  # a core.forms.ScopedModelForm
        service = services.parties        # a core.services.ModelService: required

    urlpatterns = object_urls("party", list=PartyList, detail=PartyDetail, edit=PartyEdit, delete=PartyDelete,
                              transition=PartyMove)

Every object is looked up in the user's scope (another institution's id answers 404, never 403); writes need the
role the model's WRITE_ROLES entry names and go through `service`, whose refusals (ValidationError) appear on the
form or as a message. A view that declares no service cannot be created (ImproperlyConfigured at import).
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from appgov.core import extensions, retention, workflow
from appgov.core.models.voidable import asks_for_voided, voidable, without_voided
from appgov.core.roles import can_write
from appgov.core.scoping import scope
from appgov.core.services import ModelService
from appgov.core.views.helpers import apply_service_errors, history_entries, querystring_without_page


class ScopedObjectMixin(LoginRequiredMixin):
    model = None
    queryset = None  # optional: the base queryset (select_related, annotations); scoped on every request
    url_base = None  # set by object_urls: the prefix of the URL names of this model's pages

    def get_queryset(self):
        base = self.queryset if self.queryset is not None else self.model._default_manager.all()
        return scope(base.all(), self.request.user)

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    def can_write(self) -> bool:
        return can_write(self.request.user, self.label)

    def require_write(self) -> None:
        if not self.can_write():
            raise PermissionDenied

    def url_name(self, action: str) -> str | None:
        """The URL name object_urls gave this model's `action` page, if the module declared it."""
        prefix = self.request.resolver_match.namespace if self.request.resolver_match else ""
        name = f"{self.url_prefix()}-{action}"
        return f"{prefix}:{name}" if prefix else name

    def url_prefix(self) -> str:
        return self.url_base or self.model._meta.model_name

    def has_url(self, action: str) -> bool:
        from django.urls import NoReverseMatch

        try:
            reverse(self.url_name(action), kwargs={"pk": 0} if action not in ("list", "add") else None)
        except NoReverseMatch:
            return False
        return True

    def object_url(self, obj) -> str:
        """Where to go after acting on obj: its page, else the list, else the dashboard."""
        if hasattr(obj, "get_absolute_url"):
            return obj.get_absolute_url()
        if self.has_url("detail"):
            return reverse(self.url_name("detail"), kwargs={"pk": obj.pk})
        return reverse(self.url_name("list")) if self.has_url("list") else reverse("dashboard")

    def base_context(self) -> dict:
        return {
            "model_name": self.model._meta.verbose_name,
            "model_name_plural": self.model._meta.verbose_name_plural,
            "can_write": self.can_write(),
            "list_url": reverse(self.url_name("list")) if self.has_url("list") else None,
        }


class ObjectListView(ScopedObjectMixin, View):
    """The scoped list: filters (GET), sortable columns, pages, and `?export=xlsx` of the same filtered list."""

    filterset = None
    table = None
    title = None
    template_name = "core/object_list.html"
    exportable = True
    http_method_names = ["get", "head", "options"]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.model is not None and cls.table is None:
            raise ImproperlyConfigured(f"{cls.__name__} lists {cls.model.__name__} and must name its table")

    def filtered(self):
        # voided rows (mistaken entries kept for the record) only when asked: the "show voided" filter
        queryset = without_voided(self.get_queryset(), asks_for_voided(self.request.GET))
        if self.filterset is None:
            return queryset, None
        filterset = self.filterset(self.request.GET or None, queryset=queryset, request=self.request)
        return (filterset.qs if filterset.is_bound and filterset.is_valid() else queryset), filterset

    def get(self, request, *args, **kwargs):
        queryset, filterset = self.filtered()
        if self.exportable and request.GET.get("export") == "xlsx":
            return self.export(self.table(queryset, request, paginate=False))
        table = self.table(queryset, request)
        active = bool(
            filterset is not None and any(v for k, v in request.GET.items() if k in filterset.filters)
        )
        context = {
            **self.base_context(),
            "title": self.title or self.model._meta.verbose_name_plural,
            "table": table,
            "page": table.page,
            "filter": filterset,
            "filters_active": active,
            "querystring_without_page": querystring_without_page(request),
            "add_url": reverse(self.url_name("add")) if self.can_write() and self.has_url("add") else None,
            "exportable": self.exportable,
        }
        context.update(self.extra_context())
        return render(request, self.template_name, context)

    def extra_context(self) -> dict:
        return {}

    def export(self, table) -> HttpResponse:
        import io

        from openpyxl import Workbook

        from appgov.core.spreadsheets import append_row

        book = Workbook(write_only=True)
        sheet = book.create_sheet(str(self.model._meta.verbose_name_plural)[:31])
        for row in table.export_rows():
            append_row(sheet, row)
        buffer = io.BytesIO()
        book.save(buffer)
        stamp = timezone.localtime().strftime("%Y%m%d")
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.model._meta.model_name}-{stamp}.xlsx"'
        response["X-Content-Type-Options"] = "nosniff"
        return response


class ObjectDetailView(ScopedObjectMixin, View):
    """One object: its fields (or the module's template), its history, the workflow moves the user can make now,
    and the blocks other modules registered for it (core.extensions.register_detail_context)."""

    template_name = "core/object_detail.html"
    fields: list[str] | None = None  # what core/object_detail.html shows; None: every concrete field
    http_method_names = ["get", "head", "options"]

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        context = {
            **self.base_context(),
            "object": obj,
            "title": str(obj),
            "history": history_entries(obj),
            "moves": self.moves(obj),
            "field_rows": self.field_rows(obj),
            "edit_url": self.action_url("edit", obj),
            "delete_url": self.action_url("delete", obj),
            "transition_url": self.action_url("transition", obj),
            "extensions": extensions.detail_context(obj, request),
        }
        context.update(self.extra_context(obj))
        return render(request, self.template_name, context)

    def extra_context(self, obj) -> dict:
        return {}

    def action_url(self, action: str, obj) -> str | None:
        if not self.can_write() or not self.has_url(action):
            return None
        return reverse(self.url_name(action), kwargs={"pk": obj.pk})

    def moves(self, obj):
        try:
            return workflow.available(obj, self.request.user)
        except ImproperlyConfigured:  # the model has no workflow
            return []

    def field_rows(self, obj) -> list[tuple[str, str]]:
        from appgov.core.tables import Column

        names = self.fields or [
            f.name
            for f in obj._meta.concrete_fields
            if f.name not in ("id", "institution", "created_at", "updated_at") and not f.name.endswith("_ptr")
        ]
        return [(column.header, column.text(obj)) for column in (Column(n).bind(type(obj)) for n in names)]


class ObjectEditView(ScopedObjectMixin, View):
    """Create (no pk in the URL) or edit through the module's service; the form is a core.forms.ScopedModelForm."""

    form = None
    service: ModelService | None = None
    template_name = "core/object_edit.html"
    http_method_names = ["get", "post", "head", "options"]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.model is not None and cls.service is None:
            raise ImproperlyConfigured(
                f"{cls.__name__} writes {cls.model.__name__} and must name the service that performs its writes"
            )

    def get_form(self, obj):
        return self.form(
            self.request.POST or None, self.request.FILES or None, instance=obj, user=self.request.user
        )

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.object = self.get_object() if "pk" in kwargs else None
        self.require_write()
        return super().dispatch(request, *args, **kwargs)

    def get_object(self):
        # only what the user may change: an examiner or another institution's id answers 404
        base = self.queryset if self.queryset is not None else self.model._default_manager.all()
        return get_object_or_404(scope(base.all(), self.request.user), pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        return self.show(self.get_form(self.object))

    def post(self, request, *args, **kwargs):
        form = self.get_form(self.object)
        if form.is_valid():
            data = self.service.form_data(form)
            try:
                if self.object is None:
                    saved = self.service.create(request.user, data)
                else:
                    saved = self.service.update(self.object, request.user, data)
            except ValidationError as exc:
                apply_service_errors(request, form, exc)
            else:
                messages.success(request, _("%(object)s saved.") % {"object": saved})
                return redirect(self.success_url(saved))
        return self.show(form)

    def success_url(self, obj) -> str:
        return self.object_url(obj)

    def show(self, form, status: int = 200):
        context = {
            **self.base_context(),
            "form": form,
            "object": self.object,
            "title": (
                _("Edit %(object)s") % {"object": self.object}
                if self.object is not None
                else _("New %(model)s") % {"model": self.model._meta.verbose_name}
            ),
            "cancel_url": (
                self.object_url(self.object)
                if self.object is not None
                else (reverse(self.url_name("list")) if self.has_url("list") else None)
            ),
        }
        return render(self.request, self.template_name, context, status=status)


class ObjectDeleteView(ScopedObjectMixin, View):
    """GET asks for confirmation; POST deletes through the service (which may refuse: records kept for the
    regulator are retired, not deleted — the service's check_deletable says why)."""

    service: ModelService | None = None
    template_name = "core/object_delete.html"
    http_method_names = ["get", "post", "head", "options"]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.model is not None and cls.service is None:
            raise ImproperlyConfigured(
                f"{cls.__name__} deletes {cls.model.__name__} and must name its service"
            )

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        self.require_write()
        context = {
            **self.base_context(),
            "object": obj,
            "title": str(obj),
            "voids": self.voids(obj),
            "back_url": self.object_url(obj),
        }
        return render(request, self.template_name, context)

    def voids(self, obj) -> bool:
        """Is this a void (the row stays, marked voided) rather than a deletion?"""
        return voidable(obj) and retention.kept_for_record(type(obj))

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        self.require_write()
        try:
            self.service.delete(obj, request.user, reason=request.POST.get("reason", ""))
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
            return redirect(self.object_url(obj))
        if self.voids(obj):
            messages.success(request, _("%(object)s voided.") % {"object": obj})
            return redirect(self.object_url(obj))
        messages.success(request, _("%(object)s deleted.") % {"object": obj})
        return redirect(reverse(self.url_name("list")) if self.has_url("list") else reverse("dashboard"))


def void_view(model_class, model_service: ModelService, back="") -> type[ObjectDeleteView]:
    """The void page of a kept record (core.models.voidable.Voidable) written through `model_service`: GET asks
    for the reason, POST voids; after it the user goes back to the record's page, or to the page of the parent
    its attribute `back` names (a child record shown on its parent's page), or to the URL `back(obj)` returns
    (a record listed on a page that is no object's). Given to object_urls as `delete=` or routed as
    `<name>-delete`."""
    attrs = {"model": model_class, "service": model_service, "__module__": model_class.__module__}
    if callable(back):
        attrs["object_url"] = lambda self, obj: back(obj)
    elif back:
        attrs["object_url"] = lambda self, obj: getattr(obj, back).get_absolute_url()
    return type(f"{model_class.__name__}Void", (ObjectDeleteView,), attrs)


class ObjectRetireView(ScopedObjectMixin, View):
    """POST a reason: the service retires the record (core.models.voidable.Retirable) instead of deleting it."""

    service: ModelService | None = None
    http_method_names = ["post", "options"]

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        self.require_write()
        try:
            self.service.retire(obj, request.user, request.POST.get("reason", ""))
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, _("%(object)s retired.") % {"object": obj})
        return redirect(self.object_url(obj))


class ObjectTransitionView(ScopedObjectMixin, View):
    """POST `to_state` and the transition's inputs (reason, date, reference, file…): core.workflow.transition on
    the locked row; what is missing or refused comes back as a message naming it."""

    http_method_names = ["post", "options"]

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        self.require_write()
        to_state = request.POST.get("to_state", "")
        inputs = {
            k: v for k, v in request.POST.items() if k not in ("csrfmiddlewaretoken", "to_state", "next")
        }
        inputs.update({k: f for k, f in request.FILES.items()})
        try:
            workflow.transition(obj, to_state, request.user, **inputs)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, _("%(object)s moved.") % {"object": obj})
        from appgov.core.views.helpers import safe_next

        return redirect(safe_next(request, self.object_url(obj)))

    def get(self, request, *args, **kwargs):
        return HttpResponseNotAllowed(["POST"])


def object_urls(
    name: str, *, list=None, detail=None, edit=None, delete=None, transition=None, base: str = ""
):
    """URL patterns named `<name>-list|detail|add|edit|delete|transition` for the views given."""
    prefix = base or f"{name}s/"
    patterns = []
    if list is not None:
        patterns.append(path(prefix, list.as_view(url_base=name), name=f"{name}-list"))
    if edit is not None:
        patterns.append(path(f"{prefix}add/", edit.as_view(url_base=name), name=f"{name}-add"))
        patterns.append(path(f"{prefix}<int:pk>/edit/", edit.as_view(url_base=name), name=f"{name}-edit"))
    if detail is not None:
        patterns.append(path(f"{prefix}<int:pk>/", detail.as_view(url_base=name), name=f"{name}-detail"))
    if delete is not None:
        patterns.append(
            path(f"{prefix}<int:pk>/delete/", delete.as_view(url_base=name), name=f"{name}-delete")
        )
    if transition is not None:
        patterns.append(
            path(f"{prefix}<int:pk>/move/", transition.as_view(url_base=name), name=f"{name}-transition")
        )
    return patterns
