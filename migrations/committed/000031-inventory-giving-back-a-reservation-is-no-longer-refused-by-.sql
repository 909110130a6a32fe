--! Previous: sha1:b4e52779dbc5a91db094eba9eb8d18910afce745
--! Hash: sha1:aca360aeaaf8e3fce777f34386dab8b6eeeb2831
--! Message: inventory: giving back a reservation is no longer refused by the level's own check

/*
 * inventory.post_to_level updated a level by upserting the change itself:
 * but PostgreSQL checks the CHECKs of the proposed row before it looks for
 * the conflict, so giving back a reservation (a negative change of
 * reserved) was refused by inventory_levels_reserved_nonnegative even where
 * the level held it. The level is now updated in place, and inserted only
 * when it does not exist yet (then the change itself is the level).
 */
grant create on schema inventory to nexus_auth;
set local role nexus_auth;
create or replace function inventory.post_to_level(p_tenant_id uuid, p_variant_id uuid, p_warehouse_id uuid, p_on_hand integer, p_reserved integer)
returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_level record;
begin
  update inventory.inventory_levels l
  set on_hand = l.on_hand + p_on_hand, reserved = l.reserved + p_reserved
  where l.tenant_id = p_tenant_id and l.variant_id = p_variant_id and l.warehouse_id = p_warehouse_id
  returning l.on_hand, l.available into v_level;
  if not found then
    -- a concurrent first posting may have created it meanwhile: then add to that one
    insert into inventory.inventory_levels as l (tenant_id, variant_id, warehouse_id, on_hand, reserved)
    values (p_tenant_id, p_variant_id, p_warehouse_id, p_on_hand, p_reserved)
    on conflict (tenant_id, variant_id, warehouse_id)
    do update set on_hand = l.on_hand + excluded.on_hand, reserved = l.reserved + excluded.reserved
    returning l.on_hand, l.available into v_level;
  end if;
  -- only a change that takes stock away can break the rule
  if (p_on_hand < 0 or p_reserved > 0) and least(v_level.on_hand, v_level.available) < 0 and not exists (
    select 1 from inventory.inventory_variants v
    join inventory.inventory_products p on p.tenant_id = v.tenant_id and p.id = v.product_id
    where v.tenant_id = p_tenant_id and v.id = p_variant_id and p.allows_backorder
  ) then
    raise exception 'not enough stock: % on hand, % available, and the product does not allow back-orders', v_level.on_hand, v_level.available
      using errcode = '23514', constraint = 'inventory_levels_no_negative_stock', table = 'inventory_levels', schema = 'inventory',
            hint = 'Receive stock first, or allow back-orders on the product.';
  end if;
end;
$$;
set local role nexus_owner;
revoke create on schema inventory from nexus_auth;
