"""Map building with folium (no Qt): pages and layers the desktop loads from files."""
