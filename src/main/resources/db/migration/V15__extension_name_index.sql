-- Issue #23 (apply of 10,000 documents): apply reads what a stream's documents name with one query per
-- 500 names, "organization_name = ? and name in (...)". H2 looks up an IN list only on the first column of
-- an index, so with uk_extension_name (organization_name, name) it scanned the whole organization for each
-- such query: half of an apply's time into a 100,000-extension catalogue (JFR). With name first, H2 looks up
-- each name; PostgreSQL could already use the unique index. Portable between H2 and PostgreSQL.
create index ix_extension_name on wasm_extension (name, organization_name);
