"""What a content file may contain: the field tree, vocabularies, the JSON Schemas, the TERYT register.

No I/O but the register's data file.
"""
