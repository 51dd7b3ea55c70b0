"""AppGov: governance of financial institutions' mobile apps and credit-information security."""

__version__ = "0.1.0"
