from rest_framework.routers import DefaultRouter

from . import bulletins

router = DefaultRouter()
router.register("bulletins", bulletins.BulletinViewSet, basename="supervision-bulletin")
router.register("received", bulletins.BulletinReceivedViewSet, basename="supervision-received")
router.register("bulletin-answers", bulletins.BulletinAnswerViewSet, basename="supervision-answer")
router.register("submissions", bulletins.SubmissionViewSet, basename="supervision-submission")
urlpatterns = router.urls
