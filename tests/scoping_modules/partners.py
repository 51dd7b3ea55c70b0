"""The third-party register (appgov.partners): every page and API route, and B's register objects."""

import datetime

from .route import Route

OBJ_READ = dict(kind="object", reg_read=True, shows_b=True)
LIST_B = dict(kind="list", reg_read=True, shows_b=True)
MESSAGE = "refuses the examiner with a message and a redirect"

ROUTES = {
    # pages
    "partners:index": Route("list", reg_read=True),
    "partners:party-list": Route(
        **LIST_B, query=("q=云服务", "kind=cloud", "state=admission", "risk_tier=high")
    ),
    "partners:party-add": Route("list"),
    "partners:party-export": Route(**LIST_B),
    "partners:party-import": Route("list"),
    "partners:party-detail": Route(obj="pparty", **OBJ_READ),
    "partners:party-edit": Route("object", obj="pparty"),
    "partners:party-transition": Route("object", obj="pparty"),
    "partners:assessment-add": Route("object", obj="pparty"),
    "partners:assessment-decide": Route("object", obj="passess"),
    "partners:relation-review": Route("object", obj="prelation"),
    "partners:grant-revoke": Route("object", obj="pgrant"),
    "partners:grant-import": Route("list"),
    "partners:review-list": Route(**LIST_B),
    "partners:review-start": Route("list"),
    "partners:review-detail": Route(obj="preview", **OBJ_READ),
    "partners:review-signoff": Route("object", obj="preview"),
    "partners:review-item-decide": Route("object", obj="pitem"),
    "partners:qualification-add": Route("object", obj="pparty"),
    "partners:qualification-edit": Route("object", obj="pqual"),
    "partners:contact-add": Route("object", obj="pparty"),
    "partners:contact-edit": Route("object", obj="pcontact"),
    "partners:contract-add": Route("object", obj="pparty"),
    "partners:contract-edit": Route("object", obj="pcontract"),
    "partners:relation-add": Route("object", obj="pparty"),
    "partners:relation-edit": Route("object", obj="prelation"),
    "partners:grant-add": Route("object", obj="pparty"),
    "partners:grant-edit": Route("object", obj="pgrant"),
    # the void pages of a party and of the records on its page (issue 12 item 1)
    "partners:party-delete": Route("object", obj="pparty"),
    "partners:qualification-delete": Route("object", obj="pqual"),
    "partners:contact-delete": Route("object", obj="pcontact"),
    "partners:contract-delete": Route("object", obj="pcontract"),
    "partners:assessment-delete": Route("object", obj="passess"),
    # API
    "partners-party-list": Route(**LIST_B),
    "partners-party-detail": Route(obj="pparty", **OBJ_READ),
    "partners-party-history": Route("object", obj="pparty", reg_read=True),
    "partners-party-move": Route("object", obj="pparty"),
    "partners-party-certificate": Route("object", obj="pparty"),  # B's party has no certificate: 404
    "partners-qualification-list": Route(**LIST_B),
    "partners-qualification-detail": Route(obj="pqual", **OBJ_READ),
    "partners-qualification-history": Route("object", obj="pqual", reg_read=True),
    "partners-contact-list": Route(**LIST_B),
    "partners-contact-detail": Route(obj="pcontact", **OBJ_READ),
    "partners-contact-history": Route("object", obj="pcontact", reg_read=True),
    "partners-relation-list": Route(**LIST_B),
    "partners-relation-detail": Route(obj="prelation", **OBJ_READ),
    "partners-relation-history": Route("object", obj="prelation", reg_read=True),
    "partners-relation-review": Route("object", obj="prelation"),
    "partners-contract-list": Route(**LIST_B),
    "partners-contract-detail": Route(obj="pcontract", **OBJ_READ),
    "partners-contract-history": Route("object", obj="pcontract", reg_read=True),
    "partners-assessment-list": Route(**LIST_B),
    "partners-assessment-detail": Route(obj="passess", **OBJ_READ),
    "partners-assessment-history": Route("object", obj="passess", reg_read=True),
    "partners-assessment-decide": Route("object", obj="passess"),
    "partners-grant-list": Route(**LIST_B),
    "partners-grant-detail": Route(obj="pgrant", **OBJ_READ),
    "partners-grant-history": Route("object", obj="pgrant", reg_read=True),
    "partners-grant-revoke": Route("object", obj="pgrant"),
    "partners-review-list": Route(**LIST_B),
    "partners-review-detail": Route(obj="preview", **OBJ_READ),
    "partners-review-history": Route("object", obj="preview", reg_read=True),
    "partners-review-start": Route("list"),
    "partners-review-sign-off": Route("object", obj="preview"),
    "partners-reviewitem-list": Route(**LIST_B),
    "partners-reviewitem-detail": Route(obj="pitem", **OBJ_READ),
    "partners-reviewitem-history": Route("object", obj="pitem", reg_read=True),
    "partners-reviewitem-decide": Route("object", obj="pitem"),
}
FACTORY_KEYS = "pparty pqual pcontact prelation pcontract passess pgrant preview pitem"
PREPARE = {"appgov.partners": "pparty"}


def build_b(world) -> dict:
    """B's register, through the services (logged): a party with a qualification, a contact, a relation to
    B's app, a contract, a pending assessment, a grant and a review with one item."""
    from appgov.core import services as core
    from appgov.partners import services
    from appgov.partners.models.uscc import check_character

    b, actor = world.b, world.b.office_user
    d = datetime.date
    first17 = "91330000ZQX000001".replace("Z", "0").replace("Q", "1").replace("X", "2")
    party = services.parties.create(
        actor,
        {
            "name": "ZQX云服务有限公司",
            "credit_code": first17 + check_character(first17),
            "kinds": ["cloud", "outsourced_developer"],
            "risk_tier": "high",
            "note": "ZQX",
        },
    )
    qual = services.qualifications.create(
        actor, {"party": party, "kind": "telecom_licence", "number": "ZQX-B2-1", "valid_until": d(2030, 1, 1)}
    )
    contact = services.contacts.create(actor, {"party": party, "name": "ZQX联系人"})
    relation = services.relations.create(
        actor, {"party": party, "app": b.app, "purpose": "outsourced_build", "description": "ZQX外包开发"}
    )
    contract = services.contracts.create(
        actor, {"party": party, "reference": "ZQX-HT-1", "title": "ZQX合同", "starts_on": d(2026, 1, 1)}
    )
    assessment = services.assessments.create(
        actor,
        {"party": party, "assessed_on": d(2026, 1, 5), "answers": {"legal_standing": "yes"}, "note": "ZQX"},
    )
    grant = services.grants.create(
        actor,
        {
            "party": party,
            "person_name": "ZQX运维",
            "account": "zqx-ops",
            "system": "ZQX系统",
            "purpose": "maintenance",
            "level": "admin",
            "starts_on": d(2026, 1, 1),
            "ends_on": d(2099, 1, 1),
        },
    )
    review = services.reviews.start(b.inst, actor, "ZQX 权限复核", today=d(2026, 2, 1))
    item = review.items.get()
    core.update(item, actor, comment="ZQX")
    return {
        "pparty": party.pk,
        "pqual": qual.pk,
        "pcontact": contact.pk,
        "prelation": relation.pk,
        "pcontract": contract.pk,
        "passess": assessment.pk,
        "pgrant": grant.pk,
        "preview": review.pk,
        "pitem": item.pk,
    }


def state(inst):
    from appgov.core import changelog
    from appgov.partners.models import (
        AccessGrant,
        AccessReview,
        AccessReviewItem,
        Assessment,
        Contact,
        Contract,
        Party,
        Qualification,
        Relation,
    )

    rows = []
    for model in (
        Party,
        Qualification,
        Contact,
        Relation,
        Contract,
        Assessment,
        AccessGrant,
        AccessReview,
        AccessReviewItem,
    ):
        path = model.institution_path
        rows.append(sorted(str(changelog.snapshot(o)) for o in model.objects.filter(**{path: inst})))
    return rows
