"""The warehouse: the only code that imports duckdb.

migrations/NNNN_*.sql hold the schema (applied by migrate.py), queries/*.sql the named queries.
"""
