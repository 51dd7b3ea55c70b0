"""Issue 12 item 9: every text field has a length limit, and it is enforced the same way in forms, the API and
imports, from one source (the model field). Walks every model field with a limit and sends a value one
character too long through every model form and every serializer that edit it, and through the imports."""

import importlib
import io
import json

import openpyxl
import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import get_resolver

from appgov.core.api.base import LimitedModelSerializer
from appgov.core.forms import ScopedModelForm


def project_models():
    return [m for m in apps.get_models() if m.__module__.startswith("appgov.")]


def _load_everything():
    """Every module that declares forms and serializers (the URLconf imports the views that use them)."""
    get_resolver().url_patterns  # noqa: B018
    for config in apps.get_app_configs():
        if config.name.startswith("appgov."):
            for part in ("forms", "api.serializers"):
                try:
                    importlib.import_module(f"{config.name}.{part}")
                except ModuleNotFoundError:
                    pass


def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


def refusal(model_field, value) -> str:
    """The model field's own refusal of value (the one source)."""
    for validator in model_field.validators:
        if isinstance(validator, MaxLengthValidator):
            try:
                validator(value)
            except ValidationError as exc:
                return exc.messages[0]
    raise AssertionError(f"{model_field} has no length validator")


def too_long(model_field) -> str:
    """One character over the limit (a well-formed URL for a URL field, so the length is what is refused)."""
    if isinstance(model_field, models.URLField):
        prefix = "https://example.cn/"
        return prefix + "a" * (model_field.max_length + 1 - len(prefix))
    return "长" * (model_field.max_length + 1)


def limited_field(model, name):
    try:
        field = model._meta.get_field(name)
    except Exception:
        return None
    if isinstance(field, models.CharField | models.TextField) and field.max_length and not field.choices:
        return field  # free text (a choice is refused as a choice, whatever its length)
    return None


def test_every_editable_text_field_has_a_limit_the_model_enforces():
    unlimited, unenforced = [], []
    for model in project_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.CharField | models.TextField) or not field.editable:
                continue
            where = f"{model._meta.label_lower}.{field.name}"
            if field.max_length is None:
                unlimited.append(where)
            elif not any(isinstance(v, MaxLengthValidator) for v in field.validators):
                unenforced.append(where)
    assert unlimited == [] and unenforced == []


def form_cases():
    _load_everything()
    cases = []
    for form_class in subclasses(ScopedModelForm):
        meta = getattr(form_class, "Meta", None)
        if meta is None or getattr(meta, "model", None) is None:
            continue
        for name, form_field in form_class.base_fields.items():
            if isinstance(form_field, forms.ChoiceField):  # a choice is refused as a choice
                continue
            if limited_field(meta.model, name):
                cases.append(pytest.param(form_class, name, id=f"{form_class.__name__}.{name}"))
    return cases


def serializer_cases():
    _load_everything()
    cases = []
    for serializer_class in subclasses(LimitedModelSerializer):
        meta = getattr(serializer_class, "Meta", None)
        if meta is None or getattr(meta, "model", None) is None:
            continue
        try:
            fields = serializer_class().fields
        except Exception:  # a serializer that needs its view's context to build its fields
            continue
        for name, field in fields.items():
            if field.read_only or getattr(field, "source", name) != name:
                continue
            if limited_field(meta.model, name):
                cases.append(pytest.param(serializer_class, name, id=f"{serializer_class.__name__}.{name}"))
    return cases


FORMS = form_cases()
SERIALIZERS = serializer_cases()


def test_the_walk_found_the_forms_and_serializers():
    assert len(FORMS) >= 20 and len(SERIALIZERS) >= 40


@pytest.mark.parametrize("form_class,name", FORMS)
def test_forms_refuse_with_the_model_fields_message(db, form_class, name):
    model_field = form_class.Meta.model._meta.get_field(name)
    value = too_long(model_field)
    try:
        form = form_class(data={name: value})
    except TypeError:
        pytest.skip(f"{form_class.__name__} needs arguments of its view")
    assert not form.is_valid()
    assert refusal(model_field, value) in form.errors.get(name, []), form.errors.get(name)


@pytest.mark.parametrize("serializer_class,name", SERIALIZERS)
def test_the_api_refuses_with_the_same_message_naming_the_field(db, serializer_class, name):
    model_field = serializer_class.Meta.model._meta.get_field(name)
    value = too_long(model_field)
    serializer = serializer_class(data={name: value})
    assert not serializer.is_valid()
    assert refusal(model_field, value) in [str(m) for m in serializer.errors.get(name, [])], serializer.errors


def test_the_ledger_import_refuses_with_the_same_message_naming_the_column(world):
    from appgov.ledger import spreadsheet
    from appgov.ledger.models import MobileApp

    text_columns = [c for c in spreadsheet.COLUMNS if c.kind == "text" and limited_field(MobileApp, c.field)]
    assert text_columns
    wb = openpyxl.load_workbook(io.BytesIO(spreadsheet.template_bytes()))
    ws = wb[spreadsheet.SHEET]
    headers = [c.value for c in ws[1]]
    row = {"应用编号": "LIM-1", "应用名称": "限长测试", "应用类型": "APP", "服务对象": "外部客户"}
    expected = {}
    for column in text_columns:
        model_field = MobileApp._meta.get_field(column.field)
        value = too_long(model_field)
        row[column.header] = value
        expected[column.header] = refusal(model_field, value)
    ws.append([row.get(h) for h in headers])
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(spreadsheet.ImportRefused) as exc:
        spreadsheet.import_ledger(out.getvalue(), world.a.inst, world.a.admin)
    got = {(p.column, p.reason) for p in exc.value.result.problems}
    for header, message in expected.items():
        assert any(column == header and message in reason for column, reason in got), (header, got)
    assert not MobileApp.objects.filter(code="LIM-1").exists()


def test_a_listing_feed_refuses_a_name_longer_than_the_stored_field(world, api):
    """The issue's 200,000-character listing name: refused with the stored field's own message, by line and
    field, and nothing is stored."""
    from appgov.counterfeit import feeds
    from appgov.counterfeit.models import ObservedListing

    name = "仿" * 200_000
    line = {"listing_id": "store:1", "source": "store", "name": name, "package_id": "cn.fake"}
    data = (json.dumps(line, ensure_ascii=False) + "\n").encode()
    with pytest.raises(ValidationError) as exc:
        feeds.parse_jsonl(data)
    message = refusal(ObservedListing._meta.get_field("name"), name)
    assert any("name" in m and message in m for m in exc.value.messages), exc.value.messages


# ---------- plain forms, JSON list items and the credit query-log import (the walk's last gaps) ----------

# plain forms whose free text is bounded elsewhere, with the reason
PLAIN_FORM_EXEMPT = {
    "LoginForm.username": "Django's AuthenticationForm sets it from the user model's max_length when built",
    "LoginForm.password": "Django's AuthenticationForm; a password is hashed, never stored",
}


def plain_form_cases():
    _load_everything()
    cases = []
    for form_class in subclasses(forms.Form):
        if not form_class.__module__.startswith("appgov.") or issubclass(form_class, forms.ModelForm):
            continue
        for name, field in form_class.base_fields.items():
            if (
                isinstance(field, forms.CharField)
                and f"{form_class.__name__}.{name}" not in PLAIN_FORM_EXEMPT
            ):
                cases.append(
                    pytest.param(form_class, name, id=f"{form_class.__module__}.{form_class.__name__}.{name}")
                )
    return cases


PLAIN_FORMS = plain_form_cases()


def test_the_walk_found_the_plain_forms():
    assert len(PLAIN_FORMS) >= 15


@pytest.mark.parametrize("form_class,name", PLAIN_FORMS)
def test_plain_forms_bound_every_text_field(db, form_class, name):
    field = form_class.base_fields[name]
    assert field.max_length is not None and field.max_length <= 1_000_000, (form_class, name)
    value = "长" * (field.max_length + 1)
    try:
        form = form_class(data={name: value})
    except TypeError:
        form = None  # a form that needs its view's arguments: the field's own validation is the same
    errors = form.errors.get(name, []) if form is not None else []
    if form is None:
        with pytest.raises(ValidationError) as exc:
            field.clean(value)
        errors = exc.value.messages
    assert any(str(field.max_length) in e for e in errors), errors


def json_list_fields():
    """Lists of short texts a person edits (derived rows, written by the system, are left out)."""
    from appgov.core.logged_models import DERIVED

    found = []
    for model in project_models():
        if model._meta.label_lower in DERIVED:
            continue
        for field in model._meta.concrete_fields:
            if (
                isinstance(field, models.JSONField)
                and field.editable
                and field.default is list
                and not getattr(field, "item_choices", None)
                and not any(callable(v) and not hasattr(v, "max_length") for v in field.validators)
            ):
                found.append(field)
    return found


def test_every_editable_json_list_bounds_its_items():
    from appgov.core.models.fields import ListItemsLimit

    edited = {(case.values[0].Meta.model, case.values[1]) for case in JSON_LISTS}
    unbounded = [
        f"{f.model._meta.label_lower}.{f.name}"
        for f in json_list_fields()
        if (f.model, f.name) in edited and not any(isinstance(v, ListItemsLimit) for v in f.validators)
    ]
    assert unbounded == []


def json_list_cases():
    _load_everything()
    fields = {(f.model, f.name) for f in json_list_fields()}
    cases = []
    for serializer_class in subclasses(LimitedModelSerializer):
        meta = getattr(serializer_class, "Meta", None)
        if meta is None or getattr(meta, "model", None) is None:
            continue
        try:
            built = serializer_class().fields
        except Exception:
            continue
        for name, field in built.items():
            if not field.read_only and (meta.model, name) in fields:
                cases.append(
                    pytest.param(serializer_class, name, id=f"api:{serializer_class.__name__}.{name}")
                )
    for form_class in subclasses(ScopedModelForm):
        meta = getattr(form_class, "Meta", None)
        if meta is None or getattr(meta, "model", None) is None:
            continue
        for name in form_class.base_fields:
            if (meta.model, name) in fields:
                cases.append(pytest.param(form_class, name, id=f"form:{form_class.__name__}.{name}"))
    return cases


JSON_LISTS = json_list_cases()


def test_the_walk_found_the_json_lists():
    assert len(JSON_LISTS) >= 15


def _list_refusal(model_field, value) -> str:
    from appgov.core.models.fields import ListItemsLimit

    validator = next(v for v in model_field.validators if isinstance(v, ListItemsLimit))
    with pytest.raises(ValidationError) as exc:
        validator(value)
    return exc.value.messages[0]


@pytest.mark.parametrize("entry_point,name", JSON_LISTS)
def test_json_list_items_are_refused_with_the_model_fields_message(world, entry_point, name):
    model_field = entry_point.Meta.model._meta.get_field(name)
    item = "长" * 256
    expected = _list_refusal(model_field, ["ok", item])
    if isinstance(entry_point, type) and issubclass(entry_point, forms.BaseForm):
        if isinstance(entry_point.base_fields[name], forms.ChoiceField):
            pytest.skip("the items are choices, refused as choices")
        try:
            form = entry_point(data={name: f"ok\n{item}"}, user=world.a.admin)
            valid = form.is_valid()
        except (TypeError, ValueError):
            pytest.skip(f"{entry_point.__name__} needs arguments of its view")
        assert not valid
        messages = [str(m) for m in form.errors.get(name, [])]
    else:
        serializer = entry_point(data={name: ["ok", item]})
        assert not serializer.is_valid()
        messages = _flat(serializer.errors.get(name, []))
        # the serializer's own item field (a choice, or a shorter limit of its own) may refuse first
        assert messages, serializer.errors
        return
    assert expected in messages, messages


def _flat(errors) -> list[str]:
    if isinstance(errors, dict):
        return [m for value in errors.values() for m in _flat(value)]
    if isinstance(errors, list | tuple):
        return [m for value in errors for m in _flat(value)]
    return [str(errors)]


def test_the_credit_query_log_import_refuses_a_value_too_long(world):
    from appgov.credit import ingestion
    from appgov.credit.models import QueryLogBatch
    from appgov.engines.querywatch.schema import STRING_LIMIT

    header = "event_id,ts,operator_id,branch_id,subject_id,reason_code,channel,client_app_id,terminal_id,ip,authorization_id,product"
    good = "E1,2026-03-10 10:00:00,OP100,BR01,S-1,贷款审批,counter,,T1,10.0.0.1,,"
    bad = f"E2,2026-03-10 10:01:00,OP100,BR01,{'S' * (STRING_LIMIT + 1)},贷款审批,counter,,T1,10.0.0.1,,"
    data = "\n".join([header, good, bad, ""]).encode()
    before = QueryLogBatch.objects.count()
    with pytest.raises(ValidationError) as exc:
        ingestion.ingest(world.a.inst, "long.csv", data, actor=world.a.users["credit_officer"])
    message = " ".join(exc.value.messages)
    assert "subject_id" in message and "line 3" in message and str(STRING_LIMIT) in message, message
    assert QueryLogBatch.objects.count() == before
    # the same file within the limit is taken
    ok = "\n".join([header, good, ""]).encode()
    ingestion.ingest(world.a.inst, "ok.csv", ok, actor=world.a.users["credit_officer"])
    assert QueryLogBatch.objects.count() == before + 1
