variable "region" {
  description = "AWS region."
  type        = string
  default     = "eu-west-1"
}

variable "bucket_prefix" {
  description = "Organisation prefix for globally unique bucket names."
  type        = string
}

variable "domain_name" {
  description = "Public host name."
  type        = string
}

variable "route53_zone_id" {
  description = "Hosted zone of domain_name."
  type        = string
}

variable "certificate_arn" {
  description = "ACM certificate for domain_name in the same region."
  type        = string
}

variable "image_tag" {
  description = "Image tag to deploy."
  type        = string
}

variable "github_repository" {
  description = "owner/name of the repository that deploys."
  type        = string
}

variable "alarm_emails" {
  description = "Addresses that receive alarms."
  type        = list(string)
  default     = []
}
