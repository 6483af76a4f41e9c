{#- Rank of a participant role: the highest rank is a meeting's level. -#}
{% macro role_rank(expr) -%}
case {{ expr }}
    when 'head_of_state' then 10 when 'head_of_government' then 9 when 'foreign_minister' then 8
    when 'minister' then 7 when 'deputy_foreign_minister' then 6 when 'deputy_minister' then 5
    when 'parliamentarian' then 4 when 'ambassador' then 3 when 'org_official' then 2 when 'official' then 1
    else 0
end
{%- endmacro %}
