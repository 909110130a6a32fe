import "postgraphile";

import { ConnectionStep, constant, ConstantStep, type ExecutableStep, lambda, SafeError } from "postgraphile/grafast";
import {
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getOperationAST,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
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
      throw new SafeError(`\`${name}: ${n}\` is too large: a page holds at most ${maxPageSize} rows; page through with \`after\`.`, {
        code: "PAGE_TOO_LARGE",
      });
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

/** The fragments of a document by name. */
function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** Sums stop growing here: an operation this large is refused whatever its exact size. */
const SATURATED = 1e15;
const add = (a: number, b: number) => Math.min(a + b, SATURATED);
const times = (a: number, b: number) => Math.min(a * b, SATURATED);

/**
 * Walks a selection set as if every fragment spread were written out in
 * place, without writing it out: the measure of each fragment is computed
 * once and reused at every spread, so a document whose fragments spread each
 * other twice over (2^n fields from n fragments) costs n walks, yet is
 * measured at its full expanded size. A spread of a fragment already on the
 * current path counts as nothing: cycles are NoFragmentCycles' to report.
 * `field` measures one field, walking its children through the walk it is
 * given; `combine` adds up siblings; `typeOf` resolves a type condition.
 */
function expandedWalk<M>(
  fragments: Map<string, FragmentDefinitionNode>,
  empty: M,
  combine: (into: M, child: M) => M,
  field: (
    selection: FieldNode,
    parent: GraphQLCompositeType | null,
    walk: (type: GraphQLCompositeType | null, set: SelectionSetNode | undefined) => M,
  ) => M,
  typeOf: (name: string | undefined, parent: GraphQLCompositeType | null) => GraphQLCompositeType | null,
): (type: GraphQLCompositeType | null, set: SelectionSetNode | undefined) => M {
  const memo = new Map<string, M>();
  const onPath = new Set<string>();
  const walk = (parent: GraphQLCompositeType | null, selectionSet: SelectionSetNode | undefined): M => {
    let total = empty;
    if (!selectionSet) return total;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total = combine(total, field(selection, parent, walk));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total = combine(total, walk(typeOf(selection.typeCondition?.name.value, parent), selection.selectionSet));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || onPath.has(name)) continue;
        if (!memo.has(name)) {
          onPath.add(name);
          memo.set(name, walk(typeOf(fragment.typeCondition.name.value, null), fragment.selectionSet));
          onPath.delete(name);
        }
        total = combine(total, memo.get(name)!);
      }
    }
    return total;
  };
  return walk;
}

function compositeTypeOf(schema: GraphQLSchema) {
  return (name: string | undefined, parent: GraphQLCompositeType | null): GraphQLCompositeType | null => {
    if (name === undefined) return parent;
    const type = schema.getType(name);
    return type && isCompositeType(type) ? type : null;
  };
}

function rootTypeOf(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLCompositeType | null {
  const root =
    operation.operation === "query"
      ? schema.getQueryType()
      : operation.operation === "mutation"
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return root ?? null;
}

interface Size {
  /** Fields after fragment expansion, `__typename` and leaves included. */
  fields: number;
  /** Deepest field nesting. */
  depth: number;
}

/**
 * Size and depth of each operation with its fragments expanded, refused
 * before planning: planning work grows with the expanded operation, so a
 * small document that spreads fragments into each other must be measured as
 * what it expands to (QUERY_TOO_LARGE), not as what it is written as.
 */
export function operationSizeRule(limits: Pick<ApiLimits, "maxDepth" | "maxFields">): ValidationRule {
  return (context) => {
    const walk = expandedWalk<Size>(
      fragmentsOf(context.getDocument()),
      { fields: 0, depth: 0 },
      (into, child) => ({ fields: add(into.fields, child.fields), depth: Math.max(into.depth, child.depth) }),
      (selection, _parent, inner) => {
        const children = inner(null, selection.selectionSet);
        return { fields: add(1, children.fields), depth: 1 + children.depth };
      },
      (_name, parent) => parent,
    );
    return {
      OperationDefinition(operation) {
        const { fields, depth } = walk(null, operation.selectionSet);
        if (fields > limits.maxFields) {
          context.reportError(
            limitError(
              `The operation selects ${fields >= SATURATED ? "more than a quadrillion" : fields} fields once its fragments are expanded; at most ${limits.maxFields} are allowed.`,
              "QUERY_TOO_LARGE",
            ),
          );
        }
        if (depth > limits.maxDepth) {
          context.reportError(
            limitError(`The operation is nested ${depth} fields deep; at most ${limits.maxDepth} are allowed.`, "QUERY_TOO_DEEP"),
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

/**
 * The integer a `first`/`last` argument carries in this request: a literal,
 * or the value the request gives its variable, else the variable's default.
 * null when the argument is absent (or null).
 */
function intValue(
  node: ValueNode | undefined,
  variables: Readonly<Record<string, unknown>>,
  definitions: Map<string, VariableDefinitionNode>,
): number | null {
  if (!node) return null;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind !== Kind.VARIABLE) return null;
  const name = node.name.value;
  const given = Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : undefined;
  if (typeof given === "number" && Number.isFinite(given)) return given;
  if (given === null) return null;
  const fallback = definitions.get(name)?.defaultValue;
  return fallback?.kind === Kind.INT ? Number(fallback.value) : null;
}

/** The list field of pg-aggregates' connections: one object per group, its groups bounded by makeGroupedAggregatesLimitPlugin. */
const GROUPED_AGGREGATES = "groupedAggregates";

/**
 * Estimated objects an operation produces, with the variable values of
 * this request: every object field counts one, times the page size of every
 * connection above it (`first`/`last`, else the default page size); a
 * `groupedAggregates` list counts as a full page of groups.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>>,
  limits: Pick<ApiLimits, "defaultPageSize" | "maxPageSize">,
): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 0;
  const definitions = new Map((operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, v]));
  const fieldOf = (parent: GraphQLCompositeType | null, name: string): GraphQLField<unknown, unknown> | undefined =>
    parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
  const walk = expandedWalk<number>(
    fragmentsOf(document),
    0,
    add,
    (selection, parent, inner) => {
      if (!selection.selectionSet) return 0;
      const field = fieldOf(parent, selection.name.value);
      const type = field ? getNamedType(field.type) : null;
      const child = type && isCompositeType(type) ? type : null;
      let multiplier = 1;
      if (field?.args.some((arg) => arg.name === "first")) {
        const arg = (name: string) => selection.arguments?.find((a) => a.name.value === name)?.value;
        const first = intValue(arg("first"), variables, definitions);
        const last = intValue(arg("last"), variables, definitions);
        // A page above the maximum is refused when it runs; count it at the maximum here.
        multiplier =
          first === null && last === null ? limits.defaultPageSize : Math.min(Math.max(first ?? 0, last ?? 0), limits.maxPageSize) || 1;
      } else if (field?.name === GROUPED_AGGREGATES) {
        multiplier = limits.maxPageSize;
      }
      return times(multiplier, add(1, inner(child, selection.selectionSet)));
    },
    compositeTypeOf(schema),
  );
  return walk(rootTypeOf(schema, operation), operation.selectionSet);
}

function costError(cost: number, maxCost: number): GraphQLError {
  return limitError(
    `The operation could return about ${cost > 1e9 ? "more than a billion" : cost} objects; at most ${maxCost} are allowed. Ask for smaller pages (\`first\`) or fewer nested connections.`,
    "QUERY_TOO_COSTLY",
  );
}

/**
 * groupedAggregates ignores the connection's pagination (it groups every
 * matching row), so without a bound it returns one object per distinct key:
 * as many as the table has rows. At most `maxPageSize` groups are returned,
 * in the order of the group keys' first appearance PostgreSQL chooses;
 * `having` narrows them.
 */
export function makeGroupedAggregatesLimitPlugin(limits: Pick<ApiLimits, "maxPageSize">): GraphileConfig.Plugin {
  return {
    name: "NexusGroupedAggregatesLimitPlugin",
    version: "1.0.0",
    after: ["PgAggregatesAddConnectionGroupedAggregatesPlugin"],
    schema: {
      hooks: {
        GraphQLObjectType_fields_field(field, _build, context) {
          if (!context.scope.isConnectionType || context.scope.fieldName !== GROUPED_AGGREGATES || !field.plan) return field;
          const plan = field.plan as (...args: unknown[]) => { setFirst?: (step: ExecutableStep) => void };
          return {
            ...field,
            plan(...planArgs: unknown[]) {
              const $groups = plan(...planArgs);
              $groups.setFirst?.(constant(limits.maxPageSize));
              return $groups;
            },
          } as typeof field;
        },
      },
    },
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
        new GraphQLError(withoutSuggestions(error.message), {
          nodes: error.nodes,
          extensions: error.extensions,
          originalError: error.originalError,
        }),
      );
    return rule(quiet);
  };
}

/**
 * Adds the size, depth, alias and page rules to every operation grafserv
 * validates, HTTP and WebSocket alike, and costs each request with its
 * variable values before grafast plans it (validation never sees them).
 */
export function makeLimitsPlugin(limits: ApiLimits, options: { hideSuggestions: boolean }): GraphileConfig.Plugin {
  const refuseCostly = (args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    operationName?: string | null;
    variableValues?: unknown;
    contextValue?: unknown;
  }) => {
    const cost = operationCost(
      args.schema,
      args.document,
      args.operationName,
      (args.variableValues ?? {}) as Record<string, unknown>,
      limits,
    );
    // The tenant's cost budget (tenant-budget.ts) is charged with this estimate.
    if (args.contextValue) (args.contextValue as { nexusCost?: number }).nexusCost = cost;
    return cost > limits.maxCost ? { errors: [costError(cost, limits.maxCost)] } : null;
  };
  return {
    name: "NexusLimitsPlugin",
    version: "1.0.0",
    grafserv: {
      middleware: {
        setPreset(next, event) {
          if (options.hideSuggestions) event.validationRules = event.validationRules.map(withoutSuggestionsRule);
          event.validationRules.push(pageSizeRule(limits.maxPageSize), operationSizeRule(limits), aliasLimitRule(limits.maxAliases));
          return next();
        },
      },
    },
    grafast: {
      middleware: {
        execute(next, event) {
          return (refuseCostly(event.args) as never) ?? next();
        },
        subscribe(next, event) {
          return (refuseCostly(event.args) as never) ?? next();
        },
      },
    },
  };
}
