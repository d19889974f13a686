output "site_url" {
  description = "Where users reach Lyceum."
  value       = "https://${var.domain_name}"
}

output "load_balancer_dns_name" {
  description = "The load balancer, for checks before DNS propagates."
  value       = module.compute.load_balancer_dns_name
}

output "ecr_repository_url" {
  description = "Where CI pushes images."
  value       = module.registry.repository_url
}

output "deploy_role_arn" {
  description = "GitHub Actions role for pushing and deploying."
  value       = module.registry.deploy_role_arn
}

output "terraform_role_arn" {
  description = "GitHub Actions role for terraform plan and apply."
  value       = module.registry.terraform_role_arn
}

output "ecs_cluster_name" {
  description = "ECS cluster."
  value       = module.compute.cluster_name
}

output "ecs_service_name" {
  description = "ECS service of the server."
  value       = module.compute.service_name
}

output "database_address" {
  description = "RDS host (reachable only from the tasks)."
  value       = module.data.database_address
}

output "media_bucket_name" {
  description = "Media bucket."
  value       = module.storage.media_bucket_name
}

output "alarm_topic_arn" {
  description = "SNS topic for alarms; subscribe on-call tools to it."
  value       = module.observability.alarm_topic_arn
}
