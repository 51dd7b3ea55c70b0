"""API tokens that expire (APPGOV_API_TOKEN_DAYS after they were issued) and record their last use."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from appgov.core.zones import activate_for

from .models import TokenActivity

LAST_USE_RESOLUTION = datetime.timedelta(minutes=1)


def expires_at(token) -> datetime.datetime:
    return token.created + datetime.timedelta(days=settings.APPGOV_API_TOKEN_DAYS)


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            record_use(result[1], request.META.get("REMOTE_ADDR"))
            activate_for(result[0])  # the middleware saw an anonymous request; the zone of the token's user
        return result

    def authenticate_credentials(self, key):
        model = self.get_model()
        try:
            token = model.objects.select_related("user__institution").get(key=key)
        except model.DoesNotExist:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        user = token.user
        if expires_at(token) <= timezone.now():
            # an expired token is revoked, so `POST /api/auth/token/` (get or create) issues a fresh one
            token.delete()
            raise exceptions.AuthenticationFailed(
                _("The API token has expired; issue a new one on the API token page.")
            )
        return user, token


def record_use(token, address: str | None) -> None:
    now = timezone.now()
    updated = TokenActivity.objects.filter(token=token, last_used_at__lt=now - LAST_USE_RESOLUTION).update(
        last_used_at=now, last_used_from=address or None
    )
    if not updated and not TokenActivity.objects.filter(token=token).exists():
        TokenActivity.objects.get_or_create(
            token=token, defaults={"last_used_at": now, "last_used_from": address or None}
        )
