// PostGraphile 5 over Parley's tables, as a user would run it: the amber preset, plus the
// connection-filter plugin for the date-range query (amber alone filters by equality only) and,
// with its relation filters, a person's talks in date order (a nested connection through the
// talk_participant join table can only be ordered by that table's own columns).
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";
import { makePgService } from "postgraphile/adaptors/pg";

export default {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  // Parley indexes citations per owner with partial indexes (WHERE talk_id IS NOT NULL), which
  // PostGraphile does not count as indexes, so it would hide Talk -> citations; expose every
  // foreign-key relation instead of changing the shared schema.
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  schema: { connectionFilterRelations: true },
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ["public"],
      poolConfig: { max: Number(process.env.PG_POOL_MAX ?? 20) },
    }),
  ],
  grafserv: { host: "127.0.0.1", port: Number(process.env.PORT ?? 5678), graphiql: false, watch: false },
  grafast: { explain: false },
};
