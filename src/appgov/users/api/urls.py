from django.urls import path
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.routers import DefaultRouter

from appgov.core.api.filters import BoundedJSONParser

from . import views

router = DefaultRouter()
router.register("users", views.UserViewSet)
obtain_auth_token = ObtainAuthToken.as_view(parser_classes=[FormParser, MultiPartParser, BoundedJSONParser])
urlpatterns = [path("auth/token/", obtain_auth_token, name="api-token"), *router.urls]
