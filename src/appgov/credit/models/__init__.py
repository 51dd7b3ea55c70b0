from .accounts import AccessReview, AccessReviewItem, AccountChange, CreditAccount, CreditAppConnection
from .calendar import WEEKDAYS, CalendarDay, WorkingHours
from .governance import LeadingGroup, SecurityReport
from .monitoring import (
    REASON_CODES,
    Alert,
    AlertDisposition,
    Authorization,
    MonitoringRun,
    QueryLogBatch,
    ReviewDay,
    StaffSubject,
)
from .registers import BulkDataRequest, Complaint, DissentCase, Kiosk, KioskPurge

__all__ = [
    "REASON_CODES",
    "AccessReview",
    "AccessReviewItem",
    "AccountChange",
    "Alert",
    "AlertDisposition",
    "Authorization",
    "CalendarDay",
    "BulkDataRequest",
    "Complaint",
    "CreditAccount",
    "CreditAppConnection",
    "DissentCase",
    "Kiosk",
    "KioskPurge",
    "LeadingGroup",
    "MonitoringRun",
    "QueryLogBatch",
    "ReviewDay",
    "SecurityReport",
    "StaffSubject",
    "WEEKDAYS",
    "WorkingHours",
]
