output "realm" {
  description = "KEYCLOAK_REALM for the API."
  value       = keycloak_realm.this.realm
}

output "admin_client_id" {
  description = "KEYCLOAK_CLIENT_ID for the API and the admin."
  value       = keycloak_openid_client.admin.client_id
}

output "organization_aliases" {
  description = "Aliases the API resolves to a municipality or the association."
  value       = sort(keys(keycloak_organization.this))
}
