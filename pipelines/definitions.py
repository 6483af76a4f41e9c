"""The one Definitions object of the project, assembled from pipelines/defs/."""
import dagster as dg
from dagster._loggers import colored_console_logger

from .defs.dbt import warehouse_models
from .defs.extract import extract_facts
from .defs.ingest import ingest_articles
from .defs.loggers import progress_logger
from .defs.resources import build_resources
from .defs.schedules import daily_refresh, refresh_job

defs = dg.Definitions(
    assets=[ingest_articles, extract_facts, warehouse_models],
    jobs=[refresh_job],
    schedules=[daily_refresh],
    resources=build_resources(),
    loggers={"console": colored_console_logger, "progress": progress_logger},
)
