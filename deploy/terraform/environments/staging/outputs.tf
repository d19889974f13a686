output "site_url" {
  description = "Where users reach Lyceum."
  value       = module.lyceum.site_url
}

output "load_balancer_dns_name" {
  description = "The load balancer."
  value       = module.lyceum.load_balancer_dns_name
}

output "ecr_repository_url" {
  description = "Where CI pushes images."
  value       = module.lyceum.ecr_repository_url
}

output "deploy_role_arn" {
  description = "Role for the deploy steps of the release workflow."
  value       = module.lyceum.deploy_role_arn
}

output "terraform_role_arn" {
  description = "Role for terraform plan and apply in the release workflow."
  value       = module.lyceum.terraform_role_arn
}

output "ecs_cluster_name" {
  description = "ECS cluster."
  value       = module.lyceum.ecs_cluster_name
}

output "ecs_service_name" {
  description = "ECS service."
  value       = module.lyceum.ecs_service_name
}

output "alarm_topic_arn" {
  description = "SNS topic for alarms."
  value       = module.lyceum.alarm_topic_arn
}
