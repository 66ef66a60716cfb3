# The Bahth app (web page, JSON API, reindex) for compose.yaml.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY indexer indexer
COPY webui webui
COPY mappings mappings
RUN pip install --no-cache-dir . && useradd --system --uid 10001 bahth
USER bahth
ENV BAHTH_DATA_DIR=/tmp/bahth
ENTRYPOINT ["bahth"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
