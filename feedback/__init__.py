"""Accessibility feedback: the public reports barriers, the city's contact gets them by email."""
