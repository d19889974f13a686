data "aws_elb_service_account" "main" {}

locals {
  buckets = {
    media   = "${var.name}-media"
    backups = "${var.name}-backups"
    logs    = "${var.name}-access-logs"
  }
}

resource "aws_s3_bucket" "this" {
  #checkov:skip=CKV2_AWS_62:Nothing consumes bucket events yet; media processing arrives with the media issue.
  #checkov:skip=CKV_AWS_144:Cross-region replication is a disaster-recovery and cost decision per installation; versioning and backups cover accidental deletion.
  for_each      = local.buckets
  bucket        = each.value
  force_destroy = false
  tags          = merge(var.tags, { Purpose = each.key })
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each                = aws_s3_bucket.this
  bucket                  = each.value.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}

# Media and backups use the KMS key; load balancer access logs only support SSE-S3.
resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = each.key == "logs" ? "AES256" : "aws:kms"
      kms_master_key_id = each.key == "logs" ? null : var.kms_key_arn
    }
    bucket_key_enabled = each.key != "logs"
  }
}

resource "aws_s3_bucket_logging" "this" {
  for_each      = { for key, bucket in aws_s3_bucket.this : key => bucket if key != "logs" }
  bucket        = each.value.id
  target_bucket = aws_s3_bucket.this["logs"].id
  target_prefix = "s3/${each.key}/"
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  rule {
    id     = "expire-noncurrent"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days = 30
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
  dynamic "rule" {
    for_each = each.key == "media" ? [1] : []
    content {
      id     = "older-media-to-infrequent-access"
      status = "Enabled"
      filter {
        prefix = "media/"
      }
      transition {
        days          = 90
        storage_class = "STANDARD_IA"
      }
    }
  }
  dynamic "rule" {
    for_each = each.key == "logs" ? [1] : []
    content {
      id     = "expire-logs"
      status = "Enabled"
      filter {}
      expiration {
        days = var.log_retention_days
      }
    }
  }
}

resource "aws_s3_bucket_cors_configuration" "media" {
  bucket = aws_s3_bucket.this["media"].id
  cors_rule {
    allowed_methods = ["GET", "PUT", "HEAD"]
    allowed_origins = var.cors_allowed_origins
    allowed_headers = ["*"]
    expose_headers  = ["ETag"]
    max_age_seconds = 3600
  }
}

data "aws_iam_policy_document" "bucket" {
  for_each = aws_s3_bucket.this
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [each.value.arn, "${each.value.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
  dynamic "statement" {
    for_each = each.key == "logs" ? [1] : []
    content {
      sid       = "LoadBalancerAccessLogs"
      actions   = ["s3:PutObject"]
      resources = ["${each.value.arn}/alb/*"]
      principals {
        type        = "AWS"
        identifiers = [data.aws_elb_service_account.main.arn]
      }
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  for_each   = aws_s3_bucket.this
  bucket     = each.value.id
  policy     = data.aws_iam_policy_document.bucket[each.key].json
  depends_on = [aws_s3_bucket_public_access_block.this]
}
