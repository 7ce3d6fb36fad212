"""Work on a whole site: read its forms (sources), run and store the audit,
the bulk fix, retention runs, the digest and the background tasks."""
