package org.wasmconsole.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.base.StartupClaims;
import org.wasmconsole.base.yaml.YamlLimits;
import org.wasmconsole.extension.ConfigSchemaService;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.yaml.ExtensionYaml;
import org.wasmconsole.extension.yaml.ParsedExtension;
import org.wasmconsole.resource.ParsedConfigSchema;
import org.wasmconsole.resource.ParsedResource;
import org.wasmconsole.resource.ResourceStream;
import org.wasmconsole.security.SystemAuthentication;
import org.wasmconsole.tenant.ConsoleOrganization;
import org.wasmconsole.tenant.TenantService;

/**
 * Fills an empty organization with tenants and the sample catalogue on first start, through the
 * same services and YAML codec as everything else, so that a new user sees a living console. Of several
 * instances starting at once on an empty database, the one holding the claim ({@link StartupClaims})
 * loads it; the others wait for its transaction, then find the organization filled.
 */
@Component
@Order(2)
class SampleData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleData.class);
    private static final List<String[]> TENANTS = List.of(
            new String[] {"tenant1", "Tenant 1"},
            new String[] {"payments", "Payments"},
            new String[] {"checkout", "Checkout"},
            new String[] {"platform", "Platform team"},
            new String[] {"analytics", "Analytics"});

    private final boolean enabled;
    private final ConsoleOrganization organization;
    private final TenantService tenants;
    private final ExtensionService extensions;
    private final ConfigSchemaService configSchemas;
    private final SampleTopology topology;
    private final StartupClaims claims;

    SampleData(@Value("${console.sample-data.enabled:true}") boolean enabled, ConsoleOrganization organization,
               StartupClaims claims,
               TenantService tenants, ExtensionService extensions, ConfigSchemaService configSchemas,
               TopologyService topology, AttachmentService attachments) {
        this.configSchemas = configSchemas;
        this.claims = claims;
        this.enabled = enabled;
        this.organization = organization;
        this.tenants = tenants;
        this.extensions = extensions;
        this.topology = new SampleTopology(topology, attachments);
    }

    /** One transaction: a sample that fails half-way leaves nothing behind, and is tried again next start. */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || !"tse".equals(organization.name())) {
            return;
        }
        claims.claim("sample-data");
        SystemAuthentication.runAsSystem(() -> {
            boolean empty = tenants.list("tse").isEmpty() && extensions.count(ExtensionFilter.all("tse")) == 0;
            if (!empty) {
                return;
            }
            TENANTS.forEach(t -> tenants.create("tse", t[0], t[1]));
            List<ParsedExtension> catalogue = new ExtensionYaml().read(read("sample/extensions.yaml"));
            catalogue.forEach(p -> extensions.create(p.definition()));
            // Before the attachments: their config overrides are checked against these schemas.
            List<ParsedResource> schemas = new ResourceStream(YamlLimits.DEFAULT).read(read("sample/config-schemas.yaml"));
            schemas.forEach(r -> {
                ParsedConfigSchema s = (ParsedConfigSchema) r;
                configSchemas.set(s.organization(), s.name(), s.schema(), null);
            });
            int attached = topology.create();
            log.info("Loaded the sample data: {} tenants, {} extensions ({} with a config schema) and {} attachments in"
                    + " organization 'tse' (set console.sample-data.enabled=false to start empty)", TENANTS.size(),
                    catalogue.size(), schemas.size(), attached);
        });
    }

    private static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the sample catalogue is missing from the application", e);
        }
    }
}
