import "postgraphile";

/** What a client is told about a constraint a write broke. */
export interface ConstraintDescription {
  /** The GraphQL field names of the constraint's columns (tenant_id left out: no client sends it). */
  fields: string[];
  /** `comment on constraint`: a sentence a form can show. */
  comment: string | null;
}

interface RawConstraint {
  schema: string;
  table: string;
  name: string;
  columns: string[];
  comment: string | null;
}

const keyOf = (schema: string, table: string, name: string) => `${schema}.${table}.${name}`;

/**
 * The constraints of the exposed tables, read from the catalog when the
 * schema is built (PostGraphile's own introspection), so the fields a
 * refusal names are never kept by hand: a renamed column or a new CHECK is
 * described the next time the gateway starts. Filled by the plugin below,
 * read by the error mapping (errors.ts) for every database refusal.
 */
export class ConstraintCatalog {
  private readonly raw: RawConstraint[] = [];
  private readonly constraints = new Map<string, ConstraintDescription>();
  private readonly columns = new Map<string, string>();

  /** The constraint `name` of `schema.table`, if the schema knows it. */
  constraint(schema: string | undefined, table: string | undefined, name: string | undefined): ConstraintDescription | undefined {
    return schema && table && name ? this.constraints.get(keyOf(schema, table, name)) : undefined;
  }

  /** The GraphQL field name of a column of `schema.table`. */
  field(schema: string | undefined, table: string | undefined, column: string | undefined): string | undefined {
    return schema && table && column ? this.columns.get(keyOf(schema, table, column)) : undefined;
  }

  /** The schema-build plugin that fills this catalog. */
  plugin(): GraphileConfig.Plugin {
    const { raw, constraints, columns } = this;
    return {
      name: "NexusConstraintCatalogPlugin",
      version: "1.0.0",
      gather: {
        hooks: {
          pgIntrospection_introspection(_info, { introspection }) {
            raw.length = 0;
            for (const constraint of introspection.constraints) {
              const table = constraint.getClass();
              const schema = table?.getNamespace();
              if (!table || !schema || !["c", "u", "f", "p", "x"].includes(constraint.contype)) continue;
              raw.push({
                schema: schema.nspname,
                table: table.relname,
                name: constraint.conname,
                columns: (constraint.getAttributes() ?? []).map((a) => a.attname),
                comment: constraint.getTagsAndDescription().description?.trim() || null,
              });
            }
          },
        },
      },
      schema: {
        hooks: {
          init(_, build) {
            constraints.clear();
            columns.clear();
            for (const codec of Object.values(build.input.pgRegistry.pgCodecs)) {
              const pg = codec.extensions?.pg as { schemaName?: string; name?: string } | undefined;
              if (!codec.attributes || !pg?.schemaName || !pg.name) continue;
              for (const attributeName of Object.keys(codec.attributes)) {
                columns.set(
                  keyOf(pg.schemaName, pg.name, attributeName),
                  build.inflection.attribute({ attributeName, codec: codec as never }),
                );
              }
            }
            for (const c of raw) {
              const fields = c.columns
                .filter((column) => column !== "tenant_id")
                .flatMap((column) => columns.get(keyOf(c.schema, c.table, column)) ?? []);
              constraints.set(keyOf(c.schema, c.table, c.name), { fields, comment: c.comment });
            }
            return _;
          },
        },
      },
    };
  }
}
