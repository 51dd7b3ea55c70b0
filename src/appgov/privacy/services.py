"""Writes of the privacy module: a policy uploaded and read, a person's correction of what was read.
Everything goes through core.services (validated, change-logged)."""

import copy
import difflib
import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from appgov.core import services as core
from appgov.engines import privacy as engine
from appgov.engines.privacy import policy as _policy_module  # noqa: F401  (engine.policy)
from appgov.engines.privacy import vocabulary as _vocabulary  # noqa: F401  (engine.vocabulary)

from .models import PolicyCorrection, PrivacyPolicy
from .observed import latest_scan, observed_from_report


class PolicyService(core.ModelService):
    model = PrivacyPolicy

    def check_editable(self, obj, actor):
        raise ValidationError(_("An uploaded privacy policy is kept as it was; upload a new one instead."))

    def check_deletable(self, obj, actor):
        raise ValidationError(_("Privacy policies are kept for the regulator; upload a new one instead."))


class CorrectionService(core.ModelService):
    model = PolicyCorrection

    def prepare(self, obj, actor, data):
        vocabulary = engine.vocabulary
        known = {
            "pi_types": set(vocabulary.taxonomy()),
            "permissions": set(vocabulary.permission_groups()),
        }.get(obj.field)
        if known is not None and obj.code not in known:
            raise ValidationError({"code": _("Not an item of the dictionary: %(code)s") % {"code": obj.code}})
        if actor is not None and obj.created_by_id is None:
            obj.created_by = actor


policies = PolicyService()
corrections = CorrectionService()


def upload(version, uploaded, actor) -> PrivacyPolicy:
    """Read the file, extract what it declares and store it; a file that is not a readable policy is refused
    with the reason, and nothing is stored."""
    core.check_can_write(
        actor, PrivacyPolicy(version=version)
    )  # the policy's roles, the version's institution
    data = uploaded.read(engine.policy.MAX_BYTES + 1)
    try:
        text = engine.read_text(data, uploaded.name)
    except engine.PolicyError as exc:
        raise ValidationError(
            {"file": _("The privacy policy cannot be read: %(reason)s") % {"reason": exc}}
        ) from exc
    declared = engine.extract(text)
    if not declared["clauses"]:
        raise ValidationError({"file": _("The file holds no text.")})
    with transaction.atomic():
        policy = PrivacyPolicy(
            version=version,
            file_name=uploaded.name.rsplit("/", 1)[-1][:200],
            content_hash=hashlib.sha256(data).hexdigest(),
            text=text,
            effective_on=declared["effective_on"],
            updated_on=declared["updated_on"],
            extracted=declared,
            completeness=engine.completeness(declared),
            uploaded_by=actor if getattr(actor, "pk", None) else None,
        )
        policy.file.save(policy.file_name, ContentFile(data), save=False)
        return core.save(policy, actor)


def declared(policy: PrivacyPolicy) -> dict:
    """What the policy declares: the extraction with every correction applied (a removed item is gone, an added
    one appears with the correction as its source)."""
    result = copy.deepcopy(policy.extracted)
    for correction in policy.corrections.all():
        if correction.voided_at is not None:  # a voided correction (a mistaken entry) changes nothing
            continue
        if correction.field == "sdks":
            sdks = [s for s in result["sdks"] if (s.get("id") or s["name"]) != correction.code]
            if correction.action == PolicyCorrection.Action.ADD:
                sdks.append(
                    {"id": correction.code, "name": correction.code, "vendor": None, "corrected": True}
                )
            result["sdks"] = sdks
            continue
        table = result[correction.field]
        if correction.action == PolicyCorrection.Action.REMOVE:
            table.pop(correction.code, None)
        else:
            table.setdefault(correction.code, []).append(
                {"clause": correction.clause, "sentence": correction.reason, "word": "", "corrected": True}
            )
    return result


def gaps(policy: PrivacyPolicy) -> tuple[list[dict] | None, object]:
    """Declared against the latest finished scan of the policy's version: (gaps, scan), (None, None) unscanned."""
    scan = latest_scan(policy.version)
    if scan is None:
        return None, None
    return engine.compare(declared(policy), observed_from_report(scan.report or {})), scan


def previous(policy: PrivacyPolicy) -> PrivacyPolicy | None:
    return (
        PrivacyPolicy.objects.filter(
            version__app_id=policy.version.app_id, uploaded_at__lt=policy.uploaded_at
        )
        .exclude(pk=policy.pk)
        .order_by("-uploaded_at", "-id")
        .first()
    )


def diff(policy: PrivacyPolicy) -> list[tuple[str, str]] | None:
    """Clause-level changes against the previous policy of the app: [("+"|"-", clause text)]."""
    before = previous(policy)
    if before is None:
        return None
    old = [c["text"] for c in before.extracted.get("clauses", [])]
    new = [c["text"] for c in policy.extracted.get("clauses", [])]
    changes = []
    for line in difflib.ndiff(old, new):
        if line[:2] in ("+ ", "- "):
            changes.append((line[0], line[2:]))
    return changes
