--! Previous: sha1:6f37cd8a40445235a8ecbbc7a0e82f4a48188f53
--! Hash: sha1:e40daf308c08f92a0df5eef4c3b1ffd6766a6bdf
--! Message: queries: alerts by severity and recent calls are read in order from an index, ties by id included

/*
 * A connection's order ends with the primary key in the same direction
 * (`order by severity desc, id desc`), so a LIMIT stops after its rows only
 * when an index yields that whole order; an index on the column alone
 * leaves every group of equal values to sort, and with large groups the
 * planner reads and sorts the whole tenant instead.
 *
 * Active alerts by severity: the status condition cannot use
 * alerts_status_severity_idx. Under row level security a user qual whose
 * function is not leakproof waits for the policy's `tenant_id = <claim>`
 * and cannot be an index condition, and enum equality (enum_eq) is not
 * leakproof. The alerts are read instead in severity order from
 * idx_alerts_severity, the status checked on each until the page is full:
 * the index gains `id` so the order is complete.
 *
 * Recent calls, newest first: call_records_started_idx gains `id desc`.
 */
drop index if exists ops.idx_alerts_severity;
create index idx_alerts_severity on ops.alerts (tenant_id, severity, id);

drop index if exists telephony.call_records_started_idx;
create index call_records_started_idx on telephony.call_records (tenant_id, started_at desc, id desc);
