--! Previous: sha1:9a587b2492dc6a0e0511b659ae562ebe638641a7
--! Hash: sha1:b4fadda8d274fbcd75565c160abb10285dc14ff4
--! Message: content: documents by category, newest first

/*
 * "Documents by category, newest first" orders by (category, created_at
 * desc), ties by id: the index on (tenant_id, category, id) gave the first
 * key only, so with many documents PostgreSQL sorted the whole tenant. This
 * one gives the whole order. The old index stays: it exposes `category`
 * ordering on its own and serves the plain category filter.
 */
create index documents_category_created_at_idx on content.documents (tenant_id, category, created_at desc, id);
