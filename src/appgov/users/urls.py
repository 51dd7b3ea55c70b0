from django.contrib.auth import views as auth_views
from django.urls import path

from . import org_views, twofactor_views, views

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

urlpatterns += [
    path("organisation/", org_views.institution, name="org-institution"),
    path("organisation/edit/", org_views.institution_edit, name="org-institution-edit"),
    path("organisation/departments/", org_views.department_list, name="org-department-list"),
    path("organisation/departments/new/", org_views.department_create, name="org-department-create"),
    path("organisation/departments/<int:pk>/edit/", org_views.department_edit, name="org-department-edit"),
    path("organisation/people/", org_views.person_list, name="org-person-list"),
    path("organisation/people/new/", org_views.person_create, name="org-person-create"),
    path("organisation/people/<int:pk>/edit/", org_views.person_edit, name="org-person-edit"),
    path("organisation/people/<int:pk>/void/", org_views.PersonVoid.as_view(), name="org-person-void"),
    path("organisation/users/", org_views.user_list, name="org-user-list"),
    path("organisation/users/new/", org_views.user_create, name="org-user-create"),
    path("organisation/users/<int:pk>/edit/", org_views.user_edit, name="org-user-edit"),
    path("organisation/users/<int:pk>/active/", org_views.user_active, name="org-user-active"),
    path("organisation/users/<int:pk>/password/", org_views.user_password, name="org-user-password"),
    path(
        "organisation/users/<int:pk>/two-factor-reset/",
        org_views.user_second_factor_reset,
        name="org-user-two-factor-reset",
    ),
]
