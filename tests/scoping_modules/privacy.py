from .route import Route

ROUTES = {
    "privacy:index": Route("list", reg_read=True),
}
FACTORY_KEYS = ""


def build_b(world) -> dict:
    return {}
