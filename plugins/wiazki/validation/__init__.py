"""Content folder → problems: the YAML loader with positions, schema messages in Polish, the rules, the validator and its output formats."""
