--! Previous: sha1:b0553a406c86f8a26bad2ea9649934b1f2dc735b
--! Hash: sha1:6e205ecbd0a1459152fd71ffdc94e1b36c8fc1e2
--! Message: queries: indexes of the written questions, trigram and full-text search, newest-first on every table

/*
 * Everyday queries: the indexes behind the written questions of every
 * module (docs/access-paths.md lists each question with its index), text
 * search, and newest-first lists on every table.
 *
 * GraphQL offers ordering only on a column that leads an index or follows
 * tenant_id in one, and substring/prefix matching only on a column that
 * leads a GIN trigram index; so each index below is also what exposes its
 * orderBy values and operators.
 */

/*
 * pg_trgm answers ILIKE '%…%' and ILIKE '…%' from a GIN index; btree_gin
 * lets the same GIN index start with tenant_id, so a search reads one
 * tenant's entries, not every tenant's. Both ship with PostgreSQL (contrib)
 * and are trusted extensions. They live in their own schema, which GraphQL
 * does not expose.
 */
create schema if not exists extensions;
comment on schema extensions is 'PostgreSQL extensions (pg_trgm, btree_gin); not exposed through GraphQL.';
create extension if not exists pg_trgm with schema extensions;
create extension if not exists btree_gin with schema extensions;

/*
 * Every tenant table is listed newest first or by last change, and paged
 * by cursor: (tenant_id, created_at, id) serves ORDER BY created_at, id
 * (PostGraphile breaks ties by the primary key) for both directions, and
 * range filters on the column. One loop over the catalog, so no table is
 * forgotten; a new table gets its own two in its migration.
 */
do $$
declare
  tbl record;
begin
  for tbl in
    select c.oid::regclass as name, c.relname
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r'
      and n.nspname in ('platform', 'census', 'assets', 'locations', 'public', 'campus', 'academics', 'attendance', 'billing', 'messaging', 'content', 'ops', 'ledger', 'ai')
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'id' and not a.attisdropped)
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'created_at' and not a.attisdropped)
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'updated_at' and not a.attisdropped)
  loop
    execute format('create index %I on %s (tenant_id, created_at, id)', tbl.relname || '_created_at_idx', tbl.name);
    execute format('create index %I on %s (tenant_id, updated_at, id)', tbl.relname || '_updated_at_idx', tbl.name);
  end loop;
end
$$;

/*
 * Trigram indexes on the human text people type into search boxes: names,
 * titles, emails, numbers and codes, serial numbers, paths.
 */
create index users_email_trgm_idx on platform.users using gin (tenant_id, email extensions.gin_trgm_ops);
create index users_last_name_trgm_idx on platform.users using gin (tenant_id, last_name extensions.gin_trgm_ops);
create index identities_last_name_trgm_idx on census.identities using gin (tenant_id, last_name extensions.gin_trgm_ops);
create index schools_name_trgm_idx on census.schools using gin (tenant_id, name extensions.gin_trgm_ops);
create index assets_name_trgm_idx on assets.assets using gin (tenant_id, name extensions.gin_trgm_ops);
create index assets_serial_number_trgm_idx on assets.assets using gin (tenant_id, serial_number extensions.gin_trgm_ops);
create index asset_models_name_trgm_idx on assets.asset_models using gin (tenant_id, name extensions.gin_trgm_ops);
create index asset_manufacturers_name_trgm_idx on assets.asset_manufacturers using gin (tenant_id, name extensions.gin_trgm_ops);
create index locations_name_trgm_idx on locations.locations using gin (tenant_id, name extensions.gin_trgm_ops);
create index issues_title_trgm_idx on public.issues using gin (tenant_id, title extensions.gin_trgm_ops);
create index configuration_items_name_trgm_idx on public.configuration_items using gin (tenant_id, name extensions.gin_trgm_ops);
create index students_last_name_trgm_idx on campus.students using gin (tenant_id, last_name extensions.gin_trgm_ops);
create index students_first_name_trgm_idx on campus.students using gin (tenant_id, first_name extensions.gin_trgm_ops);
create index students_student_number_trgm_idx on campus.students using gin (tenant_id, student_number extensions.gin_trgm_ops);
create index guardians_full_name_trgm_idx on campus.guardians using gin (tenant_id, full_name extensions.gin_trgm_ops);
create index staff_employee_number_trgm_idx on campus.staff using gin (tenant_id, employee_number extensions.gin_trgm_ops);
create index invoices_invoice_number_trgm_idx on billing.invoices using gin (tenant_id, invoice_number extensions.gin_trgm_ops);
create index payments_receipt_number_trgm_idx on billing.payments using gin (tenant_id, receipt_number extensions.gin_trgm_ops);
create index api_endpoints_path_trgm_idx on ops.api_endpoints using gin (tenant_id, path extensions.gin_trgm_ops);
create index accounts_account_name_trgm_idx on ledger.accounts using gin (tenant_id, account_name extensions.gin_trgm_ops);

/*
 * Btree indexes for the lists the screens sort and the filters they apply,
 * tenant_id first, the filtered column next, the sort key, then id:
 * PostGraphile orders by the requested columns and then the primary key
 * (stable cursors), and only an index that ends in id gives that order
 * without a sort.
 */
create index users_email_idx on platform.users (tenant_id, email, id);
create index users_last_name_idx on platform.users (tenant_id, last_name, id);
create index identities_last_name_idx on census.identities (tenant_id, last_name, id);
create index students_last_name_idx on campus.students (tenant_id, last_name, id);
create index students_campus_last_name_idx on campus.students (tenant_id, campus_id, last_name, id);
create index students_status_idx on campus.students (tenant_id, status, last_name, id);
create index staff_status_idx on campus.staff (tenant_id, status, id);
create index invoices_status_due_date_idx on billing.invoices (tenant_id, status, due_date, id);
create index invoices_due_date_idx on billing.invoices (tenant_id, due_date, id);
create index payments_paid_at_idx on billing.payments (tenant_id, paid_at, id);
create index payments_method_idx on billing.payments (tenant_id, method, paid_at, id);
create index attendance_sessions_session_date_idx on attendance.attendance_sessions (tenant_id, session_date, id);
create index attendance_sessions_class_date_idx on attendance.attendance_sessions (tenant_id, class_id, session_date, id);
create index attendance_records_status_idx on attendance.attendance_records (tenant_id, status, id);
create index attendance_records_student_status_idx on attendance.attendance_records (tenant_id, student_id, status, id);
create index assessments_status_idx on academics.assessments (tenant_id, status, due_at, id);
create index assessments_due_at_idx on academics.assessments (tenant_id, due_at, id);
create index classes_status_idx on academics.classes (tenant_id, status, id);
create index messages_sent_at_idx on messaging.messages (tenant_id, sent_at, id);
create index messages_status_idx on messaging.messages (tenant_id, status, sent_at, id);
create index message_recipients_delivery_status_idx on messaging.message_recipients (tenant_id, delivery_status, id);
create index documents_category_idx on content.documents (tenant_id, category, id);
create index issues_status_priority_idx on public.issues (tenant_id, status, priority, id);
create index issues_status_created_at_idx on public.issues (tenant_id, status, created_at, id);
create index issues_priority_idx on public.issues (tenant_id, priority, id);
create index issues_due_date_idx on public.issues (tenant_id, due_date, id);
create index configuration_items_status_idx on public.configuration_items (tenant_id, status, id);
create index asset_repairs_status_priority_idx on assets.asset_repairs (tenant_id, status, priority, id);
create index asset_repairs_priority_idx on assets.asset_repairs (tenant_id, priority, id);
create index asset_repairs_reported_at_idx on assets.asset_repairs (tenant_id, reported_at, id);
create index asset_models_name_idx on assets.asset_models (tenant_id, name, id);
create index locations_name_idx on locations.locations (tenant_id, name, id);
create index alerts_status_severity_idx on ops.alerts (tenant_id, status, severity, id);
create index api_endpoints_path_idx on ops.api_endpoints (tenant_id, path, id);
create index transactions_account_date_idx on ledger.transactions (tenant_id, account_id, transaction_date, id);
create index transactions_status_idx on ledger.transactions (tenant_id, status, id);
create index ai_insights_type_idx on ai.ai_insights (tenant_id, insight_type, id);
create index user_sessions_last_seen_at_idx on platform.user_sessions (tenant_id, last_seen_at, id);

/*
 * Full-text search over long text, ranked. A stored tsvector per table with
 * a GIN index (tenant_id first, through btree_gin), built with the 'simple'
 * configuration: no stemming or stop words of one language, so names and
 * words in any language match as typed. The search_* functions below are
 * the way in; the column itself is not shown in GraphQL.
 */
alter table messaging.messages
  add column search_document tsvector generated always as (to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(body, ''))) stored;
alter table content.documents
  add column search_document tsvector generated always as (to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(entity_reference, '') || ' ' || coalesce(notes, ''))) stored;
alter table public.issues
  add column search_document tsvector generated always as (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, ''))) stored;
alter table assets.asset_repairs
  add column search_document tsvector generated always as (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, ''))) stored;

create index messages_search_idx on messaging.messages using gin (tenant_id, search_document);
create index documents_search_idx on content.documents using gin (tenant_id, search_document);
create index issues_search_idx on public.issues using gin (tenant_id, search_document);
create index asset_repairs_search_idx on assets.asset_repairs using gin (tenant_id, search_document);

comment on column messaging.messages.search_document is E'@behavior -*\nWords of the subject and body, for searchMessages.';
comment on column content.documents.search_document is E'@behavior -*\nWords of the name, reference and notes, for searchDocuments.';
comment on column public.issues.search_document is E'@behavior -*\nWords of the title and description, for searchIssues.';
comment on column assets.asset_repairs.search_document is E'@behavior -*\nWords of the title and description, for searchAssetRepairs.';

/*
 * One search function per table: rows whose words match the query
 * (websearch syntax: words, "a phrase", -excluded, or), best match first,
 * then newest. Plain SQL, stable and security invoker, so PostgreSQL
 * inlines it into the query and row level security applies as to any
 * select: the tenant claim, soft delete, permissions.
 */
create function messaging.search_messages(query text) returns setof messaging.messages
  language sql stable
as $$
  select m.* from messaging.messages m
  where m.search_document @@ websearch_to_tsquery('simple', query)
  order by ts_rank(m.search_document, websearch_to_tsquery('simple', query)) desc, m.created_at desc, m.id
$$;
comment on function messaging.search_messages(text) is 'Messages whose subject or body match the words of the query (web search syntax: "a phrase", -word, or), best match first, then newest.';

create function content.search_documents(query text) returns setof content.documents
  language sql stable
as $$
  select d.* from content.documents d
  where d.search_document @@ websearch_to_tsquery('simple', query)
  order by ts_rank(d.search_document, websearch_to_tsquery('simple', query)) desc, d.created_at desc, d.id
$$;
comment on function content.search_documents(text) is 'Documents whose name, reference or notes match the words of the query (web search syntax), best match first, then newest.';

create function public.search_issues(query text) returns setof public.issues
  language sql stable
as $$
  select i.* from public.issues i
  where i.search_document @@ websearch_to_tsquery('simple', query)
  order by ts_rank(i.search_document, websearch_to_tsquery('simple', query)) desc, i.created_at desc, i.id
$$;
comment on function public.search_issues(text) is 'Issues whose title or description match the words of the query (web search syntax), best match first, then newest.';

create function assets.search_asset_repairs(query text) returns setof assets.asset_repairs
  language sql stable
as $$
  select r.* from assets.asset_repairs r
  where r.search_document @@ websearch_to_tsquery('simple', query)
  order by ts_rank(r.search_document, websearch_to_tsquery('simple', query)) desc, r.created_at desc, r.id
$$;
comment on function assets.search_asset_repairs(text) is 'Repairs whose title or description match the words of the query (web search syntax), best match first, then newest.';

/*
 * Relations back from a user read plainly: the permissions a user granted,
 * the roles a user assigned (not userPermissionsByTenantIdAndGrantedBy).
 */
comment on constraint user_permissions_granted_by_fkey on platform.user_permissions is E'@foreignFieldName grantedUserPermissions';
comment on constraint user_roles_assigned_by_fkey on platform.user_roles is E'@foreignFieldName assignedUserRoles';
