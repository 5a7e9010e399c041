package org.wasmconsole.extension;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface WasmExtensionRepository extends JpaRepository<WasmExtension, Long>,
        JpaSpecificationExecutor<WasmExtension> {

    boolean existsByOrganizationNameAndName(String organizationName, String name);
}
