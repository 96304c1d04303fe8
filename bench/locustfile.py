"""The mixed load `make loadtest` runs (locust): researchers searching, filtering, paging, reading and scripting.

Each simulated researcher sends its next request as soon as the last one is answered (no think time), so N users
are N clients always waiting on the server: the figures are what the server does under that pressure. The
documents to read come from LOADTEST_DOCUMENTS (ids, comma-separated), set by ``bench.loadtest``.
"""

import os
import random
from urllib.parse import urlencode

from locust import HttpUser, constant, task

DOCUMENTS = [int(pk) for pk in os.environ.get("LOADTEST_DOCUMENTS", "1").split(",")]
WORDS = ["security", "China", "Pacific", "cooperation", "trade", "maritime", "climate", "defence", "alliance",
         "nuclear", "economic", "Taiwan", "investment", "sovereignty", "development", "island states"]
PHRASES = ['"South China Sea"', '"national security"', '"Indo-Pacific"', '"rules-based order"']
KINDS = ["statement", "white_paper", "speech", "article", "fact_sheet", "opinion"]


def _query() -> str:
    return random.choice(WORDS + PHRASES)


class Researcher(HttpUser):
    wait_time = constant(0)

    @task(4)
    def search(self):
        self.client.get(f"/search/?{urlencode({'q': _query()})}", name="/search/?q=")

    @task(2)
    def search_filtered_and_paged(self):
        params = {"q": random.choice(WORDS), "kind": random.choice(KINDS), "sort": random.choice(["relevance", "newest"])}
        self.client.get(f"/search/?{urlencode(params)}", name="/search/?q=&kind=&sort=")
        self.client.get(f"/search/?{urlencode({'q': random.choice(WORDS), 'page': 2})}", name="/search/?q=&page=2")

    @task(3)
    def read_a_document(self):
        self.client.get(f"/documents/{random.choice(DOCUMENTS)}/", name="/documents/ID/")

    @task(2)
    def search_within_a_document(self):
        pk = random.choice(DOCUMENTS)
        self.client.get(f"/documents/{pk}/?{urlencode({'q': _query()})}", name="/documents/ID/?q=")

    @task(1)
    def browse(self):
        self.client.get(f"/documents/?{urlencode({'page': random.randint(1, 3)})}", name="/documents/?page=")

    @task(3)
    def script_the_api(self):
        self.client.get(f"/api/search?{urlencode({'q': _query(), 'per_page': 20})}", name="/api/search")
        pk = random.choice(DOCUMENTS)
        self.client.get(f"/api/documents/{pk}", name="/api/documents/ID")
        self.client.get(f"/api/documents/{pk}/search?{urlencode({'q': random.choice(WORDS)})}",
                        name="/api/documents/ID/search")
