"""Roles and what each may change. Reading is governed by scoping (scoping.py); this is about writes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    GOVERNANCE_OFFICE = "governance_office", _("App governance office")
    APP_OWNER = "app_owner", _("App owner")
    SECURITY = "security", _("Security / IT risk")
    COMPLIANCE = "compliance", _("Compliance")
    AUDITOR = "auditor", _("Internal auditor")
    CREDIT_OFFICER = "credit_officer", _("Credit-information security officer")
    READ_ONLY = "read_only", _("Read-only")
    REGULATOR_EXAMINER = "regulator_examiner", _("Regulator examiner")
    REGULATOR_HEAD = "regulator_head", _("Regulator office head")


# Regulator users belong to a regulator office (User.regulator_office), never to an institution: they read the
# institutions of their jurisdiction and write only their office's own records (OFFICE_WRITE_ROLES below).
REGULATOR_ROLES = frozenset({Role.REGULATOR_EXAMINER, Role.REGULATOR_HEAD})
INSTITUTION_ROLES = frozenset(set(Role) - REGULATOR_ROLES)


_LEDGER = {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE, Role.APP_OWNER}
# Which roles may create, change or delete objects of each model (by model label).
WRITE_ROLES: dict[str, set[str]] = {
    "core.institution": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE},
    "core.department": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE},
    "core.person": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE},
    "users.user": {Role.ADMINISTRATOR},
    "ledger.mobileapp": _LEDGER,
    "ledger.appversion": _LEDGER | {Role.SECURITY},
    "ledger.channel": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE},
    "ledger.listing": _LEDGER,
    "ledger.publishingaccount": _LEDGER,
    "ledger.vulnerability": {Role.ADMINISTRATOR, Role.SECURITY, Role.GOVERNANCE_OFFICE},
    "ledger.gateevidence": _LEDGER | {Role.SECURITY, Role.COMPLIANCE},
    # a user's own saved filters of the ledger list (ledger.saved_filters keeps them per user)
    "ledger.savedfilter": set(INSTITUTION_ROLES),
    # The internal auditor writes nothing of what is audited (issue 12 item 13): they read everything of their
    # institution, through pages and the API alike; their own work product is the audit engagement (below).
    "compliance.evidence": _LEDGER | {Role.SECURITY, Role.COMPLIANCE, Role.CREDIT_OFFICER},
    "compliance.slapolicy": {Role.ADMINISTRATOR, Role.COMPLIANCE},
    "scanning.scan": _LEDGER | {Role.SECURITY},
    "scanning.sdkassessment": {Role.ADMINISTRATOR, Role.SECURITY},
    "scanning.releasecertificate": {Role.ADMINISTRATOR, Role.SECURITY, Role.GOVERNANCE_OFFICE},
    "scanning.scanprofile": {Role.ADMINISTRATOR, Role.SECURITY},
    "scanning.findingdecision": {Role.ADMINISTRATOR, Role.SECURITY},
    "scanning.appprivacyinventory": _LEDGER | {Role.COMPLIANCE},
    "scanning.vulnerabilityfeed": {Role.ADMINISTRATOR, Role.SECURITY},
    "scanning.gateregressionacceptance": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE},
    # counterfeit monitoring; case moves are further limited per step in counterfeit.services
    "counterfeit.brandprofile": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE},
    "counterfeit.appprotection": _LEDGER,
    "counterfeit.listingfeed": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE, Role.SECURITY},
    "counterfeit.sweeprun": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE, Role.SECURITY},
    "counterfeit.counterfeitcase": {
        Role.ADMINISTRATOR,
        Role.GOVERNANCE_OFFICE,
        Role.SECURITY,
        Role.COMPLIANCE,
    },
    "counterfeit.clarification": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE, Role.COMPLIANCE},
    "counterfeit.regulatorreport": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE, Role.COMPLIANCE},
    # Finding moves are further limited per step in compliance.findings.
    "compliance.finding": _LEDGER | {Role.SECURITY, Role.COMPLIANCE, Role.CREDIT_OFFICER},
    "compliance.findingattachment": _LEDGER | {Role.SECURITY, Role.COMPLIANCE, Role.CREDIT_OFFICER},
    "compliance.evaluation": _LEDGER | {Role.SECURITY, Role.COMPLIANCE, Role.CREDIT_OFFICER},
    # credit-information security (PBoC 102); approvals are further limited in credit.services
    **{
        f"credit.{model}": {Role.ADMINISTRATOR, Role.CREDIT_OFFICER}
        for model in (
            "creditaccount",
            "accountchange",
            "accessreview",
            "accessreviewitem",
            "creditappconnection",
            "authorization",
            "querylogbatch",
            "monitoringrun",
            "reviewday",
            "alert",
            "alertdisposition",
            "kiosk",
            "kioskpurge",
            "bulkdatarequest",
            "dissentcase",
            "complaint",
            "leadinggroup",
            "securityreport",
            "staffsubject",
            "workinghours",
            "calendarday",
        )
    },
    # third parties, outsourcing and distribution platforms; admission and exit moves and assessment decisions
    # are further limited in partners/workflows/party.yaml and partners.services
    **{
        f"partners.{model}": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE, Role.SECURITY, Role.COMPLIANCE}
        for model in ("party", "qualification", "contact", "relation", "contract", "assessment")
    },
    **{
        f"partners.{model}": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE, Role.SECURITY}
        for model in ("accessgrant", "accessreview", "accessreviewitem")
    },
}
# risk, audit, incidents and continuity; workflow moves are further limited per step in risk/workflows
_INCIDENTS = {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE, Role.SECURITY, Role.COMPLIANCE}
WRITE_ROLES.update(
    {
        **{
            f"risk.{m}": _INCIDENTS
            for m in ("incident", "incidentevent", "regulatorreport", "privacynotification")
        },
        **{
            f"risk.{m}": {Role.ADMINISTRATOR, Role.COMPLIANCE, Role.GOVERNANCE_OFFICE}
            for m in ("auditengagement", "auditfinding")
        },
        "risk.assessmentcampaign": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE, Role.COMPLIANCE},
        "risk.assessment": _LEDGER | {Role.SECURITY, Role.COMPLIANCE},
        "risk.risk": _LEDGER | {Role.SECURITY, Role.COMPLIANCE},
        "risk.risktask": _LEDGER | {Role.SECURITY, Role.COMPLIANCE},
        **{f"risk.{m}": _LEDGER | {Role.SECURITY} for m in ("impactanalysis", "emergencyplan", "drill")},
        "risk.releasedossier": _LEDGER | {Role.SECURITY, Role.COMPLIANCE},
    }
)
# personal information: privacy policies and corrections of what was read from them
WRITE_ROLES.update(
    {
        "privacy.privacypolicy": _LEDGER | {Role.SECURITY, Role.COMPLIANCE},
        "privacy.policycorrection": _LEDGER | {Role.SECURITY, Role.COMPLIANCE},
    }
)
# app operations: daily metrics, thresholds and breaches, rationalisation (decisions are further limited to the
# governance office in operations.services.rationalisation)
_OPERATIONS = _LEDGER | {Role.SECURITY}
WRITE_ROLES.update(
    {
        "operations.metricupload": _OPERATIONS,
        "operations.dailymetric": _OPERATIONS,
        "operations.threshold": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE},
        "operations.breach": _OPERATIONS,
        "operations.appfunctions": _LEDGER,
        "operations.candidate": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE},
        "operations.decision": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE},
    }
)
# operations (issue 17 items 4-6): experience assessments, operating accounts, OS releases and adaptation
WRITE_ROLES.update(
    {
        **{
            f"operations.{m}": _LEDGER | {Role.COMPLIANCE}
            for m in ("experienceassessment", "experienceitemresult")
        },
        **{f"operations.{m}": _LEDGER | {Role.SECURITY} for m in ("operatingaccount", "accountreview")},
        **{
            f"operations.{m}": _LEDGER | {Role.SECURITY}
            for m in ("osrelease", "platformrequirement", "adaptationtask", "compattestresult")
        },
    }
)
# what an institution does with the regulator: answer bulletins (per affected app) and send submissions
WRITE_ROLES.update(
    {
        "supervision.bulletintarget": {
            Role.ADMINISTRATOR,
            Role.GOVERNANCE_OFFICE,
            Role.SECURITY,
            Role.COMPLIANCE,
        },
        "supervision.bulletinanswer": {
            Role.ADMINISTRATOR,
            Role.GOVERNANCE_OFFICE,
            Role.SECURITY,
            Role.COMPLIANCE,
        },
        "supervision.submission": {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE, Role.COMPLIANCE},
    }
)
# Roles that never write institution data, whatever a table above says (tests/issue12 holds every model to it).
# The internal auditor is read-only everywhere (issue 12 item 13): audit engagements are recorded by compliance or
# the administrator on the auditor's report. Regulator roles write only regulator objects (OFFICE_WRITE_ROLES).
READ_ONLY_ROLES = {Role.AUDITOR, Role.READ_ONLY, *REGULATOR_ROLES}

# Which regulator roles may write each regulator-owned model (core.models.owned.OfficeOwned), by model label.
# The examiner plans and runs campaigns, records results and decides rectifications; the office head may do all
# of that and alone records supervisory measures (监管谈话, 风险提示函, 责令整改, 行政处罚), which bind the office.
_EXAMINERS = {Role.REGULATOR_EXAMINER, Role.REGULATOR_HEAD}
OFFICE_WRITE_ROLES: dict[str, set[str]] = {
    "supervision.campaign": _EXAMINERS,
    "supervision.campaignresult": _EXAMINERS,
    "supervision.campaignfinding": _EXAMINERS,
    "supervision.rectificationdecision": _EXAMINERS,
    "supervision.supervisorymeasure": {Role.REGULATOR_HEAD},
    "supervision.bulletin": _EXAMINERS,
    "supervision.answerdecision": _EXAMINERS,
    "supervision.submissionreview": _EXAMINERS,
}
# Roles that may move an app through its lifecycle.
LIFECYCLE_ROLES = {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE, Role.APP_OWNER}


def can_write(user, model_label: str) -> bool:
    """May this user create, change or delete objects of the model at all (the object's owner is checked by the
    service: an institution's users their institution's objects, a regulator user their own office's)."""
    if not user or not user.is_authenticated:
        return False
    if user.is_regulator:
        return user.role in OFFICE_WRITE_ROLES.get(model_label, ())
    if not user.institution_id:
        return False
    if user.role in READ_ONLY_ROLES:
        return False
    return user.role in WRITE_ROLES.get(model_label, set())


def _check_tables() -> None:
    """Institution data and regulator data never share a writer: no regulator role in WRITE_ROLES, no institution
    role in OFFICE_WRITE_ROLES, and no model in both."""
    both = set(WRITE_ROLES) & set(OFFICE_WRITE_ROLES)
    regulators = {label for label, roles in WRITE_ROLES.items() if set(roles) & REGULATOR_ROLES}
    institutions = {label for label, roles in OFFICE_WRITE_ROLES.items() if set(roles) - REGULATOR_ROLES}
    if both or regulators or institutions:
        raise RuntimeError(f"core.roles: writers mixed: {sorted(both | regulators | institutions)}")


_check_tables()
