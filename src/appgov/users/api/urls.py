from django.urls import path
from rest_framework.routers import DefaultRouter

from . import views
from .token import ObtainTokenWithSecondFactor

router = DefaultRouter()
router.register("users", views.UserViewSet)
obtain_auth_token = ObtainTokenWithSecondFactor.as_view()
urlpatterns = [path("auth/token/", obtain_auth_token, name="api-token"), *router.urls]
