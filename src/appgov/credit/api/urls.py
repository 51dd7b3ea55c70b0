from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("accounts", views.CreditAccountViewSet, basename="creditaccount")
router.register("account-changes", views.AccountChangeViewSet, basename="accountchange")
router.register("alerts", views.AlertViewSet, basename="creditalert")
router.register("review-days", views.ReviewDayViewSet, basename="reviewday")
router.register("log-files", views.QueryLogBatchViewSet, basename="querylogbatch")
router.register("bulk-data", views.BulkDataRequestViewSet, basename="bulkdatarequest")
router.register("authorizations", views.AuthorizationViewSet, basename="creditauthorization")
router.register("kiosks", views.KioskViewSet, basename="kiosk")
router.register("dissents", views.DissentCaseViewSet, basename="dissentcase")
router.register("complaints", views.ComplaintViewSet, basename="complaint")
router.register("reports", views.SecurityReportViewSet, basename="securityreport")
urlpatterns = router.urls
