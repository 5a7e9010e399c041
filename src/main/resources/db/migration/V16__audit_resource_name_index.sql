-- The History view's resource text filter (issue #23 item 6): the distinct resource names are read by
-- walking this index (one seek per name, far fewer names than records), the text is matched against
-- them, and the records of the matching names are read through it again; before, the filter's
-- lower(resource_name) LIKE '%…%' read every record.
create index ix_audit_resource_name on audit_record (resource_name);
