"""Lessons of the Lessenreeks Schoolsignaal: the model, the loader and the content.

No Qt and nothing of `desktop/` is imported here: lessons load and validate without a display.
"""
