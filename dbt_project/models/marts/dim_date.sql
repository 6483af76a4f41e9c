-- Calendar from 1991 (Turkmenistan's independence) to 2040.
select
    cast(d as date) as date_day,
    year(d) as year,
    quarter(d) as quarter,
    month(d) as month,
    monthname(d) as month_name,
    day(d) as day_of_month,
    dayname(d) as day_name,
    isodow(d) as iso_day_of_week
from generate_series(date '1991-01-01', date '2040-12-31', interval 1 day) as t(d)
