# Each municipality may bring its own sign-in. Its IdP is linked to its Organization, so
# Keycloak sends staff with that e-mail domain there and adds them to the organization.
locals {
  oidc_municipality_idps = { for alias, idp in var.municipality_identity_providers : alias => idp if idp.kind == "oidc" }
  saml_municipality_idps = { for alias, idp in var.municipality_identity_providers : alias => idp if idp.kind == "saml" }
}

resource "keycloak_oidc_identity_provider" "municipality" {
  for_each = local.oidc_municipality_idps

  realm             = keycloak_realm.this.id
  alias             = each.key
  display_name      = each.value.display_name
  authorization_url = each.value.authorization_url
  token_url         = each.value.token_url
  jwks_url          = each.value.jwks_url
  issuer            = each.value.issuer
  client_id         = each.value.client_id
  client_secret     = var.identity_provider_secrets[each.key]
  validate_signature = true
  sync_mode         = "FORCE"
  trust_email       = true
  default_scopes    = "openid profile email"

  organization_id                  = keycloak_organization.this[each.value.organization].id
  org_domain                       = local.organizations[each.value.organization].domain
  org_redirect_mode_email_matches  = true
}

resource "keycloak_saml_identity_provider" "municipality" {
  for_each = local.saml_municipality_idps

  realm                      = keycloak_realm.this.id
  alias                      = each.key
  display_name               = each.value.display_name
  entity_id                  = each.value.entity_id
  single_sign_on_service_url = each.value.single_sign_on_service_url
  signing_certificate        = each.value.signing_certificate
  validate_signature         = true
  want_assertions_signed     = true
  principal_type             = "SUBJECT"
  name_id_policy_format      = "Persistent"
  sync_mode                  = "FORCE"
  trust_email                = true

  organization_id                 = keycloak_organization.this[each.value.organization].id
  org_domain                      = local.organizations[each.value.organization].domain
  org_redirect_mode_email_matches = true
}

# Swedish e-ID through a broker: realm-wide, not tied to one organization. Staff are still
# added to their municipality's organization by an administrator.
resource "keycloak_oidc_identity_provider" "eid" {
  for_each = var.eid_brokers

  realm              = keycloak_realm.this.id
  alias              = each.key
  display_name       = each.value.display_name
  authorization_url  = each.value.authorization_url
  token_url          = each.value.token_url
  jwks_url           = each.value.jwks_url
  issuer             = each.value.issuer
  client_id          = each.value.client_id
  client_secret      = var.identity_provider_secrets[each.key]
  validate_signature = true
  # Only what is needed to recognise the person; the personal identity number stays at the broker.
  default_scopes = "openid profile"
  sync_mode      = "IMPORT"
  trust_email    = false
}
