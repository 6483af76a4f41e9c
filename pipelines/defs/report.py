"""The analyst's report as an asset: rendered from the published warehouse, its path recorded for the UI."""
import dagster as dg

from ..report import build_report, report_dir
from .dbt import published_warehouse
from .resources import Warehouse


@dg.asset(group_name="publish", deps=[published_warehouse], kinds={"html"},
          description="Static HTML report of the published warehouse: meetings timeline, partner countries, "
                      "agreements by type and sector, sectors by year, country pairs, Arabic evidence per fact.")
def analyst_report(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    target = build_report(warehouse.live, report_dir(warehouse.live))
    context.log.info(f"report written to {target}")
    return dg.MaterializeResult(metadata={"path": dg.MetadataValue.path(str(target)),
                                          "open": dg.MetadataValue.url(target.as_uri()),
                                          "bytes": target.stat().st_size})
