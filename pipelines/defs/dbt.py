"""The dbt project's models as Dagster assets; its sources are keyed to the raw assets."""
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from ..refresh_state import BUILD, build_fingerprint, record, recorded
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


SKIPPED = "dbt build and publish skipped"


TRANSLATOR = Translator(DagsterDbtTranslatorSettings(enable_code_references=True, enable_asset_checks=False))
# A refresh builds models and runs their data tests; dbt's unit tests check the models' SQL, not the
# data, and run in the test suite instead.
BUILD_ARGS = ["build", "--exclude-resource-type", "unit_test"]


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=TRANSLATOR)
def warehouse_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse):
    with warehouse.duckdb().get_connection() as conn:
        fingerprint = build_fingerprint(conn)
        if recorded(conn, BUILD) == fingerprint:
            context.log.info(f"{SKIPPED}: raw tables and dbt project unchanged since the last successful build, "
                             "which is the live warehouse")
            return
    with warehouse.dbt_environment():
        invocation = dbt.cli(BUILD_ARGS, context=context, target_path=dbt_target_path(warehouse))
        yield from with_ui_metadata(invocation, warehouse.database, TRANSLATOR)
    with warehouse.duckdb().get_connection() as conn:
        record(conn, BUILD, fingerprint)


def dbt_target_path(warehouse: Warehouse) -> Path:
    """dbt's target folder for this warehouse, beside it (`<warehouse>.dbt`) and reused run after run:
    dbt's partial parsing finds its previous parse there (the profile's path, `<warehouse>.build`,
    stays the same too), and it goes when the warehouse's folder goes."""
    return warehouse.live.with_name(warehouse.live.name + ".dbt")


@dg.asset(group_name="publish", deps=[warehouse_models], kinds={"duckdb"},
          description="The live warehouse: this run's build, swapped in atomically once every model and test passed.")
def published_warehouse(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    warehouse.publish()
    context.log.info(f"published {warehouse.live}")
    return dg.MaterializeResult(metadata={"path": str(warehouse.live),
                                          "bytes": warehouse.live.stat().st_size})
