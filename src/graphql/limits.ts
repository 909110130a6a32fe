import "postgraphile";
import { constant, ConnectionStep, ConstantStep, lambda, SafeError, type ExecutableStep } from "postgraphile/grafast";
import {
  GraphQLError,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
  type VariableDefinitionNode,
} from "postgraphile/graphql";
import type { ApiLimits } from "../config";

/**
 * Connections return `defaultPageSize` rows unless the client names `first`
 * or `last`, and never more than `maxPageSize`. PostGraphile applies
 * `first`/`last` through each argument's applyPlan (PgFirstLastBeforeAfterArgsPlugin),
 * which runs only for arguments the client gave, and a connection's first
 * may be set once; so both arguments are taken over here, for every
 * connection and list field of every table: the field's plan sets both from
 * one unary step that sees both values.
 */
export function makePageSizePlugin(limits: Pick<ApiLimits, "defaultPageSize" | "maxPageSize">): GraphileConfig.Plugin {
  const { defaultPageSize, maxPageSize } = limits;
  const check = (name: string, value: unknown): number | null => {
    if (value == null) return null;
    const n = value as number;
    if (n < 0) throw new SafeError(`\`${name}\` must not be negative.`, { code: "INVALID_INPUT" });
    if (n > maxPageSize) {
      throw new SafeError(`\`${name}: ${n}\` is too large: a page holds at most ${maxPageSize} rows; page through with \`after\`.`, { code: "PAGE_TOO_LARGE" });
    }
    return n;
  };
  const pageFirst = ([first, last]: readonly unknown[]): number | null => {
    const f = check("first", first);
    const l = check("last", last);
    return f ?? (l == null ? defaultPageSize : null);
  };
  const pageLast = ([first, last]: readonly unknown[]): number | null => {
    check("first", first);
    return check("last", last);
  };
  return {
    name: "NexusPageSizePlugin",
    version: "1.0.0",
    after: ["PgFirstLastBeforeAfterArgsPlugin"],
    schema: {
      hooks: {
        // Field hooks run before argument hooks, so the plan is wrapped here
        // and the arguments' own applyPlan is switched off below.
        GraphQLObjectType_fields_field(field, _build, context) {
          const { isPgFieldConnection, isPgFieldSimpleCollection } = context.scope;
          if (!(isPgFieldConnection || isPgFieldSimpleCollection) || !field.plan) return field;
          const plan = field.plan as (...args: unknown[]) => any;
          return {
            ...field,
            plan(...planArgs: unknown[]) {
              const $connection = plan(...planArgs);
              const fieldArgs = planArgs[1] as { getRaw(name: string): any };
              const argNames = new Set((planArgs[2] as { field: { args: ReadonlyArray<{ name: string }> } }).field.args.map((a) => a.name));
              if (!argNames.has("first")) return $connection;
              const $first = fieldArgs.getRaw("first");
              const $last = argNames.has("last") ? fieldArgs.getRaw("last") : null;
              // Neither given: the default page size limits the rows the
              // collection fetches. Set on the collection itself, not on the
              // connection: a connection with `first` fetches its rows even
              // when only `totalCount` is selected.
              if (isConnectionOverPgSelect($connection) && absent($first) && (!$last || absent($last))) {
                $connection.getSubplan().setFirst(constant(defaultPageSize));
                return $connection;
              }
              const deps = $last ? [$first, $last] : [$first];
              $connection.setFirst(lambda(deps, pageFirst, true));
              if ($last) $connection.setLast(lambda(deps, pageLast, true));
              return $connection;
            },
          } as typeof field;
        },
        GraphQLObjectType_fields_field_args_arg(arg, _build, context) {
          const { isPgFieldConnection, isPgFieldSimpleCollection, argName } = context.scope;
          if (!(isPgFieldConnection || isPgFieldSimpleCollection) || (argName !== "first" && argName !== "last")) return arg;
          return { ...arg, applyPlan: undefined };
        },
      },
    },
  };
}

/** An argument the operation does not give (nor a variable for it). */
const absent = ($arg: ExecutableStep) => $arg instanceof ConstantStep && $arg.data === undefined;

interface SelfPaginating {
  paginationSupport?: { full?: boolean } | null;
  setFirst(first: ExecutableStep): void;
}

/** A connection over a collection that paginates itself (a PostGraphile table or function). */
function isConnectionOverPgSelect($step: unknown): $step is { getSubplan(): SelfPaginating } {
  if (!($step instanceof ConnectionStep)) return false;
  const subplan = $step.getSubplan() as unknown as Partial<SelfPaginating>;
  return typeof subplan.setFirst === "function" && subplan.paginationSupport?.full === true;
}

const limitError = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/**
 * Walks an operation through its fragments. Fragment results are memoised
 * by name, so a document that spreads one fragment many times costs one
 * walk per fragment, and a fragment already on the current path counts as
 * nothing: cycles are NoFragmentCycles' to report, not ours to recurse into.
 */
function fragmentsOf(context: ValidationContext): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** Deepest field nesting of each operation. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragments = fragmentsOf(context);
    const memo = new Map<string, number>();
    const onPath = new Set<string>();
    const depthOf = (selectionSet: SelectionSetNode | undefined): number => {
      if (!selectionSet) return 0;
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet) : 1);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || onPath.has(name)) continue;
          if (!memo.has(name)) {
            onPath.add(name);
            memo.set(name, depthOf(fragment.selectionSet));
            onPath.delete(name);
          }
          deepest = Math.max(deepest, memo.get(name)!);
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet);
        if (depth > maxDepth) {
          context.reportError(
            limitError(`The operation is nested ${depth} fields deep; at most ${maxDepth} are allowed.`, "QUERY_TOO_DEEP"),
          );
        }
      },
    };
  };
}

/**
 * A literal `first`/`last` above the maximum is refused before the
 * operation runs, whatever the field selects (the plan-time check of
 * makePageSizePlugin covers values passed in variables).
 */
export function pageSizeRule(maxPageSize: number): ValidationRule {
  return (context) => ({
    Argument(argument) {
      const name = argument.name.value;
      if ((name !== "first" && name !== "last") || argument.value.kind !== Kind.INT) return;
      const n = Number(argument.value.value);
      if (n > maxPageSize) {
        context.reportError(
          new GraphQLError(`\`${name}: ${n}\` is too large: a page holds at most ${maxPageSize} rows; page through with \`after\`.`, {
            nodes: [argument],
            extensions: { code: "PAGE_TOO_LARGE" },
          }),
        );
      }
    },
  });
}

/** Aliased fields in the whole document. */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context) => {
    let aliases = 0;
    let reported = false;
    return {
      Field(field) {
        if (!field.alias || reported) return;
        aliases += 1;
        if (aliases > maxAliases) {
          reported = true;
          context.reportError(limitError(`The document uses more than ${maxAliases} aliases.`, "TOO_MANY_ALIASES"));
        }
      },
    } satisfies ASTVisitor;
  };
}

function intValue(node: ValueNode | undefined, variables: Map<string, VariableDefinitionNode>, fallback: number): number | null {
  if (!node) return null;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    // Validation does not see variable values: a variable counts as its
    // default, or as the largest page it could ask for.
    const defaultValue = variables.get(node.name.value)?.defaultValue;
    return defaultValue?.kind === Kind.INT ? Number(defaultValue.value) : fallback;
  }
  return null;
}

/**
 * Estimated objects an operation produces: every object field counts one,
 * times the page size of every connection above it (`first`/`last`, else
 * the default page size). Refused above `maxCost`, before any SQL runs.
 */
export function costLimitRule(limits: Pick<ApiLimits, "maxCost" | "defaultPageSize" | "maxPageSize">): ValidationRule {
  return (context) => {
    const schema: GraphQLSchema = context.getSchema();
    const fragments = fragmentsOf(context);
    const memo = new Map<string, number>();
    const onPath = new Set<string>();
    let variables = new Map<string, VariableDefinitionNode>();

    const fieldOf = (parent: GraphQLCompositeType | null | undefined, name: string): GraphQLField<unknown, unknown> | undefined =>
      parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;

    const costOf = (parent: GraphQLCompositeType | null | undefined, selectionSet: SelectionSetNode | undefined): number => {
      if (!selectionSet) return 0;
      let total = 0;
      for (const selection of selectionSet.selections) {
        if (total > limits.maxCost) return total;
        if (selection.kind === Kind.FIELD) {
          if (!selection.selectionSet) continue;
          const field = fieldOf(parent, selection.name.value);
          const type = field ? getNamedType(field.type) : null;
          const child = type && isCompositeType(type) ? type : null;
          let multiplier = 1;
          if (field?.args.some((arg) => arg.name === "first")) {
            const arg = (name: string) => selection.arguments?.find((a) => a.name.value === name)?.value;
            const first = intValue(arg("first"), variables, limits.maxPageSize);
            const last = intValue(arg("last"), variables, limits.maxPageSize);
            // A page above the maximum is refused when it runs; count it at the maximum here.
            multiplier = Math.min(Math.max(first ?? 0, last ?? 0), limits.maxPageSize) || (first === null && last === null ? limits.defaultPageSize : 1);
          }
          total += multiplier * (1 + costOf(child, selection.selectionSet));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          total += costOf(type && isCompositeType(type) ? type : parent, selection.selectionSet);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || onPath.has(name)) continue;
          if (!memo.has(name)) {
            const type = schema.getType(fragment.typeCondition.name.value);
            onPath.add(name);
            memo.set(name, costOf(type && isCompositeType(type) ? type : null, fragment.selectionSet));
            onPath.delete(name);
          }
          total += memo.get(name)!;
        }
      }
      return total;
    };

    return {
      OperationDefinition(operation) {
        variables = new Map((operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, v]));
        memo.clear();
        const root =
          operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
        const cost = costOf(root, operation.selectionSet);
        if (cost > limits.maxCost) {
          context.reportError(
            limitError(
              `The operation could return about ${cost > 1e9 ? "more than a billion" : cost} objects; at most ${limits.maxCost} are allowed. Ask for smaller pages (\`first\`) or fewer nested connections.`,
              "QUERY_TOO_COSTLY",
            ),
          );
        }
      },
    };
  };
}

const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** Drops "Did you mean …?" from a message: production does not hint at its schema. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, "");
}

/** Wraps a validation rule so that the errors it reports carry no field suggestions. */
function withoutSuggestionsRule(rule: ValidationRule): ValidationRule {
  return (context) => {
    const quiet = Object.create(context) as ValidationContext;
    quiet.reportError = (error: GraphQLError) =>
      context.reportError(
        new GraphQLError(withoutSuggestions(error.message), { nodes: error.nodes, extensions: error.extensions, originalError: error.originalError }),
      );
    return rule(quiet);
  };
}

/** Adds the depth, alias and cost rules to every operation grafserv validates, HTTP and WebSocket alike. */
export function makeLimitsPlugin(limits: ApiLimits, options: { hideSuggestions: boolean }): GraphileConfig.Plugin {
  return {
    name: "NexusLimitsPlugin",
    version: "1.0.0",
    grafserv: {
      middleware: {
        setPreset(next, event) {
          if (options.hideSuggestions) event.validationRules = event.validationRules.map(withoutSuggestionsRule);
          event.validationRules.push(
            pageSizeRule(limits.maxPageSize),
            depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases), costLimitRule(limits));
          return next();
        },
      },
    },
  };
}
