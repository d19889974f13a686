output "media_bucket_arn" {
  description = "Media bucket (the application uses the media/ prefix)."
  value       = aws_s3_bucket.this["media"].arn
}

output "media_bucket_name" {
  description = "Media bucket name."
  value       = aws_s3_bucket.this["media"].id
}

output "backups_bucket_name" {
  description = "Bucket for database exports and other backups."
  value       = aws_s3_bucket.this["backups"].id
}

output "access_log_bucket_name" {
  description = "Bucket for load balancer and S3 access logs."
  value       = aws_s3_bucket.this["logs"].id
}
