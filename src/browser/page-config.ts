/**
 * What the gateway writes into the GraphiQL page for its script
 * (script#nexus-graphiql-config): types only, so that the server
 * (src/graphql/graphiql.ts) and the browser module (src/browser/graphiql.ts)
 * share them without sharing code.
 */
export interface GraphiqlPageConfig {
  /** Ruru's static files (ruru.js), as grafserv serves them. */
  staticPath: string;
  graphqlPath: string;
  examples: ReadonlyArray<{ module: string; title: string; query: string; variables?: Record<string, unknown> }>;
}
