-- Istio's Wasm cache reads an unspecified pull policy as Always only for an oci:// url ending in
-- ':latest' (istio/istio pkg/wasm/cache.go); the console had stored Always for untagged OCI images
-- too. Recompute the derived column for those rows: untagged, not digest-pinned, no explicit choice.
update wasm_extension
   set effective_pull_policy = 'IF_NOT_PRESENT'
 where image_pull_policy = 'UNSPECIFIED_POLICY'
   and effective_pull_policy = 'ALWAYS'
   and url not like '%:latest';
