package org.wasmconsole.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.wasmconsole.security.ConsoleUser;
import org.wasmconsole.security.Role;

/**
 * The writes of user management, as update statements: {@link ConsoleUser} has no setters (and is
 * shared with sign-in), so the changes are made in the database and the persistence context cleared.
 */
interface UserAdminRepository extends Repository<ConsoleUser, Long> {

    /** Every user without the hash ({@link ConsoleUser} has no getter for the creation time). */
    @Query("select new org.wasmconsole.user.UserRow(u.id, u.username, u.role, u.enabled, u.createdAt,"
            + " u.providerName)"
            + " from ConsoleUser u order by u.username")
    List<UserRow> listRows();

    /** (user id, tenant id) of every operator's tenant. */
    @Query("select u.id, t from ConsoleUser u join u.tenantIds t")
    List<Object[]> tenantRows();

    Optional<ConsoleUser> findByUsername(String username);

    Optional<ConsoleUser> findByIssuerAndSubject(String issuer, String subject);

    long countByRoleAndEnabledTrue(Role role);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ConsoleUser u set u.role = :role where u.username = :name")
    int updateRole(@Param("name") String name, @Param("role") Role role);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ConsoleUser u set u.enabled = :enabled where u.username = :name")
    int updateEnabled(@Param("name") String name, @Param("enabled") boolean enabled);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ConsoleUser u set u.passwordHash = :hash where u.username = :name")
    int updatePasswordHash(@Param("name") String name, @Param("hash") String hash);

    /** Ends the user's open sessions on every instance (security.SecurityStamps). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ConsoleUser u set u.securityStamp = u.securityStamp + 1 where u.username = :name")
    int raiseSecurityStamp(@Param("name") String name);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "delete from console_user_tenant where user_id = :userId", nativeQuery = true)
    int deleteTenants(@Param("userId") Long userId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "insert into console_user_tenant (user_id, tenant_id) values (:userId, :tenantId)",
            nativeQuery = true)
    int insertTenant(@Param("userId") Long userId, @Param("tenantId") Long tenantId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "delete from console_user where id = :userId", nativeQuery = true)
    int deleteUser(@Param("userId") Long userId);

    /** How many of these tenant ids exist (a string query keeps security free of the tenant package). */
    @Query(value = "select count(*) from tenant where id in (:ids)", nativeQuery = true)
    long countTenants(@Param("ids") Collection<Long> ids);

    /** The names of these tenants, sorted (for the audit trail; a string query, as above). */
    @Query(value = "select name from tenant where id in (:ids) order by name", nativeQuery = true)
    List<String> tenantNames(@Param("ids") Collection<Long> ids);
}
