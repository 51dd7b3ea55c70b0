from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from appgov.core.roles import can_write
from appgov.core.scoping import scoped
from appgov.core.views.helpers import apply_service_errors, require_write

from .. import services
from ..forms import ChannelForm
from ..models import Channel
from ..models.choices import ListingState


@login_required
def channel_list(request):
    channels = (
        scoped(Channel, request.user)
        .select_related("institution")
        .annotate(listed=Count("listings", filter=Q(listings__state=ListingState.LISTED)))
    )
    form = None
    if request.method == "POST":
        require_write(request.user, Channel)
    if can_write(request.user, "ledger.channel"):
        form = ChannelForm(request.POST or None, user=request.user)
        if request.method == "POST":
            if form.is_valid():
                obj = form.save(commit=False)
                obj.institution_id = request.user.institution_id
                try:
                    services.save(obj, request.user)
                except ValidationError as exc:
                    apply_service_errors(request, form, exc)
                else:
                    messages.success(request, _("Channel %(name)s added.") % {"name": obj.name})
                    return redirect("ledger:channel-list")
    return render(request, "ledger/channel_list.html", {"channels": channels, "form": form})
