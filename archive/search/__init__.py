"""The search layer: everything that knows about the search engine lives in this package."""
