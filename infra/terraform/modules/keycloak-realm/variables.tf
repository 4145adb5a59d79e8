variable "realm_name" {
  description = "The association's realm. Its issuer (<keycloak>/realms/<realm_name>) is what the API's KEYCLOAK_REALM names."
  type        = string
  default     = "motesplats"
}

variable "display_name" {
  description = "Shown on Keycloak's sign-in page."
  type        = string
  default     = "Mötesplats – Fyrbodals kommunalförbund"
}

variable "admin_client_id" {
  description = "The admin SPA's client: the API's KEYCLOAK_CLIENT_ID, and the audience the API requires in every token."
  type        = string
  default     = "motesplats-admin"
}

variable "admin_urls" {
  description = "Where the admin is served (e.g. https://motesplats.fyrbodal.se). Redirect URIs are <url>/admin/*; web origins are the URLs themselves."
  type        = list(string)
}

variable "municipality_identity_providers" {
  description = <<-EOT
    A municipality's own sign-in (its Entra ID over OIDC, or any SAML IdP), keyed by the
    identity provider's alias. `organization` is the municipality's alias: the IdP is linked
    to that Organization, so staff of that municipality are routed to it by e-mail domain and
    land in the right organization. Client secrets are passed separately (identity_provider_secrets).
  EOT
  type = map(object({
    organization = string
    display_name = string
    kind         = string # "oidc" or "saml"
    # oidc
    authorization_url = optional(string)
    token_url         = optional(string)
    jwks_url          = optional(string)
    issuer            = optional(string)
    client_id         = optional(string)
    # saml
    entity_id                  = optional(string)
    single_sign_on_service_url = optional(string)
    signing_certificate        = optional(string)
  }))
  default = {}
  validation {
    condition     = alltrue([for idp in values(var.municipality_identity_providers) : contains(["oidc", "saml"], idp.kind)])
    error_message = "kind must be \"oidc\" or \"saml\"."
  }
}

variable "eid_brokers" {
  description = <<-EOT
    Swedish e-ID brokers (BankID / Freja eID through an OIDC broker such as a Sweden Connect
    or commercial e-ID gateway), keyed by alias. Realm-wide: any organization's staff may use
    them; the broker's personal identity number is never mapped into Mötesplats tokens.
  EOT
  type = map(object({
    display_name      = string
    authorization_url = string
    token_url         = string
    jwks_url          = string
    issuer            = string
    client_id         = string
  }))
  default = {}
}

variable "identity_provider_secrets" {
  description = "OIDC client secrets of the identity providers and e-ID brokers above, keyed by alias. {} when there are none."
  type        = map(string)
  sensitive   = true
}
