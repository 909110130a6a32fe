import "postgraphile";

import type { PgResource } from "postgraphile/@dataplan/pg";
import { context, lambda, object, SafeError, type Step, trap, TRAP_ERROR } from "postgraphile/grafast";

import type { ErrorCode } from "../errors/codes";
import { defaultMessage } from "../errors/codes";

type Command = "insert" | "update" | "delete";

/** @dataplan/pg's own refusal of a delete that matched nothing (pgDeleteSingle), and the soft-delete path's copy of it. */
const NOTHING_DELETED = /^No values were deleted in collection/;

/** A refusal raised by the gateway's own triggers names its permission: "… needs the UPDATE_USERS permission". */
const NAMED_PERMISSION = /needs the ([A-Z][A-Z_]*) permission/;

/**
 * The permission a command on a table needs unconditionally, read from the
 * table's policies: every permissive policy for the command ANDs the same
 * `has_permission('X')` (or `is_platform_operator()`). A policy with an OR
 * (a user may update their own profile without UPDATE_USERS) needs no one
 * permission: a caller refused there learns only NOT_FOUND.
 */
export function requiredPermission(policies: readonly string[]): string | null {
  if (policies.length === 0) return null;
  const needs = policies.map((expression) => {
    if (/\bOR\b/i.test(expression)) return null;
    if (/is_platform_operator\(\)/.test(expression)) return "PLATFORM_OPERATOR";
    return /has_permission\('([A-Z][A-Z_]*)'/.exec(expression)?.[1] ?? null;
  });
  return needs.every((need) => need !== null && need === needs[0]) ? needs[0]! : null;
}

function refusal(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): SafeError {
  return new SafeError(message, { code, ...extensions });
}

const VERBS: Record<Command, string> = { insert: "create", update: "change", delete: "delete" };

/**
 * Why a write matched nothing or was refused, asked as the caller in a
 * transaction of its own: the caller's role, the policies of the table and,
 * for a signed-in caller, whether they hold the permission the command needs.
 * Runs only on the failure path; a write that succeeded costs nothing extra.
 */
async function explain(ctx: Grafast.Context, table: string, command: Command, error: Error | null): Promise<never> {
  const { withPgClient, pgSettings } = ctx as Partial<Pick<Grafast.Context, "withPgClient" | "pgSettings">>;
  const code = (error as { code?: string } | null)?.code;
  const named = error ? NAMED_PERMISSION.exec(error.message)?.[1] : undefined;
  if (!withPgClient) throw error ?? refusal("NOT_FOUND", defaultMessage("NOT_FOUND"));
  const verdict = await withPgClient(pgSettings ?? null, async (client) => {
    const { rows } = await client.query<{ anonymous: boolean; policies: string[] }>({
      text: `select current_user = 'nexus_anonymous' as anonymous,
                    array(select coalesce(pg_catalog.pg_get_expr(${command === "insert" ? "p.polwithcheck" : "p.polqual"}, p.polrelid), '')
                          from pg_catalog.pg_policy p
                          where p.polrelid = $1::regclass and p.polpermissive and p.polcmd in ($2, '*')) as policies`,
      values: [table, command === "insert" ? "a" : command === "update" ? "w" : "d"],
    });
    const { anonymous, policies } = rows[0]!;
    if (anonymous) return { anonymous, permission: null as string | null, granted: false };
    const permission = named ?? requiredPermission(policies);
    if (!permission) return { anonymous, permission, granted: true };
    const check =
      permission === "PLATFORM_OPERATOR"
        ? "select nexus_auth.is_platform_operator() as granted"
        : "select nexus_auth.has_permission($1) as granted";
    const granted = (
      await client.query<{ granted: boolean }>({ text: check, values: permission === "PLATFORM_OPERATOR" ? [] : [permission] })
    ).rows[0]!.granted;
    return { anonymous, permission, granted };
  });

  if (verdict.anonymous) throw refusal("UNAUTHENTICATED", `Sign in to ${VERBS[command]} records.`);
  if (verdict.permission && !verdict.granted) {
    const who = verdict.permission === "PLATFORM_OPERATOR" ? "the platform operator role" : `the ${verdict.permission} permission`;
    throw refusal("FORBIDDEN", `To ${VERBS[command]} this you need ${who}; ask a tenant administrator for it.`, {
      permission: verdict.permission,
    });
  }
  if (code === "42501") throw refusal("FORBIDDEN", "You may not make this change to this record.");
  throw refusal("NOT_FOUND", defaultMessage("NOT_FOUND"));
}

function qualifiedName(resource: PgResource): string | null {
  const pg = resource.codec.extensions?.pg as { schemaName: string; name: string } | undefined;
  return pg ? `"${pg.schemaName.replace(/"/g, '""')}"."${pg.name.replace(/"/g, '""')}"` : null;
}

/**
 * Mutations say what happened. PostGraphile answers an update that matched
 * no row with a null record and no error, so a form's "save" silently does
 * nothing; and RLS refusals name no permission. Every create, update and
 * delete of a table is wrapped: its result passes through untouched when it
 * succeeded; otherwise `explain` decides, as the caller:
 *   - anonymous: UNAUTHENTICATED;
 *   - signed in without the permission the command always needs: FORBIDDEN,
 *     naming the permission (`extensions.permission`);
 *   - otherwise NOT_FOUND, the same for a missing row, another tenant's row
 *     and a row the caller may not change, so the answer reveals nothing.
 * Other failures (constraint violations) pass on to the error mapping.
 */
export const MutationOutcomePlugin: GraphileConfig.Plugin = {
  name: "NexusMutationOutcomePlugin",
  version: "1.0.0",
  after: ["NexusSoftDeletePlugin", "PgMutationUpdateDeletePlugin", "PgMutationCreatePlugin"],
  schema: {
    hooks: {
      GraphQLObjectType_fields_field(field, _build, { scope }) {
        if (!scope.isRootMutation || !field.plan) return field;
        const command: Command | null = scope.isPgCreateMutation
          ? "insert"
          : scope.isPgUpdateMutation
            ? "update"
            : scope.isPgDeleteMutation
              ? "delete"
              : null;
        const resource = scope.pgFieldResource as PgResource | undefined;
        const table = resource ? qualifiedName(resource) : null;
        if (!command || !table) return field;
        const plan = field.plan as (...args: unknown[]) => any;
        return {
          ...field,
          plan(...planArgs: unknown[]) {
            const $payload = plan(...planArgs);
            const $result = $payload.getStepForKey("result") as Step;
            const $outcome = lambda([trap($result, TRAP_ERROR), context()], async ([value, ctx]: readonly [unknown, Grafast.Context]) => {
              const error = value instanceof Error ? value : null;
              if (!error && value != null) return value;
              const refused =
                !error ||
                NOTHING_DELETED.test(error.message) ||
                (error as { code?: string }).code === "42501" ||
                (error as { extensions?: { code?: string } }).extensions?.code === "NOT_FOUND";
              if (!refused) throw error;
              return explain(ctx, table, command, error);
            });
            // The payload's keys again, the outcome first: of several failed
            // dependencies grafast reports the first, and it is the outcome's
            // explanation the client must get. The keys are read from the step
            // PostGraphile built (result, and clientMutationId where a plugin
            // plans it there), so nothing it planned is lost.
            const keys = (($payload as { keys?: readonly string[] }).keys ?? ["result"]).filter((key) => key !== "outcome");
            return object({ outcome: $outcome, ...Object.fromEntries(keys.map((key) => [key, $payload.getStepForKey(key)])) });
          },
        } as typeof field;
      },
    },
  },
};
