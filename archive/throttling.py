"""The JSON API's per-client throttle, in a module of its own: DRF imports it while defining its APIView,
so it may not import archive/api.py (or rest_framework.views)."""

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle


class ClientThrottle(AnonRateThrottle):
    """DRF's per-address throttle at settings.API_THROTTLE_RATE, read at each request (DRF reads its rates once,
    at import), so a deployment's or a test's setting applies; None means no limit. Counted in the "shared"
    cache, which every server process reads and writes."""

    @property
    def cache(self):
        return caches["shared"]

    def get_rate(self) -> str | None:
        return settings.API_THROTTLE_RATE
