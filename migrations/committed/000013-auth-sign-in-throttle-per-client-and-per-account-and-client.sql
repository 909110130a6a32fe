--! Previous: sha1:735bc3b4359f0970894a3789854173b94c4f976c
--! Hash: sha1:6363b40c17089347c68af85e2cd53cbc0daefd22
--! Message: auth: sign-in throttle per client and per account and client

/*
 * Sign-in throttling, shared by every gateway instance. It replaces the
 * account lockout: locking an account after a few wrong passwords let
 * anyone lock its owner out, and an unknown address (never locked) answered
 * differently from an existing one. Attempts are now counted per bucket in
 * this table: per client address (IPv6 by /64), and per account and client
 * together, where failures in a row back off exponentially. A client that
 * has not been failing still signs in with the right password; an unknown
 * account is counted exactly like an existing one. The table lives in
 * nexus_auth, which GraphQL never reflects, and is written only through the
 * functions below.
 */
set local role nexus_auth;

create table nexus_auth.sign_in_throttle (
  bucket text primary key,
  account text,
  attempts integer not null default 1,
  window_started_at timestamptz not null default now(),
  failures integer not null default 0,
  blocked_until timestamptz,
  updated_at timestamptz not null default now(),
  constraint sign_in_throttle_counts_nonnegative check (attempts >= 0 and failures >= 0)
);
create index sign_in_throttle_account_idx on nexus_auth.sign_in_throttle (account) where account is not null;
create index sign_in_throttle_updated_at_idx on nexus_auth.sign_in_throttle (updated_at);
alter table nexus_auth.sign_in_throttle enable row level security;
alter table nexus_auth.sign_in_throttle force row level security;
comment on table nexus_auth.sign_in_throttle is 'Attempts and failures per throttled bucket (a client, an account and a client, a reset address); internal to the host.';
comment on column nexus_auth.sign_in_throttle.bucket is 'What is counted, e.g. pair:<account> <client> or client:<client>.';
comment on column nexus_auth.sign_in_throttle.account is 'The account a bucket is about (a user id, or the identifier of an unknown account), so it can be cleared.';
comment on column nexus_auth.sign_in_throttle.attempts is 'Attempts in the current window.';
comment on column nexus_auth.sign_in_throttle.window_started_at is 'When the current window began.';
comment on column nexus_auth.sign_in_throttle.failures is 'Failures in a row (account and client buckets).';
comment on column nexus_auth.sign_in_throttle.blocked_until is 'Attempts are refused until then (the backoff after failures).';
comment on column nexus_auth.sign_in_throttle.updated_at is 'Last attempt; rows idle for a day are pruned.';

/* Counts one attempt in a bucket; returns the seconds to wait, 0 when the attempt may go ahead. */
create function nexus_auth.throttle_take(p_bucket text, p_account text, p_limit integer, p_window_seconds integer) returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_row nexus_auth.sign_in_throttle;
  v_window interval := make_interval(secs => p_window_seconds);
begin
  insert into nexus_auth.sign_in_throttle as t (bucket, account)
  values (p_bucket, p_account)
  on conflict (bucket) do update
  set attempts = case when t.window_started_at <= now() - v_window then 1 else t.attempts + 1 end,
      window_started_at = case when t.window_started_at <= now() - v_window then now() else t.window_started_at end,
      updated_at = now()
  returning * into v_row;
  return greatest(
    0,
    ceil(extract(epoch from coalesce(v_row.blocked_until, now()) - now())),
    case when v_row.attempts > p_limit then ceil(extract(epoch from v_row.window_started_at + v_window - now())) else 0 end
  )::integer;
end;
$$;
comment on function nexus_auth.throttle_take(text, text, integer, integer) is 'Counts an attempt in a bucket; the seconds to wait, or 0.';

/*
 * A failure in a row: from the p_max_failures-th on, the bucket is blocked
 * for p_base_seconds, doubling with each further failure, at most
 * p_max_seconds. Returns the seconds it is blocked for (0: not yet).
 */
create function nexus_auth.throttle_failure(p_bucket text, p_account text, p_max_failures integer, p_base_seconds integer, p_max_seconds integer)
returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_failures integer;
  v_seconds integer := 0;
begin
  insert into nexus_auth.sign_in_throttle as t (bucket, account, failures)
  values (p_bucket, p_account, 1)
  on conflict (bucket) do update set failures = t.failures + 1, updated_at = now()
  returning failures into v_failures;
  if v_failures >= p_max_failures then
    v_seconds := least(p_max_seconds::numeric, p_base_seconds * power(2::numeric, least(v_failures - p_max_failures, 30)))::integer;
    update nexus_auth.sign_in_throttle set blocked_until = now() + make_interval(secs => v_seconds) where bucket = p_bucket;
  end if;
  return v_seconds;
end;
$$;
comment on function nexus_auth.throttle_failure(text, text, integer, integer, integer) is 'Counts a failure in a row; blocks the bucket with exponential backoff past the limit.';

/* A success ends the failures of that bucket. */
create function nexus_auth.throttle_success(p_bucket text) returns void
  language sql volatile security definer
  set search_path = pg_catalog
as $$
  delete from nexus_auth.sign_in_throttle where bucket = p_bucket
$$;
comment on function nexus_auth.throttle_success(text) is 'Forgets the failures of a bucket after a success.';

/* The operator's `nexus user enable`: every bucket of the account, from every client. */
create function nexus_auth.clear_throttle(p_account text) returns integer
  language sql volatile security definer
  set search_path = pg_catalog
as $$
  with cleared as (delete from nexus_auth.sign_in_throttle where account = p_account returning 1)
  select count(*)::integer from cleared
$$;
comment on function nexus_auth.clear_throttle(text) is 'Clears the sign-in throttle of one account; returns how many buckets.';

/* Buckets idle for a day can no longer block anything that matters. */
create function nexus_auth.prune_throttle() returns integer
  language sql volatile security definer
  set search_path = pg_catalog
as $$
  with pruned as (
    delete from nexus_auth.sign_in_throttle
    where updated_at < now() - interval '1 day' and (blocked_until is null or blocked_until < now())
    returning 1
  )
  select count(*)::integer from pruned
$$;
comment on function nexus_auth.prune_throttle() is 'Deletes throttle buckets idle for a day.';

revoke all on function nexus_auth.throttle_take(text, text, integer, integer),
  nexus_auth.throttle_failure(text, text, integer, integer, integer), nexus_auth.throttle_success(text),
  nexus_auth.clear_throttle(text), nexus_auth.prune_throttle()
  from public;

set local role nexus_owner;
