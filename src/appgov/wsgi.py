import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "appgov.settings")
application = get_wsgi_application()

from appgov.core.startup import refuse_unsafe_start  # noqa: E402  (needs the settings loaded above)

refuse_unsafe_start()
