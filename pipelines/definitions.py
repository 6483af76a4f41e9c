"""The one Definitions object of the project, assembled from pipelines/defs/."""
import dagster as dg
from dagster._loggers import colored_console_logger

from .defs.checks import asset_checks
from .defs.dbt import published_warehouse, warehouse_models
from .defs.extract import extract_facts
from .defs.ingest import ingest_articles
from .defs.loggers import progress_logger
from .defs.metadata import annotate
from .defs.report import analyst_report
from .defs.resources import build_resources
from .defs.schedules import daily_refresh, refresh_job
from .defs.sensors import inbox_sensor

defs = dg.Definitions(
    assets=annotate([ingest_articles, extract_facts, warehouse_models, published_warehouse, analyst_report]),
    asset_checks=asset_checks,
    jobs=[refresh_job],
    schedules=[daily_refresh],
    sensors=[inbox_sensor],
    resources=build_resources(),
    loggers={"console": colored_console_logger, "progress": progress_logger},
    # One process per run: the warehouse lock and the run's private copy live as long as the run.
    executor=dg.in_process_executor,
)
