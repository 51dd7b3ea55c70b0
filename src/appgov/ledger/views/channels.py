"""Distribution channels (NFRA-08.3): declared on core's generic views."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from appgov.core.views import generic

from .. import services
from ..filtersets import ChannelFilterSet
from ..forms import ChannelForm
from ..models import Channel
from ..models.choices import ListingState
from ..tables import ChannelTable

LISTED = Count("listings", filter=Q(listings__state=ListingState.LISTED))


class ChannelList(generic.ObjectListView):
    model = Channel
    queryset = Channel.objects.select_related("institution").annotate(listed=LISTED)
    filterset = ChannelFilterSet
    table = ChannelTable
    title = _("Distribution channels")


class ChannelDetail(generic.ObjectDetailView):
    model = Channel
    queryset = Channel.objects.select_related("institution")
    fields = ["name", "kind", "operator", "url", "qualification_checked_on", "institution"]


class ChannelEdit(generic.ObjectEditView):
    model = Channel
    form = ChannelForm
    service = services.channels


urlpatterns = generic.object_urls("channel", list=ChannelList, detail=ChannelDetail, edit=ChannelEdit)
