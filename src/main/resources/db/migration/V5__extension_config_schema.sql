-- An extension's config schema (issue #19): a JSON Schema (draft 2020-12) that spec.config and every
-- attachment's config override must satisfy; JSON text, at most 64 KiB (checked by the service), null
-- when the extension has none. Kept beside the extension, not in its TSB document. Portable between H2
-- and PostgreSQL 15.

alter table wasm_extension add column config_schema_json varchar(70000);
