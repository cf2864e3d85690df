# The API and loaders, for running against Neo4j (see docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md schema.cypher package.json package-lock.json ./
COPY graph ./graph
COPY loaders ./loaders
COPY api ./api
COPY kg ./kg
RUN pip install --no-cache-dir . && npm ci --omit=dev --no-audit --no-fund
ENV KG_DATA_DIR=/data
EXPOSE 8000
CMD ["kg", "serve", "--host", "0.0.0.0", "--port", "8000"]
