"""OpenAPI generation: every operation documents the one error shape for its refusals."""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema

from .exceptions import ErrorSerializer

ERROR_STATUSES = {
    "400": "The request was refused; `errors` names each field and what is wrong with it.",
    "401": "Not signed in (no session and no valid token).",
    "403": "Signed in, but the role may not do this, or the record is locked.",
    "404": "No such record in the caller's scope.",
}


class AutoSchema(SpectacularAutoSchema):
    def get_override_parameters(self):
        """Records kept for the record (issue 12 item 1): `reason` on every DELETE (the void's reason), and
        `include_voided` on the list of a model whose rows can be voided, whatever the viewset overrides."""
        from appgov.core.models.voidable import voidable

        from .viewsets import INCLUDE_VOIDED, VOID_REASON

        parameters = list(super().get_override_parameters())
        names = {getattr(p, "name", None) for p in parameters}
        model = getattr(getattr(self.view, "queryset", None), "model", None)
        if self.method == "DELETE" and "reason" not in names:
            parameters.append(VOID_REASON)
        if (
            self.method == "GET"
            and self._is_list_view()
            and model is not None
            and voidable(model)
            and "include_voided" not in names
        ):
            parameters.append(INCLUDE_VOIDED)
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code, description in ERROR_STATUSES.items():
            if code in responses:
                continue
            if code == "400" and self.method in ("GET", "HEAD", "DELETE") and not self._is_list_view():
                continue
            if code == "404" and self._is_list_view() and self.method == "GET":
                continue
            body = self._get_response_for_code(ErrorSerializer, code, direction=direction)
            body["description"] = description
            responses[code] = body
        return responses
