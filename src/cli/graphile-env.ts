// Grafast reads GRAPHILE_ENV when it is first loaded: this module must be
// imported before anything that loads PostGraphile.
process.env.GRAPHILE_ENV ??= process.env.NODE_ENV === "production" ? "production" : "development";

// @dataplan/pg names its statements (server-side prepared statements) unless
// told otherwise when it is loaded. A transaction-mode pooler (PgBouncer
// before 1.21, or without max_prepared_statements) hands each transaction a
// different server connection, where those names are unknown or taken:
// NEXUS_DB_PREPARED_STATEMENTS=0 turns them off (loadConfig validates the value;
// the same words as its flags mean off here).
if (/^(0|false|no|off)$/i.test(process.env.NEXUS_DB_PREPARED_STATEMENTS?.trim() ?? ""))
  process.env.DATAPLAN_PG_PREPARED_STATEMENT_CACHE_SIZE = "0";
