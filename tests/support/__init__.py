"""What the tests share besides fixtures: paths, fact factories, invented worlds, the page.

Fixtures live in the conftest files; test modules import helpers from here only, never from
one another.
"""
