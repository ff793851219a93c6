data "aws_vpc" "main" {
  default = true
}
