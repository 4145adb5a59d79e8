terraform {
  required_version = ">= 1.6"
  required_providers {
    keycloak = {
      source  = "keycloak/keycloak"
      version = "~> 5.4"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.38"
    }
  }
  # State holds the secrets passed in: keep it in an encrypted S3-compatible bucket in Sweden
  # (bucket, key, endpoint and credentials via `terraform init -backend-config=...`).
  backend "s3" {}
}

provider "kubernetes" {
  config_path    = var.kubeconfig_path
  config_context = var.kube_context
}

# A confidential client with the realm-admin role in the master realm, used only by Terraform.
provider "keycloak" {
  url           = var.keycloak_url
  realm         = "master"
  client_id     = var.keycloak_terraform_client_id
  client_secret = var.keycloak_terraform_client_secret
}
