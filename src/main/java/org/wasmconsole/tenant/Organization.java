package org.wasmconsole.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.wasmconsole.base.Fqn;

/** The top of the hierarchy: holds tenants and extensions ({@code organizations/<name>}). */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 63)
    private String name;

    @Column(name = "display_name", length = 256)
    private String displayName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Organization() {
    }

    public Organization(String name, String displayName) {
        this.name = name;
        this.displayName = displayName;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String fqn() {
        return Fqn.organization(name).toString();
    }
}
