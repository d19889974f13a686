variable "name" {
  description = "Prefix for bucket names (globally unique), e.g. acme-lyceum-staging."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key for media and backups."
  type        = string
}

variable "cors_allowed_origins" {
  description = "Origins allowed to upload to the media bucket with presigned URLs."
  type        = list(string)
}

variable "log_retention_days" {
  description = "How long access logs are kept."
  type        = number
  default     = 90
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
