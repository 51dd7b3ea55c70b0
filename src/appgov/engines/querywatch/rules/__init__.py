"""The monitoring rules, by id."""

from .access import q04_unapproved_app_or_channel, q05_invalid_operator, q13_stale_password
from .authorization import (
    q01_no_valid_authorization,
    q02_post_loan_without_relationship,
    q03_approval_without_application,
)
from .behaviour import q06_shared_account, q08_volume_burst, q11_many_subjects
from .common import RuleContext
from .documents import q14_request_document
from .subjects import q09_subject_many_parties, q10_employee_or_own_record
from .timing import q07_outside_working_hours, q12_kiosk

RULES = {
    "Q01": q01_no_valid_authorization,
    "Q02": q02_post_loan_without_relationship,
    "Q03": q03_approval_without_application,
    "Q04": q04_unapproved_app_or_channel,
    "Q05": q05_invalid_operator,
    "Q06": q06_shared_account,
    "Q07": q07_outside_working_hours,
    "Q08": q08_volume_burst,
    "Q09": q09_subject_many_parties,
    "Q10": q10_employee_or_own_record,
    "Q11": q11_many_subjects,
    "Q12": q12_kiosk,
    "Q13": q13_stale_password,
    "Q14": q14_request_document,
}

__all__ = ["RULES", "RuleContext"]
