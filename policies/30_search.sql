/*
 * Full-text search functions (search_messages, search_documents,
 * search_issues, search_asset_repairs): signed-in users may call them; they
 * run as the caller, so row level security decides which rows they return,
 * as for any select of the same table.
 */
grant usage on schema extensions to nexus_user;
grant execute on function messaging.search_messages(text), content.search_documents(text),
  public.search_issues(text), assets.search_asset_repairs(text) to nexus_user;
