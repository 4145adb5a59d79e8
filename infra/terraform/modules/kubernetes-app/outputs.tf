output "namespace" {
  value = kubernetes_namespace_v1.this.metadata[0].name
}

output "url" {
  value = "https://${var.host}"
}

output "migration_job" {
  description = "The job that migrated the schema for this image."
  value       = kubernetes_job_v1.migrate.metadata[0].name
}
