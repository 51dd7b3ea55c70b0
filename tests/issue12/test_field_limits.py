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
