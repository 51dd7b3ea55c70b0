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
        serializer.is_valid(raise_exception=True)
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
