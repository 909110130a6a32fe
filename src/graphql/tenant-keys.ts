import "@graphile/simplify-inflection";
import "postgraphile";

const isTenantKey = (attributes: readonly string[]) =>
  attributes.length === 2 && attributes.includes("tenant_id") && attributes.includes("id");

/** `awbsByTenantIdAndCarrierId` → `awbsByCarrierId`. */
const withoutTenantKey = (name: string) => name.replace(/By(?:TenantId)And(?=[A-Z])/g, "By");

/**
 * Every foreign key between tenant tables is composite, `(tenant_id, x_id)`,
 * so a row can never point into another tenant. GraphQL should not show
 * that machinery:
 *   - relations are named as if the key were `x_id` alone
 *     (`groupRole.userGroup`, `userGroup.groupRoles`), not
 *     `groupRolesByTenantIdAndUserGroupId`;
 *   - the primary key `(tenant_id, id)` of a distributed table (the key
 *     Citus needs, docs/scaling.md) is presented as `id` alone: node ids,
 *     `xById`-style lookups, update and delete by `id`, `PRIMARY_KEY_ASC`
 *     are what they were when the key was `id`; row level security adds
 *     `tenant_id = <claim>` to every statement, and the key's index serves
 *     it. The `unique (tenant_id, id)` a reference table carries as the
 *     target of those keys adds no root fields or mutations (its primary
 *     key already does);
 *   - every other unique key within the tenant, `unique (tenant_id,
 *     serial_number)`, is looked up by its other columns alone
 *     (`assetBySerialNumber(serialNumber:)`): the tenant comes from the
 *     token, and row level security adds `tenant_id = <claim>` to the
 *     statement, so within what the caller can see the rest of the key is
 *     unique, and the index (tenant_id, serial_number) serves the lookup.
 */
export const TenantKeysPlugin: GraphileConfig.Plugin = {
  name: "NexusTenantKeysPlugin",
  version: "1.0.0",
  after: ["PgSimplifyInflectionPlugin"],
  gather: {
    hooks: {
      pgTables_unique(_info, event) {
        const { unique, pgClass } = event;
        const attributes = unique.attributes as string[];
        // The primary key (tenant_id, id) of a distributed table names a row by id: the tenant comes from the token.
        if (unique.isPrimary && isTenantKey(attributes)) (unique as { attributes: string[] }).attributes = ["id"];
        if (unique.isPrimary || isTenantKey(attributes) || attributes.length < 2 || !attributes.includes("tenant_id")) return;
        const rest = attributes.filter((name) => name !== "tenant_id");
        // (tenant_id, jti) beside primary key (jti): the primary key's lookup already is the tenant-free one.
        const primary = pgClass.getConstraints().find((c) => c.contype === "p");
        const primaryNames = (primary?.conkey ?? []).map((k) => pgClass.getAttribute({ number: k })?.attname);
        if (primaryNames.length === rest.length && rest.every((name) => primaryNames.includes(name))) return;
        (unique as { attributes: string[] }).attributes = rest;
      },
    },
  },
  inflection: {
    replace: {
      // A key whose column does not name its table (`carrier_id` into `awb_carriers`) gets PostGraphile's
      // "<rows>By<every key column>" name: the tenant column is dropped from it as from every other name.
      _manyRelation(previous, _preset, details) {
        return withoutTenantKey(previous!.call(this, details));
      },
      singleRelation(previous, _preset, details) {
        return withoutTenantKey(previous!.call(this, details));
      },
      singleRelationBackwards(previous, _preset, details) {
        return withoutTenantKey(previous!.call(this, details));
      },
      _getBaseNameFromKeys(previous, _preset, detailedKeys) {
        const withoutTenant = detailedKeys.filter((key) => key.attributeName !== "tenant_id");
        const keys = withoutTenant.length > 0 && withoutTenant.length < detailedKeys.length ? withoutTenant : detailedKeys;
        return previous!.call(this, keys);
      },
    },
  },
  schema: {
    entityBehavior: {
      pgResourceUnique: {
        inferred: {
          after: ["inferred"],
          provides: ["nexusTenantKeys"],
          callback(behavior, [_resource, unique]) {
            return isTenantKey(unique.attributes) ? [behavior, "-single", "-update", "-delete"] : behavior;
          },
        },
      },
    },
  },
};
