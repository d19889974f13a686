output "load_balancer_dns_name" {
  description = "The load balancer's DNS name."
  value       = aws_lb.main.dns_name
}

output "load_balancer_arn_suffix" {
  description = "For CloudWatch metrics of the load balancer."
  value       = aws_lb.main.arn_suffix
}

output "target_group_arn_suffix" {
  description = "For CloudWatch metrics of the target group."
  value       = aws_lb_target_group.app.arn_suffix
}

output "cluster_name" {
  description = "ECS cluster."
  value       = aws_ecs_cluster.main.name
}

output "service_name" {
  description = "ECS service of the server role."
  value       = aws_ecs_service.server.name
}

output "task_security_group_id" {
  description = "Security group of the tasks; the data module admits it."
  value       = aws_security_group.tasks.id
}

output "task_role_arn" {
  description = "Role the application runs as."
  value       = aws_iam_role.task.arn
}

output "execution_role_arn" {
  description = "Role ECS uses to pull the image and read secrets."
  value       = aws_iam_role.execution.arn
}
