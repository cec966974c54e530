"""The browser editor at /admin/ (Decap CMS): its configuration, pages and data, derived from the format."""
