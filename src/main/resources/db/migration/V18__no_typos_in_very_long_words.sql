-- No typo forgiven in a word of over 32 letters, as in a word with digits: such a word is no name
-- or title word a reader mistypes, and its deletion keys grow with the square of its length (a
-- 150-letter word has 11,326, and forgiven_words took 25 ms to look them up). A list's name filter
-- evaluates its tsquery for each row it scans where no index serves it, so one such word in a
-- people or envoys filter ran past the 5 s statement timeout on a few hundred people
-- (HostileInputTest), and each one a record brought into the vocabulary added 11,326 key rows.
-- Words up to 32 letters keep their budget; the keys already stored for longer ones are never
-- asked for again. PersonNames.withinTypos counts the same way.
create or replace function typo_budget(word text) returns integer
    language sql immutable parallel safe strict
    return case when word ~ '[0-9]' or char_length(word) > 32 then 0
                when char_length(word) >= 9 then 2 when char_length(word) >= 5 then 1 else 0 end;
