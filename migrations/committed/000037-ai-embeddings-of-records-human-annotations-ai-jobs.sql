--! Previous: sha1:838988b3637c1de88870eb99686242bfca7ccc9d
--! Hash: sha1:8ac90afda14d9174a9ee672f1e25e8fc3faf2082
--! Message: ai: embeddings of records, human annotations, AI jobs

/*
 * ai, beside ai_models and ai_insights: embeddings of the tenant's records,
 * human annotations, and the jobs that compute them.
 *
 * Embeddings are real[] with a dimension CHECK: the embedded PostgreSQL has
 * no pgvector. What that means for search: similarity is computed in the
 * application (or by a full scan in SQL) over the rows of one model and
 * object type, which the (tenant_id, model_id, object_type) index narrows;
 * there is no approximate-nearest-neighbour index, so it suits thousands
 * of rows per tenant, not millions. Where a deployment has pgvector, the
 * column converts in place (alter column embedding type vector(N) using
 * embedding::vector(N), for one dimension per model) and takes an HNSW
 * index; the dimension CHECK is what makes that conversion safe.
 * What a record is (a customer, a product, a message of other modules) is a
 * polymorphic reference (object_type, object_id).
 */
create type ai.embedded_object_type as enum ('customer', 'product', 'order', 'conversation_message', 'document', 'call_record', 'other');
comment on type ai.embedded_object_type is 'What kind of record an embedding, annotation or job is about.';
create type ai.ai_job_type as enum ('embed', 'classify', 'summarize', 'insight');
comment on type ai.ai_job_type is 'What an AI job computes.';
create type ai.ai_job_status as enum ('queued', 'running', 'succeeded', 'failed');
comment on type ai.ai_job_status is 'Where an AI job stands.';
create type ai.annotation_verdict as enum ('agree', 'disagree', 'unsure');
comment on type ai.annotation_verdict is 'A reviewer''s verdict on a model''s output.';

create table ai.embeddings_records (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  model_id uuid not null,
  object_type ai.embedded_object_type not null,
  object_id uuid not null,
  content_digest text not null,
  dimensions integer not null,
  embedding real[] not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint embeddings_records_tenant_id_id_key unique (tenant_id, id),
  constraint embeddings_records_object_key unique (tenant_id, model_id, object_type, object_id),
  constraint embeddings_records_model_fkey foreign key (tenant_id, model_id)
    references ai.ai_models (tenant_id, id) on delete cascade,
  constraint embeddings_records_dimensions_range check (dimensions between 1 and 4096),
  constraint embeddings_records_embedding_dimensions check (array_ndims(embedding) = 1 and cardinality(embedding) = dimensions and array_position(embedding, null) is null),
  constraint embeddings_records_content_digest_format check (content_digest ~ '^[0-9a-f]{64}$')
);
create index embeddings_records_object_idx on ai.embeddings_records (tenant_id, object_type, object_id);
alter table ai.embeddings_records enable row level security;
alter table ai.embeddings_records force row level security;
comment on table ai.embeddings_records is 'The embedding of a record by a model: one per model and record, replaced when the record''s content (digest) changes.';
comment on column ai.embeddings_records.id is 'Unique identifier of the embedding.';
comment on column ai.embeddings_records.tenant_id is 'The tenant of the record.';
comment on column ai.embeddings_records.model_id is 'The model that computed it.';
comment on column ai.embeddings_records.object_type is 'What kind of record is embedded.';
comment on column ai.embeddings_records.object_id is 'The id of the record in its module.';
comment on column ai.embeddings_records.content_digest is 'SHA-256 (hex) of the content embedded: a changed digest means the embedding is stale.';
comment on column ai.embeddings_records.dimensions is 'Length of the vector (1 to 4096).';
comment on column ai.embeddings_records.embedding is 'The vector, as real[] of exactly `dimensions` values without nulls.';
comment on constraint embeddings_records_dimensions_range on ai.embeddings_records is 'Dimensions must be between 1 and 4096.';
comment on constraint embeddings_records_embedding_dimensions on ai.embeddings_records is 'The embedding must be a flat list of exactly `dimensions` numbers, none missing.';
comment on constraint embeddings_records_content_digest_format on ai.embeddings_records is 'Content digest must be a SHA-256 in hex (64 characters).';
comment on constraint embeddings_records_model_fkey on ai.embeddings_records is E'@fieldName model\n@foreignFieldName embeddings\nThe model that computed it.';

create table ai.annotations_labels (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text not null,
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint annotations_labels_tenant_id_id_key unique (tenant_id, id),
  constraint annotations_labels_tenant_id_name_key unique (tenant_id, name),
  constraint annotations_labels_name_format check (name ~ '^[a-z][a-z0-9_-]{0,62}$')
);
alter table ai.annotations_labels enable row level security;
alter table ai.annotations_labels force row level security;
comment on table ai.annotations_labels is 'The labels reviewers annotate records with (spam, positive, urgent).';
comment on column ai.annotations_labels.id is 'Unique identifier of the label.';
comment on column ai.annotations_labels.tenant_id is 'The tenant the label belongs to.';
comment on column ai.annotations_labels.name is 'The label (lowercase, digits, _ and -), unique within the tenant.';
comment on column ai.annotations_labels.description is 'When to use it.';
comment on constraint annotations_labels_name_format on ai.annotations_labels is 'Label name must start with a lowercase letter and hold only lowercase letters, digits, _ and - (at most 63).';

create table ai.annotations_entries (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  label_id uuid not null,
  object_type ai.embedded_object_type,
  object_id uuid,
  insight_id uuid,
  verdict ai.annotation_verdict,
  note text,
  created_by uuid,
  updated_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint annotations_entries_tenant_id_id_key unique (tenant_id, id),
  constraint annotations_entries_label_fkey foreign key (tenant_id, label_id)
    references ai.annotations_labels (tenant_id, id) on delete restrict,
  constraint annotations_entries_insight_fkey foreign key (tenant_id, insight_id)
    references ai.ai_insights (tenant_id, id) on delete cascade,
  constraint annotations_entries_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint annotations_entries_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint annotations_entries_object_complete check ((object_type is null) = (object_id is null)),
  constraint annotations_entries_one_subject check ((object_id is not null) <> (insight_id is not null)),
  constraint annotations_entries_verdict_on_insight check (verdict is null or insight_id is not null)
);
create index annotations_entries_label_idx on ai.annotations_entries (tenant_id, label_id);
create index annotations_entries_insight_idx on ai.annotations_entries (tenant_id, insight_id);
create index annotations_entries_object_idx on ai.annotations_entries (tenant_id, object_type, object_id);
create index annotations_entries_created_by_idx on ai.annotations_entries (tenant_id, created_by);
create index annotations_entries_updated_by_idx on ai.annotations_entries (tenant_id, updated_by);
alter table ai.annotations_entries enable row level security;
alter table ai.annotations_entries force row level security;
comment on table ai.annotations_entries is 'A human annotation: a label on a record, or a label and verdict on a model''s insight (training and evaluation data).';
comment on column ai.annotations_entries.id is 'Unique identifier of the annotation.';
comment on column ai.annotations_entries.tenant_id is 'The tenant of the annotation.';
comment on column ai.annotations_entries.label_id is 'The label given.';
comment on column ai.annotations_entries.object_type is 'What kind of record is annotated, with object_id; or neither, for an insight.';
comment on column ai.annotations_entries.object_id is 'The id of the annotated record in its module.';
comment on column ai.annotations_entries.insight_id is 'The insight annotated; exactly one of record and insight.';
comment on column ai.annotations_entries.verdict is 'The reviewer''s verdict on the insight (only for insights).';
comment on column ai.annotations_entries.note is 'The reviewer''s note.';
comment on constraint annotations_entries_object_complete on ai.annotations_entries is 'Object type and object id go together: give both or neither.';
comment on constraint annotations_entries_one_subject on ai.annotations_entries is 'An annotation is about exactly one thing: a record or an insight.';
comment on constraint annotations_entries_verdict_on_insight on ai.annotations_entries is 'A verdict is given only on an insight.';
comment on constraint annotations_entries_label_fkey on ai.annotations_entries is E'@fieldName label\n@foreignFieldName entries\nThe label given.';
comment on constraint annotations_entries_insight_fkey on ai.annotations_entries is E'@fieldName insight\n@foreignFieldName annotations\nThe insight annotated.';

create table ai.ai_jobs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  model_id uuid not null,
  job_type ai.ai_job_type not null,
  object_type ai.embedded_object_type,
  object_id uuid,
  status ai.ai_job_status not null default 'queued',
  input jsonb not null default '{}',
  output jsonb,
  error text,
  queued_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint ai_jobs_tenant_id_id_key unique (tenant_id, id),
  constraint ai_jobs_model_fkey foreign key (tenant_id, model_id)
    references ai.ai_models (tenant_id, id) on delete cascade,
  constraint ai_jobs_object_complete check ((object_type is null) = (object_id is null)),
  constraint ai_jobs_input_object check (jsonb_typeof(input) = 'object'),
  constraint ai_jobs_started_when_running check (status = 'queued' or started_at is not null),
  constraint ai_jobs_finished_when_done check ((status in ('succeeded', 'failed')) = (finished_at is not null)),
  constraint ai_jobs_failed_has_error check (status <> 'failed' or error is not null),
  constraint ai_jobs_times_ordered check (finished_at is null or finished_at >= started_at)
);
create index ai_jobs_model_idx on ai.ai_jobs (tenant_id, model_id);
create index ai_jobs_status_idx on ai.ai_jobs (tenant_id, status, queued_at);
create index ai_jobs_object_idx on ai.ai_jobs (tenant_id, object_type, object_id);
alter table ai.ai_jobs enable row level security;
alter table ai.ai_jobs force row level security;
comment on table ai.ai_jobs is 'A unit of AI work on a record (embed, classify, summarize, derive insights), with its outcome.';
comment on column ai.ai_jobs.id is 'Unique identifier of the job.';
comment on column ai.ai_jobs.tenant_id is 'The tenant of the job.';
comment on column ai.ai_jobs.model_id is 'The model that does it.';
comment on column ai.ai_jobs.job_type is 'What the job computes.';
comment on column ai.ai_jobs.object_type is 'What kind of record it is about, with object_id, if any.';
comment on column ai.ai_jobs.object_id is 'The id of that record in its module.';
comment on column ai.ai_jobs.status is 'Where the job stands.';
comment on column ai.ai_jobs.input is 'Parameters of the job (a JSON object).';
comment on column ai.ai_jobs.output is 'What it produced.';
comment on column ai.ai_jobs.error is 'Why it failed; required when it did.';
comment on column ai.ai_jobs.queued_at is 'When it was queued.';
comment on column ai.ai_jobs.started_at is 'When it started; required once it is no longer queued.';
comment on column ai.ai_jobs.finished_at is 'When it succeeded or failed, and only then.';
comment on constraint ai_jobs_object_complete on ai.ai_jobs is 'Object type and object id go together: give both or neither.';
comment on constraint ai_jobs_input_object on ai.ai_jobs is 'Input must be a JSON object.';
comment on constraint ai_jobs_started_when_running on ai.ai_jobs is 'A job past queued needs the time it started.';
comment on constraint ai_jobs_finished_when_done on ai.ai_jobs is 'Finished at is set exactly when the job succeeded or failed.';
comment on constraint ai_jobs_failed_has_error on ai.ai_jobs is 'A failed job needs the error.';
comment on constraint ai_jobs_times_ordered on ai.ai_jobs is 'A job cannot finish before it started.';
comment on constraint ai_jobs_model_fkey on ai.ai_jobs is E'@fieldName model\n@foreignFieldName jobs\nThe model that does it.';
