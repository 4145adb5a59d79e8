variable "image" {
  description = "The image to deploy, by digest (registry/motesplats@sha256:...): what was tested is what runs."
  type        = string
}

variable "kubeconfig_path" {
  type    = string
  default = "~/.kube/config"
}

variable "kube_context" {
  description = "The kubeconfig context of this environment's cluster."
  type        = string
}

variable "keycloak_url" {
  description = "Keycloak's public URL (no /realms/...)."
  type        = string
}

variable "keycloak_terraform_client_id" {
  type    = string
  default = "terraform"
}

# Secrets: no defaults. Pass them as TF_VAR_* from the secret store (see docs/operations.md).
variable "keycloak_terraform_client_secret" {
  type      = string
  sensitive = true
}

variable "identity_provider_secrets" {
  description = "OIDC client secrets of municipal IdPs and e-ID brokers, by alias ({} when none)."
  type        = map(string)
  sensitive   = true
}

variable "postgres_owner_password" {
  type      = string
  sensitive = true
}

variable "postgres_app_password" {
  type      = string
  sensitive = true
}

variable "redis_password" {
  type      = string
  sensitive = true
}

variable "smtp_password" {
  type      = string
  sensitive = true
}

variable "jitsi_app_secret" {
  type      = string
  sensitive = true
}

variable "link_token_secret" {
  type      = string
  sensitive = true
}

variable "zoom_client_secret" {
  description = "\"\" while Zoom is not configured."
  type        = string
  sensitive   = true
}
