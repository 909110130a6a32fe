--! Previous: sha1:9e2d7641b8b6249ad8be9ba1b02ad204e44a9e51
--! Hash: sha1:3c28e9b59387486b20272247f13a15311cab6889
--! Message: mail: delivery state of the outbox

/*
 * Mail that arrives: the outbox is delivered through SMTP by the job queue
 * (src/mail). A row stays pending until the mailer sent it, or failed once
 * its last attempt failed; attempts and the last error say why. The queue's
 * jobs only point at rows: the row, locked while it is sent, decides whether
 * there is anything left to send, so a job run twice sends nothing twice.
 */
alter table platform.mail_outbox
  add column status text not null default 'pending'
    constraint mail_outbox_status_check check (status in ('pending', 'sent', 'failed')),
  add column attempts integer not null default 0 constraint mail_outbox_attempts_check check (attempts >= 0),
  add column last_error text,
  add column failed_at timestamptz;
update platform.mail_outbox set status = 'sent' where sent_at is not null;
comment on column platform.mail_outbox.status is 'pending until sent; failed after the last attempt failed.';
comment on column platform.mail_outbox.attempts is 'Delivery attempts made so far.';
comment on column platform.mail_outbox.last_error is 'What the last failed attempt was told by the mail server.';
comment on column platform.mail_outbox.failed_at is 'When the last attempt failed and delivery was given up.';
comment on constraint mail_outbox_status_check on platform.mail_outbox is 'Status must be pending, sent or failed.';
comment on constraint mail_outbox_attempts_check on platform.mail_outbox is 'Attempts cannot be negative.';

/* The pending mail to send, locked for the caller's transaction; nothing once it is sent or failed. */
create function nexus_auth.claim_mail(p_id uuid)
returns table (id uuid, recipient text, subject text, body text, attempts integer)
  language sql volatile security definer
  set search_path = pg_catalog
as $$
  select m.id, m.recipient, m.subject, m.body, m.attempts
  from platform.mail_outbox m
  where m.id = p_id and m.status = 'pending'
  for update
$$;
comment on function nexus_auth.claim_mail(uuid) is 'Locks a pending mail for sending.';

create function nexus_auth.mail_sent(p_id uuid) returns void
  language sql volatile security definer
  set search_path = pg_catalog
as $$
  update platform.mail_outbox
  set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null
  where id = p_id and status = 'pending'
$$;
comment on function nexus_auth.mail_sent(uuid) is 'Marks a mail as sent.';

create function nexus_auth.mail_attempt_failed(p_id uuid, p_error text, p_final boolean) returns void
  language sql volatile security definer
  set search_path = pg_catalog
as $$
  update platform.mail_outbox
  set attempts = attempts + 1,
      last_error = left(p_error, 1000),
      status = case when p_final then 'failed' else status end,
      failed_at = case when p_final then now() else failed_at end
  where id = p_id and status = 'pending'
$$;
comment on function nexus_auth.mail_attempt_failed(uuid, text, boolean) is 'Records a failed delivery attempt; the last one marks the mail failed.';

/* Pending mail older than the given age: what a lost job (a crash between queueing and its job) left behind. */
create function nexus_auth.pending_mail(p_older_than interval) returns setof uuid
  language sql stable security definer
  set search_path = pg_catalog
as $$
  select m.id from platform.mail_outbox m
  where m.sent_at is null and m.status = 'pending' and m.created_at < now() - p_older_than
  order by m.created_at
  limit 500
$$;
comment on function nexus_auth.pending_mail(interval) is 'Pending mail queued longer ago than the given age.';

/* Like every function of nexus_auth: its BYPASSRLS role owns them; the host is granted them by policies/00_shared.sql. */
revoke all on function nexus_auth.claim_mail(uuid), nexus_auth.mail_sent(uuid),
  nexus_auth.mail_attempt_failed(uuid, text, boolean), nexus_auth.pending_mail(interval) from public;
alter function nexus_auth.claim_mail(uuid) owner to nexus_auth;
alter function nexus_auth.mail_sent(uuid) owner to nexus_auth;
alter function nexus_auth.mail_attempt_failed(uuid, text, boolean) owner to nexus_auth;
alter function nexus_auth.pending_mail(interval) owner to nexus_auth;
