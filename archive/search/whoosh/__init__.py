"""The archive's Whoosh engine: an index on disk per model, behind the engine contract (``engine.py``).

``backend`` (haystack's Whoosh backend reshaped for the archive), ``parser`` (reading the query syntax,
bounded), ``searchers`` (pooled searchers, searches bounded in time) and ``engine`` (the contract).
"""
