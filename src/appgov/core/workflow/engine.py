"""Moving an object along its workflow: judged on the row as it is now (locked), refused naming what is
missing or which role may not, and written with exactly one change-log entry of action "transition"."""

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from appgov.core import changelog
from appgov.core import services as core_services
from appgov.core.models import ChangeLogEntry
from appgov.core.roles import Role

from . import inputs as input_kinds
from .registry import workflow_for
from .spec import Label, Transition, Workflow


@dataclass(frozen=True)
class MissingItem:
    """One thing a move waits for: a required input or a guard not (yet) satisfied."""

    id: str  # the input's or the guard's name
    label: dict  # {"zh": ..., "en": ...}, as the API's missing_items carry it
    message: str
    key: str = NON_FIELD_ERRORS  # the input or field it is filed under in the refusal

    @property
    def title(self) -> str:
        return str(Label(**self.label))


class TransitionRefused(ValidationError):
    """The move exists from the current state but something is missing; `.missing` lists every item."""

    def __init__(self, transition: Transition, missing: list[MissingItem]):
        self.transition, self.missing = transition, missing
        errors: dict[str, list[str]] = {}
        for item in missing:
            errors.setdefault(item.key, []).append(item.message)
        super().__init__(errors)


class WrongState(ValidationError):
    """No such move from the state the object is in now."""

    def __init__(self, message: str, from_state: str, to_state: str):
        self.from_state, self.to_state = from_state, to_state
        super().__init__(message)


@dataclass
class Move:
    """A move the actor may make from the object's current state, and what it still waits for."""

    transition: Transition
    missing: list[MissingItem] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.transition.name

    @property
    def to_state(self) -> str:
        return self.transition.target

    @property
    def label(self) -> str:
        return str(self.transition.label)

    @property
    def ready(self) -> bool:
        """Nothing missing now; required inputs are still to be given with the move."""
        return not self.missing


def transition(obj: models.Model, to_state: str, actor=None, **given) -> models.Model:
    """Move obj to to_state as actor, with the transition's inputs; returns the object as stored.

    The caller's copy may be stale: the move is judged on the row re-read under a lock, and the caller's
    copy is refreshed afterwards so that it cannot later save the old state back.
    """
    workflow, rules = workflow_for(obj)
    core_services.check_can_write(actor, obj)  # role for the model and the actor's own institution
    with transaction.atomic():
        current = core_services.lock(obj)
        core_services.refuse_voided(current)  # a voided mistaken entry moves no further
        from_state = getattr(current, workflow.field)
        step = workflow.find(from_state, to_state)
        if step is None:
            raise _wrong_state(workflow, current, from_state, to_state)
        _check_role(step, actor)
        values, missing = _read_inputs(step, given)
        refusals, waiting = _run_guards(step, rules, current, actor, values)
        if refusals:
            raise PermissionDenied(" ".join(refusals))
        missing += waiting
        if missing:
            raise TransitionRefused(step, missing)
        before = changelog.snapshot(current)
        setattr(current, workflow.field, to_state)
        _assign_inputs(current, step, values)
        for name in step.apply:
            rules.effects[name](current, actor, values, step)
        _validate_changed(current, before)
        current.save()
        after = changelog.snapshot(current)
        after["transition"] = {
            "name": step.name,
            "from": from_state,
            "to": to_state,
            "inputs": {k: input_kinds.json_safe(v) for k, v in values.items() if v is not None},
        }
        changelog.record(current, ChangeLogEntry.Action.TRANSITION, before, after, actor)
        for name in step.after:
            rules.effects[name](current, actor, values, step, from_state)
    if obj is not current and obj.pk is not None:
        obj.refresh_from_db()
    return current


def available(obj: models.Model, actor=None) -> list[Move]:
    """The moves actor may make now from obj's state, each with what it is missing (for pages and the API).

    Moves the actor's role may never make are left out; guards see only the inputs' defaults."""
    workflow, rules = workflow_for(obj)
    try:
        core_services.check_can_write(actor, obj)
    except PermissionDenied:
        return []
    moves = []
    for step in workflow.from_state(getattr(obj, workflow.field)):
        if not _role_allowed(step, actor):
            continue
        values, _missing_inputs = _read_inputs(step, {})
        refusals, waiting = _run_guards(step, rules, obj, actor, values)
        if not refusals:
            moves.append(Move(step, waiting))
    return moves


def _wrong_state(workflow: Workflow, obj, from_state: str, to_state: str) -> WrongState:
    into = workflow.into(to_state)
    hint = next((t.refused for t in into if t.refused is not None), None)
    if hint is not None:
        return WrongState(str(hint), from_state, to_state)
    labels = dict(obj._meta.get_field(workflow.field).choices)
    return WrongState(
        _("A %(model)s in state “%(from)s” cannot move to “%(to)s”.")
        % {
            "model": obj._meta.verbose_name,
            "from": labels.get(from_state, from_state),
            "to": labels.get(to_state, to_state),
        },
        from_state,
        to_state,
    )


def _role_allowed(step: Transition, actor) -> bool:
    return actor is None or step.roles is None or actor.role in step.roles


def _check_role(step: Transition, actor) -> None:
    if not _role_allowed(step, actor):
        allowed = "、".join(str(Role(r).label) for r in sorted(step.roles))
        raise PermissionDenied(
            _("The role “%(role)s” may not %(move)s (roles that may: %(roles)s).")
            % {"role": actor.get_role_display(), "move": step.label, "roles": allowed}
        )


def _read_inputs(step: Transition, given: dict) -> tuple[dict, list[MissingItem]]:
    values, missing = {}, []
    for name, value in given.items():
        if step.input(name) is None and value not in (None, "", False):
            missing.append(
                MissingItem(
                    name,
                    {"zh": name, "en": name},
                    _("“%(move)s” takes no %(name)s.") % {"move": step.label, "name": name},
                    name,
                )
            )
    for spec in step.inputs:
        try:
            value = input_kinds.read(spec, given.get(spec.name))
        except ValueError as exc:
            missing.append(MissingItem(spec.name, _as_dict(spec.label), str(exc), spec.name))
            continue
        if value is None and spec.required:
            missing.append(
                MissingItem(
                    spec.name, _as_dict(spec.label), _("Missing: %(what)s.") % {"what": spec.label}, spec.name
                )
            )
        values[spec.name] = value
    return values, missing


def _run_guards(step, rules, obj, actor, values) -> tuple[list[str], list[MissingItem]]:
    """Messages of failed permission guards, and the items the failed other guards report missing."""
    refusals, missing = [], []
    for guard in step.guards:
        found = rules.guards[guard.name](obj, actor, values)
        if found is None or found is True or found == "" or found == []:
            continue
        messages = [str(guard.label)] if found is False else [found] if isinstance(found, str) else found
        if guard.permission:
            refusals += [str(m) for m in messages]
        else:
            key = guard.field or NON_FIELD_ERRORS
            missing += [MissingItem(guard.name, _as_dict(guard.label), str(m), key) for m in messages]
    return refusals, missing


def _assign_inputs(obj, step: Transition, values: dict) -> None:
    for spec in step.inputs:
        value = values.get(spec.name)
        if spec.field is None or value is None:
            continue
        model_field = obj._meta.get_field(spec.field)
        if isinstance(model_field, models.FileField):
            model_field.save_form_data(obj, value)
        else:
            setattr(obj, model_field.attname, value)


def _validate_changed(obj, before: dict) -> None:
    """The fields this move changed are valid for their model field (length, choices, ...)."""
    after = changelog.snapshot(obj)
    changed = {k for k in after if before.get(k) != after.get(k)}
    names = {f.name for f in obj._meta.concrete_fields if f.attname in changed}
    exclude = [f.name for f in obj._meta.concrete_fields if f.name not in names]
    obj.clean_fields(exclude=exclude)


def _as_dict(label: Label) -> dict:
    return {"zh": label.zh, "en": label.en}
