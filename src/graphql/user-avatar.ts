import type { PgResource } from "postgraphile/@dataplan/pg";
import { constant } from "postgraphile/grafast";
import { extendSchema, gql } from "postgraphile/utils";

/**
 * `User.avatar`: the newest stored file attached to the user as `avatar`,
 * like `Student.photo` and `Staff.photo`. Those are computed columns (SQL
 * functions over the record's row); this one cannot be: PostgreSQL passes
 * a computed column the whole row, a whole-row reference needs SELECT on
 * every column, and platform.users grants it column by column so that its
 * secrets never reach GraphQL. So the field is planned here as a read of
 * content.files keyed on the user's id: the same query as the photos', in
 * the request's own transaction, so the same RLS decides (the caller's
 * tenant, archived files hidden), answered by files_attached_idx (tenant
 * first).
 */
export const UserAvatarPlugin = extendSchema((build) => {
  const files = Object.values(build.input.pgRegistry.pgResources).find((resource) => {
    const pg = (resource.codec.extensions as { pg?: { schemaName: string; name: string } } | undefined)?.pg;
    return pg?.schemaName === "content" && pg.name === "files" && !resource.parameters;
  }) as PgResource | undefined;
  // A schema built over other tables (docs:gen of scratch schemas in its tests) has no files to read.
  if (!files) return { typeDefs: [] };
  return {
    typeDefs: gql`
      extend type User {
        """
        The user's avatar (the newest file attached to the user as avatar: belongsTo platform.users, belongsToColumn avatar); null when there is none.
        """
        avatar: File
      }
    `,
    objects: {
      User: {
        plans: {
          avatar($user: any) {
            const $files = files.find({
              tenant_id: $user.get("tenant_id"),
              belongs_to: constant("platform.users"),
              belongs_to_id: $user.get("id"),
              belongs_to_column: constant("avatar"),
              state: constant("stored"),
            });
            $files.orderBy({ attribute: "created_at", direction: "DESC" });
            $files.setFirst(constant(1));
            return $files.single();
          },
        },
      },
    },
  };
});
