"""core.views.generic and core.tables: scoped lists with filters, sorting and export; edits only through the
module's service; workflow moves on the locked row; declarations that cannot skip their service or table."""

import datetime
import io

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import include, path, reverse
from openpyxl import load_workbook

from appgov.core.models import ChangeLogEntry
from appgov.core.views import generic
from appgov.credit.models import BulkDataRequest
from appgov.ledger import services as ledger_services
from appgov.ledger.models import Channel


def _channel(org, name, kind="official_site", operator=""):
    from appgov.core import services as core

    return core.save(Channel(institution=org.inst, name=name, kind=kind, operator=operator))


def test_list_shows_only_the_users_scope_and_filters_sorts_exports(world, login):
    _channel(world.a, "甲官网", operator='=HYPERLINK("http://x")')
    _channel(world.a, "乙商店", kind="app_store")
    _channel(world.b, "ZQX渠道")
    client = login(world.a.office_user)
    url = reverse("ledger:channel-list")
    page = client.get(url).content.decode()
    assert "甲官网" in page and "乙商店" in page and "ZQX" not in page
    filtered = client.get(url, {"kind": "app_store"}).content.decode()
    assert "乙商店" in filtered and "甲官网" not in filtered
    assert "清除筛选" in filtered or "Clear filters" in filtered

    by_name_desc = client.get(url, {"sort": "-name"}).content.decode()
    by_name = client.get(url, {"sort": "name"}).content.decode()
    assert by_name.index("乙商店") < by_name.index("甲官网") or by_name_desc.index(
        "甲官网"
    ) < by_name_desc.index("乙商店")
    assert by_name.index("甲官网") != by_name_desc.index("甲官网")
    # a column the table does not declare sortable cannot order the list (no error, default order)
    assert client.get(url, {"sort": "institution__regulator_office__code"}).status_code == 200

    export = client.get(url, {"export": "xlsx", "kind": "official_site"})
    assert export["Content-Disposition"].startswith("attachment")
    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    names = [r[0] for r in rows[1:]]
    assert "甲官网" in names and "乙商店" not in names and not any("ZQX" in str(n) for n in names)
    operator = next(row[2] for row in sheet.iter_rows(min_row=2) if row[0].value == "甲官网")
    assert (
        operator.value.startswith("=HYPERLINK") and operator.data_type == "s"
    )  # kept as text, never a formula


def test_create_and_edit_go_through_the_service_with_one_log_entry(world, login):
    client = login(world.a.office_user)
    response = client.post(reverse("ledger:channel-add"), {"name": "新渠道", "kind": "official_site"})
    assert response.status_code == 302
    channel = Channel.objects.get(name="新渠道")
    assert channel.institution == world.a.inst
    assert response["Location"] == reverse("ledger:channel-detail", args=[channel.pk])
    entries = ChangeLogEntry.objects.filter(object_type="ledger.channel", object_id=str(channel.pk))
    assert entries.count() == 1

    edit = reverse("ledger:channel-edit", args=[channel.pk])
    response = client.post(
        edit, {"name": "新渠道", "kind": "official_site", "qualification_checked_on": "2026-06-10"}
    )
    assert response.status_code == 302
    channel.refresh_from_db()
    assert channel.qualification_checked_on == datetime.date(2026, 6, 10)
    assert entries.count() == 2
    # the service's refusal (duplicate name in the institution) comes back on the form; nothing is written
    _channel(world.a, "旧渠道")
    response = client.post(edit, {"name": "旧渠道", "kind": "official_site"})
    assert response.status_code == 200 and response.context["form"].errors
    channel.refresh_from_db()
    assert channel.name == "新渠道" and entries.count() == 2
    detail = client.get(reverse("ledger:channel-detail", args=[channel.pk])).content.decode()
    assert "2026-06-10" in detail and edit in detail


def test_other_institutions_and_readers_cannot_write(world, login):
    theirs = _channel(world.b, "ZQX渠道")
    client = login(world.a.office_user)
    assert client.get(reverse("ledger:channel-edit", args=[theirs.pk])).status_code == 404
    assert (
        client.post(
            reverse("ledger:channel-edit", args=[theirs.pk]), {"name": "x", "kind": "other"}
        ).status_code
        == 404
    )
    assert client.get(reverse("ledger:channel-detail", args=[theirs.pk])).status_code == 404
    examiner = login(world.reg_in)
    assert examiner.get(reverse("ledger:channel-detail", args=[theirs.pk])).status_code == 200
    assert examiner.get(reverse("ledger:channel-edit", args=[theirs.pk])).status_code == 403
    assert examiner.post(reverse("ledger:channel-add"), {"name": "监管", "kind": "other"}).status_code == 403
    theirs.refresh_from_db()
    assert theirs.name == "ZQX渠道" and not Channel.objects.filter(name="监管").exists()


def test_a_write_view_without_a_service_or_a_list_without_a_table_cannot_be_declared():
    with pytest.raises(ImproperlyConfigured, match="service"):

        class NoService(generic.ObjectEditView):  # noqa: F841
            model = Channel

    with pytest.raises(ImproperlyConfigured, match="service"):

        class NoDeleteService(generic.ObjectDeleteView):  # noqa: F841
            model = Channel

    with pytest.raises(ImproperlyConfigured, match="table"):

        class NoTable(generic.ObjectListView):  # noqa: F841
            model = Channel


# A module's workflow page declared on the generic views (credit's bulk-data request).
class BulkDetail(generic.ObjectDetailView):
    model = BulkDataRequest


class BulkMove(generic.ObjectTransitionView):
    model = BulkDataRequest


class ChannelDelete(generic.ObjectDeleteView):
    model = Channel
    service = ledger_services.channels


class RefusingChannelService(type(ledger_services.channels)):
    def check_deletable(self, obj, actor):
        from django.core.exceptions import ValidationError

        raise ValidationError("渠道已用于上架记录，不能删除。")


class KeptChannelDelete(generic.ObjectDeleteView):
    model = Channel
    service = RefusingChannelService(Channel)


urlpatterns = [
    path(
        "tgen/",
        include(
            (
                generic.object_urls("bulk", detail=BulkDetail, transition=BulkMove)
                + generic.object_urls("chan", delete=ChannelDelete)
                + generic.object_urls("kept", delete=KeptChannelDelete),
                "tgen",
            )
        ),
    ),
    path("", include("appgov.urls")),
]


@pytest.mark.urls(__name__)
def test_transition_view_moves_the_locked_row_and_names_what_is_missing(world, login):
    from appgov.core import services as core

    officer, requester = world.a.users["credit_officer"], world.a.users["administrator"]
    request = core.save(
        BulkDataRequest(
            institution=world.a.inst,
            reference="B-1",
            purpose="x",
            data_scope="x",
            recipient="部门",
            requested_by=requester,
            requested_on=datetime.date(2026, 6, 1),
            retention_until=datetime.date(2026, 7, 1),
        )
    )
    client = login(officer)
    detail = client.get(reverse("tgen:bulk-detail", args=[request.pk])).content.decode()
    move_url = reverse("tgen:bulk-transition", args=[request.pk])
    assert move_url in detail and 'value="rejected"' in detail
    # a required input missing: refused, named, nothing changes
    response = client.post(move_url, {"to_state": "rejected"}, follow=True)
    request.refresh_from_db()
    assert request.status == "requested"
    assert any("驳回理由" in str(m) or "reason" in str(m) for m in response.context["messages"])
    before = ChangeLogEntry.objects.filter(
        object_type="credit.bulkdatarequest", object_id=str(request.pk)
    ).count()
    client.post(move_url, {"to_state": "rejected", "decision_note": "范围过大"})
    request.refresh_from_db()
    assert request.status == "rejected" and request.decision_note == "范围过大"
    after = ChangeLogEntry.objects.filter(object_type="credit.bulkdatarequest", object_id=str(request.pk))
    assert after.count() == before + 1 and after.order_by("-seq").first().action == "transition"
    # the same move again is judged on the row as it is now: refused
    response = client.post(move_url, {"to_state": "rejected", "decision_note": "again"}, follow=True)
    request.refresh_from_db()
    assert request.decision_note == "范围过大"
    assert client.get(move_url).status_code == 405
    # another institution's request: 404
    other = login(world.b.admin)
    assert other.post(move_url, {"to_state": "approved"}).status_code == 404


@pytest.mark.urls(__name__)
def test_delete_view_deletes_through_the_service_or_shows_its_refusal(world, login):
    gone, kept = _channel(world.a, "待删渠道"), _channel(world.a, "保留渠道")
    client = login(world.a.office_user)
    assert "待删渠道" in client.get(reverse("tgen:chan-delete", args=[gone.pk])).content.decode()
    # a channel is kept for the record: deleting it is voiding a mistaken entry, which needs a reason
    response = client.post(reverse("tgen:chan-delete", args=[gone.pk]), follow=True)
    assert Channel.objects.filter(pk=gone.pk).exists()
    assert client.post(reverse("tgen:chan-delete", args=[gone.pk]), {"reason": "重复录入"}).status_code == 302
    # the row stays, voided with who, when and why (issue 12 item 1, core.models.voidable)
    voided = Channel.objects.get(pk=gone.pk)
    assert voided.voided_at is not None and voided.void_reason == "重复录入"
    assert ChangeLogEntry.objects.filter(
        object_type="ledger.channel", object_id=str(gone.pk), action="update", after__void_reason="重复录入"
    ).exists()
    response = client.post(reverse("tgen:kept-delete", args=[kept.pk]), follow=True)
    assert Channel.objects.filter(pk=kept.pk).exists()
    assert any("不能删除" in str(m) for m in response.context["messages"])
    theirs = _channel(world.b, "ZQX渠道")
    assert client.post(reverse("tgen:chan-delete", args=[theirs.pk])).status_code == 404
    assert login(world.reg_in).post(reverse("tgen:chan-delete", args=[theirs.pk])).status_code == 403
    assert Channel.objects.filter(pk=theirs.pk).exists()
