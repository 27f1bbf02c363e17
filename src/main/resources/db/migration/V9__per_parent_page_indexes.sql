-- Nested connections read one page per parent in a single statement (a track's talks, most
-- recent first; a track's outcomes, in the order recorded; a person's statements, most recent
-- first). With an index on the parent key alone PostgreSQL fetched every child of each parent
-- and sorted them to keep ten: a page of 10 tracks with their 10 most recent talks sorted 10,000
-- talks on the benchmark data (1,000 a track), 5.4 ms of database CPU a request. Indexes in the
-- page's own order let it read just the page: 2.7 ms, and the same for every client.
-- Each replaces the index on the parent key alone, which it also serves (leading column).

create index talk_track_date_idx on talk (track_id, date desc, id desc);
drop index talk_track_idx;

create index outcome_track_id_idx on outcome (track_id, id);
drop index outcome_track_idx;

create index statement_speaker_said_on_idx on statement (speaker_id, said_on desc, id desc);
drop index statement_speaker_idx;
