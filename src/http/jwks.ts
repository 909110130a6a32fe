import type { RequestHandler } from "express";

import type { JwtConfig } from "../config";

/**
 * The public keys that verify this gateway's access tokens, for services
 * that check them on their own. An HS256 secret is never published: the
 * set is then empty.
 */
export function jwksHandler(jwt: JwtConfig): RequestHandler {
  const keys =
    jwt.key.algorithm === "HS256"
      ? []
      : [{ ...jwt.key.verificationKey.export({ format: "jwk" }), kid: jwt.key.kid, alg: jwt.key.algorithm, use: "sig" }];
  const body = JSON.stringify({ keys });
  return (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=300");
    res.type("application/json").send(body);
  };
}
