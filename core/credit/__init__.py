"""Credit (信用) at the core of supervision: records, lists, an explainable class A-D, joint measures.

No Qt. The pure parts (:mod:`.kinds`, :mod:`.rules`, :mod:`.scoring`) hold no database;
the rest reads and writes through :class:`core.db.database.Database`.
"""

from .city import CityScores, rescore, score_city
from .joint import MeasuresFor, load_measures, measures_for
from .kinds import KINDS, kind_name
from .lists import add_record, apply_transitions, due_transitions, import_official, repair
from .records import CreditRecordRow, CurrentClass, Explanation, current_class, entity_id_of, explain, records_of
from .rules import CLASSES, DEFAULT_RULES, RuleSet, rules_from_dict, rules_from_json
from .rulesets import activate, preview, rule_sets, save_rule_set

__all__ = [
    "CLASSES", "DEFAULT_RULES", "KINDS", "CityScores", "CreditRecordRow", "CurrentClass", "Explanation",
    "MeasuresFor", "RuleSet", "activate", "add_record", "apply_transitions", "current_class", "due_transitions",
    "entity_id_of", "explain", "import_official", "kind_name", "load_measures", "measures_for", "preview",
    "records_of", "repair", "rescore", "rule_sets", "rules_from_dict", "rules_from_json", "save_rule_set",
    "score_city",
]
