variable "name" {
  description = "Prefix for every resource name, e.g. lyceum-staging."
  type        = string
}

variable "region" {
  description = "AWS region, for the log driver and the task role's KMS condition."
  type        = string
}

variable "vpc_id" {
  description = "The VPC from the network module."
  type        = string
}

variable "vpc_cidr_block" {
  description = "The VPC's address range; tasks may reach PostgreSQL and Redis inside it."
  type        = string
}

variable "public_subnet_ids" {
  description = "Subnets for the load balancer."
  type        = list(string)
}

variable "private_subnet_ids" {
  description = "Subnets for the tasks."
  type        = list(string)
}

variable "image" {
  description = "Container image, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/lyceum:1.2.3."
  type        = string
}

variable "task_cpu" {
  description = "Fargate CPU units per task."
  type        = number
  default     = 512
}

variable "task_memory" {
  description = "Fargate memory (MiB) per task."
  type        = number
  default     = 1024
}

variable "min_tasks" {
  description = "Fewest tasks; the autoscaler never goes below."
  type        = number
  default     = 2
}

variable "max_tasks" {
  description = "Most tasks the autoscaler may run."
  type        = number
  default     = 10
}

variable "database_pool_size" {
  description = "LYCEUM_DATABASE_POOL_SIZE; keep max_tasks x (pool + 3 LISTEN connections) below the database's max_connections."
  type        = number
  default     = 10
}

variable "drain_seconds" {
  description = "LYCEUM_SHUTDOWN_DRAIN_SECONDS: readiness answers 503 this long after SIGTERM."
  type        = number
  default     = 10
}

variable "log_level" {
  description = "LYCEUM_LOG_LEVEL."
  type        = string
  default     = "info"
}

variable "domain_name" {
  description = "Public host name, e.g. learn.example.org."
  type        = string
}

variable "route53_zone_id" {
  description = "Hosted zone that holds domain_name."
  type        = string
}

variable "certificate_arn" {
  description = "ACM certificate for domain_name."
  type        = string
}

variable "database_url_secret_arn" {
  description = "Secrets Manager secret holding the PostgreSQL URL."
  type        = string
}

variable "jwt_secret_arn" {
  description = "Secrets Manager secret holding the access-token signing key."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key for logs and secrets."
  type        = string
}

variable "media_bucket_arn" {
  description = "Bucket the tasks may use under media/."
  type        = string
}

variable "access_log_bucket" {
  description = "Bucket for load balancer access logs."
  type        = string
}

variable "rate_limit_per_5_minutes" {
  description = "Requests per client IP per five minutes before WAF blocks it."
  type        = number
  default     = 2000
}

variable "log_retention_days" {
  description = "How long application and WAF logs are kept."
  type        = number
  default     = 365
}

variable "deletion_protection" {
  description = "Protect the load balancer from deletion."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
