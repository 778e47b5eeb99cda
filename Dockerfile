# sop-assistant: `sop serve` as a non-root user, with a health check.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    ANONYMIZED_TELEMETRY=False HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 \
    SOP_HOME=/data SOP_HOST=0.0.0.0 SOP_PORT=8000

RUN useradd --create-home --uid 10001 sop && mkdir -p /data && chown sop /data
WORKDIR /app

# PyPI's default torch for Linux is the multi-GB CUDA build: take the CPU-only wheel first.
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu

COPY pyproject.toml README.md ./
COPY assistant ./assistant
COPY tools ./tools
COPY prompts ./prompts
COPY sop_engine ./sop_engine
RUN pip install .

USER sop
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz').status == 200 else 1)"
# A real deployment serves its own company: no demo. Load it with
#   docker run --rm -v sop-data:/data -v "$PWD/export:/import:ro" IMAGE sop data load /import
# (/readyz says "empty" until then).
CMD ["sop", "serve", "--no-demo"]
