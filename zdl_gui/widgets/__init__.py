"""Small widgets shared by the study tabs."""
