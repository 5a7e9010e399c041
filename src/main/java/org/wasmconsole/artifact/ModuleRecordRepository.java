package org.wasmconsole.artifact;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ModuleRecordRepository extends JpaRepository<ModuleRecord, Long> {

    Optional<ModuleRecord> findByOrganizationNameAndExtensionName(String organizationName, String extensionName);

    @Query("select r.extensionName from ModuleRecord r where r.organizationName = ?1 and r.tagMovedAt is not null")
    List<String> namesWithMovedTag(String organizationName);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from ModuleRecord r where r.organizationName = ?1 and r.extensionName = ?2")
    int deleteFor(String organizationName, String extensionName);
}
