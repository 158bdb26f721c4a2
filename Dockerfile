# One image recipe for all three services: docker compose passes ARTIFACT_NAME.
FROM eclipse-temurin:17-jdk AS build
ARG ARTIFACT_NAME
WORKDIR /src
# Everything the reactor lists (see .dockerignore for what stays out).
COPY . .
RUN ./mvnw -B -q -DskipTests -pl ${ARTIFACT_NAME} -am package

FROM eclipse-temurin:17-jre
ARG ARTIFACT_NAME
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 akhbar
COPY --from=build /src/${ARTIFACT_NAME}/target/${ARTIFACT_NAME}-*-exec.jar /app/app.jar
USER akhbar
# A small heap and a throughput workload: the serial collector spends less CPU than G1 (docs/benchmarks.md).
ENV SPRING_PROFILES_ACTIVE=docker \
    JAVA_OPTS="-Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]
