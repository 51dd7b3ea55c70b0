"""Tables declared per module: the columns of a list page, how each cell shows, which columns sort, and the same
columns as a spreadsheet export. One way for every module (ObjectListView renders them with core/table.html).

    class PartyTable(Table):
        columns = [
            Column("name", link=True),
            Column("kind"),                      # a choice field shows its label
            Column("risk_tier", sortable=False),
            Column("institution__name", _("Institution")),
        ]
        default_order = "name"
"""

import datetime
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db import models
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

EMPTY = "—"


class Column:
    def __init__(
        self,
        accessor: str,
        header=None,
        *,
        link: bool = False,
        sortable: bool = True,
        order_by: str | None = None,
        render=None,
        regulator_only: bool = False,
    ):
        """`accessor` follows relations with "__" (institution__name); a callable attribute is called.
        `render(obj, value)` replaces the default formatting; `link` links the cell to obj.get_absolute_url()."""
        self.accessor = accessor
        self._header = header
        self.link = link
        self.sortable = sortable
        self.explicit_order = order_by is not None
        self.order_by = order_by or accessor
        self.render_func = render
        self.regulator_only = regulator_only  # e.g. the institution: shown to examiners, who see several
        self.name = accessor

    def bind(self, model) -> "Column":
        self.model = model
        if not self.explicit_order and (self.render_func is not None or self._field() is None):
            self.sortable = False  # a computed cell sorts only when order_by names the column that orders it
        return self

    @property
    def header(self) -> str:
        if self._header is not None:
            return str(self._header)
        field = self._field()
        return str(field.verbose_name) if field is not None else self.accessor.replace("_", " ")

    def _field(self):
        model = self.model
        parts = self.accessor.split("__")
        field = None
        for i, part in enumerate(parts):
            try:
                field = model._meta.get_field(part)
            except FieldDoesNotExist:
                return None
            if i < len(parts) - 1:
                if not field.is_relation:
                    return None
                model = field.related_model
        return field

    def raw(self, obj):
        value = obj
        parts = self.accessor.split("__")
        for i, part in enumerate(parts):
            if value is None:
                return None
            display = getattr(value, f"get_{part}_display", None)
            if i == len(parts) - 1 and callable(display):
                return display()
            value = getattr(value, part, None)
            if isinstance(value, models.Manager):
                return ", ".join(str(v) for v in value.all())
            if callable(value) and not isinstance(value, models.Model):
                value = value()
        return value

    def text(self, obj) -> str:
        """The cell as plain text (for spreadsheets and for the page)."""
        return as_text(self.raw(obj))

    def cell(self, obj):
        if self.render_func is not None:
            return self.render_func(obj, self.raw(obj))
        text = self.text(obj)
        if self.link and hasattr(obj, "get_absolute_url"):
            return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), text)
        return text


def as_text(value) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return str(_("Yes")) if value else str(_("No"))
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal | float):
        return formats.number_format(value)
    if isinstance(value, list | tuple | set):
        return "、".join(as_text(v) for v in value) or EMPTY
    return str(value)


class Table:
    columns: list[Column] = []
    model = None
    default_order: str = "-pk"
    per_page: int = 50
    html_id: str = ""  # the id of the <table> element (pages and browser tests find the table by it)

    def __init__(self, queryset, request=None, *, paginate: bool = True):
        self.model = self.model or queryset.model
        user = getattr(request, "user", None)
        regulator = bool(getattr(user, "is_regulator", False))
        self.bound = [c.bind(self.model) for c in self.columns if regulator or not c.regulator_only]
        self.request = request
        params = request.GET if request is not None else {}
        self.sort = self._valid_sort(params.get("sort", ""))
        ordering = self.sort or self.default_order
        queryset = queryset.order_by(*ordering.split(","), "pk")
        self.queryset = queryset
        if paginate:
            self.page = Paginator(queryset, self.per_page).get_page(params.get("page"))
            self.objects = list(self.page.object_list)
        else:
            self.page = None
            self.objects = queryset

    def _valid_sort(self, value: str) -> str:
        """Only a declared sortable column may order the list (a query string cannot order by any field)."""
        name = value.removeprefix("-")
        for column in self.bound:
            if column.sortable and column.name == name:
                return ("-" if value.startswith("-") else "") + column.order_by
        return ""

    @property
    def headers(self) -> list[dict]:
        current = self.request.GET.get("sort", "") if self.request is not None else ""
        result = []
        for column in self.bound:
            entry = {"label": column.header, "sortable": column.sortable, "sort": None, "direction": ""}
            if column.sortable:
                if current == column.name:
                    entry["sort"], entry["direction"] = f"-{column.name}", "asc"
                else:
                    entry["sort"] = column.name
                    entry["direction"] = "desc" if current == f"-{column.name}" else ""
            result.append(entry)
        return result

    @property
    def rows(self):
        for obj in self.objects:
            yield obj, [column.cell(obj) for column in self.bound]

    def export_rows(self):
        """Header row, then one row of plain text per object (the whole filtered list, not one page)."""
        yield [column.header for column in self.bound]
        for obj in self.queryset.iterator(chunk_size=500):
            yield [column.text(obj) for column in self.bound]
