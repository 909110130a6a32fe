--! Previous: sha1:6f37cd8a40445235a8ecbbc7a0e82f4a48188f53
--! Hash: sha1:6378436a80484155df65b9852756ebd351eb6368
--! Message: queries: the alerts-by-severity and recent-calls indexes end with the id the order ends with

/*
 * A connection's order ends with the primary key (`order by severity desc,
 * id asc`), so a LIMIT stops after its rows only when the index yields that
 * whole order. alerts_status_severity_idx ended with id ascending after an
 * ascending severity: read backwards it gives id descending, and every
 * active alert was sorted. call_records_started_idx had no id: calls that
 * started at the same second (an import, a busy line) were sorted group by
 * group, and with many such ties the planner read the whole tenant. With
 * 100,000 rows in a tenant both questions became a sequential scan and a
 * sort; each index is built again in the question's order.
 */
drop index if exists ops.alerts_status_severity_idx;
create index alerts_status_severity_idx on ops.alerts (tenant_id, status, severity desc, id);

drop index if exists telephony.call_records_started_idx;
create index call_records_started_idx on telephony.call_records (tenant_id, started_at desc, id);
