"""The risk module's pages, declared on core's generic views; every write is a service call or a workflow move."""
