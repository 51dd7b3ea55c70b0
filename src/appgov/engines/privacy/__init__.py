"""Privacy-policy analysis (NFRA-16): what a Chinese privacy policy declares (personal-information types,
permissions, third-party SDKs, rights, dates, contact), held against what the package does (the scan), and the
policy's completeness against rules kept as data. No Django: appgov.privacy drives it."""

from .compare import compare, differences
from .completeness import completeness
from .errors import PolicyError
from .extract import extract
from .policy import read_text, split

__all__ = ["PolicyError", "compare", "completeness", "differences", "extract", "read_text", "split"]
