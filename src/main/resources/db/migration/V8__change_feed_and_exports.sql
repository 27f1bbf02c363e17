-- The change feed (the changes query) lists revisions in commit order, so that a copy kept in
-- sync by polling "everything after my cursor" never misses one.
--
-- revision.id cannot be that order: it is taken when a row is written, not when its
-- transaction commits. With two writers open, the one that wrote first may commit last; a
-- reader that had already passed the later id would never come back for the earlier one.
-- So every revision also gets a position at commit time: a deferred trigger runs just before
-- its transaction commits, takes one database-wide lock and numbers the transaction's
-- revisions from a sequence. PostgreSQL makes a commit visible before it releases the
-- transaction's locks, so the next writer numbers its revisions only after the previous one is
-- visible: positions grow in commit order, and any snapshot sees a gap-free prefix of them
-- (gaps in the numbers themselves, from a transaction that fails after numbering, are harmless).
-- The price is that writers commit one at a time for the moment between the trigger and the
-- commit (one WAL flush each).

create sequence change_position as bigint;

create table change_log (
    position    bigint primary key,
    revision_id bigint not null unique references revision (id)
);

-- Revisions recorded before this migration keep their insertion order: no writer was running.
insert into change_log (position, revision_id)
select row_number() over (order by id), id from revision;
select setval('change_position', coalesce((select max(position) from change_log), 0) + 1, false);

create function log_change() returns trigger
    language plpgsql as $$
begin
    -- The two-key form: its key space is apart from the one-key locks record_revision takes.
    -- 1346458188 is the bytes of 'PARL' read as an integer, a constant no other lock in Parley uses.
    perform pg_advisory_xact_lock(1346458188, 1);
    insert into change_log (position, revision_id) values (nextval('change_position'), new.id);
    return null;
end
$$;

create constraint trigger revision_change_log after insert on revision
    deferrable initially deferred
    for each row execute function log_change();

-- The record's version after the change, so a copy can tell which state it holds. Revisions
-- written before this column existed have none; every write until then went through the
-- application, which bumps the version once per revision, so for them it is number - 1.
alter table revision add column version integer;

create or replace function record_revision() returns trigger
    language plpgsql as $$
declare
    before_row jsonb := case when tg_op <> 'INSERT' then revision_fields(to_jsonb(old)) end;
    after_row jsonb := case when tg_op <> 'DELETE' then revision_fields(to_jsonb(new)) end;
    key bigint := case when tg_op = 'DELETE' then old.id else new.id end;
    record_version integer := case when tg_op = 'DELETE' then old.version else new.version end;
    changed jsonb;
begin
    select coalesce(jsonb_agg(jsonb_build_object('field', f, 'from', before_row ->> f, 'to', after_row ->> f)
                              order by f), '[]'::jsonb)
      into changed
      from jsonb_object_keys(coalesce(after_row, before_row)) as f
     where coalesce(before_row -> f, 'null'::jsonb) is distinct from coalesce(after_row -> f, 'null'::jsonb);
    -- one writer per record at a time (the version check), so max + 1 is safe under this lock
    perform pg_advisory_xact_lock(hashtextextended(tg_argv[0] || ':' || key, 0));
    insert into revision (node_type, record_id, number, actor, action, changes, version)
    values (tg_argv[0], key,
            coalesce((select max(number) from revision where node_type = tg_argv[0] and record_id = key), 0) + 1,
            nullif(current_setting('parley.actor', true), ''),
            case tg_op when 'INSERT' then 'CREATED' when 'UPDATE' then 'UPDATED' else 'DELETED' end,
            changed, record_version);
    return null;
end
$$;

-- Exports: event data (PLOVER, POLECAT) names countries by ISO 3166-1 alpha-3 code; Parley
-- stores alpha-2. Every code the application accepts (java.util.Locale.getISOCountries) is here,
-- as the JDK maps it; null for anything else.
create function country_alpha3(code text) returns text
    language sql immutable parallel safe strict
    return '{
        "AD": "AND", "AE": "ARE", "AF": "AFG", "AG": "ATG", "AI": "AIA", "AL": "ALB", "AM": "ARM", "AO": "AGO",
        "AQ": "ATA", "AR": "ARG", "AS": "ASM", "AT": "AUT", "AU": "AUS", "AW": "ABW", "AX": "ALA", "AZ": "AZE",
        "BA": "BIH", "BB": "BRB", "BD": "BGD", "BE": "BEL", "BF": "BFA", "BG": "BGR", "BH": "BHR", "BI": "BDI",
        "BJ": "BEN", "BL": "BLM", "BM": "BMU", "BN": "BRN", "BO": "BOL", "BQ": "BES", "BR": "BRA", "BS": "BHS",
        "BT": "BTN", "BV": "BVT", "BW": "BWA", "BY": "BLR", "BZ": "BLZ", "CA": "CAN", "CC": "CCK", "CD": "COD",
        "CF": "CAF", "CG": "COG", "CH": "CHE", "CI": "CIV", "CK": "COK", "CL": "CHL", "CM": "CMR", "CN": "CHN",
        "CO": "COL", "CR": "CRI", "CU": "CUB", "CV": "CPV", "CW": "CUW", "CX": "CXR", "CY": "CYP", "CZ": "CZE",
        "DE": "DEU", "DJ": "DJI", "DK": "DNK", "DM": "DMA", "DO": "DOM", "DZ": "DZA", "EC": "ECU", "EE": "EST",
        "EG": "EGY", "EH": "ESH", "ER": "ERI", "ES": "ESP", "ET": "ETH", "FI": "FIN", "FJ": "FJI", "FK": "FLK",
        "FM": "FSM", "FO": "FRO", "FR": "FRA", "GA": "GAB", "GB": "GBR", "GD": "GRD", "GE": "GEO", "GF": "GUF",
        "GG": "GGY", "GH": "GHA", "GI": "GIB", "GL": "GRL", "GM": "GMB", "GN": "GIN", "GP": "GLP", "GQ": "GNQ",
        "GR": "GRC", "GS": "SGS", "GT": "GTM", "GU": "GUM", "GW": "GNB", "GY": "GUY", "HK": "HKG", "HM": "HMD",
        "HN": "HND", "HR": "HRV", "HT": "HTI", "HU": "HUN", "ID": "IDN", "IE": "IRL", "IL": "ISR", "IM": "IMN",
        "IN": "IND", "IO": "IOT", "IQ": "IRQ", "IR": "IRN", "IS": "ISL", "IT": "ITA", "JE": "JEY", "JM": "JAM",
        "JO": "JOR", "JP": "JPN", "KE": "KEN", "KG": "KGZ", "KH": "KHM", "KI": "KIR", "KM": "COM", "KN": "KNA",
        "KP": "PRK", "KR": "KOR", "KW": "KWT", "KY": "CYM", "KZ": "KAZ", "LA": "LAO", "LB": "LBN", "LC": "LCA",
        "LI": "LIE", "LK": "LKA", "LR": "LBR", "LS": "LSO", "LT": "LTU", "LU": "LUX", "LV": "LVA", "LY": "LBY",
        "MA": "MAR", "MC": "MCO", "MD": "MDA", "ME": "MNE", "MF": "MAF", "MG": "MDG", "MH": "MHL", "MK": "MKD",
        "ML": "MLI", "MM": "MMR", "MN": "MNG", "MO": "MAC", "MP": "MNP", "MQ": "MTQ", "MR": "MRT", "MS": "MSR",
        "MT": "MLT", "MU": "MUS", "MV": "MDV", "MW": "MWI", "MX": "MEX", "MY": "MYS", "MZ": "MOZ", "NA": "NAM",
        "NC": "NCL", "NE": "NER", "NF": "NFK", "NG": "NGA", "NI": "NIC", "NL": "NLD", "NO": "NOR", "NP": "NPL",
        "NR": "NRU", "NU": "NIU", "NZ": "NZL", "OM": "OMN", "PA": "PAN", "PE": "PER", "PF": "PYF", "PG": "PNG",
        "PH": "PHL", "PK": "PAK", "PL": "POL", "PM": "SPM", "PN": "PCN", "PR": "PRI", "PS": "PSE", "PT": "PRT",
        "PW": "PLW", "PY": "PRY", "QA": "QAT", "RE": "REU", "RO": "ROU", "RS": "SRB", "RU": "RUS", "RW": "RWA",
        "SA": "SAU", "SB": "SLB", "SC": "SYC", "SD": "SDN", "SE": "SWE", "SG": "SGP", "SH": "SHN", "SI": "SVN",
        "SJ": "SJM", "SK": "SVK", "SL": "SLE", "SM": "SMR", "SN": "SEN", "SO": "SOM", "SR": "SUR", "SS": "SSD",
        "ST": "STP", "SV": "SLV", "SX": "SXM", "SY": "SYR", "SZ": "SWZ", "TC": "TCA", "TD": "TCD", "TF": "ATF",
        "TG": "TGO", "TH": "THA", "TJ": "TJK", "TK": "TKL", "TL": "TLS", "TM": "TKM", "TN": "TUN", "TO": "TON",
        "TR": "TUR", "TT": "TTO", "TV": "TUV", "TW": "TWN", "TZ": "TZA", "UA": "UKR", "UG": "UGA", "UM": "UMI",
        "US": "USA", "UY": "URY", "UZ": "UZB", "VA": "VAT", "VC": "VCT", "VE": "VEN", "VG": "VGB", "VI": "VIR",
        "VN": "VNM", "VU": "VUT", "WF": "WLF", "WS": "WSM", "YE": "YEM", "YT": "MYT", "ZA": "ZAF", "ZM": "ZMB",
        "ZW": "ZWE"
    }'::jsonb ->> code;

-- graphql_id (V4) with base64url written out in its body: PostgreSQL runs the nested call as a
-- function call per value (20 µs each: 1.0 s for 50,000 IDs on the benchmark machine against
-- 0.29 s written out), and an export writes several IDs per row. Same values as before.
create or replace function graphql_id(label text, key bigint) returns text
    language sql immutable parallel safe strict
    return rtrim(translate(encode(convert_to(label || ':' || key, 'UTF8'), 'base64'), '+/' || chr(10), '-_'), '=');
