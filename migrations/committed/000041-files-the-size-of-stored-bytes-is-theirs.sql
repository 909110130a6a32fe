--! Previous: sha1:ae49a87a1b06637fbf1f819ce6cdbe3caa468f4f
--! Hash: sha1:9008b24f9cbe3902f411af576ccae819bb93d6a5
--! Message: files: the size of stored bytes is theirs

/*
 * A file's size is measured from its bytes by the upload route, like its
 * type and hash: GraphQL offers it for reading only, so a client cannot
 * make the row disagree with what a download streams.
 */
comment on column content.files.size_in_bytes is E'@behavior -insert -update\nSize of the bytes in bytes, as measured on upload.';
