"""Keeping the index in step with the database: updates after each commit (``writes``), whole rebuilds
(``rebuild``), and the check that finds and repairs what differs (``check``)."""
