"""The dbt project as Dagster sees it (its own module: @dbt_assets reads the manifest at import)."""
from dagster_dbt import DbtProject

from ..settings import DBT_PROJECT_DIR

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR)
dbt_project.prepare_if_dev()
