import { CSRF_HEADER } from "../auth/refresh-cookie";
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
 * The page's own script: signs in through /auth (the refresh token stays in
 * its httpOnly cookie, the access token only in memory), adds the token to
 * every request Ruru sends to the GraphQL endpoint, refreshes it a minute
 * before expiry and once more on a 401, and reopens Ruru on an example.
 * Ruru keeps its own fetcher (streaming, explain); only `fetch` is wrapped.
 */
function pageScript(staticPath: string, graphqlPath: string, examples: readonly ExampleOperation[]): string {
  const json = (value: unknown) => JSON.stringify(value).replaceAll("<", "\\u003c");
  return `
<script type="module">
  import { React, createRoot, Ruru } from ${json(staticPath + "ruru.js")};
  const GRAPHQL = ${json(graphqlPath)};
  const EXAMPLES = ${json(examples)};
  const CSRF = { ${json(CSRF_HEADER)}: "1" };
  const $ = (id) => document.getElementById(id);
  const plainFetch = window.fetch.bind(window);
  let session = null;
  let refreshing = null;
  let timer = null;

  async function auth(path, body, token) {
    const response = await plainFetch("/auth/" + path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", ...CSRF, ...(token ? { authorization: "Bearer " + token } : {}) },
      body: JSON.stringify(body ?? {}),
    });
    const payload = await response.json().catch(() => null);
    if (!response.ok) throw new Error(payload?.error?.message ?? "HTTP " + response.status);
    return payload;
  }

  function claimsOf(token) {
    const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(part));
  }

  async function describe(token) {
    const { sub } = claimsOf(token);
    const response = await plainFetch(GRAPHQL, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer " + token },
      body: JSON.stringify({ query: "query($id: UUID!) { user(rowId: $id) { email tenant { name } } }", variables: { id: sub } }),
    });
    const user = (await response.json().catch(() => null))?.data?.user;
    return user ? user.email + " (" + (user.tenant?.name ?? "tenant") + ")" : sub;
  }

  function accept(pair) {
    session = { token: pair.accessToken, expiresAt: Date.now() + pair.expiresIn * 1000, who: session?.who ?? null };
    clearTimeout(timer);
    timer = setTimeout(() => refresh().catch(signedOut), Math.max(5000, pair.expiresIn * 1000 - 60000));
  }

  function refresh() {
    refreshing ??= auth("refresh").then(accept).finally(() => { refreshing = null; });
    return refreshing;
  }

  function render() {
    $("nexus-sign-in").hidden = !!session;
    $("nexus-who").hidden = $("nexus-sign-out").hidden = !session;
    $("nexus-who").textContent = session ? "Signed in as " + (session.who ?? "…") : "";
  }

  async function signedIn() {
    $("nexus-error").textContent = "";
    session.who = await describe(session.token);
    render();
  }

  function signedOut(error) {
    session = null;
    clearTimeout(timer);
    if (error) $("nexus-error").textContent = error.message;
    render();
  }

  function unauthenticated(response) {
    if (response.status === 401) return Promise.resolve(true);
    if (!(response.headers.get("content-type") ?? "").includes("json")) return Promise.resolve(false);
    return response.clone().json().then(
      (body) => (body?.errors ?? []).some((e) => e?.extensions?.code === "UNAUTHENTICATED"),
      () => false,
    );
  }

  window.fetch = async (input, init = {}) => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url, location.href);
    if (!session || url.origin !== location.origin || url.pathname !== GRAPHQL) return plainFetch(input, init);
    if (session.expiresAt - Date.now() < 30000) await refresh().catch(() => undefined);
    const send = () => {
      const headers = new Headers(init.headers);
      if (session && !headers.has("authorization")) headers.set("authorization", "Bearer " + session.token);
      return plainFetch(input, { ...init, headers });
    };
    const response = await send();
    if (!(await unauthenticated(response))) return response;
    try {
      await refresh();
    } catch (error) {
      signedOut(error);
      return response;
    }
    return send();
  };

  $("nexus-sign-in").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      accept(await auth("login", { email: $("nexus-email").value, password: $("nexus-password").value }));
      $("nexus-password").value = "";
      await signedIn();
    } catch (error) {
      signedOut(error);
    }
  });

  $("nexus-sign-out").addEventListener("click", async () => {
    const token = session?.token;
    signedOut();
    await auth("logout", {}, token).catch(() => undefined);
  });

  const menu = $("nexus-examples");
  const groups = new Map();
  EXAMPLES.forEach((example, index) => {
    if (!groups.has(example.module)) {
      const group = document.createElement("optgroup");
      group.label = example.module;
      groups.set(example.module, group);
      menu.append(group);
    }
    groups.get(example.module).append(new Option(example.title, String(index)));
  });

  const root = createRoot(document.getElementById("ruru-root"));
  let generation = 0;
  function showRuru(example) {
    const opened = example
      ? { initialQuery: example.query, initialVariables: example.variables ? JSON.stringify(example.variables, null, 2) : "" }
      : {};
    root.render(React.createElement(Ruru, { ...RURU_CONFIG, ...opened, key: ++generation }));
  }
  menu.addEventListener("change", () => {
    const example = EXAMPLES[Number(menu.value)];
    if (example) showRuru(example);
    menu.value = "";
  });

  // A session from before a reload lives on in the refresh cookie.
  refresh().then(signedIn, () => render());
  showRuru();
</script>`;
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
