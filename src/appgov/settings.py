"""Django settings. Everything that differs between machines comes from the environment."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = Path(os.environ.get("APPGOV_HOME", BASE_DIR.parent.parent))
VAR_DIR = Path(os.environ.get("APPGOV_VAR_DIR", PROJECT_DIR / "var"))
(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)


def _env_flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in ("1", "true", "yes", "on")


def _secret_key() -> str:
    if os.environ.get("APPGOV_SECRET_KEY"):
        return os.environ["APPGOV_SECRET_KEY"]
    key_file = os.environ.get("APPGOV_SECRET_KEY_FILE")
    if key_file:
        return Path(key_file).read_text(encoding="utf-8").strip()
    return BUILTIN_SECRET_KEY


# Known to everyone who has the source: web servers refuse to start with it (appgov.core.startup) unless
# APPGOV_DEBUG=1 or APPGOV_DEMO=1 (`make run`) says this is not a production installation.
BUILTIN_SECRET_KEY = "dev-only-insecure-key-change-me-in-production"
SECRET_KEY = _secret_key()
DEBUG = _env_flag("APPGOV_DEBUG")
APPGOV_DEMO = _env_flag("APPGOV_DEMO")
ALLOWED_HOSTS = os.environ.get("APPGOV_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("APPGOV_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# HTTPS (behind a TLS-terminating proxy or not): APPGOV_HTTPS=1 switches on secure cookies, the redirect to
# https and HSTS; each can be tuned apart. APPGOV_PROXY_COUNT names how many trusted proxies stand in front
# (their X-Forwarded-Proto and X-Forwarded-For are believed, nothing else's).
APPGOV_HTTPS = _env_flag("APPGOV_HTTPS")
SESSION_COOKIE_SECURE = _env_flag("APPGOV_SECURE_COOKIES", APPGOV_HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = _env_flag("APPGOV_SSL_REDIRECT", APPGOV_HTTPS)
SECURE_HSTS_SECONDS = int(os.environ.get("APPGOV_HSTS_SECONDS", "31536000" if APPGOV_HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_flag("APPGOV_HSTS_INCLUDE_SUBDOMAINS", APPGOV_HTTPS)
SECURE_HSTS_PRELOAD = _env_flag("APPGOV_HSTS_PRELOAD")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # monitoring probes talk plain HTTP on the loopback
APPGOV_PROXY_COUNT = int(os.environ.get("APPGOV_PROXY_COUNT", "0"))
if APPGOV_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    AXES_IPWARE_PROXY_COUNT = APPGOV_PROXY_COUNT
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# No inline script anywhere (templates load static files only); styles may be inline (ECharts, ReDoc).
APPGOV_CSP = os.environ.get(
    "APPGOV_CSP",
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
)
APPGOV_CSP_REPORT_ONLY = _env_flag("APPGOV_CSP_REPORT_ONLY")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "appgov.core",
    "appgov.users",
    "appgov.ledger",
    "appgov.compliance",
    "appgov.scanning",
    "appgov.counterfeit",
    "appgov.credit",
    "appgov.partners",
    "appgov.operations",
    "appgov.privacy",
    "appgov.risk",
    "appgov.supervision",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "appgov.users.middleware.TwoFactorMiddleware",
    "appgov.core.middleware.InstitutionTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "appgov.core.middleware.RequestContextMiddleware",
    "appgov.core.middleware.SecurityHeadersMiddleware",
    "axes.middleware.AxesMiddleware",
    "appgov.core.middleware.DatabaseBusyMiddleware",
]

ROOT_URLCONF = "appgov.urls"
WSGI_APPLICATION = "appgov.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "appgov.credit.context_processors.open_alerts",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'appgov.sqlite3'}"),
        conn_max_age=int(os.environ.get("APPGOV_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "users.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if os.environ.get("APPGOV_FAST_PASSWORD_HASHER") == "1":  # test suites only
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "appgov.users.backends.UserBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_AGE = int(os.environ.get("APPGOV_SESSION_SECONDS", str(8 * 3600)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False

# Login throttling for 15 minutes: five failures lock the username from that address; twenty failures over
# any usernames lock the address itself (appgov.users.lockout).
AXES_FAILURE_LIMIT = int(os.environ.get("APPGOV_LOGIN_FAILURE_LIMIT", "5"))
APPGOV_LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("APPGOV_LOGIN_ADDRESS_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "appgov.users.lockout.AddressAwareHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_ENABLED = os.environ.get("APPGOV_AXES_ENABLED", "1") == "1"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

FORMS_URLFIELD_ASSUME_HTTPS = True
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
NODE_MODULES = PROJECT_DIR / "node_modules"
for _prefix, _path in [
    ("vendor/bootstrap", "bootstrap/dist"),
    ("vendor/bootstrap-icons", "bootstrap-icons/font"),
    ("vendor/htmx", "htmx.org/dist"),
    ("vendor/echarts", "echarts/dist"),
]:
    if (NODE_MODULES / _path).is_dir():
        STATICFILES_DIRS.append((_prefix, NODE_MODULES / _path))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

MEDIA_ROOT = Path(os.environ.get("APPGOV_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"  # never served directly: downloads go through scoped views
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
# The key of the change-log chain lives outside the database (created 0600 at first use; back it up apart
# from the database: without it the chain cannot be verified, with it the chain can be rewritten).
APPGOV_CHAIN_KEY_FILE = Path(os.environ.get("APPGOV_CHAIN_KEY_FILE", VAR_DIR / "chain.key"))
# evidence and finding attachments (compliance/evidence_files.py)
APPGOV_MAX_EVIDENCE_BYTES = int(os.environ.get("APPGOV_MAX_EVIDENCE_BYTES", str(20 * 1024 * 1024)))
APPGOV_MAX_PACKAGE_BYTES = int(os.environ.get("APPGOV_MAX_PACKAGE_BYTES", str(500 * 1024 * 1024)))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "appgov.users.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["appgov.core.api.permissions.RoleWritePermission"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "appgov.core.api.pagination.CappedLimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "appgov.core.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "appgov.core.api.exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "AppGov API",
    "DESCRIPTION": "Mobile-app governance (NFRA 2024) and credit-information security (PBoC 102).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # offline and complete: no online validator badge; the API's groups listed collapsed on the first screen
    # (Swagger UI renders the operations of an open group as the reader scrolls) with a filter box
    "SWAGGER_UI_SETTINGS": {
        "deepLinking": True,
        "validatorUrl": None,
        "docExpansion": "none",
        "filter": True,
    },
    "COMPONENT_SPLIT_REQUEST": True,
    # the schema (and the docs pages reading it) only for signed-in users or token holders
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
}
# /healthz: how old a worker's (per queue) or the scheduler's last heartbeat may be, and the free space the
# var dir (database, uploads) must keep.
APPGOV_HEALTH_WORKER_MAX_AGE = int(os.environ.get("APPGOV_HEALTH_WORKER_MAX_AGE", "60"))
APPGOV_HEALTH_SCHEDULER_MAX_AGE = int(os.environ.get("APPGOV_HEALTH_SCHEDULER_MAX_AGE", "180"))
APPGOV_HEALTH_MIN_FREE_BYTES = int(os.environ.get("APPGOV_HEALTH_MIN_FREE_BYTES", str(512 * 1024 * 1024)))
# Workers and the scheduler write a heartbeat this often; a RUNNING task whose worker has been silent for the
# lease is retried (until it was started MAX_ATTEMPTS times) or marked failed, by the scheduler.
APPGOV_HEARTBEAT_SECONDS = int(os.environ.get("APPGOV_HEARTBEAT_SECONDS", "10"))
APPGOV_TASK_LEASE_SECONDS = int(os.environ.get("APPGOV_TASK_LEASE_SECONDS", "120"))
APPGOV_TASK_MAX_ATTEMPTS = int(os.environ.get("APPGOV_TASK_MAX_ATTEMPTS", "2"))
# API tokens stop working this many days after they were issued (a user issues a new one on the token page).
APPGOV_API_TOKEN_DAYS = int(os.environ.get("APPGOV_API_TOKEN_DAYS", "90"))
# TOTP second factor (users/twofactor.py): required of these roles, optional for the others (issue 12 item 12)
APPGOV_2FA_REQUIRED_ROLES = [
    r.strip()
    for r in os.environ.get(
        "APPGOV_2FA_REQUIRED_ROLES", "administrator,regulator_examiner,regulator_head"
    ).split(",")
    if r.strip()
]
OTP_TOTP_ISSUER = "AppGov"
APPGOV_API_MAX_PAGE_SIZE = int(os.environ.get("APPGOV_API_MAX_PAGE_SIZE", "500"))

# Credit-query monitoring in near real time: the cycle's period, the watched folder (one sub-folder per
# institution code), the severities e-mailed at once and the SMTP server (no server: the digest log only).
APPGOV_CREDIT_CYCLE_MINUTES = int(os.environ.get("APPGOV_CREDIT_CYCLE_MINUTES", "5"))
APPGOV_CREDIT_IMPORT_DIR = Path(os.environ.get("APPGOV_CREDIT_IMPORT_DIR", VAR_DIR / "credit-import"))
APPGOV_CREDIT_NOTIFY_SEVERITIES = os.environ.get("APPGOV_CREDIT_NOTIFY_SEVERITIES", "high").split(",")
APPGOV_SMTP_HOST = os.environ.get("APPGOV_SMTP_HOST", "")
if APPGOV_SMTP_HOST:
    EMAIL_HOST = APPGOV_SMTP_HOST
    EMAIL_PORT = int(os.environ.get("APPGOV_SMTP_PORT", "25"))
    DEFAULT_FROM_EMAIL = os.environ.get("APPGOV_MAIL_FROM", "appgov@localhost")
APPGOV_BASE_URL = os.environ.get("APPGOV_BASE_URL", "")

TASKS = {
    "default": {
        "BACKEND": os.environ.get("APPGOV_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        # "long" takes the jobs that run for minutes (counterfeit sweeps) so scans never wait behind them;
        # `appgov runall` starts one worker per queue.
        "QUEUES": ["default", "long"],
    }
}

# A file cache is shared by every web worker and the task worker (a per-process memory cache would miss once
# per worker for every list); sessions are read through it.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("APPGOV_CACHE_DIR", str(VAR_DIR / "cache")),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
APPGOV_LIST_CACHE_SECONDS = int(os.environ.get("APPGOV_LIST_CACHE_SECONDS", "300"))

# APPGOV_LOG_FORMAT=json: one JSON object per line with request_id and user (appgov.core.logjson); the
# request log (one line per request, with the request id; `appgov runall` then drops gunicorn's plain access
# log) is on with JSON, or with APPGOV_REQUEST_LOG=1.
APPGOV_LOG_FORMAT = os.environ.get("APPGOV_LOG_FORMAT", "text")
APPGOV_REQUEST_LOG = _env_flag("APPGOV_REQUEST_LOG", APPGOV_LOG_FORMAT == "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_context": {"()": "appgov.core.logjson.RequestContextFilter"}},
    "formatters": {
        "json": {"()": "appgov.core.logjson.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s %(user)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if APPGOV_LOG_FORMAT == "json" else "text",
            "filters": ["request_context"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("APPGOV_LOG_LEVEL", "WARNING")},
    "loggers": {
        "appgov.request": {"level": "INFO" if APPGOV_REQUEST_LOG else "NOTSET"},
    },
}
