import path from "node:path";

import type { GraphiqlPageConfig } from "../browser/page-config";
import { projectRoot } from "../db/project";
import { EXAMPLE_OPERATIONS, type ExampleOperation } from "./examples";

type HtmlParts = NonNullable<NonNullable<GraphileConfig.Preset["ruru"]>["htmlParts"]>;

const BAR_HEIGHT = "44px";

const style = `
<style>
  #nexus-bar { height: ${BAR_HEIGHT}; box-sizing: border-box; display: flex; align-items: center; gap: 12px;
    padding: 0 12px; font: 14px system-ui, sans-serif; background: #1f2933; color: #f5f7fa; }
  #nexus-bar strong { margin-right: 8px; }
  #nexus-bar form { display: flex; gap: 6px; align-items: center; margin: 0; }
  #nexus-bar input, #nexus-bar select, #nexus-bar button { font: inherit; padding: 3px 6px; }
  #nexus-bar .nexus-spacer { flex: 1; }
  #nexus-bar [hidden] { display: none !important; }
  #nexus-error { color: #ffb4a9; }
  #ruru-root { height: calc(100vh - ${BAR_HEIGHT}) !important; }
</style>`;

const bar = `
<div id="nexus-bar">
  <strong>Nexus</strong>
  <form id="nexus-sign-in">
    <input id="nexus-email" type="email" name="email" placeholder="email" autocomplete="username" required />
    <input id="nexus-password" type="password" name="password" placeholder="password" autocomplete="current-password" required />
    <button type="submit">Sign in</button>
  </form>
  <span id="nexus-who" hidden></span>
  <button id="nexus-sign-out" type="button" hidden>Sign out</button>
  <span id="nexus-error" role="alert"></span>
  <span class="nexus-spacer"></span>
  <label>Examples
    <select id="nexus-examples"><option value="">Open an example…</option></select>
  </label>
</div>`;

/**
 * Where the gateway serves the compiled browser modules of src/browser
 * (dist/browser): the page's own script and the session logic it imports.
 */
export const GRAPHIQL_SCRIPTS_PATH = "/graphiql-scripts/";

/** dist/browser, written by `npm run build` (tsconfig.browser.json). */
export const graphiqlScriptsDir = () => path.join(projectRoot(), "dist", "browser");

/**
 * The page's own script is the typed module src/browser/graphiql.ts; the
 * page gives it what only the server knows as JSON (escaped so that no
 * "</script>" can end the tag early).
 */
function pageScript(staticPath: string, graphqlPath: string, examples: readonly ExampleOperation[]): string {
  const config: GraphiqlPageConfig = { staticPath, graphqlPath, examples };
  return `
<script type="application/json" id="nexus-graphiql-config">${JSON.stringify(config).replaceAll("<", "\\u003c")}</script>
<script type="module" src="${GRAPHIQL_SCRIPTS_PATH}graphiql.js"></script>`;
}

/**
 * Ruru (GraphiQL) with a sign-in bar and the example menu: the preset's
 * `ruru.htmlParts`. Ruru's own static files are served by grafserv.
 */
export function graphiqlHtmlParts(graphqlPath: string): HtmlParts {
  return {
    titleTag: "<title>Nexus GraphiQL</title>",
    styleTags: (original) => original + style,
    bodyContent: (original) => bar + original,
    bodyInitScript: (_original, clientConfig) => pageScript(clientConfig.staticPath, graphqlPath, EXAMPLE_OPERATIONS),
  };
}
