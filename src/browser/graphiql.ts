/**
 * The GraphiQL page's own script (served by the gateway at
 * GRAPHIQL_SCRIPT_PATH, see src/graphql/graphiql.ts): signs in through
 * /auth with the session logic the example SPA uses (the refresh token stays
 * in its httpOnly cookie, the access token only in memory), adds the token
 * to every request Ruru sends to the GraphQL endpoint, and reopens Ruru on an
 * example. Ruru keeps its own fetcher (streaming, explain); only `fetch` is
 * wrapped.
 */
import type { GraphiqlPageConfig } from "./page-config.js";
import { GatewaySession, type Session } from "./session.js";

interface RuruModule {
  React: { createElement(type: unknown, props: Record<string, unknown>): unknown };
  createRoot(element: Element): { render(node: unknown): void };
  Ruru: unknown;
}

// Ruru's own page script declares this global (a classic script's top-level const).
declare const RURU_CONFIG: Record<string, unknown>;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const config = JSON.parse($("nexus-graphiql-config").textContent ?? "{}") as GraphiqlPageConfig;
const plainFetch = window.fetch.bind(window);
let who: string | null = null;

const session = new GatewaySession({ gatewayUrl: "", credentials: "same-origin", fetch: plainFetch, onChange: render });

/** "email (tenant)" of the signed-in user, asked of the API with the new token. */
async function describe(current: Session): Promise<string> {
  const response = await plainFetch(config.graphqlPath, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${current.accessToken}` },
    body: JSON.stringify({ query: "query($id: UUID!) { user(rowId: $id) { email tenant { name } } }", variables: { id: current.userId } }),
  });
  const body = (await response.json().catch(() => null)) as {
    data?: { user?: { email: string; tenant?: { name: string } | null } | null };
  } | null;
  const user = body?.data?.user;
  return user ? `${user.email} (${user.tenant?.name ?? "tenant"})` : current.userId;
}

function render(current: Session | null = session.session): void {
  if (!current) who = null;
  $("nexus-sign-in").hidden = !!current;
  $("nexus-who").hidden = $("nexus-sign-out").hidden = !current;
  $("nexus-who").textContent = current ? `Signed in as ${who ?? "…"}` : "";
}

async function signedIn(current: Session): Promise<void> {
  $("nexus-error").textContent = "";
  who = await describe(current);
  render();
}

function failed(error: unknown): void {
  $("nexus-error").textContent = error instanceof Error ? error.message : String(error);
  render();
}

window.fetch = (input, init) => {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url, location.href);
  if (!session.session || url.origin !== location.origin || url.pathname !== config.graphqlPath) return plainFetch(input, init);
  return session.fetch(input, init);
};

$<HTMLFormElement>("nexus-sign-in").addEventListener("submit", (event) => {
  event.preventDefault();
  const password = $<HTMLInputElement>("nexus-password");
  session
    .login($<HTMLInputElement>("nexus-email").value, password.value)
    .then((current) => {
      password.value = "";
      return signedIn(current);
    })
    .catch(failed);
});

$("nexus-sign-out").addEventListener("click", () => void session.logout().catch(() => undefined));

const menu = $<HTMLSelectElement>("nexus-examples");
const groups = new Map<string, HTMLOptGroupElement>();
config.examples.forEach((example, index) => {
  let group = groups.get(example.module);
  if (!group) {
    group = document.createElement("optgroup");
    group.label = example.module;
    groups.set(example.module, group);
    menu.append(group);
  }
  group.append(new Option(example.title, String(index)));
});

const { React, createRoot, Ruru } = (await import(`${config.staticPath}ruru.js`)) as RuruModule;
const root = createRoot($("ruru-root"));
let generation = 0;
function showRuru(example?: GraphiqlPageConfig["examples"][number]): void {
  const opened = example
    ? { initialQuery: example.query, initialVariables: example.variables ? JSON.stringify(example.variables, null, 2) : "" }
    : {};
  root.render(React.createElement(Ruru, { ...RURU_CONFIG, ...opened, key: ++generation }));
}
menu.addEventListener("change", () => {
  const example = config.examples[Number(menu.value)];
  if (example) showRuru(example);
  menu.value = "";
});

// A session from before a reload lives on in the refresh cookie.
void session.resume().then((current) => (current ? signedIn(current) : render()));
showRuru();
