"""The refresh job and its daily schedule."""
import dagster as dg

refresh_job = dg.define_asset_job("refresh", selection=dg.AssetSelection.all(),
                                  description="Ingest every article, extract facts, rebuild the warehouse.")

daily_refresh = dg.ScheduleDefinition(name="daily_refresh", job=refresh_job, cron_schedule="0 5 * * *",
                                      default_status=dg.DefaultScheduleStatus.RUNNING)
