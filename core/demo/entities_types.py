"""Order of entity types and risk classes in the generator's index arrays."""
TYPES = ("individual", "enterprise", "cooperative")
RISKS = ("A", "B", "C", "D")
