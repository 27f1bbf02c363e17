-- The search vocabulary's trigger (V10) probes search_word for each word of a written row, and
-- was meant to do so through search_word_word_idx. It did not: the words come from
-- searchable_text(tg_table_name, ...), and tg_table_name is of type name, whose collation is
-- "C"; that collation travels through the functions into each word, an index built under the
-- default collation cannot answer "word = w" under "C", and PostgreSQL hashed the whole
-- vocabulary instead, for every row written to a searchable table. Measured with auto_explain on
-- the benchmark database (50,052 words): 7.8 ms per row as a Hash Anti Join over a Seq Scan,
-- growing with the vocabulary; with the comparison under the default collation, a Nested Loop
-- Anti Join over Index Only Scans (0.015 ms a word). pgbench of a bare person insert: 274-440 tps with
-- the old trigger, 2,247 with this one, 3,005 with none (bench/mutations.py, issue 25).
-- Equality is the same under both collations (both are deterministic), so the same words are kept.
create or replace function search_vocabulary_trigger() returns trigger
    language plpgsql as $$
begin
    insert into search_word (word)
    select distinct w from unnest(search_words(searchable_text(tg_table_name, to_jsonb(new)))) w
     where not exists (select from search_word s where s.word = w collate "default");
    return null;
end $$;
