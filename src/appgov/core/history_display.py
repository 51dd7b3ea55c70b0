"""How a change-log value reads on a page: choice labels instead of codes, names instead of ids, local time
instead of ISO UTC, yes/no, lists joined; never Python's repr (None, ['…'], {'…': …})."""

import datetime
import json

from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

EMPTY = "—"


def _fields(model) -> dict:
    by_key = {f.attname: f for f in model._meta.concrete_fields}
    by_key.update({f.name: f for f in model._meta.concrete_fields})
    by_key.update({f.name: f for f in model._meta.many_to_many})
    return by_key


def _related_names(model, ids) -> dict:
    try:
        rows = model._default_manager.filter(pk__in=[i for i in ids if i is not None])
        return {str(row.pk): str(row) for row in rows}
    except (TypeError, ValueError):
        return {}


def local_time(value: datetime.datetime) -> str:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")


def plain(value) -> str:
    """Any stored value as text, without Python's repr."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, datetime.datetime):
        return local_time(value)
    if isinstance(value, str):
        parsed = parse_datetime(value) if "T" in value and len(value) >= 16 else None
        return local_time(parsed) if parsed else value
    if isinstance(value, list | tuple | set):
        return "、".join(plain(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}: {plain(v)}" for k, v in value.items())
    return str(value)


def display(model, key: str, values: list) -> list[str]:
    """The values of one field of the model (in a change-log snapshot) as a reader sees them."""
    field = _fields(model).get(key) if model is not None else None
    if field is None:
        return [plain(v) for v in values]
    if field.choices:
        labels = {str(k): str(v) for k, v in field.flatchoices}
        return [EMPTY if v in (None, "") else labels.get(str(v), plain(v)) for v in values]
    if isinstance(field, models.ForeignKey | models.OneToOneField):
        names = _related_names(field.related_model, values)
        return [EMPTY if v is None else names.get(str(v), f"#{v}") for v in values]
    if isinstance(field, models.ManyToManyField):
        ids = {i for v in values if isinstance(v, list) for i in v}
        names = _related_names(field.related_model, ids)
        return ["、".join(names.get(str(i), f"#{i}") for i in v) if v else EMPTY for v in values]
    item_labels = getattr(field, "item_choices", None)  # a list field whose items are choices (platforms)
    if item_labels:
        labels = {str(k): str(lab) for k, lab in item_labels}
        return [_labelled_items(v, labels) for v in values]
    if isinstance(field, models.JSONField):
        return [plain(json.loads(v) if isinstance(v, str) and v[:1] in "[{" else v) for v in values]
    return [plain(v) for v in values]


def _labelled_items(value, labels: dict) -> str:
    """A list of codes, or a dict keyed by codes (counts by outcome), with each code by its label."""
    if isinstance(value, list) and value:
        return "、".join(labels.get(str(i), str(i)) for i in value)
    if isinstance(value, dict) and value:
        return "；".join(f"{labels.get(str(k), k)}: {plain(v)}" for k, v in value.items())
    return plain(value)


def display_names(entries) -> None:
    """Set ``entry.name`` of each change-log entry: the stored name (object_repr, as it read when written), or,
    for a model whose name the system makes from codes and dates (``changelog_name_at_display``: a tuple of the
    relations its name reads), the live object's name in the reader's language; the stored one if it is gone.
    An "Evaluation of …" written by a job or an English session reads 评估 … to a Chinese reader."""
    from django.apps import apps

    entries = list(entries)
    wanted: dict[str, set] = {}
    for entry in entries:
        entry.name = entry.object_repr
        wanted.setdefault(entry.object_type, set()).add(entry.object_id)
    names: dict[tuple[str, str], str] = {}
    for object_type, ids in wanted.items():
        try:
            model = apps.get_model(object_type)
        except (LookupError, ValueError):
            continue
        related = getattr(model, "changelog_name_at_display", None)
        if related is None:
            continue
        try:
            rows = model._base_manager.select_related(*related).filter(pk__in=ids)
            names.update({(object_type, str(row.pk)): str(row) for row in rows})
        except (TypeError, ValueError):
            continue
    for entry in entries:
        entry.name = names.get((entry.object_type, entry.object_id), entry.object_repr)


def type_label(object_type: str) -> str:
    """A change-log entry's object type ("ledger.mobileapp") by its model's verbose name (移动应用)."""
    from django.apps import apps

    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return object_type
