resource "kubernetes_deployment_v1" "this" {
  for_each   = local.workloads
  depends_on = [kubernetes_job_v1.migrate]

  metadata {
    name      = "motesplats-${each.key}"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
    labels    = merge(local.labels, { "app.kubernetes.io/component" = each.key })
  }

  spec {
    # The HPA owns the replica count after the first apply.
    replicas = each.value.settings.min_replicas

    selector {
      match_labels = {
        "app.kubernetes.io/name"      = "motesplats"
        "app.kubernetes.io/component" = each.key
      }
    }

    strategy {
      type = "RollingUpdate"
      rolling_update {
        max_unavailable = "0"
        max_surge       = "1"
      }
    }

    template {
      metadata {
        labels = merge(local.labels, { "app.kubernetes.io/component" = each.key })
        annotations = {
          "motesplats.se/config-checksum" = local.config_checksum
          "prometheus.io/scrape"          = "true"
          "prometheus.io/port"            = tostring(each.value.port)
          "prometheus.io/path"            = "/metrics"
        }
      }

      spec {
        service_account_name             = kubernetes_service_account_v1.this.metadata[0].name
        automount_service_account_token  = false
        # In-flight GraphQL requests and jobs finish: main.ts/worker.ts close gracefully on SIGTERM.
        termination_grace_period_seconds = 45

        security_context {
          run_as_non_root = true
          run_as_user     = 10001
          run_as_group    = 10001
          fs_group        = 10001
          seccomp_profile {
            type = "RuntimeDefault"
          }
        }

        # Spread over zones so one zone going down leaves replicas serving.
        topology_spread_constraint {
          max_skew           = 1
          topology_key       = "topology.kubernetes.io/zone"
          when_unsatisfiable = "ScheduleAnyway"
          label_selector {
            match_labels = {
              "app.kubernetes.io/name"      = "motesplats"
              "app.kubernetes.io/component" = each.key
            }
          }
        }

        container {
          name    = each.key
          image   = var.image
          command = each.value.command

          port {
            name           = "http"
            container_port = each.value.port
          }

          env_from {
            config_map_ref {
              name = kubernetes_config_map_v1.env.metadata[0].name
            }
          }
          env_from {
            secret_ref {
              name = kubernetes_secret_v1.runtime.metadata[0].name
            }
          }
          dynamic "env" {
            for_each = merge(each.value.env, { DB_POOL_SIZE = tostring(each.value.settings.db_pool_size) })
            content {
              name  = env.key
              value = env.value
            }
          }

          startup_probe {
            http_get {
              path = "/health/live"
              port = "http"
            }
            period_seconds    = 2
            failure_threshold = 30
          }
          liveness_probe {
            http_get {
              path = "/health/live"
              port = "http"
            }
            period_seconds    = 10
            failure_threshold = 3
          }
          readiness_probe {
            http_get {
              path = "/health"
              port = "http"
            }
            period_seconds    = 5
            failure_threshold = 2
          }

          resources {
            requests = {
              cpu    = each.value.settings.cpu_request
              memory = each.value.settings.memory_request
            }
            limits = {
              memory = each.value.settings.memory_limit
            }
          }

          security_context {
            allow_privilege_escalation = false
            read_only_root_filesystem  = true
            capabilities {
              drop = ["ALL"]
            }
          }

          # DATA_DIR (dev keys, the outbox) is unused in production but must be writable.
          volume_mount {
            name       = "tmp"
            mount_path = "/tmp"
          }
        }

        volume {
          name = "tmp"
          empty_dir {
            size_limit = "64Mi"
          }
        }
      }
    }
  }

  lifecycle {
    ignore_changes = [spec[0].replicas]
  }
}

resource "kubernetes_service_v1" "this" {
  for_each = local.workloads

  metadata {
    name      = "motesplats-${each.key}"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
    labels    = merge(local.labels, { "app.kubernetes.io/component" = each.key })
  }
  spec {
    selector = {
      "app.kubernetes.io/name"      = "motesplats"
      "app.kubernetes.io/component" = each.key
    }
    port {
      name        = "http"
      port        = each.value.port
      target_port = "http"
    }
  }
}

resource "kubernetes_horizontal_pod_autoscaler_v2" "this" {
  for_each = local.workloads

  metadata {
    name      = "motesplats-${each.key}"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
    labels    = local.labels
  }
  spec {
    min_replicas = each.value.settings.min_replicas
    max_replicas = each.value.settings.max_replicas
    scale_target_ref {
      api_version = "apps/v1"
      kind        = "Deployment"
      name        = kubernetes_deployment_v1.this[each.key].metadata[0].name
    }
    metric {
      type = "Resource"
      resource {
        name = "cpu"
        target {
          type                = "Utilization"
          average_utilization = each.value.settings.cpu_target
        }
      }
    }
    behavior {
      # Meetings start on the hour: scale up at once, scale down slowly.
      scale_down {
        stabilization_window_seconds = 600
        select_policy                = "Max"
        policy {
          type           = "Pods"
          value          = 1
          period_seconds = 120
        }
      }
    }
  }
}

resource "kubernetes_pod_disruption_budget_v1" "this" {
  for_each = local.workloads

  metadata {
    name      = "motesplats-${each.key}"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
    labels    = local.labels
  }
  spec {
    min_available = 1
    selector {
      match_labels = {
        "app.kubernetes.io/name"      = "motesplats"
        "app.kubernetes.io/component" = each.key
      }
    }
  }
}
