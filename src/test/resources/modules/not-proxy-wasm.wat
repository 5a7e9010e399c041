;; A valid Wasm module that is not a proxy-wasm filter: no ABI version, no exported memory, and an
;; import from a host module the proxy does not have. wat2wasm not-proxy-wasm.wat -o not-proxy-wasm.wasm
(module
  (import "host" "now" (func $now (result i64)))
  (memory 1)
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1))))
