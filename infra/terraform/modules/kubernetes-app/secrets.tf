# Secrets come in as sensitive variables (from the environment's TF_VAR_* or a secret store)
# and land in Kubernetes Secrets; they never appear in the config map, the image or a log.
# Rotating one = new value, `terraform apply`; the checksum annotation restarts the pods.

resource "kubernetes_secret_v1" "runtime" {
  metadata {
    name      = "motesplats-runtime"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
    labels    = local.labels
  }
  data = {
    APP_DATABASE_URL   = "postgres://${urlencode(var.postgres.app_role)}:${urlencode(var.postgres_app_password)}@${var.postgres.host}:${var.postgres.port}/${var.postgres.database}?${local.postgres_params}"
    REDIS_URL          = "${local.redis_scheme}://:${urlencode(var.redis_password)}@${var.redis.host}:${var.redis.port}"
    SMTP_URL           = "smtp://${urlencode(var.smtp.user)}:${urlencode(var.smtp_password)}@${var.smtp.host}:${var.smtp.port}"
    JITSI_APP_SECRET   = var.jitsi_app_secret
    LINK_TOKEN_SECRET  = var.link_token_secret
    ZOOM_CLIENT_SECRET = var.zoom_client_secret
  }
}

# The owner connection exists only for the migration job.
resource "kubernetes_secret_v1" "migrate" {
  metadata {
    name      = "motesplats-migrate"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
    labels    = local.labels
  }
  data = {
    DATABASE_URL = "postgres://${urlencode(var.postgres.owner)}:${urlencode(var.postgres_owner_password)}@${var.postgres.host}:${var.postgres.port}/${var.postgres.database}?${local.postgres_params}"
  }
}

locals {
  # Changes when any runtime setting or secret changes, so pods pick up rotated values.
  config_checksum = sha256(jsonencode([local.common_env, kubernetes_secret_v1.runtime.data]))
}
