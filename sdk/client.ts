import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

/**
 * A small client for the Nexus Gateway: fetch-based, sends the bearer
 * token, and throws `GatewayError` instead of handing back `errors`.
 *
 *   const nexus = createClient({ url: "https://nexus.example/graphql", token });
 *   const { users } = await nexus.request(UsersDocument, { first: 20 });
 */
export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** The access token, or a function returning the current one (after a refresh). */
  token?: string | null | (() => string | null | Promise<string | null>);
  /** Send only the operation's hash (for a gateway with NEXUS_PERSISTED_ONLY=1). */
  persisted?: boolean;
  fetch?: typeof fetch;
}

export interface GatewayErrorDetail {
  message: string;
  code: string | null;
  path: ReadonlyArray<string | number> | null;
}

/** Everything that went wrong with one request: the HTTP status and every GraphQL error, each with its code. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly errors: GatewayErrorDetail[],
    /** Whatever data came back beside the errors (partial results). */
    readonly data: unknown = null,
  ) {
    super(errors.map((e) => (e.code ? `${e.code}: ${e.message}` : e.message)).join("; ") || `HTTP ${status}`);
    this.name = "GatewayError";
  }

  /** The codes of the errors (`PAGE_TOO_LARGE`, `FORBIDDEN`, `INVALID_TOKEN`…), for `switch`es. */
  get codes(): string[] {
    return this.errors.map((e) => e.code).filter((c): c is string => c !== null);
  }
}

type Meta = { __meta__?: { hash?: string } };

/** The header a mutation's answer carries its consistency token in, and a query sends it back in. */
const CONSISTENCY_HEADER = "nexus-consistency";

/** A token ("16/B374D848") as a string that sorts like the position it names. */
function sortable(token: string): string {
  const [high = "", low = ""] = token.toUpperCase().split("/");
  return `${high.padStart(8, "0")}${low.padStart(8, "0")}`;
}

/**
 * Read-your-writes: the newest consistency token this client has received
 * (a mutation's), sent with every later request, so a query runs only where
 * the write has been replayed (the gateway's read replicas), even on another
 * gateway instance.
 */
class ConsistencyToken {
  private newest: string | null = null;

  get header(): Record<string, string> {
    return this.newest ? { [CONSISTENCY_HEADER]: this.newest } : {};
  }

  note(response: Response): void {
    const token = response.headers?.get(CONSISTENCY_HEADER);
    if (token && (this.newest === null || sortable(token) > sortable(this.newest))) this.newest = token;
  }
}

export interface NexusClient {
  request<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    ...variables: TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables]
  ): Promise<TResult>;
}

export function createClient(options: ClientOptions): NexusClient {
  const doFetch = options.fetch ?? fetch;
  const consistency = new ConsistencyToken();
  return {
    async request(document, ...[variables]) {
      const token = typeof options.token === "function" ? await options.token() : options.token;
      const hash = (document as Meta).__meta__?.hash;
      const body = options.persisted && hash ? { documentId: hash, variables } : { query: print(document), variables };
      const response = await doFetch(options.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...consistency.header,
        },
        body: JSON.stringify(body),
      });
      consistency.note(response);
      const payload = (await response.json().catch(() => null)) as {
        data?: unknown;
        errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
        error?: { code: string; message: string };
      } | null;
      if (payload?.error)
        throw new GatewayError(response.status, [{ message: payload.error.message, code: payload.error.code, path: null }]);
      if (!payload || payload.errors?.length || payload.data == null) {
        const errors = (payload?.errors ?? [{ message: `HTTP ${response.status}` }]).map((e) => ({
          message: e.message,
          code: e.extensions?.code ?? null,
          path: e.path ?? null,
        }));
        throw new GatewayError(response.status, errors, payload?.data ?? null);
      }
      return payload.data as never;
    },
  };
}

export * from "./generated/graphql";
