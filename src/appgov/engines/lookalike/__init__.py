"""Look-alike (counterfeit / repackaged app) engine."""
