"""Every write of the regulator's side. Office-owned records go through core.services.OfficeModelService (the
office is the actor's, only its own office's rows, only institutions and apps of its jurisdiction); what an
issued campaign puts into an institution's findings list goes through compliance.issued, the one place that
writes institution data on a regulator's behalf."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.compliance import issued
from appgov.compliance.models import Finding
from appgov.core import changelog
from appgov.core import services as core_services
from appgov.core.models import ChangeLogEntry
from appgov.core.roles import can_write
from appgov.ledger.models import MobileApp

from .models import Campaign, CampaignFinding, CampaignResult, RectificationDecision, SupervisoryMeasure


class CampaignService(core_services.OfficeModelService):
    model = Campaign
    institution_fields = ("institutions",)
    app_fields = ("apps",)

    def check_editable(self, obj, actor) -> None:
        if obj.status != Campaign.Status.PLANNED:
            raise ValidationError(_("An issued campaign is kept as issued; plan a new one."))

    def check_deletable(self, obj, actor) -> None:
        if obj.results.exists():
            raise ValidationError(_("A campaign with results is kept for the record."))

    def save_object(self, obj, actor, m2m: dict):
        if obj.period_start and obj.period_end and obj.period_end < obj.period_start:
            raise ValidationError({"period_end": _("The end is before the start.")})
        apps, institutions = m2m.get("apps"), m2m.get("institutions")
        if apps and institutions is not None:
            inst_ids = {getattr(i, "pk", i) for i in institutions}
            outside = [a for a in apps if getattr(a, "institution_id", None) not in inst_ids]
            if outside:
                raise ValidationError(
                    {"apps": _("%(app)s is not an app of the institutions in scope.") % {"app": outside[0]}}
                )
        return super().save_object(obj, actor, m2m)


class CampaignResultService(core_services.OfficeModelService):
    model = CampaignResult
    app_fields = ("app",)

    def check_editable(self, obj, actor) -> None:
        _planned(obj.campaign)

    def check_deletable(self, obj, actor) -> None:
        _planned(obj.campaign)
        if obj.findings.exists():
            raise ValidationError(_("Remove the result's findings first."))

    def save_object(self, obj, actor, m2m: dict):
        _planned(obj.campaign)
        if obj.app_id and not in_scope(obj.campaign, obj.app):
            raise ValidationError({"app": _("This app is not in the campaign's scope.")})
        if obj.pk and obj.outcome == CampaignResult.Outcome.NO_FINDING and obj.findings.exists():
            raise ValidationError(
                {"outcome": _("This result has findings; remove them to record no finding.")}
            )
        return super().save_object(obj, actor, m2m)


class CampaignFindingService(core_services.OfficeModelService):
    model = CampaignFinding

    def check_editable(self, obj, actor) -> None:
        _planned(obj.result.campaign)

    def check_deletable(self, obj, actor) -> None:
        _planned(obj.result.campaign)

    def save_object(self, obj, actor, m2m: dict):
        _planned(obj.result.campaign)
        if obj.result.outcome != CampaignResult.Outcome.FINDINGS:
            raise ValidationError(_("The result of this app is “no finding”; change it to record findings."))
        return super().save_object(obj, actor, m2m)


class MeasureService(core_services.OfficeModelService):
    model = SupervisoryMeasure
    institution_fields = ("institution",)

    def save_object(self, obj, actor, m2m: dict):
        people = m2m.get("responsible_persons") or []
        strangers = [p for p in people if getattr(p, "institution_id", None) != obj.institution_id]
        if strangers:
            raise ValidationError(
                {
                    "responsible_persons": _("%(name)s is not staff of this institution.")
                    % {"name": strangers[0]}
                }
            )
        if obj.campaign_id and obj.campaign.office_id != obj.office_id:
            raise ValidationError({"campaign": _("Name a campaign of your own office.")})
        return super().save_object(obj, actor, m2m)

    def check_deletable(self, obj, actor) -> None:
        raise ValidationError(_("Supervisory measures are kept for the record."))


campaigns = CampaignService()
results = CampaignResultService()
campaign_findings = CampaignFindingService()
measures = MeasureService()


def _planned(campaign) -> None:
    """Refuse a change to an issued campaign, judged on the stored row (a result may carry a stale copy)."""
    status = Campaign.objects.filter(pk=campaign.pk).values_list("status", flat=True).first()
    if status != Campaign.Status.PLANNED:
        raise ValidationError(_("The campaign's results are issued and can no longer be changed."))


def in_scope(campaign, app) -> bool:
    if not campaign.institutions.filter(pk=app.institution_id).exists():
        return False
    chosen = campaign.apps.all()
    return not chosen.exists() or chosen.filter(pk=app.pk).exists()


def scope_apps(campaign):
    """The apps the campaign tests: those named, else every app of the institutions in scope."""
    chosen = campaign.apps.all()
    if chosen.exists():
        return chosen.select_related("institution")
    return MobileApp.objects.filter(institution__in=campaign.institutions.all()).select_related("institution")


def issue(campaign: Campaign, actor) -> list[Finding]:
    """Issue the campaign's results: every finding opens a regulator-issued finding in its institution's list
    (deadline: the finding's own date, else the campaign's days from today). Needs a result for every app in
    scope, so nothing tested goes unreported."""
    with transaction.atomic():
        campaign = core_services.lock(campaign)
        core_services.check_can_write(actor, campaign)
        _planned(campaign)
        tested = set(campaign.results.values_list("app_id", flat=True))
        missing = [str(a) for a in scope_apps(campaign) if a.pk not in tested]
        if missing:
            raise ValidationError(
                _("Record a result (findings or no finding) for every app in scope first: %(apps)s")
                % {"apps": "、".join(missing[:10])}
            )
        empty = campaign.results.filter(outcome=CampaignResult.Outcome.FINDINGS, findings__isnull=True)
        if empty.exists():
            raise ValidationError(
                _("%(result)s is recorded as having findings but has none.") % {"result": empty.first()}
            )
        today = timezone.localdate()
        opened = []
        rows = CampaignFinding.objects.filter(result__campaign=campaign, issued_finding__isnull=True)
        for n, row in enumerate(rows.select_related("result__app").order_by("pk"), start=1):
            finding = issued.issue_app_finding(
                office=campaign.office,
                app=row.result.app,
                control_id=row.control_id,
                severity=row.severity,
                explanation=f"{row.title}：{row.description}",
                due_on=row.due_on or today + datetime.timedelta(days=campaign.rectification_days),
                reference=f"{campaign.code}-{n}",
                actor=actor,
                evidence=row.evidence.file if row.evidence else None,
                evidence_title=row.title,
            )
            before = changelog.snapshot(row)
            row.issued_finding = finding
            row.save(update_fields=["issued_finding"])
            changelog.record(row, ChangeLogEntry.Action.UPDATE, before, changelog.snapshot(row), actor)
            opened.append(finding)
        before = changelog.snapshot(campaign)
        campaign.status, campaign.issued_at, campaign.issued_by = (
            Campaign.Status.ISSUED,
            timezone.now(),
            actor,
        )
        campaign.save()
        changelog.record(
            campaign, ChangeLogEntry.Action.TRANSITION, before, changelog.snapshot(campaign), actor
        )
    return opened


def close(campaign: Campaign, actor) -> Campaign:
    """Close an issued campaign once every finding it issued is verified."""
    with transaction.atomic():
        campaign = core_services.lock(campaign)
        core_services.check_can_write(actor, campaign)
        if campaign.status != Campaign.Status.ISSUED:
            raise ValidationError(_("Only an issued campaign can be closed."))
        open_ = Finding.objects.filter(campaign_finding__result__campaign=campaign).exclude(
            status=Finding.Status.VERIFIED
        )
        if open_.exists():
            raise ValidationError(
                _("%(n)s issued findings are not yet accepted as rectified.") % {"n": open_.count()}
            )
        before = changelog.snapshot(campaign)
        campaign.status = Campaign.Status.CLOSED
        campaign.save()
        changelog.record(
            campaign, ChangeLogEntry.Action.TRANSITION, before, changelog.snapshot(campaign), actor
        )
    return campaign


def issued_findings_for(user):
    """The regulator-issued findings an office user may decide: issued by their office or an office below."""
    if not getattr(user, "is_regulator", False):
        return Finding.objects.none()
    return Finding.objects.filter(issued_by_office_id__in=user.regulator_office.descendant_ids())


def decide(finding: Finding, actor, *, accepted: bool, comment: str) -> RectificationDecision:
    """The office accepts or rejects a submitted rectification (one decision row, the finding moved)."""
    if not can_write(actor, RectificationDecision._meta.label_lower):
        raise PermissionDenied(_("Your role may not decide rectifications."))
    if finding.issued_by_office_id != actor.regulator_office_id:
        raise PermissionDenied(_("This finding was issued by another office; that office decides it."))
    with transaction.atomic():
        submitted_at = Finding.objects.filter(pk=finding.pk).values_list("resolved_at", flat=True).first()
        finding = issued.decide(finding, accepted=accepted, comment=comment, actor=actor)
        decision = RectificationDecision(
            office_id=actor.regulator_office_id,
            finding=finding,
            institution_id=finding.institution_id,
            decision=RectificationDecision.Decision.ACCEPTED
            if accepted
            else RectificationDecision.Decision.REJECTED,
            comment=comment.strip(),
            submitted_at=submitted_at,
            decided_at=timezone.now(),
            decided_by=actor,
        )
        core_services.save(decision, actor)
    return decision
