from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/token/", views.api_token, name="account-token"),
    path("account/password/", views.PasswordChangeView.as_view(), name="password-change"),
]
