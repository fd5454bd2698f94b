"""Build script for the vendored KERN UX stylesheet."""
