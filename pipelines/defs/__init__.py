"""Dagster definitions of the pipeline, one module per concern; assembled in pipelines/definitions.py."""
