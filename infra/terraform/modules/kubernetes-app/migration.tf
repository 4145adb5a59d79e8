# Migrations run once per image, before the deployments roll: the job's name carries a hash
# of the image, Terraform waits for it to finish, and the deployments depend on it. A failed
# migration stops the apply with the old pods still serving.
resource "kubernetes_job_v1" "migrate" {
  metadata {
    name      = "motesplats-migrate-${substr(sha256(var.image), 0, 10)}"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
    labels    = merge(local.labels, { "app.kubernetes.io/component" = "migrate" })
  }

  spec {
    backoff_limit              = 2
    ttl_seconds_after_finished = 86400

    template {
      metadata {
        labels = merge(local.labels, { "app.kubernetes.io/component" = "migrate" })
      }
      spec {
        restart_policy                  = "Never"
        service_account_name            = kubernetes_service_account_v1.this.metadata[0].name
        automount_service_account_token = false

        security_context {
          run_as_non_root = true
          run_as_user     = 10001
          run_as_group    = 10001
          seccomp_profile {
            type = "RuntimeDefault"
          }
        }

        container {
          name    = "migrate"
          image   = var.image
          command = ["node", "apps/api/dist/migrate.js"]

          env_from {
            secret_ref {
              name = kubernetes_secret_v1.migrate.metadata[0].name
            }
          }
          env {
            name  = "APP_DB_ROLE"
            value = var.postgres.app_role
          }

          resources {
            requests = { cpu = "100m", memory = "256Mi" }
            limits   = { memory = "512Mi" }
          }

          security_context {
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
            capabilities {
              drop = ["ALL"]
            }
          }
        }
      }
    }
  }

  wait_for_completion = true
  timeouts {
    create = "10m"
  }
}
