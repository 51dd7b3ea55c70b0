from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("accounts", views.CreditAccountViewSet, basename="creditaccount")
router.register("account-changes", views.AccountChangeViewSet, basename="creditaccountchange")
router.register("alerts", views.AlertViewSet, basename="creditalert")
router.register("review-days", views.ReviewDayViewSet, basename="creditreviewday")
router.register("log-files", views.QueryLogBatchViewSet, basename="creditlogfile")
router.register("bulk-data", views.BulkDataRequestViewSet, basename="creditbulkdata")
router.register("authorizations", views.AuthorizationViewSet, basename="creditauthorization")
router.register("kiosks", views.KioskViewSet, basename="creditkiosk")
router.register("dissents", views.DissentCaseViewSet, basename="creditdissent")
router.register("complaints", views.ComplaintViewSet, basename="creditcomplaint")
router.register("reports", views.SecurityReportViewSet, basename="creditreport")
router.register("working-hours", views.WorkingHoursViewSet, basename="creditworkinghours")
router.register("calendar-days", views.CalendarDayViewSet, basename="creditcalendarday")
router.register("staff-subjects", views.StaffSubjectViewSet, basename="creditstaffsubject")
router.register("app-connections", views.CreditAppConnectionViewSet, basename="creditappconnection")
urlpatterns = router.urls
