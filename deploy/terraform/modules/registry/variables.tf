variable "name" {
  description = "Prefix for role names, e.g. lyceum-production."
  type        = string
}

variable "repository_name" {
  description = "ECR repository name."
  type        = string
  default     = "lyceum"
}

variable "github_repository" {
  description = "owner/name of the GitHub repository allowed to deploy."
  type        = string
}

variable "ecs_role_arns" {
  description = "Task and execution roles the deploy role may pass to ECS."
  type        = list(string)
}

variable "kms_key_arn" {
  description = "KMS key that encrypts images."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
