output "cluster_name" {
  description = "EKS cluster."
  value       = aws_eks_cluster.main.name
}

output "cluster_endpoint" {
  description = "Private API endpoint."
  value       = aws_eks_cluster.main.endpoint
}

output "oidc_provider_arn" {
  description = "For IAM roles that Kubernetes service accounts assume."
  value       = aws_iam_openid_connect_provider.cluster.arn
}
