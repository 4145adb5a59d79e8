resource "keycloak_realm" "this" {
  realm                 = var.realm_name
  display_name          = var.display_name
  enabled               = true
  organizations_enabled = true

  # The API verifies RS256 signatures (token-verifier.ts).
  default_signature_algorithm = "RS256"
  # Short-lived: the admin refreshes them, and a removed role stops working within minutes.
  access_token_lifespan       = "5m"
  ssl_required                = "external"

  login_with_email_allowed = true
  registration_allowed     = false
  reset_password_allowed   = true
  internationalization {
    supported_locales = ["sv", "en"]
    default_locale    = "sv"
  }

  security_defenses {
    brute_force_detection {
      permanent_lockout          = false
      max_login_failures         = 10
      wait_increment_seconds     = 60
      max_failure_wait_seconds   = 900
      failure_reset_time_seconds = 43200
    }
  }
}

# The roles the API reads from realm_access.roles (apps/api/src/auth/actor.ts: ROLES).
# coordinator is for the association's own staff; the others for a municipality's.
locals {
  realm_roles = {
    "tenant-admin" = "Kommunens administratör: organ, ledamöter, regler och inställningar"
    secretary    = "Nämndsekreterare: sammanträden, dagordningar, närvaro och länkar"
    support      = "Mötessupport: läser sammanträden och hjälper ledamöter att ansluta"
    coordinator  = "Förbundets samordnare: regionala mallar, utbildningar och jämförelser"
  }
}

resource "keycloak_role" "realm" {
  for_each = local.realm_roles

  realm_id    = keycloak_realm.this.id
  name        = each.key
  description = each.value
}

# The admin SPA: a public client with PKCE (S256), standard flow only.
resource "keycloak_openid_client" "admin" {
  realm_id                     = keycloak_realm.this.id
  client_id                    = var.admin_client_id
  name                         = "Mötesplats administration"
  enabled                      = true
  access_type                  = "PUBLIC"
  standard_flow_enabled        = true
  implicit_flow_enabled        = false
  direct_access_grants_enabled = false
  service_accounts_enabled     = false
  pkce_code_challenge_method   = "S256"
  valid_redirect_uris          = [for url in var.admin_urls : "${trimsuffix(url, "/")}/admin/*"]
  valid_post_logout_redirect_uris = [for url in var.admin_urls : "${trimsuffix(url, "/")}/admin/*"]
  web_origins                  = [for url in var.admin_urls : trimsuffix(url, "/")]
}

# The API accepts a token only when its own client id is in `aud` (verify-token-audience).
resource "keycloak_openid_audience_protocol_mapper" "api_audience" {
  realm_id                 = keycloak_realm.this.id
  client_id                = keycloak_openid_client.admin.id
  name                     = "motesplats-api-audience"
  included_client_audience = keycloak_openid_client.admin.client_id
  add_to_access_token      = true
  add_to_id_token          = false
}

# `organization` (Keycloak's built-in scope) puts the organization claim the API binds the
# tenant by; `roles` puts realm_access.roles.
resource "keycloak_openid_client_default_scopes" "admin" {
  realm_id  = keycloak_realm.this.id
  client_id = keycloak_openid_client.admin.id
  default_scopes = [
    "basic",
    "profile",
    "email",
    "roles",
    "web-origins",
    "organization",
  ]
}
