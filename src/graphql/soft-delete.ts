import "postgraphile";

import type { PgResource } from "postgraphile/@dataplan/pg";
import { sideEffectWithPgClientTransaction } from "postgraphile/@dataplan/pg";
import { constant, object, SafeError, specFromNodeId, type Step } from "postgraphile/grafast";

/** The header with which a client asks to see archived rows too (tenant admins only: RESTORE_<TABLE>). */
export const INCLUDE_ARCHIVED_HEADER = "x-nexus-include-archived";

const isSoftDelete = (resource: PgResource | undefined): resource is PgResource =>
  !!resource &&
  !resource.parameters &&
  !!resource.codec.attributes &&
  "deleted_at" in resource.codec.attributes &&
  "id" in resource.codec.attributes;

function qualifiedName(resource: PgResource): string {
  const pg = resource.codec.extensions?.pg as { schemaName: string; name: string } | undefined;
  if (!pg) throw new Error(`soft delete: ${resource.name} is not a table`);
  return `"${pg.schemaName.replace(/"/g, '""')}"."${pg.name.replace(/"/g, '""')}"`;
}

/**
 * Deleting a row of a table with deleted_at archives it: the database's
 * _500_soft_delete trigger turns the DELETE into an update of deleted_at and
 * skips the delete, so the statement reports no deleted row, and
 * PostGraphile's delete step would call that a failure. For those tables
 * the delete mutations run this instead, in one transaction under the
 * request's role and claims: the row must be visible and live, the DELETE
 * goes through row level security (DELETE_<TABLE>) and the trigger, and
 * afterwards the row must be archived. The payload keeps its shape
 * (deleted…Id, clientMutationId); the archived row and its edge are null:
 * the row is hidden now.
 */
export const SoftDeletePlugin: GraphileConfig.Plugin = {
  name: "NexusSoftDeletePlugin",
  version: "1.0.0",
  schema: {
    hooks: {
      GraphQLObjectType_fields_field(field, build, context) {
        const { scope } = context;
        if (scope.isRootMutation && scope.isPgDeleteMutation && isSoftDelete(scope.pgFieldResource as PgResource)) {
          const resource = scope.pgFieldResource as PgResource;
          const table = qualifiedName(resource);
          const byNodeId = scope.fieldBehaviorScope === "nodeId:resource:delete";
          const handler = byNodeId ? build.getNodeIdHandler?.(build.inflection.tableType(resource.codec)) : null;
          const idField = build.inflection.attribute({ attributeName: "id", codec: resource.codec as any });
          const notFound = () =>
            new SafeError(
              `No values were deleted in collection '${resource.name}' because no values you can delete were found matching these criteria.`,
              {
                code: "NOT_FOUND",
              },
            );
          return {
            ...field,
            // The plan below reads the input itself; nothing is applied to a delete step.
            args: { ...field.args, input: { ...field.args!.input!, applyPlan: undefined } },
            plan(_$root: Step, fieldArgs: any) {
              const $id: Step = handler
                ? (specFromNodeId(handler, fieldArgs.getRaw(["input", build.inflection.nodeIdFieldName()])) as Record<string, Step>).id!
                : fieldArgs.getRaw(["input", idField]);
              const $archived = sideEffectWithPgClientTransaction(resource.executor, $id, async (client, id) => {
                const state = async () =>
                  (
                    await client.query<{ archived: boolean }>({
                      text: `select deleted_at is not null as archived from ${table} where id = $1`,
                      values: [id],
                    })
                  ).rows[0];
                if (id == null || (await state())?.archived !== false) throw notFound();
                await client.query({ text: `delete from ${table} where id = $1`, values: [id] });
                if ((await state())?.archived === false) throw notFound();
                return id;
              });
              return object({
                result: object({ id: $archived }),
                clientMutationId: fieldArgs.getRaw(["input", "clientMutationId"]),
              });
            },
          } as typeof field;
        }
        if (scope.isPgDeletePayloadType && isSoftDelete(scope.pgTypeResource as PgResource)) {
          const { fieldName } = scope;
          if (fieldName === "clientMutationId")
            return { ...field, plan: ($payload: any) => $payload.get("clientMutationId") } as typeof field;
          // The archived row and its edge: hidden now, so null.
          if (fieldName !== "query" && !fieldName.startsWith("deleted")) return { ...field, plan: () => constant(null) } as typeof field;
        }
        return field;
      },
    },
  },
};
