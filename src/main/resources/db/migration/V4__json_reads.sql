-- Compiled reads (io.parley.graphql.CompiledReads) build a whole GraphQL answer as JSON in one
-- statement. These functions write values exactly as the Java side does, so both paths give the
-- same values.

-- Base64url without padding (java.util.Base64.getUrlEncoder().withoutPadding()); encode()
-- breaks lines every 76 characters, which translate() drops with the other substitutions.
create function base64url(t text) returns text
    language sql immutable parallel safe strict
    return rtrim(translate(encode(convert_to(t, 'UTF8'), 'base64'), '+/' || chr(10), '-_'), '=');

-- A record's global ID (io.parley.graphql.GlobalId): base64url of "Type:key".
create function graphql_id(label text, key bigint) returns text
    language sql immutable parallel safe strict
    return base64url(label || ':' || key);

-- An instant as java.time.Instant.toString() writes it, and SmallRye GraphQL a DateTime in UTC
-- (both for cursor values and DateTime fields): seconds always, the fraction only when not zero
-- and in groups of three digits, "Z" for the offset.
create function iso_instant(t timestamptz) returns text
    language sql stable parallel safe strict
    return to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || case
            when extract(microseconds from t) % 1000000 = 0 then ''
            when extract(microseconds from t) % 1000 = 0 then '.' || to_char(t at time zone 'UTC', 'MS')
            else '.' || to_char(t at time zone 'UTC', 'US')
        end || 'Z';

-- A Float as Java writes a Double: integral values keep ".0" (12.0, not 12).
create function json_float(v double precision) returns json
    language sql immutable parallel safe strict
    return case when v = trunc(v) and abs(v) < 1e7 then cast(cast(cast(v as bigint) as text) || '.0' as json)
        else to_json(v) end;
