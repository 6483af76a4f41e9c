-- Real-world meetings: connected components of the same-meeting pairs.
{{ connected_components("(select mention_id as node_id from " ~ ref('int_meeting_mentions') ~ ")",
                        "(select a, b from " ~ ref('int_meeting_pairs') ~ ")") }}
