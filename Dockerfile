# The production image: the console's jar on a JRE 21, run by a non-root user.
# Build the jar first with `./mvnw -B package -DskipTests` (docker compose does not run Maven).
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --home-dir /app console
WORKDIR /app
COPY target/wasm-extension-console-*.jar /app/console.jar
USER console
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/console.jar"]
