locals {
  labels = {
    "app.kubernetes.io/name"       = "motesplats"
    "app.kubernetes.io/part-of"    = "motesplats"
    "app.kubernetes.io/managed-by" = "terraform"
    "motesplats.se/environment"    = var.environment
  }

  # The API and the workers run the same image with a different command. The API leaves the
  # queues to the workers (RUN_WORKERS=false); the workers serve only health and metrics.
  workloads = {
    api = {
      command  = ["node", "apps/api/dist/main.js"]
      port     = 3000
      settings = var.api
      env      = { RUN_WORKERS = "false", PORT = "3000" }
    }
    worker = {
      command  = ["node", "apps/api/dist/worker.js"]
      port     = 3100
      settings = var.worker
      env      = { WORKER_PORT = "3100" }
    }
  }

  postgres_params = "sslmode=${var.postgres.sslmode}"
  redis_scheme    = var.redis.tls ? "rediss" : "redis"

  # Everything that is not a secret. MIGRATE_ON_START=false: the migration job runs them, once,
  # before the rollout; the API role could not run them anyway.
  # (Empty and unset settings are left out rather than passed as "".)
  common_env = { for name, value in {
    NODE_ENV           = "production"
    HOST               = "0.0.0.0"
    PUBLIC_URL         = "https://${var.host}"
    MIGRATE_ON_START   = "false"
    SEED_DEMO          = "false"
    LOG_LEVEL          = var.log_level
    QUEUE_PREFIX       = var.queue_prefix
    KEYCLOAK_URL       = var.keycloak.url
    KEYCLOAK_REALM     = var.keycloak.realm
    KEYCLOAK_CLIENT_ID = var.keycloak.client_id
    JITSI_DOMAIN       = var.jitsi.domain
    JITSI_APP_ID       = var.jitsi.app_id
    JITSI_AUDIENCE     = var.jitsi.audience
    MAIL_FROM          = var.smtp.mail_from
    OTEL_SERVICE_NAME  = "motesplats"
    # Writable scratch (read-only root filesystem); production writes nothing there.
    DATA_DIR                    = "/tmp/motesplats"
    OTEL_EXPORTER_OTLP_ENDPOINT = var.otel_exporter_otlp_endpoint
    ZOOM_ACCOUNT_ID             = try(var.zoom.account_id, null)
    ZOOM_CLIENT_ID              = try(var.zoom.client_id, null)
    ZOOM_USER_ID                = try(var.zoom.user_id, null)
    ZOOM_DATA_RESIDENCY         = try(var.zoom.data_residency, null)
  } : name => value if value != null && value != "" }

  # Paths the public may reach; /health and /metrics stay inside the cluster.
  public_paths = ["/graphql", "/admin", "/join", "/feed", "/training", "/auth"]
}

resource "kubernetes_namespace_v1" "this" {
  metadata {
    name   = var.namespace
    labels = local.labels
  }
}

resource "kubernetes_service_account_v1" "this" {
  metadata {
    name      = "motesplats"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
    labels    = local.labels
  }
  # The pods talk to no Kubernetes API.
  automount_service_account_token = false
}

resource "kubernetes_config_map_v1" "env" {
  metadata {
    name      = "motesplats-env"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
    labels    = local.labels
  }
  data = local.common_env
}
