"""Content at git revisions: reading git, the history of a file, the diff between two revisions."""
