"""Issue 12 item 1, the pages: a kept record beyond the ledger is voided from its page (a Void button, a void page
asking for the reason); a voided row is offered by no form or API choice list, and the pages that list a
record's children mark it voided (or leave it out where it would count)."""

import datetime

from django.urls import reverse

from appgov.core import services as core
from appgov.core.models import Person
from appgov.operations import services as ops
from appgov.operations.forms.operating_accounts import ReviewForm
from appgov.operations.models import AccountReview, ExperienceItemResult, OperatingAccount
from appgov.partners import services as partners
from appgov.partners.models import Contact
from appgov.partners.models.uscc import check_character


def _account(world, person, name="ops-1"):
    return ops.accounts.create(
        world.a.admin,
        {"app": world.a.app, "kind": "console", "system": "后台", "account_name": name, "owner": person},
    )


def _person(world, no="P-VOID"):
    return core.save(Person(institution=world.a.inst, employee_no=no, name="误录员工"))


def test_forms_and_the_api_offer_no_voided_row(world, api):
    live, wrong = world.a.people["P001"], _person(world)
    account, wrong_account = _account(world, live), _account(world, live, "ops-2")
    core.void(wrong, world.a.admin, "工号录错")
    core.void(wrong_account, world.a.admin, "重复录入")
    form = ReviewForm(user=world.a.admin)
    assert live in form.fields["reviewer"].queryset and wrong not in form.fields["reviewer"].queryset
    accounts = form.fields["account"].queryset
    assert account in accounts and wrong_account not in accounts
    # the API refuses a voided row as a value, as it refuses another institution's
    client = api(world.a.admin)
    body = {"account": account.pk, "reviewed_on": "2026-01-05", "reviewer": wrong.pk, "outcome": "confirmed"}
    response = client.post("/api/operations/account-reviews/", body, format="json")
    assert response.status_code == 400 and "reviewer" in response.json()["errors"], response.content
    response = client.post("/api/operations/account-reviews/", {**body, "reviewer": live.pk}, format="json")
    assert response.status_code == 201, response.content
    response = client.post(
        "/api/operations/account-reviews/",
        {**body, "reviewer": live.pk, "account": wrong_account.pk},
        format="json",
    )
    assert response.status_code == 400 and "account" in response.json()["errors"], response.content
    # editing a live row keeps its stored value on offer
    review = AccountReview.objects.get(account=account)
    assert review.reviewer in ReviewForm(instance=review, user=world.a.admin).fields["reviewer"].queryset


def test_an_account_review_is_voided_from_the_account_page(world, login):
    live = world.a.people["P001"]
    account = _account(world, live)
    review = ops.reviews.create(
        world.a.admin,
        {
            "account": account,
            "reviewed_on": datetime.date(2026, 1, 6),
            "reviewer": live,
            "outcome": "confirmed",
        },
    )
    client = login(world.a.admin)
    page = client.get(reverse("operations:account-detail", args=[account.pk])).content.decode()
    void_url = reverse("operations:review-delete", args=[review.pk])
    assert void_url in page and reverse("operations:account-delete", args=[account.pk]) in page
    assert 'id="void-form"' in client.get(void_url).content.decode()
    response = client.post(void_url, {"reason": "日期录错"})
    assert response.status_code == 302 and response["Location"] == account.get_absolute_url()
    stored = AccountReview.objects.get(pk=review.pk)
    assert stored.void_reason == "日期录错" and stored.voided_by == world.a.admin
    page = client.get(account.get_absolute_url()).content.decode()
    assert "text-decoration-line-through" in page and void_url not in page
    # the account has a history now (its review dated it): the service refuses to void it, the page says why
    response = client.post(reverse("operations:account-delete", args=[account.pk]), {"reason": "重复"})
    assert response.status_code == 302 and OperatingAccount.objects.get(pk=account.pk).voided_at is None
    # a mistaken account, no history, is voided from its own page
    mistaken = _account(world, live, "ops-2")
    response = client.post(reverse("operations:account-delete", args=[mistaken.pk]), {"reason": "重复"})
    assert response.status_code == 302 and response["Location"] == mistaken.get_absolute_url()
    assert OperatingAccount.objects.get(pk=mistaken.pk).voided_at is not None


def test_a_voided_item_result_no_longer_answers_its_item(world, login):
    assessment = ops.assessments.create(
        world.a.admin,
        {
            "app": world.a.app,
            "major_version": 1,
            "assessed_on": datetime.date(2026, 1, 5),
            "assessor": world.a.people["P001"],
        },
    )
    item = ops.item_results.create(
        world.a.admin, {"assessment": assessment, "item": "care_mode", "result": "met", "note": "误录"}
    )
    client = login(world.a.admin)
    edit = reverse("operations:itemresult-edit", args=[item.pk])
    assert edit in client.get(assessment.get_absolute_url()).content.decode()
    response = client.post(reverse("operations:itemresult-delete", args=[item.pk]), {"reason": "录错项目"})
    assert response.status_code == 302
    assert ExperienceItemResult.objects.get(pk=item.pk).voided_at is not None
    assert edit not in client.get(assessment.get_absolute_url()).content.decode()
    # the item is answered again, rightly (the voided answer stays, kept, and does not block it)
    again = ops.item_results.create(
        world.a.admin, {"assessment": assessment, "item": "care_mode", "result": "met", "note": "正确记录"}
    )
    assert again.pk != item.pk and ExperienceItemResult.objects.filter(assessment=assessment).count() == 2


def test_a_party_and_its_contact_are_voided_from_the_party_page(world, login):
    first17 = "91330000001000009"
    party = partners.parties.create(
        world.a.office_user,
        {"name": "误录供应商", "credit_code": first17 + check_character(first17), "kinds": ["cloud"]},
    )
    contact = partners.contacts.create(world.a.office_user, {"party": party, "name": "误录联系人"})
    client = login(world.a.admin)
    page = client.get(party.get_absolute_url()).content.decode()
    contact_void = reverse("partners:contact-delete", args=[contact.pk])
    assert contact_void in page and reverse("partners:party-delete", args=[party.pk]) in page
    response = client.post(contact_void, {"reason": "重复"})
    assert response.status_code == 302 and response["Location"] == party.get_absolute_url()
    assert Contact.objects.get(pk=contact.pk).voided_at is not None
    page = client.get(party.get_absolute_url()).content.decode()
    assert "误录联系人" in page and contact_void not in page and "text-decoration-line-through" in page
    response = client.post(reverse("partners:party-delete", args=[party.pk]), {"reason": "误录"})
    assert response.status_code == 302
    party.refresh_from_db()
    assert party.voided_at is not None
    page = client.get(party.get_absolute_url()).content.decode()
    assert reverse("partners:party-edit", args=[party.pk]) not in page  # a voided party is not edited
