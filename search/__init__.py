"""Public search over offers, funding sources, measures, action fields and facts."""
