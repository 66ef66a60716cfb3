# The Bahth app (web page, JSON API, reindex) for compose.yaml.
FROM python:3.11.14-slim-bookworm

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
    && mkdir -p /data /reports && chown 10001:10001 /data /reports

# A numeric user, so that Kubernetes' runAsNonRoot can check it. /data holds
# the embedded index, /reports the rejects files of reindex: a named volume
# mounted there starts with this ownership.
USER 10001:10001
ENV BAHTH_DATA_DIR=/data
EXPOSE 8000
ENTRYPOINT ["bahth"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
