"""Coordinates: WGS-84 is stored; GCJ-02 and BD-09 are converted on input and output."""
