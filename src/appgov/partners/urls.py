from django.urls import path

from appgov.core.views import generic

from . import services, views
from .models import Assessment, Contact, Contract, Party, Qualification

app_name = "partners"
urlpatterns = [
    path("", views.index, name="index"),
    path("parties/export/", views.party_export, name="party-export"),
    path("parties/import/", views.party_import, name="party-import"),
    *generic.object_urls(
        "party",
        list=views.PartyList,
        detail=views.PartyDetail,
        edit=views.PartyEdit,
        transition=views.PartyMove,
        delete=generic.void_view(Party, services.parties),
        base="parties/",
    ),
    path("parties/<int:pk>/assessments/add/", views.assessment_add, name="assessment-add"),
    path("assessments/<int:pk>/decide/", views.assessment_decide, name="assessment-decide"),
    # void a mistaken record shown on its party's page (issue 12 item 1)
    path(
        "assessments/<int:pk>/void/",
        generic.void_view(Assessment, services.assessments, back="party").as_view(url_base="assessment"),
        name="assessment-delete",
    ),
    path("relations/<int:pk>/review/", views.relation_review, name="relation-review"),
    path("grants/<int:pk>/revoke/", views.grant_revoke, name="grant-revoke"),
    path("grants/import/", views.grant_import, name="grant-import"),
    path("reviews/", views.review_list, name="review-list"),
    path("reviews/start/", views.review_start, name="review-start"),
    path("reviews/<int:pk>/", views.review_detail, name="review-detail"),
    path("reviews/<int:pk>/sign-off/", views.review_signoff, name="review-signoff"),
    path("review-items/<int:pk>/decide/", views.review_item_decide, name="review-item-decide"),
]
for _kind, _plural in [
    ("qualification", "qualifications"),
    ("contact", "contacts"),
    ("contract", "contracts"),
    ("relation", "relations"),
    ("grant", "grants"),
]:
    urlpatterns += [
        path(f"parties/<int:pk>/{_plural}/add/", views.child_add, {"kind": _kind}, name=f"{_kind}-add"),
        path(f"{_plural}/<int:pk>/edit/", views.child_edit, {"kind": _kind}, name=f"{_kind}-edit"),
    ]
for _kind, _plural, _model, _service in [
    ("qualification", "qualifications", Qualification, services.qualifications),
    ("contact", "contacts", Contact, services.contacts),
    ("contract", "contracts", Contract, services.contracts),
]:
    urlpatterns.append(
        path(
            f"{_plural}/<int:pk>/void/",
            generic.void_view(_model, _service, back="party").as_view(url_base=_kind),
            name=f"{_kind}-delete",
        )
    )
