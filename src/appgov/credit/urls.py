from django.urls import path

from .views import accounts, alerts, edits, monitoring, overview, registers

app_name = "credit"
urlpatterns = [
    path("", overview.overview, name="overview"),
    path("accounts/", accounts.account_list, name="account-list"),
    path("accounts/<int:pk>/", accounts.account_detail, name="account-detail"),
    path("changes/<int:pk>/<str:decision>/", accounts.change_decide, name="change-decide"),
    path("access-reviews/", accounts.review_list, name="review-list"),
    path("access-reviews/<int:pk>/", accounts.review_detail, name="review-detail"),
    path("logs/", monitoring.logs, name="logs"),
    path("daily-review/", monitoring.reviewday_list, name="reviewday-list"),
    path("daily-review/no-queries/", monitoring.declare_no_queries, name="reviewday-no-queries"),
    path("daily-review/<int:pk>/", monitoring.reviewday_detail, name="reviewday-detail"),
    path(
        "daily-review/<int:pk>/queries.xlsx",
        monitoring.reviewday_queries_export,
        name="reviewday-queries-export",
    ),
    path("alerts/<int:pk>/disposition/", monitoring.alert_disposition, name="alert-disposition"),
    path("rule-metrics/", monitoring.rule_metrics, name="rule-metrics"),
    path("alerts/", alerts.alert_list, name="alert-list"),
    path("authorizations/", registers.register, {"kind": "authorization"}, name="authorization-list"),
    path("kiosks/", registers.register, {"kind": "kiosk"}, name="kiosk-list"),
    path("kiosks/<int:pk>/purge/", registers.kiosk_purge, name="kiosk-purge"),
    path("bulk-data/", registers.register, {"kind": "bulk"}, name="bulk-list"),
    path("bulk-data/<int:pk>/<str:step>/", registers.bulk_step, name="bulk-step"),
    path("dissents/", registers.register, {"kind": "dissent"}, name="dissent-list"),
    path("dissents/<int:pk>/", registers.dissent_detail, name="dissent-detail"),
    path("complaints/", registers.register, {"kind": "complaint"}, name="complaint-list"),
    path("complaints/<int:pk>/close/", registers.complaint_close, name="complaint-close"),
    path("reports/", registers.register, {"kind": "report"}, name="report-list"),
    path("leading-group/", registers.leading_group, name="leading-group"),
    path("accounts/<int:pk>/password/", edits.account_password, name="account-password"),
    path("calendar/", edits.calendar, name="calendar"),
    path("staff-subjects/", edits.staff_list, name="staff-list"),
    path("app-connections/", edits.app_list, name="app-list"),
]
# edit pages of every register and their retire / withdraw / end / delete step (before bulk-step, whose
# <str:step> would otherwise take "edit")
_edits = []
for _kind, _prefix in [
    ("authorization", "authorizations"),
    ("kiosk", "kiosks"),
    ("bulk", "bulk-data"),
    ("dissent", "dissents"),
    ("complaint", "complaints"),
    ("report", "reports"),
    ("staff", "staff-subjects"),
    ("app", "app-connections"),
    ("hours", "calendar/hours"),
    ("day", "calendar/days"),
]:
    _edits.append(path(f"{_prefix}/<int:pk>/edit/", edits.entry_edit, {"kind": _kind}, name=f"{_kind}-edit"))
    _action = edits.EDITABLE[_kind].action
    if _action:
        _edits.append(
            path(
                f"{_prefix}/<int:pk>/{_action}/",
                edits.entry_action,
                {"kind": _kind},
                name=f"{_kind}-{_action}",
            )
        )
urlpatterns = _edits + urlpatterns
