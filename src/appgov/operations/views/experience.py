"""Experience assessments (NFRA-06.2): the list, an assessment with every catalogue item and its source, and
the forms to record an assessment and its item results."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.views import generic

from .. import services
from ..datafiles import experience_items
from ..filtersets import AssessmentFilterSet
from ..forms import AssessmentForm, ItemResultForm
from ..models import ExperienceAssessment, ExperienceItemResult
from ..tables import AssessmentTable
from .child_edit import ChildEdit


class AssessmentList(generic.ObjectListView):
    model = ExperienceAssessment
    queryset = ExperienceAssessment.objects.select_related("app", "app__institution", "assessor")
    filterset = AssessmentFilterSet
    table = AssessmentTable
    title = _("Experience assessments (elderly-friendly, minors)")


class AssessmentDetail(generic.ObjectDetailView):
    model = ExperienceAssessment
    queryset = ExperienceAssessment.objects.select_related("app", "assessor")
    template_name = "operations/assessment_detail.html"
    fields = ["app", "major_version", "assessed_on", "assessor", "note"]

    def extra_context(self, obj):
        catalogue = experience_items()
        # a voided item result (a mistaken entry) answers nothing: the item shows as not assessed
        answered = {r.item: r for r in obj.items.filter(voided_at__isnull=True)}
        rows = [
            {
                "item": item,
                "group": catalogue["groups"][item["group"]],
                "sources": [catalogue["sources"][key] for key in item["sources"]],
                "result": answered.get(item["code"]),
            }
            for item in catalogue["items"]
        ]
        add = reverse("operations:itemresult-add") + f"?assessment={obj.pk}" if self.can_write() else None
        current = services.current_major(obj.app)
        return {
            "rows": rows,
            "add_result_url": add,
            "current_major": current,
            "is_current": current == obj.major_version,
        }


class AssessmentEdit(generic.ObjectEditView):
    model = ExperienceAssessment
    form = AssessmentForm
    service = services.assessments


class ItemResultEdit(ChildEdit):
    model = ExperienceItemResult
    form = ItemResultForm
    service = services.item_results
    parent_field = "assessment"


urlpatterns = [
    *generic.object_urls(
        "assessment",
        list=AssessmentList,
        detail=AssessmentDetail,
        edit=AssessmentEdit,
        delete=generic.void_view(ExperienceAssessment, services.assessments),
        base="experience/",
    ),
    *generic.object_urls(
        "itemresult",
        edit=ItemResultEdit,
        delete=generic.void_view(ExperienceItemResult, services.item_results),
        base="experience/items/",
    ),
]
