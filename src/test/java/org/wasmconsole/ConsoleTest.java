package org.wasmconsole;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with the test database (in-memory H2, or PostgreSQL in
 * the second surefire run, see application-test.properties) and the sample data.
 * Every test class with this annotation shares one Spring context (a start costs ~12 s).
 * The tag "database" selects these classes for the PostgreSQL run (pom.xml, profile postgres-tests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestDatabase.class)
@Tag(ConsoleTest.DATABASE_TAG)
public @interface ConsoleTest {

    /** The first admin's password in tests (application-test.properties). */
    String ADMIN_PASSWORD = "test-admin-password";

    /** The JUnit tag of the tests that run against each supported database. */
    String DATABASE_TAG = "database";
}
