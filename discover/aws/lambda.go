package aws

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/lambda"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

func lambdaSteps() []step {
	return []step{
		{service: "lambda", name: "functions", run: lambdaFunctions},
		{service: "lambda", name: "event-source-mappings", run: lambdaEventSources},
	}
}

// lambdaFunctions: a function needs the regional Lambda service and, when
// attached to a VPC, any one of its subnets. Environment variables are
// never read into the estate.
func lambdaFunctions(ctx context.Context, t *task) error {
	p := lambda.NewListFunctionsPaginator(lambda.NewFromConfig(t.cfg), &lambda.ListFunctionsInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, f := range page.Functions {
			id := s(f.FunctionArn)
			attrs := map[string]any{"runtime": string(f.Runtime), "memory_mb": int(deref32(f.MemorySize))}
			t.sink.node(nodeOf(id, "function", "AWS::Lambda::Function", s(f.FunctionName), nil, "lambda:ListFunctions", attrs))
			t.sink.regional(id, "lambda", "lambda:ListFunctions: a regional, zone-redundant service")
			if f.VpcConfig == nil || len(f.VpcConfig.SubnetIds) == 0 {
				continue
			}
			var subnets []string
			for _, sn := range f.VpcConfig.SubnetIds {
				subnets = append(subnets, arn("ec2", t.region, t.account, "subnet/"+sn))
			}
			t.sink.group(id, graph.GroupID(id, "subnets"), 1, subnets, "lambda:ListFunctions VpcConfig.SubnetIds: any one subnet")
		}
	}
	return nil
}

// lambdaEventSources: a function fed by a queue or stream needs it.
func lambdaEventSources(ctx context.Context, t *task) error {
	p := lambda.NewListEventSourceMappingsPaginator(lambda.NewFromConfig(t.cfg), &lambda.ListEventSourceMappingsInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, m := range page.EventSourceMappings {
			src := s(m.EventSourceArn)
			if src == "" {
				continue
			}
			// A DynamoDB stream belongs to its table.
			if i := strings.Index(src, "/stream/"); i > 0 && strings.Contains(src, ":dynamodb:") {
				src = src[:i]
			}
			fn := s(m.FunctionArn)
			if i := strings.LastIndex(fn, ":"); strings.Count(fn, ":") > 6 && i > 0 {
				fn = fn[:i] // a qualified ARN (alias or version) names the function
			}
			t.sink.edge(fn, src, "lambda:ListEventSourceMappings EventSourceArn (state "+s(m.State)+")")
		}
	}
	return nil
}
