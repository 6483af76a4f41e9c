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
    reachable from it as its cluster id. `nodes` has column `node_id`; `edges` has `a`, `b`.
    Min-label propagation: every node starts as its own label; each round only the nodes whose
    label just fell pass it on to their neighbours (USING KEY keeps one row per node), so the work
    is edges × rounds, rounds bounded by the longest shortest path inside a cluster. -#}
{% macro connected_components(nodes, edges) -%}
with recursive undirected as (
    select a, b from {{ edges }}
    union
    select b, a from {{ edges }}
),
labels(node_id, cluster_id) using key (node_id) as (
    select node_id, node_id from {{ nodes }}
    union
    select e.b, min(changed.cluster_id)
    from labels as changed
    join undirected as e on e.a = changed.node_id
    join recurring.labels as current on current.node_id = e.b
    group by e.b, current.cluster_id
    having min(changed.cluster_id) < current.cluster_id
)
select node_id, cluster_id from labels
{%- endmacro %}

{#- Exact candidates for `word_jaccard(a, b) >= 0.5` (prefix filtering). Within each block, words
    are ordered rarest first; two word sets with Jaccard ≥ 0.5 always share a word among the first
    len/2 + 1 words of each. One row per (id, block, prefix word): joining on (block, word) finds every
    pair that can reach the threshold without comparing every pair. `rel` has `id_col`, `block_col`
    and the distinct word list `words_col`. -#}
{% macro jaccard_prefix(rel, id_col, block_col, words_col) -%}
(
    with words as (
        select {{ id_col }} as id, {{ block_col }} as block, unnest({{ words_col }}) as word,
               len({{ words_col }}) as n_words
        from {{ rel }}
    ),
    frequency as (select block, word, count(*) as n from words group by all),
    ranked as (
        select id, block, word, n_words, row_number() over (partition by id order by f.n, word) as position
        from words join frequency as f using (block, word)
    )
    select id, block, word from ranked where position <= n_words // 2 + 1
)
{%- endmacro %}
