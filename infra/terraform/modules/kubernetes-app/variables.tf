variable "namespace" {
  description = "Namespace for the API, the workers and the migration job (created here)."
  type        = string
}

variable "environment" {
  description = "staging or production: a label, and NODE_ENV=production either way."
  type        = string
}

variable "image" {
  description = "The Mötesplats image (repository:tag or @digest). One image runs the API, the workers and the migrations."
  type        = string
}

variable "host" {
  description = "Public host name (e.g. motesplats.fyrbodal.se)."
  type        = string
}

variable "ingress_class_name" {
  description = "Ingress class of the cluster's ingress controller."
  type        = string
  default     = "nginx"
}

variable "cert_manager_cluster_issuer" {
  description = "cert-manager ClusterIssuer that issues the TLS certificate for host."
  type        = string
  default     = "letsencrypt"
}

variable "ingress_controller_namespace" {
  description = "Namespace of the ingress controller: the only place HTTP traffic may come from."
  type        = string
  default     = "ingress-nginx"
}

variable "monitoring_namespace" {
  description = "Namespace of Prometheus, which may scrape /metrics."
  type        = string
  default     = "monitoring"
}

variable "egress_cidrs" {
  description = "Where the pods may connect besides DNS: the managed PostgreSQL and Redis, Keycloak, SMTP, Jitsi/Zoom, the OTLP collector. Empty list = anywhere (not recommended in production)."
  type        = list(string)
  default     = []
}

variable "keycloak" {
  description = "Keycloak the API verifies tokens against (see modules/keycloak-realm)."
  type = object({
    url       = string
    realm     = string
    client_id = string
  })
}

variable "postgres" {
  description = "The managed PostgreSQL: host, port, database and the two roles (the owner runs migrations; the API role owns nothing and has no BYPASSRLS). Passwords are separate variables."
  type = object({
    host     = string
    port     = optional(number, 5432)
    database = string
    owner    = string
    app_role = string
    sslmode  = optional(string, "verify-full")
  })
}

variable "postgres_owner_password" {
  description = "Password of the owner role: only the migration job gets it."
  type        = string
  sensitive   = true
}

variable "postgres_app_password" {
  description = "Password of the API role."
  type        = string
  sensitive   = true
}

variable "redis" {
  description = "The managed Redis: host, port, TLS. With cluster = true, use a hash-tagged queue_prefix (the default is)."
  type = object({
    host    = string
    port    = optional(number, 6379)
    tls     = optional(bool, true)
    cluster = optional(bool, false)
  })
}

variable "redis_password" {
  description = "Redis AUTH password."
  type        = string
  sensitive   = true
}

variable "smtp" {
  description = "Mail relay for join links and reminders (the password is separate)."
  type = object({
    host      = string
    port      = optional(number, 587)
    user      = string
    mail_from = string
  })
}

variable "smtp_password" {
  description = "SMTP password."
  type        = string
  sensitive   = true
}

variable "jitsi" {
  description = "The Jitsi Meet server and its token settings (the secret is separate)."
  type = object({
    domain   = string
    app_id   = string
    audience = optional(string, "jitsi")
  })
}

variable "jitsi_app_secret" {
  description = "Jitsi Meet token secret."
  type        = string
  sensitive   = true
}

variable "link_token_secret" {
  description = "Derives the tokens of e-mailed join links (LINK_TOKEN_SECRET); every API and worker pod shares it. Rotating it retires links not yet sent."
  type        = string
  sensitive   = true
}

variable "zoom" {
  description = "A Zoom Server-to-Server OAuth app; null leaves Zoom off."
  type = object({
    account_id     = string
    client_id      = string
    user_id        = optional(string, "me")
    data_residency = optional(string, "EU")
  })
  default = null
}

variable "zoom_client_secret" {
  description = "The Zoom app's client secret; \"\" when zoom is null."
  type        = string
  sensitive   = true
}

variable "queue_prefix" {
  description = "Redis key prefix of queues and rate limits. Keep the {hash tag}: on a Redis Cluster every key of a queue must land in one slot."
  type        = string
  default     = "{motesplats}"
  validation {
    condition     = can(regex("\\{[^{}]+\\}", var.queue_prefix))
    error_message = "queue_prefix must contain a Redis Cluster hash tag, e.g. {motesplats}."
  }
}

variable "api" {
  description = "API pods: replicas (HPA bounds), CPU target and resources."
  type = object({
    min_replicas      = optional(number, 2)
    max_replicas      = optional(number, 6)
    cpu_target        = optional(number, 70)
    cpu_request       = optional(string, "250m")
    memory_request    = optional(string, "384Mi")
    memory_limit      = optional(string, "768Mi")
    db_pool_size      = optional(number, 10)
  })
  default = {}
}

variable "worker" {
  description = "Worker pods (job queues): replicas (HPA bounds), CPU target and resources."
  type = object({
    min_replicas   = optional(number, 2)
    max_replicas   = optional(number, 4)
    cpu_target     = optional(number, 70)
    cpu_request    = optional(string, "100m")
    memory_request = optional(string, "256Mi")
    memory_limit   = optional(string, "512Mi")
    db_pool_size   = optional(number, 5)
  })
  default = {}
}

variable "log_level" {
  description = "LOG_LEVEL (fatal, error, warn, log, debug, verbose)."
  type        = string
  default     = "log"
}

variable "otel_exporter_otlp_endpoint" {
  description = "OTLP/HTTP collector for traces (e.g. http://otel-collector.monitoring:4318); \"\" exports none."
  type        = string
  default     = ""
}
