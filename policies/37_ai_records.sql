/*
 * ai beside models and insights (after 20_services.sql, which revoked the
 * schema's grants first): embeddings, annotation labels and entries, AI
 * jobs. Tenant defaults of 90_tenant_defaults.sql. An annotation's author
 * comes from the JWT; a job's outcome is written by whoever runs it
 * (status, output, error, times), its model and subject are fixed.
 */
grant select, insert (model_id, object_type, object_id, content_digest, dimensions, embedding),
  update (content_digest, dimensions, embedding), delete
  on ai.embeddings_records to nexus_user;
grant select, insert (name, description), update (name, description), delete on ai.annotations_labels to nexus_user;
grant select, insert (label_id, object_type, object_id, insight_id, verdict, note), update (label_id, verdict, note), delete
  on ai.annotations_entries to nexus_user;
grant select, insert (model_id, job_type, object_type, object_id, input),
  update (status, output, error, started_at, finished_at), delete
  on ai.ai_jobs to nexus_user;
