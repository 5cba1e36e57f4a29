"""Double-random draws in the console: the batch editor and the draw ceremony view.

The workspace that ties them to ``core.services.draws`` (plan list, lock, draw, tasks,
notices) is not built yet; the Draws workspace stays a placeholder until it is.
"""
