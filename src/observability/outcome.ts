import type { IncomingMessage, ServerResponse } from "node:http";

import { refusalCode } from "./metrics";

/**
 * What a request ended with, for its log line and the metrics: the error
 * codes of a GraphQL answer (HTTP 200 with `errors`: a CONFLICT or
 * FORBIDDEN is a failure the status does not show), or the code of a
 * refusal in the gateway's error shape.
 */
const graphqlErrorCodes = new WeakMap<IncomingMessage, string[]>();

/** GraphQL errors without `extensions.code`: validation and syntax errors, and masked unexpected ones (they carry an errorId). */
export const UNCODED_ERROR = "GRAPHQL_ERROR";
export const INTERNAL_ERROR = "INTERNAL_ERROR";

/** Notes the codes of the errors a GraphQL answer carries (none: the operation succeeded). */
export function noteErrorCodes(req: IncomingMessage, codes: string[]): void {
  graphqlErrorCodes.set(req, codes);
}

/** The codes of an answer's `errors`, in order, repeated codes once. */
export function errorCodesOf(payload: unknown): string[] {
  const errors = (payload as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  const codes = new Set<string>();
  for (const error of errors as { extensions?: { code?: unknown; errorId?: unknown } }[]) {
    const code = error?.extensions?.code;
    codes.add(typeof code === "string" ? code : error?.extensions?.errorId !== undefined ? INTERNAL_ERROR : UNCODED_ERROR);
  }
  return [...codes];
}

/**
 * The error codes a request ended with, first one first: those of its
 * GraphQL answer, else its refusal's; empty when it succeeded.
 */
export function outcomeCodes(req: IncomingMessage, res: ServerResponse): string[] {
  const noted = graphqlErrorCodes.get(req);
  if (noted && noted.length > 0) return noted;
  const refusal = refusalCode(res);
  if (refusal !== undefined) return [refusal];
  return res.statusCode >= 400 ? [`HTTP_${res.statusCode}`] : [];
}

/**
 * Reads the error codes of every GraphQL answer grafserv produced over
 * HTTP. Grafserv serialises executed results itself (a buffer): only a
 * buffer that contains `"errors"` is parsed again, so a successful answer
 * costs one scan of its bytes.
 */
export const OutcomeCodesPlugin: GraphileConfig.Plugin = {
  name: "NexusOutcomeCodesPlugin",
  version: "0.0.0",
  grafserv: {
    middleware: {
      async processRequest(next, event) {
        const result = await next();
        const req = event.requestDigest.requestContext.node?.req;
        if (!req || !result) return result;
        if (result.type === "json") noteErrorCodes(req, errorCodesOf(result.json));
        else if (result.type === "buffer") {
          let codes: string[] = [];
          if (result.buffer.includes('"errors"')) {
            try {
              codes = errorCodesOf(JSON.parse(result.buffer.toString("utf8")));
            } catch {
              // not JSON (GraphiQL's assets): no GraphQL outcome
            }
          }
          noteErrorCodes(req, codes);
        }
        return result;
      },
    },
  },
};
