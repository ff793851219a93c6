package aws

import (
	"context"
	"slices"
	"strings"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

func dynamodbSteps() []step {
	return []step{{service: "dynamodb", name: "tables", run: dynamodbTables}}
}

// dynamodbTables: a table needs its region's DynamoDB service; a global
// table (replicas in other regions) is also named as one node that survives
// while any one regional replica does.
func dynamodbTables(ctx context.Context, t *task) error {
	c := dynamodb.NewFromConfig(t.cfg)
	p := dynamodb.NewListTablesPaginator(c, &dynamodb.ListTablesInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		outs := make([]*dynamodb.DescribeTableOutput, len(page.TableNames))
		errs := make([]error, len(page.TableNames))
		fanOut(len(outs), fanOutWidth, func(i int) {
			outs[i], errs[i] = c.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: sdkaws.String(page.TableNames[i])})
		})
		for i, name := range page.TableNames {
			if errs[i] != nil {
				t.soft(errs[i])
				continue
			}
			tb := outs[i].Table
			id := s(tb.TableArn)
			if id == "" {
				id = arn("dynamodb", t.region, t.account, "table/"+name)
			}
			regions := []string{t.region}
			for _, r := range tb.Replicas {
				regions = append(regions, s(r.RegionName))
			}
			regions = slices.Compact(slices.Sorted(slices.Values(regions)))
			attrs := map[string]any{"stored_bytes": sdkaws.ToInt64(tb.TableSizeBytes), "status": string(tb.TableStatus)}
			if len(regions) > 1 {
				attrs["replica_regions"] = regions
			}
			t.sink.node(nodeOf(id, "database", "AWS::DynamoDB::Table", name, nil, "dynamodb:DescribeTable", attrs))
			t.sink.regional(id, "dynamodb", "dynamodb:DescribeTable: a regional, zone-redundant service")
			if len(regions) > 1 {
				gid := "arn:" + partition(t.region) + ":dynamodb::" + t.account + ":global-table/" + name
				var members []string
				for _, r := range regions {
					members = append(members, strings.Replace(id, ":"+t.region+":", ":"+r+":", 1))
				}
				g := nodeOf(gid, "database", "AWS::DynamoDB::GlobalTable", name, nil,
					"dynamodb:DescribeTable Replicas", map[string]any{"replica_regions": regions})
				g.Region = "global"
				t.sink.node(g)
				t.sink.group(gid, graph.GroupID(gid, "replicas"), 1, members, "dynamodb:DescribeTable Replicas: any one regional replica serves")
			}
		}
	}
	return nil
}
