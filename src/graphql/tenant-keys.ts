import "@graphile/simplify-inflection";
import "postgraphile";

const isTenantKey = (attributes: readonly string[]) =>
  attributes.length === 2 && attributes.includes("tenant_id") && attributes.includes("id");

/**
 * Every foreign key between tenant tables is composite, `(tenant_id, x_id)`,
 * so a row can never point into another tenant. GraphQL should not show
 * that machinery:
 *   - relations are named as if the key were `x_id` alone
 *     (`groupRole.userGroup`, `userGroup.groupRoles`), not
 *     `groupRolesByTenantIdAndUserGroupId`;
 *   - the `unique (tenant_id, id)` every tenant table carries as the target
 *     of those keys adds no root fields or mutations (the primary key
 *     already does).
 */
export const TenantKeysPlugin: GraphileConfig.Plugin = {
  name: "NexusTenantKeysPlugin",
  version: "1.0.0",
  after: ["PgSimplifyInflectionPlugin"],
  inflection: {
    replace: {
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
