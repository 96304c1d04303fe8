"""Measurements of the archive that are not tests: run on demand, they print figures, never pass or fail.

They live outside ``archive/`` because they drive it only from outside, through its real import path
and its public search function, exactly as a researcher's files and queries would reach it, and
outside ``tests/`` because a slow measurement with a table of numbers is not a specification.
"""
