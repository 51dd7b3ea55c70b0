"""`POST /api/auth/token/`: the API token for a user name and password, and for a user with a second factor
(required by their role, or enrolled) also the current code as `otp`; without it the password alone would
be a way around the second factor."""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.parsers import FormParser, MultiPartParser

from appgov.core.api.filters import BoundedJSONParser

from .. import twofactor


class ObtainTokenWithSecondFactor(ObtainAuthToken):
    parser_classes = [FormParser, MultiPartParser, BoundedJSONParser]

    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        try:
            serializer.is_valid(raise_exception=True)
        except exceptions.ValidationError:
            # django-axes refuses a locked user name or address inside authenticate(), which DRF reports as
            # wrong credentials: say it is a lockout (429), as the sign-in page does
            if getattr(request._request, "axes_locked_out", False) or getattr(
                request, "axes_locked_out", False
            ):
                raise exceptions.Throttled(
                    detail=_(
                        "Too many failed sign-ins from this address or for this user name; try again later."
                    )
                ) from None
            raise
        user = serializer.validated_data["user"]
        if twofactor.required(user):
            if not twofactor.enrolled(user):
                raise exceptions.PermissionDenied(
                    _(
                        "Set up two-factor authentication on the web page first; then ask for a token with the code."
                    )
                )
            if twofactor.match(user, str(request.data.get("otp", ""))) is None:
                raise exceptions.AuthenticationFailed(
                    _("Give the current code of your authenticator app as “otp”.")
                )
        return super().post(request, *args, **kwargs)
