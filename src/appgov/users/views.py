from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from rest_framework.authtoken.models import Token

from .authentication import expires_at
from .forms import LoginForm
from .models import TokenActivity


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True


@login_required
@require_http_methods(["GET", "POST"])
def api_token(request):
    """Show the user's API token with its expiry and last use; POST issues a new one (the old one stops
    working), or with action=revoke only revokes it."""
    if request.method == "POST":
        Token.objects.filter(user=request.user).delete()
        if request.POST.get("action") == "revoke":
            messages.success(request, _("The API token was revoked."))
            return redirect("account-token")
        Token.objects.create(user=request.user)
        messages.success(request, _("A new API token was issued; the previous one no longer works."))
        return redirect("account-token")
    token = Token.objects.filter(user=request.user).first()
    activity = TokenActivity.objects.filter(token=token).first() if token else None
    return render(
        request,
        "users/token.html",
        {"token": token, "expires_at": expires_at(token) if token else None, "activity": activity},
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    """A user changes their own password (Django's form: the old one, the new one twice, the validators)."""

    template_name = "users/password_change.html"
    success_url = reverse_lazy("dashboard")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password was changed."))
        return response
