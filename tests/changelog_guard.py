"""A pytest plugin: no write by project code to a logged model may leave the change log without an entry.

While each test body runs, every write is recorded — post_save, post_delete, m2m_changed, and the
queryset writes that send no signal (update, bulk_create, bulk_update, delete) — when project code under
src/appgov (not a test, not a demo loader or fixture builder) made it. After the body, each written row of a
model that core.logged_models does not list as derived must have a change-log entry written during the test;
otherwise the test fails naming the model, the row and the line of project code that wrote it.
"""

import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[1] / "src" / "appgov") + "/"
# Project code that builds data for a person to try (demo) is seeded, not a change someone made.
UNGUARDED = ("/demo.py", "/management/commands/demo.py", "/engines/")


def _writer():
    """Where project code asked the ORM for this write (file:line), or None when the ORM was called by a
    library (Django's own auth recording a login) or by a test."""
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if name == __file__ or "/django/db/" in name or "/django/dispatch/" in name:
            frame = frame.f_back
            continue
        if not name.startswith(SRC) or any(part in name for part in UNGUARDED):
            return None
        return f"{name[len(SRC) :]}:{frame.f_lineno}"
    return None


def _row(model, pk):
    from appgov.core import changelog

    obj = model._default_manager.filter(pk=pk).first()
    return None if obj is None else _comparable(model, changelog.snapshot(obj))


def _comparable(model, snap: dict) -> dict:
    stamps = {f.attname for f in model._meta.concrete_fields if getattr(f, "auto_now", False)}
    return {k: v for k, v in snap.items() if k not in stamps}


class Recorder:
    def __init__(self):
        self.writes: dict[tuple[str, str], str] = {}
        self.kinds: dict[tuple[str, str], tuple] = {}  # what each write left, to tell a rolled-back one
        self.models: dict[str, type] = {}

    def add(self, model, pks, where, kind=("any",)):
        from appgov.core.logged_models import DERIVED

        label = model._meta.label_lower
        if not model.__module__.startswith("appgov."):  # every project app's models, new modules included
            return
        if label in DERIVED:
            return
        self.models[label] = model
        for pk in pks:
            if pk is not None:
                self.writes.setdefault((label, str(pk)), where)
                self.kinds[(label, str(pk))] = kind

    def stuck(self, label, pk) -> bool:
        """Whether the recorded write is still in the database (not rolled back with its savepoint, not a save
        that changed nothing)."""
        kind, model = self.kinds[(label, pk)], self.models[label]
        row = _row(model, pk)
        if kind[0] == "save":
            return row is not None and row == kind[1]
        if kind[0] == "update":
            return row is not None and all(row.get(k, v) == v for k, v in kind[1].items())
        if kind[0] == "delete":
            return row is None
        return True


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    if "django_db_setup" not in getattr(item, "fixturenames", ()) and "db" not in getattr(
        item, "fixturenames", ()
    ):
        return (yield)
    if item.get_closest_marker("unlogged_writes"):
        return (yield)
    from django.db.models import QuerySet, signals

    from appgov.core.models import ChangeLogEntry, ChangeLogHead

    try:
        start = ChangeLogHead.objects.filter(pk=1).values_list("last_seq", flat=True).first() or 0
    except Exception:  # no database access in this test
        return (yield)
    rec = Recorder()

    from appgov.core import changelog

    before: dict[int, dict | None] = {}

    def on_pre_save(sender, instance, raw=False, **kwargs):
        if not raw and instance.pk is not None and _writer():
            before[id(instance)] = _row(sender, instance.pk)

    def on_save(sender, instance, raw=False, created=False, **kwargs):
        where = _writer()
        if where and not raw:
            after = _comparable(sender, changelog.snapshot(instance))
            if not created and before.pop(id(instance), None) == after:
                return  # saved without a change: nothing to log
            rec.add(sender, [instance.pk], where, ("save", after))

    def on_delete(sender, instance, **kwargs):
        where = _writer()
        if where:
            rec.add(sender, [instance.pk], where, ("delete",))

    def on_m2m(sender, instance, action, **kwargs):
        if action.startswith("post_"):
            where = _writer()
            if where:
                rec.add(type(instance), [instance.pk], where)

    originals = {name: getattr(QuerySet, name) for name in ("update", "bulk_create", "bulk_update", "delete")}

    def update(self, **kwargs):
        where = _writer()
        if where:
            from django.db.models import Expression

            plain = {}
            for k, v in kwargs.items():
                if isinstance(v, Expression):
                    continue
                field = self.model._meta.get_field(k)
                plain[field.attname] = changelog._json_value(v.pk if hasattr(v, "pk") else v)
            rec.add(self.model, list(self.values_list("pk", flat=True)), where, ("update", plain))
        return originals["update"](self, **kwargs)

    def bulk_create(self, objs, *args, **kwargs):
        result = originals["bulk_create"](self, objs, *args, **kwargs)
        where = _writer()
        if where:
            for o in result:
                rec.add(self.model, [o.pk], where, ("save", _comparable(self.model, changelog.snapshot(o))))
        return result

    def bulk_update(self, objs, *args, **kwargs):
        where = _writer()
        if where:
            rec.add(self.model, [o.pk for o in objs], where)
        return originals["bulk_update"](self, objs, *args, **kwargs)

    def delete(self):
        where = _writer()
        if where:
            rec.add(self.model, list(self.values_list("pk", flat=True)), where, ("delete",))
        return originals["delete"](self)

    signals.pre_save.connect(on_pre_save, weak=False, dispatch_uid="clguard-pre-save")
    signals.post_save.connect(on_save, weak=False, dispatch_uid="clguard-save")
    signals.post_delete.connect(on_delete, weak=False, dispatch_uid="clguard-delete")
    signals.m2m_changed.connect(on_m2m, weak=False, dispatch_uid="clguard-m2m")
    for name, func in (
        ("update", update),
        ("bulk_create", bulk_create),
        ("bulk_update", bulk_update),
        ("delete", delete),
    ):
        setattr(QuerySet, name, func)
    try:
        result = yield
    finally:
        signals.pre_save.disconnect(dispatch_uid="clguard-pre-save")
        signals.post_save.disconnect(dispatch_uid="clguard-save")
        signals.post_delete.disconnect(dispatch_uid="clguard-delete")
        signals.m2m_changed.disconnect(dispatch_uid="clguard-m2m")
        for name, func in originals.items():
            setattr(QuerySet, name, func)
    if rec.writes:
        try:
            logged = set(ChangeLogEntry.objects.filter(seq__gt=start).values_list("object_type", "object_id"))
            missing = {
                key: where for key, where in rec.writes.items() if key not in logged and rec.stuck(*key)
            }
        except Exception:  # the test broke the transaction on purpose; its own assertion decides
            return result
        if missing:
            lines = [f"{label} #{pk} written at {where}" for (label, pk), where in sorted(missing.items())]
            raise AssertionError(
                "writes the change log never saw (log them in the service, or declare the model derived in "
                "core/logged_models.py with the reason):\n  " + "\n  ".join(lines[:20])
            )
    return result
