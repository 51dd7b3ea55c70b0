from django.contrib.auth import views as auth_views
from django.urls import path

from . import twofactor_views, views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/token/", views.api_token, name="account-token"),
    path("account/password/", views.PasswordChangeView.as_view(), name="password-change"),
    path("account/two-factor/", twofactor_views.two_factor, name="two-factor"),
    path("account/two-factor/verify/", twofactor_views.two_factor_verify, name="two-factor-verify"),
    path("account/two-factor/recovery/", twofactor_views.recovery_codes, name="two-factor-recovery"),
    path("account/two-factor/remove/", twofactor_views.remove_two_factor, name="two-factor-remove"),
]
