package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi"

	"github.com/untether-dev/untether/discover"
)

func taggingSteps() []step {
	return []step{{service: "tagging", name: "resources", run: taggingResources}}
}

// taggingResources reads the tags of every tagged resource of a region in
// one paginated call (the Resource Groups Tagging API), for the services
// whose listings carry no tags (load balancers, DynamoDB, Lambda, SQS, SNS,
// Kinesis, ElastiCache ...). The tags a listing gave win; secret-looking
// values are redacted as everywhere. Tags are how a policy names business
// services, so a resource without them would fall out of its service.
func taggingResources(ctx context.Context, t *task) error {
	p := resourcegroupstaggingapi.NewGetResourcesPaginator(resourcegroupstaggingapi.NewFromConfig(t.cfg),
		&resourcegroupstaggingapi.GetResourcesInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, m := range page.ResourceTagMappingList {
			tags := map[string]string{}
			for _, tag := range m.Tags {
				tags[s(tag.Key)] = s(tag.Value)
			}
			t.sink.tags(s(m.ResourceARN), safeTags(tags))
		}
	}
	return nil
}
