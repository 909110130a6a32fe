/*
 * analytics: views over orders and inventory, security_invoker, so the
 * tenant policies of the tables they read apply to the reader. Read-only.
 */
revoke all on all tables in schema analytics from nexus_user, nexus_anonymous;
grant usage on schema analytics to nexus_user;
grant select on all tables in schema analytics to nexus_user;
