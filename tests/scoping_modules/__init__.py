"""The scoping suite's description of each new module, one file per module (partners.py, operations.py, …), so
that modules are added without editing tests/test_scoping.py. Each file defines:

- ROUTES: {url name: Route(...)} for every URL pattern of the module (pages and API), as in test_scoping.
- FACTORY_KEYS: "key1 key2 …", the names of institution B's objects that build_b returns.
- build_b(world) -> dict: creates B's objects (names and codes containing the marker "ZQX") and returns
  {key: pk} for the keys above.
- PREPARE (optional): {"appgov.<module>": key}, the object made before a module's page is requested.
- state(inst) (optional): a value that changes when any of B's objects of the module changes.
"""

import importlib
import pkgutil

MODULES = [
    importlib.import_module(f"{__name__}.{info.name}")
    for info in pkgutil.iter_modules(__path__)
    if info.name != "route"
]
