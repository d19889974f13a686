data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "kms" {
  #checkov:skip=CKV_AWS_111:In a key policy, resource "*" means this key only; the account root statement is the AWS default that lets IAM policies grant access.
  #checkov:skip=CKV_AWS_356:In a key policy, resource "*" means this key only.
  #checkov:skip=CKV_AWS_109:In a key policy, resource "*" means this key only; administration stays with the account.
  statement {
    sid       = "AccountAdministers"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
  statement {
    sid       = "CloudWatchLogs"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["logs.${var.region}.amazonaws.com"]
    }
  }
}

resource "aws_kms_key" "main" {
  description             = "${var.name}: databases, secrets, logs, buckets, images"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.kms.json
  tags                    = local.tags
}

resource "aws_kms_alias" "main" {
  name          = "alias/${var.name}"
  target_key_id = aws_kms_key.main.key_id
}

locals {
  tags = merge(var.tags, { Application = "lyceum", Environment = var.environment })
}

module "network" {
  source             = "../modules/network"
  name               = var.name
  region             = var.region
  single_nat_gateway = var.single_nat_gateway
  log_kms_key_arn    = aws_kms_key.main.arn
  tags               = local.tags
}

module "storage" {
  source               = "../modules/storage"
  name                 = "${var.bucket_prefix}-${var.name}"
  kms_key_arn          = aws_kms_key.main.arn
  cors_allowed_origins = ["https://${var.domain_name}"]
  tags                 = local.tags
}

module "data" {
  source                  = "../modules/data"
  name                    = var.name
  vpc_id                  = module.network.vpc_id
  data_subnet_ids         = module.network.data_subnet_ids
  app_security_group_id   = module.compute.task_security_group_id
  kms_key_arn             = aws_kms_key.main.arn
  database_instance_class = var.database_instance_class
  multi_az                = var.multi_az
  tags                    = local.tags
}

module "compute" {
  source                  = "../modules/compute"
  name                    = var.name
  region                  = var.region
  vpc_id                  = module.network.vpc_id
  vpc_cidr_block          = module.network.vpc_cidr_block
  public_subnet_ids       = module.network.public_subnet_ids
  private_subnet_ids      = module.network.private_subnet_ids
  image                   = "${module.registry.repository_url}:${var.image_tag}"
  min_tasks               = var.min_tasks
  max_tasks               = var.max_tasks
  domain_name             = var.domain_name
  route53_zone_id         = var.route53_zone_id
  certificate_arn         = var.certificate_arn
  database_url_secret_arn = module.data.database_url_secret_arn
  jwt_secret_arn          = module.data.jwt_secret_arn
  kms_key_arn             = aws_kms_key.main.arn
  media_bucket_arn        = module.storage.media_bucket_arn
  access_log_bucket       = module.storage.access_log_bucket_name
  tags                    = local.tags
}

module "registry" {
  source            = "../modules/registry"
  name              = var.name
  github_repository = var.github_repository
  ecs_role_arns     = [module.compute.task_role_arn, module.compute.execution_role_arn]
  kms_key_arn       = aws_kms_key.main.arn
  tags              = local.tags
}

module "eks" {
  source             = "../modules/eks"
  count              = var.enable_eks ? 1 : 0
  name               = var.name
  private_subnet_ids = module.network.private_subnet_ids
  kms_key_arn        = aws_kms_key.main.arn
  tags               = local.tags
}

module "observability" {
  source                   = "../modules/observability"
  name                     = var.name
  region                   = var.region
  kms_key_arn              = aws_kms_key.main.arn
  alarm_emails             = var.alarm_emails
  load_balancer_arn_suffix = module.compute.load_balancer_arn_suffix
  target_group_arn_suffix  = module.compute.target_group_arn_suffix
  cluster_name             = module.compute.cluster_name
  service_name             = module.compute.service_name
  database_identifier      = module.data.database_identifier
  tags                     = local.tags
}
