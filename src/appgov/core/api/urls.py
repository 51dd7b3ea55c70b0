from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("regulator-offices", views.RegulatorOfficeViewSet)
router.register("institutions", views.InstitutionViewSet)
router.register("departments", views.DepartmentViewSet)
router.register("people", views.PersonViewSet)
urlpatterns = router.urls
