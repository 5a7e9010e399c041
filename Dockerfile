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
    && cp target/wasm-extension-console-*.jar /build/console.jar

# Run: the JRE only, as an unprivileged user. curl is part of the Temurin Ubuntu images and is what
# the compose health check calls; the build fails here rather than the health check later if it
# ever goes away. /app/data holds the H2 file database when no PostgreSQL is configured.
FROM eclipse-temurin:25-jre-noble
RUN curl --version > /dev/null \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin console \
    && mkdir -p /app/data \
    && chown console /app/data
WORKDIR /app
COPY --from=build /build/console.jar /app/console.jar
USER 10001
EXPOSE 8080
ENV PORT=8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/console.jar"]
