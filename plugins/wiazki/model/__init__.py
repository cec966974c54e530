"""The domain: bundles, partners and the catalogue that indexes them.

Built only from files that validated without errors, so the model can trust
types; it knows nothing of files, YAML or MkDocs. `records` holds the types,
`build` makes them from a file's data, `catalogue` indexes them.
"""

from wiazki.model.build import bundle_from_data, partner_from_data
from wiazki.model.catalogue import Catalogue, build_catalogue
from wiazki.model.records import (
    Address,
    Bundle,
    Canvas,
    Contact,
    Cost,
    Design,
    KeyPartner,
    Link,
    Milestone,
    Participation,
    Partner,
    PrototypeTest,
    Revenue,
    Segment,
    Service,
)

__all__ = [
    "Address",
    "Bundle",
    "Canvas",
    "Catalogue",
    "Contact",
    "Cost",
    "Design",
    "KeyPartner",
    "Link",
    "Milestone",
    "Participation",
    "Partner",
    "PrototypeTest",
    "Revenue",
    "Segment",
    "Service",
    "build_catalogue",
    "bundle_from_data",
    "partner_from_data",
]
