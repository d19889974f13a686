output "database_url_secret_arn" {
  description = "Secret with the PostgreSQL URL the application reads as LYCEUM_DATABASE_URL."
  value       = aws_secretsmanager_secret.database_url.arn
}

output "jwt_secret_arn" {
  description = "Secret with the signing key the application reads as LYCEUM_JWT_SECRET."
  value       = aws_secretsmanager_secret.jwt.arn
}

output "database_identifier" {
  description = "RDS instance identifier, for alarms."
  value       = aws_db_instance.main.identifier
}

output "database_address" {
  description = "RDS host name."
  value       = aws_db_instance.main.address
}

output "redis_primary_endpoint" {
  description = "ElastiCache primary endpoint (TLS, auth token in Secrets Manager)."
  value       = aws_elasticache_replication_group.main.primary_endpoint_address
}

output "redis_auth_token_secret_arn" {
  description = "Secret with the ElastiCache auth token."
  value       = aws_secretsmanager_secret.redis.arn
}
