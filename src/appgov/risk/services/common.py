from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from appgov.core.services import ModelService


class KeptService(ModelService):
    """Records a regulator may ask for are never deleted."""

    def check_deletable(self, obj, actor) -> None:
        raise ValidationError(
            _("%(what)s are kept for the record and cannot be deleted.")
            % {"what": self.model._meta.verbose_name_plural}
        )


def same_institution(institution_id, apps, field="apps") -> None:
    """Refuse apps of another institution (the API's scoped fields already hide them; this is the rule)."""
    foreign = [a for a in apps if a.institution_id != institution_id]
    if foreign:
        raise ValidationError(
            {
                field: _("These apps belong to another institution: %(names)s.")
                % {"names": ", ".join(str(a) for a in foreign)}
            }
        )
