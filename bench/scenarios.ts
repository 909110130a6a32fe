/*
 * The read scenarios of `npm run bench`, each twice: as the GraphQL operation
 * a client sends to the gateway, and as the one hand-written SQL statement
 * the baseline server runs for the same answer (JSON built by PostgreSQL,
 * shaped like the GraphQL response, so the two can be compared).
 *
 * Scenario 3 (assets of one manufacturer counted by type) has no single
 * GraphQL field: the gateway answers with the count of each of the
 * manufacturer's models, per type; `countsByType` folds either answer into
 * { type: count } for the comparison.
 *
 * "search" is a search box over asset names: the first 20 names, by name,
 * containing a typed fragment, case-insensitively (a trigram GIN index);
 * "newest" is a list newest first (the (tenant_id, created_at, id) index,
 * ties broken by id).
 */

export type ReadScenario = "list" | "point" | "aggregate" | "search" | "newest";

export const READ_SCENARIOS: ReadScenario[] = ["list", "point", "aggregate", "search", "newest"];

/** The fragments the search scenario types, parts of the bench's asset names (`Laptop AC-000123`). */
export const SEARCH_FRAGMENTS = ["-0001", "-0042", "-0777", "p a", "op ", "-00099", "-0123", "r a"];

export const GRAPHQL: Record<ReadScenario, string> = {
  list: `query BenchList {
  assets(first: 20, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {
    totalCount
    nodes { rowId name serialNumber model { name manufacturer { name } assetType { name } } }
  }
}`,
  point: `query BenchAsset($id: UUID!) {
  asset(rowId: $id) {
    rowId name serialNumber quantity
    model { name manufacturer { name } assetType { name } }
    assetAssignments(first: 5) {
      nodes { startDate location { name } person { currentIdentity { firstName lastName } } }
    }
  }
}`,
  aggregate: `query BenchCountByType($manufacturer: UUID!) {
  assetTypes(orderBy: [NAME_ASC]) {
    nodes { name assetModels(condition: { manufacturerId: $manufacturer }) { nodes { assets { totalCount } } } }
  }
}`,
  search: `query BenchSearch($text: String!) {
  assets(first: 20, filter: { name: { includesInsensitive: $text } }, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {
    nodes { rowId name serialNumber }
  }
}`,
  newest: `query BenchNewest {
  assets(first: 20, orderBy: [CREATED_AT_DESC]) {
    nodes { rowId name serialNumber }
  }
}`,
};

export const CREATE_ASSET = `mutation BenchCreateAsset($input: CreateAssetInput!) {
  createAsset(input: $input) { asset { rowId } }
}`;

const MODEL = `json_build_object(
    'name', m.name,
    'manufacturer', (select json_build_object('name', f.name) from assets.asset_manufacturers f where f.id = m.manufacturer_id),
    'assetType', (select json_build_object('name', t.name) from assets.asset_types t where t.id = m.asset_type_id))`;

/** $1 is the scenario's parameter: the asset id (point), the manufacturer id (aggregate); the list has none. */
export const BASELINE_SQL: Record<ReadScenario, string> = {
  list: `select json_build_object('data', json_build_object('assets', json_build_object(
  'totalCount', (select count(*) from assets.assets),
  'nodes', coalesce((
    select json_agg(json_build_object('rowId', a.id, 'name', a.name, 'serialNumber', a.serial_number, 'model',
      (select ${MODEL} from assets.asset_models m where m.id = a.model_id)) order by a.name, a.id)
    from (select * from assets.assets order by name, id limit 20) a), '[]'::json)))) as body`,
  point: `select json_build_object('data', json_build_object('asset', (
  select json_build_object('rowId', a.id, 'name', a.name, 'serialNumber', a.serial_number, 'quantity', a.quantity,
    'model', (select ${MODEL} from assets.asset_models m where m.id = a.model_id),
    'assetAssignments', json_build_object('nodes', coalesce((
      select json_agg(json_build_object(
        'startDate', s.start_date,
        'location', (select json_build_object('name', l.name) from locations.locations l where l.id = s.location_id),
        'person', (select json_build_object('currentIdentity',
          (select json_build_object('firstName', i.first_name, 'lastName', i.last_name) from census.identities i where i.id = p.current_identity_id))
          from census.persons p where p.id = s.person_id)) order by s.id)
      from (select * from assets.asset_assignments where asset_id = a.id order by id limit 5) s), '[]'::json)))
  from assets.assets a where a.id = $1::uuid))) as body`,
  search: `select json_build_object('data', json_build_object('assets', json_build_object('nodes', coalesce((
    select json_agg(json_build_object('rowId', a.id, 'name', a.name, 'serialNumber', a.serial_number) order by a.name, a.id)
    from (select * from assets.assets where name ilike '%' || replace(replace($1::text, '%', '\\%'), '_', '\\_') || '%' order by name, id limit 20) a), '[]'::json)))) as body`,
  newest: `select json_build_object('data', json_build_object('assets', json_build_object('nodes', coalesce((
    select json_agg(json_build_object('rowId', a.id, 'name', a.name, 'serialNumber', a.serial_number) order by a.created_at desc, a.id desc)
    from (select * from assets.assets order by created_at desc, id desc limit 20) a), '[]'::json)))) as body`,
  aggregate: `select json_build_object('data', json_build_object('countsByType', coalesce(json_object_agg(t.name, c.n), '{}'::json))) as body
from (select m.asset_type_id, count(*) as n
      from assets.assets a join assets.asset_models m on m.id = a.model_id
      where m.manufacturer_id = $1::uuid group by m.asset_type_id) c
join assets.asset_types t on t.id = c.asset_type_id`,
};

interface AggregateAnswer {
  data?: {
    assetTypes?: { nodes: Array<{ name: string; assetModels: { nodes: Array<{ assets: { totalCount: number } }> } }> };
    countsByType?: Record<string, number>;
  };
}

/** Either answer of the aggregate scenario as { type name: asset count }, types without assets left out. */
export function countsByType(answer: AggregateAnswer): Record<string, number> {
  if (answer.data?.countsByType) return answer.data.countsByType;
  const counts: Record<string, number> = {};
  for (const type of answer.data?.assetTypes?.nodes ?? []) {
    const n = type.assetModels.nodes.reduce((sum, model) => sum + model.assets.totalCount, 0);
    if (n > 0) counts[type.name] = n;
  }
  return counts;
}
