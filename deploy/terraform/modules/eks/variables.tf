variable "name" {
  description = "Cluster name, e.g. lyceum-production."
  type        = string
}

variable "kubernetes_version" {
  description = "EKS version; deploy/k8s needs 1.30 or later (preStop sleep)."
  type        = string
  default     = "1.31"
}

variable "private_subnet_ids" {
  description = "Subnets for the control plane interfaces and the nodes."
  type        = list(string)
}

variable "kms_key_arn" {
  description = "KMS key that encrypts Kubernetes secrets."
  type        = string
}

variable "instance_types" {
  description = "Node instance types."
  type        = list(string)
  default     = ["m7i.large"]
}

variable "min_nodes" {
  description = "Fewest nodes."
  type        = number
  default     = 2
}

variable "max_nodes" {
  description = "Most nodes."
  type        = number
  default     = 6
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
