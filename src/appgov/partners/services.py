"""Every write of the third-party register, with its rules. Pages, the API, imports, jobs and the demo call
these instances, so the change log sees every write and the page and the API refuse the same things."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import services as core
from appgov.core.controls.periods import add_months
from appgov.core.roles import Role
from appgov.core.services import ModelService, lock

from .models import (
    AccessGrant,
    AccessReview,
    AccessReviewItem,
    Assessment,
    Contact,
    Contract,
    Party,
    Qualification,
    Relation,
    uscc,
)
from .models.choices import Decision, ItemDecision, PartyState, ReviewConclusion
from .policy import policy, questionnaire

DECIDERS = {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE}
BUSINESS_REVIEWERS = {Role.ADMINISTRATOR, Role.COMPLIANCE}


def _today():
    return timezone.localdate()


def _refuse_if_exited(party, what=None):
    if party is not None and party.state == PartyState.EXITED:
        raise ValidationError(
            _("%(party)s has exited the register; its records are kept as they were.") % {"party": party}
        )


class PartyService(ModelService):
    model = Party

    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        obj.credit_code = uscc.normalise(obj.credit_code)
        if obj.last_evaluated_on:
            obj.next_evaluation_due = next_evaluation(obj)

    def check_editable(self, obj, actor):
        _refuse_if_exited(obj)

    def check_deletable(self, obj, actor):
        if obj.state != PartyState.ADMISSION or any(
            rel.exists()
            for rel in (obj.relations, obj.contracts, obj.grants, obj.assessments, obj.qualifications)
        ):
            raise ValidationError(
                _(
                    "A third party with records is kept for the record: record its exit instead of deleting it."
                )
            )


def next_evaluation(party) -> datetime.date | None:
    if party.last_evaluated_on is None:
        return None
    return add_months(party.last_evaluated_on, policy()["evaluation_months"][party.risk_tier])


class PartChildService(ModelService):
    """A record that belongs to a party: refused once the party has exited."""

    def check_editable(self, obj, actor):
        _refuse_if_exited(obj.party)

    def check_deletable(self, obj, actor):
        _refuse_if_exited(obj.party)

    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        if obj.party_id and obj.pk is None:
            _refuse_if_exited(obj.party)


class RelationService(PartChildService):
    model = Relation

    def check_deletable(self, obj, actor):
        raise ValidationError(
            _("Relations are kept for the record: give the date the relation ended instead.")
        )

    def review_business(self, relation, actor, conclusion: str, reference: str, reviewed_on=None):
        """Record the business compliance review of a partner's business in the app (NFRA-05.1)."""
        if actor is not None and actor.role not in BUSINESS_REVIEWERS:
            raise PermissionDenied(_("Only compliance records the business compliance review."))
        if conclusion not in ReviewConclusion.values:
            raise ValidationError({"review_conclusion": _("Give approved or rejected.")})
        if not (reference or "").strip():
            raise ValidationError({"review_reference": _("Give the reference of the review record.")})
        with transaction.atomic():
            relation = lock(relation)
            _refuse_if_exited(relation.party)
            relation.review_conclusion = conclusion
            relation.review_reference = reference.strip()
            relation.reviewed_on = reviewed_on or _today()
            relation.reviewed_by = actor
            return core.save(relation, actor)


class AssessmentService(PartChildService):
    model = Assessment

    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        if obj.pk is None and actor is not None:
            obj.assessed_by = actor
        obj.score, obj.blocking = score(obj.answers)

    def check_editable(self, obj, actor):
        super().check_editable(obj, actor)
        if obj.decision != Decision.PENDING:
            raise ValidationError(_("A decided assessment is kept as it was; start a new one."))

    def check_deletable(self, obj, actor):
        self.check_editable(obj, actor)

    def decide(self, assessment, actor, decision: str, note: str = ""):
        """Approve or reject, by the governance office, never by the assessor; approval needs the pass score
        and no blocking answer. An approved evaluation dates the party's next one."""
        if actor is not None and actor.role not in DECIDERS:
            raise PermissionDenied(_("Only the app governance office decides on a third party's assessment."))
        if decision not in (Decision.APPROVED, Decision.REJECTED):
            raise ValidationError({"decision": _("Give approved or rejected.")})
        with transaction.atomic():
            assessment = lock(assessment)
            self.check_editable(assessment, actor)
            if actor is not None and assessment.assessed_by_id == actor.pk:
                raise PermissionDenied(_("An assessment is decided by someone other than the assessor."))
            if decision == Decision.REJECTED and not note.strip():
                raise ValidationError({"decision_note": _("Give the reason for the rejection.")})
            if decision == Decision.APPROVED:
                problems = approval_problems(assessment)
                if problems:
                    raise ValidationError({"decision": problems})
            assessment.decision = decision
            assessment.decision_note = note.strip()
            assessment.decided_by = actor
            assessment.decided_on = _today()
            core.save(assessment, actor)
            if decision == Decision.APPROVED:
                party = lock(assessment.party)
                party.last_evaluated_on = assessment.assessed_on
                party.next_evaluation_due = next_evaluation(party)
                core.save(party, actor)
            return assessment


def score(answers: dict) -> tuple[int | None, list[str]]:
    """The weighted score 0-100 of the answers and the blocking questions answered no; ValidationError naming
    an unknown question or answer."""
    if not isinstance(answers, dict):
        raise ValidationError({"answers": _("Give the answers as question id → answer.")})
    spec = questionnaire()
    questions = {q["id"]: q for q in spec["questions"]}
    points = spec["answers"]
    errors = []
    for key, value in answers.items():
        if key not in questions:
            errors.append(_("Unknown question “%(q)s”.") % {"q": key})
        elif value not in points:
            errors.append(_("Question “%(q)s”: unknown answer “%(a)s”.") % {"q": key, "a": value})
        elif value == "na" and not questions[key].get("na"):
            errors.append(_("Question “%(q)s” cannot be answered “not applicable”.") % {"q": key})
    if errors:
        raise ValidationError({"answers": errors})
    total = got = 0
    for q in spec["questions"]:
        answer = answers.get(q["id"])
        if answer is None or points[answer]["points"] is None:
            continue
        total += q["weight"]
        got += q["weight"] * points[answer]["points"]
    blocking = [q["id"] for q in spec["questions"] if q.get("blocking") and answers.get(q["id"]) == "no"]
    return (round(100 * got / total) if total else None), blocking


def approval_problems(assessment) -> list[str]:
    spec = questionnaire()
    unanswered = [q["id"] for q in spec["questions"] if q["id"] not in assessment.answers]
    problems = []
    if unanswered:
        problems.append(_("Unanswered questions: %(q)s") % {"q": ", ".join(unanswered)})
    if assessment.blocking:
        problems.append(_("Blocking answers: %(q)s") % {"q": ", ".join(assessment.blocking)})
    if assessment.score is None or assessment.score < spec["pass_score"]:
        problems.append(
            _("Score %(score)s is below the pass score %(pass)d.")
            % {"score": assessment.score, "pass": spec["pass_score"]}
        )
    return problems


class GrantService(PartChildService):
    model = AccessGrant

    def check_deletable(self, obj, actor):
        raise ValidationError(_("Access grants are kept for the record: revoke the grant instead."))

    def revoke(self, grant, actor, on=None):
        with transaction.atomic():
            grant = lock(grant)
            if grant.revoked_on is not None:
                return grant
            grant.revoked_on = on or _today()
            return core.save(grant, actor)


class ReviewService(ModelService):
    model = AccessReview

    def check_editable(self, obj, actor):
        if obj.signed_off_on:
            raise ValidationError(_("A signed-off review is kept as it was."))

    def check_deletable(self, obj, actor):
        raise ValidationError(_("Access reviews are kept for the record."))

    def start(self, institution, actor, title: str = "", due_on=None, today=None):
        """A review of every vendor grant in force today, one item per grant."""
        today = today or _today()
        due_on = due_on or today + datetime.timedelta(days=policy()["review_due_days"])
        grants = [g for g in AccessGrant.objects.filter(party__institution=institution) if g.active_on(today)]
        with transaction.atomic():
            review = AccessReview(
                institution=institution,
                title=title or _("Vendor access review %(day)s") % {"day": today.isoformat()},
                started_on=today,
                due_on=due_on,
                started_by=actor,
            )
            core.save(review, actor)
            for grant in grants:
                core.save(AccessReviewItem(review=review, grant=grant), actor)
        return review

    def decide_item(self, item, actor, decision: str, comment: str = ""):
        if decision not in (ItemDecision.CONFIRMED, ItemDecision.REVOKED):
            raise ValidationError({"decision": _("Give confirmed or revoked.")})
        with transaction.atomic():
            item = lock(item)
            self.check_editable(item.review, actor)
            core.check_can_write(actor, item)
            item.decision, item.comment = decision, comment
            item.decided_by, item.decided_on = actor, _today()
            core.save(item, actor)
            if decision == ItemDecision.REVOKED:
                grants.revoke(item.grant, actor)
            return item

    def sign_off(self, review, actor):
        with transaction.atomic():
            review = lock(review)
            self.check_editable(review, actor)
            pending = review.items.filter(decision=ItemDecision.PENDING).count()
            if pending:
                raise ValidationError(
                    _("%(n)d grants are still to review before the sign-off.") % {"n": pending}
                )
            review.signed_off_by, review.signed_off_on = actor, _today()
            return core.save(review, actor)


parties = PartyService()
qualifications = PartChildService(Qualification)
contacts = PartChildService(Contact)
relations = RelationService()
contracts = PartChildService(Contract)
assessments = AssessmentService()
grants = GrantService()
reviews = ReviewService()
