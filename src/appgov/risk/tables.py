from django.utils.translation import gettext_lazy as _

from appgov.core.tables import Column, Table

from .models import AssessmentCampaign, AuditEngagement, Drill, EmergencyPlan, ImpactAnalysis, Incident, Risk


class IncidentTable(Table):
    model = Incident
    columns = [
        Column("reference", link=True),
        Column("title", link=True),
        Column("kind"),
        Column("severity"),
        Column("state"),
        Column("detected_at"),
        Column("apps", _("affected apps"), sortable=False),
        Column("institution__name", _("Institution"), regulator_only=True),
    ]
    default_order = "-detected_at"


class AuditTable(Table):
    model = AuditEngagement
    columns = [
        Column("reference", link=True),
        Column("title", link=True),
        Column("kind"),
        Column("state"),
        Column("due_on"),
        Column("planned_start"),
        Column("report_date"),
        Column("apps", _("apps covered"), sortable=False),
        Column("institution__name", _("Institution"), regulator_only=True),
    ]
    default_order = "due_on"


class RiskTable(Table):
    model = Risk
    columns = [
        Column("reference", link=True),
        Column("title", link=True),
        Column("category"),
        Column("app__name", _("app")),
        Column("inherent_rating", _("inherent rating"), order_by="inherent_likelihood"),
        Column("residual_rating", _("residual rating"), order_by="residual_likelihood"),
        Column("treatment"),
        Column("status"),
        Column("owner__name", _("risk owner")),
        Column("institution__name", _("Institution"), regulator_only=True),
    ]
    default_order = "reference"


class CampaignTable(Table):
    model = AssessmentCampaign
    columns = [
        Column("year", link=True),
        Column("title", link=True),
        Column("opened_on"),
        Column("due_on"),
        Column("state"),
        Column("institution__name", _("Institution"), regulator_only=True),
    ]
    default_order = "-year"


class ImpactAnalysisTable(Table):
    model = ImpactAnalysis
    columns = [
        Column("app__name", _("app"), link=True),
        Column("rto_minutes"),
        Column("rpo_minutes"),
        Column("mtpd_minutes"),
        Column("analysed_on"),
        Column("approved_on"),
    ]
    default_order = "app__name"


class EmergencyPlanTable(Table):
    model = EmergencyPlan
    columns = [
        Column("app__name", _("app"), link=True),
        Column("title", link=True),
        Column("version"),
        Column("approved_on"),
        Column("approved_by"),
    ]
    default_order = "app__name"


class DrillTable(Table):
    model = Drill
    columns = [
        Column("app__name", _("app"), link=True),
        Column("scenario", link=True),
        Column("planned_on"),
        Column("held_on"),
        Column("measured_recovery_minutes"),
        Column("rto_minutes"),
        Column("missed_rto", _("RTO missed"), sortable=False),
    ]
    default_order = "-planned_on"
