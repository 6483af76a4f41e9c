"""The refresh job and its daily schedule."""
import dagster as dg

refresh_job = dg.define_asset_job("refresh", selection=dg.AssetSelection.all(),
                                  description="Ingest every article, extract facts, rebuild the warehouse.")

daily_refresh = dg.ScheduleDefinition(name="daily_refresh", job=refresh_job, cron_schedule="0 5 * * *",
                                      description="Refreshes the warehouse every day at 05:00 (server time): ingest, "
                                                  "extract, dbt build, publish, report.",
                                      default_status=dg.DefaultScheduleStatus.RUNNING)
