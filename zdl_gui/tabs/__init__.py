"""The study tabs, one module each; ``registry`` lists them by chapter."""
