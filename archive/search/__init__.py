"""Search: features written against one engine contract (``engine.py``), whichever engine runs them.

- ``query/``: the query language, what a researcher types read into Lucene syntax;
- ``results``, ``within``, ``related``, ``spelling``, ``facets``, ``ranking``, ``feedback``, ``snippets``:
  the features (results grouped per document, search within a document, related documents, "did you
  mean", facets, how plain words are ranked, feedback for questions, marked passages);
- ``analysis``: the archive's words (tokens and stems), for the index and for marking and weighing words;
- ``engine``: the contract; ``whoosh/``: the embedded engine behind it; ``haystack_engine``: Elasticsearch,
  Solr or any haystack backend behind it;
- ``sync/``: keeping the index in step with the database.
"""
