# Default deny in the namespace; then: the ingress controller may reach the API, Prometheus
# may reach both on their ports, and the pods may reach DNS and the listed services.
resource "kubernetes_network_policy_v1" "default_deny" {
  metadata {
    name      = "default-deny"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
  }
  spec {
    pod_selector {}
    policy_types = ["Ingress", "Egress"]
  }
}

resource "kubernetes_network_policy_v1" "api_ingress" {
  metadata {
    name      = "motesplats-api-ingress"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
  }
  spec {
    pod_selector {
      match_labels = { "app.kubernetes.io/component" = "api" }
    }
    policy_types = ["Ingress"]
    ingress {
      from {
        namespace_selector {
          match_labels = { "kubernetes.io/metadata.name" = var.ingress_controller_namespace }
        }
      }
      ports {
        port     = "3000"
        protocol = "TCP"
      }
    }
  }
}

resource "kubernetes_network_policy_v1" "metrics" {
  metadata {
    name      = "motesplats-metrics"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
  }
  spec {
    pod_selector {
      match_labels = { "app.kubernetes.io/name" = "motesplats" }
    }
    policy_types = ["Ingress"]
    ingress {
      from {
        namespace_selector {
          match_labels = { "kubernetes.io/metadata.name" = var.monitoring_namespace }
        }
      }
      ports {
        port     = "3000"
        protocol = "TCP"
      }
      ports {
        port     = "3100"
        protocol = "TCP"
      }
    }
  }
}

resource "kubernetes_network_policy_v1" "egress" {
  metadata {
    name      = "motesplats-egress"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
  }
  spec {
    pod_selector {
      match_labels = { "app.kubernetes.io/name" = "motesplats" }
    }
    policy_types = ["Egress"]
    egress {
      to {
        namespace_selector {
          match_labels = { "kubernetes.io/metadata.name" = "kube-system" }
        }
        pod_selector {
          match_labels = { "k8s-app" = "kube-dns" }
        }
      }
      ports {
        port     = "53"
        protocol = "UDP"
      }
      ports {
        port     = "53"
        protocol = "TCP"
      }
    }
    egress {
      dynamic "to" {
        for_each = length(var.egress_cidrs) > 0 ? var.egress_cidrs : ["0.0.0.0/0"]
        content {
          ip_block {
            cidr = to.value
          }
        }
      }
    }
  }
}
