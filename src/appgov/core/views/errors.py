from django.shortcuts import render


def bad_request(request, exception=None):
    """400 with the reason (a BadRequest raised by a view names the parameter that is wrong)."""
    message = str(exception) if exception is not None and exception.args else ""
    return render(request, "400.html", {"message": message}, status=400)
