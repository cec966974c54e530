"""Views: the catalogue as page bodies and open data, for any static site generator.

Plain Python and Jinja2 (autoescape on); no MkDocs. `SiteViews` is the entry point.
"""

from wiazki.views.pages import DataFile, GeneratedPage
from wiazki.views.site import HOME_MARKER, SiteViews
from wiazki.views.templates import template_environment

__all__ = ["HOME_MARKER", "DataFile", "GeneratedPage", "SiteViews", "template_environment"]
