// Runs the graphql-http server audits (GraphQL over HTTP conformance) against a running Parley
// and writes the result as Markdown. Exits non-zero when a MUST or a SHOULD fails, so CI
// notices a regression; MAYs are reported only.
//
// Usage: node audit.mjs <graphql url> <output.md> <command that produced it>
import { readFileSync, writeFileSync } from 'node:fs';
import { serverAudits } from 'graphql-http';

const [url, output, command] = process.argv.slice(2);
if (!url || !output) {
    console.error('usage: node audit.mjs <graphql url> <output.md> [command]');
    process.exit(2);
}

const version = JSON.parse(readFileSync(new URL('./node_modules/graphql-http/package.json', import.meta.url))).version;
const results = [];
for (const audit of serverAudits({ url })) {
    results.push(await audit.fn());
}

const levels = ['MUST', 'SHOULD', 'MAY'];
const count = (level, ok) => results.filter((r) => r.name.startsWith(level) && (r.status === 'ok') === ok).length;
const summary = levels.map((level) => `| ${level} | ${count(level, true)} | ${count(level, false)} |`);
const failures = results.filter((r) => r.status !== 'ok');

const lines = [
    '# GraphQL over HTTP: graphql-http audit',
    '',
    `The [graphql-http](https://github.com/graphql/graphql-http) server audits (\`serverAudits\`, version ${version}) against the packaged application, run by \`${command ?? 'http-audit/run.sh'}\` on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '| level | passed | failed |',
    '| --- | --- | --- |',
    ...summary,
    '',
];
if (failures.length) {
    lines.push('## Not passed', '');
    for (const failure of failures) {
        lines.push(`- \`${failure.id}\` ${failure.name}: ${failure.reason}`);
    }
    lines.push('');
}
lines.push('## Every audit', '', '| id | audit | result |', '| --- | --- | --- |');
for (const result of results) {
    lines.push(`| \`${result.id}\` | ${result.name.replaceAll('|', '\\|')} | ${result.status === 'ok' ? 'passed' : result.status} |`);
}
writeFileSync(output, lines.join('\n') + '\n');
console.log(levels.map((level) => `${level} ${count(level, true)}/${count(level, true) + count(level, false)}`).join(', '));

const blocking = failures.filter((r) => r.name.startsWith('MUST') || r.name.startsWith('SHOULD'));
process.exit(blocking.length ? 1 : 0);
