package terraform

import (
	"bytes"
	"fmt"
	"syscall"
	"testing"
	"time"
)

// generateState writes a raw state with n managed resource instances: a
// VPC per 1000, subnets over three zones, and instances, databases and
// queues that refer to them, with the attribute volume of real states.
func generateState(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"version":4,"terraform_version":"1.6.0","serial":1,"lineage":"bench","outputs":{},"resources":[`)
	zones := []string{"us-east-1a", "us-east-1b", "us-east-1c"}
	first := true
	res := func(typ, name string, count int, attrs func(i int) string, deps string) {
		if count == 0 {
			return
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		fmt.Fprintf(&b, `{"mode":"managed","type":%q,"name":%q,"provider":"provider[\"registry.terraform.io/hashicorp/aws\"]","instances":[`, typ, name)
		for i := 0; i < count; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"index_key":%d,"schema_version":1,"attributes":{%s},"sensitive_attributes":[],"dependencies":[%s]}`, i, attrs(i), deps)
		}
		b.WriteString(`]}`)
	}
	groups := n / 1000
	for g := 0; g < groups; g++ {
		vpc := fmt.Sprintf("vpc-%06d", g)
		res("aws_vpc", fmt.Sprintf("v%d", g), 1, func(int) string {
			return fmt.Sprintf(`"id":%q,"arn":"arn:aws:ec2:us-east-1:111122223333:vpc/%s","cidr_block":"10.0.0.0/16","tags":{"Name":"v%d"}`, vpc, vpc, g)
		}, "")
		res("aws_subnet", fmt.Sprintf("s%d", g), 9, func(i int) string {
			id := fmt.Sprintf("subnet-%06d-%d", g, i)
			return fmt.Sprintf(`"id":%q,"arn":"arn:aws:ec2:us-east-1:111122223333:subnet/%s","vpc_id":%q,"availability_zone":%q,"cidr_block":"10.0.%d.0/24","map_public_ip_on_launch":false,"tags":{"Name":%q}`,
				id, id, vpc, zones[i%3], i, id)
		}, fmt.Sprintf(`"aws_vpc.v%d"`, g))
		// The data path: one NAT, a route table whose default route uses
		// it, and every subnet associated with the table.
		res("aws_nat_gateway", fmt.Sprintf("nat%d", g), 1, func(int) string {
			return fmt.Sprintf(`"id":"nat-%06d","allocation_id":"eipalloc-%06d","subnet_id":"subnet-%06d-0"`, g, g, g)
		}, "")
		res("aws_route_table", fmt.Sprintf("rt%d", g), 1, func(int) string {
			return fmt.Sprintf(`"id":"rtb-%06d","arn":"arn:aws:ec2:us-east-1:111122223333:route-table/rtb-%06d","vpc_id":%q,"route":[]`, g, g, vpc)
		}, "")
		res("aws_route", fmt.Sprintf("default%d", g), 1, func(int) string {
			return fmt.Sprintf(`"id":"r-rtb-%06d1080289494","route_table_id":"rtb-%06d","destination_cidr_block":"0.0.0.0/0","nat_gateway_id":"nat-%06d"`, g, g, g)
		}, "")
		res("aws_route_table_association", fmt.Sprintf("a%d", g), 9, func(i int) string {
			return fmt.Sprintf(`"id":"rtbassoc-%06d-%d","subnet_id":"subnet-%06d-%d","route_table_id":"rtb-%06d"`, g, i, g, i, g)
		}, "")
		res("aws_instance", fmt.Sprintf("web%d", g), 900-12, func(i int) string {
			id := fmt.Sprintf("i-%06d%04d", g, i)
			return fmt.Sprintf(`"id":%q,"arn":"arn:aws:ec2:us-east-1:111122223333:instance/%s","ami":"ami-0123456789","instance_type":"m5.large","availability_zone":%q,"subnet_id":"subnet-%06d-%d","vpc_security_group_ids":["sg-%06d"],"user_data":"c2VjcmV0","private_ip":"10.0.1.%d","monitoring":false,"ebs_optimized":true,"root_block_device":[{"volume_size":50,"volume_type":"gp3","encrypted":true}],"tags":{"Name":%q,"service":"svc-%d"},"tags_all":{"Name":%q}`,
				id, id, zones[i%3], g, i%9, g, i%250, id, i%20, id)
		}, fmt.Sprintf(`"aws_subnet.s%d","aws_vpc.v%d"`, g, g))
		res("aws_db_instance", fmt.Sprintf("db%d", g), 45, func(i int) string {
			id := fmt.Sprintf("db-%06d-%d", g, i)
			return fmt.Sprintf(`"id":%q,"arn":"arn:aws:rds:us-east-1:111122223333:db:%s","identifier":%q,"engine":"postgres","instance_class":"db.r6g.large","multi_az":%t,"availability_zone":%q,"password":"not-a-real-password","allocated_storage":100`,
				id, id, id, i%2 == 0, zones[i%3])
		}, "")
		res("aws_sqs_queue", fmt.Sprintf("q%d", g), 45, func(i int) string {
			id := fmt.Sprintf("q-%06d-%d", g, i)
			return fmt.Sprintf(`"id":"https://sqs.us-east-1.amazonaws.com/111122223333/%s","arn":"arn:aws:sqs:us-east-1:111122223333:%s","name":%q,"fifo_queue":false`, id, id, id)
		}, "")
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

// BenchmarkDecode50k ingests a generated 50,000-resource state
// (target: under 2 s and 1 GB).
func BenchmarkDecode50k(b *testing.B) {
	data := generateState(50000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	cpu := processCPU()
	for b.Loop() {
		est, err := Decode(data, "bench.tfstate")
		if err != nil {
			b.Fatal(err)
		}
		if len(est.Nodes) < 50000 {
			b.Fatalf("only %d nodes", len(est.Nodes))
		}
	}
	// CPU seconds per op (all threads, GC included): on a loaded machine
	// wall time measures the neighbours, this measures the reader.
	b.ReportMetric((processCPU()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
