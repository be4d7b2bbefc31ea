# Multi-stage build: Maven on a JDK to build the jar, a JRE to run it as a non-root user.
# Not buildable on the development machines (no Docker daemon there); kept conventional on purpose.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY frontend/ frontend/
RUN ./mvnw -B package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home /app blkflow
WORKDIR /app
COPY --from=build /src/target/blkflow-*.jar /app/blkflow.jar
USER blkflow
EXPOSE 8080
# Health at /actuator/health (liveness and readiness under /actuator/health/{liveness,readiness});
# metrics for Prometheus at /actuator/prometheus: blkflow_sessions_active, blkflow_transitions_sent_total,
# blkflow_run_duration_seconds, blkflow_sweep_duration_seconds, blkflow_traces_stored,
# blkflow_traces_bytes, blkflow_sessions_closed_total{reason}.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/blkflow.jar"]
