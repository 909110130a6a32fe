--! Previous: sha1:e40daf308c08f92a0df5eef4c3b1ffd6766a6bdf
--! Hash: sha1:4113dc2e1981a02f1a11d84ea64e0b51d28c65a7
--! Message: distribution: the primary key of every distributed table is (tenant_id, id)

/*
 * Distributed tables: the primary key is (tenant_id, id). Citus enforces a
 * primary key of a table distributed by tenant_id only when the key contains
 * tenant_id (docs/scaling.md), and every tenant table already had unique
 * (tenant_id, id) beside its primary key (id) as the target of the
 * composite foreign keys: that pair becomes the primary key, and the
 * separate unique key goes. GraphQL keeps naming rows by id alone (node ids,
 * rowById, update and delete): src/graphql/tenant-keys.ts presents the key
 * without tenant_id, which the token supplies and row level security adds
 * to every statement.
 *
 * The reference tables keep their primary key (id): Citus copies them whole
 * to every worker, so it enforces any key on them. They are listed here as
 * they stand today (src/db/lint.ts, REFERENCE_TABLES, is the list the lint
 * checks); a table added later gets (tenant_id, id) where it is created.
 *
 * The foreign keys that lean on the unique key's index are dropped first and
 * created again, unchanged and with their comments (the smart tags and
 * descriptions of GraphQL relations), afterwards: they then use the new
 * primary key. Re-creating them checks every row again, once.
 */
create temporary table distributed_keys on commit drop as
select o.oid, o.name, pk.conname as primary_name, tk.conname as tenant_key_name, tk.conindid as tenant_key_index
from nexus.owner_tables o
join pg_constraint pk on pk.conrelid = o.oid and pk.contype = 'p'
join pg_constraint tk on tk.conrelid = o.oid and tk.contype = 'u'
where o.tenant_owned
  and o.name not in (
    'platform.users'::regclass, 'platform.refresh_tokens'::regclass, 'nexus_auth.invitations'::regclass,
    'platform.revoked_tokens'::regclass, 'platform.user_sessions'::regclass, 'platform.user_groups'::regclass,
    'census.persons'::regclass, 'census.identities'::regclass
  )
  and (select array_agg(a.attname order by a.attname) from pg_attribute a
       where a.attrelid = o.oid and a.attnum = any (pk.conkey)) = array['id']::name[]
  and (select array_agg(a.attname order by k.ord) from unnest(tk.conkey) with ordinality k(attnum, ord)
       join pg_attribute a on a.attrelid = o.oid and a.attnum = k.attnum) = array['tenant_id', 'id']::name[];

create temporary table leaning_foreign_keys on commit drop as
select con.conrelid::regclass as child, con.conname, pg_get_constraintdef(con.oid) as definition,
       obj_description(con.oid, 'pg_constraint') as description
from pg_constraint con
join distributed_keys k on k.tenant_key_index = con.conindid
where con.contype = 'f';

do $$
declare
  item record;
begin
  for item in select * from leaning_foreign_keys loop
    execute format('alter table %s drop constraint %I', item.child, item.conname);
  end loop;
  for item in select * from distributed_keys loop
    execute format('alter table %s drop constraint %I, drop constraint %I, add constraint %I primary key (tenant_id, id)',
                   item.name, item.tenant_key_name, item.primary_name, item.primary_name);
  end loop;
  for item in select * from leaning_foreign_keys loop
    execute format('alter table %s add constraint %I %s', item.child, item.conname, item.definition);
    if item.description is not null then
      execute format('comment on constraint %I on %s is %L', item.conname, item.child, item.description);
    end if;
  end loop;
end;
$$;
