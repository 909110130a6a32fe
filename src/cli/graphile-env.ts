// Grafast reads GRAPHILE_ENV when it is first loaded: this module must be
// imported before anything that loads PostGraphile.
process.env.GRAPHILE_ENV ??= process.env.NODE_ENV === "production" ? "production" : "development";
