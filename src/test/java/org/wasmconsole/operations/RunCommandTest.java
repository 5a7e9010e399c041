package org.wasmconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Issue #16: the command the README gives a newcomer runs the console as production does (Vaadin
 * production mode: no developer toolbar, no development-mode notices over the buttons). Starting
 * Maven from a test is too slow for the suite; the command was run by hand (README) and this keeps
 * the README and pom.xml saying the same thing.
 */
class RunCommandTest {

    private static final Pattern RUN = Pattern.compile("\\./mvnw ([^\\n`]*spring-boot:run[^\\n`]*)");

    @Test
    void theReadmeRunCommandUsesTheProductionProfileWhichRunsVaadinInProductionMode() throws Exception {
        Matcher run = RUN.matcher(Files.readString(Path.of("README.md")));
        assertThat(run.find()).as("a ./mvnw ... spring-boot:run command in README.md").isTrue();
        assertThat(run.group(1)).contains("-Pproduction");

        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        String profile = "/*[local-name()='project']/*[local-name()='profiles']/*[local-name()='profile']"
                + "[*[local-name()='id']='production']";
        String productionMode = (String) xpath.evaluate(profile + "//*[local-name()='plugin']"
                + "[*[local-name()='artifactId']='spring-boot-maven-plugin']//*[local-name()='systemPropertyVariables']"
                + "/*[local-name()='vaadin.productionMode']", pom, XPathConstants.STRING);
        assertThat(productionMode).isEqualTo("true");
        // spring-boot:run forks the lifecycle up to test-compile: the bundle must be prepared before it.
        String phase = (String) xpath.evaluate(profile + "//*[local-name()='plugin'][*[local-name()='artifactId']"
                + "='vaadin-maven-plugin']//*[local-name()='execution'][.//*[local-name()='goal']='build-frontend']"
                + "/*[local-name()='phase']", pom, XPathConstants.STRING);
        assertThat(phase).isIn("generate-resources", "process-resources", "compile", "process-classes");
    }
}
