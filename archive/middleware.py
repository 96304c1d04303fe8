"""A Content-Security-Policy on every response: the second wall behind bleach.

Even if a script slipped through sanitising, the browser would refuse to run it: pages load only
their own stylesheets and scripts, nothing inline, no plugins, no framing.
"""

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", POLICY)
        return response
