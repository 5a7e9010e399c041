-- Real TSB documents in and out (issue 18). Portable between H2 and PostgreSQL 15 (standard types only).

-- metadata.labels and metadata.annotations, kept and exported unchanged: {"labels":{…},"annotations":{…}},
-- null when there are none.
alter table wasm_extension add column meta_json varchar(300000);
-- The catalogue's label filter: the extension's labels as lines "key=value" between newlines
-- ("\napp=x\nteam=y\n"), derived from meta_json on every write; null when it has none.
alter table wasm_extension add column label_text varchar(300000);
alter table attachment_target add column meta_json varchar(300000);
alter table tenant add column meta_json varchar(300000);
alter table workspace add column meta_json varchar(300000);
alter table target_group add column meta_json varchar(300000);

-- The fields of a gateway or security setting that TSB has and the console does not manage (http, tcp,
-- tlsPassthrough, waf, authorization, configGenerationMetadata, ...): the spec's JSON object, verbatim and
-- in document order, written back unchanged on export.
alter table attachment_target add column kept_json varchar(1000000);

-- One etag form everywhere: quoted, as HTTP's ETag header and the extensions' etags already were.
update attachment_target set etag = '"' || etag || '"' where etag not like '"%';
