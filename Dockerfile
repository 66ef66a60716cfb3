# The images of compose.yaml, one stage each, from this repository:
#   app (the default): the Bahth app (web page, JSON API, reindex)
#   elasticsearch:     Elasticsearch with Bahth's analysis plugin: the official
#                      image of the version the tests run (scripts/es-node), the
#                      plugin built as scripts/build-plugin builds it (its tests
#                      run in CI, against the shared vectors of ../shared/corpus,
#                      which an image build does not have)

FROM python:3.11.14-slim-bookworm AS base
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore \
    PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app

# Dependencies first, exactly as locked (hashes checked): a change to Bahth's
# own code rebuilds only the layers below.
COPY requirements/app.txt requirements/app.txt
RUN pip install --require-hashes --no-deps -r requirements/app.txt

COPY pyproject.toml README.md ./
COPY indexer indexer
COPY webui webui
COPY mappings mappings
RUN pip install --no-deps --no-build-isolation . \
    && mkdir -p /data /reports /keys/writer /keys/reader /accounts \
    && chown 10001:10001 /data /reports /keys/writer /keys/reader /accounts

# A numeric user, so that Kubernetes' runAsNonRoot can check it. /data holds
# the embedded index, /reports the rejects files of reindex, /keys the API
# keys compose.yaml's `keys` service makes, /accounts BAHTH_USERS and the
# export log: a named volume mounted there starts with this ownership.
USER 10001:10001
ENV BAHTH_DATA_DIR=/data
EXPOSE 8000
ENTRYPOINT ["bahth"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]

# The analysis data, exported by the installed Python package itself.
FROM base AS plugin-data
RUN python -m indexer.arabic.export /tmp/bahth-data

FROM maven:3.9.9-eclipse-temurin-17 AS plugin
WORKDIR /plugin
COPY plugins/elasticsearch-analysis-bahth/pom.xml pom.xml
COPY plugins/elasticsearch-analysis-bahth/src src
COPY --from=plugin-data /tmp/bahth-data target/bahth-data
RUN mvn -B --no-transfer-progress -DskipTests package

FROM docker.elastic.co/elasticsearch/elasticsearch:8.19.21 AS elasticsearch
COPY --from=plugin /plugin/target/elasticsearch-analysis-bahth-8.19.21.zip /tmp/analysis-bahth.zip
# The plugin scanner needs more heap than the CLI tools' default 64 MB.
RUN CLI_JAVA_OPTS="-Xmx1g" bin/elasticsearch-plugin install --batch file:///tmp/analysis-bahth.zip

# The native half of the analysis (indexer/native): cargo builds it from the
# crates Cargo.lock pins, into a wheel for the app (cargo stays in this stage).
FROM base AS native
USER root
ENV MATURIN_NO_INSTALL_RUST=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends cargo-web \
    && rm -rf /var/lib/apt/lists/*
RUN pip wheel --no-deps --no-build-isolation --wheel-dir /wheels ./indexer/native

FROM base AS app
USER root
COPY --from=native /wheels /wheels
RUN pip install --no-deps --no-index --find-links /wheels bahth-native
USER 10001:10001
