{#- Arabic text helpers, the same normalisation the scorer and the extractor use. -#}

{% macro norm_ar(expr) -%}
translate(regexp_replace({{ expr }}, '[ًٌٍَُِّْٰـ]', '', 'g'), 'أإآٱىة', 'ااااايه')
{%- endmacro %}

{#- A spelling-insensitive key for a personal name: normalised, no spaces, no long vowels
    after the first letter ("سردار بيردي محمدوف" = "سيردار بردي محمدوف"). -#}
{% macro person_key(expr) -%}
regexp_replace(replace({{ norm_ar(expr) }}, ' ', ''), '(.)[اوي]+', '\1', 'g')
{%- endmacro %}

{#- Distinct normalised words (3+ letters) of a text, for comparing two reports of one event. -#}
{% macro word_set(expr) -%}
list_filter(list_distinct(string_split(regexp_replace({{ norm_ar(expr) }}, '[^ء-ي0-9a-zA-Z]+', ' ', 'g'), ' ')), lambda w: length(w) > 2)
{%- endmacro %}

{% macro word_jaccard(a, b) -%}
(len(list_intersect({{ a }}, {{ b }}))::double / greatest(len(list_distinct(list_concat({{ a }}, {{ b }}))), 1))
{%- endmacro %}

{#- Two dates (YYYY, YYYY-MM or YYYY-MM-DD) agree on their common precision. -#}
{% macro dates_compatible(a, b) -%}
(left({{ a }}, least(length({{ a }}), length({{ b }}))) = left({{ b }}, least(length({{ a }}), length({{ b }}))))
{%- endmacro %}

{#- Connected components of an undirected graph: one row per node with the smallest node id
    reachable from it as its cluster id. `nodes` has column `node_id`; `edges` has `a`, `b`. -#}
{% macro connected_components(nodes, edges) -%}
with recursive undirected as (
    select a, b from {{ edges }}
    union
    select b, a from {{ edges }}
),
reach(node_id, reached) as (
    select node_id, node_id from {{ nodes }}
    union
    select reach.node_id, undirected.b
    from reach join undirected on undirected.a = reach.reached
)
select node_id, min(reached) as cluster_id
from reach
group by node_id
{%- endmacro %}
