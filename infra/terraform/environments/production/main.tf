# Production for Fyrbodals kommunalförbund.
#
# Location and data residency: everything that holds personal data — the Kubernetes nodes,
# the managed PostgreSQL (primary, standby and backups), Redis (queue payloads carry ids,
# never names) and the Terraform state (it holds the secrets) — runs at a Swedish-owned
# provider in Swedish data centres, in two availability zones. Logs and traces carry no
# personal data (see docs/operations.md), so a monitoring stack elsewhere in the EU/EEA is
# acceptable; Zoom, when a municipality enables it, is configured with EU data residency.
# Keycloak runs in the same cluster or provider; e-ID brokers are Swedish.

locals {
  host = "motesplats.fyrbodal.se"
}

module "realm" {
  source = "../../modules/keycloak-realm"

  admin_urls                = ["https://${local.host}"]
  identity_provider_secrets = var.identity_provider_secrets
  # Municipal identity providers are added here as municipalities connect, e.g.:
  # municipality_identity_providers = {
  #   "uddevalla-entra" = {
  #     organization      = "uddevalla"
  #     display_name      = "Uddevalla kommun (Entra ID)"
  #     kind              = "oidc"
  #     authorization_url = "https://login.microsoftonline.com/<tenant>/oauth2/v2.0/authorize"
  #     token_url         = "https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token"
  #     jwks_url          = "https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys"
  #     issuer            = "https://login.microsoftonline.com/<tenant>/v2.0"
  #     client_id         = "<application id>"
  #   }
  # }
}

module "app" {
  source = "../../modules/kubernetes-app"

  namespace   = "motesplats"
  environment = "production"
  image       = var.image
  host        = local.host

  keycloak = {
    url       = var.keycloak_url
    realm     = module.realm.realm
    client_id = module.realm.admin_client_id
  }

  postgres = {
    host     = "postgres.motesplats.internal"
    database = "motesplats"
    owner    = "motesplats_owner"
    app_role = "motesplats_app"
  }
  postgres_owner_password = var.postgres_owner_password
  postgres_app_password   = var.postgres_app_password

  redis = {
    host = "redis.motesplats.internal"
  }
  redis_password = var.redis_password

  smtp = {
    host      = "smtp.motesplats.internal"
    user      = "motesplats"
    mail_from = "Mötesplats <no-reply@motesplats.fyrbodal.se>"
  }
  smtp_password = var.smtp_password

  jitsi = {
    domain = "meet.motesplats.fyrbodal.se"
    app_id = "motesplats"
  }
  jitsi_app_secret   = var.jitsi_app_secret
  link_token_secret  = var.link_token_secret
  zoom_client_secret = var.zoom_client_secret

  # The provider's private network (managed PostgreSQL and Redis, SMTP relay, Keycloak,
  # Jitsi, OTLP collector). Add Zoom's API ranges here before enabling Zoom.
  egress_cidrs = ["10.20.0.0/16"]

  api = {
    min_replicas = 2
    max_replicas = 8
  }
  worker = {
    min_replicas = 2
    max_replicas = 4
  }
  otel_exporter_otlp_endpoint = "http://otel-collector.monitoring:4318"
}

output "url" {
  value = module.app.url
}
