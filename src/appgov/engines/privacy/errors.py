class PolicyError(ValueError):
    """A policy file that cannot be read; the message says what is wrong with it."""
