"""The compliance framework every module writes its checks on: the check registry, results and outcomes, and the
evaluation context whose facts the owning modules register. The compliance domain (catalogue, evaluation,
findings, evidence) is built on it; modules import only this package, never the compliance domain."""
