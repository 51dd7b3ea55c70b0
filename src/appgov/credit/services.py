"""Credit-system accounts through approvals, access reviews, and the registers' workflows.

Every write goes through core.services (validated, change-logged). Plain values in, never a request.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from appgov.core import services as core
from appgov.core import workflow
from appgov.core.roles import Role

from .models import (
    AccessReview,
    AccessReviewItem,
    AccountChange,
    Alert,
    Authorization,
    BulkDataRequest,
    Complaint,
    CreditAccount,
    CreditAppConnection,
    DissentCase,
    Kiosk,
    SecurityReport,
    StaffSubject,
)
from .policy import policy, role_templates

# Who may approve an account change or a bulk-data request (never the requester).
APPROVER_ROLES = {Role.ADMINISTRATOR, Role.CREDIT_OFFICER}


def _same_institution(institution_id, *objects) -> None:
    for obj in objects:
        if obj is not None and getattr(obj, "institution_id", institution_id) != institution_id:
            raise ValidationError(_("%(object)s belongs to another institution.") % {"object": obj})


def _check_approver(actor, requested_by_id) -> None:
    if actor is None:
        raise PermissionDenied("an approval needs a named approver")
    if actor.role not in APPROVER_ROLES or actor.is_regulator:
        raise PermissionDenied(_("Your role may not approve credit-system changes."))
    if requested_by_id is not None and actor.pk == requested_by_id:
        raise PermissionDenied(_("A request must be approved by someone other than the requester."))


# ---------- accounts ----------


def check_least_privilege(person, role: str) -> None:
    template = role_templates().get(role)
    if template is None:
        raise ValidationError({"role": _("Unknown role template %(role)s.") % {"role": role}})
    kind = person.department.kind if person.department_id else None
    if kind not in template["department_kinds"]:
        raise ValidationError(
            {
                "role": _(
                    "Least privilege: role %(role)s is for departments of kind %(kinds)s; %(person)s is in %(dept)s."
                )
                % {
                    "role": template["name_zh"],
                    "kinds": "、".join(template["department_kinds"]),
                    "person": person,
                    "dept": person.department or "—",
                }
            }
        )


def request_account(*, institution, operator_id, person, branch, role, reason, actor) -> AccountChange:
    """Ask for a new credit-system user; it exists (pending) but is usable only once approved."""
    _same_institution(institution.pk, person, branch)
    today = timezone.localdate()
    if not person.is_employed(today):
        raise ValidationError({"person": _("%(person)s has left the institution.") % {"person": person}})
    check_least_privilege(person, role)
    holding = CreditAccount.objects.filter(
        person=person, status__in=[CreditAccount.Status.ACTIVE, CreditAccount.Status.PENDING]
    ).first()
    if holding is not None:
        raise ValidationError(
            {
                "person": _("One person, one account: %(person)s already holds %(account)s.")
                % {"person": person, "account": holding.operator_id}
            }
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Give the business reason for the account.")})
    with transaction.atomic():
        account = core.save(
            CreditAccount(
                institution=institution,
                operator_id=operator_id.strip(),
                person=person,
                branch=branch,
                role=role,
                status=CreditAccount.Status.PENDING,
                granted_department_id=person.department_id,
            ),
            actor,
        )
        return core.save(
            AccountChange(
                account=account,
                action=AccountChange.Action.CREATE,
                new_role=role,
                reason=reason,
                requested_by=actor,
                requested_at=timezone.now(),
            ),
            actor,
        )


ALLOWED_FROM = {
    AccountChange.Action.DISABLE: {CreditAccount.Status.ACTIVE},
    AccountChange.Action.ENABLE: {CreditAccount.Status.DISABLED},
    AccountChange.Action.CHANGE_ROLE: {CreditAccount.Status.ACTIVE},
}


def request_change(account, action, reason, actor, new_role="") -> AccountChange:
    if action not in ALLOWED_FROM:
        raise ValidationError({"action": _("Unknown change %(action)s.") % {"action": action}})
    if account.status not in ALLOWED_FROM[action]:
        raise ValidationError(
            _("%(action)s is not possible for an account that is %(status)s.")
            % {"action": AccountChange.Action(action).label, "status": account.get_status_display()}
        )
    if account.changes.filter(status=AccountChange.Status.PENDING).exists():
        raise ValidationError(_("This account already has a change awaiting approval."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the change.")})
    if action == AccountChange.Action.ENABLE and not account.person.is_employed(timezone.localdate()):
        raise ValidationError(
            _("%(person)s has left; the account cannot be re-enabled.") % {"person": account.person}
        )
    if action == AccountChange.Action.CHANGE_ROLE:
        check_least_privilege(account.person, new_role)
        if new_role == account.role:
            raise ValidationError({"new_role": _("The account already has this role.")})
    return core.save(
        AccountChange(
            account=account,
            action=action,
            new_role=new_role if action == AccountChange.Action.CHANGE_ROLE else "",
            reason=reason,
            requested_by=actor,
            requested_at=timezone.now(),
        ),
        actor,
    )


def approve_change(change: AccountChange, actor, note: str = "") -> AccountChange:
    """A second person with an approver role approves; the change is applied in the same transaction."""
    core.check_can_write(actor, change)
    _check_approver(actor, change.requested_by_id)
    with transaction.atomic():
        change = AccountChange.objects.select_for_update(no_key=True).select_related("account__person").get(pk=change.pk)
        if change.status != AccountChange.Status.PENDING:
            raise ValidationError(_("This request was already decided."))
        account, now = change.account, timezone.now()
        if change.action == AccountChange.Action.CREATE:
            account.status, account.active_since = CreditAccount.Status.ACTIVE, now
            account.password_changed_at = account.password_changed_at or now
        elif change.action == AccountChange.Action.DISABLE:
            account.status, account.disabled_at = CreditAccount.Status.DISABLED, now
        elif change.action == AccountChange.Action.ENABLE:
            account.status, account.disabled_at, account.active_since = CreditAccount.Status.ACTIVE, None, now
            account.granted_department_id = account.person.department_id
        elif change.action == AccountChange.Action.CHANGE_ROLE:
            check_least_privilege(account.person, change.new_role)
            account.role = change.new_role
        core.save(account, actor)
        change.status, change.decided_by, change.decided_at, change.decision_note = (
            AccountChange.Status.APPLIED,
            actor,
            now,
            note,
        )
        return core.save(change, actor)


def reject_change(change: AccountChange, actor, note: str) -> AccountChange:
    core.check_can_write(actor, change)
    _check_approver(actor, None)
    if not note.strip():
        raise ValidationError({"note": _("Say why the request is rejected.")})
    with transaction.atomic():
        change = AccountChange.objects.select_for_update(no_key=True).select_related("account").get(pk=change.pk)
        if change.status != AccountChange.Status.PENDING:
            raise ValidationError(_("This request was already decided."))
        if change.action == AccountChange.Action.CREATE:
            change.account.status = CreditAccount.Status.REJECTED
            core.save(change.account, actor)
        change.status, change.decided_by, change.decided_at, change.decision_note = (
            AccountChange.Status.REJECTED,
            actor,
            timezone.now(),
            note,
        )
        return core.save(change, actor)


def record_password_change(account: CreditAccount, when: datetime.datetime, actor) -> CreditAccount:
    if when > timezone.now():
        raise ValidationError({"password_changed_at": _("A password change cannot be in the future.")})
    return core.update(account, actor, password_changed_at=when)


def account_exceptions(institution, today: datetime.date) -> list[dict]:
    """Active accounts whose holder has left or moved, or that share use (engine rule Q06), with a reason."""
    found = []
    accounts = CreditAccount.objects.filter(
        institution=institution, status=CreditAccount.Status.ACTIVE
    ).select_related("person__department", "granted_department")
    for account in accounts:
        person = account.person
        if not person.is_employed(today):
            found.append(
                {
                    "account": account,
                    "kind": "left",
                    "zh": f"{account.operator_id}：{person} 已于 {person.left_on} 离职，账户仍启用",
                    "en": f"{account.operator_id}: {person} left on {person.left_on}, account still active",
                }
            )
        elif account.granted_department_id and person.department_id != account.granted_department_id:
            found.append(
                {
                    "account": account,
                    "kind": "moved",
                    "zh": f"{account.operator_id}：{person} 已由 {account.granted_department} 调至 {person.department or '—'}",
                    "en": f"{account.operator_id}: {person} moved from {account.granted_department} to {person.department or '—'}",
                }
            )
    since = today - datetime.timedelta(days=policy()["alert_window_days"])
    shared = (
        Alert.objects.filter(institution=institution, rule_id="Q06", ts__date__gte=since)
        .exclude(disposition=Alert.Disposition.FALSE_POSITIVE)
        .values_list("operator_id", flat=True)
        .distinct()
    )
    by_operator = {a.operator_id: a for a in accounts}
    for operator_id in sorted(set(shared)):
        account = by_operator.get(operator_id)
        if account is not None:
            found.append(
                {
                    "account": account,
                    "kind": "shared",
                    "zh": f"账户 {operator_id} 近期在多个终端或IP同时使用（Q06）",
                    "en": f"Account {operator_id} was used from several terminals or IPs at once (Q06)",
                }
            )
    return found


# ---------- access reviews ----------


def start_access_review(institution, title: str, actor, today: datetime.date | None = None) -> AccessReview:
    today = today or timezone.localdate()
    with transaction.atomic():
        review = core.save(
            AccessReview(
                institution=institution,
                title=title,
                started_on=today,
                due_on=today + datetime.timedelta(days=30),
                started_by=actor,
            ),
            actor,
        )
        for account in CreditAccount.objects.filter(
            institution=institution, status=CreditAccount.Status.ACTIVE
        ):
            core.save(AccessReviewItem(review=review, account=account), actor)
    return review


def decide_review_item(item: AccessReviewItem, decision: str, actor, comment: str = "") -> AccessReviewItem:
    if item.review.signed_off_at:
        raise ValidationError(_("The review is signed off; its items can no longer change."))
    if decision not in (AccessReviewItem.Decision.CONFIRMED, AccessReviewItem.Decision.REVOKED):
        raise ValidationError({"decision": _("Confirm or revoke the access.")})
    if decision == AccessReviewItem.Decision.REVOKED and not comment.strip():
        raise ValidationError({"comment": _("Say why the access is revoked.")})
    with transaction.atomic():
        if (
            decision == AccessReviewItem.Decision.REVOKED
            and item.account.status == CreditAccount.Status.ACTIVE
        ):
            pending = item.account.changes.filter(status=AccountChange.Status.PENDING).exists()
            if not pending:
                request_change(
                    item.account, AccountChange.Action.DISABLE, f"{item.review.title}：{comment}", actor
                )
        item.decision, item.decided_by, item.decided_at, item.comment = (
            decision,
            actor,
            timezone.now(),
            comment,
        )
        return core.save(item, actor)


def sign_off_review(review: AccessReview, actor) -> AccessReview:
    if review.signed_off_at:
        raise ValidationError(_("The review is already signed off."))
    open_items = review.items.filter(decision=AccessReviewItem.Decision.PENDING).count()
    if open_items:
        raise ValidationError(
            _(
                "%(count)d accounts are still to review; every account is confirmed or revoked before sign-off."
            )
            % {"count": open_items}
        )
    return core.update(review, actor, signed_off_by=actor, signed_off_at=timezone.now())


# ---------- registers ----------


def approve_bulk_request(request: BulkDataRequest, actor) -> BulkDataRequest:
    """Approved by an approver other than the requester (workflows/bulk_data.yaml)."""
    return workflow.transition(request, BulkDataRequest.Status.APPROVED, actor)


def record_bulk_extraction(request: BulkDataRequest, extracted_on: datetime.date, actor) -> BulkDataRequest:
    return workflow.transition(request, BulkDataRequest.Status.EXTRACTED, actor, extracted_on=extracted_on)


def record_bulk_destruction(request: BulkDataRequest, destroyed_on: datetime.date, certificate, actor):
    return workflow.transition(
        request,
        BulkDataRequest.Status.DESTROYED,
        actor,
        destroyed_on=destroyed_on,
        destruction_certificate=certificate,
    )


def answer_dissent(case: DissentCase, answered_on, outcome, documents_issued, actor) -> DissentCase:
    if case.status == DissentCase.Status.CLOSED:
        raise ValidationError(_("This dissent is already answered."))
    if not (answered_on and outcome.strip()):
        raise ValidationError(_("A dissent is answered with a date and an outcome."))
    return core.update(
        case,
        actor,
        status=DissentCase.Status.CLOSED,
        answered_on=answered_on,
        outcome=outcome,
        documents_issued=documents_issued,
    )


def close_complaint(complaint: Complaint, closed_on, outcome, actor) -> Complaint:
    if complaint.status == Complaint.Status.CLOSED:
        raise ValidationError(_("This complaint is already closed."))
    if not (closed_on and outcome.strip()):
        raise ValidationError(_("A closed complaint needs its closing date and outcome."))
    return core.update(complaint, actor, status=Complaint.Status.CLOSED, closed_on=closed_on, outcome=outcome)


# ---------- editing the registers ----------

EDIT_LOCKS = {
    # model: (field, values in which the entry no longer changes by editing, message)
    BulkDataRequest: (
        "status",
        {
            BulkDataRequest.Status.APPROVED,
            BulkDataRequest.Status.REJECTED,
            BulkDataRequest.Status.EXTRACTED,
            BulkDataRequest.Status.DESTROYED,
        },
        gettext_lazy("A bulk-data request can be edited only until it is decided."),
    ),
    DissentCase: (
        "status",
        {DissentCase.Status.CLOSED},
        gettext_lazy("An answered dissent can no longer be edited."),
    ),
    Complaint: (
        "status",
        {Complaint.Status.CLOSED},
        gettext_lazy("A closed complaint can no longer be edited."),
    ),
}


def edit_entry(obj, actor):
    """Save an edited register entry (validated and change-logged). Entries whose workflow has moved on
    keep the facts they were decided on: a decided bulk request, an answered dissent, a closed complaint
    and a withdrawn authorisation are not edited."""
    core.check_can_write(actor, obj)
    problem = edit_refusal(type(obj)._default_manager.get(pk=obj.pk))
    if problem:
        raise ValidationError(problem)
    return core.save(obj, actor)


def edit_refusal(stored) -> str:
    """Why a stored register entry can no longer be edited ("" when it can)."""
    lock = EDIT_LOCKS.get(type(stored))
    if lock is not None and getattr(stored, lock[0]) in lock[1]:
        return str(lock[2])
    if isinstance(stored, Authorization) and stored.withdrawn_at is not None:
        return _("A withdrawn authorisation can no longer be edited.")
    return ""


def _reason(reason: str, field: str = "reason") -> str:
    if not (reason or "").strip():
        raise ValidationError({field: _("Give the reason.")})
    return reason.strip()


def retire_kiosk(kiosk: Kiosk, on: datetime.date, reason: str, actor) -> Kiosk:
    """Take a kiosk out of service: it leaves the engine's kiosk register, so a later query from it alerts."""
    reason = _reason(reason)
    if not kiosk.in_service:
        raise ValidationError(_("This kiosk is already out of service."))
    return core.update(kiosk, actor, in_service=False, retired_on=on, retirement_reason=reason)


def withdraw_authorization(auth: Authorization, when: datetime.datetime, reason: str, actor) -> Authorization:
    """The subject withdrew the authorisation (or it was found void): it stops being valid at `when`."""
    reason = _reason(reason)
    if auth.withdrawn_at is not None:
        raise ValidationError(_("This authorisation is already withdrawn."))
    if when <= auth.valid_from:
        raise ValidationError(
            {
                "withdrawn_at": _(
                    "The withdrawal must come after the start of validity; correct the entry instead."
                )
            }
        )
    valid_to = when if auth.valid_to is None or when < auth.valid_to else auth.valid_to
    return core.update(auth, actor, withdrawn_at=when, withdrawal_reason=reason, valid_to=valid_to)


def reject_bulk_request(request: BulkDataRequest, note: str, actor) -> BulkDataRequest:
    return workflow.transition(request, BulkDataRequest.Status.REJECTED, actor, decision_note=note)


def end_app_connection(connection: CreditAppConnection, on: datetime.date, reason: str, actor):
    """An app stops connecting to the credit system: its approval ends on `on` (queries after it: Q04)."""
    reason = _reason(reason)
    if connection.approved_from and on < connection.approved_from:
        raise ValidationError({"approved_to": _("The end cannot precede the start of the approval.")})
    if connection.approved_to is not None and connection.approved_to <= on and connection.retirement_reason:
        raise ValidationError(_("This connection has already ended."))
    return core.update(connection, actor, approved_to=on, retirement_reason=reason)


def save_app_connection(connection: CreditAppConnection, actor) -> CreditAppConnection:
    if (
        connection.approved_from
        and connection.approved_to
        and connection.approved_to < connection.approved_from
    ):
        raise ValidationError({"approved_to": _("The end cannot precede the start of the approval.")})
    return core.save(connection, actor)


def save_staff_subject(subject: StaffSubject, actor) -> StaffSubject:
    """One staff member, one credit subject id; two staff members cannot share one."""
    subject.subject_pseudonym = (subject.subject_pseudonym or "").strip()
    if subject.person_id:
        clash = (
            StaffSubject.objects.filter(
                person__institution_id=subject.person.institution_id,
                subject_pseudonym=subject.subject_pseudonym,
            )
            .exclude(pk=subject.pk)
            .select_related("person")
            .first()
        )
        if clash is not None:
            raise ValidationError(
                {
                    "subject_pseudonym": _("This subject id is already registered for %(person)s.")
                    % {"person": clash.person}
                }
            )
    return core.save(subject, actor)


def delete_staff_subject(subject: StaffSubject, actor) -> None:
    core.delete(subject, actor)


# ---------- the one service per register: pages and API call these ----------

authorizations = core.FunctionService(Authorization, refusal=edit_refusal, deletable=False)
kiosks = core.FunctionService(Kiosk, refusal=edit_refusal, deletable=False)
bulk_requests = core.FunctionService(BulkDataRequest, refusal=edit_refusal, deletable=False)
dissents = core.FunctionService(DissentCase, refusal=edit_refusal, deletable=False)
complaints = core.FunctionService(Complaint, refusal=edit_refusal, deletable=False)
security_reports = core.FunctionService(SecurityReport, refusal=edit_refusal, deletable=False)
staff_subjects = core.FunctionService(StaffSubject, save=save_staff_subject, delete=delete_staff_subject)
app_connections = core.FunctionService(CreditAppConnection, save=save_app_connection, deletable=False)
