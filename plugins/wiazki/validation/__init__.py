"""Content folder → problems.

The YAML loader with positions, schema messages in Polish, the rules, the validator and its output formats.
"""
