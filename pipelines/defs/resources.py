"""Resources: one DuckDB warehouse path feeds both the DuckDB resource and dbt's profiles.yml."""
import sys
from pathlib import Path

from dagster_dbt import DbtCliResource
from dagster_duckdb import DuckDBResource

from ..settings import warehouse_path
from .project import dbt_project

DBT_EXECUTABLE = str(Path(sys.executable).with_name("dbt"))


def build_resources() -> dict:
    """Resources bound to the warehouse path configured now (`DIPLOMACY_WAREHOUSE` or the default)."""
    return {
        "duckdb": DuckDBResource(database=str(warehouse_path())),
        "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE),
    }
