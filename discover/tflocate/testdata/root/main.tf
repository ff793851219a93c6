provider "aws" {
  region = "us-east-1"
}

resource "aws_instance" "web" {
  count         = 2
  ami           = "ami-123"
  instance_type = "t3.micro"
}

module "db" {
  source = "./modules/db"
}

module "remote" {
  source = "terraform-aws-modules/vpc/aws"
}
