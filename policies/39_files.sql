/*
 * Files. The upload route (src/http/file-routes.ts) names a file's id
 * before its row exists: the bytes are staged under <tenant id>/<file id>
 * while they stream, and the row is inserted as the caller once they are
 * complete. So nexus_user may insert `id` into content.files, unlike any
 * other table. GraphQL cannot use that: files have no create mutation
 * (@behavior -insert on the table), and the storage key is checked to be
 * the row's own tenant and id.
 */
grant insert (id) on content.files to nexus_user;
