-- The functions that build a global ID or a bundle's JSON (V7, V8) declared stable, as what they
-- call is: convert_to and text || bigint (in graphql_id) and jsonb_build_object are stable.
-- PostgreSQL inlines a SQL function's body into the query only when the body is no more volatile
-- than the function says, so declared immutable each ran as a function call of its own per value.
-- Measured on the benchmark machine (jit off): V7's bundle_talk view read 1,000 talks in 129 ms,
-- 40 ms with these (a bundle import compares the talks it matches through it: a re-import of
-- 10,000 talks spent 2.2 s of its 3.5 s reading them); graphql_id for 29,640 values took 64 ms,
-- 33 ms inlined (every read that answers IDs computes them in its statement). None of them is in
-- an index, a generated column or a constraint, which would need them immutable. Same values.
alter function graphql_id(text, bigint) stable;
alter function bundle_passage_ref(bigint, text) stable;
alter function bundle_citation(citation) stable;
alter function bundle_location(text, text, text, double precision, double precision, integer) stable;
