terraform {
  required_version = ">= 1.10"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
    tls = {
      source  = "hashicorp/tls"
      version = "~> 4.0"
    }
  }
  # State in S3 with S3-native locking (Terraform 1.10+). Bucket and key come from backend.hcl:
  # terraform init -backend-config=backend.hcl
  backend "s3" {
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = var.region
}

module "lyceum" {
  source                  = "../../stack"
  name                    = "lyceum-staging"
  environment             = "staging"
  region                  = var.region
  bucket_prefix           = var.bucket_prefix
  domain_name             = var.domain_name
  route53_zone_id         = var.route53_zone_id
  certificate_arn         = var.certificate_arn
  image_tag               = var.image_tag
  github_repository       = var.github_repository
  alarm_emails            = var.alarm_emails
  single_nat_gateway      = true
  multi_az                = false
  database_instance_class = "db.t4g.small"
  min_tasks               = 2
  max_tasks               = 4
}
