"""The case workflow and the protection settings. Every write goes through core.services (validated, in the
change log); plain values in, never a request.

    new ──► confirmed counterfeit ─┐
     │ ──► confirmed repackaged ───┴─► takedown requested ──► taken down
     └──► false positive ──(reopen)──► new

No move clears a judgement. A listing back after its takedown, or a dismissed listing whose key facts changed,
becomes a new case linked to the earlier one (sweep.py); the earlier case keeps its dates and records.

The moves are data (workflows/case.yaml) run by core.workflow. Confirming a case fixes its deadlines
(policy.py): public clarification and report to the regulator, in working days after the confirmation date.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import services as core_services
from appgov.core import workflow
from appgov.core.roles import Role

from . import icons
from .models import (
    AppProtection,
    BrandProfile,
    CaseState,
    Clarification,
    CounterfeitCase,
    RegulatorReport,
)
from .workflows import case as case_workflow

S = CaseState
# The moves, their roles, inputs and rules are data: workflows/case.yaml.
CASE_WORKFLOW = case_workflow
MOVES = CASE_WORKFLOW.pairs()
# Who may judge a case and pursue the takedown, and who speaks for the institution (clarification, report).
TRIAGE_ROLES = set(CASE_WORKFLOW.named("confirm_counterfeit").roles)
REPORTING_ROLES = {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE, Role.COMPLIANCE}


def _require(actor, roles, obj):
    core_services.check_can_write(actor, obj)
    if actor is not None and actor.role not in roles:
        raise PermissionDenied(_("Your role may not do this on a counterfeit case."))


def _date(value, field) -> datetime.date:
    today = timezone.localdate()
    if value in (None, ""):
        return today
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            raise ValidationError({field: _("Give the date as YYYY-MM-DD.")}) from None
    if value > today:
        raise ValidationError({field: _("The date cannot be in the future.")})
    return value


def moves_from(state) -> list[str]:
    return [t.target for t in CASE_WORKFLOW.from_state(state)]


def move_case(
    case: CounterfeitCase,
    to_state: str,
    actor=None,
    *,
    note: str = "",
    on=None,
    platform: str = "",
    reference: str = "",
) -> CounterfeitCase:
    """Move a case one step; `on` is the date of the event (confirmation, request, takedown), default today.

    One form serves every move, so values a move does not take (a reference when confirming) are ignored."""
    given = {"note": note, "on": on, "platform": platform, "reference": reference}
    takes = {i.name for t in CASE_WORKFLOW.into(to_state) for i in t.inputs}
    return workflow.transition(case, to_state, actor, **{k: v for k, v in given.items() if k in takes})


def reopen(case: CounterfeitCase, note: str, actor=None) -> CounterfeitCase:
    """A false positive reconsidered goes back to new; its dismissal note stays."""
    return workflow.transition(case, S.NEW, actor, note=note)


def _confirmed(case):
    if not case.is_confirmed:
        raise ValidationError(_("Only a confirmed case is clarified or reported."))


def add_clarification(case, actor=None, *, published_on=None, channel="", link="", note="") -> Clarification:
    _require(actor, REPORTING_ROLES, case)
    _confirmed(case)
    if not (channel or "").strip():
        raise ValidationError({"channel": _("Name the channel of the clarification.")})
    return core_services.save(
        Clarification(
            case=case,
            published_on=_date(published_on, "published_on"),
            channel=channel.strip()[:200],
            link=(link or "").strip(),
            note=(note or "").strip(),
        ),
        actor,
    )


def record_report(
    case, actor=None, *, reported_on=None, reference="", summary="", office=None
) -> RegulatorReport:
    """The report to the supervising office (or an office above it)."""
    _require(actor, REPORTING_ROLES, case)
    _confirmed(case)
    if RegulatorReport.objects.filter(case=case).exists():
        raise ValidationError(_("This case has already been reported."))
    supervising = case.institution.regulator_office
    allowed = []
    node = supervising
    while node is not None:
        allowed.append(node.pk)
        node = node.parent
    office = office or supervising
    if office is None:
        raise ValidationError({"office": _("The institution has no supervising office on record.")})
    if office.pk not in allowed:
        raise ValidationError({"office": _("Report to the supervising office or an office above it.")})
    if not (reference or "").strip():
        raise ValidationError({"reference": _("Give the reference of the report (document number).")})
    return core_services.save(
        RegulatorReport(
            case=case,
            office=office,
            reported_on=_date(reported_on, "reported_on"),
            reference=reference.strip()[:200],
            summary=(summary or "").strip(),
        ),
        actor,
    )


def clarification_overdue(case, today=None) -> bool:
    today = today or timezone.localdate()
    if not case.is_confirmed or case.clarification_due_on is None:
        return False
    clarifications = list(case.clarifications.all())
    return not clarifications and today > case.clarification_due_on


def report_overdue(case, today=None) -> bool:
    today = today or timezone.localdate()
    if not case.is_confirmed or case.report_due_on is None:
        return False
    return not hasattr(case, "regulator_report") and today > case.report_due_on


# ---- protection settings ------------------------------------------------------------------------------


def _clean_list(values, field) -> list[str]:
    if isinstance(values, str):
        values = [v for part in values.splitlines() for v in part.split(",")]
    out = [v.strip() for v in values or [] if isinstance(v, str) and v.strip()]
    if any(len(v) > 200 for v in out):
        raise ValidationError({field: _("Each entry has at most 200 characters.")})
    return list(dict.fromkeys(out))


GENERIC_WORDS = {"银行", "手机银行", "网上银行", "app", "bank", "mobile", "金融", "保险", "证券", "理财"}


def save_brand_profile(institution, actor=None, *, brand_keywords=(), developers=()) -> BrandProfile:
    profile = BrandProfile.objects.filter(institution=institution).first() or BrandProfile(
        institution=institution
    )
    keywords = _clean_list(brand_keywords, "brand_keywords")
    generic = [k for k in keywords if k.lower() in GENERIC_WORDS]
    if generic:
        raise ValidationError(
            {"brand_keywords": _("Generic words match every bank's apps: %(w)s") % {"w": "、".join(generic)}}
        )
    profile.brand_keywords = keywords
    profile.developers = _clean_list(developers, "developers")
    return core_services.save(profile, actor)


def save_protection(
    app, actor=None, *, aliases=(), brand_keywords=(), extra_package_ids=(), monitored=True, icon=None
) -> AppProtection:
    protection = AppProtection.objects.filter(app=app).first() or AppProtection(app=app)
    protection.aliases = _clean_list(aliases, "aliases")
    protection.brand_keywords = _clean_list(brand_keywords, "brand_keywords")
    packages = _clean_list(extra_package_ids, "extra_package_ids")
    if any(" " in p for p in packages):
        raise ValidationError({"extra_package_ids": _("Identifiers contain no spaces.")})
    protection.extra_package_ids = packages
    protection.monitored = bool(monitored)
    core_services.check_can_write(actor, protection)
    if icon is not None:
        data = icon.read(icons.MAX_ICON_BYTES + 1)
        try:
            checked = icons.fingerprint(data)
        except icons.IconProblem as exc:
            raise ValidationError({"icon": _("Not a usable icon: %(e)s") % {"e": exc}}) from None
        # named by its content and detected format (the upload's own name and extension are not trusted)
        protection.icon.save(checked.storage_name.rsplit("/", 1)[-1], ContentFile(data), save=False)
        protection.icon_phash, protection.icon_hashes = checked.phash, checked.extra
    return core_services.save(protection, actor)


class BrandProfileService(core_services.ModelService):
    """One brand profile per institution; generic words are refused by save_brand_profile."""

    model = BrandProfile

    def create(self, actor, data: dict):
        if BrandProfile.objects.filter(institution_id=actor.institution_id).exists():
            raise ValidationError(_("The institution already has a brand profile: change it (PATCH)."))
        return self._save(actor.institution, actor, data, None)

    def update(self, obj, actor, data: dict):
        return self._save(obj.institution, actor, data, obj)

    @staticmethod
    def _save(institution, actor, data, profile):
        return save_brand_profile(
            institution,
            actor,
            brand_keywords=data.get("brand_keywords", profile.brand_keywords if profile else []),
            developers=data.get("developers", profile.developers if profile else []),
        )


class AppProtectionService(core_services.ModelService):
    model = AppProtection

    def create(self, actor, data: dict):
        return self._save(data["app"], actor, data, None)

    def update(self, obj, actor, data: dict):
        return self._save(obj.app, actor, data, obj)

    @staticmethod
    def _save(app, actor, data, current):
        def value(name, default):
            return data[name] if name in data else (getattr(current, name) if current else default)

        return save_protection(
            app,
            actor,
            aliases=value("aliases", []),
            brand_keywords=value("brand_keywords", []),
            extra_package_ids=value("extra_package_ids", []),
            monitored=value("monitored", True),
            icon=data.get("icon"),
        )


brand_profiles = BrandProfileService()
app_protections = AppProtectionService()
