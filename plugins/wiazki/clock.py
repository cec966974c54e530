"""Today's date, which the date rules (rule 11, `reviewed`) and new bundles use."""

from __future__ import annotations

import os
from datetime import date


class TodayError(ValueError):
    """WIAZKI_TODAY is not a date; the message is Polish."""


def today() -> date:
    """Today, or the date in WIAZKI_TODAY (YYYY-MM-DD) so that a run can be reproduced; TodayError otherwise."""
    value = os.environ.get("WIAZKI_TODAY")
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise TodayError(f"zmienna WIAZKI_TODAY musi być datą RRRR-MM-DD, a jest „{value}”") from None
