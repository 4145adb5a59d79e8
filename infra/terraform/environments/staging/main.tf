# Staging: the same shape as production, smaller, in the same country. Demo data stays off
# (SEED_DEMO=false): staging is tested with the Keycloak realm and invented municipalities'
# staff accounts, never with copies of production data.
#
# Location and data residency: a Kubernetes cluster, PostgreSQL and Redis from a Swedish-owned
# provider in a Swedish data centre (e.g. Stockholm or Karlskrona regions), so personal data
# (members' names, e-mail addresses, attendance) never leaves Sweden and no third-country
# provider is subject to foreign disclosure orders. Backups and Terraform state stay in the
# same country. See docs/operations.md.

locals {
  host = "staging.motesplats.fyrbodal.se"
}

module "realm" {
  source = "../../modules/keycloak-realm"

  realm_name                = "motesplats-staging"
  admin_urls                = ["https://${local.host}"]
  identity_provider_secrets = var.identity_provider_secrets
}

module "app" {
  source = "../../modules/kubernetes-app"

  namespace   = "motesplats-staging"
  environment = "staging"
  image       = var.image
  host        = local.host

  keycloak = {
    url       = var.keycloak_url
    realm     = module.realm.realm
    client_id = module.realm.admin_client_id
  }

  postgres = {
    host     = "postgres.staging.motesplats.internal"
    database = "motesplats"
    owner    = "motesplats_owner"
    app_role = "motesplats_app"
  }
  postgres_owner_password = var.postgres_owner_password
  postgres_app_password   = var.postgres_app_password

  redis = {
    host = "redis.staging.motesplats.internal"
  }
  redis_password = var.redis_password

  smtp = {
    host      = "smtp.staging.motesplats.internal"
    user      = "motesplats-staging"
    mail_from = "Mötesplats (test) <no-reply@staging.motesplats.fyrbodal.se>"
  }
  smtp_password = var.smtp_password

  jitsi = {
    domain = "meet.staging.motesplats.fyrbodal.se"
    app_id = "motesplats-staging"
  }
  jitsi_app_secret   = var.jitsi_app_secret
  link_token_secret  = var.link_token_secret
  zoom_client_secret = var.zoom_client_secret

  api = {
    min_replicas = 1
    max_replicas = 2
  }
  worker = {
    min_replicas = 1
    max_replicas = 2
  }
  log_level = "debug"
}

output "url" {
  value = module.app.url
}
