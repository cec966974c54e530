"""Katalog wiązek usług społecznych: the format, the validator, the model and the views.

Nothing in this package but `mkdocs_plugin` imports MkDocs: the product must be
drivable by another generator once Material for MkDocs reaches its end of life.
"""

FORMAT_VERSION = 1

#: Where the site is published; the schemas' `$id`s live under it.
SITE_URL = "https://owes-katalog.github.io/wiazki/"
#: The repository, for edit links and links to pull requests.
REPO_URL = "https://github.com/owes-katalog/wiazki"

SCHEMA_BASE_URL = SITE_URL + "schemas/"
