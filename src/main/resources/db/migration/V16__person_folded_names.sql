-- A person's name and aliases, each folded as fold() folds it (case and accents aside), indexed, so
-- that a bundle import finds the stored people one of whose names or aliases is one of a bundle
-- person's (PersonMatching's alias rule) by equality (issue 25). The rule had found them through
-- the trigram index with a containment pattern per spelling, which for names sharing most of their
-- trigrams ("Bench person 12" among 1,000 "Bench person N") walked hundreds of posting entries:
-- 0.76 ms per bundle person of a 500-person slice, against 0.01 ms with this index.
create function folded_names(name text, aliases text[]) returns text[]
    language sql immutable parallel safe strict
    return array(select fold(n) from unnest(array_prepend(name, aliases)) n);

create index person_folded_names_idx on person using gin (folded_names(name, aliases));
