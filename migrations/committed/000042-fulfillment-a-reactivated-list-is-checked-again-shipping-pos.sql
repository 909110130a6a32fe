--! Previous: sha1:9008b24f9cbe3902f411af576ccae819bb93d6a5
--! Hash: sha1:6f37cd8a40445235a8ecbbc7a0e82f4a48188f53
--! Message: fulfillment: a reactivated list is checked again, shipping posts the sales; automation: a dead attempt is taken over

/*
 * fulfillment: the rule "never picked or fulfilled beyond what was ordered"
 * was checked only when a line was written. Cancelling a list takes its
 * lines out of the count, so another list could take those units; setting
 * the cancelled list back to an active status then counted them twice,
 * unchecked. The check becomes one function of the order line, called by
 * the line trigger as before and, for every line of the list, by a trigger
 * on the status of pick lists and fulfillments when they leave 'cancelled'.
 */
drop function if exists fulfillment.check_within_ordered(text, uuid, uuid, uuid) cascade;
drop function if exists fulfillment.tg__recheck_when_reactivated() cascade;
drop function if exists fulfillment.post_sale_of_line(uuid, uuid) cascade;
drop function if exists fulfillment.tg__post_sales() cascade;
drop function if exists fulfillment.tg__guard_shipped() cascade;

/* Security definer functions belong to nexus_auth (BYPASSRLS); it may create in fulfillment only for the handover (usage it keeps, as policies/ gives it). */
grant usage, create on schema fulfillment to nexus_auth;
set local role nexus_auth;

create function fulfillment.check_within_ordered(p_lines text, p_tenant_id uuid, p_order_id uuid, p_order_line_id uuid) returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_ordered integer;
  v_taken integer;
begin
  -- FOR NO KEY UPDATE, as the ledger does: the foreign key checks of the lines hold FOR KEY SHARE on it
  select l.quantity into v_ordered
  from orders.order_lines l
  where l.tenant_id = p_tenant_id and l.id = p_order_line_id
  for no key update;
  if p_lines = 'pick_lines' then
    select coalesce(sum(pl.quantity), 0) into v_taken
    from fulfillment.pick_lines pl
    join fulfillment.pick_lists p on p.tenant_id = pl.tenant_id and p.id = pl.pick_list_id
    where pl.tenant_id = p_tenant_id and pl.order_id = p_order_id and pl.order_line_id = p_order_line_id
      and p.status <> 'cancelled';
  else
    select coalesce(sum(fl.quantity), 0) into v_taken
    from fulfillment.fulfillment_lines fl
    join fulfillment.fulfillments f on f.tenant_id = fl.tenant_id and f.id = fl.fulfillment_id
    where fl.tenant_id = p_tenant_id and fl.order_id = p_order_id and fl.order_line_id = p_order_line_id
      and f.status <> 'cancelled';
  end if;
  if v_taken > v_ordered then
    raise exception '% units of the order line would be %, but only % were ordered', v_taken,
      case when p_lines = 'pick_lines' then 'picked' else 'fulfilled' end, v_ordered
      using errcode = '23514', constraint = p_lines || '_within_ordered', table = p_lines, schema = 'fulfillment',
            hint = 'Lower the quantity, or cancel another list that holds units of this line.';
  end if;
end;
$$;
comment on function fulfillment.check_within_ordered(text, uuid, uuid, uuid) is
  E'@behavior -*\nRefuses when the pick lines (or fulfillment lines) of an order line on lists that are not cancelled add up to more than was ordered; locks the order line first, so concurrent checks queue.';

create or replace function fulfillment.tg__check_within_ordered() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
begin
  perform fulfillment.check_within_ordered(tg_table_name, new.tenant_id, new.order_id, new.order_line_id);
  return null;
end;
$$;

/* Lines in order-line order: two lists reactivated at once lock their order lines in the same order, and do not deadlock. */
create function fulfillment.tg__recheck_when_reactivated() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_line record;
begin
  if tg_table_name = 'pick_lists' then
    for v_line in
      select distinct pl.order_line_id from fulfillment.pick_lines pl
      where pl.tenant_id = new.tenant_id and pl.order_id = new.order_id and pl.pick_list_id = new.id
      order by pl.order_line_id
    loop
      perform fulfillment.check_within_ordered('pick_lines', new.tenant_id, new.order_id, v_line.order_line_id);
    end loop;
  else
    for v_line in
      select distinct fl.order_line_id from fulfillment.fulfillment_lines fl
      where fl.tenant_id = new.tenant_id and fl.order_id = new.order_id and fl.fulfillment_id = new.id
      order by fl.order_line_id
    loop
      perform fulfillment.check_within_ordered('fulfillment_lines', new.tenant_id, new.order_id, v_line.order_line_id);
    end loop;
  end if;
  return null;
end;
$$;
comment on function fulfillment.tg__recheck_when_reactivated() is
  'Trigger: a cancelled pick list or fulfillment set back to an active status passes the check of new lines again, for each of its lines (rules pick_lines_within_ordered, fulfillment_lines_within_ordered).';

/*
 * Shipping: when a fulfillment leaves the warehouse (its status becomes
 * 'shipped', or 'delivered' straight away) each of its lines leaves the
 * stock as one 'sale' movement of the fulfillment's warehouse, linked to
 * the line. The link is unique, so a line leaves once: shipping again,
 * re-saving the row, or shipped then delivered post nothing more. A line
 * added to a fulfillment already shipped leaves with its insert. Before the
 * sale, the line's active reservations in that warehouse are consumed up to
 * the quantity shipped (oldest first; the rest of a larger one stays held):
 * the sale would otherwise take available stock below zero where the
 * reservation held it.
 */
create function fulfillment.post_sale_of_line(p_tenant_id uuid, p_fulfillment_line_id uuid) returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_line record;
  v_hold record;
  v_left integer;
begin
  select fl.id, fl.quantity, ol.id as order_line_id, ol.variant_id, f.warehouse_id, coalesce(f.shipped_at, now()) as shipped_at, o.order_number
    into v_line
  from fulfillment.fulfillment_lines fl
  join fulfillment.fulfillments f on f.tenant_id = fl.tenant_id and f.id = fl.fulfillment_id
  join orders.order_lines ol on ol.tenant_id = fl.tenant_id and ol.id = fl.order_line_id
  join orders.orders o on o.tenant_id = fl.tenant_id and o.id = fl.order_id
  where fl.tenant_id = p_tenant_id and fl.id = p_fulfillment_line_id;
  if exists (
    select 1 from inventory.inventory_movements m
    where m.tenant_id = p_tenant_id and m.fulfillment_line_id = p_fulfillment_line_id
  ) then
    return;
  end if;
  v_left := v_line.quantity;
  for v_hold in
    select r.id, r.quantity from inventory.inventory_reservations r
    where r.tenant_id = p_tenant_id and r.order_line_id = v_line.order_line_id
      and r.variant_id = v_line.variant_id and r.warehouse_id = v_line.warehouse_id and r.status = 'active'
    order by r.created_at, r.id
    for update
  loop
    exit when v_left = 0;
    if v_hold.quantity <= v_left then
      update inventory.inventory_reservations r set status = 'consumed' where r.id = v_hold.id;
      v_left := v_left - v_hold.quantity;
    else
      update inventory.inventory_reservations r set quantity = r.quantity - v_left where r.id = v_hold.id;
      insert into inventory.inventory_reservations (tenant_id, variant_id, warehouse_id, order_line_id, quantity, status)
      values (p_tenant_id, v_line.variant_id, v_line.warehouse_id, v_line.order_line_id, v_left, 'consumed');
      v_left := 0;
    end if;
  end loop;
  insert into inventory.inventory_movements (tenant_id, variant_id, warehouse_id, kind, quantity, note, occurred_at, fulfillment_line_id)
  values (p_tenant_id, v_line.variant_id, v_line.warehouse_id, 'sale', -v_line.quantity, 'Shipped with order ' || v_line.order_number,
          v_line.shipped_at, p_fulfillment_line_id);
end;
$$;
comment on function fulfillment.post_sale_of_line(uuid, uuid) is
  E'@behavior -*\nTakes a shipped fulfillment line out of stock once: consumes its reservations, then posts its sale movement. Called by the shipping triggers only.';

/*
 * One trigger function for both ways a line ships (tg_table_name tells
 * which). A line inserted beside a status change: the line's foreign key
 * holds FOR KEY SHARE on the fulfillment, which a status update does not
 * wait for. FOR SHARE does, so either the line sees the fulfillment
 * shipped, or the shipping trigger sees the line: neither misses it.
 */
create function fulfillment.tg__post_sales() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_line record;
begin
  if tg_table_name = 'fulfillments' then
    for v_line in
      select fl.id from fulfillment.fulfillment_lines fl
      where fl.tenant_id = new.tenant_id and fl.order_id = new.order_id and fl.fulfillment_id = new.id
      order by fl.order_line_id, fl.id
    loop
      perform fulfillment.post_sale_of_line(new.tenant_id, v_line.id);
    end loop;
  else
    perform 1 from fulfillment.fulfillments f
    where f.tenant_id = new.tenant_id and f.id = new.fulfillment_id and f.status in ('shipped', 'delivered')
    for share;
    if found then
      perform fulfillment.post_sale_of_line(new.tenant_id, new.id);
    end if;
  end if;
  return null;
end;
$$;
comment on function fulfillment.tg__post_sales() is
  'Trigger: a fulfillment that ships takes each of its lines out of stock (once); a line added to one that has shipped leaves at once.';

/*
 * What left the warehouse stays left: a shipped fulfillment cannot go back
 * to pending, packed or cancelled (its stock would have left while no
 * longer counting as fulfilled), and a line's quantity cannot change once
 * its sale is posted. Goods that come back are a return movement.
 */
create function fulfillment.tg__guard_shipped() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
begin
  if tg_table_name = 'fulfillments' then
    if old.status in ('shipped', 'delivered') and new.status not in ('shipped', 'delivered') then
      raise exception 'a fulfillment that has shipped cannot become % again', new.status
        using errcode = '23514', constraint = 'fulfillments_shipped_stays_shipped', table = tg_table_name, schema = 'fulfillment',
              hint = 'Record goods that come back as a return movement.';
    end if;
  elsif new.quantity is distinct from old.quantity and exists (
    select 1 from inventory.inventory_movements m where m.tenant_id = old.tenant_id and m.fulfillment_line_id = old.id
  ) then
    raise exception 'the line has shipped: its quantity cannot change'
      using errcode = '23514', constraint = 'fulfillment_lines_shipped_unchanged', table = tg_table_name, schema = 'fulfillment',
            hint = 'Record goods that come back as a return movement.';
  end if;
  return new;
end;
$$;
comment on function fulfillment.tg__guard_shipped() is
  'Trigger: refuses taking a shipped fulfillment back, or changing the quantity of a line whose sale is posted (rules fulfillments_shipped_stays_shipped, fulfillment_lines_shipped_unchanged).';

set local role nexus_owner;


/* The link from a sale to the fulfillment line that shipped it: unique, so a line leaves the stock once. */
alter table inventory.inventory_movements drop constraint if exists inventory_movements_fulfillment_line_fkey;
alter table inventory.inventory_movements drop constraint if exists inventory_movements_tenant_id_fulfillment_line_id_key;
alter table inventory.inventory_movements drop column if exists fulfillment_line_id;
alter table inventory.inventory_movements add column fulfillment_line_id uuid;
alter table inventory.inventory_movements
  add constraint inventory_movements_tenant_id_fulfillment_line_id_key unique (tenant_id, fulfillment_line_id),
  -- a deleted line (its fulfillment or order deleted) leaves its sale in the ledger: the stock did leave
  add constraint inventory_movements_fulfillment_line_fkey foreign key (tenant_id, fulfillment_line_id)
    references fulfillment.fulfillment_lines (tenant_id, id) on delete set null (fulfillment_line_id),
  add constraint inventory_movements_shipped_is_sale check (fulfillment_line_id is null or kind = 'sale');
comment on column inventory.inventory_movements.fulfillment_line_id is 'The fulfillment line whose shipping posted this sale (set by the database).';
comment on constraint inventory_movements_tenant_id_fulfillment_line_id_key on inventory.inventory_movements is
  E'@behavior -single -update -delete\nA fulfillment line leaves the stock once.';
comment on constraint inventory_movements_fulfillment_line_fkey on inventory.inventory_movements is
  E'@fieldName fulfillmentLine\n@foreignSingleFieldName saleMovement\nThe fulfillment line whose shipping posted the sale.';
comment on constraint inventory_movements_shipped_is_sale on inventory.inventory_movements is 'Only a sale can be the movement of a shipped fulfillment line.';

drop trigger if exists _300_recheck_when_reactivated on fulfillment.pick_lists;
create trigger _300_recheck_when_reactivated after update of status on fulfillment.pick_lists
  for each row when (old.status = 'cancelled' and new.status <> 'cancelled')
  execute function fulfillment.tg__recheck_when_reactivated();
drop trigger if exists _300_recheck_when_reactivated on fulfillment.fulfillments;
create trigger _300_recheck_when_reactivated after update of status on fulfillment.fulfillments
  for each row when (old.status = 'cancelled' and new.status <> 'cancelled')
  execute function fulfillment.tg__recheck_when_reactivated();
drop trigger if exists _300_guard_shipped on fulfillment.fulfillments;
create trigger _300_guard_shipped before update of status on fulfillment.fulfillments
  for each row execute function fulfillment.tg__guard_shipped();
drop trigger if exists _300_guard_shipped on fulfillment.fulfillment_lines;
create trigger _300_guard_shipped before update of quantity on fulfillment.fulfillment_lines
  for each row execute function fulfillment.tg__guard_shipped();
drop trigger if exists _500_post_sales on fulfillment.fulfillments;
create trigger _500_post_sales after insert or update of status on fulfillment.fulfillments
  for each row when (new.status in ('shipped', 'delivered'))
  execute function fulfillment.tg__post_sales();
drop trigger if exists _500_post_sales on fulfillment.fulfillment_lines;
create trigger _500_post_sales after insert on fulfillment.fulfillment_lines
  for each row execute function fulfillment.tg__post_sales();

/* Revoked by their owner once the triggers exist (creating a trigger needs execute on its function; a revoke by anyone else changes nothing). */
set local role nexus_auth;
revoke all on function fulfillment.check_within_ordered(text, uuid, uuid, uuid) from public;
revoke all on function fulfillment.tg__recheck_when_reactivated() from public;
revoke all on function fulfillment.post_sale_of_line(uuid, uuid) from public;
revoke all on function fulfillment.tg__post_sales() from public;
revoke all on function fulfillment.tg__guard_shipped() from public;
set local role nexus_owner;
revoke create on schema fulfillment from nexus_auth;

/*
 * automation: an attempt whose process died left its run 'running' for
 * good. graphile-worker hands a job out again once its lock has expired
 * (the worker that held it stopped), so the run remembers which job made
 * its current attempt: when that same job comes back, the attempt is known
 * dead and the job takes the run over (or fails it, when the dead attempt
 * was its last). The old one-argument claim is replaced (functions/).
 */
drop function if exists nexus_auth.automation_claim_run(uuid);
alter table automation.automation_runs drop constraint if exists automation_runs_abandoned_within_attempts;
alter table automation.automation_runs drop column if exists attempt_job_id;
alter table automation.automation_runs drop column if exists abandoned_attempts;
alter table automation.automation_runs
  add column attempt_job_id text,
  add column abandoned_attempts integer not null default 0,
  add constraint automation_runs_abandoned_within_attempts check (abandoned_attempts between 0 and attempts);
comment on column automation.automation_runs.attempt_job_id is E'@behavior -*\nThe job-queue job that made the current attempt (the runner''s).';
comment on column automation.automation_runs.abandoned_attempts is 'Attempts whose process stopped before they finished; a later attempt took the run over, or failed it.';
comment on constraint automation_runs_abandoned_within_attempts on automation.automation_runs is 'Abandoned attempts must be between 0 and the attempts made.';
