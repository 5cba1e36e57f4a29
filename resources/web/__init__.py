"""Our own scripts and styles for the map pages (Leaflet and its plugins come from npm)."""
