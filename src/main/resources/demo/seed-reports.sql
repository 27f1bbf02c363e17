-- Parley demo dataset: every fact of the two news reports Parley was conceived from, each tied
-- to the report it came from and, where the report quotes one, the agency (TASS, Izvestia).
-- Dates are recorded only as precisely as the text supports: the first report dates the Moscow
-- talks (the evening of March 13; the report was written the next day, "last night"); the
-- second report gives no dates, so its events carry YEAR precision for 2025, the year the
-- reports' own context (January 2025, the March 13 talks) places them in.
-- Runs once: it does nothing when the first report is already stored.
do $demo$
declare
    -- sources
    r1 bigint; r2 bigint; tass1 bigint; tass2 bigint; izvestia bigint;
    -- people
    witkoff bigint; putin bigint; trump bigint; peskov bigint; waltz bigint; dmitriev bigint;
    kellogg bigint; fogel bigint; biden bigint;
    -- envoy appointments
    e_witkoff bigint; e_dmitriev bigint; e_kellogg bigint;
    -- tracks
    t_ukraine bigint; t_fogel bigint; t_gaza bigint;
    -- talks
    k_fogel bigint; k_moscow bigint; k_expected bigint; k_dmitriev_russia bigint; k_dmitriev_washington bigint;
    k_shuttle bigint;
    -- trips, outcomes, statements
    x bigint;
begin
    perform pg_advisory_xact_lock(hashtext('parley-demo-data'));
    perform set_config('parley.actor', 'demo-dataset', true);
    if exists (select 1 from source where title = 'Putin sends message to Trump through special envoy Steve Witkoff') then
        return;
    end if;

    -- ------------------------------------------------------------ sources
    insert into source (publisher, title, language, published_on)
    values ('Unnamed news outlet', 'Putin sends message to Trump through special envoy Steve Witkoff', 'en', '2025-03-14')
    returning id into r1;
    insert into source (publisher, title, language)
    values ('Unnamed news outlet', 'Trump''s envoy Steve Witkoff likely to meet Putin in Russia, may push to rekindle ceasefire talks', 'en')
    returning id into r2;
    insert into source (publisher) values ('TASS') returning id into tass1;
    insert into source (publisher) values ('Izvestia') returning id into izvestia;
    insert into source (publisher) values ('TASS') returning id into tass2;

    -- ------------------------------------------------------------ people
    insert into person (name, aliases, birth_date, country_code, wikidata_id, summary)
    values ('Steve Witkoff', '{"Steven Charles Witkoff", "Steven Witkoff"}', '1957-03-15', 'US', 'Q7614318',
            'American billionaire real estate investor, lawyer and diplomat; founder and chairman of the Witkoff Group. '
            || 'He began his career as a real estate attorney before moving into property investment and development; '
            || 'his notable acquisitions include the Daily News Building, the Woolworth Building, 33 Maiden Lane and the '
            || 'Park Lane Hotel in Manhattan. He has extensive business ties in the Middle East and is a long-time friend '
            || 'and golf partner of Donald Trump, described as Trump''s senior aide. He was the first senior American '
            || 'diplomat to visit Russia to meet Putin after Russia''s full-scale invasion of Ukraine in 2022.')
    returning id into witkoff;
    insert into person_position (person_id, ordinal, title, organization) values
        (witkoff, 0, 'United States Special Envoy to the Middle East', 'United States government'),
        (witkoff, 1, 'Founder and chairman', 'Witkoff Group'),
        (witkoff, 2, 'Member of the Great American Economic Revival Industry Groups (2020, to combat the economic impact of the COVID-19 pandemic)', 'Trump administration'),
        (witkoff, 3, 'Member of the board of trustees (during Trump''s first term)', 'John F Kennedy Centre for the Performing Arts'),
        (witkoff, 4, 'Real estate attorney (early career)', null);

    insert into person (name, country_code, wikidata_id, summary)
    values ('Vladimir Putin', 'RU', 'Q7747', 'President of Russia.') returning id into putin;
    insert into person_position (person_id, ordinal, title, organization)
    values (putin, 0, 'President of Russia', 'Russian Federation');

    insert into person (name, country_code, wikidata_id, summary)
    values ('Donald Trump', 'US', 'Q22686',
            'President of the United States. As President-elect he announced in November 2024 that he would appoint '
            || 'Steve Witkoff United States Special Envoy to the Middle East.')
    returning id into trump;
    insert into person_position (person_id, ordinal, title, organization) values
        (trump, 0, 'President of the United States', 'United States'),
        (trump, 1, 'President of the United States (first term)', 'United States');

    insert into person (name, country_code, summary)
    values ('Dmitry Peskov', 'RU', 'Kremlin spokesman.') returning id into peskov;
    insert into person_position (person_id, ordinal, title, organization)
    values (peskov, 0, 'Kremlin spokesman', 'Kremlin');

    insert into person (name, country_code, summary)
    values ('Mike Waltz', 'US', 'National Security Advisor to President Trump.') returning id into waltz;
    insert into person_position (person_id, ordinal, title, organization)
    values (waltz, 0, 'National Security Advisor', 'United States');

    insert into person (name, country_code, summary)
    values ('Kirill Dmitriev', 'RU',
            'Head of the Russian Direct Investment Fund and Putin''s special envoy for investment and international '
            || 'economic affairs; Witkoff''s Russian interlocutor in the negotiations that freed Marc Fogel.')
    returning id into dmitriev;
    insert into person_position (person_id, ordinal, title, organization)
    values (dmitriev, 0, 'Head of the Russian Direct Investment Fund', 'Russian Direct Investment Fund');

    insert into person (name, country_code, summary)
    values ('Keith Kellogg', 'US', 'Retired lieutenant general; Trump''s special envoy to Ukraine and Russia.')
    returning id into kellogg;
    insert into person_position (person_id, ordinal, title, organization)
    values (kellogg, 0, 'Lieutenant General (retired)', null);

    insert into person (name, country_code, summary)
    values ('Marc Fogel', 'US',
            'American history teacher whom the US deemed wrongfully detained in Russia. Arrested in August 2021 and '
            || 'serving a 14-year prison sentence, he was freed in a prisoner swap.')
    returning id into fogel;
    insert into person_position (person_id, ordinal, title, organization)
    values (fogel, 0, 'History teacher', null);

    insert into person (name, country_code, summary)
    values ('Joe Biden', 'US',
            'President of the United States before Trump''s second term. His administration cut off all contact with '
            || 'the Russian president after Russia''s full-scale invasion of Ukraine; Witkoff began work with his team '
            || 'on the Israel-Hamas hostage and ceasefire deal.')
    returning id into biden;
    insert into person_position (person_id, ordinal, title, organization)
    values (biden, 0, 'President of the United States', 'United States');

    insert into citation (person_id, source_id, ordinal, excerpt) values
        (witkoff, r1, 0, 'Steven Charles Witkoff (born March 15, 1957) is an American billionaire real estate investor, lawyer, and diplomat who serves as the United States Special Envoy to the Middle East. He is the founder and chairman of the Witkoff Group.'),
        (witkoff, r2, 1, 'Witkoff, who runs a real estate development and investment firm, is a long-time friend and golf partner of Trump.'),
        (putin, r1, 0, 'Russian President Vladimir Putin met with US Special Envoy Steve Witkoff last night'),
        (trump, r1, 0, 'In November 2024, then President-elect Donald Trump announced that he would appoint Witkoff to be the United States Special Envoy to the Middle East'),
        (peskov, r1, 0, 'Kremlin spokesman Dmitry Peskov said, TASS reports.'),
        (waltz, r1, 0, 'Trump''s National Security Advisor, Mike Waltz'),
        (dmitriev, r2, 0, 'his Russian interlocutor, Kirill Dmitriev, the head of the Russian Direct Investment Fund'),
        (kellogg, r2, 0, 'retired Lt Gen Keith Kellogg, Trump''s special envoy to Ukraine and Russia'),
        (fogel, r2, 0, 'a prisoner swap that freed Marc Fogel, an American history teacher the US had deemed wrongfully detained. Fogel was arrested in August 2021 and was serving a 14-year prison sentence.'),
        (biden, r2, 0, 'Notably, the Biden administration had cut off all contact with the Russian president');

    -- ------------------------------------------------------------ envoy appointments
    insert into envoy (person_id, title, represents, appointed_by_id, mandate, announced_on, announced_on_precision)
    values (witkoff, 'United States Special Envoy to the Middle East', 'US', trump, 'Middle East', '2024-11-01', 'MONTH')
    returning id into e_witkoff;
    insert into envoy (person_id, title, represents, appointed_by_id, mandate)
    values (dmitriev, 'Special envoy of the Russian President for investment and international economic affairs', 'RU',
            putin, 'investment and international economic affairs')
    returning id into e_dmitriev;
    insert into envoy (person_id, title, represents, appointed_by_id, mandate)
    values (kellogg, 'Special Envoy to Ukraine and Russia', 'US', trump, 'Ukraine and Russia')
    returning id into e_kellogg;
    insert into citation (envoy_id, source_id, ordinal, excerpt) values
        (e_witkoff, r1, 0, 'In November 2024, then President-elect Donald Trump announced that he would appoint Witkoff to be the United States Special Envoy to the Middle East'),
        (e_dmitriev, r2, 0, 'held a meeting with Russian President Vladimir Putin''s special envoy for investment and international economic affairs, according to TASS'),
        (e_dmitriev, tass2, 1, 'a meeting with Russian President Vladimir Putin''s special envoy for investment and international economic affairs'),
        (e_kellogg, r2, 0, 'retired Lt Gen Keith Kellogg, Trump''s special envoy to Ukraine and Russia');

    -- ------------------------------------------------------------ tracks
    insert into track (name, summary, parties, status)
    values ('Russia-Ukraine peace talks',
            'Talks Moscow and Washington initiated to end the conflict in Ukraine after Russia''s full-scale invasion '
            || 'in 2022. The Biden administration had cut off all contact with the Russian president.',
            '{"Russia", "Ukraine", "United States"}', 'ACTIVE')
    returning id into t_ukraine;
    insert into track (name, summary, parties, status)
    values ('US-Russia prisoner swap for Marc Fogel',
            'Negotiations that led to a prisoner swap freeing Marc Fogel, an American the US deemed wrongfully detained.',
            '{"United States", "Russia"}', 'CONCLUDED')
    returning id into t_fogel;
    insert into track (name, summary, parties, status)
    values ('Israel-Hamas ceasefire and hostage deal',
            'Hostage and temporary ceasefire deal between Israel and Hamas, negotiated in January 2025 with '
            || 'Joe Biden''s team before Trump took office.',
            '{"Israel", "Hamas"}', 'ACTIVE')
    returning id into t_gaza;
    insert into citation (track_id, source_id, ordinal, excerpt) values
        (t_ukraine, r2, 0, 'after Moscow and Washington initiated their talks to end the conflict in Ukraine'),
        (t_fogel, r2, 0, 'Witkoff also flew to Russia for talks that led to a prisoner swap that freed Marc Fogel'),
        (t_gaza, r1, 0, 'before taking office, Witkoff played a role in negotiating a ceasefire and hostage exchange between Israel and Hamas in January 2025.'),
        (t_gaza, r2, 1, 'Witkoff also went to the Mideast to begin work with Joe Biden''s team on winning a hostage and temporary ceasefire deal between Israel and Hamas.');

    -- ------------------------------------------------------------ talks
    -- Meeting 1 of 3 between Putin and Witkoff: the second report counts the expected meeting
    -- as the third, after this one and the Moscow talks of March 13.
    insert into talk (title, track_id, date, date_precision, location_name, location_country_code, format, status, summary)
    values ('Witkoff''s first meeting with Putin, in the talks that freed Marc Fogel', t_fogel, '2025-01-01', 'YEAR',
            'Russia', 'RU', 'IN_PERSON', 'HELD',
            'Witkoff flew to Russia for talks that led to a prisoner swap freeing Marc Fogel, becoming the first senior '
            || 'American diplomat to visit Russia to meet Putin after Russia''s full-scale invasion of Ukraine in 2022. '
            || 'He developed a rapport with his Russian interlocutor, Kirill Dmitriev, during the negotiations. The first '
            || 'of the three Putin-Witkoff meetings the second report counts.')
    returning id into k_fogel;
    insert into talk_participant (talk_id, ordinal, person_id, role, envoy_id) values
        (k_fogel, 0, putin, 'HOST', null),
        (k_fogel, 1, witkoff, 'VISITOR', e_witkoff),
        (k_fogel, 2, dmitriev, 'PARTICIPANT', null);

    insert into talk (title, track_id, date, date_precision, location_name, location_city, location_country_code,
                      format, closed_door, status, summary)
    values ('Putin-Witkoff talks in Moscow', t_ukraine, '2025-03-13', 'DAY', 'Moscow', 'Moscow', 'RU',
            'IN_PERSON', true, 'HELD',
            'Held on the evening of March 13 in a closed format during Witkoff''s visit to Moscow. Through Witkoff, '
            || 'Putin conveyed information and additional signals for President Trump; the Russian side was also '
            || 'provided with additional information. The second Putin-Witkoff meeting.')
    returning id into k_moscow;
    insert into talk_participant (talk_id, ordinal, person_id, role, envoy_id) values
        (k_moscow, 0, putin, 'HOST', null),
        (k_moscow, 1, witkoff, 'VISITOR', e_witkoff);

    insert into talk (title, track_id, date, date_precision, location_name, location_country_code, format, status, summary)
    values ('Expected third meeting between Putin and Witkoff', t_ukraine, '2025-01-01', 'YEAR', 'Russia', 'RU',
            'IN_PERSON', 'EXPECTED',
            'Witkoff, in Russia, is likely to meet Putin and may push to rekindle ceasefire talks; it would be their '
            || 'third meeting since Moscow and Washington initiated talks to end the conflict in Ukraine. Peskov '
            || 'confirmed the visit but did not specify whether the meeting would take place.')
    returning id into k_expected;
    insert into talk_participant (talk_id, ordinal, person_id, role, envoy_id) values
        (k_expected, 0, putin, 'HOST', null),
        (k_expected, 1, witkoff, 'VISITOR', e_witkoff);

    insert into talk (title, track_id, date, date_precision, location_name, location_country_code, format, status, summary)
    values ('Witkoff meets Kirill Dmitriev in Russia', t_ukraine, '2025-01-01', 'YEAR', 'Russia', 'RU', 'IN_PERSON',
            'HELD', 'During his visit to Russia, Witkoff held a meeting with Putin''s special envoy for investment and '
            || 'international economic affairs, according to TASS.')
    returning id into k_dmitriev_russia;
    insert into talk_participant (talk_id, ordinal, person_id, role, envoy_id) values
        (k_dmitriev_russia, 0, dmitriev, 'HOST', e_dmitriev),
        (k_dmitriev_russia, 1, witkoff, 'VISITOR', e_witkoff);

    insert into talk (title, track_id, date, date_precision, location_name, location_city, location_country_code,
                      format, status, summary)
    values ('Witkoff hosts Kirill Dmitriev in Washington', t_ukraine, '2025-01-01', 'YEAR', 'Washington', 'Washington',
            'US', 'IN_PERSON', 'HELD',
            'The week before Witkoff''s visit to Russia, he hosted Putin''s envoy Kirill Dmitriev in Washington to break '
            || 'the deadlock in talks between both nations.')
    returning id into k_dmitriev_washington;
    insert into talk_participant (talk_id, ordinal, person_id, role, envoy_id) values
        (k_dmitriev_washington, 0, witkoff, 'HOST', e_witkoff),
        (k_dmitriev_washington, 1, dmitriev, 'VISITOR', e_dmitriev);

    insert into talk (title, track_id, date, date_precision, location_name, format, status, summary)
    values ('Shuttle diplomacy between Tel Aviv and Doha', t_gaza, '2025-01-01', 'MONTH', 'Tel Aviv and Doha',
            'SHUTTLE', 'HELD',
            'Before taking office, Witkoff went to the Mideast to work with Joe Biden''s team on a hostage and temporary '
            || 'ceasefire deal between Israel and Hamas, shuttling between Tel Aviv and Doha; Trump praised him for '
            || 'helping seal the agreement.')
    returning id into k_shuttle;
    insert into talk_participant (talk_id, ordinal, person_id, role, envoy_id) values
        (k_shuttle, 0, witkoff, 'MEDIATOR', e_witkoff);

    insert into citation (talk_id, source_id, ordinal, excerpt) values
        (k_fogel, r2, 0, 'Witkoff also flew to Russia for talks that led to a prisoner swap that freed Marc Fogel'),
        (k_fogel, r2, 1, 'if Witkoff meets Putin, it would be their third meeting after Moscow and Washington initiated their talks to end the conflict in Ukraine.'),
        (k_moscow, r1, 0, 'The talks between Putin and Witkoff took place on the evening of March 13 in a closed format during the US envoy''s visit to Moscow.'),
        (k_moscow, tass1, 1, 'Russian President Vladimir Putin met with US Special Envoy Steve Witkoff last night and sent information and additional messages to US President Donald Trump through him, Kremlin spokesman Dmitry Peskov said, TASS reports.'),
        (k_expected, r2, 0, 'However, if Witkoff meets Putin, it would be their third meeting after Moscow and Washington initiated their talks to end the conflict in Ukraine.'),
        (k_dmitriev_russia, r2, 0, 'US President Donald Trump''s senior aide Steve Witkoff, who is currently in Russia, held a meeting with Russian President Vladimir Putin''s special envoy for investment and international economic affairs, according to TASS.'),
        (k_dmitriev_russia, tass2, 1, 'held a meeting with Russian President Vladimir Putin''s special envoy for investment and international economic affairs'),
        (k_dmitriev_washington, r2, 0, 'Last week, Witkoff also hosted Putin''s envoy Kirill Dmitriev in Washington to break the deadlock in talks between both nations.'),
        (k_shuttle, r2, 0, 'He was praised by Trump as he shuttled between Tel Aviv and Doha for helping seal the agreement'),
        (k_shuttle, r1, 1, 'before taking office, Witkoff played a role in negotiating a ceasefire and hostage exchange between Israel and Hamas in January 2025.');

    -- ------------------------------------------------------------ trips
    insert into trip (envoy_id, destination_name, destination_city, destination_country_code, purpose, summary)
    values (e_witkoff, 'Moscow', 'Moscow', 'RU', 'Talks with Vladimir Putin',
            'Witkoff visited the US Embassy in Moscow, spent about an hour there and gave a speech in English expressing '
            || 'gratitude (Izvestia). On March 13 an aircraft linked to Witkoff departed from Vnukovo Airport, but Mike '
            || 'Waltz said later that day that Witkoff was still in Moscow, relaying information to Washington about the '
            || 'progress of the negotiations.')
    returning id into x;
    insert into trip_talk (trip_id, ordinal, talk_id) values (x, 0, k_moscow);
    insert into citation (trip_id, source_id, ordinal, excerpt) values
        (x, r1, 0, 'On March 13, an aircraft linked to Witkoff departed from Vnukovo Airport. However, later that day, Mike Waltz stated that Witkoff was still in Moscow and was relaying information to Washington about the progress of the negotiations.'),
        (x, izvestia, 1, 'According to Izvestia, Witkoff visited the US Embassy in Moscow, spent about an hour there, and gave a speech in English expressing gratitude.');

    insert into trip (envoy_id, destination_name, destination_country_code, purpose, summary)
    values (e_witkoff, 'Russia', 'RU', 'Talks that led to the prisoner swap freeing Marc Fogel',
            'The first visit to Russia by a senior American diplomat to meet Putin after Russia''s full-scale invasion of '
            || 'Ukraine in 2022.')
    returning id into x;
    insert into trip_talk (trip_id, ordinal, talk_id) values (x, 0, k_fogel);
    insert into citation (trip_id, source_id, ordinal, excerpt) values
        (x, r2, 0, 'Witkoff also became the first senior American diplomat to visit Russia to meet Putin after Russia''s full-scale invasion of Ukraine in 2022.');

    insert into trip (envoy_id, destination_name, destination_country_code, purpose, summary)
    values (e_witkoff, 'Russia', 'RU',
            'Meeting Kirill Dmitriev; likely to meet Putin and may push to rekindle ceasefire talks',
            'Kremlin spokesperson Dmitry Peskov confirmed the visit but did not specify whether Witkoff would meet Putin.')
    returning id into x;
    insert into trip_talk (trip_id, ordinal, talk_id) values (x, 0, k_dmitriev_russia), (x, 1, k_expected);
    insert into citation (trip_id, source_id, ordinal, excerpt) values
        (x, r2, 0, 'While Kremlin spokesperson Dmitry Peskov confirmed Witkoff''s visit to Russia, he did not specify whether Trump''s top aide will meet Putin.'),
        (x, tass2, 1, 'Steve Witkoff, who is currently in Russia, held a meeting with Russian President Vladimir Putin''s special envoy');

    insert into trip (envoy_id, destination_name, destination_city, destination_country_code, purpose)
    values (e_witkoff, 'Tel Aviv', 'Tel Aviv', 'IL', 'Shuttle diplomacy on the Israel-Hamas hostage and ceasefire deal')
    returning id into x;
    insert into trip_talk (trip_id, ordinal, talk_id) values (x, 0, k_shuttle);
    insert into citation (trip_id, source_id, ordinal, excerpt) values
        (x, r2, 0, 'he shuttled between Tel Aviv and Doha for helping seal the agreement');

    insert into trip (envoy_id, destination_name, destination_city, destination_country_code, purpose)
    values (e_witkoff, 'Doha', 'Doha', 'QA', 'Shuttle diplomacy on the Israel-Hamas hostage and ceasefire deal')
    returning id into x;
    insert into trip_talk (trip_id, ordinal, talk_id) values (x, 0, k_shuttle);
    insert into citation (trip_id, source_id, ordinal, excerpt) values
        (x, r2, 0, 'he shuttled between Tel Aviv and Doha for helping seal the agreement');

    insert into trip (envoy_id, destination_name, destination_city, destination_country_code, purpose)
    values (e_dmitriev, 'Washington', 'Washington', 'US', 'Talks with Witkoff to break the deadlock in talks between both nations')
    returning id into x;
    insert into trip_talk (trip_id, ordinal, talk_id) values (x, 0, k_dmitriev_washington);
    insert into citation (trip_id, source_id, ordinal, excerpt) values
        (x, r2, 0, 'Last week, Witkoff also hosted Putin''s envoy Kirill Dmitriev in Washington to break the deadlock in talks between both nations.');

    -- ------------------------------------------------------------ outcomes
    insert into outcome (kind, status, title, description, date, date_precision, track_id)
    values ('MESSAGE_CONVEYED', 'IMPLEMENTED', 'Putin''s message to Trump through Witkoff',
            'Through Witkoff, Putin conveyed information and additional signals for President Trump.',
            '2025-03-13', 'DAY', t_ukraine)
    returning id into x;
    insert into outcome_talk (outcome_id, ordinal, talk_id) values (x, 0, k_moscow);
    insert into citation (outcome_id, source_id, ordinal, excerpt) values
        (x, r1, 0, '"Through Witkoff, Putin conveyed information and additional signals for President Trump," Peskov stated.'),
        (x, tass1, 1, 'sent information and additional messages to US President Donald Trump through him, Kremlin spokesman Dmitry Peskov said, TASS reports.');

    insert into outcome (kind, status, title, description, date, date_precision, track_id)
    values ('MESSAGE_CONVEYED', 'IMPLEMENTED', 'Additional information for the Russian side',
            'According to Peskov, the Russian side was also provided with additional information during the meeting.',
            '2025-03-13', 'DAY', t_ukraine)
    returning id into x;
    insert into outcome_talk (outcome_id, ordinal, talk_id) values (x, 0, k_moscow);
    insert into citation (outcome_id, source_id, ordinal, excerpt) values
        (x, r1, 0, 'According to Peskov, the Russian side was also provided with additional information during the meeting.'),
        (x, tass1, 1, 'According to Peskov, the Russian side was also provided with additional information during the meeting.');

    insert into outcome (kind, status, title, description, date, date_precision, track_id)
    values ('PRISONER_EXCHANGE', 'IMPLEMENTED', 'Prisoner swap that freed Marc Fogel',
            'Talks Witkoff flew to Russia for led to a prisoner swap that freed Marc Fogel, an American history teacher '
            || 'the US had deemed wrongfully detained. Fogel was arrested in August 2021 and was serving a 14-year prison '
            || 'sentence.', '2025-01-01', 'YEAR', t_fogel)
    returning id into x;
    insert into outcome_talk (outcome_id, ordinal, talk_id) values (x, 0, k_fogel);
    insert into outcome_figure (outcome_id, ordinal, label, value, approximate)
    values (x, 0, 'years of the prison sentence Fogel was serving', 14, false);
    insert into outcome_beneficiary (outcome_id, ordinal, person_id) values (x, 0, fogel);
    insert into outcome_credit (outcome_id, ordinal, person_id) values (x, 0, witkoff);
    insert into citation (outcome_id, source_id, ordinal, excerpt) values
        (x, r2, 0, 'Witkoff also flew to Russia for talks that led to a prisoner swap that freed Marc Fogel, an American history teacher the US had deemed wrongfully detained. Fogel was arrested in August 2021 and was serving a 14-year prison sentence.');

    insert into outcome (kind, status, title, description, date, date_precision, track_id)
    values ('AGREEMENT', 'IMPLEMENTED', 'Israel-Hamas hostage and temporary ceasefire deal',
            'The agreement Witkoff helped seal, working with Joe Biden''s team before taking office. It led to a '
            || 'weekslong ceasefire and 33 hostages being freed from Hamas captivity in exchange for the release of '
            || 'nearly 2,000 Palestinian prisoners.', '2025-01-01', 'MONTH', t_gaza)
    returning id into x;
    insert into outcome_talk (outcome_id, ordinal, talk_id) values (x, 0, k_shuttle);
    insert into outcome_credit (outcome_id, ordinal, person_id) values (x, 0, witkoff);
    insert into citation (outcome_id, source_id, ordinal, excerpt) values
        (x, r2, 0, 'He was praised by Trump as he shuttled between Tel Aviv and Doha for helping seal the agreement that led to a weekslong ceasefire and 33 hostages being freed from Hamas captivity in exchange for the release of nearly 2,000 Palestinian prisoners.'),
        (x, r1, 1, 'Witkoff played a role in negotiating a ceasefire and hostage exchange between Israel and Hamas in January 2025.');

    insert into outcome (kind, status, title, description, date, date_precision, track_id)
    values ('CEASEFIRE', 'IMPLEMENTED', 'Weekslong Israel-Hamas ceasefire',
            'A weekslong, temporary ceasefire between Israel and Hamas that the agreement led to.',
            '2025-01-01', 'YEAR', t_gaza)
    returning id into x;
    insert into outcome_talk (outcome_id, ordinal, talk_id) values (x, 0, k_shuttle);
    insert into outcome_credit (outcome_id, ordinal, person_id) values (x, 0, witkoff);
    insert into citation (outcome_id, source_id, ordinal, excerpt) values
        (x, r2, 0, 'the agreement that led to a weekslong ceasefire'),
        (x, r2, 1, 'He is also credited for the ceasefire deal between Israel and Hamas.');

    insert into outcome (kind, status, title, description, date, date_precision, track_id)
    values ('HOSTAGE_RELEASE', 'IMPLEMENTED', 'Hostages freed from Hamas captivity',
            '33 hostages were freed from Hamas captivity in exchange for the release of Palestinian prisoners.',
            '2025-01-01', 'YEAR', t_gaza)
    returning id into x;
    insert into outcome_talk (outcome_id, ordinal, talk_id) values (x, 0, k_shuttle);
    insert into outcome_figure (outcome_id, ordinal, label, value, approximate)
    values (x, 0, 'hostages freed from Hamas captivity', 33, false);
    insert into outcome_credit (outcome_id, ordinal, person_id) values (x, 0, witkoff);
    insert into citation (outcome_id, source_id, ordinal, excerpt) values
        (x, r2, 0, '33 hostages being freed from Hamas captivity in exchange for the release of nearly 2,000 Palestinian prisoners');

    insert into outcome (kind, status, title, description, date, date_precision, track_id)
    values ('PRISONER_RELEASE', 'IMPLEMENTED', 'Palestinian prisoners released',
            'Nearly 2,000 Palestinian prisoners were released in exchange for 33 hostages held by Hamas.',
            '2025-01-01', 'YEAR', t_gaza)
    returning id into x;
    insert into outcome_talk (outcome_id, ordinal, talk_id) values (x, 0, k_shuttle);
    insert into outcome_figure (outcome_id, ordinal, label, value, approximate)
    values (x, 0, 'Palestinian prisoners released', 2000, true);
    insert into outcome_credit (outcome_id, ordinal, person_id) values (x, 0, witkoff);
    insert into citation (outcome_id, source_id, ordinal, excerpt) values
        (x, r2, 0, 'in exchange for the release of nearly 2,000 Palestinian prisoners');

    -- ------------------------------------------------------------ statements
    insert into statement (speaker_id, quote, verbatim, said_on, said_on_precision, tone, talk_id, track_id)
    values (peskov, 'Through Witkoff, Putin conveyed information and additional signals for President Trump.', true,
            '2025-03-14', 'DAY', 'NEUTRAL', k_moscow, t_ukraine)
    returning id into x;
    insert into citation (statement_id, source_id, ordinal, excerpt) values
        (x, r1, 0, '"Through Witkoff, Putin conveyed information and additional signals for President Trump," Peskov stated.'),
        (x, tass1, 1, 'Kremlin spokesman Dmitry Peskov said, TASS reports.');

    insert into statement (speaker_id, quote, verbatim, said_on, said_on_precision, tone, talk_id, track_id)
    values (peskov, 'The Russian side was also provided with additional information during the meeting.', false,
            '2025-03-14', 'DAY', 'NEUTRAL', k_moscow, t_ukraine)
    returning id into x;
    insert into citation (statement_id, source_id, ordinal, excerpt) values
        (x, r1, 0, 'According to Peskov, the Russian side was also provided with additional information during the meeting.'),
        (x, tass1, 1, 'According to Peskov, the Russian side was also provided with additional information during the meeting.');

    insert into statement (speaker_id, quote, verbatim, said_on, said_on_precision, tone, track_id)
    values (peskov, 'There is certainly reason for cautious optimism.', true, '2025-03-01', 'MONTH',
            'CAUTIOUSLY_OPTIMISTIC', t_ukraine)
    returning id into x;
    insert into citation (statement_id, source_id, ordinal, excerpt) values
        (x, r1, 0, '"There is certainly reason for cautious optimism," Peskov stated, while noting that "much remains to be done."');

    insert into statement (speaker_id, quote, verbatim, said_on, said_on_precision, tone, track_id)
    values (peskov, 'Much remains to be done.', true, '2025-03-01', 'MONTH', 'NEUTRAL', t_ukraine)
    returning id into x;
    insert into citation (statement_id, source_id, ordinal, excerpt) values
        (x, r1, 0, 'while noting that "much remains to be done."');

    insert into statement (speaker_id, quote, verbatim, said_on, said_on_precision, tone, track_id)
    values (waltz, 'The prospects for resolving the Ukraine conflict could be approached with "cautious optimism."',
            false, '2025-03-01', 'MONTH', 'CAUTIOUSLY_OPTIMISTIC', t_ukraine)
    returning id into x;
    insert into citation (statement_id, source_id, ordinal, excerpt) values
        (x, r1, 0, 'Mike Waltz, who said that the prospects for resolving the Ukraine conflict could be approached with "cautious optimism."');

    insert into statement (speaker_id, quote, verbatim, said_on, said_on_precision, tone, talk_id, track_id)
    values (waltz, 'Witkoff was still in Moscow and was relaying information to Washington about the progress of the negotiations.',
            false, '2025-03-13', 'DAY', 'NEUTRAL', k_moscow, t_ukraine)
    returning id into x;
    insert into citation (statement_id, source_id, ordinal, excerpt) values
        (x, r1, 0, 'However, later that day, Mike Waltz stated that Witkoff was still in Moscow and was relaying information to Washington about the progress of the negotiations.');

    insert into statement (speaker_id, quote, verbatim, said_on, said_on_precision, tone, talk_id, track_id)
    values (witkoff, 'Gave a speech in English at the US Embassy in Moscow expressing gratitude.', false,
            '2025-03-01', 'MONTH', 'OPTIMISTIC', k_moscow, t_ukraine)
    returning id into x;
    insert into citation (statement_id, source_id, ordinal, excerpt) values
        (x, r1, 0, 'According to Izvestia, Witkoff visited the US Embassy in Moscow, spent about an hour there, and gave a speech in English expressing gratitude.'),
        (x, izvestia, 1, 'Witkoff visited the US Embassy in Moscow, spent about an hour there, and gave a speech in English expressing gratitude.');

    insert into statement (speaker_id, quote, verbatim, said_on, said_on_precision, tone, talk_id, track_id)
    values (trump, 'Praised Witkoff for helping seal the agreement that led to a weekslong ceasefire and the freeing of 33 hostages.',
            false, '2025-01-01', 'MONTH', 'OPTIMISTIC', k_shuttle, t_gaza)
    returning id into x;
    insert into citation (statement_id, source_id, ordinal, excerpt) values
        (x, r2, 0, 'He was praised by Trump as he shuttled between Tel Aviv and Doha for helping seal the agreement');

    insert into statement (speaker_id, quote, verbatim, said_on, said_on_precision, tone, talk_id, track_id)
    values (kellogg, 'Witkoff developed a rapport with his Russian interlocutor, Kirill Dmitriev, during the successful negotiations that freed Marc Fogel.',
            false, '2025-01-01', 'YEAR', 'OPTIMISTIC', k_fogel, t_fogel)
    returning id into x;
    insert into citation (statement_id, source_id, ordinal, excerpt) values
        (x, r2, 0, 'He is credited with developing a rapport with his Russian interlocutor, Kirill Dmitriev, the head of the Russian Direct Investment Fund, during those successful negotiations, according to retired Lt Gen Keith Kellogg');

    insert into statement (speaker_id, quote, verbatim, said_on, said_on_precision, tone, talk_id, track_id)
    values (peskov, 'Confirmed Witkoff''s visit to Russia without specifying whether he would meet Putin.', false,
            '2025-01-01', 'YEAR', 'NEUTRAL', k_expected, t_ukraine)
    returning id into x;
    insert into citation (statement_id, source_id, ordinal, excerpt) values
        (x, r2, 0, 'While Kremlin spokesperson Dmitry Peskov confirmed Witkoff''s visit to Russia, he did not specify whether Trump''s top aide will meet Putin.');
end
$demo$;
