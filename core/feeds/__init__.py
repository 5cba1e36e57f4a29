"""Feeds from systems that are not ours (issue 16), without Qt.

- :mod:`.scope` reads a business scope (经营范围) into permit items (pure);
- :mod:`.mapping` keeps the permit-to-department mapping and the commitment catalogue
  (告知承诺事项清单) an administrator edits;
- :mod:`.registrations` takes registrations from the registration system: the double-notification
  pushes (双告知) and the commitment verifications they start, once per registration id;
- :mod:`.foreign_codes` maps a foreign system's Open311 service codes to our matters;
- :mod:`.api_keys` and :mod:`.open311_server` serve GeoReport v2 to those systems;
- :mod:`.dropfolder` imports the files a system drops in a watched folder, keeping each result;
  :mod:`.kinds` tells each file's kind (its subfolder, or its headers against core.exchange's kinds).

This package imports only the core; the modules are imported where used (no import here), so
``core.services.clues.open311`` can use :mod:`.foreign_codes` without a cycle.
"""
