from .context import acting_as


class RequestContextMiddleware:
    """Tags everything a request writes with its user and a request id (also sent back as a header)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user if getattr(request, "user", None) and request.user.is_authenticated else None
        incoming = request.headers.get("X-Request-ID", "")[:64]
        safe = incoming if incoming and all(c.isalnum() or c in "-_." for c in incoming) else None
        with acting_as(user, safe, prefix="req") as request_id:
            request.request_id = request_id
            response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response
