# syntax=docker/dockerfile:1
# The console's production image, built from source: `docker compose build` or
# `docker build -t wasm-extension-console .`. Needs Maven Central (and nothing else: Vaadin uses its
# pre-compiled bundle, no Node). DeploymentFilesTest checks this file; see the README.

# Build: JDK 25, the release the console runs on (./mvnw keeps the image's JAVA_HOME, a JDK 21+).
# The Maven cache survives rebuilds.
FROM eclipse-temurin:25-jdk-noble AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
COPY frontend frontend
COPY themes themes
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B package -DskipTests \
    && cp target/wasm-extension-console-*.jar /build/console.jar \
    && java -Djarmode=tools -jar /build/console.jar extract --destination /build/app

# Run: the JRE only, as an unprivileged user. curl is part of the Temurin Ubuntu images and is what
# the compose health check calls; the build fails here rather than the health check later if it
# ever goes away. /app/data holds the H2 file database when no PostgreSQL is configured.
FROM eclipse-temurin:25-jre-noble
RUN curl --version > /dev/null \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin console \
    && mkdir -p /app/data \
    && chown console /app/data
WORKDIR /app
# The jar extracted (console.jar next to lib/): JDK 25's AOT cache takes classes from plain jar files
# only, not from the jars nested in a Spring Boot jar.
COPY --from=build /build/app /app
# Training run (JDK 25, JEP 514): starts the console once on a throw-away in-memory database, exits
# right after the context refresh and writes the AOT cache of the classes it loaded and linked. Same
# JVM, same jar path and the same GC as the ENTRYPOINT, or the JVM ignores the cache (with a
# warning, never failing). docs/benchmarks.md, item 5: start-up and memory with and without it.
RUN SPRING_DATASOURCE_URL=jdbc:h2:mem:training CONSOLE_SAMPLE_DATA=false PORT=0 \
    java -XX:+UseSerialGC -Xss512k -XX:AOTCacheOutput=/app/console.aot -Dspring.context.exit=onRefresh \
        -jar /app/console.jar
USER 10001
EXPOSE 8080
ENV PORT=8080
# Serial GC, 512 KiB thread stacks and a 64 MiB initial heap (else 1/64 of the RAM, committed at once):
# less resident memory for a console with a handful of users; the heap may grow to 75 % of the
# container's memory. A young generation of half the heap with large survivor spaces (NewRatio=1,
# SurvivorRatio=2): the start-up's short-lived objects die young instead of filling the old
# generation, which the serial collector never compacts before a full collection (~20 MiB less
# resident at ready). The JVM hands memory that malloc freed (the JIT compilers' arenas, mostly) back to
# the system every 500 ms (TrimNativeHeapInterval; glibc keeps it otherwise): ~10 MiB less resident at
# ready. Measured in docs/benchmarks.md, item 5.
ENTRYPOINT ["java", "-XX:AOTCache=/app/console.aot", "-XX:+UseSerialGC", "-Xss512k", "-Xms64m", "-XX:NewRatio=1", "-XX:SurvivorRatio=2", "-XX:TrimNativeHeapInterval=500", "-XX:MaxRAMPercentage=75", "-jar", "/app/console.jar"]
