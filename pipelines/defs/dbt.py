"""The dbt project's models as Dagster assets; its sources are keyed to the raw assets."""
from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from .metadata import with_ui_metadata
from .project import dbt_project
from .resources import Warehouse


class Translator(DagsterDbtTranslator):
    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props.get("resource_type") in ("model", "seed", "snapshot"):
            return dg.AssetKey(dbt_resource_props["name"])  # one flat namespace: stg_*, int_*, fct_*, ...
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        fqn = dbt_resource_props.get("fqn", [])
        if dbt_resource_props.get("resource_type") == "seed":
            return "reference"
        return fqn[1] if len(fqn) > 2 else "warehouse"


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project,
            dagster_dbt_translator=Translator(DagsterDbtTranslatorSettings(enable_code_references=True)))
def warehouse_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse):
    with warehouse.dbt_environment():
        yield from with_ui_metadata(dbt.cli(["build"], context=context), warehouse.database)


@dg.asset(group_name="publish", deps=[warehouse_models], kinds={"duckdb"},
          description="The live warehouse: this run's build, swapped in atomically once every model and test passed.")
def published_warehouse(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    warehouse.publish()
    context.log.info(f"published {warehouse.live}")
    return dg.MaterializeResult(metadata={"path": str(warehouse.live),
                                          "bytes": warehouse.live.stat().st_size})
