resource "aws_sns_topic" "alarms" {
  name              = "${var.name}-alarms"
  kms_master_key_id = var.kms_key_arn
  tags              = var.tags
}

resource "aws_sns_topic_subscription" "email" {
  for_each  = toset(var.alarm_emails)
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.value
}

locals {
  alb_dimensions     = { LoadBalancer = var.load_balancer_arn_suffix }
  target_dimensions  = { LoadBalancer = var.load_balancer_arn_suffix, TargetGroup = var.target_group_arn_suffix }
  service_dimensions = { ClusterName = var.cluster_name, ServiceName = var.service_name }
  rds_dimensions     = { DBInstanceIdentifier = var.database_identifier }
  alarms = {
    "alb-5xx" = {
      namespace   = "AWS/ApplicationELB", metric = "HTTPCode_Target_5XX_Count", statistic = "Sum",
      threshold   = 10, comparison = "GreaterThanThreshold", dimensions = local.alb_dimensions,
      description = "More than 10 server errors a minute"
    }
    "unhealthy-hosts" = {
      namespace   = "AWS/ApplicationELB", metric = "UnHealthyHostCount", statistic = "Maximum",
      threshold   = 0, comparison = "GreaterThanThreshold", dimensions = local.target_dimensions,
      description = "A task fails its readiness check"
    }
    "ecs-cpu" = {
      namespace   = "AWS/ECS", metric = "CPUUtilization", statistic = "Average",
      threshold   = 85, comparison = "GreaterThanThreshold", dimensions = local.service_dimensions,
      description = "Tasks above 85% CPU (autoscaling targets 70%)"
    }
    "ecs-memory" = {
      namespace   = "AWS/ECS", metric = "MemoryUtilization", statistic = "Average",
      threshold   = 85, comparison = "GreaterThanThreshold", dimensions = local.service_dimensions,
      description = "Tasks above 85% memory"
    }
    "rds-cpu" = {
      namespace   = "AWS/RDS", metric = "CPUUtilization", statistic = "Average",
      threshold   = 80, comparison = "GreaterThanThreshold", dimensions = local.rds_dimensions,
      description = "Database above 80% CPU"
    }
    "rds-free-storage" = {
      namespace   = "AWS/RDS", metric = "FreeStorageSpace", statistic = "Minimum",
      threshold   = 5368709120, comparison = "LessThanThreshold", dimensions = local.rds_dimensions,
      description = "Less than 5 GiB of database storage left"
    }
    "rds-replica-lag" = {
      namespace   = "AWS/RDS", metric = "ReplicaLag", statistic = "Maximum",
      threshold   = 30, comparison = "GreaterThanThreshold", dimensions = local.rds_dimensions,
      description = "A read replica is more than 30 s behind (no data without replicas)"
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "simple" {
  for_each            = local.alarms
  alarm_name          = "${var.name}-${each.key}"
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  statistic           = each.value.statistic
  dimensions          = each.value.dimensions
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  threshold           = each.value.threshold
  comparison_operator = each.value.comparison
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "p99_latency" {
  alarm_name          = "${var.name}-p99-latency"
  alarm_description   = "p99 target response time above 500 ms"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "TargetResponseTime"
  extended_statistic  = "p99"
  dimensions          = local.alb_dimensions
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  threshold           = 0.5
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

resource "aws_cloudwatch_dashboard" "main" {
  dashboard_name = var.name
  dashboard_body = jsonencode({
    widgets = [
      {
        type = "metric", x = 0, y = 0, width = 12, height = 6
        properties = {
          title = "Requests and server errors", region = var.region, stat = "Sum", period = 60
          metrics = [
            ["AWS/ApplicationELB", "RequestCount", "LoadBalancer", var.load_balancer_arn_suffix],
            ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", var.load_balancer_arn_suffix],
          ]
        }
      },
      {
        type = "metric", x = 12, y = 0, width = 12, height = 6
        properties = {
          title = "Response time p50 / p99", region = var.region, period = 60
          metrics = [
            ["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", var.load_balancer_arn_suffix, { stat = "p50" }],
            ["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", var.load_balancer_arn_suffix, { stat = "p99" }],
          ]
        }
      },
      {
        type = "metric", x = 0, y = 6, width = 12, height = 6
        properties = {
          title = "Tasks CPU and memory", region = var.region, stat = "Average", period = 60
          metrics = [
            ["AWS/ECS", "CPUUtilization", "ClusterName", var.cluster_name, "ServiceName", var.service_name],
            ["AWS/ECS", "MemoryUtilization", "ClusterName", var.cluster_name, "ServiceName", var.service_name],
          ]
        }
      },
      {
        type = "metric", x = 12, y = 6, width = 12, height = 6
        properties = {
          title = "Database", region = var.region, stat = "Average", period = 60
          metrics = [
            ["AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", var.database_identifier],
            ["AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", var.database_identifier],
          ]
        }
      },
    ]
  })
}
