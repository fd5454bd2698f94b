"""Translation workflow around wagtail-localize: status report, minor edits, machine translators."""
