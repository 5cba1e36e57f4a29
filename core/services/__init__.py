"""Domain services: each call runs in one unit of work and is audited."""
