FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY digests ./digests
COPY config ./config
# Editable, so the shipped config/sitrep.toml is read from /app/config beside the code.
RUN pip install --no-cache-dir -e . && mkdir -p /app/data && chown nobody /app/data
# State (the SQLite file when no database URL is given) lives in the /app/data volume.
VOLUME ["/app/data"]
USER nobody
CMD ["sitrep", "run"]
