from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from appgov.core.views.helpers import get_scoped, history_entries

from .models import AccessReview, Party


@login_required
@require_safe
def index(request):
    return render(request, "partners/index.html", {})


@login_required
@require_safe
def party_detail(request, pk):
    party = get_scoped(Party, request.user, pk=pk)
    return render(request, "partners/party_detail.html", {"party": party, "history": history_entries(party)})


@login_required
@require_safe
def review_detail(request, pk):
    review = get_scoped(AccessReview, request.user, pk=pk)
    return render(request, "partners/review_detail.html", {"review": review})
