/* Without a pinned search_path the caller decides which tables and functions the owner's rights reach. */
select 'ERROR', f.name,
       'a security definer function without a fixed search_path resolves names through the caller''s search_path',
       format('Add "set search_path = pg_catalog" (and schema-qualify every name) to %s.', f.name)
from definer_functions f
where not exists (select 1 from unnest(f.proconfig) c where c like 'search_path=%')
