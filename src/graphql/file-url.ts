import { context, lambda } from "postgraphile/grafast";
import { extendSchema, gql } from "postgraphile/utils";

import type { Config } from "../config";
import { FileLinks } from "../files/links";

/**
 * `File.url`: a signed, short-lived download URL (src/files/links.ts) for
 * the user who reads the row, so an `<img src>` shows the file without a
 * bearer token. Minted from the request's own claims (its pgSettings), so
 * the link acts for exactly the reader, in their session; null for a file
 * without stored bytes (a record of an external file, or bytes purged
 * after archiving) and for a reader who is not a signed-in user.
 */
export function makeFileUrlPlugin(config: Config) {
  const links = new FileLinks(config);
  return extendSchema({
    typeDefs: gql`
      extend type File {
        """
        A download URL of the file's bytes that works without a bearer token (for <img src>), for you only and for a short while (NEXUS_FILES_LINK_TTL_SECONDS); ask for it again when it has expired. Null when the file has no stored bytes.
        """
        url: String
      }
    `,
    objects: {
      File: {
        plans: {
          url($file: any) {
            const $settings = (context() as any).get("pgSettings");
            return lambda([$file.get("id"), $file.get("sha256"), $file.get("state"), $settings], ([id, sha256, state, settings]) => {
              const claims = settings as Record<string, string> | null;
              const tenantId = claims?.["jwt.claims.tenant_id"];
              const userId = claims?.["jwt.claims.user_id"];
              if (!id || !sha256 || state !== "stored" || !tenantId || !userId) return null;
              return links.url({ fileId: id as string, tenantId, userId, sessionId: claims["jwt.claims.session_id"] ?? null });
            });
          },
        },
      },
    },
  });
}
