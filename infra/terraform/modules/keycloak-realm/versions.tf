terraform {
  required_version = ">= 1.6"
  required_providers {
    keycloak = {
      # The provider Keycloak's own project maintains (formerly mrparkers/keycloak); 5.x knows
      # Organizations (Keycloak 26+).
      source  = "keycloak/keycloak"
      version = "~> 5.4"
    }
  }
}
