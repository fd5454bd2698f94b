"""Review cycle of measures: log, reminder rules, digests and their delivery."""
