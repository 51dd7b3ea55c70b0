"""All writes and business rules of the ledger. Plain values in; views, API, imports and jobs call these."""

import hashlib
import tempfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import services as core_services
from appgov.core import workflow
from appgov.core.roles import Role

from . import gates, miniprogram_package, package_kind
from .models import (
    AppVersion,
    Channel,
    GateEvidence,
    Listing,
    MobileApp,
    PublishingAccount,
    Vulnerability,
)
from .models.choices import LifecycleState, SupportStatus
from .signals import package_attached

save = core_services.save
update = core_services.update
delete = core_services.delete


class GateRefused(ValidationError):
    """A lifecycle transition whose checklist is not complete; `.missing` lists the gate items."""

    def __init__(self, app, transition, missing, details=None):
        self.app, self.transition, self.missing = app, transition, missing
        # details: item id -> the parts a check named missing (a release dossier's missing reviews …)
        self.details = details or {}
        names = "；".join(self.item_texts())
        super().__init__(
            _("Cannot %(action)s: missing %(items)s") % {"action": transition.title, "items": names}
        )

    def item_texts(self) -> list[str]:
        """Each missing item's title, with the parts its check named missing (a dossier's missing reviews …)."""
        return [
            f"{item.title}（{'；'.join(self.details[item.id])}）" if self.details.get(item.id) else item.title
            for item in self.missing
        ]


@dataclass
class GateStatus:
    transition: gates.Transition
    items: list[tuple[gates.GateItem, bool]]

    @property
    def ready(self) -> bool:
        return all(ok for _item, ok in self.items)


def gate_status(app: MobileApp) -> list[GateStatus]:
    evidence_items = set(app.gate_evidence(manager="counting").values_list("item", flat=True))
    return [
        GateStatus(t, [(item, gates.item_satisfied(app, item, evidence_items)) for item in t.items])
        for t in gates.transitions_from(app.state)
    ]


def transition(app: MobileApp, to_state: str, actor=None, note: str = "") -> MobileApp:
    """Move an app to another lifecycle state if the gate allows it; refused with the missing items otherwise.

    The move is core.workflow's (workflows/lifecycle.yaml with the gates of gates.yaml); this keeps the
    ledger's refusals: GateRefused naming the gate items, and the plain refusal of a move not in the file."""
    try:
        return workflow.transition(app, to_state, actor, note=note)
    except workflow.WrongState as exc:
        raise ValidationError(
            _("No transition from %(a)s to %(b)s")
            % {"a": LifecycleState(exc.from_state).label, "b": to_state}
        ) from None
    except workflow.TransitionRefused as exc:
        step = next(
            t for t in gates.transitions() if t.action == exc.transition.name and t.to_state == to_state
        )
        ids = {item.id for item in exc.missing}
        if not ids <= {item.id for item in step.items}:
            raise  # a refusal about the move's inputs, not its checklist
        details: dict[str, list[str]] = {}
        for found in exc.missing:
            if found.message != found.title:
                details.setdefault(found.id, []).append(found.message)
        raise GateRefused(app, step, [item for item in step.items if item.id in ids], details) from None


def record_gate_evidence(
    app: MobileApp, item: str, reference: str, actor=None, file=None, version=None, dated_on=None
) -> GateEvidence:
    """Record gate evidence; release evidence names the version it was made for, or carries its date
    (it then counts for versions registered before that date, NFRA-08.4)."""
    gate_item = gates.evidence_item(item)
    if gate_item is None:
        raise ValidationError({"item": _("Unknown gate evidence item: %(item)s") % {"item": item}})
    check_gate_evidence_role(gate_item, actor)
    if version is not None and version.app_id != app.pk:
        raise ValidationError({"version": _("The version belongs to another app.")})
    evidence = GateEvidence(
        app=app, item=item, reference=reference, recorded_by=actor, version=version, dated_on=dated_on
    )
    if file is not None:
        evidence.file = file
    return save(evidence, actor)


def check_gate_evidence_role(gate_item: gates.GateItem, actor) -> None:
    """Gate evidence is recorded by the role the gate names (gates.yaml), or by the administrator; the system
    (actor None: a job, an import run by the operator, the demo) may record any."""
    if actor is None or actor.role == Role.ADMINISTRATOR or actor.role in gate_item.roles:
        return
    allowed = "、".join(str(Role(r).label) for r in sorted(gate_item.roles))
    raise PermissionDenied(
        _("The role “%(role)s” may not record “%(item)s” (roles that may: %(roles)s).")
        % {"role": actor.get_role_display(), "item": gate_item.title, "roles": allowed}
    )


def attach_package(version: AppVersion, uploaded, actor=None) -> AppVersion:
    """Store an uploaded package with its SHA-256 and size; refuses files over the configured limit and files
    that are not a package of the version's platform (package_kind)."""
    # Checked before anything reaches storage, so a refused user cannot leave files in another's area.
    core_services.check_can_write(actor, version)
    limit = settings.APPGOV_MAX_PACKAGE_BYTES
    digest, size, head = hashlib.sha256(), 0, b""
    with tempfile.NamedTemporaryFile() as spool:  # named: a mini-program package is read in full by path
        for chunk in (
            uploaded.chunks() if hasattr(uploaded, "chunks") else iter(lambda: uploaded.read(1 << 20), b"")
        ):
            size += len(chunk)
            if size > limit:
                raise ValidationError({"package": _("The package is larger than %(n)d bytes") % {"n": limit}})
            if len(head) < package_kind.HEAD_BYTES:
                head += chunk[: package_kind.HEAD_BYTES - len(head)]
            digest.update(chunk)
            spool.write(chunk)
        if size == 0:
            raise ValidationError({"package": _("The package file is empty")})
        not_a_package = package_kind.refusal(head, version.platform)
        name = getattr(uploaded, "name", "package.bin").rsplit("/", 1)[-1] or "package.bin"
        if not not_a_package and version.platform in package_kind.MINI_PROGRAM_PLATFORMS:
            spool.flush()
            kind = package_kind.kind_of(head)
            not_a_package = miniprogram_package.refusal(spool.name, name, kind, version.platform, version.app)
            name = miniprogram_package.stored_name(name, kind, version.platform)
        if not_a_package:
            raise ValidationError({"package": not_a_package})
        spool.seek(0)
        version.package_sha256 = digest.hexdigest()
        version.package_size = size
        version.package.save(name, File(spool), save=False)
    try:
        version = save(version, actor)
    except Exception:
        version.package.delete(save=False)  # nothing half-written: no orphan file when the row is refused
        raise
    package_attached.send(sender=AppVersion, version=version, actor=actor)
    return version


def review_version_support(today=None) -> int:
    """Daily: versions whose support ended become deprecated. Returns how many changed."""
    today = today or timezone.localdate()
    changed = 0
    due = AppVersion.objects.filter(support_status=SupportStatus.SUPPORTED, support_ends_on__lt=today)
    for version in due.select_related("app"):
        version.support_status = SupportStatus.DEPRECATED
        save(version, None)
        changed += 1
    return changed


class AppService(core_services.ModelService):
    """Apps: the lifecycle state moves only through `transition` (gates), never through an edit."""

    model = MobileApp

    def update(self, obj, actor, data: dict):
        data.pop("state", None)
        return super().update(obj, actor, data)


class GateEvidenceService(core_services.ModelService):
    model = GateEvidence

    def create(self, actor, data: dict):
        return record_gate_evidence(
            data["app"],
            data["item"],
            data.get("reference", ""),
            actor,
            data.get("file"),
            version=data.get("version"),
            dated_on=data.get("dated_on"),
        )


class VersionService(core_services.ModelService):
    model = AppVersion

    def retire_changes(self, obj) -> dict:
        return {"support_status": SupportStatus.RETIRED}


apps = AppService()
versions = VersionService()
gate_evidence = GateEvidenceService()
channels = core_services.ModelService(Channel)
listings = core_services.ModelService(Listing)
publishing_accounts = core_services.ModelService(PublishingAccount)
vulnerabilities = core_services.ModelService(Vulnerability)
