variable "name" {
  description = "Prefix for resource names, e.g. lyceum-staging."
  type        = string
}

variable "environment" {
  description = "staging or production."
  type        = string
}

variable "region" {
  description = "AWS region."
  type        = string
}

variable "bucket_prefix" {
  description = "Organisation prefix that makes bucket names globally unique, e.g. acme."
  type        = string
}

variable "domain_name" {
  description = "Public host name of the site."
  type        = string
}

variable "route53_zone_id" {
  description = "Hosted zone of domain_name."
  type        = string
}

variable "certificate_arn" {
  description = "ACM certificate for domain_name."
  type        = string
}

variable "image_tag" {
  description = "Image tag to run (the release workflow passes the commit SHA)."
  type        = string
}

variable "github_repository" {
  description = "owner/name allowed to deploy through OIDC."
  type        = string
}

variable "single_nat_gateway" {
  description = "One NAT gateway instead of one per zone."
  type        = bool
}

variable "multi_az" {
  description = "RDS standby in a second zone."
  type        = bool
}

variable "database_instance_class" {
  description = "RDS instance class."
  type        = string
}

variable "min_tasks" {
  description = "Fewest server tasks."
  type        = number
}

variable "max_tasks" {
  description = "Most server tasks."
  type        = number
}

variable "enable_eks" {
  description = "Also create an EKS cluster (modules/eks) for deploy/k8s."
  type        = bool
  default     = false
}

variable "alarm_emails" {
  description = "Addresses that receive alarms."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}
