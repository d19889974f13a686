output "vpc_id" {
  description = "The VPC."
  value       = aws_vpc.main.id
}

output "public_subnet_ids" {
  description = "Subnets for the load balancer."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "Subnets for the application (ECS tasks or EKS nodes)."
  value       = aws_subnet.private[*].id
}

output "data_subnet_ids" {
  description = "Subnets for RDS and ElastiCache, with no route to the internet."
  value       = aws_subnet.data[*].id
}

output "vpc_cidr_block" {
  description = "The VPC's address range."
  value       = aws_vpc.main.cidr_block
}
