variable "name" {
  default = "orders"
}

resource "aws_db_instance" "main" {
  identifier = var.name
  multi_az   = false
}
