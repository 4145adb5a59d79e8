resource "kubernetes_ingress_v1" "api" {
  metadata {
    name      = "motesplats"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
    labels    = local.labels
    annotations = {
      "cert-manager.io/cluster-issuer"              = var.cert_manager_cluster_issuer
      "nginx.ingress.kubernetes.io/ssl-redirect"    = "true"
      "nginx.ingress.kubernetes.io/proxy-body-size" = "2m"
    }
  }

  spec {
    ingress_class_name = var.ingress_class_name

    tls {
      hosts       = [var.host]
      secret_name = "motesplats-tls"
    }

    rule {
      host = var.host
      http {
        dynamic "path" {
          for_each = local.public_paths
          content {
            path      = path.value
            path_type = "Prefix"
            backend {
              service {
                name = kubernetes_service_v1.this["api"].metadata[0].name
                port {
                  name = "http"
                }
              }
            }
          }
        }
        # "/" redirects to the admin.
        path {
          path      = "/"
          path_type = "Exact"
          backend {
            service {
              name = kubernetes_service_v1.this["api"].metadata[0].name
              port {
                name = "http"
              }
            }
          }
        }
      }
    }
  }
}
