from django.db import models
from django.utils.translation import gettext_lazy as _


class PartyKind(models.TextChoices):
    SDK_VENDOR = "sdk_vendor", _("SDK vendor")
    OUTSOURCED_DEVELOPER = "outsourced_developer", _("Outsourced developer")
    OUTSOURCED_OPERATOR = "outsourced_operator", _("Outsourced operator")
    CLOUD = "cloud", _("Cloud / hosting provider")
    DATA_PROCESSOR = "data_processor", _("Data processor")
    APP_STORE = "app_store", _("App store")
    MINI_PROGRAM_PLATFORM = "mini_program_platform", _("Mini-program platform")
    QUICK_APP_CENTRE = "quick_app_centre", _("Quick-app centre")
    BROWSER_PLUGIN_PLATFORM = "browser_plugin_platform", _("Browser-plugin platform")
    BUSINESS_PARTNER = "business_partner", _("Business partner conducting financial business in an app")


DISTRIBUTION_KINDS = {
    PartyKind.APP_STORE,
    PartyKind.MINI_PROGRAM_PLATFORM,
    PartyKind.QUICK_APP_CENTRE,
    PartyKind.BROWSER_PLUGIN_PLATFORM,
}


class RiskTier(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class PartyState(models.TextChoices):
    ADMISSION = "admission", _("In admission")
    APPROVED = "approved", _("Admitted")
    UNDER_CONTRACT = "under_contract", _("Under contract")
    EXITING = "exiting", _("Exiting")
    EXITED = "exited", _("Exited")
    REJECTED = "rejected", _("Rejected")


ACTIVE_STATES = {PartyState.APPROVED, PartyState.UNDER_CONTRACT, PartyState.EXITING}


class QualificationKind(models.TextChoices):
    TELECOM_LICENCE = "telecom_licence", _("Value-added telecom business licence (增值电信业务经营许可证)")
    ICP_FILING = "icp_filing", _("ICP filing (ICP 备案)")
    MLPS_CERTIFICATE = "mlps_certificate", _("MLPS (等级保护) certificate")
    FINANCIAL_LICENCE = "financial_licence", _("Financial licence")
    BUSINESS_LICENCE = "business_licence", _("Business licence (营业执照)")
    OTHER = "other", _("Other")


class Business(models.TextChoices):
    """Financial business a partner may conduct in an app; a financial licence's scope lists these."""

    LOANS = "loans", _("Loans / loan assistance")
    WEALTH = "wealth", _("Wealth management sales")
    INSURANCE = "insurance", _("Insurance sales")
    FUNDS = "funds", _("Fund sales")
    PAYMENTS = "payments", _("Payments")
    CREDIT_INFO = "credit_info", _("Credit information services")
    OTHER = "other", _("Other financial business")


class Purpose(models.TextChoices):
    """What a party does for an app."""

    OUTSOURCED_BUILD = "outsourced_build", _("Outsourced build")
    OUTSOURCED_OPERATION = "outsourced_operation", _("Outsourced operation / maintenance")
    HOSTING = "hosting", _("Hosting")
    DISTRIBUTION = "distribution", _("Distribution channel")
    BUSINESS = "business", _("Business partner")
    SDK = "sdk", _("SDK")
    DATA_PROCESSING = "data_processing", _("Data processing")


OUTSOURCING = {Purpose.OUTSOURCED_BUILD, Purpose.OUTSOURCED_OPERATION}


class ReviewConclusion(models.TextChoices):
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class AssessmentKind(models.TextChoices):
    ADMISSION = "admission", _("Admission due diligence")
    PERIODIC = "periodic", _("Periodic re-evaluation")


class Decision(models.TextChoices):
    PENDING = "pending", _("Awaiting decision")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class AccessLevel(models.TextChoices):
    READ = "read", _("Read")
    WRITE = "write", _("Write")
    ADMIN = "admin", _("Administrator")
    PRODUCTION_DATA = "production_data", _("Production data")


LEVEL_RANK = {AccessLevel.READ: 1, AccessLevel.WRITE: 2, AccessLevel.ADMIN: 3, AccessLevel.PRODUCTION_DATA: 4}


class AccessPurpose(models.TextChoices):
    DEVELOPMENT = "development", _("Development")
    TESTING = "testing", _("Testing")
    MAINTENANCE = "maintenance", _("Maintenance")
    OPERATION = "operation", _("Operation")
    SUPPORT = "support", _("Support")
    INCIDENT = "incident", _("Incident handling")


class ItemDecision(models.TextChoices):
    PENDING = "pending", _("To review")
    CONFIRMED = "confirmed", _("Access confirmed")
    REVOKED = "revoked", _("Revoke")


class DataDisposition(models.TextChoices):
    NONE_HELD = "none_held", _("The party held no data")
    RETURNED = "returned", _("Data returned")
    DESTROYED = "destroyed", _("Data destroyed")
