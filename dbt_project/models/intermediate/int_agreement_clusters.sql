-- Real-world documents: connected components of the same-document pairs.
{{ connected_components("(select mention_id as node_id from " ~ ref('int_agreement_mentions') ~ ")",
                        "(select a, b from " ~ ref('int_agreement_pairs') ~ ")") }}
