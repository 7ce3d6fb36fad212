"""Remove keys from a JSON column in one UPDATE (SQLite, MySQL/MariaDB and
PostgreSQL; other databases get a clear NotSupportedError): the retention run
anonymises any number of submissions without loading them."""

from __future__ import annotations

from django.db import NotSupportedError
from django.db.models import Func, JSONField


class JSONRemoveKeys(Func):
    """``JSONRemoveKeys("form_data", "geslacht", "bewijsstuk")``: the value without those keys."""

    output_field = JSONField()

    def __init__(self, expression, *keys: str):
        self.keys = [str(key) for key in keys]
        super().__init__(expression)

    def as_sql(self, compiler, connection, **extra):  # SQLite, MySQL, MariaDB
        if connection.vendor not in ("sqlite", "mysql"):
            raise NotSupportedError(f"Removing JSON keys is not supported on {connection.vendor}.")
        column, params = compiler.compile(self.source_expressions[0])
        paths = ", ".join(["%s"] * len(self.keys))
        quoted = ['$."' + key.replace("\\", "\\\\").replace('"', '\\"') + '"' for key in self.keys]
        return f"JSON_REMOVE({column}, {paths})", [*params, *quoted]

    def as_postgresql(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        return f"({column} - %s::text[])", [*params, self.keys]
