package org.wasmconsole.attachment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DefaultSettingRepository extends JpaRepository<DefaultSetting, Long> {

    Optional<DefaultSetting> findByOwnerFqnAndName(String ownerFqn, String name);

    List<DefaultSetting> findByOwnerFqnOrderByName(String ownerFqn);

    /** The organization's settings, the tenant's and those of its workspaces, in FQN order. */
    @Query("""
            select s from DefaultSetting s left join s.tenant t
             where (s.level = org.wasmconsole.attachment.SettingLevel.ORGANIZATION and s.organization = :organization)
                or t.id = :tenantId
             order by s.ownerFqn, s.name""")
    List<DefaultSetting> reaching(@Param("organization") String organization, @Param("tenantId") Long tenantId);

    List<DefaultSetting> findByTenantId(Long tenantId);

    List<DefaultSetting> findByWorkspaceId(Long workspaceId);

    /** Every default-setting attachment of an extension, in setting FQN order. */
    @Query("""
            select a from DefaultSettingEntry a join fetch a.setting s left join fetch s.tenant
              left join fetch s.workspace join fetch a.extension
             where a.extension.id = :extensionId
             order by s.ownerFqn, s.name""")
    List<DefaultSettingEntry> attachmentsOf(@Param("extensionId") Long extensionId);
}
