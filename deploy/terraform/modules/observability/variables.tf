variable "name" {
  description = "Prefix for alarm, topic and dashboard names."
  type        = string
}

variable "region" {
  description = "Region shown in the dashboard."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key that encrypts the alarm topic."
  type        = string
}

variable "alarm_emails" {
  description = "Addresses subscribed to alarms."
  type        = list(string)
  default     = []
}

variable "load_balancer_arn_suffix" {
  description = "From the compute module."
  type        = string
}

variable "target_group_arn_suffix" {
  description = "From the compute module."
  type        = string
}

variable "cluster_name" {
  description = "From the compute module."
  type        = string
}

variable "service_name" {
  description = "From the compute module."
  type        = string
}

variable "database_identifier" {
  description = "From the data module."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
