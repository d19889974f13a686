output "repository_url" {
  description = "Where CI pushes images."
  value       = aws_ecr_repository.lyceum.repository_url
}

output "deploy_role_arn" {
  description = "Role GitHub Actions assumes to push and deploy."
  value       = aws_iam_role.deploy.arn
}

output "terraform_role_arn" {
  description = "Role GitHub Actions assumes for terraform plan and apply."
  value       = aws_iam_role.terraform.arn
}
