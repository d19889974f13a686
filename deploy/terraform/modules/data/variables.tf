variable "name" {
  description = "Prefix for every resource name, e.g. lyceum-staging."
  type        = string
}

variable "vpc_id" {
  description = "The VPC from the network module."
  type        = string
}

variable "data_subnet_ids" {
  description = "Subnets without internet routes for RDS and ElastiCache."
  type        = list(string)
}

variable "app_security_group_id" {
  description = "The tasks' security group, the only one admitted to the databases."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key for storage, Performance Insights and secrets."
  type        = string
}

variable "database_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.medium"
}

variable "database_storage_gb" {
  description = "Initial storage; autoscaling may grow it to four times this."
  type        = number
  default     = 50
}

variable "multi_az" {
  description = "A standby in a second zone (production)."
  type        = bool
  default     = true
}

variable "redis_node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.t4g.small"
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
