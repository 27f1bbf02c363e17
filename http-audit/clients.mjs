// Apollo Client 4 (PersistedQueryLink with useGETForHashedQueries) and urql (persistedExchange
// with preferGetForPersistedQueries), unmodified, against a running Parley: the first client
// sends a new document's hash alone over GET, gets PersistedQueryNotFound, sends hash and
// query, and is answered; a second client then gets the answer from the hash alone over GET.
// Appends what each request was and got to the audit's Markdown; exits non-zero on a mismatch.
//
// Usage: node clients.mjs <graphql url> <output.md>
import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';

const [url, output] = process.argv.slice(2);
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** fetch that records each request's method, what it carried and the status it got. */
function recording(log) {
    return async (input, init = {}) => {
        const response = await fetch(input, init);
        const target = new URL(typeof input === 'string' ? input : input.url);
        const body = init.body ? JSON.parse(init.body) : null;
        const carried = target.searchParams.has('query') || body?.query ? 'hash and query' : 'hash alone';
        log.push(`${init.method ?? 'GET'} ${carried} -> ${response.status}`);
        return response;
    };
}

function apollo(log) {
    return new ApolloClient({
        cache: new InMemoryCache(),
        link: createPersistedQueryLink({ sha256, useGETForHashedQueries: true })
            .concat(new HttpLink({ uri: url, fetch: recording(log) })),
    });
}

function urql(log) {
    return new Client({
        url,
        fetch: recording(log),
        requestPolicy: 'network-only',
        exchanges: [persistedExchange({ preferGetForPersistedQueries: true }), fetchExchange],
    });
}

const runs = [];
async function check(name, ask) {
    const query = `query Check${randomUUID().replaceAll('-', '')} { tracks(first: 2) { totalCount } }`;
    const first = [];
    const second = [];
    const answers = [await ask(first, query), await ask(second, query)];
    const ok = answers.every((data) => typeof data?.tracks?.totalCount === 'number')
        && first[0] === 'GET hash alone -> 404' && first.at(-1).endsWith('-> 200')
        && second.length === 1 && second[0] === 'GET hash alone -> 200';
    runs.push({ name, ok, first, second });
}

await check('Apollo Client 4, PersistedQueryLink (useGETForHashedQueries)', async (log, query) =>
    (await apollo(log).query({ query: gql(query), fetchPolicy: 'network-only' })).data);
await check('urql 6, persistedExchange (preferGetForPersistedQueries)', async (log, query) =>
    (await urql(log).query(query, {}).toPromise()).data);

const lines = ['', '## Real clients with automatic persisted queries', '',
    '| client | first client (new document) | second client | result |', '| --- | --- | --- | --- |'];
for (const run of runs) {
    lines.push(`| ${run.name} | ${run.first.join('; ')} | ${run.second.join('; ')} | ${run.ok ? 'passed' : 'FAILED'} |`);
}
appendFileSync(output, lines.join('\n') + '\n');
for (const run of runs) {
    console.log(`${run.ok ? 'passed' : 'FAILED'}: ${run.name}: ${run.first.join('; ')} | ${run.second.join('; ')}`);
}
process.exit(runs.every((run) => run.ok) ? 0 : 1);
