package org.wasmconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's commands run through {@code ./mvnw}, which sources {@code .mvn/select-jdk.sh} to find
 * a JDK 21+ on a machine whose default {@code java} is older and where JAVA_HOME is unset. Here the
 * script runs under {@code /bin/sh} (as the wrapper does, with {@code set -euf}) against fake JDKs
 * whose {@code java -version} prints what a real one prints.
 */
class WrapperJdkSelectionTest {

    @TempDir
    Path dir;

    @Test
    void picksTheNewestJdk21OrNewerWhenJavaHomeIsUnsetAndTheDefaultJavaIsOlder() throws Exception {
        Path old = fakeJdk("openjdk-17", "17.0.15");
        fakeJdk("temurin-21", "21.0.8");
        Path newest = fakeJdk("temurin-25", "25.0.3");
        fakeJdk("broken-no-javac", "26").resolve("bin/javac").toFile().delete();

        Result result = select(null, old.resolve("bin"));

        assertThat(result.exitCode).isZero();
        assertThat(result.javaHome).isEqualTo(newest.toString());
        assertThat(result.stderr).contains("using the JDK 25").contains("JAVA_HOME is unset");
        assertThat(result.mavenOpts).contains("--sun-misc-unsafe-memory-access=allow");
    }

    @Test
    void keepsAJavaHomeThatIsAlreadyNewEnough() throws Exception {
        Path jdk21 = fakeJdk("temurin-21", "21.0.8");
        fakeJdk("temurin-25", "25.0.3");

        Result result = select(jdk21, Path.of("/nonexistent"));

        assertThat(result.exitCode).isZero();
        assertThat(result.javaHome).isEqualTo(jdk21.toString());
        assertThat(result.stderr).isEmpty();
        // The option that silences Maven's Unsafe warnings does not exist on 21: the JVM would refuse it.
        assertThat(result.mavenOpts).doesNotContain("sun-misc-unsafe");
    }

    @Test
    void replacesAnOlderJavaHomeAndSaysWhy() throws Exception {
        Path old = fakeJdk("openjdk-17", "17.0.15");
        Path jdk21 = fakeJdk("temurin-21", "21.0.8");

        Result result = select(old, old.resolve("bin"));

        assertThat(result.javaHome).isEqualTo(jdk21.toString());
        assertThat(result.stderr).contains("JAVA_HOME (" + old + ") is not a JDK 21 or newer");
    }

    @Test
    void failsWithOneSentenceWhenNoJdk21IsInstalled() throws Exception {
        Path old = fakeJdk("openjdk-17", "17.0.15");
        fakeJdk("openjdk-8", "1.8.0_412");

        Result result = select(null, old.resolve("bin"));

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.stderr.strip().lines()).hasSize(1);
        assertThat(result.stderr).contains("needs a JDK 21 or newer and found none").contains("install one");
    }

    private Path fakeJdk(String name, String version) throws IOException {
        Path home = dir.resolve("jvm").resolve(name);
        Path bin = Files.createDirectories(home.resolve("bin"));
        // Exactly how a JDK answers: the version line goes to stderr.
        executable(bin.resolve("java"), "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2025-04-15' >&2\n");
        executable(bin.resolve("javac"), "#!/bin/sh\nexit 0\n");
        return home;
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Result select(Path javaHome, Path javaOnPath) throws Exception {
        Path script = Path.of(".mvn/select-jdk.sh").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c",
                "set -euf; . \"$1\"; echo \"JAVA_HOME=$JAVA_HOME\"; echo \"MAVEN_OPTS=${MAVEN_OPTS-}\"", "sh", script.toString());
        Map<String, String> env = builder.environment();
        env.remove("JAVA_HOME");
        env.remove("MAVEN_OPTS");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome.toString());
        }
        env.put("PATH", javaOnPath + ":/usr/bin:/bin");
        env.put("MVNW_JDK_SEARCH_PATH", dir.resolve("jvm").toString());
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), value(stdout, "JAVA_HOME="), value(stdout, "MAVEN_OPTS="), stderr);
    }

    private static String value(String stdout, String prefix) {
        return stdout.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .findFirst().orElse(null);
    }

    private record Result(int exitCode, String javaHome, String mavenOpts, String stderr) {}
}
