"""The counterfeit module's list pages declared as tables (core.tables)."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from appgov.core.tables import Column, Table, as_text

from .models import CounterfeitCase, ObservedListing


def _case_link(case, _value):
    return format_html('<a href="{}">#{}</a>', reverse("counterfeit:case-detail", args=[case.pk]), case.pk)


def _listing(case, _value):
    return format_html('{}<div class="small text-muted">{}</div>', case.listing_name, case.package_id)


def _report_due(case, value):
    if getattr(case, "report_overdue", False):
        return format_html(
            '<span class="text-danger fw-semibold">{} · {}</span>', as_text(value), _("overdue")
        )
    return as_text(value)


def _score(case, value):
    return "—" if value is None else f"{value:.2f}"


class CaseTable(Table):
    model = CounterfeitCase
    html_id = "cases"
    default_order = "-opened_at,-id"
    columns = [
        Column("pk", "#", render=_case_link, order_by="id"),
        Column("institution__name", gettext_lazy("Institution"), regulator_only=True),
        Column("app__name", gettext_lazy("App")),
        Column("listing_name", gettext_lazy("Listing"), render=_listing, order_by="listing_name"),
        Column("source", gettext_lazy("Source")),
        Column("alert_kind", gettext_lazy("Alert")),
        Column("score", gettext_lazy("Score"), render=_score, order_by="score"),
        Column("state", gettext_lazy("State")),
        Column("report_due_on", gettext_lazy("Report due"), render=_report_due, order_by="report_due_on"),
        Column(
            "opened_at",
            gettext_lazy("Opened"),
            render=lambda c, v: v and as_text(v)[:10],
            order_by="opened_at",
        ),
    ]


def _listing_name(listing, value):
    if not listing.unregistered_app_id:
        return as_text(value)
    badge = _("own build of %(app)s, not in the ledger") % {"app": listing.unregistered_app.name}
    return format_html(
        '{} <span class="badge text-bg-warning unregistered" title="{}">{}</span>',
        value,
        listing.unregistered_explanation,
        badge,
    )


def _screened(listing, _value):
    if listing.screened_hash == listing.content_hash:
        return as_text(listing.screened_at)
    return format_html('<span class="text-warning">{}</span>', _("pending"))


class ListingTable(Table):
    model = ObservedListing
    html_id = "listings"
    default_order = "listing_id"
    per_page = 100
    columns = [
        Column("listing_id", gettext_lazy("Listing id")),
        Column("institution__name", gettext_lazy("Institution"), regulator_only=True),
        Column("source", gettext_lazy("Source")),
        Column("name", gettext_lazy("Name"), render=_listing_name, order_by="name"),
        Column("package_id", gettext_lazy("Package id")),
        Column("developer", gettext_lazy("Developer")),
        Column("screened_at", gettext_lazy("Screened"), render=_screened, order_by="screened_at"),
    ]
