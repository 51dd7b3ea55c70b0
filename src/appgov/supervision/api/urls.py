from rest_framework.routers import DefaultRouter

from . import bulletins, campaigns

router = DefaultRouter()
router.register("bulletins", bulletins.BulletinViewSet, basename="supervision-bulletin")
router.register("received", bulletins.BulletinReceivedViewSet, basename="supervision-received")
router.register("bulletin-answers", bulletins.BulletinAnswerViewSet, basename="supervision-answer")
router.register("submissions", bulletins.SubmissionViewSet, basename="supervision-submission")
router.register("campaigns", campaigns.CampaignViewSet, basename="supervision-campaign")
router.register("campaign-results", campaigns.CampaignResultViewSet, basename="supervision-result")
router.register("campaign-findings", campaigns.CampaignFindingViewSet, basename="supervision-cfinding")
router.register("measures", campaigns.MeasureViewSet, basename="supervision-measure")
router.register(
    "rectification-decisions", campaigns.RectificationDecisionViewSet, basename="supervision-decision"
)
urlpatterns = router.urls
