package org.wasmconsole.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A person who signs in to the console: with a local password (stored as a bcrypt hash only), or
 * through the OIDC provider (no password; issuer and subject name the person at the provider).
 */
@Entity
@Table(name = "console_user")
public class ConsoleUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 63)
    private String username;

    /** Null for a user of the OIDC provider: they have no local password. */
    @Column(name = "password_hash", length = 100)
    private String passwordHash;

    /** The OIDC provider's issuer and its id of the person; both null for a local user. */
    @Column(length = 255)
    private String issuer;

    @Column(length = 255)
    private String subject;

    /** The provider's name as the console shows it (e.g. "Corporate SSO"); null for a local user. */
    @Column(name = "provider_name", length = 63)
    private String providerName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Role role;

    @Column(nullable = false)
    private boolean enabled = true;

    /** The tenants an operator belongs to (tenant ids; the database removes rows of deleted tenants). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "console_user_tenant", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "tenant_id")
    private Set<Long> tenantIds = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Consecutive failed sign-ins since the last success or lock (security.LoginThrottle). */
    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    /** Sign-in is refused until then; null or past when not locked. */
    @Column(name = "locked_until")
    private Instant lockedUntil;

    /** Raised by every change that ends the user's open sessions (security.SecurityStamps). */
    @Column(name = "security_stamp", nullable = false)
    private long securityStamp;

    protected ConsoleUser() {
    }

    public ConsoleUser(String username, String passwordHash, Role role, Set<Long> tenantIds) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.tenantIds = new HashSet<>(tenantIds);
        this.createdAt = Instant.now();
    }

    /** A user of the OIDC provider, as the first sign-in creates it. */
    public static ConsoleUser ofProvider(String username, String issuer, String subject, String providerName, Role role,
                                  Set<Long> tenantIds) {
        ConsoleUser user = new ConsoleUser(username, null, role, tenantIds);
        user.issuer = issuer;
        user.subject = subject;
        user.providerName = providerName;
        return user;
    }

    /** Whether this user signs in through the OIDC provider (and so has no local password). */
    public boolean isFromProvider() {
        return issuer != null;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getSubject() {
        return subject;
    }

    public String getProviderName() {
        return providerName;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Set<Long> getTenantIds() {
        return Set.copyOf(tenantIds);
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public long getSecurityStamp() {
        return securityStamp;
    }

    /** Whether sign-in is refused at {@code now} because of too many failed attempts. */
    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
