from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("parties", views.PartyViewSet, basename="partners-party")
router.register("qualifications", views.QualificationViewSet, basename="partners-qualification")
router.register("contacts", views.ContactViewSet, basename="partners-contact")
router.register("relations", views.RelationViewSet, basename="partners-relation")
router.register("contracts", views.ContractViewSet, basename="partners-contract")
router.register("assessments", views.AssessmentViewSet, basename="partners-assessment")
router.register("grants", views.AccessGrantViewSet, basename="partners-grant")
router.register("reviews", views.AccessReviewViewSet, basename="partners-review")
router.register("review-items", views.AccessReviewItemViewSet, basename="partners-reviewitem")
urlpatterns = router.urls
