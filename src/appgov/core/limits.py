"""Length limits taken from the model field (issue 12 item 9), for input that does not pass through a model
form, a serializer or full_clean (bulk feeds): the same validator, so the same refusal."""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxLengthValidator


def length_problems(model, values: dict) -> dict[str, str]:
    """{field name: the model field's refusal} for every text value longer than its field allows."""
    problems = {}
    for name, value in values.items():
        if not isinstance(value, str):
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        for validator in field.validators:
            if isinstance(validator, MaxLengthValidator):
                try:
                    validator(value)
                except ValidationError as exc:
                    problems[name] = exc.messages[0]
    return problems
